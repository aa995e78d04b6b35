"""Speaker labels at the start of a line, and which of them name speakers.

The plain-text reader (:mod:`.text`) asks here what a line's label is
(:func:`parse_label`: the shapes its docstring lists) and which labels of a
whole text are speakers (:func:`read_labels`). A label counts when it names
a role, carries markup (bold, brackets, a timestamp), or recurs and is not a
common heading word ("Note:", "Situation:", "Step 2:"); and, on one line
only, when it is a person's name between two turns of one other speaker (a
panelist's one question). :mod:`.standins` reads a one-off label as the
speaker it stands for ("Interveiwee:" among "Interviewee:", "Assistant:"
among "AI:"). Labels set off by a dash or a tab count only when no other
shape gives two speakers. A Markdown heading that is a chat's speaker
("#### You:", "## Assistant", as chat exporters write one above each message)
is read only as one of two or more such, and then no other label is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from .common import capitalised

_WORD = r"(?:[^\W\d_][\w.'’-]*|\d+)"
_NAME = (
    rf"(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})"
    rf"(?:[ \t]*\((?P<note>[^\W\d_][\w.'’/-]*(?:[ \t]+{_WORD}){{0,2}})\))?"
)
_REST = r"(?:[ \t]+|$)(?P<rest>.*)$"
CLOCK = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?"
_STAMP = rf"(?:[ \t]*[(\[](?P<stamp>{CLOCK})[)\]])"
# Before a label: a list's bullet ("- Interviewer: ...", "* **Priya:** ...")
# or a broadcast caption's ">>"
_LEAD = r"^\s*(?:(?P<bullet>[-*+•])[ \t]+|>>[ \t]+)?"
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # a chat exported as Markdown: "#### You:", "## Assistant", "## **Prompt:**"
    # alone on its line above the message (:func:`_chat_headings`)
    (
        "heading",
        re.compile(
            rf"^ {{0,3}}#{{1,6}}[ \t]+(?P<bold>\*\*)?{_NAME}[ \t]*"
            r"(?(bold)(?::\*\*|\*\*[ \t]*:?)|:?)[ \t]*(?:#+[ \t]*)?(?P<rest>)$"
        ),
    ),
    ("bold", re.compile(rf"{_LEAD}\*\*{_NAME}{_STAMP}?[ \t]*(?::\*\*|\*\*[ \t]*:){_REST}")),
    ("bracket", re.compile(rf"{_LEAD}\[{_NAME}\][ \t]+(?P<stamp>{CLOCK})[ \t]*(?P<rest>)$")),
    ("bracket", re.compile(rf"{_LEAD}\[{_NAME}\]{_STAMP}?[ \t]*:?{_REST}")),
    # a chat copied from its page: "You said:" / "ChatGPT said:" above each message
    (
        "said",
        re.compile(rf"{_LEAD}(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]+said[ \t]*:{_REST}"),
    ),
    ("plain", re.compile(rf"{_LEAD}{_NAME}{_STAMP}?[ \t]*:{_REST}")),
    ("dotted", re.compile(rf"{_LEAD}(?P<name>[QA]\d{{0,3}})\.{_REST}")),
)
# Read only when the labels above give fewer than two speakers: "Name - text",
# "Name – text" and "Name<tab>text" (hand-typed notes, a table pasted as text).
_SET_OFF = re.compile(r"\t| [-–—] ")  # what a line needs for one of these shapes
_DASHED: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("dash", re.compile(rf"{_LEAD}{_NAME}{_STAMP}?[ \t]+[-–—][ \t]+(?P<rest>.*)$")),
    ("tab", re.compile(rf"{_LEAD}{_NAME}{_STAMP}?[ ]*\t[ \t]*(?P<rest>.*)$")),
)
_ROLE = re.compile(
    r"(?:interviewers?|interviewee|candidate|applicant|recruiter|hiring[ _]manager|host|co-host"
    r"|guest|moderator|panell?ist|int|cand|me|speaker|spk|participant|person|voice|unknown"
    r"|hr(?:[ _](?:rep|representative|manager))?|talent[ _]partner|sourcer"
    r"|recruiting[ _]coordinator|panel[ _]member|assessor|examiner|mock[ _]interviewer"
    r"|(?:career[ _])?coach|advis[eo]r|counsell?or|student|job[ _]?seeker)"
    r"(?:[ _-]?\d+|[ _-][a-z])?"
    r"|[qa]\d*",
    re.IGNORECASE,
)
"""Role words: a label of one is a speaker wherever it stands, on one line
too (every :data:`~transcript_tool.segment.roles.ROLE_LABELS` word but
"question" and "answer", which count only in pairs)."""
_TITLED = re.compile(r"(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.? [A-Z].*")
_QA_NUMBERED = re.compile(r"([QA])\d+", re.IGNORECASE)
_STOP_NUMBERED = re.compile(
    r"(?:step|part|round|phase|question|answer|example|option|point|tip|note|day|week)"
    r"[ _-]?\d+",
    re.IGNORECASE,
)
# Words that head a line of notes rather than name a speaker.
_STOP_LIST = """
note, notes, nb, n.b., side note, editor's note, example, examples, for example, e.g., i.e.,
update, edit, edited, tip, tips, warning, caution, important, summary, context, background,
situation, task, action, actions, result, results, outcome, lesson, lessons, lesson learned,
lessons learned, takeaway, takeaways, key takeaway, key takeaways, answer, question, questions,
pros, cons, pro, con, ps, p.s., re, subject, date, time, title, location, duration, position,
role, company, team, interview, feedback, score, rating, overall, goal, goals, problem, solution,
approach, reason, why, because, so, also, and, but, then, first, second, third, finally, next,
step, steps, follow up, todo, fyi, source, link, url, http, https, email, phone, tldr,
disclaimer, transcript, agenda, topic, topics, fun fact, bottom line, laughs, laughter,
crosstalk, inaudible, unintelligible, indiscernible, music, applause, pause, silence, noise,
sic, cough, coughs, sighs, chuckles, overlapping
"""
_STOP_WORDS = frozenset(word.strip() for word in _STOP_LIST.split(","))
# "He said:" and "She said:" report speech inside a story; "You said:" heads a chat
_PRONOUNS = frozenset("i he she it we they someone somebody everyone nobody one".split())
_QA_WORDS = frozenset(["question", "answer"])
CHAT_AGENTS = frozenset(
    ["assistant", "ai", "bot", "chatbot", "ai interviewer", "chatgpt", "claude", "gemini"]
)
"""What a chat's AI is called in labels ("Assistant:", "AI:", "ChatGPT:")."""
_CHAT_HEADINGS = CHAT_AGENTS | frozenset(
    "copilot model response".split()  # the AI's side, as exporters name it
    + "you user me prompt human".split()  # the candidate's
)
"""The two sides of a chat as its exporters head the messages ("#### You:" and
"#### ChatGPT:", "## Prompt:" and "## Response:", "## User" and "## Assistant")."""


@dataclass(frozen=True)
class Label:
    """A possible speaker label at the start of one line. ``name`` is the
    whole label as written, a note in parentheses included ("Priya Shah
    (Interviewer)"); ``note`` is that note."""

    name: str
    rest: str
    marked: bool
    dotted: bool = False
    stamp: str | None = None  # as written; read (and checked) when the label is a speaker
    note: str | None = None
    said: bool = False  # "ChatGPT said:": a speaker only as one of two or more that recur
    heading: bool = False  # "#### ChatGPT:": a speaker only among a chat's headings

    @property
    def base(self) -> str:
        """The label without its note ("Priya Shah")."""
        return self.name[: -len(self.note) - 3] if self.note else self.name


def read_labels(lines: Sequence[str]) -> tuple[list[Label | None], set[str]]:
    """Each line's label (None for a line without one) and the keys of those
    taken as speakers (:func:`_speakers`). Labels set off by a dash or a tab
    are read only when the usual ones give fewer than two speakers, and then
    only as a role word or a name on two lines or more: "Python - for the
    models" once is a list, not a speaker. When two or more Markdown headings
    head a chat's messages (:func:`_chat_headings`), they are the only labels:
    the rest are the messages' own formatting or the exporter's metadata
    above them ("**Created:** 3/5/2025").
    """
    parsed = [parse_label(line) for line in lines]
    chat = _chat_headings(parsed)
    if chat:
        return [
            label if label and label.heading and label_key(label.name) in chat else None
            for label in parsed
        ], chat
    labels = _folded([None if label and label.heading else label for label in parsed])
    speakers = _speakers(labels)
    if len(speakers) < 2:
        dashed = [
            label or (parse_label(line, _DASHED) if _SET_OFF.search(line) else None)
            for label, line in zip(labels, lines, strict=True)
        ]
        if dashed != labels and len(recurring := _speakers(dashed, one_off=False)) >= 2:
            return dashed, recurring
    return labels, speakers


def _folded(labels: list[Label | None]) -> list[Label | None]:
    """``labels`` with a note that is no role dropped where the label without
    it is used too: "Interviewer (laughs):" and "Candidate (cont'd):" among
    "Interviewer:" and "Candidate:" are those speakers, not two more.
    "Interviewer (Ruth):" used throughout keeps its note (and its name)."""
    plain = {label_key(label.name) for label in labels if label and label.note is None}
    return [
        replace(label, name=label.base, note=None)
        if label
        and label.note is not None
        and label_key(label.base) in plain
        and not _ROLE.fullmatch(label.note)
        else label
        for label in labels
    ]


def parse_label(line: str, shapes: Sequence[tuple[str, re.Pattern[str]]] = _LABELS) -> Label | None:
    """The label a line starts with, if it has one of the ``shapes``."""
    for style, pattern in shapes:
        match = pattern.match(line)
        if match:
            stamp = match["stamp"] if "stamp" in pattern.groupindex else None
            # markup marks a speaker, but not a list item's bold heading ("- **SQL:** ...")
            bullet = "bullet" in pattern.groupindex and match["bullet"] is not None
            marked = (style in ("bold", "bracket") and not bullet) or stamp is not None
            name = re.sub(r"\s+", " ", match["name"])
            note = match["note"] if "note" in pattern.groupindex else None
            if note is not None:
                note = re.sub(r"\s+", " ", note)
                name = f"{name} ({note})"
            return Label(
                name,
                match["rest"],
                marked,
                style == "dotted",
                stamp,
                note,
                style == "said",
                style == "heading",
            )
    return None


def _chat_headings(labels: Sequence[Label | None]) -> set[str]:
    """Keys of the Markdown headings that head a chat's messages, as chat
    exporters write them alone above each message::

        #### You:           ## Prompt:          ## User
        #### ChatGPT:       ## Response:        ## Assistant

    A heading counts when its whole text is a speaker label: a role word
    ("## Interviewer"), either side's name in a chat (:data:`_CHAT_HEADINGS`)
    or a person's name on two headings or more ("### Priya"). There must be
    two such speakers or more, else none counts: "## Situation" and
    "## Result" head a note's sections, and "## Model" alone a design note's.
    """
    counts = Counter(label_key(label.name) for label in labels if label and label.heading)
    found = {
        label_key(label.name)
        for label in labels
        if label
        and label.heading
        and not is_stop(label.name)
        and (
            label_key(label.name) in _CHAT_HEADINGS
            or any(_ROLE.fullmatch(part) for part in (label.name, label.base, label.note) if part)
            or (counts[label_key(label.name)] >= 2 and _person_name(label.base))
        )
    }
    return found if len(found) >= 2 else set()


def _speakers(labels: Sequence[Label | None], *, one_off: bool = True) -> set[str]:
    """Keys (lowercase names) of the labels accepted as speakers.

    Accepted: role words; marked labels of capitalised words; titled names
    (Dr. Chen); labels on two or more lines that look like names; ``Q.``/``A.``
    only when both occur (else "A. Smith ..." and lettered lists would split).
    When that yields fewer than two speakers, one-off labels of capitalised
    words are accepted too (and Question/Answer when both occur); when it
    yields two or more, a one-off person's name between two turns of one
    other speaker (:func:`_interjections`).
    Stop-list words (Note, Situation, Step 2 ...) are never speakers. Without
    ``one_off``, a label on one line is a speaker only as a role word, and a
    recurring one only when capitalised ("okay - so" twice in a caption is
    no speaker).
    """
    counts: dict[str, int] = {}
    for label in labels:
        if label:
            counts[label_key(label.name)] = counts.get(label_key(label.name), 0) + 1
    dotted = {speaker_id(label.name) for label in labels if label and label.dotted}
    found = [
        label
        for label in labels
        if label
        and not label.said
        and not is_stop(label.name)
        and (not label.dotted or dotted == {"Q", "A"})
    ]
    chat = {
        label_key(label.name)
        for label in labels
        if label
        and label.said
        and counts[label_key(label.name)] >= 2
        and label_key(label.name) not in _PRONOUNS
    }

    def accepted(label: Label) -> bool:
        if any(_ROLE.fullmatch(part) for part in (label.name, label.base, label.note) if part):
            return True  # "Interviewer:", "Priya Shah (Interviewer):", "Interviewer (Ruth):"
        if not one_off:  # capitalised words, not numbers alone (a table's columns)
            name = label.name
            return counts[label_key(name)] >= 2 and capitalised(name) and not name.isdigit()
        return (
            (counts[label_key(label.name)] >= 2 and _looks_like_name(label.name, one_off=False))
            or (label.marked and _looks_like_name(label.name))
            or _TITLED.fullmatch(label.name) is not None
        )

    if len(chat) >= 2:  # "You said:" and "ChatGPT said:", each on two lines or more
        return chat  # the rest are the messages' own formatting ("**SQL:** correct")
    speakers = {label_key(label.name) for label in found if accepted(label)}
    if not one_off:
        return speakers
    if len(speakers) < 2:
        speakers |= {label_key(label.name) for label in found if _looks_like_name(label.name)}
        if counts.keys() >= _QA_WORDS:
            speakers |= _QA_WORDS
    else:
        speakers |= _interjections(labels, speakers, counts)
    return speakers


def _interjections(
    labels: Sequence[Label | None], speakers: set[str], counts: dict[str, int]
) -> set[str]:
    """One-off labels of a person's name between two turns of one other
    speaker, or after the last turn: a panel's second interviewer who asks
    once ("Marcus: One from me. How do you test it?" between two of the
    candidate's answers) or closes, whose words would otherwise run on in
    the candidate's turn. A name is every
    word one English text writes capitalised ("Marcus", "Janet Wu"; not
    "Result" or "Example"), and the speaker before and after must be the
    same, which a list inside one answer ("Python: for the models") is not:
    the next label there is the other speaker's."""
    keyed = [(label_key(label.name), label) if label else None for label in labels]
    turns = [(i, item[0]) for i, item in enumerate(keyed) if item and item[0] in speakers]
    found: set[str] = set()
    for (before, first), (after, second) in pairwise(turns):
        if first != second:
            continue
        between = [item for item in keyed[before + 1 : after] if item]
        if len(between) == 1 and _one_off_name(*between[0], counts):
            found.add(between[0][0])
    if turns:
        # ... and the last label of all, after a turn: a panelist's closing
        # ("Marcus: Thanks, that's all from us.") ran on in the candidate's turn
        after_all = [item for item in keyed[turns[-1][0] + 1 :] if item]
        if len(after_all) == 1 and _one_off_name(*after_all[0], counts):
            found.add(after_all[0][0])
    return found


def _one_off_name(key: str, label: Label, counts: dict[str, int]) -> bool:
    """Whether ``label`` is on one line only and is a person's name."""
    if counts[key] != 1 or label.dotted or label.said or is_stop(label.name):
        return False
    return _person_name(label.name)


def _person_name(name: str) -> bool:
    """Whether every word of ``name`` is one English writes capitalised
    ("Marcus", "Janet Wu"; not "Result" or "Example")."""
    if not capitalised(name):
        return False
    from ..annotate.names import is_name_word

    words = [word for word in re.findall(r"[^\W\d_]+", name) if len(word) > 1]
    return bool(words) and all(is_name_word(word) for word in words)  # O'Brien: "Brien"


def is_stop(name: str) -> bool:
    """Whether ``name`` is a word that heads a line of notes rather than
    names a speaker ("Note", "Situation", "Step 2")."""
    key = label_key(name)
    return key in _STOP_WORDS or _STOP_NUMBERED.fullmatch(key) is not None


def _looks_like_name(name: str, *, one_off: bool = True) -> bool:
    """Every word capitalised (or a number); a recurring label may also be one word."""
    return (not one_off and len(name.split()) == 1) or capitalised(name)


def label_key(name: str) -> str:
    return name.lower()


def speaker_id(name: str) -> str:
    """The speaker id for a label: as written, except numbered Q1/A2 labels are Q/A."""
    numbered = _QA_NUMBERED.fullmatch(name)
    return numbered[1].upper() if numbered else name
