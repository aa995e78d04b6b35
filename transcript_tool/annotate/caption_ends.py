"""The questions.yaml rules (``caption_onsets``, ``part_conjunctions``) that
adjust the sentence ends the gap model gives an unpunctuated doc: a sentence
starts where a question does (:func:`split_before_questions`, reading
:func:`.onsets.question_onset`), and none ends inside a compound question, a
lone auxiliary, a tag or an embedded clause. The caption sentence component
in :mod:`transcript_tool.nlp` applies them in turn. Each rule changes a
numpy array of sentence ends (one per word, True where a sentence ends
after it) in place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .caption_cues import CaptionOnsets
from .heads import head_of
from .onsets import (
    by_first_word,
    embedded_clauses,
    inside_wh_question,
    leads_in,
    no_question_after,
    phrase_at,
    phrases_from,
    question_onset,
)
from .question_cues import QuestionCues, load_cues


def keep_compound_questions(norms: list[str], after: Any, ends: Any) -> None:
    """No sentence end inside a compound question ("what are your salary
    expectations and when could you start"): after a sentence that asks (the
    model says a question ends there, or a wh-word is among its first three
    words: "so what are ...") when "and"/"or" and a word that starts a new
    ask follow. The question stage splits such a sentence into parts, and the
    answer check says which part went unanswered; cut in two, each half would
    be judged alone. The words are questions.yaml's (``wh``,
    ``part_conjunctions``, ``part_starters``). Changes ``ends`` in place."""
    cues = load_cues()
    start = 0
    for k in range(len(norms) - 2):
        if (
            ends[k]
            and (
                after[k, 2] > after[k, 1]
                or not cues.wh_words.isdisjoint(norms[start : min(start + 3, k + 1)])
            )
            and norms[k + 1] in cues.part_conjunctions
            and norms[k + 2] in cues.part_starters
        ):
            ends[k] = False
        if ends[k]:
            start = k + 1


def split_before_questions(norms: list[str], ends: Any) -> None:
    """A sentence starts where a question does inside a heard sentence ("we've
    been doing this ten minutes | uh do you have any other comments";
    questions.yaml ``caption_onsets`` says where), before the lead-ins that go
    with it ("uh"). Not when only openers come before the question ("so to
    start could you ...": the question stage skips them). Changes ``ends`` in
    place."""
    cues = load_cues()
    onsets = cues.caption_onsets
    if onsets is None:
        return
    check_ins, embedded_questions = (
        by_first_word(onsets.check_ins),
        by_first_word(onsets.embedded_questions),
    )
    start = head = 0  # the current sentence's first word, its first after openers
    fronted = False  # the current sentence opens with a subordinate clause
    for k in range(len(norms) - 2):
        if k == start:
            head = start + head_of(norms[start : start + 12], cues)
            fronted = head < len(norms) and norms[head] in onsets.subordinators
        # a check-in ends a sentence of its own ("... gets maybe ten of that |
        # does that make sense"), whatever comes before it
        check_in = any(phrase_at(norms, k, p) for p in phrases_from(check_ins, norms[k])) and not (
            k > 0 and norms[k - 1] in cues.wh_words  # "how | does that work" is one question
        )
        # "... | i don't know if you ...": asks the listener, as questions.yaml's
        # form rules read it at a sentence's head
        embedded = any(phrase_at(norms, k, p) for p in phrases_from(embedded_questions, norms[k]))
        # a check-in, or a question after "i don't know", starts here whatever
        # word comes before it
        sure = check_in or _after_hedge(norms, k, onsets)
        if (
            k > head
            and not fronted
            and (sure or embedded or question_onset(norms, k, onsets, cues))
        ):
            first = k
            while first - 1 >= head and (
                leads_in(norms, first - 1, onsets)
                or (norms[first - 1] == norms[k] and not _ends_clause(norms, first - 1, onsets))
            ):
                first -= 1
            before = norms[first - 1]
            before_that = norms[first - 2] if first >= 2 else ""
            # a lead-in that starts a clause ends the one before it: "i like
            # that | and was there any friction" ("that" goes on no clause)
            new_clause = not onsets.clause_starters.isdisjoint(norms[first:k])
            # "so i | how do you feel", "uh i | are you old enough": neither a
            # wh-word nor "are" goes on "i", the talker started over
            restart = before in onsets.restart_subjects and (
                norms[k] in onsets.wh or norms[k] in onsets.restart_auxiliaries
            )
            starts_here = sure or (
                (new_clause or restart or not no_question_after(before, before_that, onsets))
                and (
                    norms[k] in onsets.wh
                    or embedded
                    or (
                        not inside_wh_question(norms, k, ends, onsets, cues.wh_words)
                        and (
                            before not in cues.auxiliaries or _ends_clause(norms, first - 1, onsets)
                        )
                        and before not in onsets.verb_chain
                    )
                )
            )
            if first > head and not ends[first - 1] and starts_here:
                ends[first - 1] = True
        if ends[k]:
            start = k + 1


def _after_hedge(norms: Sequence[str], k: int, onsets: CaptionOnsets) -> bool:
    """An auxiliary and a subject at ``norms[k]`` right after one of
    ``hedges`` ("i don't know | is it five or three"): the talker's "i don't
    know" ends its own clause, and what follows asks of any subject
    (``hedge_auxiliaries``, ``hedge_subjects``), not only of the listener."""
    if k + 1 >= len(norms) or norms[k] not in onsets.hedge_auxiliaries:
        return False
    if norms[k + 1] not in onsets.hedge_subjects:
        return False
    return any(k >= len(h) and phrase_at(norms, k - len(h), h) for h in onsets.hedges)


def split_before_alternatives(norms: list[str], ends: Any) -> None:
    """A sentence starts at an auxiliary that opens an alternative question,
    one whose "or" asks again with an auxiliary and a subject ("the right
    time | is the position mostly nights or is it split"): questions.yaml
    ``caption_onsets`` (``alternative_auxiliaries``, ``alternative_subjects``,
    ``alternative_window``). Not after one of ``not_after`` ("that | is"),
    nor inside a wh-question. Changes ``ends`` in place."""
    cues = load_cues()
    onsets = cues.caption_onsets
    if onsets is None or not onsets.alternative_window:
        return
    asks_again = onsets.alternative_auxiliaries
    for k in range(1, len(norms) - 3):
        if (
            norms[k] not in asks_again
            or ends[k - 1]
            or norms[k - 1] in onsets.not_after
            or norms[k - 1] in cues.auxiliaries
            or inside_wh_question(norms, k, ends, onsets, cues.wh_words)
        ):
            continue
        window = range(k + 2, min(k + onsets.alternative_window, len(norms) - 2))
        if any(
            norms[j] == "or"
            and norms[j + 1] in asks_again
            and norms[j + 2] in onsets.alternative_subjects
            and not any(ends[k:j])
            for j in window
        ):
            ends[k - 1] = True


def _ends_clause(norms: Sequence[str], i: int, onsets: CaptionOnsets) -> bool:
    """The auxiliary ``norms[i]`` ends its clause right after its subject ("we
    do | do you go camping", "i did | did you"): it is no stutter of the
    question's auxiliary, nor the start of a verb chain."""
    return i >= 1 and norms[i - 1] in onsets.adverb_subjects


_SHORTEST_PART = 7  # tokens a question keeps when a long one is cut


def split_long_questions(norms: list[str], after: Any, ends: Any, closes: Any) -> None:
    """A question sentence longer than ``longest_question`` tokens ends where
    the gap model thinks likeliest, seven tokens in or more: where the model
    heard no end, the answer runs on in the question ("what would you use to
    track the rate per device | if the brokers are sticky per device ...",
    108 words as one question on the bundled raw caption), and the answer
    check then reads the answer's words as the question's. Only sentences
    that open with a question onset (questions.yaml ``caption_onsets``), so
    no statement is cut into pieces the model may hear as asking. ``after``
    holds each word's sentence-class probabilities after it, ``closes``
    whether whitespace follows it. Changes ``ends`` in place."""
    cues = load_cues()
    onsets = cues.caption_onsets
    if onsets is None or not onsets.longest_question:
        return
    longest = onsets.longest_question
    start = k = 0
    n = len(norms)
    while k < n:
        if ends[k] or k == n - 1:
            head = start + head_of(norms[start : start + 12], cues)
            if k + 1 - start > longest and head < k and question_onset(norms, head, onsets, cues):
                window = [
                    j for j in range(head + _SHORTEST_PART - 1, min(k, head + longest)) if closes[j]
                ]
                if window:
                    cut = max(window, key=lambda j: 1.0 - float(after[j, 0]))
                    ends[cut] = True
                    start = k = cut + 1
                    continue
            start = k + 1
        k += 1


_NEGATION = frozenset({"n't", "not", "nt"})


def no_lone_auxiliary(norms: list[str], ends: Any) -> None:
    """No sentence that is a lone auxiliary after its openers ("do | you work
    half days", "well have | we come up with a solution yet", "yeah no |
    didn't | they just have an article"): such a sentence goes on at least to
    the word after it. The auxiliaries and openers are questions.yaml's.
    Changes ``ends`` in place."""
    cues = load_cues()
    start = 0
    for k in range(len(norms) - 1):
        if ends[k]:
            aux = k - 1 if norms[k] in _NEGATION and k > start else k
            if norms[aux] in cues.auxiliaries and head_of(norms[start:aux], cues) == aux - start:
                ends[k] = False
        if ends[k]:
            start = k + 1


def no_lone_tag(norms: list[str], ends: Any) -> None:
    """No sentence end before a sentence that is only an auxiliary and a
    subject ("do you", "didn't they") when the sentence before it is negated:
    it is that sentence's tag ("you don't think about that | do you"); not
    after a word the auxiliary goes on ("they couldn't | do it").
    questions.yaml ``caption_onsets`` (``tag_negations``, ``tag_auxiliaries``,
    ``tag_subjects``, ``not_before_tag``). Changes ``ends`` in place."""
    cues = load_cues()
    onsets = cues.caption_onsets
    if onsets is None:
        return
    begin = 0  # the first word of the sentence that ends at k
    previous: tuple[int, int] | None = None  # the sentence before it
    for k in range(len(norms)):
        if not (ends[k] or k == len(norms) - 1):
            continue
        words = norms[begin : k + 1]
        if (
            previous is not None
            and len(words) in (2, 3)
            and words[0] in onsets.tag_auxiliaries
            and words[1:-1] in ([], ["n't"])
            and words[-1] in onsets.tag_subjects
            and norms[begin - 1] not in onsets.not_before_tag
            and not onsets.tag_negations.isdisjoint(norms[previous[0] : previous[1]])
        ):
            ends[begin - 1] = False
            begin = previous[0]
        previous = (begin, k + 1)
        begin = k + 1


def no_end_before_embedded(norms: list[str], ends: Any) -> None:
    """No sentence end before a wh-clause an embedder takes
    (:func:`embedded_clauses`). Changes ``ends`` in place."""
    for k in embedded_clauses(norms):
        ends[k - 1] = False


def no_end_before_wh_object(norms: list[str], ends: Any) -> None:
    """No sentence end between a preposition and the wh-clause that is its
    object (questions.yaml ``wh_object_of``), when the clause has a
    statement's word order: a subject right after the wh-word ("talk about |
    what they do"), or a copula and an -ing form ("just keep an eye on |
    what's going on"); not "pointed at | what's that variable", nor where a
    question's words start ("... from | how far is it across the lake").
    Nor inside that clause, after its wh-word (and a noun), before a subject
    ("from what | i've heard"). Changes ``ends`` in place."""
    cues = load_cues()
    onsets = cues.caption_onsets
    if onsets is None:
        return
    for k in range(1, len(norms) - 2):
        if not (norms[k] in cues.wh_words and norms[k - 1] in onsets.wh_object_of):
            continue
        # "... from what | i've heard": nor after the wh-word (and a noun)
        # when a subject follows
        for after in (k, k + 1):
            if after + 1 < len(norms) and ends[after]:
                if norms[after + 1] in onsets.wh_object_subjects:
                    ends[after] = False
                break
        if not ends[k - 1]:
            continue
        statement_order = norms[k + 1] in onsets.wh_object_subjects or (
            norms[k + 1] in onsets.wh_object_copulas and norms[k + 2].endswith("ing")
        )
        if statement_order and not question_onset(norms, k, onsets, cues):
            ends[k - 1] = False


def no_lone_wh_phrase(norms: list[str], ends: Any) -> None:
    """No sentence end between a wh-phrase and the inverted auxiliary it asks
    with ("one i ask everybody what kind of team | do you do your best work
    in"): when the words after an end open a question ("do you ...") and a
    wh-word came at most ``wh_gap`` words before it, with no auxiliary,
    subject or clitic between (``wh_gap_stops``), the end goes; so does the
    end after a sentence that is only a wh-word after its openers ("ten |
    how | does that sound": the model hears "how" alone as a question).
    Changes ``ends`` in place."""
    cues = load_cues()
    onsets = cues.caption_onsets
    if onsets is None:
        return
    for k in range(1, len(norms) - 2):
        if not ends[k - 1] or norms[k] not in onsets.auxiliaries:
            continue
        if norms[k - 1] in onsets.wh and _lone(norms, k - 1, ends, cues):
            ends[k - 1] = False  # "how | does that sound": any subject
            continue
        if not question_onset(norms, k, onsets, cues):
            continue
        phrase = norms[max(0, k - 1 - onsets.wh_gap) : k]
        if any(w in cues.wh_words for w in phrase):
            last_wh = max(i for i, w in enumerate(phrase) if w in cues.wh_words)
            between = phrase[last_wh + 1 :]
            if between and not any(
                w in cues.auxiliaries or w in onsets.wh_gap_stops for w in between
            ):
                ends[k - 1] = False


def _lone(norms: Sequence[str], at: int, ends: Any, cues: QuestionCues) -> bool:
    """The sentence that ends at ``norms[at]`` is that word after its openers."""
    start = at
    while start > 0 and not ends[start - 1]:
        start -= 1
    return head_of(norms[start:at], cues) == at - start


def end_after_lone_reaction(norms: list[str], ends: Any) -> None:
    """A sentence that opens with an inverted auxiliary and one of
    ``reaction_subjects`` followed by one of ``reaction_followers`` ends
    after them: "do you | yeah", "did you | that would have been something"
    are a reaction to the other speaker's news, which the question stage's
    backchannel veto reads as one, and the words after them go on. Changes
    ``ends`` in place."""
    cues = load_cues()
    onsets = cues.caption_onsets
    if onsets is None:
        return
    start = 0
    for k in range(len(norms)):
        if k == start:
            head = start + head_of(norms[start : start + 12], cues)
            if (
                head + 2 < len(norms)
                and norms[head] in cues.auxiliaries
                and norms[head + 1] in onsets.reaction_subjects
                and norms[head + 2] in onsets.reaction_followers
                and not any(ends[head : head + 2])
            ):
                ends[head + 1] = True
        if ends[k]:
            start = k + 1


def no_end_before_copula(norms: list[str], ends: Any) -> None:
    """No sentence end between one of ``shell_nouns`` and "is" or "was"
    (``clefts``): the noun is the copula's subject ("the argument | is that
    ...", "the thing | is there some advantages"), not the end of a sentence
    before a yes/no question. Changes ``ends`` in place."""
    cues = load_cues()
    onsets = cues.caption_onsets
    if onsets is None:
        return
    for k in range(len(norms) - 1):
        if ends[k] and norms[k] in onsets.shell_nouns and norms[k + 1] in onsets.clefts:
            ends[k] = False


_FRONTED_LONGEST = 25  # words of a fronted clause kept with the question after it
# the question a fronted clause opens asks what would be ("what would you
# do", "how would you handle it"); one without a modal is a question of its
# own after a clause that has its main clause ("if it breaks we roll back |
# do you want me to go on")
_MODALS = frozenset({"would", "will", "could", "should", "can", "might", "'d", "wo", "ca"})


def no_end_after_fronted_clause(norms: list[str], ends: Any) -> None:
    """No sentence end between a fronted clause and the question it opens
    ("if you could change one thing about your last job | what would it be",
    "so if your manager asked you to cut corners | what would you do"): where
    a heard sentence of at most ``_FRONTED_LONGEST`` words opens, after its
    openers, with one of ``caption_onsets.subordinators``, and a question
    with a modal in its first three words starts right after it
    (:func:`.onsets.question_onset`, with the subjects a question after a
    fronted clause may ask about, as the question stage reads its main
    clause). Written out, the comma joins the two ("If you could change one
    thing, what would it be?"); cut in two, the question stage read "what
    would it be" alone, and the clause as a statement put to the listener to
    confirm. Changes ``ends`` in place."""
    cues = load_cues()
    onsets = cues.caption_onsets
    if onsets is None:
        return
    start = 0
    for k in range(len(norms) - 1):
        if not ends[k]:
            continue
        head = start + head_of(norms[start : k + 1], cues)
        if (
            head <= k
            and norms[head] in onsets.subordinators
            and k + 1 - start <= _FRONTED_LONGEST
            and not _MODALS.isdisjoint(norms[k + 1 : k + 4])
            and question_onset(norms, k + 1, onsets, cues, also=onsets.fronted_subjects)
        ):
            ends[k] = False
            continue  # the question goes on in the same sentence
        start = k + 1
