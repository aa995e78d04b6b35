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
  use a threshold?"),

and no ``not_questions`` rule vetoes it (backchannels "really?", "you know?",
"what I did was ...", "I don't know what ...", a "?" inside quoted speech).
Check-ins ("does that make sense?") are kept apart from questions. A question
by anyone but the interviewer in the middle of their own turn, or asking about
themselves ("so what did I do?"), is rhetorical and dropped.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal, cast

import yaml

from ..model import (
    QUESTION_FORMS,
    QUESTION_INTENTS,
    Question,
    QuestionForm,
    QuestionIntent,
    Role,
    Sentence,
    Transcript,
    Word,
)
from .markers import check_attrs

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.tokens import Doc, Span, Token

Where = Literal["head", "end", "whole"]
ASKS_EXTENSION = "tt_asks"
"""Token extension set by the caption sentence component on the last word of
an unpunctuated sentence that the segmenter heard as a question."""


@dataclass(frozen=True)
class FormRule:
    label: str
    form: QuestionForm
    at: Where
    marked: bool
    cue: tuple[int, int] | None
    patterns: tuple[list[dict[str, Any]], ...]


@dataclass(frozen=True)
class VetoRule:
    label: str
    at: Where
    unmarked: bool
    patterns: tuple[list[dict[str, Any]], ...]
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class QuestionCues:
    """The contents of ``data/questions.yaml``, checked."""

    auxiliaries: frozenset[str]
    wh_words: frozenset[str]
    openers: frozenset[str]
    opener_phrases: tuple[tuple[str, ...], ...]
    forms: tuple[FormRule, ...]
    vetoes: tuple[VetoRule, ...]
    quotes: frozenset[str]
    check_in_slack: int
    check_ins: tuple[str, ...]
    check_in_patterns: tuple[list[dict[str, Any]], ...]
    check_ins_whole: tuple[str, ...]
    intents: tuple[tuple[QuestionIntent, tuple[str, ...]], ...]
    candidate_clarification: tuple[str, ...]
    refers_back: frozenset[str]
    follows_with: frozenset[str]
    part_conjunctions: frozenset[str]
    part_starters: frozenset[str]
    frame_words: frozenset[str]
    reask_phrases: tuple[str, ...]


def load_cues(text: str | None = None) -> QuestionCues:
    """Cues from ``data/questions.yaml`` (or ``text``); ValueError on a bad rule."""
    if text is None:
        return _shipped_cues()
    raw = yaml.safe_load(text)
    words = raw["words"]
    forms = []
    for number, entry in enumerate(raw["forms"]):
        if entry["form"] not in QUESTION_FORMS:
            raise ValueError(f"questions.yaml forms/{number}: unknown form {entry['form']!r}")
        forms.append(
            FormRule(
                label=entry["label"],
                form=entry["form"],
                at=_where(entry, f"forms/{number}"),
                marked=bool(entry.get("marked", False)),
                cue=(int(entry["cue"][0]), int(entry["cue"][1])) if "cue" in entry else None,
                patterns=_patterns(entry, f"forms/{number}"),
            )
        )
    vetoes = [
        VetoRule(
            label=entry["label"],
            at=_where(entry, f"not_questions/{number}"),
            unmarked=bool(entry.get("unmarked", False)),
            patterns=_patterns(entry, f"not_questions/{number}"),
            phrases=tuple(entry.get("phrases", ())),
        )
        for number, entry in enumerate(raw["not_questions"])
    ]
    unknown = set(raw["intents"]) - set(QUESTION_INTENTS)
    if unknown:
        raise ValueError(f"questions.yaml intents: unknown intent(s) {sorted(unknown)}")
    return QuestionCues(
        auxiliaries=frozenset(words["auxiliaries"]),
        wh_words=frozenset(words["wh"]),
        openers=frozenset(raw["openers"]),
        opener_phrases=tuple(tuple(p) for p in raw["opener_phrases"]),
        forms=tuple(forms),
        vetoes=tuple(vetoes),
        quotes=frozenset(raw["quotes"]),
        check_in_slack=int(raw["check_in_slack"]),
        check_ins=tuple(raw["check_ins"]),
        check_in_patterns=_patterns(raw, "", "check_in_patterns"),
        check_ins_whole=tuple(raw["check_ins_whole"]),
        intents=tuple((intent, tuple(phrases)) for intent, phrases in raw["intents"].items()),
        candidate_clarification=tuple(raw["candidate_clarification"]),
        refers_back=frozenset(raw["refers_back"]),
        follows_with=frozenset(raw["follows_with"]),
        part_conjunctions=frozenset(raw["part_conjunctions"]),
        part_starters=frozenset(raw["part_starters"]),
        frame_words=frozenset(raw["frame_words"]),
        reask_phrases=tuple(raw["reask_phrases"]),
    )


@lru_cache(maxsize=1)
def _shipped_cues() -> QuestionCues:
    text = resources.files("transcript_tool.data").joinpath("questions.yaml").read_text("utf-8")
    return load_cues(text)


def _where(entry: dict[str, Any], path: str) -> Where:
    at = entry.get("at", "head")
    if at not in ("head", "end", "whole"):
        raise ValueError(f"questions.yaml {path}: 'at' must be head, end or whole, not {at!r}")
    return cast(Where, at)


def _patterns(
    entry: dict[str, Any], path: str, key: str = "patterns"
) -> tuple[list[dict[str, Any]], ...]:
    patterns = tuple(entry.get(key, ()))
    for number, pattern in enumerate(patterns):
        check_attrs(pattern, f"questions.yaml {path}/{key}/{number}")
    return patterns


# ------------------------------------------------------------------- matchers


@dataclass
class _Matchers:
    token: Matcher
    phrase: PhraseMatcher
    keys: dict[int, str] = field(default_factory=dict)


@lru_cache(maxsize=4)
def _matchers(nlp: Language) -> _Matchers:
    from spacy.matcher import Matcher, PhraseMatcher

    cues = load_cues()
    token = Matcher(nlp.vocab)
    phrase = PhraseMatcher(nlp.vocab, attr="NORM")
    found = _Matchers(token, phrase)

    def add_phrases(key: str, phrases: Iterable[str]) -> None:
        found.keys[nlp.vocab.strings.add(key)] = key
        phrase.add(key, [nlp.make_doc(p) for p in phrases])

    for number, rule in enumerate(cues.forms):
        key = f"form:{number}"
        found.keys[nlp.vocab.strings.add(key)] = key
        token.add(key, list(rule.patterns))
    for number, veto in enumerate(cues.vetoes):
        key = f"not:{number}"
        found.keys[nlp.vocab.strings.add(key)] = key
        if veto.patterns:
            token.add(key, list(veto.patterns))
        if veto.phrases:
            phrase.add(key, [nlp.make_doc(p) for p in veto.phrases])
    add_phrases("check_in", cues.check_ins)
    found.keys[nlp.vocab.strings.add("check_in_head")] = "check_in_head"
    token.add("check_in_head", list(cues.check_in_patterns))
    add_phrases("check_in_whole", cues.check_ins_whole)
    for intent, phrases in cues.intents:
        add_phrases(f"intent:{intent}", phrases)
    add_phrases("candidate_clarification", cues.candidate_clarification)
    add_phrases("reask", cues.reask_phrases)
    return found


@dataclass(frozen=True)
class _Match:
    key: str
    start: int  # token index in the doc
    end: int
    text: str


def _doc_matches(doc: Doc, matchers: _Matchers) -> list[_Match]:
    """Every match in ``doc``, in order of start (longest first)."""
    found = [
        _Match(matchers.keys[match_id], start, end, doc[start:end].text)
        for match_id, start, end in [*matchers.token(doc), *matchers.phrase(doc)]
    ]
    found.sort(key=lambda m: (m.start, -m.end, m.key))
    return found


def _within(matches: Sequence[_Match], span: Span) -> list[_Match]:
    starts = [m.start for m in matches]
    first = bisect.bisect_left(starts, span.start)
    last = bisect.bisect_left(starts, span.end)
    return [m for m in matches[first:last] if m.end <= span.end]


# ------------------------------------------------------------------ detection


@dataclass(frozen=True)
class Asked:
    """What one sentence asks: its form and the words that decided it."""

    form: QuestionForm
    cue: str
    check_in: bool


def find_questions(
    transcript: Transcript,
    sentences: Sequence[Sentence],
    spans: Sequence[Span],
    nlp: Language,
) -> tuple[tuple[Question, ...], tuple[Question, ...]]:
    """(questions, check-ins) of every turn, in order (answer fields not yet filled)."""
    cues = load_cues()
    matchers = _matchers(nlp)
    questions: list[Question] = []
    check_ins: list[Question] = []
    asked_last: QuestionIntent | None = None
    last_in_turn = {s.turn: s.index for s in sentences}
    first_in_turn: dict[int, int] = {}
    for s in sentences:
        first_in_turn.setdefault(s.turn, s.index)
    doc_matches: list[_Match] = []
    doc: Doc | None = None
    for sentence, span in zip(sentences, spans, strict=True):
        if span.doc is not doc:
            doc = span.doc
            doc_matches = _doc_matches(doc, matchers)
        matches = _within(doc_matches, span)
        asked = classify_span(span, matches, cues)
        if asked is None:
            continue
        turn = transcript.turns[sentence.turn]
        if asked.check_in:
            check_ins.append(
                _question(len(check_ins), sentence, turn.role, asked, "check_in", asked.cue, ())
            )
            continue
        from_end = last_in_turn[sentence.turn] - sentence.index
        from_start = sentence.index - first_in_turn[sentence.turn]
        if turn.role != "interviewer" and _rhetorical(
            span, asked.form, matches, cues, from_start, from_end
        ):
            continue
        follows_answer = turn.index > 0 and transcript.turns[turn.index - 1].role != turn.role
        intent, intent_cue = classify_intent(
            span, matches, asked.form, turn.role, follows_answer, asked_last, cues
        )
        if turn.role == "interviewer":
            asked_last = intent
        parts = split_parts(sentence, asked.form, cues)
        questions.append(
            _question(
                len(questions),
                sentence,
                turn.role,
                asked,
                intent,
                intent_cue,
                parts,
                reask_cue=_first(matches, "reask"),
            )
        )
    return tuple(questions), tuple(check_ins)


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
        form_cue=asked.cue,
        intent_cue=intent_cue,
        parts=tuple(sentence.text[a - sentence.start : b - sentence.start] for a, b, _ in parts)
        or (sentence.text,),
        focus=tuple(focus for _, _, focus in parts) or ((),),
        reask_cue=reask_cue,
    )


def classify_span(span: Span, matches: Sequence[_Match], cues: QuestionCues) -> Asked | None:
    """What the sentence ``span`` asks, or None when it asks nothing."""
    tokens = [t for t in span if not t.is_space]
    if not tokens:
        return None
    norms = [t.norm_ for t in tokens]
    base = tokens[0].i
    head = base + _head(norms, cues)
    words = [t for t in tokens if not t.is_punct]
    if not words:
        return None
    if head > words[-1].i:
        head = words[0].i  # nothing but openers: "Okay?", "Right?"
    content_end = words[-1].i + 1
    sentence_end = tokens[-1].i + 1
    question_mark = _marked_by_question_mark(tokens)
    marked = question_mark or bool(getattr(words[-1]._, ASKS_EXTENSION, False))
    if question_mark and _inside_quotes(tokens, cues):
        return None
    asked = _form(tokens, matches, cues, head, content_end, sentence_end, marked)
    if asked is None:
        return None
    slack = len(words) - cues.check_in_slack
    for m in matches:
        if (
            (m.key == "check_in" and m.end - m.start >= slack)
            or (m.key == "check_in_whole" and m.start == head and m.end == content_end)
            or (m.key == "check_in_head" and m.start == head)
        ):
            return Asked(asked.form, m.text, check_in=True)
    for veto_number, veto in enumerate(cues.vetoes):
        if veto.unmarked and marked:
            continue
        key = f"not:{veto_number}"
        if any(
            _placed(m, veto.at, head, content_end, sentence_end) for m in matches if m.key == key
        ):
            return None
    return asked


def _form(
    tokens: Sequence[Token],
    matches: Sequence[_Match],
    cues: QuestionCues,
    head: int,
    content_end: int,
    sentence_end: int,
    marked: bool,
) -> Asked | None:
    """The first form rule that matches, at the sentence's head or (in a
    marked sentence) at the head of a later clause: "Before we jump in, have
    you ...?"; else a declarative question when the sentence is marked."""
    doc = tokens[0].doc
    heads = [head]
    if marked:
        norms = [t.norm_ for t in tokens]
        base = tokens[0].i
        for i, token in enumerate(tokens[:-1]):
            if token.i > head and token.text in _CLAUSE_MARKS:
                clause = base + i + 1 + _head(norms[i + 1 :], cues)
                if clause < content_end and clause not in heads:
                    heads.append(clause)
    for at_head in heads:
        for number, rule in enumerate(cues.forms):
            if rule.marked and not marked:
                continue
            if rule.at != "head" and at_head != head:
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
            if form == "yes_no" and _offers_choice([t.norm_ for t in doc[hit.end : content_end]]):
                form = "choice"
            return Asked(form, cue, check_in=False)
    if marked:
        last = tokens[-1]
        return Asked("declarative", last.text if last.is_punct else "(heard as a question)", False)
    return None


_CLAUSE_MARKS = frozenset({",", ":", ";", "—", "–", "-", "--"})


def _placed(match: _Match, at: Where, head: int, content_end: int, sentence_end: int) -> bool:
    if at == "head":
        return match.start == head
    if at == "end":
        return match.end in (content_end, sentence_end)
    return match.start == head and match.end == content_end


def _marked_by_question_mark(tokens: Sequence[Token]) -> bool:
    """The sentence ends in "?" (possibly followed by a closing quote or bracket)."""
    for token in reversed(tokens[-3:]):
        if not token.is_punct:
            return False
        if "?" in token.text:
            return True
    return False


def _inside_quotes(tokens: Sequence[Token], cues: QuestionCues) -> bool:
    """The final "?" sits inside an open quotation: quoted speech, not a question."""
    last_mark = max(i for i, t in enumerate(tokens) if "?" in t.text)
    opened = sum(1 for t in tokens[:last_mark] if t.text in cues.quotes)
    return opened % 2 == 1


def _offers_choice(norms: Sequence[str]) -> bool:
    """ "Would you score them one at a time, or in batches?" offers a choice;
    "any ticketing or help desk software?" does not."""
    if "or" not in norms:
        return False
    before = norms[: norms.index("or")]
    after = norms[norms.index("or") + 1 :]
    if not after or after[0] in {"not", "anything", "something", "so", "whatever"}:
        return False
    return not ({"any", "anything", "anyone", "some", "either"} & set(before))


def _head(norms: Sequence[str], cues: QuestionCues) -> int:
    """Index of the first word after discourse openers ("so", "okay", "to start", ",")."""
    index = 0
    while index < len(norms):
        if norms[index] in cues.openers:
            index += 1
            continue
        phrase = next(
            (p for p in cues.opener_phrases if tuple(norms[index : index + len(p)]) == p), None
        )
        if phrase is None:
            break
        index += len(phrase)
    return index


def _first(matches: Sequence[_Match], key: str) -> str | None:
    """The longest (then earliest) match of ``key``, lowercased: the cue quoted."""
    hits = [m for m in matches if m.key == key]
    if not hits:
        return None
    best = min(hits, key=lambda m: (m.start - m.end, m.start))
    return best.text.lower()


def _rhetorical(
    span: Span,
    form: QuestionForm,
    matches: Sequence[_Match],
    cues: QuestionCues,
    from_start: int,
    from_end: int,
) -> bool:
    """A speaker asking themselves, not the listener, in the middle of their
    turn: "so what did I do? I called ...", "..., right?" or "..., you know?".

    ``from_start``/``from_end`` count the sentences before and after this one
    in its turn. A question at the start of a turn (a clarifying question) or
    among its last two sentences (a question for the listener) is asked.
    """
    if _first(matches, "intent:clarification"):
        return False
    norms = [t.norm_ for t in span if not (t.is_punct or t.is_space)]
    rest = norms[_head(norms, cues) :]
    asks_self = (
        len(rest) >= 3
        and rest[0] in cues.wh_words
        and rest[1] in cues.auxiliaries
        and rest[2] in {"i", "we"}
    )
    asks_self = asks_self or (
        len(rest) >= 2
        and rest[0] in cues.auxiliaries
        and rest[1] == "i"
        and rest[0] not in {"can", "could", "should", "may"}
    )
    if from_end == 0:
        return False  # a question that ends its turn is put to the listener
    if asks_self:
        return True
    if form in ("tag", "declarative") or (len(rest) == 1 and rest[0] in cues.wh_words):
        return True
    return from_start > 0 and from_end > 1


def classify_intent(
    span: Span,
    matches: Sequence[_Match],
    form: QuestionForm,
    role: Role,
    follows_answer: bool,
    asked_last: QuestionIntent | None,
    cues: QuestionCues,
) -> tuple[QuestionIntent, str]:
    """(intent, cue) for a question; the cue is the words that decided.

    ``asked_last`` is the intent of the interviewer's last question: a
    candidate's question while a substantive one is open is a clarification.
    Without a cue, an interviewer's statement with a question mark ("so you'd
    use a left join there?") checks their understanding (clarification); a
    short question right after an answer that points back at it is a
    follow-up; anything else is background.
    """
    if role == "candidate":
        cue = _first(matches, "intent:clarification")
        if cue:
            return "clarification", cue
        if asked_last == "small_talk":
            return "small_talk", "asked back during small talk"
        if asked_last not in (None, "closing"):
            cue = _first(matches, "candidate_clarification")
            return "clarification", cue or f"asked while answering a {asked_last} question"
        return "reverse", "asked by the candidate"
    for intent, _ in cues.intents:
        cue = _first(matches, f"intent:{intent}")
        if cue:
            return intent, cue
    if form == "declarative":
        return "clarification", "a statement checked with a question mark"
    norms = [t.norm_ for t in span if not (t.is_punct or t.is_space)]
    back = sorted(cues.refers_back.intersection(norms[:8]))
    opens_with = norms[:1] in [[w] for w in cues.follows_with]
    if form != "tag" and follows_answer and len(norms) <= 12 and (back or opens_with):
        pointer = ", ".join(back) or norms[0]
        return "follow_up", f"short question right after an answer, referring back ({pointer})"
    return "background", "no intent cue matched"


# --------------------------------------------------------------- parts, focus


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

    Splits at a conjunction ("and"/"or", not the "or" of a choice question)
    followed by a word that starts a new ask ("and when", "and with", "or
    how"), when both sides have focus terms of their own.
    """
    words = list(sentence.words)
    cuts = [0]
    for i in range(1, len(words) - 1):
        conj, nxt = words[i].lower, words[i + 1].lower
        if (
            conj in cues.part_conjunctions
            and nxt in cues.part_starters
            and not (form == "choice" and conj == "or")
        ):
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
                and (piece[-1].is_punct or piece[-1].lower in cues.part_conjunctions)
                and b != len(words)
            ):
                piece = piece[:-1]
        parts.append((piece[0].start, piece[-1].end, focus_terms(piece, cues)))
    return parts


# -------------------------------------------------------------------- re-asks

REASK_OVERLAP = 0.6
"""An interviewer question re-asks an earlier one when it shares at least this
share of the smaller question's focus terms (and at least two of them)."""
_NOT_REASKED: frozenset[str] = frozenset({"check_in", "closing", "small_talk", "reverse"})


def find_reasks(questions: Sequence[Question]) -> tuple[Question, ...]:
    """Questions with ``reask_of`` set where an interviewer asks again what an
    earlier question of theirs (in an earlier turn) asked: the question says so
    ("let me rephrase", "what I'm asking is": it re-asks the last one) or it
    shares most of an earlier question's focus terms (see REASK_OVERLAP)."""
    out = list(questions)
    for question in questions:
        if question.role != "interviewer" or question.intent in _NOT_REASKED:
            continue
        terms = {t for part in question.focus for t in part}
        earlier = [
            q
            for q in questions[: question.index]
            if q.role == "interviewer" and q.turn != question.turn and q.intent not in _NOT_REASKED
        ]
        best: tuple[float, Question] | None = None
        for candidate in earlier:
            before = {t for part in candidate.focus for t in part}
            shared = terms & before
            smaller = min(len(terms), len(before))
            overlap = len(shared) / smaller if smaller else 0.0
            strong = len(shared) >= 2 and overlap >= REASK_OVERLAP
            if strong and (best is None or overlap >= best[0]):
                best = (overlap, candidate)
        if best is None and question.reask_cue and earlier:
            best = (0.0, earlier[-1])
        if best is None:
            continue
        original = best[1]
        shared_terms = sorted(terms & {t for part in original.focus for t in part})
        cue = question.reask_cue or "asks again about " + ", ".join(shared_terms)
        out[question.index] = dataclasses.replace(question, reask_of=original.index, reask_cue=cue)
    return tuple(out)
