"""The tool's own reports, summaries and batch tables, passed back as a
transcript by mistake, are one clear error saying what the file is; a
transcript the tool wrote is read as usual."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest

from transcript_tool.api import read_transcript
from transcript_tool.cli import main
from transcript_tool.errors import InputError

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE = SAMPLES / "behavioral-interview.txt"
REPORT = "the transcript it was made from"
SUMMARY = "the transcripts it was made from"
TABLE = "the transcripts named in its file column"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every kind of file the tool writes about SAMPLE (and a second sample)."""
    folder = tmp_path_factory.mktemp("outputs")
    for fmt, name in [
        ("json", "report.json"),
        ("html", "report.html"),
        ("markdown", "report.md"),
        ("terminal", "feedback.txt"),
        ("csv", "report.csv"),
        ("turns-csv", "report-turns.csv"),
    ]:
        assert main(["report", str(SAMPLE), "--format", fmt, "--output", str(folder / name)]) == 0
    inputs = folder / "in"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs)
    shutil.copy(SAMPLES / "data-analyst-screen.txt", inputs)
    for table, turns, summary in [
        ("results.csv", "turns.csv", "summary.md"),
        ("results.jsonl", "turns.jsonl", "summary.json"),
    ]:
        argv = ["batch", str(inputs), "--out", str(folder / table), "-q"]
        argv += ["--turns-out", str(folder / turns), "--summary-out", str(folder / summary)]
        assert main(argv) == 0
    for fmt, name in [("json", "transcript.json"), ("labeled", "transcript.txt")]:
        written = io.StringIO()
        with contextlib.redirect_stdout(written):
            assert main(["segment", str(SAMPLE), "--format", fmt]) == 0
        (folder / name).write_text(written.getvalue(), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("name", "what", "instead"),
    [
        ("report.json", "a JSON report", REPORT),
        ("report.html", "an HTML report", REPORT),
        ("report.md", "a Markdown report", REPORT),
        ("feedback.txt", "a report (the terminal's text)", REPORT),
        ("results.csv", "a results table", TABLE),
        ("results.jsonl", "a results table", TABLE),
        ("turns.csv", "a turns table", TABLE),
        ("turns.jsonl", "a turns table", TABLE),
        ("report.csv", "a results table", TABLE),
        ("report-turns.csv", "a turns table", TABLE),
        ("summary.md", "a batch summary (Markdown)", SUMMARY),
        ("summary.json", "a batch summary (JSON)", SUMMARY),
    ],
)
def test_the_tools_own_output_is_refused_saying_what_it_is(
    outputs: Path, name: str, what: str, instead: str
) -> None:
    with pytest.raises(InputError) as caught:
        read_transcript(outputs / name)
    assert caught.value.message == (
        f"this is {what} written by transcript-tool, not a transcript; pass {instead}"
    )


@pytest.mark.parametrize("name", ["transcript.json", "transcript.txt"])
def test_a_transcript_the_tool_wrote_is_read_back(outputs: Path, name: str) -> None:
    again = read_transcript(outputs / name)
    original = read_transcript(SAMPLE)
    assert [t.text for t in again.turns] == [t.text for t in original.turns]


def test_report_exits_2_with_one_line(outputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(outputs / "report.html")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "an HTML report written by transcript-tool" in err


def test_a_deeply_nested_first_line_is_left_to_the_json_reader(tmp_path: Path) -> None:
    # the check parsed any first line that looked like a JSON object: a deep
    # one raised RecursionError before the JSON reader's own depth check
    path = tmp_path / "deep.jsonl"
    path.write_text('{"id": ' + "[" * 100_000 + "}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_transcript(path)
    assert "transcript-tool" not in caught.value.message
