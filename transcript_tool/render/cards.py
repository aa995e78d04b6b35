"""The question cards of the HTML and Markdown reports, as plain view objects
(part of :mod:`.views`): the interviewer's questions, the candidate's
clarifying questions, the candidate's own questions and those of a mock
interview's debrief, numbered Q1, Q2 ... in that order, each with how it was
put, whether the answer addressed it, the answer's first words and the
criteria's quotes from it.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import LOW_CONFIDENCE, Analysis, Evidence, Question, Report, Turn, count_words
from .timeline import clock

CARD_QUOTES = 3
OPENING_WORDS = 30
INTENT_LABELS = {
    "small_talk": "small talk",
    "problem_solving": "problem solving",
    "check_in": "check-in",
    "follow_up": "follow-up",
    "reverse": "about the role",
}
FORM_LABELS = {
    "yes_no": "yes/no",
    "wh": "open (wh-)",
    "choice": "either/or",
    "imperative": "request",
    "declarative": "statement",
    "tag": "tag question",
}
ANSWERED_LABELS = {"yes": "Answered", "partial": "Partly answered", "no": "Not answered"}


Group = tuple[str, str, str, list[Question]]
"""A group of question cards before they are built: id, title, note, questions."""


def first_words(text: str, count: int) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


@dataclass(frozen=True)
class Quote:
    turn: int
    text: str  # verbatim, as the evidence has it
    note: str
    polarity: str
    source: str  # the criterion's title
    cut_before: bool = False  # the turn's sentence goes on before the quote
    cut_after: bool = False  # ... or after it

    @property
    def shown(self) -> str:
        """The quote as printed: an ellipsis where it leaves part of a sentence
        out (a comma, colon or semicolon before a closing one dropped)."""
        text = self.text.rstrip(",;:") if self.cut_after else self.text
        return f"{'…' if self.cut_before else ''}{text}{'…' if self.cut_after else ''}"


SENTENCE_ENDS = ".?!…"


def cuts(turn_text: str, quote: str) -> tuple[bool, bool]:
    """Whether ``quote``, a verbatim slice of ``turn_text``, leaves out the
    start (and the end) of a sentence: the turn goes on before (after) it,
    and not after a sentence's final punctuation. A quote not found in the
    turn is taken as whole."""
    at = turn_text.find(quote) if quote else -1
    if at < 0:
        return False, False
    before = turn_text[:at].rstrip()
    after = turn_text[at + len(quote) :].strip()
    cut_before = bool(before) and before[-1] not in SENTENCE_ENDS
    cut_after = bool(after) and quote.rstrip()[-1:] not in SENTENCE_ENDS
    return cut_before, cut_after


@dataclass(frozen=True)
class Card:
    question: int
    number: int
    turn: int
    text: str
    role: str
    intent: str
    form: str
    answered: str
    answered_label: str
    answer_turns: tuple[int, ...]
    answer_words: int
    answer_time: str | None
    missing: tuple[str, ...]
    parts: tuple[str, ...]
    concepts_mentioned: tuple[str, ...]
    concepts_missing: tuple[str, ...]
    quotes: tuple[Quote, ...]
    opening: str | None
    reask: str | None
    uncertain: bool


@dataclass(frozen=True)
class CardGroup:
    id: str
    title: str
    note: str
    cards: tuple[Card, ...]


def quote_of(item: Evidence, source: str, turns: Sequence[Turn]) -> Quote:
    """``item`` as a quote of the criterion titled ``source``, marked where
    it cuts a sentence of its turn (one of ``turns``)."""
    turn_text = turns[item.turn].text if 0 <= item.turn < len(turns) else ""
    before, after = cuts(turn_text, item.quote)
    return Quote(item.turn, item.quote, item.note, item.polarity, source, before, after)


QuestionLists = dict[str, list[Question]]
"""The questions of each group, keyed by group id (:func:`question_lists`)."""


def question_lists(analysis: Analysis) -> QuestionLists:
    """The questions of each group, in text order: the interviewer's
    (``asked``), the candidate's clarifying questions (``clarifying``), the
    candidate's own (``own``) and, after a mock interview, those of its
    debrief (``debrief``, either party's: they are not scored). Every
    question is in one group; the terminal and the cards read the same."""
    section = {q: e.section for e in analysis.exchanges for q in e.questions}
    debriefed = {q for e in analysis.exchanges if e.phase == "debrief" for q in e.questions}
    lists: QuestionLists = {"asked": [], "clarifying": [], "own": [], "debrief": []}
    for q in analysis.questions:
        if q.index in debriefed:
            key = "debrief"
        elif section.get(q.index) == "clarification":
            key = "clarifying"
        else:
            key = "own" if q.role == "candidate" else "asked"
        lists[key].append(q)
    return lists


def question_concepts(analysis: Analysis) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Question index -> the labels of the concepts its words made expected
    that the exchange's answer mentioned, and those it left out. A concept
    sits with the question that asked for it ("How would you build the
    labels?"), not with another question of the same turn ("And what worries
    you about them?"); the terminal and the cards read the same."""
    labels = {c.id: c.label for c in analysis.concepts}
    rows: dict[int, tuple[list[str], list[str]]] = {}
    last = {e.index: e.questions[-1] for e in analysis.exchanges if e.questions}
    for item in analysis.exchange_concepts:
        asked_by = item.asked_by or (last[item.exchange],) * len(item.expected)
        for concept, question in zip(item.expected, asked_by, strict=True):
            mentioned, missing = rows.setdefault(question, ([], []))
            (mentioned if concept in item.mentioned else missing).append(labels[concept])
    return {q: (tuple(a), tuple(b)) for q, (a, b) in rows.items()}


def question_groups(report: Report) -> tuple[list[Group], dict[int, int]]:
    """The card groups (id, title, note, questions) and each question's number."""
    analysis = report.analysis
    lists = question_lists(analysis)
    groups = [
        (
            "asked",
            "Questions asked by the interviewer",
            "Each card says how the question was put, whether the answer addressed it, "
            "and quotes the answer.",
            lists["asked"],
        ),
        (
            "clarifying",
            "Clarifying questions from the candidate",
            "Checking what was meant before answering.",
            lists["clarifying"],
        ),
        (
            "own",
            "Questions from the candidate",
            "About the role, the team or the company.",
            lists["own"],
        ),
        (
            "debrief",
            "Questions in the debrief",
            f"Asked after the mock interview ended (turn {analysis.debrief_turn}): not scored.",
            lists["debrief"],
        ),
    ]
    numbers: dict[int, int] = {}
    for _, _, _, questions in groups:
        for question in questions:
            numbers[question.index] = len(numbers) + 1
    return [g for g in groups if g[3]], numbers


class _CardMaker:
    """The lookups every question card needs, made once per report."""

    def __init__(self, report: Report, numbers: dict[int, int]) -> None:
        analysis = report.analysis
        self.numbers = numbers
        self.turns = analysis.transcript.turns
        self.words = {t: count_words(w) for t, w in analysis.turn_words.items()}
        self.concepts = question_concepts(analysis)
        # each turn's evidence, in the criteria's order (looked up per card: a scan
        # of all the evidence for each question was quadratic)
        self.evidence: dict[int, list[tuple[int, Evidence, str]]] = {}
        flat = [(e, r.title) for r in report.criteria for e in r.evidence]
        for order, (item, source) in enumerate(flat):
            self.evidence.setdefault(item.turn, []).append((order, item, source))

    def card(self, q: Question) -> Card:
        answer = [self.turns[t] for t in q.answer_turns]
        quotes = _card_quotes(q, self.evidence, self.turns)
        opening = first_words(answer[0].text, OPENING_WORDS) if answer else None
        if opening and any(_same_start(x.text, answer[0].text) for x in quotes):
            opening = None  # a quote already shows how the answer began
        answer_time = None
        if answer and all(t.start is not None and t.end is not None for t in answer):
            answer_time = clock(sum((t.end or 0.0) - (t.start or 0.0) for t in answer))
        mentioned, missing = self.concepts.get(q.index, ((), ()))
        return Card(
            question=q.index,
            number=self.numbers[q.index],
            turn=q.turn,
            text=q.text,
            role=q.role,
            intent=INTENT_LABELS.get(q.intent, q.intent),
            form=FORM_LABELS.get(q.form, q.form),
            answered=q.answered,
            answered_label=ANSWERED_LABELS[q.answered],
            answer_turns=q.answer_turns,
            answer_words=sum(self.words.get(t, 0) for t in q.answer_turns),
            answer_time=answer_time,
            missing=q.missing,
            parts=q.parts if len(q.parts) > 1 else (),
            concepts_mentioned=mentioned,
            concepts_missing=missing,
            quotes=quotes,
            opening=opening,
            reask=None
            if q.reask_of is None
            else f"asks Q{self.numbers[q.reask_of]} again ({q.reask_cue})",
            uncertain=self.turns[q.turn].confidence < LOW_CONFIDENCE,
        )


def question_cards(
    report: Report, numbers: dict[int, int], groups: list[Group]
) -> tuple[CardGroup, ...]:
    """The cards of ``groups`` (from :func:`question_groups`), numbered by ``numbers``."""
    maker = _CardMaker(report, numbers)
    return tuple(
        CardGroup(group_id, title, note, tuple(maker.card(q) for q in questions))
        for group_id, title, note, questions in groups
    )


def _card_quotes(
    question: Question,
    evidence: dict[int, list[tuple[int, Evidence, str]]],
    turns: Sequence[Turn],
) -> tuple[Quote, ...]:
    """Up to CARD_QUOTES quotes of the criteria from the question's answer
    turns (``evidence``: each turn's, with its place in the criteria's order),
    once each, in the criteria's order, leaving out quotes of the question
    itself."""
    found = heapq.merge(*(evidence.get(turn, ()) for turn in sorted(set(question.answer_turns))))
    quotes: list[Quote] = []
    for _, item, source in found:
        if item.quote in question.text:
            continue
        if any(_same_start(x.text, item.quote) and x.turn == item.turn for x in quotes):
            continue
        quotes.append(quote_of(item, source, turns))
        if len(quotes) == CARD_QUOTES:
            break
    return tuple(quotes)


def _same_start(first: str, second: str, words: int = 6) -> bool:
    return first.split()[:words] == second.split()[:words]
