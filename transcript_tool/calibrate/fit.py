"""``calibrate --fit``: band thresholds (and weights) that agree best with people.

Thresholds: for each rated criterion, the band thresholds (``min`` with
direction higher, ``max`` with direction lower, on the metric's own scale)
that maximise the quadratic weighted kappa between the tool's band and the
human band of each transcript (the human band is fixed: the mean rating
rescaled onto 0-100 by its scale, cut where the *original* rubric cuts its
scores, see :func:`transcript_tool.calibrate.agreement.score_cuts`). Candidates are
the midpoints between neighbouring metric values seen in training (at most
:data:`MAX_CANDIDATES`, taken at evenly spaced quantiles when there are more),
one value above them all (so a band may end up empty) and the original
thresholds, rounded to 0.1. One or two thresholds are searched exhaustively;
more by coordinate ascent from the original ones. Ties go to the thresholds
closest to the original ones.

Weights (``--fit-weights``): coordinate ascent from the original weights over
:data:`WEIGHT_GRID`, maximising Spearman's rho between the overall score (the
weighted mean of the scored criteria, as the tool computes it) and the mean
human ``overall`` rating; a change is kept only when it improves rho.

Both are judged by K-fold cross-validation over the rated transcripts (one
fold assignment, from ``--seed``, shared by every criterion): "train" is the
mean over folds of the figure on the K-1 folds the fit saw, "held-out" the
figure on every transcript's prediction from the fit that did not see it
(pooled). The thresholds and weights written to ``--out`` are fitted on all
the data.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise

import numpy as np
import numpy.typing as npt

from ..rubric import Criterion
from .stats import Array, quadratic_kappa, spearman

Ints = npt.NDArray[np.int64]

MAX_CANDIDATES = 60
EXHAUSTIVE = 2
MAX_ROUNDS = 20
WEIGHT_GRID = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)
DECIMALS = 1
IMPROVES = 1e-9


# ------------------------------------------------------------------ bands


def thresholds_of(criterion: Criterion) -> tuple[float, ...]:
    """The criterion's thresholds (every band's but the last), best band first."""
    key = "min" if criterion.direction == "higher" else "max"
    found = []
    for band in criterion.bands[:-1]:
        limit = getattr(band, key)
        found.append(math.nan if limit is None else float(limit))
    return tuple(found)


def assign(values: Array, direction: str, thresholds: Sequence[float]) -> Ints:
    """Band index (0 = best) of each value, as :meth:`Criterion.band_for`
    places it: with direction higher the first band whose ``min`` it
    reaches, with lower the first whose ``max`` it does not exceed."""
    data = np.asarray(values, dtype=np.float64)[:, None]
    limits = np.asarray(thresholds, dtype=np.float64)[None, :]
    beyond = data < limits if direction == "higher" else data > limits
    bands: Ints = beyond.sum(axis=1).astype(np.int64)
    return bands


def scores_under(criterion: Criterion, thresholds: Sequence[float], values: Array) -> Array:
    """The 0-100 score of each value with these thresholds, as scoring does it:
    the band's ``score``, else the value itself (clipped); nan stays nan."""
    data = np.asarray(values, dtype=np.float64)
    result = np.full(data.shape, np.nan)
    known = np.isfinite(data)
    bands = assign(data[known], criterion.direction, thresholds)
    fixed = np.array(
        [math.nan if b.score is None else b.score for b in criterion.bands], dtype=np.float64
    )
    points = fixed[bands]
    own = np.isnan(points)
    points[own] = np.clip(data[known][own], 0.0, 100.0)
    result[known] = np.round(points, 1)
    return result


def candidates(values: Array, original: Sequence[float]) -> Array:
    """Threshold candidates for ``values`` (see the module docstring)."""
    data = np.unique(np.asarray(values, dtype=np.float64)[np.isfinite(values)])
    points = (data[1:] + data[:-1]) / 2.0 if len(data) > 1 else data
    if len(points) > MAX_CANDIDATES:
        points = np.quantile(points, np.linspace(0.0, 1.0, MAX_CANDIDATES))
    extra = [data[-1] + 1.0] if len(data) else []
    pool = np.concatenate([points, extra, [t for t in original if math.isfinite(t)]])
    return np.unique(np.round(pool, DECIMALS))


def _kappa(values: Array, human: Ints, direction: str, thresholds: Sequence[float]) -> float:
    return quadratic_kappa(assign(values, direction, thresholds), human, len(thresholds) + 1)


def _better(score: float, distance: float, best: tuple[float, float]) -> bool:
    """Whether (score, distance) beats ``best``: a higher score, or an equal
    one closer to the original thresholds."""
    if not math.isfinite(score):
        return False
    if not math.isfinite(best[0]) or score > best[0] + IMPROVES:
        return True
    return abs(score - best[0]) <= IMPROVES and distance < best[1] - IMPROVES


def fit_thresholds(values: Array, human: Ints, criterion: Criterion) -> tuple[float, ...]:
    """The thresholds maximising quadratic kappa between the bands of
    ``values`` and the ``human`` band indices (pairs with a nan value or a
    negative band left out); the original ones when no candidate does
    better than them (or kappa is undefined on this data)."""
    original = thresholds_of(criterion)
    keep = np.isfinite(values) & (human >= 0)
    data, bands = np.asarray(values, dtype=np.float64)[keep], human[keep]
    if len(data) < 2 or not original or not all(math.isfinite(t) for t in original):
        return original
    direction = criterion.direction
    pool = candidates(data, original)
    if direction == "higher":
        pool = pool[::-1]  # thresholds decrease
    start = np.asarray(original)
    best = (_kappa(data, bands, direction, original), 0.0)
    chosen: tuple[float, ...] = original

    def consider(trial: tuple[float, ...]) -> None:
        nonlocal best, chosen
        score = _kappa(data, bands, direction, trial)
        distance = float(np.abs(np.asarray(trial) - start).sum())
        if _better(score, distance, best):
            best, chosen = (score, distance), trial

    if len(original) <= EXHAUSTIVE:
        for trial in combinations(pool.tolist(), len(original)):
            consider(tuple(float(t) for t in trial))
        return chosen
    for _ in range(MAX_ROUNDS):
        before = chosen
        for position in range(len(original)):
            for candidate in pool.tolist():
                trial = (*chosen[:position], float(candidate), *chosen[position + 1 :])
                if _ordered(trial, direction):
                    consider(trial)
        if chosen == before:
            break
    return chosen


def _ordered(thresholds: Sequence[float], direction: str) -> bool:
    pairs = pairwise(thresholds)
    if direction == "higher":
        return all(a > b for a, b in pairs)
    return all(a < b for a, b in pairs)


# ------------------------------------------------------------------ folds


def fold_ids(n: int, folds: int, seed: int) -> Ints:
    """A fold (0..folds-1) for each of ``n`` items: a seeded shuffle dealt round-robin."""
    order = np.random.default_rng(seed).permutation(n)
    ids = np.empty(n, dtype=np.int64)
    ids[order] = np.arange(n) % folds
    return ids


@dataclass(frozen=True)
class ThresholdFit:
    """One criterion's thresholds: original, fitted on all data, per fold;
    quadratic kappa of each (``train`` = mean over folds on their training
    part, ``heldout`` = pooled predictions on the folds left out)."""

    criterion: str
    n: int
    original: tuple[float, ...]
    fitted: tuple[float, ...]
    per_fold: tuple[tuple[float, ...], ...]
    kappa_original: float
    kappa_fitted: float
    kappa_train: float
    kappa_heldout: float


def cross_validate_thresholds(
    criterion: Criterion, values: Array, human: Ints, folds: Ints, count: int
) -> ThresholdFit:
    """Fit ``criterion``'s thresholds per fold and on all data (see the module docstring)."""
    original = thresholds_of(criterion)
    k = len(original) + 1
    usable = np.isfinite(values) & (human >= 0)
    predicted = np.full(len(values), -1, dtype=np.int64)
    train_kappas: list[float] = []
    per_fold: list[tuple[float, ...]] = []
    for fold in range(count):
        train = usable & (folds != fold)
        test = usable & (folds == fold)
        fitted = fit_thresholds(values[train], human[train], criterion)
        per_fold.append(fitted)
        train_kappas.append(_kappa(values[train], human[train], criterion.direction, fitted))
        predicted[test] = assign(values[test], criterion.direction, fitted)
    overall_fit = fit_thresholds(values[usable], human[usable], criterion)
    finite = [kappa for kappa in train_kappas if math.isfinite(kappa)]
    return ThresholdFit(
        criterion=criterion.id,
        n=int(usable.sum()),
        original=original,
        fitted=overall_fit,
        per_fold=tuple(per_fold),
        kappa_original=_kappa(values[usable], human[usable], criterion.direction, original),
        kappa_fitted=_kappa(values[usable], human[usable], criterion.direction, overall_fit),
        kappa_train=float(np.mean(finite)) if finite else math.nan,
        kappa_heldout=quadratic_kappa(predicted[usable], human[usable], k),
    )


# ------------------------------------------------------------------ weights


def overall_scores(scores: Array, weights: Sequence[float]) -> Array:
    """Weighted mean per row of ``scores`` (transcripts x criteria) over the
    criteria scored (not nan) with a weight above 0, as the tool's overall;
    nan for a row with none."""
    matrix = np.asarray(scores, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)[None, :]
    counted = np.isfinite(matrix) & (w > 0)
    total = np.where(counted, w, 0.0).sum(axis=1)
    summed = np.where(counted, np.nan_to_num(matrix) * w, 0.0).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, summed / np.where(total > 0, total, 1.0), np.nan)


def fit_weights(scores: Array, human: Array, start: Sequence[float]) -> tuple[float, ...]:
    """Weights maximising Spearman's rho between :func:`overall_scores` and
    ``human`` (coordinate ascent over :data:`WEIGHT_GRID`, see the module
    docstring); ``start`` when nothing improves on it."""
    current = tuple(float(w) for w in start)
    best = spearman(overall_scores(scores, current), human)
    grid = sorted({*WEIGHT_GRID, *current})
    for _ in range(MAX_ROUNDS):
        before = current
        for position in range(len(current)):
            for weight in grid:
                trial = (*current[:position], weight, *current[position + 1 :])
                if trial == current or not any(w > 0 for w in trial):
                    continue
                rho = spearman(overall_scores(scores, trial), human)
                if math.isfinite(rho) and (not math.isfinite(best) or rho > best + IMPROVES):
                    best, current = rho, trial
        if current == before:
            break
    return current


@dataclass(frozen=True)
class WeightFit:
    """Criterion weights: original and fitted on all data, with Spearman's rho
    of the overall score against the human overall ratings for each."""

    criteria: tuple[str, ...]
    n: int
    original: tuple[float, ...]
    fitted: tuple[float, ...]
    rho_original: float
    rho_fitted: float
    rho_train: float
    rho_heldout: float


def cross_validate_weights(
    criteria: Sequence[str],
    fold_scores: Sequence[Array],
    all_scores: Array,
    human: Array,
    start: Sequence[float],
    original_scores: Array,
    folds: Ints,
) -> WeightFit:
    """Fit weights per fold (on that fold's scores, computed with the
    thresholds fitted without it) and on all data (``all_scores``)."""
    usable = np.isfinite(human)
    predicted = np.full(len(human), np.nan)
    train_rhos: list[float] = []
    for fold, scores in enumerate(fold_scores):
        train = usable & (folds != fold)
        test = usable & (folds == fold)
        weights = fit_weights(scores[train], human[train], start)
        train_rhos.append(spearman(overall_scores(scores[train], weights), human[train]))
        predicted[test] = overall_scores(scores[test], weights)
    fitted = fit_weights(all_scores[usable], human[usable], start)
    finite = [rho for rho in train_rhos if math.isfinite(rho)]
    return WeightFit(
        criteria=tuple(criteria),
        n=int(usable.sum()),
        original=tuple(float(w) for w in start),
        fitted=fitted,
        rho_original=spearman(overall_scores(original_scores[usable], start), human[usable]),
        rho_fitted=spearman(overall_scores(all_scores[usable], fitted), human[usable]),
        rho_train=float(np.mean(finite)) if finite else math.nan,
        rho_heldout=spearman(predicted[usable], human[usable]),
    )
