"""WebVTT captions (.vtt): Zoom and Teams transcripts, YouTube auto-captions, subtitles.

Speakers are read from::

    Priya Shah: text                 (Zoom: the name before the first ": ")
    <v Priya Shah>text</v>           (Teams voice tags; the closing tag is optional)
    [Priya Shah]: text               (diarization tools)
    >> PRIYA: text    >> text        (broadcast captions; ">>" alone: someone else speaks)
    - text                           (a dialogue dash: another voice, name unknown)
    1 "Priya Shah" (1436452864)      (Webex: the cue identifier above the timing
                                      line names the speaker of a text with no label)
    (Priya Shah)                     (Google Meet: a name in parentheses over each
    text / - / (Sam Ortiz) / text     speaker's lines; a line of "-" is markup, and
                                      the line of one space after it may be empty)

Other markup (``<c>``, ``<i>``, ``<b>``, inline word timings such as
``<00:00:01.520>``) is removed and character references (``&amp;``) are
unescaped. Each cue becomes a turn with its start and end in seconds and the
line of its timing line; consecutive cues of one speaker merge. With no
speaker anywhere the cues go to the raw-caption segmenter, one chunk per cue.
YouTube's rolling auto-captions, where a cue repeats the line shown before it
(and 10 ms cues repeat a line on their own), are read once per line. Cues with
no ``WEBVTT`` line above them (copied out of a file) are read as if it were
there.

webvtt-py parses the file. This module also walks the lines itself, with
webvtt-py's block rules, to know the line of every cue and to report a
malformed cue by its line: webvtt-py skips such cues silently, and a skipped
cue would silently drop words. Header metadata, NOTE, STYLE and REGION blocks
are ignored.

The caption machinery shared with :mod:`.srt` lives in :mod:`.cues`.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Iterator, Sequence

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from ..errors import InputError, one_line
from ..model import Transcript
from . import Reader
from .clock import clock_fields, clock_seconds
from .common import ReadOptions, split_lines
from .cuenames import continues_after_dash
from .cues import Cue, checked_times, transcript_from_cues

# ------------------------------------------------------------------------ WebVTT

_HEADER = re.compile(r"[\ufeff\s]*WEBVTT(?:[ \t\r\n]|$)")
_TIMESTAMP = r"(?:\d+:)?\d{1,2}:\d{1,2}\.\d{1,3}"
# as webvtt-py 0.6 finds a cue's timing line (a prefix match)
_TIMING = re.compile(rf"\s*({_TIMESTAMP})\s*-->\s*({_TIMESTAMP})")
_FIELDS = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{1,2})\.(\d{1,3})")
_TIMING_HELP = "expected hh:mm:ss.mmm --> hh:mm:ss.mmm"
_SNIFF_CHARACTERS = 5_000


def sniff(text: str, name: str) -> float:
    """0.95 for text that starts with ``WEBVTT``. For a ``.vtt`` file without
    it: 0.92 when a cue timing line is among its first ten non-blank lines
    (above the labeled-text reader, so that the cues are read without their
    header rather than their timing lines read as words), else 0.5; 0.0
    otherwise."""
    if _HEADER.match(text):
        return 0.95
    if not name.lower().endswith(".vtt"):
        return 0.0
    lines = [line for line in split_lines(text[:_SNIFF_CHARACTERS]) if line.strip()]
    return 0.92 if any(_TIMING.match(line) for line in lines[:10]) else 0.5


def read(text: str, name: str, options: ReadOptions | None = None) -> Transcript:
    """Turns from WebVTT captions; see the module docstring."""
    if not text.strip():
        raise InputError("no captions (the file is empty)", source=name)
    lines = split_lines(text)
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if _HEADER.match(lines[first] if lines else ""):
        lines[first] = lines[first].lstrip("\ufeff \t")
        body, offset = lines[first:], first
    elif any(_TIMING.match(line) for line in lines):
        # cues with no "WEBVTT" line above them (copied out of a file, or
        # written by a tool that leaves it out): read as if it were there,
        # lines numbered as in the file
        lines[first] = lines[first].lstrip("\ufeff")
        body, offset = ["WEBVTT", "", *lines[first:]], first - 2
    else:
        raise InputError(
            'not a WebVTT file: the first line must be "WEBVTT", and no line is a cue timing'
            " (if it is a plain-text transcript, pass --input-format text)",
            source=name,
            line=first + 1,
        )
    cues = _scan(body, offset, name)
    if not cues:
        raise InputError(f"no captions (no cue timing line; {_TIMING_HELP})", source=name)
    try:
        captions = webvtt.from_buffer(io.StringIO("\n".join(body))).captions
    except (MalformedFileError, MalformedCaptionError) as error:
        raise InputError(f"not valid WebVTT: {one_line(str(error))}", source=name) from None
    parsed = cues
    if len(captions) == len(cues) and all(
        (caption.start_time.in_milliseconds(), caption.end_time.in_milliseconds(), caption.lines)
        == (round(cue.start * 1000), round(cue.end * 1000), [text for _, text in cue.text])
        for cue, caption in zip(cues, captions, strict=True)
    ):
        parsed = [
            Cue(
                cue.number,
                cue.line,
                caption.start_time.in_milliseconds() / 1000,
                caption.end_time.in_milliseconds() / 1000,
                tuple(zip((line for line, _ in cue.text), caption.lines, strict=True)),
                cue.identifier,
            )
            for cue, caption in zip(cues, captions, strict=True)
        ]
    # else webvtt-py read the blocks otherwise than the line scan (a bug on one
    # side or the other): the scan's cues, which were all checked, are kept
    return transcript_from_cues(
        parsed, format="vtt", source=name, options=options or ReadOptions(), voice_tags=True
    )


def _scan(lines: Sequence[str], offset: int, name: str) -> list[Cue]:
    """The cues, found with webvtt-py's rules for blocks and timing lines; an
    InputError naming the line of a cue webvtt-py would skip (a malformed timing
    line), of a cue that ends before it starts, and of text outside any cue."""
    cues: list[Cue] = []
    blocks = _blocks(lines)
    next(blocks, None)  # the header: WEBVTT and metadata
    for start, block in blocks:
        timing = next((i for i, line in enumerate(block[:2]) if "-->" in line), None)
        if (
            timing is None
            and cues
            and cues[-1].text
            and continues_after_dash(cues[-1].text[-1][1], block[0])
        ):
            # Meet's "-" / "" / "(Sam Ortiz)": the next speaker of the same cue
            more = tuple((offset + start + 1 + i, text) for i, text in enumerate(block))
            cues[-1] = dataclasses.replace(cues[-1], text=cues[-1].text + more)
            continue
        if timing is None or (
            timing == 1 and block[0].startswith("NOTE") and not _TIMING.match(block[1])
        ):
            if timing is None and not block[0].startswith(("NOTE", "STYLE", "REGION")):
                raise InputError(
                    "caption text outside any cue (is the timing line above it missing?)",
                    source=name,
                    line=offset + start + 1,
                )
            continue
        number = len(cues) + 1
        line = offset + start + timing + 1
        times = checked_times(
            _times(block[timing]), block[timing], _TIMING_HELP, number, line, name
        )
        text = tuple((line + 1 + i, text) for i, text in enumerate(block[timing + 1 :]))
        identifier = block[0] if timing == 1 else None
        cues.append(Cue(number, line, times[0], times[1], text, identifier))
    return cues


def _blocks(lines: Sequence[str]) -> Iterator[tuple[int, list[str]]]:
    """(index of the first line, lines) of each block, as webvtt-py 0.6 splits
    them: an empty line ends a block, and so does a ``-->`` line that cannot be
    the current block's timing line."""
    block: list[str] = []
    first = 0
    in_header = True
    for i, line in enumerate(lines):
        starts_cue = bool(
            block and "-->" in line and (in_header or len(block) > 1 or "-->" in block[0])
        )
        if (not line or starts_cue) and block:
            yield first, block
            block = []
            in_header = False
        if line:
            if not block:
                first = i
            block.append(line)
    if block:
        yield first, block


def _times(line: str) -> tuple[float, float] | None:
    """(start, end) in seconds of a timing line; None when webvtt-py would skip
    the cue, or the end time runs on ("00:00:04.3001")."""
    match = _TIMING.match(line)
    if not match or line[match.end() : match.end() + 1] not in ("", " ", "\t"):
        return None
    start, end = _seconds(match[1]), _seconds(match[2])
    if start is None or end is None:
        return None
    return start, end


def _seconds(stamp: str) -> float | None:
    fields = _FIELDS.fullmatch(stamp)
    if not fields:
        return None
    numbers = clock_fields(fields[1] or "0", fields[2], fields[3])
    # ".5" is 500 ms, as in the WebVTT spec
    return None if numbers is None else clock_seconds(numbers, fields[4])


EXAMPLE = """\
WEBVTT

1
00:00:01.000 --> 00:00:04.200
Priya Shah: Tell me about a project you led.

2
00:00:04.900 --> 00:00:09.500
Sam Ortiz: Last spring I led the migration of our billing service.
"""


READER = Reader(
    name="vtt",
    description="WebVTT captions (Zoom Name: text, Teams <v Name>, YouTube auto-captions)",
    extensions=(".vtt",),
    sniff=sniff,
    read=read,
    example=EXAMPLE,
)
