"""Whether a reply answers a closed question directly: with a yes or a no,
a qualified one, or an elliptical clause. Read by the answer check
(:mod:`.exchanges`: a yes/no question "answered without a yes or no") and
by the question stage (:mod:`.questions`: a caption statement the reply
confirms or denies was a question)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..model import Sentence, Word
from .question_cues import rule_words
from .word_lists import alternatives

# A reply is direct when it opens with a yes or no word (within its first
# DIRECT_OPENING words), a qualified one ("sort of", "not quite"), or gives
# an elliptical reply, a subject and an auxiliary with nothing after them
# ("I did.", "We sure have.", "It isn't,"), within its first DIRECT_WINDOW
# words. "I have always said..." is not a reply: the auxiliary must end the
# clause. The words are questions.yaml ``replies``.
DIRECT_OPENING = 4
DIRECT_WINDOW = 12


@lru_cache(maxsize=1)
def _reply_patterns() -> tuple[re.Pattern[str], ...]:
    """questions.yaml ``replies`` as regexes: a yes or no (or a degree that
    ends its clause); an elliptical reply; a confirmation; a consequence
    opening the reply."""
    words = rule_words()
    adverb = rf"(?: (?:\w+ly|{alternatives(words.reply_adverbs)}))?"
    subject, auxiliary = alternatives(words.reply_subjects), alternatives(words.reply_auxiliaries)
    mark = r"[.,;!?\u2014\u2013-]"
    end = rf"(?: not)?(?: ?{mark}|$)"
    yes_no, degree = alternatives(words.yes_no), alternatives(words.degrees)
    return (
        re.compile(rf"\b{yes_no}\b|\b{degree} {mark}"),
        re.compile(rf"\b{subject}{adverb} {auxiliary}{end}"),
        re.compile(rf"\b{alternatives(words.confirming)}\b"),
        re.compile(rf"^{alternatives(words.consequences)}\b"),
    )


def direct_reply(
    words: Sequence[Word], confirming: bool = False, conditional: bool = False
) -> str | None:
    """The words by which ``words`` (a reply, punctuation included; its
    first DIRECT_WINDOW + 1 words are enough) answers yes or no ("yeah",
    "not really", "I did"), or None. An elliptical reply must end the reply
    or its clause: where the window cuts the reply ("... one you didn't |
    really talk about"), its last words are no reply. ``confirming``: the
    reply is to a tag or a statement put to confirm, which "right" answers
    too; ``conditional``: to a condition put as a statement ("And if the VP
    says no?"), which a reply opening with its consequence answers ("Then
    ...")."""
    lowered = [w.text.lower().replace("\u2019", "'") for w in words[:DIRECT_WINDOW]]
    if len(words) > DIRECT_WINDOW:
        lowered.append("\u2026")  # the reply goes on: no end of the reply at the cut
    window = re.sub(r" (n't|'ve|'m|'s|'re|'d|'ll)\b", r"\1", " ".join(lowered))
    # the first DIRECT_OPENING words, the marks between them not counted ("not
    # ad tech , no")
    tokens = window.split()
    spoken = [k for k, token in enumerate(tokens) if any(c.isalnum() for c in token)]
    cut = spoken[DIRECT_OPENING - 1] + 1 if len(spoken) >= DIRECT_OPENING else len(tokens)
    opening = " ".join(tokens[:cut])
    yes_no, elliptical, confirmation, consequence = _reply_patterns()
    found = (
        yes_no.search(opening)
        or (confirming and confirmation.search(opening))
        or (conditional and consequence.search(window))
        or elliptical.search(window)
    )
    return found[0].rstrip(".,;!?\u2014\u2013- ") if found else None


def openings(sentences: Sequence[Sentence]) -> dict[int, list[Word]]:
    """Each turn's first DIRECT_WINDOW + 1 words, punctuation included (which
    ends an elliptical reply): all :func:`direct_reply` reads of a reply.
    Several turns' openings joined and cut to that length are the opening of
    the reply they make together."""
    found: dict[int, list[Word]] = {}
    for sentence in sentences:
        opening = found.setdefault(sentence.turn, [])
        if len(opening) <= DIRECT_WINDOW:
            opening.extend(sentence.words[: DIRECT_WINDOW + 1 - len(opening)])
    return found
