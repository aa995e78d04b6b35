"""Plain labeled text: what people paste from notes, chats and transcription services.

Recognised labels at the start of a line::

    Priya: text            Dr. Chen:            (text on the following lines)
    Q: text   A. text      Q1. text             INTERVIEWER: text    SPEAKER_00: text
    **Priya:** text        **Priya**: text      [Priya] text    [Priya]: text
    Priya (00:01:02): text                      (Rev style; the timestamp becomes ``start``)
    Priya Shah (Interviewer): text              (a role in the note decides the role)
    [Priya] 10:02:33                            (Zoom's saved captions; text on the next lines)
    You said:         ChatGPT said:             (a chat copied from its page; text below)
    #### You:         ## Assistant              (a chat exported as Markdown; text below)
    - Priya: text     >> PRIYA: text            (after a list's bullet or ">>"; a quote's ">" goes)
    Priya - text      Priya<tab>text            (only when no other shape gives two speakers)

A line that holds only a clock time (``00:05:00``, ``[12:30]``), as Google
Meet writes one every few minutes, is a time mark, not words: the next label
starts at that time unless it has a time of its own (a mark followed by more
of the same turn is dropped). Meet's closing line ``Meeting ended after
00:32:15`` (or ``Transcription ended after ...``), and the other lines a
tool writes that nobody said (:mod:`.boilerplate`: Meet's disclaimer, a
printed Rev transcript's page header and footer, Sonix's paragraphs about
itself), are not part of any turn and are named in a notice.

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

A chat exported as Markdown heads each message with its speaker
(``#### You:`` / ``#### ChatGPT:``, ``## Prompt:`` / ``## Response:``,
``## User`` / ``## Assistant``): those headings are then its only labels,
and an exporter's ``**Created:** 3/5/2025`` lines above the first are left
out and named in a notice, as any text before the first label is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import InputError
from ..model import Transcript
from . import Reader
from .boilerplate import tool_line, tool_lines_notices
from .common import (
    Chunk,
    RawTurn,
    ReadOptions,
    build_transcript,
    split_lines,
    unlabeled_transcript,
    voice_chunks,
)
from .labels import (
    CLOCK,
    label_key,
    parse_label,
    read_labels,
    speaker_id,
)
from .standins import stand_ins
from .timed import checked_clock

_TIME_MARK = re.compile(rf"^\s*(?:(?P<a>{CLOCK})|\[(?P<b>{CLOCK})\]|\((?P<c>{CLOCK})\))\s*$")

# (style, pattern): tried in order; "plain" and "dotted" labels carry no markup.
_QUOTED = re.compile(r"^\s*>(?!>) ?")  # a Markdown block quote's marker

_HEADER = re.compile(
    r"^\s*\[(?P<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    r"|[0-9a-fA-F]{16,})\](?:\s.*)?$"
)
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S")


def sniff(text: str, name: str) -> float:
    """How likely ``text`` is labeled plain text, in [0, 1].

    0.6-0.9 when at least a fifth of the non-blank lines start with an accepted
    speaker label (more with a larger share); 0.05 for any other non-empty text,
    so unlabeled text still falls back to this reader; 0.0 for blank text.
    """
    lines = [line for line in _unquoted(split_lines(text)) if line.strip()]
    if not lines:
        return 0.0
    labels, speakers = read_labels(lines)
    labeled = sum(1 for label in labels if label and label_key(label.name) in speakers)
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
    transcript_id, body, title = _read_top(lines)
    labels, speakers = read_labels([lines[i] for i in body])
    notices: list[str] = []
    if title is not None:
        # the heading at the top is a title unless it heads the first message ("## User")
        at = body.index(title)
        heading = labels[at]
        if heading is None or label_key(heading.name) not in speakers:
            notices.append(f"the heading on line {title + 1} is not part of any turn")
            del body[at], labels[at]
    misspelt = stand_ins(labels, speakers)
    spelling: dict[str, str] = {}
    for label in labels:  # each speaker as first written right, not as a misspelling
        if label and label_key(label.name) in speakers:
            spelling.setdefault(label_key(label.name), speaker_id(label.name))
    raw_turns: list[RawTurn] = []
    pieces: list[list[str]] = []  # each turn's lines, joined once (not appended: quadratic)
    preamble: list[int] = []
    tool_lines: list[tuple[int, str]] = []  # a tool's own (boilerplate.py)
    mark: float | None = None  # the time on a time-mark line, for the next label
    for i, label in zip(body, labels, strict=True):
        key = misspelt.get(label_key(label.name), label_key(label.name)) if label else ""
        if label and key in speakers:
            start = checked_clock(label.stamp, name, i + 1) if label.stamp is not None else mark
            speaker = spelling[key]
            raw_turns.append(RawTurn(speaker, label.rest, line=i + 1, start=start))
            pieces.append([label.rest])
            mark = None
        elif (marked := _time_mark(lines[i], name, i + 1)) is not None:
            mark = marked
        elif said := tool_line(lines[i]):
            tool_lines.append((i + 1, said))
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
            notices=[*notices, *tool_lines_notices(tool_lines)],
        )
    if preamble:
        notices.append(_preamble_notice(preamble[0], preamble[-1]))
    notices.extend(tool_lines_notices(tool_lines))
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
        elif lines[i].strip() and not tool_line(lines[i]):
            chunks.extend(voice_chunks(Chunk(lines[i], line=i + 1, start=mark)))
            mark = None
    return chunks


def _read_top(lines: Sequence[str]) -> tuple[str | None, list[int], int | None]:
    """(id from an ``[<uuid>]`` header, indices of the body lines, index of
    the top heading).

    The header (first non-blank line) is not part of the body. A ``# Heading``
    (first non-blank line, or the one after the header) is, for the caller to
    tell a title from a chat's first speaker heading (``## User``).
    """
    transcript_id: str | None = None
    body_start = 0
    i = _next_nonblank(lines, 0)
    header = _HEADER.match(lines[i]) if i < len(lines) else None
    if header:
        transcript_id = header["id"]
        body_start = i + 1
        i = _next_nonblank(lines, i + 1)
    title = i if i < len(lines) and _HEADING.match(lines[i]) else None
    return transcript_id, list(range(body_start, len(lines))), title


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


def label_of(line: str) -> str | None:
    """The name in the speaker label ``line`` starts with ("Priya Shah" for
    "Priya Shah (00:01:02): hi"), or None when it starts with none of the
    recognised shapes. Whether a name is taken as a speaker depends on the
    whole text (:func:`speaker_names`)."""
    label = parse_label(line)
    return label.name if label else None


def speaker_names(text: str) -> set[str]:
    """The label names (lowercase) that :func:`read` takes as speakers in
    ``text``; the lines of any other label continue the turn before them."""
    return read_labels([line for line in _unquoted(split_lines(text)) if line.strip()])[1]


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
        "Google Meet, Zoom's saved captions, a chat's Markdown export (#### You:), "
        "and Name - text)"
    ),
    extensions=(".txt", ".md", ".text"),
    sniff=sniff,
    read=read,
    example=EXAMPLE,
)
