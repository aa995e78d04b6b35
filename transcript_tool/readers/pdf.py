"""A PDF transcript to text, read with pypdfium2 (PDFium, the PDF engine of
Chromium).

Otter, Rev, Descript and Teams (printed from Word) give their transcripts as
PDF, and a transcript sent to a candidate is often one. Each page's text is
taken in PDFium's reading order, a line per line of print, and the pages are
joined; that text is then sniffed like a .txt, as a Word document's is, so
every text layout works inside it:

- a paragraph wrapped over several lines of print stays several lines (the
  readers take a line with no speaker label or time as more of the turn
  above it); PDFium joins a word broken after a hyphen at the end of a line
  (``e-`` / ``commerce``) and marks the hyphen U+FFFE, read as ``-``;
- where the space between two lines is clearly larger than between the
  page's lines of one paragraph (more than 1.4 times the usual spacing), a
  blank line stands between them, as the blank lines of the text the PDF was
  made from did (caption files and Otter's layout need them).

Page furniture is left out, because it was never said:

- a page number alone on a line among the two highest or two lowest lines of
  a page (``3``, ``- 3 -``, ``Page 3``, ``Page 3 of 9``, ``3 of 9``,
  ``3/9``) when it is that page's number: a number must count up with the
  pages on at least two pages (an offset such as an unnumbered cover page is
  fine), or, on a one-page document, say "page", "of" or "/" or stand in
  dashes;
- a running header or footer: a line among the three highest or three
  lowest of at least half the pages (two or more), the page's own number
  aside (``Interview.mp3 (Completed 12/05/26) Page 3 of 9``), that appears
  nowhere between the three highest and three lowest lines of a page (a
  title at the top of the first page that the running line repeats goes
  with it).

A no-break space is a space (a web page's text has them as spaces too);
nothing else in the text is changed (PDFium itself gives ligatures such as
``ﬁ`` as their letters). Line numbers in messages count the lines of this
text.

A PDF with no text layer (a scan), a password-protected one, a damaged one,
one with more pages than a transcript may have pieces
(``TRANSCRIPT_TOOL_MAX_SEGMENTS``), or one whose text would pass the input
limit (``TRANSCRIPT_TOOL_MAX_INPUT_MB``) is refused with one message saying so.
"""

from __future__ import annotations

import itertools
import math
import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import InputError, one_line
from .limits import MAX_INPUT_ENV, MB, check_segments, max_input_bytes

if TYPE_CHECKING:
    from pypdfium2 import PdfTextPage  # type: ignore[import-untyped]

_SIGNATURE = b"%PDF-"
_EDGE_NUMBER = 2  # lines at the top and bottom of a page where a page number may stand
_EDGE_RUNNING = 3  # ... and a running header or footer
_PARAGRAPH_GAP = 1.4  # a blank line where lines are this much further apart than usual
_DASH = "-–—"
_PAGE_NUMBER = re.compile(
    rf"^\s*(?:[{_DASH}]\s*)?(?:page\s+)?(?P<n>[0-9]{{1,5}})"
    rf"(?:\s*(?:of|/)\s*[0-9]{{1,5}})?(?:\s*[{_DASH}])?\s*$",
    re.IGNORECASE,
)
_SAYS_PAGE = re.compile(rf"page|of|/|[{_DASH}]", re.IGNORECASE)
_LINE_END = re.compile(r"\r\n|\r|\n")
_JOINED_HYPHEN = re.compile("\ufffe")
_MARKS = str.maketrans({"\ufffe": "-", "\xa0": " "})
_PDFIUM = threading.Lock()  # PDFium is not thread-safe


@dataclass(frozen=True)
class _Line:
    """One line of print: its text and, when PDFium placed it, the bottom of
    its first and of its last character (PDF units, upwards; they differ
    where PDFium joined two lines of print at a hyphen)."""

    text: str
    bottom: float | None = None
    last: float | None = None


def is_pdf(data: bytes, source: str) -> bool:
    """Whether ``data`` is a PDF: it opens with ``%PDF-``, or is named .pdf
    (then damage is reported as such)."""
    return data.startswith(_SIGNATURE) or source.lower().endswith(".pdf")


def pdf_text(data: bytes, source: str) -> str:
    """The text of the PDF ``data`` (see the module docstring); InputError for
    a PDF that has no text, is locked, is damaged, or holds more text than
    the limit."""
    pages = _pages(data, source)
    if not any(line.text.strip() for page in pages for line in page):
        raise InputError(
            "this PDF has no text to read (a scanned image?); run it through OCR, "
            "or export the transcript as text, and pass that",
            source=source,
        )
    furniture = _page_numbers(pages) | _running(pages)
    lines: list[str] = []
    for p, page in enumerate(pages):
        kept = [line for i, line in enumerate(page) if (p, i) not in furniture]
        lines.extend(_with_paragraphs(kept))
    return "\n".join(lines).translate(_MARKS)


def _pages(data: bytes, source: str) -> list[list[_Line]]:
    """Each page's lines of print, in PDFium's order."""
    import pypdfium2 as pdfium  # only for a PDF

    limit = max_input_bytes()
    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            if "password" in str(error).lower():
                raise InputError(
                    "this PDF is password-protected; open it, save or print it as a PDF "
                    "without a password (or export its text), and pass that",
                    source=source,
                ) from None
            raise _damaged(str(error), source) from None
        try:
            pages: list[list[_Line]] = []
            size = 0
            count = len(document)
            check_segments(count, "pages", source)  # a page takes PDFium about 0.5 ms
            for index in range(count):
                page = document[index]
                textpage = page.get_textpage()
                try:
                    pages.append(_lines(textpage))
                finally:
                    textpage.close()
                    page.close()
                size += sum(len(line.text) + 1 for line in pages[-1])
                if size > limit:
                    whole = size * count / len(pages)
                    raise InputError(
                        f"the PDF's text passes the {limit / MB:g} MB limit for one transcript "
                        f"(by page {len(pages)} of {count}); split it, or raise the limit "
                        f"with {MAX_INPUT_ENV}={math.ceil(whole / MB)}",
                        source=source,
                    )
            return pages
        except pdfium.PdfiumError as error:
            raise _damaged(str(error), source) from None
        finally:
            document.close()


def _damaged(why: str, source: str) -> InputError:
    why = one_line(why).removeprefix("Failed to load document ").strip("(). ") or "unknown error"
    return InputError(
        f"not a readable PDF ({why[:120]}); export the transcript as text and pass that",
        source=source,
    )


def _lines(textpage: PdfTextPage) -> list[_Line]:
    """The page's lines, each placed by its first and last characters that
    are not spaces (unplaced when PDFium's text does not line up with its
    characters)."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count, errors="replace") if count > 0 else ""
    placed = len(text) == count
    lines: list[_Line] = []
    start = 0
    for end, after in [*_breaks(text), (len(text), len(text))]:
        line = text[start:end]
        first = start + (len(line) - len(line.lstrip()))
        last = start + len(line.rstrip()) - 1
        if placed and first < end:
            bottom = textpage.get_charbox(first, loose=True)[1]
            lines.append(_Line(line, bottom, textpage.get_charbox(last, loose=True)[1]))
        else:
            lines.append(_Line(line))
        start = after
    return lines


def _breaks(text: str) -> list[tuple[int, int]]:
    """(end, start of the next) of each line break in ``text``. PDFium joins
    a line that ends in a hyphen to the next, marking the hyphen U+FFFE:
    right for ``e-`` / ``commerce``, so the break stays out where a lowercase
    letter follows; not for ``I was going to-`` / ``Interviewer: ...``, so it
    is put back before anything else."""
    found = [(match.start(), match.end()) for match in _LINE_END.finditer(text)]
    for match in _JOINED_HYPHEN.finditer(text):
        following = text[match.end() : match.end() + 1]
        if following and following not in "\r\n" and not following.islower():
            found.append((match.end(), match.end()))
    return sorted(found)


def _with_paragraphs(lines: Sequence[_Line]) -> list[str]:
    """The lines' texts, a blank line where two lines stand further apart
    than the page's usual spacing (module docstring)."""
    steps = [_step(above, below) for above, below in itertools.pairwise(lines)]
    usual = _usual([step for step in steps if step is not None and step > 0])
    texts: list[str] = []
    for i, line in enumerate(lines):
        step = steps[i - 1] if i else None
        if usual and step is not None and step > _PARAGRAPH_GAP * usual and texts[-1].strip():
            texts.append("")
        texts.append(line.text.rstrip())
    return texts


def _step(above: _Line, below: _Line) -> float | None:
    """How far down the page ``below`` begins from where ``above`` ends."""
    if above.last is None or below.bottom is None:
        return None
    return above.last - below.bottom


def _usual(steps: Sequence[float]) -> float | None:
    """The usual distance between two lines of a paragraph: the step down
    that a fifth of the steps are shorter than (most lines follow the one
    above them in a paragraph, and a blank line only ever adds to a step)."""
    if len(steps) < 2:
        return None
    return sorted(steps)[len(steps) // 5]


def _edges(page: Sequence[_Line], width: int) -> list[int]:
    """The indexes of the ``width`` highest and lowest non-blank lines (by
    place on the page; by order where PDFium did not place them)."""
    filled = [i for i, line in enumerate(page) if line.text.strip()]
    if all(page[i].bottom is not None for i in filled):
        filled.sort(key=lambda i: -(page[i].bottom or 0.0))
    if len(filled) <= 2 * width:
        return filled
    return filled[:width] + filled[-width:]


def _page_numbers(pages: Sequence[Sequence[_Line]]) -> set[tuple[int, int]]:
    """(page, line) of the lines that are their page's number (module docstring)."""
    found: dict[tuple[int, int], int] = {}  # (page, line) -> offset from the page's position
    for p, page in enumerate(pages):
        for i in _edges(page, _EDGE_NUMBER):
            number = _PAGE_NUMBER.match(page[i].text)
            if number:
                found[(p, i)] = int(number["n"]) - (p + 1)
    if len(pages) == 1:
        return {
            place
            for place, offset in found.items()
            if offset == 0 and _SAYS_PAGE.search(pages[0][place[1]].text)
        }
    pages_at = Counter(offset for _, offset in {(p, offset) for (p, _), offset in found.items()})
    return {place for place, offset in found.items() if pages_at[offset] >= 2}


def _running(pages: Sequence[Sequence[_Line]]) -> set[tuple[int, int]]:
    """(page, line) of the running headers and footers (module docstring)."""
    if len(pages) < 2:
        return set()
    keys: dict[tuple[int, int], str] = {}  # each line's text, its page's own number as "#"
    for p, page in enumerate(pages):
        for i, line in enumerate(page):
            keys[(p, i)] = _without_number(" ".join(line.text.split()), p + 1)
    edges = {(p, i) for p, page in enumerate(pages) for i in _edges(page, _EDGE_RUNNING)}
    pages_with = Counter(key for _, key in {(p, keys[(p, i)]) for p, i in edges})
    needed = max(2, math.ceil(len(pages) / 2))
    between = {key for place, key in keys.items() if place not in edges}
    return {
        place
        for place in edges
        if keys[place] and pages_with[keys[place]] >= needed and keys[place] not in between
    }


def _without_number(text: str, number: int) -> str:
    """``text`` with the page's own ``number`` as "#", and so the count of
    pages after it ("Page 5 of 5" and "Page 2 of 5" alike "Page # of #")."""
    text = re.sub(rf"(?<!\w){number}(\s*(?:of|/)\s*)[0-9]+(?!\w)", r"#\1#", text, flags=re.I)
    return re.sub(rf"(?<!\w){number}(?!\w)", "#", text)
