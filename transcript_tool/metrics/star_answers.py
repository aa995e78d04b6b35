"""The answers the STAR metrics read (part of :mod:`.star`): which answers
are behavioral stories (a follow-up's answer joined to the story it follows),
and each answer's STAR cues, read once (:func:`read_answer`), including
whether it is a specific past example (:func:`is_specific`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..annotate.star_cues import COMPONENTS, Cue, find_cues, star_groups
from ..model import Analysis, plain
from .base import Scope
from .common import Answer, candidate_answers, quote_holding

SPECIFIC_GROUPS = ("action", "earlier", "achieved", "quantity", "when", "name")
"""Cues of a specific past example: a first-person past action or outcome, a
number, a concrete time or place, a name."""

ACTED_GROUPS = ("action", "earlier", "achieved")
"""Cues of a first-person past action: "I called", in the past perfect, "we'd
done the demo", or what it achieved, "we won the semi-finals" (since
2026-12-06: MIT's "we were finally able to pull it off in our very last race
and we won the semi-finals at Patriot League" told no specific example)."""

MIN_SPECIFIC = 2
"""An answer needs at least this many specific cues to count as a specific
past example (:func:`is_specific`)."""


def story_scope(scope: Scope) -> Scope:
    """``scope`` itself when it names intents, else ``scope`` limited to behavioral questions."""
    if scope.intents:
        return scope
    return dataclasses.replace(scope, intents=frozenset({"behavioral"}))


def behavioral_answers(analysis: Analysis, scope: Scope) -> list[Answer]:
    """The subject's answers to the questions in :func:`story_scope`, one per
    question that started a thread: the answers to the interviewer's
    follow-ups of that question are joined to it (their ``exchange`` is the
    first exchange of the thread)."""
    wanted = story_scope(scope)
    every = candidate_answers(analysis, dataclasses.replace(wanted, intents=frozenset()))
    stories: dict[int, list[Answer]] = {}
    for answer in every:
        exchange = analysis.exchanges[answer.exchange]
        if exchange.parent is not None and exchange.parent in stories:
            stories[exchange.parent].append(answer)
        elif wanted.keeps(analysis, exchange):
            stories[exchange.index] = [answer]
    return [_joined(parts) for parts in stories.values()]


def _joined(parts: Sequence[Answer]) -> Answer:
    if len(parts) == 1:
        return parts[0]
    seconds = [p.seconds for p in parts]
    return Answer(
        exchange=parts[0].exchange,
        questions=tuple(q for p in parts for q in p.questions),
        turns=tuple(t for p in parts for t in p.turns),
        words=tuple(w for p in parts for w in p.words),
        seconds=None if None in seconds else sum(s for s in seconds if s is not None),
    )


def none_answered(scope: Scope) -> str:
    """Why nothing was scored: no behavioral question was answered (or no
    question of the scope's intents, in its phases)."""
    wanted = story_scope(scope)
    reason = "no " + " or ".join(sorted(wanted.intents)).replace("_", " ") + " question"
    if wanted.phases:
        reason += " in the " + " or ".join(sorted(wanted.phases)) + " phase"
    return reason + " was answered"


@dataclass(frozen=True)
class Reading:
    """The STAR cues of one answer.

    ``first`` holds the first cue of each component present; ``swapped`` the
    pairs of components (earlier, later in STAR order) whose first cues came
    the other way round; ``quantified`` the first result cue whose sentence
    holds a quantity; ``specific`` and ``generic`` the cues of a specific past
    example and of generalities, each saying different words (overlapping
    specific cues count once: "in 2021" is one cue; so do repeats: five "I
    talked" are one).
    """

    answer: Answer
    cues: tuple[Cue, ...]
    first: dict[str, Cue]
    swapped: tuple[tuple[str, str], ...]
    quantified: Cue | None
    specific: tuple[Cue, ...]
    generic: tuple[Cue, ...]

    @property
    def complete(self) -> bool:
        return len(self.first) == len(COMPONENTS)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(c for c in COMPONENTS if c not in self.first)

    @property
    def result(self) -> Cue | None:
        """The result cue to quote: the first quantified one, else the first one."""
        return self.quantified or self.first.get("result")


def read_answer(analysis: Analysis, answer: Answer) -> Reading:
    """The STAR cues of ``answer``."""
    cues = find_cues(analysis, answer.turns)
    groups = star_groups()
    first: dict[str, Cue] = {}
    for component in COMPONENTS:
        counted = {component, *groups[component].include}
        found = [c for c in cues if c.group in counted]
        if found:
            first[component] = min(found, key=lambda c: c.at)
    present = [c for c in COMPONENTS if c in first]
    # the most telling swap first: the result before the action, before the
    # result before the situation ... (the later component, then the nearer)
    swapped = tuple(
        sorted(
            (
                (earlier, later)
                for i, earlier in enumerate(present)
                for later in present[i + 1 :]
                if first[later].at < first[earlier].at
            ),
            key=lambda pair: (-COMPONENTS.index(pair[1]), -COMPONENTS.index(pair[0])),
        )
    )
    amounts = {c.sentence for c in cues if c.group == "quantity"}
    quantified = next((c for c in cues if c.group == "result" and c.sentence in amounts), None)
    return Reading(
        answer=answer,
        cues=tuple(cues),
        first=first,
        swapped=swapped,
        quantified=quantified,
        specific=_distinct(_merged(c for c in cues if c.group in SPECIFIC_GROUPS)),
        generic=_distinct(c for c in cues if c.group == "generic"),
    )


def _merged(cues: Iterable[Cue]) -> list[Cue]:
    """``cues`` with the ones overlapping an earlier-starting (or, at the same
    start, longer) cue left out: "in 2021" is one cue, not a time and a number."""
    kept: list[Cue] = []
    for cue in sorted(cues, key=lambda c: (c.turn, c.start, -c.end, c.group)):
        if kept and kept[-1].turn == cue.turn and cue.start < kept[-1].end:
            continue
        kept.append(cue)
    return kept


def _distinct(cues: Iterable[Cue]) -> tuple[Cue, ...]:
    """The first of the cues saying the same words (case aside): five "I talked"
    are one detail."""
    seen: set[str] = set()
    kept = []
    for cue in cues:
        if plain(cue.text) not in seen:
            seen.add(plain(cue.text))
            kept.append(cue)
    return tuple(kept)


def is_specific(analysis: Analysis, answer: Answer) -> bool:
    """Whether ``answer`` tells a specific past example: at least one
    first-person past action ("I called", "we migrated", "we'd done"), at least
    :data:`MIN_SPECIFIC` specific cues in all (actions, a concrete time or
    place, names, numbers) and more specific cues than generic ones ("I
    usually", "I would", "typically")."""
    return reads_specific(read_answer(analysis, answer))


def acted(reading: Reading) -> bool:
    """Whether the answer has a first-person past action ("I called", or in
    the past perfect, "we'd done the demo")."""
    return any(c.group in ACTED_GROUPS for c in reading.specific)


def example_quote(analysis: Analysis, reading: Reading) -> tuple[int, str] | None:
    """(turn, quote) of the sentence that tells the most of a specific example:
    the one holding the most specific cues (times, places, names, numbers,
    past actions), the earliest of equals; None without a specific cue. An
    answer's opening may tell none ("Um, yeah, so, that's, I mean, that was
    basically my whole life for like a year, honestly.")."""
    by_sentence: dict[int, list[Cue]] = {}
    for cue in reading.specific:
        by_sentence.setdefault(cue.sentence, []).append(cue)
    if not by_sentence:
        return None
    held = by_sentence[min(by_sentence, key=lambda i: (-len(by_sentence[i]), i))]
    return held[0].turn, _holding(analysis, held)


def sentence_quote(analysis: Analysis, cue: Cue) -> str:
    """The sentence holding ``cue``, or, when the quote of a long sentence would
    be cut before the cue, the sentence from the cue on."""
    return _holding(analysis, [cue])


def _holding(analysis: Analysis, cues: Sequence[Cue]) -> str:
    """The quote of the sentence of ``cues`` (all in one sentence) that holds
    the most of them (:func:`.common.quote_holding`)."""
    sentence = analysis.sentences[cues[0].sentence]
    text = analysis.transcript.turns[cues[0].turn].text
    spans = [(c.start, c.end) for c in cues]
    return quote_holding(text, sentence.start, sentence.end, spans)[0]


def reads_specific(reading: Reading) -> bool:
    specific = reading.specific
    return acted(reading) and len(specific) >= MIN_SPECIFIC and len(specific) > len(reading.generic)
