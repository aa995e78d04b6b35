"""What only an interviewer says to frame the interview, as caption words:
the closing ("thank you again for sharing your experiences", "best of luck"),
the announcement of their own talk ("let me tell you a bit about us",
"here's the setup") and a host's introduction of the show ("welcome back to
the channel"). The decoder (:mod:`.diarize`) adds to the role head's
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
    return _opened_talk(
        words, question_end, cues.announcements_of_talk, cues.announcement_not_before, len(words)
    )


_INTRODUCED_BEFORE = 0.1  # share of the words within which a show is introduced


def introduced_show(
    words: Sequence[str], question_end: Sequence[bool]
) -> list[tuple[int, int, int]]:
    """(begin, talk, end) of each of questions.yaml's ``host_introductions``
    ("welcome back to", "i'm joined by") that begins in the first tenth of
    ``words``, with the talk it opens as in :func:`announced_talk`: a host
    introducing the show or the guest, before the interview. The bundled
    60-minute caption's host ("hey everyone welcome back to the channel if
    you're new here this is where we do uh real mock interviews ...") was
    read as the candidate for 118 words."""
    from ..annotate.question_cues import load_cues

    before = int(len(words) * _INTRODUCED_BEFORE)
    phrases = load_cues().segment.host_introductions
    return _opened_talk(words, question_end, phrases, frozenset(), before)


def _opened_talk(
    words: Sequence[str],
    question_end: Sequence[bool],
    phrases: Sequence[tuple[str, ...]],
    not_before: frozenset[str],
    begins_before: int,
) -> list[tuple[int, int, int]]:
    """(begin, talk, end) of each of ``phrases`` that begins before word
    ``begins_before`` and is not followed within three words by one of
    ``not_before``, and of the talk after it (:func:`announced_talk`)."""
    found: list[tuple[int, int, int]] = []
    if not phrases:
        return found
    asks_listener = listener_question_at(words)
    n = len(words)
    i = 0
    while (hit := next_phrase(words, phrases, i)) is not None and hit[0] < begins_before:
        begin, phrase = hit
        talk = i = begin + len(phrase)
        if not not_before.isdisjoint(words[talk : talk + 3]):
            continue
        end = min(n, talk + _ANNOUNCED_LONGEST)
        for j in range(talk + _ANNOUNCED_LEAST, end):
            if question_end[j - 1] or asks_listener(j):
                end = j
                break
        found.append((begin, talk, end))
    return found
