"""More than two voices in a caption (``--speakers N``, N > 2): a panel's
interviewers shared out of a two-speaker decode (segment/panel.py), and the
panel evaluation (benchmarks/eval_panels.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from caption_corpora import load_named
from eval_panels import main as eval_panels_main
from eval_panels import panels

from transcript_tool.cli import app
from transcript_tool.segment.diarize import diarize
from transcript_tool.segment.gaps import shipped_model

# Two interviewers who word things differently (A chatty, B formal) take
# turns asking; C answers.
ASKER_A = (
    "okay cool so um tell me like a bit about your last team and what did you do there",
    "okay cool so um like what was the hardest bit of that job for you",
    "okay cool so um like how do you handle a customer who is really upset",
)
ASKER_B = (
    "thank you and what procedure would you follow to verify a dosage",
    "thank you and what procedure would you follow when a shipment is late",
    "thank you and what procedure would you follow to audit the ledger",
)
ANSWERS = (
    "yeah so i think the main thing was that we had a small team and i was the one who kept "
    "the schedule and i would check in with everyone every morning before the shift started",
    "um so first i would check the order and then i would call the supplier and if that did "
    "not work i would tell my manager and we would decide together what to do next",
    "honestly it was the night shifts because we were always short of people and i had to "
    "cover two roles at once",
    "i would check the label the chart and the order and if anything did not match i would "
    "call the doctor before giving it",
    "i would stay calm and listen to them first and then i would try to find out what "
    "actually went wrong before i promise anything",
    "i would look at the records from the last month and compare them with the bank "
    "statements line by line",
)
TURNS = (
    ("A", ASKER_A[0]),
    ("C", ANSWERS[0]),
    ("B", ASKER_B[0]),
    ("C", ANSWERS[1]),
    ("A", ASKER_A[1]),
    ("C", ANSWERS[2]),
    ("B", ASKER_B[1]),
    ("C", ANSWERS[3]),
    ("A", ASKER_A[2]),
    ("C", ANSWERS[4]),
    ("B", ASKER_B[2]),
    ("C", ANSWERS[5]),
)


def _panel() -> tuple[list[str], list[str]]:
    words: list[str] = []
    who: list[str] = []
    for person, text in TURNS:
        words.extend(text.split())
        who.extend([person] * len(text.split()))
    return words, who


@pytest.mark.parametrize("speakers", [3, 4])
def test_a_panel_keeps_the_roles_of_the_two_speaker_decode(speakers: int) -> None:
    words, _ = _panel()
    two = diarize(words, shipped_model())
    many = diarize(words, shipped_model(), speakers=speakers)
    roles_two = [two.roles[s] for s in two.speakers]
    roles_many = [many.roles[s] for s in many.speakers]
    assert roles_many == roles_two
    assert many.roles.count("candidate") == 1
    assert set(many.roles) == {"interviewer", "candidate"}
    assert 2 <= many.roles.count("interviewer") <= speakers - 1
    assert len(many.speakers) == len(words)
    # the split's doubt is the words' doubt: no word is surer than before
    assert all(m <= t for m, t in zip(many.confidence, two.confidence, strict=True))


def test_two_interviewers_who_talk_differently_get_two_voices() -> None:
    words, who = _panel()
    many = diarize(words, shipped_model(), speakers=3)
    voices = {
        person: {many.speakers[i] for i, p in enumerate(who) if p == person}
        for person in ("A", "B")
    }
    # the questions the two-speaker decode gives the interviewer: each
    # asker's go to one voice, and the two askers' to different ones
    asked = {
        person: {v for v in found if many.roles[v] == "interviewer"}
        for person, found in voices.items()
    }
    assert len(asked["A"]) == 1
    assert len(asked["B"]) == 1
    assert asked["A"] != asked["B"]


def test_a_change_between_two_voices_ends_a_sentence() -> None:
    words, _ = _panel()
    many = diarize(words, shipped_model(), speakers=3)
    for i in range(len(words) - 1):
        if many.speakers[i] != many.speakers[i + 1]:
            assert many.sentence_end[i]


def test_segment_names_each_panel_voice_an_interviewer(tmp_path: Path) -> None:
    words, _ = _panel()
    path = tmp_path / "panel-caption.txt"
    path.write_text(" ".join(words) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["segment", str(path), "--speakers", "3"])
    assert result.exit_code == 0, result.output
    assert "Speaker 3 (interviewer" in result.output
    assert "(other" not in result.output


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
    assert many_role == two_role < base_role
