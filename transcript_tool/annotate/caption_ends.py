"""The questions.yaml rules (``caption_onsets``, ``part_conjunctions``) that
keep a caption sentence whole where the gap model heard it end: none ends
inside a compound question, after a lone auxiliary or wh-phrase, before a
tag, an embedded clause, a wh-clause that is an object or a copula after a
shell noun, nor between a fronted clause and the question it opens. The
rules that start a sentence are :mod:`.caption_starts`. The caption sentence
component in :mod:`transcript_tool.nlp` applies both in turn. Each rule
changes a numpy array of sentence ends (one per word, True where a sentence
ends after it) in place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .heads import head_of
from .onsets import embedded_clauses, question_onset
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


MODALS = frozenset({"would", "will", "could", "should", "can", "might", "'d", "wo", "ca"})


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
            and not MODALS.isdisjoint(norms[k + 1 : k + 4])
            and question_onset(norms, k + 1, onsets, cues, also=onsets.fronted_subjects)
        ):
            ends[k] = False
            continue  # the question goes on in the same sentence
        start = k + 1
