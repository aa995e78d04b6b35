"""Rhetorical questions: a speaker asking themselves, not the listener, in
the middle of their own turn ("so what did I do? I called ...", "do I regret
it? Not really ..."). :func:`.questions.find_questions` drops them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from ..model import QuestionForm
from .cue_matches import Match, first_cue
from .heads import head_of
from .question_cues import QuestionCues

if TYPE_CHECKING:
    from spacy.tokens import Span


def about_the_listener(norms: Sequence[str], cues: QuestionCues) -> bool:
    """The sentence states something about the listener ("you're on
    Snowflake", "your team uses ..."), not a generic "you" ("you can only do
    so many things at once"): questions.yaml ``listener_states``."""
    states = cues.rule_words.listener_states
    return "your" in norms or any(a == "you" and b in states for a, b in pairwise(norms))


@dataclass(frozen=True)
class Place:
    """Where a question stands in its turn, as :func:`rhetorical` reads it.

    ``from_start``/``from_end`` count the sentences before and after it in its
    turn; ``in_run``: it is in the run of questions the turn opens with;
    ``positional``: its place may make it rhetorical (not in turns the
    segmenter found, nor after the invitation to ask); ``invited``: the
    candidate asks after the interviewer invited their questions.
    """

    from_start: int
    from_end: int
    in_run: bool = False
    positional: bool = True
    invited: bool = False


def rhetorical(
    span: Span,
    form: QuestionForm,
    matches: Sequence[Match],
    cues: QuestionCues,
    place: Place,
) -> bool:
    """A speaker asking themselves, not the listener, in the middle of their
    turn: "so what did I do? I called ...", "..., right?" or "..., you know?".

    A question at the start of a turn (a clarifying question), in the run of
    questions the turn opens with, or among its last two sentences (a
    question for the listener) is asked. Where its place says nothing
    (``place.positional`` false), only its own words make it rhetorical: a
    question about the talker ("what did I do?", "do I regret it?"; not "do I
    know anything about your suppliers?", nor, after the invitation to ask,
    "who would I report to?"). A question of the listener's view ("do you
    think ...") is asked wherever it stands.
    """
    if first_cue(matches, "intent:clarification"):
        return False
    norms = [t.norm_ for t in span if not (t.is_punct or t.is_space)]
    rest = norms[head_of(norms, cues) :]
    words = cues.rule_words  # questions.yaml ``asks_self``
    asks_self = (
        len(rest) >= 3
        and rest[0] in cues.wh_words
        and rest[1] in cues.auxiliaries
        and rest[2] in words.self_subjects
        and not (place.invited and rest[1] in words.about_the_job)
    )
    asks_self = asks_self or (
        len(rest) >= 2
        and rest[0] in cues.auxiliaries
        and rest[1] == "i"
        and rest[0] not in words.asking_for
        and not cues.listener_words.intersection(rest[2:])
    )
    from_start, from_end, in_run, positional = (
        place.from_start,
        place.from_end,
        place.in_run,
        place.positional,
    )
    if from_end == 0:
        return False  # a question that ends its turn is put to the listener
    if asks_self:
        return True
    if in_run and from_start > 0:
        return False
    if form == "imperative" or (rest[:1] == ["i"] and not words.wondering.isdisjoint(rest[1:4])):
        return False  # "..., so tell me about the team", "I was wondering how ...": asked
    if form == "tag" and about_the_listener(norms, cues):
        return False  # "And you're on Snowflake, right? I think I saw that ..." asks
    if form in ("tag", "declarative") or (len(rest) == 1 and rest[0] in cues.wh_words):
        return True
    if rest[1:2] == ["you"] and rest[0] in cues.auxiliaries and words.views.intersection(rest[2:3]):
        return False  # "Do you think we should keep funding it? Well, I thought ...": asked
    return positional and from_start > 0 and from_end > 1
