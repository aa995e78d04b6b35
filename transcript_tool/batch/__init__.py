"""Batch scoring: a folder of transcripts into one table and a cohort summary.

``transcript-tool batch PATH... --out results.csv`` reads every transcript
under the paths (:mod:`.inputs`), scores each as ``report`` does, in this
process or in worker processes (:mod:`.work`), streams one row per transcript
to the output, atomically (:mod:`.output`), records the files that fail in
``<out stem>.errors.csv``, and summarises the cohort (:mod:`.cohort`, shown by
:mod:`.summary`).

Results columns, in order: ``id, file, format, roles, turns, words,
questions, answered, timed, talk_ratio``, then ``<criterion>_score`` and
``<criterion>_band`` for each criterion of the rubric, then ``overall``
(:func:`result_columns`). Per-turn columns: :data:`TURN_COLUMNS`.
"""

from __future__ import annotations

from .progress import NoProgress, PlainProgress, Progress, progress_for
from .run import (
    BatchOptions,
    BatchResult,
    BatchStopped,
    FileError,
    errors_file_for,
    report_names,
    run_batch,
)
from .work import SUMMARY_COLUMNS, TURN_COLUMNS, result_columns

__all__ = [
    "SUMMARY_COLUMNS",
    "TURN_COLUMNS",
    "BatchOptions",
    "BatchResult",
    "BatchStopped",
    "FileError",
    "NoProgress",
    "PlainProgress",
    "Progress",
    "errors_file_for",
    "progress_for",
    "report_names",
    "result_columns",
    "run_batch",
]
