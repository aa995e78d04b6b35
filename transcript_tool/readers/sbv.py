"""SubViewer captions (.sbv), as YouTube Studio downloads a video's captions::

    0:00:00.378,0:00:04.120
    hi everyone welcome back to the channel

    0:00:04.120,0:00:07.000
    Priya Shah: so tell me about a project you led

A block is a timing line (``h:mm:ss.mmm,h:mm:ss.mmm``) and the text lines
under it, up to a blank line. Speakers are read from the text as in the other
caption formats (:mod:`.cues`: ``Name:``, ``[Name]``, ``>>``); YouTube's
automatic captions name none, so they go to the raw-caption segmenter, one
chunk per block, with its times.

The format is small, and the lines are read here. webvtt-py reads SBV too,
but it skips a block it cannot read without a word (a block whose timing line
is missing is dropped, text and all) and carries a field over its range into
the next (``0:61:00.000``); here text outside any block, a malformed timing
line, minutes or seconds past 59, and a block that ends before it starts are
errors naming the line. A timing line starts a block even with no blank line
before it (blocks saved through a word processor lose them), so it is never
read as words. A block with a timing line and no text has no words and is
left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import InputError
from ..model import Transcript
from . import Reader
from .clock import clock_fields, clock_seconds
from .common import ReadOptions, split_lines
from .cues import Cue, checked_times, transcript_from_cues

_STAMP = r"(\d+):(\d{1,2}):(\d{1,2})\.(\d{3})"
_TIMING = re.compile(rf"[ \t]*{_STAMP},{_STAMP}[ \t]*")
_TIMING_LIKE = re.compile(r"[ \t]*\d+:\d[^,]*,")  # meant as a timing line: a time, then a comma
_TIMING_HELP = "expected h:mm:ss.mmm,h:mm:ss.mmm"


def sniff(text: str, name: str) -> float:
    """0.95 when the first non-blank line is an SBV timing line; 0.5 for any
    other ``.sbv`` file (so that its errors are this reader's); 0.0 otherwise."""
    first = next((line for line in split_lines(text[:2000].lstrip("\ufeff")) if line.strip()), "")
    if _TIMING.fullmatch(first):
        return 0.95
    return 0.5 if name.lower().endswith(".sbv") else 0.0


def read(text: str, name: str, options: ReadOptions | None = None) -> Transcript:
    """Turns from SubViewer captions; see the module docstring."""
    text = text.removeprefix("\ufeff")
    cues = _scan(split_lines(text), name)
    if not cues:
        raise InputError(f"no captions (no timing line; {_TIMING_HELP})", source=name)
    spoken = [cue for cue in cues if cue.text]
    return transcript_from_cues(spoken, format="sbv", source=name, options=options or ReadOptions())


def _scan(lines: Sequence[str], name: str) -> list[Cue]:
    """Every block with its line, its times and its text lines; an InputError
    naming the line of text outside a block, of a malformed timing line, and of
    a block that ends before it starts."""
    cues: list[Cue] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        number = len(cues) + 1
        timing = lines[i]
        if not _TIMING.fullmatch(timing) and not _TIMING_LIKE.match(timing):
            raise InputError(
                "caption text outside any block (is the timing line above it missing?)",
                source=name,
                line=i + 1,
            )
        times = checked_times(_times(timing), timing, _TIMING_HELP, number, i + 1, name)
        text: list[tuple[int, str]] = []
        j = i + 1
        while j < len(lines) and lines[j].strip() and not _TIMING.fullmatch(lines[j]):
            text.append((j + 1, lines[j]))
            j += 1
        cues.append(Cue(number, i + 1, times[0], times[1], tuple(text)))
        i = j
    return cues


def _times(line: str) -> tuple[float, float] | None:
    """(start, end) in seconds of a timing line; None when it is malformed or a
    minute or second field passes 59."""
    match = _TIMING.fullmatch(line)
    if not match:
        return None
    fields = match.groups()
    start, end = _seconds(fields[:4]), _seconds(fields[4:])
    return None if start is None or end is None else (start, end)


def _seconds(fields: Sequence[str]) -> float | None:
    numbers = clock_fields(*fields[:3])
    return None if numbers is None else clock_seconds(numbers, fields[3])


EXAMPLE = """\
0:00:01.000,0:00:04.200
Interviewer: Tell me about a project you led.

0:00:04.900,0:00:09.500
Candidate: Last spring I led the migration of our billing service.
"""


READER = Reader(
    name="sbv",
    description="SubViewer captions (.sbv), as YouTube Studio downloads them",
    extensions=(".sbv",),
    sniff=sniff,
    read=read,
    example=EXAMPLE,
)
