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
        for span in doc.sents:
            words = _words(span)
            if not words:
                continue
            spans.append(span)
            start, end = words[0].start, words[-1].end
            sentences.append(
                Sentence(
                    index=len(sentences),
                    turn=turn.index,
                    start=start,
                    end=end,
                    text=turn.text[start:end],
                    words=words,
                )
            )
    return tuple(sentences), tuple(spans)


def _words(span: Span) -> tuple[Word, ...]:
    return tuple(
        Word(
            text=token.text,
            lemma=token.lemma_ or token.lower_,
            start=token.idx,
            end=token.idx + len(token.text),
            is_stop=token.is_stop,
            is_punct=token.is_punct,
        )
        for token in span
        if not token.is_space
    )
