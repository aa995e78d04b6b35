"""Small PDFs for the tests, written by hand: each page a list of lines of
text in Helvetica, placed where a word processor would print them."""

from __future__ import annotations

import textwrap
import zlib
from collections.abc import Sequence

Line = tuple[float, str]  # (baseline height on the page, text); "" leaves the height empty
PAGE_HEIGHT = 792.0
LEFT = 72.0
# Glyphs WinAnsi lacks, put at unused codes with the font's /Differences.
_EXTRA = {"ﬁ": (30, "fi"), "ﬂ": (31, "fl")}


def lines_down(texts: Sequence[str], *, top: float = 720.0, step: float = 14.0) -> list[Line]:
    """``texts`` down the page from ``top``, ``step`` apart; an empty text
    leaves its line empty (a blank line of the source)."""
    return [(top - i * step, text) for i, text in enumerate(texts)]


def pdf(pages: Sequence[Sequence[Line]], *, size: float = 11.0, compress: bool = False) -> bytes:
    """A PDF of ``pages``, each a list of (height, text) lines. The text is
    written in WinAnsi (cp1252), so it may hold any character cp1252 has,
    and the ligatures ``ﬁ`` and ``ﬂ``. ``compress`` deflates the pages'
    content, as most PDF writers do."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{n} 0 R" for n in page_ids).encode()
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(pages))
    differences = " ".join(f"{code} /{glyph}" for code, glyph in _EXTRA.values()).encode()
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding "
        b"<< /BaseEncoding /WinAnsiEncoding /Differences [" + differences + b"] >> >>"
    )
    for page_id, lines in zip(page_ids, pages, strict=True):
        parts = [b"BT /F1 %.1f Tf" % size]
        for height, text in lines:
            if text:
                parts.append(b"1 0 0 1 %.2f %.2f Tm (%s) Tj" % (LEFT, height, _escaped(text)))
        parts.append(b"ET")
        stream = b"\n".join(parts)
        flate = b""
        if compress:
            stream, flate = zlib.compress(stream), b" /Filter /FlateDecode"
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 %d] " % PAGE_HEIGHT
            + b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_id + 1)
        )
        objects.append(
            b"<< /Length %d%s >>\nstream\n" % (len(stream), flate) + stream + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def text_pdf(
    text: str,
    *,
    per_page: int = 48,
    width: int | None = None,
    header: str | None = None,
    footer: str | None = None,
) -> bytes:
    """``text`` printed a line per line, ``per_page`` lines a page, with its
    blank lines left empty; with ``width``, each line wrapped at that many
    characters as a word processor wraps it (after a hyphen too). ``header``
    and ``footer`` are printed above and below each page's text, ``{n}`` and
    ``{of}`` in them the page's number and the count of pages."""
    lines = text.split("\n")
    if width is not None:
        lines = [part for line in lines for part in textwrap.wrap(line, width) or [""]]
    chunks = [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    pages = []
    for n, chunk in enumerate(chunks, start=1):
        page = lines_down(chunk)
        for height, furniture in ((750.0, header), (40.0, footer)):
            if furniture is not None:
                page.append((height, furniture.format(n=n, of=len(chunks))))
        pages.append(page)
    return pdf(pages)


def _escaped(text: str) -> bytes:
    for char, (code, _) in _EXTRA.items():
        text = text.replace(char, chr(code))
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
