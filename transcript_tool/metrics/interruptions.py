"""interruptions: the subject's turns that begin where the other party's turn
was cut off ("... and then what I did was--" / "Okay, and how big was the
team?").

A transcript shows speech cut off with a dash at the end of the turn (``--``,
an em or en dash, or a word broken off with ``-``), as Rev, Otter and most
human transcribers write it. Captions and ASR output mark nothing, so there
the count is 0 for want of evidence; the feedback says what was looked at.
A listener's backchannel after the dash ("Mm-hm.", "Sure.", "[laughs]")
takes no turn from the speaker, who goes on ("... we were partners on the
project--" / "Mm-hm." / "--but we found ..."): transcribers mark the break
in the speech where the other's sound falls the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Analysis, Evidence, MetricResult, Turn
from .base import MetricSpec, Param, Params, Scope
from .delivery import other_party, word_counts

EVIDENCE = 3  # cut-off turns quoted at most
_TAIL_WORDS = 12

CUT_OFF = re.compile(r"(?:--|[—–]|(?<=\w)-)\s*[\"'”’]?\s*$")
"""A turn that ends in a dash, after any closing quotation mark: its speech
was cut off."""

_TAIL = re.compile(rf"(?:\S+\s+){{0,{_TAIL_WORDS - 1}}}\S+\s*$")


def cut_off(text: str) -> bool:
    """Whether a turn's ``text`` ends cut off ("so what I--", "we never—")."""
    return bool(CUT_OFF.search(text))


def cut_in(turns: Sequence[Turn], index: int) -> bool:
    """Whether turn ``index`` of ``turns`` ends cut off (:func:`cut_off`)
    where someone of another role speaks next: the other cut in on it."""
    return (
        index + 1 < len(turns)
        and turns[index + 1].role != turns[index].role
        and cut_off(turns[index].text)
    )


def interruptions(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """The subject's turns in scope that begin right after the other party's
    turn ended cut off: the subject spoke before the other had finished
    (``handovers``: the subject's turns in scope right after the other's),
    unless the subject's turn is a backchannel (fewer than
    ``backchannel_words`` words, asking nothing) after which the other goes
    on: the other was not stopped.

    Candidates who are cut off stop developing their answer, and what they
    were about to say is lost to the interviewer's judgement; an interviewer
    who often cuts in also teaches the candidate to keep answers short.
    """
    subject = scope.subject
    other = other_party(subject)
    turns = analysis.transcript.turns
    in_scope = [t for t in scope.turns(analysis) if turns[t].role == subject]
    if not in_scope:
        return MetricResult(None, reason=f"the {subject} did not speak")
    handed = [t - 1 for t in in_scope if t > 0 and turns[t - 1].role == other]
    counts = word_counts(analysis)
    asking = {q.turn for q in analysis.questions} | {c.turn for c in analysis.check_ins}

    def goes_on(index: int) -> bool:
        """The turn after ``index`` only backchannels, and the other goes on."""
        listener = index + 1
        return (
            counts.get(listener, 0) < params["backchannel_words"]
            and listener not in asking
            and listener + 1 < len(turns)
            and turns[listener + 1].role == other
        )

    cut = [index for index in handed if cut_in(turns, index) and not goes_on(index)]
    evidence = tuple(
        Evidence(
            index,
            _tail(turns[index].text),
            f"the {other}'s turn, cut off: turn {index + 1} begins",
            "improvement",
        )
        for index in cut[:EVIDENCE]
    )
    return MetricResult(
        value=float(len(cut)),
        evidence=evidence,
        details={"interruptions": len(cut), "handovers": len(handed)},
        items=tuple((f"turn {index + 1}", 1.0) for index in cut),
    )


def _tail(text: str) -> str:
    """The last words of ``text``, verbatim (a quote of the turn)."""
    match = _TAIL.search(text)
    return (match[0] if match else text).strip()


INTERRUPTIONS = MetricSpec(
    name="interruptions",
    function=interruptions,
    description=(
        "The speaker's turns that begin right after the other party's turn ended cut off "
        "(a dash at the end of the turn: 'so what I--'), as transcribers mark speech "
        "interrupted; captions and ASR output mark none. A backchannel after which the "
        "other goes on ('Mm-hm.') is no interruption."
    ),
    scale="count",
    params={
        "backchannel_words": Param(
            "integer",
            3,
            "a turn of fewer words than this that asks nothing ('Mm-hm.', 'Sure.'), after "
            "which the other party goes on, does not cut them off",
            1,
            20,
        ),
    },
    details=("interruptions", "handovers"),
    roles=("interviewer", "candidate"),
)

SPECS: tuple[MetricSpec, ...] = (INTERRUPTIONS,)
