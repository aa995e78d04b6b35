"""How much one transcript may hold, and reading a file within that.

Three limits keep a hostile or mistaken input from exhausting memory or
running for hours; each is refused early with a message that gives the
size, the limit and how to go on (an environment variable raises it):

- :func:`max_input_bytes`: the file's size, 100 MB by default
  (``TRANSCRIPT_TOOL_MAX_INPUT_MB``). A larger file is refused from its size
  before it is read; standard input and special files (a pipe,
  ``/dev/zero``) are read in blocks and refused as soon as they pass it. An
  hour-long interview is about 60 KB of text, or a few MB of JSON with word
  timings.
- :func:`max_segments`: the pieces of text a reader hands on (labeled or
  timestamped lines, caption cues, rows, JSON segments or words), 200,000 by default
  (``TRANSCRIPT_TOOL_MAX_SEGMENTS``), checked before the pieces are read; and
  four lines a piece, counted before any reader splits the text. A million
  one-word JSON segments fit in 70 MB but would take many minutes to
  analyse; an interview has a few hundred to a few thousand.
- :func:`max_words`: the words of the transcript, 500,000 by default
  (``TRANSCRIPT_TOOL_MAX_WORDS``), checked once a reader has its turns (or,
  for text without speaker labels, before the segmenter runs), before any
  analysis: a full report takes about 2 KB of memory a word (325,000 words
  of captions peaked at 670 MB), and a three-hour interview has about 30,000
  words.

JSON is parsed whole, and a small JSON value becomes a large Python object
(``{"a":1}``, 8 bytes, takes about 200 bytes parsed: a 96 MB file of them took
2.5 GB). So a JSON input is also held to what a transcript within the word
and segment limits could need (:func:`check_json_values`,
:class:`JsonObjects`): at most :data:`JSON_VALUES_PER_WORD` commas a word
(Deepgram's responses, the most verbose, have about 15) and
:data:`JSON_OBJECTS_PER_WORD` objects a word plus one a segment (WhisperX
repeats every word's object under ``word_segments``). Raising
``TRANSCRIPT_TOOL_MAX_WORDS`` raises both. The worst JSON they let through
(8 million two-letter strings) takes about 700 MB to parse.
"""

from __future__ import annotations

import math
import os
import stat
import sys
from typing import BinaryIO

from ..errors import InputError, UsageError

MAX_INPUT_ENV = "TRANSCRIPT_TOOL_MAX_INPUT_MB"
DEFAULT_MAX_INPUT_MB = 100
MAX_SEGMENTS_ENV = "TRANSCRIPT_TOOL_MAX_SEGMENTS"
DEFAULT_MAX_SEGMENTS = 200_000
MAX_WORDS_ENV = "TRANSCRIPT_TOOL_MAX_WORDS"
DEFAULT_MAX_WORDS = 500_000
MB = 1_000_000
_BLOCK = 1 << 20


def max_input_bytes() -> int:
    """The largest input read, in bytes (``TRANSCRIPT_TOOL_MAX_INPUT_MB``, in
    megabytes of 1,000,000 bytes; default 100)."""
    return round(_setting(MAX_INPUT_ENV, DEFAULT_MAX_INPUT_MB, "a number of megabytes") * MB)


def max_segments() -> int:
    """The most pieces of text one transcript may hold
    (``TRANSCRIPT_TOOL_MAX_SEGMENTS``; default 200,000)."""
    return int(_setting(MAX_SEGMENTS_ENV, DEFAULT_MAX_SEGMENTS, "a whole number", whole=True))


def max_words() -> int:
    """The most words one transcript may hold (``TRANSCRIPT_TOOL_MAX_WORDS``;
    default 500,000)."""
    return int(_setting(MAX_WORDS_ENV, DEFAULT_MAX_WORDS, "a whole number", whole=True))


def _setting(variable: str, default: float, what: str, *, whole: bool = False) -> float:
    raw = os.environ.get(variable, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0 or (whole and not value.is_integer()):
        raise UsageError(f"{variable} must be {what} above 0, got {raw!r}")
    return value


LINES_PER_SEGMENT = 4
"""Lines a piece may take (a caption cue: number, timing, text, blank line)."""


def check_lines(text: str, source: str) -> None:
    """InputError when ``text`` has more lines than :func:`max_segments` pieces
    of :data:`LINES_PER_SEGMENT` lines could fill: counted before any reader
    splits the text, since every line then becomes an object (10 MB of short
    lines took 1 GB before a reader could count its turns)."""
    limit = max_segments()
    lines = text.count("\n") + (not text.endswith("\n"))
    if lines > limit * LINES_PER_SEGMENT:
        raise InputError(
            f"{lines:,} lines, more than the {limit * LINES_PER_SEGMENT:,} one transcript "
            f"may hold; split the file, or raise the limit with "
            f"{MAX_SEGMENTS_ENV}={math.ceil(lines / LINES_PER_SEGMENT)}",
            source=source,
        )


def check_segments(count: int, what: str, source: str, line: int | None = None) -> None:
    """InputError when ``count`` pieces (``what``: "lines", "rows" ...) are
    more than :func:`max_segments`."""
    limit = max_segments()
    if count > limit:
        raise InputError(segments_message(count, what, limit), source=source, line=line)


def check_words(count: int, source: str) -> None:
    """InputError when ``count`` words are more than :func:`max_words`."""
    limit = max_words()
    if count > limit:
        hours = " (about 55 hours of speech)" if limit == DEFAULT_MAX_WORDS else ""
        raise InputError(
            f"{count:,} words, more than the {limit:,} one transcript may hold{hours}; split "
            f"the file, or raise the limit with {MAX_WORDS_ENV}={count}",
            source=source,
        )


def segments_message(count: int, what: str, limit: int) -> str:
    return (
        f"{count:,} {what}, more than the {limit:,} one transcript may hold; split the "
        f"file, or raise the limit with {MAX_SEGMENTS_ENV}={count}"
    )


def held_input(data: bytes | str, name: str) -> bytes:
    """A transcript handed over in memory, as bytes (a str as UTF-8), held to
    :func:`max_input_bytes` as a file is; InputError naming ``name`` if larger."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    limit = max_input_bytes()
    if len(raw) > limit:
        raise _too_large(name, len(raw), limit)
    return raw


def read_input(path: str, stdin: BinaryIO | None, name: str) -> bytes:
    """The bytes of the file at ``path`` (``"-"``: ``stdin``, else standard
    input), at most :func:`max_input_bytes` of them; InputError naming
    ``name`` for a file that is missing, a folder, unreadable or too large."""
    limit = max_input_bytes()
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return _read_within(stream, limit, name)
    try:
        with open(path, "rb") as file:
            status = os.fstat(file.fileno())
            if stat.S_ISDIR(status.st_mode):
                raise IsADirectoryError(path)
            if not stat.S_ISREG(status.st_mode):  # a pipe, a device: its size says nothing
                return _read_within(file, limit, name)
            if status.st_size > limit:
                raise _too_large(name, status.st_size, limit)
            data = file.read(status.st_size + 1)
            if len(data) > status.st_size:  # it grew after its size was read: read on
                data += _read_within(file, limit, name, already=len(data))
    except FileNotFoundError:
        raise InputError(
            "no such file (check the name and the current folder)", source=name
        ) from None
    except IsADirectoryError:
        raise InputError(
            "is a directory, not a transcript file (to score every transcript in a folder, "
            "use: transcript-tool batch FOLDER --out results.csv)",
            source=name,
        ) from None
    except PermissionError:
        raise InputError(
            "permission denied (check that this user may read the file)",
            source=name,
        ) from None
    except OSError as error:
        raise InputError(
            f"cannot read: {(error.strerror or str(error)).lower()}", source=name
        ) from None
    if len(data) > limit:
        raise _too_large(name, None, limit)
    return data


def _read_within(stream: BinaryIO, limit: int, name: str, already: int = 0) -> bytes:
    """The rest of ``stream``, read in blocks; InputError once it and the
    ``already`` bytes read before pass ``limit``."""
    blocks: list[bytes] = []
    total = already
    while total <= limit and (block := stream.read(min(_BLOCK, limit + 1 - total))):
        blocks.append(block)
        total += len(block)
        if total > limit:
            raise _too_large(name, None, limit)
    return b"".join(blocks)


def _too_large(name: str, size: int | None, limit: int) -> InputError:
    """The refusal of an input of ``size`` bytes (None: unknown, a stream)."""
    over = f"over the {limit / MB:g} MB limit for one transcript"
    if size is None:
        said = f"the input goes {over}"
        remedy = f"set {MAX_INPUT_ENV} to more megabytes"
    else:
        said = f"the file is {size / MB:,.1f} MB, {over}"
        remedy = f"raise the limit with {MAX_INPUT_ENV}={math.ceil(size / MB)}"
    return InputError(f"{said}; split it, or {remedy}", source=name)


JSON_VALUES_PER_WORD = 16
"""Commas (an upper bound on the values) a word of a JSON transcript may take."""
JSON_OBJECTS_PER_WORD = 2
"""Objects a word of a JSON transcript may take (besides one a segment)."""


def check_json_values(text: str, source: str) -> None:
    """InputError when ``text`` has more commas than a JSON transcript of
    :func:`max_words` words could need (counted before it is parsed)."""
    limit = max_words()
    commas = text.count(",")
    if commas > JSON_VALUES_PER_WORD * limit:
        raise InputError(
            f"{commas:,} commas: more JSON values than a transcript within the {limit:,}-word "
            f"limit holds ({JSON_VALUES_PER_WORD} a word); split the file, or raise the limit "
            f"with {MAX_WORDS_ENV}={math.ceil(commas / JSON_VALUES_PER_WORD)}",
            source=source,
        )


class TooManyObjects(Exception):
    """Raised by :class:`JsonObjects` inside the JSON parser, to stop it."""


class JsonObjects:
    """An ``object_hook`` for :func:`json.loads` that counts the objects parsed
    (across calls: one per file, for JSON Lines) and stops the parser with
    :class:`TooManyObjects` past what a transcript within the word and
    segment limits could need; :meth:`message` says so."""

    def __init__(self) -> None:
        self.limit = JSON_OBJECTS_PER_WORD * max_words() + max_segments()
        self.count = 0

    def __call__(self, value: dict[str, object]) -> dict[str, object]:
        self.count += 1
        if self.count > self.limit:
            raise TooManyObjects
        return value

    def message(self) -> str:
        return (
            f"more than {self.limit:,} JSON objects: more than a transcript within the limits "
            f"holds ({JSON_OBJECTS_PER_WORD} a word, 1 a segment); split the file, or raise "
            f"{MAX_WORDS_ENV} (now {max_words():,})"
        )
