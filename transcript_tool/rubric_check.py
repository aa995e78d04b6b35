"""Rubric validation: walk the YAML document, collect every problem with its
location, and build the :class:`~transcript_tool.rubric.Rubric`.

The rules (band order per direction, placeholders, params against the
metric's declared signature) are described in :mod:`transcript_tool.rubric`.
"""

from __future__ import annotations

import difflib
import re
from datetime import date
from string import Formatter
from typing import Any

from .annotate.markers import ALLOWED_ATTRS as PATTERN_ATTRS
from .metrics import METRICS, MetricSpec
from .model import Concept
from .rubric import Band, Criterion, Direction, Rubric
from .yamlnodes import INVALID, Checker, describe, unknown
from .yamlnodes import Path as NodePath

RUBRIC_KEYS = ("name", "version", "description", "concepts", "criteria")
CONCEPT_KEYS = ("id", "label", "synonyms", "patterns", "expected_when")
CRITERION_KEYS = ("id", "title", "metric", "params", "weight", "direction", "bands")
BAND_KEYS = ("band", "feedback", "min", "max", "score")
COMMON_PLACEHOLDERS = ("value", "score", "quote", "band")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*$")


class RubricChecker(Checker):
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
        concepts = self.concepts(top.get("concepts", []))
        criteria = self.criteria(top.get("criteria", INVALID))
        if name is None or version is None or description is None or criteria is None:
            return None
        if concepts is None:
            return None
        return Rubric(name, version, description, criteria, source, concepts)

    def concepts(self, value: object) -> tuple[Concept, ...] | None:
        """A list of concepts with unique ids; each has synonyms or patterns."""
        if value is INVALID:
            return None
        if not isinstance(value, list):
            self.report(("concepts",), f"expected a list of concepts, got {describe(value)}")
            return None
        first_lines: dict[str, int | None] = {}
        checked = [self.concept(("concepts", i), c, first_lines) for i, c in enumerate(value)]
        concepts = tuple(c for c in checked if c is not None)
        return concepts if len(concepts) == len(checked) else None

    def concept(
        self, path: NodePath, value: object, first_lines: dict[str, int | None]
    ) -> Concept | None:
        item = self.mapping(path, value, "a mapping (a concept)", CONCEPT_KEYS, ("id",))
        if item is None:
            return None
        cid = self.identifier((*path, "id"), item.get("id", INVALID), first_lines, "concept")
        label = cid.replace("_", " ") if cid else None
        if "label" in item:
            label = self.string((*path, "label"), item["label"], "a label (a string)")
        synonyms = self.phrases((*path, "synonyms"), item.get("synonyms", []))
        patterns = self.patterns((*path, "patterns"), item.get("patterns", []))
        expected = self.phrases((*path, "expected_when"), item.get("expected_when", []))
        if cid is None or label is None or synonyms is None or patterns is None:
            return None
        if expected is None:
            return None
        return Concept(cid, label, synonyms, patterns, expected)

    def phrases(self, path: NodePath, value: object) -> tuple[str, ...] | None:
        """A list of non-empty strings."""
        if value is INVALID:
            return None
        if not isinstance(value, list):
            self.report(path, f"expected a list of words or phrases, got {describe(value)}")
            return None
        checked = [
            self.string((*path, i), item, "a word or phrase (a string)")
            for i, item in enumerate(value)
        ]
        kept = tuple(item for item in checked if item is not None)
        return kept if len(kept) == len(checked) else None

    def patterns(
        self, path: NodePath, value: object
    ) -> tuple[tuple[dict[str, Any], ...], ...] | None:
        """spaCy Matcher token patterns that use only attributes the pipeline sets."""
        if value is INVALID:
            return None
        if not isinstance(value, list):
            self.report(path, f"expected a list of token patterns, got {describe(value)}")
            return None
        patterns = []
        ok = True
        for i, pattern in enumerate(value):
            if not isinstance(pattern, list) or not pattern:
                self.report(
                    (*path, i),
                    f"expected a token pattern (a list of mappings), got {describe(pattern)}",
                )
                ok = False
                continue
            for j, token in enumerate(pattern):
                if not isinstance(token, dict) or not token:
                    self.report(
                        (*path, i, j),
                        f"expected a token (a mapping of attributes), got {describe(token)}",
                    )
                    ok = False
                    continue
                for key in token:
                    if str(key).upper() not in PATTERN_ATTRS:
                        self.report(
                            (*path, i, j, key),
                            unknown(
                                "token attribute",
                                str(key),
                                sorted(PATTERN_ATTRS),
                                "the pipeline sets",
                            )
                            + " (POS, DEP and the like are never set by the built-in pipeline)",
                            at_key=True,
                        )
                        ok = False
            patterns.append(tuple(pattern))
        return tuple(patterns) if ok else None

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
        return self.identifier(path, value, first_lines, "criterion")

    def identifier(
        self, path: NodePath, value: object, first_lines: dict[str, int | None], kind: str
    ) -> str | None:
        """A lowercase identifier not used by an earlier ``kind`` (criterion, concept)."""
        cid = self.string(path, value, f"a {kind} id (a string)")
        if cid is None:
            return None
        if not ID_PATTERN.match(cid):
            self.report(
                path,
                f"invalid {kind} id {cid!r}; use lowercase letters, digits, '_' and '-', "
                "starting with a letter",
            )
            return None
        spot = self.document.spots.get(path)
        if cid in first_lines:
            first = first_lines[cid]
            self.report(path, f"duplicate {kind} id {cid!r} (first defined at line {first})")
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
