"""Speakers a caption cue names outside its ``Name:`` labels (:mod:`.cues`
reads those and makes the turns): a name on a line of its own above the text,
as Teams' Word transcript writes it (``Sam Ortiz`` / ``Last spring I ...``);
a name in parentheses on a line of its own, over each speaker's lines, as
Google Meet's captions write it (``(Priya Shah)`` / ``background?`` / ``-`` /
``(Sam Ortiz)`` / ``Work wise?``: the lone ``-`` is markup); and a name in
quotes in the WebVTT cue identifier, as Webex writes it (``1 "Sam Ortiz"
(2003118592)``).

Also the words that make a name and the labels that never name a speaker
(note words, sounds), which :mod:`.cues` shares.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

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

# A name in parentheses alone on a line, as Google Meet's captions write it.
_PAREN_NAME = re.compile(rf"\([ \t]*(?P<name>{NAME})[ \t]*\)")
_DASH_LINE = "-"  # between two speakers of one cue, where names in parentheses are used
_MAX_NAMES = 12
# Webex's cue identifier: the cue number, the speaker's name in quotes, a numeric id.
_CUE_ID = re.compile(r'(?:\d+[ \t]+)?"(?P<name>[^"\n]{1,80})"(?:[ \t]+\((?P<id>\d+)\))?')
_LETTER = re.compile(r"[^\W\d_]")

Shown = Sequence[tuple[int, str]]
"""A cue's text lines that show something: (line number, text without markup
and with its spaces normalized)."""


@dataclass(frozen=True)
class Headings:
    """The lines of a cue that name the speaker of the lines under them (line
    number -> name), and the lines that are markup, not words."""

    names: dict[int, str] = field(default_factory=dict)
    markup: frozenset[int] = frozenset()


def headings(cues: Sequence[Shown]) -> list[Headings]:
    """For each cue (its shown lines), the lines that name the speaker of the
    lines under them, and those that are markup:

    - a capitalised name and nothing else as the first line, with more text
      under it ("Shah, Priya", "Sam Ortiz (Guest)"), as Teams' Word transcript
      writes it, when at least two in three cues have one;
    - a capitalised name of one to five words in parentheses and nothing else
      ("(Priya Shah)"; not a sound or a note: "(Laughs)", "(Inaudible)"), as
      Google Meet's captions write it, when at least half the cues have one;
      then a line of only "-" (between two speakers) is markup.

    Either only when some name recurs and there are at most 12 names."""
    teams = [[line] if (line := _name_line(shown)) else [] for shown in cues]
    parens = [_paren_lines(shown) for shown in cues]
    teams_read = _named(cues, teams, 2, 3)
    parens_read = _named(cues, parens, 1, 2)
    cue_headings: list[Headings] = []
    for shown, name_line, paren_lines in zip(cues, teams, parens, strict=True):
        names = dict(name_line) if teams_read else {}
        markup: frozenset[int] = frozenset()
        if parens_read and paren_lines:
            names.update(paren_lines)
            markup = frozenset(line for line, text in shown if text == _DASH_LINE)
        cue_headings.append(Headings(names, markup))
    return cue_headings


def _named(
    cues: Sequence[Shown], found: Sequence[list[tuple[int, str]]], part: int, of: int
) -> bool:
    """Whether the name lines ``found`` in each cue are read as names: in at
    least ``part`` ``of`` the cues, with some name recurring and at most 12 names."""
    names = [key(name) for lines in found for _, name in lines]
    distinct = set(names)
    return (
        sum(1 for lines in found if lines) * of >= len(cues) * part
        and len(distinct) <= _MAX_NAMES
        and any(names.count(name) >= 2 for name in distinct)
    )


def _paren_lines(shown: Shown) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for line, text in shown:
        match = _PAREN_NAME.fullmatch(text)
        if match and capitalised(match["name"]) and not is_sound_or_note(match["name"]):
            found.append((line, match["name"]))
    return found


def continues_after_dash(last: str, first: str) -> bool:
    """Whether a block of lines with no timing line, whose first line is
    ``first``, goes on the cue above it, whose last line is ``last``: Google
    Meet's ``-`` / `` `` / ``(Sam Ortiz)`` between two speakers of one cue,
    with the line of one space left empty (an editor that trims lines)."""
    match = _PAREN_NAME.fullmatch(first.strip())
    return (
        last.strip() == _DASH_LINE
        and match is not None
        and capitalised(match["name"])
        and not is_sound_or_note(match["name"])
    )


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
