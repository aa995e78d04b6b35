"""The gap model's structural features (transcript_tool/segment/structure.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from transcript_tool.segment import structure
from transcript_tool.segment.gaps import GapModel, shipped_model
from transcript_tool.segment.training import TrainingStream, train


def _onset_words(text: str) -> list[str]:
    words = text.split()
    return [w for w, starts in zip(words, structure.onsets(words), strict=True) if starts]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("so could you tell me about the team", ["could", "tell"]),
        ("what made you apply here", ["what"]),
        ("walk me through the outage", ["walk"]),
        # the talker's own question, and a "you" too far after the wh-word
        ("what do we do then", []),
        ("what the team did last year was hard for you", []),
    ],
)
def test_a_question_to_the_listener_begins_at_its_auxiliary_wh_word_or_request(
    text: str, found: list[str]
) -> None:
    assert _onset_words(text) == found


def test_the_distance_column_counts_the_words_since_the_question_began() -> None:
    words = "do you like it i really do".split()
    distance = structure.columns(words)[0] - 1000
    # gap g lies before word g: none before the question, then 1, 2, 3 ...
    # words back, in the buckets 1 | 2 | 3-4 | 5-7
    assert distance.tolist() == [7, 0, 1, 2, 2, 3, 3, 3]


def test_the_persons_column_counts_you_before_and_i_after() -> None:
    words = "so you said your team i think we".split()
    persons = structure.columns(words)[2] - 3000
    at = words.index("i")
    assert persons[at] == 2 * 10 + 2  # "you", "your" before; "i", "we" after


def _streams() -> list[TrainingStream]:
    rng = np.random.default_rng(3)
    vocabulary = "do you like the team i think we built it well".split()
    streams = []
    for _ in range(20):
        words = rng.choice(vocabulary, size=60).tolist()
        ends = [i % 7 == 6 for i in range(60)]
        sentence = [int(e) for e in ends]
        role = [int(w in ("do", "you")) for w in words]
        streams.append(TrainingStream(words, sentence, ends, role))
    return streams


def test_only_the_heads_that_read_structure_are_trained_differently() -> None:
    """The sentence and change heads read no structural feature, so their
    weights (and the sentences the question stage reads) are those a model
    without them learns."""
    plain = train(_streams(), bits=10, structure=False)
    rich = train(_streams(), bits=10)
    assert rich.meta["structure"] == structure.VERSION
    assert "structure" not in plain.meta
    assert np.array_equal(plain.sentence, rich.sentence)
    assert np.array_equal(plain.change, rich.change)
    assert not np.array_equal(plain.role, rich.role)


def test_a_model_says_whether_it_reads_structure_and_survives_a_save(tmp_path: Path) -> None:
    for flag in (False, True):
        model = train(_streams(), bits=10, structure=flag)
        model.save(tmp_path / "m.npz")
        loaded = GapModel.load(tmp_path / "m.npz")
        assert loaded.structure is flag
        words = "do you like the team i think".split()
        np.testing.assert_allclose(loaded.predict(words).role, model.predict(words).role, atol=2e-3)
    assert shipped_model().structure


def test_weights_of_another_structure_version_are_refused() -> None:
    model = shipped_model()
    other = GapModel(model.bits, model.sentence, model.change, model.role, {"structure": "0"})
    with pytest.raises(ValueError, match="structural features version 0"):
        other.predict(["hello", "there"])
