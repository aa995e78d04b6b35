"""What a metric is: a named function of the Analysis with declared parameters.

A rubric criterion names a metric and may set its parameters; the rubric
validator checks those against :attr:`MetricSpec.params`, and feedback
templates may quote ``{value}``, ``{score}``, ``{quote}`` and any name in
:attr:`MetricSpec.details`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..model import Analysis, Exchange, MetricResult, Phase, QuestionIntent, Role

ParamKind = Literal["number", "integer", "boolean", "string"]
Scale = Literal["score", "count", "rate", "ratio", "percent", "seconds", "words"]

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
    choices: tuple[str, ...] = ()

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
        if self.choices and value not in self.choices:
            allowed = ", ".join(repr(c) for c in self.choices)
            return f"expected one of {allowed}, got {value!r}"
        return None


Params = Mapping[str, Any]


@dataclass(frozen=True)
class Scope:
    """The part of the conversation a criterion judges (a rubric's ``applies_to``).

    ``role`` is whose speech is measured (None: the metric's own subject, the
    first of :attr:`MetricSpec.roles`). ``intents`` keeps the exchanges with
    at least one question of these intents and ``phases`` the exchanges in
    these phases; empty means no restriction. A turn belongs to the exchange
    most recently opened at or before it; turns before the first exchange
    are in the opening phase and in no intent's exchange.
    """

    role: Role | None = None
    intents: frozenset[QuestionIntent] = frozenset()
    phases: frozenset[Phase] = frozenset()

    @property
    def restricted(self) -> bool:
        return bool(self.intents or self.phases)

    @property
    def subject(self) -> Role:
        """Whose speech is measured (set by :meth:`MetricSpec.__call__`)."""
        return self.role or "candidate"

    def keeps(self, analysis: Analysis, exchange: Exchange) -> bool:
        """Whether ``exchange`` is in scope: the debrief after a mock interview
        only when the scope names its phase."""
        if self.phases and exchange.phase not in self.phases:
            return False
        if exchange.phase == "debrief" and "debrief" not in self.phases:
            return False
        if self.intents:
            asked = {analysis.questions[q].intent for q in exchange.questions}
            return bool(asked & self.intents)
        return True

    def exchanges(self, analysis: Analysis) -> list[Exchange]:
        """The exchanges in scope, in order."""
        return [e for e in analysis.exchanges if self.keeps(analysis, e)]

    def turns(self, analysis: Analysis) -> list[int]:
        """Indices of the turns in scope, in order (every turn when
        unrestricted, but for a mock interview's debrief)."""
        count = len(analysis.transcript.turns)
        if analysis.debrief_turn is not None and "debrief" not in self.phases:
            # the turns after a mock interview ends are its debrief's
            count = analysis.debrief_turn + 1
        if not self.restricted:
            return list(range(count))
        owner: list[Exchange | None] = [None] * count
        opened = sorted(analysis.exchanges, key=lambda e: (e.question_turn, e.index))
        current: Exchange | None = None
        position = 0
        for turn in range(count):
            while position < len(opened) and opened[position].question_turn <= turn:
                current = opened[position]
                position += 1
            owner[turn] = current
        kept = []
        for turn, exchange in enumerate(owner):
            if exchange is None:
                if not self.intents and (not self.phases or "opening" in self.phases):
                    kept.append(turn)
            elif self.keeps(analysis, exchange):
                kept.append(turn)
        return kept

    def describe(self) -> str:
        """The scope in words, for "not scored" reasons ("behavioral questions")."""
        parts = []
        if self.intents:
            parts.append(" or ".join(sorted(self.intents)).replace("_", " ") + " questions")
        if self.phases:
            parts.append("the " + " or ".join(sorted(self.phases)) + " phase")
        return " in ".join(parts) if parts else "the whole interview"


MetricFunction = Callable[[Analysis, Params, Scope], MetricResult]


@dataclass(frozen=True)
class MetricSpec:
    """A registered metric.

    ``scale`` is the unit of the returned value; a metric on the "score"
    scale returns 0-100 with higher better, so a rubric band may omit its
    ``score`` and the value is used. ``details`` lists the named numbers the
    metric reports (usable as feedback placeholders). ``roles`` are whose
    speech the metric can measure; the first is its default subject, and a
    rubric's ``applies_to: {role: ...}`` may pick another.
    """

    name: str
    function: MetricFunction
    description: str
    scale: Scale
    params: Mapping[str, Param]
    details: tuple[str, ...]
    roles: tuple[Role, ...] = ("candidate",)

    def resolve(self, given: Params) -> dict[str, Any]:
        """Defaults overlaid with ``given`` (already validated)."""
        resolved = {name: param.default for name, param in self.params.items()}
        resolved.update(given)
        return resolved

    def __call__(
        self, analysis: Analysis, params: Params | None = None, scope: Scope | None = None
    ) -> MetricResult:
        scope = scope or Scope()
        if scope.role is None:
            scope = dataclasses.replace(scope, role=self.roles[0])
        return self.function(analysis, self.resolve(params or {}), scope)
