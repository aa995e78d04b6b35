"""The question cues of ``data/questions.yaml``: loaded, checked, and compiled
into spaCy matchers (see :mod:`transcript_tool.annotate.questions` for how
they are used and the YAML file's comments for what each section means)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal, cast

from ..model import QUESTION_FORMS, QUESTION_INTENTS, QuestionForm, QuestionIntent, plain
from ..yamlnodes import load_data
from .caption_cues import CaptionOnsets, caption_onsets_from
from .greeting_cues import Greetings, greetings_from
from .markers import check_attrs
from .segment_cues import SegmentPhrases, segment_phrases_from
from .tokenmatch import TokenMatcher
from .word_lists import RuleWords, load_rule_words

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher

Where = Literal["head", "end", "whole"]


@dataclass(frozen=True)
class FormRule:
    label: str
    form: QuestionForm
    at: Where
    marked: bool
    cue: tuple[int, int] | None
    patterns: tuple[list[dict[str, Any]], ...]
    # also at the head of a later clause of a marked sentence ("Before we jump
    # in, have you ...?"); false for fragments that only ask as a whole
    clauses: bool = True
    # a hit at the sentence's head gives way to a form found at a later
    # clause's head ("When you joined, did you have a mentor?")
    yields: bool = False
    # only in a caption sentence (no punctuation at all): where a writer ended
    # "Like, what happens when a firmware update adds a field." with a full
    # stop, it is an aside, not a question
    caption: bool = False
    # also at the head of a clause after a comma in a sentence with no "?"
    # ("Smiley Burnette, I don't know if you were old enough to remember him.")
    unmarked_clauses: bool = False


@dataclass(frozen=True)
class VetoRule:
    label: str
    at: Where
    unmarked: bool
    patterns: tuple[list[dict[str, Any]], ...]
    phrases: tuple[str, ...]
    not_after: frozenset[str] = frozenset()  # no veto right after one of these words


@dataclass(frozen=True)
class QuestionCues:
    """The contents of ``data/questions.yaml``, checked."""

    auxiliaries: frozenset[str]
    wh_words: frozenset[str]
    openers: frozenset[str]
    opener_phrases: tuple[tuple[str, ...], ...]
    # the opener phrases by their first word, the longest first
    opener_phrases_by_first: Mapping[str, tuple[tuple[str, ...], ...]]
    forms: tuple[FormRule, ...]
    # the match keys ("form:N") of the form rules with ``unmarked_clauses``
    unmarked_clause_keys: frozenset[str]
    vetoes: tuple[VetoRule, ...]
    quotes: frozenset[str]
    check_in_slack: int
    check_in_trailers: frozenset[str]
    check_ins: tuple[str, ...]
    leave_to_ask: tuple[str, ...]
    announcements: frozenset[str]
    check_in_patterns: tuple[list[dict[str, Any]], ...]
    check_in_state_patterns: tuple[list[dict[str, Any]], ...]
    check_ins_whole: tuple[str, ...]
    check_in_tails: tuple[str, ...]
    intents: tuple[tuple[QuestionIntent, tuple[str, ...]], ...]
    # intent cues as token patterns, tried with the phrases of their intent
    intent_patterns: tuple[tuple[QuestionIntent, tuple[list[dict[str, Any]], ...]], ...]
    candidate_clarification: tuple[str, ...]
    hypotheticals: tuple[str, ...]
    asks_for_more: tuple[str, ...]
    invitation_statements: tuple[str, ...]
    company_words: frozenset[str]
    why_askers: frozenset[str]
    task_nouns: frozenset[str]
    restatements: tuple[tuple[str, ...], ...]
    segment: SegmentPhrases  # the phrase lists only the segmenter reads
    listener_words: frozenset[str]
    refers_back: frozenset[str]
    follows_with: frozenset[str]
    part_conjunctions: frozenset[str]
    part_starters: frozenset[str]
    part_verb_starters: frozenset[str]
    part_verb_subjects: frozenset[str]
    frame_words: frozenset[str]
    reask_phrases: tuple[str, ...]
    repeat_requests: frozenset[str] = frozenset()
    pushback_acknowledgements: frozenset[str] = frozenset()
    reask_own_fault: tuple[str, ...] = ()
    reason_asks: tuple[tuple[str, ...], ...] = ()
    exercise_setups: tuple[tuple[str, ...], ...] = ()
    audience_phrases: tuple[tuple[str, ...], ...] = ()
    asking_whole: frozenset[str] = frozenset()
    restating_phrases: frozenset[str] = frozenset()
    confirmations: frozenset[str] = frozenset()
    tags_alone: frozenset[str] = frozenset()
    terms_asked: frozenset[str] = frozenset()
    plan_openings: tuple[tuple[str, ...], ...] = ()
    plan_tags: tuple[tuple[str, ...], ...] = ()
    checked_subjects: frozenset[str] = frozenset()
    checked_not_before: frozenset[str] = frozenset()
    checked_longest: int = 0
    subject_openers: frozenset[str] = frozenset()
    # phrases that open a new topic: no pointer back at the answer before
    new_topic: tuple[tuple[str, ...], ...] = ()
    # "Question two:", "Round 3,": one of these, a number and a mark open a sentence
    numbered_openers: frozenset[str] = frozenset()
    number_words: frozenset[str] = frozenset()
    fillers: frozenset[str] = frozenset()
    restart_hesitations: frozenset[str] = frozenset()
    cut_off: frozenset[str] = frozenset()
    heard_tails: tuple[tuple[str, ...], ...] = ()
    greetings: Greetings | None = None  # the greeting that opens a call (segment/phrases.py)
    heard_fillers: frozenset[str] = frozenset()
    heard_clause_words: frozenset[str] = frozenset()
    caption_onsets: CaptionOnsets | None = None
    rule_words: RuleWords = field(kw_only=True)

    def asks_leave(self, form_cue: str) -> bool:
        """Whether a question whose form cue is ``form_cue`` asks leave to ask
        (``leave_to_ask``: "Can I follow up on that?"), a question of what it
        announces (taxonomy tie-break 12)."""
        return plain(form_cue) in self.leave_to_ask

    def announces(self, form_cue: str) -> bool:
        """Whether a question whose form cue is ``form_cue`` announces a topic
        with a request (``announcements``: "Let's talk about state."): no
        question of its own where its turn goes on to ask."""
        return plain(form_cue) in self.announcements


def load_cues(text: str | None = None) -> QuestionCues:
    """Cues from ``data/questions.yaml`` (or ``text``); ValueError on a bad rule."""
    if text is None:
        return _shipped_cues()
    raw = load_data(text)
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
                clauses=bool(entry.get("clauses", True)),
                yields=bool(entry.get("yields", False)),
                caption=bool(entry.get("caption", False)),
                unmarked_clauses=bool(entry.get("unmarked_clauses", False)),
            )
        )
    vetoes = [
        VetoRule(
            label=entry["label"],
            at=_where(entry, f"not_questions/{number}"),
            unmarked=bool(entry.get("unmarked", False)),
            patterns=_patterns(entry, f"not_questions/{number}"),
            phrases=tuple(entry.get("phrases", ())),
            not_after=frozenset(entry.get("not_after", ())),
        )
        for number, entry in enumerate(raw["not_questions"])
    ]
    intent_patterns = raw.get("intent_patterns", {})
    for key in ("intents", "intent_patterns"):
        unknown = set(raw.get(key, {})) - set(QUESTION_INTENTS)
        if unknown:
            raise ValueError(f"questions.yaml {key}: unknown intent(s) {sorted(unknown)}")
    opener_phrases = tuple(tuple(p) for p in raw["opener_phrases"])
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in opener_phrases:
        by_first.setdefault(phrase[0], []).append(phrase)
    return QuestionCues(
        auxiliaries=frozenset(words["auxiliaries"]),
        wh_words=frozenset(words["wh"]),
        openers=frozenset(raw["openers"]),
        opener_phrases=opener_phrases,
        # the longest first: "my next question is" before "my next question"
        opener_phrases_by_first={
            word: tuple(sorted(found, key=len, reverse=True)) for word, found in by_first.items()
        },
        forms=tuple(forms),
        unmarked_clause_keys=frozenset(
            f"form:{number}" for number, rule in enumerate(forms) if rule.unmarked_clauses
        ),
        vetoes=tuple(vetoes),
        quotes=frozenset(raw["quotes"]),
        check_in_slack=int(raw["check_in_slack"]),
        check_in_trailers=frozenset(raw.get("check_in_trailers", ())),
        check_ins=tuple(raw["check_ins"]),
        leave_to_ask=tuple(raw.get("leave_to_ask", ())),
        announcements=frozenset(raw.get("announcements", ())),
        check_in_patterns=_patterns(raw, "", "check_in_patterns"),
        check_in_state_patterns=_patterns(raw, "", "check_in_state_patterns"),
        check_ins_whole=tuple(raw["check_ins_whole"]),
        check_in_tails=tuple(raw.get("check_in_tails", ())),
        asking_whole=frozenset(raw.get("asking_whole", ())),
        intents=tuple((intent, tuple(phrases)) for intent, phrases in raw["intents"].items()),
        intent_patterns=tuple(
            (intent, _patterns(intent_patterns, "intent_patterns", intent))
            for intent in intent_patterns
        ),
        candidate_clarification=tuple(raw["candidate_clarification"]),
        hypotheticals=tuple(raw["hypotheticals"]),
        asks_for_more=tuple(raw["asks_for_more"]),
        invitation_statements=tuple(raw.get("invitation_statements", ())),
        company_words=frozenset(raw.get("company_words", ())),
        why_askers=frozenset(raw.get("why_askers", ())),
        task_nouns=frozenset(raw.get("task_nouns", ())),
        restatements=tuple(tuple(phrase.split()) for phrase in raw["restatements"]),
        segment=segment_phrases_from(raw),
        greetings=greetings_from(raw.get("greetings")),
        listener_words=frozenset(raw["listener_words"]),
        refers_back=frozenset(raw["refers_back"]),
        follows_with=frozenset(raw["follows_with"]),
        part_conjunctions=frozenset(raw["part_conjunctions"]),
        part_starters=frozenset(raw["part_starters"]),
        part_verb_starters=frozenset(raw["part_verb_starters"]),
        part_verb_subjects=frozenset(raw["part_verb_subjects"]),
        frame_words=frozenset(raw["frame_words"]),
        reask_phrases=tuple(raw["reask_phrases"]),
        repeat_requests=frozenset(raw.get("repeat_requests", ())),
        pushback_acknowledgements=frozenset(raw.get("pushback_acknowledgements", ())),
        reask_own_fault=tuple(raw.get("reask_own_fault", ())),
        reason_asks=tuple(tuple(phrase.split()) for phrase in raw.get("reason_asks", ())),
        exercise_setups=tuple(tuple(p.split()) for p in raw.get("exercise_setups", ())),
        audience_phrases=tuple(tuple(p.split()) for p in raw.get("audience_phrases", ())),
        restating_phrases=frozenset(raw.get("restating_phrases", ())),
        confirmations=frozenset(raw.get("confirmations", ())),
        tags_alone=frozenset(raw.get("tags_alone", ())),
        terms_asked=frozenset(raw.get("terms_asked", ())),
        plan_openings=tuple(tuple(p.split()) for p in raw.get("plan_openings", ())),
        plan_tags=tuple(tuple(p.split()) for p in raw.get("plan_tags", ())),
        **_checked(raw.get("checked_statements")),
        subject_openers=frozenset(raw.get("subject_openers", ())),
        numbered_openers=frozenset(raw.get("numbered_openers", ())),
        new_topic=tuple(tuple(p) for p in raw.get("new_topic", ())),
        number_words=frozenset(raw.get("number_words", ())),
        fillers=frozenset(raw.get("fillers", ())),
        restart_hesitations=frozenset(raw.get("restart_hesitations", ())),
        cut_off=frozenset(raw.get("cut_off", ())),
        heard_tails=tuple(tuple(tail.split()) for tail in raw.get("heard_tails", ())),
        heard_fillers=frozenset(raw.get("heard_fillers", ())),
        heard_clause_words=frozenset(raw.get("heard_clause_words", ())),
        caption_onsets=caption_onsets_from(raw.get("caption_onsets")),
        rule_words=load_rule_words(raw),
    )


def rule_words() -> RuleWords:
    """The shipped :class:`RuleWords`."""
    return load_cues().rule_words


def _checked(raw: dict[str, Any] | None) -> dict[str, Any]:
    if raw is None:
        return {}
    return {
        "checked_subjects": frozenset(raw["subjects"]),
        "checked_not_before": frozenset(raw["not_before"]),
        "checked_longest": int(raw["longest"]),
    }


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
class Matchers:
    """The cues compiled for one pipeline; ``keys`` maps match ids to rule keys
    ("form:3", "not:0", "check_in", "intent:technical" ...)."""

    token: TokenMatcher
    phrase: PhraseMatcher
    keys: dict[int, str] = field(default_factory=dict)

    def add_patterns(
        self, key: str, patterns: Iterable[list[dict[str, Any]]], nlp: Language
    ) -> None:
        self.keys[nlp.vocab.strings.add(key)] = key
        self.token.add(key, list(patterns))

    def add_phrases(self, key: str, phrases: Iterable[str], nlp: Language) -> None:
        self.keys[nlp.vocab.strings.add(key)] = key
        self.phrase.add(key, [nlp.make_doc(p) for p in phrases])


@lru_cache(maxsize=4)
def matchers_for(nlp: Language) -> Matchers:
    """The shipped cues as spaCy matchers for ``nlp`` (built once per pipeline)."""
    from spacy.matcher import PhraseMatcher

    cues = load_cues()
    found = Matchers(TokenMatcher(nlp.vocab), PhraseMatcher(nlp.vocab, attr="NORM"))
    for number, rule in enumerate(cues.forms):
        found.add_patterns(f"form:{number}", rule.patterns, nlp)
    for number, veto in enumerate(cues.vetoes):
        if veto.patterns:
            found.add_patterns(f"not:{number}", veto.patterns, nlp)
        if veto.phrases:
            found.add_phrases(f"not:{number}", veto.phrases, nlp)
    found.add_phrases("check_in", cues.check_ins, nlp)
    found.add_phrases("leave_to_ask", cues.leave_to_ask, nlp)
    found.add_patterns("check_in_head", cues.check_in_patterns, nlp)
    found.add_patterns("check_in_state", cues.check_in_state_patterns, nlp)
    found.add_phrases("check_in_whole", cues.check_ins_whole, nlp)
    found.add_phrases("check_in_tail", cues.check_in_tails, nlp)
    for intent, phrases in cues.intents:
        found.add_phrases(f"intent:{intent}", phrases, nlp)
    for intent, patterns in cues.intent_patterns:
        found.add_patterns(f"intent:{intent}", patterns, nlp)
    found.add_phrases("candidate_clarification", cues.candidate_clarification, nlp)
    found.add_phrases("hypothetical", cues.hypotheticals, nlp)
    found.add_phrases("asks_for_more", cues.asks_for_more, nlp)
    found.add_phrases("invites", cues.invitation_statements, nlp)
    found.add_phrases("reask", cues.reask_phrases, nlp)
    return found
