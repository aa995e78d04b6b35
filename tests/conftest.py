"""Fixtures shared by the end-to-end tests."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from transcript_tool import analyze, load_rubric, read_transcript, score
from transcript_tool.model import Report

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
