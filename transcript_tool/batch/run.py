"""``run_batch``: score a folder of transcripts into one table.

The steps, in order: check every option (output extensions, the Parquet
engine, the input format, the encoding, the rubric, the engine) so a usage
mistake stops the batch before any work; find the input files; open the
outputs (temporary files, see :mod:`.output`); score the files (:mod:`.work`,
or :mod:`.dask_engine` with ``engine="dask"``), writing each row as soon as it
and every row before it are ready; then move the outputs into place, write or
remove the errors file, and write the summary.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Generator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path, PurePath
from types import ModuleType
from typing import Any, Literal

from ..errors import TranscriptToolError, UsageError
from ..model import Role
from ..nlp import get_nlp
from ..readers.common import ReadOptions
from ..rubric import Rubric
from .cohort import Cohort, Scored
from .inputs import check_outputs, find_inputs, unread_by_default
from .output import TableWriter, table_suffix, write_text_atomic
from .progress import NoProgress, Progress
from .summary import render_json, render_markdown, render_text
from .work import (
    REPORT_EXTENSIONS,
    TURN_COLUMNS,
    Job,
    Outcome,
    ReportFormat,
    Settings,
    outcomes,
    result_columns,
    worker_count,
)

EXIT_FAILED = 1
ERROR_COLUMNS = ("file", "message")
SUMMARY_SUFFIXES = (".json", ".md")
ENGINES = ("local", "dask")
DASK_MISSING = '--engine dask needs the dask extra: pip install "transcript-tool[dask]"'


class BatchStopped(TranscriptToolError):
    """``--fail-fast``: a file failed and the batch stopped, writing nothing."""

    exit_code = EXIT_FAILED


@dataclass(frozen=True)
class BatchOptions:
    """Everything ``transcript-tool batch`` is asked to do (see its ``--help``)."""

    paths: tuple[str, ...]
    out: str
    rubric: str = "default"
    glob: str | None = None
    workers: int = 1
    turns_out: str | None = None
    reports_dir: str | None = None
    reports_format: ReportFormat = "json"
    summary_out: str | None = None
    fail_fast: bool = False
    input_format: str | None = None
    encoding: str | None = None
    speakers: int = 2
    first_role: Role | None = None
    debug: bool = False
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None


@dataclass(frozen=True)
class FileError:
    """A file that could not be scored, with the one-line reason."""

    file: str
    message: str


@dataclass(frozen=True)
class BatchResult:
    """What a finished batch wrote and found."""

    files: int
    rows: int
    errors: tuple[FileError, ...]
    summary: dict[str, Any]
    out: Path
    errors_file: Path | None
    # (extension, count) of the files in the folders that only --glob reads
    # (.pdf, .html): left out, and said so, when --glob was not given
    unread: tuple[tuple[str, int], ...] = ()
    # the hints for text with no speaker labels that were given ("--speakers 3"),
    # and how many of the scored files had no labels, so that the hints shaped them
    hints: tuple[str, ...] = ()
    unlabeled: int = 0

    @property
    def exit_code(self) -> int:
        """0 when every file was scored, 1 when some failed."""
        return EXIT_FAILED if self.errors else 0

    def summary_text(self) -> str:
        """The summary for standard output (plain text, 80 columns)."""
        return render_text(
            self.summary,
            [(e.file, e.message) for e in self.errors],
            unread=self.unread,
            hints=(self.hints, self.unlabeled),
        )


def errors_file_for(out: Path) -> Path:
    """Where the errors of a batch writing ``out`` go: ``<out stem>.errors.csv``."""
    return out.with_name(f"{out.stem}.errors.csv")


def report_names(files: Sequence[str], extension: str) -> list[str]:
    """``<stem><extension>`` per file, made unique (ignoring case) by ``-2``,
    ``-3`` ... in input order."""
    taken: set[str] = set()
    names = []
    for file in files:
        stem = PurePath(file).stem or "transcript"
        name, number = f"{stem}{extension}", 1
        while name.casefold() in taken:
            number += 1
            name = f"{stem}-{number}{extension}"
        taken.add(name.casefold())
        names.append(name)
    return names


@dataclass(frozen=True)
class _Plan:
    """A checked batch: the files to score and where everything goes."""

    jobs: list[Job]
    settings: Settings
    rubric: Rubric
    workers: int
    out: Path
    out_suffix: str
    errors_path: Path
    turns_path: Path | None
    turns_suffix: str
    summary_path: Path | None
    reports_dir: Path | None
    report_names: list[str]
    engine: str
    scheduler: str | None


def dask_engine() -> ModuleType:
    """The :mod:`.dask_engine` module; UsageError when the dask extra is not installed."""
    try:
        return importlib.import_module(f"{__package__}.dask_engine")
    except ImportError:
        raise UsageError(DASK_MISSING) from None


def run_batch(options: BatchOptions, progress: Progress | None = None) -> BatchResult:
    """Score every transcript under ``options.paths`` (see the module docstring).

    Raises :class:`UsageError` (or :class:`~transcript_tool.errors.RubricError`)
    before any work for a bad option, and :class:`BatchStopped` with
    ``fail_fast`` at the first file that fails; a file that fails otherwise
    is recorded in the result's ``errors`` and the batch goes on.
    """
    plan = _plan(options)
    progress = progress if progress is not None else NoProgress()
    cohort = Cohort(plan.rubric)
    criterion_ids = [c.id for c in plan.rubric.criteria]
    errors: list[FileError] = []
    writers: list[TableWriter] = []
    unlabeled = 0
    committed = False
    try:
        results = TableWriter(plan.out, result_columns(plan.rubric), plan.out_suffix)
        writers.append(results)
        turns = None
        if plan.turns_path is not None:
            turns = TableWriter(plan.turns_path, TURN_COLUMNS, plan.turns_suffix)
            writers.append(turns)
        if plan.reports_dir is not None:
            plan.reports_dir.mkdir(parents=True, exist_ok=True)

        def done(outcome: Outcome) -> None:
            progress.advance(outcome.words, outcome.error is not None)

        if plan.engine == "local":
            get_nlp()  # this process scores too: built before the clock starts
        progress.start(len(plan.jobs))
        stream = _outcomes(plan, done)
        with closing(stream):
            for outcome in stream:
                if outcome.error is not None:
                    if options.fail_fast:
                        raise BatchStopped(_stopped(outcome.file, outcome.error))
                    errors.append(FileError(outcome.file, outcome.error))
                    cohort.add_failure()
                    continue
                assert outcome.row is not None
                results.write([outcome.row])
                if turns is not None:
                    turns.write(outcome.turns)
                if plan.reports_dir is not None and outcome.report is not None:
                    name = plan.report_names[outcome.index]
                    write_text_atomic(plan.reports_dir / name, outcome.report)
                cohort.add(_scored(outcome, criterion_ids))
                unlabeled += outcome.unlabeled
        progress.close()
        for writer in writers:
            writer.commit()
        committed = True
    finally:
        progress.close()
        if not committed:
            for writer in writers:
                writer.discard()

    _write_errors(plan.errors_path, errors)
    errors_name = str(plan.errors_path) if errors else None
    summary = cohort.summary(results=str(plan.out), errors=errors_name)
    if plan.summary_path is not None:
        json_out = plan.summary_path.suffix.lower() == ".json"
        write_text_atomic(
            plan.summary_path, render_json(summary) if json_out else render_markdown(summary)
        )
    return BatchResult(
        files=len(plan.jobs),
        rows=results.rows,
        errors=tuple(errors),
        summary=summary,
        out=plan.out,
        errors_file=plan.errors_path if errors else None,
        unread=unread_by_default(options.paths) if options.glob is None else (),
        hints=tuple(ReadOptions(options.speakers, options.first_role).flags()),
        unlabeled=unlabeled,
    )


def _outcomes(plan: _Plan, done: Callable[[Outcome], None]) -> Generator[Outcome, None, None]:
    """The outcomes of the plan's jobs in input order, from its engine."""
    if plan.engine == "dask":
        stream: Generator[Outcome, None, None] = dask_engine().outcomes(
            plan.jobs,
            plan.settings,
            plan.rubric,
            workers=plan.workers,
            scheduler=plan.scheduler,
            on_done=done,
        )
        return stream
    return outcomes(plan.jobs, plan.settings, plan.workers, done, plan.rubric)


def _plan(options: BatchOptions) -> _Plan:
    """Check every option, load the rubric and find the inputs: a usage
    mistake stops the batch here, before any output is opened."""
    from ..api import load_rubric

    out = Path(options.out)
    out_suffix = table_suffix(out, "--out")
    turns_path = Path(options.turns_out) if options.turns_out else None
    turns_suffix = table_suffix(turns_path, "--turns-out", (".csv", ".jsonl")) if turns_path else ""
    summary_path = Path(options.summary_out) if options.summary_out else None
    if summary_path is not None and summary_path.suffix.lower() not in SUMMARY_SUFFIXES:
        raise UsageError(
            f"--summary-out {summary_path}: unsupported extension "
            f"{summary_path.suffix or '(none)'!r}; use .json or .md"
        )
    _check_reading(options)
    _check_engine(options)
    rubric = load_rubric(options.rubric)

    errors_path = errors_file_for(out)
    outputs = {"--out": out, "the errors file": errors_path}
    if turns_path is not None:
        outputs["--turns-out"] = turns_path
    if summary_path is not None:
        outputs["--summary-out"] = summary_path
    reports_dir = Path(options.reports_dir) if options.reports_dir else None
    if reports_dir is not None and reports_dir.exists() and not reports_dir.is_dir():
        raise UsageError(f"--reports-dir {reports_dir} is a file, not a directory")
    inputs = find_inputs(options.paths, glob=options.glob)
    extension = REPORT_EXTENSIONS[options.reports_format]
    names = report_names(inputs, extension) if reports_dir is not None else []
    check_outputs(
        options.paths,
        inputs,
        outputs,
        glob=options.glob,
        reports=[reports_dir / name for name in names] if reports_dir is not None else [],
        reports_dir=reports_dir,
    )
    settings = Settings(
        rubric=options.rubric,
        input_format=options.input_format,
        encoding=options.encoding,
        speakers=options.speakers,
        first_role=options.first_role,
        turns=turns_path is not None,
        report_format=options.reports_format if reports_dir is not None else None,
        debug=options.debug,
    )
    return _Plan(
        jobs=[Job(index, file) for index, file in enumerate(inputs)],
        settings=settings,
        rubric=rubric,
        workers=worker_count(options.workers, len(inputs)),
        out=out,
        out_suffix=out_suffix,
        errors_path=errors_path,
        turns_path=turns_path,
        turns_suffix=turns_suffix,
        summary_path=summary_path,
        reports_dir=reports_dir,
        report_names=names,
        engine=options.engine,
        scheduler=options.scheduler,
    )


def _check_reading(options: BatchOptions) -> None:
    """An unknown --input-format or --encoding is a usage error, found before any file."""
    if options.input_format:
        from ..readers import get_reader

        get_reader(options.input_format)
    if options.encoding:
        from ..readers.decode import decode

        decode(b"", "--encoding", options.encoding)
    if options.workers < 0:
        raise UsageError(f"--workers must be 0 (one per CPU) or more, got {options.workers}")


def _check_engine(options: BatchOptions) -> None:
    """An unknown engine, --scheduler without dask, or dask not installed: usage errors."""
    if options.engine not in ENGINES:
        raise UsageError(f"unknown --engine {options.engine!r}; use local or dask")
    if options.scheduler is not None and options.engine != "dask":
        raise UsageError("--scheduler is for --engine dask")
    if options.engine == "dask":
        dask_engine()


def _stopped(file: str, message: str) -> str:
    named = message if message.startswith(file) else f"{file}: {message}"
    return f"{named} (--fail-fast: stopped at the first failure; nothing written)"


def _scored(outcome: Outcome, criteria: Sequence[str]) -> Scored:
    row = outcome.row
    assert row is not None
    return Scored(
        file=outcome.file,
        id=str(row["id"]),
        words=outcome.words,
        scores={c: row[f"{c}_score"] for c in criteria},
        bands={c: row[f"{c}_band"] for c in criteria},
        overall=row["overall"],
        missing_concepts=outcome.missing_concepts,
        improvements=outcome.improvements,
        feedback_values=outcome.feedback_values,
        not_english=outcome.not_english,
    )


def _write_errors(path: Path, errors: Sequence[FileError]) -> None:
    """The errors table, or no file at all when nothing failed (a stale one
    from an earlier run is removed, so results and errors never disagree)."""
    if not errors:
        path.unlink(missing_ok=True)
        return
    writer = TableWriter(path, ERROR_COLUMNS, ".csv")
    try:
        writer.write([{"file": e.file, "message": e.message} for e in errors])
    except BaseException:
        writer.discard()
        raise
    writer.commit()
