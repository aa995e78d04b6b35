"""Pair questions with the turns that answer them (how much of each question
the answer addressed is :mod:`.answered`).

A turn that asks opens an exchange. Every later turn of the other party
belongs to it until that party's partner asks again, so an interviewer's
"Got it." between two parts of an answer does not cut the answer in two. A
candidate's question (clarifying, or about the role) opens an exchange of
its own that the interviewer's next turn answers; the interviewer's
question stays open meanwhile.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from ..model import (
    Exchange,
    Phase,
    Question,
    Role,
    Section,
    Sentence,
    Transcript,
    Turn,
    count_text_words,
    words_by_turn,
)
from . import intent_links
from .answered import answer_patterns, leads_on, with_answer
from .debriefs import Debrief
from .question_cues import load_cues, rule_words
from .reasks import words_of
from .replies import OPENING_WORDS, openings


def pair_questions(
    transcript: Transcript,
    sentences: Sequence[Sentence],
    questions: Sequence[Question],
    debrief: Debrief | None = None,
) -> tuple[tuple[Exchange, ...], tuple[Question, ...]]:
    """Exchanges in order, and the questions with their answer fields filled.
    After a mock interview's ``debrief`` begins, no question asked before it
    takes more answers, and the questions after it are the debrief's."""
    debriefed = {
        q.index for q in questions if debrief is not None and debrief.holds(q.turn, q.start)
    }
    by_turn: dict[int, list[int]] = {}
    for question in questions:
        by_turn.setdefault(question.turn, []).append(question.index)
    clarifying = _clarifying_turns(transcript, questions)
    groups: list[_Group] = []
    open_for: dict[Role, int] = {}
    for turn in transcript.turns:
        if debrief is not None and turn.index == debrief.turn + 1:
            # the interview is over: its questions take no answers from the debrief
            open_for = {
                role: g for role, g in open_for.items() if debriefed & set(groups[g].questions)
            }
        other = _other(turn.role)
        if other is not None and other in open_for:
            group = groups[open_for[other]]
            if turn.index in clarifying and group.asker == "interviewer":
                group.clarifying.append(turn.index)
            elif not (group.answers and turn.index not in by_turn and _is_pleasantry(turn.text)):
                group.answers.append(turn.index)
        if turn.role == "interviewer":
            open_for.pop("candidate", None)
            if turn.index not in by_turn and _ends_small_talk(turn, groups, open_for, questions):
                open_for.pop("interviewer")
        if turn.index in by_turn:
            groups.append(_Group(turn.index, by_turn[turn.index], turn.role))
            open_for[turn.role] = len(groups) - 1
    exchanges = _exchanges(groups, questions, debriefed)
    words = words_by_turn(sentences)
    first_words = openings(sentences)
    answered = list(questions)
    for exchange in exchanges:
        answer_words = [w for t in exchange.answer_turns for w in words.get(t, ())]
        opening = [w for t in exchange.answer_turns for w in first_words.get(t, ())]
        opening = opening[:OPENING_WORDS]
        for index, after in zip(exchange.questions, (*exchange.questions[1:], None), strict=True):
            question_words = sentences[questions[index].sentence].words
            answered[index] = with_answer(
                questions[index],
                question_words,
                exchange.answer_turns,
                answer_words,
                opening,
                after is not None and leads_on(questions[index], questions[after]),
            )
    return exchanges, _answered_when_asked_again(answered)


def _answered_when_asked_again(questions: list[Question]) -> tuple[Question, ...]:
    """A question left without an answer, then asked again later in the same
    words by the same party and answered there (read again because the
    candidate asked to hear it again: "Sorry, could you read that one
    again?"), takes that answer: it was not left unanswered. Its exchange
    keeps no answer turns, so no answer is counted twice."""
    later: dict[tuple[str, tuple[str, ...]], Question] = {}
    for index in range(len(questions) - 1, -1, -1):
        question = questions[index]
        key = (question.role, tuple(words_of(question.text)))
        again = later.get(key)
        if question.answered == "no" and again is not None:
            questions[index] = dataclasses.replace(
                question,
                answer_turns=again.answer_turns,
                answered=again.answered,
                coverage=again.coverage,
                part_coverage=again.part_coverage,
                missing=again.missing,
                direct=again.direct,
            )
        elif question.answered != "no":
            later[key] = question
    return tuple(questions)


def _ends_small_talk(
    turn: Turn, groups: Sequence[_Group], open_for: dict[Role, int], questions: Sequence[Question]
) -> bool:
    """Whether the interviewer's ``turn``, which asks nothing, sets something
    out (``intent_links.SETUP_WORDS`` words or more: the task, the format)
    after small talk: what the candidate says next answers no greeting ("Hi,
    is that Marcus?" ... "So you might know we make hive scales. ..."), as
    :func:`.intent_links.after_setup` ends small talk for the questions."""
    if "interviewer" not in open_for:
        return False
    if count_text_words(turn.text) < intent_links.SETUP_WORDS:
        return False
    group = groups[open_for["interviewer"]]
    return all(questions[q].intent == "small_talk" for q in group.questions)


@dataclass
class _Group:
    turn: int
    questions: list[int]
    asker: Role
    answers: list[int] = field(default_factory=list)
    clarifying: list[int] = field(default_factory=list)


def _exchanges(
    groups: Sequence[_Group], questions: Sequence[Question], debriefed: AbstractSet[int]
) -> tuple[Exchange, ...]:
    """Groups as exchanges, each with its section and, for a follow-up, the
    exchange that started its thread."""
    exchanges: list[Exchange] = []
    thread: int | None = None  # the last interviewer exchange that is not a follow-up
    for index, group in enumerate(groups):
        intents = [questions[q].intent for q in group.questions]
        parent = None
        if group.asker == "interviewer":
            section: Section = "small_talk" if set(intents) == {"small_talk"} else "interview"
            if intents[0] == "follow_up" or questions[group.questions[0]].reask_of is not None:
                parent = thread
            else:
                thread = index
        elif "clarification" in intents:
            section = "clarification"
        elif set(intents) == {"small_talk"}:
            section = "small_talk"
        else:
            section = "reverse"
        exchanges.append(
            Exchange(
                index=index,
                question_turn=group.turn,
                questions=tuple(group.questions),
                asker_role=group.asker,
                answer_turns=tuple(group.answers),
                section=section,
                parent=parent,
                clarifying_turns=tuple(group.clarifying),
            )
        )
    return _with_phases(exchanges, questions, debriefed)


def _with_phases(
    exchanges: Sequence[Exchange], questions: Sequence[Question], debriefed: AbstractSet[int]
) -> tuple[Exchange, ...]:
    """Each exchange with its phase: small talk before the first interview
    question is the opening, small talk or goodbyes after the last one the
    closing; the candidate's questions about the role (and the interviewer's
    invitation to ask them) are the reverse phase; the questions after a mock
    interview has ended (``debriefed``) are its debrief."""
    proper = [
        e.index for e in exchanges if e.section == "interview" and not set(e.questions) <= debriefed
    ]
    first = proper[0] if proper else len(exchanges)
    last = proper[-1] if proper else -1
    phased: list[Exchange] = []
    for exchange in exchanges:
        intents = {questions[q].intent for q in exchange.questions}
        phase: Phase
        if exchange.questions and set(exchange.questions) <= debriefed:
            phase = "debrief"
        elif exchange.section == "clarification":
            phase = phased[-1].phase if phased else "interview"
        elif exchange.section == "reverse" or intents == {"reverse"}:
            phase = "reverse"
        elif intents == {"closing"}:
            phase = "closing"
        elif exchange.section == "small_talk":
            phase = (
                "opening"
                if exchange.index < first
                else "closing"
                if exchange.index > last
                else "interview"
            )
        else:
            phase = "interview"
        phased.append(dataclasses.replace(exchange, phase=phase))
    return tuple(phased)


CLARIFYING_SHARE = 0.5
"""A candidate turn is a clarifying turn, not part of the answer, when at
least this share of its words are in clarification questions ("Sure. Can I
ask - do we have labels?")."""


def _clarifying_turns(transcript: Transcript, questions: Sequence[Question]) -> set[int]:
    asked: dict[int, int] = {}
    for question in questions:
        if question.role == "candidate" and question.intent == "clarification":
            asked[question.turn] = asked.get(question.turn, 0) + len(question.text.split())
    turns = transcript.turns
    return {
        t for t, words in asked.items() if words >= CLARIFYING_SHARE * len(turns[t].text.split())
    }


SETUP_WORDS = 80
"""An interviewer turn that says at least this many words before it asks
anything (or asks nothing, and a question of the interviewer's comes later)
is a long setup (interviewer feedback: context given at length before a
question)."""

EXERCISE_INTENTS: frozenset[str] = frozenset({"situational", "technical", "problem_solving"})
"""Questions whose set-up is their own material: a case, a design exercise,
a scenario ("It's seven-thirty, you've just taken report, and you have four
patients ... Walk me through how you'd triage them.")."""


def find_long_setups(
    transcript: Transcript, questions: Sequence[Question], exchanges: Sequence[Exchange]
) -> tuple[int, ...]:
    """Interviewer turns that answer none of the candidate's questions and say
    SETUP_WORDS words or more before their first question
    (:func:`setup_words`): a question at the end of 200 words about the
    company keeps the candidate waiting as long as a turn that asks nothing.
    A turn that asks nothing counts only before a later question of the
    interviewer's (so it sets one up, rather than closes the interview)."""
    asking = turn_questions(questions)
    last_question = max((q.turn for q in questions if q.role == "interviewer"), default=-1)
    answering = {t for e in exchanges if e.asker_role == "candidate" for t in e.answer_turns}
    return tuple(
        turn.index
        for turn in transcript.turns
        if turn.role == "interviewer"
        and turn.index not in answering
        and (turn.index in asking or turn.index < last_question)
        and (setup_words(turn.text, asking.get(turn.index, ())) or 0) >= SETUP_WORDS
    )


def turn_questions(questions: Sequence[Question]) -> dict[int, list[Question]]:
    """``questions`` by turn, for :func:`setup_words`."""
    by_turn: dict[int, list[Question]] = {}
    for question in questions:
        by_turn.setdefault(question.turn, []).append(question)
    return by_turn


def setup_words(text: str, questions: Sequence[Question]) -> int | None:
    """The words of a turn's ``text`` before the first of its ``questions``
    (check-ins are none); all of them when it asks nothing; None when one of
    them is an exercise's (EXERCISE_INTENTS) or the words before it announce
    one (questions.yaml ``exercise_setups``): the set-up is the case, the
    design problem or the scenario asked about; and None when the words
    speak to a recording's viewers (``audience_phrases``: "hey everyone,
    welcome back to the channel")."""
    if any(q.intent in EXERCISE_INTENTS for q in questions):
        return None
    first = min((q.start for q in questions), default=len(text))
    cues = load_cues()
    words = words_of(text[:first])
    if questions and _says_any(words, cues.exercise_setups):
        return None
    if _says_any(words, cues.audience_phrases):
        return None  # a recording's intro to its viewers, not the candidate's wait
    return count_text_words(text[:first])


def _says_any(words: Sequence[str], phrases: Sequence[tuple[str, ...]]) -> bool:
    """Whether ``words`` (lowercase) say one of ``phrases`` (questions.yaml's
    ``exercise_setups``, "here's the case", or ``audience_phrases``,
    "welcome back to the channel")."""
    return any(
        tuple(words[i : i + len(phrase)]) == phrase
        for i in range(len(words))
        for phrase in phrases
        if words[i] == phrase[0]
    )


def _is_pleasantry(text: str) -> bool:
    """A short thank-you or goodbye after an answer, not part of it ("Thank
    you, Tomasz, this was fun.")."""
    pleasantry = answer_patterns()[0]
    return len(text.split()) <= rule_words().pleasantry_words and bool(pleasantry.search(text))


def _other(role: Role) -> Role | None:
    return {"interviewer": "candidate", "candidate": "interviewer"}.get(role)  # type: ignore[return-value]
