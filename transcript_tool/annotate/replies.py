"""Whether a reply answers a closed question directly: with a yes or a no,
a qualified one, or an elliptical clause. Read by the answer check
(:mod:`.exchanges`: a yes/no question "answered without a yes or no") and
by the question stage (:mod:`.questions`: a caption statement the reply
confirms or denies was a question)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Sentence, Word

# A reply is direct when it opens with a yes or no word (within its first
# DIRECT_OPENING words), a qualified one ("sort of", "not quite"), or gives
# an elliptical reply, a subject and an auxiliary with nothing after them
# ("I did.", "We sure have.", "It isn't,"), within its first DIRECT_WINDOW
# words. "I have always said..." is not a reply: the auxiliary must end the
# clause.
DIRECT_OPENING = 4
DIRECT_WINDOW = 12
_YES_NO = re.compile(
    r"\b(?:yes|yeah|yep|yup|no|nope|definitely|absolutely|certainly|sure|correct|exactly|"
    r"never|of course|not really|not yet|not at all|officially|unofficially|"
    r"mostly|sort of|kind of|pretty much|not quite|not exactly|mm-hmm|uh-huh|"
    r"i (?:don't )?(?:think|believe) so)\b"
)
_ELLIPTICAL_REPLY = re.compile(
    r"\b(?:i|we|they|he|she|it|that|you)(?: \w+ly| sure| still| already)? "
    r"(?:do|did|does|have|has|had|am|is|are|was|were|will|would|can|could|should|"
    r"don't|didn't|doesn't|haven't|hasn't|hadn't|isn't|aren't|wasn't|weren't|won't|"
    r"wouldn't|can't|couldn't|shouldn't)(?: not)?(?: ?[.,;!?\u2014\u2013-]|$)"
)


def direct_reply(words: Sequence[Word]) -> str | None:
    """The words by which ``words`` (a reply, punctuation included; its
    first DIRECT_WINDOW + 1 words are enough) answers yes or no ("yeah",
    "not really", "I did"), or None. An elliptical reply must end the reply
    or its clause: where the window cuts the reply ("... one you didn't |
    really talk about"), its last words are no reply."""
    lowered = [w.text.lower().replace("\u2019", "'") for w in words[:DIRECT_WINDOW]]
    if len(words) > DIRECT_WINDOW:
        lowered.append("\u2026")  # the reply goes on: no end of the reply at the cut
    window = re.sub(r" (n't|'ve|'m|'s|'re|'d|'ll)\b", r"\1", " ".join(lowered))
    opening = " ".join(window.split()[:DIRECT_OPENING])
    found = _YES_NO.search(opening) or _ELLIPTICAL_REPLY.search(window)
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
