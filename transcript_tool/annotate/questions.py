"""Question detection: which sentences ask something, in what form, with what
intent, in how many parts, about which content words.

Cues live in ``data/questions.yaml``. A sentence is a question when it ends
in "?", or opens (after discourse openers such as "so", "okay") with an
inverted auxiliary ("do you", "have you"), a wh-word followed by an auxiliary
or "you", or a request ("tell me about", "walk me through"). Check-ins ("does
that make sense?") and a candidate's rhetorical questions ("so what did I
do? I ...") are not questions.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..model import Question, QuestionForm, QuestionIntent, Role, Sentence, Transcript, Word

_SPLITTERS = frozenset(
    "what why how when where which who with about on in for at to your also whether".split()
)
_CONJUNCTIONS = frozenset({"and", "or"})
_SELF_CLARIFYING = frozenset({"can", "could", "should", "may"})
_SECOND_PERSON = frozenset({"you", "your"})
# Words by which a short question points back at the answer it follows.
_REFERS_BACK = frozenset({"that", "it", "this", "them", "those", "there", "then", "why", "else"})
_REQUEST_VERBS = frozenset({"tell", "walk", "talk", "describe", "explain", "give", "share"})


def _phrase(text: str) -> re.Pattern[str]:
    words = text.lower().split()
    return re.compile(r"(?<![\w'])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w'])")


@dataclass(frozen=True)
class QuestionCues:
    """The contents of ``data/questions.yaml``, compiled."""

    openers: frozenset[str]
    opener_phrases: tuple[tuple[str, ...], ...]
    auxiliaries: frozenset[str]
    wh_words: frozenset[str]
    subjects: frozenset[str]
    imperatives: tuple[tuple[str, ...], ...]
    tags: frozenset[str]
    check_ins: tuple[re.Pattern[str], ...]
    intents: tuple[tuple[QuestionIntent, tuple[re.Pattern[str], ...]], ...]
    frame_words: frozenset[str]


@lru_cache(maxsize=1)
def load_cues() -> QuestionCues:
    raw = yaml.safe_load(
        resources.files("transcript_tool.data").joinpath("questions.yaml").read_text("utf-8")
    )
    return QuestionCues(
        openers=frozenset(raw["openers"]),
        opener_phrases=tuple(tuple(words) for words in raw["opener_phrases"]),
        auxiliaries=frozenset(raw["auxiliaries"]),
        wh_words=frozenset(raw["wh_words"]),
        subjects=frozenset(raw["subjects"]),
        imperatives=tuple(tuple(words) for words in raw["imperatives"]),
        tags=frozenset(raw["tags"]),
        check_ins=tuple(_phrase(p) for p in raw["check_ins"]),
        intents=tuple(
            (intent, tuple(_phrase(p) for p in phrases))
            for intent, phrases in raw["intents"].items()
        ),
        frame_words=frozenset(raw["frame_words"]),
    )


def find_questions(transcript: Transcript, sentences: Sequence[Sentence]) -> tuple[Question, ...]:
    """The questions of every turn, in order (answer fields not yet filled)."""
    cues = load_cues()
    questions: list[Question] = []
    asked_last: QuestionIntent | None = None
    last_in_turn = {s.turn: s.index for s in sentences}
    first_in_turn: dict[int, int] = {}
    for s in sentences:
        first_in_turn.setdefault(s.turn, s.index)
    for sentence in sentences:
        turn = transcript.turns[sentence.turn]
        found = classify_form(sentence.words, cues)
        if found is None or is_check_in(sentence.text, cues):
            continue
        form, form_cue = found
        from_end = last_in_turn[sentence.turn] - sentence.index
        from_start = sentence.index - first_in_turn[sentence.turn]
        if turn.role == "candidate" and _rhetorical(sentence, form, cues, from_start, from_end):
            continue
        follows_answer = turn.index > 0 and transcript.turns[turn.index - 1].role != turn.role
        intent, intent_cue = classify_intent(sentence.text, turn.role, follows_answer, cues)
        if turn.role == "interviewer":
            asked_last = intent
        elif intent == "reverse" and asked_last == "small_talk":
            intent, intent_cue = "small_talk", "asked back during small talk"
        elif intent == "reverse" and asked_last not in (None, "closing"):
            intent, intent_cue = "clarification", f"asked while answering a {asked_last} question"
        parts = split_parts(sentence, form, cues)
        questions.append(
            Question(
                index=len(questions),
                turn=turn.index,
                sentence=sentence.index,
                start=sentence.start,
                end=sentence.end,
                text=sentence.text,
                role=turn.role,
                form=form,
                intent=intent,
                form_cue=form_cue,
                intent_cue=intent_cue,
                parts=tuple(turn.text[a:b] for a, b, _ in parts),
                focus=tuple(focus for _, _, focus in parts),
            )
        )
    return tuple(questions)


def classify_form(words: Sequence[Word], cues: QuestionCues) -> tuple[QuestionForm, str] | None:
    """(form, cue) when the words ask a question, else None."""
    lower = [w.lower for w in words]
    asks = "?" in "".join(w.text for w in words[-2:] if w.is_punct)
    head = _head(lower, cues)
    if head >= len(lower):
        return None
    first = lower[head]
    rest = [w for w in lower[head + 1 :] if w not in {",", "-"}]
    for imperative in cues.imperatives:
        if tuple(lower[head : head + len(imperative)]) == imperative:
            return "imperative", " ".join(words[head + i].text for i in range(len(imperative)))
    if first in cues.auxiliaries and rest and (asks or rest[0] in cues.subjects):
        if rest[0] == "you" and (rest[1:2] == ["start"] or set(rest[1:2]) & _REQUEST_VERBS):
            return "imperative", " ".join(w.text for w in words[head : head + 3])
        if asks or rest[0] in _SECOND_PERSON or rest[0] in {"there", "n't"}:
            form: QuestionForm = "choice" if _offers_choice(rest) else "yes_no"
            return form, " ".join(w.text for w in words[head : head + 2])
    if first in cues.wh_words:
        opens_clause = bool(rest) and (
            rest[0] in cues.auxiliaries
            or rest[0] in {"kind", "sort", "type", "many", "much", "long", "often", "else"}
            or (rest[0] not in {"i", "we", "they", "he", "she"} and _SECOND_PERSON & set(rest[:3]))
        )
        if asks or opens_clause:
            return "wh", words[head].text
    if asks:
        content = [w for w in lower if w not in {"?", ",", "."}]
        if len(content) >= 2 and content[-1] in cues.tags and "," in lower[-4:]:
            return "tag", words[-2].text
        return "declarative", words[-1].text
    return None


def _offers_choice(words: Sequence[str]) -> bool:
    """ "Would you score them one at a time, or in batches?" offers a choice;
    "any ticketing or help desk software?" does not."""
    if "or" not in words:
        return False
    before = words[: words.index("or")]
    return not ({"any", "anything", "anyone", "some", "either"} & set(before))


def _head(lower: Sequence[str], cues: QuestionCues) -> int:
    """Index of the first word after discourse openers ("so", "okay", "to start", ",")."""
    index = 0
    while index < len(lower):
        if lower[index] in cues.openers or lower[index] in {",", "-"}:
            index += 1
            continue
        phrase = next(
            (p for p in cues.opener_phrases if tuple(lower[index : index + len(p)]) == p), None
        )
        if phrase is None:
            break
        index += len(phrase)
    return index


def is_check_in(text: str, cues: QuestionCues) -> bool:
    """A short "does that make sense?" kind of question (at most 4 other words)."""
    lowered = text.lower()
    for pattern in cues.check_ins:
        match = pattern.search(lowered)
        if match and len(lowered.split()) <= len(match.group().split()) + 4:
            return True
    return False


def _rhetorical(
    sentence: Sentence, form: QuestionForm, cues: QuestionCues, from_start: int, from_end: int
) -> bool:
    """A candidate asking themselves, not the interviewer: "so what did I do?
    I called ...", "..., right?" or "..., you know?" in the middle of an answer.

    ``from_start``/``from_end`` count the sentences before and after this one
    in its turn. A question at the start of a turn (a clarifying question) or
    among its last two sentences (a question for the interviewer) is asked.
    """
    lower = [w.lower for w in sentence.words if not w.is_punct]
    if _first_cue(" ".join(lower), cues, {"clarification"}):
        return False
    head = _head(lower, cues)
    rest = lower[head:]
    asks_self = (
        len(rest) >= 3 and rest[0] in cues.wh_words and rest[1] in cues.auxiliaries
    ) and rest[2] == "i"
    asks_self = asks_self or (
        len(rest) >= 2
        and rest[0] in cues.auxiliaries
        and rest[1] == "i"
        and rest[0] not in _SELF_CLARIFYING
    )
    if asks_self:
        return True
    if from_end == 0:
        return False
    if form in ("tag", "declarative") or (len(rest) == 1 and rest[0] in cues.wh_words):
        return True
    return from_start > 0 and from_end > 1


def classify_intent(
    text: str, role: Role, follows_answer: bool, cues: QuestionCues
) -> tuple[QuestionIntent, str]:
    """(intent, cue) for a question's text; the cue is the words that decided."""
    lowered = text.lower().replace("’", "'")
    if role == "candidate":
        cue = _first_cue(lowered, cues, {"clarification"})
        return ("clarification", cue[1]) if cue else ("reverse", "asked by the candidate")
    cue = _first_cue(lowered, cues, None)
    if cue:
        return cue
    words = re.findall(r"[\w']+", lowered)
    back = _REFERS_BACK.intersection(words[:8])
    if follows_answer and len(words) <= 12 and (back or words[:1] in (["and"], ["so"], ["but"])):
        pointer = ", ".join(sorted(back)) or words[0]
        return "follow_up", f"short question right after an answer, referring back ({pointer})"
    return "background", "no intent cue matched"


def _first_cue(
    lowered: str, cues: QuestionCues, only: set[str] | None
) -> tuple[QuestionIntent, str] | None:
    for intent, patterns in cues.intents:
        if only is not None and intent not in only:
            continue
        for pattern in patterns:
            match = pattern.search(lowered)
            if match:
                return intent, match.group()
    return None


def focus_terms(words: Sequence[Word], cues: QuestionCues) -> tuple[str, ...]:
    """Content lemmas an answer should address, in order, without repeats."""
    seen: list[str] = []
    for word in words:
        lemma = word.lemma.lower()
        if (
            word.is_punct
            or word.is_stop
            or lemma in cues.frame_words
            or lemma in cues.wh_words
            or not any(c.isalnum() for c in lemma)
            or (len(lemma) < 3 and not any(c.isdigit() for c in lemma))
        ):
            continue
        if lemma not in seen:
            seen.append(lemma)
    return tuple(seen)


def split_parts(
    sentence: Sentence, form: QuestionForm, cues: QuestionCues
) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, focus) for each separately answerable part, offsets in the turn.

    Splits at "and"/"or" (not in a choice question) followed by a word that
    starts a new ask ("and when", "and with", "or how"), when both sides have
    focus terms of their own.
    """
    words = [w for w in sentence.words]
    cuts = [0]
    for i in range(1, len(words) - 1):
        conj, nxt = words[i].lower, words[i + 1].lower
        if conj in _CONJUNCTIONS and nxt in _SPLITTERS and not (form == "choice" and conj == "or"):
            left = focus_terms(words[cuts[-1] : i], cues)
            right = focus_terms(words[i + 1 :], cues)
            if left and right:
                cuts.append(i + 1)
    bounds = [*cuts, len(words)]
    parts = []
    for a, b in itertools.pairwise(bounds):
        piece = words[a:b]
        if a > 0 or b < len(words):
            # drop the trailing conjunction and punctuation of a left part
            while (
                piece
                and (piece[-1].is_punct or piece[-1].lower in _CONJUNCTIONS)
                and b != len(words)
            ):
                piece = piece[:-1]
        parts.append((piece[0].start, piece[-1].end, focus_terms(piece, cues)))
    return parts
