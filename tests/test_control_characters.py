"""Terminal control sequences in a transcript (or a file name) never reach
the terminal as they are (issue 9: nothing that came in with the input is
executed): the terminal report, Markdown, batch summaries and error messages
show them as visible characters, while JSON keeps the text exactly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from transcript_tool import analyze, load_rubric, read_transcript, score
from transcript_tool.cli import main
from transcript_tool.render.control import shown, visible
from transcript_tool.render.terminal import render_terminal

CLEAR = "\x1b[2J"
LINK = "\x1b]8;;http://evil.example\x07here\x1b]8;;\x07"
ANSWER = f"I build things {CLEAR}{LINK} and \x9b31m ship them\x7f."
TEXT = (
    "Interviewer: Tell me about a project you led?\n"
    f"Candidate: {ANSWER}\n"
    "Interviewer: What was the hardest part?\n"
    "Candidate: Keeping both systems in sync.\n"
)
INPUT_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
OWN_COLOUR = re.compile(r"\x1b\[[0-9;]*m")  # rich's SGR codes, nothing else


@pytest.fixture
def talk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "talk.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_shown_replaces_one_character_with_one() -> None:
    assert shown("a\x1b[2Jb\x07c\x7fd\x9be\tf\ng") == "a␛[2Jb␇c␡d\ufffde\tf\ng"
    assert len(shown(ANSWER)) == len(ANSWER)


def test_the_terminal_report_shows_control_characters(talk: Path) -> None:
    report = score(analyze(read_transcript(str(talk))), load_rubric("default"))
    plain = render_terminal(report, width=100, color=False)
    assert not INPUT_CONTROLS.search(plain)
    assert "␛[2J␛]8;;http://evil.example␇here" in plain
    coloured = render_terminal(report, width=100, color=True)
    assert "\x1b[" in coloured  # rich's colours are there ...
    assert not INPUT_CONTROLS.search(OWN_COLOUR.sub("", coloured))  # ... and nothing else
    assert report.transcript.turns[1].text == ANSWER  # the report itself is not changed


def test_a_clean_report_is_not_copied(talk: Path) -> None:
    (talk.parent / "clean.txt").write_text(TEXT.replace(ANSWER, "I build things."), "utf-8")
    report = score(analyze(read_transcript("clean.txt")), load_rubric("default"))
    assert visible(report) is report


def test_markdown_shows_them_and_json_keeps_them(
    talk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "talk.txt", "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert not INPUT_CONTROLS.search(markdown)
    assert "␛" in markdown
    assert main(["report", "talk.txt", "--format", "json"]) == 0
    turns = json.loads(capsys.readouterr().out)["transcript"]["turns"]
    assert turns[1]["text"] == ANSWER


def test_error_messages_escape_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    name = f"bad{CLEAR}name.json"
    Path(name).write_text("x", encoding="utf-8")
    assert main(["report", name]) == 2
    err = capsys.readouterr().err
    assert err == (
        "transcript-tool: error: bad\\x1b[2Jname.json:1:1: not valid JSON: Expecting value\n"
    )


def test_the_batch_summary_shows_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"good{CLEAR}.txt").write_text(TEXT, encoding="utf-8")
    (folder / f"bad{CLEAR}.json").write_text("x", encoding="utf-8")
    assert main(["batch", "in", "--out", "out.csv", "--quiet"]) == 1
    out, err = capsys.readouterr()
    assert "good␛[2J.txt" in out
    assert not INPUT_CONTROLS.search(out + err)
