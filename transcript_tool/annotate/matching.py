"""Cue rules compiled into spaCy matchers, shared by the cue modules of this
package (``markers``, ``star_cues``, ``interviewer_cues``).

A :class:`MatchRule` is one match key with its Matcher token patterns and
PhraseMatcher phrases; a :class:`CueMatcher` compiles a set of rules into one
Matcher and one PhraseMatcher per pipeline (built once per pipeline) and
reports each match with the value its rule stands for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .tokenmatch import TokenMatcher

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

V = TypeVar("V")

Pattern = list[dict[str, Any]]
"""A spaCy Matcher token pattern."""


@dataclass(frozen=True)
class MatchRule(Generic[V]):
    """One match key: its token patterns and phrases, and the ``value`` a match
    stands for; ``span`` is the part of a match (token offsets within it) that
    is the cue, None for all of it."""

    key: str
    value: V
    patterns: Sequence[Pattern] = ()
    phrases: Sequence[str] = ()
    span: tuple[int, int] | None = None


def spanned_rules(
    prefix: str,
    value: V,
    phrases: Sequence[str],
    patterns: Iterable[tuple[Pattern, tuple[int, int] | None]],
) -> Iterator[MatchRule[V]]:
    """The rules of one entry whose token patterns each carry their own span:
    ``{prefix}:phrases`` for the phrases, ``{prefix}:{n}`` for pattern n."""
    yield MatchRule(f"{prefix}:phrases", value, phrases=phrases)
    for number, (pattern, span) in enumerate(patterns):
        yield MatchRule(f"{prefix}:{number}", value, patterns=(pattern,), span=span)


@dataclass(frozen=True)
class _Compiled(Generic[V]):
    token: TokenMatcher
    phrase: PhraseMatcher
    rules: dict[int, MatchRule[V]]  # match id -> rule


class CueMatcher(Generic[V]):
    """The rules ``rules()`` returns, as a Matcher and a PhraseMatcher (on
    ``phrase_attr``) per pipeline; ``rules`` is called when a pipeline first
    needs them, so nothing is loaded at import."""

    def __init__(self, rules: Callable[[], Iterable[MatchRule[V]]], phrase_attr: str) -> None:
        self._rules = rules
        self._phrase_attr = phrase_attr
        self._compiled = lru_cache(maxsize=4)(self._compile)

    def _compile(self, nlp: Language) -> _Compiled[V]:
        from spacy.matcher import PhraseMatcher

        token = TokenMatcher(nlp.vocab)
        phrase = PhraseMatcher(nlp.vocab, attr=self._phrase_attr)
        rules: dict[int, MatchRule[V]] = {}
        for rule in self._rules():
            rules[nlp.vocab.strings.add(rule.key)] = rule
            if rule.patterns:
                token.add(rule.key, list(rule.patterns))
            if rule.phrases:
                phrase.add(rule.key, [nlp.make_doc(p) for p in rule.phrases])
        return _Compiled(token, phrase, rules)

    def matches(self, nlp: Language, doc: Doc) -> list[tuple[V, int, int]]:
        """(value, start, end) of every match in ``doc`` (made by ``nlp``), in
        token offsets with the rule's span applied: the phrase matches, then
        the token matches, each in the matcher's order."""
        compiled = self._compiled(nlp)
        found = []
        for match_id, start, end in [*compiled.phrase(doc), *compiled.token(doc)]:
            rule = compiled.rules[match_id]
            if rule.span is not None:
                start, end = start + rule.span[0], start + rule.span[1]
            found.append((rule.value, start, end))
        return found
