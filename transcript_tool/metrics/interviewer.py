"""The interviewer's own habits: how much of the interview they talk, whether
they talk at length without asking, and whether they ask one clear, open
question at a time (not the same question twice, not several at once, not
one that suggests its answer).

These are feedback for interviewers (and for mock-interview partners): a
candidate can only show what the questions let them show.

This module holds talk_share, context_monologues and interviewer_check_ins,
and the specs of all six; rephrased_questions, stacked_questions and
leading_questions have modules of their own (:mod:`.rephrased`,
:mod:`.stacked`, :mod:`.leading`), whose cues live in
``data/interviewer.yaml`` and are found in the interviewer's turns by
:mod:`transcript_tool.annotate.interviewer_cues`.
"""

from __future__ import annotations

import re

from ..annotate.exchanges import SETUP_WORDS, setup_words
from ..annotate.interviewer_cues import load_interviewer_cues
from ..model import Analysis, Evidence, MetricResult, plain
from ..wording import counted
from .base import MetricSpec, Param, Params, Scope
from .delivery import (
    longest_note,
    longest_turn,
    missing_timestamps,
    opening,
    other_party,
    speech_share,
)
from .interviewer_turns import EVIDENCE, no_questions, span_quote, subject_turns
from .leading import LEADING_QUESTIONS
from .rephrased import REPHRASED_QUESTIONS
from .stacked import STACKED_QUESTIONS

# ----------------------------------------------------------------- talk_share


def talk_share(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """The subject's share of the talking in percent (of the words, or of the
    speaking time with ``unit: seconds``).

    An interviewer who talks for most of the interview leaves the candidate
    too little time to show what they can do; a third or less is usual.
    """
    subject = scope.subject
    turns = scope.turns(analysis)
    by_seconds = params["unit"] == "seconds"
    if by_seconds:
        reason = missing_timestamps(analysis, turns)
        if reason is not None:
            return MetricResult(None, reason=reason)
    speech = speech_share(analysis, turns)
    share = speech.share(subject, by_seconds)
    if share is None:
        return MetricResult(None, reason="nobody spoke")
    evidence = []
    longest = longest_turn(analysis, turns, subject, by_seconds)
    if longest is not None:
        note = longest_note(subject, scope, longest[1], by_seconds)
        evidence.append(Evidence(longest[0], opening(analysis, longest[0]), note))
    return MetricResult(
        value=round(share, 1),
        evidence=tuple(evidence),
        details=speech.details(subject, by_seconds),
        items=speech.items(by_seconds),
    )


# --------------------------------------------------------- context_monologues


def context_monologues(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """Turns in which the subject says at least ``min_words`` words before
    their first question, or that ask nothing at all (no question and no
    check-in) before a later question of theirs: context, stories or
    opinions at length, and set-ups that keep the question waiting. A turn
    that asks nothing after the subject's last question closes the
    interview (thanks, next steps) and keeps no question waiting, as in
    :func:`.exchanges.find_long_setups`. The set-up of a case, a scenario
    or a design problem is its question's material, and an intro to a
    recording's viewers keeps no one waiting (:func:`.exchanges.setup_words`).

    Long setups eat the candidate's time and bury the question that follows;
    a question at the end of 200 words of context does not make them short.
    A turn that answers the other party's question (the interviewer
    describing the team when asked) is not counted unless
    ``include_answers`` is set.
    """
    subject = scope.subject
    turns = subject_turns(analysis, scope)
    if not turns:
        return MetricResult(None, reason=f"the {subject} did not speak")
    checking = {c.turn for c in analysis.check_ins}
    last_question = max((q.turn for q in analysis.questions if q.role == subject), default=-1)
    answering = {t for e in analysis.exchanges if e.asker_role != subject for t in e.answer_turns}
    judged = [t for t in turns if params["include_answers"] or t.index not in answering]
    leads: dict[int, int] = {}  # the words before each judged turn's first question
    for t in judged:
        # a check-in asks, in a turn with no question; after the last question
        # the interview is closing (but for answers to the candidate's questions)
        waits = t.index < last_question or t.index in answering
        if t.questions or (t.index not in checking and waits):
            lead = setup_words(t.text, t.questions)  # None: an exercise's, or an intro to viewers
            if lead is not None:
                leads[t.index] = lead if t.questions else t.words
    long = [t for t in judged if leads.get(t.index, 0) >= params["min_words"]]
    ranked = sorted(long, key=lambda t: (-leads[t.index], t.index))
    evidence = [
        Evidence(
            t.index,
            opening(analysis, t.index),
            (
                f"{counted(leads[t.index], 'word')} before asking"
                if t.questions
                else f"{counted(t.words, 'word')} without asking anything"
            ),
            "improvement",
        )
        for t in ranked[:EVIDENCE]
    ]
    if not long:
        # The strength quotes the longest turn the count judged: a longer one
        # answering the candidate's question ("How big is the team?") says
        # nothing of the set-ups the feedback praises.
        widest = min(judged or turns, key=lambda t: (-t.words, t.index))
        asks = bool(widest.questions) or widest.index in checking
        asking = ", and it asks a question" if asks else ""
        if not judged:
            asking = f", answering the {other_party(subject)}'s question"
        evidence.append(
            Evidence(
                widest.index,
                opening(analysis, widest.index),
                f"the longest turn: {counted(widest.words, 'word')}{asking}",
                "strength",
            )
        )
    return MetricResult(
        value=float(len(long)),
        evidence=tuple(evidence),
        details={
            "monologues": len(long),
            "longest_words": max((leads[t.index] for t in long), default=0),
        },
        items=tuple((f"turn {t.index}", float(leads[t.index])) for t in long),
    )


# ------------------------------------------------------ interviewer_check_ins

_WORD = re.compile(r"[a-z]+")


def interviewer_check_ins(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """The subject's check-ins on being followed ("does that make sense?",
    "is that clear?", "okay?"), and how many per question asked; not checks
    of the line, the screen or whether to begin ("can you hear me?", "can
    you see my screen?": interviewer.yaml ``line_check_words``).

    A few are good practice; one after every question is a verbal tic that
    interrupts the candidate's thinking.
    """
    subject = scope.subject
    turns = subject_turns(analysis, scope)
    if not turns:
        return MetricResult(None, reason=f"the {subject} did not speak")
    unscored = no_questions(turns, subject)
    if unscored is not None:
        return unscored
    in_scope = {t.index for t in turns}
    line_words = load_interviewer_cues().line_check_words
    check_ins = [
        c
        for c in analysis.check_ins
        if c.role == subject
        and c.turn in in_scope
        and line_words.isdisjoint(_WORD.findall(plain(c.text)))
    ]
    asked = sum(len(t.questions) for t in turns)
    all_turns = analysis.transcript.turns
    evidence = []
    seen: set[str] = set()
    for check_in in check_ins:
        said = plain(check_in.text)
        if said in seen:
            continue
        seen.add(said)
        times = sum(1 for c in check_ins if plain(c.text) == said)
        evidence.append(
            Evidence(
                check_in.turn,
                span_quote(all_turns[check_in.turn].text, check_in.start, check_in.end),
                f"a check-in{f', said {times} times' if times > 1 else ''}",
            )
        )
    per_turn: dict[int, int] = {}
    for check_in in check_ins:
        per_turn[check_in.turn] = per_turn.get(check_in.turn, 0) + 1
    return MetricResult(
        value=float(len(check_ins)),
        evidence=tuple(evidence[:EVIDENCE]),
        details={
            "check_ins": len(check_ins),
            "per_question": round(len(check_ins) / asked, 2),
        },
        items=tuple((f"turn {t}", float(n)) for t, n in sorted(per_turn.items())),
    )


# ---------------------------------------------------------------- the specs

TALK_SHARE = MetricSpec(
    name="talk_share",
    function=talk_share,
    description=(
        "The speaker's share of the talking in percent, of the words (or, with unit "
        "'seconds', of the speaking time). An interviewer usually talks a third or less."
    ),
    scale="percent",
    params={
        "unit": Param(
            "string",
            "words",
            "share of the words, or of the speaking time (needs timestamps on every turn)",
            choices=("words", "seconds"),
        ),
    },
    details=("share", "words", "total_words"),
    roles=("interviewer", "candidate"),
)

CONTEXT_MONOLOGUES = MetricSpec(
    name="context_monologues",
    function=context_monologues,
    description=(
        "The interviewer's long set-ups: turns that say min_words or more before their "
        "first question, or ask nothing (no question, no check-in); a case or scenario "
        "set up for its question is not one."
    ),
    scale="count",
    params={
        "min_words": Param(
            "integer",
            SETUP_WORDS,
            "a turn that says this many words or more before it asks counts",
            20,
            1000,
        ),
        "include_answers": Param(
            "boolean",
            False,
            "also count turns that answer the candidate's questions (describing the team "
            "when asked)",
        ),
    },
    details=("monologues", "longest_words"),
    roles=("interviewer",),
)


INTERVIEWER_CHECK_INS = MetricSpec(
    name="interviewer_check_ins",
    function=interviewer_check_ins,
    description=(
        "The interviewer's check-ins ('does that make sense?', 'can you hear me?'), with "
        "check-ins per question asked."
    ),
    scale="count",
    params={},
    details=("check_ins", "per_question"),
    roles=("interviewer",),
)

SPECS: tuple[MetricSpec, ...] = (
    TALK_SHARE,
    CONTEXT_MONOLOGUES,
    REPHRASED_QUESTIONS,
    STACKED_QUESTIONS,
    LEADING_QUESTIONS,
    INTERVIEWER_CHECK_INS,
)
