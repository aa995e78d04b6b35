"""How a question's intent follows from what is around it: the question
just before it in its turn (a restatement, a leave to ask, a question it goes
on from), the answer before it (a word it picks up, a pointer back at the
story just told), the interviewer's setup turns (:func:`after_setup`), and
the candidate's question just answered (:func:`more_questions_invited`).
Read by the question stage (:mod:`.questions`) and by
:func:`.intents.classify_intent`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Question, QuestionIntent, Sentence, Transcript, count_text_words
from .cue_matches import Match, first_cue
from .parts import focus_terms
from .question_cues import QuestionCues

if TYPE_CHECKING:
    from spacy.tokens import Span

_JOINED = frozenset({("so", "that"), ("such", "that")})  # no pointer back: they join a clause

GOES_ON = "goes on from the question before it"
"""The start of the ``intent_cue`` of a question that takes the intent of the
one before it in its turn (:func:`continued_intent`); such a question opens
no topic of its own."""


RESTATES = "restates the question before it"
"""The start of the ``intent_cue`` of a question that asks the one before it
again in other words (:func:`restated_intent`)."""


def restated_intent(
    span: Span, sentence: Sentence, asked: Sequence[Question], cues: QuestionCues
) -> tuple[QuestionIntent, str] | None:
    """(intent, cue) of the question just before ``sentence`` in its turn when
    ``sentence`` opens by restating it ("What kind of team do you do your best
    work in? Like, what does a good week look like for you?"), else None."""
    before = _just_before(sentence, asked)
    if before is None:
        return None
    norms = [t.norm_ for t in span if not (t.is_punct or t.is_space)]
    for phrase in cues.restatements:
        if tuple(norms[: len(phrase)]) == phrase:
            return before.intent, f"{RESTATES} ({' '.join(phrase)})"
    return None


def announced_intent(
    sentence: Sentence, asked: Sequence[Question], cues: QuestionCues
) -> tuple[QuestionIntent, str] | None:
    """(intent, cue) of the question just before ``sentence`` in its turn when
    it asks leave to ask (questions.yaml ``leave_to_ask``: "Can I follow up on
    that? For the A-fib patient, if he's stable, who would you call first?"):
    the question it announces is what it said it would be (taxonomy
    tie-break 12). None otherwise."""
    before = _just_before(sentence, asked)
    if before is None or not cues.asks_leave(before.form_cue):
        return None
    return before.intent, f'announced by "{before.form_cue}"'


def _just_before(sentence: Sentence, asked: Sequence[Question]) -> Question | None:
    """The last of ``asked`` when it is the sentence right before ``sentence``
    in its turn, else None."""
    if not asked:
        return None
    before = asked[-1]
    if (before.turn, before.sentence) != (sentence.turn, sentence.index - 1):
        return None
    return before


def introduced_terms(
    sentences: Sequence[Sentence], cues: QuestionCues
) -> dict[int, frozenset[str]]:
    """Per turn index, the focus terms (content lemmas) first said in that turn:
    what the turn brought into the conversation."""
    said: dict[int, set[str]] = {}
    for sentence in sentences:
        said.setdefault(sentence.turn, set()).update(focus_terms(sentence.words, cues))
    introduced: dict[int, frozenset[str]] = {}
    seen: set[str] = set()
    for turn in sorted(said):
        introduced[turn] = frozenset(said[turn] - seen)
        seen |= said[turn]
    return introduced


def picked_up(sentence: Sentence, answer: frozenset[str], cues: QuestionCues) -> str | None:
    """The first word of ``sentence`` whose lemma is among ``answer``'s terms
    (as written), or None: a question that names what the answer just brought
    up "could not be asked without that answer" (the taxonomy's follow-up)."""
    if not answer:
        return None
    for word in sentence.words:
        if focus_terms((word,), cues) and word.lemma.lower() in answer:
            return word.text
    return None


ECHO_WORDS = 3
"""Words in a row a question must repeat of the answer just given to pick it up."""


def echoed(sentence: Sentence, answer: Sequence[Sentence], cues: QuestionCues) -> str | None:
    """The first ECHO_WORDS words in a row of ``sentence``, one of them a
    focus term, that the answer just given (its ``answer`` sentences) says in
    the same order (as lemmas: "call" for "called"), as written; else None.
    "How did you decide to call eight customers and not run a survey?" after
    "... so I pulled the funnel and called eight customers who dropped off"
    picks up the answer's own words, though "customer" came up before it
    (:func:`picked_up` reads only the terms an answer brings up first)."""
    said = [w.lemma.lower() for s in answer for w in s.words if not w.is_punct]
    runs = {tuple(said[i : i + ECHO_WORDS]) for i in range(len(said) - ECHO_WORDS + 1)}
    if not runs:
        return None
    words = [w for w in sentence.words if not w.is_punct]
    for i in range(len(words) - ECHO_WORDS + 1):
        run = words[i : i + ECHO_WORDS]
        if tuple(w.lemma.lower() for w in run) in runs and focus_terms(run, cues):
            return " ".join(w.text for w in run)
    return None


def points_back(span: Span, cues: QuestionCues) -> str | None:
    """The words of a short question (12 words at most) that point back at
    what was just said ("And what worries you about them?", "How did you
    solve that problem?", "Why?"), or the whole of an elliptical one ("What
    did you do?", :func:`_elliptical`), else None."""
    norms = [t.norm_ for t in span if not (t.is_punct or t.is_space)]
    if len(norms) > 12 or _opens_a_new_topic(norms, cues):
        return None
    # "so that" and "such that" join a clause: no pointer back
    pointers = [w for i, w in enumerate(norms[:8]) if not (i and (norms[i - 1], w) in _JOINED)]
    back = sorted(cues.refers_back.intersection(pointers))
    if back:
        return ", ".join(back)
    if _elliptical(norms):
        return " ".join(norms)
    return norms[0] if norms[:1] in [[w] for w in cues.follows_with] else None


def _opens_a_new_topic(norms: Sequence[str], cues: QuestionCues) -> bool:
    """Whether the question opens, after openers or none, with a phrase of a
    new topic ("so to start", "okay, moving on")."""
    for at in range(len(norms)):
        if any(tuple(norms[at : at + len(p)]) == p for p in cues.new_topic):
            return True
        if norms[at] not in cues.openers:
            return False
    return False


_ELLIPTICAL_WH = frozenset({"how", "what"})


def _elliptical(norms: Sequence[str]) -> bool:
    """A question of "how" or "what", "did you" and a verb with nothing
    after it ("What did you do?", "How did you respond?"): its object is the
    story just told. Not "What would you flag?" after a case set up in the
    same turn, nor "What do you need?": a present or a hypothetical asks
    about what is set before it, not about the answer."""
    return len(norms) == 4 and norms[0] in _ELLIPTICAL_WH and norms[1:3] == ["did", "you"]


def continued_intent(
    span: Span, before: Question | None, cues: QuestionCues
) -> tuple[QuestionIntent, str] | None:
    """(intent, cue) of ``before``, the question just asked in the same turn,
    when the question of ``span`` points back at it ("Tell me about a time you
    faced a challenge on a team. How did you solve that problem?", "How would
    you build the labels? And what worries you about them?"): it goes on with
    that question, not with the answer before the turn. None otherwise."""
    if before is None:
        return None
    pointer = points_back(span, cues)
    if pointer is None:
        return None
    return before.intent, f"{GOES_ON} ({pointer})"


SETUP_WORDS = 25
"""An interviewer's turn of at least this many words that asks nothing sets
something out (the task, the format): see :func:`after_setup`."""


def after_setup(transcript: Transcript, turn: int, questions: Sequence[Question]) -> bool:
    """Whether, since the interviewer's last question (of ``questions``, those
    found so far) and before turn ``turn``, an interviewer's turn asked
    nothing and set something out in SETUP_WORDS words or more ("So, this is
    the system design round ... We want a model that routes tickets
    automatically ..."): small talk before it is over, and the candidate's
    questions are about what was set out."""
    last = next((q.turn for q in reversed(questions) if q.role == "interviewer"), -1)
    return any(
        transcript.turns[t].role == "interviewer"
        and count_text_words(transcript.turns[t].text) >= SETUP_WORDS
        for t in range(last + 1, turn)
    )


def more_questions_invited(
    matches: Sequence[Match], asked: Sequence[Question], turn: int, late: bool
) -> tuple[QuestionIntent, str] | None:
    """("closing", cue) for the interviewer's "Anything else?" or "What
    else?" (questions.yaml ``asks_for_more``) in turn ``turn``, late in the
    conversation, when the last question asked was the candidate's, in an
    earlier turn: having answered it, the interviewer invites more of the
    candidate's questions ("Like, does every board member give?" ...
    "What else?"), not more of an answer; else None."""
    cue = first_cue(matches, "asks_for_more")
    if cue is None or not late or not asked:
        return None
    last = asked[-1]
    if last.role == "interviewer" or last.turn >= turn:
        return None
    return "closing", f"{cue} (after the candidate's question)"
