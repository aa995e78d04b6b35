"""Rubric validation: walk the YAML document, collect every problem with its
location, and build the :class:`~transcript_tool.rubric.Rubric`.

The rules (band order per direction, placeholders, params against the
metric's declared signature) are described in :mod:`transcript_tool.rubric`.
The checks of concepts and token patterns are in :mod:`.rubric_concepts`,
those of bands and feedback in :mod:`.rubric_bands`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any, cast

from .errors import UsageError
from .metrics import METRICS, MetricSpec
from .metrics.base import Scope
from .model import PHASES, QUESTION_INTENTS, ROLES, Concept, Phase, QuestionIntent, Role
from .rubric import Band, Criterion, Direction, Rubric
from .rubric_bands import BandChecks
from .rubric_concepts import ConceptChecks
from .yamlnodes import INVALID, describe, unknown
from .yamlnodes import Path as NodePath

RUBRIC_KEYS = ("name", "version", "description", "extends", "concepts", "criteria")
CRITERION_KEYS = (
    "id",
    "title",
    "metric",
    "params",
    "applies_to",
    "weight",
    "direction",
    "bands",
    "disabled",
)
APPLIES_TO_KEYS = ("role", "intents", "phase")
Resolver = Callable[[str], Rubric]


class RubricChecker(ConceptChecks, BandChecks):
    """Checks a rubric document and builds the Rubric; see :class:`Checker`.

    ``resolve`` loads the rubric named by ``extends:`` (raising UsageError
    when it cannot be found, ValueError for a cycle, RubricError when it is
    itself invalid: that error, which names the base file, propagates).
    """

    def __init__(self, document: Any, resolve: Resolver | None = None) -> None:
        super().__init__(document)
        self.resolve = resolve
        self.base: Rubric | None = None

    def rubric(self, source: str) -> Rubric | None:
        """The whole document: name, version, description, base, concepts, criteria."""
        data = self.document.data
        if data is None:  # empty, or malformed and already reported
            if not self.problems:
                keys = ", ".join(sorted(RUBRIC_KEYS))
                self.report((), f"the rubric is empty; expected a mapping with keys: {keys}")
            return None
        required = (
            ("name",) if isinstance(data, dict) and "extends" in data else ("name", "criteria")
        )
        top = self.mapping((), data, "a mapping (the rubric)", RUBRIC_KEYS, required)
        if top is None:
            return None
        base_ok = True
        if "extends" in top:
            self.base = self.extends(top["extends"])
            base_ok = self.base is not None
        name = self.string(("name",), top.get("name", INVALID), "a rubric name (a string)")
        version = self.version(top.get("version", "1"))
        default_description = self.base.description if self.base else ""
        description = self.string(
            ("description",),
            top.get("description", default_description),
            "a description (a string)",
            empty=True,
        )
        concepts = self.concepts(top.get("concepts", []))
        criteria = self.criteria(top.get("criteria", [] if self.base else INVALID))
        if name is None or version is None or description is None or criteria is None:
            return None
        if concepts is None or not base_ok:
            return None
        extends = None
        if self.base is not None:
            concepts = _merge_concepts(self.base.concepts, concepts)
            extends = str(top["extends"])
        return Rubric(name, version, description, criteria, source, concepts, extends)

    def extends(self, value: object) -> Rubric | None:
        """The base rubric named by ``extends:`` (a built-in name or a path)."""
        name = self.string(("extends",), value, "a rubric to extend (a built-in name or a path)")
        if name is None or self.resolve is None:
            return None
        try:
            return self.resolve(name)
        except (UsageError, ValueError) as error:
            self.report(("extends",), str(error))
            return None

    def version(self, value: object) -> str | None:
        """A string, or a number/date kept exactly as written ("1.10" stays "1.10")."""
        if isinstance(value, (int, float, date)) and not isinstance(value, bool):
            spot = self.document.spots.get(("version",))
            return spot.text if spot and spot.text else str(value)
        return self.string(("version",), value, "a version (a string or number)")

    def criteria(self, value: object) -> tuple[Criterion, ...] | None:
        """A list of criteria with unique ids (non-empty unless extending a base).

        With a base rubric, an entry whose id is a base criterion's overrides
        the keys it gives (``params`` key by key) or, with ``disabled: true``,
        removes that criterion; other entries are new criteria, added after
        the base's.
        """
        if value is INVALID:
            return None
        if not isinstance(value, list) or (not value and self.base is None):
            got = "an empty list" if value == [] else describe(value)
            self.report(("criteria",), f"expected a list of criteria, got {got}")
            return None
        first_lines: dict[str, int | None] = {}
        base = {c.id: c for c in self.base.criteria} if self.base else {}
        overrides: dict[str, Criterion | None] = {}
        added: list[Criterion] = []
        ok = True
        for i, item in enumerate(value):
            path: NodePath = ("criteria", i)
            cid = item.get("id") if isinstance(item, dict) else None
            if isinstance(cid, str) and cid in base:
                if self.criterion_id((*path, "id"), cid, first_lines) is None:
                    ok = False
                    continue
                result = self.override(path, item, base[cid])
                if result is INVALID:
                    ok = False
                overrides[cid] = result if isinstance(result, Criterion) else None
            else:
                criterion = self.criterion(path, item, first_lines)
                if criterion is None:
                    ok = False
                else:
                    added.append(criterion)
        if not ok:
            return None
        merged = [overrides.get(c.id, c) for c in base.values()]
        criteria = tuple(c for c in merged if c is not None) + tuple(added)
        if not criteria:
            self.report(("criteria",), "every criterion is disabled; keep at least one")
            return None
        return criteria

    def criterion(
        self, path: NodePath, value: object, first_lines: dict[str, int | None]
    ) -> Criterion | None:
        """One new criterion; ``first_lines`` maps ids seen so far to their lines."""
        if isinstance(value, dict) and value.get("disabled") is True:
            cid = self.criterion_id((*path, "id"), value.get("id", INVALID), first_lines)
            known = ", ".join(c.id for c in self.base.criteria) if self.base else ""
            message = (
                f"the base rubric {self.base.name!r} has no criterion {cid!r}; "
                f"its criteria: {known}"
                if self.base
                else "'disabled' only removes a criterion of the rubric named by 'extends'"
            )
            self.report((*path, "disabled"), message, at_key=True)
            return None
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
        scope = self.applies_to((*path, "applies_to"), item.get("applies_to", {}), spec)
        weight = self.number((*path, "weight"), item.get("weight", 1.0), low=0)
        direction = self.direction((*path, "direction"), item.get("direction", "higher"))
        bands = self.bands((*path, "bands"), item.get("bands", INVALID), direction, spec)
        self.disabled((*path, "disabled"), item.get("disabled", False))
        if cid is None or title is None or spec is None or params is None or weight is None:
            return None
        if direction is None or bands is None or scope is None:
            return None
        spot = self.document.spots.get(path)
        line = spot.line if spot else None
        return Criterion(cid, title, spec.name, params, weight, direction, bands, line, scope)

    def override(self, path: NodePath, item: dict[str, Any], base: Criterion) -> object:
        """A base criterion with the keys ``item`` gives replaced; None when
        disabled, INVALID after reporting a problem."""
        checked = self.mapping(path, item, "a mapping (a criterion)", CRITERION_KEYS, ("id",))
        if checked is None:
            return INVALID
        disabled = self.disabled((*path, "disabled"), item.get("disabled", False))
        if disabled is None:
            return INVALID
        if disabled:
            return None
        title = self.string((*path, "title"), item.get("title", base.title), "a title (a string)")
        spec: MetricSpec | None = METRICS.get(base.metric)
        if "metric" in item:
            spec = self.metric((*path, "metric"), item["metric"])
        changed = [key for key in ("metric", "direction") if key in item]
        if changed and "bands" not in item:
            self.report(
                path,
                f"changing {' and '.join(repr(k) for k in changed)} of criterion {base.id!r} "
                f"needs its own 'bands' (those of {self.base.name if self.base else 'the base'!r} "
                "no longer fit)",
            )
            return INVALID
        same_metric = spec is not None and spec.name == base.metric
        params = self.params((*path, "params"), item.get("params", {}), spec)
        if params is not None and same_metric:
            params = {**base.params, **params}
        scope: Scope | None = base.scope
        if "applies_to" in item:
            scope = self.applies_to((*path, "applies_to"), item["applies_to"], spec)
        elif spec is not None and base.scope.role is not None and base.scope.role not in spec.roles:
            scope = Scope(intents=base.scope.intents, phases=base.scope.phases)
        weight = self.number((*path, "weight"), item.get("weight", base.weight), low=0)
        direction = self.direction((*path, "direction"), item.get("direction", base.direction))
        bands: tuple[Band, ...] | None = base.bands
        if "bands" in item:
            bands = self.bands((*path, "bands"), item["bands"], direction, spec)
        if title is None or spec is None or params is None or scope is None or weight is None:
            return INVALID
        if direction is None or bands is None:
            return INVALID
        return dataclasses.replace(
            base,
            title=title,
            metric=spec.name,
            params=params,
            weight=weight,
            direction=direction,
            bands=bands,
            scope=scope,
        )

    def disabled(self, path: NodePath, value: object) -> bool | None:
        if isinstance(value, bool):
            return value
        if value is not INVALID:
            self.report(path, f"expected true or false, got {describe(value)}")
        return None

    def applies_to(self, path: NodePath, value: object, spec: MetricSpec | None) -> Scope | None:
        """Whose speech (``role``), which question ``intents`` and which ``phase``."""
        item = self.mapping(path, value, "a mapping (role, intents, phase)", APPLIES_TO_KEYS, ())
        if item is None:
            return None
        role: Role | None = None
        ok = True
        if "role" in item:
            word = self.string((*path, "role"), item["role"], "a role (a string)")
            roles = spec.roles if spec is not None else ROLES
            if word is not None and word not in roles:
                measured = f"metric {spec.name!r} can measure" if spec else "roles are"
                self.report((*path, "role"), unknown("role", word, roles, measured))
                word = None
            ok = word is not None
            role = word
        intents = self.choices(
            (*path, "intents"), item.get("intents", []), QUESTION_INTENTS, "intent"
        )
        phases = self.choices((*path, "phase"), item.get("phase", []), PHASES, "phase")
        if intents is None or phases is None or not ok:
            return None
        return Scope(
            role=role,
            intents=frozenset(cast("tuple[QuestionIntent, ...]", intents)),
            phases=frozenset(cast("tuple[Phase, ...]", phases)),
        )

    def choices(
        self, path: NodePath, value: object, allowed: tuple[str, ...], kind: str
    ) -> tuple[str, ...] | None:
        """One word or a list of words, each among ``allowed``."""
        if value is INVALID:
            return None
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list):
            self.report(path, f"expected a {kind} or a list of them, got {describe(value)}")
            return None
        kept: list[str] = []
        for i, word in enumerate(items):
            where = path if isinstance(value, str) else (*path, i)
            text = self.string(where, word, f"a {kind} (a string)")
            if text is None:
                continue
            if text not in allowed:
                self.report(where, unknown(kind, text, allowed, "expected one of"))
                continue
            kept.append(text)
        return tuple(kept) if len(kept) == len(items) else None

    def criterion_id(
        self, path: NodePath, value: object, first_lines: dict[str, int | None]
    ) -> str | None:
        """A lowercase identifier not used by an earlier criterion."""
        return self.identifier(path, value, first_lines, "criterion")

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


def _merge_concepts(base: tuple[Concept, ...], own: tuple[Concept, ...]) -> tuple[Concept, ...]:
    """The base's concepts with those of the same id replaced, then the new ones."""
    replaced = {c.id: c for c in own}
    merged = [replaced.pop(c.id, c) for c in base]
    return (*merged, *(c for c in own if c.id in replaced))
