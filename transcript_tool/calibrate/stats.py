"""Agreement statistics between the tool's scores and human ratings.

Pure functions on numpy arrays, each documented with the convention it
follows; every function returns ``nan`` (never raises) when its figure is not
defined for the data (fewer than two points, a constant variable), so a
table can show "n/a" for it.

- :func:`pearson`, :func:`spearman` (Pearson on average ranks, ties shared);
- :func:`bootstrap_ci`: percentile 95 % interval over resampled transcripts,
  from a seeded generator (deterministic);
- :func:`quadratic_kappa`: Cohen's kappa with quadratic weights
  ``(i - j)² / (k - 1)²`` on band indices ``0..k-1``;
- :func:`rescale_to_scale`: a rating scale ``[lo, hi]`` onto 0-100;
- :func:`least_squares_mae`: the mean absolute error left after the best
  (least-squares) linear map of human ratings onto the tool's scores;
- :func:`krippendorff_alpha`: Krippendorff's alpha (interval) among the
  human raters, from the ``krippendorff`` package.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]

BOOTSTRAP_SAMPLES = 1000
CONFIDENCE = 0.95


def _clean(x: Sequence[float] | Array, y: Sequence[float] | Array) -> tuple[Array, Array]:
    xs = np.asarray(x, dtype=np.float64)
    ys = np.asarray(y, dtype=np.float64)
    if xs.shape != ys.shape:
        raise ValueError(f"x and y differ in length: {xs.shape} and {ys.shape}")
    keep = np.isfinite(xs) & np.isfinite(ys)
    return xs[keep], ys[keep]


def pearson(x: Sequence[float] | Array, y: Sequence[float] | Array) -> float:
    """Pearson's r of the finite pairs; nan with fewer than 2 or a constant variable."""
    xs, ys = _clean(x, y)
    if len(xs) < 2:
        return math.nan
    dx = xs - xs.mean()
    dy = ys - ys.mean()
    denominator = math.sqrt(float(dx @ dx) * float(dy @ dy))
    if denominator <= 1e-12 * max(1.0, float(np.abs(xs).max()) * float(np.abs(ys).max())):
        return math.nan
    return max(-1.0, min(1.0, float(dx @ dy) / denominator))


def average_ranks(values: Sequence[float] | Array) -> Array:
    """1-based ranks; tied values share the mean of the ranks they span."""
    data = np.asarray(values, dtype=np.float64)
    _, inverse, counts = np.unique(data, return_inverse=True, return_counts=True)
    last = np.cumsum(counts).astype(np.float64)  # the rank of each group's last member
    return (last - (counts - 1) / 2.0)[inverse.reshape(-1)]


def spearman(x: Sequence[float] | Array, y: Sequence[float] | Array) -> float:
    """Spearman's rho: Pearson's r of the average ranks of the finite pairs."""
    xs, ys = _clean(x, y)
    if len(xs) < 2:
        return math.nan
    return pearson(average_ranks(xs), average_ranks(ys))


def bootstrap_ci(
    statistic: Callable[[Array, Array], float],
    x: Sequence[float] | Array,
    y: Sequence[float] | Array,
    *,
    seed: int,
    samples: int = BOOTSTRAP_SAMPLES,
    confidence: float = CONFIDENCE,
) -> tuple[float, float]:
    """A percentile bootstrap interval for ``statistic(x, y)``: the pairs are
    resampled with replacement ``samples`` times by a generator seeded with
    ``seed``; resamples where the statistic is undefined are left out. (nan,
    nan) with fewer than 3 pairs or fewer than half the resamples defined."""
    xs, ys = _clean(x, y)
    if len(xs) < 3:
        return math.nan, math.nan
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(xs), size=(samples, len(xs)))
    values = np.array([statistic(xs[p], ys[p]) for p in picks], dtype=np.float64)
    values = values[np.isfinite(values)]
    if len(values) < samples / 2:
        return math.nan, math.nan
    tail = (1.0 - confidence) / 2.0 * 100.0
    low, high = np.percentile(values, [tail, 100.0 - tail])
    return float(low), float(high)


def quadratic_kappa(
    a: Sequence[int] | npt.NDArray[np.int64], b: Sequence[int] | npt.NDArray[np.int64], k: int
) -> float:
    """Cohen's kappa with quadratic weights between two ratings of the same
    items on ordered categories ``0..k-1``: ``1 - Σ w·O / Σ w·E`` with
    ``w = (i - j)² / (k - 1)²``, ``O`` the observed and ``E`` the chance
    (product of the marginals) proportions. 1 is perfect agreement, 0 chance;
    nan when it is undefined (no items, ``k < 2``, or both sides put every
    item in one and the same category)."""
    first = np.asarray(a, dtype=np.int64)
    second = np.asarray(b, dtype=np.int64)
    if first.shape != second.shape:
        raise ValueError("the two ratings differ in length")
    if len(first) == 0 or k < 2:
        return math.nan
    if first.min() < 0 or second.min() < 0 or first.max() >= k or second.max() >= k:
        raise ValueError(f"categories must be in 0..{k - 1}")
    observed = np.bincount(first * k + second, minlength=k * k).reshape(k, k) / len(first)
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0))
    index = np.arange(k)
    weights = (index[:, None] - index[None, :]) ** 2 / (k - 1) ** 2
    chance = float((weights * expected).sum())
    if chance <= 1e-12:
        return math.nan
    return 1.0 - float((weights * observed).sum()) / chance


def rescale_to_scale(values: Sequence[float] | Array, low: float, high: float) -> Array:
    """Ratings on the scale ``[low, high]`` mapped linearly onto 0-100
    (``low`` -> 0, ``high`` -> 100); all nan when the scale is empty."""
    data = np.asarray(values, dtype=np.float64)
    if not high > low:
        return np.full(data.shape, np.nan)
    return (data - low) / (high - low) * 100.0


def least_squares_map(
    human: Sequence[float] | Array, tool: Sequence[float] | Array
) -> tuple[float, float]:
    """(slope, intercept) of the least-squares line ``tool ≈ slope·human + intercept``
    over the finite pairs; (0, mean tool) when the human ratings are constant,
    (nan, nan) with no pairs."""
    hs, ts = _clean(human, tool)
    if len(hs) == 0:
        return math.nan, math.nan
    dh = hs - hs.mean()
    spread = float(dh @ dh)
    if spread <= 1e-12:
        return 0.0, float(ts.mean())
    slope = float(dh @ (ts - ts.mean())) / spread
    return slope, float(ts.mean()) - slope * float(hs.mean())


def least_squares_mae(human: Sequence[float] | Array, tool: Sequence[float] | Array) -> float:
    """Mean absolute difference between the tool's scores and the human
    ratings mapped onto them by :func:`least_squares_map` (in score points)."""
    hs, ts = _clean(human, tool)
    if len(hs) == 0:
        return math.nan
    slope, intercept = least_squares_map(hs, ts)
    return float(np.abs(ts - (slope * hs + intercept)).mean())


def krippendorff_alpha(matrix: Sequence[Sequence[float]] | Array) -> float:
    """Krippendorff's alpha, interval level, of a raters x units matrix (nan
    where a rater did not rate a unit). Units with fewer than two ratings do
    not count; nan when no unit has two, or every rating is the same value."""
    import krippendorff

    data = np.asarray(matrix, dtype=np.float64)
    if data.ndim != 2 or data.size == 0:
        return math.nan
    pairable = np.isfinite(data).sum(axis=0) >= 2
    if not pairable.any():
        return math.nan
    data = data[:, pairable]
    if len(np.unique(data[np.isfinite(data)])) < 2:
        return math.nan
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="interval"))


def band_indices(scores: Sequence[float] | Array, cuts: Sequence[float]) -> npt.NDArray[np.int64]:
    """Band index (0 = best) of each score on 0-100 given descending ``cuts``
    (the lowest score of each band but the last): the number of cuts above it."""
    data = np.asarray(scores, dtype=np.float64)
    levels = np.asarray(cuts, dtype=np.float64)
    below: npt.NDArray[np.int64] = (data[:, None] < levels[None, :]).sum(axis=1).astype(np.int64)
    return below
