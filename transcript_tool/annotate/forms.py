"""How one sentence asks: its form (questions.yaml ``forms``, tried at the
sentence's head, at a later clause's head or at its end), whether it is a
check-in, and whether a ``not_questions`` rule vetoes it. The conversation
around the sentence is :mod:`.questions`' business."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import QuestionForm
from ..nlp import ASKS_EXTENSION
from .choices import offers_choice
from .cue_matches import Match
from .heads import head_of
from .marks import CLAUSE_MARKS, clause_mark, marked_anywhere, marked_by_question_mark
from .onsets import goes_on, leads_in, question_onset, quotes
from .question_cues import QuestionCues, Where

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True)
class Asked:
    """What one sentence asks: its form and the words that decided it."""

    form: QuestionForm
    cue: str
    check_in: bool


def heard(word: Token) -> bool:
    """The caption component heard the sentence that ``word`` ends as asking."""
    return bool(getattr(word._, ASKS_EXTENSION, False))


def _ends_with_tail(norms: Sequence[str], tails: Sequence[tuple[str, ...]]) -> bool:
    """Whether ``norms`` ends with one of ``tails`` (and has words before it)."""
    return any(len(norms) > len(tail) and tuple(norms[-len(tail) :]) == tail for tail in tails)


HEARD = "(heard as a question)"
"""The ``form_cue`` of a caption sentence that only the caption model heard as
asking (no form rule, no "?")."""


def classify_span(span: Span, matches: Sequence[Match], cues: QuestionCues) -> Asked | None:
    """What the sentence ``span`` asks, or None when it asks nothing."""
    tokens = [t for t in span if not t.is_space]
    if not tokens:
        return None
    norms = [t.norm_ for t in tokens]
    base = tokens[0].i
    head = base + _past_vocative(tokens, head_of(norms, cues), cues)
    words = [t for t in tokens if not t.is_punct]
    if not words:
        return None
    if head > words[-1].i:
        head = words[0].i  # nothing but openers: "Okay?", "Right?"
    content_end = words[-1].i + 1
    sentence_end = tokens[-1].i + 1
    question_mark = marked_by_question_mark(tokens)
    marked = question_mark or heard(words[-1])
    if question_mark and _inside_quotes(tokens, cues):
        return None
    asked = _form(tokens, matches, cues, head, content_end, sentence_end, marked)
    if asked is None:
        return None
    slack = len(words) - cues.check_in_slack
    doc = span.doc
    for m in matches:
        if (
            (
                m.key in ("check_in", "leave_to_ask")
                and m.end - m.start >= slack
                # "how does that work" asks how, "does that work" only checks
                and not (m.start == head + 1 and doc[head].norm_ in cues.wh_words)
                # "are you ready to relocate" asks about something else
                and (m.end - m.start > 3 or _trailers_only(doc, m.end, content_end, cues))
            )
            or (
                m.key == "check_in_whole"
                and m.start == head
                # "Sound okay so far?", "That make sense so far?": with a "?",
                # the trailers a short check-in may take
                and (
                    m.end == content_end
                    or (question_mark and _trailers_only(doc, m.end, content_end, cues))
                )
            )
            or (m.key == "check_in_head" and m.start == head)
            or (
                m.key == "check_in_state"
                and m.start == head
                and _trailers_only(doc, m.end, content_end, cues)
            )
            or (m.key == "check_in_tail" and m.end == content_end)
        ):
            # leave to ask ("can I follow up on that") is a question of what it
            # announces (taxonomy tie-break 12), its phrase the cue; exchanges.py
            # holds it to no yes or no where the question itself follows
            return Asked(asked.form, m.text, check_in=m.key != "leave_to_ask")
    if asked.cue == HEARD and not any(
        t.norm_ in cues.auxiliaries or t.norm_ in cues.heard_clause_words for t in words
    ):
        return None  # heard as asking, but no clause: "um in production"
    if asked.cue == HEARD and any(
        m.key == "reask" and m.start == head and m.end == content_end for m in matches
    ):
        return None  # heard as asking, but it leads into the question: "but let me pull you back"
    for veto_number, veto in enumerate(cues.vetoes):
        if veto.unmarked and question_mark:
            continue
        key = f"not:{veto_number}"
        if any(
            _placed(m, veto.at, head, content_end, sentence_end)
            and not (m.start > span.start and span.doc[m.start - 1].norm_ in veto.not_after)
            for m in matches
            if m.key == key
        ):
            return None
    return asked


def _trailers_only(doc: Doc, start: int, end: int, cues: QuestionCues) -> bool:
    """Every token of ``doc[start:end]`` is one of ``check_in_trailers`` ("to
    get started", "so far"), which a short check-in may take."""
    return all(doc[i].norm_ in cues.check_in_trailers for i in range(start, end))


def _form(
    tokens: Sequence[Token],
    matches: Sequence[Match],
    cues: QuestionCues,
    head: int,
    content_end: int,
    sentence_end: int,
    marked: bool,
) -> Asked | None:
    """The first form rule that matches, at the sentence's head or (in a
    marked sentence) at the head of a later clause: "Before we jump in, have
    you ...?" (in an unmarked one, only the rules with ``unmarked_clauses``:
    "Smiley Burnette, I don't know if you ..."); else a declarative question
    when the sentence is marked."""
    doc = tokens[0].doc
    heads = [head]
    # where each head's clause begins: an "or" there offers the other
    # alternative ("Does the raw data stay raw? Or do you transform it?",
    # "..., or is that a choice you made?")
    starts = {head: tokens[0].i}
    fronted: set[int] = set()  # heads of a main clause after a fronted one
    unmarked_clauses: set[int] = set()  # heads after a comma, no "?" in the sentence
    norms = [t.norm_ for t in tokens]
    base = tokens[0].i
    caption = not marked_anywhere(tokens)
    if caption:
        # a caption sentence that opens with a fronted clause ("before we
        # jump in have you worked on anything in ad tech"): the caption
        # component keeps it whole, and its main clause is the question
        main = _main_clause(norms, head - base, cues)
        if main is not None:
            heads.append(base + main)
            starts[base + main] = base + main
            fronted.add(base + main)
    # a clause quotes speech, whose "?" it is ("she's like, what ...?"); with
    # quotation marks, _inside_quotes has decided whose the "?" is
    quoting = False
    if marked:
        unquoted = not any(t.text in cues.quotes for t in tokens)
        for i, token in enumerate(tokens[:-1]):
            at_mark = token.i > head and clause_mark(token)
            if at_mark and unquoted and _quoted(norms, i, cues):
                quoting = True
            elif at_mark:
                clause = base + i + 1 + head_of(norms[i + 1 :], cues)
                if clause < content_end and clause not in heads:
                    heads.append(clause)
                    starts[clause] = base + i + 1
        # a clause that opens with a fronted one ("So moving on, given your
        # track record how can the public trust ...?"): its main clause asks,
        # unless what follows is a quote
        for clause in [] if quoting else list(heads):
            main = _main_clause(norms, clause - base, cues)
            if main is not None and base + main not in heads:
                heads.append(base + main)
                starts[base + main] = base + main
                fronted.add(base + main)
    elif any(m.key in cues.unmarked_clause_keys for m in matches):
        # a clause after a comma, for the rules that ask there without a "?"
        # ("Smiley Burnette, I don't know if you were old enough to remember him."),
        # looked for only when one of them matched in the sentence
        for i, token in enumerate(tokens[:-1]):
            if token.i > head and clause_mark(token):
                clause = base + i + 1 + head_of(norms[i + 1 :], cues)
                if clause < content_end and clause not in heads:
                    heads.append(clause)
                    starts[clause] = base + i + 1
                    unmarked_clauses.add(clause)
    if caption:
        # a compound whose later part asks the listener
        # ("so what actually broke with the job and what did you personally
        # do once you found out"): the caption component keeps such a
        # sentence whole, and only its second part says it asks
        for i in range(len(tokens) - 2):
            if (
                tokens[i].i > head
                and norms[i] in cues.part_conjunctions
                and norms[i + 1] in cues.wh_words
                and "you" in norms[i + 2 : i + 5]
            ):
                heads.append(base + i + 1)
                starts[base + i + 1] = base + i
    fallback: Asked | None = None  # a yielding rule's hit, if nothing later asks
    for at_head in heads:
        for number, rule in enumerate(cues.forms):
            if (rule.marked and not marked) or (rule.caption and not caption):
                continue
            if at_head in unmarked_clauses and not rule.unmarked_clauses:
                continue
            if (
                at_head != head
                and not marked
                and rule.form != "wh"
                and at_head not in fronted
                and at_head not in unmarked_clauses
            ):
                continue
            if at_head != head and (rule.at != "head" or not rule.clauses):
                continue
            key = f"form:{number}"
            hit = next(
                (
                    m
                    for m in matches
                    if m.key == key and _placed(m, rule.at, at_head, content_end, sentence_end)
                ),
                None,
            )
            if hit is None:
                continue
            piece = doc[hit.start : hit.end]
            cue = (piece if rule.cue is None else piece[rule.cue[0] : rule.cue[1]]).text
            form = rule.form
            if (
                form == "yes_no"
                and doc[starts[at_head]].norm_ == "or"
                and at_head not in unmarked_clauses
            ):
                return Asked("choice", doc[starts[at_head]].text, check_in=False)
            if form == "yes_no" and offers_choice(
                [t.norm_ for t in doc[hit.end : content_end]], cues
            ):
                form = "choice"
            if rule.yields:
                fallback = fallback or Asked(form, cue, check_in=False)
                break  # on to the next clause's head
            return Asked(form, cue, check_in=False)
    if fallback is not None:
        return fallback
    if marked and not quoting:
        last = tokens[-1]
        if last.is_punct and marked_by_question_mark(tokens):
            return Asked("declarative", last.text, False)
        # heard as asking by the caption model; a text with commas but no
        # sentence marks gets there too ("... stealing cars, you know,")
        words = [t for t in tokens if not t.is_punct]
        if words[-1].norm_ in cues.cut_off:
            return None  # heard as asking, but cut off: "oh that's"
        if _ends_with_tail([t.norm_ for t in words], cues.heard_tails):
            return None  # heard as asking, but trailing off: "... you know"
        if words[0].norm_ in cues.rule_words.answer_particles:
            return None  # heard as asking, but answering: "yeah you sound good"
        if all(t.norm_ in cues.heard_fillers for t in words):
            return None  # heard as asking, but only a filler: "now"
        return Asked("declarative", HEARD, False)
    return None


def _main_clause(norms: Sequence[str], head: int, cues: QuestionCues) -> int | None:
    """Where a question's words begin after a fronted clause that opens the
    sentence at ``head`` ("[before we jump in] have you worked ...", "[when
    you're working with AI in that way] how would you describe ..."), as
    questions.yaml ``caption_onsets`` reads an onset; None when the sentence
    opens with no subordinator or no question follows."""
    onsets = cues.caption_onsets
    if onsets is None or head >= len(norms) or norms[head] not in onsets.subordinators:
        return None
    for k in range(head + 2, len(norms) - 1):
        first = k  # lead-ins go with the question: "she's like | well what are you ..."
        while first - 1 > head and leads_in(norms, first - 1, onsets):
            first -= 1
        before_that = norms[first - 2] if first >= 2 else ""
        if not goes_on(norms[first - 1], onsets, cues.auxiliaries, before_that) and question_onset(
            norms, k, onsets, cues, also=onsets.fronted_subjects
        ):
            return k
    return None


def _placed(match: Match, at: Where, head: int, content_end: int, sentence_end: int) -> bool:
    if at == "head":
        return match.start == head
    if at == "end":
        return match.end in (content_end, sentence_end)
    return match.start == head and match.end == content_end


def _past_vocative(tokens: Sequence[Token], head: int, cues: QuestionCues) -> int:
    """The head after a name said to the listener at ``head``: one or two
    capitalised words and a comma ("Tobias, any last thoughts for your
    classmates?", "Mr. Reyes, ..."), then any openers; ``head`` when none
    is there. A question word, an auxiliary or "I" is no name."""
    at = head
    while (
        at < len(tokens)
        and at - head < 2
        and tokens[at].is_title
        and tokens[at].norm_ not in cues.wh_words
        and tokens[at].norm_ not in cues.auxiliaries
        and tokens[at].norm_ not in cues.openers
        and tokens[at].norm_ != "i"
    ):
        at += 1
    if at == head or at + 1 >= len(tokens) or tokens[at].text != ",":
        return head
    rest = [t.norm_ for t in tokens[at + 1 :]]
    return at + 1 + head_of(rest, cues)


def _inside_quotes(tokens: Sequence[Token], cues: QuestionCues) -> bool:
    """The final "?" sits inside a quotation: quoted speech, not a question.
    The quotation opens in the sentence, or before it when a quotation mark
    closes after the "?" and none comes before it (`asks, "hey, isn't your
    court hearing that big case? Which way is it going?"`)."""
    last_mark = max(i for i, t in enumerate(tokens) if "?" in t.text)
    opened = sum(1 for t in tokens[:last_mark] if t.text in cues.quotes)
    closed = sum(1 for t in tokens[last_mark + 1 :] if t.text in cues.quotes)
    return opened % 2 == 1 or (opened == 0 and closed % 2 == 1)


_COPULAS = frozenset({"is", "was"})


def _quoted(norms: Sequence[str], mark: int, cues: QuestionCues) -> bool:
    """The clause after the mark at ``mark`` is speech being quoted, not a
    question of the speaker's: after someone's verb of saying ("and then he
    said, is it ready?", "I asked him, what are you doing") or a quoting
    "like" ("she's like, Well, what are you digging for?"), fillers and
    marks between (questions.yaml ``quoted_speech``)."""
    words = cues.rule_words
    k = mark - 1
    while k >= 0 and (norms[k] in words.quote_fillers or norms[k] in CLAUSE_MARKS):
        k -= 1
    if k < 0:
        return False
    word = norms[k]
    b = k - 1
    while b >= 0 and norms[b] in CLAUSE_MARKS:
        b -= 1  # "the first thing a prospect asks, like, what ...?"
    before = norms[b] if b >= 0 else ""
    if word == "like":
        onsets = cues.caption_onsets
        return onsets is not None and bool(before) and quotes(before, onsets)
    if word in words.saying:
        # someone else said it: "he said, is it ready?", "... comes to you and
        # says, can we ...?"; not "so you said, the team is five people?" (put
        # back to confirm), "let me ask you, how ...?", "and not, say, ...",
        # "what the Court has now said, do you believe ...?"
        return before in words.sayers or (
            word in words.narrating and bool(before) and before not in words.not_narrators
        )
    if word in _COPULAS:
        # what was said or asked: "the first thing my VP said to me was, who
        # ...?", "the first question I'd ask is, is it real?"
        return any(w in words.saying for w in norms[max(k - 3, 0) : k])
    return word in words.hearers and before in words.saying
