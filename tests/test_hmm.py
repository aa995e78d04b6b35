"""The decoder's forward-backward (segment/hmm.py) against brute force: every
speaker sequence of a short chain enumerated and weighed."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from transcript_tool.segment.hmm import forward_backward


def brute_force(
    prior: list[float], emission: list[list[float]], stay: list[float], switch: list[float]
) -> tuple[list[list[float]], list[float]]:
    """Posteriors and change probabilities by summing over all state paths
    (a path's weight: prior, emissions, and per cut ``stay`` or ``switch``)."""
    states, units = len(prior), len(emission)
    posterior = [[0.0] * states for _ in range(units)]
    change = [0.0] * (units - 1)
    total = 0.0
    for path in itertools.product(range(states), repeat=units):
        log_weight = prior[path[0]] + sum(emission[u][k] for u, k in enumerate(path))
        for u in range(units - 1):
            log_weight += stay[u] if path[u] == path[u + 1] else switch[u]
        weight = math.exp(log_weight)
        total += weight
        for u, k in enumerate(path):
            posterior[u][k] += weight
        for u in range(units - 1):
            if path[u] != path[u + 1]:
                change[u] += weight
    return [[p / total for p in row] for row in posterior], [c / total for c in change]


@pytest.mark.parametrize("states", [2, 3])
@pytest.mark.parametrize("seed", range(5))
def test_posteriors_and_changes_match_brute_force(states: int, seed: int) -> None:
    """Two speakers take a faster path than three or more; both must give the
    probabilities that summing over every path gives."""
    rng = random.Random(seed)
    units = rng.randint(1, 6)
    prior = [math.log(1 / states)] * states
    emission = [[rng.uniform(-8.0, 2.0) for _ in range(states)] for _ in range(units)]
    changes = [rng.uniform(0.01, 0.99) for _ in range(units - 1)]
    stay = [math.log(1 - c) for c in changes]
    switch = [math.log(c / (states - 1)) for c in changes]
    posterior, change = forward_backward(prior, emission, stay, switch)
    want_posterior, want_change = brute_force(prior, emission, stay, switch)
    assert len(posterior) == units and len(change) == units - 1
    for row, want in zip(posterior, want_posterior, strict=True):
        assert row == pytest.approx(want, abs=1e-9)
    assert change == pytest.approx(want_change, abs=1e-9)
