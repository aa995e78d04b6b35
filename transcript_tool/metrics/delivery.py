"""Delivery: how the conversation runs in time.

Who holds the floor (``talk_ratio``) and how fast the subject speaks
(``words_per_minute``); how long they talk without a break
(``longest_monologue``) is :mod:`.monologue`, how the turns pass between the
speakers :mod:`.turn_taking`. Seconds come from ``Turn.start``/``Turn.end``; word
counts are words as a reader counts them (``model.count_words``: "that's"
and "e-commerce" one word each).

The helpers here (word counts, turn durations, shares of speech) are also
used by :mod:`.monologue`, :mod:`.turn_taking` and :mod:`.interviewer`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import NO_TIMESTAMPS, ROLES, Analysis, Evidence, MetricResult, Role
from ..wording import counted
from .base import MetricSpec, Param, Params, Scope
from .common import quote, turn_seconds

_QUOTE_WORDS = 25
# Per-turn speaking rates of shorter turns say little ("Yes." in 0.4 s is
# 150 wpm); they still count towards the overall rate.
_RATE_EVIDENCE_WORDS = 10


# ----------------------------------------------------------------- helpers


def word_counts(analysis: Analysis) -> Mapping[int, int]:
    """The words of each turn, as a reader counts them (``model.count_words``;
    turns without words are left out): :attr:`Analysis.turn_word_counts`."""
    return analysis.turn_word_counts


def missing_timestamps(analysis: Analysis, turns: Sequence[int]) -> str | None:
    """None when every one of ``turns`` has a known length, else a reason (for
    "Not scored: ...") why seconds cannot be used."""
    count = len(analysis.transcript.turns)
    if not any(turn_seconds(analysis, index) is not None for index in range(count)):
        return NO_TIMESTAMPS
    if any(turn_seconds(analysis, index) is None for index in turns):
        return "some turns have no timestamps"
    return None


@dataclass(frozen=True)
class SpeechShare:
    """How much each role said in some turns: words, and seconds when timed."""

    words: dict[Role, int]
    seconds: dict[Role, float] | None

    def share(self, role: Role, by_seconds: bool) -> float | None:
        """Percent of the speech by ``role`` (None when nobody spoke)."""
        amounts: dict[Role, float] = dict(self.seconds or {}) if by_seconds else dict(self.words)
        total = sum(amounts.values())
        return 100.0 * amounts.get(role, 0.0) / total if total else None

    def items(self, by_seconds: bool) -> tuple[tuple[str, float], ...]:
        """(role, percent) for every role that spoke, in ROLES order."""
        shares = ((role, self.share(role, by_seconds)) for role in ROLES)
        spoke = self.seconds if by_seconds and self.seconds is not None else self.words
        return tuple(
            (role, round(share, 1)) for role, share in shares if share is not None and role in spoke
        )

    def details(self, role: Role, by_seconds: bool) -> dict[str, float]:
        """share (percent), words and total_words; seconds and total_seconds when timed."""
        share = self.share(role, by_seconds)
        details: dict[str, float] = {
            "share": round(share or 0.0, 1),
            "words": self.words.get(role, 0),
            "total_words": sum(self.words.values()),
        }
        if self.seconds is not None:
            details["seconds"] = round(self.seconds.get(role, 0.0), 1)
            details["total_seconds"] = round(sum(self.seconds.values()), 1)
        return details


def speech_share(analysis: Analysis, turns: Sequence[int]) -> SpeechShare:
    """Words (and seconds, when every one of ``turns`` is timed) per role."""
    counts = word_counts(analysis)
    all_turns = analysis.transcript.turns
    words: dict[Role, int] = {}
    seconds: dict[Role, float] | None = {}
    for index in turns:
        turn = all_turns[index]
        if counts.get(index):
            words[turn.role] = words.get(turn.role, 0) + counts[index]
        spoken = turn_seconds(analysis, index)
        if spoken is None:
            seconds = None
        elif seconds is not None and spoken > 0:
            seconds[turn.role] = seconds.get(turn.role, 0.0) + spoken
    return SpeechShare(words, seconds)


def longest_turn(
    analysis: Analysis, turns: Sequence[int], role: Role, by_seconds: bool
) -> tuple[int, float] | None:
    """(turn, words or seconds) of ``role``'s longest turn among ``turns``
    (the first one on a tie), None when ``role`` said nothing there."""
    counts = word_counts(analysis)
    all_turns = analysis.transcript.turns
    sized: list[tuple[int, float]] = []
    for index in turns:
        if all_turns[index].role != role or not counts.get(index):
            continue
        size = turn_seconds(analysis, index) if by_seconds else float(counts[index])
        sized.append((index, size or 0.0))
    if not sized:
        return None
    return min(sized, key=lambda item: (-item[1], item[0]))


def opening(analysis: Analysis, turn: int, max_words: int = _QUOTE_WORDS) -> str:
    """The first words of a turn, verbatim."""
    return quote(analysis.transcript.turns[turn].text, max_words=max_words)


def other_party(role: Role) -> Role:
    return "interviewer" if role == "candidate" else "candidate"


def amount(value: float, by_seconds: bool) -> str:
    """``value`` with its unit: "95 s" or "240 words"."""
    return f"{value:.0f} s" if by_seconds else counted(round(value), "word")


def longest_note(role: str, scope: Scope, value: float, by_seconds: bool) -> str:
    """ "the interviewer's longest turn: 24 words", with the part of the
    interview it is the longest of when the criterion judges only a part
    ("... longest turn in the interview phase: 24 words"): a longer turn
    outside it may be quoted elsewhere in the same report."""
    where = f" in {scope.describe()}" if scope.restricted else ""
    return f"the {role}'s longest turn{where}: {amount(value, by_seconds)}"


# ---------------------------------------------------------------- talk_ratio


def talk_ratio(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """The candidate's share of the talking, in percent: of the speaking time
    when every turn in scope has timestamps, else of the words.

    A candidate who talks for well under half of an interview gives the
    interviewer little to judge; one who talks for nearly all of it may not be
    listening. The usual target is 60-70 percent for the candidate.
    """
    subject = scope.subject
    turns = scope.turns(analysis)
    speech = speech_share(analysis, turns)
    by_seconds = speech.seconds is not None and bool(speech.seconds)
    share = speech.share(subject, by_seconds)
    if share is None:
        return MetricResult(None, reason="nobody spoke")
    details = speech.details(subject, by_seconds)
    details["by_seconds"] = 1 if by_seconds else 0
    evidence = []
    for role in (subject, other_party(subject)):
        longest = longest_turn(analysis, turns, role, by_seconds)
        if longest is not None:
            evidence.append(
                Evidence(
                    longest[0],
                    opening(analysis, longest[0]),
                    longest_note(role, scope, longest[1], by_seconds),
                )
            )
    return MetricResult(
        value=round(share, 1),
        evidence=tuple(evidence),
        details=details,
        items=speech.items(by_seconds),
    )


# ---------------------------------------------------------- words_per_minute


def words_per_minute(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """Speaking rate: the subject's words per minute of their own speaking
    time, over their turns in scope that have timestamps.

    Interviewers find 130-160 words per minute easy to follow; much faster
    sounds rushed or nervous, much slower hesitant.
    """
    subject = scope.subject
    all_turns = analysis.transcript.turns
    counts = word_counts(analysis)
    spoken = [t for t in scope.turns(analysis) if all_turns[t].role == subject and counts.get(t)]
    if not spoken:
        return MetricResult(None, reason=f"the {subject} did not speak")
    timed = [(t, seconds) for t in spoken if (seconds := turn_seconds(analysis, t)) is not None]
    timed = [(t, seconds) for t, seconds in timed if seconds > 0]
    if not timed:
        reason = missing_timestamps(analysis, ()) or f"the {subject}'s turns have no timestamps"
        return MetricResult(None, reason=reason)
    words = sum(counts[t] for t, _ in timed)
    minutes = sum(seconds for _, seconds in timed) / 60.0
    wpm = words / minutes
    rates = [(t, counts[t] / (seconds / 60.0)) for t, seconds in timed]
    return MetricResult(
        value=round(wpm, 1),
        evidence=_rate_evidence(analysis, rates, counts, params),
        details={"wpm": round(wpm, 1), "minutes": round(minutes, 2), "words": words},
        items=tuple((f"turn {t}", round(rate, 1)) for t, rate in rates),
    )


def _rate_evidence(
    analysis: Analysis,
    rates: Sequence[tuple[int, float]],
    counts: Mapping[int, int],
    params: Params,
) -> tuple[Evidence, ...]:
    """The turns furthest outside the target range (fast first on a tie), or
    the longest turn as a strength when every turn is within it."""
    slow, fast = params["slow_wpm"], params["fast_wpm"]
    judged = [(t, r) for t, r in rates if counts[t] >= _RATE_EVIDENCE_WORDS]
    outside = [(t, r, max(slow - r, r - fast)) for t, r in judged if r < slow or r > fast]
    evidence = []
    for turn, rate, _ in sorted(outside, key=lambda item: (-item[2], item[0]))[:2]:
        pace = "fast" if rate > fast else "slow"
        evidence.append(
            Evidence(
                turn,
                opening(analysis, turn),
                f"{rate:.0f} words per minute ({pace}; {slow:g}-{fast:g} is easy to follow)",
                "improvement",
            )
        )
    if not evidence and judged:
        turn, rate = min(judged, key=lambda item: (-counts[item[0]], item[0]))
        evidence.append(
            Evidence(
                turn,
                opening(analysis, turn),
                f"{rate:.0f} words per minute, an easy pace to follow",
                "strength",
            )
        )
    return tuple(evidence)


# ---------------------------------------------------------------- the specs

TALK_RATIO = MetricSpec(
    name="talk_ratio",
    function=talk_ratio,
    description=(
        "The candidate's share of the talking in percent: of the speaking time when every "
        "turn has timestamps, else of the words (details say which: by_seconds). "
        "Around 60-70 is usual for a candidate."
    ),
    scale="percent",
    params={},
    details=("share", "by_seconds", "words", "total_words"),
    roles=("candidate",),
)

WORDS_PER_MINUTE = MetricSpec(
    name="words_per_minute",
    function=words_per_minute,
    description=(
        "Speaking rate: words per minute of the speaker's own timed turns (needs "
        "timestamps). 130-160 wpm is the usual target in an interview."
    ),
    scale="rate",
    params={
        "slow_wpm": Param(
            "number", 130.0, "turns slower than this are quoted as slow in the evidence", 40, 400
        ),
        "fast_wpm": Param(
            "number", 160.0, "turns faster than this are quoted as fast in the evidence", 40, 400
        ),
    },
    details=("wpm", "minutes", "words"),
    roles=("candidate", "interviewer"),
)

SPECS: tuple[MetricSpec, ...] = (
    TALK_RATIO,
    WORDS_PER_MINUTE,
)
