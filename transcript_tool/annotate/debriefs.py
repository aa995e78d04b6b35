"""The debrief after a mock interview: where the interviewer ends the mock
("And, cut. Let's step out of character. How do you feel?", questions.yaml
``debriefs``) after the first quarter of the words. The questions asked after it
and their answers are the debrief's (phase "debrief", :mod:`.exchanges`),
which rubrics do not score, and the report says so."""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from ..model import Transcript, count_text_words, straighten
from .question_cues import rule_words
from .word_lists import alternatives

DEBRIEF_FROM = 0.25
"""The share of the words before which no debrief begins: an interviewer's
plan at the start ("at the end we'll step out of character") is none. A
coach's debrief may run longer than the mock itself ("That's the end of the
interview. And, okay, I'm stepping out of character now." at 42% of the
words, with 48 turns of feedback after it)."""


@dataclasses.dataclass(frozen=True)
class Debrief:
    """Where the debrief begins: right after ``phrase``, which ends at
    ``offset`` in turn ``turn``'s text."""

    turn: int
    offset: int
    phrase: str

    def holds(self, turn: int, offset: int) -> bool:
        """Whether the text at ``offset`` of turn ``turn`` is in the debrief."""
        return turn > self.turn or (turn == self.turn and offset >= self.offset)


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile(rf"\b{alternatives(rule_words().debriefs)}\b", re.IGNORECASE)


def find_debrief(transcript: Transcript) -> Debrief | None:
    """The first debrief phrase the interviewer says after ``DEBRIEF_FROM``
    of the words, or None. Where the speakers were inferred from the words
    (a raw caption), any turn's: the roles may be wrong, the phrase is not.
    A candidate's "... and that was the interview that got me the job" ends
    no mock."""
    counts = [count_text_words(turn.text) for turn in transcript.turns]
    total = sum(counts)
    anyone = transcript.turns_inferred
    before = 0
    for turn, count in zip(transcript.turns, counts, strict=True):
        if before + count > total * DEBRIEF_FROM and (anyone or turn.role == "interviewer"):
            text = straighten(turn.text)
            for found in _pattern().finditer(text):
                if before + count_text_words(text[: found.start()]) >= total * DEBRIEF_FROM:
                    phrase = turn.text[found.start() : found.end()]
                    return Debrief(turn.index, found.end(), phrase)
        before += count
    return None


def with_debrief_notice(transcript: Transcript, debrief: Debrief | None) -> Transcript:
    """``transcript``, with a notice saying where its debrief begins."""
    if debrief is None:
        return transcript
    notice = (
        f'the talk after "{debrief.phrase}" (turn {debrief.turn}) is read as the debrief '
        "after the mock interview: its questions and answers are not scored"
    )
    return dataclasses.replace(transcript, notices=(*transcript.notices, notice))
