"""Re-asks: an interviewer asking again what they asked before, because the
first answer missed it."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..model import YES_NO_FORMS, Question, Sentence, Transcript
from .heads import head_of
from .question_cues import QuestionCues, load_cues

REASK_OVERLAP = 0.6
"""An interviewer question re-asks an earlier one when it shares at least this
share of the smaller question's focus terms (and at least two of them)."""
_NOT_REASKED: frozenset[str] = frozenset({"check_in", "closing", "small_talk", "reverse"})


SHORTEST_REPEAT = 3
"""Words (after the openers) a question needs to re-ask one part of a compound
question by repeating it: "and what did you do", not "and why"."""

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

REASK_WINDOW = 200
"""Earlier questions a question is compared with: the interviewer's last 200
(an interview has tens). Comparing with every earlier one was quadratic in
the questions of a transcript."""


def find_reasks(
    questions: Sequence[Question],
    sentences: Sequence[Sentence] = (),
    transcript: Transcript | None = None,
) -> tuple[Question, ...]:
    """Questions with ``reask_of`` set where an interviewer asks again what an
    earlier question of theirs (in an earlier turn, among the last
    REASK_WINDOW) asked:

    - the question says so ("let me rephrase", "what I'm asking is"): it
      re-asks the last one, when no question of its own turn came before it
      (then it rephrases that one: metrics/rephrased.py);
    - it shares most of an earlier question's focus terms (REASK_OVERLAP),
      both open or both closed (``YES_NO_FORMS``: "You said Ashworth
      Calloway?" and "Why Ashworth Calloway?" ask different things), both
      asking for a reason or neither (:func:`asks_reason`), unless
      the other party's turns in between (the ``sentences`` of
      ``transcript``) said all the shared ones: "Does the raw data stay
      raw?" after a candidate's "we're keeping the raw data in Kafka" builds
      on the answer, whatever question about raw data came earlier;
    - it repeats one part of a compound question of the interviewer's last
      asking turn (:func:`_repeated_part`);
    - else, it pushes back on the answer just given, opening the turn with
      an acknowledgement and "but" ("Sure, but what would you measure?") or
      setting off a "though" ("How did you do on them, though?",
      :func:`pushback`): it re-asks the question of the interviewer's turn
      before that answer;

    but not a question read again because the candidate asked to hear it
    again in the turn just before (:func:`_asked_to_repeat`), unless it
    says it re-asks.

    ``questions`` are in text order, each at its ``index``."""
    out = list(questions)
    said: dict[int, set[str]] = {}  # the lemmas of each turn not the interviewer's
    roles = [turn.role for turn in transcript.turns] if transcript is not None else []
    for sentence in sentences:
        if sentence.turn < len(roles) and roles[sentence.turn] != "interviewer":
            said.setdefault(sentence.turn, set()).update(w.lemma.lower() for w in sentence.words)
    on_request = _asked_to_repeat(questions)
    eligible: list[tuple[Question, set[str]]] = []  # the interviewer's, in order
    turn, before_turn = -1, 0  # eligible[:before_turn] are from earlier turns
    for question in questions:
        if question.role != "interviewer" or question.intent in _NOT_REASKED:
            continue
        if question.turn != turn:
            turn, before_turn = question.turn, len(eligible)
        terms = {t for part in question.focus for t in part}
        earlier = eligible[max(0, before_turn - REASK_WINDOW) : before_turn]
        first_in_turn = len(eligible) == before_turn
        eligible.append((question, terms))
        best: tuple[float, Question, set[str]] | None = None
        for candidate, before in earlier:
            shared = terms & before
            smaller = min(len(terms), len(before))
            overlap = len(shared) / smaller if smaller else 0.0
            strong = (
                len(shared) >= 2
                and overlap >= REASK_OVERLAP
                and (candidate.form in YES_NO_FORMS) == (question.form in YES_NO_FORMS)
                and asks_reason(candidate.text) == asks_reason(question.text)
                and not shared <= _said_between(said, candidate.turn, question.turn)
            )
            if strong and (best is None or overlap >= best[0]):
                best = (overlap, candidate, before)
        if best is None and question.reask_cue and earlier and first_in_turn:
            best = (0.0, *earlier[-1])
        cue = question.reask_cue
        if best is None and earlier:
            repeated = _repeated_part(question, earlier)
            if repeated is not None:
                original, part = repeated
                best = (0.0, original, set())
                cue = f'repeats "{part}"'
        if best is None and earlier and first_in_turn and earlier[-1][0].turn == question.turn - 2:
            pushed = _pushed_back(question, sentences, roles)
            if pushed is not None:
                best, cue = (0.0, *earlier[-1]), pushed
        if best is None or (question.turn - 1 in on_request and not question.reask_cue):
            continue
        _, original, original_terms = best
        shared_terms = sorted(terms & original_terms)
        cue = cue or "asks again about " + ", ".join(shared_terms)
        # a re-ask keeps the intent of the question it asks again (taxonomy tie-break 10)
        out[question.index] = dataclasses.replace(
            question,
            reask_of=original.index,
            reask_cue=cue,
            intent=out[original.index].intent,  # itself a re-ask's, if it was one
            intent_cue=f"asks question {original.index + 1} again ({cue})",
        )
    return tuple(out)


def _asked_to_repeat(questions: Sequence[Question]) -> set[int]:
    """The turns where the candidate asks to hear the question again ("Sorry,
    could you read that one again?": questions.yaml ``repeat_requests``):
    the interviewer's next turn reads it again on request, and misses no
    answer."""
    asking = load_cues().repeat_requests
    return {
        q.turn
        for q in questions
        if q.role == "candidate" and not asking.isdisjoint(words_of(q.text))
    }


def _repeated_part(
    question: Question, earlier: Sequence[tuple[Question, set[str]]]
) -> tuple[Question, str] | None:
    """The question of the interviewer's last asking turn, and the part of it,
    whose words ``question`` repeats in order: "And what did you do?" after
    "So what actually broke with the job, and what did you personally do once
    you found out?", whose answer told only what broke. Only a part of a
    compound question (one of several ``parts``): "what did you do" after a
    story told to "Tell me about a time ..." asks something new. And only a
    question of at least SHORTEST_REPEAT words after its openers: "and why"
    repeats too little to tell."""
    words = words_of(question.text)
    words = words[head_of(words, load_cues()) :]
    if len(words) < SHORTEST_REPEAT:
        return None
    last_turn = earlier[-1][0].turn
    for original, _ in reversed(earlier):
        if original.turn != last_turn:
            break
        if len(original.parts) < 2:
            continue
        for part in original.parts:
            if _in_order(words, words_of(part)):
                return original, part.rstrip("?.!").strip()
    return None


PUSHBACK_LEAD = 4
"""Words at most of an acknowledgement before a pushback's "but"."""


def _pushed_back(
    question: Question, sentences: Sequence[Sentence], roles: Sequence[str]
) -> str | None:
    """:func:`pushback`'s words, when ``question`` is the interviewer's and
    its sentence opens a turn said right after someone else's, after openers
    alone or none ("Sure. Do you have a number in mind, though?"); else None."""
    turn = question.turn
    if not 0 < turn < len(roles) or roles[turn - 1] == "interviewer":
        return None
    if not 0 < question.sentence < len(sentences):
        return None
    cues = load_cues()
    before = question.sentence - 1
    while before >= 0 and sentences[before].turn == turn:
        if not all(w.is_punct or w.lower in cues.openers for w in sentences[before].words):
            return None
        before -= 1
    return pushback(sentences[question.sentence].text, cues)


_THOUGH = re.compile(r",\s*though\b(?=\s*(?:[,?]|or\b))", re.IGNORECASE)


def pushback(text: str, cues: QuestionCues) -> str | None:
    """The acknowledgement and "but" that open ``text`` ("Sure, but", "That's
    fair, but"), when its words up to the "but" are one of
    ``pushback_acknowledgements`` or each one of them, and words follow it;
    or a "though" set off after the question's words ("Do you have a number
    in mind, though, or a range?", "How did you do on them, though?"); else
    None. Said first in the interviewer's turn right after an answer, with
    the question ("Sure, but what would you measure?"), it asks again what
    the answer took elsewhere."""
    if _THOUGH.search(text):
        return "though"
    words = list(_WORD.finditer(text.lower()))
    acks = cues.pushback_acknowledgements
    for i, word in enumerate(words[: PUSHBACK_LEAD + 1]):
        if word[0] != "but":
            continue
        lead = [w[0] for w in words[:i]]
        if lead and i + 1 < len(words) and (" ".join(lead) in acks or acks.issuperset(lead)):
            return text[: word.end()]
        return None
    return None


def asks_reason(text: str) -> bool:
    """Whether the question ``text`` asks for a reason: its head (after
    openers) opens with one of questions.yaml's ``reason_asks`` ("Why are
    you leaving?", "So what made you apply?"), or one follows a word that
    asks for it ("Can you tell me why you left?": ``why_askers``)."""
    cues = load_cues()
    words = words_of(text)
    starts = [head_of(words, cues)]
    starts += [i + 1 for i, word in enumerate(words) if word in cues.why_askers]
    return any(
        tuple(words[start : start + len(phrase)]) == phrase
        for start in starts
        for phrase in cues.reason_asks
    )


def _said_between(said: dict[int, set[str]], first: int, last: int) -> set[str]:
    """The lemmas of the turns in ``said`` after turn ``first`` and before ``last``."""
    return set().union(*(said.get(turn, set()) for turn in range(first + 1, last)))


def words_of(text: str) -> list[str]:
    """The lowercase words of ``text`` ("don't" one word), punctuation left out."""
    return _WORD.findall(text.lower())


def _in_order(words: Sequence[str], within: Sequence[str]) -> bool:
    """Every word of ``words`` occurs in ``within``, in the same order."""
    rest = iter(within)
    return all(word in rest for word in words)
