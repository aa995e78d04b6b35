"""The interviewer-habit cues of ``data/interviewer.yaml``: loaded, checked,
and found in a turn's text (see :mod:`transcript_tool.metrics.interviewer` for
the metrics that read them).

Leading-question and rephrasing cues are spaCy Matcher patterns and
PhraseMatcher phrases (on NORM), matched against a turn with the tokenizer of
the blank pipeline; a match knows whether it starts its sentence (after
openers such as "so", "okay", from ``data/questions.yaml``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal, cast

from ..model import QUESTION_FORMS, QuestionForm, readable
from ..yamlnodes import load_data
from .heads import head_of
from .markers import check_attrs
from .matching import CueMatcher, MatchRule
from .question_cues import QuestionCues, load_cues

if TYPE_CHECKING:
    from spacy.tokens import Doc

At = Literal["head", "any"]


@dataclass(frozen=True)
class LeadingRule:
    """A leading-question cue; ``forms`` limits it to questions of those
    forms (empty: any form)."""

    label: str
    at: At
    forms: frozenset[QuestionForm]
    patterns: tuple[list[dict[str, Any]], ...]
    phrases: tuple[str, ...]

    @property
    def declarative_only(self) -> bool:
        return self.forms == {"declarative"}


@dataclass(frozen=True)
class InterviewerCues:
    """The contents of ``data/interviewer.yaml``, checked."""

    leading: tuple[LeadingRule, ...]
    not_leading_tags: frozenset[str]
    short_declarative_words: int
    rephrase_cues: tuple[str, ...]
    line_check_words: frozenset[str] = frozenset()


def load_interviewer_cues(text: str | None = None) -> InterviewerCues:
    """Cues from ``data/interviewer.yaml`` (or ``text``); ValueError on a bad rule."""
    if text is None:
        return _shipped_cues()
    raw = load_data(text)
    rules = []
    for number, entry in enumerate(raw["leading"]):
        where = f"interviewer.yaml leading/{number}"
        at = entry.get("at", "any")
        if at not in ("head", "any"):
            raise ValueError(f"{where}: 'at' must be head or any, not {at!r}")
        patterns = tuple(entry.get("patterns", ()))
        for index, pattern in enumerate(patterns):
            check_attrs(pattern, f"{where}/patterns/{index}")
        phrases = tuple(str(p) for p in entry.get("phrases", ()))
        if not patterns and not phrases:
            raise ValueError(f"{where}: a rule needs patterns or phrases")
        forms = frozenset(entry.get("forms", ()))
        unknown = sorted(forms - set(QUESTION_FORMS))
        if unknown:
            raise ValueError(f"{where}: unknown form(s) {unknown}")
        rules.append(
            LeadingRule(
                str(entry["label"]),
                cast(At, at),
                cast("frozenset[QuestionForm]", forms),
                patterns,
                phrases,
            )
        )
    return InterviewerCues(
        leading=tuple(rules),
        not_leading_tags=frozenset(str(t).lower() for t in raw["not_leading_tags"]),
        short_declarative_words=int(raw["short_declarative_words"]),
        rephrase_cues=tuple(str(p) for p in raw["rephrase_cues"]),
        line_check_words=frozenset(str(w).lower() for w in raw.get("line_check_words", ())),
    )


@lru_cache(maxsize=1)
def _shipped_cues() -> InterviewerCues:
    data = resources.files("transcript_tool.data").joinpath("interviewer.yaml")
    return load_interviewer_cues(data.read_text("utf-8"))


def _rules() -> Iterator[MatchRule[str]]:
    cues = load_interviewer_cues()
    for number, rule in enumerate(cues.leading):
        key = f"leading:{number}"
        yield MatchRule(key, key, rule.patterns, rule.phrases)
    yield MatchRule("rephrase", "rephrase", phrases=cues.rephrase_cues)


_MATCHER = CueMatcher(_rules, phrase_attr="NORM")


@dataclass(frozen=True)
class CueMatch:
    """A cue in a turn: ``key`` is "rephrase" or "leading:N" (rule N);
    ``start``/``end`` are offsets into the turn's text; ``at_head`` says the
    cue starts its sentence (after openers such as "so", "okay")."""

    key: str
    start: int
    end: int
    at_head: bool


@lru_cache(maxsize=4096)
def cue_matches(text: str, sentence_starts: tuple[int, ...]) -> tuple[CueMatch, ...]:
    """Every cue of ``data/interviewer.yaml`` in a turn's ``text`` whose
    sentences start at ``sentence_starts``, in order (longest first); of
    rephrasing cues inside one another ("what I mean is") the longest."""
    from ..nlp import get_nlp

    nlp = get_nlp()
    doc = nlp.make_doc(readable(text))
    heads = _heads(doc, sentence_starts, load_cues())
    found = sorted(
        (
            CueMatch(key, doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), a in heads)
            for key, a, b in _MATCHER.matches(nlp, doc)
        ),
        key=lambda m: (m.start, -m.end, m.key),
    )
    kept: list[CueMatch] = []
    for match in found:
        if match in kept:
            continue
        if match.key == "rephrase" and any(
            k.key == "rephrase" and k.start <= match.start < k.end for k in kept
        ):
            continue
        kept.append(match)
    return tuple(kept)


def _heads(doc: Doc, sentence_starts: Sequence[int], cues: QuestionCues) -> set[int]:
    """Token indices where a cue opens its sentence: each sentence's head (its
    first word after openers) and the openers before it ("I mean" is itself an
    opener)."""
    heads: set[int] = set()
    starts = sorted(sentence_starts)
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(doc.text)
        tokens = [t for t in doc if start <= t.idx < end and not t.is_space]
        index = head_of([t.norm_ for t in tokens], cues)
        heads.update(t.i for t in tokens[: index + 1])
    return heads
