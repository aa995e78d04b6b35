"""Question intent: what each question's answer is for (docs/question-taxonomy.md).

The first intent in ``questions.yaml`` order with a phrase in the question
decides, and that phrase is kept as ``intent_cue``; then the conversation
around the question adjusts it (:class:`Context`: the interviewer's open
topic and whether they have invited questions; a cue that points back at the
answer just given; and the sentences and turns around it, in
:mod:`.intent_links`). Re-asks take the intent of the question they ask
again in :mod:`.reasks`.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import QuestionForm, QuestionIntent, Role
from ..wording import with_article
from .cue_matches import Match, first_cue, first_match
from .intent_links import GOES_ON, points_back
from .names import caseless, is_name_word
from .question_cues import QuestionCues, rule_words

if TYPE_CHECKING:
    from spacy.tokens import Span

_SUBJECTS = frozenset({"i", "you", "we", "they", "he", "she"})
_ARTICLES = frozenset({"a", "an", "the"})

NO_INTENT_CUE = "no intent cue matched"
"""The ``intent_cue`` of a question whose intent is the fallback, "background"."""


def _about_the_answer(span: Span, matches: Sequence[Match], intent: str) -> str | None:
    """The word that makes a question whose cue says ``intent`` (technical or
    behavioral) ask about the candidate's own answer instead: the cue's
    subject points back at it (questions.yaml ``points_back``: "How does it
    decide what's safe?", "How did you handle that?"), or, for a technical
    cue, the thing is theirs ("How does your consumer recover from a
    crash?"). None otherwise."""
    cue = first_match(matches, f"intent:{intent}")
    if cue is None:
        return None
    doc = span.doc
    after = doc[cue.end].norm_ if cue.end < span.end else ""
    # "that" before a subject, or after a cue ending in a noun with its
    # article, opens a relative clause: "Tell me about a time that you
    # demonstrated leadership.", "Write a function that returns ...",
    # "Describe ... a mistake that upset a guest." point at no answer; but
    # "an example of a time that happened?" asks for one of what was said
    relative = after == "that" and (
        (cue.end + 1 < span.end and doc[cue.end + 1].norm_ in _SUBJECTS)
        or (
            cue.end - cue.start >= 2
            and doc[cue.end - 2].norm_ in _ARTICLES
            and doc[cue.end - 1].norm_ != "time"
        )
    )
    # "How do you handle it when you don't know the answer?": the "it" points
    # ahead, at the clause after it
    ahead = (
        after in ("it", "that", "this")
        and cue.end + 1 < span.end
        and doc[cue.end + 1].norm_ in ("when", "if", "whenever")
    )
    if after in rule_words().points_back and not relative and not ahead:
        return after
    if intent == "technical":
        return next((t.norm_ for t in span if t.norm_ == "your"), None)
    return None


def intent_cue_of(
    matches: Sequence[Match], cues: QuestionCues, span: Span | None = None
) -> tuple[QuestionIntent, str] | None:
    """(intent, cue) of the first intent in questions.yaml order with a cue in
    ``matches`` (None: no cue), leaving out any cue that lies inside a
    longer cue of another intent: the longer one is the more specific
    reading ("how do you handle stress" is the candidate's usual practice,
    not the technical "how do you handle"; "what would your last manager
    say" a self-assessment, not the design question "what would your ...").
    A question that supposes (questions.yaml ``hypotheticals``) with a
    situational or problem-solving cue asks for no past episode, whatever
    its behavioral cue says. With the question's ``span``, a "why" cue of
    motivation inside a clause already going is an embedded clause, not the
    ask ("walk me through how you'd figure out why sales dropped" is no
    "why sales?")."""
    cued = [m for m in matches if m.key.startswith("intent:") and not _embedded(m, span, cues)]
    keys = {m.key for m in cued}
    if (
        "intent:behavioral" in keys
        and keys & {"intent:situational", "intent:problem_solving"}
        and any(m.key == "hypothetical" for m in matches)
    ):  # "How would you handle a patient who refuses ...?" asks no episode
        cued = [m for m in cued if m.key != "intent:behavioral"]
    kept = [
        m
        for m in cued
        if not any(
            o.key != m.key
            and o.start <= m.start
            and m.end <= o.end
            and o.end - o.start > m.end - m.start
            for o in cued
        )
    ]
    for intent, _ in cues.intents:
        cue = first_cue(kept, f"intent:{intent}")
        if cue:
            return intent, cue
    return None


def _about_the_company(span: Span, cues: QuestionCues) -> str | None:
    """The words that make a candidate's question speak of the role, team or
    company ("here", "you guys", "your team"; not "your question"):
    questions.yaml ``company_words`` and ``task_nouns``. None otherwise."""
    norms = [t.norm_ for t in span if not (t.is_punct or t.is_space)]
    for i, norm in enumerate(norms):
        if norm in cues.company_words:
            return norm
        after = norms[i + 1] if i + 1 < len(norms) else ""
        if norm == "your" and after and after not in cues.task_nouns:
            return f"your {after}"
    return None


def _embedded(match: Match, span: Span | None, cues: QuestionCues) -> bool:
    """``match`` is a motivation cue that opens with "why" right after a word
    of its sentence that is no opener, mark nor one of questions.yaml
    ``why_askers`` ("figure out | why sales"; not "tell me | why you want")."""
    if span is None or match.start <= span.start or match.key != "intent:motivation":
        return False
    doc = span.doc
    if doc[match.start].norm_ != "why":
        return False
    before = doc[match.start - 1]
    return not (before.is_punct or before.norm_ in cues.openers | cues.why_askers)


_TOPICS: frozenset[str] = frozenset(
    {"background", "motivation", "behavioral", "situational", "technical", "problem_solving"}
    | {"opinion", "small_talk"}
)


@dataclass(frozen=True)
class Context:
    """What the interviewer's questions so far have opened.

    ``topic`` is the intent of their last question that a cue decided and that
    opened a subject of its own (not a follow-up, a clarification, a check-in);
    ``closed`` is true once they have invited the candidate's questions.
    """

    topic: QuestionIntent | None = None
    closed: bool = False

    def after(self, intent: QuestionIntent, cue: str) -> Context:
        """The context once the interviewer has asked a question of ``intent``."""
        if intent == "closing":
            return Context(self.topic, closed=True)
        if (
            intent in _TOPICS
            and cue != NO_INTENT_CUE
            and not cue.startswith((_IN_TOPIC, GOES_ON))  # it opens nothing of its own
        ):
            return Context(intent, self.closed)
        return self


_IN_TOPIC = "part of the problem being worked through"


def classify_intent(
    span: Span,
    matches: Sequence[Match],
    form: QuestionForm,
    role: Role,
    follows_answer: bool,
    asked_last: QuestionIntent | None,
    cues: QuestionCues,
    context: Context | None = None,
    picked: str | None = None,
    after_setup: bool = False,
) -> tuple[QuestionIntent, str]:
    """(intent, cue) for a question; the cue is the words that decided.

    ``follows_answer``: the question is the first of its turn, right after the
    other speaker's. ``asked_last`` is the intent of the interviewer's last
    question: a candidate's question while a substantive one is open is a
    clarification, unless it speaks of the role, team or company ("Is it a big
    team here on nights?") or the interviewer has invited questions
    (``context.closed``): then it is a reverse question. Without a cue, an
    interviewer's statement with a question mark ("so you'd use a left join
    there?") checks their understanding (clarification); a short question right
    after an answer that points back at it, or a question that names something
    the answer has just brought up (``picked``, from :func:`picked_up`: "Why
    did you choose role-play ...?"), is a follow-up, unless it is a tag
    question (it confirms: "And you'd be open to nights here as well,
    correct?"); anything else is background. A technical or behavioral cue
    about the answer just given ("How does it decide?") makes a follow-up too.
    While the open topic is a problem to work through or a technical exercise,
    an interviewer's question that poses a condition or asks what the candidate
    would do ("what if ...", "which would you pick") belongs to it; after the
    invitation to ask, their "Anything else?" is closing too.
    ``after_setup``: since the interviewer's last question, a turn of theirs
    asked nothing and set something out (:func:`.intent_links.after_setup`):
    small talk is over, and a candidate's question with no interviewer
    question open but small talk is about what was set out (a
    clarification), or about the company.
    """
    context = context or Context()
    if role == "candidate":
        cue = first_cue(matches, "intent:clarification")
        if cue:
            return "clarification", cue
        if context.closed:
            return "reverse", "asked after the interviewer invited questions"
        set_out = after_setup and asked_last in (None, "small_talk")
        if asked_last == "small_talk" and not set_out:
            return "small_talk", "asked back during small talk"
        if asked_last not in (None, "closing") or set_out:
            about = _about_the_company(span, cues)
            if about is not None:
                return "reverse", f"{about} (about the role or company, asked while answering)"
            cue = first_cue(matches, "candidate_clarification")
            if cue:
                return "clarification", cue
            if set_out or asked_last is None:
                return "clarification", "asked about what the interviewer set out"
            return "clarification", f"asked while answering {with_article(asked_last)} question"
        return "reverse", "asked by the candidate"
    if context.closed and (cue := first_cue(matches, "asks_for_more")):
        return "closing", f"{cue} (after inviting questions)"
    found = intent_cue_of(matches, cues, span)
    if (
        found is not None
        and found[0] in ("technical", "behavioral")
        and follows_answer
        and first_cue(matches, "hypothetical") is None  # "How would you write that?" sets a task
    ):
        word = _about_the_answer(span, matches, found[0])
        if word is not None:
            return "follow_up", f"{found[1]} ... {word} (about the answer just given)"
    topic = context.topic
    if (
        topic in ("problem_solving", "technical")
        and not context.closed  # the invitation to ask questions ended the exercise
        and form not in ("declarative", "tag")  # "So you'd only ack once it's stored?" confirms
        and (found is None or (found[0], topic) == ("situational", "problem_solving"))
    ):
        cue = first_cue(matches, "hypothetical")
        if cue:
            return topic, f"{_IN_TOPIC} ({cue})"
    if found is not None:
        return found
    if asked_last is None and _name_alone(span, cues, form):
        # "There she is. Denise? Can you hear me?", "So, Renée, right?": who is on the line
        return "small_talk", "a name asked before any question (who is on the line)"
    if form == "declarative":
        return "clarification", "a statement put to the listener to confirm"
    if asked_last == "small_talk" and form in ("yes_no", "tag") and not after_setup:
        # "Hi, is this Dev? How's your week going? ... And you're out in
        # Denver, right?": opening logistics and rapport go on
        return "small_talk", "a yes or no asked during small talk"
    pointer = points_back(span, cues)
    if form != "tag" and follows_answer and pointer is not None:
        return "follow_up", f"short question right after an answer, referring back ({pointer})"
    norms = [t.norm_ for t in span if not (t.is_punct or t.is_space)]
    if form != "tag" and picked is not None and not _usual_practice(norms):
        if topic in ("problem_solving", "technical") and asked_last == topic and not context.closed:
            # "does the raw data stay raw or do you transform it" right after a
            # question of a design exercise: a step of the problem being worked through
            return topic, f"{_IN_TOPIC} (picks up {picked!r} from the answer just given)"
        return "follow_up", f"picks up {picked!r} from the answer just given"
    return "background", NO_INTENT_CUE


_NAME_CHECK = frozenset(
    {"morning", "afternoon", "evening", "you", "'re", "are", "is", "'s", "not", "it", "right"}
    | {"this", "that"}
)


def _name_alone(span: Span, cues: QuestionCues, form: QuestionForm) -> bool:
    """Whether ``span`` asks a name alone: one capitalised word and its "?"
    ("Denise?"), not a stop word or an opener ("And?", "So?", "Hello?"), with
    perhaps openers, a greeting, "you're" or "it's" and a tag around it
    ("So, Renée, right?", "Morning, Joelle, is it?", "And you're Hannah?",
    "It's Hannah, isn't it?", "You're Marcus, aren't you?"), or "is this"
    before it ("Hey! Is this Kayla?", the greeting a sentence of its own).
    In a turn with no capital letter (a caption: "and you're hannah"), the
    word is one English writes capitalised (:func:`.names.is_name_word`)."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if form == "yes_no":  # "Is this Kayla?", not "Is it Python?"
        if not {"this", "that"} & {t.norm_ for t in words}:
            return False
    elif form not in ("declarative", "tag"):
        return False
    named = [t for t in words if t.norm_ not in cues.openers and t.norm_ not in _NAME_CHECK]
    if len(named) != 1:
        return False
    word = named[0]
    if word.is_stop:
        return False
    if not caseless(span.doc.text):
        return word.is_title
    return word.is_alpha and is_name_word(word.text)


def from_setup(intent: QuestionIntent, cue: str, context: Context) -> tuple[QuestionIntent, str]:
    """(intent, cue) of a question with no cue of its own, or only a
    background one, right after the interviewer's setup sentence whose cue
    ``cue`` says ``intent`` (taxonomy tie-break 13): the setup's intent,
    except that a case set up while a problem is being worked through belongs
    to that problem ("Say one Monday the errors queue triples. Is the model
    broken?"), as a situational cue in the question itself would. An open
    technical exercise does not take it: interviewers move on from one to a
    case ("Okay, a situational one. Say it's four p.m. ... What do you do?"
    after SQL questions)."""
    if intent == "situational" and context.topic == "problem_solving":
        return "problem_solving", f"{_IN_TOPIC} ({cue}, in the setup before it)"
    return intent, f"{cue} (in the setup before it)"


SETUP_INTENTS: frozenset[str] = frozenset({"situational", "problem_solving"})

SETUP_REACH = 3
"""Sentences from the interviewer's setup to the question it sets up, in
the same turn with no question between: the case may go on for a sentence
or two ("Suppose you're in chambers ... You're writing the bench memo.
What do you do?")."""


def about_the_setup(
    intent: QuestionIntent, matches: Sequence[Match], span: Span, cues: QuestionCues
) -> bool:
    """Whether a question of ``intent`` right after the interviewer's setup
    sentence asks about the case it set up: it has no intent cue of its own,
    or only a background one ("What do you do?"), or it was read as a
    follow-up only because it points back ("How do you handle that?" points
    at the case, not at the candidate's last answer), not by a follow-up cue
    of its own ("Can you say more?")."""
    if intent == "background":
        return True
    own = intent_cue_of(matches, cues, span)
    return intent == "follow_up" and (own is None or own[0] != "follow_up")


_PRESENT_YOU = frozenset({("do", "you"), ("does", "your")})


def _usual_practice(norms: Sequence[str]) -> bool:
    """Whether a question asks what the candidate does as a rule, in the
    present ("How do you decide between a study and a survey?"): usual
    practice is background (the taxonomy's tie-break 4) even when it names
    something the answer just said."""
    return any(pair in _PRESENT_YOU for pair in itertools.pairwise(norms[:5]))
