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


REASK_WINDOW = 200
"""Earlier questions a question is compared with: the interviewer's last 200
(an interview has tens). Comparing with every earlier one was quadratic in
the questions of a transcript."""


def find_reasks(questions: Sequence[Question]) -> tuple[Question, ...]:
    """Questions with ``reask_of`` set where an interviewer asks again what an
    earlier question of theirs (in an earlier turn, among the last
    REASK_WINDOW) asked: the question says so ("let me rephrase", "what I'm
    asking is": it re-asks the last one) or it shares most of an earlier
    question's focus terms (see REASK_OVERLAP). ``questions`` are in text
    order, each at its ``index``."""
    out = list(questions)
    eligible: list[tuple[Question, set[str]]] = []  # the interviewer's, in order
    turn, before_turn = -1, 0  # eligible[:before_turn] are from earlier turns
    for question in questions:
        if question.role != "interviewer" or question.intent in _NOT_REASKED:
            continue
        if question.turn != turn:
            turn, before_turn = question.turn, len(eligible)
        terms = {t for part in question.focus for t in part}
        earlier = eligible[max(0, before_turn - REASK_WINDOW) : before_turn]
        eligible.append((question, terms))
        best: tuple[float, Question, set[str]] | None = None
        for candidate, before in earlier:
            shared = terms & before
            smaller = min(len(terms), len(before))
            overlap = len(shared) / smaller if smaller else 0.0
            strong = len(shared) >= 2 and overlap >= REASK_OVERLAP
            if strong and (best is None or overlap >= best[0]):
                best = (overlap, candidate, before)
        if best is None and question.reask_cue and earlier:
            best = (0.0, *earlier[-1])
        if best is None:
            continue
        _, original, original_terms = best
        shared_terms = sorted(terms & original_terms)
        cue = question.reask_cue or "asks again about " + ", ".join(shared_terms)
        # a re-ask keeps the intent of the question it asks again (taxonomy tie-break 10)
        out[question.index] = dataclasses.replace(
            question,
            reask_of=original.index,
            reask_cue=cue,
            intent=out[original.index].intent,  # itself a re-ask's, if it was one
            intent_cue=f"asks question {original.index + 1} again ({cue})",
        )
    return tuple(out)
