"""What analysis returns: words, sentences, questions, exchanges, markers,
concept mentions, and the analysis that holds them."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal, get_args

from .kinds import Answered, QuestionForm, QuestionIntent, Role
from .transcript import Transcript


@dataclass(frozen=True)
class Word:
    """A token of a turn: its text, lowercase lemma and character span in the turn.

    ``text`` is the token as analysis reads it (:func:`readable`: "don't"
    where the turn says "don’t"); ``turn.text[start:end]`` is the source's.

    ``starts_word`` marks the token that a reader would count as a word: the
    first token with a letter or digit in each whitespace-separated piece of
    the turn ("that's" is the tokens "that" and "'s", one word; "e-commerce"
    three tokens, one word; a lone "—" no word). Counts of words shown to the
    user are :func:`count_words` of tokens, or :func:`count_text_words` of text.
    """

    text: str
    lemma: str
    start: int
    end: int
    is_stop: bool = False
    is_punct: bool = False
    starts_word: bool = True

    @property
    def lower(self) -> str:
        return self.text.lower()


_STRAIGHT = str.maketrans({"\u2019": "'", "\u2018": "'"})


def straighten(text: str) -> str:
    """``text`` with its curly apostrophes and single quotes made straight
    ("Don’t" -> "Don't"): the text that analysis reads, so that a transcript
    typed with smart quotes is judged as the same one typed without. One
    character for one, so every offset into ``text`` holds."""
    return text.translate(_STRAIGHT)


def readable(text: str) -> str:
    """The text that analysis reads for a turn's ``text``: :func:`straighten`-ed,
    and lowercased when it has no lowercase letter at all (a caption in ALL
    CAPS: "I'M NOT SURE" is read as "i'm not sure", as spaCy's lemmas and the
    cue files' rules on capitals expect). One character for one, so every
    offset into ``text`` holds."""
    text = straighten(text)
    if any(c.islower() for c in text) or not any(c.isupper() for c in text):
        return text
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def plain(text: str) -> str:
    """``text`` lowercased and :func:`straighten`-ed: the form in which the word
    lists of the data files are matched ("Don’t" -> "don't")."""
    return straighten(text.lower())


def count_words(words: Iterable[Word]) -> int:
    """The words among ``words``, as a reader counts them (see :class:`Word`)."""
    return sum(1 for word in words if word.starts_word)


def count_text_words(text: str) -> int:
    """The whitespace-separated pieces of ``text`` with a letter or digit:
    what :func:`count_words` counts of the tokens of ``text``."""
    return sum(1 for piece in text.split() if any(c.isalnum() for c in piece))


@dataclass(frozen=True)
class Sentence:
    """A sentence of a turn; ``index`` counts sentences across the whole transcript."""

    index: int
    turn: int
    start: int
    end: int
    text: str
    words: tuple[Word, ...]


@dataclass(frozen=True)
class Question:
    """A sentence (or the asking part of one) that asks something.

    ``text`` is exactly ``turns[turn].text[start:end]``. ``form_cue`` and
    ``intent_cue`` quote the words that decided the form and the intent.
    ``parts`` holds the separately answerable parts of a compound question
    (one part for a simple question) and ``focus`` the content lemmas an
    answer is expected to address, per part.

    The answer fields are filled when questions are paired with answers:
    ``answer_turns`` are the other party's turns that answer it;
    ``coverage`` (0..1, None without an answer) is the share of focus terms
    the answer addressed, ``part_coverage`` the same per part; ``missing``
    names the parts (for a compound question) or focus terms that the answer
    left out; ``answered`` is "no" without an answer, "yes" when every part
    was addressed, else "partial". ``direct`` says whether the answer to an
    interviewer's yes/no question opens with a yes or no (None for other
    forms, for the candidate's questions and without an answer).
    """

    index: int
    turn: int
    sentence: int
    start: int
    end: int
    text: str
    role: Role
    form: QuestionForm
    intent: QuestionIntent
    form_cue: str
    intent_cue: str
    parts: tuple[str, ...]
    focus: tuple[tuple[str, ...], ...]
    answer_turns: tuple[int, ...] = ()
    answered: Answered = "no"
    coverage: float | None = None
    part_coverage: tuple[float, ...] = ()
    missing: tuple[str, ...] = ()
    direct: bool | None = None
    reask_of: int | None = None
    reask_cue: str | None = None


Section = Literal["interview", "clarification", "reverse", "small_talk"]
SECTIONS: tuple[Section, ...] = get_args(Section)

Phase = Literal["opening", "interview", "reverse", "closing", "debrief"]
PHASES: tuple[Phase, ...] = get_args(Phase)


@dataclass(frozen=True)
class Exchange:
    """The questions one turn asked together and the turns that answer them.

    ``questions`` are indices into :attr:`Analysis.questions`;
    ``answer_turns`` are the other party's turns up to the next exchange,
    in order (empty when nobody answered before the transcript ended), not
    counting ``clarifying_turns``: the candidate's turns inside the exchange
    that only ask a clarifying question. ``section`` sorts exchanges for
    reports: the interviewer's questions ("interview"), the candidate's
    clarifying questions, the candidate's own questions about the role
    ("reverse") and small talk. ``parent`` is the exchange a follow-up
    belongs to (the first exchange of its thread). ``phase`` places the
    exchange in the interview's course: the small talk before the first real
    question ("opening"), the interview proper, the candidate's questions
    about the role ("reverse"), the goodbyes ("closing") and, in a mock
    interview, the debrief after it ends ("that's the end of the mock. How
    do you feel?": :mod:`transcript_tool.annotate.debriefs`; not scored); a
    candidate's clarifying exchange takes the phase of the exchange it
    interrupts.
    """

    index: int
    question_turn: int
    questions: tuple[int, ...]
    asker_role: Role
    answer_turns: tuple[int, ...]
    section: Section = "interview"
    parent: int | None = None
    clarifying_turns: tuple[int, ...] = ()
    phase: Phase = "interview"


MarkerKind = Literal[
    "filler",
    "reasoning",
    "signpost",
    "enumeration",
    "assumption",
    "check",
    "example",
]


@dataclass(frozen=True)
class Marker:
    """A lexical marker found in a turn (a filler, a reasoning connective ...)."""

    kind: MarkerKind
    label: str
    turn: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Concept:
    """Something a rubric expects a good answer to mention ("class imbalance").

    ``synonyms`` are phrases matched on word stems, so "one hot encoded"
    matches "one-hot encoding"; ``patterns`` are spaCy Matcher token
    patterns; ``expected_when`` are words or phrases that, said in a
    question, make the concept expected in its answer (a question that names
    the concept itself expects it too); ``exclude`` are phrases in which the
    concept's words mean something else ("can't recall", "on a scale of"):
    neither a mention nor a trigger inside one counts.
    """

    id: str
    label: str
    synonyms: tuple[str, ...] = ()
    patterns: tuple[tuple[dict[str, Any], ...], ...] = ()
    expected_when: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A concept said in a turn: ``text`` is exactly ``turns[turn].text[start:end]``.

    ``exchange`` is the exchange whose question or answer holds the turn.
    """

    concept: str
    turn: int
    start: int
    end: int
    text: str
    exchange: int | None = None


@dataclass(frozen=True)
class ExchangeConcepts:
    """For one interviewer exchange: the concepts its questions made expected,
    and which of them the answer mentioned or left out (concept ids, in rubric
    order); ``asked_by`` gives, for each expected concept, the index of the
    question whose words made it expected (the first, when several did)."""

    exchange: int
    expected: tuple[str, ...]
    mentioned: tuple[str, ...]
    missing: tuple[str, ...]
    asked_by: tuple[int, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """Everything the metrics need, as plain data.

    ``check_ins`` are the "does that make sense?" sentences (intent
    ``check_in``), kept apart from the questions; ``long_setups`` are the
    interviewer's turns that talk at length before asking anything, or
    without asking (:func:`.annotate.exchanges.find_long_setups`);
    ``mentions`` are where the rubric's ``concepts`` were said, and
    ``exchange_concepts`` which expected concepts each answer mentioned;
    ``debrief_turn`` is the turn in which a mock interview ends and its
    debrief begins (None: no debrief), the turns after it the debrief's.
    """

    transcript: Transcript
    sentences: tuple[Sentence, ...]
    questions: tuple[Question, ...]
    exchanges: tuple[Exchange, ...]
    markers: tuple[Marker, ...]
    check_ins: tuple[Question, ...] = ()
    long_setups: tuple[int, ...] = ()
    concepts: tuple[Concept, ...] = ()
    mentions: tuple[Mention, ...] = ()
    exchange_concepts: tuple[ExchangeConcepts, ...] = ()
    debrief_turn: int | None = None

    @cached_property
    def turn_words(self) -> Mapping[int, tuple[Word, ...]]:
        """``words_by_turn(self.sentences)``, worked out once: every metric asks."""
        return {turn: tuple(words) for turn, words in words_by_turn(self.sentences).items()}

    @cached_property
    def turn_word_counts(self) -> Mapping[int, int]:
        """The words of each turn as a reader counts them (:func:`count_words`),
        turns without words left out; worked out once, as every metric asks."""
        counts = {turn: count_words(words) for turn, words in self.turn_words.items()}
        return {turn: count for turn, count in counts.items() if count}

    @cached_property
    def turn_sentences(self) -> Mapping[int, tuple[Sentence, ...]]:
        """Each turn's sentences in text order, keyed by turn index (worked out
        once: grouping them per answer or per cue made scoring quadratic)."""
        grouped: dict[int, list[Sentence]] = {}
        for sentence in self.sentences:
            grouped.setdefault(sentence.turn, []).append(sentence)
        return {turn: tuple(found) for turn, found in grouped.items()}

    @cached_property
    def _sentence_starts(self) -> Mapping[int, list[int]]:
        return {turn: [s.start for s in found] for turn, found in self.turn_sentences.items()}

    def sentence_at(self, turn: int, offset: int) -> Sentence | None:
        """The sentence of ``turn`` holding the character at ``offset``, or None
        (found by bisection: a turn's sentences are in order and disjoint)."""
        at = bisect_right(self._sentence_starts.get(turn, ()), offset) - 1
        if at < 0:
            return None
        sentence = self.turn_sentences[turn][at]
        return sentence if offset < sentence.end else None


def words_by_turn(sentences: Sequence[Sentence]) -> dict[int, list[Word]]:
    """Non-punctuation words of each turn, in order, keyed by turn index."""
    words: dict[int, list[Word]] = {}
    for sentence in sentences:
        words.setdefault(sentence.turn, []).extend(w for w in sentence.words if not w.is_punct)
    return words
