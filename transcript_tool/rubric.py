"""Rubrics: load and validate YAML rubrics into frozen dataclasses.

A rubric names the criteria a transcript is scored on. Each criterion names a
registered metric (see :mod:`transcript_tool.metrics`), may set that metric's
params, has a weight and a direction, and lists bands that turn the metric's
value into a label, a 0-100 score and a feedback sentence.

Validation collects every problem with its line, column and path and raises
one :class:`~transcript_tool.errors.RubricError` carrying all of them, in
document order. ``rubrics/default.yaml`` is the annotated reference.

Band rules, per direction:

- ``higher`` (more is better): bands are listed best first; every band but
  the last has a ``min`` and the mins strictly decrease. A value falls in the
  first band whose ``min`` it reaches (``value >= min``). The last band omits
  ``min`` and takes every lower value; it may keep a ``min`` only when that
  ``min`` is at or below 0 on a metric on the 0-100 "score" scale (so it still
  takes every value). ``max`` is not used.
- ``lower`` (less is better): the mirror image, with ``max`` strictly
  increasing, ``value <= max``, and a last-band ``max`` allowed only at or
  above 100 on the score scale. ``min`` is not used.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .errors import RubricError, UsageError
from .model import Concept
from .yamlnodes import did_you_mean, parse_yaml

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = ["Band", "Criterion", "Rubric", "builtin_rubrics", "load_rubric", "parse_rubric"]

Direction = Literal["higher", "lower"]


@dataclass(frozen=True)
class Band:
    """One band of a criterion: a label, feedback, its threshold and an optional score.

    ``min``/``max`` are on the metric's scale (only one is used, per the
    criterion's direction); ``score`` is 0-100, or None to use the metric's
    value (allowed only for metrics on the "score" scale).
    """

    band: str
    feedback: str
    min: float | None
    max: float | None
    score: float | None


@dataclass(frozen=True)
class Criterion:
    """One scored aspect. ``params`` holds only the params the rubric sets.

    ``line`` is the 1-based line where the criterion starts in its file.
    """

    id: str
    title: str
    metric: str
    params: dict[str, Any]
    weight: float
    direction: Direction
    bands: tuple[Band, ...]
    line: int | None

    def band_for(self, value: float) -> Band:
        """The first band whose threshold ``value`` reaches; the last band otherwise."""
        for band in self.bands:
            if self.direction == "higher":
                if band.min is None or value >= band.min:
                    return band
            elif band.max is None or value <= band.max:
                return band
        return self.bands[-1]


@dataclass(frozen=True)
class Rubric:
    """A validated rubric; ``source`` is the file it came from."""

    name: str
    version: str
    description: str
    criteria: tuple[Criterion, ...]
    source: str
    concepts: tuple[Concept, ...] = ()


# --------------------------------------------------------------------------- loading


def _builtin_dir() -> Traversable:
    """The packaged ``rubrics/`` directory, else the repository's (editable installs)."""
    packaged = resources.files("transcript_tool") / "rubrics"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rubrics"


def builtin_rubrics() -> list[str]:
    """Names of the built-in rubrics, sorted."""
    directory = _builtin_dir()
    if not directory.is_dir():
        return []
    names = (entry.name for entry in directory.iterdir() if entry.is_file())
    return sorted(name.removesuffix(".yaml") for name in names if name.endswith(".yaml"))


def load_rubric(name_or_path: str) -> Rubric:
    """A built-in rubric by name ("default") or a rubric YAML file by path.

    A bare name (no path separator, no .yaml/.yml suffix) is looked up among the
    built-ins first, then as a file. Raises UsageError when neither exists
    or the file cannot be read, RubricError when it is not a valid rubric.
    """
    looks_like_path = (
        "/" in name_or_path or "\\" in name_or_path or name_or_path.endswith((".yaml", ".yml"))
    )
    if not looks_like_path and name_or_path in builtin_rubrics():
        builtin = _builtin_dir() / f"{name_or_path}.yaml"
        return parse_rubric(builtin.read_text(encoding="utf-8-sig"), str(builtin))
    path = Path(name_or_path)
    if path.is_file():
        return parse_rubric(_read_text(path, name_or_path), name_or_path)
    if looks_like_path:
        raise UsageError(f"rubric file not found: {name_or_path!r}")
    names = builtin_rubrics()
    raise UsageError(
        f"unknown rubric {name_or_path!r}{did_you_mean(name_or_path, names)}; "
        f"built-in rubrics: {', '.join(names)} (or give a path to a .yaml file)"
    )


def _read_text(path: Path, name: str) -> str:
    """The file's text (UTF-8, BOM tolerated); UsageError when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"rubric {name!r} is not UTF-8 text") from None
    except OSError as error:
        raise UsageError(f"cannot read rubric {name!r}: {error.strerror or error}") from None


def parse_rubric(text: str, source: str) -> Rubric:
    """Validate rubric YAML ``text``; ``source`` names it in messages.

    Raises RubricError with every problem found, in document order.
    """
    from .rubric_check import RubricChecker  # imports this module's dataclasses

    checker = RubricChecker(parse_yaml(text))
    rubric = checker.rubric(source)
    if checker.problems or rubric is None:
        problems = sorted(checker.problems, key=lambda p: (p.line or 0, p.column or 0))
        raise RubricError(source, problems)
    return rubric
