"""The long fuzz run (issue 9): the properties of ``tests/test_fuzz.py``, many
examples per reader, in batches.

For every target (each reader forced, "auto" for format detection, and the
raw-caption segmenter) it runs ``--examples`` hypothesis examples in batches
of ``--batch`` (a fresh seed per batch keeps hypothesis's memory of the run
bounded and lets a run go on after a failure), then prints per target: the
examples run, the failures found (distinct by exception and first line), the
wall time and the slowest single example. Each failure is printed with its
input (the generators are seeded: a failure is not shrunk) as soon as its
target is done. Exit 1 when any failed.

    nice -n 19 python benchmarks/fuzz_readers.py [--examples 100000] [--batch 5000]
        [--targets text vtt ...] [--seed 0] [--jobs 1]

Run it at low priority on a shared machine: it keeps a core busy for about
ten minutes per target at 100,000 examples.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
import traceback
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from hypothesis import seed as hypothesis_seed

ROOT = Path(__file__).resolve().parents[1]


def load_properties() -> ModuleType:
    """tests/test_fuzz.py as a module (the tests are not a package). Its own
    helpers (``pdfmake``) are imported from tests/, as pytest finds them."""
    tests = str(ROOT / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    spec = importlib.util.spec_from_file_location("test_fuzz", ROOT / "tests" / "test_fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["test_fuzz"] = module
    spec.loader.exec_module(module)
    return module


@dataclass
class Outcome:
    """One target's run."""

    target: str
    examples: int = 0
    seconds: float = 0.0
    slowest: float = 0.0
    failures: dict[str, str] = field(default_factory=dict)  # summary -> full report


def summary(error: BaseException) -> list[tuple[str, str]]:
    """(summary, full report) of each failure in ``error``. The summary names
    the exception and the innermost line of the project that raised it (the
    failed assertion, or the reader's line), so one bug found with many
    inputs counts once."""
    inner = getattr(error, "exceptions", None)  # an ExceptionGroup: several distinct bugs
    if isinstance(inner, tuple):
        return [item for each in inner for item in summary(each)]
    frames = [
        f"{Path(frame.filename).name}:{frame.lineno}"
        for frame in traceback.extract_tb(error.__traceback__)
        if "transcript_tool" in frame.filename or "test_fuzz" in frame.filename
    ]
    where = frames[-1] if frames else "?"
    first = (str(error).strip().splitlines() or [""])[0][:100]
    report = "".join(traceback.format_exception(error))
    notes = "\n".join(getattr(error, "__notes__", []))
    return [(f"{type(error).__name__} at {where}", f"{first}\n{report}\n{notes}")]


def fuzz(target: str, examples: int, batch: int, first_seed: int) -> Outcome:
    """Run ``examples`` examples of ``target`` in batches; failures are collected."""
    module = load_properties()
    outcome = Outcome(target)
    started = time.perf_counter()
    run = 0
    while module.TALLY.examples[target] < examples:
        size = min(batch, examples - module.TALLY.examples[target])
        settings = module.profile(size, fast=True, database=None)
        check = hypothesis_seed(first_seed + run)(settings(module.fuzz_property(target, fast=True)))
        before = module.TALLY.examples[target]
        try:
            check()
        except Exception as error:
            for line, report in summary(error):
                outcome.failures.setdefault(line, report)
        run += 1
        if module.TALLY.examples[target] == before:  # nothing left to generate
            break
    outcome.seconds = time.perf_counter() - started
    outcome.examples = module.TALLY.examples[target]
    outcome.slowest = module.TALLY.slowest.get(target, 0.0)
    return outcome


def print_outcomes(outcomes: Sequence[Outcome]) -> None:
    """The table: examples, failures (printed as each target finished), time."""
    print(f"\n{'target':<12} {'examples':>9} {'failures':>8} {'time':>9} {'slowest':>9}")
    for o in outcomes:
        print(
            f"{o.target:<12} {o.examples:>9,} {len(o.failures):>8} "
            f"{o.seconds:>8.0f}s {o.slowest:>8.2f}s"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    module = load_properties()
    parser.add_argument("--examples", type=int, default=module.LONG_EXAMPLES)
    parser.add_argument("--batch", type=int, default=5_000, help="examples per hypothesis run")
    parser.add_argument("--targets", nargs="*", default=list(module.FUZZ_TARGETS))
    parser.add_argument("--seed", type=int, default=0, help="seed of the first batch")
    parser.add_argument("--jobs", type=int, default=1, help="targets fuzzed at once")
    args = parser.parse_args()
    unknown = set(args.targets) - set(module.FUZZ_TARGETS)
    if unknown:
        parser.error(f"unknown targets {sorted(unknown)}; known: {', '.join(module.FUZZ_TARGETS)}")
    command = " ".join(sys.argv)
    print(
        f"{command}\n{args.examples:,} examples per target, batches of {args.batch:,}", flush=True
    )
    outcomes: list[Outcome] = []
    with ProcessPoolExecutor(max(1, args.jobs)) as pool:
        running = [
            pool.submit(fuzz, target, args.examples, args.batch, args.seed)
            for target in args.targets
        ]
        for future in as_completed(running):
            done = future.result()
            outcomes.append(done)
            print(
                f"  {done.target}: {done.examples:,} examples, {len(done.failures)} failures, "
                f"{done.seconds:.0f} s",
                flush=True,
            )
            for line, report in done.failures.items():
                print(f"\n=== {done.target}: {line}\n{report}", flush=True)
    outcomes.sort(key=lambda o: args.targets.index(o.target))
    print_outcomes(outcomes)
    return 1 if any(o.failures for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
