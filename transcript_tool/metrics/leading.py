"""leading_questions: interviewer questions that suggest their answer
("don't you think", "surely you", "..., right?", "So you'd just use a
threshold?"). The cues live in ``data/interviewer.yaml``."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ..annotate.heads import head_of
from ..annotate.interviewer_cues import load_interviewer_cues
from ..annotate.question_cues import load_cues
from ..model import Analysis, Evidence, MetricResult, Question, plain
from .base import MetricSpec, Param, Params, Scope
from .interviewer_turns import (
    EVIDENCE,
    SubjectTurn,
    asked_well,
    no_questions,
    praised,
    question_tokens,
    question_words,
    span_quote,
    subject_turns,
)


@dataclass(frozen=True)
class Leading:
    """A leading question: ``rank`` orders evidence (0: a cue, 1: a tag, 2: a
    declarative question); ``note`` says what showed it."""

    question: Question
    rank: int
    note: str


def leading_reason(
    analysis: Analysis, turn: SubjectTurn, question: Question, declaratives: bool = True
) -> Leading | None:
    """Why ``question`` suggests its answer, or None when it does not (rules
    only for declarative questions are skipped unless ``declaratives``)."""
    if question.intent == "small_talk":
        return None  # "So, Renée, right?", "You found us okay?": no answer being judged
    cues = load_interviewer_cues()
    declarative = None
    for match in turn.cues():
        if match.key == "rephrase" or not question.start <= match.start < question.end:
            continue
        rule = cues.leading[int(match.key.split(":")[1])]
        if (rule.at == "head" and not match.at_head) or (
            rule.forms and question.form not in rule.forms
        ):
            continue
        if rule.declarative_only:
            declarative = declarative or rule
            continue
        said = turn.text[match.start : match.end]
        return Leading(question, 0, f'{rule.label}: "{said}"')
    if question.form == "tag" and plain(question.form_cue) not in cues.not_leading_tags:
        cue = question.form_cue
        return Leading(question, 1, f'a tag question asking for agreement ("{cue}")')
    if (
        declarative is not None
        and declaratives
        and question_words(analysis, question) >= cues.short_declarative_words
        and not _elliptical(analysis, question)
        and not _reflects(analysis, question)
    ):
        return Leading(question, 2, f"{declarative.label}, asking to have it confirmed")
    return None


ELLIPTICAL_WORDS = 4
"""A declarative question of at most this many words after its openers that
opens with "your" names what it asks for ("And your target range?", "Your
notice period, then?"): elliptical, not a statement put to be confirmed."""

REFLECTED_SHARE = 0.5
"""A statement about the candidate put back to them ("So you're in the
freezer all night?" after "mostly nights in the freezer") reflects what they
said, rather than leading, when at least this share of its content words is
in their last REFLECTED_TURNS turns."""
REFLECTED_TURNS = 2


def _elliptical(analysis: Analysis, question: Question) -> bool:
    norms = [w.lower for w in question_tokens(analysis, question)]
    head = head_of(norms, load_cues())
    return 0 < len(norms) - head <= ELLIPTICAL_WORDS and norms[head] == "your"


def _reflects(analysis: Analysis, question: Question) -> bool:
    """Whether most of ``question``'s content words (lemmas; spaCy's stop
    words left out, among them "call" and "one") are the other party's, said
    in their last REFLECTED_TURNS turns before it."""
    terms = {w.lemma.lower() for w in question_tokens(analysis, question) if not w.is_stop}
    if not terms:
        return False
    turns = analysis.transcript.turns
    said: set[str] = set()
    others = (t for t in range(question.turn - 1, -1, -1) if turns[t].role != question.role)
    for turn in itertools.islice(others, REFLECTED_TURNS):
        said.update(w.lemma.lower() for w in analysis.turn_words.get(turn, ()))
    return len(terms & said) >= REFLECTED_SHARE * len(terms)


def leading_questions(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """Questions that suggest their answer: "don't you think", "wouldn't you
    agree", "surely you", "I assume you", a negative question ("Isn't that
    ..."), a tag asking for agreement ("..., right?") and, with
    ``declaratives``, a statement about the candidate checked with a question
    mark ("So you'd just use a threshold?").

    A leading question tells the candidate what to say, so their answer shows
    little; open questions ("How would you ...?") let them show their own
    thinking. Small talk ("So, Renée, right?", "You found us okay?") judges
    no answer and leads to none.
    """
    subject = scope.subject
    turns = subject_turns(analysis, scope)
    unscored = no_questions(turns, subject)
    if unscored is not None:
        return unscored
    found: list[tuple[SubjectTurn, Leading]] = []
    for turn in turns:
        for question in turn.questions:
            reason = leading_reason(analysis, turn, question, params["declaratives"])
            if reason is not None:
                found.append((turn, reason))
    asked = sum(len(t.questions) for t in turns)
    ranked = sorted(found, key=lambda item: (item[1].rank, item[1].question.index))
    evidence = [
        Evidence(
            turn.index,
            span_quote(turn.text, lead.question.start, lead.question.end),
            lead.note,
            "improvement",
        )
        for turn, lead in ranked[:EVIDENCE]
    ]
    leading_ids = {lead.question.index for _, lead in found}
    open_question = praised(
        analysis,
        (
            (turn, q)
            for turn in turns
            for q in turn.questions
            if q.index not in leading_ids and q.form in ("wh", "imperative")
        ),
    )
    if not evidence and open_question is not None:
        turn, question = open_question
        note = "an open question that leaves the answer to the candidate"
        evidence.append(asked_well(turn, question, note))
    per_turn: dict[int, int] = {}
    for turn, _ in found:
        per_turn[turn.index] = per_turn.get(turn.index, 0) + 1
    return MetricResult(
        value=float(len(found)),
        evidence=tuple(evidence),
        details={
            "leading": len(found),
            "questions": asked,
            "share": round(100.0 * len(found) / asked, 1),
        },
        items=tuple((f"turn {t}", float(n)) for t, n in sorted(per_turn.items())),
    )


LEADING_QUESTIONS = MetricSpec(
    name="leading_questions",
    function=leading_questions,
    description=(
        "Interviewer questions that suggest their answer ('don't you think', 'wouldn't you "
        "agree', 'surely you', '..., right?', 'So you'd just use a threshold?')."
    ),
    scale="count",
    params={
        "declaratives": Param(
            "boolean",
            True,
            "count statements about the candidate checked with a question mark "
            "('So you'd just use a threshold?') as leading",
        ),
    },
    details=("leading", "questions", "share"),
    roles=("interviewer",),
)
