"""spaCy Matcher token patterns, matched where they can start.

spaCy's :class:`~spacy.matcher.Matcher` tries every pattern at every token
and builds two Python ``Token`` objects per token per call; for the few dozen
cue patterns of this package that was a third of the analysis time. A
:class:`TokenMatcher` takes the same patterns and finds the same matches, but
reads the doc's attributes once as integer columns (``Doc.to_array``),
indexes the patterns by the values of one word each must have (its anchor:
"or" in "{1,3} words, or, {1,3} words"), and tries a pattern only at the few
starts that word allows.

It supports the part of the pattern language the cue files use: the string
attributes ORTH, TEXT, LOWER and NORM equal to a string or compared with
IN, NOT_IN or REGEX; the flags IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE,
IS_STOP, LIKE_NUM and IS_SENT_START equal to a boolean; the empty token
``{}``; the operators ``?``, ``*``, ``+``, ``{n}``, ``{n,}``, ``{,m}`` and
``{n,m}``. Any other pattern is handed to a spaCy Matcher, run only when it
holds something. The matches are spaCy's (every distinct ``(key, start,
end)`` once, none empty), in a fixed order: by start, longest first, then in
the order the keys were added (spaCy's order follows its internal states).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

STRING_ATTRS = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "NORM": "NORM"}
FLAG_ATTRS = frozenset(
    {"IS_ALPHA", "IS_DIGIT", "IS_PUNCT", "IS_SPACE", "IS_STOP", "LIKE_NUM", "IS_SENT_START"}
)
_QUANTIFIER = re.compile(r"\{(\d*)(,?)(\d*)\}")

_EQ, _IN, _NOT_IN, _REGEX = range(4)
_WORD_COLUMNS = frozenset(STRING_ATTRS.values())
_MAX_ROWS = 200_000  # cached rows of column values, cleared when full


class Unsupported(ValueError):
    """A pattern outside the subset :class:`TokenMatcher` matches itself."""


@dataclass(frozen=True)
class _Step:
    tests: tuple[tuple[str, int, Any], ...]  # (column, test, value)
    least: int
    most: int | None  # None: no limit


@dataclass(frozen=True)
class _Pattern:
    key: int
    order: int
    steps: tuple[_Step, ...]
    # the step whose first token a candidate start is found by (None: any of
    # the leading steps up to the first required one), and the least and most
    # tokens the steps before it take: the starts to try are that many before
    anchor: int | None
    before: tuple[int, int]


def _breadth(step: _Step) -> int | None:
    """How many words ``step`` allows when it asks for one of a set of words
    (an equal or IN test on a string column), else None."""
    sizes = [
        1 if test == _EQ else len(value)
        for column, test, value in step.tests
        if column in _WORD_COLUMNS and test in (_EQ, _IN)
    ]
    return min(sizes) if sizes else None


def _anchor(steps: Sequence[_Step]) -> tuple[int | None, tuple[int, int]]:
    """The anchor of a pattern of ``steps`` (see :class:`_Pattern`): the
    required step asking for the fewest words (the earliest of equals) with
    only steps of bounded length before it. A pattern opening with a NOT_IN,
    a flag or a few optional words is found by a later word."""
    best: int | None = None
    best_breadth = 0
    least = most = 0
    bounds: tuple[int, int] = (0, 0)
    for number, step in enumerate(steps):
        breadth = _breadth(step)
        if step.least >= 1 and breadth is not None and (best is None or breadth < best_breadth):
            best, best_breadth, bounds = number, breadth, (least, most)
        if step.most is None:
            break
        least += step.least
        most += step.most
    return best, bounds


def _quantity(op: Any) -> tuple[int, int | None]:
    if op is None:
        return 1, 1
    fixed = {"?": (0, 1), "*": (0, None), "+": (1, None)}
    if op in fixed:
        return fixed[op]
    found = _QUANTIFIER.fullmatch(op) if isinstance(op, str) else None
    if found is None:
        raise Unsupported(f"operator {op!r}")
    low, comma, high = found.groups()
    if not comma:
        if not low:
            raise Unsupported(f"operator {op!r}")
        return int(low), int(low)
    return int(low or 0), (int(high) if high else None)


def _step(token: Mapping[str, Any]) -> _Step:
    from spacy.strings import get_string_id

    tests: list[tuple[str, int, Any]] = []
    least, most = _quantity(token.get("OP", token.get("op")))
    for name, value in token.items():
        attr = name.upper()
        if attr == "OP":
            continue
        if attr in FLAG_ATTRS and isinstance(value, bool):
            tests.append((attr, _EQ, int(value)))
            continue
        column = STRING_ATTRS.get(attr)
        if column is None:
            raise Unsupported(f"attribute {name!r}")
        if isinstance(value, str):
            tests.append((column, _EQ, get_string_id(value)))
            continue
        if not isinstance(value, dict) or not value:
            raise Unsupported(f"value of {name!r}")
        for predicate, argument in value.items():
            if predicate in ("IN", "NOT_IN") and isinstance(argument, list):
                ids = frozenset(get_string_id(v) for v in argument)
                tests.append((column, _IN if predicate == "IN" else _NOT_IN, ids))
            elif predicate == "REGEX" and isinstance(argument, str):
                tests.append((column, _REGEX, re.compile(argument)))
            else:
                raise Unsupported(f"predicate {predicate!r} of {name!r}")
    return _Step(tuple(tests), least, most)


class TokenMatcher:
    """Token patterns added by key, as to spaCy's Matcher; calling it on a
    doc gives ``(match_id, start, end)`` triples, ``match_id`` being the key's
    id in the vocab's string store, as spaCy gives it."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._patterns: list[_Pattern] = []
        # a row of column values -> the patterns that can start on such a token
        self._starting: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._columns: dict[str, int] = {}
        self._fallback: Matcher | None = None
        self._order: dict[int, int] = {}  # key id -> order of first adding

    def __len__(self) -> int:
        """The number of keys, as for spaCy's Matcher."""
        return len(self._order)

    def add(self, key: str, patterns: Iterable[Sequence[Mapping[str, Any]]]) -> None:
        key_id = self.vocab.strings.add(key)
        self._order.setdefault(key_id, len(self._order))
        for pattern in patterns:
            try:
                steps = tuple(_step(token) for token in pattern)
            except Unsupported:
                self._spacy().add(key, [[dict(token) for token in pattern]])
                continue
            anchor, before = _anchor(steps)
            self._patterns.append(_Pattern(key_id, self._order[key_id], steps, anchor, before))
            self._starting.clear()
            for step in steps:
                for column, _, _ in step.tests:
                    self._columns.setdefault(column, len(self._columns))

    def _spacy(self) -> Matcher:
        if self._fallback is None:
            from spacy.matcher import Matcher

            self._fallback = Matcher(self.vocab)
        return self._fallback

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found: set[tuple[int, int, int]] = set()
        if self._patterns and len(doc):
            found.update(self._find(doc))
        if self._fallback is not None and len(self._fallback):
            found.update(self._fallback(doc))
        order = self._order
        return sorted(found, key=lambda m: (m[1], -m[2], order.get(m[0], len(order)), m[0]))

    def _read(self, doc: Doc) -> dict[str, list[int]]:
        """Each column's value at each token."""
        names = list(self._columns)
        if not names:
            return {}
        attrs: list[int | str] = ["SENT_START" if n == "IS_SENT_START" else n for n in names]
        array = doc.to_array(attrs).reshape(len(doc), len(attrs))
        columns = {name: array[:, j].tolist() for j, name in enumerate(names)}
        if "IS_SENT_START" in columns:
            columns["IS_SENT_START"] = [int(v == 1) for v in columns["IS_SENT_START"]]
        return columns

    def _find(self, doc: Doc) -> Iterable[tuple[int, int, int]]:
        columns = self._read(doc)
        strings = self.vocab.strings
        length = len(doc)
        starting = self._starting
        # the patterns that can start at a token depend only on the token's
        # column values: worked out once per distinct row of values
        # (no columns: every pattern is wildcards, every token the same row)
        rows = zip(*columns.values(), strict=True) if columns else [()] * length
        for position, row in enumerate(rows):
            candidates = starting.get(row)
            if candidates is None:
                if len(starting) >= _MAX_ROWS:
                    starting.clear()
                candidates = starting[row] = self._anchored(columns, strings, position)
            for number in candidates:
                pattern = self._patterns[number]
                least, most = pattern.before
                for start in range(max(position - most, 0), position - least + 1):
                    for end in _ends(pattern.steps, columns, strings, start, length):
                        yield pattern.key, start, end

    def _anchored(self, columns: Any, strings: Any, i: int) -> tuple[int, ...]:
        """The patterns whose anchor step can be token ``i``."""
        found = []
        for number, pattern in enumerate(self._patterns):
            if pattern.anchor is not None:
                if _passes(pattern.steps[pattern.anchor].tests, columns, strings, i):
                    found.append(number)
                continue
            for step in pattern.steps:
                if _passes(step.tests, columns, strings, i):
                    found.append(number)
                    break
                if step.least > 0:
                    break
        return tuple(found)


def _passes(tests: Sequence[tuple[str, int, Any]], columns: Any, strings: Any, i: int) -> bool:
    for column, test, value in tests:
        got = columns[column][i]
        if test == _EQ:
            ok = got == value
        elif test == _IN:
            ok = got in value
        elif test == _NOT_IN:
            ok = got not in value
        else:
            ok = value.search(strings[got]) is not None
        if not ok:
            return False
    return True


def _ends(
    steps: Sequence[_Step], columns: Any, strings: Any, start: int, length: int
) -> Iterable[int]:
    """Every end of a match of ``steps`` from ``start``: the leading steps that
    match exactly one token are walked first (most candidates fail there);
    the rest is a search over (step, position) states, each visited once, so
    optional and repeated steps cost at most steps x tokens."""
    last = len(steps)
    number, position = 0, start
    while number < last and steps[number].least == steps[number].most == 1:
        if position >= length or not _passes(steps[number].tests, columns, strings, position):
            return ()
        number += 1
        position += 1
    if number == last:
        return (position,)
    ends: set[int] = set()
    seen: set[tuple[int, int]] = set()
    stack = [(number, position)]
    while stack:
        state = stack.pop()
        if state in seen:
            continue
        seen.add(state)
        number, position = state
        if number == last:
            if position > start:
                ends.add(position)
            continue
        step = steps[number]
        count = 0
        while True:
            if count >= step.least:
                stack.append((number + 1, position))
            if count == step.most or position >= length:
                break
            if not _passes(step.tests, columns, strings, position):
                break
            position += 1
            count += 1
    return ends
