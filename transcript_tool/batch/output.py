"""Writing a batch's tables: streamed, and atomic.

Every file is first written to a hidden temporary file in the target's own
folder (``.results.csv.<pid>.<random>.tmp``, :class:`AtomicFile`, shared with
``report --output`` in :mod:`transcript_tool.render.output`) and moved onto
the target with :func:`os.replace` only when the batch has finished, so an
error, a crash or Ctrl-C never leaves a half-written file there: the target
keeps its previous content, or stays absent. CSV and JSONL rows are appended
as they come, so memory does not grow with the number of files; Parquet has
no append, so its rows are kept and the file is written at the end.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import UsageError
from ..render.output import AtomicFile, write_text_atomic
from ..render.table import csv_frame, rows_frame

__all__ = [
    "PARQUET_ENGINES",
    "TABLE_SUFFIXES",
    "AtomicFile",
    "TableWriter",
    "parquet_engine",
    "table_suffix",
    "write_text_atomic",
]

TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")
PARQUET_ENGINES = ("pyarrow", "fastparquet")


def table_suffix(path: Path, option: str, allowed: Sequence[str] = TABLE_SUFFIXES) -> str:
    """The table format ``path`` asks for, by extension; UsageError when it is
    not one of ``allowed`` or names Parquet with no Parquet engine installed."""
    suffix = path.suffix.lower()
    if suffix not in allowed:
        raise UsageError(
            f"{option} {path}: unsupported extension {path.suffix or '(none)'!r}; "
            f"use one of {', '.join(allowed)}"
        )
    if suffix == ".parquet" and not parquet_engine():
        raise UsageError(
            f"{option} {path}: writing Parquet needs pyarrow or fastparquet, and neither "
            "is installed (pip install pyarrow), or use .csv or .jsonl"
        )
    return suffix


def parquet_engine() -> str | None:
    """The first installed Parquet engine pandas can use, or None."""
    for name in PARQUET_ENGINES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


class TableWriter:
    """Rows with fixed ``columns`` written to ``target`` as CSV, JSONL or Parquet.

    CSV is written by pandas (``to_csv``, no index, "\\n" line ends), the
    header first even when no row follows, text cells made
    :func:`~transcript_tool.render.table.spreadsheet_safe`; JSONL has one JSON object per row,
    keys in column order; Parquet is written by pandas at :meth:`commit`.
    """

    def __init__(self, target: Path, columns: Sequence[str], suffix: str) -> None:
        self.columns = list(columns)
        self.suffix = suffix
        self.rows = 0
        self._kept: list[dict[str, Any]] = []
        self._file = AtomicFile(target, binary=suffix == ".parquet")
        if suffix == ".csv":
            self._csv(header=True, rows=[])

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        """Append ``rows`` (dicts with every column)."""
        self.rows += len(rows)
        if not rows:
            return
        if self.suffix == ".csv":
            self._csv(header=False, rows=rows)
        elif self.suffix == ".jsonl":
            handle = self._handle()
            for row in rows:
                handle.write(json.dumps({c: row[c] for c in self.columns}, ensure_ascii=False))
                handle.write("\n")
        else:
            self._kept.extend(rows)

    def commit(self) -> None:
        """Finish the file and move it onto the target."""
        if self.suffix == ".parquet":
            frame = rows_frame(self._kept, self.columns)
            frame.to_parquet(self._handle(), index=False, engine=parquet_engine())
            self._kept = []
        self._file.commit()

    def discard(self) -> None:
        """Drop the temporary file; the target keeps its previous content."""
        self._kept = []
        self._file.discard()

    def _handle(self) -> IO[Any]:
        assert self._file.handle is not None
        return self._file.handle

    def _csv(self, *, header: bool, rows: Sequence[dict[str, Any]]) -> None:
        csv_frame(rows, self.columns).to_csv(
            self._handle(), header=header, index=False, lineterminator="\n"
        )
