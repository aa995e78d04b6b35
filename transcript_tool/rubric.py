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

import os
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .errors import Problem, RubricError, UsageError
from .metrics.base import Scope
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

    ``line`` is the 1-based line where the criterion starts in its file;
    ``scope`` is its ``applies_to`` (whose speech, which question intents,
    which phases).
    """

    id: str
    title: str
    metric: str
    params: dict[str, Any]
    weight: float
    direction: Direction
    bands: tuple[Band, ...]
    line: int | None
    scope: Scope = field(default_factory=Scope)

    def next_band(self, band: Band) -> Band | None:
        """The band just better than ``band`` (None for the best band)."""
        position = self.bands.index(band)
        return self.bands[position - 1] if position else None

    def lower_band(self, band: Band) -> Band | None:
        """The band just worse than ``band`` (None for the worst band)."""
        position = self.bands.index(band)
        return self.bands[position + 1] if position + 1 < len(self.bands) else None

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
    """A validated rubric; ``source`` is the file it came from and ``extends``
    the base rubric it was built on (its criteria and concepts are already
    merged in)."""

    name: str
    version: str
    description: str
    criteria: tuple[Criterion, ...]
    source: str
    concepts: tuple[Concept, ...] = ()
    extends: str | None = None

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this id; KeyError when there is none."""
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)


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


def load_rubric(name_or_path: str | os.PathLike[str]) -> Rubric:
    """A built-in rubric by name ("default") or a rubric YAML file by path.

    A bare name (no path separator, no .yaml/.yml suffix) is looked up among the
    built-ins first, then as a file; a ``Path`` is always a file. Raises
    UsageError when neither exists or the file cannot be read, RubricError
    when it is not a valid rubric (or extends one that is not).
    """
    if isinstance(name_or_path, os.PathLike):
        path = os.fspath(name_or_path)
        name_or_path = path if _looks_like_path(path) else os.path.join(os.curdir, path)
    return _load(name_or_path, Path.cwd(), ())


def rubric_text(name_or_path: str) -> tuple[str, str]:
    """(source, YAML text) of a built-in rubric by name or a rubric file by path."""
    source = _locate(name_or_path, Path.cwd())
    return source, _read_source(source, name_or_path)


def starter_text(text: str, base: str, name: str) -> str:
    """A rubric file to start from: ``text`` (the YAML of ``base``) renamed to
    ``name``, comments kept, with a first line saying where it came from."""
    lines = text.splitlines()
    renamed = False
    for position, line in enumerate(lines):
        if not renamed and line.startswith("name:"):
            lines[position] = f"name: {name}"
            renamed = True
    header = f"# Started from the rubric {base!r} by `transcript-tool rubric init`."
    return "\n".join([header, *lines]) + "\n"


def _looks_like_path(name: str) -> bool:
    return "/" in name or "\\" in name or name.endswith((".yaml", ".yml"))


def _locate(name_or_path: str, base_dir: Path) -> str:
    """The source of a rubric: a built-in's packaged path or a file path (relative
    paths resolved against ``base_dir``); UsageError when there is none."""
    if not _looks_like_path(name_or_path) and name_or_path in builtin_rubrics():
        return str(_builtin_dir() / f"{name_or_path}.yaml")
    path = Path(name_or_path)
    if not path.is_absolute() and base_dir != Path.cwd():
        path = base_dir / path
    if path.is_file():
        return name_or_path if path == Path(name_or_path) else str(path)
    if _looks_like_path(name_or_path):
        raise UsageError(f"rubric file not found: {str(path)!r}")
    names = builtin_rubrics()
    raise UsageError(
        f"unknown rubric {name_or_path!r}{did_you_mean(name_or_path, names)}; "
        f"built-in rubrics: {', '.join(names)} (or give a path to a .yaml file)"
    )


def _read_source(source: str, name: str) -> str:
    builtin = _builtin_dir()
    if Path(source).parent == Path(str(builtin)):
        return (builtin / Path(source).name).read_text(encoding="utf-8-sig")
    return _read_text(Path(source), name)


def _load(name_or_path: str, base_dir: Path, chain: tuple[str, ...]) -> Rubric:
    source = _locate(name_or_path, base_dir)
    return _parse(_read_source(source, name_or_path), source, chain)


MAX_RUBRIC_BYTES = 1_000_000
"""The largest rubric file read: the built-in ones are under 8 KB."""


def _read_text(path: Path, name: str) -> str:
    """The file's text (UTF-8, BOM tolerated); UsageError when it cannot be
    read or is larger than MAX_RUBRIC_BYTES (it is not read then)."""
    try:
        size = path.stat().st_size
        if size > MAX_RUBRIC_BYTES:
            raise UsageError(
                f"rubric {name!r} is {size / 1_000_000:.1f} MB; a rubric is a few kilobytes "
                f"(at most {MAX_RUBRIC_BYTES // 1_000_000} MB): is it the right file?"
            )
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"rubric {name!r} is not UTF-8 text") from None
    except OSError as error:
        raise UsageError(f"cannot read rubric {name!r}: {error.strerror or error}") from None


def parse_rubric(text: str, source: str) -> Rubric:
    """Validate rubric YAML ``text``; ``source`` names it in messages, and a
    relative ``extends:`` path is resolved from its directory.

    Raises RubricError with every problem found, in document order.
    """
    return _parse(text, source, ())


MAX_EXTENDS = 8
"""How many rubrics an ``extends:`` chain may hold (a guard against runaway chains)."""


def _parse(text: str, source: str, chain: tuple[str, ...]) -> Rubric:
    from .rubric_check import RubricChecker  # imports this module's dataclasses

    here = (*chain, _identity(source))

    def resolve(name: str) -> Rubric:
        """The base rubric ``name``: UsageError when it cannot be found, ValueError
        for a cycle or a chain too long, RubricError when it is invalid."""
        base_dir = Path(source).parent
        base_source = _locate(name, base_dir)
        if _identity(base_source) in here:
            names = [Path(s).name for s in (*here, _identity(base_source))]
            raise ValueError("extends cycle: " + " -> ".join(names))
        if len(here) >= MAX_EXTENDS:
            raise ValueError(f"extends chain longer than {MAX_EXTENDS} rubrics")
        return _parse(_read_source(base_source, name), base_source, here)

    checker = RubricChecker(parse_yaml(text), resolve)
    rubric = checker.rubric(source)
    if checker.problems or rubric is None:
        problems = sorted(checker.problems, key=_document_order)
        raise RubricError(source, problems)
    return rubric


def _identity(source: str) -> str:
    """A key that is the same for every spelling of one file's path."""
    try:
        return str(Path(source).resolve())
    except OSError:
        return source


def _document_order(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)
