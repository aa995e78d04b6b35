"""Transcript -> the turns as text: ``transcript-tool segment``'s outputs.

- :func:`turn_list`: one numbered line per turn, with its speaker, role and
  (for inferred turns) confidence; ``~`` marks a turn below
  :data:`~transcript_tool.model.LOW_CONFIDENCE`. For reading.
- :func:`labeled_text`: one ``Label: words`` line per turn, which the
  labeled-text reader reads back into the same turns. For correcting: when
  the segmenter gave a caption's words to the wrong speaker, change the
  labels in any editor and run ``report`` on the file.

Both keep each turn's words exactly; in :func:`labeled_text` whitespace
inside a turn (the line breaks of a labeled source) becomes single spaces,
so that every turn is one line. Output is deterministic.
"""

from __future__ import annotations

from collections import Counter

from ..model import LOW_CONFIDENCE, Speaker, Transcript
from ..readers.common import normalize_space
from ..readers.text import label_of, speaker_names
from ..segment.roles import role_from_label

_MAX_CLOCK = 100 * 3600.0  # the reader's stamps have at most two digits of hours
_TITLES = {"interviewer": "Interviewer", "candidate": "Candidate"}


def turn_list(transcript: Transcript) -> str:
    """``[index]~ speaker (role, confidence c): words`` per turn; the confidence
    only for turns that have one below 1, the ``~`` only below LOW_CONFIDENCE."""
    lines = []
    for turn in transcript.turns:
        sure = "" if turn.confidence >= 1.0 else f", confidence {turn.confidence:.2f}"
        mark = "~" if turn.confidence < LOW_CONFIDENCE else ""
        lines.append(f"[{turn.index}]{mark} {turn.speaker} ({turn.role}{sure}): {turn.text}")
    return "".join(f"{line}\n" for line in lines)


def labeled_text(transcript: Transcript) -> str:
    """``Label: words`` per turn (turns with no words left out).

    The label is the speaker's name with the role beside it ("Priya Shah
    (Interviewer)", "Dr. Okafor (Interviewer)"; the name alone for a role of
    "other"), when it reads back as a label giving that role, so that the
    roles read back as they were and can be corrected in the file; else the
    speaker's role ("Interviewer",
    "Candidate") when no other speaker has that role, or the role numbered
    when several have it (a panel's "Interviewer 1", "Interviewer 2"), so
    that the reader takes the role from it (the inferred speakers of a
    caption); else ``Speaker k`` (k: the speaker's place in the
    transcript, from 1). A
    source's own ids are not used: "A" and "B" (AssemblyAI) would read back
    as the Q and A of a question-and-answer transcript. When the reader would
    not take one of the names as a speaker in the text written (a one-off
    lowercase name), no names are used. Turns with a start time carry it in
    the label (``Candidate (00:01:02.500):``).
    """
    labels = speaker_labels(transcript.speakers)
    text = _lines(transcript, labels)
    if not speaker_names(text) >= {label.lower() for label in labels.values()}:
        # a name the reader would not take as a speaker in this text (a
        # one-off lowercase "bob"): its lines would join the turn before
        text = _lines(transcript, speaker_labels(transcript.speakers, names=False))
    return text


def speaker_labels(speakers: tuple[Speaker, ...], *, names: bool = True) -> dict[str, str]:
    """Speaker id -> the label :func:`labeled_text` writes for that speaker
    (with ``names`` False, never a name); distinct speakers get distinct
    labels."""
    roles = Counter(s.role for s in speakers)
    counted_in_role: Counter[str] = Counter()
    labels: dict[str, str] = {}
    taken: set[str] = set()
    for number, speaker in enumerate(speakers, start=1):
        title = _TITLES.get(speaker.role)
        label = _named(speaker, title) if names and speaker.name else None
        if label is None and title is not None:
            if roles[speaker.role] == 1:
                label = title
            else:  # a panel's interviewers: "Interviewer 1", "Interviewer 2"
                counted_in_role[speaker.role] += 1
                label = f"{title} {counted_in_role[speaker.role]}"
        if label is None or label.lower() in taken:
            label = f"Speaker {number}"
            while label.lower() in taken:
                number += len(speakers)
                label = f"Speaker {number}"
        labels[speaker.id] = label
        taken.add(label.lower())
    return labels


def _named(speaker: Speaker, title: str | None) -> str | None:
    """The speaker's name with their role beside it ("Priya Shah
    (Interviewer)"), or for a role with no title ("other") the name alone,
    when it reads back as a label that gives that role; None otherwise ("Ana
    (host)" takes no second note, and alone would leave her role to
    inference)."""
    assert speaker.name is not None
    label = speaker.name if title is None else f"{speaker.name} ({title})"
    role = None if title is None else speaker.role
    return label if label_of(f"{label}: x") == label and role_from_label(label) == role else None


def _lines(transcript: Transcript, labels: dict[str, str]) -> str:
    lines = []
    for turn in transcript.turns:
        words = normalize_space(turn.text)
        if not words:
            continue
        start = turn.start
        stamp = f" ({_clock(start)})" if start is not None and start < _MAX_CLOCK else ""
        lines.append(f"{labels[turn.speaker]}{stamp}: {words}")
    return "".join(f"{line}\n" for line in lines)


def _clock(seconds: float) -> str:
    """``hh:mm:ss.fff``, which the labeled-text reader reads back to the millisecond."""
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    return f"{hours:02d}:{minutes:02d}:{millis // 1000:02d}.{millis % 1000:03d}"
