"""Punctuation marks of a sentence as the question rules read them: whether
it was written with any (a caption sentence has none), whether it ends in
"?", and which marks part its clauses. A hyphen, slash or dot inside a
word, with a word on each side and no space ("approval-rate",
"such-and-such", "node.js"), is the word's own, not the sentence's. Read
by :mod:`.forms` and :mod:`.confirmations`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

CLAUSE_MARKS = frozenset({",", ":", ";", "—", "–", "-", "--"})


def marked_anywhere(tokens: Sequence[Token]) -> bool:
    """Whether any of ``tokens`` is a punctuation mark between words: a
    sentence with one was written with punctuation; a caption sentence has
    none."""
    return any(t.is_punct and not inside_word(t) for t in tokens)


WORD_MARKS = frozenset({"-", "/", "'", ".", "&", "+", "_"})
"""Marks that may join the parts of one word ("approval-rate", "and/or",
"node.js"); a dash ("--", "—", "–") parts clauses even with no space
around it ("you--who determines ...")."""


def inside_word(token: Token) -> bool:
    """``token``, one of WORD_MARKS, stands inside a word: a word on each
    side, no space."""
    doc = token.doc
    i = token.i
    return (
        token.text in WORD_MARKS
        and 0 < i < len(doc) - 1
        and not token.whitespace_
        and not doc[i - 1].whitespace_
        and not doc[i - 1].is_punct
        and not doc[i + 1].is_punct
    )


def clause_mark(token: Token) -> bool:
    """``token`` is one of CLAUSE_MARKS between clauses, not the hyphen of
    "approval-rate"."""
    return token.text in CLAUSE_MARKS and not inside_word(token)


def marked_by_question_mark(tokens: Sequence[Token]) -> bool:
    """The sentence ends in "?" (possibly followed by a closing quote or bracket)."""
    for token in reversed(tokens[-3:]):
        if not token.is_punct:
            return False
        if "?" in token.text:
            return True
    return False
