"""Forward-backward for a hidden Markov model whose states are speakers.

Log space, pure Python: the decoder runs it over units (a few per sentence),
with at most a handful of states, where numpy's per-call overhead would cost
more than it saves.
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
