"""Lexical markers: fillers, reasoning connectives, signposts, enumeration,
assumptions, check-ins and examples, found with spaCy's Matcher and
PhraseMatcher from the patterns in ``data/markers.yaml``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any, cast, get_args

from ..model import Marker, MarkerKind, Transcript, Turn, plain
from ..nlp import CAPTION_EXTENSION
from ..yamlnodes import load_data
from .marks import inside_word
from .matching import CueMatcher, MatchRule, spanned_rules

if TYPE_CHECKING:
    from spacy.language import Language
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
    # set phrases that open with the marker but say no such thing ("if
    # that's okay" is no condition reasoned from): a marker the text goes on
    # with one of them is dropped
    unless: tuple[str, ...] = ()
    # matched only in a turn the caption sentence component read as an
    # auto-caption: a cue that a comma tells apart in punctuated text
    caption: bool = False
    # what the sentence says before a marker that makes it no such marker
    # ("what's the orientation like, ...": a question's "like", no filler)
    unless_after: re.Pattern[str] | None = None


def load_marker_rules(text: str | None = None) -> tuple[MarkerRule, ...]:
    """Rules from ``data/markers.yaml`` (or ``text``); ValueError on a bad rule."""
    if text is None:
        text = resources.files("transcript_tool.data").joinpath("markers.yaml").read_text("utf-8")
    entries = load_data(text)
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
        unless = entry.get("unless", [])
        if not all(isinstance(phrase, str) for phrase in unless):
            raise ValueError(f"markers.yaml entry {number}: every `unless` phrase must be text")
        unless = tuple(_plain(phrase) for phrase in unless)
        caption = entry.get("caption", False)
        if not isinstance(caption, bool):
            raise ValueError(f"markers.yaml entry {number}: `caption` must be true or false")
        after = entry.get("unless_after")
        if after is not None and not isinstance(after, str):
            raise ValueError(f"markers.yaml entry {number}: `unless_after` must be a regex")
        rules.append(
            MarkerRule(
                kind,
                entry["label"],
                tuple(entry.get("phrases", [])),
                tuple(patterns),
                unless,
                caption,
                re.compile(after) if after is not None else None,
            )
        )
    return tuple(rules)


def check_attrs(pattern: Sequence[dict[str, Any]], where: str) -> None:
    """ValueError naming ``where`` when a token of ``pattern`` uses an attribute
    the pipeline does not set, or gives a text attribute a value that is no
    string (either would silently never match)."""
    for token in pattern:
        unknown = {key.upper() for key in token} - ALLOWED_ATTRS
        if unknown:
            raise ValueError(
                f"{where}: attribute(s) {sorted(unknown)} are not set by "
                f"the pipeline; use one of {sorted(ALLOWED_ATTRS)}"
            )
        for key, value in token.items():
            if key.upper() in TEXT_ATTRS:
                for word in text_words(value):
                    if not isinstance(word, str):
                        raise ValueError(
                            f"{where}: {key} value {word!r} is not text; quote it "
                            f"(YAML reads on, off, yes and no unquoted as true or false)"
                        )


# Attributes whose values are text: YAML turns an unquoted on/off/yes/no into a
# boolean, which no token's text equals.
TEXT_ATTRS = frozenset({"NORM", "LOWER", "ORTH", "TEXT"})


def text_words(value: Any) -> list[Any]:
    """The words a text attribute's value names: the value itself, or the
    members of its IN / NOT_IN lists (a REGEX too)."""
    if isinstance(value, dict):
        return [
            word
            for items in value.values()
            for word in (items if isinstance(items, list) else [items])
        ]
    return [value]


def _rules() -> Iterator[MatchRule[MarkerRule]]:
    for number, rule in enumerate(load_marker_rules()):
        yield from spanned_rules(str(number), rule, rule.phrases, rule.patterns)


_MATCHER = CueMatcher(_rules, phrase_attr="LOWER")


def find_markers(transcript: Transcript, docs: Sequence[Doc], nlp: Language) -> tuple[Marker, ...]:
    """Every marker in every turn, in turn and text order; one per (kind, span)."""
    found: list[Marker] = []
    for turn, doc in zip(transcript.turns, docs, strict=True):
        found.extend(_doc_markers(turn, doc, nlp))
    # Longest first, so "i'm assuming" wins over the "assuming" inside it.
    found.sort(key=lambda m: (m.turn, m.start, -m.end, m.kind))
    kept: list[Marker] = []
    last: dict[tuple[int, str], Marker] = {}
    for marker in found:
        key = (marker.turn, marker.kind)
        before = last.get(key)
        if before is not None and (
            marker.start < before.end or _restarted(marker, before, transcript)
        ):
            continue
        kept.append(marker)
        last[key] = marker
    return tuple(kept)


RESTART_GAP = 12
"""Characters between two markers of one word that make the second a restart."""


def _restarted(marker: Marker, before: Marker, transcript: Transcript) -> bool:
    """Whether ``marker`` says ``before``'s word again right after it, as a
    speaker restarting the clause ("and if it's, if it's a chore", "because,
    um, because"): one piece of reasoning, counted once. A filler said twice
    is two fillers."""
    if marker.kind == "filler" or plain(marker.text) != plain(before.text):
        return False
    between = transcript.turns[marker.turn].text[before.end : marker.start]
    return len(between) <= RESTART_GAP


def _doc_markers(turn: Turn, doc: Doc, nlp: Language) -> Iterable[Marker]:
    # a doc of a pipeline without the caption component has no such extension
    caption = bool(getattr(doc._, CAPTION_EXTENSION, False))
    for rule, start, end in _MATCHER.matches(nlp, doc):
        if rule.caption and not caption:
            continue
        piece = doc[start:end]
        if _part_of_a_word(doc, start, end):
            continue
        if rule.unless and _goes_on_with(doc.text, piece.start_char, rule.unless):
            continue
        if rule.unless_after is not None and not caption:  # a caption has no commas to go by
            before = doc.text[piece.sent.start_char : piece.start_char]
            if rule.unless_after.search(_plain(before)):
                continue
        yield Marker(
            kind=rule.kind,
            label=rule.label,
            turn=turn.index,
            start=piece.start_char,
            end=piece.end_char,
            text=turn.text[piece.start_char : piece.end_char],
        )


def _part_of_a_word(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` of ``doc`` are only part of a word that a
    hyphen or slash joins ("mm-hmm" and "uh-huh" are one backchannel, not the
    fillers "mm", "hmm" and "uh"; marks.py's ``inside_word``)."""
    return (start > 0 and inside_word(doc[start - 1])) or (end < len(doc) and inside_word(doc[end]))


def _plain(text: str) -> str:
    """``text`` lowercased, with straight apostrophes and single spaces."""
    return " ".join(plain(text).split())


def _goes_on_with(text: str, start: int, phrases: Sequence[str]) -> bool:
    """Whether ``text`` from ``start`` on says one of ``phrases`` (as
    :func:`_plain` writes them), ending where a word ends."""
    longest = max(len(phrase) for phrase in phrases)
    ahead = _plain(text[start : start + 2 * longest])
    return any(
        ahead.startswith(phrase) and not ahead[len(phrase) : len(phrase) + 1].isalnum()
        for phrase in phrases
    )
