"""Rubric validation of concepts: unique ids, synonyms and spaCy Matcher
token patterns, each problem reported where it is. A part of
:class:`~transcript_tool.rubric_check.RubricChecker`.
"""

from __future__ import annotations

import re
from typing import Any

from .annotate.markers import ALLOWED_ATTRS as PATTERN_ATTRS
from .annotate.markers import TEXT_ATTRS, text_words
from .model import Concept
from .yamlnodes import INVALID, Checker, describe, unknown
from .yamlnodes import Path as NodePath

CONCEPT_KEYS = ("id", "label", "synonyms", "patterns", "expected_when", "exclude")
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
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*$")


class ConceptChecks(Checker):
    """The concept checks of a rubric document (and the id check that
    criteria share); see :class:`~transcript_tool.yamlnodes.Checker`."""

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
        exclude = self.phrases((*path, "exclude"), item.get("exclude", []))
        if cid is None or label is None or synonyms is None or patterns is None:
            return None
        if expected is None or exclude is None:
            return None
        if not self.exclusions((*path, "exclude"), exclude, (label, *synonyms, *expected)):
            return None
        return Concept(cid, label, synonyms, patterns, expected, exclude)

    def exclusions(
        self, path: NodePath, exclude: tuple[str, ...], phrases: tuple[str, ...]
    ) -> bool:
        """Whether every ``exclude`` phrase holds a word of the concept's label,
        synonyms or ``expected_when`` (else it can never leave anything out)."""
        from .annotate.concepts import stem

        own = {stem(w) for phrase in phrases for w in _words(phrase)}
        ok = True
        for i, phrase in enumerate(exclude):
            if not any(stem(w) in own for w in _words(phrase)):
                self.report(
                    (*path, i),
                    f"exclude phrase {phrase!r} holds none of the concept's words (its label, "
                    "synonyms or expected_when), so it can never leave a mention out",
                )
                ok = False
        return ok

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
        # YAML reads an unquoted on/off/yes/no as a boolean and 2019 as a
        # number, which no token's text equals
        bad = [w for w in text_words(value) if not isinstance(w, str)] if attr in TEXT_ATTRS else []
        if bad:
            self.report(
                path,
                f"{attr} matches words, and {describe(bad[0])} is none: quote the word "
                "(YAML reads an unquoted on, off, yes or no as a boolean, 2019 as a number)",
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


def _words(phrase: str) -> list[str]:
    """The lowercase words of a phrase (letters and digits)."""
    return re.findall(r"[^\W_]+", phrase.lower())


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
