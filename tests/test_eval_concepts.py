"""The concept-mention evaluation (benchmarks/eval_concepts.py) on a tiny
labelled interview."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import pytest
from eval_concepts import main, prf

TRANSCRIPT = """\
Interviewer: How would you ingest the events?
Candidate: I'd put them on a stream. I haven't used Kafka, and we bake a batch of cookies.
Interviewer: And how would you load the warehouse?
Candidate: Honestly I'm not sure.
"""

RUBRIC = """\
name: tiny
concepts:
  - id: streaming
    synonyms: [stream, kafka]
    expected_when: [ingest]
  - id: batching
    synonyms: [batch]
    expected_when: [warehouse]
criteria:
  - id: c
    metric: concept_coverage
    bands:
      - band: good
        min: 50
        feedback: Good.
      - band: weak
        feedback: Weak.
"""

LABELS = """\
transcript: tiny.txt
rubric: tiny.yaml
mentions:
  - {turn: 1, concept: streaming, quote: a stream}
  - {turn: 1, concept: streaming, quote: haven't used Kafka, count: false, why: negated}
  - {turn: 1, concept: batching, quote: batch of cookies, count: false, why: homonym}
expected:
  0: [streaming]
  2: [batching]
"""


def write(root: Path, labels: str = LABELS) -> None:
    (root / "labels").mkdir()
    (root / "tiny.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (root / "tiny.yaml").write_text(RUBRIC, encoding="utf-8")
    (root / "labels" / "tiny.yaml").write_text(labels, encoding="utf-8")


def test_prf_counts_an_empty_side_as_nothing_wrong() -> None:
    assert prf(0, 0, 0, 0) == (1.0, 1.0, 1.0)
    assert prf(1, 2, 1, 1) == (0.5, 1.0, pytest.approx(2 / 3))


def test_a_tiny_interview_scores_its_mentions_and_expectations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path)
    assert main(["--data", str(tmp_path), "--errors"]) == 0
    out = capsys.readouterr().out
    # the tool's mentions: "stream" (right), "Kafka" and "batch" (wrong unless
    # it leaves out negated words and homonyms); the one counted gold is found
    mentions, expected = [line.split()[1:] for line in out.splitlines() if line.startswith("tiny ")]
    gold, tool, wrong, missed = (int(n) for n in mentions[:4])
    assert (gold, missed) == (1, 0)
    assert tool - wrong == 1
    assert "wrong mentions, by cause:" in out
    # both questions expect what the gold says
    assert expected == ["2", "2", "0", "0", "1.000", "1.000", "1.000"]


def test_a_quote_missing_from_its_turn_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, LABELS.replace("quote: a stream", "quote: a river"))
    assert main(["--data", str(tmp_path)]) == 2
    assert "'a river' is not in the turn's text" in capsys.readouterr().err


def test_no_labels_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data", str(tmp_path)]) == 2
    assert "no labels found" in capsys.readouterr().err
