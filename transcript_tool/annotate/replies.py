"""Whether a reply answers a closed question directly: with a yes or a no,
a qualified one, or an elliptical clause; and which closed questions are
judged for it (:func:`answered_directly`). Read by the answer check
(:mod:`.exchanges`: a yes/no question "answered without a yes or no") and
by the question stage (:mod:`.questions`: a caption statement the reply
confirms or denies was a question)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..model import YES_NO_FORMS, Question, Sentence, Word
from .question_cues import load_cues, rule_words
from .word_lists import alternatives

# A reply is direct when it opens with a yes or no word (within its first
# DIRECT_OPENING words), a qualified one ("sort of", "not quite", "not all
# night"), or gives an elliptical reply, a subject and an auxiliary with
# nothing after them ("I did.", "We sure have.", "It isn't,"), within its
# first DIRECT_WINDOW words. "I have always said..." is not a reply: the auxiliary must end the
# clause. The words are questions.yaml ``replies``.
DIRECT_OPENING = 4
DIRECT_WINDOW = 12
# A closed question (yes/no, tag, or a statement said as a question: "so you
# led it?") is answered directly when its answer opens with a yes or no.
DIRECT_FORMS = YES_NO_FORMS
ECHO_WORDS = 4  # a short statement put to confirm, said back word for word, is confirmed
RESTATED_GAP = 6  # a predicate said back counts within these words after "i" or "myself"
RESTATED_PREFIX = 5  # ... and a word sharing this many first letters with it ("leaders")
# a reply's words read for a yes or no: more than DIRECT_WINDOW, as the
# predicate said back may come after a false start ("Um I think I def-- um.
# I'm sorry. I think that I am definitely a leader.")
OPENING_WORDS = 24


@lru_cache(maxsize=1)
def _reply_patterns() -> tuple[re.Pattern[str], ...]:
    """questions.yaml ``replies`` as regexes: a yes or no (or a degree that
    ends its clause); an elliptical reply; a confirmation; a consequence
    opening the reply; "not" opening it ("Not all night, thank God.")."""
    words = rule_words()
    adverb = rf"(?: (?:\w+ly|{alternatives(words.reply_adverbs)}))?"
    subject, auxiliary = alternatives(words.reply_subjects), alternatives(words.reply_auxiliaries)
    mark = r"[.,;!?\u2014\u2013-]"
    # the clause ends at a mark, the reply's end, or a new clause's subject
    # (an unpunctuated "I do I would say that ..."; not an aside, "it was I
    # think in 2019", "I have you know")
    aside = r"(?: (?:think|mean|guess|know|suppose)\b)"
    # fillers may stand before the end ("Um I do um. Well ..."), and a reason
    # may follow it ("I think I am, just because ..."); a talker starting the
    # same clause again ends nothing ("you can um you can meet betty")
    filler = rf"(?: {alternatives(sorted(load_cues().fillers))})*"
    reason = r"(?: just)? (?=because\b)"
    restart = r"(?! (?P=who) (?P=aux)\b)"
    end = rf"(?: not)?{filler}{restart}(?: ?{mark}|$| (?={subject}\b(?!{aside}))|{reason})"
    yes_no, degree = alternatives(words.yes_no), alternatives(words.degrees)
    ending = alternatives(words.ending_yes_no)
    modal = rf"(?: {alternatives(words.reply_modal_verbs)})?"
    return (
        re.compile(rf"\b{yes_no}\b|\b{degree} {mark}"),
        re.compile(
            rf"\b(?P<who>{subject}){adverb} (?P<aux>{auxiliary}){modal}{end}|, {ending} (?:[.!;]|$)"
        ),
        re.compile(rf"\b{alternatives(words.confirming)}\b"),
        re.compile(rf"^{alternatives(words.consequences)}\b"),
        re.compile(
            rf"^(?:{alternatives(words.denial_lead)} )*"
            rf"not\b(?! {alternatives(words.not_denials)}\b)"
        ),
    )


def direct_reply(
    words: Sequence[Word], confirming: bool = False, conditional: bool = False
) -> str | None:
    """The words by which ``words`` (a reply, punctuation included; its
    first DIRECT_WINDOW + 1 words are enough) answers yes or no ("yeah",
    "not really", "I did"), or None. An elliptical reply must end the reply
    or its clause: where the window cuts the reply ("... one you didn't |
    really talk about"), its last words are no reply. ``confirming``: the
    reply is to a tag or a statement put to confirm, which "right" answers
    too; ``conditional``: to a condition put as a statement ("And if the VP
    says no?"), which a reply opening with its consequence answers ("Then
    ...")."""
    lowered = [w.lower for w in words[:DIRECT_WINDOW]]
    if len(words) > DIRECT_WINDOW:
        lowered.append("\u2026")  # the reply goes on: no end of the reply at the cut
    window = re.sub(r" (n't|'ve|'m|'s|'re|'d|'ll)\b", r"\1", " ".join(lowered))
    # the first DIRECT_OPENING words, the marks and fillers between them not
    # counted ("not ad tech , no", "um , i don't think so")
    tokens = window.split()
    fillers = load_cues().fillers
    spoken = [
        k
        for k, token in enumerate(tokens)
        if any(c.isalnum() for c in token) and token not in fillers
    ]
    cut = spoken[DIRECT_OPENING - 1] + 1 if len(spoken) >= DIRECT_OPENING else len(tokens)
    opening = " ".join(tokens[:cut])
    yes_no, elliptical, confirmation, consequence, denial = _reply_patterns()
    found = (
        yes_no.search(opening)
        or denial.search(opening)
        or (confirming and confirmation.search(opening))
        or (conditional and consequence.search(window))
        or elliptical.search(window)
    )
    return found[0].rstrip(".,;!?\u2014\u2013- ") if found else None


def answered_directly(
    question: Question, question_words: Sequence[Word], opening: Sequence[Word]
) -> bool | None:
    """Whether ``opening`` (the answer's first DIRECT_WINDOW + 1 words)
    answers ``question`` with a yes or no (:func:`direct_reply`), or a short
    statement put to confirm by saying it back; None when the question is not
    judged for one (:func:`_judged`)."""
    spoken = [w.lower for w in question_words if not w.is_punct]
    if not _judged(question, spoken):
        return None
    confirming = question.form in ("tag", "declarative")
    # a condition put as a statement: "if" among its first three words ("And
    # if the VP says no?", "And downstream, if something gets through?")
    conditional = question.form == "declarative" and "if" in spoken[:3]
    direct = (
        (confirming and _echoes(spoken, opening))
        or _restates(question_words, opening)
        or direct_reply(opening, confirming, conditional) is not None
        or _counts_any(spoken, opening)
    )
    # "Would you do anything differently?", "Was anyone held accountable?": a
    # yes or no first is credited, but what the reply names answers whether
    # there is any too, and is not faulted (since 2026-12-06: not judging
    # them at all took the credit from a witness's plain "No." and cost
    # 0.011-0.014 of hearings AUC)
    any_pronouns = rule_words().any_words - {"any"}  # "any" before a noun stays judged
    if not direct and not any_pronouns.isdisjoint(spoken):
        return None
    return direct


def _counts_any(question: Sequence[str], opening: Sequence[Word]) -> bool:
    """A question whether there are any ("Are you talking to any other
    agencies?"; ``question``: its spoken words, lowercase) answered with a
    number first ("One. Um, Pennine Recruitment?")."""
    rules = rule_words()
    said = [w.lower for w in opening if not w.is_punct]
    return (
        bool(said)
        and not rules.any_words.isdisjoint(question)
        and (said[0] in rules.number_words or said[0].isdigit())
    )


def _judged(question: Question, spoken: Sequence[str]) -> bool:
    """Whether the answer to ``question`` (``spoken``: its words, lowercase,
    punctuation left out) must open with a yes or no: a closed question of
    the interviewer's (only the candidate is judged on answering directly),
    not small talk or a closing one, not an elliptical question that opens
    with "any", which the content itself answers ("Anything you'd do
    differently?"; questions.yaml ``direct_exempt_intents``,
    ``content_words``), and not a "what about" fragment
    (:func:`_asks_what_about`) or a statement left open (:func:`_left_open`)."""
    rules = rule_words()
    if question.form not in DIRECT_FORMS or question.role != "interviewer":
        return False
    if question.intent in rules.direct_exempt_intents:
        return False
    if question.form == "declarative" and (
        _asks_what_about(spoken)
        or _left_open(question)
        or _fragment(spoken)
        or _asks_within(spoken)
    ):
        return False
    return question.form_cue.lower() not in rules.content_words


_LEFT_OPEN = re.compile(r"(?:\.\.\.|\u2026|\bbecause)\s*\?\W*$", re.IGNORECASE)


def _left_open(question: Question) -> bool:
    """A statement left for the listener to finish ("And you're looking
    because...?", "And your notice period is...?"): it asks for the rest,
    not for a yes or no."""
    return _LEFT_OPEN.search(question.text) is not None


def _asks_what_about(spoken: Sequence[str]) -> bool:
    """A fragment put as a statement that opens with "and", after any other
    openers, and goes on with no clause ("And the result?", "And
    retraining?", "Okay, and the null regions?"; ``spoken``: its words,
    lowercase, punctuation left out): it asks "what about ...?", for content,
    not for a yes or no (questions.yaml ``clause_words``)."""
    openers = load_cues().openers
    at = 0
    while at < len(spoken) and spoken[at] != "and" and spoken[at] in openers:
        at += 1
    return (
        at + 1 < len(spoken)
        and spoken[at] == "and"
        and spoken[at + 1] not in rule_words().clause_words
    )


def _fragment(spoken: Sequence[str]) -> bool:
    """A statement put as a question with no clause at all (``spoken``: its
    words, lowercase; :func:`clause_less`): "Notice period?", "After the
    fix?", "From Headingley?", "Reports, spreadsheets, emails to clients?",
    "Or both?". It names what it asks about, or spells out the question
    before it, and its answer is content ("One month.", "It worked."), not a
    yes or no; the "what about" fragment after "and" (:func:`_asks_what_about`)
    is one. Until 2026-12-06 such fragments were "answered without a yes or
    no first"."""
    fillers = load_cues().fillers
    words = [w for w in spoken if w not in fillers]
    return bool(words) and clause_less(words)


def clause_less(words: Sequence[str]) -> bool:
    """Whether ``words`` (lowercase) hold no subject and no auxiliary: no
    clause, only a phrase ("Reports, spreadsheets, emails to clients?"). Read
    here and by the interviewer's stacked-questions count."""
    cues = load_cues()
    clause = rule_words().clause_words
    return not any(
        w in cues.auxiliaries or w in cues.heard_clause_words or w in clause for w in words
    )


_WITHIN_SUBJECTS = frozenset({"i", "you", "we", "they", "he", "she", "it"})


def _asks_within(spoken: Sequence[str]) -> bool:
    """A wh-question said inside what was heard as a statement, a wh-word
    with an auxiliary and a subject after it ("So uh think of a job you'd
    like to get hired for why do you think we should hire you?", "Karen
    given the option to change one thing about yourself what would it be?"):
    it asks for content."""
    cues = load_cues()
    return any(
        first in cues.wh_words and second in cues.auxiliaries and third in _WITHIN_SUBJECTS
        for first, second, third in zip(spoken, spoken[1:], spoken[2:], strict=False)
    )


def _echoes(question: Sequence[str], opening: Sequence[Word]) -> bool:
    """The reply opens by saying a short question back, word for word: "It's
    in Lenexa?" - "It's in Lenexa, right off the highway." (``question``: its
    spoken words, lowercase; a fragment, "In April?", is not judged at all:
    :func:`_fragment`)."""
    said = [w.lower for w in opening if not w.is_punct]
    return 0 < len(question) <= ECHO_WORDS and said[: len(question)] == list(question)


def _restates(question: Sequence[Word], opening: Sequence[Word]) -> bool:
    """The reply says of the speaker what the question asks of the listener,
    yes or no: "Do you think you're a leader?" - "I think I'm definitely a
    leader", "I'm not a leader yet"; "Do you consider yourself a team
    player?" - "I do consider myself a team player". The question's
    predicate is the first content word after "you're", "you are",
    "yourself" or "are you", a kind of person with "a" or "an" before it;
    the reply must say it (or a word sharing its first RESTATED_PREFIX
    letters) within RESTATED_GAP words after "i" or "myself"."""
    said = [w.lower for w in question]
    pairs = (("you", "'re"), ("you", "are"), ("are", "you"))
    after = max(
        (
            k + 1
            for k in range(len(said))
            if said[k] == "yourself" or (k > 0 and (said[k - 1], said[k]) in pairs)
        ),
        default=None,
    )
    if after is None:
        return False
    found = next(
        (
            k
            for k in range(after, len(question))
            if not question[k].is_stop and not question[k].is_punct
        ),
        None,
    )
    # a kind of person ("a leader"), not a state with its own complement ("Are
    # you concerned that the economy ...?" - "I'm concerned about working
    # Americans" dodges, in CLARITY's presidential interviews)
    if found is None or not {"a", "an"} & set(said[after:found]):
        return False
    head = question[found].lower
    replied = [w.lower for w in opening if not w.is_punct]
    return any(
        replied[k] in ("i", "myself")
        and any(
            word[:RESTATED_PREFIX] == head[:RESTATED_PREFIX]
            for word in replied[k + 1 : k + 1 + RESTATED_GAP]
        )
        for k in range(len(replied))
    )


def openings(sentences: Sequence[Sentence]) -> dict[int, list[Word]]:
    """Each turn's first OPENING_WORDS words, punctuation included (which
    ends an elliptical reply): all :func:`direct_reply` (the first
    DIRECT_WINDOW + 1 of them) and :func:`_restates` read of a reply.
    Several turns' openings joined and cut to that length are the opening of
    the reply they make together."""
    found: dict[int, list[Word]] = {}
    for sentence in sentences:
        opening = found.setdefault(sentence.turn, [])
        if len(opening) < OPENING_WORDS:
            opening.extend(sentence.words[: OPENING_WORDS - len(opening)])
    return found
