"""Where the answer to a question begins, in caption words: a question
whose end the gap model heard late or not at all ends before its answer's
first word (:func:`answer_start`), in a question island (:mod:`.islands`)
and where the decoder left the answer's first words in the asker's run
(:func:`late_answers`)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .islands import ISLAND_LONGEST, asks_listener, caption_tokens, taken_in

if TYPE_CHECKING:
    from ..annotate.caption_cues import CaptionOnsets
    from ..annotate.question_cues import QuestionCues


@dataclass(frozen=True)
class ListenerQuestions:
    """Where a question to the listener starts in caption tokens (see
    :func:`.islands.caption_tokens`): an onset the caption component would
    read (``question_onset``) that is about "you" or asks for something
    (:func:`.islands.asks_listener`)."""

    cues: QuestionCues
    onsets: CaptionOnsets
    heads: frozenset[str] | None  # words where an onset may be; None: any
    request_heads: frozenset[str]

    @classmethod
    def load(cls) -> ListenerQuestions | None:
        """From questions.yaml; None when it has no caption onsets."""
        from ..annotate.onsets import onset_heads
        from ..annotate.question_cues import load_cues

        cues = load_cues()
        onsets = cues.caption_onsets
        if onsets is None:
            return None
        request_heads = frozenset(request[0] for request in onsets.requests if request)
        return cls(cues, onsets, onset_heads(onsets), request_heads)

    def starts_at(self, tokens: Sequence[str], index: int) -> bool:
        """A question to the listener starts at ``tokens[index]``."""
        from ..annotate.onsets import question_onset

        return (
            # the cheap test first: most words start no question
            (self.heads is None or tokens[index] in self.heads)
            and asks_listener(
                tokens, index, self.onsets, self.cues.listener_words, self.request_heads
            )
            and question_onset(tokens, index, self.onsets, self.cues)
        )


def listener_question_at(words: Sequence[str]) -> Callable[[int], bool]:
    """Whether a question to the listener (:class:`ListenerQuestions`) starts
    at ``words[k]``, for any k; ``words`` are cut into caption tokens on the
    first call only, so a rule that finds nothing to ask about cuts none."""
    questions = ListenerQuestions.load()
    cut: list[tuple[list[str], list[int]]] = []

    def starts_at(k: int) -> bool:
        if questions is None:
            return False
        if not cut:
            cut.append(caption_tokens(words))
        tokens, first_token = cut[0]
        return questions.starts_at(tokens, first_token[k])

    return starts_at


_ANSWER_AFTER = 4  # words of a question before which its answer cannot begin


def answer_start(words: Sequence[str], k: int, stop: int, onsets: CaptionOnsets) -> int | None:
    """Where the answer to a question whose onset is ``words[k]`` begins
    before ``stop``, or None: the first of questions.yaml's
    ``answer_fillers`` or ``answer_pronouns`` (the answerer's "i" or "my")
    ``_ANSWER_AFTER`` words into the question or later that opens an answer
    (:func:`_opens_answer`), with the ``answer_lead_ins`` right before it
    ("tell me about yourself | okay so i'm a junior"). Where the gap model
    heard no end, or heard it late, this is where the question ends: "can
    you tell me about a time you demonstrated leadership | umm so i think
    this past year | my biggest priority" (MIT's answers, left out of
    training, mostly open so)."""
    first = k + _ANSWER_AFTER
    for m in range(first, stop):
        if _opens_answer(words, m, first, onsets):
            while m > first and words[m - 1] in onsets.answer_lead_ins:
                m -= 1
            return m
    return None


def _opens_answer(words: Sequence[str], m: int, first: int, onsets: CaptionOnsets) -> bool:
    """``words[m]`` may be an answer's first filler or pronoun: not after a
    word that takes it in (``not_after``, ``answer_not_after``: "the reason |
    i ask", "and | i learned"), a filler not inside the question's phrase
    (``filler_not_after``: "in terms of | uh benefits"); after "so", a lead-in
    that is also one of ``not_after``, only where "so" itself is not taken in
    ("okay so | i'm a junior", but "if so | i want to hear that")."""
    word, before = words[m], words[m - 1]
    if word in onsets.answer_fillers:
        if before in onsets.filler_not_after:
            return False
    elif word not in onsets.answer_pronouns:
        return False
    if before in onsets.answer_not_after:
        return False
    if before not in onsets.not_after:
        return True
    earlier = words[m - 2]
    return (
        before in onsets.answer_lead_ins
        and m - 1 >= first
        and earlier not in onsets.not_after
        and earlier not in onsets.answer_not_after
    )


_LATE_ANSWER = 12  # words of the answer a question's run may have taken, at most


def late_answers(
    words: Sequence[str], state_of_word: Sequence[int], sentence_end: Sequence[bool]
) -> list[tuple[int, int, int]]:
    """(begin, end, state) of each answer's opening that the decoder left in
    the asker's run: where a run ends with a question to the listener (an
    onset within its last ``ISLAND_LONGEST`` words) and its answer begins
    (:func:`answer_start`) at most ``_LATE_ANSWER`` words before the run's
    end, the words from there to the end are the next run's speaker's ("tell
    me about a time you demonstrated leadership | umm so i think this past
    year | my biggest priority ...": the change heard after "year"). Not
    where those words speak to the listener or ask again ("where are you
    based by the way | i can see a lot of plants behind you", "how are you
    good | um tell me about yourself": the asker goes on)."""
    from .unlabeled import speaker_runs

    questions = ListenerQuestions.load()
    if questions is None:
        return []
    onsets = questions.onsets
    tokens, first_token = caption_tokens(words)
    runs = speaker_runs(state_of_word)
    found: list[tuple[int, int, int]] = []
    for (begin, end), (after, _) in itertools.pairwise(runs):
        asked = [
            k
            for k in range(max(begin, end - ISLAND_LONGEST), end)
            if questions.starts_at(tokens, first_token[k])
            and not taken_in(
                words, k, tokens[first_token[k]], sentence_end, onsets, questions.cues.auxiliaries
            )
        ]
        for k in asked:
            answer = answer_start(words, k, end, onsets)
            if answer is None:
                continue
            if (
                end - answer <= _LATE_ANSWER
                and questions.cues.listener_words.isdisjoint(words[answer:end])
                and asked[-1] < answer  # no question asked after the answer's start
            ):
                found.append((answer, end, state_of_word[after]))
            break
    return found
