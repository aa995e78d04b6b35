"""Build the list of words that English text writes capitalised, which the
STAR ``name`` cue reads in turns written without capitals (auto-captions).

    python benchmarks/build_name_words.py      # writes transcript_tool/data/name_words.txt.gz
    python benchmarks/build_name_words.py --check   # exit 1 if the shipped file differs

Source: the ``en_lexeme_prob`` table of spacy-lookups-data (MIT licence), the
smoothed log probability of each of a million word forms, each cased form an
entry of its own ("Boston" and "boston"). A word is listed when its
capitalised forms ("Boston", "BOSTON", "McDonald") together are at least
``SHARE`` (one half) of its uses. Only words of letters, at least two of
them, are listed, lowercased, one per line, sorted, in a gzip file with no
name and no timestamp, so that the same table always gives the same bytes.

``SHARE`` was chosen on the Changelog podcast transcripts (cased, ../shared):
of the words of two letters or more, not opening a sentence and not among
star.yaml's ``not_names``, that the list calls names, 0.94 are written
capitalised there, and it finds 0.50 of the capitalised ones (0.3: 0.78 /
0.62; 0.4: 0.81 / 0.53; 0.6: 0.96 / 0.45; 0.8: 0.97 / 0.31). docs/design.md
(the STAR ``name`` cue) has the figures on the other corpora.
"""

from __future__ import annotations

import argparse
import gzip
import io
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "transcript_tool" / "data" / "name_words.txt.gz"
SHARE = 0.5


def name_words(probabilities: dict[str, float], share: float = SHARE) -> list[str]:
    """The lowercase words whose capitalised forms are at least ``share`` of
    their uses in ``probabilities`` (word form -> log probability), sorted."""
    lower: dict[str, float] = {}
    capital: dict[str, float] = {}
    for form, logprob in probabilities.items():
        key = form.lower()
        if len(key) < 2 or not key.isalpha():
            continue
        if form == key:
            lower[key] = lower.get(key, 0.0) + math.exp(logprob)
        else:
            capital[key] = capital.get(key, 0.0) + math.exp(logprob)
    return sorted(
        word for word, mass in capital.items() if mass >= share * (mass + lower.get(word, 0.0))
    )


def encoded(words: list[str]) -> bytes:
    """``words`` one per line, gzipped with no name and no timestamp."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as out:
        out.write(("\n".join(words) + "\n").encode("utf-8"))
    return buffer.getvalue()


def table() -> dict[str, float]:
    """spacy-lookups-data's ``en_lexeme_prob``, as spaCy loads it."""
    import spacy_lookups_data  # type: ignore[import-untyped]
    from spacy.util import load_language_data

    path = spacy_lookups_data.get_file("en_lexeme_prob.json")
    return dict(load_language_data(str(path)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    words = name_words(table())
    data = encoded(words)
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_bytes() == data
        print(f"{OUTPUT.relative_to(ROOT)}: {'up to date' if same else 'differs'}")
        return 0 if same else 1
    OUTPUT.write_bytes(data)
    print(f"{len(words):,} words -> {OUTPUT.relative_to(ROOT)} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
