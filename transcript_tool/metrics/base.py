"""What a metric is: a named function of the Analysis with declared parameters.

A rubric criterion names a metric and may set its parameters; the rubric
validator checks those against :attr:`MetricSpec.params`, and feedback
templates may quote ``{value}``, ``{score}``, ``{quote}`` and any name in
:attr:`MetricSpec.details`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..model import Analysis, MetricResult

ParamKind = Literal["number", "integer", "boolean", "string"]
Scale = Literal["score", "count", "rate", "ratio", "seconds"]

_PYTHON_TYPES: dict[ParamKind, tuple[type, ...]] = {
    "number": (int, float),
    "integer": (int,),
    "boolean": (bool,),
    "string": (str,),
}


@dataclass(frozen=True)
class Param:
    """A metric parameter: its kind, default, allowed range and meaning."""

    kind: ParamKind
    default: Any
    description: str
    minimum: float | None = None
    maximum: float | None = None

    def check(self, value: object) -> str | None:
        """None when ``value`` is acceptable, else what is wrong with it."""
        expected = _PYTHON_TYPES[self.kind]
        if isinstance(value, bool) and self.kind != "boolean":
            return f"expected {self.kind}, got boolean {value!r}"
        if not isinstance(value, expected):
            return f"expected {self.kind}, got {type(value).__name__} {value!r}"
        if self.kind in ("number", "integer"):
            number = float(value)  # type: ignore[arg-type]
            if self.minimum is not None and number < self.minimum:
                return f"must be at least {self.minimum:g}, got {value!r}"
            if self.maximum is not None and number > self.maximum:
                return f"must be at most {self.maximum:g}, got {value!r}"
        return None


Params = Mapping[str, Any]
MetricFunction = Callable[[Analysis, Params], MetricResult]


@dataclass(frozen=True)
class MetricSpec:
    """A registered metric.

    ``scale`` is the unit of the returned value; a metric on the "score"
    scale returns 0-100 with higher better, so a rubric band may omit its
    ``score`` and the value is used. ``details`` lists the named numbers the
    metric reports (usable as feedback placeholders).
    """

    name: str
    function: MetricFunction
    description: str
    scale: Scale
    params: Mapping[str, Param]
    details: tuple[str, ...]

    def resolve(self, given: Params) -> dict[str, Any]:
        """Defaults overlaid with ``given`` (already validated)."""
        resolved = {name: param.default for name, param in self.params.items()}
        resolved.update(given)
        return resolved

    def __call__(self, analysis: Analysis, params: Params | None = None) -> MetricResult:
        return self.function(analysis, self.resolve(params or {}))
