"""Train the gap model that the raw-caption segmenter ships with.

    python benchmarks/train_segmenter.py            # writes transcript_tool/data/segmenter.npz

Training data: the *training* part (see ``caption_corpora.held_out_split``) of

- ``anthropic-interviewer`` (MIT licence) and ``changelog-interviews`` (CC BY-SA
  4.0, Changelog Media LLC), read from ../shared/corpora and never copied into
  the project;
- ``project-interviews``: the project's own labelled mock job interviews in
  ``benchmarks/data/segmenter-interviews`` (MIT, see the README there).

The project's own labeled 60-minute sample (``tests/data``) is kept out of
training: it is the test of the shipped model on a job interview.

The MIT interview corpus (no licence stated) and Switchboard (GPL) are used
only to *evaluate* (``benchmarks/eval_segmentation.py``), never for the
shipped weights. Because the weights are an adaptation of CC BY-SA material,
``segmenter.npz`` is distributed under CC BY-SA 4.0 (see docs/segmentation.md).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import caption_corpora  # noqa: E402
from caption_corpora import PROJECT, LabeledStream, held_out_split  # noqa: E402

from transcript_tool.segment.gaps import GapModel, normalize  # noqa: E402
from transcript_tool.segment.training import TrainingStream, train  # noqa: E402

SHIPPED_CORPORA = ("anthropic-interviewer", "changelog-interviews", PROJECT)
OUTPUT = ROOT / "transcript_tool" / "data" / "segmenter.npz"
SAMPLE = ROOT / "tests" / "data" / "mock-interview-60min.labeled.txt"


def to_training(stream: LabeledStream) -> TrainingStream:
    """The gap truth of one labelled stream."""
    n = len(stream.words)
    sentence = [
        2 if q else 1 if e else 0
        for e, q in zip(stream.sentence_end, stream.question_end, strict=True)
    ]
    change = [i + 1 < n and stream.speakers[i] != stream.speakers[i + 1] for i in range(n)]
    if stream.roles is None:
        role = [-1] * n
    else:
        role = [int(stream.roles[s] == "interviewer") for s in stream.speakers]
    return TrainingStream(list(stream.words), sentence, change, role)


def sample_stream() -> LabeledStream:
    """The project's own labelled sample as a stream (roles from its labels);
    never trained on, evaluated by ``eval_segmentation.py --setting shipped``."""
    text = SAMPLE.read_text("utf-8")
    words: list[str] = []
    source: list[str] = []
    speakers: list[int] = []
    ends: list[bool] = []
    questions: list[bool] = []
    labels: list[str] = []
    for label, turn_words in _sample_turns(text):
        if label not in labels:
            labels.append(label)
        for j, (caption, original) in enumerate(turn_words):
            words.append(caption)
            source.append(original)
            speakers.append(labels.index(label))
            stripped = original.rstrip("\"')]")
            ends.append(stripped.endswith((".", "?", "!")) or j == len(turn_words) - 1)
            questions.append(stripped.endswith("?"))
    roles = tuple("interviewer" if label == "Interviewer" else "candidate" for label in labels)
    return LabeledStream(
        "sample",
        SAMPLE.name,
        tuple(words),
        tuple(source),
        tuple(speakers),
        roles,
        tuple(ends),
        tuple(questions),
    )


def _sample_turns(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    turns = []
    for paragraph in text.split("\n\n"):
        label, _, body = paragraph.strip().partition(":")
        if not body:
            continue
        pairs = [(normalize(w), w) for w in body.split()]
        turns.append((label.strip(), [(c, w) for c, w in pairs if c]))
    return turns


def fit(streams: Iterable[LabeledStream], meta: dict[str, str] | None = None) -> GapModel:
    return train((to_training(s) for s in streams), meta=meta)


def shipped_training_streams(root: Path | None = None) -> list[LabeledStream]:
    streams: list[LabeledStream] = []
    for corpus in SHIPPED_CORPORA:
        part, _ = held_out_split(caption_corpora.load(corpus, root))
        streams.extend(part)
    return streams


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUTPUT)
    parser.add_argument("--corpora", type=Path, default=None, help="corpora folder")
    args = parser.parse_args(argv)
    if not caption_corpora.available(args.corpora):
        print("../shared/corpora is not present; cannot train", file=sys.stderr)
        return 2
    started = time.perf_counter()
    streams = shipped_training_streams(args.corpora)
    words = sum(len(s.words) for s in streams)
    meta = {
        "trained_on": "+".join(SHIPPED_CORPORA) + " (training split)",
        "words": str(words),
        "licence": "CC-BY-SA-4.0",
    }
    model = fit(streams, meta)
    model.save(args.out)
    size = args.out.stat().st_size
    print(
        f"trained on {len(streams)} streams, {words:,} words in "
        f"{time.perf_counter() - started:.1f} s; wrote {args.out} ({size / 1e6:.1f} MB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
