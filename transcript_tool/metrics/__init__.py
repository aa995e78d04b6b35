"""Metric registry: the names a rubric's ``metric:`` may use.

Built-in metrics are listed here, in one place; each module defines its
``SPEC`` (a :class:`~transcript_tool.metrics.base.MetricSpec`).
"""

from __future__ import annotations

from ..errors import UsageError
from .base import MetricSpec, Param, Params

__all__ = ["METRICS", "MetricSpec", "Param", "Params", "get_metric"]


def _builtin_metrics() -> dict[str, MetricSpec]:
    from . import (
        concept_coverage,
        conciseness,
        delivery,
        interruptions,
        interviewer,
        monologue,
        relevance,
        star,
        think_aloud,
        turn_taking,
    )

    specs = (
        conciseness.SPEC,
        think_aloud.SPEC,
        relevance.SPEC,
        *star.SPECS,
        concept_coverage.SPEC,
        *interviewer.SPECS,
        *delivery.SPECS,
        *monologue.SPECS,
        *turn_taking.SPECS,
        *interruptions.SPECS,
    )
    return {spec.name: spec for spec in specs}


METRICS: dict[str, MetricSpec] = _builtin_metrics()


def get_metric(name: str) -> MetricSpec:
    """The metric registered as ``name``; UsageError listing the names that exist."""
    try:
        return METRICS[name]
    except KeyError:
        available = ", ".join(sorted(METRICS))
        raise UsageError(f"unknown metric {name!r}; available: {available}") from None
