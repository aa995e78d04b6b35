"""The STAR cues of ``data/star.yaml``: loaded, checked, and found in turn text
(see :mod:`transcript_tool.metrics.star` for the metrics that read them).

The cue words are spaCy PhraseMatcher phrases (on NORM) and Matcher token
patterns per group (situation, task, action, result, earlier, achieved,
lesson, quantity, when, name, generic), matched within each sentence of a
turn. There is no tagger in the pipeline, so a first-person past action is
"I"/"we" followed by a verb from a curated list of past-tense action verbs.
Cue matching is lexical: it tells whether the words of a STAR story are
there, not whether the story is good.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from ..model import Analysis, readable
from ..yamlnodes import load_data
from .markers import check_attrs
from .matching import CueMatcher, MatchRule, spanned_rules
from .names import caseless, is_name_word

if TYPE_CHECKING:
    from spacy.tokens import Doc

COMPONENTS = ("situation", "task", "action", "result")
"""The STAR components, in the order a story tells them."""

GROUPS = (*COMPONENTS, "earlier", "achieved", "lesson", "quantity", "when", "name", "generic")
"""The cue groups of ``data/star.yaml``."""


@dataclass(frozen=True)
class CueGroup:
    """One group of ``data/star.yaml``: phrases, token patterns (each with the
    span of the match that is the cue, None for all of it) and the groups whose
    cues count for this one too."""

    name: str
    phrases: tuple[str, ...]
    patterns: tuple[tuple[list[dict[str, Any]], tuple[int, int] | None], ...]
    include: tuple[str, ...] = ()
    # in a turn with no capital letter, the words of name_words.txt.gz but
    # these are cues too (None: the group reads no such words)
    uncased_except: frozenset[str] | None = None


def load_star_cues(text: str | None = None) -> dict[str, CueGroup]:
    """The cue groups of ``data/star.yaml`` (or ``text``); ValueError on a bad entry."""
    if text is None:
        text = resources.files("transcript_tool.data").joinpath("star.yaml").read_text("utf-8")
    raw = load_data(text)
    entries = raw.get("cues") if isinstance(raw, dict) else None
    if not isinstance(entries, dict):
        raise ValueError("star.yaml: expected a mapping 'cues' of cue groups")
    unknown = set(entries) - set(GROUPS)
    missing = set(GROUPS) - set(entries)
    if unknown or missing:
        raise ValueError(
            f"star.yaml: the cue groups must be {', '.join(GROUPS)}"
            + (f"; unknown: {', '.join(sorted(unknown))}" if unknown else "")
            + (f"; missing: {', '.join(sorted(missing))}" if missing else "")
        )
    groups: dict[str, CueGroup] = {}
    for name in GROUPS:
        entry = entries[name] or {}
        patterns = []
        for number, item in enumerate(entry.get("patterns", [])):
            where = f"star.yaml cues/{name}/patterns/{number}"
            pattern = item["pattern"]
            check_attrs(pattern, where)
            span = None
            if "span" in item:
                first, last = (int(v) for v in item["span"])
                if not 0 <= first < last <= len(pattern):
                    raise ValueError(f"{where}: span {item['span']} is outside the pattern")
                span = (first, last)
            patterns.append((cast("list[dict[str, Any]]", pattern), span))
        include = tuple(entry.get("include", ()))
        for other in include:
            if other not in GROUPS or other == name:
                raise ValueError(f"star.yaml cues/{name}/include: unknown group {other!r}")
        phrases = tuple(entry.get("phrases", ()))
        for number, phrase in enumerate(phrases):
            if not isinstance(phrase, str):
                raise ValueError(
                    f"star.yaml cues/{name}/phrases/{number}: {phrase!r} is not a string "
                    "(YAML reads an unquoted yes, no, on or off as a boolean: quote it)"
                )
        uncased = entry.get("uncased_except")
        if uncased is not None and not (
            isinstance(uncased, list) and all(isinstance(w, str) for w in uncased)
        ):
            raise ValueError(
                f"star.yaml cues/{name}/uncased_except: expected a list of words "
                "(YAML reads an unquoted yes, no, on or off as a boolean: quote it)"
            )
        except_words = None if uncased is None else frozenset(w.lower() for w in uncased)
        groups[name] = CueGroup(name, phrases, tuple(patterns), include, except_words)
    return groups


@lru_cache(maxsize=1)
def star_groups() -> dict[str, CueGroup]:
    """The shipped cue groups, loaded once."""
    return load_star_cues()


def _rules() -> Iterator[MatchRule[str]]:
    for name, group in star_groups().items():
        yield from spanned_rules(f"star:{name}", name, group.phrases, group.patterns)


_MATCHER = CueMatcher(_rules, phrase_attr="NORM")


@lru_cache(maxsize=2048)
def _text_cues(
    text: str, sentences: tuple[tuple[int, int], ...]
) -> tuple[tuple[str, int, int], ...]:
    """(group, start, end) of every cue in ``text``, character offsets; a cue
    lies inside one of ``sentences`` (start, end); overlapping cues of one
    group keep the longest (then the first)."""
    from ..nlp import get_nlp

    nlp = get_nlp()
    doc = nlp.make_doc(readable(text))
    starts = {start for start, _ in sentences}
    for token in doc:
        token.is_sent_start = token.i == 0 or token.idx in starts
    found: list[tuple[str, int, int]] = []
    for group, first, last in _MATCHER.matches(nlp, doc):
        piece = doc[first:last]
        start, end = piece.start_char, piece.end_char
        if any(s <= start and end <= e for s, e in sentences):
            found.append((group, start, end))
    if caseless(doc.text):
        found.extend(_uncased_names(doc, sentences))
    return tuple(_longest(found))


def _uncased_names(
    doc: Doc, sentences: tuple[tuple[int, int], ...]
) -> Iterator[tuple[str, int, int]]:
    """(group, start, end) of each word of ``doc``, a text with no capital
    letter, that English text writes capitalised (:func:`.names.is_name_word`)
    inside one of ``sentences`` but not at its start, for the groups that
    read such words."""
    readers = [
        (g.name, g.uncased_except) for g in star_groups().values() if g.uncased_except is not None
    ]
    if not readers:
        return
    for token in doc:
        word = token.lower_
        if token.is_sent_start or len(word) < 2 or not word.isalpha() or not is_name_word(word):
            continue
        start, end = token.idx, token.idx + len(token.text)
        if any(s <= start and end <= e for s, e in sentences):
            yield from ((group, start, end) for group, unless in readers if word not in unless)


def _longest(spans: Iterable[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Per group, the longest of overlapping spans (then the earliest), in text order."""
    kept: list[tuple[str, int, int]] = []
    last_end: dict[str, int] = {}
    for group, start, end in sorted(set(spans), key=lambda s: (s[1], -s[2], s[0])):
        if start < last_end.get(group, -1):
            continue
        last_end[group] = end
        kept.append((group, start, end))
    return kept


@dataclass(frozen=True)
class Cue:
    """A cue of ``group`` said in ``turn``: ``text`` is ``turns[turn].text[start:end]``;
    ``sentence`` indexes :attr:`Analysis.sentences`."""

    group: str
    turn: int
    start: int
    end: int
    text: str
    sentence: int

    @property
    def at(self) -> tuple[int, int]:
        """Where the cue was said, for ordering: (turn, character)."""
        return (self.turn, self.start)


def find_cues(analysis: Analysis, turns: Sequence[int]) -> list[Cue]:
    """Every STAR cue in ``turns``, in turn and text order."""
    cues = []
    for index in turns:
        turn = analysis.transcript.turns[index]
        sentences = analysis.turn_sentences.get(index, ())
        spans = tuple((s.start, s.end) for s in sentences)
        for group, start, end in _text_cues(turn.text, spans):
            holder = analysis.sentence_at(index, start)
            assert holder is not None and end <= holder.end  # cues are found within sentences
            cues.append(Cue(group, index, start, end, turn.text[start:end], holder.index))
    return cues
