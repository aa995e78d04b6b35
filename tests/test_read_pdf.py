"""PDF transcripts (Otter's, Rev's, a Word transcript printed to PDF), read
as their text: a line per line of print, blank lines where the print leaves
a gap, page numbers and running headers and footers left out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pdfmake import lines_down, pdf, text_pdf
from pypdf import PdfReader, PdfWriter
from typer.testing import CliRunner

from transcript_tool import read_transcript
from transcript_tool.batch.inputs import find_inputs
from transcript_tool.cli import app
from transcript_tool.errors import InputError
from transcript_tool.readers.limits import MAX_INPUT_ENV, MAX_SEGMENTS_ENV
from transcript_tool.readers.pdf import _breaks, pdf_text

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def turns_of(path: Path) -> list[tuple[str, str, float | None]]:
    return [(t.speaker, t.text, t.start) for t in read_transcript(path).turns]


def text_of(data: bytes) -> str:
    return pdf_text(data, "transcript.pdf")


@pytest.mark.parametrize(
    "sample",
    [
        "behavioral-interview.txt",
        "named-speakers.txt",
        "otter-export.txt",
        "rev-interview.txt",
        "timestamped-lines.txt",
        "teams-meeting.vtt",
        "labeled-interview.srt",
        "youtube-studio-captions.sbv",
    ],
)
def test_a_transcript_printed_to_pdf_reads_as_the_transcript(sample: str, tmp_path: Path) -> None:
    """Each layout, printed with its long lines wrapped (a paragraph over
    several lines, words broken after hyphens) and its blank lines left as
    gaps, gives the turns the text file gives."""
    source = SAMPLES / sample
    printed = tmp_path / (sample + ".pdf")
    printed.write_bytes(text_pdf(source.read_text(encoding="utf-8-sig"), width=80))
    assert read_transcript(printed).format == read_transcript(source).format
    assert turns_of(printed) == turns_of(source)


def test_blank_lines_come_back_from_the_gaps_in_the_print() -> None:
    assert text_of(text_pdf("Interviewer: Hi.\nCandidate: Hello.\n\nInterviewer: Why us?")) == (
        "Interviewer: Hi.\nCandidate: Hello.\n\nInterviewer: Why us?"
    )


def test_otter_paragraphs_wrapped_over_many_lines_keep_their_speakers(tmp_path: Path) -> None:
    """In print, an Otter paragraph takes several lines, so the headers are
    fewer than a fifth of the lines; they still open the paragraphs."""
    answer = "I ran the night shift at a store of forty people, " * 8
    text = "\n\n".join(
        [
            "Priya Shah  0:03\nThanks for coming in. Tell me about your last job.",
            f"Sam Ortiz  0:09\n{answer}",
            "Priya Shah  1:02\nHow did you schedule the shifts?",
            f"Sam Ortiz  1:08\n{answer}",
            "Transcribed by https://otter.ai",
        ]
    )
    path = tmp_path / "otter.pdf"
    path.write_bytes(text_pdf(text, width=70))
    transcript = read_transcript(path)
    assert transcript.format == "otter"
    assert [(t.speaker, t.start) for t in transcript.turns] == [
        ("Priya Shah", 3.0),
        ("Sam Ortiz", 9.0),
        ("Priya Shah", 62.0),
        ("Sam Ortiz", 68.0),
    ]
    assert transcript.turns[1].text == answer.strip()


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("we sell e-\ncommerce kits", "we sell e-commerce kits"),
        ("about thirty-\nfive people", "about thirty-five people"),
        ("Candidate: I was going to-\nInterviewer: Sorry, go on.", None),
        ("we cut it by 2-\n3 days", None),
    ],
)
def test_a_word_broken_after_a_hyphen_is_joined_but_a_cut_off_is_not(
    printed: str, read: str | None
) -> None:
    assert text_of(text_pdf(printed)) == (printed if read is None else read)


@pytest.mark.parametrize(
    ("text", "breaks"),
    [
        ("to\ufffeInterviewer: Sorry?", [(3, 3)]),  # put back before a capital
        ("e\ufffecommerce", []),  # kept joined before a lowercase letter
        ("to\ufffe\r\nNext", [(3, 5)]),  # a line break already there: not two
        ("the end\ufffe", []),  # nothing after it: no empty line
    ],
)
def test_where_pdfium_joined_lines_at_a_hyphen(text: str, breaks: list[tuple[int, int]]) -> None:
    assert _breaks(text) == breaks


def test_ligature_glyphs_read_as_letters() -> None:
    assert text_of(text_pdf("Candidate: The ﬁrst ﬂoor.")) == "Candidate: The first floor."


def three_pages(top: str | None, bottom: str | None, body: list[list[str]]) -> bytes:
    pages = []
    for number, lines in enumerate(body, start=1):
        page = lines_down(lines)
        if top is not None:
            page.append((750.0, top.format(n=number, of=len(body))))
        if bottom is not None:
            page.append((40.0, bottom.format(n=number, of=len(body))))
        pages.append(page)
    return pdf(pages)


BODY = [
    ["Interviewer: Tell me about yourself.", "Candidate: I manage a cafe."],
    ["Interviewer: How many people?", "Candidate: Twelve, on two shifts."],
    ["Interviewer: Thanks.", "Candidate: Thank you."],
]
SAID = "\n".join(line for page in BODY for line in page)


@pytest.mark.parametrize(
    ("top", "bottom"),
    [
        (None, "{n}"),
        (None, "- {n} -"),
        (None, "Page {n}"),
        (None, "Page {n} of {of}"),
        ("{n} of {of}", None),
        ("{n}/{of}", None),
        ("Interview.mp3 (Completed 12/05/26)", "Page {n} of {of}"),
        ("Sam Ortiz - first round", "Transcript by Example Transcription Co. - page {n}"),
        ("CONFIDENTIAL", "{n}"),
    ],
)
def test_page_numbers_and_running_headers_are_left_out(top: str | None, bottom: str | None) -> None:
    assert text_of(three_pages(top, bottom, BODY)) == SAID


def test_page_numbers_after_an_unnumbered_cover_page_are_left_out() -> None:
    cover = lines_down(["Interview transcript", "Sam Ortiz, November 2026"])
    pages = [cover] + [[*lines_down(lines), (40.0, str(n))] for n, lines in enumerate(BODY, 1)]
    assert text_of(pdf(pages)) == "Interview transcript\nSam Ortiz, November 2026\n" + SAID


def test_a_number_said_at_the_foot_of_a_page_is_kept() -> None:
    """A number that does not count the pages is not a page number: here an
    answer that ends the first page, and another that ends the second."""
    pages = [
        lines_down(["Interviewer: How many stores?", "Candidate: Uh,", "7"]),
        lines_down(["Interviewer: And staff?", "Candidate: About", "40"]),
    ]
    assert text_of(pdf(pages)) == (
        "Interviewer: How many stores?\nCandidate: Uh,\n7\n"
        "Interviewer: And staff?\nCandidate: About\n40"
    )


def test_a_one_page_transcript_keeps_a_bare_number_but_not_page_1() -> None:
    said = ["Interviewer: Pick a number.", "Candidate:", "1"]
    assert text_of(pdf([lines_down(said)])) == "\n".join(said)
    assert text_of(pdf([[*lines_down(said[:2]), (40.0, "Page 1 of 1")]])) == "\n".join(said[:2])


def test_a_line_atop_every_page_that_is_also_said_elsewhere_is_kept() -> None:
    """The same words at the top of every page are furniture only when they
    are never said between a page's top and bottom lines."""
    pages = []
    for n in range(2):
        said = [f"Interviewer: Question {n}.{i}?\nCandidate: Answer {n}.{i}." for i in range(8)]
        pages.append(["Candidate: Yes.", *said[:4], "Candidate: Yes.", *said[4:]])
    text = "\n".join(line for page in pages for line in page)
    printed = pdf([lines_down("\n".join(page).split("\n")) for page in pages])
    assert text_of(printed) == text


def test_a_running_footer_that_repeats_the_title_takes_the_title_with_it() -> None:
    title = "Night shift interview - Sam Ortiz"
    pages = [
        [*lines_down([title, "", *BODY[0]]), (40.0, title), (28.0, "Page 1 of 2")],
        [*lines_down(BODY[1]), (40.0, title), (28.0, "Page 2 of 2")],
    ]
    assert text_of(pdf(pages)) == "\n".join([*BODY[0], *BODY[1]])


def test_report_of_a_pdf_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "screen.pdf"
    path.write_bytes(text_pdf((SAMPLES / "behavioral-interview.txt").read_text(), width=90))
    result = CliRunner().invoke(app, ["report", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"format": "text"' in result.output


def test_batch_reads_pdfs_in_a_folder_when_the_glob_asks(tmp_path: Path) -> None:
    """A folder of transcripts often holds slides and CVs as PDFs too, so
    batch reads PDFs only when ``--glob`` names them."""
    (tmp_path / "a.pdf").write_bytes(text_pdf("Interviewer: Hi.\nCandidate: Hello."))
    (tmp_path / "b.txt").write_text("Interviewer: Hi.\nCandidate: Hello.\n")
    assert [Path(found).name for found in find_inputs([str(tmp_path)])] == ["b.txt"]
    found = find_inputs([str(tmp_path)], glob="**/*.pdf")
    assert [Path(name).name for name in found] == ["a.pdf"]


def locked(data: bytes, user_password: str, algorithm: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_with_only_an_owner_password_is_read() -> None:
    """Many PDFs are "protected" against editing only: they open without a
    password, and so are read."""
    data = locked(text_pdf("Interviewer: Hi.\nCandidate: Hello."), "", "RC4-128")
    assert text_of(data) == "Interviewer: Hi.\nCandidate: Hello."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            locked(text_pdf("Interviewer: Hi."), "secret", "RC4-128"),
            "transcript.pdf: this PDF is password-protected; open it, save or print it as a PDF "
            "without a password (or export its text), and pass that",
        ),
        (
            pdf([[], []]),
            "transcript.pdf: this PDF has no text to read (a scanned image?); run it through "
            "OCR, or export the transcript as text, and pass that",
        ),
        (
            text_pdf("Interviewer: Hi.")[:300],
            "transcript.pdf: not a readable PDF (PDFium: Data format error); export the "
            "transcript as text and pass that",
        ),
        (
            b"Interviewer: Hi.\nCandidate: Hello.\n",
            "transcript.pdf: not a readable PDF (PDFium: Data format error); export the "
            "transcript as text and pass that",
        ),
    ],
    ids=["password", "scanned", "damaged", "text named .pdf"],
)
def test_a_pdf_that_cannot_be_read_is_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        text_of(data)
    assert str(caught.value) == message


def test_text_that_unpacks_past_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Compressed, a page of text is a fraction of its size: the limit is
    held on the text, page by page."""
    line = "Candidate: we kept the same words on every line of every page. " * 3
    data = pdf([lines_down([line] * 48)] * 4, compress=True)
    assert len(data) < 2_500
    monkeypatch.setenv(MAX_INPUT_ENV, "0.01")
    with pytest.raises(InputError) as caught:
        text_of(data)
    assert str(caught.value) == (
        "transcript.pdf: the PDF's text passes the 0.01 MB limit for one transcript "
        f"(by page 2 of 4); split it, or raise the limit with {MAX_INPUT_ENV}=1"
    )


def test_more_pages_than_a_transcript_may_have_pieces_are_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(MAX_SEGMENTS_ENV, "3")
    with pytest.raises(InputError) as caught:
        text_of(pdf([lines_down(["Candidate: Yes."])] * 4))
    assert str(caught.value) == (
        "transcript.pdf: 4 pages, more than the 3 one transcript may hold; split the file, "
        f"or raise the limit with {MAX_SEGMENTS_ENV}=4"
    )
