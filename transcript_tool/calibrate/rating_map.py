"""The ``--map`` file of ``transcript-tool calibrate``: what each rating
column (wide ratings) or criterion name (long ratings) means; see
:mod:`.ratings` for the file's form. Every mistake is an
:class:`~transcript_tool.errors.InputError` naming the file and line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from ..errors import InputError, UsageError
from ..yamlnodes import did_you_mean, parse_yaml

OVERALL = "overall"
MAP_KEYS = ("criterion", "levels", "scale")


@dataclass(frozen=True)
class MapEntry:
    """What one rating column (wide) or criterion name (long) means.

    ``criterion`` None: the column is ignored. ``levels``: ordinal text
    labels, worst first (read as 1, 2 ...). ``scale``: the scale's ends.
    """

    criterion: str | None
    levels: tuple[str, ...] = ()
    scale: tuple[float, float] | None = None
    line: int | None = None


@dataclass(frozen=True)
class RatingMap:
    """A ``--map`` file: entries by column or criterion name, as written."""

    source: str
    entries: dict[str, MapEntry]

    def get(self, name: str) -> MapEntry | None:
        """The entry for ``name`` (exact, else ignoring case and outer spaces)."""
        if name in self.entries:
            return self.entries[name]
        folded = name.strip().casefold()
        for key, entry in self.entries.items():
            if key.strip().casefold() == folded:
                return entry
        return None


def unknown_criterion(name: str, valid: Sequence[str], rubric: str) -> str:
    """``unknown criterion 'x' (did you mean 'y'?); valid ids (rubric 'r'): a, b``."""
    options = sorted({*valid, OVERALL})
    return (
        f"unknown criterion {name!r}{did_you_mean(name, options)}; "
        f"valid ids (rubric {rubric!r}): {', '.join(options)}"
    )


def load_map(path: str, valid: Sequence[str], rubric: str) -> RatingMap:
    """Read and check a ``--map`` file against the rubric's criterion ids."""
    text = read_file(path, "--map")
    document = parse_yaml(text)
    if document.problems:
        problem = document.problems[0]
        raise InputError(problem.message, source=path, line=problem.line)
    data = document.data
    if not isinstance(data, dict) or not data:
        raise InputError(
            "expected a mapping of rating columns to criterion ids, e.g. 'Overall: overall'",
            source=path,
            line=1,
        )
    entries: dict[str, MapEntry] = {}
    for key, value in data.items():
        spot = document.key_spots.get((key,))
        entry = _MapChecker(path, key, document.spots, spot.line if spot else None)
        entries[str(key)] = entry.entry(value, valid, rubric)
    return RatingMap(path, entries)


class _MapChecker:
    """Checks one entry of the map; every problem is an InputError at its line."""

    def __init__(self, path: str, key: str, spots: Mapping[Any, Any], line: int | None) -> None:
        self.path = path
        self.key = key
        self.spots = spots
        self.line = line

    def fail(self, message: str, *where: str) -> NoReturn:
        found = self.spots.get((self.key, *where)) if where else None
        line = found.line if found is not None else self.line
        raise InputError(f"{self.key!r}: {message}", source=self.path, line=line)

    def entry(self, value: object, valid: Sequence[str], rubric: str) -> MapEntry:
        levels: tuple[str, ...] = ()
        scale: tuple[float, float] | None = None
        where: tuple[str, ...] = ()
        if value is None or isinstance(value, str):
            criterion = value
        elif isinstance(value, dict):
            extra = [k for k in value if k not in MAP_KEYS]
            if extra:
                self.fail(
                    f"unknown key {extra[0]!r}{did_you_mean(extra[0], MAP_KEYS)}; "
                    f"expected: {', '.join(MAP_KEYS)}",
                    extra[0],
                )
            if "criterion" not in value:
                self.fail("missing 'criterion' (the criterion id it rates)")
            criterion = value["criterion"]
            where = ("criterion",)
            if not isinstance(criterion, str) and criterion is not None:
                self.fail("'criterion' must be a criterion id", *where)
            levels = self.levels(value.get("levels"))
            scale = self.scale(value.get("scale"))
        else:
            self.fail("expected a criterion id or a mapping with 'criterion'")
        if criterion is not None:
            criterion = criterion.strip()
            if criterion not in valid and criterion != OVERALL:
                found = self.spots.get((self.key, *where))
                raise InputError(
                    unknown_criterion(criterion, valid, rubric),
                    source=self.path,
                    line=found.line if found is not None else self.line,
                )
        if scale is None and levels:
            scale = (1.0, float(len(levels)))
        return MapEntry(criterion, levels, scale, self.line)

    def levels(self, value: object) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or len(value) < 2:
            self.fail("'levels' must be a list of at least two labels, worst first", "levels")
        labels = tuple(str(item).strip() for item in value)
        folded = [label.casefold() for label in labels]
        if len(set(folded)) != len(folded) or not all(labels):
            self.fail("'levels' must be distinct, non-empty labels", "levels")
        return labels

    def scale(self, value: object) -> tuple[float, float] | None:
        if value is None:
            return None
        numbers = value if isinstance(value, list) else []
        if (
            len(numbers) != 2
            or not all(isinstance(n, int | float) and not isinstance(n, bool) for n in numbers)
            or not numbers[0] < numbers[1]
        ):
            self.fail("'scale' must be [lowest, highest], two numbers, e.g. [1, 7]", "scale")
        return float(numbers[0]), float(numbers[1])


def read_file(path: str, what: str) -> str:
    """The UTF-8 text of the file ``path`` (``what``: how the user named it, for errors)."""
    file = Path(path)
    if not file.is_file():
        raise UsageError(f"{what} {path}: no such file")
    try:
        return file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", source=path) from None
    except OSError as error:
        raise UsageError(f"{what} {path}: cannot read: {error.strerror or error}") from None
