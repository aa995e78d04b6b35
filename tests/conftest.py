"""Fixtures shared by the end-to-end tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import pytest

from transcript_tool import analyze, load_rubric, read_transcript, score
from transcript_tool.model import Report, Transcript
from transcript_tool.readers.common import Chunk
from transcript_tool.segment import unlabeled

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"


@cache
def _sample_report(name: str) -> Report:
    transcript = read_transcript(SAMPLES_DIR / name)
    return score(analyze(transcript), load_rubric("default"))


@pytest.fixture(scope="session")
def sample_report() -> Callable[[str], Report]:
    """``sample_report("behavioral-interview.txt")``: that sample scored with the
    default rubric, computed once per test session (reports are immutable)."""
    return _sample_report


@pytest.fixture
def file_report(tmp_path: Path) -> Callable[[str, str], Report]:
    """``file_report("clip.vtt", text)``: ``text`` written to a file of that
    name, read as the tool reads it, and scored with the default rubric."""

    def report(name: str, text: str) -> Report:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return score(analyze(read_transcript(path)), load_rubric("default"))

    return report


@pytest.fixture
def chunks_seen(monkeypatch: pytest.MonkeyPatch) -> list[Chunk]:
    """The chunks a reader hands to the raw-caption segmenter (which still runs)."""
    seen: list[Chunk] = []
    original = unlabeled.segment_chunks

    def spy(chunks: Sequence[Chunk], **kwargs: object) -> unlabeled.Segmented:
        seen.extend(chunks)
        return original(chunks, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(unlabeled, "segment_chunks", spy)
    return seen


def assert_inferred_speakers(transcript: Transcript) -> None:
    """No labels: the segmenter named the speakers and gave them roles."""
    ids = {speaker.id for speaker in transcript.speakers}
    assert ids and ids <= {"Speaker 1", "Speaker 2"}
    assert {speaker.role for speaker in transcript.speakers} <= {"interviewer", "candidate"}
    assert any(notice.startswith("no speaker labels") for notice in transcript.notices)
