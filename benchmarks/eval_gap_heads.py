"""How well each head of the gap model does on its own, on the held-out split.

    python benchmarks/eval_gap_heads.py                      # the shipped training settings
    python benchmarks/eval_gap_heads.py --epochs 3 --rate sentence=0.3 --rate change=0.3

Trains the gap model (``transcript_tool/segment/gaps.py``) on the training split
of all five corpora with the given passes and learning rates, then prints per
held-out corpus, word by word and without the decoder:

- sentence ends: F1 at the shipped threshold (``SENTENCE_END``) and the best F1
  over all thresholds (how well the head ranks the gaps);
- question ends: F1 of the rule the tools use (a sentence ends and "question"
  outscores "statement");
- speaker changes: F1 at 0.5 and the best F1 over all thresholds;
- roles: the share of words whose role the head gets right at 0.5.

This is how the training settings in ``training.RATES`` were chosen; the decoder's
figures come from ``eval_segmentation.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import caption_corpora  # noqa: E402
from caption_corpora import CORPORA, PROJECT, LabeledStream, held_out_split  # noqa: E402
from segmentation_metrics import best_f1, flag_f1  # noqa: E402
from train_segmenter import to_training  # noqa: E402

from transcript_tool.segment.gaps import SENTENCE_END, GapModel  # noqa: E402
from transcript_tool.segment.training import RATES, train  # noqa: E402


def head_figures(model: GapModel, streams: Sequence[LabeledStream]) -> dict[str, float]:
    """The figures of one corpus's held-out streams (see the module docstring)."""
    ends, end_p, questions, asked, changes, change_p, roles, role_p = ([] for _ in range(8))
    for stream in streams:
        n = len(stream.words)
        scores = model.predict(list(stream.words))
        inner = scores.sentence[1:n]  # the gaps after words 0 .. n-2
        ends.append(np.asarray(stream.sentence_end[: n - 1]))
        end_p.append(1.0 - inner[:, 0])
        questions.append(np.asarray(stream.question_end[: n - 1]))
        asked.append((inner[:, 0] < 1.0 - SENTENCE_END) & (inner[:, 2] > inner[:, 1]))
        speakers = np.asarray(stream.speakers)
        changes.append(speakers[1:] != speakers[:-1])
        change_p.append(scores.change[1:n])
        if stream.roles is not None:
            roles.append(np.asarray([stream.roles[s] == "interviewer" for s in stream.speakers]))
            role_p.append(scores.role[:n])
    end, change = np.concatenate(ends).tolist(), np.concatenate(changes).tolist()
    end_score, change_score = np.concatenate(end_p), np.concatenate(change_p)
    figures = {
        "sentence F1": flag_f1(end, (end_score > SENTENCE_END).tolist()),
        "sentence best": best_f1(end, end_score.tolist()),
        "question F1": flag_f1(np.concatenate(questions).tolist(), np.concatenate(asked).tolist()),
        "change F1": flag_f1(change, (change_score > 0.5).tolist()),
        "change best": best_f1(change, change_score.tolist()),
    }
    if roles:
        right = np.concatenate(roles) == (np.concatenate(role_p) > 0.5)
        figures["role accuracy"] = float(right.mean())
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument(
        "--rate", action="append", default=[], help=f"HEAD=RATE (defaults: {RATES})"
    )
    parser.add_argument("--corpora", type=Path, default=None)
    args = parser.parse_args(argv)
    if not caption_corpora.available(args.corpora):
        print("../shared/corpora is not present; nothing to evaluate", file=sys.stderr)
        return 2
    rates = dict(RATES)
    for setting in args.rate:
        head, _, value = setting.partition("=")
        if head not in RATES:
            parser.error(f"--rate {setting}: the heads are {', '.join(RATES)}")
        rates[head] = float(value)
    corpora = {name: caption_corpora.load(name, args.corpora) for name in (*CORPORA, PROJECT)}
    started = time.perf_counter()
    model = train(
        (to_training(s) for streams in corpora.values() for s in held_out_split(streams)[0]),
        epochs=args.epochs,
        rates=rates,
    )
    print(f"epochs {args.epochs}, rates {rates}: trained in {time.perf_counter() - started:.0f} s")
    names = ("sentence F1", "sentence best", "question F1", "change F1", "change best")
    print(f"{'corpus':22} " + " ".join(f"{name:>13}" for name in (*names, "role accuracy")))
    for corpus, streams in corpora.items():
        figures = head_figures(model, held_out_split(streams)[1])
        role = figures.get("role accuracy")
        cells = [f"{figures[name]:13.3f}" for name in names]
        cells.append(f"{role:13.3f}" if role is not None else f"{'-':>13}")
        print(f"{corpus:22} " + " ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
