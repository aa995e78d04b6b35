"""Scoring the files of a batch, in this process or in worker processes.

Each file is read, analysed and scored exactly as ``transcript-tool report``
does it (:func:`score_file`), and becomes an :class:`Outcome`: plain data (the
results row, the per-turn rows, the rendered report, what the summary needs)
or the one-line error that stopped it. With one worker the files are scored
here, one by one. With N workers, this process is one of them: it scores
files itself while N - 1 others run in a
:class:`~concurrent.futures.ProcessPoolExecutor` (spawned processes, so
nothing inherited from this one can be half-copied; each one's initializer
loads the rubric and builds the spaCy pipeline once), so no core waits on a
coordinator that only collects results, and this process scores while the
others start. At most ``16 × workers`` files are in flight or waiting to be
released, and :func:`outcomes` hands the results back in input order,
whatever order they finish in (:func:`in_order`, the same reorder buffer
for the dask engine in :mod:`.dask_engine`).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from ..errors import TranscriptToolError, one_line
from ..model import Report, Role
from ..render.table import SUMMARY_COLUMNS, TURN_COLUMNS, report_row, result_columns, turn_rows
from ..rubric import Rubric

__all__ = ["SUMMARY_COLUMNS", "TURN_COLUMNS", "result_columns"]

INTERNAL = "internal error: "
ReportFormat = Literal["json", "terminal", "markdown", "html"]
REPORT_EXTENSIONS: dict[str, str] = {
    "json": ".json",
    "terminal": ".txt",
    "markdown": ".md",
    "html": ".html",
}
"""The formats ``batch --reports-dir`` writes, and each one's file extension."""
WINDOW_PER_WORKER = 16  # enough queued that the pool never waits on this process

Handle = TypeVar("Handle")


@dataclass(frozen=True)
class Settings:
    """How every file of the batch is read and what is kept of it (picklable).

    ``root``: the folder relative input paths are read from (None: the
    working directory). Files keep their names as given in every output; the
    dask engine sets the client's working directory here, since its workers
    may run in another.
    """

    rubric: str = "default"
    input_format: str | None = None
    encoding: str | None = None
    speakers: int = 2
    first_role: Role | None = None
    turns: bool = False
    report_format: ReportFormat | None = None
    debug: bool = False
    root: str | None = None


@dataclass(frozen=True)
class Job:
    """One file to score: its place in the input order and its path as shown."""

    index: int
    file: str


@dataclass(frozen=True)
class Outcome:
    """One scored file, or the error that stopped it (``error`` set, no ``row``)."""

    index: int
    file: str
    row: dict[str, Any] | None = None
    turns: tuple[dict[str, Any], ...] = ()
    report: str | None = None
    words: int = 0
    missing_concepts: tuple[str, ...] = ()
    improvements: tuple[str, ...] = ()
    # the numbers each improvement's feedback was filled with, by criterion
    feedback_values: dict[str, dict[str, float]] = field(default_factory=dict)
    unlabeled: bool = False  # read from text with no speaker labels (the segmenter's turns)
    not_english: bool = False  # its words are mostly not English (annotate.language)
    error: str | None = None


@dataclass
class Scorer:
    """The settings and the rubric (loaded by name from the settings when not
    given), ready to score files in this process."""

    settings: Settings
    rubric: Rubric | None = None

    def __post_init__(self) -> None:
        from ..api import load_rubric
        from ..nlp import get_nlp

        if self.rubric is None:
            self.rubric = load_rubric(self.settings.rubric)
        get_nlp()  # built once per process, before the first file

    def __call__(self, job: Job) -> Outcome:
        assert self.rubric is not None
        return score_file(job, self.settings, self.rubric)


def score_file(job: Job, settings: Settings, rubric: Rubric) -> Outcome:
    """Read, analyse and score ``job.file``; a TranscriptToolError becomes its
    one-line message, any other exception (a bug) ``internal error: ...``
    (re-raised instead with ``settings.debug``)."""
    from ..api import analyze, read_transcript, score

    try:
        transcript = read_transcript(
            os.path.join(settings.root, job.file) if settings.root else job.file,
            name=job.file,
            input_format=settings.input_format,
            encoding=settings.encoding,
            speakers=settings.speakers,
            first_role=settings.first_role,
        )
        report = score(analyze(transcript, concepts=rubric.concepts), rubric)
        return _outcome(job, report, settings)
    except TranscriptToolError as error:
        return Outcome(job.index, job.file, error=_one_line(str(error)))
    except Exception as error:
        if settings.debug:
            raise
        return Outcome(
            job.index, job.file, error=_one_line(f"{INTERNAL}{type(error).__name__}: {error}")
        )


def _one_line(message: str) -> str:
    """The message on one line, with no character a terminal acts on."""
    return one_line(" ".join(message.split()))


def _outcome(job: Job, report: Report, settings: Settings) -> Outcome:
    """The rows (built by :mod:`transcript_tool.render.table`, as ``report
    --format csv`` builds them) and what the summary needs."""
    analysis = report.analysis
    row = report_row(report, job.file)
    return Outcome(
        job.index,
        job.file,
        row=row,
        turns=turn_rows(report, job.file) if settings.turns else (),
        report=_render(report, settings.report_format),
        words=row["words"],
        missing_concepts=tuple(m for c in analysis.exchange_concepts for m in c.missing),
        improvements=report.improvements,
        feedback_values={
            c.id: {
                **{name: float(v) for name, v in c.details.items()},
                "value": float(c.value or 0.0),
                "score": float(c.score or 0.0),
            }
            for c in report.criteria
            if c.id in report.improvements
        },
        unlabeled=report.transcript.unlabeled,
        not_english=report.transcript.mostly_not_english,
    )


def _render(report: Report, report_format: ReportFormat | None) -> str | None:
    """The report for ``--reports-dir`` (none without it), as ``report`` prints it."""
    from ..api import render_report

    return None if report_format is None else render_report(report, report_format)


# ------------------------------------------------------------------ workers

_worker: Scorer | None = None


def _start_worker(settings: Settings) -> None:
    """Initializer of a worker process: the rubric and the pipeline, once.

    Ctrl-C is left to the parent, which stops the pool and cleans up.
    """
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = Scorer(settings)


def _work(job: Job) -> Outcome:
    assert _worker is not None, "worker used before its initializer ran"
    return _worker(job)


WORKERS_PER_CPU = 4
"""The most worker processes per CPU: each holds the pipeline (about 200 MB),
so --workers 10000 would have started a process per file."""


def worker_count(requested: int, files: int) -> int:
    """The processes to score ``files`` with: ``requested`` (0: one per CPU),
    at most WORKERS_PER_CPU per CPU and one per file, at least one."""
    cpus = os.cpu_count() or 1
    wanted = requested if requested > 0 else cpus
    return max(1, min(wanted, WORKERS_PER_CPU * cpus, files))


def in_process(workers: int, files: int) -> bool:
    """Whether files are scored in this process (one worker, or one file)."""
    return workers <= 1 or files <= 1


def outcomes(
    jobs: Sequence[Job],
    settings: Settings,
    workers: int,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
    rubric: Rubric | None = None,
) -> Generator[Outcome, None, None]:
    """The outcome of every job, in input order. ``on_done`` is called as
    each file finishes (in any order, for progress). This process scores
    with ``rubric`` when given (else loaded from the settings), alone with one
    worker, else beside ``workers - 1`` worker processes."""
    local = Scorer(settings, rubric)
    if in_process(workers, len(jobs)):
        for job in jobs:
            outcome = local(job)
            on_done(outcome)
            yield outcome
        return
    pool = ProcessPoolExecutor(
        max_workers=workers - 1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(settings,),
    )

    def submit(job: Job) -> tuple[Job, Future[Outcome]]:
        return job, pool.submit(_work, job)

    def finished(
        pending: set[tuple[Job, Future[Outcome]]],
    ) -> tuple[list[Outcome], set[tuple[Job, Future[Outcome]]]]:
        done = {item for item in pending if item[1].done()}
        if done:
            return [future.result() for _, future in done], pending - done
        # nothing finished: score here the first file submitted that no
        # worker has started yet (its future cancelled, so it runs once)
        for item in sorted(pending, key=lambda item: item[0].index):
            job, future = item
            if future.cancel():
                return [local(job)], pending - {item}
        by_future = {future: item for item in pending for future in (item[1],)}
        finished_futures, _ = wait(by_future, return_when=FIRST_COMPLETED)
        done = {by_future[future] for future in finished_futures}
        return [future.result() for _, future in done], pending - done

    try:
        window = WINDOW_PER_WORKER * workers
        yield from in_order(jobs, lambda: window, submit, finished, on_done)
    finally:
        # on an error, Ctrl-C or an early stop: drop the queued files, wait
        # for the running ones (at most one per worker) so no process is left
        pool.shutdown(wait=True, cancel_futures=True)


def in_order(
    jobs: Sequence[Job],
    window: Callable[[], int],
    submit: Callable[[Job], Handle],
    finished: Callable[[set[Handle]], tuple[Iterable[Outcome], set[Handle]]],
    on_done: Callable[[Outcome], None],
) -> Iterator[Outcome]:
    """Submit jobs (``submit``) so that at most ``window()`` are in flight or
    waiting to be released; yield outcomes in job order (a reorder buffer
    holds those that finish early). ``finished`` waits until at least one of
    the pending handles is done and returns those outcomes and the handles
    still pending."""
    pending: set[Handle] = set()
    ready: dict[int, Outcome] = {}
    submitted = emitted = 0
    while emitted < len(jobs):
        limit = window()
        while submitted < len(jobs) and submitted - emitted < limit:
            pending.add(submit(jobs[submitted]))
            submitted += 1
        done, pending = finished(pending)
        for outcome in done:
            ready[outcome.index] = outcome
            on_done(outcome)
        while emitted in ready:
            yield ready.pop(emitted)
            emitted += 1
