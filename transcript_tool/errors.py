"""Errors the library raises. The CLI turns each into one line on stderr.

Library code never prints or exits; it raises one of these with enough
context (file, line, column, path) to tell the user where to look and, where
possible, how to fix it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

EXIT_OK = 0
EXIT_THRESHOLD = 1
EXIT_BAD_INPUT = 2


QUOTED_CHARACTERS = 60
"""How much of a piece of the input a message quotes (see :func:`quoted`)."""


def quoted(text: str, most: int = QUOTED_CHARACTERS) -> str:
    """``repr(text)`` for a message, of at most about ``most`` characters: a
    longer piece of input is cut, with "…" and its length, so a message about
    a huge line stays short (and ``repr`` keeps it on one line)."""
    if len(text) <= most:
        return repr(text)
    return f"{text[:most]!r}… ({len(text):,} characters)"


LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""Every character at which ``str.splitlines()`` (and some terminals) break a line."""
CONTROLS = "".join(chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if chr(c) != "\t")
"""Control characters a terminal may act on (ESC starts its sequences)."""
_ESCAPED = {ord(c): c.encode("unicode_escape").decode("ascii") for c in LINE_BREAKS + CONTROLS}


def one_line(text: str) -> str:
    """``text`` with each of :data:`LINE_BREAKS` and :data:`CONTROLS` written as
    its escape (``\\u2028``, ``\\x1b``), for a message that quotes the input
    (or names a file) as it stands: one line, and nothing a terminal acts on."""
    return text.translate(_ESCAPED)


class TranscriptToolError(Exception):
    """Base class. ``str(error)`` is the one line shown to the user."""

    exit_code = EXIT_BAD_INPUT


def shown_source(source: str | None) -> str:
    """How messages and report headers name a transcript's source: as given,
    but "standard input" for ``-`` (and for text that came with no name)."""
    return source if source and source != "-" else "standard input"


def _where(source: str | None, line: int | None = None, column: int | None = None) -> str:
    parts = [shown_source(source)]
    if line is not None:
        parts.append(str(line))
        if column is not None:
            parts.append(str(column))
    return ":".join(parts)


class InputError(TranscriptToolError):
    """A transcript cannot be read: bad encoding, empty, unknown format ..."""

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        super().__init__(f"{_where(source, line, column)}: {message}")


class UsageError(TranscriptToolError):
    """An option or argument that cannot be honoured (unknown rubric, format ...)."""


@dataclass(frozen=True)
class Problem:
    """One validation problem: where it is and what is wrong.

    ``path`` is the route through the YAML document, e.g.
    ``("criteria", 2, "metric")``, shown as ``criteria -> 2 -> metric``.
    """

    message: str
    path: tuple[str | int, ...] = ()
    line: int | None = None
    column: int | None = None

    def format(self, source: str | None) -> str:
        where = _where(source, self.line, self.column)
        route = " -> ".join(str(p) for p in self.path)
        return f"{where}: [{route}] {self.message}" if route else f"{where}: {self.message}"


class RubricError(TranscriptToolError):
    """A rubric failed validation. Carries every problem found, in document order."""

    def __init__(self, source: str | None, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        lines = [p.format(source) for p in self.problems]
        summary = lines[0] if len(lines) == 1 else f"{len(lines)} problems: " + "; ".join(lines)
        super().__init__(summary)
