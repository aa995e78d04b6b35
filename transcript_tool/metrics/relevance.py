"""Answered the asked question: coverage of the question's focus and parts."""

from __future__ import annotations

from ..annotate.exchanges import NO_YES_OR_NO, PART_COVERED, effective_coverage
from ..model import Analysis, Evidence, MetricResult, Question
from .base import MetricSpec, Param, Params, Scope
from .common import candidate_answers, quote


def relevance(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    asked = [q for q in analysis.questions if q.role == "interviewer"]
    scored = [
        (question, _question_score(question, params))
        for answer in candidate_answers(analysis, scope)
        for question in answer.questions
    ]
    if not scored:
        return MetricResult(None, reason="no interviewer question got an answer")
    covered = [q.coverage for q, _ in scored if q.coverage is not None]
    return MetricResult(
        value=round(sum(s for _, s in scored) / len(scored), 1),
        evidence=tuple(_evidence(analysis, scored)),
        details={
            "questions": len(asked),
            "answered": sum(1 for q in asked if q.answered == "yes"),
            "partial": sum(1 for q in asked if q.answered == "partial"),
            "unanswered": sum(1 for q in asked if q.answered == "no"),
            "mean_coverage": round(sum(covered) / len(covered), 2) if covered else 0.0,
            "parts_missed": sum(
                sum(1 for share in q.part_coverage if share < PART_COVERED)
                for q, _ in scored
                if len(q.parts) > 1
            ),
            "indirect": sum(1 for q, _ in scored if q.direct is False),
        },
        items=tuple((f"question {q.index}", round(s, 1)) for q, s in scored),
    )


def _question_score(question: Question, params: Params) -> float:
    """Coverage of focus terms (full credit at PART_COVERED) blended with the
    share of parts addressed; a single-part question's one part is addressed
    when it was answered "yes" (for a yes/no question: with a yes or no)."""
    coverage = min(1.0, effective_coverage(question) / PART_COVERED)
    if len(question.parts) > 1:
        parts = question.part_coverage
        parts_share = sum(1 for share in parts if share >= PART_COVERED) / len(parts)
    else:
        parts_share = 1.0 if question.answered == "yes" else 0.0
    weight = float(params["parts_weight"])
    return 100.0 * ((1 - weight) * coverage + weight * parts_share)


def _evidence(analysis: Analysis, scored: list[tuple[Question, float]]) -> list[Evidence]:
    turns = analysis.transcript.turns
    evidence: list[Evidence] = []
    for question, _ in scored:
        left_out = [m for m in question.missing if m != NO_YES_OR_NO]
        if left_out:
            note = "the answer did not address: " + "; ".join(left_out)
            evidence.append(Evidence(question.turn, question.text, note, "improvement"))
        if question.direct is False:
            first = turns[question.answer_turns[0]]
            note = f'a yes/no question ("{question.text}") answered without a yes or no'
            evidence.append(
                Evidence(first.index, quote(first.text, max_words=20), note, "improvement")
            )
    for question in analysis.questions:
        if question.role == "interviewer" and question.answered == "no":
            note = "never answered before the transcript ends"
            evidence.append(Evidence(question.turn, question.text, note, "neutral"))
    good = [
        q
        for q, s in scored
        if s >= 90 and (len(q.parts) > 1 or q.direct) and q.intent not in ("small_talk", "closing")
    ]
    for question in good[:2]:
        first = turns[question.answer_turns[0]]
        if len(question.parts) > 1:
            note = f'answered every part of "{question.text}"'
        else:
            note = f'answered "{question.text}" with a clear yes or no first'
        evidence.append(Evidence(first.index, quote(first.text, max_words=20), note, "strength"))
    return evidence


SPEC = MetricSpec(
    name="relevance",
    function=relevance,
    description=(
        "Whether each answer addresses the question that was asked: the question's content "
        "words and every part of a compound question are covered, and a yes/no question "
        "gets a direct yes or no early. 0-100, higher is better."
    ),
    scale="score",
    params={
        "parts_weight": Param("number", 0.5, "weight of compound parts vs. focus terms", 0, 1),
    },
    details=(
        "questions",
        "answered",
        "partial",
        "unanswered",
        "mean_coverage",
        "parts_missed",
        "indirect",
    ),
)
