"""Phrases said again word for word within one answer: the verbatim half of
conciseness's "the same point said twice" (the other half, the same point
in other words, is :func:`.conciseness._rephrasings`)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, pairwise

from ..model import Word, plain
from .common import Answer

# A repeated phrase must hold this many content (non-stop) words to count:
# "at the end of the day" does, "I talked to the" does not.
_MIN_CONTENT = 2
# ... and say something: a clause ("we cut the cloud bill", "I think you
# should hire me"), which a subject pronoun marks without a tagger, or one of
# the stock phrases a speaker leans on. The thing an answer is about, named
# again ("for the live map", "our first response time"), and a parallel
# ("I didn't want her to sound like me, I wanted her to sound like a better
# version of her") are neither: naming the subject twice is not saying a
# point twice.
_SUBJECTS = frozenset({"i", "we", "you", "they", "he", "she"})
_PARALLEL_GAP = 10
"""A phrase said again within this many words, in the same sentence, is a
parallel ("my freshman summer I worked at S&P and last summer I worked at
Wells Fargo", "not only can I identify a problem but if I identify a
problem"), not a point said twice; "so I feel like" 25 words apart in a run-on
sentence is a habit."""
_STOCK_PHRASES = (
    "at the end of the day",
    "things like that",
    "stuff like that",
    "that kind of thing",
    "that kind of stuff",
    "that sort of thing",
    "to be honest",
    "at this point in time",
    "when it comes to",
    "if that makes sense",
)


def repeated_phrases(
    answer: Answer,
    n: int,
    texts: Sequence[str],
    filler_words: set[tuple[int, int]],
    sentence_starts: set[tuple[int, int]],
) -> list[tuple[int, str, int]]:
    """(turn, phrase as first said, times said) for each phrase of at least ``n``
    words said more than once in the answer, with at least _MIN_CONTENT words
    that are neither stop words nor fillers; overlapping repeats merge into the
    longest phrase. ``texts`` are the turns' texts; ``filler_words`` holds the
    (turn, start) of every word of a filler, ``sentence_starts`` that of every
    sentence's first word."""
    words: list[tuple[int, Word]] = list(answer.words)
    keys = [w.lower for _, w in words]
    first_seen: dict[tuple[str, ...], int] = {}
    said_at: dict[tuple[str, ...], list[int]] = {}  # every start of each n-gram
    repeated_at: list[int] = []
    sentence_of = list(accumulate(int((t, w.start) in sentence_starts) for t, w in words))
    for i in range(len(words) - n + 1):
        gram = tuple(keys[i : i + n])
        said_at.setdefault(gram, []).append(i)
        if (
            all(words[i + k][1].is_stop for k in range(n))
            or sentence_of[i + n - 1] != sentence_of[i]
        ):
            continue  # a phrase lies inside one sentence ("to help people. Um" is none)
        if gram in first_seen and first_seen[gram] + n <= i:
            repeated_at.append(i)
        else:
            first_seen.setdefault(gram, i)
    results: list[tuple[int, str, int]] = []
    counted: set[tuple[str, ...]] = set()  # phrases looked at (a phrase said many
    for run in _runs(repeated_at):  # times is counted once: counting is linear)
        phrase = tuple(keys[run[0] : run[-1] + n])
        if phrase in counted:
            continue
        counted.add(phrase)
        origin = first_seen[tuple(keys[run[0] : run[0] + n])]
        (turn, first_word), (last_turn, last_word) = words[origin], words[origin + len(phrase) - 1]
        starts = _occurrences(keys, phrase, said_at[phrase[:n]])
        content = sum(
            1
            for t, w in words[origin : origin + len(phrase)]
            if not w.is_stop and (t, w.start) not in filler_words
        )
        if len(starts) < 2 or turn != last_turn or content < _MIN_CONTENT:
            continue
        said = words[origin : origin + len(phrase) + 1]  # and the word after it
        parallel = all(
            sentence_of[b] == sentence_of[a] and b - a - len(phrase) <= _PARALLEL_GAP
            for a, b in pairwise(starts)
        )
        if parallel or not _says_something(said, len(phrase)):
            continue  # a thing named again, or a parallel, not a point said again
        results.append((turn, texts[turn][first_word.start : last_word.end], len(starts)))
    return _outermost(results)


def _says_something(words: Sequence[tuple[int, Word]], size: int) -> bool:
    """Whether the phrase of the first ``size`` of ``words`` (the next word, if
    any, follows) may be a point: a stock phrase (_STOCK_PHRASES) or a clause,
    which holds a subject pronoun (a whole word: "I" in "I'd", not in the
    caption's "id", which the tokenizer splits as "i" + "d")."""
    spaced = f" {' '.join(w.lower for _, w in words[:size])} "
    if any(f" {stock} " in spaced for stock in _STOCK_PHRASES):
        return True
    for i, (turn, word) in enumerate(words[:size]):
        if word.lower in _SUBJECTS:
            if i + 1 == len(words) or words[i + 1][0] != turn:
                return True
            after = words[i + 1][1]
            if after.start > word.end or after.text[0] in "'\u2019":
                return True
    return False


def _outermost(found: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """One entry per repeated point: of phrases inside one another ("at the end
    of the day" in "I mean, at the end of the day") keep the most repeated,
    then the shorter; most repeated first."""
    ranked = sorted(found, key=lambda r: (-r[2], len(r[1]), r[1]))
    kept: list[tuple[int, str, int]] = []
    for item in ranked:
        phrase = plain(item[1])
        if not any(phrase in plain(k[1]) or plain(k[1]) in phrase for k in kept):
            kept.append(item)
    return kept


def _runs(positions: Sequence[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for position in positions:
        if runs and position == runs[-1][-1] + 1:
            runs[-1].append(position)
        else:
            runs.append([position])
    return runs


def _occurrences(keys: Sequence[str], phrase: tuple[str, ...], starts: Sequence[int]) -> list[int]:
    """Where ``phrase`` occurs in ``keys`` without overlapping, found from the
    left; ``starts`` are where its first words occur (in order), the only
    places it can."""
    found: list[int] = []
    free = 0  # where the next occurrence may start
    size = len(phrase)
    for start in starts:
        if start >= free and tuple(keys[start : start + size]) == phrase:
            found.append(start)
            free = start + size
    return found
