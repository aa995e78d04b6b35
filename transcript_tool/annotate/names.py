"""Names in text that shows no case: the words English text writes capitalised.

An auto-caption is all lowercase, so "we moved to boston" shows no name the
way "We moved to Boston" does. ``data/name_words.txt.gz`` lists the words
whose capitalised forms ("Boston", "SQL", "McDonald") are at least half of
their uses in spaCy's English word probabilities (spacy-lookups-data's
``en_lexeme_prob``); ``benchmarks/build_name_words.py`` builds it and says
how the share was chosen. The list is read once, when a turn without
capitals first asks (about 15 ms), and kept as its sorted UTF-8 bytes with
the offset of each line (1.4 MB and 0.7 MB; a set of the 168,031 words would hold
21 MB in every process of a batch), searched by bisection.
"""

from __future__ import annotations

import gzip
from array import array
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

NAME_WORDS = "name_words.txt.gz"
"""The file of ``transcript_tool/data`` that lists the words, sorted, one per line."""


@dataclass(frozen=True)
class _Listed:
    """The sorted words as one block of UTF-8 bytes, each line ending in a
    newline, and where each line begins, with the block's length after the
    last (line i is ``data[starts[i] : starts[i + 1] - 1]``)."""

    data: bytes
    starts: array[int]

    def __contains__(self, word: bytes) -> bool:
        data, starts = self.data, self.starts
        low, high = 0, len(starts) - 1
        while low < high:  # the first line not below ``word``
            middle = (low + high) // 2
            if data[starts[middle] : starts[middle + 1] - 1] < word:
                low = middle + 1
            else:
                high = middle
        return low < len(starts) - 1 and data[starts[low] : starts[low + 1] - 1] == word


@lru_cache(maxsize=1)
def _listed() -> _Listed:
    import numpy as np

    data = gzip.decompress(
        resources.files("transcript_tool.data").joinpath(NAME_WORDS).read_bytes()
    )
    newlines = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == ord("\n"))
    starts = np.concatenate([[0], newlines + 1]).astype(np.uint32)
    return _Listed(data, array("I", starts.tobytes()))


def caseless(text: str) -> bool:
    """Whether ``text`` has no capital letter at all, so that its case tells
    nothing of names (an auto-caption, text typed in lowercase)."""
    return not any(c.isupper() for c in text)


@lru_cache(maxsize=4096)
def is_name_word(word: str) -> bool:
    """Whether English text writes ``word`` capitalised more often than not
    ("boston", "postgres", "october"; not "maple", "bill" or "excel")."""
    return word.lower().encode("utf-8") in _listed()


def name_words() -> frozenset[str]:
    """Every listed word (for tests and inspection; the lookups above do not
    build this set)."""
    return frozenset(_listed().data.decode("utf-8").split())
