"""The per-transcript speaker models: how each speaker of *this* transcript
words things, fitted by the decoder's expectation-maximisation (:mod:`.diarize`).

Each speaker has two unigram models:

- a **style** model over function words (spaCy's English stop words) and
  the fillers and backchannels of talk ("um", "yeah", "okay", "mm-hmm"),
  every other word counted as one placeholder, so that how often a speaker
  uses content words counts too;
- a **content** model over the other words, every function word counted as
  one placeholder.

How a speaker says things ("um so i think", "and then we") carries over
from one stretch of their talk to the next; what they talk about is shared
with the other speaker, who asks about it or answers it. One model over all
words let the topic words outweigh the style: weighed apart (style 0.2,
content 0.15, against 0.3 for the one model), leave-one-corpus-out WDER
went from 6.5 to 4.8 % on MIT's job interviews and no corpus lost more
than 0.1 point (``docs/segmentation.md``, "How it works").
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from spacy.lang.en.stop_words import STOP_WORDS

from .structure import vocabulary

FILLERS = frozenset(
    "um uh oh hmm mhm yeah yep yes okay ok like mm-hmm uh-huh right sure cool great".split()
)
STYLE_WORDS = frozenset(STOP_WORDS) | FILLERS
"""The words of the style model; every other word is the content model's."""

IntArray = npt.NDArray[np.intp]


def word_ids(words: Sequence[str]) -> tuple[IntArray, IntArray]:
    """Word by word, its id in the style model and in the content model:
    equal words get equal ids, numbered from 0 without gaps, and the other
    model's words share one id, the highest."""
    distinct, inverse = vocabulary(words)
    style = np.fromiter((w in STYLE_WORDS for w in distinct), dtype=bool, count=len(distinct))
    content = ~style
    style_of = np.where(style, np.cumsum(style) - 1, int(style.sum()))
    content_of = np.where(content, np.cumsum(content) - 1, int(content.sum()))
    return style_of[inverse], content_of[inverse]


def emission(
    ids: IntArray,
    units: Sequence[tuple[int, int]],
    posterior: Sequence[Sequence[float]],
    weight: float,
    prior: float,
    *,
    own: bool = True,
) -> npt.NDArray[np.float64]:
    """Each unit's log-likelihood under each speaker's unigram model over
    ``ids`` (:func:`word_ids`), relative to the pooled model (only the
    difference between speakers matters), times ``weight``. A speaker's
    model counts every word of every unit with the unit's posterior for that
    speaker (below 0.001: not at all), smoothed toward the pooled
    distribution with ``prior`` pseudo-counts. numpy over the words: one
    count table per call, no loop per word.

    ``own=False`` scores each unit by models that leave the unit's own words
    out of their counts, as a held-out likelihood would: the decoder counts
    them (the default), so that a unit's words vote for the speaker it is
    given; ``benchmarks/eval_speaker_models.py`` measures what that is worth."""
    lengths = np.asarray([end - begin for begin, end in units], dtype=np.int64)
    weights = np.asarray(posterior, dtype=np.float64)
    weights[weights < 1e-3] = 0.0
    per_word = np.repeat(weights, lengths, axis=0)  # (words, speakers)
    size = int(ids.max()) + 1
    counts = np.stack(
        [np.bincount(ids, weights=per_word[:, k], minlength=size) for k in range(weights.shape[1])],
        axis=1,
    )
    background = np.bincount(ids, minlength=size) / len(ids)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    if own:
        denominator = per_word.sum(axis=0) + prior
        value = np.log((counts + prior * background[:, None]) / denominator / background[:, None])
        return weight * np.add.reduceat(value[ids], starts, axis=0)
    # each word's count within its own unit, taken out with the unit's weights
    unit_of = np.repeat(np.arange(len(lengths)), lengths)
    _, pair, within = np.unique(unit_of * size + ids, return_inverse=True, return_counts=True)
    numerator = counts[ids] - within[pair][:, None] * per_word + prior * background[ids][:, None]
    denominator = per_word.sum(axis=0) - np.repeat(lengths[:, None] * weights, lengths, axis=0)
    value = np.log(numerator / (denominator + prior) / background[ids][:, None])
    return weight * np.add.reduceat(value, starts, axis=0)
