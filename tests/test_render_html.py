"""The HTML report's structure, parsed with the standard library's html.parser.

Contracts (README "Report formats", docs/design.md "Report formats (issue 8)"):
one self-contained page (no script, no external link, font or image, a
Content-Security-Policy that forbids loading any), a timeline segment per
turn, a card per question, a section per criterion, the full transcript in
which every turn's text comes back exactly when the page is parsed (so every
piece of it was escaped), deterministic bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from transcript_tool import analyze, load_rubric, read_transcript, score
from transcript_tool.model import LOW_CONFIDENCE, Report
from transcript_tool.render.html import render_html

SAMPLES = ("behavioral-interview.txt", "mock-interview-raw-caption.txt", "zoom-meeting.vtt")
VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr", "area", "base", "col"}

HOSTILE = (
    "Interviewer: Hello <script>alert(1)</script> | *bold* tell me about yourself?\n"
    'Candidate: Sure "><img src=x onerror="document.title=\'pwned\'"> I built things '
    "because it mattered </title><script>alert(2)</script> & more.\n"
    "Interviewer: What was the hardest bug you fixed? <b>really</b>\n"
    "Candidate: A race condition, because of caching; see [link](javascript:alert(3)) "
    "`code` and <!-- a comment --> too.\n"
)
PAYLOADS = (  # markup if not escaped (a Markdown link is plain text in HTML)
    "<script>alert(1)</script>",
    '"><img src=x onerror="document.title=\'pwned\'">',
    "</title><script>alert(2)</script>",
    "<b>really</b>",
    "<!-- a comment -->",
)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: list[str] = field(default_factory=list)
    drawing: str = ""  # in the timeline: "across" (wide screens) or "upright" (phones)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class Page(HTMLParser):
    """Every element with its attributes, and the text of each turn's words
    (without the question badges), as the browser's parser would see them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.stack: list[Element] = []
        self.turn_text: dict[int, str] = {}
        self.comments: list[str] = []
        self.feed(html)
        self.close()

    def _element(self, tag: str, attrs: list[tuple[str, str | None]]) -> Element:
        drawings = [e.classes & {"across", "upright"} for e in self.stack if e.tag == "svg"]
        drawing = next((d.pop() for d in reversed(drawings) if d), "")
        return Element(tag, {k: v or "" for k, v in attrs}, drawing=drawing)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = self._element(tag, attrs)
        self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(self._element(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop().tag == tag:
                break

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text.append(data)
        if any("qlink" in e.classes for e in self.stack):
            return
        turn = next(
            (e for e in reversed(self.stack) if "turn" in e.classes and "id" in e.attrs), None
        )
        inside_words = any("words" in e.classes for e in self.stack)
        if turn is not None and inside_words:
            index = int(turn.attrs["id"].removeprefix("turn-"))
            self.turn_text[index] = self.turn_text.get(index, "") + data

    def select(self, tag: str, cls: str | None = None) -> list[Element]:
        return [e for e in self.elements if e.tag == tag and (cls is None or cls in e.classes)]


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    path = tmp_path_factory.mktemp("hostile") / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return score(analyze(read_transcript(path)), load_rubric("default"))


def assert_self_contained(page: Page) -> None:
    assert page.select("script") == []
    assert page.select("img") == [] and page.select("iframe") == [] and page.select("object") == []
    assert page.select("link") == []  # no stylesheet, font or icon from anywhere
    for element in page.elements:
        for name, value in element.attrs.items():
            assert not name.startswith("on"), (element.tag, name)
            if name in ("href", "src", "xlink:href", "action"):
                assert value.startswith("#"), (element.tag, name, value)
    (csp,) = [
        m for m in page.select("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert "default-src 'none'" in csp.attrs["content"]
    assert "script-src" not in csp.attrs["content"]  # so scripts fall back to 'none'


@pytest.mark.parametrize("sample", SAMPLES)
def test_structure_matches_the_report(sample: str, sample_report: Callable[[str], Report]) -> None:
    report = sample_report(sample)
    analysis = report.analysis
    html = render_html(report)
    page = Page(html)
    assert_self_contained(page)

    turns = analysis.transcript.turns
    uncertain = [t.index for t in turns if t.confidence < LOW_CONFIDENCE]
    asks = sorted({q.turn for q in analysis.questions})
    # the timeline, across for wide screens and upright for phones: the same turns
    for drawing in ("across", "upright"):
        segments = [s for s in page.select("rect", "segment") if s.drawing == drawing]
        assert [int(s.attrs["data-turn"]) for s in segments] == [t.index for t in turns]
        marked = [int(s.attrs["data-turn"]) for s in segments if "uncertain" in s.classes]
        assert marked == uncertain
        boundaries = [b for b in page.select("line", "boundary") if b.drawing == drawing]
        assert len(boundaries) == len(uncertain)
        assert [int(s.attrs["data-turn"]) for s in segments if "asks" in s.classes] == asks
        for segment, turn in zip(segments, turns, strict=True):  # hover shows who and what
            tooltip = "".join(segment.text)
            assert tooltip.startswith(f"Turn {turn.index} · {turn.speaker} ({turn.role})")
            assert " ".join(turn.text.split()[:5]) in tooltip
        marks = [m for m in page.select("polygon", "question-mark") if m.drawing == drawing]
        assert len(marks) == len(analysis.questions)

    cards = page.select("article", "question-card")
    assert sorted(int(c.attrs["data-question"]) for c in cards) == [
        q.index for q in analysis.questions
    ]
    for card in cards:  # each card's question links to its highlight in the transcript
        ids = {e.attrs.get("id") for e in page.elements}
        assert f"tq-{card.attrs['data-question']}" in ids
    answered = {q.index: q.answered for q in analysis.questions}
    for card in cards:
        assert f"answered-{answered[int(card.attrs['data-question'])]}" in card.classes

    assert len(page.select("section", "criterion")) == len(report.criteria)
    # the transcript: every turn, every word, exactly as read (so all was escaped)
    assert page.turn_text == {t.index: t.text for t in turns}
    highlighted = [m for m in page.select("mark", "q") if "id" in m.attrs]
    assert ["".join(m.text) for m in highlighted] == [q.text for q in analysis.questions]
    mentions = [m for m in page.select("mark", "concept") if "title" in m.attrs]
    assert len(mentions) >= len(analysis.mentions)
    links = {e.attrs["href"] for e in page.select("a") if "href" in e.attrs}
    ids = {e.attrs["id"] for e in page.elements if "id" in e.attrs}
    assert links <= {f"#{i}" for i in ids}, "every link points at an anchor on the page"


def test_inferred_speakers_are_said_with_their_confidence(
    sample_report: Callable[[str], Report],
) -> None:
    report = sample_report("mock-interview-raw-caption.txt")
    page = Page(render_html(report))
    (notice,) = [e for e in page.select("div", "notice")]
    text = " ".join("".join(notice.text).split())
    assert "Who said what was inferred, not read from speaker labels." in text
    assert "overall confidence 0." in text  # the segmenter's notice, word for word
    low = sum(1 for t in report.transcript.turns if t.confidence < LOW_CONFIDENCE)
    assert low > 1
    assert f"{low} turns whose speaker or boundary has a confidence below 0.6" in text
    labeled = Page(render_html(sample_report("behavioral-interview.txt")))
    assert labeled.select("div", "notice") == []


def test_hostile_text_is_escaped_everywhere(hostile_report: Report) -> None:
    html = render_html(hostile_report)
    for payload in PAYLOADS:
        assert payload not in html
    page = Page(html)
    assert_self_contained(page)
    assert page.comments == []
    turns = hostile_report.transcript.turns
    assert "<script>alert(1)</script>" in turns[0].text  # the reader kept the text
    assert page.turn_text == {t.index: t.text for t in turns}
    title = "".join(page.select("title")[0].text)
    assert title == f"Interview report: {hostile_report.transcript.source}"
    tooltips = ["".join(s.text) for s in page.select("rect", "segment")]
    assert "</title><script>alert(2)</script>" in tooltips[1]
    cards = ["".join(e.text) for e in page.select("p", "question-text")]
    assert cards[0] == turns[0].text


def test_output_is_deterministic(sample_report: Callable[[str], Report]) -> None:
    report = sample_report("zoom-meeting.vtt")
    assert render_html(report) == render_html(report)


def test_concept_mentions_are_highlighted_and_cards_name_the_concepts() -> None:
    rubric = load_rubric("ml-design")
    transcript = read_transcript(Path(__file__).parent.parent / "samples" / "ml-case-interview.txt")
    report = score(analyze(transcript, concepts=rubric.concepts), rubric)
    analysis = report.analysis
    assert analysis.mentions and analysis.exchange_concepts
    page = Page(render_html(report))
    labels = {c.id: c.label for c in analysis.concepts}
    marks = [m for m in page.select("mark", "concept") if "title" in m.attrs]
    said = [("".join(m.text), m.attrs["title"]) for m in marks]
    assert {title for _, title in said} == {
        f"concept: {labels[m.concept]}" for m in analysis.mentions
    }
    covered: dict[int, set[int]] = {}  # overlapping mentions: every character said once
    for mention in analysis.mentions:
        covered.setdefault(mention.turn, set()).update(range(mention.start, mention.end))
    turns = analysis.transcript.turns
    expected = "".join(turns[t].text[c] for t in sorted(covered) for c in sorted(covered[t]))
    assert "".join(text for text, _ in said) == expected
    missing = [labels[c] for item in analysis.exchange_concepts for c in item.missing]
    shown = ["".join(e.text) for e in page.select("li", "concept-no")]
    assert sorted(shown) == sorted(missing)
    assert page.turn_text == {t.index: t.text for t in analysis.transcript.turns}


def test_a_short_clip_has_a_tick_every_second(file_report: Callable[[str, str], Report]) -> None:
    """The time axis of a 2.5-second clip is ticked 0:00, 0:01, 0:02 (it had
    only 0:00: the shortest step was 5 s)."""
    report = file_report(
        "clip.vtt",
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nInterviewer: Ready?\n\n"
        "00:00:01.000 --> 00:00:02.500\nCandidate: Yes, I am.\n",
    )
    page = Page(render_html(report))
    for drawing in ("across", "upright"):
        ticks = ["".join(e.text) for e in page.select("text", "tick") if e.drawing == drawing]
        assert ticks == ["0:00", "0:01", "0:02", "min:sec"]


def test_the_upright_timeline_runs_down_the_page_a_column_per_lane(
    sample_report: Callable[[str], Report],
) -> None:
    """For a phone: each turn in its speaker's column, in order from the top,
    as long as its words, the whole conversation within the drawing."""
    from transcript_tool.render.html import UPRIGHT_LENGTH, report_context

    report = sample_report("nurse-panel-interview.txt")
    upright = report_context(report)["upright"]
    assert [lane.label for lane in upright.lanes] == ["Dr. Okafor", "Janet Wu", "candidate"]
    columns = [float(lane.x) for lane in upright.lanes]
    assert columns == sorted(columns) and float(upright.lane_width) * 3 < upright.width
    tops = [float(s.y) for s in upright.segments]
    assert tops == sorted(tops) and tops[0] == upright.top
    ends = [float(s.y) + float(s.height) for s in upright.segments]
    assert abs(max(ends) - upright.bottom) < 0.01 and upright.bottom - upright.top == UPRIGHT_LENGTH
    for segment in upright.segments:
        assert float(segment.x) == columns[segment.lane]
    words = {s.turn: float(s.height) for s in upright.segments}
    longest = max(report.transcript.turns, key=lambda t: len(t.text.split()))
    assert words[longest.index] == max(words.values())
