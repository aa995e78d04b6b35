"""Report -> table rows: one row per transcript, one row per turn.

These builders are the one definition of the rows that ``report --format
csv`` / ``--format turns-csv`` print and that ``transcript-tool batch`` writes
to ``--out`` and ``--turns-out``, so a report's row and a batch row have the
same columns and values. Tables are written by pandas (``to_csv``, no index,
"\\n" line ends); values are plain Python (str, int, float, bool, None), and
None is an empty CSV cell.

CSV is opened in spreadsheets, which run a cell that starts with ``=``,
``+``, ``-`` or ``@`` as a formula (``=HYPERLINK(...)`` in a speaker's name
or a turn would run in the coach's spreadsheet): in CSV such a text cell
starts with an apostrophe, as OWASP advises ("CSV injection"), which a
spreadsheet shows without it. Numbers are not text and are written as they
are; JSONL and Parquet keep every value unchanged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from ..model import LOW_CONFIDENCE, Report, count_words

if TYPE_CHECKING:
    from ..rubric import Rubric

SUMMARY_COLUMNS = (
    "id",
    "file",
    "format",
    "roles",
    "turns",
    "words",
    "questions",
    "answered",
    "timed",
    "talk_ratio",
)
"""The first columns of a transcript's row; ``<criterion>_score``,
``<criterion>_band`` per criterion and ``overall`` follow."""

TURN_COLUMNS = (
    "id",
    "file",
    "turn",
    "speaker",
    "role",
    "start",
    "end",
    "words",
    "is_question",
    "confidence",
    "seconds",
    "questions",
    "check_ins",
    "is_answer",
    "fillers",
    "uncertain",
)
"""The columns of a turn's row (see :func:`turn_rows`)."""


def criterion_columns(criterion_ids: Sequence[str]) -> list[str]:
    """All columns of a transcript's row for criteria with these ids, in order."""
    per_criterion = [f"{c}_{part}" for c in criterion_ids for part in ("score", "band")]
    return [*SUMMARY_COLUMNS, *per_criterion, "overall"]


def result_columns(rubric: Rubric) -> list[str]:
    """The results table's columns, in order: :data:`SUMMARY_COLUMNS`, then
    ``<id>_score`` and ``<id>_band`` for each criterion of ``rubric``, then
    ``overall``."""
    return criterion_columns([c.id for c in rubric.criteria])


def report_columns(report: Report) -> list[str]:
    """The columns of :func:`report_row` for this report's criteria."""
    return criterion_columns([c.id for c in report.criteria])


def file_name(report: Report, file: str | None = None) -> str:
    """The file as shown in rows: ``file``, else the transcript's source, else ``-``."""
    return file if file is not None else (report.transcript.source or "-")


def transcript_id(report: Report, file: str | None = None) -> str:
    """The transcript's own id, else the file's stem."""
    return report.transcript.id or PurePath(file_name(report, file)).stem


def report_row(report: Report, file: str | None = None) -> dict[str, Any]:
    """One transcript's row (:func:`report_columns`): ``id`` (the transcript's
    id, else the file stem), ``file``, ``format``, ``roles`` (``inferred`` if
    any speaker's role was, else ``labeled``), ``turns``, ``words``
    (non-punctuation tokens), ``questions`` (the interviewer's), ``answered``
    (of those, fully), ``timed``, ``talk_ratio`` (the candidate's share of
    the time, else of the words, in percent), each criterion's score (0-100,
    None when not scored) and band, ``overall``."""
    analysis = report.analysis
    transcript = analysis.transcript
    asked = [q for q in analysis.questions if q.role == "interviewer"]
    timing = report.timing
    row: dict[str, Any] = {
        "id": transcript_id(report, file),
        "file": file_name(report, file),
        "format": transcript.format,
        "roles": "inferred" if transcript.roles_inferred else "labeled",
        "turns": len(transcript.turns),
        "words": sum(count_words(words) for words in analysis.turn_words.values()),
        "questions": len(asked),
        "answered": sum(1 for q in asked if q.answered == "yes"),
        "timed": timing is not None and timing.timed,
        "talk_ratio": _float(timing.talk_ratio if timing is not None else None),
    }
    for criterion in report.criteria:
        row[f"{criterion.id}_score"] = _float(criterion.score)
        row[f"{criterion.id}_band"] = criterion.band
    row["overall"] = _float(report.overall)
    return row


def turn_rows(report: Report, file: str | None = None) -> tuple[dict[str, Any], ...]:
    """One row per turn (:data:`TURN_COLUMNS`): who spoke (``speaker``,
    ``role``), when (``start``, ``end``, ``seconds``; None without
    timestamps), ``words`` (as a reader counts them: ``model.count_words``), ``is_question`` (the
    turn asks at least one question), ``questions`` and ``check_ins`` (how
    many), ``is_answer`` (the turn answers a question), ``fillers`` (filler
    words said), ``confidence`` of the speaker attribution and ``uncertain``
    (below LOW_CONFIDENCE)."""
    analysis = report.analysis
    turn_words = {turn: count_words(words) for turn, words in analysis.turn_words.items()}
    asks = Counter(q.turn for q in analysis.questions)
    checks = Counter(q.turn for q in analysis.check_ins)
    fillers = Counter(m.turn for m in analysis.markers if m.kind == "filler")
    answering = {turn for e in analysis.exchanges for turn in e.answer_turns}
    ident = transcript_id(report, file)
    shown = file_name(report, file)
    return tuple(
        {
            "id": ident,
            "file": shown,
            "turn": turn.index,
            "speaker": turn.speaker,
            "role": turn.role,
            "start": _float(turn.start),
            "end": _float(turn.end),
            "words": turn_words.get(turn.index, 0),
            "is_question": turn.index in asks,
            "confidence": float(turn.confidence),
            "seconds": (
                None
                if turn.start is None or turn.end is None
                else round(float(turn.end) - float(turn.start), 3)
            ),
            "questions": asks.get(turn.index, 0),
            "check_ins": checks.get(turn.index, 0),
            "is_answer": turn.index in answering,
            "fillers": fillers.get(turn.index, 0),
            "uncertain": turn.confidence < LOW_CONFIDENCE,
        }
        for turn in analysis.transcript.turns
    )


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)


def rows_frame(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> Any:
    """A pandas DataFrame of ``rows`` with exactly ``columns``, in order."""
    import pandas as pd  # type: ignore[import-untyped]  # slow to import: only when writing

    return pd.DataFrame(list(rows), columns=list(columns))


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP, "CSV injection")."""


def spreadsheet_safe(value: Any) -> Any:
    """``value``, with an apostrophe before it when it is text a spreadsheet
    would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_frame(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> Any:
    """:func:`rows_frame` with every text cell :func:`spreadsheet_safe`."""
    return rows_frame(
        [{column: spreadsheet_safe(row.get(column)) for column in columns} for row in rows],
        columns,
    )


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """``rows`` as CSV text: a header line, then one line per row ("\\n" ends)."""
    text: str = csv_frame(rows, columns).to_csv(index=False, lineterminator="\n")
    return text


def render_csv(report: Report, file: str | None = None) -> str:
    """The report as one CSV row under a header, as ``batch --out`` writes it."""
    return csv_text([report_row(report, file)], report_columns(report))


def render_turns_csv(report: Report, file: str | None = None) -> str:
    """The report's turns as CSV, one row per turn, as ``batch --turns-out`` writes them."""
    return csv_text(turn_rows(report, file), TURN_COLUMNS)
