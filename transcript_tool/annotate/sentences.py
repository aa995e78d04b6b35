"""spaCy Docs -> the project's own Sentence and Word values (the one place
where spaCy tokens are converted)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Sentence, Transcript, Word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def to_sentences(
    transcript: Transcript, docs: Sequence[Doc]
) -> tuple[tuple[Sentence, ...], tuple[Span, ...]]:
    """Every sentence of every turn, numbered across the transcript, and the
    spaCy span of each (for the matchers in ``annotate/``)."""
    sentences: list[Sentence] = []
    spans: list[Span] = []
    for turn, doc in zip(transcript.turns, docs, strict=True):
        words = _doc_words(doc)
        for span in doc.sents:
            sentence_words = tuple(w for w in words[span.start : span.end] if w is not None)
            if not sentence_words:
                continue
            spans.append(span)
            start, end = sentence_words[0].start, sentence_words[-1].end
            sentences.append(
                Sentence(
                    index=len(sentences),
                    turn=turn.index,
                    start=start,
                    end=end,
                    text=turn.text[start:end],
                    words=sentence_words,
                )
            )
    return tuple(sentences), tuple(spans)


_COLUMNS: list[int | str] = [
    "ORTH", "LEMMA", "LOWER", "IDX", "IS_SPACE", "IS_STOP", "IS_PUNCT", "SPACY", "NORM"
]  # fmt: skip


def _doc_words(doc: Doc) -> list[Word | None]:
    """The Word of each token of ``doc`` (None for whitespace), read from
    the doc's attribute arrays rather than one Token object per token. A
    token starts a word when it is the first with a letter or digit since
    the last whitespace."""
    if not len(doc):
        return []
    from spacy.lang.en.stop_words import STOP_WORDS

    strings = doc.vocab.strings
    rows = doc.to_array(_COLUMNS).tolist()
    words: list[Word | None] = []
    opened = True  # no token with a letter or digit since the last whitespace
    for orth, lemma, lower, idx, space, stop, punct, spaced, norm in rows:
        if space:
            words.append(None)
            opened = True
            continue
        text = strings[orth]
        starts = opened and any(c.isalnum() for c in text)
        opened = bool(spaced) or (opened and not starts)
        words.append(
            Word(
                text=text,
                lemma=strings[lemma] if lemma else strings[lower],
                start=idx,
                end=idx + len(text),
                # a contraction's piece is the stop word it stands for: "wo" of
                # "won't" (will), "na" of "gonna" (to), "'cause" (because)
                is_stop=bool(stop) or strings[norm] in STOP_WORDS,
                is_punct=bool(punct),
                starts_word=starts,
            )
        )
    return words
