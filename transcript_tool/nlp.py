"""The spaCy pipeline, built once per process.

By default: ``spacy.blank("en")`` + the rule-based sentencizer + a component
that finds the sentences of *unpunctuated* text (auto-captions), where the
sentencizer has nothing to go on + a lookup lemmatizer reading spaCy's English
lookup table (from spacy-lookups-data, the table spaCy's own ``lookup`` mode
reads) that also lemmatizes capitalised words by their lowercase form
("Tested" -> "test").
No model download is needed. ``model=NAME`` loads an installed trained
pipeline (e.g. ``en_core_web_sm``) instead.

spaCy is imported here and nowhere outside ``nlp.py`` and ``annotate/``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from .errors import UsageError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LOOKUP_LEMMAS = "transcript_tool_lookup_lemmas"
CAPTION_SENTENCES = "transcript_tool_caption_sentences"
BLANK_MAX_LENGTH = 2**31 - 1
"""The longest text (characters) the built-in blank pipeline takes in one doc."""
ASKS_EXTENSION = "tt_asks"
"""Token extension the caption sentence component sets on the last word of an
unpunctuated sentence that the gap model heard as a question."""
CAPTION_EXTENSION = "tt_caption"
"""Doc extension the caption sentence component sets on a doc it read as an
auto-caption (its sentences are the gap model's): cues that lean on commas
have caption forms (``data/markers.yaml``'s ``caption`` entries)."""


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
    if not Language.has_factory(LOOKUP_LEMMAS):
        Language.factory(LOOKUP_LEMMAS, func=_LookupLemmas)
    nlp = spacy.blank("en")
    # spaCy refuses a text over max_length (1,000,000 characters) to protect
    # the memory of a parser or NER, which this pipeline has none of: a turn
    # is bounded by the readers' input limit (readers/limits.py) instead
    nlp.max_length = BLANK_MAX_LENGTH
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(CAPTION_SENTENCES)
    # No nlp.initialize(): no component is trainable, and spaCy's lookup
    # lemmatizer, which needed it, spent 0.3 s of every start hashing its
    # table into a spaCy Table; _LookupLemmas reads the same table as a dict.
    nlp.add_pipe(LOOKUP_LEMMAS)
    return nlp


def _register() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    if not Token.has_extension(ASKS_EXTENSION):
        Token.set_extension(ASKS_EXTENSION, default=False)
    if not Doc.has_extension(CAPTION_EXTENSION):
        Doc.set_extension(CAPTION_EXTENSION, default=False)
    if not Language.has_factory(CAPTION_SENTENCES):
        Language.factory(CAPTION_SENTENCES, func=_CaptionSentences)


class _CaptionSentences:
    """Pipeline component: sentence boundaries for text without punctuation.

    A doc of at least ``min_words`` words with fewer than one sentence-final
    mark (. ? !) per ``PUNCTUATED_EVERY`` (40) words is treated as an auto-caption:
    the gap model (``segment/gaps.py``), reading the doc's whitespace words as
    it was trained, decides where sentences end. Any other
    doc keeps the boundaries set before this component.
    """

    min_words = 3

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self._kinds: dict[int, int] = {}  # orth id -> 1 if a mark, + 2 if a word
        # placed after a trained parser, whose sentences cannot be rewritten
        # (Doc.has_annotation("DEP") would ask every token of every doc)
        self._after_parser = nlp.has_pipe("parser")

    def _kind(self, text: str) -> int:
        from .segment.gaps import normalize

        mark = text.endswith((".", "?", "!"))
        return int(mark) + (2 if not text.isspace() and normalize(text) else 0)

    def _words(self, doc: Doc) -> list[int] | None:
        """The positions of the words of ``doc`` when it is long enough and
        too sparsely punctuated to keep the sentencizer's boundaries, else
        None: one dict lookup per token, the token's kind cached by word."""
        from .segment.gaps import punctuated

        kinds = self._kinds
        strings = doc.vocab.strings
        marks = 0
        words = []
        for i, orth in enumerate(doc.to_array("ORTH").tolist()):
            kind = kinds.get(orth)
            if kind is None:
                kind = kinds[orth] = self._kind(strings[orth])
            marks += kind & 1
            if kind & 2:
                words.append(i)
        if len(words) < self.min_words or punctuated(marks, len(words)):
            return None
        return words

    def __call__(self, doc: Doc) -> Doc:
        import numpy

        from .annotate.caption_ends import (
            keep_compound_questions,
            no_end_after_fronted_clause,
            no_end_before_copula,
            no_end_before_embedded,
            no_end_before_wh_object,
            no_lone_auxiliary,
            no_lone_tag,
            no_lone_wh_phrase,
        )
        from .annotate.caption_starts import (
            end_after_lone_reaction,
            split_before_alternatives,
            split_before_questions,
            split_long_questions,
        )
        from .segment.gaps import SENTENCE_END, normalize, shipped_model

        if self._after_parser and doc.has_annotation("DEP"):
            return doc
        words = self._words(doc) if len(doc) else None
        if words is None:
            return doc
        norms = [normalize(doc[i].text) for i in words]
        # the model reads whitespace words, as it was trained ("don't", not
        # "do" + "n't"); word k closes one when whitespace follows it
        closes = numpy.append(_space_between(words, doc.to_array("SPACY")), True)
        firsts = numpy.flatnonzero(numpy.concatenate([[True], closes[:-1]]))
        lasts = numpy.flatnonzero(closes)
        whole = [
            norms[a] if a == b else normalize(doc[words[a] : words[b] + 1].text)
            for a, b in zip(firsts.tolist(), lasts.tolist(), strict=True)
        ]
        # gap k + 1 follows word k; never a sentence end inside a whitespace
        # word that spaCy cut into tokens ("mm-hmm", "don't")
        after = numpy.zeros((len(words), 3), dtype="float32")
        after[:, 0] = 1.0
        after[lasts] = shipped_model().predict(whole).sentence[1 : len(whole) + 1]
        ends = after[:, 0] < 1.0 - SENTENCE_END
        split_before_questions(norms, ends)
        split_before_alternatives(norms, ends)
        ends &= closes
        keep_compound_questions(norms, after, ends)
        no_lone_auxiliary(norms, ends)
        no_lone_tag(norms, ends)
        no_lone_wh_phrase(norms, ends)
        no_end_before_embedded(norms, ends)
        no_end_before_wh_object(norms, ends)
        end_after_lone_reaction(norms, ends)
        no_end_before_copula(norms, ends)
        no_end_after_fronted_clause(norms, ends)
        split_long_questions(norms, after, ends, closes)
        last = len(words) - 1
        for k, (end, (_, statement, question)) in enumerate(zip(ends, after, strict=True)):
            if (end or k == last) and question > statement:
                doc[words[k]]._.set(ASKS_EXTENSION, True)
        # a sentence starts at the first token and at the word after each
        # sentence end; set in one call (setting Token.is_sent_start one token
        # at a time checks the whole doc for a parse each time)
        starts = numpy.full(len(doc), -1, dtype="int64")
        starts[0] = 1
        starts[numpy.asarray(words[1:], dtype="int64")[ends[:-1]]] = 1
        doc.from_array(["SENT_START"], cast(Any, starts.astype("uint64").reshape(-1, 1)))
        doc._.set(CAPTION_EXTENSION, True)
        return doc


def _space_between(words: list[int], spacy: Any) -> Any:
    """For each pair of neighbouring word tokens (positions ``words``), whether
    whitespace separates them; ``spacy`` is the doc's SPACY array (1 where
    whitespace follows a token)."""
    import numpy

    after_space = numpy.concatenate([[0], numpy.cumsum(spacy)])
    positions = numpy.asarray(words, dtype="int64")
    return after_space[positions[1:]] > after_space[positions[:-1]]


LEMMA_FIXES = {"number": "number", "evening": "evening", "ceiling": "ceiling"}
"""Nouns the lookup table reads as another word's form ("number" as the
comparative of "numb", "evening" of "even"), while their plurals keep the
noun ("numbers" -> "number"): "why not just number the options?" and "If I
just numbered them" shared no lemma, and the answer "did not address" it."""


class _LookupLemmas:
    """Pipeline component: the lemma of each word from spaCy's English lookup
    table (``en_lemma_lookup`` of spacy-lookups-data), as spaCy's lemmatizer
    in ``lookup`` mode gives it, except that a word the table misses because
    of its capital ("Tested") gets the lemma of its lowercase form, the few
    nouns of :data:`LEMMA_FIXES` keep their own, and every lemma is
    lowercased.

    A lemma depends only on the word's text, so each distinct word is looked
    up once (cached by its orth id) and a doc's lemmas are set in one
    ``Doc.from_array`` call instead of a Python assignment per token.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self._table: dict[str, str] | None = None
        self._lemma_ids: dict[int, int] = {}  # orth id -> lemma id

    @property
    def table(self) -> dict[str, str]:
        if self._table is None:
            import spacy_lookups_data  # type: ignore[import-untyped]
            from spacy.util import load_language_data

            # as spaCy loads it: the .json, else the .json.gz beside it
            path = spacy_lookups_data.get_file("en_lemma_lookup.json")
            self._table = cast("dict[str, str]", load_language_data(str(path)))
        return self._table

    def lemma(self, text: str) -> str:
        """The lemma of the word ``text`` (:data:`LEMMA_FIXES` first)."""
        lower = text.lower()
        fixed = LEMMA_FIXES.get(lower)
        if fixed is not None:
            return fixed
        table = self.table
        lemma = table.get(text, text)
        if lemma == text and text != lower:
            return table.get(lower, lower)
        return lemma.lower()

    def __call__(self, doc: Doc) -> Doc:
        import numpy

        if not len(doc):
            return doc
        strings = doc.vocab.strings
        lemma_ids = self._lemma_ids
        ids = []
        for orth in doc.to_array("ORTH").tolist():
            lemma_id = lemma_ids.get(orth)
            if lemma_id is None:
                lemma_id = lemma_ids[orth] = strings.add(self.lemma(strings[orth]))
            ids.append(lemma_id)
        doc.from_array(["LEMMA"], cast(Any, numpy.array(ids, dtype="uint64").reshape(-1, 1)))
        return doc
