"""The interviewer's turns as the interviewer metrics read them
(:mod:`.interviewer`, :mod:`.rephrased`, :mod:`.stacked`, :mod:`.leading`):
each turn in scope with its questions and sentences, and the quoting those
metrics share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..annotate.interviewer_cues import CueMatch, cue_matches
from ..annotate.question_cues import load_cues
from ..model import Analysis, Evidence, MetricResult, Question, Role, Sentence, Word
from .base import Scope
from .common import quote
from .delivery import word_counts

EVIDENCE = 3  # pieces of evidence at most
_QUOTE_WORDS = 40


@dataclass(frozen=True)
class SubjectTurn:
    """One of the subject's turns in scope: its questions and sentences."""

    index: int
    text: str
    words: int
    questions: tuple[Question, ...]
    sentences: tuple[Sentence, ...]

    def cues(self) -> tuple[CueMatch, ...]:
        return cue_matches(self.text, tuple(s.start for s in self.sentences))


def subject_turns(analysis: Analysis, scope: Scope) -> list[SubjectTurn]:
    """The subject's turns in scope that hold any words, in order."""
    subject = scope.subject
    all_turns = analysis.transcript.turns
    counts = word_counts(analysis)
    questions: dict[int, list[Question]] = {}
    for question in analysis.questions:
        questions.setdefault(question.turn, []).append(question)
    sentences = analysis.turn_sentences
    return [
        SubjectTurn(
            t,
            all_turns[t].text,
            counts.get(t, 0),
            tuple(questions.get(t, ())),
            sentences[t],
        )
        for t in scope.turns(analysis)
        if all_turns[t].role == subject and t in sentences
    ]


def no_questions(turns: Sequence[SubjectTurn], subject: Role) -> MetricResult | None:
    """The "cannot be computed" result when the subject asked nothing."""
    if not any(turn.questions for turn in turns):
        return MetricResult(None, reason=f"the {subject} asked no questions")
    return None


def question_words(analysis: Analysis, question: Question) -> int:
    return sum(1 for w in analysis.sentences[question.sentence].words if not w.is_punct)


def question_tokens(analysis: Analysis, question: Question) -> list[Word]:
    """The tokens of ``question``'s own words, punctuation left out."""
    return [
        w
        for w in analysis.sentences[question.sentence].words
        if question.start <= w.start < question.end and not w.is_punct
    ]


def spoken_words(analysis: Analysis, question: Question) -> list[str]:
    """The lowercase tokens of ``question``, without punctuation and fillers."""
    fillers = load_cues().fillers
    return [w.lower for w in question_tokens(analysis, question) if w.lower not in fillers]


def question_terms(question: Question) -> set[str]:
    return {term for part in question.focus for term in part}


def span_quote(text: str, start: int, end: int) -> str:
    return quote(text, start, end, max_words=_QUOTE_WORDS)


def praised(
    analysis: Analysis, asked: Iterable[tuple[SubjectTurn, Question]]
) -> tuple[SubjectTurn, Question] | None:
    """The first of ``asked`` to quote as a question asked well: one of the
    interview proper where there is one, not the small talk before it ("Did
    you find the office okay?") or the goodbyes."""
    phases = {q: e.phase for e in analysis.exchanges for q in e.questions}
    pairs = list(asked)
    proper = (pair for pair in pairs if phases.get(pair[1].index) == "interview")
    return next(proper, pairs[0] if pairs else None)


def asked_well(turn: SubjectTurn, question: Question, note: str) -> Evidence:
    """``question`` of ``turn``, quoted as a strength of the interviewer's."""
    return Evidence(
        turn.index, span_quote(turn.text, question.start, question.end), note, "strength"
    )
