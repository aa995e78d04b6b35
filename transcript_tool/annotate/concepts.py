"""Concept mentions: where the concepts a rubric expects were said, and which
expected concepts each answer mentioned or left out.

A concept's synonyms are matched on word keys over the turn's words with
punctuation left out, so caption spellings match the written form: "one hot
encoded" is "one-hot encoding", "feature vectors" is "feature vector", "a b
testing" is "A/B testing". A word's key is the Snowball stem (English, the
``snowballstemmer`` package) of its lemma, with the derivational ending the
stemmer took off kept apart: inflections of a word match ("deployed",
"deploys", "deploying"), other words with the same stem do not ("product" is
not "production", "fair" not "fairness", "normal" not "normalize"). A
concept may also give spaCy Matcher token patterns for what stems cannot say.
Overlapping mentions of one concept keep the longest. A hesitation between
the words of a longer concept does not break it ("feature, um, store"), and
concept words in a disclaimer's reach ("I haven't used Kafka") are no
mention (:mod:`.concept_scope`), nor are those in a question the candidate
asks about the job (:func:`drop_asked`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..model import (
    Concept,
    Exchange,
    ExchangeConcepts,
    Mention,
    Question,
    Sentence,
    Transcript,
    plain,
)
from .concept_scope import disclaimed_tokens, fillers

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.tokens import Doc


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one lowercase word ("encoding" -> "encod")."""
    return str(_stemmer().stemWord(plain(word)))


# endings of a lemma past the word's stem that only inflect ("encod|e",
# "embed|dings"): stripped from what is kept apart
_INFLECTIONS = ("ings", "ing", "es", "ed", "s", "e", "d")


@lru_cache(maxsize=65536)
def word_key(text: str, lemma: str) -> str:
    """The key a word is matched on: its stem, and the derivational ending
    the stemmer took off its lemma ("production" -> "product+ion",
    "products" -> "product")."""
    stemmed = stem(text)
    base = plain(lemma)
    shared = 0
    while shared < min(len(base), len(stemmed)) and base[shared] == stemmed[shared]:
        shared += 1
    rest = base[shared:]
    while rest:
        ending = next((e for e in _INFLECTIONS if rest.endswith(e)), None)
        if ending is None:
            break
        rest = rest[: -len(ending)]
    return f"{stemmed}+{rest}" if rest else stemmed


def lemma_of(nlp: Language, text: str) -> str:
    """The lemma the pipeline gives the word ``text`` (its own lookup table
    when it has one, else what the pipeline sets on it alone)."""
    from ..nlp import LOOKUP_LEMMAS

    if nlp.has_pipe(LOOKUP_LEMMAS):
        return str(nlp.get_pipe(LOOKUP_LEMMAS).lemma(text))  # type: ignore[attr-defined]
    return str(nlp(text)[0].lemma_ or text).lower()


def phrase_stems(phrase: str, nlp: Language) -> tuple[str, ...]:
    """Keys of a phrase's words, tokenized as a transcript would be."""
    return tuple(
        word_key(t.text, lemma_of(nlp, t.text)) for t in nlp.make_doc(phrase) if _is_word(t.text)
    )


def _is_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


@dataclass(frozen=True)
class PhraseIndex:
    """Stem sequences by their first stem, longest first: (stems, key)."""

    by_first: dict[str, list[tuple[tuple[str, ...], str]]]

    @classmethod
    def build(cls, entries: Iterable[tuple[str, str]], nlp: Language) -> PhraseIndex:
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for key, phrase in entries:
            stems = phrase_stems(phrase, nlp)
            if stems:
                by_first.setdefault(stems[0], []).append((stems, key))
        for options in by_first.values():
            options.sort(key=lambda item: (-len(item[0]), item[1]))
        return cls(by_first)

    def find(self, stems: Sequence[str]) -> Iterable[tuple[int, int, str]]:
        """(first word, end word, key) of every match in ``stems``."""
        for i, first in enumerate(stems):
            for option, key in self.by_first.get(first, ()):
                if tuple(stems[i : i + len(option)]) == option:
                    yield i, i + len(option), key


def find_mentions(
    transcript: Transcript, docs: Sequence[Doc], nlp: Language, concepts: Sequence[Concept]
) -> tuple[Mention, ...]:
    """Every mention of every concept in every turn, in turn and text order."""
    if not concepts:
        return ()
    index = PhraseIndex.build(((c.id, s) for c in concepts for s in (c.label, *c.synonyms)), nlp)
    excluded = PhraseIndex.build(((c.id, s) for c in concepts for s in c.exclude), nlp)
    matcher = _matcher(nlp, concepts)
    hesitations = fillers()
    found: list[Mention] = []
    for turn, doc in zip(transcript.turns, docs, strict=True):
        words = [t for t in doc if _is_word(t.text) and t.lower_ not in hesitations]
        disclaimed = disclaimed_tokens(doc)
        keys = [word_key(t.text, t.lemma_ or t.lower_) for t in words]
        other = [
            (words[a].idx, words[b - 1].idx + len(words[b - 1].text), key)
            for a, b, key in excluded.find(keys)
        ]
        spans = [
            (words[a].idx, words[b - 1].idx + len(words[b - 1].text), key)
            for a, b, key in index.find(keys)
            if words[a].i not in disclaimed
        ]
        if matcher is not None:
            spans.extend(
                (doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), nlp.vocab.strings[key])
                for key, a, b in matcher(doc)
                if a not in disclaimed
            )
        spans = [span for span in spans if not _inside(span, other)]
        found.extend(_longest(turn.index, turn.text, spans))
    return tuple(found)


def _inside(span: tuple[int, int, str], others: Iterable[tuple[int, int, str]]) -> bool:
    """Whether ``span`` overlaps one of ``others`` of its own concept (an
    ``exclude`` phrase: "can't recall" holds no mention of recall)."""
    return any(key == span[2] and start < span[1] and span[0] < end for start, end, key in others)


def _matcher(nlp: Language, concepts: Sequence[Concept]) -> Matcher | None:
    from spacy.matcher import Matcher

    if not any(c.patterns for c in concepts):
        return None
    matcher = Matcher(nlp.vocab)
    for concept in concepts:
        if concept.patterns:
            matcher.add(concept.id, [list(p) for p in concept.patterns])
    return matcher


def _longest(turn: int, text: str, spans: Iterable[tuple[int, int, str]]) -> list[Mention]:
    """Per concept, the longest of overlapping spans (then the earliest)."""
    kept: list[Mention] = []
    last_end: dict[str, int] = {}
    for start, end, concept in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        if start < last_end.get(concept, -1):
            continue
        last_end[concept] = end
        kept.append(Mention(concept, turn, start, end, text[start:end]))
    return kept


def attach_exchanges(
    mentions: Sequence[Mention], exchanges: Sequence[Exchange]
) -> tuple[Mention, ...]:
    """Mentions with ``exchange`` set: the exchange a turn answers, else asks."""
    owner: dict[int, int] = {}
    for exchange in exchanges:
        for turn in exchange.answer_turns:
            owner.setdefault(turn, exchange.index)
    for exchange in exchanges:
        owner.setdefault(exchange.question_turn, exchange.index)
    return tuple(
        Mention(m.concept, m.turn, m.start, m.end, m.text, owner.get(m.turn)) for m in mentions
    )


def drop_asked(
    mentions: Sequence[Mention],
    exchanges: Sequence[Exchange],
    questions: Sequence[Question],
    sentences: Sequence[Sentence],
) -> tuple[Mention, ...]:
    """Mentions but those in a question the candidate asks about the job
    (an exchange of the "reverse" section: "Do you use a feature store
    here?"): asking is not covering the concept."""
    asked = [
        sentences[questions[q].sentence]
        for exchange in exchanges
        if exchange.section == "reverse"
        for q in exchange.questions
    ]
    return tuple(
        m
        for m in mentions
        if not any(s.turn == m.turn and s.start <= m.start < s.end for s in asked)
    )


def exchange_concepts(
    exchanges: Sequence[Exchange],
    questions: Sequence[Question],
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    concepts: Sequence[Concept],
    nlp: Language,
) -> tuple[ExchangeConcepts, ...]:
    """For each interviewer exchange of the interview proper that expects a
    concept: expected, mentioned in the answer, missing. The small talk before
    it and the debrief after it expect none ("Is now still a good time?" asks
    for no metric)."""
    if not concepts:
        return ()
    triggers = PhraseIndex.build(
        ((c.id, phrase) for c in concepts for phrase in (*c.expected_when, c.label, *c.synonyms)),
        nlp,
    )
    excluded = PhraseIndex.build(((c.id, s) for c in concepts for s in c.exclude), nlp)
    order = {c.id: i for i, c in enumerate(concepts)}
    said_in: dict[int, set[str]] = {}  # the concepts mentioned in each turn
    for mention in mentions:
        said_in.setdefault(mention.turn, set()).add(mention.concept)
    results = []
    for exchange in exchanges:
        if exchange.asker_role != "interviewer" or exchange.phase != "interview":
            continue
        asked_by: dict[str, int] = {}  # each expected concept: the first question asking it
        for q in exchange.questions:
            keys = [
                word_key(w.text, w.lemma or w.text.lower())
                for w in sentences[questions[q].sentence].words
                if _is_word(w.text)
            ]
            other = list(excluded.find(keys))
            for a, b, key in triggers.find(keys):
                if not _inside((a, b, key), other):
                    asked_by.setdefault(key, q)
        expected = sorted(asked_by, key=order.__getitem__)
        if not expected:
            continue
        said = set().union(*(said_in.get(turn, ()) for turn in exchange.answer_turns))
        results.append(
            ExchangeConcepts(
                exchange=exchange.index,
                expected=tuple(expected),
                mentioned=tuple(c for c in expected if c in said),
                missing=tuple(c for c in expected if c not in said),
                asked_by=tuple(asked_by[c] for c in expected),
            )
        )
    return tuple(results)
