"""Human ratings for ``transcript-tool calibrate``: the ratings CSV and the ``--map`` file.

Two layouts are read (the header decides):

- **long**: a ``criterion`` column; columns ``transcript, criterion,
  rating[, rater]`` (any order, names case-insensitive), one rating a row;
- **wide**: no ``criterion`` column; a ``transcript`` column, an optional
  ``rater`` column and one column per rating: the columns ``--map`` names,
  or else the columns named by a criterion id (or ``overall``), in any case
  and with spaces for its underscores ("Answered question" is
  ``answered_question``). A scale in a column's name, "Conciseness (1-5)",
  is that column's scale unless the map gives one. The other columns are
  read as nothing, and listed (:attr:`Ratings.unread`).

A form's export names its columns its own way: ``rater`` may be called
``email address``, ``email``, ``username``, ``reviewer``, ``grader`` or
``rater name`` (a Google Form's respondent is its rater), and
``transcript`` ``transcript id``, ``file`` or ``file name``, where the file
has no column of the usual name.

``transcript`` is a transcript id or a file name, stem or path under the
transcripts folder (matched by :func:`.matching.match_transcripts`). A
criterion is a criterion id of the rubric or ``overall``. An empty rating
cell is no rating.

The map (YAML) says what a column (wide) or a criterion name (long) means::

    StructuredAnswers: answered_question   # rating column -> criterion id
    Overall: overall
    Friendly: null                         # ignored
    Delivery:                              # ordinal text labels, worst first
      criterion: conciseness
      levels: [poor, fair, good, excellent]   # read as 1, 2, 3, 4
      scale: [1, 4]                        # optional: the scale's ends

A rating scale is the map's ``scale``, else ``[1, len(levels)]``, else the
lowest and highest rating given for that criterion. The map is read by
:mod:`.rating_map`. Every mistake is an
:class:`~transcript_tool.errors.InputError` naming the file and line.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from ..errors import InputError
from .rating_map import OVERALL, MapEntry, RatingMap, read_file, unknown_criterion

TRANSCRIPT, CRITERION, RATING, RATER = "transcript", "criterion", "rating", "rater"
ALIASES = {
    RATER: ("rater name", "rater id", "reviewer", "grader", "email address", "email", "username"),
    TRANSCRIPT: ("transcript id", "transcript_id", "file", "file name", "filename"),
}
"""Other names of a column, tried in this order when the usual one is absent."""
_SCALE_IN_NAME = re.compile(
    r"[(\[]\s*(-?\d+(?:\.\d+)?)\s*(?:-|–|—|to)\s*(-?\d+(?:\.\d+)?)\s*[)\]]\s*$"
)
"""A scale at the end of a column's name: "(1-5)", "[0 to 10]", "(1–7)"."""
LONG_FORM = "transcript, criterion, rating[, rater]"
MAX_LISTED = 3


@dataclass(frozen=True)
class Rating:
    """One human rating: of ``transcript`` (as written) on ``criterion`` (an id
    or ``overall``), from ``rater`` (None when the file names no raters), read
    from ``line``."""

    transcript: str
    criterion: str
    value: float
    rater: str | None
    line: int


@dataclass(frozen=True)
class Ratings:
    """The ratings of a file, the scale of each criterion's ratings and where
    each criterion's ratings came from (columns or criterion names)."""

    source: str
    form: Literal["long", "wide"]
    ratings: tuple[Rating, ...]
    scales: dict[str, tuple[float, float]]
    origins: dict[str, tuple[str, ...]] = field(default_factory=dict)
    raters: bool = False
    unread: tuple[str, ...] = ()  # wide form: the columns read as nothing

    def criteria(self) -> list[str]:
        """The criteria rated, in order of first appearance."""
        return list(dict.fromkeys(r.criterion for r in self.ratings))


# ------------------------------------------------------------------ the ratings


def _rows(text: str, path: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the row starts, cells), blank rows left out."""
    first = text.split("\n", 1)[0]
    delimiter = ","
    if path.lower().endswith(".tsv") or ("\t" in first and "," not in first):
        delimiter = "\t"
    elif ";" in first and "," not in first:
        delimiter = ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    last = 0
    try:
        for cells in reader:
            start, last = last + 1, reader.line_num
            if any(cell.strip() for cell in cells):
                yield start, cells
    except csv.Error as error:
        raise InputError(f"not valid CSV: {error}", source=path, line=reader.line_num) from None


def load_ratings(
    path: str, valid: Sequence[str], rubric: str, mapping: RatingMap | None = None
) -> Ratings:
    """Read the ratings file (long or wide, see the module docstring) and
    check every cell; raises InputError naming the file and line."""
    rows = _rows(read_file(path, "ratings file"), path)
    header_row = next(rows, None)
    if header_row is None:
        raise InputError("the ratings file is empty", source=path)
    header_line, header = header_row
    names = [cell.strip() for cell in header]
    folded = [name.casefold() for name in names]
    for i, name in enumerate(folded):
        if name and name in folded[:i]:
            raise InputError(f"duplicate column {names[i]!r}", source=path, line=header_line)
    columns = {name: i for i, name in enumerate(folded) if name}
    for usual, others in ALIASES.items():
        if usual not in columns:
            at = next((columns[o] for o in others if o in columns), None)
            if at is not None:
                columns[usual] = at
    listed = ", ".join(name for name in names if name)

    def need(column: str, form: str) -> int:
        if column not in columns:
            raise InputError(
                f"missing column {column!r} (the columns are: {listed}); {form}",
                source=path,
                line=header_line,
            )
        return columns[column]

    reader = _Reader(path, valid, rubric, mapping)
    unread: tuple[str, ...] = ()
    if CRITERION in columns:
        form: Literal["long", "wide"] = "long"
        spec = f"long form needs {LONG_FORM}"
        transcript_at, criterion_at, rating_at = (
            need(TRANSCRIPT, spec),
            need(CRITERION, spec),
            need(RATING, spec),
        )
        rater_at = columns.get(RATER)
        for line, cells in rows:
            transcript = reader.transcript(cells, transcript_at, line)
            name = _cell(cells, criterion_at)
            if not name:
                raise InputError("empty criterion", source=path, line=line)
            entry = reader.entry(name, line)
            if entry is None:
                continue
            reader.add(
                transcript,
                entry,
                name,
                _cell(cells, rating_at),
                names[rating_at],
                line,
                _cell(cells, rater_at) if rater_at is not None else None,
            )
    else:
        form = "wide"
        spec = f"wide form needs a transcript column and rating columns ({LONG_FORM} for long form)"
        transcript_at = need(TRANSCRIPT, spec)
        rater_at = columns.get(RATER)
        rating_columns = _wide_columns(names, columns, valid, mapping, path, header_line, listed)
        ignored = {
            key.strip().casefold() for key, e in (mapping.entries.items() if mapping else ())
        }
        used = {transcript_at, rater_at, *(at for at, _ in rating_columns)}
        unread = tuple(
            name
            for at, name in enumerate(names)
            if name and at not in used and name.casefold() not in ignored
        )
        counts: dict[str, int] = {}
        for _, entry in rating_columns:
            assert entry.criterion is not None
            counts[entry.criterion] = counts.get(entry.criterion, 0) + 1
        for line, cells in rows:
            transcript = reader.transcript(cells, transcript_at, line)
            rater = _cell(cells, rater_at) if rater_at is not None else None
            for at, entry in rating_columns:
                assert entry.criterion is not None
                who = rater
                if counts[entry.criterion] > 1:  # several columns rate it: each is a rater
                    who = f"{rater}/{names[at]}" if rater else names[at]
                reader.add(transcript, entry, names[at], _cell(cells, at), names[at], line, who)
    if not reader.ratings:
        raise InputError("no ratings found (every rating cell is empty)", source=path)
    return Ratings(
        source=path,
        form=form,
        ratings=tuple(reader.ratings),
        scales=reader.scales(),
        origins={c: tuple(o) for c, o in reader.origins.items()},
        raters=rater_at is not None,
        unread=unread if form == "wide" else (),
    )


def _cell(cells: Sequence[str], at: int | None) -> str:
    return cells[at].strip() if at is not None and at < len(cells) else ""


def _wide_columns(
    names: list[str],
    columns: dict[str, int],
    valid: Sequence[str],
    mapping: RatingMap | None,
    path: str,
    header_line: int,
    listed: str,
) -> list[tuple[int, MapEntry]]:
    """(column index, entry) of each rating column of a wide file."""
    found: list[tuple[int, MapEntry]] = []
    if mapping is not None:
        for key, entry in mapping.entries.items():
            if entry.criterion is None:
                continue
            at = columns.get(key.strip().casefold())
            if at is None:
                raise InputError(
                    f"missing column {key!r} named in {mapping.source} (the columns are: {listed})",
                    source=path,
                    line=header_line,
                )
            found.append((at, _scaled(entry, names[at])))
        return sorted(found, key=lambda item: item[0])
    ids = {*valid, OVERALL}
    for at, name in enumerate(names):
        criterion = _criterion_named(name, ids)
        if criterion is not None:
            found.append((at, _scaled(MapEntry(criterion), name)))
    if not found:
        raise InputError(
            f"missing column 'criterion' (the columns are: {listed}); give ratings in long "
            f"form ({LONG_FORM}), name rating columns by criterion id "
            f"({', '.join(sorted(ids))}), or map them with --map",
            source=path,
            line=header_line,
        )
    return found


def _criterion_named(name: str, ids: set[str]) -> str | None:
    """The criterion id (or ``overall``) a column's name is, in any case, with
    spaces or hyphens for underscores and a scale after it ("Answered
    question (1-5)" is ``answered_question``); None when it is none."""
    bare = _SCALE_IN_NAME.sub("", name).strip()
    key = re.sub(r"[\s-]+", "_", bare.casefold())
    return key if key in ids else None


def _scaled(entry: MapEntry, column: str) -> MapEntry:
    """``entry`` with the scale its column's name gives ("Conciseness (1-5)"),
    where the map gave none and no levels."""
    if entry.scale is not None or entry.levels:
        return entry
    match = _SCALE_IN_NAME.search(column)
    if match is None:
        return entry
    low, high = float(match[1]), float(match[2])
    return replace(entry, scale=(low, high)) if low < high else entry


class _Reader:
    """Collects checked ratings row by row."""

    def __init__(
        self, path: str, valid: Sequence[str], rubric: str, mapping: RatingMap | None
    ) -> None:
        self.path = path
        self.valid = valid
        self.rubric = rubric
        self.mapping = mapping
        self.ratings: list[Rating] = []
        self.origins: dict[str, dict[str, None]] = {}
        self.declared: dict[str, tuple[float, float]] = {}
        self.seen: dict[tuple[str, str, str], int] = {}

    def transcript(self, cells: Sequence[str], at: int, line: int) -> str:
        name = _cell(cells, at)
        if not name:
            raise InputError("empty transcript cell", source=self.path, line=line)
        return name

    def entry(self, name: str, line: int) -> MapEntry | None:
        """The entry of a long-form criterion name; None when the map ignores it."""
        entry = self.mapping.get(name) if self.mapping is not None else None
        if entry is not None:
            return entry if entry.criterion is not None else None
        if name in self.valid or name == OVERALL:
            return MapEntry(name)
        raise InputError(
            unknown_criterion(name, self.valid, self.rubric), source=self.path, line=line
        )

    def add(
        self,
        transcript: str,
        entry: MapEntry,
        origin: str,
        text: str,
        column: str,
        line: int,
        rater: str | None,
    ) -> None:
        if not text:
            return
        criterion = entry.criterion
        assert criterion is not None
        value = self.number(text, entry, column, line)
        if entry.scale is not None and not entry.scale[0] <= value <= entry.scale[1]:
            raise InputError(
                f"rating {text!r} in column {column!r} is outside its scale {_span(entry.scale)}",
                source=self.path,
                line=line,
            )
        if entry.scale is not None:
            known = self.declared.setdefault(criterion, entry.scale)
            if known != entry.scale:
                raise InputError(
                    f"criterion {criterion!r} is given two scales in the map: "
                    f"{_span(known)} and {_span(entry.scale)}",
                    source=self.mapping.source if self.mapping else self.path,
                    line=entry.line,
                )
        if rater is not None:
            key = (transcript, criterion, rater)
            if key in self.seen:
                raise InputError(
                    f"rater {rater!r} rated {criterion!r} of transcript {transcript!r} twice "
                    f"(first on line {self.seen[key]})",
                    source=self.path,
                    line=line,
                )
            self.seen[key] = line
        self.origins.setdefault(criterion, {})[origin] = None
        self.ratings.append(Rating(transcript, criterion, value, rater or None, line))

    def number(self, text: str, entry: MapEntry, column: str, line: int) -> float:
        if entry.levels:
            folded = [level.casefold() for level in entry.levels]
            if text.casefold() in folded:
                return float(folded.index(text.casefold()) + 1)
            raise InputError(
                f"rating {text!r} in column {column!r} is not one of the levels "
                f"{', '.join(entry.levels)}",
                source=self.path,
                line=line,
            )
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise InputError(
                f"rating {text!r} in column {column!r} is not a number (for text labels, "
                "give their order in --map: levels: [worst, ..., best])",
                source=self.path,
                line=line,
            )
        return value

    def scales(self) -> dict[str, tuple[float, float]]:
        """Each criterion's scale: declared in the map, else the ratings' range."""
        result: dict[str, tuple[float, float]] = {}
        for rating in self.ratings:
            if rating.criterion in self.declared:
                result[rating.criterion] = self.declared[rating.criterion]
                continue
            low, high = result.get(rating.criterion, (rating.value, rating.value))
            result[rating.criterion] = (min(low, rating.value), max(high, rating.value))
        return result


def _span(scale: tuple[float, float]) -> str:
    return f"[{scale[0]:g}, {scale[1]:g}]"
