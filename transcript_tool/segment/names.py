"""Names the speakers say, as evidence of who is speaking.

Whoever says "this is maya" is Maya; whoever greets or thanks her by name
("hi maya", "thank you maya") is not, nor (with ``mentions``) whoever says
her name anywhere else ("today i've got maya with me", "maya say hi"):
people rarely say their own name but to introduce themselves. Phone screens
open and close this way ("hi is this luis | this is maya from harbor street
coffee | hi maya yes this is luis"), and the gap model hears no change of
speaker between a greeting and the words around it. The decoder (:mod:`.diarize`) reads each
pair of an introduction and a greeting of the same name as "these two are
not the same speaker". The phrases are questions.yaml's (``introductions``,
``addressed_by``, ``not_names``), as caption words; spaCy's English stop
words are never names ("thanks for", "it's very").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from spacy.lang.en.stop_words import STOP_WORDS

from .hmm import Emission

NAME_CHANGE = 0.1
"""Least change probability where a greeting by name begins and where its
sentence ends: without it the decoder could not cut the greeting out."""
NAME_WEIGHT = 10.0
"""Log-odds against the greeting's unit being the named speaker's."""


@dataclass(frozen=True)
class Named:
    """``introduced``: the word of the name in "this is maya"; ``greeting``:
    the first word of "hi maya" (or "thank you maya"), or with ``mention``
    the name itself, said in passing ("today i've got maya with me");
    ``name``: the name."""

    introduced: int
    greeting: int
    name: str
    mention: bool = False


def named(words: Sequence[str], mentions: bool = False) -> list[Named]:
    """Each greeting or thanks by a name that someone introduced themselves
    by, with that introduction (its first, other than the greeting's own
    word); with ``mentions``, also each other time such a name is said, but
    in an introduction."""
    from ..annotate.question_cues import load_cues

    cues = load_cues()
    firsts = {phrase[0] for phrase in (*cues.segment.introductions, *cues.segment.addressed_by)}
    introduced: dict[str, list[int]] = {}
    addressed: list[tuple[int, int, str]] = []  # (greeting, name word, name)
    for i, first in enumerate(words):
        if first not in firsts:
            continue
        for phrase in cues.segment.introductions:
            at = i + len(phrase)
            if at < len(words) and tuple(words[i:at]) == phrase:
                introduced.setdefault(words[at], []).append(at)
        for phrase in cues.segment.addressed_by:
            at = i + len(phrase)
            if at < len(words) and tuple(words[i:at]) == phrase:
                addressed.append((i, at, words[at]))
    found: list[Named] = []
    for greeting, said, name in addressed:
        if name in cues.segment.not_names or name in STOP_WORDS or not name.isalpha():
            continue
        owner = next((at for at in introduced.get(name, ()) if at != said), None)
        if owner is not None:
            found.append(Named(owner, greeting, name))
    if not mentions or not found:
        return found
    # the name anywhere else, but in an introduction or a greeting, is said
    # by someone else too ("today i've got nadia with me ... nadia say hi")
    owners = {f.name: f.introduced for f in found}
    taken = {at for ats in introduced.values() for at in ats}
    taken |= {said for _, said, _ in addressed}
    for i, word in enumerate(words):
        if word in owners and i not in taken:
            found.append(Named(owners[word], i, word, mention=True))
    return found


def greeting_changes(
    change: npt.NDArray[np.float32],
    greetings: Sequence[Named],
    ends: Sequence[bool],
    change_after: Sequence[bool] | None,
) -> None:
    """Raise ``change`` (the change probability before each word) to at least
    NAME_CHANGE where each greeting (a mention's sentence) begins and where
    its sentence ends
    (``ends[i]``: a sentence ends after word i), where the text allows a change
    (``change_after``, for punctuated text). Changes ``change`` in place."""
    n = len(change)
    for greeting in greetings:
        begins = _sentence_start(greeting.greeting, ends) if greeting.mention else greeting.greeting
        for g in (begins, _sentence_after(greeting.greeting, ends)):
            if 0 < g < n and (change_after is None or change_after[g - 1]):
                change[g] = max(float(change[g]), NAME_CHANGE)


def not_the_named(
    greetings: Sequence[Named],
    bounds: Sequence[int],
    posterior: Sequence[Sequence[float]],
    emission: Emission,
) -> npt.NDArray[np.float64]:
    """The decoder's ``emission`` (per unit, per speaker) with each greeting's
    unit scored NAME_WEIGHT against the speaker that ``posterior`` gives the
    unit of the named introduction (``bounds``: the units' first words, then
    the end)."""
    rows = np.array(emission, dtype=np.float64)
    for greeting in greetings:
        owner = bisect_right(bounds, greeting.introduced) - 1
        unit = bisect_right(bounds, greeting.greeting) - 1
        if owner != unit:
            speaker = max(range(len(posterior[owner])), key=posterior[owner].__getitem__)
            rows[unit, speaker] -= NAME_WEIGHT
    return rows


def _sentence_after(start: int, ends: Sequence[bool]) -> int:
    """The first word after the sentence that ``start`` is in; ``len(ends)``
    when none ends."""
    for i in range(start, len(ends)):
        if ends[i]:
            return i + 1
    return len(ends)


def _sentence_start(at: int, ends: Sequence[bool]) -> int:
    """The first word of the sentence that word ``at`` is in."""
    for i in range(at - 1, -1, -1):
        if ends[i]:
            return i + 1
    return 0
