"""CSV records with the source line each starts on, read with the csv module,
and pandas' parse errors located on those lines: pandas reads the table
(:mod:`.table`) but gives no line numbers, and counts blank lines and quoted
line breaks otherwise than a person reading the file."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from typing import Literal

from ..errors import InputError, one_line

Quoting = Literal[0, 3]  # csv.QUOTE_MINIMAL, csv.QUOTE_NONE

_PANDAS_LINE = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_PANDAS_EOF = re.compile(r"EOF inside string starting at row (\d+)")


def read_records(
    text: str, separator: str, name: str, strict: bool = True, quoting: Quoting = csv.QUOTE_MINIMAL
) -> list[tuple[int, list[str]]]:
    """(first line, cells) of every record as the csv module reads it, blank
    lines included (pandas gives no line numbers, and counts those). A quoted
    cell followed by anything but a separator ('"open"ed') is refused, where a
    lenient parser would glue the rest of the record onto it; a quote never
    closed is left to the caller, which names its line."""
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=separator,
        skipinitialspace=True,
        strict=strict,
        quoting=quoting,
    )
    records: list[tuple[int, list[str]]] = []
    previous = 0
    try:
        for cells in reader:
            records.append((previous + 1, cells))
            previous = reader.line_num
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            return read_records(text, separator, name, strict=False, quoting=quoting)
        raise InputError(
            f"malformed CSV: {one_line(str(error))}", source=name, line=previous + 1
        ) from None
    return records


def blank(cells: Sequence[str]) -> bool:
    return not cells or (len(cells) == 1 and not cells[0].strip())


def parser_error(message: str, records: Sequence[tuple[int, list[str]]], name: str) -> InputError:
    """An InputError for a pandas parser message, at the line it names."""
    first = message.strip().splitlines()[-1] if message.strip() else "cannot parse the table"
    fields = _PANDAS_LINE.search(message)
    if fields:
        expected, record, saw = (int(group) for group in fields.groups())
        return InputError(
            f"expected {expected} fields, saw {saw} (quote a cell that holds the separator)",
            source=name,
            line=_record_line(record - 1, records),
        )
    unclosed = _PANDAS_EOF.search(message)
    if unclosed:
        return InputError(
            "a quoted cell is never closed (a '\"' without its closing '\"')",
            source=name,
            line=_record_line(int(unclosed[1]), records),
        )
    return InputError(f"not a readable table: {one_line(first)}", source=name)


def _record_line(index: int, records: Sequence[tuple[int, list[str]]]) -> int | None:
    return records[index][0] if 0 <= index < len(records) else None
