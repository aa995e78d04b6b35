"""The spaCy pipeline, built once per process.

By default: ``spacy.blank("en")`` + the rule-based sentencizer + a component
that finds the sentences of *unpunctuated* text (auto-captions), where the
sentencizer has nothing to go on + the lookup lemmatizer (tables from
spacy-lookups-data) + a small component that lemmatizes capitalised words by
their lowercase form ("Tested" -> "test").
No model download is needed. ``model=NAME`` loads an installed trained
pipeline (e.g. ``en_core_web_sm``) instead.

spaCy is imported here and nowhere outside ``nlp.py`` and ``annotate/``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import UsageError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LOWER_LEMMAS = "transcript_tool_lower_lemmas"
CAPTION_SENTENCES = "transcript_tool_caption_sentences"
ASKS_EXTENSION = "tt_asks"
"""Token extension the caption sentence component sets on the last word of an
unpunctuated sentence that the gap model heard as a question."""


def get_nlp(model: str | None = None) -> Language:
    """The pipeline for ``model`` (None = the built-in blank English pipeline),
    built once per process: ``get_nlp()`` and ``get_nlp(None)`` are the same
    pipeline (an ``lru_cache`` on this function would build two)."""
    return _pipeline(model)


@lru_cache(maxsize=4)
def _pipeline(model: str | None) -> Language:
    import spacy

    if model is None:
        return _blank_pipeline()
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise UsageError(
            f"cannot load spaCy pipeline {model!r}: it is not installed "
            f"(try: python -m spacy download {model})"
        ) from error
    if not (nlp.has_pipe("senter") or nlp.has_pipe("parser") or nlp.has_pipe("sentencizer")):
        nlp.add_pipe("sentencizer", first=True)
    _register()
    # a trained pipeline's parser sets sentences at the end; unpunctuated text
    # is re-split after it
    nlp.add_pipe(CAPTION_SENTENCES, last=True)
    return nlp


def _blank_pipeline() -> Language:
    import spacy
    from spacy.language import Language

    _register()
    if not Language.has_factory(LOWER_LEMMAS):
        Language.factory(LOWER_LEMMAS, func=_LowerLemmas)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(CAPTION_SENTENCES)
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.add_pipe(LOWER_LEMMAS)
    return nlp


def _register() -> None:
    from spacy.language import Language
    from spacy.tokens import Token

    if not Token.has_extension(ASKS_EXTENSION):
        Token.set_extension(ASKS_EXTENSION, default=False)
    if not Language.has_factory(CAPTION_SENTENCES):
        Language.factory(CAPTION_SENTENCES, func=_CaptionSentences)


class _CaptionSentences:
    """Pipeline component: sentence boundaries for text without punctuation.

    A doc of at least ``min_words`` words with fewer than one sentence-final
    mark (. ? !) per ``PUNCTUATED_EVERY`` (40) words is treated as an auto-caption:
    the gap model (``segment/gaps.py``) decides where sentences end. Any other
    doc keeps the boundaries set before this component.
    """

    min_words = 8

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from .segment.gaps import normalize, punctuated, shipped_model

        if doc.has_annotation("DEP"):
            return doc  # a trained parser's sentences cannot be rewritten
        words = []
        marks = 0  # tokens that end a sentence: ".", "?", "!" or ending in one
        for token in doc:  # one pass: iterating a Doc builds a Token per word
            text = token.text
            if text.endswith((".", "?", "!")):
                marks += 1
            if not token.is_space and normalize(text):
                words.append(token)
        if len(words) < self.min_words:
            return doc
        if punctuated(marks, len(words)):
            return doc
        scores = shipped_model().predict([normalize(t.text) for t in words])
        # gap i + 1 follows word i
        after = scores.sentence[1 : len(words) + 1]
        ends = 1.0 - after[:, 0]
        for token in doc[1:]:
            token.is_sent_start = False
        for word, end, (_, statement, question) in zip(words, ends, after, strict=True):
            if (end > 0.5 or word is words[-1]) and question > statement:
                word._.set(ASKS_EXTENSION, True)
        for word, end in zip(words[:-1], ends[:-1], strict=True):
            if end > 0.5:
                nxt = word.i + 1
                while nxt < len(doc) and (doc[nxt].is_space or not normalize(doc[nxt].text)):
                    nxt += 1
                if nxt < len(doc):
                    doc[nxt].is_sent_start = True
        return doc


class _LowerLemmas:
    """Pipeline component: a word the lookup table missed because of its
    capital ("Tested") gets the lemma of its lowercase form; every lemma is
    lowercased."""

    def __init__(self, nlp: Language, name: str) -> None:
        lemmatizer = nlp.get_pipe("lemmatizer")
        self.table = lemmatizer.lookups.get_table("lemma_lookup")  # type: ignore[attr-defined]

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            lower = token.lower_
            if token.lemma_ == token.text and token.text != lower:
                token.lemma_ = self.table.get(lower, lower)
            elif token.lemma_ != token.lemma_.lower():
                token.lemma_ = token.lemma_.lower()
        return doc
