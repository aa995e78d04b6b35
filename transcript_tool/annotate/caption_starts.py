"""The questions.yaml rules (``caption_onsets``) that start a caption
sentence where the gap model heard none end: where a question starts inside
a heard sentence (:func:`split_before_questions`, reading
:func:`.onsets.question_onset`), at an alternative question's auxiliary,
inside a question too long to be one, and after a lone reaction ("do you |
yeah"). The rules that keep a sentence whole are :mod:`.caption_ends`. Each
rule changes a numpy array of sentence ends (one per word, True where a
sentence ends after it) in place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .caption_cues import CaptionOnsets
from .heads import head_of
from .onsets import (
    by_first_word,
    inside_wh_question,
    leads_in,
    no_question_after,
    phrase_at,
    phrases_from,
    question_onset,
)
from .question_cues import load_cues


def split_before_questions(norms: list[str], ends: Any) -> None:
    """A sentence starts where a question does inside a heard sentence ("we've
    been doing this ten minutes | uh do you have any other comments";
    questions.yaml ``caption_onsets`` says where), before the lead-ins that go
    with it ("uh"). Not when only openers come before the question ("so to
    start could you ...": the question stage skips them). Changes ``ends`` in
    place."""
    cues = load_cues()
    onsets = cues.caption_onsets
    if onsets is None:
        return
    check_ins, embedded_questions = (
        by_first_word(onsets.check_ins),
        by_first_word(onsets.embedded_questions),
    )
    start = head = 0  # the current sentence's first word, its first after openers
    fronted = False  # the current sentence opens with a subordinate clause
    for k in range(len(norms) - 2):
        if k == start:
            head = start + head_of(norms[start : start + 12], cues)
            fronted = head < len(norms) and norms[head] in onsets.subordinators
        # a check-in ends a sentence of its own ("... gets maybe ten of that |
        # does that make sense"), whatever comes before it
        check_in = any(phrase_at(norms, k, p) for p in phrases_from(check_ins, norms[k])) and not (
            k > 0 and norms[k - 1] in cues.wh_words  # "how | does that work" is one question
        )
        # "... | i don't know if you ...": asks the listener, as questions.yaml's
        # form rules read it at a sentence's head
        embedded = any(phrase_at(norms, k, p) for p in phrases_from(embedded_questions, norms[k]))
        # a check-in, or a question after "i don't know", starts here whatever
        # word comes before it
        sure = check_in or _after_hedge(norms, k, onsets)
        if (
            k > head
            and not fronted
            and (sure or embedded or question_onset(norms, k, onsets, cues))
        ):
            first = k
            while first - 1 >= head and (
                leads_in(norms, first - 1, onsets)
                or (norms[first - 1] == norms[k] and not _ends_clause(norms, first - 1, onsets))
            ):
                first -= 1
            before = norms[first - 1]
            before_that = norms[first - 2] if first >= 2 else ""
            # a lead-in that starts a clause ends the one before it: "i like
            # that | and was there any friction" ("that" goes on no clause)
            new_clause = not onsets.clause_starters.isdisjoint(norms[first:k])
            # "so i | how do you feel", "uh i | are you old enough": neither a
            # wh-word nor "are" goes on "i", the talker started over
            restart = before in onsets.restart_subjects and (
                norms[k] in onsets.wh or norms[k] in onsets.restart_auxiliaries
            )
            starts_here = sure or (
                (new_clause or restart or not no_question_after(before, before_that, onsets))
                and (
                    norms[k] in onsets.wh
                    or embedded
                    or (
                        not inside_wh_question(norms, k, ends, onsets, cues.wh_words)
                        and (
                            before not in cues.auxiliaries or _ends_clause(norms, first - 1, onsets)
                        )
                        and before not in onsets.verb_chain
                    )
                )
            )
            if first > head and not ends[first - 1] and starts_here:
                ends[first - 1] = True
        if ends[k]:
            start = k + 1


def _after_hedge(norms: Sequence[str], k: int, onsets: CaptionOnsets) -> bool:
    """An auxiliary and a subject at ``norms[k]`` right after one of
    ``hedges`` ("i don't know | is it five or three"): the talker's "i don't
    know" ends its own clause, and what follows asks of any subject
    (``hedge_auxiliaries``, ``hedge_subjects``), not only of the listener."""
    if k + 1 >= len(norms) or norms[k] not in onsets.hedge_auxiliaries:
        return False
    if norms[k + 1] not in onsets.hedge_subjects:
        return False
    return any(k >= len(h) and phrase_at(norms, k - len(h), h) for h in onsets.hedges)


def split_before_alternatives(norms: list[str], ends: Any) -> None:
    """A sentence starts at an auxiliary that opens an alternative question,
    one whose "or" asks again with an auxiliary and a subject ("the right
    time | is the position mostly nights or is it split"): questions.yaml
    ``caption_onsets`` (``alternative_auxiliaries``, ``alternative_subjects``,
    ``alternative_window``). Not after one of ``not_after`` ("that | is"),
    nor inside a wh-question. Changes ``ends`` in place."""
    cues = load_cues()
    onsets = cues.caption_onsets
    if onsets is None or not onsets.alternative_window:
        return
    asks_again = onsets.alternative_auxiliaries
    for k in range(1, len(norms) - 3):
        if (
            norms[k] not in asks_again
            or ends[k - 1]
            or norms[k - 1] in onsets.not_after
            or norms[k - 1] in cues.auxiliaries
            or inside_wh_question(norms, k, ends, onsets, cues.wh_words)
        ):
            continue
        window = range(k + 2, min(k + onsets.alternative_window, len(norms) - 2))
        if any(
            norms[j] == "or"
            and norms[j + 1] in asks_again
            and norms[j + 2] in onsets.alternative_subjects
            and not any(ends[k:j])
            for j in window
        ):
            ends[k - 1] = True


def _ends_clause(norms: Sequence[str], i: int, onsets: CaptionOnsets) -> bool:
    """The auxiliary ``norms[i]`` ends its clause right after its subject ("we
    do | do you go camping", "i did | did you"): it is no stutter of the
    question's auxiliary, nor the start of a verb chain."""
    return i >= 1 and norms[i - 1] in onsets.adverb_subjects


_SHORTEST_PART = 7  # tokens a question keeps when a long one is cut


def split_long_questions(norms: list[str], after: Any, ends: Any, closes: Any) -> None:
    """A question sentence longer than ``longest_question`` tokens ends where
    the gap model thinks likeliest, seven tokens in or more: where the model
    heard no end, the answer runs on in the question ("what would you use to
    track the rate per device | if the brokers are sticky per device ...",
    108 words as one question on the bundled raw caption), and the answer
    check then reads the answer's words as the question's. Only sentences
    that open with a question onset (questions.yaml ``caption_onsets``), so
    no statement is cut into pieces the model may hear as asking. ``after``
    holds each word's sentence-class probabilities after it, ``closes``
    whether whitespace follows it. Changes ``ends`` in place."""
    cues = load_cues()
    onsets = cues.caption_onsets
    if onsets is None or not onsets.longest_question:
        return
    longest = onsets.longest_question
    start = k = 0
    n = len(norms)
    while k < n:
        if ends[k] or k == n - 1:
            head = start + head_of(norms[start : start + 12], cues)
            if k + 1 - start > longest and head < k and question_onset(norms, head, onsets, cues):
                window = [
                    j for j in range(head + _SHORTEST_PART - 1, min(k, head + longest)) if closes[j]
                ]
                if window:
                    cut = max(window, key=lambda j: 1.0 - float(after[j, 0]))
                    ends[cut] = True
                    start = k = cut + 1
                    continue
            start = k + 1
        k += 1


def end_after_lone_reaction(norms: list[str], ends: Any) -> None:
    """A sentence that opens with an inverted auxiliary and one of
    ``reaction_subjects`` followed by one of ``reaction_followers`` ends
    after them: "do you | yeah", "did you | that would have been something"
    are a reaction to the other speaker's news, which the question stage's
    backchannel veto reads as one, and the words after them go on. Changes
    ``ends`` in place."""
    cues = load_cues()
    onsets = cues.caption_onsets
    if onsets is None:
        return
    start = 0
    for k in range(len(norms)):
        if k == start:
            head = start + head_of(norms[start : start + 12], cues)
            if (
                head + 2 < len(norms)
                and norms[head] in cues.auxiliaries
                and norms[head + 1] in onsets.reaction_subjects
                and norms[head + 2] in onsets.reaction_followers
                and not any(ends[head : head + 2])
            ):
                ends[head + 1] = True
        if ends[k]:
            start = k + 1
