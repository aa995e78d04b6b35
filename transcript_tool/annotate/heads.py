"""A sentence's head: where the question proper begins, after discourse
openers ("so", "okay", "to start") and false starts ("did did you"). Used by
the question rules, the interviewer cues and the caption sentence component;
the words are questions.yaml's."""

from __future__ import annotations

from collections.abc import Sequence

from .question_cues import QuestionCues

_HESITATION = frozenset({",", "-", "--", "—", "...", "…"})
_NUMBER_MARKS = _HESITATION | {":", ";"}  # after "question two"


def head_of(norms: Sequence[str], cues: QuestionCues) -> int:
    """Index of the first word after discourse openers ("so", "okay", "to start", ",")
    and false starts ("did did you", "have um have you", "is uh do you")."""
    index = 0
    while index < len(norms):
        restart = _false_start(norms, index, cues)
        if restart:
            index += restart
            continue
        phrase = next(
            (
                p
                for p in cues.opener_phrases_by_first.get(norms[index], ())
                if tuple(norms[index : index + len(p)]) == p
            ),
            None,
        )
        if phrase is not None:
            # before the words alone: "next question:" is one opener, where
            # "next" alone would leave "question" as the head
            index += len(phrase)
            continue
        if _numbered(norms, index, cues):
            index += 2
            continue
        if norms[index] not in cues.openers:
            break
        if (
            norms[index] in cues.subject_openers
            and index + 1 < len(norms)
            and norms[index + 1] in cues.auxiliaries
        ):
            break  # "One is a ...", "Next is ...": the subject, not an opener
        if index + 1 < len(norms) and norms[index + 1] == "or":
            break  # "Yes or no?", "Now or later?": an alternative, not an opener
        index += 1
    return index


def _numbered(norms: Sequence[str], index: int, cues: QuestionCues) -> bool:
    """Whether "question two:" / "round 3," opens the sentence at ``index``: one
    of ``numbered_openers``, a number, and a mark after it."""
    if norms[index] not in cues.numbered_openers or index + 2 >= len(norms):
        return False
    number = norms[index + 1]
    return (number.isdigit() or number in cues.number_words) and norms[index + 2] in _NUMBER_MARKS


def _false_start(norms: Sequence[str], index: int, cues: QuestionCues) -> int:
    """How many words at ``index`` a speaker took back: 1 for "did [did you]"
    and for "do [are you]", 2 for "have um [have you]" and for an auxiliary
    given up for another one, "is uh [do you]", 3 for "what day, [what day
    was that on]" (two or three words said again); 0 when none. Up to four
    hesitations (commas, dashes, fillers) may come between the two sayings."""
    word = norms[index]
    if not word[:1].isalpha() or word in cues.fillers:
        return 0
    for size in (3, 2):  # "what day, [what day was that on]"
        said = tuple(norms[index : index + size])
        if len(said) < size or not all(w[:1].isalpha() and w not in cues.fillers for w in said):
            continue
        after = _past_hesitations(norms, index + size, cues)
        if tuple(norms[after : after + size]) == said:
            return after - index
    after = _past_hesitations(norms, index + 1, cues)
    if after >= len(norms):
        return 0
    again = norms[after]
    if again == word:
        return after - index
    if word in cues.auxiliaries and again in cues.auxiliaries:
        if after > index + 1:
            hesitated = any(norms[i] in cues.fillers for i in range(index + 1, after))
            return after - index if hesitated else 0
        # no hesitation, but the second auxiliary asks about a subject: "do
        # [are you on a program]"; no verb chain runs from one to the other
        onsets = cues.caption_onsets
        subject = norms[after + 1] if after + 1 < len(norms) else ""
        if onsets is not None and subject in onsets.subjects | onsets.fronted_subjects:
            return 1
    return 0


def _past_hesitations(norms: Sequence[str], index: int, cues: QuestionCues) -> int:
    """The first index from ``index`` on that is not a hesitation (a comma, a
    dash, a filler, a ``restart_hesitations`` word: "what well what kind"),
    looking at most four words ahead."""
    after = index
    while (
        after < len(norms)
        and after - index < 4
        and (
            norms[after] in _HESITATION
            or norms[after] in cues.fillers
            or norms[after] in cues.restart_hesitations
        )
    ):
        after += 1
    return after
