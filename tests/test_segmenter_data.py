"""The project's own labelled mock interviews (benchmarks/data/segmenter-interviews),
which the shipped segmenter is trained on: every file must keep its format, or
training would silently learn from mislabelled words."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from caption_corpora import PROJECT_FOLDER, held_out_split, load_project  # noqa: E402

FILES = sorted(PROJECT_FOLDER.glob("*.txt"))
_TURN = re.compile(r"^(Interviewer|Candidate): \S")
_LABEL = re.compile(r"^(Interviewer|Candidate): ", re.MULTILINE)


def _alnum(text: str) -> str:
    return re.sub(r"[\W_]", "", text)


def test_there_are_interviews_to_train_on() -> None:
    assert len(FILES) >= 52


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_paragraph_is_one_labelled_turn(path: Path) -> None:
    paragraphs = path.read_text(encoding="utf-8").strip("\n").split("\n\n")
    for number, paragraph in enumerate(paragraphs, 1):
        assert "\n" not in paragraph, f"{path.name}: paragraph {number} spans lines"
        assert _TURN.match(paragraph), f"{path.name}: paragraph {number} has no label"


def test_each_stream_has_both_roles_and_every_word() -> None:
    streams = load_project()
    assert [s.id for s in streams] == [p.stem for p in FILES]
    for stream, path in zip(streams, FILES, strict=True):
        assert stream.roles is not None
        assert set(stream.roles) == {"interviewer", "candidate"}
        assert len(stream.source_words) > 1_500
        # the labels are gone and every letter and digit of the turns is kept
        spoken = _LABEL.sub("", path.read_text(encoding="utf-8"))
        assert _alnum("".join(stream.source_words)) == _alnum(spoken)
        assert stream.sentence_end[-1]


def test_held_out_interviews_are_the_ones_the_docs_name() -> None:
    _, held_out = held_out_split(load_project())
    numbers = "10 13 16 25 32 34 39 42 48 49 50".split()
    assert [s.id.split("-")[0] for s in held_out] == numbers


def test_text_before_the_first_label_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text(
        "Welcome to the show.\n\nInterviewer: Hi.\n\nCandidate: Hello.\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"bad\.txt"):
        load_project(tmp_path)
