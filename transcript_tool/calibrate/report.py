"""Rendering a calibration: plain-text tables (stdout) and a self-contained HTML report.

The text is at most 100 columns wide and deterministic (no clock, no paths
beyond those given). The HTML is one file with no scripts, fonts, styles or
images from anywhere else: jinja2 with autoescaping renders the tables and,
per criterion, a scatter plot drawn here as inline SVG (the tool's score
against the mean human rating, the least-squares line, and where the bands
meet), so every transcript name and label is escaped.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import PurePath
from typing import TYPE_CHECKING

from ..wording import agree, counted, listed
from .stats import BOOTSTRAP_SAMPLES

if TYPE_CHECKING:
    from .agreement import Row
    from .fit import ThresholdFit
    from .run import Calibration

WIDTH = 100
NAME_WIDTH = (9, 22)
WORST = 5


def number(value: float, digits: int = 2) -> str:
    """``0.12``; ``n/a`` for nan."""
    return "n/a" if not math.isfinite(value) else f"{value:.{digits}f}"


def interval(value: float, bounds: tuple[float, float]) -> str:
    """``0.12 [-0.07, 0.31]``, or just the value when there is no interval."""
    if not math.isfinite(value):
        return "n/a"
    if not all(math.isfinite(b) for b in bounds):
        return f"{value:5.2f}"
    return f"{value:5.2f} [{bounds[0]:5.2f}, {bounds[1]:5.2f}]"


def limits(values: Sequence[float]) -> str:
    """Thresholds as ``80 / 55``."""
    return " / ".join(f"{v:g}" for v in values) if values else "-"


def _scale(scale: tuple[float, float]) -> str:
    return f"{scale[0]:g}-{scale[1]:g}"


def _origin(row: Row) -> str:
    """``answered_question <- StructuredAnswers 1-7 x9``; the column only when it is not the id."""
    source = "" if row.origins == (row.criterion,) else f" <- {', '.join(row.origins)}"
    return f"{row.criterion}{source} {_scale(row.scale)} x{row.raters}"


def unscored_names(row: Row, shown: int = 3) -> str:
    """``2 (b, c)`` or ``5 (a, b, c and 2 more)``: the rated transcripts left
    out of ``row.n`` because the tool gave the criterion no score."""
    names = list(row.unscored[:shown])
    more = len(row.unscored) - len(names)
    listed = ", ".join(names) + (f" and {more:,} more" if more else "")
    return f"{len(row.unscored):,} ({listed})"


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, subsequent_indent="  ", break_on_hyphens=False)


def render_text(calibration: Calibration) -> str:
    """The agreement table, its notes and (with ``--fit``) the fit tables."""
    rows = calibration.rows
    width = min(max(NAME_WIDTH[0], *(len(r.criterion) for r in rows)), NAME_WIDTH[1])
    out = _wrap(
        f"Calibration of rubric {calibration.rubric.name!r} against "
        f"{PurePath(calibration.ratings).name}: {counted(calibration.rated, 'transcript')} "
        f"rated and scored (of {calibration.found:,} under {calibration.transcripts})"
    )
    if calibration.failed:
        failed = len(calibration.failed)
        out.append(
            f"{counted(failed, 'rated transcript')} could not be scored and "
            f"{agree(failed, 'is', 'are')} left out (see the warnings)"
        )
    out.append("")
    out.append(
        f"{'criterion':<{width}} {'n':>4}  {'spearman [95% CI]':<20}  {'pearson [95% CI]':<20}"
        f"  {'kappa':>5}  {'MAE':>5}  {'alpha':>5}"
    )
    for row in rows:
        out.append(
            f"{row.criterion[:width]:<{width}} {row.n:>4}  "
            f"{interval(row.spearman, row.spearman_ci):<20}  "
            f"{interval(row.pearson, row.pearson_ci):<20}  "
            f"{number(row.kappa):>5}  {number(row.mae, 1):>5}  {number(row.alpha):>5}"
        )
    out.append("")
    cuts = ", ".join(f"{r.criterion} {limits(r.cuts)}" for r in rows if r.cuts)
    origins = "; ".join(_origin(r) for r in rows)
    notes = [
        "spearman, pearson: the tool's score against the mean human rating of each transcript, "
        f"with a 95% percentile bootstrap interval ({BOOTSTRAP_SAMPLES} resamples of the "
        f"transcripts, seed {calibration.seed}).",
        "kappa: quadratic weighted Cohen's kappa between the tool's band and the band of the "
        "mean rating, rescaled onto 0-100 by its scale and cut where the rubric's bands meet "
        f"({cuts or 'no bands'}).",
        "MAE: mean absolute difference, in score points, between the tool's score and the "
        "least-squares line from the mean rating.",
        "alpha: Krippendorff's alpha (interval) among the human raters: how far people agree "
        "with each other, the ceiling to compare the tool against.",
        f"ratings (scale, most raters of a transcript): {origins}.",
    ]
    if calibration.unread:
        notes.append(
            f"not read: the {agree(len(calibration.unread), 'column')} "
            f"{', '.join(calibration.unread)} (a column rates a criterion when it is named by "
            "its id, or as --map says)."
        )
    unscored = "; ".join(f"{r.criterion} {unscored_names(r)}" for r in rows if r.unscored)
    if unscored:
        notes.append(
            "n leaves out the rated transcripts the rubric could not score on the criterion "
            f"(transcript-tool report on one says why): {unscored}."
        )
    for note in notes:
        out.extend(_wrap(note))
    if calibration.thresholds:
        out.append("")
        out.extend(_threshold_table(calibration.thresholds, width, calibration))
    if calibration.weights is not None:
        out.append("")
        out.extend(_weight_table(calibration))
    unproven = not_better_held_out(calibration)
    if unproven:
        out.append("")
        out.extend(
            _wrap(
                f"{unproven_note(unproven)} (--out writes them all the same, fitted on every "
                "transcript; more ratings may tell)."
            )
        )
    if calibration.out is not None:
        out.append("")
        out.extend(
            _wrap(
                f"Wrote {calibration.out}: extends {calibration.rubric_name!r} with the fitted "
                "values (validated)."
            )
        )
    if calibration.report is not None:
        out.append(f"Wrote {calibration.report}.")
    return "\n".join(line.rstrip() for line in out) + "\n"


def not_better_held_out(calibration: Calibration) -> list[str]:
    """What was fitted (a criterion's thresholds, "the weights") whose
    held-out figure is not above the original rubric's; a fit that changed
    nothing is left out."""
    found = [
        f"{fit.criterion}'s thresholds"
        for fit in calibration.thresholds
        if tuple(fit.fitted) != tuple(fit.original) and not fit.kappa_heldout > fit.kappa_original
    ]
    weights = calibration.weights
    if (
        weights is not None
        and tuple(weights.fitted) != tuple(weights.original)
        and not weights.rho_heldout > weights.rho_original
    ):
        found.append("the weights")
    return found


def unproven_note(unproven: Sequence[str]) -> str:
    """The sentence on :func:`not_better_held_out`'s fits, for the text and HTML."""
    return (
        f"Held out, the fit does no better than the original rubric for {listed(unproven)}, so the "
        "cross-validation gives no reason to adopt the fitted values there"
    )


def _threshold_table(
    fits: Sequence[ThresholdFit], width: int, calibration: Calibration
) -> list[str]:
    out = _wrap(
        "Fit: band thresholds maximising quadratic kappa, judged by "
        f"{calibration.folds}-fold cross-validation (seed {calibration.seed}); train = mean "
        "over folds on the transcripts each fit saw, held-out = on those it did not see."
    )
    out.append(
        f"{'criterion':<{width}} {'n':>4}  {'thresholds':<14}{'fitted (all)':<16}"
        f"{'kappa: original':>15}  {'train':>5}  {'held-out':>8}"
    )
    for fit in fits:
        out.append(
            f"{fit.criterion[:width]:<{width}} {fit.n:>4}  {limits(fit.original):<14}"
            f"{limits(fit.fitted):<16}{number(fit.kappa_original):>15}  "
            f"{number(fit.kappa_train):>5}  {number(fit.kappa_heldout):>8}"
        )
    return out


def _weight_table(calibration: Calibration) -> list[str]:
    weights = calibration.weights
    assert weights is not None
    out = _wrap(
        "Weights maximising Spearman's rho between the overall score and the human overall "
        "rating (same folds):"
    )
    out.append(
        "  "
        + ", ".join(
            f"{cid} {before:g} -> {after:g}"
            for cid, before, after in zip(
                weights.criteria, weights.original, weights.fitted, strict=True
            )
        )
    )
    out.append(
        f"  rho: original {number(weights.rho_original)}, train {number(weights.rho_train)}, "
        f"held-out {number(weights.rho_heldout)} (n {weights.n})"
    )
    return out


# ------------------------------------------------------------------ SVG


@dataclass(frozen=True)
class Dot:
    """A point of a plot, in SVG coordinates, with its tooltip."""

    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Tick:
    """An axis tick: its position along the axis and its text."""

    at: float
    text: str


@dataclass(frozen=True)
class Line:
    """A segment, in SVG coordinates."""

    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Plot:
    """One scatter plot, laid out: the frame, ticks, guide lines, points."""

    width: int
    height: int
    left: int
    top: int
    right: int
    bottom: int
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    cuts: tuple[Line, ...]
    fit: Line | None
    dots: tuple[Dot, ...]
    x_label: str
    y_label: str


PLOT = (420, 300, 52, 16, 404, 252)  # width, height, left, top, right, bottom


def _ticks(low: float, high: float) -> list[float]:
    span = high - low
    if span <= 0:
        return [low]
    step = 1.0 if span <= 10 else 10 ** math.floor(math.log10(span / 5))
    while span / step > 10:
        step *= 2
    first = math.ceil(low / step) * step
    return [first + i * step for i in range(int((high - first) / step + 1e-9) + 1)]


def plot(row: Row) -> Plot:
    """The scatter plot of ``row``: x = mean human rating (its scale), y = the
    tool's score (0-100); dashed lines where the bands meet (horizontal: the
    tool's score cuts; vertical: the same cuts on the rating scale), and the
    least-squares line."""
    width, height, left, top, right, bottom = PLOT
    low, high = row.scale
    if not high > low:
        low, high = low - 1, high + 1

    def x(value: float) -> float:
        return round(left + (value - low) / (high - low) * (right - left), 1)

    def y(score: float) -> float:
        return round(bottom - max(0.0, min(100.0, score)) / 100 * (bottom - top), 1)

    cuts: list[Line] = []
    for cut in row.cuts:
        cuts.append(Line(left, y(cut), right, y(cut)))
        rating = low + cut / 100 * (high - low)
        cuts.append(Line(x(rating), top, x(rating), bottom))
    fit = None
    if math.isfinite(row.slope) and math.isfinite(row.intercept):
        fit = Line(
            x(low), y(row.slope * low + row.intercept), x(high), y(row.slope * high + row.intercept)
        )
    return Plot(
        width=width,
        height=height,
        left=left,
        top=top,
        right=right,
        bottom=bottom,
        x_ticks=tuple(Tick(x(v), f"{v:g}") for v in _ticks(low, high)),
        y_ticks=tuple(Tick(y(v), f"{v:g}") for v in (0, 25, 50, 75, 100)),
        cuts=tuple(cuts),
        fit=fit,
        dots=tuple(
            Dot(x(p.human), y(p.tool), f"{p.name}: rated {p.human:.2f}, scored {p.tool:g}")
            for p in row.points
        ),
        x_label=f"mean human rating ({', '.join(row.origins)}, scale {_scale(row.scale)})",
        y_label="tool score",
    )


@dataclass(frozen=True)
class Outlier:
    """A transcript the tool and the people disagree on most."""

    name: str
    human: float
    tool: float
    expected: float


def outliers(row: Row, count: int = WORST) -> list[Outlier]:
    """The ``count`` transcripts farthest from the least-squares line, farthest first."""
    if not (math.isfinite(row.slope) and math.isfinite(row.intercept)):
        return []
    found = [
        Outlier(p.name, p.human, p.tool, row.slope * p.human + row.intercept) for p in row.points
    ]
    found.sort(key=lambda o: (-abs(o.tool - o.expected), o.name))
    return found[:count]


def render_html(calibration: Calibration) -> str:
    """The self-contained HTML report (see the module docstring)."""
    import jinja2

    template_text = (
        resources.files(__package__ or "transcript_tool.calibrate")
        .joinpath("report.html.j2")
        .read_text(encoding="utf-8")
    )
    environment = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    environment.filters["num"] = number
    environment.filters["ci"] = lambda row, which: interval(
        getattr(row, which), getattr(row, f"{which}_ci")
    )
    environment.filters["limits"] = limits
    environment.filters["unscored"] = unscored_names
    environment.globals["unproven"] = unproven_note
    environment.filters["counted"] = counted
    environment.filters["agree"] = agree
    template = environment.from_string(template_text)
    sections = [(row, plot(row), outliers(row)) for row in calibration.rows]
    return template.render(
        c=calibration,
        not_better=not_better_held_out(calibration),
        ratings_name=PurePath(calibration.ratings).name,
        sections=sections,
        samples=BOOTSTRAP_SAMPLES,
    )
