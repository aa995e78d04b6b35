"""Progress of a batch on standard error.

On a terminal: a rich progress bar (files done of total, words per second,
time left). Otherwise (a log, a CI job): a plain line each time another 10 %
of the files is done or 5 seconds have passed, and after the last file::

    scored 120/1000 files (34,000 words/s)

``--quiet`` silences both. Standard output is left to the summary.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol, TextIO

from ..wording import agree


class Progress(Protocol):
    """What the batch engine reports to, as files finish (in any order)."""

    def start(self, total: int) -> None: ...

    def advance(self, words: int, failed: bool) -> None: ...

    def close(self) -> None: ...


class NoProgress:
    """Reports nothing (``--quiet``, and library use)."""

    def start(self, total: int) -> None:
        pass

    def advance(self, words: int, failed: bool) -> None:
        pass

    def close(self) -> None:
        pass


class _Counts:
    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.total = 0
        self.done = 0
        self.failed = 0
        self.words = 0
        self.started = clock()

    def count(self, words: int, failed: bool) -> None:
        self.done += 1
        self.words += words
        self.failed += failed

    def rate(self) -> float:
        elapsed = self.clock() - self.started
        return self.words / elapsed if elapsed > 0 else 0.0


class PlainProgress:
    """A line on ``stream`` every ``step`` of the files or ``interval`` seconds."""

    def __init__(
        self,
        stream: TextIO,
        *,
        step: float = 0.1,
        interval: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.step = step
        self.interval = interval
        self.counts = _Counts(clock)
        self._next_share = step
        self._last = self.counts.started

    def start(self, total: int) -> None:
        self.counts.total = total
        self.counts.started = self._last = self.counts.clock()

    def advance(self, words: int, failed: bool) -> None:
        counts = self.counts
        counts.count(words, failed)
        now = counts.clock()
        share = counts.done / counts.total if counts.total else 1.0
        reached = share + 1e-9 >= self._next_share
        if not (reached or now - self._last >= self.interval or counts.done >= counts.total):
            return
        while self._next_share <= share + 1e-9:
            self._next_share += self.step
        self._last = now
        failures = f", {counts.failed} failed" if counts.failed else ""
        self.stream.write(
            f"scored {counts.done}/{counts.total} {agree(counts.total, 'file')}{failures} "
            f"({counts.rate():,.0f} words/s)\n"
        )
        self.stream.flush()

    def close(self) -> None:
        pass


class RichProgress:
    """A rich progress bar on ``stream`` (a terminal)."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        self.counts = _Counts(time.monotonic)
        self.bar = Bar(
            TextColumn("scoring"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files  {task.fields[rate]} words/s  {task.fields[failed]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(file=stream),
        )
        self.task: Any = None

    def start(self, total: int) -> None:
        self.counts.total = total
        self.counts.started = self.counts.clock()
        self.bar.start()
        self.task = self.bar.add_task("scoring", total=total, rate="0", failed="")

    def advance(self, words: int, failed: bool) -> None:
        self.counts.count(words, failed)
        failures = f"{self.counts.failed} failed" if self.counts.failed else ""
        self.bar.update(self.task, advance=1, rate=f"{self.counts.rate():,.0f}", failed=failures)

    def close(self) -> None:
        self.bar.stop()


def progress_for(stream: TextIO, *, quiet: bool) -> Progress:
    """The progress display for ``stream``: none, a bar (a terminal) or lines."""
    if quiet:
        return NoProgress()
    isatty = getattr(stream, "isatty", None)
    if isatty is not None and isatty():
        return RichProgress(stream)
    return PlainProgress(stream)
