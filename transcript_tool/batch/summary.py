"""The cohort summary as it is shown: plain text for standard output (80
columns), Markdown and JSON for ``--summary-out``, from the data
:meth:`.cohort.Cohort.summary` makes."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from typing import Any

from ..render.control import shown
from ..wording import agree, counted
from .cohort import RANKED

LISTED = 5  # concepts, feedback messages and files shown in the text summary
WIDTH = 80


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
