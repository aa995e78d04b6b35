"""Names said in the text, for speakers whose label is generic ("Speaker 1"):
"My name is Sam", "I'm Sam, I lead the data team", or, in a two-person
conversation, the name the other greets or thanks ("Hi Amara, thanks for
joining"). :mod:`.roles` asks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Turn

_UPPER = "[" + "".join(re.escape(c) for c in map(chr, range(0x3000)) if c.isupper()) + "]"
_LOWER = "[" + "".join(re.escape(c) for c in map(chr, range(0x3000)) if c.islower()) + "]"
"""Upper- and lower-case letters of every alphabet up to CJK (``re`` has no
class for them): names such as "Tomás", "Zoë" or "Søren" are names too."""
_WORD = rf"{_UPPER}(?:{_LOWER}+(?:[-'’]{_UPPER}?{_LOWER}+)?|['’]{_UPPER}{_LOWER}+)"
"""One word of a name: "Ana", "Jean-Luc", "O'Neil", "O’Neill"."""
_NAME = rf"(?P<name>{_WORD}(?: {_WORD})?)"
_NAME_PATTERNS = (
    re.compile(r"\b[Mm]y name(?: is|['’]s)\s+" + _NAME + r"\b"),
    re.compile(
        r"\b(?:I['’]m|I am|[Tt]his is)\s+"
        + _NAME
        + r"(?=\s*(?:[,.!;]|$| and | from | here| calling))"
    ),
)
_GREETING = re.compile(
    r"\b(?:Hi|Hello|Hey|Thanks|Thank you|Welcome|Nice to meet you|Good morning|"
    r"Good afternoon|Great to meet you|(?:Hi|Hello|Hey),? is this),?\s+(?P<name>"
    + _WORD
    + r")(?=\s*[,.!?])"
)
_NOT_NAMES = frozenset(
    """
    I Just So Really Glad Happy Excited Good Great Fine Sorry Not Currently Actually Very Well
    Here Doing Still Also Pretty Sure Thrilled Delighted Looking Interested Working Based
    Responsible Okay Ok Yes Yeah Going Trying Curious Hoping Thinking Afraid Honestly Always
    """.split()
)


def said_name(own: Sequence[Turn], other: Sequence[Turn] = ()) -> str | None:
    """The name a speaker gives in the first three of their ``own`` turns,
    else the one ``other`` (the other speaker's turns, in a two-person
    conversation) greets or thanks them by; None if neither says one."""
    return _found(own, _NAME_PATTERNS) or _found(other, (_GREETING,))


def _found(turns: Sequence[Turn], patterns: tuple[re.Pattern[str], ...]) -> str | None:
    """The first name ``patterns`` find in the first three of ``turns`` (one speaker's)."""
    for text in [t.text for t in turns[:3]]:
        for pattern in patterns:
            for match in pattern.finditer(text):
                if match.group("name").split()[0] not in _NOT_NAMES:
                    return match.group("name")
    return None
