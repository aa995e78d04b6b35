"""Sentences of an answer whose reasoning markers show no reasoning of the
speaker's own: code dictated keystroke by keystroke or read aloud ("Then i
equals zero.", "if a of i is less than b of j, colon"), where "first",
"then", "next" and "if" are the code's order and conditions, not the
speaker's; and the question read back word for word ("If no profit is
possible, return zero. For example ... because you buy at one and sell at
six."), whose "if", "because" and "for example" are the interviewer's.
:mod:`.think_aloud` leaves their markers out."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Analysis, Marker, MarkerKind, Role, Sentence

# Words said only when dictating or reading code: brackets and punctuation
# spoken by name, an assignment ("result equals"), an increment ("i plus
# plus", "plus equals one"), a method call ("dot append"), an index ("a of
# i is less than ..."), a loop header ("for s in starts"), a return of a
# value, and names no prose uses ("def", "len of", "elif").
_CODE = re.compile(
    r"\b(?:open|close|opening|closing|left|right) (?:paren|parens|parenthesis|bracket|brackets"
    r"|brace|braces|curly|square bracket)\b"
    r"|\b(?:paren|parens|colon|semicolon|semi colon|curly brace|new line|next line|indent)\b"
    r"|\b(?:plus|minus|times) (?:equals|plus|minus)\b"
    r"|\b(?:equals|not) equals\b"
    r"|\b[a-z]\w* equals\b"
    r"|\bdot (?:append|push|pop|add|get|put|set|length|size|extend|insert|remove|keys|values"
    r"|items|map|filter|join|split|sort|equals|next|shift|heappush|heappop)\b"
    r"|\b[a-z]\w* of [ijk]"
    r"(?= (?:plus|minus|colon|is|equals|comma|and|then|because|so|since|to|with)\b|$)"
    r"|\b[ijkn] (?:plus|minus) (?:one|two)\b"
    r"|\bfor [a-z] in\b|\bin range\b"
    r"|\breturn (?:true|false|none|null|nil|result|res|ans|minus one|zero)\b"
    r"|\b(?:def|elif|len|heapq|println|printf|console dot log)\b"
)
DICTATION_HITS = 2  # a sentence saying this many code words dictates code ...
SHORT_DICTATION = 8  # ... as does one of at most this many words saying one ("Then i equals zero.")
# The marker kinds and labels that, in dictated code, give the code's order
# and conditions: a "because", a trade-off, an assumption or a check-in
# still reason ("then result dot append a of i, because it's smaller").
CODE_ORDER_KINDS: frozenset[MarkerKind] = frozenset({"enumeration", "signpost"})
CODE_ORDER_LABELS = frozenset({"if/then"})

READ_BACK_RUN = 5  # words in a row said as the other party said them ...
READ_BACK_SHARE = 0.6  # ... covering this share of a sentence's words read it back,
READ_BACK_CONTENT = (
    3  # ... and this many of its content words: not a stock phrase ("I think that's it")
)


def dictates_code(sentence: Sentence) -> bool:
    """Whether ``sentence`` dictates or reads out code: DICTATION_HITS spoken
    code words (:data:`_CODE`), or one in a sentence of at most
    SHORT_DICTATION words."""
    said = [w.lower for w in sentence.words if not w.is_punct]
    hits = len(_CODE.findall(" ".join(said)))
    return hits >= DICTATION_HITS or (hits == 1 and len(said) <= SHORT_DICTATION)


def read_back(analysis: Analysis, subject: Role) -> set[int]:
    """Indexes of ``subject``'s sentences that say an earlier turn of another
    speaker back: READ_BACK_SHARE of their words in runs of READ_BACK_RUN
    or more words that turn said in the same order (the problem statement,
    a question, read aloud again), READ_BACK_CONTENT of them no stop words
    (not a stock phrase the interviewer said too: "No, I think that's
    it.")."""
    heard: set[tuple[str, ...]] = set()
    found: set[int] = set()
    for turn in analysis.transcript.turns:
        if turn.role != subject:
            said = [w.lower for w in analysis.turn_words.get(turn.index, ()) if not w.is_punct]
            heard.update(_runs(said))
            continue
        if not heard:
            continue
        for sentence in analysis.turn_sentences.get(turn.index, ()):
            words = [w for w in sentence.words if not w.is_punct]
            said = [w.lower for w in words]
            covered = [False] * len(said)
            for i in range(len(said) - READ_BACK_RUN + 1):
                if tuple(said[i : i + READ_BACK_RUN]) in heard:
                    covered[i : i + READ_BACK_RUN] = [True] * READ_BACK_RUN
            content = sum(1 for w, c in zip(words, covered, strict=True) if c and not w.is_stop)
            if content >= READ_BACK_CONTENT and sum(covered) >= READ_BACK_SHARE * len(said):
                found.add(sentence.index)
    return found


def _runs(words: Sequence[str]) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + READ_BACK_RUN]) for i in range(len(words) - READ_BACK_RUN + 1)]


def own_reasoning(analysis: Analysis, markers: Sequence[Marker], subject: Role) -> list[Marker]:
    """``markers`` but those in a sentence read back from another speaker
    and those giving code's order or conditions in dictated code."""
    echoed = read_back(analysis, subject)
    kept = []
    for marker in markers:
        sentence = analysis.sentence_at(marker.turn, marker.start)
        if sentence is not None:
            if sentence.index in echoed:
                continue
            code_order = marker.kind in CODE_ORDER_KINDS or marker.label in CODE_ORDER_LABELS
            if code_order and dictates_code(sentence):
                continue
        kept.append(marker)
    return kept
