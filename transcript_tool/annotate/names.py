"""Names in text that shows no case: the words English text writes capitalised.

An auto-caption is all lowercase, so "we moved to boston" shows no name the
way "We moved to Boston" does. ``data/name_words.txt.gz`` lists the words
whose capitalised forms ("Boston", "SQL", "McDonald") are at least half of
their uses in spaCy's English word probabilities (spacy-lookups-data's
``en_lexeme_prob``); ``benchmarks/build_name_words.py`` builds it and says
how the share was chosen. The list is read once, when a turn without
capitals first asks (about 40 ms).
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

NAME_WORDS = "name_words.txt.gz"
"""The file of ``transcript_tool/data`` that lists the words, one per line."""


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """The lowercase words English text writes capitalised more often than not."""
    data = resources.files("transcript_tool.data").joinpath(NAME_WORDS).read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").split())


def is_name_word(word: str) -> bool:
    """Whether English text writes ``word`` capitalised more often than not
    ("boston", "postgres", "october"; not "maple", "bill" or "excel")."""
    return word.lower() in name_words()
