"""Re-asks: an interviewer asking again what they asked before, because the
first answer missed it."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..model import Question

REASK_OVERLAP = 0.6
"""An interviewer question re-asks an earlier one when it shares at least this
share of the smaller question's focus terms (and at least two of them)."""
_NOT_REASKED: frozenset[str] = frozenset({"check_in", "closing", "small_talk", "reverse"})


def find_reasks(questions: Sequence[Question]) -> tuple[Question, ...]:
    """Questions with ``reask_of`` set where an interviewer asks again what an
    earlier question of theirs (in an earlier turn) asked: the question says so
    ("let me rephrase", "what I'm asking is": it re-asks the last one) or it
    shares most of an earlier question's focus terms (see REASK_OVERLAP)."""
    out = list(questions)
    for question in questions:
        if question.role != "interviewer" or question.intent in _NOT_REASKED:
            continue
        terms = {t for part in question.focus for t in part}
        earlier = [
            q
            for q in questions[: question.index]
            if q.role == "interviewer" and q.turn != question.turn and q.intent not in _NOT_REASKED
        ]
        best: tuple[float, Question] | None = None
        for candidate in earlier:
            before = {t for part in candidate.focus for t in part}
            shared = terms & before
            smaller = min(len(terms), len(before))
            overlap = len(shared) / smaller if smaller else 0.0
            strong = len(shared) >= 2 and overlap >= REASK_OVERLAP
            if strong and (best is None or overlap >= best[0]):
                best = (overlap, candidate)
        if best is None and question.reask_cue and earlier:
            best = (0.0, earlier[-1])
        if best is None:
            continue
        original = best[1]
        shared_terms = sorted(terms & {t for part in original.focus for t in part})
        cue = question.reask_cue or "asks again about " + ", ".join(shared_terms)
        out[question.index] = dataclasses.replace(question, reask_of=original.index, reask_cue=cue)
    return tuple(out)
