"""Forward-backward for a hidden Markov model whose states are speakers.

Log space, pure Python: the decoder runs it over units (a few per sentence),
with at most a handful of states, where numpy's per-call overhead would cost
more than it saves. Two speakers, the usual case, take a shorter path of
their own (tests/test_hmm.py checks both against brute force).
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def forward_backward(
    prior: Sequence[float],
    emission: Sequence[Sequence[float]],
    stay: Sequence[float],
    switch: Sequence[float],
) -> tuple[list[list[float]], list[float]]:
    """Posterior of each state per unit, and of a change at each cut."""
    if len(prior) == 2:
        return _two_states(prior, emission, stay, switch)
    return _any_states(prior, emission, stay, switch)


def _any_states(
    prior: Sequence[float],
    emission: Sequence[Sequence[float]],
    stay: Sequence[float],
    switch: Sequence[float],
) -> tuple[list[list[float]], list[float]]:
    """:func:`forward_backward` for any number of states: at cut u a state
    goes on with log-probability ``stay[u]`` and goes to each other state
    with ``switch[u]``."""
    k_range = range(len(prior))
    units = len(emission)
    forward: list[list[float]] = []
    row = [prior[k] + emission[0][k] for k in k_range]
    forward.append(row)
    for u in range(1, units):
        prev = forward[-1]
        total = _logsumexp(prev)
        s, c = stay[u - 1], switch[u - 1]
        e = emission[u]
        row = [
            e[k] + _logaddexp(prev[k] + s, total + c + _log1mexp(prev[k] - total)) for k in k_range
        ]
        forward.append(row)
    backward: list[list[float]] = [[0.0] * len(prior) for _ in range(units)]
    for u in range(units - 2, -1, -1):
        nxt = [backward[u + 1][k] + emission[u + 1][k] for k in k_range]
        total = _logsumexp(nxt)
        s, c = stay[u], switch[u]
        backward[u] = [
            _logaddexp(nxt[k] + s, total + c + _log1mexp(nxt[k] - total)) for k in k_range
        ]
    log_z = _logsumexp(forward[-1])
    posterior = []
    for u in range(units):
        row = [forward[u][k] + backward[u][k] - log_z for k in k_range]
        posterior.append([math.exp(x) for x in row])
    change: list[float] = []
    for u in range(units - 1):
        # P(same speaker across cut u) = sum_k f[u][k] + stay + e[u+1][k] + b[u+1][k]
        same = _logsumexp(
            [forward[u][k] + stay[u] + emission[u + 1][k] + backward[u + 1][k] for k in k_range]
        )
        change.append(max(0.0, 1.0 - math.exp(same - log_z)))
    return posterior, change


def _two_states(
    prior: Sequence[float],
    emission: Sequence[Sequence[float]],
    stay: Sequence[float],
    switch: Sequence[float],
) -> tuple[list[list[float]], list[float]]:
    """:func:`forward_backward` for two speakers, where "any other state" is
    the other one: the same sums without the general case's subtraction
    (about three times as fast; the decoder runs it once per EM round)."""
    units = len(emission)
    e0, e1 = zip(*emission, strict=True) if units else ((), ())
    f0 = [0.0] * units
    f1 = [0.0] * units
    a, b = prior[0] + e0[0], prior[1] + e1[0]
    f0[0], f1[0] = a, b
    for u in range(1, units):
        s, c = stay[u - 1], switch[u - 1]
        a, b = e0[u] + _logaddexp(a + s, b + c), e1[u] + _logaddexp(b + s, a + c)
        f0[u], f1[u] = a, b
    b0 = [0.0] * units
    b1 = [0.0] * units
    a = b = 0.0
    for u in range(units - 2, -1, -1):
        n0, n1 = a + e0[u + 1], b + e1[u + 1]
        s, c = stay[u], switch[u]
        a, b = _logaddexp(n0 + s, n1 + c), _logaddexp(n1 + s, n0 + c)
        b0[u], b1[u] = a, b
    log_z = _logaddexp(f0[-1], f1[-1])
    posterior = [
        [math.exp(f0[u] + b0[u] - log_z), math.exp(f1[u] + b1[u] - log_z)] for u in range(units)
    ]
    change = [
        max(
            0.0,
            1.0
            - math.exp(
                _logaddexp(
                    f0[u] + stay[u] + e0[u + 1] + b0[u + 1],
                    f1[u] + stay[u] + e1[u + 1] + b1[u + 1],
                )
                - log_z
            ),
        )
        for u in range(units - 1)
    ]
    return posterior, change


def _logaddexp(a: float, b: float) -> float:
    if a < b:
        a, b = b, a
    return a + math.log1p(math.exp(b - a))


def _logsumexp(values: Sequence[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def _log1mexp(x: float) -> float:
    """log(1 - exp(x)) for x <= 0 (0 -> very negative)."""
    if x > -1e-12:
        return -60.0
    if x > -0.693:
        return math.log(-math.expm1(x))
    return math.log1p(-math.exp(x))
