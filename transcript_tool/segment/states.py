"""The decoder's states and what it knows of them before EM
(:mod:`.diarize`): which role each state is, where EM starts (alternation at
the likely changes, or given speakers), the log-probabilities of staying or
switching at each cut, and the role head's score of each unit and of the
decode as a whole."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from .gaps import GapScores


def alternation(
    scores: GapScores,
    cuts: Sequence[int],
    units: Sequence[tuple[int, int]],
    role_emission: npt.NDArray[np.float64],
    threshold: float,
) -> list[list[float]]:
    """A starting point for EM: flip the speaker at every likely change, then
    name the two groups by which one sounds more like the interviewer."""
    parity = [0]
    for g in cuts:
        parity.append(parity[-1] ^ int(scores.change[g] > threshold))
    lean = sum(
        row[0] if par == 0 else -row[0] for row, par in zip(role_emission, parity, strict=True)
    )
    flip = int(lean < 0)
    return [[0.9, 0.1] if par ^ flip == 0 else [0.1, 0.9] for par in parity]


def started(start: Sequence[int], units: Sequence[tuple[int, int]]) -> list[list[float]]:
    """EM's starting point from a given speaker per word: each unit as most of
    its words (ties to the interviewer), held as loosely as :func:`alternation`'s."""
    rows = []
    for begin, end in units:
        candidate = sum(1 for i in range(begin, end) if start[i])
        rows.append([0.1, 0.9] if 2 * candidate > end - begin else [0.9, 0.1])
    return rows


def state_roles(speakers: int) -> tuple[str, ...]:
    """The role of each state: 0 the interviewer, 1 the candidate; one
    speaker is the candidate. (More than two are decoded as two first:
    :mod:`.panel`.)"""
    if speakers <= 1:
        return ("candidate",)
    return ("interviewer", "candidate")


def prior(speakers: int, first_role: str | None) -> list[float]:
    """Log-probabilities of the first unit's state: any, or the hinted role's."""
    if first_role == "interviewer":
        return [0.0] + [-1e6] * (speakers - 1)
    if first_role == "candidate":
        return [-1e6, 0.0] + [-1e6] * (speakers - 2)
    return [0.0] * speakers


def transitions(
    scores: GapScores, cuts: Sequence[int], speakers: int, scale: float, bias: float
) -> tuple[list[float], list[float]]:
    """Log-probabilities of staying and of switching to one given other speaker
    at each cut: the change head's log-odds times ``scale`` plus ``bias``."""
    q = np.clip(scores.change[np.asarray(cuts, dtype=np.intp)].astype(np.float64), 1e-6, 1 - 1e-6)
    z = scale * np.log(q / (1 - q)) + bias
    q = np.clip(1.0 / (1.0 + np.exp(-z)), 1e-6, 1 - 1e-6)
    return np.log(1 - q).tolist(), np.log(q / (speakers - 1)).tolist()


def logodds(probabilities: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
    """The role head's probabilities as log-odds, kept within +-9.2."""
    clipped = np.clip(probabilities.astype(np.float64), 1e-4, 1 - 1e-4)
    return np.log(clipped / (1 - clipped))


def role_emission(
    logodds: npt.NDArray[np.float64],
    units: Sequence[tuple[int, int]],
    speakers: int,
    weight: float,
) -> npt.NDArray[np.float64]:
    """Each unit's role-head score per speaker: half the weighted log-odds
    summed over its words for the interviewer's state, minus half for the
    candidate's, 0 for any other."""
    cumulative = np.concatenate([[0.0], np.cumsum(logodds)])
    bounds = np.asarray(units, dtype=np.intp).reshape(-1, 2)
    half = 0.5 * weight * (cumulative[bounds[:, 1]] - cumulative[bounds[:, 0]])
    rows = np.zeros((len(bounds), speakers))
    rows[:, 0], rows[:, 1] = half, -half
    return rows


def role_confidence(
    logodds: npt.NDArray[np.float64], word_speaker: Sequence[int], speakers: int
) -> float:
    """How clearly speaker 0 (as decoded) and speaker 1 differ in sounding
    like the interviewer: 0.5 when they sound alike, towards 1 when clear."""
    if speakers < 2:
        return 1.0
    assigned = np.asarray(word_speaker)
    means = [
        float(logodds[assigned == k].mean()) if (assigned == k).any() else 0.0 for k in range(2)
    ]
    margin = abs(means[0] - means[1])
    return round(1.0 / (1.0 + math.exp(-2.0 * margin)), 2)
