"""Shared by every reader: the raw turn a reader produces and the step that
turns a list of them into a :class:`~transcript_tool.model.Transcript`."""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import PAUSE_SECONDS, Pause, Role, Transcript, Turn
from ..segment.roles import assign_roles
from .limits import check_segments, check_words

_SPACE = re.compile(r"\s+")
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass
class RawTurn:
    """One labelled stretch of text as a reader found it.

    ``speaker`` is the label as written (already stripped of markup such as
    ``**``/``[]``); ``line`` is the 1-based source line of the label.
    ``pauses`` are silences inside ``text``, each before the word at its
    offset into ``text``.
    """

    speaker: str
    text: str
    line: int | None = None
    start: float | None = None
    end: float | None = None
    confidence: float = 1.0
    pauses: list[Pause] = field(default_factory=list)


@dataclass(frozen=True)
class ReadOptions:
    """Hints for text with no speaker labels: how many speakers there are and,
    when known, the role of whoever speaks first."""

    speakers: int = 2
    first_role: Role | None = None

    def flags(self) -> list[str]:
        """The command-line options that gave these hints ("--speakers 3",
        "--interviewer-first"); none for the defaults."""
        given = [f"--speakers {self.speakers}"] if self.speakers != 2 else []
        if self.first_role is not None:
            given.append(f"--{self.first_role}-first")
        return given


@dataclass(frozen=True)
class Chunk:
    """A piece of unlabeled text as the source holds it (a line, a caption
    cue), with its source line and times when known."""

    text: str
    line: int | None = None
    start: float | None = None
    end: float | None = None


def split_lines(text: str) -> list[str]:
    """The lines of ``text``, whichever of CRLF, LF or a lone CR ends them."""
    return _NEWLINE.split(text)


def normalize_space(text: str) -> str:
    """Collapse runs of whitespace (newlines included) into single spaces."""
    return _SPACE.sub(" ", text).strip()


_NEW_VOICE = re.compile(r"(?:^|\s)>>(?=\s|$)")


def voice_chunks(chunk: Chunk) -> list[Chunk]:
    """``chunk`` split where a broadcast caption's ">>" says that someone
    else speaks ("... about your role? >> Sure. I'm ..."), the marks left
    out: a chunk of words for the raw-caption segmenter on each side, the
    first with the chunk's start, the last with its end."""
    parts = [part for part in _NEW_VOICE.split(chunk.text) if part.strip()]
    if len(parts) == 1 and parts[0] == chunk.text:
        return [chunk]
    return [
        Chunk(
            normalize_space(part),
            line=chunk.line,
            start=chunk.start if i == 0 else None,
            end=chunk.end if i == len(parts) - 1 else None,
        )
        for i, part in enumerate(parts)
    ]


LABEL_NOTE = r"(?:[ \t]*\([^()\d\n:][^()\n:]{0,39}\))?"
"""An optional note in parentheses after a speaker's name, as labels carry
it ("Priya Shah (Interviewer):", "Daniel Kim (laughing):"); not a time."""


_NOTE_AFTER = re.compile(r"[ \t]*\([^()]*\)[ \t]*$")


def capitalised(name: str) -> bool:
    """Whether every word of a speaker name starts with a capital or is a
    number ("Priya Shah", "Speaker 1"; a note in parentheses after it aside:
    "Priya Shah (Interviewer)", "Sam Ortiz (he/him)"): a label, not a phrase
    that happens to end in a colon or stand above a time."""
    words = _NOTE_AFTER.sub("", name).split()
    return bool(words) and all(word[:1].isupper() or word.isdigit() for word in words)


def build_transcript(
    raw_turns: Sequence[RawTurn],
    *,
    format: str,
    source: str | None,
    id: str | None = None,
    notices: Sequence[str] = (),
    roles: dict[str, tuple[Role, float]] | None = None,
    unit: str = "turns",
) -> Transcript:
    """Merge consecutive turns of one speaker (keeping the silences between
    them as pauses), drop turns with no words, index the rest and assign roles
    (labels first, then ``roles`` found by the segmenter, else inferred from
    how each speaker talks). InputError when there are more ``raw_turns``
    (``unit``: what they are in the source) than :func:`.limits.max_segments`,
    or more words than :func:`.limits.max_words`."""
    check_segments(len(raw_turns), unit, source or "<input>")
    merged: list[RawTurn] = []
    parts: list[list[str]] = []  # each merged turn's texts, joined at the end (not
    length = 0  # appended one by one: that is quadratic in a long run of one speaker)
    for raw in raw_turns:
        text = normalize_space(raw.text)
        if not text:
            continue
        pauses = [
            Pause(len(normalize_space(raw.text[: p.offset])) + 1, p.start, p.end)
            for p in raw.pauses
            if normalize_space(raw.text[: p.offset])  # a pause before the first word is none
        ]
        if merged and merged[-1].speaker == raw.speaker:
            last = merged[-1]
            offset = length + 1
            gap = pause_between(offset, last.end, raw.start)
            last.pauses.extend([gap] if gap else [])
            last.pauses.extend(_shifted(p, offset) for p in pauses)
            parts[-1].append(text)
            length = offset + len(text)
            # the span of all its parts, when times go backwards too
            # (kept in file order: a later cue may start before an earlier one)
            if raw.start is not None and (last.start is None or raw.start < last.start):
                last.start = raw.start
            if raw.end is not None and (last.end is None or raw.end > last.end):
                last.end = raw.end
            last.confidence = min(last.confidence, raw.confidence)
            continue
        merged.append(
            RawTurn(raw.speaker, text, raw.line, raw.start, raw.end, raw.confidence, pauses)
        )
        parts.append([text])
        length = len(text)
    for raw, texts in zip(merged, parts, strict=True):
        raw.text = " ".join(texts)
    check_words(sum(raw.text.count(" ") + 1 for raw in merged), source or "<input>")
    turns = tuple(
        Turn(
            index=i,
            speaker=raw.speaker,
            role="other",
            text=raw.text,
            start=raw.start,
            end=raw.end,
            confidence=raw.confidence,
            line=raw.line,
            pauses=tuple(raw.pauses),
        )
        for i, raw in enumerate(merged)
    )
    transcript = Transcript(
        id=id, format=format, speakers=(), turns=turns, source=source, notices=tuple(notices)
    )
    return assign_roles(transcript, found=roles)


def pause_between(offset: int, stop: float | None, resume: float | None) -> Pause | None:
    """The pause from ``stop`` to ``resume`` before the word at ``offset``,
    when both times are known and it lasts at least PAUSE_SECONDS."""
    if stop is None or resume is None or resume - stop < PAUSE_SECONDS:
        return None
    return Pause(offset, stop, resume)


def _shifted(pause: Pause, by: int) -> Pause:
    return Pause(pause.offset + by, pause.start, pause.end)


def unlabeled_transcript(
    chunks: Sequence[Chunk],
    *,
    format: str,
    source: str | None,
    options: ReadOptions,
    id: str | None = None,
    notices: Sequence[str] = (),
) -> Transcript:
    """A transcript from text with no speaker labels: the raw-caption segmenter
    finds the turns, the speakers and their roles; InputError for more words
    than :func:`.limits.max_words`, before the segmenter reads them."""
    from ..segment.unlabeled import segment_chunks

    check_words(sum(len(chunk.text.split()) for chunk in chunks), source or "<input>")
    result = segment_chunks(chunks, speakers=options.speakers, first_role=options.first_role)
    return build_transcript(
        result.turns,
        format=format,
        source=source,
        id=id,
        notices=(*notices, result.notice, correction_hint(source, options)),
        roles=result.roles,
    )


def correction_hint(source: str | None, options: ReadOptions) -> str:
    """How to correct inferred speakers: the command that writes the same
    turns as labeled text, for ``source`` (a placeholder for standard input)
    read with ``options``."""
    command = ["transcript-tool", "segment"]
    command.append(shlex.quote(source) if source and source != "-" else "FILE")
    if options.speakers != 2:
        command.append(f"--speakers {options.speakers}")
    if options.first_role is not None:
        command.append(f"--{options.first_role}-first")
    return (
        "to correct the speakers, change the wrong labels in the file this command writes, "
        f"then report it: {' '.join(command)} --format labeled > fixed.txt"
    )
