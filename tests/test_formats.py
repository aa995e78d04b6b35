"""The reader registry as a user meets it: `transcript-tool formats`, each
format's example, detection, and a wrong --input-format."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcript_tool.cli import app
from transcript_tool.errors import InputError, UsageError
from transcript_tool.readers import READERS, detect_reader, get_reader, read_text

runner = CliRunner()


@pytest.mark.parametrize("name", sorted(READERS))
def test_each_example_is_detected_as_its_own_format_and_reads(name: str) -> None:
    reader = READERS[name]
    example_file = "example" + reader.extensions[0]
    assert detect_reader(reader.example, example_file) is reader
    transcript = read_text(reader.example, example_file)
    assert transcript.turns, name
    said = " ".join(turn.text for turn in transcript.turns).split()
    assert all(word in reader.example for word in said), name  # nothing invented


def test_formats_lists_every_reader_with_its_example() -> None:
    result = runner.invoke(app, ["formats"])
    assert result.exit_code == 0
    blocks = result.stdout.split("\n\n")
    for reader in READERS.values():
        # the description, wrapped to 88 columns under a hanging indent
        block = next(b for b in blocks if b.startswith(f"{reader.name}: "))
        head = block.split("\n  files:", 1)[0]
        said = f"{reader.name}: {reader.description}"
        assert head.split() == said.split()
        first = next(line for line in reader.example.splitlines() if line.strip())
        assert f"  | {first}\n" in result.stdout
    assert "A Word document (.docx" in result.stdout  # read as text by any of them
    assert "so is a PDF" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 88


def test_formats_shows_one_format() -> None:
    result = runner.invoke(app, ["formats", "srt"])
    assert result.exit_code == 0
    assert result.stdout.startswith("srt: ")
    assert "vtt:" not in result.stdout and "Word document" not in result.stdout


def test_an_unknown_format_is_a_usage_error_listing_the_formats() -> None:
    names = ", ".join(sorted(READERS))
    with pytest.raises(UsageError) as caught:
        get_reader("docx")
    assert str(caught.value) == f"unknown input format 'docx'; available: {names}"
    result = runner.invoke(app, ["formats", "docx"])
    assert result.exit_code == 2
    assert f"unknown input format 'docx'; available: {names}" in result.stderr


# Each markup format's example, forced as each reader that is not its own:
# refused, naming the format it is (a .vtt forced as text read
# "00:00:07.661 --> 00:00:10.873" into every turn). The WebVTT and SubRip
# readers try each other's cues first (below), but not these, with a WEBVTT
# header or a comma in the times.
MARKUP = {
    "vtt": "a WebVTT caption file",
    "srt": "a SubRip (.srt) subtitle file",
    "sbv": "a SubViewer (.sbv) caption file",
    "json": "a JSON transcript",
    "csv": "a CSV/TSV table",
}


@pytest.mark.parametrize(
    ("markup", "forced"),
    [
        (markup, forced)
        for markup in sorted(MARKUP)
        for forced in sorted(READERS)
        if forced != markup
    ],
)
def test_a_caption_or_json_file_forced_as_another_format_is_refused(
    markup: str, forced: str
) -> None:
    reader = READERS[markup]
    name = "talk" + reader.extensions[0]
    with pytest.raises(InputError) as caught:
        read_text(reader.example, name, forced)
    first = next(n for n, line in enumerate(reader.example.splitlines(), 1) if line.strip())
    assert str(caught.value) == (
        f"{name}:{first}: this is {MARKUP[markup]}, not what --input-format {forced} reads;"
        f" read it with --input-format {markup}, or leave the format out"
    )


def test_srt_forced_on_webvtt_cues_with_no_header_reads_them() -> None:
    cues = "00:00:01.000 --> 00:00:02.000\nAna: Hi.\n\n00:00:03.000 --> 00:00:04.000\nBo: Hi.\n"
    for name in ("talk.vtt", "talk.txt"):
        for forced in ("srt", "vtt"):
            turns = read_text(cues, name, forced).turns
            assert [(t.speaker, t.text) for t in turns] == [("Ana", "Hi."), ("Bo", "Hi.")]


def test_forcing_text_on_text_that_another_reader_would_take_still_reads_it() -> None:
    # Rev's "Name: [00:00:03] text" is timed text, and labeled text too: the
    # override stays an override where the words are the words
    rev = "Noor: [00:00:03] Hi Elliot, can you hear me?\n\nElliot: [00:00:09] Yes, fine.\n"
    turns = read_text(rev, "rev.txt", "text").turns
    assert [t.speaker for t in turns] == ["Noor", "Elliot"]


def test_captions_forced_as_text_on_the_command_line_write_nothing(tmp_path: Path) -> None:
    path = tmp_path / "zoom.vtt"
    path.write_text(READERS["vtt"].example, encoding="utf-8")
    out = tmp_path / "report.json"
    result = runner.invoke(
        app, ["report", str(path), "--input-format", "text", "--format", "json", "-o", str(out)]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"transcript-tool: error: {path}:1: this is a WebVTT")
    assert len(result.stderr.splitlines()) == 1 and not out.exists()
