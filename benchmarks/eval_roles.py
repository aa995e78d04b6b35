"""How often role inference picks the right interviewer, on real interviews.

Corpora (from ../shared/corpora, see each SOURCE.md):
- mit-interview: mock job interviews, turns labeled Interviewer:/Interviewee:;
- anthropic-interviewer: research interviews, turns labeled Assistant:/AI: (the
  interviewer) and User: (the interviewee).

Each transcript is rewritten with the role labels replaced by two neutral
names (the interviewer's name drawn per transcript, so name order carries no
signal), read by the tool as labeled text, and the inferred roles compared
with the truth. Prints accuracy, the confidence of right and wrong calls, and
how well confidence separates them.

    python benchmarks/eval_roles.py [--corpora ../shared/corpora]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import statistics
import sys
from collections.abc import Iterator
from pathlib import Path

from transcript_tool.readers import read_text

NAMES = ("Jordan", "Riley")
csv.field_size_limit(10**9)


def mit_interviews(root: Path) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(id, [(role, text)]) from the MIT interview transcripts; unlabeled
    segments (backchannels, typos) continue the previous turn."""
    path = root / "mit-interview" / "interview_transcripts_by_turkers.dev.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            turns: list[tuple[str, str]] = []
            for segment in row["Details"].split("|"):
                match = re.match(r"\s*(Interviewer|Interviewee)\s*:\s*(.*)", segment, re.S)
                if match:
                    role = "interviewer" if match[1] == "Interviewer" else "candidate"
                    turns.append((role, match[2]))
                elif turns and segment.strip():
                    turns[-1] = (turns[-1][0], f"{turns[-1][1]} {segment}")
            yield row["Code"], turns


def anthropic_interviews(root: Path) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    folder = root / "anthropic-interviewer"
    for path in sorted(folder.glob("*_transcripts.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                turns: list[tuple[str, str]] = []
                for block in re.split(r"\n(?=(?:Assistant|AI|User):)", row["text"]):
                    match = re.match(r"(Assistant|AI|User):\s*(.*)", block, re.S)
                    if not match:
                        continue
                    role = "candidate" if match[1] == "User" else "interviewer"
                    turns.append((role, match[2]))
                yield row["transcript_id"], turns


def relabel(turns: list[tuple[str, str]], seed: str) -> tuple[str, str]:
    """Labeled text with neutral names, and the name given to the interviewer."""
    interviewer, candidate = random.Random(seed).sample(NAMES, 2)
    name = {"interviewer": interviewer, "candidate": candidate}
    lines = [f"{name[role]}: {' '.join(text.split())}" for role, text in turns if text.strip()]
    return "\n".join(lines) + "\n", interviewer


def evaluate(name: str, interviews: Iterator[tuple[str, list[tuple[str, str]]]]) -> None:
    right: list[float] = []
    wrong: list[float] = []
    for key, turns in interviews:
        text, interviewer = relabel(turns, key)
        transcript = read_text(text, f"{name}/{key}")
        picked = next((s for s in transcript.speakers if s.role == "interviewer"), None)
        confidence = picked.role_confidence if picked else 0.0
        (right if picked and picked.id == interviewer else wrong).append(confidence)
    total = len(right) + len(wrong)
    if not total:
        print(f"{name}: no transcripts found")
        return
    print(
        f"{name}: {total} interviews, interviewer picked right in {len(right)} "
        f"({100 * len(right) / total:.1f}%)"
    )
    for label, values in (("right", right), ("wrong", wrong)):
        if values:
            print(
                f"  confidence when {label}: median {statistics.median(values):.2f}, "
                f"min {min(values):.2f}, max {max(values):.2f}"
            )
    confident = [c for c in right + wrong if c >= 0.8]
    if confident:
        hits = sum(1 for c in right if c >= 0.8)
        print(
            f"  calls with confidence >= 0.80: {len(confident)} of {total}, "
            f"{100 * hits / len(confident):.1f}% right"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[2] / "shared" / "corpora"
    parser.add_argument("--corpora", type=Path, default=default)
    args = parser.parse_args()
    if not args.corpora.is_dir():
        print(f"corpora folder not found: {args.corpora}", file=sys.stderr)
        return 2
    evaluate("mit-interview", mit_interviews(args.corpora))
    evaluate("anthropic-interviewer", anthropic_interviews(args.corpora))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
