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
    if not input_format:
        return detect_reader(text, name).read(text, name, options or ReadOptions())
    reader = get_reader(input_format)
    other = _markup_format(reader, text, name)
    if other is not None and {reader.name, other} != _CUE_READERS:
        raise _forced_error(reader, other, text, name)
    try:
        return reader.read(text, name, options or ReadOptions())
    except InputError:
        if other is None:
            raise
        # either reads the other's cues ("1" above a cue is a WebVTT cue's
        # name as well as a SubRip cue's number); when it cannot, say which
        raise _forced_error(reader, other, text, name) from None


# Formats whose markup is no one's words (cue numbers and timings, JSON, a
# table's header), each with what a message calls it and the least score of
# its sniff, on the content alone, that says a text is in that format. WebVTT
# is sniffed with the file's name too: a .vtt file with a cue timing among its
# first lines is WebVTT without its header line, which its reader reads.
_MARKUP_FORMATS = {
    "vtt": ("a WebVTT caption file", 0.92),
    "srt": ("a SubRip (.srt) subtitle file", 0.8),  # 0.8: it opens with a cue timing
    "sbv": ("a SubViewer (.sbv) caption file", 0.95),
    "json": ("a JSON transcript", 0.95),
    "csv": ("a CSV/TSV table", 0.95),
}
# either reads the other's cues when they have no WebVTT header
_CUE_READERS = {"vtt", "srt"}


def _markup_format(reader: Reader, text: str, name: str) -> str | None:
    """The format, other than ``reader``'s, that ``text`` is unmistakably in,
    whose timings, cue numbers or JSON another reader would read as someone's
    words (a .vtt forced as text read "00:00:07.661 --> 00:00:10.873" into
    every turn); None when there is none."""
    for other, (_, least) in _MARKUP_FORMATS.items():
        if (
            other != reader.name
            and READERS[other].sniff(text, name if other == "vtt" else "") >= least
        ):
            return other
    return None


def _forced_error(reader: Reader, other: str, text: str, name: str) -> InputError:
    first = next((number for number, line in enumerate(text.splitlines(), 1) if line.strip()), 1)
    return InputError(
        f"this is {_MARKUP_FORMATS[other][0]}, not what --input-format {reader.name} reads;"
        f" read it with --input-format {other}, or leave the format out",
        source=name,
        line=first,
    )
