"""Answered the asked question: coverage of the question's focus and parts."""

from __future__ import annotations

from ..annotate.exchanges import PART_COVERED, effective_coverage
from ..model import Analysis, Evidence, MetricResult, Question
from .base import MetricSpec, Param, Params
from .common import candidate_answers, quote


def relevance(analysis: Analysis, params: Params) -> MetricResult:
    answers = candidate_answers(analysis)
    turns = analysis.transcript.turns
    scored: list[tuple[Question, float, bool]] = []
    for answer in answers:
        for question in answer.questions:
            direct = question.direct is not False
            scored.append((question, _question_score(question, direct, params), direct))
    if not scored:
        return MetricResult(None, reason="no interviewer question got an answer")
    unanswered = [q for q in analysis.questions if q.role == "interviewer" and q.answered == "no"]
    evidence: list[Evidence] = []
    for question, _, _ in scored:
        if question.answered == "partial":
            evidence.append(
                Evidence(
                    question.turn,
                    question.text,
                    "the answer did not address: " + "; ".join(question.missing),
                    "improvement",
                )
            )
    for question, _, direct in scored:
        if not direct:
            first = turns[question.answer_turns[0]]
            evidence.append(
                Evidence(
                    first.index,
                    quote(first.text, max_words=20),
                    f'a yes/no question ("{question.text}") answered without a clear yes or no '
                    "at the start",
                    "improvement",
                )
            )
    for question in unanswered:
        evidence.append(
            Evidence(
                question.turn, question.text, "never answered before the transcript ends", "neutral"
            )
        )
    good = [
        q
        for q, s, direct in scored
        if s >= 90
        and (len(q.parts) > 1 or (q.form == "yes_no" and direct))
        and q.intent not in ("small_talk", "closing")
    ]
    for question in good[:2]:
        first = turns[question.answer_turns[0]]
        evidence.append(
            Evidence(
                first.index,
                quote(first.text, max_words=20),
                f'answered every part of "{question.text}"',
                "strength",
            )
        )
    values = [s for _, s, _ in scored]
    covered = [q.coverage for q, _, _ in scored if q.coverage is not None]
    return MetricResult(
        value=round(sum(values) / len(values), 1),
        evidence=tuple(evidence),
        details={
            "questions": len(scored),
            "answered": sum(1 for q, _, _ in scored if q.answered == "yes"),
            "partial": sum(1 for q, _, _ in scored if q.answered == "partial"),
            "unanswered": len(unanswered),
            "mean_coverage": round(sum(covered) / len(covered), 2) if covered else 0.0,
            "parts_missed": sum(
                sum(1 for share in q.part_coverage if share < PART_COVERED)
                for q, _, _ in scored
                if len(q.parts) > 1
            ),
            "indirect": sum(1 for _, _, direct in scored if not direct),
        },
        items=tuple((f"question {q.index}", round(s, 1)) for q, s, _ in scored),
    )


def _question_score(question: Question, direct: bool, params: Params) -> float:
    """Coverage of focus terms (full credit at PART_COVERED) blended with the
    share of parts addressed (for a single-part question: whether it was
    answered); an indirect yes/no loses points."""
    coverage = min(1.0, effective_coverage(question) / PART_COVERED)
    if len(question.parts) > 1:
        parts = question.part_coverage
        parts_share = sum(1 for share in parts if share >= PART_COVERED) / len(parts)
    else:
        parts_share = 1.0 if question.answered == "yes" else 0.0
    weight = float(params["parts_weight"])
    score = 100.0 * ((1 - weight) * coverage + weight * parts_share)
    if not direct:
        score -= float(params["indirect_penalty"])
    return max(0.0, min(100.0, score))


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
        "indirect_penalty": Param("number", 15.0, "points off for an indirect yes/no", 0, 100),
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
