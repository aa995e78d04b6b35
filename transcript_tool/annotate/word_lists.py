"""The word lists of ``data/questions.yaml`` that rules written in Python
read (:class:`RuleWords`), loaded and checked, and :func:`alternatives`,
which turns such a list into a regex alternation in the file's order. The
shipped lists are :func:`.question_cues.rule_words`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import QUESTION_INTENTS, QuestionIntent


@dataclass(frozen=True)
class RuleWords:
    """The word lists that the rules of :mod:`.forms`, :mod:`.questions`,
    :mod:`.intents`, :mod:`.exchanges` and :mod:`.replies` read
    (questions.yaml ``quoted_speech``, ``choices``, ``answer_particles``,
    ``asks_self``, ``listener_states``, ``points_back``, ``relaxed_intents``,
    ``answer_types``, ``single_answer_types``, ``direct_exempt_intents``,
    ``content_words``, ``time_words``, ``number_words``, ``pleasantries``,
    ``replies``, ``follow_up_fragments``, ``debriefs``: where each list is,
    :data:`_PLACES`; the file's comments say what each rule does)."""

    saying: frozenset[str]
    sayers: frozenset[str]
    narrating: frozenset[str]
    not_narrators: frozenset[str]
    hearers: frozenset[str]
    quote_fillers: frozenset[str]
    or_not_choices: frozenset[str]
    open_words: frozenset[str]
    second_subjects: frozenset[str]
    times_now: frozenset[str]
    times_later: frozenset[str]
    answer_particles: frozenset[str]
    self_subjects: frozenset[str]
    asking_for: frozenset[str]
    about_the_job: frozenset[str]
    wondering: frozenset[str]
    views: frozenset[str]
    listener_states: frozenset[str]
    points_back: frozenset[str]
    relaxed_intents: frozenset[QuestionIntent]
    answer_types: tuple[tuple[str, str], ...]
    single_answer_types: frozenset[str]
    direct_exempt_intents: frozenset[QuestionIntent]
    content_words: frozenset[str]
    clause_words: frozenset[str]
    time_words: frozenset[str]
    number_words: tuple[str, ...]
    pleasantries: tuple[str, ...]
    debriefs: tuple[str, ...]
    pleasantry_words: int
    # in the order they are tried
    yes_no: tuple[str, ...]
    degrees: tuple[str, ...]
    confirming: tuple[str, ...]
    consequences: tuple[str, ...]
    denial_lead: tuple[str, ...]
    not_denials: tuple[str, ...]
    reply_subjects: tuple[str, ...]
    reply_adverbs: tuple[str, ...]
    reply_auxiliaries: tuple[str, ...]
    reply_modal_verbs: tuple[str, ...]
    ending_yes_no: tuple[str, ...]
    any_words: frozenset[str]
    fragment_leads: frozenset[str]
    fragment_starts: frozenset[str]
    fragment_determiners: frozenset[str]
    fragment_verbs: frozenset[str]
    fragment_relatives: frozenset[str]
    fragment_longest: int


def load_rule_words(raw: dict[str, Any]) -> RuleWords:
    """The :class:`RuleWords` of questions.yaml's contents ``raw``; ValueError
    on an unknown intent or answer type."""
    for key in ("relaxed_intents", "direct_exempt_intents"):
        unknown = set(raw[key]) - set(QUESTION_INTENTS)
        if unknown:
            raise ValueError(f"questions.yaml {key}: unknown intent(s) {sorted(unknown)}")
    kinds = set(raw["answer_types"].values()) - {"time", "number"}
    if kinds:
        raise ValueError(f"questions.yaml answer_types: {sorted(kinds)} is not time or number")
    unknown = set(raw["single_answer_types"]) - set(raw["answer_types"])
    if unknown:
        raise ValueError(f"questions.yaml single_answer_types: {sorted(unknown)} not answer_types")
    lists: dict[str, Any] = {}
    for name, place in _PLACES.items():
        value = raw
        for key in place:
            value = value[key]
        kind = RuleWords.__dataclass_fields__[name].type
        lists[name] = frozenset(value) if str(kind).startswith("frozenset") else tuple(value)
    return RuleWords(
        answer_types=tuple(raw["answer_types"].items()),
        pleasantry_words=int(raw["pleasantry_words"]),
        fragment_longest=int(raw["follow_up_fragments"]["longest"]),
        **lists,
    )


# Where each word list of RuleWords is in questions.yaml.
_PLACES: dict[str, tuple[str, ...]] = {
    "saying": ("quoted_speech", "saying"),
    "sayers": ("quoted_speech", "sayers"),
    "narrating": ("quoted_speech", "narrating"),
    "not_narrators": ("quoted_speech", "not_narrators"),
    "hearers": ("quoted_speech", "hearers"),
    "quote_fillers": ("quoted_speech", "fillers"),
    "or_not_choices": ("choices", "or_not_choices"),
    "open_words": ("choices", "open_words"),
    "second_subjects": ("choices", "second_subjects"),
    "times_now": ("choices", "times_now"),
    "times_later": ("choices", "times_later"),
    "answer_particles": ("answer_particles",),
    "self_subjects": ("asks_self", "subjects"),
    "asking_for": ("asks_self", "asking_for"),
    "about_the_job": ("asks_self", "about_the_job"),
    "wondering": ("asks_self", "wondering"),
    "views": ("asks_self", "views"),
    "listener_states": ("listener_states",),
    "points_back": ("points_back",),
    "relaxed_intents": ("relaxed_intents",),
    "single_answer_types": ("single_answer_types",),
    "direct_exempt_intents": ("direct_exempt_intents",),
    "content_words": ("content_words",),
    "clause_words": ("clause_words",),
    "time_words": ("time_words",),
    "number_words": ("number_words",),
    "pleasantries": ("pleasantries",),
    "debriefs": ("debriefs",),
    "yes_no": ("replies", "yes_no"),
    "degrees": ("replies", "degrees"),
    "confirming": ("replies", "confirming"),
    "consequences": ("replies", "consequences"),
    "denial_lead": ("replies", "denial_lead"),
    "not_denials": ("replies", "not_denials"),
    "reply_subjects": ("replies", "subjects"),
    "reply_adverbs": ("replies", "adverbs"),
    "reply_auxiliaries": ("replies", "auxiliaries"),
    "reply_modal_verbs": ("replies", "modal_verbs"),
    "ending_yes_no": ("replies", "ending_yes_no"),
    "any_words": ("replies", "any_words"),
    "fragment_leads": ("follow_up_fragments", "leads"),
    "fragment_starts": ("follow_up_fragments", "starts"),
    "fragment_determiners": ("follow_up_fragments", "determiners"),
    "fragment_verbs": ("follow_up_fragments", "verbs"),
    "fragment_relatives": ("follow_up_fragments", "relatives"),
}


def alternatives(phrases: Iterable[str]) -> str:
    """``phrases`` as one regex group, each matched literally, tried in order."""
    return "(?:" + "|".join(re.escape(phrase) for phrase in phrases) + ")"
