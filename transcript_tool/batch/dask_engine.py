"""The dask engine (``batch --engine dask``): files scored on a Dask cluster.

Needs the ``dask`` extra (``pip install "transcript-tool[dask]"``): this module
imports ``distributed`` at the top, so importing it is the check that the
extra is there (:func:`transcript_tool.batch.run.dask_engine`).

Each file is one task running the local engine's function
(:func:`.work.score_file`) on a worker of a ``distributed`` cluster: the one at
``--scheduler ADDRESS``, or else a :class:`~distributed.LocalCluster` of
``--workers`` single-threaded worker processes started for the run and closed
after it. The settings and the loaded rubric go to the workers once
(``scatter``, broadcast), so a rubric file named on the client is not read
again on the workers; each worker process builds the spaCy pipeline once
(:func:`~transcript_tool.nlp.get_nlp` is cached per process), on its first file.

Tasks are futures submitted through :func:`.work.in_order`, the local
engine's loop, rather than one Dask bag computed whole: a bag's ``compute``
returns every result at once (memory grows with the corpus; no row, no
progress before the end; one worker lost on a file fails the lot), while a
window of at most 16 files per worker thread keeps memory bounded on the
cluster and here, lets every file report progress as it finishes, and hands
the outcomes back in input order through the same reorder buffer, so the
outputs are byte-identical to ``--engine local``. The window follows the
cluster's size, so workers that join a running cluster get files too.

Workers must see the input files (a shared file system) at the client's
paths: relative paths are read from the client's working directory
(:attr:`.work.Settings.root`) and keep their names in every output. A file
whose task kills its worker again and again (dask gives up with
``KilledWorker``) is recorded as that file's internal error, and the batch
goes on.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
import uuid
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

from distributed import Client, Future, KilledWorker, LocalCluster, Worker, wait

from ..errors import UsageError
from ..rubric import Rubric
from .work import INTERNAL, WINDOW_PER_WORKER, Job, Outcome, Settings, in_order, score_file

CONNECT_TIMEOUT = 10  # seconds to reach a --scheduler before giving up
WINDOW_REFRESH = 2.0  # seconds between looks at how many worker threads there are
TASK_PREFIX = "transcript-tool-score"


@dataclass(frozen=True)
class Run:
    """What every task of one batch needs besides its file (sent once per worker)."""

    id: str
    settings: Settings
    rubric: Rubric


_scoring = threading.Lock()


def score_on_worker(job: Job, run: Run) -> Outcome:
    """The task: :func:`.work.score_file` on a worker, one file at a time per
    worker process (a worker given several threads scores with one: the
    pipeline is not shared between threads, and they would share one core's
    worth of Python anyway)."""
    with _scoring:
        return score_file(job, run.settings, run.rubric)


def outcomes(
    jobs: Sequence[Job],
    settings: Settings,
    rubric: Rubric,
    *,
    workers: int,
    scheduler: str | None,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
) -> Generator[Outcome, None, None]:
    """The outcome of every job, in input order, scored on the cluster at
    ``scheduler`` (else on a local cluster of ``workers`` processes, started
    here and closed when the generator ends). ``on_done`` is called as each
    file finishes, in any order."""
    with _client(scheduler, workers) as client:
        run = Run(uuid.uuid4().hex, replace(settings, root=os.getcwd()), rubric)
        [shared] = client.scatter([run], broadcast=True, hash=False)
        by_key: dict[str, Job] = {}

        def submit(job: Job) -> Future[Outcome]:
            key = f"{TASK_PREFIX}-{run.id}-{job.index}"
            by_key[key] = job
            return client.submit(score_on_worker, job, shared, key=key, pure=False)

        def finished(
            pending: set[Future[Outcome]],
        ) -> tuple[list[Outcome], set[Future[Outcome]]]:
            done, rest = wait(pending, return_when="FIRST_COMPLETED")
            results = [_result(future, by_key.pop(str(future.key)), settings) for future in done]
            return results, set(rest)

        # leaving early (an error, --fail-fast, Ctrl-C): closing the client
        # releases its futures, and the scheduler drops the tasks not started
        yield from in_order(jobs, _Window(client), submit, finished, on_done)


def _result(future: Future[Outcome], job: Job, settings: Settings) -> Outcome:
    """The outcome of a finished task; a file that killed its worker every
    time it was tried becomes that file's internal error."""
    try:
        return future.result()
    except KilledWorker:
        if settings.debug:
            raise
        message = f"{INTERNAL}KilledWorker: each worker process that scored the file died"
        return Outcome(job.index, job.file, error=message)


class _Window:
    """How many files may be in flight: 16 per worker thread of the cluster
    (at least 4), looked up again every :data:`WINDOW_REFRESH` seconds."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.size = 0
        self.checked = float("-inf")

    def __call__(self) -> int:
        now = time.monotonic()
        if now - self.checked >= WINDOW_REFRESH:
            threads = sum(self.client.nthreads().values())
            self.size = WINDOW_PER_WORKER * max(1, threads)
            self.checked = now
        return self.size


@contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a local cluster of
    ``workers`` single-threaded processes that is closed afterwards."""
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
            preload=[__name__],  # dask_setup below, in each worker process
        )
        with cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, ValueError) as error:  # TimeoutError is an OSError
        raise UsageError(f"--scheduler {scheduler}: cannot connect: {_one_line(error)}") from None
    with client:
        yield client


def dask_setup(worker: Worker) -> None:
    """Preload of the local cluster's worker processes: Ctrl-C is left to the
    client, which closes the cluster (as the local engine's workers do)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
