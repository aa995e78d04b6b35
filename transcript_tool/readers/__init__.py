"""Reader registry: every supported input format, with sniffing.

A reader is a module exposing ``READER``: a :class:`Reader` whose ``sniff``
scores how likely a text is in its format (0..1) and whose ``read`` turns the
text into a :class:`~transcript_tool.model.Transcript`. Readers take the
decoded *text*, a display name (never a path, so they are easy to test) and
:class:`~.common.ReadOptions`, the hints for text that has no speaker labels
(which every reader hands to :func:`~.common.unlabeled_transcript`).
Built-in readers are listed in :data:`READERS`, in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..errors import InputError, UsageError
from ..model import Transcript
from .common import ReadOptions
from .limits import check_lines


@dataclass(frozen=True)
class Reader:
    """A registered input format.

    ``example`` is a few lines of the format as a tool writes it (shown by
    ``transcript-tool formats``); reading it must give at least one turn.
    """

    name: str
    description: str
    extensions: tuple[str, ...]
    sniff: Callable[[str, str], float]
    read: Callable[[str, str, ReadOptions], Transcript]
    example: str


def _builtin_readers() -> dict[str, Reader]:
    from . import jsonfmt, otter, sbv, srt, table, text, timed, vtt

    readers = (
        text.READER,
        vtt.READER,
        srt.READER,
        sbv.READER,
        jsonfmt.READER,
        otter.READER,
        timed.READER,
        table.READER,
    )
    return {reader.name: reader for reader in readers}


READERS: dict[str, Reader] = _builtin_readers()


def get_reader(name: str) -> Reader:
    """The reader registered as ``name``; UsageError listing the names that exist."""
    try:
        return READERS[name]
    except KeyError:
        available = ", ".join(sorted(READERS))
        raise UsageError(f"unknown input format {name!r}; available: {available}") from None


def detect_reader(text: str, name: str) -> Reader:
    """The reader whose sniff scores highest (ties go to registration order)."""
    best: Reader | None = None
    best_score = 0.0
    for reader in READERS.values():
        score = reader.sniff(text, name)
        if score > best_score:
            best, best_score = reader, score
    if best is None:
        raise InputError(
            "not a transcript format this tool can read (if it is one, name it with "
            "--input-format; transcript-tool formats lists them)",
            source=name,
        )
    return best


def read_text(
    text: str,
    name: str,
    input_format: str | None = None,
    options: ReadOptions | None = None,
) -> Transcript:
    """Read decoded ``text``; ``input_format`` forces a reader instead of sniffing."""
    if not text.strip():
        raise InputError("the transcript is empty (is it the right file?)", source=name)
    check_lines(text, name)
    reader = get_reader(input_format) if input_format else detect_reader(text, name)
    return reader.read(text, name, options or ReadOptions())
