"""``run_calibrate``: score rated transcripts and measure agreement with the ratings.

The steps, in order: check the options (so a usage mistake stops before any
work); load the rubric, the ``--map`` and the ratings; find the transcripts
under the folder (:func:`transcript_tool.batch.inputs.find_inputs`) and match
each rated name to one file (by path first; ids need the files read); score
the matched files with the batch engine (:func:`transcript_tool.batch.work.outcomes`,
the same read -> analyze -> score as ``report``, in ``--workers`` processes);
compute one row of agreement figures per rated criterion and overall
(:mod:`.agreement`); with ``--fit``, cross-validate fitted thresholds (and
weights) and write the tuned rubric; with ``--report``, write the HTML report.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

import numpy as np

from ..errors import UsageError
from ..render.output import check_writable
from ..rubric import Criterion, Rubric
from .agreement import Row, Scored, agreement_rows, as_array, mean_ratings, score_cuts
from .fit import (
    ThresholdFit,
    WeightFit,
    cross_validate_thresholds,
    cross_validate_weights,
    fold_ids,
    scores_under,
    thresholds_of,
)
from .matching import match_transcripts, transcript_keys
from .rating_map import OVERALL, RatingMap, load_map
from .ratings import Ratings, load_ratings
from .stats import (
    Array,
    band_indices,
    rescale_to_scale,
)

if TYPE_CHECKING:
    from ..batch.progress import Progress
    from ..batch.work import Outcome

OUT_SUFFIXES = (".yaml", ".yml")
REPORT_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class CalibrateOptions:
    """Everything ``transcript-tool calibrate`` is asked to do (see its ``--help``)."""

    ratings: str
    transcripts: str
    rubric: str = "default"
    map: str | None = None
    fit: bool = False
    fit_weights: bool = False
    out: str | None = None
    report: str | None = None
    folds: int = 5
    seed: int = 0
    workers: int = 1
    debug: bool = False


@dataclass(frozen=True)
class Calibration:
    """What a calibration measured, fitted and wrote."""

    rubric: Rubric
    rubric_name: str
    ratings: str
    transcripts: str
    found: int
    rated: int
    failed: tuple[tuple[str, str], ...]
    rows: tuple[Row, ...]
    folds: int
    seed: int
    thresholds: tuple[ThresholdFit, ...] = ()
    weights: WeightFit | None = None
    tuned: Rubric | None = None
    out: Path | None = None
    report: Path | None = None
    unread: tuple[str, ...] = ()  # columns of wide ratings read as nothing

    def text(self) -> str:
        """The plain-text tables for standard output (at most 100 columns)."""
        from .report import render_text

        return render_text(self)


def run_calibrate(options: CalibrateOptions, progress: Progress | None = None) -> Calibration:
    """Calibrate (see the module docstring). Raises UsageError, InputError or
    RubricError (exit 2) before any output is written. ``progress`` hears
    about each transcript scored (none by default)."""
    from ..api import load_rubric
    from ..batch.inputs import find_inputs
    from ..batch.progress import NoProgress

    _check_options(options)
    rubric = load_rubric(options.rubric)
    valid = [c.id for c in rubric.criteria]
    mapping: RatingMap | None = None
    if options.map is not None:
        mapping = load_map(options.map, valid, rubric.name)
    ratings = load_ratings(options.ratings, valid, rubric.name, mapping)

    if not Path(options.transcripts).exists():
        raise UsageError(f"--transcripts {options.transcripts}: no such file or directory")
    own = {_resolved(p) for p in (options.ratings, options.map) if p is not None}
    files = [f for f in find_inputs([options.transcripts]) if _resolved(f) not in own]
    if not files:
        raise UsageError(f"no transcripts found under {options.transcripts}")
    _check_outputs(options, rubric, files)

    matched = _match(ratings, files, options.transcripts)
    order = sorted(set(matched.values()))
    names: dict[int, str] = {}
    for name, index in matched.items():  # the first name a file was rated under
        names.setdefault(index, name)
    ratings = dataclasses.replace(
        ratings,
        ratings=tuple(
            dataclasses.replace(r, transcript=names[matched[r.transcript]]) for r in ratings.ratings
        ),
    )
    reporter = progress if progress is not None else NoProgress()
    scored, failed = _score([files[i] for i in order], options, rubric, reporter)
    for item, index in zip(scored, order, strict=True):
        item.name = names[index]
    scored = [item for item in scored if item.values or item.overall is not None]
    if not scored:
        raise UsageError("none of the rated transcripts could be scored")

    rows = agreement_rows(rubric, ratings, scored, options.seed)
    calibration = Calibration(
        rubric=rubric,
        rubric_name=options.rubric,
        ratings=options.ratings,
        transcripts=options.transcripts,
        found=len(files),
        rated=len(scored),
        failed=tuple(failed),
        rows=tuple(rows),
        folds=options.folds,
        seed=options.seed,
        unread=ratings.unread,
    )
    if options.fit or options.fit_weights:
        calibration = _fit(calibration, ratings, scored, options)
    if options.out is not None:
        from .tuned import write_tuned

        assert calibration.thresholds or calibration.weights is not None
        tuned = write_tuned(calibration, Path(options.out), options.rubric)
        calibration = _replace(calibration, tuned=tuned, out=Path(options.out))
    if options.report is not None:
        from ..batch.output import write_text_atomic
        from .report import render_html

        write_text_atomic(Path(options.report), render_html(calibration))
        calibration = _replace(calibration, report=Path(options.report))
    return calibration


def _replace(calibration: Calibration, **changes: object) -> Calibration:
    return dataclasses.replace(calibration, **changes)  # type: ignore[arg-type]


# ------------------------------------------------------------------ checks


def _check_options(options: CalibrateOptions) -> None:
    if options.folds < 2:
        raise UsageError(f"--folds must be 2 or more, got {options.folds}")
    if options.workers < 0:
        raise UsageError(f"--workers must be 0 (one per CPU) or more, got {options.workers}")
    if options.out is not None:
        if not (options.fit or options.fit_weights):
            raise UsageError("--out writes the fitted rubric: it needs --fit")
        if PurePath(options.out).suffix.lower() not in OUT_SUFFIXES:
            raise UsageError(f"--out {options.out}: a rubric file must end in .yaml or .yml")
    if (
        options.report is not None
        and PurePath(options.report).suffix.lower() not in REPORT_SUFFIXES
    ):
        raise UsageError(f"--report {options.report}: the report file must end in .html")


def _resolved(path: str | Path) -> Path:
    try:
        return Path(path).resolve()
    except OSError:
        return Path(path).absolute()


def _check_outputs(options: CalibrateOptions, rubric: Rubric, files: Sequence[str]) -> None:
    """Refuse outputs that would overwrite an input (or each other)."""
    inputs = {
        _resolved(options.ratings): "the ratings file",
        _resolved(rubric.source): "the rubric",
        **{_resolved(f): "a transcript" for f in files},
    }
    if options.map is not None:
        inputs[_resolved(options.map)] = "the --map file"
    outputs = [("--out", options.out), ("--report", options.report)]
    seen: dict[Path, str] = {}
    for option, path in outputs:
        if path is None:
            continue
        resolved = _resolved(path)
        if Path(path).is_dir():
            raise UsageError(f"{option} {path} is a directory; give a file name")
        if resolved in inputs:
            raise UsageError(f"{option} {path} is {inputs[resolved]}; it would be overwritten")
        if resolved in seen:
            raise UsageError(f"{option} and {seen[resolved]} name the same file: {path}")
        seen[resolved] = option
        check_writable(Path(path), option)


# ------------------------------------------------------------------ matching and scoring


def _match(ratings: Ratings, files: Sequence[str], root: str) -> dict[str, int]:
    """Rated name -> file index. Names no file path answers to are looked up
    among the transcripts' ids, which needs the files read (not analysed)."""
    keys: dict[str, list[int]] = {}
    for index, file in enumerate(files):
        for key in transcript_keys(file, root, None):
            keys.setdefault(key, []).append(index)
    wanted = {r.transcript for r in ratings.ratings}
    if not wanted <= keys.keys():
        from ..api import read_transcript
        from ..errors import TranscriptToolError

        for index, file in enumerate(files):
            try:
                transcript_id = read_transcript(file).id
            except TranscriptToolError:
                continue
            if transcript_id and index not in keys.get(transcript_id, []):
                keys.setdefault(transcript_id, []).append(index)
    shown = sorted({PurePath(f).stem for f in files})
    return match_transcripts(ratings, keys, shown, root)


def _score(
    files: Sequence[str], options: CalibrateOptions, rubric: Rubric, progress: Progress
) -> tuple[list[Scored], list[tuple[str, str]]]:
    """Score ``files`` with the batch engine; a file that fails is left out
    (and listed) rather than stopping the calibration."""
    from ..batch.work import Job, Settings, outcomes, worker_count

    settings = Settings(rubric=options.rubric, report_format="json", debug=options.debug)
    jobs = [Job(index, file) for index, file in enumerate(files)]
    workers = worker_count(options.workers, len(jobs))
    scored: list[Scored] = []
    failed: list[tuple[str, str]] = []

    def done(outcome: Outcome) -> None:
        progress.advance(outcome.words, outcome.error is not None)

    progress.start(len(jobs))
    try:
        for outcome in outcomes(jobs, settings, workers, done, rubric):
            if outcome.error is not None or outcome.report is None:
                failed.append((outcome.file, outcome.error or "no report"))
                scored.append(Scored("", outcome.file, {}, {}, None))
                continue
            report = json.loads(outcome.report)
            values = {c["id"]: c["value"] for c in report["criteria"]}
            scores = {c["id"]: c["score"] for c in report["criteria"]}
            scored.append(Scored("", outcome.file, values, scores, report["overall"]))
    finally:
        progress.close()
    return scored, failed


# ------------------------------------------------------------------ figures


# ------------------------------------------------------------------ fitting


def _fit(
    calibration: Calibration, ratings: Ratings, scored: Sequence[Scored], options: CalibrateOptions
) -> Calibration:
    rubric = calibration.rubric
    rated = {r.criterion for r in ratings.ratings}
    folds = fold_ids(len(scored), options.folds, options.seed)
    usable = [c for c in rubric.criteria if c.id in rated and len(c.bands) > 1 and _fittable(c)]
    if len(scored) < options.folds:
        raise UsageError(
            f"--fit with --folds {options.folds} needs at least {options.folds} rated "
            f"transcripts; {len(scored)} were rated and scored"
        )
    if options.fit_weights and OVERALL not in rated:
        raise UsageError(
            "--fit-weights fits the overall score: the ratings need an 'overall' rating "
            "(map a column to overall)"
        )
    if not usable and not options.fit_weights:
        raise UsageError("--fit: no rated criterion of the rubric has band thresholds to fit")
    fits: list[ThresholdFit] = []
    for criterion in usable:
        human, _ = mean_ratings(ratings, scored, criterion.id)
        human_bands = np.where(
            np.isfinite(human),
            band_indices(
                rescale_to_scale(human, *ratings.scales[criterion.id]), score_cuts(criterion)
            ),
            -1,
        ).astype(np.int64)
        values = as_array([s.values.get(criterion.id) for s in scored])
        fits.append(cross_validate_thresholds(criterion, values, human_bands, folds, options.folds))
    weights: WeightFit | None = None
    if options.fit_weights:
        fitted = {f.criterion: f for f in fits}
        criteria = list(rubric.criteria)

        def matrix(choose: int | None) -> Array:
            columns = []
            for c in criteria:
                values = as_array([s.values.get(c.id) for s in scored])
                fit = fitted.get(c.id)
                if fit is None:
                    columns.append(as_array([s.scores.get(c.id) for s in scored]))
                    continue
                limits = fit.fitted if choose is None else fit.per_fold[choose]
                columns.append(scores_under(c, limits, values))
            return np.column_stack(columns)

        original = np.column_stack(
            [as_array([s.scores.get(c.id) for s in scored]) for c in criteria]
        )
        human, _ = mean_ratings(ratings, scored, OVERALL)
        weights = cross_validate_weights(
            [c.id for c in criteria],
            [matrix(fold) for fold in range(options.folds)],
            matrix(None),
            human,
            [c.weight for c in criteria],
            original,
            folds,
        )
    return _replace(calibration, thresholds=tuple(fits), weights=weights)


def _fittable(criterion: Criterion) -> bool:
    return all(math.isfinite(t) for t in thresholds_of(criterion))
