"""Sentences that read as questions but ask the interviewer nothing: the
candidate's reply offered with a rising "?" (:func:`offered_answer`), and
the candidate's instruction before the interview begins, a chat's opening
prompt (:func:`bare_request`). :mod:`.questions` leaves both out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import YES_NO_FORMS, Question, QuestionForm, Sentence, Turn, Word
from .parts import focus_terms
from .question_cues import QuestionCues
from .replies import direct_reply

if TYPE_CHECKING:
    from spacy.tokens import Span


def bare_request(span: Span, cues: QuestionCues) -> bool:
    """Whether ``span`` tells rather than asks: it opens, openers aside, with
    no auxiliary ("Give me feedback at the end.", not "Could you tell me
    ...?") and ends in no "?"."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    head = next((t for t in words if t.norm_ not in cues.openers), None)
    last = next((t for t in reversed(span) if not t.is_space), None)
    return (
        head is not None
        and head.norm_ not in cues.auxiliaries
        and (last is None or last.text != "?")
    )


OFFERED_WORDS = 6
"""Words at most of an answer offered as a question (:func:`offered_answer`)."""

_CHECKING_WORDS = frozenset(
    "you your yours we us our ours sorry pardon mean again just only alone".split()
)
"""Words of a short reply put as a question that checks the question rather
than answering it: who is meant ("You mean per quarter?", "We being?"), a
request to hear it again ("I'm sorry, sir?"), its scope ("Just Lois
Lerner's alone?", a hearing witness)."""


def offered_answer(
    sentence: Sentence,
    form: QuestionForm,
    turn: Turn,
    asked: Sequence[Question],
    cues: QuestionCues,
) -> bool:
    """The candidate's reply to the interviewer's question just before,
    offered with a rising "?": to a closed question, one opening with a yes
    or a no (:func:`_says_yes_or_no`); to a wh-question, a short statement
    ("What's your absolute minimum?" "Um. Thirty-five?", "When was that?"
    "Ten days ago?", "... what stops somebody from flipping it back on?"
    "The, um, the lock?"), first in its turn but for openers, saying none of
    the question's focus terms. Neither says any of :data:`_CHECKING_WORDS`
    (not "The whole team?", "You mean the budget?", MIT's "Umm we being?" to
    "Why do you think we should hire you?", "I'm sorry, sir?", which check
    the question). It answers; it asks the interviewer nothing."""
    if turn.role != "candidate" or form != "declarative" or not asked:
        return False
    before = asked[-1]
    if before.role != "interviewer" or before.turn != turn.index - 1:
        return False
    said = [w for w in sentence.words if not w.is_punct]
    if any(w.lower in _CHECKING_WORDS for w in said):
        return False
    if before.form in YES_NO_FORMS:
        return _says_yes_or_no(said, cues)
    if before.form != "wh" or not said or len(said) > OFFERED_WORDS:
        return False
    asked_terms = {term for part in before.focus for term in part}
    return not asked_terms.intersection(focus_terms(sentence.words, cues))


def _says_yes_or_no(said: Sequence[Word], cues: QuestionCues) -> bool:
    """Whether ``said`` (a reply's words, marks left out) opens, fillers
    aside, with a yes or a no (:func:`.replies.direct_reply`): an answer to
    the closed question just asked, however it ends ("Does the order of
    those two lines matter?" "Um, I don't think so?")."""
    start = next((k for k, w in enumerate(said) if w.lower not in cues.fillers), len(said))
    return bool(said[start:]) and direct_reply(said[start:]) is not None
