"""questions.yaml's ``greetings``: the greeting that opens a call and the
words of its reply, and the request that the candidate introduce themselves,
as the segmenter reads them (:func:`transcript_tool.segment.phrases.greeting_replies`,
:func:`transcript_tool.segment.phrases.introduction_requests`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Phrases = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Greetings:
    """Phrases as tuples of caption words, longest first (a reader taking the
    first that fits takes the longest); single words as sets."""

    questions: Phrases
    tails: Phrases
    lead_ins: frozenset[str]
    selves: Phrases
    degrees: frozenset[str]
    heads: Phrases
    thanks: Phrases
    returns: Phrases
    introductions: Phrases = ()
    introduction_verbs: frozenset[str] = frozenset()


def _phrases(items: list[str]) -> Phrases:
    return tuple(sorted((tuple(item.split()) for item in items), key=lambda p: -len(p)))


def greetings_from(raw: dict[str, Any] | None) -> Greetings | None:
    """The ``greetings`` section as read by ``load_data`` (None: no such section)."""
    if raw is None:
        return None
    return Greetings(
        questions=_phrases(raw["questions"]),
        tails=_phrases(raw["tails"]),
        lead_ins=frozenset(raw["lead_ins"]),
        selves=_phrases(raw["selves"]),
        degrees=frozenset(raw["degrees"]),
        heads=_phrases(raw["heads"]),
        thanks=_phrases(raw["thanks"]),
        returns=_phrases(raw["returns"]),
        introductions=_phrases(raw.get("introductions", [])),
        introduction_verbs=frozenset(raw.get("introduction_verbs", [])),
    )
