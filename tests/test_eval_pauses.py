"""The pause evaluation's reading of timed pieces (benchmarks/eval_pauses.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import pytest
from eval_pauses import deepgram_pieces, gaps, main, vtt_pieces


def test_gaps_are_next_start_minus_this_end_with_the_change_of_speaker() -> None:
    pieces = [("A", 0.0, 1.0), ("A", 1.25, 2.0), ("B", 3.0, 4.0), ("B", 4.0, 5.5)]
    assert gaps(pieces) == ([0.25, 1.0, 0.0], [False, True, False])


def test_vtt_cues_keep_their_milliseconds_and_speakers(tmp_path: Path) -> None:
    path = tmp_path / "meeting.vtt"
    path.write_text(
        "WEBVTT\n\n1\n00:00:01.250 --> 00:00:02.500\nAna Ruiz: Hello there.\n\n"
        "2\n00:00:03.125 --> 00:00:04.000\nBo Chen: Hi.\n\n"
        "3\n00:00:04.000 --> 00:00:05.000\nno speaker here\n",
        encoding="utf-8",
    )
    assert vtt_pieces(path, ":") == [
        ("Ana Ruiz", 1.25, 2.5),
        ("Bo Chen", 3.125, 4.0),
        ("", 4.0, 5.0),
    ]


def test_deepgram_words_and_utterances(tmp_path: Path) -> None:
    words = [{"speaker": 0, "start": 0.1, "end": 0.4}, {"speaker": 1, "start": 1.0, "end": 1.2}]
    utterances = [{"speaker": 0, "start": 0.1, "end": 0.4}]
    path = tmp_path / "call.json"
    path.write_text(
        json.dumps(
            {
                "results": {
                    "channels": [{"alternatives": [{"words": words}]}],
                    "utterances": utterances,
                }
            }
        ),
        encoding="utf-8",
    )
    assert deepgram_pieces(path, "words") == [("0", 0.1, 0.4), ("1", 1.0, 1.2)]
    assert deepgram_pieces(path, "utterances") == [("0", 0.1, 0.4)]


def test_absent_corpora_is_one_line_and_success(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--corpora", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip().endswith("absent, nothing to measure")
