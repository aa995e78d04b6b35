"""Caption cues to a Transcript: the machinery WebVTT (:mod:`.vtt`) and SRT
(:mod:`.srt`) share.

A :class:`Cue` is a cue as a reader found it (number, line, times, text
lines). :func:`transcript_from_cues` reads speakers from the cue text (Zoom
``Name:``, Teams ``<v Name>``, ``[Name]:``, ``>>``, dialogue dashes, and the
names :mod:`.cuenames` finds outside such labels, in the text or in Webex's cue
identifiers), strips the remaining
markup, de-duplicates YouTube's rolling captions and hands text with no
speaker anywhere to the raw-caption segmenter, one chunk per cue.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from ..errors import InputError, quoted
from ..model import Transcript
from ..segment.roles import role_from_label, split_note
from ..wording import counted
from .common import (
    LABEL_NOTE,
    Chunk,
    RawTurn,
    ReadOptions,
    build_transcript,
    capitalised,
    normalize_space,
    unlabeled_transcript,
)
from .cuenames import NAME, Headings, Shown, headings, identifier_name, is_sound_or_note, key
from .limits import check_segments

UNKNOWN_SPEAKER = "Unknown"
"""The speaker of caption text that names none, in a file where other text does."""

# Cue markup: <c.class>, </c>, <i>, <b>, <u>, <v Name>, <lang en>, <ruby>, <00:00:01.520>;
# also SRT's <font ...> and ASS-style {\an8}. "a < b" (a "<" then a space) is text.
_TAG = re.compile(r"<(?:/?[A-Za-z][^<>\n]*|/|\d[\d:.]*)>|\{\\[^{}\n]*\}")
_VOICE = re.compile(r"<v(?:\.[^\s>]+)*[ \t]+(?P<name>[^>\n]+)>")
_DASH = re.compile(r"^[ \t]*-[ \t]*(?=[^\s\d-])")
_LABEL = re.compile(
    rf"^[ \t]*(?:\[(?P<bracketed>{NAME})\][ \t]*:?|(?P<plain>{NAME}{LABEL_NOTE})[ \t]*:)"
    r"(?:[ \t]+|$)"
)
_OVERLAP_EXAMPLES = 3
DASH_CONFIDENCE = 0.6
"""Confidence of a turn attributed by dialogue-dash alternation."""


@dataclass(frozen=True)
class Cue:
    """One caption cue as written: its 1-based position among the file's cues,
    the line of its timing line, its times in seconds, its text lines (with
    markup) paired with their line numbers, and the WebVTT cue identifier
    above its timing line, if any."""

    number: int
    line: int
    start: float
    end: float
    text: tuple[tuple[int, str], ...]
    identifier: str | None = None


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
    cue_name: str | None = None  # the speaker the cue identifier names, when the text names none


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
    check_segments(len(cues), "caption cues", source)
    notices: list[str] = []
    cues, rolling = _drop_rolling_repeats(cues)
    if rolling:
        notices.append(
            "rolling auto-captions (each cue repeats the line before it): "
            "every caption line was read once"
        )
    else:
        notices.extend(overlap_notices(cues))
    headed = headings([_shown(cue) for cue in cues])
    pieces = [
        piece
        for cue, heads in zip(cues, headed, strict=True)
        for piece in _pieces(cue, voice_tags, heads)
    ]
    _fold_notes(pieces)
    # the names of the cue identifiers, and a label in the text that is one of them
    speakers = _speakers(pieces, len(cues)) | {key(p.cue_name) for p in pieces if p.cue_name}
    for piece in pieces:
        if piece.label is not None and key(piece.label) not in speakers:
            if piece.written:
                piece.words.insert(0, piece.written)
            piece.label = None
        if piece.label is None and piece.cue_name is not None:
            piece.label = piece.cue_name
    texts = [" ".join(piece.words) for piece in pieces]
    if not any(text.strip() for text in texts):
        raise InputError("the transcript is empty (is it the right file?)", source=source)
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
    spelling: dict[str, str] = {
        key(p.label): normalize_space(p.label)
        for p in reversed(pieces)
        if p.label is not None and key(p.label) in speakers
    }
    pair = sorted(spelling.values()) if len(spelling) == 2 else None
    speaker: str | None = None
    unnamed: list[int] = []
    alternated: list[int] = []
    for piece, text in zip(pieces, texts, strict=True):
        confidence = 1.0
        if piece.label is not None:
            speaker = spelling[key(piece.label)]
        elif piece.new_voice and pair is not None and speaker in pair:
            # a dialogue dash between the only two speakers: the other one talks
            speaker = pair[1] if speaker == pair[0] else pair[0]
            confidence = DASH_CONFIDENCE
            if text.strip():
                alternated.append(piece.line)
        elif speaker is None or piece.new_voice:
            speaker = UNKNOWN_SPEAKER
            if text.strip():
                unnamed.append(piece.line)
        raw_turns.append(
            RawTurn(
                speaker,
                text,
                line=piece.line,
                start=piece.start,
                end=piece.end,
                confidence=confidence,
            )
        )
    if alternated:
        notices.append(
            f"{counted(len(alternated), 'dialogue-dash line')}, the first in the cue at line "
            f"{alternated[0]}, attributed by alternating between the two speakers "
            "(each dash changes the speaker)"
        )
    if unnamed:
        more = f" (and {len(unnamed) - 1} more)" if len(unnamed) > 1 else ""
        notices.append(
            f"caption text with no speaker name on line {unnamed[0]}{more} "
            f'is attributed to "{UNKNOWN_SPEAKER}"'
        )
    return build_transcript(
        raw_turns, format=format, source=source, notices=notices, unit="caption pieces"
    )


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
        kept.append(replace(cue, text=rest))
    return kept, True


def _shown(cue: Cue) -> Shown:
    return [(line, text) for line, raw in cue.text if (text := normalize_space(clean(raw)))]


def _pieces(cue: Cue, voice_tags: bool, heads: Headings) -> list[_Piece]:
    """Split a cue at voice tags, ">>" and dialogue dashes; find ``Name:`` labels
    where a line or a voice starts. ``heads`` names the lines that name the
    speaker of the lines under them (lines above the first that show nothing
    are left out) and the lines that are markup. The first piece's line is the
    cue's line; it keeps the name the cue identifier gives, for when the text
    names no speaker."""
    pieces: list[_Piece] = []
    first = min(heads.names, default=0)
    text_lines = [
        (line, raw) for line, raw in cue.text if line >= first or normalize_space(clean(raw))
    ]
    for line, raw in text_lines:
        if line in heads.names:
            pieces.append(_Piece(heads.names[line], "", marked=True, new_voice=True, line=line))
            continue
        if line in heads.markup:
            continue
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
        pieces[0].cue_name = identifier_name(cue.identifier)
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
    labels = [p for p in pieces if p.label is not None and not is_sound_or_note(p.label)]
    counts: dict[str, int] = {}
    for piece in labels:
        assert piece.label is not None
        counts[key(piece.label)] = counts.get(key(piece.label), 0) + 1
    speakers = {key(p.label) for p in labels if p.marked and p.label}
    plain = [p.label for p in labels if not p.marked and p.label]
    zoom_like = len(plain) * 2 >= cue_count  # most cues start with a label: any name goes
    speakers |= {
        key(label)
        for label in plain
        if counts[key(label)] >= 2 and (zoom_like or capitalised(label) or len(label.split()) == 1)
    }
    if speakers or zoom_like:
        speakers |= {key(label) for label in plain if capitalised(label)}
    return speakers


def _fold_notes(pieces: Sequence[_Piece]) -> None:
    """A note in parentheses that is no role dropped from a label used without
    it too ("Priya Shah (laughing):" among "Priya Shah:"), as the text reader
    does: the same speaker, not another."""
    plain = {key(p.label) for p in pieces if p.label is not None and "(" not in p.label}
    for piece in pieces:
        noted = split_note(piece.label) if piece.label is not None else None
        if noted and key(noted[0]) in plain and role_from_label(noted[1]) is None:
            piece.label = noted[0]


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
            f"cue {number}: malformed timing line {quoted(timing_line.strip())} ({expected})",
            source=name,
            line=line,
        )
    if times[1] < times[0]:
        raise InputError(f"cue {number}: end time before start time", source=name, line=line)
    return times
