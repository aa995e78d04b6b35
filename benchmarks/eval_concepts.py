"""Are the concept mentions a report counts the ones the candidate made?

    python benchmarks/eval_concepts.py [--data DIR] [--errors]

Reads the labelled interviews in ``benchmarks/data/concept-interviews`` (written
by the project; see the README there): each ``labels/*.yaml`` names a transcript,
the rubric whose concepts it is judged by (a built-in name or a file in the
folder), every word of the candidate's that names a concept, with whether it
counts (a homonym, a negated or disclaimed one, an echo of the question, a
question the candidate asks, the interviewer's words do not: docs/rubrics.md,
"What counts as a mention"), and per interviewer question turn the concepts its
answer should cover.

Mentions: only the turns the tool gives the candidate are judged (the metric
reads no others). A mention the tool found is right when it overlaps, in the
same turn, a counted gold mention of the same concept; a counted gold mention is
found when a mention of the tool overlaps it. Precision, recall and F1 per
transcript and overall; the gold
mentions found per case (plain, a caption spelling, split by a filler, dismissed
with a reason); and the wrong mentions by the cause their gold label gives.

Exchanges: the (question turn, concept) pairs the tool expects against the gold
ones, precision, recall and F1; and, of the pairs both expect, how often the tool
and the gold agree on whether the answer mentioned the concept.

``--errors`` lists every wrong and missed mention and expectation.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transcript_tool import analyze, load_rubric, read_transcript  # noqa: E402
from transcript_tool.model import Analysis  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "concept-interviews"
CAUSES = ("homonym", "negated", "echo", "asked", "not_theirs", "part_of_term")
CASES = ("plain", "spelling", "split", "dismissed")


@dataclass(frozen=True)
class Gold:
    """One labelled mention: where, which concept, and whether it counts."""

    turn: int
    concept: str
    start: int
    end: int
    text: str
    counts: bool
    why: str = ""
    case: str = "plain"


@dataclass(frozen=True)
class Found:
    """A mention the tool found in a candidate turn."""

    turn: int
    concept: str
    start: int
    end: int
    text: str


@dataclass
class Tally:
    """Counts of one row of the table."""

    tool: int = 0
    right: int = 0
    gold: int = 0
    found: int = 0

    def add(self, other: Tally) -> None:
        self.tool += other.tool
        self.right += other.right
        self.gold += other.gold
        self.found += other.found

    def cells(self) -> str:
        p, r, f = prf(self.right, self.tool, self.found, self.gold)
        return (
            f"{self.gold:>5} {self.tool:>5} {self.tool - self.right:>4} "
            f"{self.gold - self.found:>4} {p:>6.3f} {r:>6.3f} {f:>6.3f}"
        )


@dataclass
class Result:
    """What one labelled transcript gives."""

    name: str
    mentions: Tally = field(default_factory=Tally)
    cases: Counter[tuple[str, bool]] = field(default_factory=Counter)
    causes: Counter[str] = field(default_factory=Counter)
    expected: Tally = field(default_factory=Tally)
    judged: int = 0
    judged_alike: int = 0
    errors: list[str] = field(default_factory=list)


def prf(right: int, called: int, found: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (1.0 for an empty side, as nothing was wrong)."""
    p = right / called if called else 1.0
    r = found / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def locate(text: str, quote: str, where: str) -> tuple[int, int]:
    """The span of ``quote`` in a turn's text (case-insensitive, the first)."""
    start = text.lower().find(quote.lower())
    if start < 0:
        raise ValueError(f"{where}: {quote!r} is not in the turn's text")
    return start, start + len(quote)


def gold_mentions(labels: dict[str, Any], analysis: Analysis, name: str) -> list[Gold]:
    turns = analysis.transcript.turns
    golds = []
    for item in labels.get("mentions") or []:
        turn = int(item["turn"])
        quote = str(item["quote"])
        start, end = locate(turns[turn].text, quote, f"{name}: turn {turn}")
        counts = bool(item.get("count", True))
        why = str(item.get("why", ""))
        if not counts and why not in CAUSES:
            raise ValueError(f"{name}: turn {turn} {quote!r}: why must be one of {CAUSES}")
        case = str(item.get("case", "plain"))
        if case not in CASES:
            raise ValueError(f"{name}: turn {turn} {quote!r}: case must be one of {CASES}")
        golds.append(Gold(turn, str(item["concept"]), start, end, quote, counts, why, case))
    return golds


def tool_mentions(analysis: Analysis) -> list[Found]:
    turns = analysis.transcript.turns
    return [
        Found(m.turn, m.concept, m.start, m.end, m.text)
        for m in analysis.mentions
        if turns[m.turn].role == "candidate"
    ]


def _overlaps(a: Gold | Found, b: Gold | Found) -> bool:
    return a.turn == b.turn and a.concept == b.concept and a.start < b.end and b.start < a.end


def score_mentions(result: Result, golds: Sequence[Gold], found: Sequence[Found]) -> None:
    counted = [g for g in golds if g.counts]
    for mention in found:
        result.mentions.tool += 1
        if any(_overlaps(mention, g) for g in counted):
            result.mentions.right += 1
            continue
        cause = next((g.why for g in golds if not g.counts and _overlaps(mention, g)), "")
        cause = cause or "unlabelled"
        result.causes[cause] += 1
        result.errors.append(
            f"  wrong  turn {mention.turn:>3} {mention.concept:<22} {mention.text!r} ({cause})"
        )
    for gold in counted:
        result.mentions.gold += 1
        hit = any(_overlaps(gold, m) for m in found)
        result.cases[(gold.case, hit)] += 1
        if hit:
            result.mentions.found += 1
        else:
            result.errors.append(
                f"  missed turn {gold.turn:>3} {gold.concept:<22} {gold.text!r} ({gold.case})"
            )


def score_exchanges(
    result: Result, labels: dict[str, Any], analysis: Analysis, golds: Sequence[Gold]
) -> None:
    gold_pairs = {
        (int(turn), str(c)) for turn, cs in (labels.get("expected") or {}).items() for c in cs
    }
    tool_pairs: set[tuple[int, str]] = set()
    said: dict[tuple[int, str], bool] = {}
    for concepts in analysis.exchange_concepts:
        exchange = analysis.exchanges[concepts.exchange]
        for concept in concepts.expected:
            pair = (exchange.question_turn, concept)
            tool_pairs.add(pair)
            said[pair] = said.get(pair, False) or concept in concepts.mentioned
            answers = set(exchange.answer_turns)
            truth = any(g.counts and g.concept == concept and g.turn in answers for g in golds)
            if pair in gold_pairs:
                result.judged += 1
                result.judged_alike += said[pair] == truth
    result.expected.tool = len(tool_pairs)
    result.expected.gold = len(gold_pairs)
    result.expected.right = result.expected.found = len(tool_pairs & gold_pairs)
    for turn, concept in sorted(tool_pairs - gold_pairs):
        result.errors.append(f"  expected by the tool only: turn {turn:>3} {concept}")
    for turn, concept in sorted(gold_pairs - tool_pairs):
        result.errors.append(f"  expected by the gold only: turn {turn:>3} {concept}")


def evaluate(path: Path, data: Path) -> Result:
    labels = yaml.safe_load(path.read_text(encoding="utf-8"))
    rubric_name = str(labels["rubric"])
    rubric_path = data / rubric_name
    rubric = load_rubric(rubric_path if rubric_path.is_file() else rubric_name)
    transcript = read_transcript(data / str(labels["transcript"]))
    analysis = analyze(transcript, concepts=rubric.concepts)
    result = Result(path.stem)
    golds = gold_mentions(labels, analysis, path.name)
    score_mentions(result, golds, tool_mentions(analysis))
    score_exchanges(result, labels, analysis, golds)
    return result


def _rows(title: str, head: str, tallies: Sequence[tuple[str, Tally]]) -> Iterable[str]:
    """One table: its head, a row per transcript and the overall row."""
    yield f"{title:<34} {head}"
    overall = Tally()
    for name, tally in tallies:
        yield f"{name:<34} {tally.cells()}"
        overall.add(tally)
    yield f"{'overall':<34} {overall.cells()}"


def table(results: Sequence[Result]) -> Iterable[str]:
    head = f"{'gold':>5} {'tool':>5} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'F1':>6}"
    yield from _rows("mentions", head, [(r.name, r.mentions) for r in results])
    cases: Counter[tuple[str, bool]] = sum((r.cases for r in results), Counter())
    yield ""
    yield "gold mentions found, by case: " + ", ".join(
        f"{case} {cases[(case, True)]}/{cases[(case, True)] + cases[(case, False)]}"
        for case in CASES
    )
    causes: Counter[str] = sum((r.causes for r in results), Counter())
    yield "wrong mentions, by cause: " + (
        ", ".join(f"{cause} {n}" for cause, n in causes.most_common()) or "none"
    )
    yield ""
    yield from _rows("expected concepts", head, [(r.name, r.expected) for r in results])
    judged = sum(r.judged for r in results)
    alike = sum(r.judged_alike for r in results)
    yield (
        f"mentioned or missing, where both expect the concept: {alike} of {judged} "
        f"judged alike ({100 * alike / judged if judged else 100:.1f}%)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the labelled interviews")
    parser.add_argument("--errors", action="store_true", help="list every wrong and missed mention")
    args = parser.parse_args(argv)
    paths = sorted((args.data / "labels").glob("*.yaml"))
    if not paths:
        print(f"{args.data / 'labels'}: no labels found", file=sys.stderr)
        return 2
    try:
        results = [evaluate(path, args.data) for path in paths]
    except (ValueError, KeyError) as error:
        print(f"bad labels: {error}", file=sys.stderr)
        return 2
    for line in table(results):
        print(line)
    if args.errors:
        for result in results:
            if result.errors:
                print(f"\n{result.name}")
                print("\n".join(result.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
