"""Training the gap model's three heads (:mod:`.gaps`): one pass of
minibatch AdaGrad on the log loss over hashed features, the learning rate
per head in :data:`RATES`. ``benchmarks/train_segmenter.py`` trains the
shipped weights with it; docs/segmentation.md, "Training", has the settings
tried and the figures."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from . import structure as structural
from .gaps import SPELLINGS_VERSION, GapModel, features, head_columns, sigmoid


@dataclass(frozen=True)
class TrainingStream:
    """Normalised words with the truth for the gaps around them.

    ``sentence[i]``: 0 none, 1 statement end, 2 question end after word i;
    ``change[i]``: the speaker changes after word i; ``role[i]``: 1 when word i
    is the interviewer's, 0 the candidate's, -1 unknown.
    """

    words: Sequence[str]
    sentence: Sequence[int]
    change: Sequence[bool]
    role: Sequence[int]


RATES: dict[str, float] = {"sentence": 0.3, "change": 0.4, "role": 0.6}
"""AdaGrad learning rate per head (one pass), chosen on the held-out split.
The sentence and change rates by ``benchmarks/eval_gap_heads.py``: a
sentence rate of 0.15 ranks sentence ends a little better but hears fewer
questions (question-end F1 on SwDA 0.160 -> 0.120). The role rate by the
decoder's WDER (``eval_segmentation.py --setting heldout``): the role head's
log-odds are the decoder's evidence of who speaks, and 0.6 gave lower WDER
than 0.3 on the three interview corpora (MIT 2.0 -> 1.6 %, Changelog 30.4 ->
29.9 %, project 28.1 -> 27.3 %); 1.0 was no better, 0.1 worse."""


def train(
    streams: Iterable[TrainingStream],
    *,
    bits: int = 19,
    epochs: int = 1,
    rates: dict[str, float] | None = None,
    batch: int = 2048,
    seed: int = 0,
    meta: dict[str, str] | None = None,
    structure: bool = True,
    spellings: bool = True,
) -> GapModel:
    """Fit the three heads by minibatch AdaGrad on the log loss.

    The sentence and change heads learn from the gaps between words, the role
    head from the gap before each word whose role is known. ``rates`` overrides
    the heads' learning rates (:data:`RATES`); ``structure`` adds the
    structural features (:mod:`.structure`) to the heads that read them
    (:data:`.structure.HEADS`: the role head); ``spellings`` reads the
    variants of :data:`SPELLINGS` as the words they spell.

    One pass over the data is the default because more overfit: on the
    held-out split, three passes at the same rates gave lower sentence,
    change and role figures than one, on every corpus (docs/segmentation.md,
    "Training").
    """
    unknown = sorted(set(rates or {}) - set(RATES))
    if unknown:
        raise ValueError(f"no head named {', '.join(unknown)}; the heads are {', '.join(RATES)}")
    rows_list, sentence_list, change_list, role_list = [], [], [], []
    for stream in streams:
        n = len(stream.words)
        if n < 2:
            continue
        rows = features(stream.words, bits, structure, spellings)
        rows_list.append(rows[1:n])
        sentence_list.append(np.asarray(stream.sentence[: n - 1], dtype=np.int64))
        change_list.append(np.asarray(stream.change[: n - 1], dtype=np.float32))
        role_list.append(np.asarray(stream.role[1:n], dtype=np.float32))
        # the first word's role comes from gap 0, which has no sentence/change truth
        rows_list.append(rows[:1])
        sentence_list.append(np.array([-1]))
        change_list.append(np.array([-1.0], dtype=np.float32))
        role_list.append(np.asarray(stream.role[:1], dtype=np.float32))
    rows = np.concatenate(rows_list)
    y_sentence = np.concatenate(sentence_list)
    y_change = np.concatenate(change_list)
    y_role = np.concatenate(role_list)
    size = 1 << bits
    heads = {
        "sentence": np.zeros((size, 3), dtype=np.float32),
        "change": np.zeros((size, 1), dtype=np.float32),
        "role": np.zeros((size, 1), dtype=np.float32),
    }
    rate = {**RATES, **(rates or {})}
    history = {name: np.full_like(w, 1e-2) for name, w in heads.items()}
    rng = np.random.default_rng(seed)
    reads = {name: head_columns(name, structure) for name in heads}
    onehot = np.eye(3, dtype=np.float32)
    for _ in range(epochs):
        order = rng.permutation(len(rows))
        for begin in range(0, len(order), batch):
            pick = order[begin : begin + batch]
            r = rows[pick]
            for name, w in heads.items():
                if name == "sentence":
                    keep = y_sentence[pick] >= 0
                else:
                    target = (y_change if name == "change" else y_role)[pick]
                    keep = target >= 0
                if not keep.any():
                    continue
                rk = r[keep][:, reads[name]]
                logits = w[rk].sum(axis=1)
                if name == "sentence":
                    logits -= logits.max(axis=1, keepdims=True)
                    p = np.exp(logits)
                    p /= p.sum(axis=1, keepdims=True)
                    grad = p - onehot[y_sentence[pick][keep]]
                else:
                    grad = sigmoid(logits) - target[keep, None]
                unique, inverse = np.unique(rk.ravel(), return_inverse=True)
                summed = np.zeros((len(unique), w.shape[1]), dtype=np.float32)
                np.add.at(summed, inverse, np.repeat(grad, rk.shape[1], axis=0))
                history[name][unique] += summed**2
                w[unique] -= rate[name] * summed / np.sqrt(history[name][unique])
    return GapModel(
        bits=bits,
        sentence=heads["sentence"],
        change=heads["change"][:, 0],
        role=heads["role"][:, 0],
        meta={
            **(meta or {}),
            **({"structure": structural.VERSION} if structure else {}),
            **({"spellings": SPELLINGS_VERSION} if spellings else {}),
        },
    )
