"""Thinking aloud: reasoning connectives, signposting, enumeration, checking in."""

from __future__ import annotations

from collections import Counter
from typing import get_args

from ..model import Analysis, Evidence, Marker, MarkerKind, MetricResult
from .base import MetricSpec, Param, Params, Scope
from .common import answer_markers, candidate_answers, linear_score, markers_by_sentence, quote

# Every marker kind but fillers shows reasoning said out loud.
REASONING_KINDS: tuple[MarkerKind, ...] = tuple(k for k in get_args(MarkerKind) if k != "filler")


def think_aloud(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    answers = candidate_answers(analysis, scope)
    words = sum(a.word_count for a in answers)
    if not words:
        return MetricResult(None, reason="the candidate answered no interviewer question")
    markers = [m for m in answer_markers(analysis, answers) if m.kind in REASONING_KINDS]
    rate = 100.0 * len(markers) / words
    kinds = sorted({m.kind for m in markers})
    density = linear_score(rate, params["target_rate"], 0.0)
    variety = 100.0 * min(1.0, len(kinds) / params["kinds_for_full_credit"])
    judged = [a for a in answers if a.word_count >= params["min_words"]]
    marked_turns = {m.turn for m in markers}
    silent = [a for a in judged if not marked_turns & set(a.turns)]
    reasoned_share = 100.0 * (1 - len(silent) / len(judged)) if judged else 100.0
    value = 0.6 * density + 0.25 * variety + 0.15 * reasoned_share
    turns = analysis.transcript.turns
    evidence = _best_sentences(analysis, markers)
    for answer in sorted(silent, key=lambda a: -a.word_count)[:2]:
        first = turns[answer.turns[0]]
        evidence.append(
            Evidence(
                first.index,
                quote(first.text, max_words=25),
                f"{answer.word_count} words with no reasoning said out loud "
                "(no because, first ... then, trade-off, assumption or check-in)",
                "improvement",
            )
        )
    return MetricResult(
        value=round(value, 1),
        evidence=tuple(evidence),
        details={
            "markers": len(markers),
            "marker_rate": round(rate, 1),
            "kinds": len(kinds),
            "answers": len(answers),
            "answers_without_reasoning": len(silent),
        },
        items=tuple(
            (f"turn {a.turns[0]}", float(sum(1 for m in markers if m.turn in a.turns)))
            for a in answers
        ),
    )


def _best_sentences(analysis: Analysis, markers: list[Marker]) -> list[Evidence]:
    """Up to two sentences with the most (and most varied) reasoning markers."""
    ranked = sorted(
        markers_by_sentence(analysis, markers).items(),
        key=lambda item: (-len({m.kind for m in item[1]}), -len(item[1]), item[0]),
    )
    evidence = []
    for index, found in ranked[:2]:
        if len(found) < 2:
            break
        sentence = analysis.sentences[index]
        text = analysis.transcript.turns[sentence.turn].text
        labels = Counter(m.text.lower() for m in found)
        evidence.append(
            Evidence(
                sentence.turn,
                quote(text, sentence.start, sentence.end, max_words=40),
                "reasoning out loud: " + ", ".join(sorted(labels)),
                "strength",
            )
        )
    return evidence


SPEC = MetricSpec(
    name="think_aloud",
    function=think_aloud,
    description=(
        "How much of the candidate's reasoning is said out loud: reasoning connectives, "
        "signposting, enumeration, stated assumptions, examples and check-ins per 100 "
        "words, and how many kinds of them. 0-100, higher is better."
    ),
    scale="score",
    params={
        "target_rate": Param("number", 4.0, "markers per 100 words for full credit", 0.1),
        "min_words": Param("integer", 40, "answers shorter than this are not judged alone", 0),
        "kinds_for_full_credit": Param("integer", 4, "distinct marker kinds for full credit", 1, 6),
    },
    details=("markers", "marker_rate", "kinds", "answers", "answers_without_reasoning"),
)
