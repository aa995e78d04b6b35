"""Shared by every reader: the raw turn a reader produces and the step that
turns a list of them into a :class:`~transcript_tool.model.Transcript`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Transcript, Turn
from ..segment.roles import assign_roles

_SPACE = re.compile(r"\s+")


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
) -> Transcript:
    """Merge consecutive turns of one speaker, drop turns with no words, index
    the rest and assign roles (labels first, else inferred from how each
    speaker talks)."""
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
            continue
        merged.append(RawTurn(raw.speaker, text, raw.line, raw.start, raw.end))
    turns = tuple(
        Turn(
            index=i,
            speaker=raw.speaker,
            role="other",
            text=raw.text,
            start=raw.start,
            end=raw.end,
            line=raw.line,
        )
        for i, raw in enumerate(merged)
    )
    transcript = Transcript(
        id=id, format=format, speakers=(), turns=turns, source=source, notices=tuple(notices)
    )
    return assign_roles(transcript)
