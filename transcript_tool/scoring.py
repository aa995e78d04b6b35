"""Analysis + Rubric -> Report: run each criterion's metric, place the value in
a band, fill the band's feedback, and combine the scores."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from string import Formatter

from .metrics import get_metric
from .model import Analysis, CriterionResult, Evidence, MetricResult, Report
from .rubric import Band, Criterion, Rubric
from .rubric_bands import TEXT_PLACEHOLDERS
from .timing import summarize
from .wording import TemplateNumber, noun_forms

NOT_SCORED = "not scored"


def score(analysis: Analysis, rubric: Rubric) -> Report:
    """Score every criterion; ``overall`` is the weighted mean of the criteria
    that could be scored (None when none could). Strengths and improvements
    are ordered by what they weigh in the overall score (see :func:`rank`)."""
    results = tuple(score_criterion(analysis, criterion) for criterion in rubric.criteria)
    strengths, improvements = rank(rubric, results)
    return Report(
        analysis=analysis,
        rubric=rubric.name,
        rubric_version=rubric.version,
        criteria=results,
        overall=overall_score(results),
        strengths=strengths,
        improvements=improvements,
        timing=summarize(analysis),
    )


def score_criterion(analysis: Analysis, criterion: Criterion) -> CriterionResult:
    result = get_metric(criterion.metric)(analysis, criterion.params, criterion.scope)
    if result.value is None:
        reason = result.reason or "the metric could not be computed"
        if criterion.scope.restricted:
            reason += f" (this criterion looks only at {criterion.scope.describe()})"
        return CriterionResult(
            id=criterion.id,
            title=criterion.title,
            metric=criterion.metric,
            weight=criterion.weight,
            value=None,
            score=None,
            band=NOT_SCORED,
            feedback=f"Not scored: {reason}.",
            evidence=result.evidence,
            details=result.details,
            reason=reason,
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
    values: dict[str, object] = {name: TemplateNumber(v) for name, v in result.details.items()}
    values.update(
        value=TemplateNumber(result.value or 0.0),
        score=TemplateNumber(points),
        band=band,
        quote=_headline_quote(result.evidence),
    )
    return optional_parts(template, values).format_map(values)


_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
"""An optional part of a feedback template: text in square brackets (no nesting)."""


def optional_parts(template: str, values: Mapping[str, object] | None = None) -> str:
    """``template`` with each optional part resolved: a part in square
    brackets that holds a number placeholder is left out when one of its
    ``values`` shows as 0, and kept without its brackets otherwise ("[, and
    {unanswered} not answered]"); without ``values``, every part is kept.
    Brackets around anything else are text."""
    out: list[str] = []
    rest = 0
    for match in _OPTIONAL.finditer(template):
        numbers = [
            (name, spec)
            for _, name, spec, _ in Formatter().parse(match[1])
            if name is not None and name not in TEXT_PLACEHOLDERS
        ]
        if not numbers:
            continue
        out.append(template[rest : match.start()])
        rest = match.end()
        if values is not None and any(
            _shows_zero(values[name], spec or "") for name, spec in numbers
        ):
            if out[-1].endswith(" ") and template[rest : rest + 1] in (" ", ""):
                out[-1] = out[-1][:-1]  # no double space where the part was
        else:
            out.append(match[1])
    out.append(template[rest:])
    return "".join(out)


def _shows_zero(value: object, spec: str) -> bool:
    """Whether ``value`` formatted with ``spec`` reads as zero ("0", "0.0")."""
    if noun_forms(spec) is not None:  # "0 questions": the number before the noun
        spec = ""
    try:
        return float(format(value, spec)) == 0
    except ValueError:
        return False


def _headline_quote(evidence: Sequence[Evidence]) -> str:
    for wanted in ("improvement", "strength", "neutral"):
        for item in evidence:
            if item.polarity == wanted:
                return item.quote
    return ""


def rank(
    rubric: Rubric, results: Sequence[CriterionResult]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(strengths, improvements) as criterion ids, most important first.

    A criterion scored in its rubric's best band is a strength, ordered by
    weight x its margin over the band below; any other scored criterion is an
    improvement, ordered by weight x the score it would gain by reaching the
    next band up. Ties keep rubric order; unscored criteria are in neither.
    """
    strengths: list[tuple[float, int, str]] = []
    improvements: list[tuple[float, int, str]] = []
    for position, result in enumerate(results):
        if result.score is None or result.value is None:
            continue
        criterion = rubric.criterion(result.id)
        band = next(b for b in criterion.bands if b.band == result.band)
        better = criterion.next_band(band)
        if better is None:
            worse = criterion.lower_band(band)
            margin = result.score - _band_floor(criterion, band, worse)
            strengths.append((-criterion.weight * margin, position, result.id))
        else:
            gain = _band_floor(criterion, better, band) - result.score
            improvements.append((-criterion.weight * max(0.0, gain), position, result.id))
    return (
        tuple(item[2] for item in sorted(strengths)),
        tuple(item[2] for item in sorted(improvements)),
    )


def _band_floor(criterion: Criterion, band: Band, below: Band | None) -> float:
    """The lowest score a value in ``band`` gets: its fixed score, or (for a
    metric whose value is the score) the band's threshold; the worst band's
    floor is 0 when it has neither."""
    if band.score is not None:
        return band.score
    threshold = band.min if criterion.direction == "higher" else band.max
    if threshold is None:
        return 0.0 if below is None else _band_floor(criterion, below, None)
    return min(100.0, max(0.0, threshold))


def overall_score(results: Sequence[CriterionResult]) -> float | None:
    scored = [(r.score, r.weight) for r in results if r.score is not None and r.weight > 0]
    total = sum(weight for _, weight in scored)
    if not total:
        return None
    return round(sum(s * w for s, w in scored) / total, 1)
