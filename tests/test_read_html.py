"""A web page saved as a transcript is read as its text, a line per block, in
whichever layout that text holds; a page the parser cannot read is one error
naming its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcript_tool.api import read_transcript
from transcript_tool.cli import main
from transcript_tool.readers.decode import decode
from transcript_tool.readers.html import html_text, is_html

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Episode 12: a café interview</title>
<style>p { margin: 0 }</style><script>var turns = "<p>Nobody: said this</p>";</script>
</head>
<body>
<nav>Home | Episodes</nav>
<h1>Transcript</h1>
<p><strong>Priya Shah:</strong> Thanks for coming in.
   What drew you to this role?</p>
<p><strong>Sam Ortiz:</strong> I&rsquo;ve run a caf&eacute; floor for two years
   &amp; I want to lead a team.<br>That&#39;s the short version.</p>
</body>
</html>
"""


def test_a_saved_page_is_read_as_its_labelled_text(tmp_path: Path) -> None:
    path = tmp_path / "episode-12.html"
    path.write_text(PAGE, encoding="utf-8")
    transcript = read_transcript(path)
    assert [(turn.speaker, turn.text) for turn in transcript.turns] == [
        ("Priya Shah", "Thanks for coming in. What drew you to this role?"),
        ("Sam Ortiz", "I\u2019ve run a café floor for two years & I want to lead a team. "
         "That's the short version."),
    ]  # fmt: skip
    words = " ".join(turn.text for turn in transcript.turns)
    assert "Nobody" not in words and "margin" not in words and "Episode 12" not in words
    assert any("before the first speaker label" in n for n in transcript.notices)


def test_pre_keeps_its_lines_and_blocks_each_start_one() -> None:
    page = "<html><body><pre>Interviewer: hi\nCandidate:  hello</pre><ul><li>a</li><li>b</li></ul>"
    assert html_text(page, "p.html") == "Interviewer: hi\nCandidate:  hello\na\nb\n"


@pytest.mark.parametrize(
    ("text", "name", "page"),
    [
        ("<!doctype html><p>x</p>", "t.txt", True),
        ("  <!-- saved --> <html><body>x", "t.txt", True),
        ("<p>Interviewer: hi</p>", "t.html", True),
        ("<p>Interviewer: hi</p>", "t.txt", False),  # a tag in a text file is its text
        ("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Priya>hi</v>\n", "t.vtt", False),
        ("Interviewer: hi", "t.html", False),  # no tag at all
    ],
)
def test_what_counts_as_a_web_page(text: str, name: str, page: bool) -> None:
    assert is_html(text, name) is page
    assert (decode(text.encode(), name) != text) is page


def test_a_page_the_parser_cannot_read_is_one_error_naming_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<!DOCTYPE html>\n<p>Interviewer: hi</p>\n<![<p>x\n", encoding="utf-8")
    assert main(["report", str(path)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0
    assert error.endswith(
        "broken.html:3: this web page could not be read (expected name token at '<![<p>x\\n'); "
        "save its text as a .txt file and pass that"
    )
