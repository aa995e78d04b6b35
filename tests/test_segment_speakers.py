"""The per-transcript speaker models of the raw-caption segmenter: one over
function words and fillers (how a speaker says things), one over the other
words (what they talk about)."""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from transcript_tool.segment.speakers import STYLE_WORDS, emission, word_ids


def _units(units_text: list[str]) -> tuple[list[str], list[tuple[int, int]]]:
    """The words of ``units_text`` in one stream, and each text's (begin, end) in it."""
    words = " ".join(units_text).split()
    bounds = np.cumsum([0, *(len(u.split()) for u in units_text)])
    return words, [(int(bounds[u]), int(bounds[u + 1])) for u in range(len(units_text))]


def test_each_model_counts_the_other_models_words_as_one_word() -> None:
    words = "um so the pipeline broke um and the cache broke".split()
    style, content = word_ids(words)
    assert {"um", "so", "the", "and"} <= STYLE_WORDS
    assert not {"pipeline", "broke", "cache"} & STYLE_WORDS
    # equal words, equal ids; every content word is one placeholder, the highest id
    assert style.tolist() == [0, 1, 2, 4, 4, 0, 3, 2, 4, 4]
    assert content.tolist() == [3, 3, 3, 0, 1, 3, 3, 3, 2, 1]


def test_word_ids_with_only_one_kind_of_word_number_from_zero() -> None:
    style, content = word_ids("um so and um".split())
    assert style.tolist() == [0, 1, 2, 0]
    assert content.tolist() == [0, 0, 0, 0]
    style, content = word_ids("pipeline cache pipeline".split())
    assert style.tolist() == [0, 0, 0]
    assert content.tolist() == [0, 1, 0]


def test_a_speakers_fillers_pull_a_stretch_on_a_shared_topic_to_them() -> None:
    """Both speakers talk about the billing pipeline; only one says "um" and
    "like". A stretch of that pipeline with "um" and "like" is that
    speaker's by the style model, and neither's by the content model."""
    units_text = [
        "um so like we built the billing pipeline um like last year",  # speaker 0
        "and how did you test the billing pipeline before that",  # speaker 1
        "um like the billing pipeline um",  # to be read
    ]
    words, units = _units(units_text)
    posterior = [[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]]
    style, content = word_ids(words)
    by_style = emission(style, units, posterior, 1.0, 20.0)
    by_content = emission(content, units, posterior, 1.0, 20.0)
    assert by_style[2, 0] - by_style[2, 1] > 1.0
    assert abs(by_content[2, 0] - by_content[2, 1]) < abs(by_style[2, 0] - by_style[2, 1]) / 2
    # the weight scales every score
    assert np.allclose(emission(style, units, posterior, 0.2, 20.0), 0.2 * by_style)


def test_left_out_a_units_own_words_no_longer_vote_for_the_speaker_it_is_given() -> None:
    """Words nobody else says: counted, they make the unit its own speaker's;
    left out of the counts that score it, both speakers' models have never
    seen them."""
    units_text = [
        "so we shipped the billing pipeline",  # speaker 0
        "and how long did that take",  # speaker 1
        "kubernetes terraform helm",  # given to speaker 0; said by nobody else
    ]
    words, units = _units(units_text)
    posterior = [[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]]
    _, content = word_ids(words)
    counted = emission(content, units, posterior, 1.0, 2.0)
    left_out = emission(content, units, posterior, 1.0, 2.0, own=False)
    assert counted[2, 0] - counted[2, 1] > 2.0
    assert abs(left_out[2, 0] - left_out[2, 1]) < 0.5


def test_left_out_scores_are_the_held_out_likelihood_word_by_word() -> None:
    """own=False against the definition, one unit and one speaker at a time:
    the unit's words under counts of every other unit's words, each weighted
    by that unit's posterior for the speaker."""
    rng = np.random.default_rng(7)
    ids = rng.integers(0, 6, 40)
    bounds = [0, 4, 11, 12, 25, 31, 40]
    units = list(pairwise(bounds))
    posterior = rng.dirichlet([1.0, 1.0], len(units)).tolist()
    prior = 3.0
    got = emission(ids, units, posterior, 0.5, prior, own=False)
    background = np.bincount(ids, minlength=6) / len(ids)
    for u, (begin, end) in enumerate(units):
        for k in range(2):
            counts, total = np.zeros(6), 0.0
            for v, (b, e) in enumerate(units):
                if v != u and posterior[v][k] >= 1e-3:
                    np.add.at(counts, ids[b:e], posterior[v][k])
                    total += posterior[v][k] * (e - b)
            p = (counts[ids[begin:end]] + prior * background[ids[begin:end]]) / (total + prior)
            expected = 0.5 * np.log(p / background[ids[begin:end]]).sum()
            assert abs(got[u, k] - expected) < 1e-9
