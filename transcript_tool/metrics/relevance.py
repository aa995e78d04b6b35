"""Answered the asked question: coverage of the question's focus and of every
part of a compound question, a direct answer to yes/no and choice questions,
no drift away from the question, a specific example for behavioral
questions, and no need for the interviewer to ask again."""

from __future__ import annotations

from collections.abc import Sequence

from ..annotate.answered import (
    PART_COVERED,
    matches_term,
    missed_parts,
    term_prefixes,
    word_checked,
)
from ..annotate.question_cues import load_cues
from ..model import Analysis, MetricResult, Question, Word, count_words, straighten
from .base import MetricSpec, Param, Params, Scope
from .common import Answer, candidate_answers
from .relevance_cues import (
    asked_for,
    find_evasion,
    find_tangents,
    relaxed,
    taken_up_by_form,
)
from .relevance_evidence import Judged, relevance_evidence

DRIFT_MIN_WORDS = 60  # shorter answers are not judged for drift
DRIFT_MIN_FOCUS = 2  # nor answers to questions with fewer focus terms
DRIFT_LEAD = 2  # a side topic's phrase has at most these words before it in its sentence ...
DRIFT_MIN_TAIL = 10  # ... and the words from it to the end are at least these
CHOICE_WINDOW = 25  # a choice question's option must be named within these words
EVASION_WINDOW = 40  # an evasion counts within the answer's first words


def relevance(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    asker = "candidate" if scope.subject == "interviewer" else "interviewer"
    kept = {q for e in scope.exchanges(analysis) for q in e.questions}
    asked = [q for q in analysis.questions if q.role == asker and q.index in kept]
    reasked = {
        q.reask_of
        for q in analysis.questions
        if q.reask_of is not None and not _asked_badly(analysis, q)
    }
    judged = [
        judge(analysis, question, answer, params, question.index in reasked)
        for answer in candidate_answers(analysis, scope)
        for question in answer.questions
    ]
    if not judged:
        return MetricResult(None, reason="no interviewer question got an answer")
    covered = [j.question.coverage for j in judged if j.question.coverage is not None]
    return MetricResult(
        value=round(sum(j.score for j in judged) / len(judged), 1),
        evidence=tuple(relevance_evidence(analysis, judged, asked)),
        details={
            "questions": len(asked),
            "answered": sum(1 for q in asked if q.answered == "yes"),
            "partial": sum(1 for q in asked if q.answered == "partial"),
            "unanswered": sum(1 for q in asked if q.answered == "no"),
            "mean_coverage": round(sum(covered) / len(covered), 2) if covered else 0.0,
            "parts_missed": sum(_parts_missed(j.question) for j in judged),
            "indirect": sum(1 for j in judged if j.direct is False),
            "drifted": sum(1 for j in judged if j.drift is not None),
            "without_example": sum(1 for j in judged if j.specific is False),
            "reasked": sum(1 for j in judged if j.reasked),
            "evasive": sum(1 for j in judged if j.evasion is not None),
            "off_start": sum(1 for j in judged if j.unsaid),
        },
        items=tuple((f"question {j.question.index}", round(j.score, 1)) for j in judged),
    )


def _asked_badly(analysis: Analysis, reask: Question) -> bool:
    """The interviewer says, in the turn that asks again, up to the end of the
    question, that the first asking was theirs to blame (questions.yaml
    ``reask_own_fault``: "Sorry, I think I asked that badly. I meant ...")."""
    said = straighten(analysis.transcript.turns[reask.turn].text[: reask.end]).lower()
    return any(phrase in said for phrase in load_cues().reask_own_fault)


def judge(
    analysis: Analysis, question: Question, answer: Answer, params: Params, reasked: bool
) -> Judged:
    """Score one answered question, 0-100.

    The base is how much of the question's focus the answer takes up, weighing
    its opening twice: (2 x the share of focus terms said in the first
    ``opening_words`` words + the share said anywhere) / 3, full credit at
    ``full_coverage``, and no less than ``coverage_floor`` for none: an
    answer in other words is no fault to quote (most such answers answer the
    question), so the words alone never move a question below the top band;
    what does (a part left out, no yes or no, no example, drift, an evasion,
    a re-ask) is quoted. A single-part question whose cues put it in a relaxed
    intent ("walk me through your role", "why this company", "tell me about a
    time") gets full credit here, as word overlap is no test of those; the
    fallback intent (no cue matched) does not. A compound question blends in
    the share of its parts addressed (``parts_weight``). A closed question
    (yes/no, tag, confirm-or-deny, either-or) answered directly, with a yes
    or no or a choice and no evasion, is answered in full; one answered
    around keeps 1 - ``direct_weight`` of the base. A behavioral question
    weighs whether the answer tells a specific example. Drift off the
    question by the end, an early evasion, and a question the interviewer
    had to ask again each cost a share of the score.
    """
    words = [w for _, w in answer.words]
    evasion = _evasion(analysis, answer)
    head = words[: int(params["opening_words"])]
    said = analysis.sentences[question.sentence].words
    instances = asked_for(said)
    opening = _opening(question, said, head, instances)
    coverage = (2 * opening + _coverage(question, words, instances)) / 3
    floor = float(params["coverage_floor"])
    score = floor + (1 - floor) * min(1.0, coverage / float(params["full_coverage"]))
    if relaxed(question):
        score = 1.0
    if len(question.parts) > 1:
        parts_share = 1 - _parts_missed(question) / len(question.parts)
        weight = float(params["parts_weight"])
        score = (1 - weight) * score + weight * parts_share
    direct = question.direct
    if question.form == "choice" and question.role == "interviewer":
        direct = _names_an_option(question, words[:CHOICE_WINDOW])
    if direct is not None:
        direct = direct and evasion is None
        score = 1.0 if direct else score * (1 - float(params["direct_weight"]))
    specific: bool | None = None
    if question.intent == "behavioral" and question.form not in ("yes_no", "choice", "tag"):
        from .star_answers import is_specific

        specific = is_specific(analysis, answer)
        share = float(params["example_weight"])
        score = (1 - share) * score + share * (1.0 if specific else 0.0)
    drift = _drift(analysis, question, answer)
    if drift is not None:
        score *= 1 - float(params["drift_penalty"])
    if reasked:
        score *= 1 - float(params["reask_penalty"])
    if evasion is not None:
        score *= 1 - float(params["evasion_penalty"])
    unsaid: tuple[str, ...] = ()
    if opening < PART_COVERED and direct is None and not relaxed(question):
        unsaid = _unsaid(question, head, instances)
    return Judged(
        question, answer, 100.0 * score, direct, drift, specific, reasked, evasion, unsaid
    )


def _opening(
    question: Question, said: Sequence[Word], head: Sequence[Word], instances: frozenset[str]
) -> float:
    """The share of the question the answer's opening ``head`` takes up: by
    its form (:func:`taken_up_by_form`: all of it, or at least PART_COVERED
    for the practice a "how do you" asks for), or the share of focus terms it
    says, the larger. ``said``: the words of the question's sentence."""
    by_form = taken_up_by_form(question, said, head)
    if by_form == 1.0:
        return 1.0
    return max(by_form, _coverage(question, head, instances))


def _unsaid(
    question: Question, words: Sequence[Word], instances: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """The question's focus terms that ``words`` do not say (less the
    ``instances`` terms, what a "what" asks for: see :func:`asked_for`), of
    the parts that word overlap is a fair test of (not the story a compound
    behavioral question asks for: ``answered.word_checked``)."""
    said = {w.lemma.lower() for w in words} | {w.lower for w in words}
    prefixes = term_prefixes(said)
    parts = zip(question.parts, question.focus, strict=True)
    checked = [f for p, f in parts if len(question.parts) == 1 or word_checked(question, p, f)]
    terms = dict.fromkeys(t for focus in checked for t in focus if t not in instances)
    return tuple(term for term in terms if not matches_term(term, said, prefixes))


def _parts_missed(question: Question) -> int:
    """How many parts of a compound question the answer left out, as its
    card says (``answered.missed_parts``: not a behavioral question's story)."""
    if len(question.parts) < 2 or len(question.part_coverage) != len(question.parts):
        return 0  # a single question, or one with no answer to cover it
    return len(missed_parts(question, question.part_coverage))


def _evasion(analysis: Analysis, answer: Answer) -> tuple[int, str, str] | None:
    """(turn, the words said, kind) of an evasion in the answer's first
    EVASION_WINDOW words, where one counts (:func:`find_evasion`)."""
    found = find_evasion(analysis, answer.words, EVASION_WINDOW)
    if found is None:
        return None
    kind, start, end = found
    turn, first = answer.words[start]
    last = answer.words[end - 1][1]
    return turn, analysis.transcript.turns[turn].text[first.start : last.end], kind


def _coverage(
    question: Question, words: Sequence[Word], instances: frozenset[str] = frozenset()
) -> float:
    """The share of the question's focus terms that ``words`` say (as a lemma,
    a word, or a PREFIX-letter stem), less the ``instances`` terms: what a
    "what" asks for, which an answer names instances of (:func:`asked_for`)."""
    terms = [term for part in question.focus for term in part if term not in instances]
    if not terms:
        return 1.0
    said = {w.lemma.lower() for w in words} | {w.lower for w in words}
    prefixes = term_prefixes(said)
    return sum(1 for term in terms if matches_term(term, said, prefixes)) / len(terms)


def _keys(words: Sequence[Word]) -> tuple[set[str], set[str]]:
    """Content lemmas of ``words`` and their PREFIX-letter stems."""
    lemmas = {w.lemma.lower() for w in words if not w.is_stop and not w.is_punct}
    return lemmas, term_prefixes(lemmas)


def _hits(terms: Sequence[str], lemmas: set[str], prefixes: set[str]) -> int:
    return sum(1 for term in terms if matches_term(term, lemmas, prefixes))


def _names_an_option(question: Question, opening: Sequence[Word]) -> bool:
    """A choice question ("batch or streaming?") is answered directly when the
    answer's opening names one of its focus terms, or says both/neither/either."""
    lemmas, prefixes = _keys(opening)
    lowered = {w.lower for w in opening}
    focus = [term for part in question.focus for term in part]
    return bool(_hits(focus, lemmas, prefixes) or lowered & {"both", "neither", "either"})


def _drift(analysis: Analysis, question: Question, answer: Answer) -> int | None:
    """Where a long answer that starts on the question goes off to a side
    topic and does not come back: the index (in ``answer.words``) of a phrase
    that opens one ("by the way", "that reminds me", "outside of work":
    relevance.yaml ``tangents``) with at most DRIFT_LEAD words before it in
    its sentence ("And um, by the way"), after the answer's first third, when
    that third names a focus term of the question and the DRIFT_MIN_TAIL or
    more words from the phrase to the answer's end name none. Word overlap
    alone is no test of drift: on-topic answers end on new words too. Not for
    a question of fewer than DRIFT_MIN_FOCUS focus terms ("How would you
    handle that?"): its topic was set before it, not in its words."""
    words = [w for _, w in answer.words]
    focus = [term for part in question.focus for term in part]
    if len(words) < DRIFT_MIN_WORDS or len(focus) < DRIFT_MIN_FOCUS:
        return None
    third = len(words) // 3
    found = [at for _, at, _ in find_tangents(words) if at >= third]
    if not found or not _hits(focus, *_keys(words[:third])):
        return None
    openings = {
        (s.turn, s.start) for turn in answer.turns for s in analysis.turn_sentences.get(turn, ())
    }
    for at in found:
        lead = range(max(third, at - DRIFT_LEAD), at + 1)
        opens = any((answer.words[k][0], words[k].start) in openings for k in lead)
        tail = words[at:]
        if opens and count_words(tail) >= DRIFT_MIN_TAIL and not _hits(focus, *_keys(tail)):
            return at
    return None


SPEC = MetricSpec(
    name="relevance",
    function=relevance,
    description=(
        "Whether each answer addresses the question that was asked: the question's content "
        "words (early in the answer above all) and every part of a compound question are "
        "covered, a closed question gets a yes, a no or a choice first and no evasion, the "
        "answer does not drift off the question to a side topic, a behavioral question gets a "
        "specific example, and the interviewer did not have to ask again. 0-100, higher is "
        "better."
    ),
    scale="score",
    params={
        "parts_weight": Param("number", 0.3, "weight of compound parts vs. focus terms", 0, 1),
        "opening_words": Param(
            "integer",
            40,
            "the answer's opening, in words, whose coverage of the question counts twice",
            5,
            1000,
        ),
        "full_coverage": Param(
            "number",
            0.75,
            "share of the question's content words an answer needs for full credit",
            0.1,
            1,
        ),
        "coverage_floor": Param(
            "number",
            0.8,
            "score of an answer that says none of the question's words and has no other "
            "fault: word overlap ranks answers but is no fault to quote, as most answers "
            "in other words answer the question",
            0,
            1,
        ),
        "direct_weight": Param(
            "number",
            0.5,
            "share of the score a closed (yes/no, tag, either-or) question loses when the "
            "answer does not open with a yes, a no or a choice",
            0,
            1,
        ),
        "example_weight": Param(
            "number", 0.3, "weight of a specific example for behavioral questions", 0, 1
        ),
        "drift_penalty": Param("number", 0.25, "share of the score lost by drifting", 0, 1),
        "evasion_penalty": Param(
            "number", 0.4, "share of the score lost by declining or deflecting early", 0, 1
        ),
        "reask_penalty": Param(
            "number", 0.3, "share of the score lost when the question had to be asked again", 0, 1
        ),
    },
    details=(
        "questions",
        "answered",
        "partial",
        "unanswered",
        "mean_coverage",
        "parts_missed",
        "indirect",
        "drifted",
        "without_example",
        "reasked",
        "evasive",
        "off_start",
    ),
)
