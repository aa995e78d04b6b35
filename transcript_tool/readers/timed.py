"""Timestamped lines (``format = "timed-text"``): one line per utterance with a
clock time, as meeting tools, Rev and podcast sites write them.

Accepted line layouts (``hh:mm:ss``, ``h:mm:ss`` or ``mm:ss``, optionally with
``.mmm`` or ``,mmm``)::

    [00:01:02] Name: text      (00:01:02) Name: text      00:01:02 Name: text
    Name: [00:01:02] text      Name: (00:01:02) text      (Rev, the stamp after the colon)
    Name [00:01:02] text                                  (Trint, no colon)
    00:01:02 text              [00:01:02] text            (no speaker: see below)
    [00:01:02.000 --> 00:01:05.000]   text                  (whisper.cpp's output)

A ``-`` or ``|`` between the stamp and the rest (``00:01:02 - Name: text``), a
tab instead of a space (Zoom's chat log) and a bold name (``**Name:**``) are
fine; a name is one to four words, the first starting with a letter; a line such as
``00:00:01.000 --> 00:00:04.000`` (a caption timing line) is not a timed line.
Rev's other layout, ``Name (00:01:02): text`` / ``Name [00:01:02]: text``, is
read here too, but it belongs to the labeled-text reader (:mod:`.text`) when
sniffing: see :func:`sniff`.

The stamp becomes the turn's ``start``; ``end`` stays None (the next line's
stamp says when the next person starts, not when this one stopped), but for
whisper.cpp's range, whose second time is its ``end``; the ``[SPEAKER_TURN]``
its tinydiarize option writes where it hears the speaker change is markup,
left out of the text. A line
without a stamp continues the turn before it, unless it is a tool's own
(:mod:`.boilerplate`: Sonix's paragraphs about itself ...), left out and
named in a notice; lines before the first stamped line are left out and
reported in a notice. Minutes and seconds after the
first field must be below 60 (``00:61:02`` is an error naming the line; the
leading field is the largest unit and may be any value, so ``75:30`` is 75
minutes). Times that go backwards are kept in file order and named in one
notice.

Speakers: a ``Name:`` after the stamp is a speaker when it recurs or is
capitalised and is not a note word (``Note:``, ``Summary:`` ...). When at least
half of the stamped lines carry a speaker, lines without one continue the
previous speaker (before any speaker: ``Unknown``, with a notice); otherwise
the file is unlabeled (a podcast's ``00:01:02 text`` lines) and all the text,
any ``Word:`` included, goes to the raw-caption segmenter, one chunk per
stamped line with its start time.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..errors import InputError, quoted
from ..model import Transcript
from . import Reader
from .boilerplate import tool_line, tool_lines_notices
from .clock import stamp_seconds
from .common import (
    LABEL_NOTE,
    Chunk,
    RawTurn,
    ReadOptions,
    build_transcript,
    capitalised,
    normalize_space,
    split_lines,
    unlabeled_transcript,
    voice_chunks,
)
from .cues import UNKNOWN_SPEAKER

STAMP = r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[.,][0-9]{1,3})?"
"""A clock time as the timed formats write it: ``h:mm:ss``, ``hh:mm:ss`` or
``mm:ss``, optionally with a fraction of a second after ``.`` or ``,``."""

_WORD = r"(?:[^\W\d_][\w.'’&-]*)"
_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|[0-9]+)){{0,3}}"
_LEAD = (
    rf"(?:\[(?P<square>{STAMP})\]|\((?P<round>{STAMP})\)|(?P<bare>{STAMP})(?=[ \t]|$)"
    rf"|\[(?P<from>{STAMP})[ \t]+-->[ \t]+(?P<until>{STAMP})\])"
    r"(?![ \t]*-->)"
)
_PREFIXED = re.compile(rf"^[ \t]*{_LEAD}[ \t]*(?:[-–—|][ \t]+)?(?P<rest>.*)$")
_LABEL = re.compile(
    rf"^(?:\*\*)?(?P<name>{_NAME}{LABEL_NOTE})(?:\*\*)?[ \t]*:(?:\*\*)?(?:[ \t]+|$)(?P<text>.*)$"
)
_STAMP_AFTER = re.compile(
    rf"^[ \t]*(?:\*\*)?(?P<name>{_NAME})(?:\*\*)?[ \t]*:(?:\*\*)?"
    rf"[ \t]*[\[(](?P<stamp>{STAMP})[\])][ \t]*(?P<text>.*)$"
)
_STAMP_BEFORE = re.compile(
    rf"^[ \t]*(?:\*\*)?(?P<name>{_NAME})[ \t]*[\[(](?P<stamp>{STAMP})[\])]"
    r"(?:\*\*)?[ \t]*:(?:\*\*)?(?:[ \t]+|$)(?P<text>.*)$"
)
# the stamp between the name and the text, no colon: "Priya Shah [00:00:03] Hi Sam" (Trint)
_STAMP_BETWEEN = re.compile(
    rf"^[ \t]*(?:\*\*)?(?P<name>{_NAME})(?:\*\*)?[ \t]+[\[(](?P<stamp>{STAMP})[\])]"
    r"[ \t]+(?P<text>[^\s:].*)$"
)
# whisper.cpp's tinydiarize ("-tdrz") ends a line where it hears the speaker
# change: markup, not words
_TURN_MARK = re.compile(r"[ \t]*\[SPEAKER_TURN\][ \t]*")
# Words that head a note or name a sound rather than a speaker.
_NOT_SPEAKERS = frozenset(
    """
    note notes nb example examples update edit tip tips warning caution important summary
    context background situation task action result results outcome lesson lessons takeaway
    step steps ps fyi re subject date time title location agenda topic http https www
    music applause laughter laughs inaudible crosstalk silence pause noise
    """.split()
)
_EXAMPLES_SHOWN = 3
_SNIFF_LINES = 2000


@dataclass(frozen=True)
class _Stamped:
    """A line in one of the timed layouts: its stamp as written, the label
    (spaces normalised) when it has one, the text after the label, and
    ``rest``: the line without its stamp (for a line that turns out to have
    no speaker). ``shared`` marks the ``Name (00:01:02):`` layout that the
    labeled-text reader owns."""

    stamp: str
    label: str | None
    text: str
    rest: str
    shared: bool = False
    until: str | None = None  # whisper.cpp's "[00:00:03.000 --> 00:00:05.000]": when it ends


def checked_clock(stamp: str, name: str, line: int) -> float:
    """:func:`~.clock.stamp_seconds`, or the InputError naming ``line`` for a stamp whose
    minutes or seconds pass 59."""
    value = stamp_seconds(stamp)
    if value is None:
        raise InputError(
            f"bad timestamp {quoted(stamp)}: minutes and seconds must be below 60",
            source=name,
            line=line,
        )
    return value


def checked_end(until: str, start: float, name: str, line: int) -> float:
    """:func:`checked_clock` of a range's end ``until``, or the InputError
    naming ``line`` for one before the range's ``start``."""
    end = checked_clock(until, name, line)
    if end < start:
        raise InputError("end time before start time", source=name, line=line)
    return end


def backwards_notices(times: Sequence[tuple[int, float, str]]) -> list[str]:
    """One notice naming the first few lines whose time is earlier than the
    time before it; ``times`` are (line, seconds, as written) in file order."""
    found = [
        f"line {line} ({written}) starts before line {before} ({written_before})"
        for (before, seconds_before, written_before), (line, seconds, written) in pairwise(times)
        if seconds < seconds_before
    ]
    if not found:
        return []
    shown = "; ".join(found[:_EXAMPLES_SHOWN])
    more = len(found) - _EXAMPLES_SHOWN
    rest = f"; and {more} more" if more > 0 else ""
    return [f"{shown}{rest} (kept in file order, with their times as written)"]


def line_notice(line: int, said: str) -> str:
    """ "line 14 ('Meeting ended after 00:07:41') is not part of any turn": a
    tool's own line (a footer, an event) left out of the turns."""
    return f"line {line} ({quoted(said)}) is not part of any turn"


def lines_notice(lines: Sequence[int], where: str) -> str:
    """ "line 3 <where> is ..." / "lines 1-4 <where> are ..." for skipped lines."""
    if lines[0] == lines[-1]:
        return f"line {lines[0]} {where} is not part of any turn"
    return f"lines {lines[0]}-{lines[-1]} {where} are not part of any turn"


def sniff(text: str, name: str) -> float:
    """0.95 when timed lines make up at least 30% of the non-blank lines
    (continuation lines make up the rest) and are not mostly the
    ``Name (00:01:02):`` layout, which the labeled-text reader keeps (so a
    Rev file in that layout reads as before); 0.0 otherwise."""
    lines = [line for line in split_lines(text)[:_SNIFF_LINES] if line.strip()]
    own = shared = 0
    for line in lines:
        stamped = _parse(line)
        if stamped is not None:
            shared += stamped.shared
            own += not stamped.shared
    if not own or own < shared or (own + shared) * 10 < len(lines) * 3:
        return 0.0
    return 0.95


def read(text: str, name: str, options: ReadOptions | None = None) -> Transcript:
    """Turns from timestamped lines; see the module docstring."""
    lines = split_lines(text.removeprefix("\ufeff"))
    parsed = [_parse(line) for line in lines]
    stamped = [(i, p) for i, p in enumerate(parsed) if p is not None]
    if not stamped:
        raise InputError(
            "no timestamped lines (expected lines like '[00:01:02] Name: text', "
            "'00:01:02 text' or 'Name: [00:01:02] text')",
            source=name,
        )
    times = [(i + 1, checked_clock(p.stamp, name, i + 1), p.stamp) for i, p in stamped]
    starts = {line - 1: seconds for line, seconds, _ in times}
    ends = {
        i: checked_end(p.until, starts[i], name, i + 1) for i, p in stamped if p.until is not None
    }
    notices = backwards_notices(times)
    first = stamped[0][0]
    # a tool's own lines, wherever they stand, are no one's words
    tools = {i: said for i, p in enumerate(parsed) if p is None and (said := tool_line(lines[i]))}
    preamble = [i + 1 for i in range(first) if lines[i].strip() and i not in tools]
    if preamble:
        notices.append(lines_notice(preamble, "before the first timestamp"))
    notices.extend(tool_lines_notices([(i + 1, said) for i, said in sorted(tools.items())]))
    speakers = _speakers([p for _, p in stamped])
    labeled = sum(1 for _, p in stamped if p.label and p.label.lower() in speakers)
    if not labeled or labeled * 2 < len(stamped):
        return _unlabeled(lines, parsed, (starts, ends), first, name, options, notices, tools)
    spelling: dict[str, str] = {}
    raw_turns: list[RawTurn] = []
    pieces: list[list[str]] = []  # each turn's lines, joined once (not appended: quadratic)
    unnamed: list[int] = []
    for i in range(first, len(lines)):
        line = parsed[i]
        if line is None:
            if i not in tools:
                pieces[-1].append(lines[i])
            continue
        if line.label is not None and line.label.lower() in speakers:
            speaker = spelling.setdefault(line.label.lower(), line.label)
            words = line.text
        else:
            speaker = raw_turns[-1].speaker if raw_turns else UNKNOWN_SPEAKER
            words = line.rest
            if not raw_turns and words.strip():
                unnamed.append(i + 1)
        raw_turns.append(RawTurn(speaker, words, line=i + 1, start=starts[i], end=ends.get(i)))
        pieces.append([words])
    for raw, texts in zip(raw_turns, pieces, strict=True):
        raw.text = "\n".join(texts)
    if unnamed:
        notices.append(
            f"timed text with no speaker name before the first speaker (line {unnamed[0]}) "
            f'is attributed to "{UNKNOWN_SPEAKER}"'
        )
    transcript = build_transcript(
        raw_turns, format="timed-text", source=name, notices=notices, unit="timestamped lines"
    )
    if not transcript.turns:
        raise InputError("the transcript is empty (is it the right file?)", source=name)
    return transcript


def _unlabeled(
    lines: Sequence[str],
    parsed: Sequence[_Stamped | None],
    times: tuple[dict[int, float], dict[int, float]],
    first: int,
    name: str,
    options: ReadOptions | None,
    notices: Sequence[str],
    tools: Container[int],
) -> Transcript:
    """No speakers: one chunk per stamped line (with the lines that follow it
    but a tool's own, ``tools``) for the raw-caption segmenter, with the
    line's start and (for a range) end ``times``."""
    starts, ends = times
    pieces: list[tuple[int, list[str]]] = []
    for i in range(first, len(lines)):
        line = parsed[i]
        if line is None:
            if i not in tools:
                pieces[-1][1].append(lines[i])
        else:
            pieces.append((i, [line.rest]))
    chunks = [
        piece
        for i, texts in pieces
        if any(text.strip() for text in texts)
        for piece in voice_chunks(
            Chunk(normalize_space(" ".join(texts)), line=i + 1, start=starts[i], end=ends.get(i))
        )
    ]
    if not chunks:
        raise InputError("the transcript is empty (is it the right file?)", source=name)
    return unlabeled_transcript(
        chunks,
        format="timed-text",
        source=name,
        options=options or ReadOptions(),
        notices=notices,
    )


def _parse(line: str) -> _Stamped | None:
    """The line in one of the timed layouts, or None."""
    match = _PREFIXED.match(line)
    if match:
        stamp = match["square"] or match["round"] or match["bare"] or match["from"]
        rest, until = match["rest"], match["until"]
        if until is not None:
            rest = _TURN_MARK.sub(" ", rest).strip()
        label = _LABEL.match(rest)
        if label:
            return _Stamped(stamp, _spaced(label["name"]), label["text"], rest, until=until)
        return _Stamped(stamp, None, rest, rest, until=until)
    for pattern, shared in ((_STAMP_AFTER, False), (_STAMP_BEFORE, True), (_STAMP_BETWEEN, False)):
        match = pattern.match(line)
        if match:
            # the line as written, a space in place of the stamp and its brackets:
            # a label that turns out to name no speaker keeps its words ("Note
            # (00:01): x" is "Note : x", not a "Note:" the line never had)
            rest = line[: match.start("stamp") - 1] + " " + line[match.end("stamp") + 1 :]
            label_name = _spaced(match["name"])
            return _Stamped(match["stamp"], label_name, match["text"], rest.strip(), shared)
    return None


def _speakers(stamped: Sequence[_Stamped]) -> set[str]:
    """Keys (lowercase) of the labels that are speakers: not a note word, and
    recurring or capitalised."""
    counts: dict[str, int] = {}
    for line in stamped:
        if line.label:
            counts[line.label.lower()] = counts.get(line.label.lower(), 0) + 1
    return {
        line.label.lower()
        for line in stamped
        if line.label
        and line.label.lower() not in _NOT_SPEAKERS
        and (counts[line.label.lower()] >= 2 or capitalised(line.label))
    }


def _spaced(label: str) -> str:
    return " ".join(label.split())


EXAMPLE = """\
[00:00:01] Priya Shah: Tell me about a project you led.
[00:00:05] Sam Ortiz: Last spring I led the migration of our billing service.
"""


READER = Reader(
    name="timed-text",
    description=(
        "timestamped lines ([00:01:02] Name: text, 00:01:02 Name: text, "
        "Rev's Name: [00:01:02] text, Trint's Name [00:01:02] text, unlabeled 00:01:02 text, "
        "whisper.cpp's [00:01:02.000 --> 00:01:05.000] text)"
    ),
    extensions=(".txt",),
    sniff=sniff,
    read=read,
    example=EXAMPLE,
)
