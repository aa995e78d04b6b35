"""CSV and TSV tables (``format = "csv"``): one row per utterance, read with
pandas.

The first non-blank line is the header. Columns are found by name, ignoring
case, spaces, punctuation and camelCase (``Speaker Name``, ``speakerName`` and
``speaker_name`` are one name); the first alias present wins:

    speaker   speaker, speaker_name, name, role
    text      text, utterance, transcript, content, message
    start     start, start_time, begin, time, timestamp     (optional)
    end       end, end_time                                 (optional)

Times are seconds (``12``, ``12.5``), or ``h:mm:ss`` / ``mm:ss`` clock strings
with an optional ``.mmm`` or ``,mmm`` (``00:01:02.500``), or milliseconds
when the column name ends in ``ms``, ``millis`` or ``milliseconds``
(``start_ms``, ``Start (ms)``, ``startMs``); an ending of ``s``, ``sec``,
``secs`` or ``seconds`` (``start_seconds``) just says seconds. A value that is
none of these, a negative one, or an end before its start is an error naming
the row's line (the header is line 1) and the column.

Nothing is guessed from the size of the values, but for Whisper's TSV (and
WhisperX's), which writes whole milliseconds under a plain header: a
tab-separated ``start``, ``end``, ``text`` header whose times are all whole
numbers, the rows lasting 100 or more at the median (no Whisper segment lasts
100 seconds), is read in milliseconds, with a notice. Its cells are not
quoted: Whisper writes ``"Hi," he said`` as is.

The separator is a tab when the name ends in ``.tsv`` or the header line holds
a tab, else a comma. Quoted cells may hold the separator, quotes (doubled)
and line breaks; spaces after a separator are ignored. A row with more cells
than the header is an error naming its line.

Rows with an empty text cell are skipped. A row with text but an empty speaker
cell continues the previous row's speaker (spreadsheets often leave a
repeated name blank); such rows before any named speaker are attributed to
``Unknown`` with a notice, and when no row names a speaker at all the text
goes to the raw-caption segmenter. So does a table with no speaker column but
a start or end column (timed segments, as in Whisper's TSV); with neither, it
is an error. Rows stay in file order; start times that go backwards are named
in one notice.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import re
import statistics
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import InputError, quoted
from ..model import Transcript
from . import Reader
from .clock import stamp_seconds
from .common import (
    Chunk,
    RawTurn,
    ReadOptions,
    build_transcript,
    normalize_space,
    split_lines,
    unlabeled_transcript,
)
from .cues import UNKNOWN_SPEAKER
from .limits import check_segments
from .records import Quoting, blank, parser_error, read_records
from .timed import STAMP, backwards_notices

SPEAKER_COLUMNS = ("speaker", "speaker_name", "name", "role")
TEXT_COLUMNS = ("text", "utterance", "transcript", "content", "message")
START_COLUMNS = ("start", "start_time", "begin", "time", "timestamp")
END_COLUMNS = ("end", "end_time")

_UNITS = (
    ("milliseconds", "ms"),
    ("millis", "ms"),
    ("ms", "ms"),
    ("seconds", "s"),
    ("secs", "s"),
    ("sec", "s"),
    ("s", "s"),
)
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_CLOCK = re.compile(STAMP)
_WHISPER_HEADER = re.compile(r"\ufeff?start\tend\ttext[ \t]*", re.IGNORECASE)


@dataclass(frozen=True)
class _Column:
    """A header cell: its position, its name as written, and the unit its
    name states ("ms", "s" or None)."""

    index: int
    written: str
    key: str
    unit: str | None


def sniff(text: str, name: str) -> float:
    """0.97 when the first non-blank line is a header naming a speaker and a
    text column, or Whisper's ``start<TAB>end<TAB>text``; 0.92 for any other
    ``.csv``/``.tsv`` file (so a table without those columns gets this
    reader's error); 0.0 otherwise."""
    header = next((line for line in split_lines(text[:20000]) if line.strip()), "")
    cells = _header_cells(header.removeprefix("\ufeff"), _separator(header, name))
    columns = _columns(cells)
    if len(cells) >= 2 and _find(columns, SPEAKER_COLUMNS) and _find(columns, TEXT_COLUMNS):
        return 0.97
    if _WHISPER_HEADER.fullmatch(header):
        return 0.97
    return 0.92 if name.lower().endswith((".csv", ".tsv")) else 0.0


def read(text: str, name: str, options: ReadOptions | None = None) -> Transcript:
    """Turns from a CSV/TSV table; see the module docstring."""
    import pandas as pd  # type: ignore[import-untyped]  # slow to import: only when reading

    text = text.removeprefix("\ufeff")
    header_line = next((line for line in split_lines(text) if line.strip()), "")
    separator = _separator(header_line, name)
    # Whisper writes its text as is, quotes and all ('"Hi," he said'): no cell of its TSV is quoted
    whisper = _WHISPER_HEADER.fullmatch(header_line) is not None
    quoting: Quoting = csv.QUOTE_NONE if whisper else csv.QUOTE_MINIMAL
    records = read_records(text, separator, name, quoting=quoting)
    check_segments(len(records), "rows", name)
    filled = [(line, cells) for line, cells in records if not blank(cells)]
    if not filled:
        raise InputError("the transcript is empty (is it the right file?)", source=name)
    (header_at, header), rows = filled[0], filled[1:]
    columns = _checked_columns(header, name, header_at)
    for line, cells in rows:
        if len(cells) > len(header):
            raise InputError(
                f"expected {len(header)} fields, saw {len(cells)} "
                "(quote a cell that holds the separator)",
                source=name,
                line=line,
            )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = pd.read_csv(
                io.StringIO(text),
                sep=separator,
                dtype=str,
                keep_default_na=False,
                index_col=False,
                skipinitialspace=True,
                quoting=quoting,
            )
    except pd.errors.EmptyDataError:
        raise InputError("the transcript is empty (is it the right file?)", source=name) from None
    except (pd.errors.ParserError, ValueError) as error:
        raise parser_error(str(error), records, name) from None
    if frame.shape[1] != len(header):  # pandas read the header otherwise: trust pandas
        columns = _checked_columns([str(c) for c in frame.columns], name, header_at)
    if len(frame) == len(rows):
        lines = [line for line, _ in rows]
    else:  # pandas and the csv module disagree on a row: count rows instead
        lines = [header_at + 1 + k for k in range(len(frame))]
    table = [[str(cell) for cell in row] for row in frame.to_numpy().tolist()]
    return _transcript(table, lines, columns, name, options or ReadOptions(), whisper)


def _checked_columns(header: Sequence[str], name: str, line: int) -> list[_Column]:
    """The header's columns; InputError when no text column is among them, or
    no speaker column and no time column (a table of timed segments, such as
    Whisper's TSV, needs no speaker)."""
    columns = _columns(header)
    text = _find(columns, TEXT_COLUMNS)
    timed = _find(columns, START_COLUMNS) or _find(columns, END_COLUMNS)
    if text is None or (_find(columns, SPEAKER_COLUMNS) is None and timed is None):
        found = ", ".join(c.written for c in columns if c.written) or "none"
        found = found if len(found) <= 200 else found[:200] + "…"
        wanted = (
            'no "speaker" and "text" columns'
            if text is None
            else 'no "speaker" column, and no "start" column to read the rows as timed segments'
        )
        raise InputError(f"{wanted} (found: {found})", source=name, line=line)
    return columns


def _transcript(
    rows: Sequence[Sequence[str]],
    lines: Sequence[int],
    columns: Sequence[_Column],
    name: str,
    options: ReadOptions,
    whisper: bool = False,
) -> Transcript:
    speaker_column = _find(columns, SPEAKER_COLUMNS)
    text_column = _find(columns, TEXT_COLUMNS)
    assert text_column is not None
    start_column = _find(columns, START_COLUMNS)
    end_column = _find(columns, END_COLUMNS)
    notices: list[str] = []
    if whisper and start_column and end_column and _whole_milliseconds(rows):
        start_column = dataclasses.replace(start_column, unit="ms")
        end_column = dataclasses.replace(end_column, unit="ms")
        notices.append("times read as milliseconds, as Whisper's TSV writes them")
    raw_turns: list[RawTurn] = []
    times: list[tuple[int, float, str]] = []
    unnamed: list[int] = []
    speaker: str | None = None
    for row, line in zip(rows, lines, strict=True):
        said = row[text_column.index].strip()
        if not said:
            continue
        start, start_written = _time(row, start_column, line, name)
        end, end_written = _time(row, end_column, line, name)
        if start is not None and end is not None and end < start:
            raise InputError(
                f"the end {quoted(end_written)} is before the start {quoted(start_written)}",
                source=name,
                line=line,
            )
        if start is not None:
            times.append((line, start, start_written))
        named = normalize_space(row[speaker_column.index]) if speaker_column else ""
        if named:
            speaker = named
        elif speaker is None:
            unnamed.append(line)
        raw_turns.append(RawTurn(speaker or UNKNOWN_SPEAKER, said, line=line, start=start, end=end))
    if not raw_turns:
        raise InputError("the transcript is empty (is it the right file?)", source=name)
    notices.extend(backwards_notices(times))
    if speaker is None:
        chunks = [Chunk(raw.text, line=raw.line, start=raw.start, end=raw.end) for raw in raw_turns]
        return unlabeled_transcript(
            chunks, format="csv", source=name, options=options, notices=notices
        )
    if unnamed:
        more = f" (and {len(unnamed) - 1} more)" if len(unnamed) > 1 else ""
        notices.append(
            f"rows with text but no speaker before the first named speaker, on line "
            f'{unnamed[0]}{more}, are attributed to "{UNKNOWN_SPEAKER}"'
        )
    return build_transcript(raw_turns, format="csv", source=name, notices=notices, unit="rows")


def _whole_milliseconds(rows: Sequence[Sequence[str]]) -> bool:
    """Whether the rows of Whisper's (and WhisperX's) TSV hold whole
    milliseconds, as Whisper writes them under its plain ``start``/``end``
    header: every time is a whole number, and the rows last 100 or more at
    the median (a Whisper segment lasts seconds, so not 100 of them, and a
    table of whole seconds is left as seconds)."""
    lengths: list[int] = []
    for row in rows:
        start, end = row[0].strip(), row[1].strip()
        if not all(t.isascii() and t.isdigit() and len(t) <= 15 for t in (start, end)):
            return False
        lengths.append(int(end) - int(start))
    return bool(lengths) and statistics.median(lengths) >= 100


def _time(
    row: Sequence[str], column: _Column | None, line: int, name: str
) -> tuple[float | None, str]:
    """(seconds, as written) of the time in ``column`` of ``row``; None when
    there is no such column or the cell is empty."""
    if column is None:
        return None, ""
    value = row[column.index].strip()
    if not value:
        return None, value
    if _NUMBER.fullmatch(value):
        seconds = float(value)
        if math.isfinite(seconds):
            return (seconds / 1000 if column.unit == "ms" else seconds), value
        problem = "too large to be a time"
    elif _CLOCK.fullmatch(value):
        clock = stamp_seconds(value)
        if clock is not None:
            return clock, value
        problem = "minutes and seconds must be below 60"
    elif value.startswith("-") and _NUMBER.fullmatch(value[1:]):
        problem = "a time cannot be negative"
    else:
        unit = "milliseconds" if column.unit == "ms" else "seconds"
        problem = f"expected {unit} or h:mm:ss"
    raise InputError(
        f'column "{column.written[:60]}": bad time {quoted(value)} ({problem})',
        source=name,
        line=line,
    )


def _separator(header: str, name: str) -> str:
    return "\t" if name.lower().endswith(".tsv") or "\t" in header else ","


def _header_cells(line: str, separator: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=separator, skipinitialspace=True), [])
    except csv.Error:
        return []


def _columns(cells: Sequence[str]) -> list[_Column]:
    columns: list[_Column] = []
    for index, cell in enumerate(cells):
        written = " ".join(cell.split())
        key = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", written)
        key = re.sub(r"[^0-9a-z]+", "_", key.lower()).strip("_")
        unit: str | None = None
        for suffix, meaning in _UNITS:
            if key.endswith("_" + suffix):
                key, unit = key[: -len(suffix) - 1], meaning
                break
        columns.append(_Column(index, written, key, unit))
    return columns


def _find(columns: Sequence[_Column], aliases: Sequence[str]) -> _Column | None:
    """The column named by the first alias that has one (its first column)."""
    for alias in aliases:
        for column in columns:
            if column.key == alias:
                return column
    return None


EXAMPLE = """\
speaker, start, end, text
Interviewer, 0.0, 4.2, Tell me about a project you led.
Candidate, 5.1, 11.8, Last spring I led the migration of our billing service.
"""


READER = Reader(
    name="csv",
    description=(
        "CSV/TSV table with speaker and text columns (optional start/end: seconds, "
        "*_ms or hh:mm:ss), or Whisper's start/end/text TSV"
    ),
    extensions=(".csv", ".tsv"),
    sniff=sniff,
    read=read,
    example=EXAMPLE,
)
