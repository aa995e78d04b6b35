"""WebVTT captions (.vtt): Zoom and Teams transcripts, YouTube auto-captions, subtitles.

Speakers are read from::

    Priya Shah: text                 (Zoom: the name before the first ": ")
    <v Priya Shah>text</v>           (Teams voice tags; the closing tag is optional)
    [Priya Shah]: text               (diarization tools)
    >> PRIYA: text    >> text        (broadcast captions; ">>" alone: someone else speaks)
    - text                           (a dialogue dash: another voice, name unknown)

Other markup (``<c>``, ``<i>``, ``<b>``, inline word timings such as
``<00:00:01.520>``) is removed and character references (``&amp;``) are
unescaped. Each cue becomes a turn with its start and end in seconds and the
line of its timing line; consecutive cues of one speaker merge. With no
speaker anywhere the cues go to the raw-caption segmenter, one chunk per cue.
YouTube's rolling auto-captions, where a cue repeats the line shown before it
(and 10 ms cues repeat a line on their own), are read once per line.

webvtt-py parses the file. This module also walks the lines itself, with
webvtt-py's block rules, to know the line of every cue and to report a
malformed cue by its line: webvtt-py skips such cues silently, and a skipped
cue would silently drop words. Header metadata, NOTE, STYLE and REGION blocks
are ignored.

The caption machinery shared with :mod:`.srt` (:class:`Cue`,
:func:`transcript_from_cues`) lives here.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from ..errors import InputError
from ..model import Transcript
from . import Reader
from .common import (
    Chunk,
    RawTurn,
    ReadOptions,
    build_transcript,
    normalize_space,
    unlabeled_transcript,
)

# --------------------------------------------------------------------- captions

UNKNOWN_SPEAKER = "Unknown"
"""The speaker of caption text that names none, in a file where other text does."""

_NEWLINE = re.compile(r"\r\n|\r|\n")
# Cue markup: <c.class>, </c>, <i>, <b>, <u>, <v Name>, <lang en>, <ruby>, <00:00:01.520>;
# also SRT's <font ...> and ASS-style {\an8}. "a < b" (a "<" then a space) is text.
_TAG = re.compile(r"<(?:/?[A-Za-z][^<>\n]*|/|\d[\d:.]*)>|\{\\[^{}\n]*\}")
_VOICE = re.compile(r"<v(?:\.[^\s>]+)*[ \t]+(?P<name>[^>\n]+)>")
_DASH = re.compile(r"^[ \t]*-[ \t]*(?=[^\s\d-])")
_WORD = r"(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof|Jr|Sr|St|[A-Z])\.|[^\W\d_][\w'’&-]*)"
_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|\d+)){{0,4}}"
_LABEL = re.compile(
    rf"^[ \t]*(?:\[(?P<bracketed>{_NAME})\][ \t]*:?|(?P<plain>{_NAME})[ \t]*:)(?:[ \t]+|$)"
)
# Labels that head a note or describe a sound rather than name a speaker.
_NOT_SPEAKERS = frozenset(
    """
    note notes nb example examples update edit tip tips warning important summary answer question
    questions step result results outcome lesson lessons takeaway context background situation
    task action problem solution approach reason because so also and but then first second
    finally next ps fyi re subject date time title location http https www
    """.split()
)
_SOUNDS = frozenset(
    """
    music applause laughter laughing laughs laugh chuckles chuckling inaudible unintelligible
    indiscernible crosstalk silence noise pause cheering cheers sighs sigh coughs cough
    coughing static beep beeping ringing typing background
    """.split()
)
_OVERLAP_EXAMPLES = 3


@dataclass(frozen=True)
class Cue:
    """One caption cue as written: its 1-based position among the file's cues,
    the line of its timing line, its times in seconds and its text lines
    (with markup) paired with their line numbers."""

    number: int
    line: int
    start: float
    end: float
    text: tuple[tuple[int, str], ...]


@dataclass
class _Piece:
    """The text of one voice within a cue."""

    label: str | None  # a speaker name as written
    written: str  # the label as it stands in the text, put back if it is no speaker
    marked: bool = False  # a voice tag or ">> Name:": certainly a speaker
    new_voice: bool = False  # "-" or ">>": someone else speaks from here
    words: list[str] = field(default_factory=list)
    line: int = 0
    start: float = 0.0
    end: float = 0.0


def transcript_from_cues(
    cues: Sequence[Cue],
    *,
    format: str,
    source: str,
    options: ReadOptions,
    voice_tags: bool = False,
) -> Transcript:
    """Turns from caption cues in file order, with speakers when the text names
    them (``voice_tags``: read WebVTT ``<v Name>`` tags); the raw-caption
    segmenter's turns when no cue names a speaker."""
    notices: list[str] = []
    cues, rolling = _drop_rolling_repeats(cues)
    if rolling:
        notices.append(
            "rolling auto-captions (each cue repeats the line before it): "
            "every caption line was read once"
        )
    else:
        notices.extend(overlap_notices(cues))
    pieces = [piece for cue in cues for piece in _pieces(cue, voice_tags)]
    speakers = _speakers(pieces, len(cues))
    for piece in pieces:
        if piece.label is not None and _key(piece.label) not in speakers:
            if piece.written:
                piece.words.insert(0, piece.written)
            piece.label = None
    texts = [" ".join(piece.words) for piece in pieces]
    if not any(text.strip() for text in texts):
        raise InputError("the transcript is empty (no words to analyse)", source=source)
    if not speakers:
        chunks = [
            Chunk(text, line=piece.line, start=piece.start, end=piece.end)
            for piece, text in zip(pieces, texts, strict=True)
            if text.strip()
        ]
        return unlabeled_transcript(
            chunks, format=format, source=source, options=options, notices=notices
        )
    raw_turns: list[RawTurn] = []
    spelling: dict[str, str] = {}
    speaker: str | None = None
    unnamed: list[int] = []
    for piece, text in zip(pieces, texts, strict=True):
        if piece.label is not None:
            speaker = spelling.setdefault(_key(piece.label), normalize_space(piece.label))
        elif speaker is None or piece.new_voice:
            speaker = UNKNOWN_SPEAKER
            if text.strip():
                unnamed.append(piece.line)
        raw_turns.append(RawTurn(speaker, text, line=piece.line, start=piece.start, end=piece.end))
    if unnamed:
        more = f" (and {len(unnamed) - 1} more)" if len(unnamed) > 1 else ""
        notices.append(
            f"caption text with no speaker name on line {unnamed[0]}{more} "
            f'is attributed to "{UNKNOWN_SPEAKER}"'
        )
    return build_transcript(raw_turns, format=format, source=source, notices=notices)


def overlap_notices(cues: Sequence[Cue]) -> list[str]:
    """One notice naming the first few cues that start before the previous cue
    ends (overlapping or out of order); the cues stay in file order."""
    found = [
        f"cue {cue.number} (line {cue.line}) starts before cue {previous.number} ends"
        for previous, cue in pairwise(cues)
        if cue.start < previous.end
    ]
    if not found:
        return []
    shown = "; ".join(found[:_OVERLAP_EXAMPLES])
    more = f"; and {len(found) - _OVERLAP_EXAMPLES} more" if len(found) > _OVERLAP_EXAMPLES else ""
    return [f"{shown}{more} (cues kept in file order, with their times as written)"]


def clean(text: str) -> str:
    """Caption text without markup, with character references unescaped."""
    return html.unescape(_TAG.sub("", text))


def _drop_rolling_repeats(cues: Sequence[Cue]) -> tuple[list[Cue], bool]:
    """The cues without the lines that repeat the end of the cue before, when the
    file is rolling captions (most cues begin with the previous cue's last line).

    Only leading lines that equal the previous cue's trailing lines are dropped,
    so a word said twice in a row ("yeah" / "yeah") stays when it is new.
    """
    shown = [
        [(i, normalize_space(clean(text))) for i, (_, text) in enumerate(cue.text)] for cue in cues
    ]
    shown = [[(i, text) for i, text in lines if text] for lines in shown]
    pairs = [(a, b) for a, b in pairwise(shown) if a and b]
    repeats = sum(1 for a, b in pairs if b[0][1] == a[-1][1])
    if repeats < 2 or repeats * 2 < len(pairs):
        return list(cues), False
    kept: list[Cue] = []
    previous: list[str] = []
    for cue, lines in zip(cues, shown, strict=True):
        texts = [text for _, text in lines]
        overlap = max(
            (j for j in range(1, min(len(texts), len(previous)) + 1) if texts[:j] == previous[-j:]),
            default=0,
        )
        if lines:
            previous = texts
        rest = cue.text[lines[overlap - 1][0] + 1 :] if overlap else cue.text
        kept.append(Cue(cue.number, cue.line, cue.start, cue.end, rest))
    return kept, True


def _pieces(cue: Cue, voice_tags: bool) -> list[_Piece]:
    """Split a cue at voice tags, ">>" and dialogue dashes; find ``Name:`` labels
    where a line or a voice starts. The first piece's line is the cue's line."""
    pieces: list[_Piece] = []
    for line, raw in cue.text:
        for index, (voice, segment) in enumerate(_voice_segments(raw, voice_tags)):
            text = clean(segment)
            if voice is not None:
                pieces.append(_Piece(voice, "", marked=True, new_voice=True))
                pieces[-1].line = line
                pieces[-1].words.extend(text.split())
                continue
            for part_index, part in enumerate(text.split(">>")):
                at_line_start = index == 0 and part_index == 0
                new_voice = part_index > 0
                if at_line_start and (dash := _DASH.match(part)):
                    part, new_voice = part[dash.end() :], True
                label = _LABEL.match(part) if new_voice or at_line_start else None
                if label:
                    name = label["bracketed"] or label["plain"]
                    marked = part_index > 0 and label["plain"] is not None
                    pieces.append(_Piece(name, label[0].strip(), marked, new_voice))
                    part = part[label.end() :]
                elif new_voice or (not pieces and part.strip()):
                    pieces.append(_Piece(None, "", new_voice=new_voice))
                else:
                    if part.strip():
                        pieces[-1].words.extend(part.split())
                    continue
                pieces[-1].line = line
                pieces[-1].words.extend(part.split())
    for piece in pieces:
        piece.start, piece.end = cue.start, cue.end
    if pieces:
        pieces[0].line = cue.line
    return pieces


def _voice_segments(raw: str, voice_tags: bool) -> Iterator[tuple[str | None, str]]:
    """(voice name or None, text) for the stretches of a line between voice tags."""
    if not voice_tags:
        yield None, raw
        return
    position = 0
    name: str | None = None
    for match in _VOICE.finditer(raw):
        if match.start() > position or name is not None:
            yield name, raw[position : match.start()]
        name = normalize_space(html.unescape(match["name"]))
        position = match.end()
    yield name, raw[position:]


def _speakers(pieces: Sequence[_Piece], cue_count: int) -> set[str]:
    """Keys of the labels accepted as speakers.

    Voice tags and ``>> Name:`` always count. A ``Name:``/``[Name]`` label counts
    when it recurs and looks like a name (capitalised words, or one word), or,
    once some speaker is found, when it is one capitalised name. When labels
    start at least half the cues (a Zoom export), a capitalised label counts
    even once and a recurring one even in lowercase. Note words and sounds
    ("Note:", "[Music]") never do.
    """
    labels = [p for p in pieces if p.label is not None and not _is_sound_or_note(p.label)]
    counts: dict[str, int] = {}
    for piece in labels:
        assert piece.label is not None
        counts[_key(piece.label)] = counts.get(_key(piece.label), 0) + 1
    speakers = {_key(p.label) for p in labels if p.marked and p.label}
    plain = [p.label for p in labels if not p.marked and p.label]
    zoom_like = len(plain) * 2 >= cue_count  # most cues start with a label: any name goes
    speakers |= {
        _key(label)
        for label in plain
        if counts[_key(label)] >= 2
        and (zoom_like or _capitalised(label) or len(label.split()) == 1)
    }
    if speakers or zoom_like:
        speakers |= {_key(label) for label in plain if _capitalised(label)}
    return speakers


def _is_sound_or_note(label: str) -> bool:
    words = label.lower().split()
    return " ".join(words) in _NOT_SPEAKERS or any(word in _SOUNDS for word in words)


def _capitalised(label: str) -> bool:
    return all(word[0].isupper() or word.isdigit() for word in label.split())


def _key(label: str) -> str:
    return normalize_space(label).lower()


# ------------------------------------------------------------------------ WebVTT

_HEADER = re.compile(r"[\ufeff\s]*WEBVTT(?:[ \t\r\n]|$)")
_TIMESTAMP = r"(?:\d+:)?\d{1,2}:\d{1,2}\.\d{1,3}"
# as webvtt-py 0.6 finds a cue's timing line (a prefix match)
_TIMING = re.compile(rf"\s*({_TIMESTAMP})\s*-->\s*({_TIMESTAMP})")
_FIELDS = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{1,2})\.(\d{1,3})")
_TIMING_HELP = "expected hh:mm:ss.mmm --> hh:mm:ss.mmm"


def sniff(text: str, name: str) -> float:
    """0.95 for text that starts with ``WEBVTT``; 0.5 for any other ``.vtt`` file."""
    if _HEADER.match(text):
        return 0.95
    return 0.5 if name.lower().endswith(".vtt") else 0.0


def read(text: str, name: str, options: ReadOptions | None = None) -> Transcript:
    """Turns from WebVTT captions; see the module docstring."""
    if not text.strip():
        raise InputError("no captions (the file is empty)", source=name)
    lines = _NEWLINE.split(text)
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if not _HEADER.match(lines[first] if lines else ""):
        raise InputError(
            'not a WebVTT file: the first line must be "WEBVTT"', source=name, line=first + 1
        )
    lines[first] = lines[first].lstrip("\ufeff \t")
    body = lines[first:]
    cues = _scan(body, first, name)
    if not cues:
        raise InputError(f"no captions (no cue timing line; {_TIMING_HELP})", source=name)
    try:
        captions = webvtt.from_buffer(io.StringIO("\n".join(body))).captions
    except (MalformedFileError, MalformedCaptionError) as error:
        raise InputError(f"not valid WebVTT: {error}", source=name) from None
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
        cues.append(Cue(number, line, times[0], times[1], text))
    return cues


def checked_times(
    times: tuple[float, float] | None,
    timing_line: str,
    expected: str,
    number: int,
    line: int,
    name: str,
) -> tuple[float, float]:
    """``times`` of cue ``number``, or the InputError for a timing line that did
    not parse or ends before it starts."""
    if times is None:
        raise InputError(
            f"cue {number}: malformed timing line {timing_line.strip()!r} ({expected})",
            source=name,
            line=line,
        )
    if times[1] < times[0]:
        raise InputError(f"cue {number}: end time before start time", source=name, line=line)
    return times


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
    hours, minutes, seconds = int(fields[1] or 0), int(fields[2]), int(fields[3])
    if minutes > 59 or seconds > 59:
        return None
    return hours * 3600 + minutes * 60 + seconds + int(fields[4].ljust(3, "0")) / 1000


READER = Reader(
    name="vtt",
    description="WebVTT captions (Zoom Name: text, Teams <v Name>, YouTube auto-captions)",
    extensions=(".vtt",),
    sniff=sniff,
    read=read,
)
