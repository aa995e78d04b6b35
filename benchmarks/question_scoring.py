"""What the question evaluations share: precision/recall counts, plain
tables, transcripts built from a corpus's turns, the tool's questions by turn
and how a question lines up with a labelled span (``eval_questions.py``).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from transcript_tool.api import analyze  # noqa: E402
from transcript_tool.model import (  # noqa: E402
    Analysis,
    Question,
    Role,
    Speaker,
    Transcript,
    Turn,
)


@dataclass
class Counts:
    """True/false positives and false negatives of a binary decision."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: bool, predicted: bool) -> None:
        self.tp += gold and predicted
        self.fp += predicted and not gold
        self.fn += gold and not predicted

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Target:
    """One goal of the summary; ``value`` is None when its corpus was not evaluated."""

    name: str
    threshold: float
    value: float | None = None
    note: str = ""


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Plain-text table: first column left-aligned, the others right-aligned; floats with
    three decimals."""
    cells = [list(header)] + [
        [f"{c:.3f}" if isinstance(c, float) else str(c) for c in row] for row in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        first = row[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join([first, *rest]).rstrip())
    return "\n".join(lines)


def prf_row(name: str, counts: Counts) -> list[object]:
    return [name, counts.tp, counts.fp, counts.fn, counts.precision, counts.recall, counts.f1]


PRF_HEADER = ("", "TP", "FP", "FN", "P", "R", "F1")


def confusion(pairs: Counter[tuple[str, str]], rows: Sequence[str], columns: Sequence[str]) -> str:
    """Gold (rows) x predicted (columns) counts, with row totals and the share correct."""
    body = []
    for gold in rows:
        counts = [pairs[gold, pred] for pred in columns]
        total = sum(counts)
        body.append([gold, *counts, total, pairs[gold, gold] / total if total else 0.0])
    return table(("gold \\ predicted", *columns, "total", "correct"), body)


def transcript_of(turns: Sequence[tuple[str, Role, str]], name: str) -> Transcript:
    """A Transcript from (speaker, role, text) turns; speakers in order of appearance."""
    speakers: dict[str, Role] = {}
    for speaker, role, _ in turns:
        speakers.setdefault(speaker, role)
    return Transcript(
        id=name,
        format="eval",
        speakers=tuple(Speaker(s, None, role) for s, role in speakers.items()),
        turns=tuple(Turn(i, s, role, text) for i, (s, role, text) in enumerate(turns)),
        source=name,
    )


def predictions(analysis: Analysis) -> dict[int, list[Question]]:
    """Predicted questions and check-ins (intent ``check_in``) per turn index, in text order."""
    check_ins = (replace(q, intent="check_in") for q in analysis.check_ins)
    by_turn: dict[int, list[Question]] = {}
    for question in sorted((*analysis.questions, *check_ins), key=_position):
        by_turn.setdefault(question.turn, []).append(question)
    return by_turn


def _position(question: Question) -> tuple[int, int, int]:
    return question.turn, question.start, question.end


def last_char(question: Question) -> int:
    """Offset in the turn text of the question's last non-space character."""
    return question.start + max(len(question.text.rstrip()) - 1, 0)


def overlap(question: Question, turn: int, start: int, end: int) -> int:
    """Characters that ``question`` shares with ``turns[turn].text[start:end]``."""
    if question.turn != turn:
        return 0
    return max(0, min(question.end, end) - max(question.start, start))


def best_overlap(found: Sequence[Question], turn: int, start: int, end: int) -> Question | None:
    """The question sharing most characters with the span (the first on a tie), or None."""
    best = max(found, key=lambda q: overlap(q, turn, start, end), default=None)
    return best if best is not None and overlap(best, turn, start, end) else None


def timed_analyze(transcript: Transcript) -> tuple[Analysis, float]:
    """``analyze(transcript)`` and the seconds it took."""
    started = time.perf_counter()
    analysis = analyze(transcript)
    return analysis, time.perf_counter() - started


def speed(words: int, seconds: float) -> str:
    rate = words / seconds if seconds else 0.0
    return f"{words:,} words in {seconds:.1f} s ({rate:,.0f} words/s)"
