"""The question detector's errors on SwDA and the hearings, read one by one.

An audit file says, for each error it lists, whether the detector is wrong by
``docs/question-taxonomy.md`` (``tool``) or the corpus's label is one the taxonomy rules
against. From that, ``eval_questions.py`` prints the most that rules following the
taxonomy can reach: the figure with every error of the detector's own fixed.

``benchmarks/data/swda-test-audit.yaml``
    Every wrong turn of the SwDA test folder (as written and unpunctuated). Verdicts:
    ``tool``, ``taxonomy`` (the taxonomy rules against SwDA's tag), ``inconsistent``
    (SwDA tags the same words both ways), ``no_cue`` (no word asks). :func:`tally`
    counts today's wrong turns by verdict; a turn the audit does not list counts as the
    detector's.

``benchmarks/data/hearings-audit.yaml``
    A random sample of the hearing rows whose form was wrong. Verdicts: ``tool`` (the
    taxonomy gives the corpus's label), ``neither`` (the detector is wrong, but the
    taxonomy gives neither its form nor the corpus's label) or ``taxonomy`` (the
    taxonomy gives the detector's form). :func:`estimate` takes the share of ``tool``
    rows among the sampled rows that are still wrong and applies it to all of today's
    wrong rows: only those would turn right with the detector fixed.

    audit = load_audit()
    result = tally(errors, (tp, fp, fn), audit)   # errors: (conversation id, turn, "fp"/"fn")
    reach = estimate(wrong_ids, correct, rows, load_hearings_audit())
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

import yaml

AUDIT = Path(__file__).parent / "data" / "swda-test-audit.yaml"
"""The audit of the SwDA test folder's errors."""
HEARINGS_AUDIT = Path(__file__).parent / "data" / "hearings-audit.yaml"
"""The audit of a sample of the hearing rows' form errors."""

Why = Literal["tool", "taxonomy", "inconsistent", "no_cue"]
WHYS: tuple[Why, ...] = ("tool", "taxonomy", "inconsistent", "no_cue")
Error = Literal["fp", "fn"]
Key = tuple[str, int, Error]
"""(conversation id, turn index, "fp" or "fn")."""


@dataclass(frozen=True)
class AuditTally:
    """Today's errors of one variant, by what the audit says of them."""

    by_why: Counter[str]  # "tool", "taxonomy", ..., and "unaudited"
    fixable_f1: float  # turn F1 with every tool and unaudited error fixed

    @property
    def errors(self) -> int:
        return sum(self.by_why.values())


@dataclass(frozen=True)
class Reach:
    """How far the hearings' form accuracy could rise (:func:`estimate`)."""

    read: int  # sampled rows still wrong
    tool: int  # of them, the detector's errors the taxonomy would make right
    neither: int  # ... and the detector's errors where the taxonomy gives neither label
    accuracy: float  # with every tool error fixed, the share applied to all
    low: float  # the same with the share's 95 % Wilson interval
    high: float


def _mapping(path: Path) -> dict[Any, Any]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: expected a mapping")
    return raw


def load_audit(path: Path = AUDIT) -> dict[Key, Why]:
    """The SwDA audit's verdicts; ValueError naming the entry when one is malformed."""
    verdicts: dict[Key, Why] = {}
    for conversation, turns in _mapping(path).items():
        if not isinstance(turns, dict):
            raise ValueError(f"{path}: {conversation}: expected a mapping of turn indices")
        for turn, entry in turns.items():
            where = f"{path}: {conversation}/{turn}"
            if not isinstance(turn, int) or not isinstance(entry, dict):
                raise ValueError(f"{where}: expected 'turn: {{error, why, note}}'")
            error, why = entry.get("error"), entry.get("why")
            if error not in ("fp", "fn") or why not in WHYS or not entry.get("note"):
                raise ValueError(f"{where}: error must be fp or fn, why one of {WHYS}, and a note")
            verdicts[str(conversation), turn, cast(Error, error)] = cast(Why, why)
    return verdicts


HearingWhy = Literal["tool", "neither", "taxonomy"]
HEARING_WHYS: tuple[HearingWhy, ...] = ("tool", "neither", "taxonomy")


def load_hearings_audit(path: Path = HEARINGS_AUDIT) -> dict[str, HearingWhy]:
    """Per sampled hearing row id, the verdict on its error (``tool``, ``neither``,
    ``taxonomy``); ValueError naming the entry when one is malformed."""
    verdicts: dict[str, HearingWhy] = {}
    for row, entry in _mapping(path).items():
        why = entry.get("why") if isinstance(entry, dict) else None
        if why not in HEARING_WHYS or (why != "taxonomy" and not entry.get("note")):
            raise ValueError(
                f"{path}: {row}: why must be tool or neither (with a note), or taxonomy"
            )
        verdicts[str(row)] = cast(HearingWhy, why)
    return verdicts


def tally(
    errors: Iterable[Key], counts: tuple[int, int, int], audit: Mapping[Key, Why]
) -> AuditTally:
    """Count ``errors`` (the wrong turns behind the turn ``counts``: true
    positives, false positives, false negatives) by the audit's verdict."""
    by_why: Counter[str] = Counter()
    fixable: Counter[Error] = Counter()
    for key in errors:
        why = audit.get(key, "unaudited")
        by_why[why] += 1
        if why in ("tool", "unaudited"):
            fixable[key[2]] += 1
    tp, fp, fn = counts
    tp, fp, fn = tp + fixable["fn"], fp - fixable["fp"], fn - fixable["fn"]
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return AuditTally(by_why, f1)


def estimate(
    wrong: Collection[str], correct: int, rows: int, audit: Mapping[str, HearingWhy]
) -> Reach | None:
    """The hearings' form accuracy with every ``tool`` error of the detector's
    fixed: ``correct`` of ``rows`` right today, ``wrong`` the ids of the
    others. None when no sampled row is still wrong."""
    read = Counter(audit[row] for row in wrong if row in audit)
    total = sum(read.values())
    if not total:
        return None
    tool = read["tool"]
    low, high = _wilson(tool, total)

    def reach(share: float) -> float:
        return (correct + share * len(wrong)) / rows

    return Reach(total, tool, read["neither"], reach(tool / total), reach(low), reach(high))


def _wilson(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of a proportion."""
    share = successes / n
    centre = (share + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half
