"""Rubric validation: walk the YAML document, collect every problem with its
location, and build the :class:`~transcript_tool.rubric.Rubric`.

The rules (band order per direction, placeholders, params against the
metric's declared signature) are described in :mod:`transcript_tool.rubric`.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable
from datetime import date
from string import Formatter
from typing import Any, cast

from .annotate.markers import ALLOWED_ATTRS as PATTERN_ATTRS
from .errors import UsageError
from .metrics import METRICS, MetricSpec
from .metrics.base import Scope
from .model import PHASES, QUESTION_INTENTS, ROLES, Concept, Phase, QuestionIntent, Role
from .rubric import Band, Criterion, Direction, Rubric
from .yamlnodes import INVALID, Checker, describe, unknown
from .yamlnodes import Path as NodePath

RUBRIC_KEYS = ("name", "version", "description", "extends", "concepts", "criteria")
CONCEPT_KEYS = ("id", "label", "synonyms", "patterns", "expected_when")
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
# Matcher predicates a rubric pattern may use on a token attribute: exact
# values and word lists. REGEX (and FUZZY) are refused: a rubric comes from
# anyone, and a regular expression can take exponential time on a long turn.
PATTERN_PREDICATES = ("IN", "NOT_IN")
# Quantifiers are bounded for the same reason: the Matcher follows every way
# a pattern can match from every token, so "+" or "*" (or "{n,}") makes the
# work grow with the square of a turn's length or faster, and optional and
# repeated tokens multiply the ways. A token may repeat a bounded number of
# times ("?", "{n}", "{n,m}", "{,m}") and a whole pattern may match in at most
# MAX_PATTERN_WAYS ways from one token, which keeps matching linear.
PATTERN_OPS = ("!", "?")
UNBOUNDED_OPS = ("+", "*")
MAX_PATTERN_WAYS = 32
_BOUNDED_OP = re.compile(r"^\{(\d{1,3})?(,(\d{1,3})?)?\}$")
Resolver = Callable[[str], Rubric]
BAND_KEYS = ("band", "feedback", "min", "max", "score")
COMMON_PLACEHOLDERS = ("value", "score", "quote", "band")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*$")


class RubricChecker(Checker):
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
                for key, predicate in token.items():
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
                    elif not self.token_value((*path, i, j, key), str(key).upper(), predicate):
                        ok = False
            ways = _pattern_ways(pattern)
            if ways > MAX_PATTERN_WAYS:
                self.report(
                    (*path, i),
                    f"this pattern can match in {ways:,} ways from each word (at most "
                    f"{MAX_PATTERN_WAYS}: the matcher tries every way on every word of every "
                    "turn); use fewer optional or repeated tokens",
                )
                ok = False
            patterns.append(tuple(pattern))
        return tuple(patterns) if ok else None

    def token_value(self, path: NodePath, attr: str, value: object) -> bool:
        """A token attribute's value: a word, number or boolean, a word list
        under IN or NOT_IN, or (for OP) a quantifier; REGEX is refused."""
        if attr == "OP":
            if isinstance(value, str) and _ways(value) is not None:
                return True
            if value in UNBOUNDED_OPS or (isinstance(value, str) and _unbounded(value)):
                self.report(
                    path,
                    f"unbounded quantifier {value!r}: matching it takes time that grows with "
                    "the square of a turn's length or faster; use a bounded one such as {1,5}",
                )
                return False
            self.report(
                path,
                f"expected an OP of !, ? or {{n,m}} (n <= m <= 999), got {describe(value)}",
            )
            return False
        if isinstance(value, (str, int, float, bool)):
            return True
        if isinstance(value, dict):
            for predicate, words in value.items():
                if predicate not in PATTERN_PREDICATES:
                    hint = (
                        " (regular expressions can take exponential time; list the words "
                        "with IN instead)"
                        if str(predicate).upper() in ("REGEX", "FUZZY")
                        else ""
                    )
                    self.report(
                        (*path, predicate),
                        unknown("predicate", str(predicate), PATTERN_PREDICATES, "allowed") + hint,
                        at_key=True,
                    )
                    return False
                if not isinstance(words, list) or not all(
                    isinstance(w, (str, int, float, bool)) for w in words
                ):
                    self.report(
                        (*path, predicate), f"expected a list of words, got {describe(words)}"
                    )
                    return False
            return True
        if value is not INVALID:
            self.report(path, f"expected a word or {{IN: [...]}}, got {describe(value)}")
        return False

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


def _ways(op: str) -> int | None:
    """How many lengths a token with this OP can take (``{1,3}``: 3); None for
    an OP that is not a bounded quantifier."""
    if op in PATTERN_OPS:
        return 2 if op == "?" else 1
    match = _BOUNDED_OP.match(op)
    if not match or (match[1] is None and match[3] is None):
        return None
    low = int(match[1] or 0)
    if match[2] is None:  # {n}
        return 1
    if match[3] is None:  # {n,}: unbounded
        return None
    high = int(match[3])
    return high - low + 1 if high >= low else None


def _unbounded(op: str) -> bool:
    """``{n,}``: at least n, without end."""
    match = _BOUNDED_OP.match(op)
    return bool(match and match[1] is not None and match[2] and match[3] is None)


def _pattern_ways(pattern: list[Any]) -> int:
    """The product of the lengths each token can take: how many ways the
    pattern can match from one word (1 for a pattern without quantifiers)."""
    ways = 1
    for token in pattern:
        if not isinstance(token, dict):
            continue
        op = next((value for key, value in token.items() if str(key).upper() == "OP"), None)
        ways *= (_ways(op) or 1) if isinstance(op, str) else 1
    return ways


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


def _merge_concepts(base: tuple[Concept, ...], own: tuple[Concept, ...]) -> tuple[Concept, ...]:
    """The base's concepts with those of the same id replaced, then the new ones."""
    replaced = {c.id: c for c in own}
    merged = [replaced.pop(c.id, c) for c in base]
    return (*merged, *(c for c in own if c.id in replaced))
