"""benchmarks/build_name_words.py: which words the STAR ``name`` cue reads as
names in text without capitals, and that the shipped list is the one the
installed spacy-lookups-data table gives."""

from __future__ import annotations

import gzip
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import build_name_words

from transcript_tool.annotate.names import is_name_word, name_words


def test_a_word_is_listed_when_its_capitalised_forms_are_at_least_half_its_uses() -> None:
    log = math.log
    table = {
        "Boston": log(0.8),
        "boston": log(0.2),
        "Bill": log(0.3),  # "Bill" and "BILL" together 0.4 of "bill"'s uses
        "BILL": log(0.1),
        "bill": log(0.6),
        "SQL": log(0.5),  # half: listed
        "sql": log(0.5),
        "McDonald": log(0.01),  # no lowercase form at all
        "Wi-Fi": log(0.9),  # not letters only
        "X": log(0.9),  # one letter
        "Québec": log(0.9),
        "québec": log(0.1),
    }
    assert build_name_words.name_words(table) == ["boston", "mcdonald", "québec", "sql"]


def test_the_shipped_list_is_the_one_the_installed_table_gives() -> None:
    assert build_name_words.main(["--check"]) == 0
    data = build_name_words.OUTPUT.read_bytes()
    # no name and no timestamp in the gzip header: the same table, the same bytes
    assert data[4:8] == bytes(4)
    words = gzip.decompress(data).decode("utf-8").split("\n")
    assert words[-1] == "" and words[:-1] == sorted(words[:-1])
    assert name_words() >= {"boston", "postgres", "october"}
    assert not name_words() & {"maple", "bill", "excel", "the"}


def test_the_bisection_finds_every_listed_word_and_no_other() -> None:
    listed = sorted(name_words())
    sample = listed[::97]
    assert all(is_name_word(word) for word in sample)
    assert all(is_name_word(word.upper()) for word in sample[:50])  # any case asks alike
    # neighbours in the sorted order that are not listed themselves
    others = {word + "q" for word in sample} | {word[:-1] for word in sample}
    others -= set(listed)
    assert others and not any(is_name_word(word) for word in others)
