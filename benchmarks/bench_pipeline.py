"""Throughput of the whole pipeline (read, analyze, score) on real interviews.

Uses the bundled samples, and when ../shared/corpora is present the MIT mock
job interviews and the Anthropic research interviews (relabeled as in
eval_roles.py). Prints words per second for each stage and in total, and the
time to build the spaCy pipeline (paid once per process).

    python benchmarks/bench_pipeline.py [--corpora ../shared/corpora] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from eval_roles import anthropic_interviews, mit_interviews, relabel

from transcript_tool import analyze, load_rubric, score
from transcript_tool.nlp import get_nlp
from transcript_tool.readers import read_text

ROOT = Path(__file__).resolve().parents[1]


def load_texts(corpora: Path) -> list[tuple[str, str]]:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "samples").iterdir())]
    if corpora.is_dir():
        for key, turns in [*mit_interviews(corpora), *anthropic_interviews(corpora)]:
            texts.append((key, relabel(turns, key)[0]))
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the texts (best kept)")
    args = parser.parse_args()

    started = time.perf_counter()
    get_nlp()
    print(f"pipeline build: {time.perf_counter() - started:.2f} s")
    rubric = load_rubric("default")
    texts = load_texts(args.corpora)
    words = sum(len(text.split()) for _, text in texts)
    print(f"{len(texts)} transcripts, {words} words")

    best: dict[str, float] = {}
    for _ in range(args.repeat):
        spent = {"read": 0.0, "analyze": 0.0, "score": 0.0}
        for name, text in texts:
            t0 = time.perf_counter()
            transcript = read_text(text, name)
            t1 = time.perf_counter()
            analysis = analyze(transcript)
            t2 = time.perf_counter()
            score(analysis, rubric)
            t3 = time.perf_counter()
            spent["read"] += t1 - t0
            spent["analyze"] += t2 - t1
            spent["score"] += t3 - t2
        spent["total"] = sum(spent.values())
        best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
    for stage, seconds in best.items():
        print(f"{stage:>8}: {seconds:7.2f} s  {words / seconds:10,.0f} words/s")
    print(f"per transcript: {1000 * best['total'] / len(texts):.1f} ms on average")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
