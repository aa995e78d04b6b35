"""Pair questions with the turns that answer them, and measure how much of
each question the answer addressed.

A turn that asks opens an exchange. Every later turn of the other party
belongs to it until that party's partner asks again, so an interviewer's
"Got it." between two parts of an answer does not cut the answer in two. A
candidate's question (clarifying, or about the role) opens an exchange of
its own that the interviewer's next turn answers; the interviewer's
question stays open meanwhile.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import (
    Answered,
    Exchange,
    Phase,
    Question,
    QuestionIntent,
    Role,
    Section,
    Sentence,
    Transcript,
    Turn,
    Word,
    count_text_words,
    words_by_turn,
)
from . import intent_links
from .parts import as_written
from .question_cues import load_cues, rule_words
from .replies import DIRECT_WINDOW, answered_directly, openings
from .word_lists import alternatives

# A part counts as addressed when the answer repeats this share of its focus terms.
PART_COVERED = 0.5
_PREFIX = 5  # lemmas sharing this many leading letters match ("stakeholder"/"stakeholders")
# What ``missing`` says of a yes/no question answered without a yes or no.
NO_YES_OR_NO = "a clear yes or no"


def relaxed_intents() -> frozenset[QuestionIntent]:
    """Intents whose answers need not repeat the question's words
    (questions.yaml ``relaxed_intents``): a story answers "tell me about a
    time you dealt with a difficult stakeholder" without saying
    "stakeholder". In a compound question of these intents the story part and
    one-word parts are not judged by word overlap (:func:`_word_checked`); the
    relevance metric gives a single question of these intents full credit for
    its words."""
    return rule_words().relaxed_intents


_Asking = tuple[tuple[str, re.Pattern[str], str], ...]


@lru_cache(maxsize=1)
def _answer_patterns() -> tuple[re.Pattern[str], re.Pattern[str], _Asking]:
    """questions.yaml's ``pleasantries``, ``number_words`` and ``answer_types``
    as regexes: a thank-you or goodbye; a number; a part's asking words."""
    words = rule_words()

    def word(phrases: Iterable[str]) -> str:
        return rf"\b{alternatives(phrases)}\b"

    return (
        re.compile(word(words.pleasantries), re.IGNORECASE),
        re.compile(r"\d|" + word(words.number_words)),
        tuple((wh, re.compile(word([wh])), kind) for wh, kind in words.answer_types),
    )


def pair_questions(
    transcript: Transcript, sentences: Sequence[Sentence], questions: Sequence[Question]
) -> tuple[tuple[Exchange, ...], tuple[Question, ...]]:
    """Exchanges in order, and the questions with their answer fields filled."""
    by_turn: dict[int, list[int]] = {}
    for question in questions:
        by_turn.setdefault(question.turn, []).append(question.index)
    clarifying = _clarifying_turns(transcript, questions)
    groups: list[_Group] = []
    open_for: dict[Role, int] = {}
    for turn in transcript.turns:
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
    exchanges = _exchanges(groups, questions)
    words = words_by_turn(sentences)
    first_words = openings(sentences)
    answered = list(questions)
    for exchange in exchanges:
        answer_words = [w for t in exchange.answer_turns for w in words.get(t, ())]
        opening = [w for t in exchange.answer_turns for w in first_words.get(t, ())]
        opening = opening[: DIRECT_WINDOW + 1]
        for index, after in zip(exchange.questions, (*exchange.questions[1:], None), strict=True):
            question_words = sentences[questions[index].sentence].words
            answered[index] = _with_answer(
                questions[index],
                question_words,
                exchange.answer_turns,
                answer_words,
                opening,
                after is not None and leads_on(questions[index], questions[after]),
            )
    return exchanges, tuple(answered)


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


def _exchanges(groups: Sequence[_Group], questions: Sequence[Question]) -> tuple[Exchange, ...]:
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
    return _with_phases(exchanges, questions)


def _with_phases(
    exchanges: Sequence[Exchange], questions: Sequence[Question]
) -> tuple[Exchange, ...]:
    """Each exchange with its phase: small talk before the first interview
    question is the opening, small talk or goodbyes after the last one the
    closing; the candidate's questions about the role (and the interviewer's
    invitation to ask them) are the reverse phase."""
    proper = [e.index for e in exchanges if e.section == "interview"]
    first = proper[0] if proper else len(exchanges)
    last = proper[-1] if proper else -1
    phased: list[Exchange] = []
    for exchange in exchanges:
        intents = {questions[q].intent for q in exchange.questions}
        phase: Phase
        if exchange.section == "clarification":
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
"""An interviewer turn of at least this many words that asks nothing is a
long setup (interviewer feedback: context given at length before a question)."""


def find_long_setups(
    transcript: Transcript, questions: Sequence[Question], exchanges: Sequence[Exchange]
) -> tuple[int, ...]:
    """Interviewer turns of SETUP_WORDS words or more that ask nothing, answer
    none of the candidate's questions, and come before a later question of
    the interviewer's (so they set one up, rather than close the interview)."""
    asking = {q.turn for q in questions}
    last_question = max((q.turn for q in questions if q.role == "interviewer"), default=-1)
    answering = {t for e in exchanges if e.asker_role == "candidate" for t in e.answer_turns}
    return tuple(
        turn.index
        for turn in transcript.turns
        if turn.role == "interviewer"
        and turn.index not in asking
        and turn.index not in answering
        and turn.index < last_question
        and len(turn.text.split()) >= SETUP_WORDS
    )


def _is_pleasantry(text: str) -> bool:
    """A short thank-you or goodbye after an answer, not part of it ("Thank
    you, Tomasz, this was fun.")."""
    pleasantry = _answer_patterns()[0]
    return len(text.split()) <= rule_words().pleasantry_words and bool(pleasantry.search(text))


def _other(role: Role) -> Role | None:
    return {"interviewer": "candidate", "candidate": "interviewer"}.get(role)  # type: ignore[return-value]


def leads_on(question: Question, after: Question) -> bool:
    """``question`` leads on to ``after``, the next question of its turn, and
    is no yes/no question of its own: ``after`` opens with "or" and offers
    the other alternative ("Does the raw data stay raw? Or do you transform it
    on the way in?"), or ``question`` asks leave to ask it ("Can I follow up
    on that? For the A-fib patient, who would you call first?")."""
    if after.turn != question.turn:
        return False
    if after.form == "choice" and after.form_cue.lower() == "or":
        return True
    return load_cues().asks_leave(question.form_cue)


def _with_answer(
    question: Question,
    question_words: Sequence[Word],
    answer_turns: tuple[int, ...],
    words: list[Word],
    opening: Sequence[Word],
    leads_on: bool = False,
) -> Question:
    if not answer_turns:
        return dataclasses.replace(
            question, answer_turns=(), answered="no", coverage=None, part_coverage=(), missing=()
        )
    lemmas = {w.lemma.lower() for w in words} | {w.lower for w in words}
    prefixes = term_prefixes(lemmas)
    answer_text = " ".join(w.lower for w in words)
    part_coverage: list[float] = []
    missing_terms: list[str] = []
    covered_total = focus_total = 0
    for part, focus in zip(question.parts, question.focus, strict=True):
        hits = [term for term in focus if matches_term(term, lemmas, prefixes)]
        missing_terms.extend(term for term in focus if term not in hits)
        covered_total += len(hits)
        focus_total += len(focus)
        share = len(hits) / len(focus) if focus else 1.0
        if share < PART_COVERED and _answer_type_present(part, answer_text):
            share = max(share, PART_COVERED)
        part_coverage.append(round(share, 3))
    coverage = covered_total / focus_total if focus_total else 1.0
    direct = None if leads_on else answered_directly(question, question_words, opening)
    unaddressed = _unaddressed(question, part_coverage, direct)
    if len(question.parts) > 1:
        missing = [_part_label(p) for p in unaddressed]
    else:
        missing = as_written(missing_terms, question_words) if unaddressed else []
    if direct is False:
        missing.append(NO_YES_OR_NO)
    answered: Answered = "partial" if missing else "yes"
    return dataclasses.replace(
        question,
        answer_turns=answer_turns,
        answered=answered,
        coverage=round(coverage, 3),
        part_coverage=tuple(part_coverage),
        missing=tuple(missing),
        direct=direct,
    )


def _unaddressed(
    question: Question, part_coverage: Sequence[float], direct: bool | None
) -> list[str]:
    """The parts the answer left out.

    Every part of a compound question must be covered. For a relaxed intent
    only where word overlap is a fair test of the part: not the story a
    behavioral question asks for (the part with its cue, "tell me about a
    time you disagreed with a teammate": the story need not say "disagree"
    or "teammate"), and not a part with one focus term ("how you handled
    it": one word is too easily said another way) unless it asks for a time
    or a number ("when could you start"); a technical or problem-solving
    part is always checked ("how would you expire them"). In a compound
    question the parts the answer took up show what a part left out looks
    like. A single question has no such yardstick, and an answer that
    addresses it often shares none of its words ("What happens if one of the
    Redis primaries dies?" - "So the replica gets promoted ..."): it is left
    unaddressed only when it asks for a number or a duration and the answer
    has none ("how many people did you manage": questions.yaml
    ``single_answer_types``), or, closed, by its yes or no instead.
    """
    if len(question.parts) > 1:
        return missed_parts(question, part_coverage)
    if direct is not None or not _asks_time_or_number(question.parts[0], single=True):
        return []
    return list(question.parts) if part_coverage[0] < PART_COVERED else []


def missed_parts(question: Question, part_coverage: Sequence[float]) -> list[str]:
    """The parts of a compound question below PART_COVERED where word overlap
    is a fair test of the part (:func:`word_checked`)."""
    return [
        p
        for p, focus, share in zip(question.parts, question.focus, part_coverage, strict=True)
        if share < PART_COVERED and word_checked(question, p, focus)
    ]


def word_checked(question: Question, part: str, focus: Sequence[str]) -> bool:
    """Whether word overlap is a fair test of ``part`` of a compound question
    (see :func:`_unaddressed`)."""
    if question.intent not in relaxed_intents():
        return True  # "how would you store the events and how would you expire them"
    if question.intent == "behavioral" and question.intent_cue.lower() in part.lower():
        return False
    return len(focus) >= 2 or _asks_time_or_number(part)


def term_prefixes(lemmas: Iterable[str]) -> set[str]:
    """The _PREFIX-letter stems of ``lemmas`` that :func:`matches_term` compares."""
    return {lemma[:_PREFIX] for lemma in lemmas if len(lemma) >= _PREFIX}


def matches_term(term: str, lemmas: set[str], prefixes: set[str]) -> bool:
    """Whether focus ``term`` is among ``lemmas`` or shares a stem in ``prefixes``."""
    return term in lemmas or (len(term) >= _PREFIX and term[:_PREFIX] in prefixes)


def _answer_types(part: str, single: bool = False) -> set[str]:
    """What a "when"/"how much" part asks for: "time", "number" (questions.yaml
    ``answer_types``; with ``single``, only ``single_answer_types``)."""
    lowered = part.lower()
    only = rule_words().single_answer_types if single else None
    return {
        kind
        for phrase, asking, kind in _answer_patterns()[2]
        if (only is None or phrase in only) and asking.search(lowered)
    }


def _asks_time_or_number(part: str, single: bool = False) -> bool:
    """Whether ``part`` is a "when"/"how much" ask."""
    return bool(_answer_types(part, single))


def _answer_type_present(part: str, answer_text: str) -> bool:
    """A "when"/"how much" part is addressed by a time or a number, whatever its words."""
    kinds = _answer_types(part)
    return ("number" in kinds and bool(_answer_patterns()[1].search(answer_text))) or (
        "time" in kinds and not rule_words().time_words.isdisjoint(answer_text.split())
    )


def _part_label(part: str) -> str:
    """A part as shown in ``missing``: without the trailing punctuation."""
    return part.strip().rstrip("?.!,;:").strip()
