"""The segmenter's shortcuts for speed give the answers of the long way round:
the question islands' first test on a word, the word hashing by distinct
word, and the runs of one speaker."""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np
import pytest

from transcript_tool.annotate import onsets as onset_rules
from transcript_tool.annotate.question_cues import load_cues
from transcript_tool.segment import structure
from transcript_tool.segment.diarize import diarize
from transcript_tool.segment.gaps import normalize, shipped_model, word_ids
from transcript_tool.segment.islands import caption_tokens
from transcript_tool.segment.unlabeled import speaker_runs

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CAPTION = SAMPLES / "mock-interview-raw-caption.txt"


def _caption_words(path: Path) -> list[str]:
    return [w for w in (normalize(word) for word in path.read_text("utf-8").split()) if w]


def test_every_question_onset_in_the_samples_starts_at_one_of_the_onset_heads() -> None:
    """The islands test a word against ``onset_heads`` before anything else;
    a question onset at a word outside it would be lost."""
    cues = load_cues()
    onsets = cues.caption_onsets
    assert onsets is not None
    heads = onset_rules.onset_heads(onsets)
    assert heads is not None
    found = 0
    for path in sorted(SAMPLES.glob("*.txt")):
        tokens, _ = caption_tokens(_caption_words(path))
        for k in range(len(tokens) - 2):
            if onset_rules.question_onset(tokens, k, onsets, cues) or onset_rules.wh_phrase_onset(
                tokens, k, onsets
            ):
                found += 1
                assert tokens[k] in heads, (path.name, tokens[k : k + 4])
    assert found > 200  # the samples ask a lot


def test_the_islands_first_test_changes_no_speaker(monkeypatch: pytest.MonkeyPatch) -> None:
    """The 60-minute caption decoded with and without the first test on
    each word: the same speaker for every word."""
    words = _caption_words(CAPTION)
    model = shipped_model()
    fast = diarize(words, model)
    monkeypatch.setattr(onset_rules, "onset_heads", lambda onsets: None)
    assert diarize(words, model).speakers == fast.speakers


def test_words_are_hashed_as_each_words_own_crc32() -> None:
    """Hashing each distinct word once gives every word its own CRC-32, which
    the shipped weights were trained on."""
    words = ["so", "tell", "me", "about", "you'd", "so", "", "naïve", "tell"]
    ids = word_ids(words)
    assert ids[3:-3].tolist() == [zlib.crc32(w.encode("utf-8")) for w in words]
    assert len(ids) == len(words) + 6
    distinct, inverse = structure.vocabulary(words)
    assert distinct == ["so", "tell", "me", "about", "you'd", "", "naïve"]
    assert [distinct[i] for i in inverse] == words


def test_structural_columns_of_no_words_are_the_end_gap_only() -> None:
    assert [len(column) for column in structure.columns([])] == [1, 1, 1]


@pytest.mark.parametrize(
    ("speakers", "runs"),
    [
        ([], []),
        ([1], [(0, 1)]),
        ([0, 0, 1, 1, 1, 0], [(0, 2), (2, 5), (5, 6)]),
        ((2, 0, 2), [(0, 1), (1, 2), (2, 3)]),
    ],
)
def test_speaker_runs_are_the_maximal_runs_of_one_speaker(
    speakers: list[int], runs: list[tuple[int, int]]
) -> None:
    assert speaker_runs(speakers) == runs


def test_decoding_is_the_same_twice() -> None:
    """Byte-identical output needs a deterministic decoder."""
    words = _caption_words(CAPTION)[:2000]
    model = shipped_model()
    first, second = diarize(words, model), diarize(words, model)
    assert first == second
    assert np.isfinite(first.confidence).all()
