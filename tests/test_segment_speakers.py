"""The per-transcript speaker models of the raw-caption segmenter: one over
function words and fillers (how a speaker says things), one over the other
words (what they talk about)."""

from __future__ import annotations

import numpy as np

from transcript_tool.segment.speakers import STYLE_WORDS, emission, word_ids


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
    words = " ".join(units_text).split()
    bounds = np.cumsum([0, *(len(u.split()) for u in units_text)])
    units = [(int(bounds[u]), int(bounds[u + 1])) for u in range(len(units_text))]
    posterior = [[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]]
    style, content = word_ids(words)
    by_style = emission(style, units, posterior, 1.0, 20.0)
    by_content = emission(content, units, posterior, 1.0, 20.0)
    assert by_style[2, 0] - by_style[2, 1] > 1.0
    assert abs(by_content[2, 0] - by_content[2, 1]) < abs(by_style[2, 0] - by_style[2, 1]) / 2
    # the weight scales every score
    assert np.allclose(emission(style, units, posterior, 0.2, 20.0), 0.2 * by_style)
