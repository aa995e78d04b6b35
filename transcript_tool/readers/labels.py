"""Speaker labels at the start of a line, and which of them name speakers.

The plain-text reader (:mod:`.text`) asks here what a line's label is
(:func:`parse_label`: the shapes its docstring lists) and which labels of a
whole text are speakers (:func:`read_labels`). A label counts when it names
a role, carries markup (bold, brackets, a timestamp), or recurs and is not a
common heading word ("Note:", "Situation:", "Step 2:"); and, on one line
only, when it is a person's name between two turns of one other speaker (a
panelist's one question). :func:`stand_ins` reads
a one-off label as the speaker it stands for ("Interveiwee:" among
"Interviewee:", "Assistant:" among "AI:"). Labels set off by a dash or a tab
count only when no other shape gives two speakers.
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

    @property
    def base(self) -> str:
        """The label without its note ("Priya Shah")."""
        return self.name[: -len(self.note) - 3] if self.note else self.name


def read_labels(lines: Sequence[str]) -> tuple[list[Label | None], set[str]]:
    """Each line's label (None for a line without one) and the keys of those
    taken as speakers (:func:`_speakers`). Labels set off by a dash or a tab
    are read only when the usual ones give fewer than two speakers, and then
    only as a role word or a name on two lines or more: "Python - for the
    models" once is a list, not a speaker."""
    labels = _folded([parse_label(line) for line in lines])
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
                name, match["rest"], marked, style == "dotted", stamp, note, style == "said"
            )
    return None


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
        and not _is_stop(label.name)
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
    if counts[key] != 1 or label.dotted or label.said or _is_stop(label.name):
        return False
    if not capitalised(label.name):  # "Marcus", "Janet Wu"
        return False
    from ..annotate.names import is_name_word

    words = [word for word in re.findall(r"[^\W\d_]+", label.name) if len(word) > 1]
    return bool(words) and all(is_name_word(word) for word in words)  # O'Brien: "Brien"


MISSPELT_LENGTH = 6
"""The shortest label a one-off label is read as a misspelling of."""
MISSPELT_AT_MOST = (100, 12)
"""No misspellings are looked for among more one-off labels or speakers than
these: a transcript with a few typos has neither, and comparing each with
each costs time (100,000 one-off labels took 1.8 s with two speakers)."""


def stand_ins(labels: Sequence[Label | None], speakers: set[str]) -> dict[str, str]:
    """One-off labels read as another speaker (lowercase keys): a misspelling
    of one (:func:`_misspellings`) or a chat's AI named another way
    (:func:`_chat_agents`)."""
    counts = Counter(label_key(label.name) for label in labels if label)
    return _misspellings(counts, speakers) | _chat_agents(counts, speakers)


def _misspellings(counts: Counter[str], speakers: set[str]) -> dict[str, str]:
    """One-off labels read as a misspelling of one speaker's (lowercase keys):
    a label on one line only, not itself a speaker, within two letters'
    edit of a speaker's label of MISSPELT_LENGTH letters or more, and nearer
    it than any other ("Inerviewee" is one from "Interviewee", two from
    "Interviewer").

    Hand-typed transcripts have them ("Interveiwee:", "Inerviewee:" and
    "Intervieweee:" among the MIT interviews' "Interviewee:"); their words
    went to the speaker before them, there the interviewer."""
    targets = sorted(key for key in speakers if len(key) >= MISSPELT_LENGTH)
    one_offs = [
        key
        for key, count in counts.items()
        if count == 1
        and key not in speakers
        and len(key) >= MISSPELT_LENGTH - 1
        and not _is_stop(key)
    ]
    found: dict[str, str] = {}
    if len(one_offs) > MISSPELT_AT_MOST[0] or len(targets) > MISSPELT_AT_MOST[1]:
        return found
    for key in one_offs:
        near = sorted((_edits(key, target), target) for target in targets)
        near = [(edits, target) for edits, target in near if edits <= 2]
        if near and (len(near) == 1 or near[0][0] < near[1][0]):
            found[key] = near[0][1]
    return found


_AGENTS = frozenset(
    ["assistant", "ai", "bot", "chatbot", "ai interviewer", "chatgpt", "claude", "gemini"]
)
"""What a chat's AI is called in labels ("Assistant:", "AI:", "ChatGPT:")."""


def _chat_agents(counts: Counter[str], speakers: set[str]) -> dict[str, str]:
    """A one-off label for a chat's AI read as the speaker that is one
    (lowercase keys): each Anthropic interview opens "Assistant:" once, then
    alternates "User:" and "AI:", and its opening was left out."""
    agents = [key for key in speakers if key in _AGENTS]
    if len(agents) != 1:
        return {}
    return {key: agents[0] for key, count in counts.items() if count == 1 and key in _AGENTS}


def _edits(a: str, b: str) -> int:
    """The Levenshtein distance of ``a`` and ``b`` (insertions, deletions and
    substitutions; a swap of two letters is two), or 3 for any above 2."""
    if abs(len(a) - len(b)) > 2:
        return 3
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
        if min(row) > 2:
            return 3
    return min(row[-1], 3)


def _is_stop(name: str) -> bool:
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
