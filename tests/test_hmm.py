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


def test_two_speakers_survive_evidence_far_beyond_what_exp_can_hold() -> None:
    """A long unit can score thousands of log-units for one speaker: the
    two-speaker path rescales instead of exponentiating the log-scores, so
    nothing overflows or divides by zero, and the evidence still decides."""
    emission = [[-2000.0, 0.0], [-3000.0, 0.0], [0.0, 0.0], [-1500.0, 0.0]]
    stay = [math.log(0.9)] * 3
    switch = [math.log(0.1)] * 3
    # the first speaker forced, as --interviewer-first does, against a first
    # unit that sounds like the other speaker
    posterior, change = forward_backward([0.0, -1e6], emission, stay, switch)
    assert all(math.isfinite(p) for row in posterior for p in row)
    assert [max(range(2), key=row.__getitem__) for row in posterior] == [0, 1, 1, 1]
    # the neutral third unit is the first speaker's only through two switches
    assert change == pytest.approx([1.0, 0.01 / 0.82, 0.01 / 0.82])
    forced, _ = forward_backward([0.0, -1e6], [[-800.0, 0.0], [0.0, 0.0]], stay[:1], switch[:1])
    assert forced[0] == pytest.approx([1.0, 0.0])


def test_two_speakers_match_the_general_recursion_on_a_long_chain() -> None:
    """The two-speaker path and the general one agree on a chain long enough
    for the scaled recursion's rounding to add up."""
    from transcript_tool.segment.hmm import _any_states

    rng = random.Random(7)
    units = 3000
    emission = [[rng.uniform(-30.0, 30.0), rng.uniform(-30.0, 30.0)] for _ in range(units)]
    changes = [rng.uniform(1e-6, 1 - 1e-6) for _ in range(units - 1)]
    stay = [math.log(1 - c) for c in changes]
    switch = [math.log(c) for c in changes]
    fast, fast_change = forward_backward([0.0, 0.0], emission, stay, switch)
    slow, slow_change = _any_states([0.0, 0.0], emission, stay, switch)
    for got, want in zip(fast, slow, strict=True):
        assert got == pytest.approx(want, abs=1e-9)
    assert fast_change == pytest.approx(slow_change, abs=1e-9)
