"""Shared by every reader: the raw turn a reader produces and the step that
turns a list of them into a :class:`~transcript_tool.model.Transcript`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Role, Transcript, Turn
from ..segment.roles import assign_roles

_SPACE = re.compile(r"\s+")
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass
class RawTurn:
    """One labelled stretch of text as a reader found it.

    ``speaker`` is the label as written (already stripped of markup such as
    ``**``/``[]``); ``line`` is the 1-based source line of the label.
    """

    speaker: str
    text: str
    line: int | None = None
    start: float | None = None
    end: float | None = None
    confidence: float = 1.0


@dataclass(frozen=True)
class ReadOptions:
    """Hints for text with no speaker labels: how many speakers there are and,
    when known, the role of whoever speaks first."""

    speakers: int = 2
    first_role: Role | None = None


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


def build_transcript(
    raw_turns: Sequence[RawTurn],
    *,
    format: str,
    source: str | None,
    id: str | None = None,
    notices: Sequence[str] = (),
    roles: dict[str, tuple[Role, float]] | None = None,
) -> Transcript:
    """Merge consecutive turns of one speaker, drop turns with no words, index
    the rest and assign roles (labels first, then ``roles`` found by the
    segmenter, else inferred from how each speaker talks)."""
    merged: list[RawTurn] = []
    for raw in raw_turns:
        text = normalize_space(raw.text)
        if not text:
            continue
        if merged and merged[-1].speaker == raw.speaker:
            last = merged[-1]
            last.text = f"{last.text} {text}"
            if raw.end is not None:
                last.end = raw.end
            last.confidence = min(last.confidence, raw.confidence)
            continue
        merged.append(RawTurn(raw.speaker, text, raw.line, raw.start, raw.end, raw.confidence))
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
        )
        for i, raw in enumerate(merged)
    )
    transcript = Transcript(
        id=id, format=format, speakers=(), turns=turns, source=source, notices=tuple(notices)
    )
    return assign_roles(transcript, found=roles)


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
    finds the turns, the speakers and their roles."""
    from ..segment.unlabeled import segment_chunks

    result = segment_chunks(chunks, speakers=options.speakers, first_role=options.first_role)
    return build_transcript(
        result.turns,
        format=format,
        source=source,
        id=id,
        notices=(*notices, result.notice),
        roles=result.roles,
    )
