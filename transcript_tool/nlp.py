"""The spaCy pipeline, built once per process.

By default: ``spacy.blank("en")`` + the rule-based sentencizer + the lookup
lemmatizer (tables from spacy-lookups-data) + a small component that
lemmatizes capitalised words by their lowercase form ("Tested" -> "test").
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


@lru_cache(maxsize=4)
def get_nlp(model: str | None = None) -> Language:
    """The pipeline for ``model`` (None = the built-in blank English pipeline)."""
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
    return nlp


def _blank_pipeline() -> Language:
    import spacy
    from spacy.language import Language

    if not Language.has_factory(LOWER_LEMMAS):
        Language.factory(LOWER_LEMMAS, func=_LowerLemmas)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.add_pipe(LOWER_LEMMAS)
    return nlp


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
