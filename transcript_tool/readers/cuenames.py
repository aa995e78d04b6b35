"""Speakers a caption cue names outside its ``Name:`` labels (:mod:`.cues`
reads those and makes the turns): a name on a line of its own above the text,
as Teams' Word transcript writes it (``Sam Ortiz`` / ``Last spring I ...``),
and a name in quotes in the WebVTT cue identifier, as Webex writes it
(``1 "Sam Ortiz" (2003118592)``).

Also the words that make a name and the labels that never name a speaker
(note words, sounds), which :mod:`.cues` shares.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .common import capitalised, normalize_space

WORD = r"(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof|Jr|Sr|St|[A-Z])\.|[^\W\d_][\w'’&-]*)"
"""A word of a speaker name ("Priya", "O'Neil", "Dr.")."""
NAME = rf"{WORD}(?:[ \t]+(?:{WORD}|\d+)){{0,4}}"
"""A speaker name: one to five words (numbers after the first: "Speaker 2")."""
# A name alone on a line, as Teams' Word transcript writes it above the text
# ("Priya Shah", "Shah, Priya", "Priya Shah (Guest)").
_NAME_LINE = re.compile(rf"{WORD}(?:,? (?:{WORD}|\d+)){{0,4}}(?: \([^()\n]{{1,40}}\))?")
# Labels that head a note or describe a sound rather than name a speaker.
_NOT_SPEAKERS = frozenset(
    """
    note notes nb example examples update edit tip tips warning important summary answer question
    questions step result results outcome lesson lessons takeaway context background situation
    task action problem solution approach reason because so also and but then first second
    finally next ps fyi re subject date time title location http https www
    """.split()
)
_SOUNDS = frozenset(
    """
    music applause laughter laughing laughs laugh chuckles chuckling inaudible unintelligible
    indiscernible crosstalk silence noise pause cheering cheers sighs sigh coughs cough
    coughing static beep beeping ringing typing background
    """.split()
)

# Webex's cue identifier: the cue number, the speaker's name in quotes, a numeric id.
_CUE_ID = re.compile(r'(?:\d+[ \t]+)?"(?P<name>[^"\n]{1,80})"(?:[ \t]+\((?P<id>\d+)\))?')
_LETTER = re.compile(r"[^\W\d_]")

Shown = Sequence[tuple[int, str]]
"""A cue's text lines that show something: (line number, text without markup
and with its spaces normalized)."""


def name_lines(cues: Sequence[Shown]) -> list[dict[int, str]]:
    """For each cue (its shown lines), the lines that name the speaker of the
    lines under them: line number -> name. A cue's first line names its speaker
    when it is a capitalised name and nothing else ("Shah, Priya", "Sam Ortiz
    (Guest)") with more text under it, as Teams' Word transcript writes it; the
    file's cues are read so when at least two in three cues have one, some name
    recurs, and there are at most 12 names. Empty when they are not."""
    found = [_name_line(shown) for shown in cues]
    names = [key(name) for _, name in filter(None, found)]
    distinct = set(names)
    if (
        len(names) * 3 >= len(cues) * 2
        and len(distinct) <= 12
        and any(names.count(name) >= 2 for name in distinct)
    ):
        return [dict([line]) if line else {} for line in found]
    return [{} for _ in cues]


def _name_line(shown: Shown) -> tuple[int, str] | None:
    if len(shown) < 2:
        return None
    line, first = shown[0]
    if _NAME_LINE.fullmatch(first) and capitalised(first.partition(" (")[0]):
        return line, first
    return None


def identifier_name(identifier: str | None) -> str | None:
    """The speaker a WebVTT cue identifier names, as Webex writes it (``1
    "Priya Shah" (1436452864)``, also without the cue number or the numeric
    id, then only for a capitalised name); None for any other identifier (a
    number, ``intro``, Teams' ``8f0c.../12-0``)."""
    found = _CUE_ID.fullmatch(identifier.strip()) if identifier else None
    if found is None:
        return None
    name = normalize_space(found["name"])
    if not _LETTER.search(name) or is_sound_or_note(name):
        return None
    return name if found["id"] is not None or capitalised(name) else None


def is_sound_or_note(label: str) -> bool:
    """Whether a label heads a note ("Note:") or describes a sound ("[Music]")."""
    words = label.lower().split()
    return " ".join(words) in _NOT_SPEAKERS or any(word in _SOUNDS for word in words)


def key(label: str) -> str:
    """A speaker label as compared: spaces normalized, lowercase."""
    return normalize_space(label).lower()
