"""``longest_monologue``: the subject's longest stretch of talk without a
break, in seconds (with timestamps) or words; the other party's short
backchannels do not break it. Its helpers are :mod:`.delivery`'s."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Analysis, Evidence, MetricResult, Role
from ..wording import counted
from .base import MetricSpec, Param, Params, Scope
from .common import turn_end
from .delivery import amount, missing_timestamps, opening, word_counts

_MONOLOGUES_SHOWN = 3  # stretches over the limit quoted in the evidence


def longest_monologue(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """The subject's longest uninterrupted stretch of talk, in seconds (or words).

    Consecutive turns of the subject are one stretch, and so are turns
    separated only by the other party's backchannels: turns of fewer than
    ``backchannel_words`` words that ask no question ("Mm-hmm.", "Right.").
    A stretch in seconds runs from the start of its first turn to the end of
    its last. A long stretch loses the listener: in an interview, answers of
    more than about two minutes, and interviewer speeches, stop being a
    conversation.
    """
    subject = scope.subject
    by_seconds = params["unit"] == "seconds"
    turns = scope.turns(analysis)
    all_turns = analysis.transcript.turns
    counts = word_counts(analysis)
    stretches = _stretches(analysis, turns, subject, params["backchannel_words"], counts)
    if not stretches:
        return MetricResult(None, reason=f"the {subject} did not speak")
    if by_seconds:
        reason = missing_timestamps(analysis, [t for s in stretches for t in s])
        if reason is not None:
            return MetricResult(None, reason=reason)
    sized = []
    for stretch in stretches:
        words = sum(counts.get(t, 0) for t in stretch)
        size = float(words)
        if by_seconds:  # every turn of every stretch is timed (checked above)
            size = (turn_end(analysis, stretch[-1]) or 0.0) - (all_turns[stretch[0]].start or 0.0)
        sized.append((stretch, size, words))
    limit = float(params["max_seconds"] if by_seconds else params["max_words"])
    over = sorted(
        (item for item in sized if item[1] > limit), key=lambda item: (-item[1], item[0][0])
    )
    longest_item = min(sized, key=lambda item: (-item[1], item[0][0]))
    shown = over[:_MONOLOGUES_SHOWN] or [longest_item]
    evidence = []
    for stretch, size, words in shown:
        span = f"turn {stretch[0]}" if len(stretch) == 1 else f"turns {stretch[0]}-{stretch[-1]}"
        note = f"{amount(size, by_seconds)} without a break ({span}"
        note += f", {counted(words, 'word')})" if by_seconds else ")"
        quoted = opening(analysis, stretch[0])
        if size > limit:
            note += f", over the {amount(limit, by_seconds)} limit"
            evidence.append(Evidence(stretch[0], quoted, note, "improvement"))
        else:
            evidence.append(Evidence(stretch[0], quoted, note))
    stretch, longest, words = longest_item
    return MetricResult(
        value=round(longest, 1),
        evidence=tuple(evidence),
        details={
            "longest": round(longest, 1),
            "words": words,
            "turns": len(stretch),
            "stretches": len(stretches),
            "over_limit": len(over),
        },
        items=tuple((f"turn {s[0]}", round(size, 1)) for s, size, _ in sized),
    )


def _stretches(
    analysis: Analysis,
    turns: Sequence[int],
    subject: Role,
    backchannel: int,
    counts: Mapping[int, int],
) -> list[list[int]]:
    """The subject's turns among ``turns``, grouped into uninterrupted stretches."""
    in_scope = set(turns)
    asking = {q.turn for q in analysis.questions}
    stretches: list[list[int]] = []
    current: list[int] = []
    for turn in analysis.transcript.turns:
        if turn.index not in in_scope:
            interrupted = True
        elif turn.role == subject:
            if counts.get(turn.index):
                current.append(turn.index)
            continue
        else:
            interrupted = counts.get(turn.index, 0) >= backchannel or turn.index in asking
        if interrupted and current:
            stretches.append(current)
            current = []
    if current:
        stretches.append(current)
    return stretches


LONGEST_MONOLOGUE = MetricSpec(
    name="longest_monologue",
    function=longest_monologue,
    description=(
        "The speaker's longest stretch without a break, in seconds (needs timestamps) or "
        "words: consecutive turns merged, the other party's short backchannels ignored."
    ),
    scale="seconds",
    params={
        "unit": Param(
            "string",
            "seconds",
            "measure stretches in seconds (needs timestamps) or in words",
            choices=("seconds", "words"),
        ),
        "max_seconds": Param(
            "number",
            120.0,
            "stretches longer than this many seconds are listed with a quote (unit seconds)",
            1,
        ),
        "max_words": Param(
            "integer",
            300,
            "stretches longer than this many words are listed with a quote (unit words)",
            1,
        ),
        "backchannel_words": Param(
            "integer",
            3,
            "the other party's turns of fewer words than this that ask nothing "
            "('Mm-hmm.', 'Right.') do not break a stretch",
            1,
            20,
        ),
    },
    details=("longest", "words", "turns", "stretches", "over_limit"),
    roles=("candidate", "interviewer"),
)


SPECS: tuple[MetricSpec, ...] = (LONGEST_MONOLOGUE,)
