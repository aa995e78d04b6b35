"""A turn's text cut into pieces by what to highlight in it.

The HTML and Markdown transcripts highlight question sentences and concept
mentions. :func:`turn_pieces` cuts each turn's text at the edges of its
questions (``Question.start``/``end``) and mentions (``Mention.start``/``end``)
into consecutive pieces that, joined, are exactly the turn's text; each piece
says which question and which concept covers it (the first one, where
spans overlap). Renderers escape each piece's text on its own.
"""

from __future__ import annotations

import heapq
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
    are clipped to it. One sweep over the edges: each kind of span waits in a
    heap by its place in its list, so the first one covering a piece is on top
    (testing every span for every piece was quadratic in a long answer)."""
    length = len(text)

    def clip(at: int) -> int:
        return max(0, min(at, length))

    asked = [(clip(q.start), clip(q.end), q.index) for q in questions]
    said = [(clip(m.start), clip(m.end), m.concept) for m in mentions]
    edges = sorted({0, length, *(at for s, e, _ in (*asked, *said) for at in (s, e))})
    starting: dict[int, tuple[list[int], list[int]]] = {}
    for order, (begin, _, _) in enumerate(asked):
        starting.setdefault(begin, ([], []))[0].append(order)
    for order, (begin, _, _) in enumerate(said):
        starting.setdefault(begin, ([], []))[1].append(order)
    open_questions: list[tuple[int, int]] = []  # (order, end)
    open_mentions: list[tuple[int, int]] = []
    runs: list[tuple[list[str], int | None, str | None]] = []
    for start, end in pairwise(edges):
        new_questions, new_mentions = starting.get(start, ([], []))
        for order in new_questions:
            heapq.heappush(open_questions, (order, asked[order][1]))
        for order in new_mentions:
            heapq.heappush(open_mentions, (order, said[order][1]))
        while open_questions and open_questions[0][1] <= start:  # ended: it covers no more
            heapq.heappop(open_questions)
        while open_mentions and open_mentions[0][1] <= start:
            heapq.heappop(open_mentions)
        question = asked[open_questions[0][0]][2] if open_questions else None
        concept = said[open_mentions[0][0]][2] if open_mentions else None
        if runs and (runs[-1][1], runs[-1][2]) == (question, concept):
            runs[-1][0].append(text[start:end])
        else:
            runs.append(([text[start:end]], question, concept))
    return tuple(Piece("".join(texts), question, concept) for texts, question, concept in runs)


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
