"""What a reader returns: speakers, turns, pauses and the transcript."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .kinds import Role


@dataclass(frozen=True)
class Speaker:
    """One voice in the conversation.

    ``id`` is the label as the source wrote it ("Priya", "Q", "INTERVIEWER");
    ``name`` is a person's name when one is known (from the label or said in
    the text), else None. ``role_source`` says how the role was decided:
    "label" (the label names the role), "inferred" (from how the speaker
    talks) or "option" (``--interviewer``/``--candidate``).
    ``role_confidence`` is in [0, 1].
    """

    id: str
    name: str | None
    role: Role
    role_source: Literal["label", "inferred", "option"] = "label"
    role_confidence: float = 1.0

    @property
    def label(self) -> str:
        """How reports name the speaker: the label, with the name said in the
        text after it when the label does not hold that name ("Speaker 1
        (Sam)"; "Priya Shah (Interviewer)" as it is)."""
        name = self.name
        if (
            name is None
            or name == self.id
            or f"({name})" in self.id
            or self.id.startswith(f"{name} (")
        ):
            return self.id
        return f"{self.id} ({name})"


@dataclass(frozen=True)
class Pause:
    """A silence inside a turn, between two timed pieces of it (caption cues,
    segments): speech stops at ``start`` and resumes at ``end`` (seconds) with
    the word at character ``offset`` of the turn's text."""

    offset: int
    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class Turn:
    """A stretch of speech by one speaker, in source order.

    ``text`` holds the source's own words (labels, markup and timestamps
    removed, whitespace normalised); ``start``/``end`` are seconds from the
    beginning of the recording when the source has them. ``line`` is the
    1-based source line where the turn begins, when the source has lines.
    ``confidence`` is how sure the reader is of the speaker attribution.
    ``pauses`` are the silences of at least PAUSE_SECONDS between the timed
    pieces the turn was merged from.
    """

    index: int
    speaker: str
    role: Role
    text: str
    start: float | None = None
    end: float | None = None
    confidence: float = 1.0
    line: int | None = None
    pauses: tuple[Pause, ...] = ()


PAUSE_SECONDS = 1.0
"""The shortest silence inside a turn that is kept as a :class:`Pause`."""


UNLABELED_NOTICE = "no speaker labels: "
NOT_ENGLISH_NOTICE = "the words are mostly not English"
"""How the notice of a transcript read from text with no speaker labels
begins (the segmenter's: how many speakers and turns it found)."""


@dataclass(frozen=True)
class Transcript:
    """A conversation as read from one source.

    ``format`` names the reader that produced it (e.g. "text"); ``source``
    is the file name ("-" for standard input); ``notices`` are facts the user
    should know about how it was read (roles inferred, lines skipped ...).
    """

    id: str | None
    format: str
    speakers: tuple[Speaker, ...]
    turns: tuple[Turn, ...]
    source: str | None = None
    notices: tuple[str, ...] = ()

    def speaker(self, speaker_id: str) -> Speaker:
        for speaker in self.speakers:
            if speaker.id == speaker_id:
                return speaker
        raise KeyError(speaker_id)

    @property
    def roles_inferred(self) -> bool:
        return any(s.role_source == "inferred" for s in self.speakers)

    @property
    def unlabeled(self) -> bool:
        """Read from text with no speaker labels: the segmenter found the
        turns, even where it found one speaker and so one sure turn."""
        return any(notice.startswith(UNLABELED_NOTICE) for notice in self.notices)

    @property
    def mostly_not_english(self) -> bool:
        """Its words are mostly not English (:mod:`transcript_tool.annotate.language`):
        said by the analysis, not by reading."""
        return any(notice.startswith(NOT_ENGLISH_NOTICE) for notice in self.notices)

    @property
    def turns_inferred(self) -> bool:
        """The turns were found by the segmenter (no speaker labels): their
        boundaries and speakers carry a confidence below 1."""
        return any(turn.confidence < 1.0 for turn in self.turns)
