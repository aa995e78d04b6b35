"""Helpers shared by metrics: the candidate's answers and verbatim quotes."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from ..model import Analysis, Marker, Question, Word, count_words
from .base import Scope

_WORD_END = re.compile(r"\S+")

PLEASANTRIES: frozenset[str] = frozenset({"small_talk", "closing"})
"""Intents whose answers are not judged on substance: "How was the drive?",
and "Any questions for me?", answered with the candidate's own questions."""


@dataclass(frozen=True)
class Answer:
    """The candidate's answer to one interviewer exchange."""

    exchange: int
    questions: tuple[Question, ...]
    turns: tuple[int, ...]
    words: tuple[tuple[int, Word], ...]
    seconds: float | None

    @property
    def word_count(self) -> int:
        return count_words(word for _, word in self.words)

    @property
    def quoted_turn(self) -> int:
        """The turn to quote for the answer as a whole: its first of
        QUOTED_WORDS words or more, else its longest. An answer the other
        party's "mm-hmm" cut into turns may open with a turn of "Sure." alone,
        which shows nothing of it ("sure" - answered in 96 words)."""
        counts = {t: count_words(w for u, w in self.words if u == t) for t in self.turns}
        opening = next((t for t in self.turns if counts[t] >= QUOTED_WORDS), None)
        return opening if opening is not None else max(self.turns, key=lambda t: counts[t])


QUOTED_WORDS = 5
"""Words a turn of an answer needs to be quoted for the whole answer
(:attr:`Answer.quoted_turn`)."""


def candidate_answers(analysis: Analysis, scope: Scope | None = None) -> list[Answer]:
    """Answers by ``scope.subject`` (the candidate by default) to the other
    party's questions in scope, one per exchange that got an answer (the
    candidate's clarifying turns are not in ``answer_turns``)."""
    scope = scope or Scope()
    subject = scope.subject
    asker = "candidate" if subject == "interviewer" else "interviewer"
    words = analysis.turn_words
    answers = []
    for exchange in scope.exchanges(analysis):
        turns = tuple(
            t for t in exchange.answer_turns if analysis.transcript.turns[t].role == subject
        )
        if exchange.asker_role != asker or not turns:
            continue
        answers.append(
            Answer(
                exchange=exchange.index,
                questions=tuple(analysis.questions[q] for q in exchange.questions),
                turns=turns,
                words=tuple((t, w) for t in turns for w in words.get(t, ())),
                seconds=_seconds(analysis, turns),
            )
        )
    return answers


def turn_end(analysis: Analysis, index: int) -> float | None:
    """When turn ``index`` ends: its own end, else (formats that stamp only
    starts: Otter, Rev, timed lines) the next turn's start."""
    all_turns = analysis.transcript.turns
    end = all_turns[index].end
    if end is None and index + 1 < len(all_turns):
        end = all_turns[index + 1].start
    return end


def turn_seconds(analysis: Analysis, index: int) -> float | None:
    """How long turn ``index`` lasts (see :func:`turn_end`); None when unknown."""
    start, end = analysis.transcript.turns[index].start, turn_end(analysis, index)
    if start is None or end is None or end < start:
        return None
    return end - start


def _seconds(analysis: Analysis, turns: Sequence[int]) -> float | None:
    """Speaking time of ``turns`` (see :func:`turn_seconds`); None when one is unknown."""
    total = 0.0
    for index in turns:
        seconds = turn_seconds(analysis, index)
        if seconds is None:
            return None
        total += seconds
    return total


def markers_by_sentence(analysis: Analysis, markers: Sequence[Marker]) -> dict[int, list[Marker]]:
    """The markers grouped by the index of the sentence that holds them."""
    grouped: dict[int, list[Marker]] = {}
    for marker in markers:
        sentence = analysis.sentence_at(marker.turn, marker.start)
        if sentence is not None:
            grouped.setdefault(sentence.index, []).append(marker)
    return grouped


def answer_markers(analysis: Analysis, answers: Sequence[Answer]) -> list[Marker]:
    turns = {t for answer in answers for t in answer.turns}
    return [m for m in analysis.markers if m.turn in turns]


def quote(text: str, start: int = 0, end: int | None = None, max_words: int = 30) -> str:
    """A verbatim slice of ``text[start:end]``, cut at a word end after ``max_words`` words."""
    piece = text[start:end].strip()
    offset = text.index(piece, start) if piece else start
    ends = _WORD_END.finditer(text, offset, offset + len(piece))
    words = list(islice(ends, max_words + 1))  # no further: a turn may be a megabyte
    if len(words) > max_words:
        return text[offset : words[max_words - 1].end()]
    return piece


def quote_holding(
    text: str, start: int, end: int, spans: Sequence[tuple[int, int]], max_words: int = 30
) -> tuple[str, list[int]]:
    """The quote of ``text[start:end]`` (see :func:`quote`) that holds the most
    of ``spans`` (character spans in ``text``), and which of them it holds (by
    index): the whole slice's quote when it holds them all, else the quote
    from the start of the span that lets it hold the most (the earliest of
    equals). A long sentence's quote, cut after ``max_words`` words, may
    otherwise end before the words the note names."""

    def held(piece: str, at: int) -> list[int]:
        offset = text.index(piece, at) if piece else at
        return [i for i, (a, b) in enumerate(spans) if offset <= a and b <= offset + len(piece)]

    best = quote(text, start, end, max_words)
    best_held = held(best, start)
    for a, _ in sorted(spans):
        if len(best_held) == len(spans):
            break
        piece = quote(text, a, end, max_words)
        inside = held(piece, a)
        if len(inside) > len(best_held):
            best, best_held = piece, inside
    return best, best_held


def linear_score(value: float, good: float, bad: float) -> float:
    """100 at ``good`` or better, 0 at ``bad`` or worse, linear between
    (works whichever of good/bad is larger)."""
    if good == bad:
        return 100.0 if value == good else 0.0
    share = (value - bad) / (good - bad)
    return 100.0 * min(1.0, max(0.0, share))


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else 0.0


def weighted(parts: Sequence[tuple[float, float]]) -> float:
    """Weighted mean of (score, weight) pairs; weights need not sum to one."""
    total = sum(w for _, w in parts)
    return sum(s * w for s, w in parts) / total if total else 0.0
