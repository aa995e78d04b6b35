"""What scoring returns: evidence, metric and criterion results, timing, and the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .analysis import Analysis
from .kinds import Role
from .transcript import Transcript


@dataclass(frozen=True)
class Evidence:
    """Words behind a judgement: ``quote`` is a verbatim substring of the turn's text.

    ``polarity`` says whether the quote shows a strength or something to improve.
    """

    turn: int
    quote: str
    note: str = ""
    polarity: Literal["strength", "improvement", "neutral"] = "neutral"


@dataclass(frozen=True)
class MetricResult:
    """What a metric returns.

    ``value`` is on the metric's declared scale (None when it cannot be
    computed, with ``reason`` saying why). ``details`` are named numbers that
    feedback templates may quote ({filler_rate}); ``items`` are per-item values
    (one per answer, per question ...) keyed by a short label.
    """

    value: float | None
    evidence: tuple[Evidence, ...] = ()
    details: dict[str, float] = field(default_factory=dict)
    items: tuple[tuple[str, float], ...] = ()
    reason: str | None = None


@dataclass(frozen=True)
class CriterionResult:
    """One rubric criterion, scored. ``score`` is 0-100 or None with a ``reason``."""

    id: str
    title: str
    metric: str
    weight: float
    value: float | None
    score: float | None
    band: str
    feedback: str
    evidence: tuple[Evidence, ...]
    details: dict[str, float] = field(default_factory=dict)
    reason: str | None = None


NO_TIMESTAMPS = "not available (no timestamps)"


@dataclass(frozen=True)
class RoleTiming:
    """One role's share of the conversation."""

    role: Role
    words: int
    word_share: float  # percent of all words
    seconds: float | None  # speaking time
    time_share: float | None  # percent of all speaking time
    words_per_minute: float | None
    longest_words: int  # the longest stretch without a break, in words
    longest_seconds: float | None  # ... in seconds


@dataclass(frozen=True)
class Timing:
    """The conversation's timing figures; ``reason`` says why the figures in
    seconds are missing (None when the transcript is timed)."""

    roles: tuple[RoleTiming, ...]
    talk_ratio: float | None  # the candidate's share: of the time when timed, else of the words
    talk_ratio_by: str  # "seconds" or "words"
    response_latency: float | None  # median seconds before an answer starts
    silences: int | None  # silences of 5 s or more before or inside the candidate's answers
    switches: int  # changes of speaker
    switches_per_minute: float | None
    switches_per_100_words: float | None
    reason: str | None

    @property
    def timed(self) -> bool:
        return self.reason is None


@dataclass(frozen=True)
class Report:
    """The scored conversation: what every renderer draws from.

    ``strengths`` and ``improvements`` are criterion ids, most important
    first: what the candidate does well, and where reaching the next band
    would raise the overall score most.
    """

    analysis: Analysis
    rubric: str
    rubric_version: str
    criteria: tuple[CriterionResult, ...]
    overall: float | None
    strengths: tuple[str, ...] = ()
    improvements: tuple[str, ...] = ()
    timing: Timing | None = None

    @property
    def transcript(self) -> Transcript:
        return self.analysis.transcript
