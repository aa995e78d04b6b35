"""Word documents (.docx): Teams' transcript download, and Meet's and Otter's
transcripts saved as Word, read as their text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from typer.testing import CliRunner

from transcript_tool import read_transcript
from transcript_tool.batch.inputs import find_inputs
from transcript_tool.cli import app
from transcript_tool.errors import InputError
from transcript_tool.readers.limits import MAX_INPUT_ENV


def word_file(tmp_path: Path, paragraphs: list[str], name: str = "transcript.docx") -> Path:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    path = tmp_path / name
    document.save(str(path))
    return path


def said(path: Path) -> list[tuple[str, str, float | None]]:
    return [(t.speaker, t.text, t.start) for t in read_transcript(path).turns]


def test_teams_word_transcript_reads_speakers_and_times(tmp_path: Path) -> None:
    path = word_file(
        tmp_path,
        [
            "Interview with Sam-20231115_140302-Meeting Recording",
            "November 15, 2023, 2:03PM",
            "Priya Shah started transcription",
            "Priya Shah   0:03",
            "Thanks for joining. Tell me about a project you led.",
            "Sam Ortiz   0:09",
            "Last spring I led the migration of our billing service.",
            "Priya Shah   0:20",
            "How did you measure it?",
            "Priya Shah stopped transcription",
        ],
    )
    transcript = read_transcript(path)
    assert transcript.format == "otter"
    assert said(path) == [
        ("Priya Shah", "Thanks for joining. Tell me about a project you led.", 3.0),
        ("Sam Ortiz", "Last spring I led the migration of our billing service.", 9.0),
        ("Priya Shah", "How did you measure it?", 20.0),
    ]
    assert [n for n in transcript.notices if not n.startswith("roles ")] == [
        "lines 1-2 before the first speaker line are not part of any turn",
        "line 3 ('Priya Shah started transcription') is not part of any turn",
        "line 10 ('Priya Shah stopped transcription') is not part of any turn",
    ]


# (speaker, start, text) of three turns, written in each layout below
TURNS = [
    ("Priya Shah", 3.0, "Tell me about a project you led."),
    ("Sam Ortiz", 9.0, "Last spring I led a migration."),
    ("Priya Shah", 20.0, "How did you measure it?"),
]


def test_line_breaks_inside_a_paragraph_are_lines(tmp_path: Path) -> None:
    """Teams' older Word transcript: timing, name and text in one paragraph."""
    document = docx.Document()
    for name, start, text in TURNS:
        run = document.add_paragraph().add_run(f"0:0:{start:.1f} --> 0:0:{start + 2:.1f}")
        run.add_break()
        run.add_text(name)
        run.add_break()
        run.add_text(text)
    path = tmp_path / "old-teams.docx"
    document.save(str(path))
    assert said(path) == [(name, text, start) for name, start, text in TURNS]


def test_a_table_of_name_time_and_text_reads_row_by_row(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=len(TURNS), cols=3)
    for row, (name, start, text) in zip(table.rows, TURNS, strict=True):
        for cell, written in zip(row.cells, [name, f"00:{start:02.0f}", text], strict=True):
            cell.text = written
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert said(path) == [(name, text, start) for name, start, text in TURNS]


def tracked(change: str, number: int, tag: str, said: str) -> BaseOxmlElement:
    """A tracked change (``w:ins``/``w:del``) of one run holding ``said``."""
    element = OxmlElement(change)
    element.set(qn("w:id"), str(number))
    element.set(qn("w:author"), "Coach")
    run = OxmlElement("w:r")
    text = OxmlElement(tag)
    text.text = said
    run.append(text)
    element.append(run)
    return element


def test_tracked_insertions_are_kept_and_deletions_left_out(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Interviewer: Tell me about a project you led.")
    paragraph = document.add_paragraph("Candidate: Last spring I led ")
    paragraph._p.append(tracked("w:ins", 1, "w:t", "the billing migration."))
    paragraph._p.append(tracked("w:del", 2, "w:delText", " a thing."))
    path = tmp_path / "edited.docx"
    document.save(str(path))
    assert [text for _, text, _ in said(path)] == [
        "Tell me about a project you led.",
        "Last spring I led the billing migration.",
    ]


def test_report_of_a_word_document_on_the_command_line(tmp_path: Path) -> None:
    path = word_file(
        tmp_path,
        [
            "Interviewer: Tell me about a project you led.",
            "Candidate: Last spring I led the migration of our billing service, because "
            "the old queue dropped messages.",
        ],
    )
    result = CliRunner().invoke(app, ["report", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert '"format": "text"' in result.stdout


def test_batch_finds_word_documents_in_a_folder(tmp_path: Path) -> None:
    word_file(tmp_path, ["Interviewer: Hi.", "Candidate: Hello."], "a.docx")
    (tmp_path / "b.txt").write_text("Interviewer: Hi.\nCandidate: Hello.\n", encoding="utf-8")
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04")
    assert [Path(p).name for p in find_inputs([str(tmp_path)])] == ["a.docx", "b.txt"]


def damaged_word() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    return buffer.getvalue()


def test_a_damaged_word_document_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(damaged_word())
    with pytest.raises(InputError) as caught:
        read_transcript(path)
    assert str(caught.value).startswith(f"{path}: not a readable Word document (")


def test_any_part_that_unpacks_past_the_limit_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = word_file(tmp_path, ["Interviewer: Hi.", "Candidate: Hello."])
    with zipfile.ZipFile(path, "a") as archive:  # a part no reader looks at, but python-docx
        archive.writestr("word/media/padding.bin", b"0" * 3_000_000, zipfile.ZIP_DEFLATED)
    monkeypatch.setenv(MAX_INPUT_ENV, "2")
    with pytest.raises(InputError) as caught:
        read_transcript(path)
    assert "the Word document unpacks to 3.8 MB, over the 2 MB limit" in str(caught.value)


def test_a_word_document_that_unpacks_past_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = word_file(tmp_path, ["Interviewer: " + "so " * 500_000])
    assert path.stat().st_size < 100_000  # the text compresses well
    monkeypatch.setenv(MAX_INPUT_ENV, "2")
    with pytest.raises(InputError) as caught:
        read_transcript(path)
    assert str(caught.value) == (
        f"{path}: the Word document unpacks to 2.3 MB, over the 2 MB limit for one "
        f"transcript; split it, or raise the limit with {MAX_INPUT_ENV}=3"
    )
