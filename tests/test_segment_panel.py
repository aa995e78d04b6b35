"""The panel interviews of benchmarks/data/panel-interviews and their
evaluation (benchmarks/eval_panels.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from caption_corpora import load_named
from eval_panels import main as eval_panels_main
from eval_panels import panels


def test_named_labels_keep_each_person_apart(tmp_path: Path) -> None:
    path = tmp_path / "panel.txt"
    path.write_text(
        "Ann Lee: Welcome. Tell me about yourself.\n\nBo: I run a team of five.\n\n"
        "Dr. Cruz: And why this job?\n\nBo: It is closer to home.\n",
        encoding="utf-8",
    )
    roles = {"Ann Lee": "interviewer", "Dr. Cruz": "interviewer", "Bo": "candidate"}
    stream = load_named(path, roles)
    assert stream.roles == ("interviewer", "candidate", "interviewer")
    assert stream.words[:2] == ("welcome", "tell")
    assert stream.speakers == (0,) * 5 + (1,) * 6 + (2,) * 4 + (1,) * 5


def test_named_labels_without_a_role_or_before_text_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "panel.txt"
    path.write_text("Ann: Hello.\n\nZed: Hi.\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"panel\.txt: no role given for Zed"):
        load_named(path, {"Ann": "interviewer"})
    path.write_text("A title\n\nAnn: Hello.\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"panel\.txt: text before the first"):
        load_named(path, {"Ann": "interviewer"})


def test_every_panel_interview_has_its_people_and_roles() -> None:
    streams = panels()
    assert len(streams) == 5
    for stream in streams:
        assert stream.roles is not None
        assert stream.roles.count("candidate") == 1
        assert stream.roles.count("interviewer") >= 2
        assert len(set(stream.speakers)) == len(stream.roles)


def test_the_panel_evaluation_prints_both_decodes(capsys: pytest.CaptureFixture[str]) -> None:
    assert eval_panels_main() == 0
    out = capsys.readouterr().out
    total = next(line for line in out.splitlines() if line.startswith("all (by words)"))
    # baseline, two speakers, N speakers: "person / role" each
    figures = [float(x) for x in total.replace("/", " ").split()[3:]]
    assert len(figures) == 7
    words, base_role, two_role, many_role = figures[0], figures[2], figures[4], figures[6]
    assert words > 10_000
    assert two_role < base_role
    assert many_role < base_role
