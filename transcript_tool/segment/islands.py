"""Question islands: a question to the listener inside the candidate's
talk is the interviewer's own turn, where the gap model heard no change of
speaker around it ("... some early product work | why do you want to work
here | a few reasons ..."), and after the invitation to ask, a question
inside the interviewer's talk is the candidate's. Read by the decoder
(:mod:`.diarize`) after decoding, with the openings that say whose a
question is: the listener's "mm-hmm" before it (:func:`acknowledgements`)
and a re-ask phrase (:func:`reask_openings`). The onsets are questions.yaml's
``caption_onsets``, read as the caption component reads them
(:mod:`transcript_tool.annotate.onsets`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..annotate.caption_cues import CaptionOnsets


def acknowledgements(
    words: Sequence[str], state_of_word: Sequence[int], listener: int
) -> dict[int, int]:
    """{end: begin} of each turn of ``listener``'s that is one to three
    backchannel or acknowledgement words ("mm-hmm", "that makes sense",
    "got it": questions.yaml ``backchannel_words`` and ``praise_words``)
    between two runs of another speaker's, as the decoder or
    :func:`backchannels` gave it: read by :func:`question_islands`."""
    from ..annotate.question_cues import load_cues
    from .unlabeled import speaker_runs  # the module above this one; loaded by now

    cues = load_cues()
    signals = cues.segment.backchannel_words | cues.segment.praise_words
    return {
        end: begin
        for begin, end in speaker_runs(state_of_word)[1:-1]  # between two other runs
        if state_of_word[begin] == listener
        and end - begin <= 3
        and all(words[m] in signals for m in range(begin, end))
    }


def reask_openings(words: Sequence[str]) -> dict[int, int]:
    """{end: begin} of each of questions.yaml's ``reask_phrases`` ("i mean
    more", "let me pull you back", "what i'm asking is"; not the
    ``restating_phrases`` either party says: "in other words"), with the
    lead-ins before it ("sure but i mean more"): said by the one who asked,
    so the question after it is theirs. Read by :func:`question_islands`."""
    from ..annotate.question_cues import load_cues

    cues = load_cues()
    onsets = cues.caption_onsets
    if onsets is None:
        return {}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for text in cues.reask_phrases:
        if text not in cues.restating_phrases:
            phrase = tuple(text.split())
            by_first.setdefault(phrase[0], []).append(phrase)
    found: dict[int, int] = {}
    for i, word in enumerate(words):
        for phrase in by_first.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                begin = _lead_ins_from(words, i, onsets)
                # the longest phrase ending there: "let me pull you back", not
                # "pull you back"
                found[i + len(phrase)] = min(begin, found.get(i + len(phrase), begin))
    return found


ISLAND_CONFIDENCE = 0.6
"""An island is mostly the interviewer's words more often than not: 34 of 47
on MIT's interviews, 14 of 24 on the held-out project interviews, 26 of 54 on
Changelog's held-out podcasts, where guests ask back."""
_ISLAND_CONTEXT = 5  # words of one speaker needed on each side of an island question
ISLAND_LONGEST = 25  # words from its onset within which an island question must end
_ISLAND_SHORTEST = 6  # words of an island whose end the gap model did not hear
_REPLY_PARTICLES = 3  # the listener's "yeah" read past after an opened island, at most


def question_islands(
    words: Sequence[str],
    state_of_word: Sequence[int],
    sentence_end: Sequence[bool],
    talker: int,
    outside: tuple[int, int] | None,
    source_ends: Sequence[bool] | None = None,
    end_probability: Sequence[float] | None = None,
    to_listener: bool = True,
    openings: dict[int, int] | None = None,
) -> list[tuple[int, int]]:
    """(begin, end) of each question to the listener inside a run of
    ``talker``'s words: a question's onset (questions.yaml ``caption_onsets``)
    that addresses "you" or makes a request, up to the first sentence end the
    gap model heard within 25 words or where its answer begins before that
    (:func:`.answers.answer_start`; none of either: the likeliest end by
    ``end_probability``, six words in or more), with five words of
    ``talker`` on each side ("... some early product work | why do you want
    to work here | a few reasons ..."). Not inside ``outside`` (the
    invitation's stretch, where the candidate asks). ``source_ends``: the
    text's own sentence ends (punctuated text), then the only places an
    island may begin after or end at. Without ``to_listener``, any question
    onset starts an island (the candidate's questions after the invitation
    to ask: "is it already kafka"). ``openings`` maps where the lead-ins
    of a question begin to where its island begins instead: after the
    listener's "mm-hmm" (:func:`acknowledgements`: "... we dedup | mm-hmm
    and what were the interesting failure modes | um in production ...") or
    at a re-ask phrase (:func:`reask_openings`: "sure but i mean more like
    was there a time it actually broke on you"). Such a question need not
    address "you". After an opening, and without ``to_listener``, the
    question may be followed by the listener's words instead of
    ``talker``'s."""
    from ..annotate.onsets import (
        inside_wh_question,
        onset_heads,
        question_onset,
        wh_phrase_onset,
    )
    from ..annotate.question_cues import load_cues
    from .answers import answer_start  # imports this module: here, not at the top

    cues = load_cues()
    onsets = cues.caption_onsets
    if onsets is None:
        return []
    ends = sentence_end if source_ends is None else source_ends
    n = len(words)
    tokens, first_token = caption_tokens(words)
    request_heads = frozenset(request[0] for request in onsets.requests if request)
    heads = onset_heads(onsets)
    found: list[tuple[int, int]] = []
    openings = openings or {}
    particles = cues.rule_words.answer_particles | cues.segment.backchannel_words
    k = _ISLAND_CONTEXT
    while k < n - 2:
        end = None
        t = first_token[k]  # the onset is read on tokens ("how's your" is "how", "s", "your")
        if (
            (heads is None or tokens[t] in heads)  # the cheap test first: most words start none
            and state_of_word[k] == talker
            and not (outside and outside[0] <= k < outside[1])
            and (
                not to_listener
                or (openings and _lead_ins_from(words, k, onsets) in openings)
                or asks_listener(tokens, t, onsets, cues.listener_words, request_heads)
            )
            and not taken_in(words, k, tokens[t], ends, onsets, cues.auxiliaries)
            and not inside_wh_question(words, k, ends, onsets, cues.wh_words)
            and (question_onset(tokens, t, onsets, cues) or wh_phrase_onset(tokens, t, onsets))
        ):
            end = next((m + 1 for m in range(k + 2, min(n, k + ISLAND_LONGEST)) if ends[m]), None)
            if source_ends is None:
                # unheard, the question ends where its answer begins ("... you
                # demonstrated leadership | umm so i think this past year |")
                end = answer_start(words, k, end or min(n, k + ISLAND_LONGEST), onsets) or end
            if end is None and source_ends is None and end_probability is not None:
                # none heard: where the gap model thought one likeliest, six
                # words in at least ("i'd like you to design | the ingestion
                # pipeline ..." is no island's end)
                window = range(k + _ISLAND_SHORTEST - 1, min(n, k + ISLAND_LONGEST))
                if window:
                    end = max(window, key=end_probability.__getitem__) + 1
        elif (
            to_listener
            and words[k] == "if"
            and state_of_word[k] == talker
            and not (outside and outside[0] <= k < outside[1])
        ):
            end = _fronted_question_end(
                words,
                k,
                ends,
                cues.listener_words,
                cues.wh_words,
                end_probability,
                onsets,
                source_ends is not None,
            )
        if end is None:
            k += 1
            continue
        begin = max(_lead_ins_from(words, k, onsets), _ISLAND_CONTEXT)
        heard_from = begin  # the question's words (a backchannel is already the listener's)
        opened = begin in openings and openings[begin] >= _ISLAND_CONTEXT
        if opened:
            begin = openings[begin]
        reply = end
        if opened:
            # the talker's reply may open with a "yeah" the decoder gave the
            # listener alone ("... but let me pull you back where would the
            # records live | yeah | sorry i went sideways there"): read past it
            while (
                reply < min(n, end + _REPLY_PARTICLES)
                and state_of_word[reply] != talker
                and words[reply] in particles
            ):
                reply += 1
        after = state_of_word[reply : reply + _ISLAND_CONTEXT]
        # an opening says whose the question is, and so does the invitation
        # to ask (``to_listener`` False): after the question, the listener
        # may already have the words that follow ("... but let me pull you
        # back where would the records live | yeah sorry i went sideways
        # there |", the candidate's reply given to the interviewer)
        around = (
            *state_of_word[begin - _ISLAND_CONTEXT : begin],
            *state_of_word[heard_from:end],
            *(() if (opened or not to_listener) and talker not in after else after),
        )
        if (
            reply + _ISLAND_CONTEXT <= n
            and set(around) == {talker}
            and (source_ends is None or source_ends[begin - 1])
        ):
            found.append((begin, end))
            k = end
        else:
            k += 1
    return found


def island_flips(
    words: Sequence[str],
    state_of_word: Sequence[int],
    sentence_end: Sequence[bool],
    invited: tuple[int, int] | None,
    source_ends: Sequence[bool] | None,
    end_probability: Sequence[float],
) -> list[tuple[int, int, int]]:
    """(begin, end, state) of each island of a decode (:func:`question_islands`),
    state 0 being the one the role head calls the interviewer: a question to
    the listener inside the candidate's talk (state 1) is the interviewer's,
    and after the invitation to ask (``invited``), any question inside the
    interviewer's talk is the candidate's."""
    flips = [
        (begin, end, 0)
        for begin, end in question_islands(
            words,
            state_of_word,
            sentence_end,
            1,
            invited,
            source_ends,
            end_probability,
            openings={
                **reask_openings(words),
                **acknowledgements(words, state_of_word, 0),
            },
        )
    ]
    if invited is not None:
        flips += [
            (begin, end, 1)
            for begin, end in question_islands(
                words,
                state_of_word,
                sentence_end,
                0,
                None,
                source_ends,
                end_probability,
                to_listener=False,
            )
            if invited[0] <= begin < invited[1]
        ]
    return flips


_FRONTED_REACH = 25  # words from a fronted clause's "if" within which its question begins
_FRONTED_QUESTION = 8  # words of the question after it within which a sentence end is heard


def _fronted_question_end(
    words: Sequence[str],
    k: int,
    ends: Sequence[bool],
    listener: frozenset[str],
    wh_words: frozenset[str],
    end_probability: Sequence[float] | None,
    onsets: CaptionOnsets,
    written: bool,
) -> int | None:
    """Where the question that a conditional at ``words[k]`` ("if") opens
    ends, or None: "you" right after the "if", then, within
    ``_FRONTED_REACH`` words, a wh-word and a modal right after it ("what
    would", "how could"; not the embedded "what it would have taken"), and a
    sentence end heard within ``_FRONTED_QUESTION`` words of it, else the
    likeliest there by ``end_probability`` (MIT's set question "if you were
    given the option to change one thing about yourself | what would it be |
    i wish ...", whose end the gap model seldom hears). Where the answer
    begins before that (:func:`.answers.answer_start`: "what would it be | umm i
    think"), there, unless the text's own ends are ``ends`` (``written``)."""
    from ..annotate.caption_ends import MODALS
    from .answers import answer_start

    n = len(words)
    if k + 1 >= n or words[k + 1] not in listener:
        return None
    for m in range(k + 3, min(n, k + _FRONTED_REACH)):
        if words[m] in wh_words and m + 1 < n and words[m + 1] in MODALS:
            window = range(m + 2, min(n, m + _FRONTED_QUESTION))
            heard = next((x + 1 for x in window if ends[x]), None)
            if not written and (answer := answer_start(words, m, heard or window.stop, onsets)):
                return answer
            if heard is None and end_probability is not None and window:
                return max(window, key=end_probability.__getitem__) + 1
            return heard
    return None


def taken_in(
    words: Sequence[str],
    k: int,
    head: str,
    ends: Sequence[bool],
    onsets: CaptionOnsets,
    auxiliaries: frozenset[str],
) -> bool:
    """The clause going on before ``words[k]`` takes it in, so no question
    starts there: never at the stream's start nor after a sentence end heard
    or written ("yeah i like that | what would you use"); before a wh-word
    (``head``, its first token) only after one of ``not_after`` ("it matters
    because | what date do you partition by"), as the caption component reads
    it; before an auxiliary also after an auxiliary or a verb ("i'd | have you
    as a hire")."""
    from ..annotate.onsets import goes_on, no_question_after

    if k == 0 or ends[k - 1]:
        return False
    earlier = words[k - 2] if k > 1 else ""
    if head in onsets.wh:  # "... than any job has | why do you want to work here"
        return no_question_after(words[k - 1].partition("'")[0], earlier, onsets)
    return goes_on(words[k - 1], onsets, auxiliaries, earlier)


def _lead_ins_from(words: Sequence[str], k: int, onsets: CaptionOnsets) -> int:
    """Where the lead-ins before ``words[k]`` begin ("mm-hmm | and what were")."""
    from ..annotate.onsets import leads_in

    while k > 0 and leads_in(words, k - 1, onsets):
        k -= 1
    return k


_CLITICS = frozenset({"s", "re", "d", "ll", "ve", "m"})


def caption_tokens(words: Sequence[str]) -> tuple[list[str], list[int]]:
    """``words`` cut as the caption component reads them (spaCy's tokens
    without their outer apostrophes: "how's" is "how", "s"; "don't" is "do",
    "n't"), and the index of each word's first token."""
    tokens: list[str] = []
    first: list[int] = []
    for word in words:
        first.append(len(tokens))
        if "'" not in word:  # most words: one token
            tokens.append(word)
            continue
        head, _, clitic = word.rpartition("'")
        if word.endswith("n't") and len(word) > 3:
            tokens += [word[:-3], "n't"]
        elif head and clitic in _CLITICS:
            tokens += [head, clitic]
        else:
            tokens.append(word)
    first.append(len(tokens))
    return tokens, first


def asks_listener(
    words: Sequence[str],
    k: int,
    onsets: CaptionOnsets,
    listener: frozenset[str],
    request_heads: frozenset[str],
) -> bool:
    """A question at ``words[k]`` is about "you" ("do you", "how many people do
    you": questions.yaml ``listener_words``) or asks for something ("tell me
    about"; ``request_heads``: the requests' first words, so that the
    requests are compared only where one may begin)."""
    reach = k + onsets.wh_gap + 4
    return not listener.isdisjoint(words[k + 1 : reach]) or (
        words[k] in request_heads
        and any(tuple(words[k : k + len(r)]) == r for r in onsets.requests)
    )
