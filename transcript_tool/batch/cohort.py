"""The cohort summary: how a folder of transcripts scored, as a whole.

Per criterion (and overall) the number of transcripts scored and the mean,
median, 10th and 90th percentile of their scores; the concepts answers most
often left out; the improvement feedback given most often; and the
transcripts ranked by overall score (top and bottom five; the text and
Markdown, :mod:`.summary`, list ten or fewer once). Everything is sorted
with a tie-break on names, and no clock is read, so the same inputs give the
same summary. It keeps a few numbers per transcript (its scores and
overall), never a transcript or a report.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from string import Formatter
from typing import Any

from ..rubric import Rubric
from ..scoring import optional_parts
from ..wording import Spread, noun_forms

SUMMARY_SCHEMA = "transcript-tool/batch-summary@1"
RANKED = 5  # transcripts listed at the top and at the bottom


@dataclass(frozen=True)
class Scored:
    """What the summary keeps of one scored transcript."""

    file: str
    id: str
    words: int
    scores: dict[str, float | None]  # criterion id -> score
    bands: dict[str, str]  # criterion id -> band
    overall: float | None
    missing_concepts: tuple[str, ...] = ()  # concept ids, once per answer that left one out
    improvements: tuple[str, ...] = ()  # criterion ids, most important first
    # the numbers each improvement's feedback was filled with, by criterion
    feedback_values: dict[str, dict[str, float]] = field(default_factory=dict)
    not_english: bool = False  # its words are mostly not English: its scores may not apply


@dataclass
class Cohort:
    """Accumulates :class:`Scored` transcripts and failures into a summary."""

    rubric: Rubric
    files: int = 0
    words: int = 0
    failed: int = 0
    scores: dict[str, list[float]] = field(default_factory=dict)
    overall: list[tuple[float, str, str]] = field(default_factory=list)
    missing: Counter[str] = field(default_factory=Counter)
    missing_in: Counter[str] = field(default_factory=Counter)
    feedback: Counter[tuple[str, str]] = field(default_factory=Counter)
    # (criterion, band) -> placeholder -> the least and greatest value it took
    spreads: dict[tuple[str, str], dict[str, tuple[float, float]]] = field(default_factory=dict)
    not_english: list[str] = field(default_factory=list)  # the files so read

    def add(self, scored: Scored) -> None:
        """Count one scored transcript."""
        self.files += 1
        self.words += scored.words
        for criterion, value in scored.scores.items():
            if value is not None:
                self.scores.setdefault(criterion, []).append(value)
        if scored.overall is not None:
            self.overall.append((scored.overall, scored.file, scored.id))
        self.missing.update(scored.missing_concepts)
        self.missing_in.update(set(scored.missing_concepts))
        self.feedback.update((c, scored.bands[c]) for c in scored.improvements)
        if scored.not_english:
            self.not_english.append(scored.file)
        for criterion in scored.improvements:
            spread = self.spreads.setdefault((criterion, scored.bands[criterion]), {})
            for name, value in scored.feedback_values.get(criterion, {}).items():
                low, high = spread.get(name, (value, value))
                spread[name] = (min(low, value), max(high, value))

    def add_failure(self) -> None:
        """Count one file that could not be scored."""
        self.files += 1
        self.failed += 1

    def summary(self, *, results: str | None = None, errors: str | None = None) -> dict[str, Any]:
        """The summary as JSON-ready data (schema ``transcript-tool/batch-summary@1``);
        ``results`` and ``errors`` name the files written."""
        labels = {c.id: c.label for c in self.rubric.concepts}
        criteria = [
            {"id": c.id, "title": c.title, **stats(self.scores.get(c.id, []))}
            for c in self.rubric.criteria
        ]
        best = sorted(self.overall, key=lambda item: (-item[0], item[1]))
        worst = sorted(self.overall, key=lambda item: (item[0], item[1]))
        return {
            "schema": SUMMARY_SCHEMA,
            "rubric": {
                "name": self.rubric.name,
                "version": self.rubric.version,
                "concepts": len(self.rubric.concepts),
            },
            "files": self.files,
            "scored": self.files - self.failed,
            "failed": self.failed,
            "words": self.words,
            "results": results,
            "errors": errors,
            "criteria": criteria,
            "overall": stats([item[0] for item in self.overall]),
            "missing_concepts": [
                {
                    "concept": concept,
                    "label": labels.get(concept, concept),
                    "answers": count,
                    "transcripts": self.missing_in[concept],
                }
                for concept, count in sorted(self.missing.items(), key=lambda i: (-i[1], i[0]))
            ],
            "improvements": [
                {
                    "criterion": criterion,
                    "band": band,
                    "feedback": self._template(criterion, band),
                    "transcripts": count,
                }
                for (criterion, band), count in sorted(
                    self.feedback.items(), key=lambda i: (-i[1], i[0])
                )
            ],
            "not_english": sorted(self.not_english),
            "top": [_ranked(item) for item in best[:RANKED]],
            "bottom": [_ranked(item) for item in worst[:RANKED]],
        }

    def _template(self, criterion: str, band: str) -> str:
        """The band's feedback as the transcripts given it read, each number
        the range it took among them ("0.4–2.1 reasoning markers per 100
        words"), a quote as "…"; an optional part is left out only when every
        transcript left it out."""
        for candidate in self.rubric.criterion(criterion).bands:
            if candidate.band == band:
                spread = self.spreads.get((criterion, band), {})
                values: dict[str, object] = {
                    name: Spread(low, high) for name, (low, high) in spread.items()
                }
                values.update(band=band, quote="…")
                template = candidate.feedback
                names = {name for _, name, _, _ in Formatter().parse(template) if name}
                if not names <= values.keys():  # made without the numbers
                    return _PLACEHOLDER.sub(_unfill, optional_parts(template))
                return optional_parts(template, values).format_map(values)
        return ""


_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{[^{}]*\}")


def _unfill(match: re.Match[str]) -> str:
    """A placeholder as "…", with its noun in the plural where it has one
    ("{questions:question}" -> "… questions"), a word alone in the plural
    ("{mentioned:-was/were}" -> "were"); "{{" and "}}" as braces."""
    text = match.group(0)
    if text in ("{{", "}}"):
        return text[0]
    spec = text[1:-1].partition(":")[2]
    forms = noun_forms(spec)
    if forms is None:
        return "…"
    return forms[1] if spec.startswith("-") else f"… {forms[1]}"


def _ranked(item: tuple[float, str, str]) -> dict[str, Any]:
    overall, file, transcript_id = item
    return {"file": file, "id": transcript_id, "overall": overall}


def stats(values: Sequence[float]) -> dict[str, Any]:
    """n, mean, median, p10 and p90 of ``values`` (None when empty), rounded to
    0.1; percentiles interpolate linearly between the nearest ranks (as numpy's
    default does)."""
    if not values:
        return {"n": 0, "mean": None, "median": None, "p10": None, "p90": None}
    ordered = sorted(values)
    return {
        "n": len(ordered),
        "mean": round(sum(ordered) / len(ordered), 1),
        "median": round(percentile(ordered, 50), 1),
        "p10": round(percentile(ordered, 10), 1),
        "p90": round(percentile(ordered, 90), 1),
    }


def percentile(ordered: Sequence[float], q: float) -> float:
    """The ``q``-th percentile of sorted, non-empty ``ordered`` (linear interpolation)."""
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)
