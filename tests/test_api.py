"""The library as README "Library" shows it: read, analyze, score, render.

Contract: ``render_report(report, format)`` gives what ``transcript-tool report
--format FORMAT`` prints for the same file, byte for byte, so a program using
the library and a user at the command line see the same report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import transcript_tool
from transcript_tool import analyze, load_rubric, read_transcript, render_report, score
from transcript_tool.api import RENDER_FORMATS
from transcript_tool.cli import main

REPO = Path(__file__).resolve().parent.parent
SAMPLE = "samples/behavioral-interview.txt"


def test_the_public_names() -> None:
    assert transcript_tool.__all__ == [
        "__version__",
        "analyze",
        "load_rubric",
        "read_transcript",
        "render_report",
        "score",
    ]


@pytest.mark.parametrize("format", RENDER_FORMATS)
def test_render_gives_what_the_report_command_prints(
    format: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    report = score(analyze(read_transcript(SAMPLE)), load_rubric("default"))
    assert main(["report", SAMPLE, "--format", format]) == 0
    printed = capsys.readouterr().out
    assert render_report(report, format) == printed


def test_render_at_a_width_and_in_colour() -> None:
    report = score(analyze(read_transcript(REPO / SAMPLE)), load_rubric("default"))
    narrow = render_report(report, width=60)
    assert max(len(line) for line in narrow.splitlines()) <= 60
    assert "\x1b[" not in narrow
    assert "\x1b[" in render_report(report, color=True)


def test_an_unknown_format_names_the_known_ones() -> None:
    report = score(analyze(read_transcript(REPO / SAMPLE)), load_rubric("default"))
    with pytest.raises(
        ValueError, match=r"unknown report format 'pdf'; expected one of terminal, json"
    ):
        render_report(report, "pdf")


def test_the_readme_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Library", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    (tmp_path / "interview.txt").write_bytes((REPO / SAMPLE).read_bytes())
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "README.md", "exec"), {})
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# Interview report\n")


@pytest.mark.parametrize(
    "sample",
    ["zoom-meeting.vtt", "whisper-screen.json", "teams-transcript.docx", "raw-caption.srt"],
)
def test_a_transcript_in_memory_reads_as_its_file(sample: str) -> None:
    path = REPO / "samples" / sample
    from_file = read_transcript(path, name=sample)
    held = path.read_bytes()
    assert read_transcript(sample, data=held) == from_file
    if not sample.endswith(".docx"):
        assert read_transcript(sample, data=held.decode("utf-8")) == from_file


def test_a_transcript_in_memory_is_held_to_the_file_limits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from transcript_tool.errors import InputError

    monkeypatch.setenv("TRANSCRIPT_TOOL_MAX_INPUT_MB", "1")
    with pytest.raises(InputError, match=r"^upload\.txt: the file is 1\.2 MB, over the 1 MB"):
        read_transcript("upload.txt", data="Interviewer: Hi.\n" * 70_000)
    with pytest.raises(InputError, match=r"^upload\.txt:1:17: not valid UTF-8 \(byte 0xe9\)"):
        read_transcript("upload.txt", data=b"Interviewer: caf\xe9?\n")  # cp1252
    latin = read_transcript("upload.txt", data=b"Interviewer: caf\xe9?\n", encoding="cp1252")
    assert latin.turns[0].text == "caf\u00e9?"
