"""STAR metrics for behavioral answers: structure, specificity and results.

A behavioral question ("Tell me about a time you ...") asks for one past
story, and interviewers judge it by the STAR method: did the candidate set
the Situation, say what the Task was (the goal, their own part), tell the
Actions they took and give the Result? An answer that talks in
generalities ("I usually ...", "I would ...") instead of one past example,
or that never says how things turned out, is the classic weak answer.
Three metrics:

- ``structure_star``: which STAR components each answer has, and in what order;
- ``specificity``: a specific past example rather than generalities
  (:func:`.star_answers.is_specific` lets other metrics ask the same question);
- ``star_result``: answers that state a result, with full credit when it is
  quantified.

**Which answers.** When the scope names question intents (a rubric's
``applies_to: {intents: [...]}``), the answers to questions of those intents;
otherwise the answers to behavioral questions. An interviewer's follow-up
("And what was the outcome?", a re-ask) belongs to the story it follows: its
answer is read together with the answer to the question that started the
thread (when the phase scope keeps it).

**Cues.** The cue words are data, in ``data/star.yaml``, found by
:mod:`transcript_tool.annotate.star_cues` within each sentence of the answer
and read per answer by :mod:`.star_answers`.
Cue matching is lexical: it tells whether the words of a STAR story are
there, not whether the story is good.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..annotate.star_cues import COMPONENTS, Cue
from ..model import Analysis, Evidence, MetricResult, Turn
from ..wording import listed
from .base import MetricSpec, Param, Params, Scope
from .common import Answer, quote
from .star_answers import (
    ACTED_GROUPS,
    Reading,
    acted,
    behavioral_answers,
    none_answered,
    read_answer,
    reads_specific,
    sentence_quote,
)

WEIGHTS: dict[str, float] = {"situation": 20.0, "task": 20.0, "action": 30.0, "result": 30.0}
"""Points per component present in an answer (``structure_star``): the action
and the result are what the question is really after, so they weigh more."""


_LACKS = {
    "situation": "sets the scene (where, when, what was going on)",
    "task": "says what the goal was or what was expected of the speaker",
    "action": "says what the speaker did (I decided, I set up ...)",
    "result": "says how it turned out",
}
"""What an answer lacking a component never does, for evidence notes."""

_LACKS_SHORT = {
    "situation": "sets the scene",
    "task": "names the goal",
    "action": "says what the speaker did",
    "result": "says how it turned out",
}


# ------------------------------------------------------------------- the metrics


def structure_star(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """Each answer scores the weights of the STAR components it has (S 20,
    T 20, A 30, R 30), less ``order_penalty`` when the first cues of the
    components it has are not in S, T, A, R order (the result told before the
    action ...); the value is the mean over the answers."""
    readings = [read_answer(analysis, a) for a in behavioral_answers(analysis, scope)]
    if not readings:
        return MetricResult(None, reason=none_answered(scope))
    penalty = float(params["order_penalty"])
    scores = [_structure_score(r, penalty) for r in readings]
    evidence: list[Evidence] = []
    ranked = sorted(zip(readings, scores, strict=True), key=lambda item: item[1])
    for reading, score in ranked[:2]:
        if score < 100:
            evidence.append(_structure_evidence(analysis, reading))
    complete = [(r, s) for r, s in ranked if r.complete]
    if complete:
        best = max(complete, key=lambda item: (item[1], item[0].quantified is not None))[0]
        cue = best.result
        if cue is not None:  # always: a complete answer has a result
            note = "a complete STAR story: situation, task, action and result" + (
                ", with a quantified result" if best.quantified is not None else ""
            )
            evidence.append(Evidence(cue.turn, sentence_quote(analysis, cue), note, "strength"))
    return MetricResult(
        value=round(sum(scores) / len(scores), 1),
        evidence=tuple(evidence[:3]),
        details={
            "answers": len(readings),
            "complete": sum(1 for r in readings if r.complete),
            **{f"missing_{c}": sum(1 for r in readings if c not in r.first) for c in COMPONENTS},
            "out_of_order": sum(1 for r in readings if r.swapped),
            "quantified_results": sum(1 for r in readings if r.quantified is not None),
        },
        items=tuple(
            (f"turn {r.answer.turns[0]}", round(s, 1))
            for r, s in zip(readings, scores, strict=True)
        ),
    )


def _structure_score(reading: Reading, penalty: float) -> float:
    score = sum(WEIGHTS[c] for c in reading.first)
    if reading.swapped:
        score -= penalty
    return max(0.0, score)


def _structure_evidence(analysis: Analysis, reading: Reading) -> Evidence:
    """What the answer lacks, quoting its opening; when it lacks nothing but
    order, the sentence told too early."""
    turns = analysis.transcript.turns
    notes = []
    if reading.missing:
        if len(reading.missing) == 1:
            lacks = _LACKS[reading.missing[0]]
        else:
            lacks = listed([_LACKS_SHORT[c] for c in reading.missing], "or")
        notes.append(f"no {listed(reading.missing, 'or')}: the answer never {lacks}")
    if reading.swapped:
        earlier, later = reading.swapped[0]
        notes.append(f"told out of order: the {later} comes before the {earlier}")
    if reading.missing:
        first = turns[reading.answer.quoted_turn]
        return Evidence(
            first.index, quote(first.text, max_words=25), "; ".join(notes), "improvement"
        )
    early = reading.first[reading.swapped[0][1]]
    return Evidence(early.turn, sentence_quote(analysis, early), "; ".join(notes), "improvement")


def specificity(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """Each answer scores 100 × min(1, S / ``full_credit``) × S / (S + G),
    S and G its specific and generic cues (0 without a first-person past
    action, which :func:`.star_answers.is_specific` requires too); the value
    is the mean over the answers. Details count the answers that tell a
    specific past example (:func:`.star_answers.is_specific`), the others, and the generic
    ones: more generic cues than specific ones."""
    readings = [read_answer(analysis, a) for a in behavioral_answers(analysis, scope)]
    if not readings:
        return MetricResult(None, reason=none_answered(scope))
    full = int(params["full_credit"])
    scores = [_specificity_score(r, full) for r in readings]
    specific = [reads_specific(r) for r in readings]
    generic = [len(r.generic) > len(r.specific) for r in readings]
    turns = analysis.transcript.turns
    evidence: list[Evidence] = []
    vague = sorted(
        (item for item in zip(readings, scores, specific, strict=True) if not item[2]),
        key=lambda item: item[1],
    )
    for reading, _, _ in vague[:2]:
        if reading.generic:
            cue = reading.generic[0]
            said = _said(reading.generic)
            evidence.append(
                Evidence(
                    cue.turn,
                    sentence_quote(analysis, cue),
                    f"speaks in generalities ({said}) instead of telling one past example",
                    "improvement",
                )
            )
        else:
            first = turns[reading.answer.quoted_turn]
            evidence.append(
                Evidence(
                    first.index,
                    quote(first.text, max_words=25),
                    "no specific past example: too few past actions, times, places, "
                    "names or numbers",
                    "improvement",
                )
            )
    told = [(r, s) for r, s, ok in zip(readings, scores, specific, strict=True) if ok]
    if told:
        best = max(told, key=lambda item: (item[1], len(item[0].specific)))[0]
        cue = next(c for c in best.specific if c.group in ACTED_GROUPS)
        evidence.append(
            Evidence(
                cue.turn,
                sentence_quote(analysis, cue),
                "a specific past example: " + _said(best.specific, 5),
                "strength",
            )
        )
    return MetricResult(
        value=round(sum(scores) / len(scores), 1),
        evidence=tuple(evidence[:3]),
        details={
            "answers": len(readings),
            "specific": sum(specific),
            "not_specific": len(readings) - sum(specific),
            "generic": sum(generic),
            "specific_cues": sum(len(r.specific) for r in readings),
            "generic_cues": sum(len(r.generic) for r in readings),
        },
        items=tuple(
            (f"turn {r.answer.turns[0]}", round(s, 1))
            for r, s in zip(readings, scores, strict=True)
        ),
    )


def _specificity_score(reading: Reading, full: int) -> float:
    s, g = len(reading.specific), len(reading.generic)
    if not acted(reading):
        return 0.0  # times, places and numbers, but nobody did anything
    return 100.0 * min(1.0, s / full) * s / (s + g)


def _said(cues: Sequence[Cue], limit: int = 3) -> str:
    """The words of the first ``limit`` cues as said: "I usually, I would"."""
    return ", ".join(c.text for c in cues[:limit]) + (" ..." if len(cues) > limit else "")


def star_result(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """Each answer scores 100 when it states a result with an amount in the
    same sentence (a number, percent, money, duration), ``unquantified_credit``
    × 100 for a result without one (a lesson learned among them), 0 without
    a result; the value is the mean over the answers. A result without a
    number is noted, asking for one, unless all the answer tells is a lesson
    (star.yaml ``lesson``: "the lesson for me was ...", "now I always ...")."""
    readings = [read_answer(analysis, a) for a in behavioral_answers(analysis, scope)]
    if not readings:
        return MetricResult(None, reason=none_answered(scope))
    half = float(params["unquantified_credit"])
    scores = [
        100.0 if r.quantified else 100.0 * half if "result" in r.first else 0.0 for r in readings
    ]
    evidence: list[Evidence] = []
    for reading in readings:
        if "result" not in reading.first:
            evidence.append(
                Evidence(
                    *_ending(analysis, reading.answer),
                    "no result: the answer never says how it turned out",
                    "improvement",
                )
            )
    for reading in readings:
        # a lesson learned ("the lesson for me was ...") is a result no number measures
        cue = next((c for c in reading.cues if c.group == "result"), None)
        if cue is not None and reading.quantified is None:
            evidence.append(
                Evidence(
                    cue.turn,
                    sentence_quote(analysis, cue),
                    "a result without a number: say how much, how many or how fast",
                    "improvement",
                )
            )
    evidence = evidence[:2]
    quantified = [r.quantified for r in readings if r.quantified is not None]
    if quantified:
        cue = quantified[0]
        evidence.append(
            Evidence(
                cue.turn,
                sentence_quote(analysis, cue),
                "a quantified result",
                "strength",
            )
        )
    return MetricResult(
        value=round(sum(scores) / len(scores), 1),
        evidence=tuple(evidence),
        details={
            "answers": len(readings),
            "with_result": sum(1 for r in readings if "result" in r.first),
            "quantified": len(quantified),
        },
        items=tuple(
            (f"turn {r.answer.turns[0]}", round(s, 1))
            for r, s in zip(readings, scores, strict=True)
        ),
    )


def _ending(analysis: Analysis, answer: Answer) -> tuple[int, str]:
    """(turn, quote) of the answer's last sentence: where a result would go."""
    last: Turn = analysis.transcript.turns[answer.turns[-1]]
    sentences = [s for s in analysis.sentences if s.turn == last.index]
    if not sentences:
        return last.index, quote(last.text, max_words=25)
    return last.index, quote(last.text, sentences[-1].start, sentences[-1].end)


STRUCTURE_STAR = MetricSpec(
    name="structure_star",
    function=structure_star,
    description=(
        "Whether each behavioral answer tells a STAR story: the situation, the task, the "
        "actions taken and the result (20, 20, 30 and 30 points), in that order (a penalty "
        "when the result comes before the action ...). Judges the answers to behavioral "
        "questions, or to the question intents the rubric's applies_to names; an "
        "interviewer's follow-up belongs to the story it follows. 0-100, higher is better."
    ),
    scale="score",
    params={
        "order_penalty": Param(
            "number", 10.0, "points off an answer whose components are out of order", 0, 100
        ),
    },
    details=(
        "answers",
        "complete",
        "missing_situation",
        "missing_task",
        "missing_action",
        "missing_result",
        "out_of_order",
        "quantified_results",
    ),
)

SPECIFICITY = MetricSpec(
    name="specificity",
    function=specificity,
    description=(
        "Whether each behavioral answer tells one specific past example (first-person past "
        "actions, a concrete time or place, names, numbers) rather than generalities (I "
        "usually, I would, typically). Per answer: 100 × min(1, specific cues / full_credit) "
        "× the share of specific among specific and generic cues. 0-100, higher is better."
    ),
    scale="score",
    params={
        "full_credit": Param("integer", 3, "specific cues an answer needs for full credit", 1, 20),
    },
    details=("answers", "specific", "not_specific", "generic", "specific_cues", "generic_cues"),
)

STAR_RESULT = MetricSpec(
    name="star_result",
    function=star_result,
    description=(
        "Whether behavioral answers say how things turned out: an answer with a quantified "
        "result (a number, percent, money or duration in the result's sentence) scores 100, "
        "one with a result but no amount gets unquantified_credit (half by default), one "
        "without a result 0. 0-100, higher is better."
    ),
    scale="score",
    params={
        "unquantified_credit": Param(
            "number", 0.5, "share of credit for a result without an amount", 0, 1
        ),
    },
    details=("answers", "with_result", "quantified"),
)

SPECS = (STRUCTURE_STAR, SPECIFICITY, STAR_RESULT)
"""The metrics of this module, for the registry."""
