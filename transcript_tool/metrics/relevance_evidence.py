"""What the relevance metric quotes ("answered the asked question"): each
judged question (:class:`Judged`), and the evidence drawn from them:
improvements first (parts left out, indirect answers, drift, no example,
evasions, re-asks), then unanswered questions, then up to two strengths.
An opening that never says the question's words is counted (``off_start``)
but not quoted: read one by one, nearly all such openings answer the
question in other words (docs/design.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..annotate.answered import NO_YES_OR_NO
from ..model import Analysis, Evidence, Question
from .common import PLEASANTRIES, Answer, quote
from .relevance_cues import EVASION_NOTES, relaxed

CLOSED_FORMS = {  # form -> (what the question is, what a direct answer gives first)
    "yes_no": ("a yes/no", "a yes or no"),
    "tag": ("a tag", "a yes or no"),
    "declarative": ("a confirm-or-deny", "a yes or no"),
    "choice": ("an either-or", "naming a choice"),
}


@dataclass(frozen=True)
class Judged:
    """One question with its answer and what the metric found."""

    question: Question
    answer: Answer
    score: float
    direct: bool | None  # yes/no or choice question answered directly (None: other forms)
    drift: int | None  # where the answer drifts off the question (an index of answer.words)
    specific: bool | None  # a "tell me about a time" question answered with a specific example
    reasked: bool
    evasion: tuple[int, str, str] | None = None  # (turn, words, kind) of an evasion
    unsaid: tuple[str, ...] = ()  # focus terms the answer's opening never says, when it is
    # judged on them and says fewer than PART_COVERED of them ("starts off the question")


def relevance_evidence(
    analysis: Analysis, judged: Sequence[Judged], asked: Sequence[Question]
) -> list[Evidence]:
    """Improvements first (parts left out, indirect answers, drift, no example,
    re-asks), then unanswered questions, then up to two strengths."""
    turns = analysis.transcript.turns
    evidence: list[Evidence] = []
    for item in judged:
        question, first = item.question, turns[item.answer.turns[0]]
        left_out = [m for m in question.missing if m != NO_YES_OR_NO]
        if left_out:
            note = "the answer did not address: " + "; ".join(left_out)
            evidence.append(Evidence(question.turn, question.text, note, "improvement"))
        if item.direct is False and item.evasion is None:  # an evasion has its own note
            kind, wanted = CLOSED_FORMS[question.form]
            note = f'{kind} question ("{question.text}") answered without {wanted} first'
            evidence.append(
                Evidence(first.index, quote(first.text, max_words=20), note, "improvement")
            )
        if item.drift is not None:
            turn, word = item.answer.words[item.drift]
            said = quote(turns[turn].text, word.start, max_words=25)
            note = f'the answer drifted away from "{question.text}" to a side topic'
            evidence.append(Evidence(turn, said, note, "improvement"))
        if item.specific is False:
            note = "a behavioral question answered in general terms, without one specific example"
            evidence.append(
                Evidence(first.index, quote(first.text, max_words=20), note, "improvement")
            )
        if item.evasion is not None:
            turn, said, kind = item.evasion
            note = f'{EVASION_NOTES[kind]} ("{question.text}")'
            evidence.append(Evidence(turn, said, note, "improvement"))
        if item.reasked:
            note = "the interviewer asked this again later: the first answer missed it"
            evidence.append(Evidence(question.turn, question.text, note, "improvement"))
    for question in asked:
        if question.answered == "no":
            note = "never answered before the transcript ends"
            evidence.append(Evidence(question.turn, question.text, note, "neutral"))
    good = sorted(
        (
            (_SLIGHT.get(j.question.intent, 0), rank, j, note)
            for j in judged
            if j.score >= 90 and j.question.intent not in PLEASANTRIES | {"clarification"}
            for rank, note in [_strength_note(j)]
            if note
        ),
        key=lambda found: found[:2],  # stable: transcript order within a kind
    )
    for _, rank, item, note in good[:2]:
        evidence.append(_strength(analysis, item, rank, note))
    return evidence


def _strength(analysis: Analysis, item: Judged, rank: int, note: str) -> Evidence:
    """A strength's quote: the answer's opening, or for a specific example the
    sentence that tells most of it: an opening such as "Um, yeah, so, that's,
    I mean, that was basically my whole life" shows none."""
    if rank == _EXAMPLE:
        from .star_answers import example_quote, read_answer

        found = example_quote(analysis, read_answer(analysis, item.answer))
        if found is not None:
            return Evidence(found[0], found[1], note, "strength")
    first = analysis.transcript.turns[item.answer.quoted_turn]
    return Evidence(first.index, quote(first.text, max_words=20), note, "strength")


# Strengths are quoted from the questions that test an answer most: a fact or
# a schedule confirmed ("Are you okay with nights?", background) comes after
# them. An interviewer's check of what they heard ("In April?", "So the key
# ends up being listener plus ad?") and small talk are never quoted as one.
_SLIGHT = {"background": 1}
_EXAMPLE = 2  # the rank of "answered ... with one specific example"


def _strength_note(item: Judged) -> tuple[int, str]:
    """What a well-answered question's answer did right, as its quote's note,
    with the kind's rank (the answers a word count can show least easily
    first); "" when nothing can be named (a relaxed-intent question's full
    credit says nothing about the answer's words)."""
    question = item.question
    if item.drift is not None or item.reasked or item.evasion is not None:
        return 0, ""
    if len(question.parts) > 1:
        return 0, f'answered every part of "{question.text}"'
    if item.direct:
        return 1, f'answered "{question.text}" directly, first thing'
    if item.specific:
        return _EXAMPLE, f'answered "{question.text}" with one specific example'
    terms = [term for part in question.focus for term in part]
    if item.direct is None and terms and not item.unsaid and not relaxed(question):
        return 3, f'took up "{question.text}" in its opening words'
    return 0, ""
