"""Throughput of ``transcript-tool batch`` with 1 and 2 worker processes.

Writes N transcripts (default 200) into a temporary folder by cycling through
the bundled samples (every format, so the batch is mixed); a labeled plain-text
sample gets a different ``[<uuid>]`` id line in each copy. Then runs the batch
engine (``run_batch``, as the command does: pipeline build and worker start-up
included) once per worker count and prints files/s, words/s, the speed-up
over one worker, whether the outputs are byte-identical, and the peak RSS of
this process and of its worker processes.

    python benchmarks/bench_batch.py [--files 200] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

from transcript_tool import read_transcript
from transcript_tool.batch import BatchOptions, run_batch
from transcript_tool.errors import TranscriptToolError

ROOT = Path(__file__).resolve().parents[1]


def _with_id(text: str, number: int) -> str:
    """``text`` with an ``[<uuid>] Interview summary:`` header for copy ``number``."""
    lines = text.split("\n")
    if lines and lines[0].startswith("["):
        lines = lines[1:]
    return f"[{uuid.UUID(int=number)}] Interview summary:\n\n" + "\n".join(lines)


def _takes_an_id(sample: Path) -> bool:
    """Whether a copy of ``sample`` with an id line reads as the same transcript."""
    try:
        original = read_transcript(sample)
        if original.format != "text" or original.roles_inferred:
            return False
        varied = sample.with_name(f".{sample.name}.bench")
        varied.write_text(_with_id(sample.read_text(encoding="utf-8"), 1), encoding="utf-8")
        try:
            copy = read_transcript(varied)
        finally:
            varied.unlink()
    except (TranscriptToolError, UnicodeDecodeError):
        return False
    return copy.id == str(uuid.UUID(int=1)) and len(copy.turns) == len(original.turns)


def generate(folder: Path, count: int) -> None:
    """``count`` transcripts in ``folder`` (10 subfolders), cycling through the samples."""
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.is_file())
    scratch = Path(tempfile.mkdtemp())
    try:
        checked = {}
        for sample in samples:
            shutil.copy(sample, scratch / sample.name)
            checked[sample.name] = _takes_an_id(scratch / sample.name)
    finally:
        shutil.rmtree(scratch)
    for number in range(count):
        sample = samples[number % len(samples)]
        target = folder / f"{number % 10}" / f"{number:05d}-{sample.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        if checked[sample.name]:
            text = _with_id(sample.read_text(encoding="utf-8"), number)
            target.write_text(text, encoding="utf-8")
        else:
            shutil.copy(sample, target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200, help="transcripts to generate")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "transcripts"
        generate(folder, args.files)
        print(f"{args.files} transcripts from {len(list((ROOT / 'samples').iterdir()))} samples")
        outputs: dict[int, bytes] = {}
        rates: dict[int, float] = {}
        for workers in args.workers:
            out = Path(tmp) / f"results-{workers}.csv"
            started = time.perf_counter()
            result = run_batch(BatchOptions(paths=(str(folder),), out=str(out), workers=workers))
            seconds = time.perf_counter() - started
            words = result.summary["words"]
            outputs[workers] = out.read_bytes()
            rates[workers] = args.files / seconds
            print(
                f"workers {workers}: {seconds:6.1f} s  {args.files / seconds:6.1f} files/s  "
                f"{words / seconds:9,.0f} words/s  ({words:,} words, "
                f"{len(result.errors)} failed)"
            )
        base = args.workers[0]
        for workers in args.workers[1:]:
            print(f"speed-up {base} -> {workers} workers: {rates[workers] / rates[base]:.2f}x")
        same = len(set(outputs.values())) == 1
        print(f"outputs byte-identical across worker counts: {'yes' if same else 'NO'}")
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale / 2**20
    print(f"peak RSS: this process {own:.0f} MiB, largest worker {children:.0f} MiB")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
