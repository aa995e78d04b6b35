"""stacked_questions: interviewer turns that ask several distinct questions
before the candidate can answer (rephrasings and check-ins excluded)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..annotate.answered import leads_on
from ..annotate.intent_links import GOES_ON, RESTATES
from ..annotate.interviewer_cues import load_interviewer_cues
from ..annotate.parts import asks_on_its_own
from ..annotate.question_cues import QuestionCues, load_cues
from ..annotate.replies import clause_less
from ..model import YES_NO_FORMS, Analysis, Evidence, MetricResult, Question, Word
from .base import MetricSpec, Param, Params, Scope
from .interviewer_turns import (
    EVIDENCE,
    SubjectTurn,
    asked_well,
    no_questions,
    praised,
    question_words,
    span_quote,
    spoken_words,
    subject_turns,
)
from .rephrased import find_rephrasings, sets_a_condition


def _asks(analysis: Analysis, turn: SubjectTurn, count_parts: bool) -> int:
    """Distinct questions a turn asks: each question (each part of a compound
    question with ``count_parts``), less the second versions of rephrased
    questions, short declarative options ("Latency? Error rates?"), all but
    one small-talk question, questions that lead on to the next one (leave
    to ask it, or the first of two alternatives: ``answered.leads_on``), a
    clause that goes on with the question before it ("And would you do
    anything after the discharge? Once it's sorted?": :func:`_goes_on`) and
    a question about what the one before it asked for (:func:`_asks_about_it`)."""
    short = load_interviewer_cues().short_declarative_words
    leading = {q.index for q, after in pairwise(turn.questions) if leads_on(q, after)}
    going_on = {
        after.index
        for before, after in pairwise(turn.questions)
        if _goes_on(after) or _asks_nothing_new(analysis, before, after)
    }

    def weight(question: Question) -> int:
        if question.index in leading or question.index in going_on:
            return 0
        if question.form == "declarative" and question_words(analysis, question) < short:
            return 0
        return _separate_parts(analysis, question) if count_parts else 1

    talk = [q for q in turn.questions if q.intent == "small_talk"]
    # small talk asks one thing however put: "How are you doing? Did you make it through?"
    asks = sum(weight(q) for q in turn.questions if q.intent != "small_talk")
    asks += min(1, sum(weight(q) for q in talk))
    for rephrasing in find_rephrasings(analysis, turn):
        if rephrasing.second is not None:
            asks -= weight(rephrasing.second)
        elif count_parts and rephrasing.first.start <= rephrasing.end <= rephrasing.first.end:
            asks -= max(0, weight(rephrasing.first) - 1)
    return max(0, asks)


def _goes_on(question: Question) -> bool:
    """A statement put as a question that opens with a subordinator ("Once
    it's sorted?", "Since you brought it up?"): a clause of the question
    before it, not a question of its own (questions.yaml ``caption_onsets:
    subordinators``)."""
    onsets = load_cues().caption_onsets
    if question.form != "declarative" or onsets is None:
        return False
    first = next(iter(question.text.lower().split()), "").strip(",.?!")
    return first in onsets.subordinators


def _asks_nothing_new(analysis: Analysis, before: Question, after: Question) -> bool:
    """``after`` asks about what ``before`` asked for (:func:`_asks_about_it`),
    only spells it out (:func:`_glosses`) or sets the case it asks about
    ("... outside of experiments? Like, when you can't randomise?":
    :func:`.rephrased.sets_a_condition`)."""
    said = spoken_words(analysis, after)
    return (
        _asks_about_it(before, after, said)
        or _glosses(before, after, said)
        or (after.intent_cue.startswith(RESTATES) and sets_a_condition(analysis, after))
    )


def _glosses(before: Question, after: Question, spoken: Sequence[str]) -> bool:
    """``after`` (its words ``spoken``) only spells out ``before``: the other
    alternative ("What's something in your thesis you think is wrong? Or
    that you'd do differently?"), or a fragment with no clause that does not
    open with "and"/"but"/"so" (those ask "what about ...?": "And the
    result?"): options or an example of what was asked, put as a statement
    or a choice ("How did you measure that? Lab numbers or real users?",
    "You ever done any electrical work? Even just at home, helping
    someone?"), or a "why" after a "why" ("Why Calloway? Why us and not,
    say, the state?"). Not a request ("Tell me a little bit about
    yourself.")."""
    if not spoken:
        return False
    if spoken[0] == "or":
        return True
    if spoken[0] in load_cues().follows_with or not clause_less(spoken):
        return False
    if after.form in ("declarative", "choice"):
        return True
    return spoken[0] == "why" and before.form_cue.lower() == "why"


_SHORT = 8
"""Words of a question that points back at a story (:func:`_asks_about_it`)."""


def _asks_about_it(before: Question, after: Question, spoken: Sequence[str]) -> bool:
    """``after`` asks about what ``before`` asked for, not a question of its
    own: a short question pointing back at a story asked for ("Tell me about
    a time you were working on a team and faced a challenge. How did you
    solve that problem?", "... How did you handle it?": one story, as a
    request's part "and how you handled it" is), or why after a closed
    question ("Do you think you're a leader? Tell me why.": the reasons for
    that answer). Read off the question stage's intents and intent cue
    (``intent_links.GOES_ON``) and questions.yaml ``refers_back``."""
    goes_on = after.intent_cue.startswith(GOES_ON)
    if before.intent == "behavioral" and after.intent == "behavioral":
        return goes_on or (len(spoken) <= _SHORT and bool(load_cues().refers_back & set(spoken)))
    return before.form in YES_NO_FORMS and after.intent_cue == f"{GOES_ON} (why)"


def _separate_parts(analysis: Analysis, question: Question) -> int:
    """The parts of ``question`` that each ask something. A request's later
    part may be what it asks about ("Tell me about a time you disagreed with
    a teammate, and how you handled it": one story) or a question of its own
    ("Tell me about your last role, and why did you leave?"), and so is a
    part of a request for no story that asks about something new, pointing
    back at nothing (:func:`_new_topic`: "Tell me about your current role,
    and what you're hoping to find in the next one")."""
    if question.form != "imperative" or len(question.parts) < 2:
        return len(question.parts)
    sentence = analysis.sentences[question.sentence]
    cues = load_cues()
    asks, at = 1, sentence.text.find(question.parts[0])
    for part in question.parts[1:]:
        at = sentence.text.find(part, at + 1)  # parts are slices of the sentence, in order
        start = sentence.start + at
        words = [w for w in sentence.words if w.start >= start]
        asks += asks_on_its_own(words, cues) or (
            question.intent != "behavioral" and _new_topic(words, cues)
        )
    return asks


def _new_topic(words: Sequence[Word], cues: QuestionCues) -> bool:
    """Whether a request's part, ``words`` from its first on, is a wh-clause
    that points back at nothing before it ("what you're hoping to find", not
    "how you handled it")."""
    lowers = [w.lower for w in words if not w.is_punct]
    return bool(lowers) and lowers[0] in cues.wh_words and _POINTERS.isdisjoint(lowers)


_POINTERS = frozenset({"it", "its", "that", "this", "they", "them", "their", "those"})
"""Words with which a request's part points back at what it asked about
("and what came of it", "and how they took it")."""


def stacked_questions(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """Turns in which the subject asks at least ``min_questions`` distinct
    questions before the candidate can answer ("How did you pick the model?
    And what data did you use? Also who was on the team?").

    Stacked questions split the candidate's attention; one of them is usually
    left unanswered. Rephrasings of one question and check-ins do not count.
    """
    subject = scope.subject
    turns = subject_turns(analysis, scope)
    unscored = no_questions(turns, subject)
    if unscored is not None:
        return unscored
    asking = [(turn, _asks(analysis, turn, params["count_parts"])) for turn in turns]
    asking = [(turn, asks) for turn, asks in asking if asks]
    stacked = [(turn, asks) for turn, asks in asking if asks >= params["min_questions"]]
    evidence = [
        Evidence(
            turn.index,
            span_quote(turn.text, turn.questions[0].start, turn.questions[-1].end),
            f"{asks} questions in one turn before the candidate could answer",
            "improvement",
        )
        for turn, asks in sorted(stacked, key=lambda item: (-item[1], item[0].index))[:EVIDENCE]
    ]
    single = praised(analysis, ((turn, turn.questions[0]) for turn, asks in asking if asks == 1))
    if not evidence and single is not None:
        evidence.append(asked_well(*single, "one question at a time"))
    return MetricResult(
        value=float(len(stacked)),
        evidence=tuple(evidence),
        details={
            "stacked_turns": len(stacked),
            "max_in_one_turn": max((asks for _, asks in asking), default=0),
        },
        items=tuple((f"turn {turn.index}", float(asks)) for turn, asks in asking),
    )


STACKED_QUESTIONS = MetricSpec(
    name="stacked_questions",
    function=stacked_questions,
    description=(
        "Interviewer turns that ask several distinct questions before the candidate can "
        "answer (rephrasings and check-ins excluded)."
    ),
    scale="count",
    params={
        "min_questions": Param(
            "integer", 2, "a turn asking this many distinct questions or more counts", 2, 10
        ),
        "count_parts": Param(
            "boolean",
            True,
            "count each part of a compound question ('what did you build and who used it') "
            "as a question of its own; a request's later part only when it asks on its own "
            "('tell me about the project, and why did you leave?', not '... and how you "
            "handled it')",
        ),
    },
    details=("stacked_turns", "max_in_one_turn"),
    roles=("interviewer",),
)
