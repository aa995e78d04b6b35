"""Analysis + Rubric -> Report: run each criterion's metric, place the value in
a band, fill the band's feedback, and combine the scores."""

from __future__ import annotations

from collections.abc import Sequence

from .metrics import get_metric
from .model import Analysis, CriterionResult, Evidence, MetricResult, Report
from .rubric import Criterion, Rubric

NOT_SCORED = "not scored"


class _Number(float):
    """A number for feedback templates: ``{filler_rate}`` shows 4.5 or 12 (no
    trailing .0), while ``{filler_rate:.2f}`` still formats as asked."""

    def __format__(self, spec: str) -> str:
        if spec:
            return format(float(self), spec)
        return f"{round(float(self), 1):g}"


def score(analysis: Analysis, rubric: Rubric) -> Report:
    """Score every criterion; ``overall`` is the weighted mean of the criteria
    that could be scored (None when none could)."""
    results = tuple(score_criterion(analysis, criterion) for criterion in rubric.criteria)
    return Report(
        analysis=analysis,
        rubric=rubric.name,
        rubric_version=rubric.version,
        criteria=results,
        overall=overall_score(results),
    )


def score_criterion(analysis: Analysis, criterion: Criterion) -> CriterionResult:
    result = get_metric(criterion.metric)(analysis, criterion.params)
    if result.value is None:
        return CriterionResult(
            id=criterion.id,
            title=criterion.title,
            metric=criterion.metric,
            weight=criterion.weight,
            value=None,
            score=None,
            band=NOT_SCORED,
            feedback=f"Not scored: {result.reason}.",
            evidence=result.evidence,
            details=result.details,
            reason=result.reason,
        )
    band = criterion.band_for(result.value)
    points = band.score if band.score is not None else min(100.0, max(0.0, result.value))
    return CriterionResult(
        id=criterion.id,
        title=criterion.title,
        metric=criterion.metric,
        weight=criterion.weight,
        value=result.value,
        score=round(points, 1),
        band=band.band,
        feedback=fill_feedback(band.feedback, result, points, band.band),
        evidence=result.evidence,
        details=result.details,
    )


def fill_feedback(template: str, result: MetricResult, points: float, band: str) -> str:
    """The band's feedback with its placeholders filled (validated at rubric load)."""
    values: dict[str, object] = {name: _Number(v) for name, v in result.details.items()}
    values.update(
        value=_Number(result.value or 0.0),
        score=_Number(points),
        band=band,
        quote=_headline_quote(result.evidence),
    )
    return template.format_map(values)


def _headline_quote(evidence: Sequence[Evidence]) -> str:
    for wanted in ("improvement", "strength", "neutral"):
        for item in evidence:
            if item.polarity == wanted:
                return item.quote
    return ""


def overall_score(results: Sequence[CriterionResult]) -> float | None:
    scored = [(r.score, r.weight) for r in results if r.score is not None and r.weight > 0]
    total = sum(weight for _, weight in scored)
    if not total:
        return None
    return round(sum(s * w for s, w in scored) / total, 1)
