"""Question detection: which sentences ask something, in what form, with what
intent, in how many parts, about which content words.

Every cue lives in ``data/questions.yaml`` as spaCy Matcher token patterns or
PhraseMatcher phrases (matched on NORM, so "don't" is "do not"). A sentence
asks when, after discourse openers ("so", "okay", "to start"),

- a form rule matches at its head (a request "tell me about", an embedded
  question "I was wondering how", an inverted auxiliary "do you", a wh-word
  opening a question "what kind of"), or
- it ends in "?" (in an unpunctuated caption: the segmenter heard a question
  end there), as a tag ("..., right?") or a declarative question ("so you'd
  use a threshold?"), or
- in a caption, it is the interviewer's last sentence, about the listener,
  and the candidate's reply opens with a yes or a no ("so you'd only ack
  once it's stored" / "yeah"): a declarative question no "?" could show,

and no ``not_questions`` rule vetoes it (backchannels "really?", "you know?",
"what I did was ...", "I don't know what ...", a "?" inside quoted speech).
Check-ins ("does that make sense?") are kept apart from questions; a bare
"Right?" right after the speaker's own statement is a tag on it. A question
by anyone but the interviewer in the middle of their own turn, or asking about
themselves ("so what did I do?"), is rhetorical and dropped.

How one sentence asks is :mod:`.forms`; this module reads each sentence in its
turn and its conversation (confirmations after a statement with
:mod:`.confirmations`, rhetorical questions with :mod:`.rhetorical`, re-ask
announcements, intent context with :mod:`.intents` and :mod:`.intent_links`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Question, QuestionIntent, Role, Sentence, Transcript
from .confirmations import (
    checked_statement,
    confirmation,
    confirmed,
    confirming_words,
    follow_up_fragment,
    heard_acknowledgement,
    only_openers,
    plan_put,
    tag_alone,
    terms_asked,
)
from .cue_matches import DocMatches, Match, first_cue, first_match
from .forms import Asked, classify_span
from .intent_links import (
    after_setup,
    announced_intent,
    continued_intent,
    echoed,
    introduced_terms,
    more_questions_invited,
    picked_up,
    restated_intent,
)
from .intents import (
    NO_INTENT_CUE,
    SETUP_INTENTS,
    SETUP_REACH,
    Context,
    about_the_setup,
    classify_intent,
    from_setup,
    intent_cue_of,
)
from .parts import split_parts
from .question_cues import QuestionCues, load_cues, matchers_for
from .replies import openings
from .rhetorical import Place, rhetorical
from .unasked import bare_request, offered_answer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span


# ------------------------------------------------------------------ detection


def find_questions(
    transcript: Transcript,
    sentences: Sequence[Sentence],
    spans: Sequence[Span],
    nlp: Language,
) -> tuple[tuple[Question, ...], tuple[Question, ...]]:
    """(questions, check-ins) of every turn, in order (answer fields not yet filled)."""
    cues = load_cues()
    matchers = matchers_for(nlp)
    questions: list[Question] = []
    check_ins: list[Question] = []
    asked_last: QuestionIntent | None = None
    context = Context()
    last_in_turn = {s.turn: s.index for s in sentences}
    first_in_turn: dict[int, int] = {}
    for s in sentences:
        first_in_turn.setdefault(s.turn, s.index)
    replies = openings(sentences)  # each turn's first words, as the answer check reads them
    doc_matches = DocMatches((), ())
    doc: Doc | None = None
    stated_in_turn: int | None = None  # the turn whose last sentence asked nothing
    # a re-ask said before the question it leads to, in the same turn: "Let me
    # rephrase. What would you change?" (turn, cue)
    said_reask: tuple[int, str] | None = None
    # the last sentence of the run of questions a turn opens with: the turn
    # asks the listener from its first sentence on ("So how do they send data?
    # Like, HTTP or MQTT? And are they always connected?")
    run_end: dict[int, int] = {}
    # Where the segmenter found the turns, a question in the middle of one is
    # as likely the other speaker's, merged into it, as rhetorical: only the
    # question's own words ("so what did I do?", a tag) make it rhetorical.
    inferred = transcript.turns_inferred
    # the interviewer's last sentence that sets up a case without asking
    # (turn, sentence index, intent, cue): the question right after it, with
    # no intent cue of its own or only a background one, asks about that case
    # (taxonomy tie-break 13)
    setup: tuple[int, int, QuestionIntent, str] | None = None
    # the interviewer's last statement (turn, sentence index, its background
    # cue or None): a bare confirmation right after it ("So the position you
    # applied for is RN, nights. Is that correct?") asks whether it is true
    statement: tuple[int, int, str | None] | None = None
    introduced = introduced_terms(sentences, cues)
    said_in: dict[int, list[Sentence]] = {}  # each turn's sentences
    for s in sentences:
        said_in.setdefault(s.turn, []).append(s)
    # per turn, whether every sentence so far said nothing but openers ("Um.")
    opening_only: dict[int, bool] = {}
    for sentence, span in zip(sentences, spans, strict=True):
        if span.doc is not doc:
            doc = span.doc
            doc_matches = DocMatches.of(doc, matchers)
        matches = doc_matches.within(span)
        # in the conversation's second half: where an invitation to ask, or an
        # "Anything else?" after the candidate's question, opens their questions
        late = 2 * sentence.index >= len(sentences)
        asked = classify_span(span, matches, cues)
        turn_opens = opening_only.get(sentence.turn, True)
        opening_only[sentence.turn] = turn_opens and only_openers(span, cues)
        acknowledged = (
            asked is not None
            and asked.check_in
            and sentence.index != last_in_turn[sentence.turn]
            and heard_acknowledgement(span, cues)
        )
        if acknowledged:
            asked = None
        after_statement = stated_in_turn == sentence.turn
        put_terms = False  # the interviewer's terms asked about (terms_asked)
        # only words that open a turn ("yes", "oh", "okay") state nothing to confirm:
        # "yes / right / and i think ..." agrees, it does not ask
        stated = asked is None and not only_openers(span, cues)
        stated_in_turn = sentence.turn if stated else None
        planned = (  # "We'll do about forty minutes, okay?": the plan for the call
            asked is not None
            and not asked.check_in
            and transcript.turns[sentence.turn].role == "interviewer"
            and (plan := plan_put(span, asked, cues)) is not None
        )
        if planned:
            asked = plan
        if asked is None and after_statement and not acknowledged:
            asked = confirmation(span, cues)
        elif asked is not None and asked.check_in and after_statement:
            # "We do twelve-hour shifts. Does that work for you?": the terms put
            # to the candidate, not a check-in
            by_interviewer = transcript.turns[sentence.turn].role == "interviewer"
            terms = terms_asked(span, cues) if by_interviewer else None
            asked = tag_alone(span, cues) or terms or asked
            put_terms = terms is not None and asked is terms
        if asked is None and sentence.index == last_in_turn[sentence.turn]:
            reply = replies.get(sentence.turn + 1, [])
            asked = checked_statement(span, transcript, sentence.turn, reply, cues)
            if asked is None and turn_opens:
                asked = follow_up_fragment(span, transcript, sentence.turn, cues)
        reask_cue = first_cue(matches, "reask")
        if said_reask is not None and said_reask[0] == sentence.turn:
            reask_cue = reask_cue or said_reask[1]
        turn = transcript.turns[sentence.turn]
        if asked is None:
            said_reask = (sentence.turn, reask_cue) if reask_cue else said_reask
            cued = intent_cue_of(matches, cues) if turn.role == "interviewer" else None
            if cued is not None and cued[0] in SETUP_INTENTS:
                setup = (sentence.turn, sentence.index, *cued)
            if turn.role == "interviewer" and stated:
                fact = cued[1] if cued is not None and cued[0] == "background" else None
                statement = (sentence.turn, sentence.index, fact)
            if (
                turn.role == "interviewer"
                and first_cue(matches, "invites")
                and late  # not "I'll leave time for your questions" at the start
            ):
                context = context.after("closing", "invites")
            continue
        said_reask = None
        if asked.check_in:
            if planned and asked_last == "small_talk":
                asked_last = None  # the small talk is over: the interview begins
            check_ins.append(
                _question(len(check_ins), sentence, turn.role, asked, "check_in", asked.cue, ())
            )
            continue
        if turn_opens and offered_answer(sentence, asked.form, turn, questions, cues):
            continue
        if (
            turn.role == "candidate"
            and asked.form == "imperative"
            and asked_last is None
            and bare_request(span, cues)
        ):
            # the candidate's instructions before the interview begins ("Give
            # me feedback at the end."): a chat's opening prompt, nothing the
            # interviewer answers; "Could you tell me ...?" still asks
            continue
        from_end = last_in_turn[sentence.turn] - sentence.index
        from_start = sentence.index - first_in_turn[sentence.turn]
        in_run = from_start == 0 or run_end.get(sentence.turn) == sentence.index - 1
        # after the invitation to ask, the candidate's questions are put to the
        # interviewer wherever they stand in the turn ("Yeah, a few. How does
        # on-call work? Like, how often? I've been on teams where ...")
        invited = context.closed and turn.role == "candidate"
        # an interviewer answering the candidate's question, asked in the turn
        # just before, holds the floor as an answerer: only a question's own
        # words make it rhetorical there ("Ooh. Okay. Um. Honestly? Testing.")
        answering = (
            turn.role == "interviewer"
            and bool(questions)
            and questions[-1].role != "interviewer"
            and questions[-1].turn == turn.index - 1
        )
        if (turn.role != "interviewer" or answering) and rhetorical(
            span,
            asked.form,
            matches,
            cues,
            Place(
                from_start,
                from_end,
                in_run,
                not inferred and not invited and not answering,
                invited,
            ),
        ):
            continue
        if in_run:
            run_end[sentence.turn] = sentence.index
        follows_answer = turn.index > 0 and transcript.turns[turn.index - 1].role != turn.role
        answer = introduced.get(turn.index - 1, frozenset()) if follows_answer else frozenset()
        picked = picked_up(sentence, answer, cues)
        if picked is None and follows_answer:
            picked = echoed(sentence, said_in.get(turn.index - 1, ()), cues)
        # a question after another of the same turn is no longer right after
        # the answer: what it points back at is that question
        before = next(
            (q for q in questions[-1:] if q.turn == turn.index and not cues.announces(q.form_cue)),
            None,
        )
        right_after = follows_answer and before is None
        intent, intent_cue = classify_intent(
            span,
            matches,
            asked.form,
            turn.role,
            right_after,
            asked_last,
            cues,
            context,
            picked,
            after_setup(transcript, turn.index, questions),
        )
        if (
            setup is not None
            and setup[0] == sentence.turn
            and sentence.index - setup[1] <= SETUP_REACH
            and not any(q.turn == sentence.turn and q.sentence > setup[1] for q in questions[-1:])
            and about_the_setup(intent, matches, span, cues)
        ):
            # "Suppose a student keeps disrupting your class. What's your first move?";
            # "Suppose you're in chambers, and you and your co-clerk disagree about
            # how a case should come out. You're writing the bench memo. What do you do?"
            intent, intent_cue = from_setup(setup[2], setup[3], context)
        if (
            statement is not None
            and statement[:2] == (sentence.turn, sentence.index - 1)
            and confirming_words(span, cues) is not None
        ):
            intent, intent_cue = confirmed(statement[2])
        restated = restated_intent(span, sentence, questions, cues)
        if restated is not None:
            intent, intent_cue = restated
        if turn.role == "interviewer" and intent != "closing":
            more = more_questions_invited(matches, questions, turn.index, late)
            intent, intent_cue = more or (intent, intent_cue)
        if put_terms:  # availability, hours, pay: facts about the candidate (taxonomy)
            intent, intent_cue = "background", "the interviewer's terms put to the candidate"
        if intent_cue == NO_INTENT_CUE and asked.form != "tag":
            intent, intent_cue = (
                announced_intent(sentence, questions, cues)
                or continued_intent(span, before, cues)
                or (intent, intent_cue)
            )
        if turn.role == "interviewer":
            asked_last = intent
            context = context.after(intent, intent_cue)
        parts = split_parts(
            sentence, asked.form, cues, _said_at(first_match(matches, "reask"), span)
        )
        questions.append(
            _question(
                len(questions),
                sentence,
                turn.role,
                asked,
                intent,
                intent_cue,
                parts,
                reask_cue=reask_cue,
            )
        )
    return tuple(_without_announcements(questions, cues)), tuple(check_ins)


def _without_announcements(questions: list[Question], cues: QuestionCues) -> list[Question]:
    """``questions`` less the topics announced with a request ("Let's talk
    about state.") in a turn that goes on to ask, renumbered."""
    asked_later = {q.turn: q.index for q in questions}  # each turn's last question
    kept = [
        q for q in questions if not (cues.announces(q.form_cue) and asked_later[q.turn] > q.index)
    ]
    if len(kept) == len(questions):
        return questions
    return [replace(q, index=number) for number, q in enumerate(kept)]


def _said_at(match: Match | None, span: Span) -> tuple[int, int] | None:
    """Start and end offsets of ``match`` in its turn (the doc of ``span``)."""
    if match is None:
        return None
    last = span.doc[match.end - 1]
    return span.doc[match.start].idx, last.idx + len(last.text)


def _question(
    index: int,
    sentence: Sentence,
    role: Role,
    asked: Asked,
    intent: QuestionIntent,
    intent_cue: str,
    parts: Sequence[tuple[int, int, tuple[str, ...]]],
    reask_cue: str | None = None,
) -> Question:
    return Question(
        index=index,
        turn=sentence.turn,
        sentence=sentence.index,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        role=role,
        form=asked.form,
        intent=intent,
        form_cue=_as_said(asked.cue, sentence.text),
        intent_cue=_as_said(intent_cue, sentence.text),
        parts=tuple(sentence.text[a - sentence.start : b - sentence.start] for a, b, _ in parts)
        or (sentence.text,),
        focus=tuple(focus for _, _, focus in parts) or ((),),
        reask_cue=None if reask_cue is None else _as_said(reask_cue, sentence.text),
    )


def _as_said(cue: str, text: str) -> str:
    """``cue``, read on the :func:`.straighten`-ed text, with the apostrophes
    of ``text`` when it writes them curly ("what’s the difference" for
    "What’s the difference between ..."), so that a cue shows the words as
    the file does."""
    if "'" in cue and "\u2019" in text and "'" not in text:
        return cue.replace("'", "\u2019")
    return cue
