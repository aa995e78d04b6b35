"""Phrases the decoder (:mod:`.diarize`) reads beyond what the gap model
learned: a listener's "mm-hmm" inside the other's talk (their own short
turn), a speaker cutting in to ask ("sorry let me jump in ...": a change of
speaker where it begins), the invitation to ask ("what questions do you
have for me": from there the candidate asks and the interviewer answers).
Question islands, an answer's start, "nice" before the other's question and
the interviewer's closing and announced talk have modules of their own
(:mod:`.islands`, :mod:`.answers`, :mod:`.praise`, :mod:`.framing`). The
phrases, other than the backchannel words, are questions.yaml's, as caption
words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from ..annotate.greeting_cues import Greetings

BACKCHANNEL_CONFIDENCE = 0.7
_BACKCHANNEL_CONTEXT = 4  # words of one speaker needed on both sides


def backchannels(
    words: Sequence[str], state_of_word: Sequence[int], speakers: int
) -> list[tuple[int, int, int]]:
    """(begin, end, listener) for each run of at most three backchannel words
    (questions.yaml ``backchannel_words``: "mm-hmm", "uh-huh") inside one
    speaker's talk (the same speaker for the four words before and after it):
    the listener is the other speaker (the last other one heard, with more
    than two)."""
    from ..annotate.question_cues import load_cues

    if speakers < 2:
        return []
    backchannel_words = load_cues().segment.backchannel_words
    found: list[tuple[int, int, int]] = []
    n = len(words)
    i = 0
    while i < n:
        if words[i] not in backchannel_words:
            i += 1
            continue
        j = i
        while j < n and words[j] in backchannel_words:
            j += 1
        k = _BACKCHANNEL_CONTEXT
        before, after = state_of_word[max(0, i - k) : i], state_of_word[j : j + k]
        talker = state_of_word[i]
        if (
            j - i <= 3
            and len(before) == k
            and len(after) == k
            and set(before) == set(after) == {talker}
            and all(state_of_word[m] == talker for m in range(i, j))
        ):
            others = [s for s in reversed(state_of_word[:i]) if s != talker]
            listener = others[0] if others else (1 if talker == 0 else 0)
            found.append((i, j, listener))
        i = j
    return found


INTERRUPTION_CHANGE = 0.95
_INTERRUPTION_REACH = 60  # words the interrupter may take to ask
_INTERRUPTION_LEAD = 5  # a likely change this close before the phrase is the interruption's


def interruptions(
    words: Sequence[str], question_end: Sequence[bool], change: npt.NDArray[np.float32]
) -> list[tuple[int, int]]:
    """(begin, end) of each stretch where a speaker cuts in to ask ("... i
    was the one who'd set up the | sorry let me jump in for a sec ... so what
    actually broke with the job |"): from an interruption phrase
    (questions.yaml ``interruptions``, with the "sorry"/"okay" before it) to
    the end of the first question heard, or the first likely change of speaker
    (``change`` above 0.5), within ``_INTERRUPTION_REACH`` words; not when a
    likely change comes within ``_INTERRUPTION_LEAD`` words before it. The
    decoder then takes the speaker to change where it begins (at least
    ``INTERRUPTION_CHANGE``), not inside it, and likely after it; the change
    model alone misses such a change, and one missed change gives every word
    up to the next one to the wrong speaker."""
    from ..annotate.question_cues import load_cues

    cues = load_cues().segment
    phrases = cues.interruptions
    n = len(words)
    found: list[tuple[int, int]] = []
    i = 1
    while (hit := next_phrase(words, phrases, i)) is not None:
        i, phrase = hit
        begin = i
        while begin - 1 > 0 and words[begin - 1] in cues.interruption_lead_ins and i - begin < 2:
            begin -= 1
        if any(change[g] > 0.5 for g in range(max(1, begin - _INTERRUPTION_LEAD), begin)):
            i += len(phrase)
            continue  # the change is likely just before: "okay that's great | let me stop you"
        end = next(
            (
                m + 1
                for m in range(i + len(phrase) - 1, min(n, i + _INTERRUPTION_REACH))
                if question_end[m] or (m + 1 < n and change[m + 1] > 0.5)
            ),
            None,
        )
        if end is None:
            i += len(phrase)
            continue
        found.append((begin, end))
        i = end
    return found


GREETING_CONFIDENCE = 0.7
_GREETING_REACH = 500  # words from the start within which a greeting opens the call


def greeting_replies(
    words: Sequence[str],
    state_of_word: Sequence[int],
    change_after: Sequence[bool] | None = None,
) -> list[tuple[int, int, int]]:
    """(begin, end, replier) of each reply to a greeting question that the
    decoder left in the asker's run, in whole or in part ("how are you doing
    today | good how are you | good so tell me about yourself": questions.yaml
    ``greetings``, the question within the first ``_GREETING_REACH`` words,
    the reply as the section spells one), when the reply asks back or the
    asker goes on after it with one of ``openers`` ("good", "so", "okay") or
    ``frame_words`` ("tell me about yourself") or the asker's run ends there.
    In the labelled corpora, read as if one speaker said every word, 62 such
    replies are found (58 in MIT's interviews), all the other speaker's. In
    text with its own punctuation (``change_after[i]``: a sentence ends after
    word i) the reply must be whole sentences of the text's: "How are you? |
    Good so far, thanks." is left alone. In text without punctuation, a
    question asked back after the asker's acknowledgement of the reply
    (:func:`_asked_back_later`) that the decoder left in the asker's run is
    the replier's too, and the asker's answer to it the asker's."""
    from ..annotate.question_cues import load_cues

    cues = load_cues()
    greetings = cues.greetings
    if greetings is None:
        return []
    n = len(words)
    found: list[tuple[int, int, int]] = []
    i = 0
    while (hit := next_phrase(words, greetings.questions, i)) is not None:
        at, phrase = hit
        if at >= _GREETING_REACH:
            break
        begin = at + len(phrase)
        begin += _fits(words, begin, greetings.tails)
        i = begin
        reply = _greeting_reply(words, begin, greetings, cues.fillers)
        if reply is None:
            continue
        end, asks_back = reply
        i = end  # a question asked back is part of the reply, no greeting of its own
        asker = state_of_word[begin - 1]
        if any(state_of_word[m] != asker for m in range(at, begin)):
            continue  # the decoder has a change of speaker inside the question
        if change_after is not None and not (
            change_after[begin - 1] and (end == n or change_after[end - 1])
        ):
            continue  # the speaker changes only where the text ends a sentence
        replier = 1 if asker == 0 else 0
        if any(state_of_word[m] == asker for m in range(begin, end)) and (
            asks_back
            or end == n
            or state_of_word[end] != asker
            or words[end] in cues.openers
            or words[end] in cues.frame_words
        ):
            found.append((begin, end, replier))
        if not asks_back and change_after is None:
            back = _asked_back_later(words, end, greetings, cues.fillers)
            if back is not None and state_of_word[back[0]] == asker:
                ask, answer, answer_end = back
                found.append((ask, answer, replier))
                if any(state_of_word[m] != asker for m in range(answer, answer_end)):
                    found.append((answer, answer_end, asker))
                i = answer_end
    return found


def _asked_back_later(
    words: Sequence[str], at: int, greetings: Greetings, fillers: frozenset[str]
) -> tuple[int, int, int] | None:
    """(where the question asked back begins, where the asker's answer to it
    begins, where that answer ends) when, after a greeting's reply that ends
    at ``at``, the asker acknowledges it ("good", "oh great") and the replier
    asks back ("how are you", "how about yourself") and the asker answers
    ("good"): MIT's "how are you doing today | pretty well | good | how are
    you | good um tell me about yourself". None otherwise. Only the returns
    of two words or more: "good you" is no question."""
    k = _skip(words, at, fillers | greetings.lead_ins)
    acknowledged = _fits(words, k, greetings.heads)
    if not acknowledged:
        return None
    ask = _skip(words, k + acknowledged, fillers)
    returns = [phrase for phrase in greetings.returns if len(phrase) > 1]
    asked = _fits(words, ask, returns)
    if not asked:
        return None
    answered = _greeting_reply(words, ask + asked, greetings, fillers)
    if answered is None:
        return None
    return ask, ask + asked, answered[0]


def _greeting_reply(
    words: Sequence[str], begin: int, greetings: Greetings, fillers: frozenset[str]
) -> tuple[int, bool] | None:
    """(end, whether it asks back) of the reply to a greeting that starts at
    ``begin`` ("hi um i'm doing pretty good thank you how about you"), or None."""
    k = _skip(words, begin, fillers | greetings.lead_ins)
    k += _fits(words, k, greetings.selves)
    while k < len(words) and words[k] in greetings.degrees:
        k += 1
    head = _fits(words, k, greetings.heads)
    if not head:
        return None
    k = _skip(words, k + head, fillers)
    thanks = _fits(words, k, greetings.thanks)
    if thanks:
        k = _skip(words, k + thanks, fillers)
    asks_back = _fits(words, k, greetings.returns)
    return k + asks_back, bool(asks_back)


def _fits(words: Sequence[str], at: int, phrases: Sequence[tuple[str, ...]]) -> int:
    """The length of the first of ``phrases`` that ``words`` say from ``at`` (0: none)."""
    for phrase in phrases:
        if tuple(words[at : at + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _skip(words: Sequence[str], at: int, skipped: frozenset[str]) -> int:
    """The first position from ``at`` whose word is not one of ``skipped``."""
    while at < len(words) and words[at] in skipped:
        at += 1
    return at


INTRODUCTION_CHANGE = 0.5
"""Least change probability after the interviewer's request that the
candidate introduce themselves (:func:`introduction_requests`): as likely as
not. In MIT's interviews 98 of 102 such requests end the interviewer's turn,
in the project's 7 of 16 ("tell me about yourself | and what brought you
here"). When it was added, MIT's wrong words with the shipped weights went
from 3,967 to 3,812 (0.2: 3,898, 0.3: 3,861, 0.7: 3,820, 0.9: 3,745), and
no other corpus moved at any of them."""
_INTRODUCTION_REACH = 8  # words before the end of the request within which its verb is said


def introduction_requests(words: Sequence[str]) -> list[int]:
    """The gaps (before word g) after each request that the candidate
    introduce themselves: one of questions.yaml's ``greetings.introductions``
    ("about yourself", "your background") with one of ``introduction_verbs``
    in the eight words up to its end ("so please tell me a little bit about
    your background"), past a "please" after it. The greeting's "how about
    yourself" and "if you could change one thing about yourself | what would
    it be" have no such verb. Where it never saw the corpus, the change head
    hears too seldom that the speaker changes after such a request."""
    from ..annotate.question_cues import load_cues

    greetings = load_cues().greetings
    if greetings is None or not greetings.introductions:
        return []
    verbs = greetings.introduction_verbs
    firsts = {phrase[0] for phrase in greetings.introductions}
    n = len(words)
    gaps = []
    for i in range(n):
        if words[i] not in firsts or not (length := _fits(words, i, greetings.introductions)):
            continue
        end = i + length
        if verbs.isdisjoint(words[max(0, end - _INTRODUCTION_REACH) : end]):
            continue
        if end < n and words[end] == "please":
            end += 1
        if end < n:
            gaps.append(end)
    return gaps


def embedded_clauses(words: Sequence[str]) -> list[int]:
    """The gaps (before word g) between one of questions.yaml's ``embedders``
    and a wh-word, "if" or "whether" (:func:`..annotate.onsets.embedded_clauses`,
    the caption component's reading): the speaker goes on. On the labelled
    corpora none of these 117 gaps is a change of speaker."""
    from ..annotate.onsets import embedded_clauses as clauses

    return clauses(words)


def invitation_stretch(words: Sequence[str]) -> tuple[int, int] | None:
    """(begin, end) of the stretch after the interviewer's invitation to ask
    (questions.yaml ``invitations``: "what questions do you have for me"), in
    the second half of the transcript, up to their wrap-up (``wrap_ups``:
    "thanks so much for your time") or the end; None without one. There the
    candidate asks and the interviewer answers."""
    from ..annotate.question_cues import load_cues

    cues = load_cues()
    n = len(words)
    invited = next_phrase(words, cues.segment.invitations, n // 2)
    if invited is None:
        return None
    begin = invited[0] + len(invited[1])
    wrap_up = next_phrase(words, cues.segment.wrap_ups, begin)
    return begin, n if wrap_up is None else wrap_up[0]


def next_phrase(
    words: Sequence[str], phrases: Sequence[tuple[str, ...]], start: int
) -> tuple[int, tuple[str, ...]] | None:
    """(where it begins, which) of the first of ``phrases`` in ``words`` from
    ``start`` on, or None."""
    firsts = {phrase[0] for phrase in phrases}
    for i in range(start, len(words)):
        if words[i] in firsts and (length := _fits(words, i, phrases)):
            return i, tuple(words[i : i + length])
    return None
