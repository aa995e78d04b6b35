"""The Markdown report: what a transcript can and cannot do to it.

The golden files (tests/test_golden.py) pin the whole document for two
samples; here the Markdown is rendered by a CommonMark parser with GitHub's
table and strikethrough extensions and raw HTML allowed (markdown-it-py, which
rich already depends on), and the result is checked: no element that the
transcript's text could have created, every turn's words back exactly, one
table row per question with the right number of cells.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from transcript_tool import analyze, load_rubric, read_transcript, score
from transcript_tool.model import Report, count_text_words
from transcript_tool.readers import read_text
from transcript_tool.render.cards import Quote, cuts
from transcript_tool.render.html import render_html
from transcript_tool.render.markdown import escape, render_markdown

HOSTILE = (
    "Interviewer: Hello <script>alert(1)</script> | *bold* _it_ tell me about yourself?\n"
    'Candidate: Sure "><img src=x onerror="document.title=\'pwned\'"> I built ~~it~~ '
    "because it mattered &amp; more | a | b.\n"
    "Interviewer: What was the hardest bug you fixed? <b>really</b>\n"
    "Candidate: 1. A race condition, because of caching; see [link](javascript:alert(3)) "
    "![img](x.png) `code` <https://example.com> and <!-- a comment --> \\*too\\*.\n"
)


class Elements(HTMLParser):
    """The tags of rendered HTML, and the text of each paragraph."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.paragraphs: list[str] = []
        self.depth = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "p":
            self.paragraphs.append("")
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self.depth -= 1

    def handle_comment(self, data: str) -> None:
        self.tags.append("!--")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.paragraphs[-1] += data


def rendered(markdown: str) -> str:
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return parser.render(markdown)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Report:
    path = tmp_path_factory.mktemp("hostile") / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return score(analyze(read_transcript(path)), load_rubric("default"))


def transcript_paragraphs(report: Report, elements: Elements) -> dict[int, str]:
    """Turn index -> its words as rendered (the badges ``[Q1]`` taken out)."""
    found = {}
    for paragraph in elements.paragraphs:
        match = re.match(r"^(.+?) \((?:interviewer|candidate|other) · turn (\d+).*?\): ", paragraph)
        if match:
            found[int(match.group(2))] = re.sub(r"\[Q\d+\] ", "", paragraph[match.end() :])
    return found


def test_hostile_text_renders_literally(hostile: Report) -> None:
    markdown = render_markdown(hostile)
    assert "<" not in markdown  # not one tag: every < of the transcript is &lt;
    elements = Elements(rendered(markdown))
    allowed = {"h1", "h2", "h3", "p", "strong", "em", "ul", "li", "table", "thead", "tbody"}
    allowed |= {"tr", "th", "td", "blockquote", "pre", "code", "br"}
    assert set(elements.tags) <= allowed, set(elements.tags) - allowed
    turns = hostile.transcript.turns
    assert "<script>alert(1)</script>" in turns[0].text and "![img](x.png)" in turns[3].text
    assert transcript_paragraphs(hostile, elements) == {t.index: t.text for t in turns}
    # the `code` of the transcript is text, not a code span; the only code is ours
    assert elements.tags.count("code") == 1 + len(hostile.criteria)  # timeline + score bars


@pytest.mark.parametrize("sample", ["behavioral-interview.txt", "mock-interview-raw-caption.txt"])
def test_document_matches_the_report(sample: str, sample_report: Callable[[str], Report]) -> None:
    report = sample_report(sample)
    markdown = render_markdown(report)
    assert markdown == render_markdown(report)
    elements = Elements(rendered(markdown))
    turns = report.transcript.turns
    assert transcript_paragraphs(report, elements) == {
        t.index: " ".join(t.text.split()) for t in turns
    }
    rows = [line for line in markdown.splitlines() if re.match(r"^\| Q\d+ \|", line)]
    assert len(rows) == len(report.analysis.questions)
    for row in rows:  # 8 cells: no pipe of the transcript splits a cell
        assert len(re.findall(r"(?<!\\)\|", row)) == 9, row
    answers = [re.search(r"\| (\d+) words[^|(]*\(turns? ([\d, ]+)\)", row) for row in rows]
    for found in filter(None, answers):  # the answer's words, as the header counts them
        answering = [int(t) for t in found[2].split(",")]
        assert int(found[1]) == sum(count_text_words(turns[t].text) for t in answering)
    assert any(answers)
    criteria = [
        line for line in markdown.splitlines() if line.startswith("### ") and "/100 (" in line
    ]
    assert len(criteria) == len(report.criteria)
    (fence_open,) = [i for i, line in enumerate(markdown.splitlines()) if line == "```text"]
    lanes = {lane for lane in ("interviewer", "candidate")}
    timeline = markdown.splitlines()[fence_open + 1 : fence_open + 4]
    assert {line.split()[0] for line in timeline} >= lanes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a | b", "a \\| b"),
        ("*x* _y_ `z` ~~w~~", "\\*x\\* \\_y\\_ \\`z\\` \\~\\~w\\~\\~"),
        ("<script>&amp;", "&lt;script&gt;&amp;amp;"),
        ("[a](b) ![c](d)", "\\[a\\](b) !\\[c\\](d)"),
        ("back\\slash", "back\\\\slash"),
        ("1. first", "1\\. first"),
        ("- item", "\\- item"),
        ("# heading", "\\# heading"),
        ("line\nbreak  and\tspace", "line break and space"),
        ("don't (really)", "don't (really)"),
    ],
)
def test_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


def test_fence_outlasts_backticks_in_speaker_labels(
    sample_report: Callable[[str], Report],
) -> None:
    report = sample_report("behavioral-interview.txt")
    transcript = report.transcript
    # speakers labelled with backticks, and "other" so that lanes show the labels
    renamed = {s.id: f"````{s.id}" for s in transcript.speakers}
    transcript = replace(
        transcript,
        speakers=tuple(replace(s, id=renamed[s.id], role="other") for s in transcript.speakers),
        turns=tuple(replace(t, speaker=renamed[t.speaker], role="other") for t in transcript.turns),
    )
    odd = replace(report, analysis=replace(report.analysis, transcript=transcript))
    markdown = render_markdown(odd)
    assert "\n`````text\n" in markdown and "\n  ````Intervie" in markdown
    html = rendered(markdown)
    assert html.count("<pre>") == 1 and html.count("</pre>") == 1
    assert "````Intervie" in html.split("<pre>")[1].split("</pre>")[0]


TURN = "Sure. I led the move to Postgres, and we cut costs by half. It took a year."


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (TURN, TURN),  # the whole turn
        ("Sure. I led the move to Postgres, and", "Sure. I led the move to Postgres, and…"),
        ("Sure. I led the move to Postgres,", "Sure. I led the move to Postgres…"),
        (
            "I led the move to Postgres, and we cut costs by half.",
            "I led the move to Postgres, and we cut costs by half.",
        ),  # whole sentences: nothing left out of them
        ("the move to Postgres", "…the move to Postgres…"),
        ("It took a year.", "It took a year."),
        ("a year.", "…a year."),
        ("not in the turn", "not in the turn"),
    ],
)
def test_a_quote_marks_the_words_it_leaves_out(quote: str, expected: str) -> None:
    before, after = cuts(TURN, quote)
    assert Quote(3, quote, "", "neutral", "", before, after).shown == expected


def test_quotes_show_an_ellipsis_where_they_cut_a_sentence(
    sample_report: Callable[[str], Report],
) -> None:
    # the behavioral sample's answer quoted for "at the end of the day", said 3 times
    markdown = render_markdown(sample_report("behavioral-interview.txt"))
    assert "> “…at the end of the day…”  \n> — turn 11" in markdown
    assert "> “at the end of the day”" not in markdown


def test_a_labelled_transcript_with_inferred_roles_says_only_the_roles_were(
    sample_report: Callable[[str], Report],
) -> None:
    # Otter names who spoke; only who interviewed was worked out
    markdown = render_markdown(sample_report("otter-export.txt"))
    assert "> **The roles were inferred: the speaker labels say who spoke" in markdown
    assert "Who said what was inferred" not in markdown
    caption = render_markdown(sample_report("raw-caption.srt"))
    assert "> **Who said what was inferred, not read from speaker labels.**" in caption


def test_the_correction_command_is_code_to_copy_whole(tmp_path: Path) -> None:
    """The notice's command reads back from the rendered Markdown and HTML
    as one piece of code, the file's backticks, quotes and ``>`` literal."""
    path = tmp_path / "my `odd` caption.txt"
    path.write_text(
        "so tell me about yourself i have worked in support for three years\n", encoding="utf-8"
    )
    report = score(analyze(read_transcript(path)), load_rubric("default"))
    command = f"transcript-tool segment '{path}' --format labeled > fixed.txt"
    assert any(notice.endswith(command) for notice in report.transcript.notices)
    for page in (rendered(render_markdown(report)), render_html(report)):
        codes = [html.unescape(code) for code in re.findall(r"<code>(.*?)</code>", page)]
        assert command in codes


def test_the_summary_says_nothing_was_scored_and_counts_one_uncertain_turn() -> None:
    """A caption of backchannels scores no criterion: the summary says so once
    (it said "Every criterion is in its best band"), and one uncertain turn
    "is marked" ("1 turn ... are marked" before), here and in the HTML."""
    caption = read_text("yeah yeah okay mm-hmm yeah right okay\n", "caption.txt")
    assert len(caption.turns) >= 2  # the segmenter's turns; exactly one made uncertain
    turns = tuple(
        replace(turn, confidence=0.3 if i == 1 else 1.0) for i, turn in enumerate(caption.turns)
    )
    report = score(analyze(replace(caption, turns=turns)), load_rubric("default"))
    assert all(c.score is None for c in report.criteria)
    markdown = render_markdown(report)
    assert markdown.count("No criterion could be scored.") == 1
    assert "best band" not in markdown and "### What went well" not in markdown
    assert (
        "1 turn whose speaker or boundary has a confidence below 0.6 is marked “uncertain”: "
        "check it before relying on the feedback about it." in markdown
    )
    assert "1 turn whose speaker or boundary has a confidence below 0.6 is hatched" in (
        render_html(report)
    )


def test_every_criterion_in_its_best_band_means_every_one_that_was_scored(
    sample_report: Callable[[str], Report],
) -> None:
    report = sample_report("behavioral-interview.txt")
    first, *rest = report.criteria
    unscored = replace(first, score=None, value=None, band="not scored", evidence=())
    best = replace(
        report,
        criteria=(unscored, *rest),
        strengths=tuple(c.id for c in rest),
        improvements=(),
    )
    markdown = render_markdown(best)
    assert "### What to work on\n\nEvery criterion that could be scored is in its best band.\n" in (
        markdown
    )
    scored = replace(report, strengths=tuple(c.id for c in report.criteria), improvements=())
    everyone = "### What to work on\n\nEvery criterion is in its best band.\n"
    assert everyone in render_markdown(scored)


def test_a_one_word_answer_is_one_word_everywhere(
    file_report: Callable[[str, str], Report],
) -> None:
    """The evidence notes, the timing table and the question card of a
    one-word answer say "1 word" ("answered in 1 words", "1 words, 0:01",
    "Answer: 1 words" before). The rubric's own templates ("a median of 1
    words") cannot agree with a count (docs/rubrics.md)."""
    report = file_report(
        "name.vtt",
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nInterviewer: What is your name?\n\n"
        "00:00:02.000 --> 00:00:03.000\nCandidate: Sam.\n",
    )
    markdown = render_markdown(report)
    assert "> — turn 1 · answered in 1 word\n" in markdown
    assert "> — turn 1 · 1 word with 0 reasoning markers (about 4 per 100 words" in markdown
    assert "| 1 word, 0:01 (turn 1) |" in markdown
    assert "| candidate | 1 (20%) | 0:01 (33%) | 60 | 1 word, 0:01 |" in markdown
    html = render_html(report)
    assert "Answer: 1 word, 0:01 in" in html
    assert "1 words" not in html.replace("a median of 1 words", "")
