"""Otter.ai text exports (``format = "otter"``): a speaker header line, then
what that speaker said on the following line(s), until the next header::

    Priya Shah  0:03
    Thanks for joining. Tell me about a project you led.

    Sam Ortiz  0:09
    Last spring I led the migration of our billing service.

    Transcribed by https://otter.ai

Accepted header lines: the name, two or more spaces or a tab, and a clock
time ``m:ss``, ``mm:ss`` or ``h:mm:ss`` alone on the line, with or without
milliseconds (``00:00:04.100``; trailing spaces are fine). In Markdown
copies the name may be bold, and then one space is enough (``**Emma**
0:00``, ``**Unknown Speaker** 1:02:03``). The name is up to five words
(``Speaker 1``, ``Dr. Ng``); ``Unknown Speaker`` is a speaker like any
other. Minutes and seconds after the first field must be below 60 (an error
naming the line otherwise).

Other tools write the same layout with the header in another shape, read here
too when the name is capitalised (``Speaker 1`` included): the time first
(``00:00:03 Speaker 1``; Trint's ``[00:00:03] Priya Shah``, unless the line
under it opens with a bracketed time too), the time after a dash, in brackets or after a
single space (``Priya Shah - 0:03``, ``Priya Shah (0:03)``, ``Priya Shah
0:03``: Otter's two spaces collapsed when copied from a web page), or the
time alone on the line under the name.

Each turn starts at its header's time; ``end`` stays None (Otter does not
say when a paragraph ends). Consecutive headers of one speaker make one turn
that starts at the first of them. The footer ``Transcribed by
https://otter.ai`` is dropped wherever it stands and counts no words; other
tools' lines that nobody said (:mod:`.boilerplate`: a printed page's number
...) are left out too, and named in a notice. Lines
before the first header: YAML front matter (``---`` ... ``---``) and Markdown
headings are skipped silently (a page title); any other text there is left
out and reported in a notice. Times that go backwards are kept in file order
and named in one notice.

With no times at all, a capitalised name alone on each paragraph's first
line (``Priya Shah`` / ``Thanks for joining ...``: a web page's transcript,
some tools' text exports) is a header too, when the whole text is laid out
so (:func:`_untimed_headers`); the turns then have no times.

Teams' Word transcript has this layout too (``Priya Shah   0:03``); its
lines ``Priya Shah started transcription`` and ``... stopped transcription``
(the name one of the headers') are left out and named in a notice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal, NamedTuple

from ..errors import InputError
from ..model import Transcript
from . import Reader
from .boilerplate import tool_line, tool_lines_notices
from .common import (
    LABEL_NOTE,
    RawTurn,
    ReadOptions,
    build_transcript,
    capitalised,
    split_lines,
)
from .timed import backwards_notices, checked_clock, checked_end, line_notice, lines_notice

_CLOCK = r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[.,][0-9]{1,3})?"  # "0:03", "00:00:04.100"
_WORD = r"(?:[^\W\d_][\w.'’&-]*)"
_NAME = rf"{_WORD}(?: (?:{_WORD}|[0-9]+)){{0,4}}"
_NAMED = rf"{_NAME}{LABEL_NOTE}"  # "Dana Whitfield (Acme Corp)", "Sam Ortiz (he/him)"
_HEADER = re.compile(
    r"^[ \t]*(?:\*\*[ \t]*(?P<bold>[^*\s](?:[^*\n]*[^*\s])?)[ \t]*\*\*[ \t]+"
    rf"|(?P<plain>{_NAMED})(?:[ \t]*\t|[ \t]{{2,}})[ \t]*)(?P<time>{_CLOCK})[ \t]*$"
)
# Other tools' header lines: the time first ("00:00:03 Speaker 1"), the time
# after a dash, in brackets or after one space ("Priya Shah - 0:03", "Priya
# Shah (0:03)", "Priya Shah 0:03": Otter's two spaces collapsed by a copy), or
# the time alone on the line under the name. These names must be capitalised.
_TIME_FIRST = re.compile(
    rf"^[ \t]*(?:(?P<time>{_CLOCK})|\[(?P<square>{_CLOCK})\]|\((?P<round>{_CLOCK})\))"
    rf"[ \t]+(?:[-–|·][ \t]+)?(?P<name>{_NAMED})[ \t]*$"
)
# a line that opens with a time in brackets: "[00:00:05] Yes" above another
# such line is a caption's line, not the header of the text under it
_BRACKETED = re.compile(rf"^[ \t]*(?:\[{_CLOCK}\]|\({_CLOCK}\))")
_TIME_AFTER = re.compile(
    rf"^[ \t]*(?P<name>{_NAMED})[ \t]+(?:[-–|·][ \t]+(?P<time>{_CLOCK})"
    rf"|\((?P<round>{_CLOCK})\)|\[(?P<square>{_CLOCK})\]|(?P<bare>{_CLOCK}))[ \t]*$"
)
_NAME_ALONE = re.compile(rf"^[ \t]*(?P<name>{_NAMED})[ \t]*$")
# A time range, as video editors and some recorders write one above the text:
# Premiere's "00:00:03:04 - 00:00:11:18" (a timecode's last field counts
# frames), DaVinci Resolve's in brackets, "[00:00:03.233 --> 00:00:11.088]"
_TIMECODE = r"[0-9]{2}:[0-9]{2}:[0-9]{2}[:;][0-9]{2}"
_WHEN = rf"(?:{_TIMECODE}|{_CLOCK})"
_RANGE = rf"\[?(?P<from>{_WHEN})[ \t]*(?:-->|[-–])[ \t]*(?P<until>{_WHEN})\]?"
_RANGE_ALONE = re.compile(rf"^[ \t]*{_RANGE}[ \t]*$")
_RANGE_FIRST = re.compile(
    rf"^[ \t]*{_RANGE}[ \t]+(?:\[(?P<bracketed>{_NAMED})\]|(?P<name>{_NAMED}))[ \t]*$"
)
_TIME_ALONE = re.compile(rf"^[ \t]*(?:(?P<time>{_CLOCK})|{_RANGE})[ \t]*$")
# "00:00:01.000 --> 00:00:04.000" out of brackets: a SubRip or WebVTT cue's
# timing line (a cue whose text opens with a name is no Otter header)
_CUE_TIMING = re.compile(r"^[ \t]*[0-9][0-9:.,]*[ \t]*-->")
_FOOTER = re.compile(
    r"^[ \t]*Transcribed by[ \t]+(?:https?://)?(?:www\.)?otter\.ai/?[ \t]*$", re.IGNORECASE
)
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
# Teams' Word transcript, which has Otter's layout, notes when someone starts or stops it.
_EVENT = re.compile(rf"^[ \t]*(?P<said>{_NAME} (?:started|stopped) transcription)[ \t]*$")
_FRONT_MATTER = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_MOST_NAMES = 12  # more names alone above paragraphs are headings, not speakers
_UNTIMED = 0.5


class _Header(NamedTuple):
    """A speaker header: the name and time as written, what it takes of
    ``following``, the next non-blank line ("time": the time under the name;
    "name": the name under a time range; "" nothing), and the end of a range."""

    name: str
    time: str
    under: Literal["", "time", "name"] = ""
    until: str | None = None


def _header_of(line: str, following: str | None = None) -> _Header | None:
    """The header ``line`` is (with ``following``, the next non-blank line),
    or None."""
    header = _HEADER.match(line)
    if header:
        return _Header(" ".join((header["bold"] or header["plain"]).split()), header["time"])
    ranged = _RANGE_FIRST.match(line) if not _CUE_TIMING.match(line) else None
    if ranged:
        named = ranged["bracketed"] or ranged["name"]
        if capitalised(named):
            return _Header(" ".join(named.split()), ranged["from"], "", ranged["until"])
    ranged = _RANGE_ALONE.match(line) if not _CUE_TIMING.match(line) else None
    if ranged and following is not None:
        alone = _NAME_ALONE.match(following)
        if alone and capitalised(alone["name"]):
            name = " ".join(alone["name"].split())
            return _Header(name, ranged["from"], "name", ranged["until"])
    first = _TIME_FIRST.match(line)
    if first and first["time"] is None and following is not None and _BRACKETED.match(following):
        first = None
    found = first or _TIME_AFTER.match(line)
    if found and capitalised(found["name"]):
        groups = found.groupdict()
        time = groups["time"] or groups.get("round") or groups.get("square") or groups.get("bare")
        assert time is not None
        return _Header(" ".join(found["name"].split()), time)
    alone = _NAME_ALONE.match(line)
    below = None
    if following is not None and not _CUE_TIMING.match(following):
        below = _TIME_ALONE.match(following)
    if alone and below and capitalised(alone["name"]):
        name = " ".join(alone["name"].split())
        return _Header(name, below["time"] or below["from"], "time", below["until"])
    return None


def _seconds_clock(time: str) -> str:
    """``time`` without a timecode's frames ("00:00:03:04" -> "00:00:03"):
    the second it falls in."""
    return time[:8] if re.fullmatch(_TIMECODE, time) else time


def _untimed_headers(lines: Sequence[str]) -> set[int]:
    """The lines that name the speaker of the text under them with no time
    at all, as web pages and some tools' text exports lay a transcript out
    (``Priya Shah`` / ``Thanks for joining ...``), when the whole text is
    laid out so. Such a line is a capitalised name alone with a line of text
    right under it; there must be two or more, some name must open more than
    one, at most 12 names, and they must open at least two in three
    paragraphs (blank-line separated) or, with the paragraphs not separated
    (a web page's blocks), make up at least a quarter of the lines. Else none."""
    found: dict[int, str] = {}
    paragraphs = filled = 0
    for i, line in enumerate(lines):
        if not line.strip() or _FOOTER.match(line):
            continue
        filled += 1
        paragraphs += not i or not lines[i - 1].strip()
        alone = _NAME_ALONE.match(line)
        under = lines[i + 1] if i + 1 < len(lines) else ""
        if (
            alone
            and capitalised(alone["name"])
            and not alone["name"].endswith(".")  # "Notes." opening a paragraph: a sentence
            and under.strip()
            and not _names_alone(under)
        ):
            found[i] = " ".join(alone["name"].split()).lower()
    names = list(found.values())
    distinct = set(names)
    laid_out = (paragraphs >= 2 and len(names) * 3 >= paragraphs * 2) or len(names) * 4 >= filled
    if (
        len(names) >= 2
        and laid_out
        and len(distinct) <= _MOST_NAMES
        and any(names.count(name) >= 2 for name in distinct)
    ):
        return set(found)
    return set()


def _names_alone(line: str) -> bool:
    """Whether ``line`` is a capitalised name alone, as a header line is ("I
    build data pipelines." under "CANDIDATE" is no name: it is the text)."""
    alone = _NAME_ALONE.match(line)
    return alone is not None and capitalised(alone["name"])


def sniff(text: str, name: str) -> float:
    """0.95 for two or more header lines, most of them followed by text (not
    by another header), that make up at least a fifth of the non-blank lines
    or open at least a third of the paragraphs (blank-line separated);
    0.92 for a single header that opens the text and is followed by text
    (just above the labeled-text reader); 0.5 for text under names alone
    (:func:`_untimed_headers`: above unlabeled text, below any timed layout
    such as Teams' cues with a name line); 0.0 otherwise."""
    every = split_lines(text)
    lines = [line for line in every if line.strip() and not _FOOTER.match(line)]
    headers: list[int] = []
    followed = 0
    i = 0
    while i < len(lines):
        header = _header_of(lines[i], lines[i + 1] if i + 1 < len(lines) else None)
        if header is None:
            i += 1
            continue
        headers.append(i)
        i += 2 if header[2] else 1
        after = lines[i + 1] if i + 1 < len(lines) else None
        followed += i < len(lines) and _header_of(lines[i], after) is None
    paragraphs = sum(
        1
        for i, line in enumerate(every)
        if line.strip() and not _FOOTER.match(line) and (not i or not every[i - 1].strip())
    )
    # A paragraph wrapped over many lines (a PDF's print) leaves the headers
    # fewer than a fifth of the lines, yet they still open the paragraphs.
    many = len(headers) * 5 >= len(lines) or (paragraphs >= 3 and len(headers) * 3 >= paragraphs)
    if len(headers) >= 2 and followed * 2 >= len(headers) and many:
        return 0.95
    if headers == [0] and followed:
        return 0.92
    if _untimed_headers(every):
        return _UNTIMED
    return 0.0


def read(text: str, name: str, options: ReadOptions | None = None) -> Transcript:
    """Turns from an Otter.ai text export; see the module docstring."""
    lines = split_lines(text.removeprefix("\ufeff"))
    spelling: dict[str, str] = {}
    raw_turns: list[RawTurn] = []
    pieces: list[list[str]] = []  # each turn's lines, joined once (not appended: quadratic)
    times: list[tuple[int, float, str]] = []
    preamble: list[int] = []
    events: list[tuple[int, str]] = []
    tools: list[tuple[int, str]] = []  # a tool's own lines (boilerplate.py)
    below = _next_filled(lines)
    headers = [
        _header_of(line, lines[j] if j is not None else None)
        for line, j in zip(lines, below, strict=True)
    ]
    if not any(headers):
        for i in _untimed_headers(lines):
            headers[i] = _Header(" ".join(lines[i].split()), "")
    names = {header.name.lower() for header in headers if header}  # spaced as _header_of gives them
    skip: int | None = None  # the line of a time under its name, read with the name
    for i in range(_body_start(lines), len(lines)):
        line = lines[i]
        if i == skip or _FOOTER.match(line):
            continue
        event = _EVENT.match(line)
        if event and " ".join(event["said"].split()[:-2]).lower() in names:
            events.append((i + 1, event["said"]))
            continue
        header = headers[i]
        if header:
            skip = below[i] if header.under else None
            speaker = spelling.setdefault(header.name.lower(), header.name)
            start = end = None
            if header.time:
                at = (skip if header.under == "time" and skip is not None else i) + 1
                start = checked_clock(_seconds_clock(header.time), name, at)
                times.append((i + 1, start, header.time))
                if header.until is not None:
                    end = checked_end(_seconds_clock(header.until), start, name, at)
            raw_turns.append(RawTurn(speaker, "", line=i + 1, start=start, end=end))
            pieces.append([""])
        elif said := tool_line(line):
            tools.append((i + 1, said))
        elif raw_turns:
            pieces[-1].append(line)
        elif line.strip() and not _HEADING.match(line):
            preamble.append(i + 1)
    for raw, texts in zip(raw_turns, pieces, strict=True):
        raw.text = "\n".join(texts)
    if not raw_turns:
        raise InputError(
            "no Otter speaker lines (expected a name, two spaces and a time, "
            "like 'Priya Shah  0:03', above each paragraph)",
            source=name,
        )
    notices = backwards_notices(times)
    if preamble:
        notices.append(lines_notice(preamble, "before the first speaker line"))
    notices.extend(line_notice(line, said) for line, said in events)
    notices.extend(tool_lines_notices(tools))
    transcript = build_transcript(
        raw_turns, format="otter", source=name, notices=notices, unit="speaker lines"
    )
    if not transcript.turns:
        raise InputError("the transcript is empty (is it the right file?)", source=name)
    return transcript


def _next_filled(lines: Sequence[str]) -> list[int | None]:
    """For each line, the index of the next non-blank line after it (None at the end)."""
    found: list[int | None] = [None] * len(lines)
    following: int | None = None
    for i in range(len(lines) - 1, -1, -1):
        found[i] = following
        if lines[i].strip():
            following = i
    return found


def _body_start(lines: Sequence[str]) -> int:
    """The index after YAML front matter (``---`` on the first non-blank line
    up to the next ``---`` or ``...``), or 0 when there is none."""
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    if first == len(lines) or lines[first].strip() != "---":
        return 0
    for i in range(first + 1, len(lines)):
        if _header_of(lines[i]) is not None:
            return 0  # no closing line before the transcript: not front matter
        if _FRONT_MATTER.match(lines[i]):
            return i + 1
    return 0


EXAMPLE = """\
Priya Shah  0:03
Thanks for joining. Tell me about a project you led.

Sam Ortiz  0:09
Last spring I led the migration of our billing service.

Transcribed by https://otter.ai
"""


READER = Reader(
    name="otter",
    description=(
        "Otter.ai text export (a 'Name  0:03' line above each paragraph, "
        "**Name** 0:03 in Markdown; footer 'Transcribed by https://otter.ai'), and the "
        "same layout from other tools ('00:00:03 Speaker 1', '[00:00:03] Name', "
        "'Name - 0:03', 'Name (0:03)', or the name alone with no time)"
    ),
    extensions=(".txt", ".md"),
    sniff=sniff,
    read=read,
    example=EXAMPLE,
)
