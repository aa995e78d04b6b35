"""How much of a question its answer addressed: each part's share of focus
terms said (or the kind of answer a part asks for: a time, a number), the
parts and terms left out, and whether a yes/no question got its yes or no
first. Read by :mod:`.exchanges` when it pairs questions with answers, and
by the relevance metric."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ..model import Answered, Question, QuestionIntent, Word
from .parts import as_written
from .question_cues import load_cues, rule_words
from .replies import answered_directly
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
    one-word parts are not judged by word overlap (:func:`word_checked`); the
    relevance metric gives a single question of these intents full credit for
    its words."""
    return rule_words().relaxed_intents


_Asking = tuple[tuple[str, re.Pattern[str], str], ...]


@lru_cache(maxsize=1)
def answer_patterns() -> tuple[re.Pattern[str], re.Pattern[str], _Asking]:
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


def with_answer(
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
    particles = not rule_words().answer_particles.isdisjoint(w.lower for w in words)
    part_coverage: list[float] = []
    missing_terms: list[str] = []
    covered_total = focus_total = 0
    for index, (part, focus) in enumerate(zip(question.parts, question.focus, strict=True)):
        hits = [term for term in focus if matches_term(term, lemmas, prefixes)]
        missing_terms.extend(term for term in focus if term not in hits)
        covered_total += len(hits)
        focus_total += len(focus)
        share = len(hits) / len(focus) if focus else 1.0
        if share < PART_COVERED and _answer_type_present(part, answer_text):
            share = max(share, PART_COVERED)
        if share < PART_COVERED and particles and index and _asks_yes_or_no(part):
            # "How big is the team, and would I get support? - Four of us, and
            # yes, we pay for the exams": the yes answers the part in its own words
            share = PART_COVERED
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
        for phrase, asking, kind in answer_patterns()[2]
        if (only is None or phrase in only) and asking.search(lowered)
    }


def _asks_time_or_number(part: str, single: bool = False) -> bool:
    """Whether ``part`` is a "when"/"how much" ask."""
    return bool(_answer_types(part, single))


def _answer_type_present(part: str, answer_text: str) -> bool:
    """A "when"/"how much" part is addressed by a time or a number, whatever its words."""
    kinds = _answer_types(part)
    return ("number" in kinds and bool(answer_patterns()[1].search(answer_text))) or (
        "time" in kinds and not rule_words().time_words.isdisjoint(answer_text.split())
    )


def _asks_yes_or_no(part: str) -> bool:
    """Whether a later part of a compound question is a yes/no question of
    its own: it opens with an auxiliary ("would I be working toward ...",
    "can you start sooner"; a later part starts after its "and"/"or",
    :func:`.parts.split_parts`)."""
    words = re.findall(r"[\w']+", part.lower())
    return bool(words) and words[0] in load_cues().auxiliaries


def _part_label(part: str) -> str:
    """A part as shown in ``missing``: without the trailing punctuation."""
    return part.strip().rstrip("?.!,;:").strip()
