"""Rubric validation of a criterion's bands: labels, feedback placeholders,
thresholds in order for the direction, and the last band taking every value
that is left. A part of :class:`~transcript_tool.rubric_check.RubricChecker`.
"""

from __future__ import annotations

import difflib
from string import Formatter

from .metrics import MetricSpec
from .rubric import Band, Direction
from .wording import TemplateNumber
from .yamlnodes import INVALID, Checker, describe
from .yamlnodes import Path as NodePath

BAND_KEYS = ("band", "feedback", "min", "max", "score")
COMMON_PLACEHOLDERS = ("value", "score", "quote", "band")
TEXT_PLACEHOLDERS = frozenset({"quote", "band"})
"""The placeholders filled with text; every other one is a number."""


class BandChecks(Checker):
    """The band checks of a criterion; see :class:`~transcript_tool.yamlnodes.Checker`."""

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
    sample: object = "text" if name in TEXT_PLACEHOLDERS else TemplateNumber(12.5)
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
