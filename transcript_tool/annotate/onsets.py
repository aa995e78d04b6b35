"""Where a question starts inside a caption sentence (questions.yaml
``caption_onsets``): :func:`question_onset` and the words around it that
decide whether a question may start there. The caption sentence component
(through :mod:`.caption_starts` and :mod:`.caption_ends`), the question
stage (:mod:`.forms`) and the segmenter's question islands
(:mod:`transcript_tool.segment.islands`) read onsets with the same
functions."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from .caption_cues import CaptionOnsets
from .question_cues import QuestionCues, load_cues


def goes_on(
    before: str, onsets: CaptionOnsets, auxiliaries: frozenset[str], before_that: str = ""
) -> bool:
    """The clause going on in ``before`` takes the next word in, so no
    question starts after it ("i'd | have you as a hire", "that | are you",
    "i would | have it", "she was like | is it ready"). ``before`` is a word
    as the caption component or the segmenter reads it: cut at its
    apostrophe, "i'd" is "i" and "d", spaCy's "'d" is "" and "d";
    ``before_that`` the word before it ("" when not known)."""
    head, _, clitic = before.partition("'")
    return (
        no_question_after(head, before_that, onsets)
        or head in auxiliaries
        or head in onsets.verb_chain
        or clitic in onsets.verb_chain
    )


def no_question_after(before: str, before_that: str, onsets: CaptionOnsets) -> bool:
    """No question starts after ``before``: one of ``not_after``, "like"
    quoting speech (:func:`quotes`), or an adverb right after a subject ("they
    really | were")."""
    if before == "like":
        return quotes(before_that, onsets)
    if before in onsets.clause_adverbs and before_that in onsets.adverb_subjects:
        return True
    return before in onsets.not_after


def quotes(before_like: str, onsets: CaptionOnsets) -> bool:
    """A "like" after ``before_like`` quotes speech: after a verb of saying
    or being ("she was like | is it ready", "she's like", ``quotatives``;
    with nothing before it, assumed). After any other word it is a
    discourse marker that goes with the question it leads into ("i mean
    more | like was there a time it broke on you")."""
    head, _, clitic = before_like.partition("'")
    return not before_like or head in onsets.quotatives or clitic in onsets.quotatives


def leads_in(words: Sequence[str], i: int, onsets: CaptionOnsets) -> bool:
    """``words[i]`` goes with the question after it: one of ``lead_ins``
    ("uh do you have"), or a "like" that does not quote (:func:`quotes`);
    not a "well" after one of ``adverb_well_after``, the adverb of the
    clause before it ("doing well | how are you")."""
    word = words[i]
    if word == "like":
        return not quotes(words[i - 1] if i > 0 else "", onsets)
    if word == "well" and i > 0 and words[i - 1] in onsets.adverb_well_after:
        return False
    return word in onsets.lead_ins


def inside_wh_question(
    norms: Sequence[str],
    k: int,
    ends: Sequence[bool],
    onsets: CaptionOnsets,
    wh_words: frozenset[str],
) -> bool:
    """An onset at ``norms[k]`` that is no wh-word, within ``wh_window``
    words after a wh-word of the same sentence (``ends``: True where a
    sentence ends after the word), belongs to that wh-word's question ("what
    kind of music | do you like", "because what date | do you partition by"):
    it starts none of its own; not after the "what" of "you know what i
    mean" (``filler_phrases``). Read by
    :func:`.caption_starts.split_before_questions` and the segmenter's question
    islands."""
    if norms[k] in onsets.wh:
        return False
    for j in range(k - 1, max(k - onsets.wh_window, 0) - 1, -1):
        if ends[j]:
            return False
        if norms[j] in wh_words:
            return not _in_filler(norms, j, onsets)
    return False


def _in_filler(norms: Sequence[str], j: int, onsets: CaptionOnsets) -> bool:
    """``norms[j]`` is part of one of questions.yaml's ``filler_phrases``
    ("you know what i mean")."""
    for phrase in onsets.filler_phrases:
        for at in range(max(j - len(phrase) + 1, 0), j + 1):
            if tuple(norms[at : at + len(phrase)]) == phrase:
                return True
    return False


def question_onset(
    norms: Sequence[str],
    k: int,
    onsets: CaptionOnsets,
    cues: QuestionCues,
    also: frozenset[str] = frozenset(),
) -> bool:
    """Whether a question's words start at ``norms[k]``: "do you work ...",
    "don't they have ...", "where are you at", "how about you", "where you
    from", "what's drawing you to ...". ``also``: more subjects an auxiliary
    may ask about."""
    at = k + 1
    if norms[k] in onsets.wh_about and norms[at] == "about":
        return at + 1 < len(norms)
    for phrase in onsets.requests:
        if tuple(norms[k : k + len(phrase)]) == phrase:
            return k + len(phrase) < len(norms)
    if any(tuple(norms[k : k + len(phrase)]) == phrase for phrase in onsets.no_auxiliary):
        # "i'm doing fine | where you from" (it may end the turn), not "we
        # don't know | where you at"
        return k == 0 or norms[k - 1] not in onsets.no_auxiliary_not_after
    wh = norms[k] in onsets.wh
    listener_only = False
    if wh:
        # "how's your day", "what made you apply": only before the listener
        listener_only = norms[at] in onsets.contracted or norms[at] in onsets.wh_verbs
        if norms[at] not in cues.auxiliaries and not listener_only:
            # "how many people do you manage", "what lab do you monitor"
            gap = next(
                (
                    j
                    for j in range(at, min(at + onsets.wh_gap + 1, len(norms)))
                    if norms[j] in cues.auxiliaries or norms[j] in onsets.wh_gap_stops
                ),
                None,
            )
            if gap is None or gap == at or norms[gap] not in cues.auxiliaries:
                return False
            if norms[k] == "what" and norms[gap] in onsets.clefts:
                return False  # "what bothers them is that ..."
            at = gap
        gapped = at > k + 1
        do_support = norms[at] in onsets.do_support and "to" not in norms[k:at]
        at += 1
        subjects = onsets.contracted_subjects if listener_only else onsets.wh_subjects
        if gapped and not do_support:
            # "how much memory are we talking about", not "how much money do
            # we need" (a talker thinking aloud)
            subjects = subjects | onsets.gapped_subjects
        if do_support and at < len(norms) and norms[at] not in onsets.not_do_subjects:
            # "what does on-call look like", "how does redis cluster decide":
            # with "do" any subject asks ("how to do it" is an infinitive)
            subjects = subjects | {norms[at]}
    elif norms[k] in onsets.auxiliaries:
        subjects = onsets.subjects | also
    elif norms[k] in onsets.existentials:
        # "and | is there a time limit", not "what i like is there ..."
        there = at + 1 if at < len(norms) and norms[at] == "n't" else at  # "isn't there"
        return (
            there + 1 < len(norms)
            and norms[there] == "there"
            and norms[there + 1] in onsets.existential_objects
        )
    else:
        return False
    if at < len(norms) and norms[at] == "n't":
        at += 1
        if not wh and norms[k] in onsets.negated_auxiliaries:
            subjects = subjects | onsets.negated_subjects
    if (
        listener_only
        and at + 2 < len(norms)
        and norms[at - 1] in onsets.contracted
        and norms[at].endswith("ing")
        and norms[at + 1] in onsets.contracted_subjects
    ):
        # "what's drawing you to cardiac", "what's stopping you": "you" is
        # the object, whatever follows it
        return True
    if wh and at + 1 == len(norms) and norms[at] == "you":
        # "doing well | how are you", "so | where are you" ending the text:
        # asked of the listener with nothing after it, as a greeting is asked
        # back (a question to "you" needs no word after it to be one)
        return not listener_only or norms[at - 1] in onsets.contracted
    if at + 1 >= len(norms) or norms[at] not in subjects:
        return False
    following = norms[at + 1]
    if following in onsets.not_before:
        return False
    # "are you know", "what's you know": a filler; "how did you know": the verb
    filler = norms[at] == "you" and following in onsets.fillers_after_you
    return (wh and not listener_only) or not filler


def onset_heads(onsets: CaptionOnsets) -> frozenset[str] | None:
    """The words at which :func:`question_onset` or :func:`wh_phrase_onset`
    can find a question's start (a wh-word, an auxiliary, the first word of a
    request ...): a cheap first test for a scan over every word. None when a
    phrase list holds an empty phrase, which would start anywhere."""
    phrases = (*onsets.requests, *onsets.no_auxiliary, *onsets.wh_phrases)
    if not all(phrases):
        return None
    return frozenset(
        {phrase[0] for phrase in phrases}
        | onsets.wh_about
        | onsets.wh
        | onsets.auxiliaries
        | onsets.existentials
    )


def wh_phrase_onset(norms: Sequence[str], k: int, onsets: CaptionOnsets) -> bool:
    """Whether one of ``wh_phrases`` ("what happens", "what if") starts at
    ``norms[k]``, not before one of ``clefts`` or "'s" ("what happens is they
    retry"): a question with no auxiliary ("okay and | what happens when the
    consumer your java service crashes"). The segmenter's islands read it as
    an onset; the caption component does not split before it."""
    for phrase in onsets.wh_phrases:
        if tuple(norms[k : k + len(phrase)]) == phrase:
            after = k + len(phrase)
            return after < len(norms) and norms[after] not in onsets.clefts and norms[after] != "s"
    return False


def embedded_clauses(norms: Sequence[str]) -> list[int]:
    """Each k where a wh-clause (or an "if"/"whether" clause, ``complements``)
    begins right after one of questions.yaml's ``embedders`` (``norms[k -
    1]``): the clause is its complement ("you'd be surprised | how many people
    don't ask about on call" is one statement, one speaker's); and each k
    where a clause begins right after one of ``opinion_asks`` (:func:`_opinion_clauses`:
    "now why do you think | we should hire you" is one question). Read by
    the caption component (no sentence end there) and the segmenter (no
    change of speaker there)."""
    cues = load_cues()
    onsets = cues.caption_onsets
    if onsets is None:
        return []
    embedded = [
        k
        for k in range(1, len(norms))
        if norms[k - 1] in onsets.embedders
        and (norms[k] in cues.wh_words or norms[k] in onsets.complements)
    ]
    return sorted(embedded + _opinion_clauses(norms, onsets))


def _opinion_clauses(norms: Sequence[str], onsets: CaptionOnsets) -> list[int]:
    """Each k where one of ``opinion_subjects`` (alone, or before an
    apostrophe: "you're") opens a clause right after one of ``opinion_asks``
    ("do you think"), not after one of ``opinion_objects`` ("what do you think
    | we're definitely stronger": the answer) nor before one of
    ``answer_verbs`` ("do you think | i think so")."""
    found = []
    index = by_first_word(onsets.opinion_asks)
    for i, word in enumerate(norms):
        if (i and norms[i - 1] in onsets.opinion_objects) or word not in index:
            continue
        for phrase in index[word]:
            k = i + len(phrase)
            if (
                k < len(norms)
                and tuple(norms[i:k]) == phrase
                and norms[k].partition("'")[0] in onsets.opinion_subjects
                and (k + 1 == len(norms) or norms[k + 1] not in onsets.answer_verbs)
            ):
                found.append(k)
    return found


# questions.yaml phrases (check-ins, embedded questions, hedges) found on caption words
GAP = "..."  # in a caption check-in: up to CHECK_IN_GAP words
CHECK_IN_GAP = 4


Phrases = tuple[tuple[str, ...], ...]


@functools.cache
def by_first_word(phrases: Phrases) -> dict[str, Phrases]:
    """``phrases`` by their first word, so that each word tries only the
    phrases that can start at it (a phrase opening with "..." under "...")."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(found) for word, found in index.items()}


def phrases_from(index: dict[str, Phrases], word: str) -> Phrases:
    """The phrases of a :func:`by_first_word` index that may start at ``word``."""
    return index.get(word, ()) + index.get(GAP, ())


def phrase_at(norms: Sequence[str], k: int, phrase: tuple[str, ...]) -> bool:
    """``phrase`` starts at ``norms[k]``; a "..." in it stands for up to
    CHECK_IN_GAP words ("does that ... make sense": "does that high-level
    split make sense")."""
    if GAP not in phrase:
        return tuple(norms[k : k + len(phrase)]) == phrase
    cut = phrase.index(GAP)
    head, tail = phrase[:cut], phrase[cut + 1 :]
    if tuple(norms[k : k + len(head)]) != head:
        return False
    start = k + len(head)
    return any(
        tuple(norms[start + gap : start + gap + len(tail)]) == tail
        for gap in range(CHECK_IN_GAP + 1)
    )
