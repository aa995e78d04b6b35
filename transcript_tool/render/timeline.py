"""Where each turn sits in the conversation: the geometry every timeline draws.

:func:`layout` places each turn on one axis, in seconds from the first turn's
start when every turn has timestamps, else in words (each turn as long as its
words, one after the other), and gives each speaker a lane. The HTML report
draws it as SVG; :func:`block_rows` reduces it to a fixed number of columns
for the terminal and Markdown timelines (one line of blocks per speaker).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from ..model import LOW_CONFIDENCE, ROLES, Question, Role, Transcript, count_text_words
from ..wording import agree

Unit = Literal["seconds", "words"]


@dataclass(frozen=True)
class Lane:
    """One speaker's row: ``label`` is the role (interviewer or candidate)
    when no other speaker has it, else the speaker's label."""

    speaker: str
    role: Role
    label: str


@dataclass(frozen=True)
class Span:
    """A turn on the axis, from ``start`` to ``end`` (seconds or words from
    the beginning), in lane ``lane``; ``uncertain`` when its speaker or its
    boundary is less sure than LOW_CONFIDENCE."""

    turn: int
    lane: int
    role: Role
    start: float
    end: float
    words: int
    uncertain: bool


@dataclass(frozen=True)
class Layout:
    """Every turn placed: ``total`` is the length of the axis in ``unit``."""

    unit: Unit
    total: float
    lanes: tuple[Lane, ...]
    spans: tuple[Span, ...]

    @cached_property
    def span_of(self) -> Mapping[int, Span]:
        """Each placed turn's span, by turn index (looked up per question:
        scanning the spans for each was quadratic)."""
        return {span.turn: span for span in self.spans}


def _timed(transcript: Transcript) -> bool:
    """Every turn has a start and an end, no end before its start, and the
    conversation lasts longer than no time."""
    times: list[tuple[float, float]] = []
    for turn in transcript.turns:
        if turn.start is None or turn.end is None or turn.end < turn.start:
            return False
        times.append((turn.start, turn.end))
    return bool(times) and max(e for _, e in times) > min(s for s, _ in times)


def _lanes(transcript: Transcript) -> tuple[Lane, ...]:
    """Speakers who spoke, interviewers first, then candidates, then others,
    each in order of their first turn."""
    order: list[str] = []
    for turn in transcript.turns:
        if turn.speaker not in order:
            order.append(turn.speaker)
    role_of = {t.speaker: t.role for t in transcript.turns}
    order.sort(key=lambda s: ROLES.index(role_of[s]))
    per_role = {role: sum(1 for s in order if role_of[s] == role) for role in ROLES}
    return tuple(Lane(s, role_of[s], _label(s, role_of[s], per_role[role_of[s]])) for s in order)


def _label(speaker: str, role: Role, speakers_with_role: int) -> str:
    return role if speakers_with_role == 1 and role != "other" else speaker


def layout(transcript: Transcript) -> Layout:
    """Place every turn of ``transcript`` (see the module docstring)."""
    lanes = _lanes(transcript)
    lane_of = {lane.speaker: index for index, lane in enumerate(lanes)}
    spans: list[Span] = []
    if _timed(transcript):
        origin = min(t.start or 0.0 for t in transcript.turns)
        for turn in transcript.turns:
            assert turn.start is not None and turn.end is not None
            spans.append(
                Span(
                    turn.index,
                    lane_of[turn.speaker],
                    turn.role,
                    turn.start - origin,
                    turn.end - origin,
                    count_text_words(turn.text),
                    turn.confidence < LOW_CONFIDENCE,
                )
            )
        total = max(s.end for s in spans)
        return Layout("seconds", total, lanes, tuple(spans))
    position = 0.0
    for turn in transcript.turns:
        words = count_text_words(turn.text)
        spans.append(
            Span(
                turn.index,
                lane_of[turn.speaker],
                turn.role,
                position,
                position + words,
                words,
                turn.confidence < LOW_CONFIDENCE,
            )
        )
        position += words
    return Layout("words", max(position, 1.0), lanes, tuple(spans))


def question_position(layout: Layout, question: Question, text_length: int) -> float:
    """Where ``question`` begins on the axis: inside its turn's span, in
    proportion to its character offset in the turn's text."""
    span = layout.span_of[question.turn]
    share = question.start / text_length if text_length else 0.0
    return span.start + share * (span.end - span.start)


@dataclass(frozen=True)
class Cell:
    """One column of a lane: ``share`` of the column the speaker talks
    (0..1), and whether most of that talk is in uncertain turns."""

    share: float
    uncertain: bool


def block_rows(layout: Layout, columns: int) -> list[list[Cell]]:
    """Per lane, ``columns`` cells covering the axis from 0 to ``total``."""
    step = layout.total / columns
    talk = [[0.0] * columns for _ in layout.lanes]
    unsure = [[0.0] * columns for _ in layout.lanes]
    for span in layout.spans:
        if span.end <= span.start:
            continue
        first = min(int(span.start / step), columns - 1)
        last = min(int(span.end / step), columns - 1)
        for column in range(first, last + 1):
            overlap = min(span.end, (column + 1) * step) - max(span.start, column * step)
            if overlap > 0:
                talk[span.lane][column] += overlap
                if span.uncertain:
                    unsure[span.lane][column] += overlap
    return [
        [
            Cell(min(1.0, amount / step), amount > 0 and doubt * 2 >= amount)
            for amount, doubt in zip(row, doubts, strict=True)
        ]
        for row, doubts in zip(talk, unsure, strict=True)
    ]


def question_columns(
    layout: Layout, questions: Sequence[Question], lengths: Sequence[int], columns: int
) -> set[int]:
    """The columns where a question begins (``lengths``: each turn's text length)."""
    step = layout.total / columns
    return {
        min(int(question_position(layout, q, lengths[q.turn]) / step), columns - 1)
        for q in questions
    }


FULL, PART, UNSURE_FULL, UNSURE_PART, EMPTY, ASKS = "█", "▌", "▓", "░", " ", "?"
LEGEND = "█ speaking  ▌ briefly  ▓░ in an uncertain turn  ? a question begins"


def glyph(cell: Cell) -> str:
    """█ for a column the speaker holds for at least half, ▌ for less; ▓ and
    ░ instead when the talk is in uncertain turns; a space for none."""
    if cell.share <= 0:
        return EMPTY
    if cell.share >= 0.5:
        return UNSURE_FULL if cell.uncertain else FULL
    return UNSURE_PART if cell.uncertain else PART


def scale_note(layout: Layout, columns: int) -> str:
    """What one column stands for: ``one block = 52 words`` or ``one block = 9 s``
    (``columns`` as :func:`fitting_columns` gives them: a words block is at
    least one word, a block of time at least 0.1 s)."""
    step = layout.total / columns
    if layout.unit == "seconds":
        return f"one block = {step:.0f} s" if step >= 1 else f"one block = {step:.1f} s"
    return f"one block = {step:.0f} {agree(round(step), 'word')}"


SMALLEST_BLOCK = {"words": 1.0, "seconds": 0.1}
"""The least a block of the text timeline stands for: a word (a block is
never a fraction of one), a tenth of a second (what the scale note shows)."""


def fitting_columns(layout: Layout, room: int) -> int:
    """How many columns a timeline with ``room`` for them gets: all of them,
    but no more than blocks of :data:`SMALLEST_BLOCK` fill (a 12-word
    transcript is 12 blocks, not 85 blocks of "0.1 words"; a 2.5-second clip
    25 blocks of 0.1 s, not 85 of "0.0 s")."""
    least = SMALLEST_BLOCK[layout.unit]
    return max(1, min(room, math.ceil(round(layout.total / least, 6))))


def clock(seconds: float) -> str:
    """``seconds`` as ``m:ss`` (or ``h:mm:ss`` from an hour)."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass(frozen=True)
class BlockLine:
    """One line of a text timeline: ``glyphs`` (one per column) after
    ``label``; ``role`` is None for the line of question marks, and
    ``uncertain`` says per column whether the talk is in uncertain turns."""

    label: str
    role: Role | None
    glyphs: str
    uncertain: tuple[bool, ...]


LABEL_WIDTH = 14


def block_lines(
    layout: Layout, questions: Sequence[Question], lengths: Sequence[int], width: int
) -> tuple[str, int, list[BlockLine]]:
    """A timeline ``width`` columns wide: its title, the label width, and a
    line per lane (then one of ``?`` where questions begin, if any). Each
    line is ``"  " + label padded to the label width + "  " + glyphs``."""
    label_width = min(LABEL_WIDTH, max([len(lane.label) for lane in layout.lanes] + [9]))
    columns = fitting_columns(layout, max(10, width - label_width - 4))
    by = "time" if layout.unit == "seconds" else "words"
    title = f"Conversation by {by} ({scale_note(layout, columns)})"
    lines = []
    for lane, cells in zip(layout.lanes, block_rows(layout, columns), strict=True):
        lines.append(
            BlockLine(
                lane.label[:label_width],
                lane.role,
                "".join(glyph(c) for c in cells),
                tuple(c.uncertain for c in cells),
            )
        )
    if questions:
        marks = question_columns(layout, questions, lengths, columns)
        row = "".join(ASKS if c in marks else EMPTY for c in range(columns))
        lines.append(BlockLine("questions", None, row, (False,) * columns))
    return title, label_width, lines


def plain_lines(
    layout: Layout, questions: Sequence[Question], lengths: Sequence[int], width: int
) -> tuple[str, list[str]]:
    """:func:`block_lines` as plain text lines (no trailing spaces)."""
    title, label_width, lines = block_lines(layout, questions, lengths, width)
    return title, [f"  {line.label:<{label_width}}  {line.glyphs}".rstrip() for line in lines]
