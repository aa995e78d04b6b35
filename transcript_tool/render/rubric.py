"""Rubrics as text for people: ``rubric list``, ``rubric show`` and ``rubric metrics``.

Each function returns the text to print; nothing here reads files or exits.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

import yaml

from ..metrics.base import MetricSpec, Scope
from ..rubric import Band, Criterion, Rubric
from ..wording import LISTING_WIDTH, counted

__all__ = ["render_metrics", "render_rubric", "render_rubric_list", "rubric_to_dict"]


def render_rubric_list(rubrics: Sequence[Rubric]) -> str:
    """Per rubric: name, version, number of criteria and the first sentence
    of its description, wrapped to 88 columns under itself."""
    width = max((len(r.name) for r in rubrics), default=4)
    lines = []
    for rubric in rubrics:
        summary = rubric.description.split(". ")[0].rstrip(".")
        count = counted(len(rubric.criteria), "criterion", "criteria")
        head = f"{rubric.name:<{width}}  {rubric.version:<5}  {count:<11}  "
        said = textwrap.wrap(summary, max(LISTING_WIDTH - len(head), 30), break_on_hyphens=False)
        lines.append((head + (said[0] if said else "")).rstrip())
        lines.extend(" " * len(head) + more for more in said[1:])
    return "\n".join(lines) + "\n"


def render_rubric(rubric: Rubric, metrics: dict[str, MetricSpec]) -> str:
    """The rubric as it will be applied: ``extends`` merged, params with defaults."""
    out = [f"{rubric.name} {rubric.version}  ({rubric.source})"]
    if rubric.extends:
        out.append(f"extends: {rubric.extends}")
    if rubric.description:
        out.extend(textwrap.wrap(rubric.description, 88))
    if rubric.concepts:
        out.append("")
        out.append("Concepts:")
        for concept in rubric.concepts:
            said = ", ".join(concept.synonyms) or f"{len(concept.patterns)} patterns"
            out.extend(_wrap(f"{concept.id} ({concept.label}): {said}", "  ", "      "))
            if concept.expected_when:
                asked = ", ".join(concept.expected_when)
                out.extend(_wrap(f"expected when a question says: {asked}", "    ", "      "))
            if concept.exclude:
                other = ", ".join(concept.exclude)
                out.extend(_wrap(f"not in: {other}", "    ", "      "))
    total = sum(c.weight for c in rubric.criteria) or 1.0
    for criterion in rubric.criteria:
        spec = metrics[criterion.metric]
        out.append("")
        share = 100 * criterion.weight / total
        out.append(
            f"{criterion.id}: {criterion.title}  "
            f"(weight {criterion.weight:g}, {share:.0f}% of overall)"
        )
        out.append(f"  metric: {criterion.metric} ({spec.scale}), {criterion.direction} is better")
        resolved = spec.resolve(criterion.params)
        if resolved:
            shown = ", ".join(
                f"{name}={value!r}" + ("" if name in criterion.params else " (default)")
                for name, value in resolved.items()
            )
            out.extend(_wrap("params: " + shown, "  ", "    "))
        out.extend(_wrap(f"applies to: {_scope_words(criterion.scope, spec)}", "  ", "    "))
        out.append("  bands:")
        for band in criterion.bands:
            out.append(f"    {_threshold(criterion, band):<10} {band.band}{_score(band)}")
            out.extend(
                textwrap.wrap(
                    band.feedback, 84, initial_indent="      ", subsequent_indent="      "
                )
            )
    return "\n".join(out) + "\n"


def _wrap(text: str, indent: str, hang: str) -> list[str]:
    """``text`` wrapped to :data:`LISTING_WIDTH`, its first line indented by
    ``indent`` and the rest by ``hang``; words (a pattern, a path) are never
    broken."""
    return textwrap.wrap(
        text,
        LISTING_WIDTH,
        initial_indent=indent,
        subsequent_indent=hang,
        break_on_hyphens=False,
        break_long_words=False,
    )


def render_metrics(metrics: dict[str, MetricSpec]) -> str:
    """Every registered metric: description, scale, roles, params and details."""
    out: list[str] = []
    for name in sorted(metrics):
        spec = metrics[name]
        out.append(f"{name}  ({spec.scale}; measures: {', '.join(spec.roles)})")
        out.extend(
            textwrap.wrap(
                spec.description, LISTING_WIDTH, initial_indent="  ", subsequent_indent="  "
            )
        )
        for param_name, param in spec.params.items():
            bounds = ""
            if param.minimum is not None or param.maximum is not None:
                low = "" if param.minimum is None else f"{param.minimum:g}"
                high = "" if param.maximum is None else f"{param.maximum:g}"
                bounds = f", {low}..{high}"
            if param.choices:
                bounds = ", one of " + "/".join(param.choices)
            said = f"param {param_name} ({param.kind}, default {param.default!r}{bounds}): "
            out.extend(_wrap(said + param.description, "  ", "    "))
        if spec.details:
            out.extend(
                textwrap.wrap(
                    "placeholders: " + ", ".join("{" + d + "}" for d in spec.details),
                    LISTING_WIDTH,
                    initial_indent="  ",
                    subsequent_indent="    ",
                )
            )
        out.append("")
    return "\n".join(out)


def rubric_to_dict(rubric: Rubric) -> dict[str, Any]:
    """The merged rubric as plain data (``rubric show --format yaml``): a
    stand-alone rubric with the same criteria and concepts."""
    data: dict[str, Any] = {
        "name": rubric.name,
        "version": rubric.version,
        "description": rubric.description,
    }
    if rubric.concepts:
        data["concepts"] = [
            {
                key: value
                for key, value in (
                    ("id", c.id),
                    ("label", c.label),
                    ("synonyms", list(c.synonyms)),
                    ("patterns", [list(p) for p in c.patterns]),
                    ("expected_when", list(c.expected_when)),
                    ("exclude", list(c.exclude)),
                )
                if value
            }
            for c in rubric.concepts
        ]
    data["criteria"] = [_criterion_to_dict(c) for c in rubric.criteria]
    return data


def dump_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)


def _criterion_to_dict(criterion: Criterion) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": criterion.id,
        "title": criterion.title,
        "metric": criterion.metric,
    }
    if criterion.params:
        item["params"] = dict(criterion.params)
    applies: dict[str, Any] = {}
    if criterion.scope.role:
        applies["role"] = criterion.scope.role
    if criterion.scope.intents:
        applies["intents"] = sorted(criterion.scope.intents)
    if criterion.scope.phases:
        applies["phase"] = sorted(criterion.scope.phases)
    if applies:
        item["applies_to"] = applies
    item["weight"] = criterion.weight
    item["direction"] = criterion.direction
    item["bands"] = [
        {
            key: value
            for key, value in (
                ("band", band.band),
                ("min", band.min),
                ("max", band.max),
                ("score", band.score),
                ("feedback", band.feedback),
            )
            if value is not None
        }
        for band in criterion.bands
    ]
    return item


def _scope_words(scope: Scope, spec: MetricSpec) -> str:
    who = scope.role or spec.roles[0]
    return f"the {who}'s speech in {scope.describe()}"


def _threshold(criterion: Criterion, band: Band) -> str:
    if criterion.direction == "higher":
        return "otherwise" if band.min is None else f">= {band.min:g}"
    return "otherwise" if band.max is None else f"<= {band.max:g}"


def _score(band: Band) -> str:
    return "" if band.score is None else f" (score {band.score:g})"
