"""Where a concept's words do not count as a mention: inside a disclaimer's
reach ("I haven't used Kafka") and, between the words of a longer concept,
the fillers that do not break it ("feature, um, store"). The words are in
``data/concepts.yaml`` (disclaimers) and ``data/markers.yaml`` (the um/uh
fillers)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from .markers import load_marker_rules

if TYPE_CHECKING:
    from spacy.tokens import Doc

FILLER_LABEL = "um/uh"  # the markers.yaml filler entry whose phrases are hesitations


@dataclass(frozen=True)
class ScopeWords:
    """The lists of ``data/concepts.yaml`` (disclaimers as word tuples)."""

    disclaimers: tuple[tuple[str, ...], ...]
    adverbs: frozenset[str]
    clause_ends: frozenset[str]
    reach: int


def load_scope_words(text: str | None = None) -> ScopeWords:
    """The lists of ``data/concepts.yaml`` (or ``text``); ValueError on a bad file."""
    if text is None:
        text = resources.files("transcript_tool.data").joinpath("concepts.yaml").read_text("utf-8")
    data: Any = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError("concepts.yaml: expected a mapping")
    lists = {}
    for key in ("disclaimers", "adverbs", "clause_ends"):
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise ValueError(f"concepts.yaml: `{key}` must be a list of words or phrases")
        lists[key] = value
    reach = data.get("reach")
    if not isinstance(reach, int) or reach < 1:
        raise ValueError("concepts.yaml: `reach` must be a whole number of words, at least 1")
    return ScopeWords(
        tuple(tuple(d.lower().split()) for d in lists["disclaimers"]),
        frozenset(w.lower() for w in lists["adverbs"]),
        frozenset(w.lower() for w in lists["clause_ends"]),
        reach,
    )


@lru_cache(maxsize=1)
def scope_words() -> ScopeWords:
    return load_scope_words()


@lru_cache(maxsize=1)
def fillers() -> frozenset[str]:
    """The hesitations ("um", "uh") skipped between the words of a concept."""
    rule = next(r for r in load_marker_rules() if r.label == FILLER_LABEL)
    return frozenset(p.lower() for p in rule.phrases)


def _norm(token: Any) -> str:
    return str(token.norm_).replace("\u2019", "'").lower()


def disclaimed_tokens(doc: Doc, words: ScopeWords | None = None) -> frozenset[int]:
    """Indices of the tokens of ``doc`` in a disclaimer's reach: from the end
    of a disclaimer to the end of its clause, at most ``reach`` words on."""
    words = words or scope_words()
    norms = [_norm(t) for t in doc]
    kept: set[int] = set()
    for i in range(len(norms)):
        end = _match(norms, i, words)
        if end is None:
            continue
        for j in range(end, min(len(norms), end + words.reach)):
            if doc[j].is_punct or norms[j] in words.clause_ends:
                break
            kept.add(j)
    return frozenset(kept)


def _match(norms: Sequence[str], start: int, words: ScopeWords) -> int | None:
    """The end of the first disclaimer that starts at ``start`` (adverbs may
    stand between its words), None when none does."""
    for cue in words.disclaimers:
        if norms[start] != cue[0]:
            continue
        j = start + 1
        for word in cue[1:]:
            while j < len(norms) and norms[j] != word and norms[j] in words.adverbs:
                j += 1
            if j >= len(norms) or norms[j] != word:
                break
            j += 1
        else:
            return j
    return None
