"""Calibration: does a rubric agree with human ratings, and what would agree better?

``transcript-tool calibrate RATINGS.csv --transcripts DIR`` scores the rated
transcripts with the rubric (the batch engine), and prints, per rated
criterion and overall, the agreement between the tool's scores and the mean
human rating (Spearman and Pearson with bootstrap intervals, quadratic
weighted kappa on bands, MAE after a least-squares rescaling) next to
Krippendorff's alpha among the raters themselves. ``--fit`` searches band
thresholds (``--fit-weights``: also criterion weights) under K-fold
cross-validation and ``--out`` writes a rubric that extends the original with
the fitted values; ``--report`` writes a self-contained HTML report.

Modules: :mod:`.ratings` (the ratings CSV), :mod:`.rating_map` (``--map``), :mod:`.stats`
(agreement statistics), :mod:`.fit` (threshold and weight search,
cross-validation), :mod:`.tuned` (the tuned rubric file), :mod:`.report`
(text and HTML), :mod:`.agreement` (the agreement figures), :mod:`.run`
(:func:`run_calibrate`).
"""

from __future__ import annotations

from .agreement import Row
from .run import CalibrateOptions, Calibration, run_calibrate

__all__ = ["CalibrateOptions", "Calibration", "Row", "run_calibrate"]
