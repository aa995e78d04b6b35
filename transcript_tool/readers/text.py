"""Plain labeled text: what people paste from notes, chats and transcription services.

Recognised labels at the start of a line::

    Priya: text            Dr. Chen:            (text on the following lines)
    Q: text   A. text      Q1. text             INTERVIEWER: text    SPEAKER_00: text
    **Priya:** text        **Priya**: text      [Priya] text    [Priya]: text
    Priya (00:01:02): text                      (Rev style; the timestamp becomes ``start``)
    Priya Shah (Interviewer): text              (a role in the note decides the role)
    [Priya] 10:02:33                            (Zoom's saved captions; text on the next lines)
    You said:         ChatGPT said:             (a chat copied from its page; text below)
    - Priya: text     >> PRIYA: text            (after a list's bullet or ">>"; a quote's ">" goes)
    Priya - text      Priya<tab>text            (only when no other shape gives two speakers)

A line that holds only a clock time (``00:05:00``, ``[12:30]``), as Google
Meet writes one every few minutes, is a time mark, not words: the next label
starts at that time unless it has a time of its own (a mark followed by more
of the same turn is dropped). Meet's closing line ``Meeting ended after
00:32:15`` (or ``Transcription ended after ...``) is not part of any turn and
is named in a notice.

A speaker's timestamp is read as the timed formats read theirs
(:mod:`.clock`): ``75:30`` is 75 minutes, and ``01:75`` is an error naming
its line.

Lines without a label continue the previous speaker's turn. A line that
merely begins ``Note:`` or ``Situation:`` inside an answer is not a new
speaker: labels are read in two passes, and a label counts as a speaker only
when it names a role, carries markup (bold, brackets, a timestamp), or recurs
and is not a common heading word; a person's name said once between two
turns of one other speaker (a panelist's one question) counts too, a label
misspelt once is read as the speaker it stands for, and a chat's AI named
once in another way ("Assistant:" among "AI:") as the AI. A note that is no
role beside a label used without it ("Interviewer (laughs):") is dropped. A
``# Heading`` or an ``[<uuid>] ...`` header at the top is not a turn (the
uuid becomes the transcript id).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from ..errors import InputError
from ..model import Transcript
from . import Reader
from .common import (
    Chunk,
    RawTurn,
    ReadOptions,
    build_transcript,
    capitalised,
    split_lines,
    unlabeled_transcript,
)
from .timed import checked_clock, line_notice

_WORD = r"(?:[^\W\d_][\w.'’-]*|\d+)"
_NAME = (
    rf"(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})"
    rf"(?:[ \t]*\((?P<note>[^\W\d_][\w.'’-]*(?:[ \t]+{_WORD}){{0,2}})\))?"
)
_REST = r"(?:[ \t]+|$)(?P<rest>.*)$"
_CLOCK = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?"
_STAMP = rf"(?:[ \t]*[(\[](?P<stamp>{_CLOCK})[)\]])"
_TIME_MARK = re.compile(rf"^\s*(?:(?P<a>{_CLOCK})|\[(?P<b>{_CLOCK})\]|\((?P<c>{_CLOCK})\))\s*$")
_CLOSING = re.compile(
    rf"^\s*(?P<said>(?:meeting|transcription|recording) ended after {_CLOCK})\W*$", re.IGNORECASE
)

# (style, pattern): tried in order; "plain" and "dotted" labels carry no markup.
# Before a label: a list's bullet ("- Interviewer: ...", "* **Priya:** ...")
# or a broadcast caption's ">>"
_LEAD = r"^\s*(?:(?:[-*+•]|>>)[ \t]+)?"
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bold", re.compile(rf"{_LEAD}\*\*{_NAME}{_STAMP}?[ \t]*(?::\*\*|\*\*[ \t]*:){_REST}")),
    ("bracket", re.compile(rf"{_LEAD}\[{_NAME}\][ \t]+(?P<stamp>{_CLOCK})[ \t]*(?P<rest>)$")),
    ("bracket", re.compile(rf"{_LEAD}\[{_NAME}\]{_STAMP}?[ \t]*:?{_REST}")),
    # a chat copied from its page: "You said:" / "ChatGPT said:" above each message
    (
        "said",
        re.compile(rf"{_LEAD}(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]+said[ \t]*:{_REST}"),
    ),
    ("plain", re.compile(rf"{_LEAD}{_NAME}{_STAMP}?[ \t]*:{_REST}")),
    ("dotted", re.compile(rf"{_LEAD}(?P<name>[QA]\d{{0,3}})\.{_REST}")),
)
_QUOTED = re.compile(r"^\s*>(?!>) ?")  # a Markdown block quote's marker
# Read only when the labels above give fewer than two speakers: "Name - text",
# "Name – text" and "Name<tab>text" (hand-typed notes, a table pasted as text).
_SET_OFF = re.compile(r"\t| [-–—] ")  # what a line needs for one of these shapes
_DASHED: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("dash", re.compile(rf"{_LEAD}{_NAME}{_STAMP}?[ \t]+[-–—][ \t]+(?P<rest>.*)$")),
    ("tab", re.compile(rf"{_LEAD}{_NAME}{_STAMP}?[ ]*\t[ \t]*(?P<rest>.*)$")),
)
_HEADER = re.compile(
    r"^\s*\[(?P<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    r"|[0-9a-fA-F]{16,})\](?:\s.*)?$"
)
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S")

_ROLE = re.compile(
    r"(?:interviewers?|interviewee|candidate|applicant|recruiter|hiring[ _]manager|host|co-host"
    r"|guest|moderator|panell?ist|int|cand|me|speaker|spk|participant|person|voice|unknown)"
    r"(?:[ _-]?\d+|[ _-][a-z])?"
    r"|[qa]\d*",
    re.IGNORECASE,
)
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
class _Label:
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


def sniff(text: str, name: str) -> float:
    """How likely ``text`` is labeled plain text, in [0, 1].

    0.6-0.9 when at least a fifth of the non-blank lines start with an accepted
    speaker label (more with a larger share); 0.05 for any other non-empty text,
    so unlabeled text still falls back to this reader; 0.0 for blank text.
    """
    lines = [line for line in _unquoted(split_lines(text)) if line.strip()]
    if not lines:
        return 0.0
    labels, speakers = _read_labels(lines)
    labeled = sum(1 for label in labels if label and _key(label.name) in speakers)
    if not labeled:
        return 0.05
    return min(0.9, 0.3 + 1.5 * labeled / len(lines))


def read(text: str, name: str, options: ReadOptions | None = None) -> Transcript:
    """Turns from labeled plain text; the raw-caption segmenter's turns when
    nothing is labeled (an auto-caption pasted as text).

    Each turn's ``line`` is the 1-based line of its label and its text is the
    label's line and the following unlabeled lines, with the label removed.
    Text before the first label is left out and reported in ``notices``.
    """
    lines = _unquoted(split_lines(text))
    transcript_id, body, notices = _read_top(lines)
    labels, speakers = _read_labels([lines[i] for i in body])
    misspelt = _misspellings(labels, speakers) | _chat_agents(labels, speakers)
    spelling: dict[str, str] = {}
    for label in labels:  # each speaker as first written right, not as a misspelling
        if label and _key(label.name) in speakers:
            spelling.setdefault(_key(label.name), _speaker_id(label.name))
    raw_turns: list[RawTurn] = []
    pieces: list[list[str]] = []  # each turn's lines, joined once (not appended: quadratic)
    preamble: list[int] = []
    closing: list[tuple[int, str]] = []
    mark: float | None = None  # the time on a time-mark line, for the next label
    for i, label in zip(body, labels, strict=True):
        key = misspelt.get(_key(label.name), _key(label.name)) if label else ""
        if label and key in speakers:
            start = checked_clock(label.stamp, name, i + 1) if label.stamp is not None else mark
            speaker = spelling[key]
            raw_turns.append(RawTurn(speaker, label.rest, line=i + 1, start=start))
            pieces.append([label.rest])
            mark = None
        elif (marked := _time_mark(lines[i], name, i + 1)) is not None:
            mark = marked
        elif ended := _CLOSING.match(lines[i]):
            closing.append((i + 1, ended["said"]))
        elif raw_turns:
            pieces[-1].append(lines[i])
            mark = None if lines[i].strip() else mark
        elif lines[i].strip():
            preamble.append(i + 1)
    for raw, texts in zip(raw_turns, pieces, strict=True):
        raw.text = "\n".join(texts)
    if not raw_turns:
        chunks = _unlabeled_chunks(lines, body, name)
        if not chunks:
            raise InputError("the transcript is empty (is it the right file?)", source=name)
        return unlabeled_transcript(
            chunks,
            format="text",
            source=name,
            options=options or ReadOptions(),
            id=transcript_id,
            notices=[*notices, *_closing_notices(closing)],
        )
    if preamble:
        notices.append(_preamble_notice(preamble[0], preamble[-1]))
    notices.extend(_closing_notices(closing))
    transcript = build_transcript(
        raw_turns,
        format="text",
        source=name,
        id=transcript_id,
        notices=notices,
        unit="labeled lines",
    )
    if not transcript.turns:
        raise InputError("the transcript is empty (is it the right file?)", source=name)
    return transcript


def _time_mark(line: str, name: str, number: int) -> float | None:
    """The seconds of a line that holds only a clock time (a time mark), None
    for any other line; InputError naming ``number`` for a bad time."""
    found = _TIME_MARK.match(line)
    if found is None:
        return None
    return checked_clock(found["a"] or found["b"] or found["c"], name, number)


def _unlabeled_chunks(lines: Sequence[str], body: Sequence[int], name: str) -> list[Chunk]:
    """The non-blank body lines as chunks for the raw-caption segmenter, a
    time mark's time given to the line after it rather than read as words."""
    chunks: list[Chunk] = []
    mark: float | None = None
    for i in body:
        marked = _time_mark(lines[i], name, i + 1)
        if marked is not None:
            mark = marked
        elif lines[i].strip() and not _CLOSING.match(lines[i]):
            chunks.append(Chunk(lines[i], line=i + 1, start=mark))
            mark = None
    return chunks


def _read_top(lines: Sequence[str]) -> tuple[str | None, list[int], list[str]]:
    """(id from an ``[<uuid>]`` header, indices of the body lines, notices).

    The header (first non-blank line) and a ``# Heading`` (first non-blank line,
    or the one after the header) are not part of the body.
    """
    transcript_id: str | None = None
    notices: list[str] = []
    body_start = 0
    i = _next_nonblank(lines, 0)
    header = _HEADER.match(lines[i]) if i < len(lines) else None
    if header:
        transcript_id = header["id"]
        body_start = i + 1
        i = _next_nonblank(lines, i + 1)
    if i < len(lines) and _HEADING.match(lines[i]):
        notices.append(f"the heading on line {i + 1} is not part of any turn")
        body_start = i + 1
    return transcript_id, list(range(body_start, len(lines))), notices


def _next_nonblank(lines: Sequence[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _unquoted(lines: list[str]) -> list[str]:
    """``lines`` without a Markdown block quote's ``>`` when every line that
    is not blank has one (a transcript quoted in notes), else as they are."""
    if not any(line.strip() for line in lines) or not all(
        _QUOTED.match(line) for line in lines if line.strip()
    ):
        return lines
    return [_QUOTED.sub("", line, count=1) for line in lines]


def _read_labels(lines: Sequence[str]) -> tuple[list[_Label | None], set[str]]:
    """Each line's label (None for a line without one) and the keys of those
    taken as speakers (:func:`_speakers`). Labels set off by a dash or a tab
    are read only when the usual ones give fewer than two speakers, and then
    only as a role word or a name on two lines or more: "Python - for the
    models" once is a list, not a speaker."""
    labels = _folded([_parse_label(line) for line in lines])
    speakers = _speakers(labels)
    if len(speakers) < 2:
        dashed = [
            label or (_parse_label(line, _DASHED) if _SET_OFF.search(line) else None)
            for label, line in zip(labels, lines, strict=True)
        ]
        if dashed != labels and len(recurring := _speakers(dashed, one_off=False)) >= 2:
            return dashed, recurring
    return labels, speakers


def _folded(labels: list[_Label | None]) -> list[_Label | None]:
    """``labels`` with a note that is no role dropped where the label without
    it is used too: "Interviewer (laughs):" and "Candidate (cont'd):" among
    "Interviewer:" and "Candidate:" are those speakers, not two more.
    "Interviewer (Ruth):" used throughout keeps its note (and its name)."""
    plain = {_key(label.name) for label in labels if label and label.note is None}
    return [
        replace(label, name=label.base, note=None)
        if label
        and label.note is not None
        and _key(label.base) in plain
        and not _ROLE.fullmatch(label.note)
        else label
        for label in labels
    ]


def _parse_label(
    line: str, shapes: Sequence[tuple[str, re.Pattern[str]]] = _LABELS
) -> _Label | None:
    """The label a line starts with, if it has one of the ``shapes``."""
    for style, pattern in shapes:
        match = pattern.match(line)
        if match:
            stamp = match["stamp"] if "stamp" in pattern.groupindex else None
            marked = style in ("bold", "bracket") or stamp is not None
            name = re.sub(r"\s+", " ", match["name"])
            note = match["note"] if "note" in pattern.groupindex else None
            if note is not None:
                note = re.sub(r"\s+", " ", note)
                name = f"{name} ({note})"
            return _Label(
                name, match["rest"], marked, style == "dotted", stamp, note, style == "said"
            )
    return None


def label_of(line: str) -> str | None:
    """The name in the speaker label ``line`` starts with ("Priya Shah" for
    "Priya Shah (00:01:02): hi"), or None when it starts with none of the
    recognised shapes. Whether a name is taken as a speaker depends on the
    whole text (:func:`speaker_names`)."""
    label = _parse_label(line)
    return label.name if label else None


def speaker_names(text: str) -> set[str]:
    """The label names (lowercase) that :func:`read` takes as speakers in
    ``text``; the lines of any other label continue the turn before them."""
    return _read_labels([line for line in _unquoted(split_lines(text)) if line.strip()])[1]


def _speakers(labels: Sequence[_Label | None], *, one_off: bool = True) -> set[str]:
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
            counts[_key(label.name)] = counts.get(_key(label.name), 0) + 1
    dotted = {_speaker_id(label.name) for label in labels if label and label.dotted}
    found = [
        label
        for label in labels
        if label
        and not label.said
        and not _is_stop(label.name)
        and (not label.dotted or dotted == {"Q", "A"})
    ]
    chat = {
        _key(label.name)
        for label in labels
        if label
        and label.said
        and counts[_key(label.name)] >= 2
        and _key(label.name) not in _PRONOUNS
    }

    def accepted(label: _Label) -> bool:
        if any(_ROLE.fullmatch(part) for part in (label.name, label.base, label.note) if part):
            return True  # "Interviewer:", "Priya Shah (Interviewer):", "Interviewer (Ruth):"
        if not one_off:  # capitalised words, not numbers alone (a table's columns)
            name = label.name
            return counts[_key(name)] >= 2 and capitalised(name) and not name.isdigit()
        return (
            (counts[_key(label.name)] >= 2 and _looks_like_name(label.name, one_off=False))
            or (label.marked and _looks_like_name(label.name))
            or _TITLED.fullmatch(label.name) is not None
        )

    speakers = {_key(label.name) for label in found if accepted(label)}
    if len(chat) >= 2:  # "You said:" and "ChatGPT said:", each on two lines or more
        speakers |= chat
    if not one_off:
        return speakers
    if len(speakers) < 2:
        speakers |= {_key(label.name) for label in found if _looks_like_name(label.name)}
        if counts.keys() >= _QA_WORDS:
            speakers |= _QA_WORDS
    else:
        speakers |= _interjections(labels, speakers, counts)
    return speakers


def _interjections(
    labels: Sequence[_Label | None], speakers: set[str], counts: dict[str, int]
) -> set[str]:
    """One-off labels of a person's name between two turns of one other
    speaker: a panel's second interviewer who asks once ("Marcus: One from
    me. How do you test it?" between two of the candidate's answers), whose
    words would otherwise run on in the candidate's turn. A name is every
    word one English text writes capitalised ("Marcus", "Janet Wu"; not
    "Result" or "Example"), and the speaker before and after must be the
    same, which a list inside one answer ("Python: for the models") is not:
    the next label there is the other speaker's."""
    keyed = [(_key(label.name), label) if label else None for label in labels]
    turns = [(i, item[0]) for i, item in enumerate(keyed) if item and item[0] in speakers]
    found: set[str] = set()
    for (before, first), (after, second) in pairwise(turns):
        if first != second:
            continue
        between = [item for item in keyed[before + 1 : after] if item]
        if len(between) == 1 and _one_off_name(*between[0], counts):
            found.add(between[0][0])
    return found


def _one_off_name(key: str, label: _Label, counts: dict[str, int]) -> bool:
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


def _misspellings(labels: Sequence[_Label | None], speakers: set[str]) -> dict[str, str]:
    """One-off labels read as a misspelling of one speaker's (lowercase keys):
    a label on one line only, not itself a speaker, within two letters'
    edit of a speaker's label of MISSPELT_LENGTH letters or more, and nearer
    it than any other ("Inerviewee" is one from "Interviewee", two from
    "Interviewer").

    Hand-typed transcripts have them ("Interveiwee:", "Inerviewee:" and
    "Intervieweee:" among the MIT interviews' "Interviewee:"); their words
    went to the speaker before them, there the interviewer."""
    counts = Counter(_key(label.name) for label in labels if label)
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


def _chat_agents(labels: Sequence[_Label | None], speakers: set[str]) -> dict[str, str]:
    """A one-off label for a chat's AI read as the speaker that is one
    (lowercase keys): each Anthropic interview opens "Assistant:" once, then
    alternates "User:" and "AI:", and its opening was left out."""
    agents = [key for key in speakers if key in _AGENTS]
    if len(agents) != 1:
        return {}
    counts = Counter(_key(label.name) for label in labels if label)
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
    key = _key(name)
    return key in _STOP_WORDS or _STOP_NUMBERED.fullmatch(key) is not None


def _looks_like_name(name: str, *, one_off: bool = True) -> bool:
    """Every word capitalised (or a number); a recurring label may also be one word."""
    return (not one_off and len(name.split()) == 1) or capitalised(name)


def _key(name: str) -> str:
    return name.lower()


def _speaker_id(name: str) -> str:
    """The speaker id for a label: as written, except numbered Q1/A2 labels are Q/A."""
    numbered = _QA_NUMBERED.fullmatch(name)
    return numbered[1].upper() if numbered else name


def _closing_notices(closing: Sequence[tuple[int, str]]) -> list[str]:
    return [line_notice(line, said) for line, said in closing]


def _preamble_notice(first: int, last: int) -> str:
    if first == last:
        return f"line {first} before the first speaker label is not part of any turn"
    return f"lines {first}-{last} before the first speaker label are not part of any turn"


EXAMPLE = """\
Interviewer: Tell me about a project you led.
Candidate: Last spring I led the migration of our billing service.
"""


READER = Reader(
    name="text",
    description=(
        "labeled plain text (Name: text, Q:/A:, **Name:**, [Name], Name (00:01:02):, "
        "Google Meet, Zoom's saved captions, and Name - text)"
    ),
    extensions=(".txt", ".md", ".text"),
    sniff=sniff,
    read=read,
    example=EXAMPLE,
)
