"""Questions read off what is around a sentence: a bare confirmation after
the speaker's own statement ("So the position is RN, nights. Is that
correct?"), a tag said alone after one ("Right?"), an interviewer's caption
statement that the candidate's reply confirms or denies, an interviewer's
caption turn that is only "and" and a fragment ("and the percentage"), and
a "right" or "okay" heard as asking that only acknowledges. Read by
:mod:`.questions`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import QuestionIntent, Transcript, Word
from .forms import Asked, heard
from .heads import head_of
from .marks import marked_anywhere, marked_by_question_mark
from .question_cues import QuestionCues
from .replies import direct_reply

if TYPE_CHECKING:
    from spacy.tokens import Span


def confirmed(fact: str | None) -> tuple[QuestionIntent, str]:
    """(intent, cue) of the interviewer's bare confirmation ("Is that
    right?") of the statement just before it, whose background cue is
    ``fact``: the facts of the candidate's record are background (taxonomy
    tie-break 4: "So the position you applied for is RN, nights. Is that
    correct?"); anything else they put to the candidate to confirm is a
    check of what they heard (tie-break 11: "So you'd use a left join
    there. Is that right?")."""
    if fact is not None:
        return "background", f"{fact} (in the statement it confirms)"
    return "clarification", "confirms the statement before it"


def only_openers(span: Span, cues: QuestionCues) -> bool:
    """``span`` is nothing but ``openers`` ("Yes.", "Oh, okay.")."""
    return all(t.norm_ in cues.openers for t in span if not (t.is_punct or t.is_space))


def confirmation(span: Span, cues: QuestionCues) -> Asked | None:
    """A yes/no question when ``span`` is one of the ``confirmations`` ("Is
    that right?") ending in "?" or heard as asking by the caption model, said
    right after the speaker's own statement (alone, a backchannel rule vetoes
    it)."""
    start = confirming_words(span, cues)
    if start is None:
        return None
    end = next(t for t in reversed(span) if not t.is_space)
    return Asked("yes_no", span.doc[start : end.i + 1].text, False)


def confirming_words(span: Span, cues: QuestionCues) -> int | None:
    """Where the words of ``confirmations`` ("Is that right?", "Correct?")
    start when, after any openers, they are all of ``span`` and it ends in
    "?" or is heard as asking by the caption model; else None."""
    tokens = [t for t in span if not t.is_space]
    words = [t for t in tokens if not t.is_punct]
    if not words or not (tokens[-1].text == "?" or heard(words[-1])):
        return None
    norms = [t.norm_ for t in words]
    while len(norms) > 1 and norms[0] in cues.openers:
        norms.pop(0)
        words.pop(0)
    if " ".join(norms) not in cues.confirmations:
        return None
    return words[0].i


def checked_statement(
    span: Span, transcript: Transcript, turn: int, reply: Sequence[Word], cues: QuestionCues
) -> Asked | None:
    """A declarative question when ``span``, the last sentence of an
    interviewer's caption turn, says something about the listener ("so
    you'd only ack once it's in the buffer") and ``reply``, the opening of
    the candidate's next turn, confirms or denies it ("yeah", "not quite",
    "I would": :func:`.replies.direct_reply`, as the answer check reads a
    yes or no): questions.yaml ``checked_statements``. Text with
    punctuation of its own would have shown the question with a "?"."""
    norms = _put_to_the_candidate(span, transcript, turn)
    if norms is None or len(norms) > cues.checked_longest:
        return None
    rest = norms[head_of(norms, cues) :]
    if len(rest) < 3 or rest[0] not in cues.checked_subjects or rest[1] in cues.checked_not_before:
        return None
    said = direct_reply(reply)
    if said is None:
        return None
    return Asked("declarative", f'(answered "{said}")', False)


def _put_to_the_candidate(span: Span, transcript: Transcript, turn: int) -> list[str] | None:
    """The words (NORM) of ``span`` when it is a sentence of an interviewer's
    caption turn (no punctuation) that the candidate's turn follows; else
    None."""
    turns = transcript.turns
    if turns[turn].role != "interviewer" or turn + 1 >= len(turns):
        return None
    if turns[turn + 1].role != "candidate":
        return None
    tokens = [t for t in span if not t.is_space]
    if not tokens or marked_anywhere(tokens):
        return None
    return [t.norm_ for t in tokens]


FRAGMENT = '(a fragment after "and")'
"""The ``form_cue`` of an interviewer's caption turn that is only "and" and a
fragment (:func:`follow_up_fragment`)."""


def follow_up_fragment(
    span: Span, transcript: Transcript, turn: int, cues: QuestionCues
) -> Asked | None:
    """A declarative question when ``span``, all an interviewer's caption
    turn says but openers, is "and" and a fragment that asks for more of
    what the candidate just said ("and the percentage", "okay and the null
    regions", "and if it is"), and the candidate's turn follows:
    questions.yaml ``follow_up_fragments``. Written, a "?" shows it."""
    norms = _put_to_the_candidate(span, transcript, turn)
    if norms is None:
        return None
    words = cues.rule_words
    head = head_of(norms, cues)
    rest = norms[head:]
    if words.fragment_leads.isdisjoint(norms[:head]) or not rest:
        return None
    if rest[0] not in words.fragment_starts or len(rest) > words.fragment_longest:
        return None
    if rest[0] in words.fragment_determiners:
        clause = next((k for k, w in enumerate(rest) if w in words.fragment_relatives), len(rest))
        if not words.fragment_verbs.isdisjoint(rest[:clause]):
            return None
    return Asked("declarative", FRAGMENT, False)


def heard_acknowledgement(span: Span, cues: QuestionCues) -> bool:
    """``span`` is a bare "right", "okay", "got it" (a ``check_ins_whole``
    phrase) that only the caption segmenter heard as asking, not a "?". Called
    for a sentence that its speaker goes on after, in the same turn: there it
    acknowledges what the other speaker said ("right so the first appeal is
    automatic") or is a filler ("one person rowing right so he goes ..."); it
    is not a check-in, since nobody waited for an answer. Not one of
    ``asking_whole`` ("sound good", "you ready"), which only ask."""
    tokens = [t for t in span if not t.is_space]
    if marked_by_question_mark(tokens):
        return False
    words = " ".join(t.norm_ for t in tokens if not t.is_punct)
    return words in cues.check_ins_whole and words not in cues.asking_whole


def terms_asked(span: Span, cues: QuestionCues) -> Asked | None:
    """A yes/no question when ``span`` is, openers aside, one of
    ``terms_asked`` ending in "?" ("Does that work for you?"), said by the
    interviewer right after their own statement of the job's terms."""
    tokens = [t for t in span if not (t.is_space or t.is_punct)]
    while tokens and tokens[0].norm_ in cues.openers:
        tokens = tokens[1:]
    said = " ".join(t.norm_ for t in tokens)
    if span[-1].text != "?" or said not in cues.terms_asked:
        return None
    return Asked("yes_no", span.doc[tokens[0].i : span.end].text, False)


def tag_alone(span: Span, cues: QuestionCues) -> Asked | None:
    """A tag question when ``span`` is a bare ``tags_alone`` word ending in "?"
    ("Right?"), said right after the speaker's own statement (alone, it is a
    check-in)."""
    tokens = [t for t in span if not t.is_space]
    words = [t for t in tokens if not t.is_punct]
    if tokens[-1].text != "?" or len(words) != 1 or words[0].norm_ not in cues.tags_alone:
        return None
    return Asked("tag", words[0].text, False)


def plan_put(span: Span, asked: Asked, cues: QuestionCues) -> Asked | None:
    """A check-in when ``span``, asked as a statement or a tag, puts the
    interviewer's plan for the call with an assent tag ("We'll do about
    forty minutes, and then you'll meet Carl, okay?"): it opens, openers
    aside, with one of ``plan_openings`` and ends, before its "?", with one
    of ``plan_tags``."""
    if asked.form not in ("declarative", "tag") or span[-1].text != "?":
        return None
    norms = [t.norm_ for t in span if not (t.is_space or t.is_punct)]
    norms = norms[head_of(norms, cues) :]
    opens = any(tuple(norms[: len(p)]) == p for p in cues.plan_openings)
    tag = next(
        (p for p in cues.plan_tags if len(norms) > len(p) and tuple(norms[-len(p) :]) == p), None
    )
    if not opens or tag is None:
        return None
    return Asked(asked.form, " ".join(tag), True)
