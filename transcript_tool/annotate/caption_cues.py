"""questions.yaml's ``caption_onsets``: where a question starts inside a
caption sentence, as :mod:`.onsets`, :mod:`.caption_starts` and
:mod:`.caption_ends` read it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CaptionOnsets:
    """Where a question starts inside a caption sentence (``caption_onsets`` in
    questions.yaml; read by :mod:`.onsets`)."""

    auxiliaries: frozenset[str]
    subjects: frozenset[str]
    wh: frozenset[str]
    wh_subjects: frozenset[str]
    not_after: frozenset[str]
    quotatives: frozenset[str]
    wh_window: int
    wh_gap: int
    longest_question: int
    wh_gap_stops: frozenset[str]
    gapped_subjects: frozenset[str]
    clefts: frozenset[str]
    verb_chain: frozenset[str]
    not_before: frozenset[str]
    fillers_after_you: frozenset[str]
    lead_ins: frozenset[str]
    adverb_well_after: frozenset[str]
    clause_starters: frozenset[str]
    subordinators: frozenset[str]
    wh_about: frozenset[str]
    contracted: frozenset[str]
    contracted_subjects: frozenset[str]
    wh_verbs: frozenset[str]
    existentials: frozenset[str]
    existential_objects: frozenset[str]
    fronted_subjects: frozenset[str]
    embedders: frozenset[str]
    complements: frozenset[str]
    negated_subjects: frozenset[str]
    negated_auxiliaries: frozenset[str]
    do_support: frozenset[str]
    not_do_subjects: frozenset[str]
    clause_adverbs: frozenset[str]
    adverb_subjects: frozenset[str]
    restart_subjects: frozenset[str]
    restart_auxiliaries: frozenset[str]
    wh_object_of: frozenset[str]
    wh_object_subjects: frozenset[str]
    wh_object_copulas: frozenset[str]
    tag_negations: frozenset[str]
    tag_subjects: frozenset[str]
    tag_auxiliaries: frozenset[str]
    not_before_tag: frozenset[str]
    no_auxiliary_not_after: frozenset[str]
    reaction_subjects: frozenset[str]
    shell_nouns: frozenset[str]
    reaction_followers: frozenset[str]
    alternative_auxiliaries: frozenset[str]
    alternative_subjects: frozenset[str]
    hedge_auxiliaries: frozenset[str]
    hedge_subjects: frozenset[str]
    opinion_objects: frozenset[str]
    opinion_subjects: frozenset[str]
    answer_verbs: frozenset[str]
    answer_fillers: frozenset[str]
    answer_pronouns: frozenset[str]
    answer_not_after: frozenset[str]
    filler_not_after: frozenset[str]
    answer_lead_ins: frozenset[str]
    # as the caption component reads them: spaCy's tokens without their outer
    # apostrophes ("i", "d", "like")
    requests: tuple[tuple[str, ...], ...] = ()
    check_ins: tuple[tuple[str, ...], ...] = ()
    wh_phrases: tuple[tuple[str, ...], ...] = ()
    no_auxiliary: tuple[tuple[str, ...], ...] = ()
    embedded_questions: tuple[tuple[str, ...], ...] = ()
    filler_phrases: tuple[tuple[str, ...], ...] = ()
    hedges: tuple[tuple[str, ...], ...] = ()
    opinion_asks: tuple[tuple[str, ...], ...] = ()
    alternative_window: int = 0


_PHRASE_LISTS = (
    "requests",
    "check_ins",
    "wh_phrases",
    "no_auxiliary",
    "embedded_questions",
    "filler_phrases",
    "hedges",
    "opinion_asks",
)


def caption_onsets_from(raw: dict[str, Any] | None) -> CaptionOnsets | None:
    """The ``caption_onsets`` section as read by ``load_data`` (None: no such
    section): word lists as sets, phrases as token tuples ("i 'd like you to"
    is "i", "d", "like", "you", "to")."""
    if raw is None:
        return None
    words = {
        name: frozenset(raw[name])
        for name in CaptionOnsets.__dataclass_fields__
        if name
        not in (*_PHRASE_LISTS, "wh_window", "wh_gap", "longest_question", "alternative_window")
    }
    (
        requests,
        check_ins,
        wh_phrases,
        no_auxiliary,
        embedded_questions,
        filler_phrases,
        hedges,
        opinion_asks,
    ) = (
        tuple(tuple(token.strip("'") for token in phrase.split()) for phrase in raw.get(key, ()))
        for key in _PHRASE_LISTS
    )
    return CaptionOnsets(
        wh_window=int(raw["wh_window"]),
        wh_gap=int(raw["wh_gap"]),
        longest_question=int(raw.get("longest_question", 0)),
        alternative_window=int(raw.get("alternative_window", 0)),
        requests=requests,
        check_ins=check_ins,
        wh_phrases=wh_phrases,
        no_auxiliary=no_auxiliary,
        embedded_questions=embedded_questions,
        filler_phrases=filler_phrases,
        hedges=hedges,
        opinion_asks=opinion_asks,
        **words,
    )
