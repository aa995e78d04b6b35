"""Turn-taking: how long a speaker takes to start answering and how long
they fall silent in an answer (``response_latency``), and how often the floor
changes hands (``interactivity``). Seconds come from ``Turn.start`` and
``Turn.end``; the helpers are :mod:`.delivery`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..model import NO_TIMESTAMPS, Analysis, Evidence, MetricResult, Role
from .base import MetricSpec, Param, Params, Scope
from .common import candidate_answers, median, quote, turn_end
from .delivery import missing_timestamps, opening, other_party, word_counts

_PAUSES_SHOWN = 2  # silences inside answers quoted in the evidence


INSIDE_CUES = (
    "not measurable: the speakers were inferred from the words, and each answer "
    "begins inside a caption cue or segment the question ends in"
)


def response_latency(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """Median seconds the subject takes to start answering: from the end of
    the other party's last turn before the answer (the turn that asked, or
    their reply to a clarifying question) to the start of the subject's first
    answer turn. Overlaps count as 0.

    A pause of a second or two reads as thinking; long silences before most
    answers read as hesitation, and answers that always start at once (or
    talk over the question) as not listening.
    """
    subject = scope.subject
    all_turns = analysis.transcript.turns
    if missing_timestamps(analysis, ()) is not None:
        return MetricResult(None, reason=NO_TIMESTAMPS)
    answers = candidate_answers(analysis, scope)
    if not answers:
        asker = other_party(subject)
        return MetricResult(None, reason=f"the {subject} answered no {asker} question")
    gaps: list[tuple[int, float]] = []  # (first answer turn, gap as timed: negative = overlap)
    placed = 0  # answers that start where the turn before ends, inside a timed piece
    for answer in answers:
        first = answer.turns[0]
        asked = analysis.exchanges[answer.exchange].question_turn
        before = max(t for t in range(asked, first) if all_turns[t].role != subject)
        start, end = all_turns[first].start, all_turns[before].end
        if start is not None and end is not None:
            if analysis.transcript.turns_inferred and start == end and before == first - 1:
                # the segmenter put the change inside a caption cue or segment
                # and its time by word position: no pause can be measured there
                placed += 1
                continue
            gaps.append((first, start - end))
    if not gaps:
        if placed:
            return MetricResult(None, reason=INSIDE_CUES)
        if any(turn.start is not None for turn in all_turns):
            reason = "the transcript gives when turns start but not when they end"
            return MetricResult(None, reason=reason)
        return MetricResult(None, reason="no answered question has timestamps")
    values = [max(0.0, gap) for _, gap in gaps]
    asker = other_party(subject)
    silence = float(params["silence_seconds"])
    evidence = [
        Evidence(turn, opening(analysis, turn), _latency_note(gap, asker))
        for turn, gap in sorted(gaps, key=lambda item: (-item[1], item[0]))[:2]
    ]
    pauses = [
        (turn, pause)
        for answer in answers
        for turn in answer.turns
        for pause in all_turns[turn].pauses
        if pause.seconds >= silence
    ]
    for turn, pause in sorted(pauses, key=lambda item: (-item[1].seconds, item[0]))[:_PAUSES_SHOWN]:
        text = all_turns[turn].text
        evidence.append(
            Evidence(
                turn,
                quote(text, pause.offset, max_words=12),
                f"silent for {pause.seconds:.0f} s in the middle of the answer, then",
                "neutral",
            )
        )
    return MetricResult(
        value=round(median(values), 1),
        evidence=tuple(evidence),
        details={
            "median": round(median(values), 1),
            "longest": round(max(values), 1),
            "answers": len(gaps),
            "silences_before": sum(1 for value in values if value >= silence),
            "silences_within": len(pauses),
        },
        items=tuple((f"turn {turn}", round(max(0.0, gap), 1)) for turn, gap in gaps),
    )


def _latency_note(gap: float, asker: Role) -> str:
    if gap < 0:
        return f"started answering {-gap:.1f} s before the {asker} finished"
    if gap == 0:
        return f"started answering the moment the {asker} finished"
    return f"started answering {gap:.1f} s after the {asker} finished"


def interactivity(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """Changes of speaker per minute, over the turns in scope (both parties).

    A conversation changes hands often; an interview where one person holds
    the floor for minutes at a time is a pair of speeches. Without
    timestamps the rate cannot be had: the result says so, and its details
    give the word-based equivalent (changes per 100 words).
    """
    all_turns = analysis.transcript.turns
    counts = word_counts(analysis)
    spoken = [t for t in scope.turns(analysis) if counts.get(t)]
    if len(spoken) < 2:
        return MetricResult(None, reason="fewer than two turns with words")
    switches = [b for a, b in pairwise(spoken) if all_turns[a].speaker != all_turns[b].speaker]
    words = sum(counts[t] for t in spoken)
    per_100_words = round(100.0 * len(switches) / words, 2)
    starts = [start for t in spoken if (start := all_turns[t].start) is not None]
    ends = [end for t in spoken if (end := turn_end(analysis, t)) is not None]
    span = (max(ends) - min(starts)) if starts and ends else 0.0
    if span <= 0:
        return MetricResult(
            None,
            reason="not available (no timestamps)",
            details={"switches": len(switches), "per_100_words": per_100_words},
        )
    rate = len(switches) / (span / 60.0)
    longest = longest_floor(analysis, spoken)
    evidence: tuple[Evidence, ...] = ()
    if longest is not None:
        turn, seconds = longest
        evidence = (
            Evidence(
                turn,
                opening(analysis, turn),
                f"the longest time one speaker held the floor: {seconds:.0f} s",
            ),
        )
    return MetricResult(
        value=round(rate, 2),
        evidence=evidence,
        details={
            "per_minute": round(rate, 2),
            "switches": len(switches),
            "minutes": round(span / 60.0, 2),
            "per_100_words": per_100_words,
        },
    )


def longest_floor(analysis: Analysis, turns: Sequence[int]) -> tuple[int, float] | None:
    """(first turn, seconds) of the longest run of ``turns`` by one speaker."""
    all_turns = analysis.transcript.turns
    runs: list[list[int]] = []
    for turn in turns:
        if runs and all_turns[runs[-1][-1]].speaker == all_turns[turn].speaker:
            runs[-1].append(turn)
        else:
            runs.append([turn])
    timed = [
        (run[0], end - start)
        for run in runs
        if (start := all_turns[run[0]].start) is not None
        and (end := turn_end(analysis, run[-1])) is not None
    ]
    if not timed:
        return None
    return min(timed, key=lambda item: (-item[1], item[0]))


RESPONSE_LATENCY = MetricSpec(
    name="response_latency",
    function=response_latency,
    description=(
        "Median seconds between the end of the other party's question and the start of the "
        "answer (overlaps count as 0; needs timestamps); silences before and inside answers "
        "are counted and quoted."
    ),
    scale="seconds",
    params={
        "silence_seconds": Param(
            "number",
            5.0,
            "a gap this long before an answer, or a pause this long inside one, is a silence",
            1,
        ),
    },
    details=("median", "longest", "answers", "silences_before", "silences_within"),
    roles=("candidate", "interviewer"),
)


INTERACTIVITY = MetricSpec(
    name="interactivity",
    function=interactivity,
    description=(
        "Changes of speaker per minute over the whole conversation in scope (needs "
        "timestamps; without them the details give changes per 100 words)."
    ),
    scale="rate",
    params={},
    details=("per_minute", "switches", "minutes", "per_100_words"),
    roles=("candidate", "interviewer"),
)


SPECS: tuple[MetricSpec, ...] = (RESPONSE_LATENCY, INTERACTIVITY)
