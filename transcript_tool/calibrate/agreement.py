"""Agreement between the tool's scores and the human ratings, one row per
rated criterion and overall (part of :func:`.run.run_calibrate`).

How a human rating meets a tool score (docs/design.md, "Calibration"):

- correlations and MAE use the tool's 0-100 score and the mean rating of the
  transcript's raters, on the rating's own scale;
- for kappa, the mean rating is rescaled onto 0-100 by its scale and cut into
  the rubric's bands where the rubric cuts its scores (:func:`score_cuts`):
  a "strong" at ``min: 80`` is a mean rating in the top fifth of the scale.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from ..rubric import Criterion, Rubric
from .fit import Ints, assign, thresholds_of
from .rating_map import OVERALL
from .ratings import Ratings
from .stats import (
    Array,
    band_indices,
    bootstrap_ci,
    krippendorff_alpha,
    least_squares_mae,
    least_squares_map,
    pearson,
    quadratic_kappa,
    rescale_to_scale,
    spearman,
)


@dataclass(frozen=True)
class Point:
    """One transcript in a criterion's comparison: its name (as rated), the
    mean human rating (rating scale) and the tool's score (0-100)."""

    name: str
    human: float
    tool: float


@dataclass(frozen=True)
class Row:
    """The agreement figures of one criterion (or ``overall``); nan where
    a figure is undefined for the data."""

    criterion: str
    title: str
    n: int
    spearman: float
    spearman_ci: tuple[float, float]
    pearson: float
    pearson_ci: tuple[float, float]
    kappa: float
    mae: float
    alpha: float
    raters: int
    scale: tuple[float, float]
    origins: tuple[str, ...]
    cuts: tuple[float, ...]
    bands: tuple[str, ...]
    slope: float
    intercept: float
    points: tuple[Point, ...] = ()
    unscored: tuple[str, ...] = ()  # rated transcripts the tool could not score here


@dataclass
class Scored:
    """A matched transcript: its rated name, file, criterion values and scores."""

    name: str
    file: str
    values: dict[str, float | None]
    scores: dict[str, float | None]
    overall: float | None


def score_cuts(criterion: Criterion) -> tuple[float, ...]:
    """Where the criterion's bands meet on the 0-100 score scale, best first:
    a band scored by the value itself starts at its threshold; between bands
    with fixed scores the cut is halfway between the two scores."""
    cuts: list[float] = []
    bands = criterion.bands
    for better, worse in pairwise(bands):
        if better.score is None:
            limit = better.min if criterion.direction == "higher" else better.max
            limit = 0.0 if limit is None else limit
            cut = limit if criterion.direction == "higher" else 100.0 - limit
        else:
            low = worse.score
            if low is None:
                threshold = worse.min if criterion.direction == "higher" else worse.max
                low = 0.0 if threshold is None else threshold
            cut = (better.score + low) / 2.0
        cuts.append(min(100.0, max(0.0, float(cut))))
    return tuple(sorted(cuts, reverse=True))


def overall_cuts(rubric: Rubric) -> tuple[float, ...]:
    """Band cuts for the overall score: the weighted mean of the criteria's
    cuts when every counted criterion has as many bands; () otherwise."""
    counted = [c for c in rubric.criteria if c.weight > 0]
    if not counted or len({len(c.bands) for c in counted}) != 1:
        return ()
    total = sum(c.weight for c in counted)
    cuts = np.array([score_cuts(c) for c in counted], dtype=np.float64)
    weights = np.array([c.weight for c in counted], dtype=np.float64)[:, None]
    return tuple(float(round(x, 1)) for x in (cuts * weights).sum(axis=0) / total)


def mean_ratings(ratings: Ratings, scored: Sequence[Scored], criterion: str) -> tuple[Array, int]:
    """Mean rating per scored transcript (nan when unrated) and the most
    raters any of them had."""
    by_name: dict[str, list[float]] = {}
    for rating in ratings.ratings:
        if rating.criterion == criterion:
            by_name.setdefault(rating.transcript, []).append(rating.value)
    means = np.array(
        [float(np.mean(by_name[s.name])) if s.name in by_name else np.nan for s in scored]
    )
    most = max((len(by_name.get(s.name, [])) for s in scored), default=0)
    return means, most


def rater_alpha(ratings: Ratings, scored: Sequence[Scored], criterion: str) -> float:
    """Krippendorff's alpha among the raters of this criterion (named raters
    are rows; without names each transcript's ratings fill rows in order)."""
    names = {s.name: i for i, s in enumerate(scored)}
    cells: dict[tuple[str, int], float] = {}
    count: dict[int, int] = {}
    for rating in ratings.ratings:
        if rating.criterion != criterion or rating.transcript not in names:
            continue
        unit = names[rating.transcript]
        rater = rating.rater
        if rater is None:
            count[unit] = count.get(unit, 0) + 1
            rater = f"#{count[unit]}"
        cells[(rater, unit)] = rating.value
    raters = sorted({rater for rater, _ in cells})
    if not raters:
        return math.nan
    row = {rater: i for i, rater in enumerate(raters)}
    matrix = np.full((len(raters), len(scored)), np.nan)
    for (rater, unit), value in cells.items():
        matrix[row[rater], unit] = value
    return krippendorff_alpha(matrix)


def agreement_rows(
    rubric: Rubric, ratings: Ratings, scored: Sequence[Scored], seed: int
) -> list[Row]:
    rated = set(ratings.criteria())
    wanted = [c.id for c in rubric.criteria if c.id in rated]
    if OVERALL in rated:
        wanted.append(OVERALL)
    rows: list[Row] = []
    for cid in wanted:
        human, raters = mean_ratings(ratings, scored, cid)
        if cid == OVERALL:
            tool = np.array([np.nan if s.overall is None else s.overall for s in scored])
            cuts = overall_cuts(rubric)
            title = "Overall"
            shaped = [c for c in rubric.criteria if len(c.bands) == len(cuts) + 1]
            bands = tuple(b.band for b in shaped[0].bands) if cuts and shaped else ()
            tool_bands: Ints | None = band_indices(tool, cuts) if cuts else None
        else:
            criterion = rubric.criterion(cid)
            tool = as_array([s.scores.get(cid) for s in scored])
            values = as_array([s.values.get(cid) for s in scored])
            cuts = score_cuts(criterion)
            title = criterion.title
            bands = tuple(b.band for b in criterion.bands)
            tool_bands = assign(values, criterion.direction, thresholds_of(criterion))
        both = np.isfinite(human) & np.isfinite(tool)
        scale = ratings.scales[cid]
        kappa = math.nan
        if tool_bands is not None and both.any():
            human_bands = band_indices(rescale_to_scale(human, *scale), cuts)
            kappa = quadratic_kappa(tool_bands[both], human_bands[both], len(cuts) + 1)
        slope, intercept = least_squares_map(human[both], tool[both])
        rows.append(
            Row(
                criterion=cid,
                title=title,
                n=int(both.sum()),
                spearman=spearman(tool[both], human[both]),
                spearman_ci=bootstrap_ci(spearman, tool[both], human[both], seed=seed),
                pearson=pearson(tool[both], human[both]),
                pearson_ci=bootstrap_ci(pearson, tool[both], human[both], seed=seed),
                kappa=kappa,
                mae=least_squares_mae(human[both], tool[both]),
                alpha=rater_alpha(ratings, scored, cid),
                raters=raters,
                scale=scale,
                origins=ratings.origins.get(cid, ()),
                cuts=cuts,
                bands=bands,
                slope=slope,
                intercept=intercept,
                points=tuple(
                    Point(s.name, float(h), float(t))
                    for s, h, t, ok in zip(scored, human, tool, both, strict=True)
                    if ok
                ),
                unscored=tuple(
                    s.name
                    for s, h, t in zip(scored, human, tool, strict=True)
                    if math.isfinite(h) and not math.isfinite(t)
                ),
            )
        )
    return rows


def as_array(values: Sequence[float | None]) -> Array:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)
