"""The commands over many transcripts: ``batch`` (score a folder into one
table) and ``calibrate`` (agreement of a rubric with human ratings, and
tuning it). Registered on the app in :mod:`.cli`, after ``segment``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from .cli_options import (
    PROG,
    DebugOpt,
    EncodingOpt,
    Engine,
    FirstOpt,
    InputFormatOpt,
    ReportsFormat,
    RubricOpt,
    SpeakersOpt,
    WorkersOpt,
    first_role,
    handled_errors,
)


def batch(
    paths: Annotated[
        list[str], typer.Argument(help="Transcript files and folders (read recursively).")
    ],
    out: Annotated[
        str,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            help="Results table: .csv, .jsonl or .parquet (one row a file).",
        ),
    ],
    glob: Annotated[
        str | None,
        typer.Option(
            "--glob",
            metavar="PATTERN",
            help="Files to read in folders, e.g. '**/*.txt' (default: known extensions).",
        ),
    ] = None,
    rubric: RubricOpt = "default",
    workers: WorkersOpt = 1,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="local: worker processes on this machine; dask: a Dask distributed cluster "
            '(pip install "transcript-tool[dask]").',
        ),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="With --engine dask: a running scheduler (tcp://host:8786), whose workers "
            "must see the files; default: a local cluster of --workers processes.",
        ),
    ] = None,
    turns_out: Annotated[
        str | None,
        typer.Option(
            "--turns-out", metavar="FILE", help="Also write the turns table (.csv or .jsonl)."
        ),
    ] = None,
    reports_dir: Annotated[
        str | None,
        typer.Option(
            "--reports-dir", metavar="FOLDER", help="Also write each report to this folder."
        ),
    ] = None,
    reports_format: Annotated[
        ReportsFormat, typer.Option("--reports-format", help="Format of --reports-dir reports.")
    ] = ReportsFormat.json,
    summary_out: Annotated[
        str | None,
        typer.Option(
            "--summary-out", metavar="FILE", help="Also write the summary (.json or .md)."
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")] = False,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first file that fails; write nothing.")
    ] = False,
    input_format: InputFormatOpt = None,
    encoding: EncodingOpt = None,
    speakers: SpeakersOpt = 2,
    first: FirstOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Score every transcript under PATHS into one table, and summarise the cohort.

    Exit 1 when some file failed (listed in <out stem>.errors.csv).
    """
    from .batch import BatchOptions, progress_for, run_batch

    with handled_errors(debug):
        result = run_batch(
            BatchOptions(
                paths=tuple(paths),
                out=out,
                rubric=rubric,
                glob=glob,
                workers=workers,
                turns_out=turns_out,
                reports_dir=reports_dir,
                reports_format=reports_format.value,
                summary_out=summary_out,
                fail_fast=fail_fast,
                input_format=input_format,
                encoding=encoding,
                speakers=speakers,
                first_role=first_role(first),
                debug=debug,
                engine="dask" if engine is Engine.dask else "local",
                scheduler=scheduler,
            ),
            progress_for(sys.stderr, quiet=quiet),
        )
    sys.stdout.write(result.summary_text())
    if result.exit_code:
        raise typer.Exit(result.exit_code)


def calibrate(
    ratings: Annotated[
        str,
        typer.Argument(
            help="Human ratings CSV: long (transcript, criterion, rating[, rater]) or wide "
            "(a transcript column and one column per rating, named by --map)."
        ),
    ],
    transcripts: Annotated[
        str,
        typer.Option(
            "--transcripts",
            "-t",
            metavar="FOLDER",
            help="The folder of rated transcripts (read recursively).",
        ),
    ],
    rubric: RubricOpt = "default",
    mapping: Annotated[
        str | None,
        typer.Option(
            "--map",
            metavar="MAPPING.yaml",
            help="YAML {column: criterion_id} (or 'overall'); entries may give ordinal "
            "'levels' and the rating 'scale'.",
        ),
    ] = None,
    fit: Annotated[
        bool,
        typer.Option("--fit", help="Fit band thresholds to the ratings (cross-validated)."),
    ] = False,
    fit_weights: Annotated[
        bool,
        typer.Option(
            "--fit-weights",
            help="Also fit criterion weights to the 'overall' rating (implies --fit).",
        ),
    ] = False,
    out: Annotated[
        str | None,
        typer.Option(
            "--out", "-o", metavar="FILE", help="Write the tuned rubric (.yaml; extends --rubric)."
        ),
    ] = None,
    report: Annotated[
        str | None,
        typer.Option(
            "--report",
            metavar="FILE",
            help="Write a self-contained HTML report with scatter plots.",
        ),
    ] = None,
    folds: Annotated[
        int,
        typer.Option("--folds", "-k", metavar="N", help="Folds of the cross-validation of --fit."),
    ] = 5,
    seed: Annotated[
        int,
        typer.Option("--seed", metavar="N", help="Seed of the folds and the bootstrap intervals."),
    ] = 0,
    workers: WorkersOpt = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Measure how well a rubric agrees with human ratings, and tune it (--fit).

    Prints per rated criterion and overall: n, Spearman and Pearson (95% bootstrap
    intervals), quadratic weighted kappa on bands, MAE, and Krippendorff's alpha
    among the raters (the ceiling).
    """
    from .batch import progress_for
    from .calibrate import CalibrateOptions, run_calibrate

    with handled_errors(debug):
        result = run_calibrate(
            CalibrateOptions(
                ratings=ratings,
                transcripts=transcripts,
                rubric=rubric,
                map=mapping,
                fit=fit or fit_weights,
                fit_weights=fit_weights,
                out=out,
                report=report,
                folds=folds,
                seed=seed,
                workers=workers,
                debug=debug,
            ),
            progress_for(sys.stderr, quiet=quiet),
        )
    for file, message in result.failed:
        named = message if message.startswith(file) else f"{file}: {message}"
        typer.echo(f"{PROG}: warning: {named} (left out)", err=True)
    sys.stdout.write(result.text())
