"""The tool's own outputs, passed back as a transcript by mistake.

A folder of a candidate's recordings soon holds the reports written about
them too, and ``report *.html`` or ``report feedback.json`` reads one of
those. Read as text, an HTML or Markdown report made a transcript of its own
quotes ("format text · 1 turns · 1654 words, speakers: Timing = other"); a
JSON report was "transcript: expected a list of transcript, got an object".
:func:`refuse_own_output` names what the file is instead. A transcript the
tool wrote (``segment --format json`` or ``--format labeled``) is a
transcript and is read as usual.
"""

from __future__ import annotations

import json
import re

from ..errors import InputError

_JSON = re.compile(r'\A\s*\{\s*"schema"\s*:\s*"transcript-tool/(report|batch-summary)@')
_HTML = re.compile(r'<meta\s+name="generator"\s+content="transcript-tool[\s"]', re.I)
_MARKDOWN_REPORT = re.compile(r"\A# Interview report\n\n[^\n]* · read as [^\n]* · rubric ")
_MARKDOWN_SUMMARY = re.compile(r"\A# Batch summary\n\n[\d,]+ files?, ")
_TERMINAL_REPORT = re.compile(r"\AInterview report: [^\n]*\nformat [^\n]* · [\d,]+ turns? · ")
_HEAD = 4000  # characters of a page searched for its generator


def refuse_own_output(text: str, source: str) -> None:
    """An InputError when ``text`` is a report, summary or table this tool
    wrote, saying what it is; nothing otherwise."""
    what = _what(text)
    if what is None:
        return
    if "table" in what:
        instead = "the transcripts named in its file column"
    elif "batch" in what:
        instead = "the transcripts it was made from"
    else:
        instead = "the transcript it was made from"
    raise InputError(
        f"this is {what} written by transcript-tool, not a transcript; pass {instead}",
        source=source,
    )


def _what(text: str) -> str | None:
    found = _JSON.match(text)
    if found:
        return "a JSON report" if found.group(1) == "report" else "a batch summary (JSON)"
    if _HTML.search(text[:_HEAD]):
        return "an HTML report"
    if _MARKDOWN_REPORT.match(text):
        return "a Markdown report"
    if _MARKDOWN_SUMMARY.match(text):
        return "a batch summary (Markdown)"
    if _TERMINAL_REPORT.match(text):
        return "a report (the terminal's text)"
    return _table(text.split("\n", 1)[0])


def _table(first: str) -> str | None:
    """The batch table whose header (CSV) or first row (JSON Lines) ``first`` is."""
    from ..render.table import SUMMARY_COLUMNS, TURN_COLUMNS

    columns: list[str] = []
    if first.startswith('{"id": ') and first.rstrip().endswith("}"):
        try:
            row = json.loads(first)
        except (ValueError, RecursionError):  # no table of ours: let the readers say why
            return None
        columns = list(row) if isinstance(row, dict) else []
    elif first.startswith("id,file,"):
        columns = first.rstrip("\r").split(",")
    if columns[: len(TURN_COLUMNS)] == list(TURN_COLUMNS):
        return "a turns table"
    if columns[:6] == list(SUMMARY_COLUMNS[:6]):
        return "a results table"
    return None
