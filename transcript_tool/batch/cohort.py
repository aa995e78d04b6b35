"""The cohort summary: how a folder of transcripts scored, as a whole.

Per criterion (and overall) the number of transcripts scored and the mean,
median, 10th and 90th percentile of their scores; the concepts answers most
often left out; the improvement feedback given most often; and the
transcripts ranked by overall score (top and bottom five; the text and
Markdown list ten or fewer once). Everything is sorted with a tie-break on
names, and no clock is read, so the same inputs give the same summary. It
keeps a few numbers per transcript (its scores and overall), never a
transcript or a report.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from string import Formatter
from typing import Any

from ..render.control import shown
from ..rubric import Rubric
from ..scoring import optional_parts
from ..wording import Spread, agree, counted, noun_forms

SUMMARY_SCHEMA = "transcript-tool/batch-summary@1"
RANKED = 5  # transcripts listed at the top and at the bottom
LISTED = 5  # concepts and feedback messages shown in the text summary
WIDTH = 80


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


# ---------------------------------------------------------------------- render


def render_text(
    summary: dict[str, Any],
    failures: Sequence[tuple[str, str]] = (),
    *,
    unread: Sequence[tuple[str, int]] = (),
    hints: tuple[Sequence[str], int] = ((), 0),
) -> str:
    """The summary as plain text, at most 80 columns wide; ``failures`` (file,
    message) are listed, the first few of them, after the first lines, and
    the files left unread (``unread``: extension, count; see
    :func:`.inputs.unread_by_default`) after them."""
    from .inputs import unread_note

    rubric = summary["rubric"]
    said = f"batch: {_counts(summary)} (rubric {rubric['name']} {rubric['version']})"
    lines = textwrap.wrap(
        said, WIDTH, subsequent_indent="  ", break_on_hyphens=False, break_long_words=False
    )
    if summary["results"]:
        lines.append(_fit(f"results: {summary['results']}"))
    if summary["errors"]:
        lines.append(_fit(f"errors: {summary['errors']}"))
    for file, message in failures[:LISTED]:
        named = message if message.startswith(file) else f"{file}: {message}"
        lines.append(_fit(f"  failed: {named}"))
    if len(failures) > LISTED:
        lines.append(f"  ... and {len(failures) - LISTED} more failed files")
    if unread:
        said = f"not read: {unread_note(unread)}"
        lines += textwrap.wrap(said, WIDTH, subsequent_indent="  ", break_on_hyphens=False)
    for said in (_hints_note(summary["scored"], *hints), _not_english_note(summary)):
        if said:
            lines += textwrap.wrap(said, WIDTH, subsequent_indent="  ", break_on_hyphens=False)
    lines += ["", f"{'criterion':<32} {'n':>6} {'mean':>7} {'median':>7} {'p10':>7} {'p90':>7}"]
    rows = [(c["id"], c) for c in summary["criteria"]] + [("overall", summary["overall"])]
    for name, row in rows:
        numbers = " ".join(f"{_number(row[k]):>7}" for k in ("mean", "median", "p10", "p90"))
        lines.append(f"{_cut(name, 32):<32} {row['n']:>6} {numbers}")
    lines += ["", "most common missing concepts (answers, transcripts):"]
    concepts = summary["missing_concepts"][:LISTED]
    lines += [
        _fit(f"  {c['answers']:>5} {c['transcripts']:>5}  {c['label']}") for c in concepts
    ] or [f"  {_no_missing_concepts(summary)}"]
    lines += ["", "most frequent improvements (transcripts; each number: its range among them):"]
    for f in summary["improvements"][:LISTED]:  # the whole message, under its count
        said = f"  {f['transcripts']:>5}  {f['criterion']} ({f['band']}): {f['feedback']}"
        lines += textwrap.wrap(said, WIDTH, subsequent_indent=" " * 9, break_on_hyphens=False)
    if not summary["improvements"]:
        lines.append("  (none)")
    for title, ranked in _rankings(summary):
        lines += ["", f"{title}:"]
        lines += [
            _fit(f"  {_number(item['overall']):>6}  {item['file']}", left=True) for item in ranked
        ] or ["  (none)"]
    return shown("\n".join(lines) + "\n")  # file names may hold control characters


def render_markdown(summary: dict[str, Any]) -> str:
    """The summary as a Markdown document."""
    rubric = summary["rubric"]
    out = [
        "# Batch summary",
        "",
        f"{_counts(summary)}; rubric {rubric['name']} {rubric['version']}.",
        "",
        *([_md(note), ""] if (note := _not_english_note(summary)) else []),
        "| criterion | n | mean | median | p10 | p90 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    rows = [(c["id"], c) for c in summary["criteria"]] + [("overall", summary["overall"])]
    for name, row in rows:
        numbers = " | ".join(_number(row[k]) for k in ("mean", "median", "p10", "p90"))
        out.append(f"| {_md(name)} | {row['n']} | {numbers} |")
    out += ["", "## Most common missing concepts", ""]
    out += [
        f"- {_md(c['label'])} (`{c['concept']}`): {counted(c['answers'], 'answer')}, "
        f"{counted(c['transcripts'], 'transcript')}"
        for c in summary["missing_concepts"]
    ] or [_no_missing_concepts(summary)]
    out += ["", "## Most frequent improvements", "", _RANGES_NOTE, ""]
    out += [
        f"- {f['transcripts']} × `{f['criterion']}` ({f['band']}): {_md(f['feedback'])}"
        for f in summary["improvements"]
    ] or ["(none)"]
    for title, ranked in _rankings(summary):
        out += ["", f"## {title[0].upper()}{title[1:]}", ""]
        out += [f"- {_number(i['overall'])} `{i['file']}`" for i in ranked] or ["(none)"]
    return shown("\n".join(out) + "\n")


_RANGES_NOTE = (
    "Each message as the transcripts given it read, a number shown as the least and"
    " the most it was among them."
)


def _not_english_note(summary: dict[str, Any]) -> str:
    """ "mostly not English: 2 of the 30 files scored (a.txt, b.txt) ...", or ""."""
    files = summary.get("not_english") or []
    if not files:
        return ""
    shown = ", ".join(files[:LISTED]) + (
        f" and {len(files) - LISTED} more" if len(files) > LISTED else ""
    )
    return (
        f"mostly not English: {len(files):,} of the {counted(summary['scored'], 'file')} scored "
        f"({shown}); the rules read English, so {agree(len(files), 'its', 'their')} questions "
        "and scores may not apply"
    )


def _hints_note(scored: int, flags: Sequence[str], unlabeled: int) -> str:
    """What the hints for text with no speaker labels ("--speakers 3") did:
    they shape only the files that have no labels, and a folder may hold
    both kinds; nothing when no hint was given or every file had no labels."""
    if not flags or unlabeled == scored:
        return ""
    given = " and ".join(flags)
    labeled = scored - unlabeled
    if not unlabeled:
        return f"{given}: not used; every file scored has speaker labels"
    return (
        f"{given}: used on {unlabeled:,} of the {counted(scored, 'file')} scored; "
        f"the other {labeled:,} {agree(labeled, 'has', 'have')} speaker labels"
    )


def _counts(summary: dict[str, Any]) -> str:
    """The files counted, as in "4 files, 3 scored (2 with no overall score),
    1 failed, 13 words": a transcript is scored when it was read, though none
    of its criteria may be."""
    scored = summary["scored"]
    unranked = scored - summary["overall"]["n"]
    without = f" ({unranked:,} with no overall score)" if unranked else ""
    return (
        f"{counted(summary['files'], 'file')}, {scored:,} scored{without}, "
        f"{summary['failed']:,} failed, {counted(summary['words'], 'word')}"
    )


def _rankings(summary: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The ranked lists to show, each with its title: the top and the bottom
    five, or, where those would share a transcript (ten or fewer have an
    overall score), all of them once, best first."""
    ranked = summary["overall"]["n"]
    if ranked > 2 * RANKED:
        return [
            (f"top {RANKED} by overall score", summary["top"]),
            (f"bottom {RANKED} by overall score", summary["bottom"]),
        ]
    every = {(i["file"], i["id"]): i for i in [*summary["top"], *summary["bottom"]]}
    best = sorted(every.values(), key=lambda i: (-i["overall"], i["file"], i["id"]))
    if ranked == 0:
        return [("transcripts by overall score", [])]
    if ranked == 1:
        return [("the one transcript with an overall score", best)]
    return [(f"all {ranked} transcripts by overall score", best)]


def _no_missing_concepts(summary: dict[str, Any]) -> str:
    """What stands where no concept was missed: the rubric may name none."""
    if summary["rubric"].get("concepts") == 0:
        return "(the rubric names no concepts)"
    return "(none: every answer named the concepts expected of it)"


def render_json(summary: dict[str, Any]) -> str:
    """The summary as JSON (fixed key order)."""
    return json.dumps(summary, indent=2, ensure_ascii=False) + "\n"


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _fit(line: str, *, left: bool = False) -> str:
    """``line`` cut to the summary's width: at the end, or (``left``, for a
    file path) in the path, keeping the indentation and score and the end."""
    if len(line) <= WIDTH:
        return line
    if not left:
        return _cut(line, WIDTH)
    head = line[:10]
    return head + "…" + line[len(line) - (WIDTH - len(head) - 1) :]


def _md(text: str) -> str:
    return text.replace("|", "\\|")
