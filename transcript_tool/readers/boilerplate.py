"""Lines a transcription tool writes into the text that nobody said: Google
Meet's "Meeting ended after 00:32:15" and its closing disclaimer, the running
header and footer of a Rev transcript printed to PDF and copied as text
("Transcript by Rev.com", "Page 1 of 2"), Sonix's paragraphs about itself.

The readers of labelled text, timed lines and the Otter layout leave such a
line out of the turns, wherever it stands, and name it in a notice
(:func:`tool_lines_notices`); unlabelled, it is no words for the segmenter.
Only whole lines count: a speaker's words that mention Sonix stay words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import quoted
from .labels import CLOCK

_TOOL_LINE = re.compile(
    r"^\s*(?P<said>"
    # Google Meet: its last line of the transcript, and the note under it
    rf"(?i:(?:meeting|transcription|recording) ended after {CLOCK})"
    r"|(?i:this editable transcript was computer generated and might contain errors\..*)"
    # Rev, printed to PDF: each page's header and footer
    r"|(?i:transcript by rev\.com)"
    r"|(?i:this transcript was exported on .{1,40} - view latest version here)"
    r"|.{1,120}\((?i:completed)\s+\d{1,2}/\d{1,2}/\d{2,4}\)"
    # any printed page's number
    r"|(?i:page \d{1,5} of \d{1,5})"
    # Sonix's paragraphs about itself, above and below the transcript
    r"|.*(?:(?i:powered by|transcribed by|convert [\w ]{1,40} with|try) Sonix"
    r"|Sonix (?:is the best|uses cutting-edge|has many features)).*"
    r")[^\w)]*$"
)
_SHOWN = 2


def tool_line(line: str) -> str | None:
    """``line`` without its surrounding spaces when it is a tool's own, else None."""
    found = _TOOL_LINE.match(line)
    return found["said"].strip() if found else None


def tool_lines_notices(found: Sequence[tuple[int, str]]) -> list[str]:
    """What to say of the tool's lines ``found`` ((line, text) in order): one
    line named and quoted ("line 14 ('Meeting ended after 00:07:41') is not
    part of any turn"); more, the first two and how many others."""
    if not found:
        return []
    if len(found) == 1:
        line, said = found[0]
        return [f"line {line} ({quoted(said)}) is not part of any turn"]
    shown = ", ".join(f"line {line} ({quoted(said)})" for line, said in found[:_SHOWN])
    more = len(found) - _SHOWN
    rest = f" and {more} more" if more > 0 else ""
    return [
        f"{len(found)} lines the transcription tool wrote are not part of any turn: {shown}{rest}"
    ]
