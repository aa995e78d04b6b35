"""The cues the relevance metric reads in an answer, from
``data/relevance.yaml``: evasions near its start ("I'm not going to get into
that", "I don't know"), phrases that open a side topic ("by the way", "that
reminds me"), words that answer in the kind a "when" or "why" asks for
("only when ...", "because ...", "it depends ..."), and an opening that
echoes the question's "would you want" ("I'd want ...") or tells the practice
a "how do you" asks for ("I do a readout ..."); and which questions word
overlap is no test of (:func:`relaxed`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from ..annotate.answered import PART_COVERED, relaxed_intents
from ..annotate.intents import NO_INTENT_CUE
from ..annotate.question_cues import load_cues
from ..model import Analysis, Question, Sentence, Word, plain
from ..yamlnodes import load_data

ANSWER_KIND_WINDOW = 10  # an answer of the question's kind counts within these words
PRACTICE_WINDOW = 12  # the practice or deed a "how do you" asks for, within these spoken words

EVASION_NOTES = {
    "declining": "declined to answer",
    "ignorance": "said they did not know instead of reasoning toward an answer",
    "deflection": "steered away from the question",
}


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = resources.files("transcript_tool.data").joinpath("relevance.yaml").read_text("utf-8")
    return dict(load_data(text))


def _tokens(phrase: str) -> tuple[str, ...]:
    """``phrase`` as lowercased tokens, contractions split as the tokenizer
    does, without punctuation (the answer's words have none)."""
    from ..nlp import get_nlp

    return tuple(plain(t.text) for t in get_nlp().tokenizer(phrase) if not t.is_punct)


def _lowered(words: Sequence[Word]) -> list[str]:
    return [w.lower for w in words]


@lru_cache(maxsize=1)
def evasion_cues() -> dict[tuple[str, ...], str]:
    """Lowercased token sequences of the evasions -> kind."""
    return {
        _tokens(phrase): kind for kind, phrases in _data()["evasions"].items() for phrase in phrases
    }


@lru_cache(maxsize=1)
def tangent_cues() -> dict[tuple[str, ...], str]:
    """Lowercased token sequences of the phrases that open a side topic -> the
    phrase as written."""
    return {_tokens(phrase): phrase for phrase in _data()["tangents"]}


@lru_cache(maxsize=1)
def _evasion_context() -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, ...], ...]]:
    """relevance.yaml's evasion_leads, hedged_after and not_evasions (as tokens)."""
    data = _data()
    return (
        frozenset(data["evasion_leads"]),
        frozenset(data["hedged_after"]),
        tuple(_tokens(phrase) for phrase in data["not_evasions"]),
    )


def find_evasion(
    analysis: Analysis, words: Sequence[tuple[int, Word]], window: int
) -> tuple[str, int, int] | None:
    """(kind, first word, end word) of the first evasion among the first
    ``window`` of an answer's ``words`` ((turn, word) pairs) that lies within
    one turn and stands where an evasion counts (relevance.yaml: in the
    answer's first sentence that says more than ``evasion_leads``, after
    nothing but those and capitalised words; not a claim not to know
    followed by one of ``hedged_after``, nor one of ``not_evasions``)."""
    leads, hedged, idioms = _evasion_context()
    # the window, and past it as far as a word after a cue or an idiom reaches
    reach = window + max((len(idiom) for idiom in idioms), default=1)
    lowered = [word.lower for _, word in words[:reach]]
    sentence: Sentence | None = None
    for kind, start, end in find_cues(lowered[:window], evasion_cues()):
        sentence = sentence or _first_said(analysis, words, leads)
        if sentence is None:
            return None
        turn, first = words[start]
        if words[end - 1][0] != turn or any(
            tuple(lowered[start : start + len(idiom)]) == idiom for idiom in idioms
        ):
            continue
        if kind == "ignorance" and end < len(lowered) and lowered[end] in hedged:
            continue
        if sentence.turn != turn or not sentence.start <= first.start < sentence.end:
            continue
        before = [w for w in sentence.words if w.start < first.start and not w.is_punct]
        if all(w.lower in leads or _capitalised(w) for w in before):
            return kind, start, end
    return None


def _first_said(
    analysis: Analysis, words: Sequence[tuple[int, Word]], leads: frozenset[str]
) -> Sentence | None:
    """The first sentence of the answer's turns that says more than ``leads``
    ("Um." and "Oh, wow. Okay." say nothing yet)."""
    for turn in dict.fromkeys(turn for turn, _ in words):
        for sentence in analysis.turn_sentences.get(turn, ()):
            if any(w.lower not in leads for w in sentence.words if not w.is_punct):
                return sentence
    return None


def _capitalised(word: Word) -> bool:
    """A name or a title said to the listener ("Congressman, ..."), not "I"."""
    return word.text[:1].isupper() and word.text != "I"


def find_tangents(words: Sequence[Word]) -> Iterator[tuple[str, int, int]]:
    """(phrase, first word, end word) of each side-topic phrase among ``words``,
    in order ("by the way", "that reminds me": relevance.yaml ``tangents``)."""
    return find_cues(_lowered(words), tangent_cues())


def find_cues(
    lowered: Sequence[str], cues: dict[tuple[str, ...], str]
) -> Iterator[tuple[str, int, int]]:
    """(value, first word, end word) of each of ``cues`` (token sequences ->
    value) in the ``lowered`` words, longest first where several start at one
    word, none overlapping the one before."""
    longest = max((len(c) for c in cues), default=0)
    start = 0
    while start < len(lowered):
        for size in range(min(longest, len(lowered) - start), 0, -1):
            value = cues.get(tuple(lowered[start : start + size]))
            if value is not None:
                yield value, start, start + size
                start += size
                break
        else:
            start += 1


@lru_cache(maxsize=1)
def answer_kinds() -> dict[str, frozenset[str]]:
    """The answer_kinds: wh-word -> words answering in its kind."""
    return {wh: frozenset(words) for wh, words in _data().get("answer_kinds", {}).items()}


def answers_in_kind(question: Question, words: Sequence[Word]) -> bool:
    """Whether the answer's first ANSWER_KIND_WINDOW ``words`` answer the
    kind a wh-question asks for: a "when" with "only when" or "if", a "why"
    with "because"."""
    if question.form != "wh":
        return False
    wanted = answer_kinds().get(plain(question.form_cue), frozenset())
    return any(w.lower in wanted for w in words[:ANSWER_KIND_WINDOW])


@lru_cache(maxsize=1)
def echoed_modals() -> dict[str, frozenset[str]]:
    """Each form of a modal ("'d") -> the forms that echo it (would, 'd, d)."""
    forms: dict[str, frozenset[str]] = {}
    for written in _data().get("echoed_modals", {}).values():
        for form in written:
            forms[form] = frozenset(written)
    return forms


ANY_VERB = "*"
ANY_VERBS = frozenset({ANY_VERB, "do"})
"""A frame whose verb any verb echoes: "What would you do ...?", "How would you
write that?" ("I'd start from customers ...")."""


def echoes_the_frame(question_words: Sequence[Word], head: Sequence[Word]) -> bool:
    """Whether the answer's opening ``head`` says "i" or "we", the modal the
    question puts with "you" (before or after it; or its contraction) and the
    same verb after them: "What would you want to learn ...?" "I'd want to
    sit in on ...". The question's "do" stands for any verb, and so does a
    verb after "how" (it asks for a way of doing): "What would you do in your
    first month?" "I'd work each area with the associates ..."; "How would
    you write that?" "I'd start from customers ..."."""
    modals = echoed_modals()
    asked = [w.lower for w in question_words]
    frames = {
        # after "how", as after "do", the verb is any method of doing it
        (modals[modal], ANY_VERB if k and asked[k - 1] == "how" else question_words[k + 2].lemma)
        for k in range(len(asked) - 2)
        for modal in (asked[k], asked[k + 1])  # "would you want", "what you'd want"
        if modal in modals and "you" in (asked[k], asked[k + 1])
    }
    said = [w.lower for w in head]
    return any(
        said[k] in ("i", "we")
        and said[k + 1] in forms
        and (head[k + 2].lemma == verb or (verb in ANY_VERBS and not head[k + 2].is_punct))
        for k in range(len(said) - 2)
        for forms, verb in frames
    )


@lru_cache(maxsize=1)
def _practice() -> dict[str, frozenset[str]]:
    """relevance.yaml ``practice_echo``: its lists by name."""
    return {name: frozenset(words) for name, words in _data()["practice_echo"].items()}


def _asked_how(question_words: Sequence[Word]) -> str | None:
    """The "do" or "did" of a question that asks "how do you ...?" or "how
    did you ...?", or "do" of one that asks it embedded, "Tell me how you
    handle documentation." (not "how you'd ...": a modal, see
    :func:`echoes_the_frame`), else None."""
    asked = _lowered(question_words)
    for k in range(len(asked) - 2):
        if asked[k] != "how":
            continue
        if asked[k + 1] in ("do", "did") and asked[k + 2] == "you":
            return asked[k + 1]
        if asked[k + 1] == "you" and asked[k + 2] not in _practice()["not_practice"]:
            return "do"
    return None


def answers_the_how(question_words: Sequence[Word], head: Sequence[Word]) -> bool:
    """Whether the opening ``head`` answers "how do you ...?" or "how did you
    ...?" in kind, within its first PRACTICE_WINDOW spoken words: "i" or
    "we" and a verb of the question's tense (a practice: "I do a
    thirty-minute readout ..."; a deed: "I showed them the cost ..."), or a
    means named first ("Mostly through our customer success managers"). Not
    a stance or an auxiliary after the subject ("I think", "I've", "I
    don't": relevance.yaml ``practice_echo``)."""
    tense = _asked_how(question_words)
    if tense is None:
        return False
    lists = _practice()
    window = [w for w in head if not w.is_punct][:PRACTICE_WINDOW]
    said = _lowered(window)
    lead = 0
    while lead < len(said) and said[lead] in lists["leading"]:
        lead += 1
    if lead < len(said) and said[lead] in lists["means"]:
        return True
    for k, subject in enumerate(said):
        if subject not in ("i", "we"):
            continue
        verb = k + 1
        while verb < len(said) and said[verb] in lists["skipped"]:
            verb += 1
        if verb >= len(said) or said[verb] in lists["not_practice"] or window[verb].is_punct:
            continue
        if verb + 1 < len(said) and said[verb + 1] == "n't":
            continue
        is_base = window[verb].lemma.lower() == said[verb]
        if is_base == (tense == "do"):
            return True
    return False


def about_the_third_party(question_words: Sequence[Word], head: Sequence[Word]) -> bool:
    """Whether a question about someone or something else (no "you" in it:
    "How did the finance team react ...?") is answered by an opening whose
    first subject, after the leading words, is a pronoun standing for them
    ("They were a little disappointed ..."): relevance.yaml ``third_party``."""
    lists = _third_party()
    if lists["listener"].intersection(_lowered(question_words)):
        return False
    said = _lowered([w for w in head if not w.is_punct][:PRACTICE_WINDOW])
    lead = 0
    while lead < len(said) and said[lead] in _practice()["leading"]:
        lead += 1
    return lead < len(said) and said[lead] in lists["subjects"]


@lru_cache(maxsize=1)
def _third_party() -> dict[str, frozenset[str]]:
    """relevance.yaml ``third_party``: its lists by name."""
    return {name: frozenset(words) for name, words in _data()["third_party"].items()}


def taken_up_by_form(question: Question, sentence: Sequence[Word], head: Sequence[Word]) -> float:
    """How much of the question the answer's opening ``head`` takes up by how
    it answers, whatever words it shares with it: all of it in the kind a
    "when", "why" or "how" asks for (:func:`answers_in_kind`), or, of a
    one-part question (an echo takes up the part it echoes, not the others),
    echoing its "would you want" (:func:`echoes_the_frame`); PART_COVERED
    when it tells the practice or the deed a "how do you ...?" asks for
    (:func:`answers_the_how`: the kind of answer asked for, though nothing in
    it says it is about what was asked) or speaks of the third party a
    question without "you" asks about (:func:`about_the_third_party`); else
    0. ``sentence``: the words of the question's sentence."""
    if answers_in_kind(question, head):
        return 1.0
    if len(question.parts) > 1:
        return 0.0
    asked = [w for w in sentence if question.start <= w.start < question.end]
    if echoes_the_frame(asked, head):
        return 1.0
    if answers_the_how(asked, head) or about_the_third_party(asked, head):
        return PART_COVERED
    return 0.0


def asked_for(question_words: Sequence[Word]) -> frozenset[str]:
    """Lemmas of the words naming what a "what" or "which" asks for: the word
    after it (or after its "kind of", "sort of", "type of") when an auxiliary
    follows that word ("What numbers | do you watch?", "Which database |
    would you pick?"). The answer names instances of it ("units per hour",
    "Postgres") rather than repeating it; not "What changed?", "What drove
    that decision?"."""
    auxiliaries = load_cues().auxiliaries
    lowered = [w.lower for w in question_words]
    found = set()
    for i, word in enumerate(lowered):
        if word not in ("what", "which"):
            continue
        k = i + 1
        if lowered[k : k + 2] in (["kind", "of"], ["sort", "of"], ["type", "of"]):
            k += 2
        if k + 1 < len(lowered) and lowered[k + 1] in auxiliaries:
            found.add(question_words[k].lemma.lower())
    return frozenset(found)


def relaxed(question: Question) -> bool:
    """A single-part question of a relaxed intent that a cue decided: word
    overlap is no test of its answer (questions.yaml ``relaxed_intents``)."""
    return (
        len(question.parts) == 1
        and question.intent in relaxed_intents()
        and question.intent_cue != NO_INTENT_CUE
    )
