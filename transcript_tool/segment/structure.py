"""Structural features of the gap model: where the last question to the
listener began, and who is spoken of on each side of a gap.

The gap model's word features (:data:`.gaps.TEMPLATES`) read three words on
each side of a gap. A question is often longer ("could you tell me a bit
about your creative work and what a typical project looks like for you | i
work in production"), so at the gap after it nothing the model reads says
that a question to the listener has just been asked. These features say it,
in words that every interview uses, so that they carry over to interviews
the model never saw:

- how many words back a question to the listener began (an auxiliary
  before "you"/"your", a wh-word with "you" in the four words after it, or
  "tell me", "walk me", "talk me"), in buckets;
- the same bucket paired with the word after the gap ("i", "yeah", "so":
  how an answer begins);
- how many second-person words are in the eight words before the gap, and
  how many first-person words in the six after it.

A model trained with them records ``structure=1`` in its metadata
(:class:`.gaps.GapModel`); only the role head reads them (:data:`HEADS`):
they tell it who was asked, and so who answers. The word lists are part of the
model: changing them needs the weights retrained
(``benchmarks/train_segmenter.py``), so they live here and not in an
editable data file. ``docs/segmentation.md`` has the evaluation.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

VERSION = "1"
"""The ``structure`` value a model trained with these features records."""

HEADS: dict[str, tuple[int, ...]] = {"sentence": (), "change": (), "role": (0, 1, 2)}
"""Which of the structural columns each head reads. The sentence and change
heads read none, so that their weights, the sentences the question stage
reads and the change points the decoder weighs, stay as they were. Read by
the change head too, the question columns moved the change of speaker to
right after a question, where no change before it was heard, and gave the
answer to the asker ("... and finance | have you managed people before |
it's six right now ..."): leave-one-out WDER hardly moved, but the samples
read as captions lost a recognised re-ask (docs/segmentation.md)."""

AUXILIARIES = frozenset(
    """do does did can could would will are were have has is was should may might
    don't doesn't didn't can't couldn't wouldn't won't aren't isn't haven't""".split()
)
SECOND_PERSON = frozenset("you your y'all you've you're you'd you'll yours".split())
WH_WORDS = frozenset("what how why where when who which what's how's where's who's".split())
REQUESTS = frozenset(("tell me", "walk me", "talk me"))
_REQUEST_PAIRS = sorted(tuple(request.split()) for request in REQUESTS)
_END_CRC = zlib.crc32(b"</s>")
FIRST_PERSON = frozenset("i i'm i've i'd i'll my me we we're we've our".split())

BUCKETS = np.array([1, 2, 4, 7, 11, 16, 24])
"""Upper bounds (words) of the distance buckets; beyond the last, "none"."""

_WH_REACH = 4  # words after a wh-word in which "you" makes it a question onset
_BEFORE = 8  # words before the gap counted for second person
_AFTER = 6  # words after the gap counted for first person
_NONE = 10**9

U64 = npt.NDArray[np.uint64]


def vocabulary(words: Sequence[str]) -> tuple[list[str], npt.NDArray[np.intp]]:
    """The distinct words of ``words`` in order of first appearance, and each
    word's index among them: a word list's test or a word's hash is then
    computed once per distinct word (a transcript has a fifth as many)."""
    index: dict[str, int] = {}
    inverse = np.fromiter(
        (index.setdefault(w, len(index)) for w in words), dtype=np.intp, count=len(words)
    )
    return list(index), inverse


def crc_ids(distinct: Sequence[str]) -> npt.NDArray[np.uint64]:
    """CRC-32 of each of ``distinct``'s words, as the word features hash them."""
    return np.fromiter(
        (zlib.crc32(w.encode("utf-8")) for w in distinct), dtype=np.uint64, count=len(distinct)
    )


def _among(
    vocab: tuple[list[str], npt.NDArray[np.intp]], members: frozenset[str]
) -> npt.NDArray[np.bool_]:
    """Word by word, whether it is one of ``members`` (``vocab``: :func:`vocabulary`)."""
    distinct, inverse = vocab
    flags = np.fromiter((w in members for w in distinct), dtype=bool, count=len(distinct))
    return flags[inverse]


def onsets(
    words: Sequence[str],
    you: npt.NDArray[np.bool_] | None = None,
    vocab: tuple[list[str], npt.NDArray[np.intp]] | None = None,
) -> npt.NDArray[np.bool_]:
    """Where a question to the listener begins, word by word; ``you``: the
    words' second-person flags, and ``vocab`` their :func:`vocabulary`, when
    already known."""
    n = len(words)
    vocab = vocabulary(words) if vocab is None else vocab
    aux = _among(vocab, AUXILIARIES)
    you = _among(vocab, SECOND_PERSON) if you is None else you
    wh = _among(vocab, WH_WORDS)
    found = np.zeros(n, dtype=bool)
    for first, second in _REQUEST_PAIRS:
        found[:-1] |= (
            _among(vocab, frozenset((first,)))[:-1] & _among(vocab, frozenset((second,)))[1:]
        )
    found[:-1] |= aux[:-1] & you[1:]
    # "you" among the words k + 1 .. k + _WH_REACH
    seen = np.concatenate([[0], np.cumsum(you)])
    after = np.minimum(np.arange(n) + 1, n)
    ahead = seen[np.minimum(after + _WH_REACH, n)] - seen[after]
    found |= wh & (ahead > 0)
    return found


def columns(
    words: Sequence[str],
    vocab: tuple[list[str], npt.NDArray[np.intp]] | None = None,
    ids: npt.NDArray[np.uint64] | None = None,
) -> list[U64]:
    """The structural feature values of the n + 1 gaps of ``words`` (gap g
    lies before word g), one array per column, to be hashed like the word
    features. ``vocab``: the words' :func:`vocabulary`, and ``ids`` the
    :func:`crc_ids` of its distinct words, when already known."""
    n = len(words)
    vocab = vocabulary(words) if vocab is None else vocab
    ids = crc_ids(vocab[0]) if ids is None else ids
    gaps = np.arange(n + 1)
    second = _among(vocab, SECOND_PERSON)
    starts = onsets(words, second, vocab)
    # the last onset at a word before gap g
    last = np.maximum.accumulate(np.concatenate([[-_NONE], np.where(starts, np.arange(n), -_NONE)]))
    bucket = np.searchsorted(BUCKETS, gaps - last).astype(np.uint64)
    following = np.concatenate([ids[vocab[1]], [np.uint64(_END_CRC)]]).astype(np.uint64)
    you = np.concatenate([[0], np.cumsum(second)])
    first = np.concatenate([[0], np.cumsum(_among(vocab, FIRST_PERSON))])
    you_before = np.minimum(you[gaps] - you[np.maximum(gaps - _BEFORE, 0)], 3)
    first_after = np.minimum(first[np.minimum(gaps + _AFTER, n)] - first[gaps], 3)
    with np.errstate(over="ignore"):
        return [
            bucket + np.uint64(1000),
            (bucket + np.uint64(2000)) * np.uint64(1000003) + following,
            (you_before * 10 + first_after).astype(np.uint64) + np.uint64(3000),
        ]
