"""Lexical markers: fillers, reasoning connectives, signposts, enumeration,
assumptions, check-ins and examples, found with spaCy's Matcher and
PhraseMatcher from the patterns in ``data/markers.yaml``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, cast, get_args

import yaml

from ..model import Marker, MarkerKind, Transcript

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.tokens import Doc

MARKER_KINDS: tuple[MarkerKind, ...] = get_args(MarkerKind)
# Token attributes the blank pipeline sets; patterns using anything else
# (POS, DEP, ENT_TYPE ...) would silently never match, so they are rejected.
ALLOWED_ATTRS = frozenset(
    {"NORM", "LOWER", "ORTH", "TEXT", "IS_PUNCT", "IS_SENT_START", "LIKE_NUM", "IS_DIGIT", "OP"}
)


@dataclass(frozen=True)
class MarkerRule:
    kind: MarkerKind
    label: str
    phrases: tuple[str, ...]
    patterns: tuple[tuple[list[dict[str, Any]], tuple[int, int] | None], ...]


def load_marker_rules(text: str | None = None) -> tuple[MarkerRule, ...]:
    """Rules from ``data/markers.yaml`` (or ``text``); ValueError on a bad rule."""
    if text is None:
        text = resources.files("transcript_tool.data").joinpath("markers.yaml").read_text("utf-8")
    entries = yaml.safe_load(text)
    rules = []
    for number, entry in enumerate(entries):
        kind = entry["kind"]
        if kind not in MARKER_KINDS:
            raise ValueError(f"markers.yaml entry {number}: unknown kind {kind!r}")
        patterns = []
        for item in entry.get("patterns", []):
            check_attrs(item["pattern"], f"markers.yaml entry {number}")
            span = tuple(item["span"]) if "span" in item else None
            patterns.append((item["pattern"], cast("tuple[int, int] | None", span)))
        rules.append(
            MarkerRule(kind, entry["label"], tuple(entry.get("phrases", [])), tuple(patterns))
        )
    return tuple(rules)


def check_attrs(pattern: Sequence[dict[str, Any]], where: str) -> None:
    """ValueError naming ``where`` when a token of ``pattern`` uses an attribute
    the pipeline does not set (it would silently never match)."""
    for token in pattern:
        unknown = {key.upper() for key in token} - ALLOWED_ATTRS
        if unknown:
            raise ValueError(
                f"{where}: attribute(s) {sorted(unknown)} are not set by "
                f"the pipeline; use one of {sorted(ALLOWED_ATTRS)}"
            )


@dataclass(frozen=True)
class _Matchers:
    phrase: PhraseMatcher
    token: Matcher
    rules: dict[str, tuple[MarkerRule, tuple[int, int] | None]]


@lru_cache(maxsize=4)
def _matchers(nlp: Language) -> _Matchers:
    from spacy.matcher import Matcher, PhraseMatcher

    phrase = PhraseMatcher(nlp.vocab, attr="LOWER")
    token = Matcher(nlp.vocab)
    keys: dict[str, tuple[MarkerRule, tuple[int, int] | None]] = {}
    for number, rule in enumerate(load_marker_rules()):
        if rule.phrases:
            key = f"{number}:phrases"
            keys[key] = (rule, None)
            phrase.add(key, [nlp.make_doc(p) for p in rule.phrases])
        for index, (pattern, span) in enumerate(rule.patterns):
            key = f"{number}:{index}"
            keys[key] = (rule, span)
            token.add(key, [pattern])
    return _Matchers(phrase, token, keys)


def find_markers(transcript: Transcript, docs: Sequence[Doc], nlp: Language) -> tuple[Marker, ...]:
    """Every marker in every turn, in turn and text order; one per (kind, span)."""
    matchers = _matchers(nlp)
    found: list[Marker] = []
    for turn, doc in zip(transcript.turns, docs, strict=True):
        found.extend(_doc_markers(turn.index, doc, matchers))
    # Longest first, so "i'm assuming" wins over the "assuming" inside it.
    found.sort(key=lambda m: (m.turn, m.start, -m.end, m.kind))
    kept: list[Marker] = []
    last_end: dict[tuple[int, str], int] = {}
    for marker in found:
        key = (marker.turn, marker.kind)
        if marker.start < last_end.get(key, -1):
            continue
        kept.append(marker)
        last_end[key] = marker.end
    return tuple(kept)


def _doc_markers(turn: int, doc: Doc, matchers: _Matchers) -> Iterable[Marker]:
    matches = [*matchers.phrase(doc), *matchers.token(doc)]
    for match_id, start, end in matches:
        rule, span = matchers.rules[doc.vocab.strings[match_id]]
        if span is not None:
            start, end = start + span[0], start + span[1]
        piece = doc[start:end]
        yield Marker(
            kind=rule.kind,
            label=rule.label,
            turn=turn,
            start=piece.start_char,
            end=piece.end_char,
            text=piece.text,
        )
