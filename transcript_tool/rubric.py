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

import difflib
import re
import sys
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from string import Formatter
from typing import TYPE_CHECKING, Any, Literal

from .errors import RubricError, UsageError
from .metrics import METRICS, MetricSpec
from .yamlnodes import INVALID, Checker, describe, did_you_mean, parse_yaml, unknown
from .yamlnodes import Path as NodePath

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = ["Band", "Criterion", "Rubric", "builtin_rubrics", "load_rubric", "parse_rubric"]

Direction = Literal["higher", "lower"]

RUBRIC_KEYS = ("name", "version", "description", "criteria")
CRITERION_KEYS = ("id", "title", "metric", "params", "weight", "direction", "bands")
BAND_KEYS = ("band", "feedback", "min", "max", "score")
COMMON_PLACEHOLDERS = ("value", "score", "quote", "band")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*$")


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
    checker = _RubricChecker(parse_yaml(text))
    rubric = checker.rubric(source)
    if checker.problems or rubric is None:
        problems = sorted(checker.problems, key=lambda p: (p.line or 0, p.column or 0))
        raise RubricError(source, problems)
    return rubric


# --------------------------------------------------------------------------- validation


class _RubricChecker(Checker):
    """Checks a rubric document and builds the Rubric; see :class:`Checker`."""

    def rubric(self, source: str) -> Rubric | None:
        """The whole document: name, version, description, criteria."""
        data = self.document.data
        if data is None:  # empty, or malformed and already reported
            if not self.problems:
                keys = ", ".join(sorted(RUBRIC_KEYS))
                self.report((), f"the rubric is empty; expected a mapping with keys: {keys}")
            return None
        top = self.mapping((), data, "a mapping (the rubric)", RUBRIC_KEYS, ("name", "criteria"))
        if top is None:
            return None
        name = self.string(("name",), top.get("name", INVALID), "a rubric name (a string)")
        version = self.version(top.get("version", "1"))
        description = self.string(
            ("description",), top.get("description", ""), "a description (a string)", empty=True
        )
        criteria = self.criteria(top.get("criteria", INVALID))
        if name is None or version is None or description is None or criteria is None:
            return None
        return Rubric(name, version, description, criteria, source)

    def version(self, value: object) -> str | None:
        """A string, or a number/date kept exactly as written ("1.10" stays "1.10")."""
        if isinstance(value, (int, float, date)) and not isinstance(value, bool):
            spot = self.document.spots.get(("version",))
            return spot.text if spot and spot.text else str(value)
        return self.string(("version",), value, "a version (a string or number)")

    def criteria(self, value: object) -> tuple[Criterion, ...] | None:
        """A non-empty list of criteria with unique ids."""
        if value is INVALID:
            return None
        if not isinstance(value, list) or not value:
            got = "an empty list" if value == [] else describe(value)
            self.report(("criteria",), f"expected a list of criteria, got {got}")
            return None
        first_lines: dict[str, int | None] = {}
        checked = [self.criterion(("criteria", i), c, first_lines) for i, c in enumerate(value)]
        criteria = tuple(c for c in checked if c is not None)
        return criteria if len(criteria) == len(checked) else None

    def criterion(
        self, path: NodePath, value: object, first_lines: dict[str, int | None]
    ) -> Criterion | None:
        """One criterion; ``first_lines`` maps ids seen so far to their lines."""
        item = self.mapping(
            path, value, "a mapping (a criterion)", CRITERION_KEYS, ("id", "metric", "bands")
        )
        if item is None:
            return None
        cid = self.criterion_id((*path, "id"), item.get("id", INVALID), first_lines)
        title = cid
        if "title" in item:
            title = self.string((*path, "title"), item["title"], "a title (a string)")
        spec = self.metric((*path, "metric"), item.get("metric", INVALID))
        params = self.params((*path, "params"), item.get("params", {}), spec)
        weight = self.number((*path, "weight"), item.get("weight", 1.0), low=0)
        direction = self.direction((*path, "direction"), item.get("direction", "higher"))
        bands = self.bands((*path, "bands"), item.get("bands", INVALID), direction, spec)
        if cid is None or title is None or spec is None or params is None or weight is None:
            return None
        if direction is None or bands is None:
            return None
        spot = self.document.spots.get(path)
        line = spot.line if spot else None
        return Criterion(cid, title, spec.name, params, weight, direction, bands, line)

    def criterion_id(
        self, path: NodePath, value: object, first_lines: dict[str, int | None]
    ) -> str | None:
        """A lowercase identifier not used by an earlier criterion."""
        cid = self.string(path, value, "a criterion id (a string)")
        if cid is None:
            return None
        if not ID_PATTERN.match(cid):
            self.report(
                path,
                f"invalid criterion id {cid!r}; use lowercase letters, digits, '_' and '-', "
                "starting with a letter",
            )
            return None
        spot = self.document.spots.get(path)
        if cid in first_lines:
            first = first_lines[cid]
            self.report(path, f"duplicate criterion id {cid!r} (first defined at line {first})")
            return None
        first_lines[cid] = spot.line if spot else None
        return cid

    def metric(self, path: NodePath, value: object) -> MetricSpec | None:
        """The registered metric named by ``value``."""
        name = self.string(path, value, "a metric name (a string)")
        if name is None:
            return None
        if name not in METRICS:
            self.report(path, unknown("metric", name, list(METRICS), "available"))
            return None
        return METRICS[name]

    def params(
        self, path: NodePath, value: object, spec: MetricSpec | None
    ) -> dict[str, Any] | None:
        """Params the metric declares, each passing :meth:`Param.check`."""
        if value is INVALID:
            return None
        if not isinstance(value, dict):
            self.report(path, f"expected a mapping (param name: value), got {describe(value)}")
            return None
        if spec is None:
            return None
        params: dict[str, Any] = {}
        for key, param_value in value.items():
            if key not in spec.params:
                message = unknown("param", key, tuple(spec.params), f"{spec.name} takes")
                self.report((*path, key), message, at_key=True)
            elif param_value is not INVALID:
                trouble = spec.params[key].check(param_value)
                if trouble:
                    self.report((*path, key), trouble)
                else:
                    params[key] = param_value
        return params if len(params) == len(value) else None

    def direction(self, path: NodePath, value: object) -> Direction | None:
        """Either ``"higher"`` or ``"lower"``."""
        if value == "higher" or value == "lower":
            return "higher" if value == "higher" else "lower"
        if value is not INVALID:
            self.report(path, f"expected 'higher' or 'lower', got {describe(value)}")
        return None

    def bands(
        self, path: NodePath, value: object, direction: Direction | None, spec: MetricSpec | None
    ) -> tuple[Band, ...] | None:
        """A non-empty, ordered list of bands (order checked when the direction is known)."""
        if value is INVALID:
            return None
        if not isinstance(value, list) or not value:
            got = "an empty list" if value == [] else describe(value)
            self.report(path, f"expected a list of bands, got {got}")
            return None
        checked = [self.band((*path, i), item, spec) for i, item in enumerate(value)]
        if direction is not None:
            valid = [(i, band) for i, band in enumerate(checked) if band is not None]
            self.band_order(path, valid, len(checked), direction, spec)
        bands = tuple(band for band in checked if band is not None)
        return bands if len(bands) == len(checked) else None

    def band(self, path: NodePath, value: object, spec: MetricSpec | None) -> Band | None:
        """One band: label, feedback, threshold and optional 0-100 score."""
        item = self.mapping(path, value, "a mapping (a band)", BAND_KEYS, ("band", "feedback"))
        if item is None:
            return None
        label = self.string((*path, "band"), item.get("band", INVALID), "a band label (a string)")
        feedback = self.feedback((*path, "feedback"), item.get("feedback", INVALID), spec)
        limits: dict[str, float | None] = {}
        for key in ("min", "max", "score"):
            if key in item:
                high = 100 if key == "score" else None
                low = 0 if key == "score" else None
                limits[key] = self.number((*path, key), item[key], low, high)
        if "score" not in item and spec is not None and spec.scale != "score":
            self.report(
                path, f"band has no 'score' and metric {spec.name!r} is not on a 0-100 scale"
            )
        if label is None or feedback is None or None in limits.values():
            return None
        return Band(label, feedback, limits.get("min"), limits.get("max"), limits.get("score"))

    def feedback(self, path: NodePath, value: object, spec: MetricSpec | None) -> str | None:
        """A string whose ``{placeholders}`` the metric can fill."""
        text = self.string(path, value, "feedback text (a string)", empty=True)
        if text is None:
            return None
        try:
            fields = [(n, c, f) for _, n, f, c in Formatter().parse(text) if n is not None]
        except ValueError as error:
            hint = "write '{{' or '}}' for a literal brace"
            self.report(path, f"malformed braces in feedback: {error} ({hint})")
            return None
        if spec is None:
            return text
        names = (*COMMON_PLACEHOLDERS, *spec.details)
        ok = True
        for name, conversion, format_spec in fields:
            shown = _placeholder(name, conversion, format_spec)
            if name not in names:
                available = ", ".join("{" + n + "}" for n in sorted(names))
                close = difflib.get_close_matches(name, names, n=1)
                hint = f" (did you mean '{{{close[0]}}}'?)" if close else ""
                self.report(path, f"unknown placeholder {shown!r}{hint}; available: {available}")
                ok = False
            elif not _formats(name, conversion, format_spec):
                self.report(path, f"placeholder {shown!r} has a format that does not fit its value")
                ok = False
        return text if ok else None

    def band_order(
        self,
        path: NodePath,
        bands: list[tuple[int, Band]],
        count: int,
        direction: Direction,
        spec: MetricSpec | None,
    ) -> None:
        """Thresholds present where needed, strictly monotonic, and covering every value."""
        higher = direction == "higher"
        key, other = ("min", "max") if higher else ("max", "min")
        previous: float | None = None
        for i, band in bands:
            if getattr(band, other) is not None:
                self.report(
                    (*path, i, other),
                    f"{other!r} is for direction {'lower' if higher else 'higher'}; "
                    f"with direction {direction} each band has a {key!r}",
                    at_key=True,
                )
            limit: float | None = getattr(band, key)
            if limit is None:
                if i < count - 1:
                    self.report(
                        (*path, i),
                        f"missing required key {key!r} (with direction {direction} every band "
                        "but the last needs one)",
                    )
                continue
            if previous is not None and (limit >= previous if higher else limit <= previous):
                trend = "decreasing" if higher else "increasing"
                self.report(
                    (*path, i, key),
                    f"bands are not ordered: {key} {limit:g} follows {key} {previous:g} "
                    f"(direction {direction} needs {trend} {key})",
                )
            previous = limit
            if i == count - 1 and spec is not None and not _covers_all(limit, higher, spec):
                side, rest = ("below", "lower") if higher else ("above", "higher")
                self.report(
                    (*path, i, key),
                    f"values {side} {key} {limit:g} fall in no band; leave {key!r} out of the "
                    f"last band so that it takes every {rest} value",
                )


def _covers_all(limit: float, higher: bool, spec: MetricSpec) -> bool:
    """Whether a last-band threshold still takes every value of a 0-100 score metric."""
    return spec.scale == "score" and (limit <= 0 if higher else limit >= 100)


def _formats(name: str, conversion: str | None, format_spec: str | None) -> bool:
    """Whether ``{name!conversion:format_spec}`` can format a typical value of ``name``."""
    sample: object = "text" if name in ("quote", "band") else 12.5
    formatter = Formatter()
    try:
        formatter.format_field(formatter.convert_field(sample, conversion), format_spec or "")
    except (ValueError, TypeError):
        return False
    return True


def _placeholder(name: str, conversion: str | None, format_spec: str | None) -> str:
    """The placeholder as written: ``{name!conversion:format_spec}``."""
    converted = f"{name}!{conversion}" if conversion else name
    return "{" + (f"{converted}:{format_spec}" if format_spec else converted) + "}"
