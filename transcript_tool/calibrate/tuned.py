"""``calibrate --fit --out tuned.yaml``: the fitted rubric as a small override file.

The file ``extends`` the rubric that was calibrated (a built-in by name, a
file by its path relative to the tuned file, so the pair can be moved
together) and overrides only what was fitted: the bands of a criterion whose
thresholds changed (labels, scores and feedback copied, since a criterion's
bands are replaced as a whole) and the weights that changed. It is validated
with :func:`transcript_tool.rubric.load_rubric` while still a temporary file,
and moved into place only when it loads.
"""

from __future__ import annotations

import math
import os
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import UsageError
from ..rubric import Criterion, Rubric, builtin_rubrics

if TYPE_CHECKING:
    from .run import Calibration


def extends_for(base: str, rubric: Rubric, out: Path) -> str:
    """How the tuned file at ``out`` names its base: a built-in's name, else the
    rubric file's path relative to ``out``'s folder (forward slashes)."""
    looks_like_path = "/" in base or "\\" in base or base.endswith((".yaml", ".yml"))
    if not looks_like_path and base in builtin_rubrics():
        return base
    source = Path(rubric.source).resolve()
    folder = out.resolve().parent
    try:
        return PurePath(os.path.relpath(source, folder)).as_posix()
    except ValueError:  # another drive (Windows)
        return source.as_posix()


def _band_dicts(criterion: Criterion, thresholds: tuple[float, ...]) -> list[dict[str, Any]]:
    key = "min" if criterion.direction == "higher" else "max"
    bands: list[dict[str, Any]] = []
    for position, band in enumerate(criterion.bands):
        item: dict[str, Any] = {"band": band.band}
        if position < len(thresholds):
            item[key] = _number(thresholds[position])
        elif getattr(band, key) is not None:
            item[key] = _number(getattr(band, key))
        if band.score is not None:
            item["score"] = _number(band.score)
        item["feedback"] = band.feedback
        bands.append(item)
    return bands


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(float(value), 3)


def tuned_data(calibration: Calibration, base: str, out: Path) -> dict[str, Any]:
    """The tuned rubric as plain data (see the module docstring)."""
    rubric = calibration.rubric
    changes: dict[str, dict[str, Any]] = {}
    for fit in calibration.thresholds:
        if fit.fitted != fit.original:
            criterion = rubric.criterion(fit.criterion)
            changes.setdefault(fit.criterion, {})["bands"] = _band_dicts(criterion, fit.fitted)
    if calibration.weights is not None:
        weights = calibration.weights
        for cid, before, after in zip(
            weights.criteria, weights.original, weights.fitted, strict=True
        ):
            if not math.isclose(before, after):
                changes.setdefault(cid, {})["weight"] = _number(after)
    what = "band thresholds" + (" and weights" if calibration.weights is not None else "")
    data: dict[str, Any] = {
        "name": f"{rubric.name}-tuned",
        "version": rubric.version,
        "description": (
            f"{rubric.name} with its {what} fitted to the human ratings in "
            f"{PurePath(calibration.ratings).name} by transcript-tool calibrate."
        ),
        "extends": extends_for(base, rubric, out),
    }
    criteria = []
    for criterion in rubric.criteria:  # in the base's order
        if criterion.id in changes:
            item = {"id": criterion.id}
            item.update(sorted(changes[criterion.id].items(), key=lambda kv: kv[0] != "weight"))
            criteria.append(item)
    if criteria:
        data["criteria"] = criteria
    return data


def tuned_text(calibration: Calibration, base: str, out: Path) -> str:
    """The tuned rubric's YAML, with a header of the cross-validated figures."""
    lines = [
        f"# Tuned by `transcript-tool calibrate` against {PurePath(calibration.ratings).name}",
        f"# ({calibration.folds}-fold cross-validation, seed {calibration.seed}). "
        "Held-out figures:",
    ]
    for fit in calibration.thresholds:
        lines.append(
            f"#   {fit.criterion}: quadratic kappa {_fmt(fit.kappa_original)} with the "
            f"original bands, {_fmt(fit.kappa_heldout)} held-out with fitted ones (n {fit.n})"
        )
    if calibration.weights is not None:
        w = calibration.weights
        lines.append(
            f"#   overall: Spearman {_fmt(w.rho_original)} with the original weights, "
            f"{_fmt(w.rho_heldout)} held-out with fitted ones (n {w.n})"
        )
    data = tuned_data(calibration, base, out)
    if "criteria" not in data:
        lines.append("# Nothing changed: the fitted thresholds and weights are the original ones.")
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)
    return "\n".join(lines) + "\n" + body


def _fmt(value: float) -> str:
    return "n/a" if not math.isfinite(value) else f"{value:.2f}"


def write_tuned(calibration: Calibration, out: Path, base: str) -> Rubric:
    """Write the tuned rubric atomically after checking that it loads; the
    loaded rubric is returned. A rubric that does not load is a bug: the
    error propagates and ``out`` is left as it was."""
    from ..batch.output import AtomicFile
    from ..rubric import load_rubric

    text = tuned_text(calibration, base, out)
    file = AtomicFile(out)
    if file.temp is None:  # a pipe or a device: the rubric could not be checked
        file.discard()
        raise UsageError(f"--out {out}: not a regular file; a tuned rubric is written to a file")
    try:
        assert file.handle is not None
        file.handle.write(text)
        file.handle.close()
        file.handle = None
        load_rubric(str(file.temp.resolve()))
    except BaseException:
        file.discard()
        raise
    file.commit()
    return load_rubric(str(out))
