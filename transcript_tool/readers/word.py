"""Word documents (.docx) to text, read with python-docx.

Teams offers its meeting transcripts as a Word document, and Google Meet's
and Otter's are often saved as one. The document's text is what the readers
sniff and read, as if it had been saved as a .txt: one line for each
paragraph (a line break inside a paragraph starts a new line; a tab stays a
tab), and for each row of a table, one line for each cell. Page headers,
footers, comments and tracked deletions are not part of the text. A line
number in a message about a Word document counts these lines.

The document's parts together may be at most as large, unzipped, as the
largest input (``TRANSCRIPT_TOOL_MAX_INPUT_MB``), so that a small file cannot
unpack into more than the tool reads (zipfile reads no part past the size its
archive declares); python-docx parses them without resolving entities.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..errors import InputError, one_line
from .limits import MAX_INPUT_ENV, MB, max_input_bytes

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

_MAIN_PART = "word/document.xml"
# What zipfile raises on damaged archives (NotImplementedError: an unknown zip version).
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError)


def is_word(data: bytes, source: str) -> bool:
    """Whether ``data`` is a ZIP archive meant as a Word document: named
    ``.docx`` (then damage is reported as such) or holding a Word document's
    main part."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    if source.lower().endswith(".docx"):
        return True
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _MAIN_PART in archive.namelist()
    except _ZIP_ERRORS:
        return False


def word_text(data: bytes, source: str) -> str:
    """The text of the Word document ``data``, a line per paragraph (see the
    module docstring); InputError for a damaged or oversized document."""
    import docx  # slow to import: only for a Word document

    limit = max_input_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.getinfo(_MAIN_PART)  # KeyError when there is none
            size = sum(info.file_size for info in archive.infolist())
    except (*_ZIP_ERRORS, KeyError) as error:
        raise _damaged(error, source) from None
    if size > limit:
        raise InputError(
            f"the Word document unpacks to {size / MB:,.1f} MB, over the {limit / MB:g} MB "
            f"limit for one transcript; split it, or raise the limit with "
            f"{MAX_INPUT_ENV}={math.ceil(size / MB)}",
            source=source,
        )
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_lines(document.iter_inner_content()))
    except Exception as error:  # python-docx fails in many ways on a damaged package
        raise _damaged(error, source) from None
    return "\n".join(lines)


def _damaged(error: Exception, source: str) -> InputError:
    return InputError(f"not a readable Word document ({one_line(str(error))})", source=source)


def _lines(blocks: Iterator[Paragraph | Table]) -> Iterator[str]:
    """A line for each paragraph (split at its line breaks), and for each cell
    of each table row (a merged cell once), in document order."""
    from docx.table import Table

    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:  # a merged cell comes once per column it spans
                        seen.add(id(cell._tc))
                        yield from _lines(cell.iter_inner_content())
        else:
            yield from _paragraph_text(block).split("\n")


def _paragraph_text(paragraph: Paragraph) -> str:
    """The paragraph's text, tabs and line breaks included. Unlike python-docx's
    ``Paragraph.text``, this keeps text inside tracked insertions, content
    controls and fields (runs that are not the paragraph's own children);
    deleted text (``w:delText``) and field codes (``w:instrText``) are no ``w:t``."""
    from docx.oxml.ns import qn

    text, tab, breaks, run = qn("w:t"), qn("w:tab"), (qn("w:br"), qn("w:cr")), qn("w:r")
    parts: list[str] = []
    for element in paragraph._p.iter(text, tab, *breaks):
        if element.tag == text:
            parts.append(element.text or "")
        elif element.getparent() is not None and element.getparent().tag == run:
            parts.append("\t" if element.tag == tab else "\n")  # not a tab stop's definition
    return "".join(parts)
