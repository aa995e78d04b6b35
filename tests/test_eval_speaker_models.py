"""The speaker models' ceiling (benchmarks/eval_speaker_models.py), on constructed
transcripts: what it prints must be what the models do."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import pytest
from caption_corpora import LabeledStream
from eval_speaker_models import Figures, Transcript, main

from transcript_tool.segment.diarize import Params
from transcript_tool.segment.gaps import shipped_model

ASKS = "so tell me how the rollout of the billing service went and what you would change".split()
ANSWERS = (
    "um yeah so basically we like moved the um billing jobs over one team at a time and "
    "honestly i think i would um write the runbook first"
).split()


def _stream(turns: int) -> LabeledStream:
    words: list[str] = []
    speakers: list[int] = []
    for turn in range(turns):
        said = ASKS if turn % 2 == 0 else ANSWERS * 2
        words += said
        speakers += [turn % 2] * len(said)
    ends = [i == len(words) - 1 or speakers[i] != speakers[i + 1] for i in range(len(words))]
    return LabeledStream(
        corpus="constructed",
        id="rollout",
        words=tuple(words),
        source_words=tuple(words),
        speakers=tuple(speakers),
        roles=("interviewer", "candidate"),
        sentence_end=tuple(ends),
        question_end=tuple(e and s == 0 for e, s in zip(ends, speakers, strict=True)),
    )


def test_two_speakers_with_words_of_their_own_are_told_apart_stretch_by_stretch(
    capsys: pytest.CaptureFixture[str],
) -> None:
    figures = Figures()
    params = Params()
    figures.add(Transcript.read(_stream(8), shipped_model(), params), params)
    assert figures.transcripts == 1
    # every stretch of at least 15 words: the interviewer's turns (16 words) and the
    # candidate's (60 words: two stretches of 30)
    assert len(figures.first) == 4 + 4 * 2
    assert sum(figures.first) == 4
    figures.report("constructed")
    out = capsys.readouterr().out
    assert "AUROC style 1.000, content 1.000, both 1.000" in out
    # the labelled split, each unit as most of its words, is what the labels say
    assert "score of labels           WDER   0.0%" in out


def test_without_the_corpora_it_says_so_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--corpora", str(tmp_path)]) == 2
    assert "../shared/corpora is not present" in capsys.readouterr().err
