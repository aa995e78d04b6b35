"""The segmentation evaluation's upper marks (``eval_segmentation.py --oracle``), on a
stream written here: no corpus needed."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import pytest
from caption_corpora import LabeledStream
from eval_segmentation import _start, oracles

from transcript_tool.segment.diarize import Params
from transcript_tool.segment.gaps import shipped_model

TURNS = (
    ("interviewer", "so tell me about a project you're proud of"),
    (
        "candidate",
        "yeah so the one i'm proudest of is the ingestion pipeline i built at my last job "
        "it took data from about two hundred devices and we cut the latency from minutes "
        "to seconds",
    ),
    ("interviewer", "nice and what was the hardest part of that"),
    (
        "candidate",
        "honestly the hardest part was getting the two teams that owned the devices to agree "
        "on one format for the messages because each of them had shipped their own",
    ),
)


def _stream(roles: tuple[str, ...] | None) -> LabeledStream:
    words: list[str] = []
    speakers: list[int] = []
    for role, text in TURNS:
        turn = text.split()
        words += turn
        speakers += [0 if role == "interviewer" else 1] * len(turn)
    ends = tuple(i + 1 == len(words) or speakers[i] != speakers[i + 1] for i in range(len(words)))
    return LabeledStream(
        "constructed",
        "proud",
        tuple(words),
        tuple(words),
        tuple(speakers),
        roles,
        ends,
        (False,) * len(words),
    )


QUESTION = "and what was the hardest part of that".split()


def test_the_units_mark_gives_each_unit_its_labelled_speaker() -> None:
    stream = _stream(("interviewer", "candidate"))
    units, _ = oracles(shipped_model(), [stream], Params())
    assert units.words == len(stream.words)
    # the change head hears no change after "... the hardest part of that |
    # honestly", so that question shares a unit with the longer answer and
    # goes with it
    assert units.errors == units.role_errors == len(QUESTION)
    # with a lower cut, every change falls between units: nothing is lost
    units, _ = oracles(shipped_model(), [stream], Params(cut=0.01))
    assert units.errors == 0


@pytest.mark.parametrize("roles", [("interviewer", "candidate"), None])
def test_from_labels_starts_each_unit_as_most_of_its_words(
    roles: tuple[str, ...] | None,
) -> None:
    # with no EM rounds and none of the rules after the HMM, each unit stays
    # where it starts: the decode is the units mark
    for cut in (0.02, 0.01):
        still = Params(cut=cut, iterations=0, islands=0, praise=0, greetings=0, names=0)
        units, from_labels = oracles(shipped_model(), [_stream(roles)], still)
        assert from_labels.words == units.words
        assert from_labels.errors == units.errors
        assert from_labels.role_errors == units.role_errors


def test_without_roles_the_start_names_the_asker_the_interviewer() -> None:
    # as in SwDA, the speakers unnamed: the one who asks sounds more like the
    # interviewer to the role head, so EM starts them as state 0
    stream = _stream(None)
    start = _start(stream, shipped_model(), Params())
    assert start == [0 if s == 0 else 1 for s in stream.speakers]
    # and speaker numbers do not decide it: the answerer first, still state 1
    swapped = dataclasses.replace(stream, speakers=tuple(1 - s for s in stream.speakers))
    assert _start(swapped, shipped_model(), Params()) == start
