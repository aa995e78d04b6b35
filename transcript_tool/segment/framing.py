"""What only an interviewer says to frame the interview, as caption words:
the closing ("thank you again for sharing your experiences", "best of luck")
and the announcement of their own talk ("let me tell you a bit about us",
"here's the setup"). The decoder (:mod:`.diarize`) adds to the role head's
log-odds that these words, and the talk an announcement opens, are the
interviewer's."""

from __future__ import annotations

from collections.abc import Sequence

from .answers import listener_question_at
from .phrases import next_phrase

_CLOSING_FROM = 0.8  # share of the words before which no closing is read


def closing_words(words: Sequence[str]) -> list[int]:
    """The words of questions.yaml's ``closings`` ("thank you again for
    sharing your experiences", "best of luck", "is there anything else") in
    the last fifth of ``words``: only an interviewer closes so. Left out of
    training, the decoder gave some of the AI interviewer's closing words to
    the candidate in 141 of the 249 Anthropic interviews that have them ("...
    no that's all | perfect thank you again for sharing your experiences so
    openly ... please don't hesitate to reach out"); read so, in 16."""
    from ..annotate.question_cues import load_cues

    phrases = load_cues().segment.closings
    found: list[int] = []
    if not phrases:
        return found
    i = int(len(words) * _CLOSING_FROM)
    while (hit := next_phrase(words, phrases, i)) is not None:
        begin, phrase = hit
        found.extend(range(begin, begin + len(phrase)))
        i = begin + len(phrase)
    return found


_ANNOUNCED_LONGEST = 150  # words of talk an announcement opens, at most
_ANNOUNCED_LEAST = 3  # words of it before a question may end it


def announced_talk(
    words: Sequence[str], question_end: Sequence[bool]
) -> list[tuple[int, int, int]]:
    """(begin, talk, end) of each of questions.yaml's ``announcements`` ("let
    me tell you a bit about", "here's the setup"): the phrase is
    ``words[begin:talk]`` and the talk it opens ``words[talk:end]``, up to
    the first question heard (``question_end[i]``: one ends after word i) or
    to the listener (:func:`.answers.listener_question_at`) three words on or
    later, or ``_ANNOUNCED_LONGEST`` words. Not before one of
    ``announcement_not_before`` within three words: the candidate's "let me
    tell you a bit about myself". The project's mock interviews, left out of
    training, gave the interviewer's company pitch to the candidate ("okay
    so let me tell you a little bit more about greg and what he's ...")."""
    from ..annotate.question_cues import load_cues

    cues = load_cues().segment
    phrases = cues.announcements_of_talk
    found: list[tuple[int, int, int]] = []
    if not phrases:
        return found
    asks_listener = listener_question_at(words)
    n = len(words)
    i = 0
    while (hit := next_phrase(words, phrases, i)) is not None:
        begin, phrase = hit
        talk = i = begin + len(phrase)
        if not cues.announcement_not_before.isdisjoint(words[talk : talk + 3]):
            continue
        end = min(n, talk + _ANNOUNCED_LONGEST)
        for j in range(talk + _ANNOUNCED_LEAST, end):
            if question_end[j - 1] or asks_listener(j):
                end = j
                break
        found.append((begin, talk, end))
    return found
