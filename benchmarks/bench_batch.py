"""Throughput of ``transcript-tool batch`` with 1 and 2 worker processes.

Writes N transcripts (default 200) into a temporary folder by cycling through
the bundled samples (every format, so the batch is mixed); a labeled plain-text
sample gets a different ``[<uuid>]`` id line in each copy. When
``../shared/corpora`` is there (``--corpora``), real exports are spread
among them, each once: the caption, subtitle and JSON files of
``export-formats`` (some deliberately broken, so the errors table fills) and
``changelog-interviews`` episodes (Markdown with bold speaker names), copied
into the temporary folder only. Then runs the batch
engine (``run_batch``, as the command does: pipeline build and worker start-up
included) once per worker count and prints files/s, words/s, the speed-up
over one worker, whether the outputs are byte-identical, and the peak RSS of
this process and of its worker processes.

    python benchmarks/bench_batch.py [--files 200] [--workers 1 2] [--corpora PATH]
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
CORPORA = ROOT.parent / "shared" / "corpora"
CORPUS_FILES = {  # folder under the corpora -> which of its files (SOURCE.md never)
    "export-formats": ("*.vtt", "*.srt", "*.sbv", "*.json", "*.txt"),
    "changelog-interviews": ("*.md",),
}
CHANGELOG_EPISODES = 20  # long conversations: enough to matter, few enough to stay quick


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


def corpus_files(corpora: Path | None) -> list[Path]:
    """The real exports :func:`generate` spreads among the samples (none when
    ``corpora`` is None or missing): sorted, options files and notes left out."""
    if corpora is None or not corpora.is_dir():
        return []
    found: list[Path] = []
    for folder, patterns in CORPUS_FILES.items():
        files = sorted(
            path
            for pattern in patterns
            for path in (corpora / folder).rglob(pattern)
            if path.is_file() and "_options" not in path.stem and "metadata" not in path.parts
        )
        if folder == "changelog-interviews":
            files = files[:CHANGELOG_EPISODES]
        found.extend(files)
    return found


def generate(folder: Path, count: int, corpora: Path | None = None) -> int:
    """``count`` transcripts in ``folder`` (10 subfolders), cycling through the
    samples, with each of :func:`corpus_files` once among them, evenly spread;
    returns how many came from the corpora."""
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.is_file())
    real = corpus_files(corpora)[: count // 2]
    scratch = Path(tempfile.mkdtemp())
    try:
        checked = {}
        for sample in samples:
            shutil.copy(sample, scratch / sample.name)
            checked[sample.name] = _takes_an_id(scratch / sample.name)
    finally:
        shutil.rmtree(scratch)
    every = count / len(real) if real else 0.0
    at = {int(i * every): path for i, path in enumerate(real)}  # position -> corpus file
    copies = 0
    for number in range(count):
        target_dir = folder / f"{number % 10}"
        target_dir.mkdir(parents=True, exist_ok=True)
        if number in at:
            source = at[number]
            shutil.copy(source, target_dir / f"{number:05d}-{source.parent.name}-{source.name}")
            continue
        sample = samples[copies % len(samples)]
        copies += 1
        target = target_dir / f"{number:05d}-{sample.name}"
        if checked[sample.name]:
            text = _with_id(sample.read_text(encoding="utf-8"), number)
            target.write_text(text, encoding="utf-8")
        else:
            shutil.copy(sample, target)
    return len(at)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200, help="transcripts to generate")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--corpora", type=Path, default=CORPORA, help="real exports to mix in (if present)"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "transcripts"
        real = generate(folder, args.files, args.corpora)
        samples = len(list((ROOT / "samples").iterdir()))
        print(f"{args.files} transcripts: {real} from the corpora, the rest from {samples} samples")
        outputs: dict[int, bytes] = {}
        rates: dict[int, float] = {}
        for workers in args.workers:
            out = Path(tmp) / f"results-{workers}.csv"
            started = time.perf_counter()
            # every file generated is a transcript: the PDF sample's copies too
            options = BatchOptions(paths=(str(folder),), out=str(out), workers=workers, glob="**/*")
            result = run_batch(options)
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
