"""A turn's text cut into pieces by what to highlight in it.

The HTML and Markdown transcripts highlight question sentences and concept
mentions. :func:`turn_pieces` cuts each turn's text at the edges of its
questions (``Question.start``/``end``) and mentions (``Mention.start``/``end``)
into consecutive pieces that, joined, are exactly the turn's text; each piece
says which question and which concept covers it (the first one, where
spans overlap). Renderers escape each piece's text on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..model import Analysis, Mention, Question


@dataclass(frozen=True)
class Piece:
    """``text`` of a turn, inside question ``question`` (an index into
    ``Analysis.questions``) and concept ``concept`` (a concept id), or neither."""

    text: str
    question: int | None = None
    concept: str | None = None


def cut(text: str, questions: Sequence[Question], mentions: Sequence[Mention]) -> tuple[Piece, ...]:
    """``text`` as pieces (see the module docstring); spans outside the text
    are clipped to it."""
    length = len(text)
    edges = {0, length}
    spans: list[tuple[int, int, int | None, str | None]] = []
    spans.extend((q.start, q.end, q.index, None) for q in questions)
    spans.extend((m.start, m.end, None, m.concept) for m in mentions)
    for start, end, _, _ in spans:
        edges.update((max(0, min(start, length)), max(0, min(end, length))))
    bounds = sorted(edges)
    pieces: list[Piece] = []
    for start, end in pairwise(bounds):
        if start == end:
            continue
        question = next(
            (i for s, e, i, _ in spans if i is not None and s <= start and end <= e), None
        )
        concept = next(
            (c for s, e, _, c in spans if c is not None and s <= start and end <= e), None
        )
        piece = Piece(text[start:end], question, concept)
        if pieces and (pieces[-1].question, pieces[-1].concept) == (question, concept):
            piece = Piece(pieces.pop().text + piece.text, question, concept)
        pieces.append(piece)
    return tuple(pieces)


def turn_pieces(analysis: Analysis) -> dict[int, tuple[Piece, ...]]:
    """Turn index -> its text as pieces, for every turn."""
    questions: dict[int, list[Question]] = {}
    for question in analysis.questions:
        questions.setdefault(question.turn, []).append(question)
    mentions: dict[int, list[Mention]] = {}
    for mention in analysis.mentions:
        mentions.setdefault(mention.turn, []).append(mention)
    return {
        turn.index: cut(turn.text, questions.get(turn.index, []), mentions.get(turn.index, []))
        for turn in analysis.transcript.turns
    }
