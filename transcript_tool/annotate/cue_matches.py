"""The cue matches of one doc (:class:`DocMatches`, made with the matchers of
:mod:`.question_cues`), and the cue a rule quotes from them."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from .question_cues import Matchers


@dataclass(frozen=True)
class Match:
    key: str
    start: int  # token index in the doc
    end: int
    text: str


@dataclass(frozen=True)
class DocMatches:
    """Every match in one doc, in order of start (longest first)."""

    matches: tuple[Match, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, doc: Doc, matchers: Matchers) -> DocMatches:
        found = sorted(
            (
                Match(matchers.keys[match_id], start, end, doc[start:end].text)
                for match_id, start, end in [*matchers.token(doc), *matchers.phrase(doc)]
            ),
            key=lambda m: (m.start, -m.end, m.key),
        )
        return cls(tuple(found), tuple(m.start for m in found))

    def within(self, span: Span) -> list[Match]:
        """The matches that lie inside ``span``."""
        first = bisect.bisect_left(self.starts, span.start)
        last = bisect.bisect_left(self.starts, span.end)
        return [m for m in self.matches[first:last] if m.end <= span.end]


def first_cue(matches: Sequence[Match], key: str) -> str | None:
    """The longest (then earliest) match of ``key``, lowercased: the cue quoted."""
    best = first_match(matches, key)
    return None if best is None else best.text.lower()


def first_match(matches: Sequence[Match], key: str) -> Match | None:
    hits = [m for m in matches if m.key == key]
    return min(hits, key=lambda m: (m.start - m.end, m.start)) if hits else None
