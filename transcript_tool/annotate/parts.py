"""What a question asks about: its separately answerable parts (a compound
question is split) and each part's focus terms, the content lemmas an answer
is expected to address."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ..model import YES_NO_FORMS, QuestionForm, Sentence, Word
from .heads import head_of
from .question_cues import QuestionCues


def focus_terms(words: Sequence[Word], cues: QuestionCues) -> tuple[str, ...]:
    """Content lemmas an answer should address, in order, without repeats."""
    seen: list[str] = []
    for word in words:
        lemma = word.lemma.lower()
        if (
            word.is_punct
            or word.is_stop
            or lemma in cues.frame_words
            or word.lower in cues.frame_words  # "yeah", whose lemma is "yes"
            or lemma in cues.wh_words
            or not any(c.isalnum() for c in lemma)
            or (len(lemma) < 3 and not any(c.isdigit() for c in lemma))
        ):
            continue
        if lemma not in seen:
            seen.append(lemma)
    return tuple(seen)


def as_written(lemmas: Sequence[str], words: Sequence[Word]) -> list[str]:
    """The question's own words for focus lemmas ("data" rather than "datum")."""
    by_lemma: dict[str, str] = {}
    for word in words:
        by_lemma.setdefault(word.lemma.lower(), word.text)
    return [by_lemma.get(lemma, lemma) for lemma in lemmas]


def split_parts(
    sentence: Sentence,
    form: QuestionForm,
    cues: QuestionCues,
    preface: tuple[int, int] | None = None,
) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, focus) for each separately answerable part, offsets in the turn.

    Splits at a conjunction ("and"/"or", not the "or" of a choice question)
    followed by a word that starts a new ask ("and when", "and with", "or
    how"), when both sides have focus terms of their own, but not at an "or"
    that offers another choice of the same ask ("on renewals or on
    expansion?"); in a closed
    question only before a question of its own ("Do you consider yourself a
    team player, and can you give me an example ...?"), not before a phrase
    it goes on with ("I'll sync with Theo and with Nadia?", "you're in
    charge when I'm not there, or when my assistant manager isn't?"). The
    sentence's discourse openers ("to start", "looking back", "in hindsight") are in no
    part's focus. Nor is ``preface`` (start and end offsets in the turn), a
    re-ask's cue with only openers before it: "But let me pull you back:
    where would the records live?" asks nothing about pulling. The first
    part then starts after it, as the report shows the cue apart.
    """
    words = list(sentence.words)
    norms = [w.lower for w in words]
    opened = head_of(norms, cues)
    first = 0
    if preface is not None:
        cue_first = next((i for i, w in enumerate(words) if w.end > preface[0]), len(words))
        after = next((i for i, w in enumerate(words) if w.start >= preface[1]), len(words))
        while after < len(words) and words[after].is_punct:
            after += 1
        after += head_of(norms[after:], cues)
        if opened >= cue_first and after < len(words) and focus_terms(words[after:], cues):
            opened = first = after
    cuts = [first]
    for i in range(first + 1, len(words) - 1):
        conj, nxt = words[i].lower, words[i + 1].lower
        if (
            conj in cues.part_conjunctions
            and nxt in cues.part_starters
            and not (form == "choice" and conj == "or")
            and (form not in YES_NO_FORMS or asks_on_its_own(words[i + 1 :], cues))
            and not (conj == "or" and _alternative(words[i + 1 :], cues))
            and not _verb_goes_on(words[i + 1 :], cues)
        ):
            before = words[max(cuts[-1], opened) : i]
            right = focus_terms(words[i + 1 :], cues)
            # a part with no focus terms of its own counts when both are
            # questions of their own ("What did you do, and what would you do
            # differently?"): its answer is the story, the next part's is not
            if right and (
                focus_terms(before, cues)
                or (asks_on_its_own(before, cues) and asks_on_its_own(words[i + 1 :], cues))
            ):
                cuts.append(i + 1)
    bounds = [*cuts, len(words)]
    parts = []
    for a, b in itertools.pairwise(bounds):
        piece = words[a:b]
        if a > first or b < len(words):
            # drop the trailing conjunction and punctuation of a left part
            while (
                piece
                and (piece[-1].is_punct or piece[-1].lower in cues.part_conjunctions)
                and b != len(words)
            ):
                piece = piece[:-1]
        focus = focus_terms(piece[max(opened - a, 0) :], cues)
        parts.append((piece[0].start, piece[-1].end, focus))
    return parts


def _verb_goes_on(words: Sequence[Word], cues: QuestionCues) -> bool:
    """Whether ``words``, after an "and"/"or", open with "have" or "do" as a
    verb going on with the one before it ("wave a magic wand | and have AI
    help ...", "take the app | and do something else with it", "or don't
    know how"), not as an auxiliary before its subject ("and have you ...",
    "and do I need ...?", "and don't you think ...?"):
    questions.yaml ``part_verb_starters`` and ``part_verb_subjects``."""
    lowers = [w.lower for w in words if not w.is_punct][:3]
    if not lowers or lowers[0] not in cues.part_verb_starters:
        return False
    after = lowers[2:3] if lowers[1:2] in (["n't"], ["not"]) else lowers[1:2]
    return bool(after) and after[0] not in cues.part_verb_subjects


def _alternative(words: Sequence[Word], cues: QuestionCues) -> bool:
    """Whether what follows an "or" is another choice of what the part before
    it asks, not a question of its own: "how is the team measured, on
    renewals | or on expansion?", "in Python or in Go?" (no wh-word, no
    question of its own)."""
    return words[0].lower not in cues.wh_words and not asks_on_its_own(words, cues)


# Clitics that stand for an auxiliary right after a wh-word ("what're",
# "where'd"); "'s" is among the cues' auxiliaries already.
_CLITIC_AUXILIARIES = frozenset({"'re", "'d", "'ll", "'ve", "'m"})
# A wh-word with one of these before its auxiliary still asks ("how many
# people were on it").
_WH_AMOUNTS = frozenset({"many", "much", "long", "often", "far", "big", "old"})


def asks_on_its_own(words: Sequence[Word], cues: QuestionCues) -> bool:
    """Whether a part of a compound question, ``words`` from its first word
    on, is a question of its own ("and when could you start?", "and would you
    do it again?"), not the object of the request before it ("tell me about a
    time ... and how you handled it", "... and with causal inference")."""
    lowers = [w.lower for w in words if not w.is_punct][:4]
    if not lowers:
        return False
    if lowers[0] in cues.auxiliaries:
        return True
    if lowers[0] not in cues.wh_words:
        return False
    auxiliaries = cues.auxiliaries | _CLITIC_AUXILIARIES
    # "when could", "what's"; "how long did", "how many people were"
    inverted = lowers[1:2]
    if inverted and inverted[0] in _WH_AMOUNTS:
        inverted = lowers[2:4]
    return any(w in auxiliaries for w in inverted)
