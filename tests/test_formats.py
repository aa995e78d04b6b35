"""The reader registry as a user meets it: `transcript-tool formats`, each
format's example, detection, and a wrong --input-format."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from transcript_tool.cli import app
from transcript_tool.errors import UsageError
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
