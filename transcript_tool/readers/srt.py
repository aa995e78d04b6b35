"""SubRip subtitles (.srt): a cue number, a ``hh:mm:ss,mmm --> hh:mm:ss,mmm``
timing line, the text, a blank line.

Speakers are read as in :mod:`.vtt`: ``Name: text``, ``[Name] text``,
``>> NAME: text``, a name alone on the line above the text when most cues
have one (Teams' Word transcript copied as text: ``0:0:4.900 --> 0:0:9.500``
/ ``Sam Ortiz`` / ``Last spring I ...``), or in parentheses over each
speaker's lines (``(Sam Ortiz)``, as Google Meet writes it); a dialogue dash (``- Hi.`` /
``- Hello.``) or a bare ``>>`` says another voice speaks, without naming it,
so with no names anywhere the text goes to the raw-caption segmenter, split
at each of those marks. Tags (``<i>``, ``<font ...>``, ``{\\an8}``) are removed.

Cues stay in file order with their times as written; cues that start before
the previous one ends (overlapping or out of order) are named in a notice,
and no text is dropped.

The ``srt`` library parses the file. Like webvtt-py it can step over damage
silently (a cue number with no timing line becomes text of the cue before), so
this module also walks the lines, to know each cue's line and to name the
line of a malformed cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta

import srt  # type: ignore[import-untyped]

from ..errors import InputError, one_line
from ..model import Transcript
from . import Reader
from .clock import clock_fields, clock_seconds
from .common import ReadOptions, split_lines
from .cues import Cue, checked_times, transcript_from_cues

_INDEX = re.compile(r"\s*-?\d+(?:\.\d*)?\s*")  # as the srt library reads a cue number
_STAMP = r"(\d+)[:.](\d{1,2})[:.](\d{1,2})(?:[,.:](\d{1,3}))?"
_TIMING = re.compile(rf"\s*{_STAMP} *-[ -] *> *{_STAMP}(?:[ \t].*)?")
_STARTS_WITH_TIME = re.compile(r"\s*\d+\s*[:.,]\s*\d")
_ARROW = re.compile(r"-\s*-?\s*>")
_TIMING_HELP = "expected hh:mm:ss,mmm --> hh:mm:ss,mmm"
_MAX_HOURS = timedelta.max.days * 24  # the srt library holds times as timedeltas


def sniff(text: str, name: str) -> float:
    """0.95 when the first non-blank line is a cue number followed by a timing
    line; 0.8 when it is a timing line; 0.4 for any other ``.srt`` file."""
    lines = [line for line in split_lines(text[:2000].lstrip("\ufeff")) if line.strip()]
    if len(lines) >= 2 and _INDEX.fullmatch(lines[0]) and _TIMING.fullmatch(lines[1]):
        return 0.95
    if lines and _TIMING.fullmatch(lines[0]):
        return 0.8
    return 0.4 if name.lower().endswith(".srt") else 0.0


def read(text: str, name: str, options: ReadOptions | None = None) -> Transcript:
    """Turns from SubRip subtitles; see the module docstring."""
    text = text.removeprefix("\ufeff")
    cues = _scan(split_lines(text), name)
    if not cues:
        raise InputError(f"no captions (no cue timing line; {_TIMING_HELP})", source=name)
    try:
        list(srt.parse(text))  # for its errors: the line scan has the cues
    except srt.SRTParseError as error:
        skipped = text[error.expected_start : error.actual_start]
        at = error.expected_start + len(skipped) - len(skipped.lstrip())
        raise InputError(
            "not valid SubRip: cannot read this text as a cue",
            source=name,
            line=text.count("\n", 0, at) + 1,
        ) from None
    except ValueError as error:  # srt.TimestampParseError
        raise InputError(f"not valid SubRip: {one_line(str(error))}", source=name) from None
    except OverflowError:  # a time past what a timedelta holds; the line scan stops those
        raise InputError("not valid SubRip: a time out of range", source=name) from None
    # The line scan's cues are kept: their times are the library's to the last bit
    # (both divide whole milliseconds once), and where the library took a cue as
    # text of the one before (an empty cue, one blank line, then a cue with no
    # number) the scan has them apart.
    return transcript_from_cues(cues, format="srt", source=name, options=options or ReadOptions())


def _scan(lines: Sequence[str], name: str) -> list[Cue]:
    """The cues with their lines, read the way the srt library reads them (blank
    lines may sit inside a cue's text; a cue number may follow text directly),
    with an InputError for what it would silently take as text: a cue number
    with no timing line, a timing line inside a cue's text (unless no cue of
    the file has a blank line before it: then every timing line starts a cue),
    text before the first cue; and for a malformed timing line or a cue that
    ends before it starts."""
    cues: list[Cue] = []
    text: list[tuple[int, str]] = []
    blank_before = True
    filled = [i for i, line in enumerate(lines) if line.strip()]
    # no blank line anywhere between cues (a Word document's paragraphs saved as text):
    # a timing line after text starts the next cue
    packed = bool(filled) and all(lines[i].strip() for i in range(filled[0], filled[-1]))
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            blank_before = True
            i += 1
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        number = len(cues) + 1
        if _INDEX.fullmatch(line) and (blank_before or _timing_like(following, True)):
            if not _timing_like(following, True):
                raise InputError(
                    f"cue {number}: no timing line after the cue number ({_TIMING_HELP})",
                    source=name,
                    line=i + 1,
                )
            i += 1
            line = following
        elif _timing_like(line, False):
            if not blank_before and cues and not packed:
                raise InputError(
                    f"cue {number}: a timing line inside the text of cue {number - 1} "
                    "(a blank line missing before it?)",
                    source=name,
                    line=i + 1,
                )
        else:
            if not cues:
                raise InputError(
                    f"text before the first cue ({_TIMING_HELP}, after the cue number)",
                    source=name,
                    line=i + 1,
                )
            text.append((i + 1, line))
            blank_before = False
            i += 1
            continue
        if cues:
            cues[-1] = _with_text(cues[-1], text)
        text = []
        cues.append(_timing(line, number, i + 1, name))
        blank_before = False
        i += 1
    if cues:
        cues[-1] = _with_text(cues[-1], text)
    return cues


def _timing_like(line: str, after_number: bool) -> bool:
    """Whether a line is meant as a timing line: it starts with a time and has
    an arrow (after a cue number, starting with a time is enough)."""
    if not _STARTS_WITH_TIME.match(line):
        return False
    return after_number or _ARROW.search(line) is not None


def _timing(line: str, number: int, line_number: int, name: str) -> Cue:
    match = _TIMING.fullmatch(line)
    times = None
    if match:
        start, end = _seconds(match.groups()[:4]), _seconds(match.groups()[4:])
        times = None if start is None or end is None else (start, end)
    times = checked_times(times, line, _TIMING_HELP, number, line_number, name)
    return Cue(number, line_number, times[0], times[1], ())


def _with_text(cue: Cue, text: list[tuple[int, str]]) -> Cue:
    return Cue(cue.number, cue.line, cue.start, cue.end, tuple(text))


def _seconds(fields: Sequence[str | None]) -> float | None:
    hours, minutes, seconds, fraction = fields
    assert hours is not None and minutes is not None and seconds is not None
    numbers = clock_fields(hours, minutes, seconds)
    if numbers is None or numbers[0] > _MAX_HOURS:
        return None
    # ",5" is 5 ms here, as the srt library reads it
    return clock_seconds(numbers, (fraction or "0").zfill(3))


EXAMPLE = """\
1
00:00:01,000 --> 00:00:04,200
Interviewer: Tell me about a project you led.

2
00:00:04,900 --> 00:00:09,500
Candidate: Last spring I led the migration of our billing service.
"""


READER = Reader(
    name="srt",
    description="SubRip subtitles (.srt), with or without Name: labels",
    extensions=(".srt",),
    sniff=sniff,
    read=read,
    example=EXAMPLE,
)
