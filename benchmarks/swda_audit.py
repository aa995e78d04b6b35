"""The SwDA test folder's wrong turns, read one by one: how many the detector could fix.

``benchmarks/data/swda-test-audit.yaml`` says, for each turn of the test folder that the
question detector got wrong, why: the detector is wrong (``tool``), the taxonomy rules
against SwDA's tag (``taxonomy``), SwDA tags the same words both ways (``inconsistent``),
or no word asks (``no_cue``). :func:`tally` counts today's errors by kind and gives the turn
F1 the detector would reach if every ``tool`` error, and every error the audit does not
list, were fixed: the most that rules following the taxonomy can reach on that folder.

    audit = load_audit()
    result = tally(errors, (tp, fp, fn), audit)   # errors: (conversation id, turn, "fp"/"fn")
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

import yaml

AUDIT = Path(__file__).parent / "data" / "swda-test-audit.yaml"
"""The audit of the SwDA test folder's errors."""

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


def load_audit(path: Path = AUDIT) -> dict[Key, Why]:
    """The audit's verdicts; ValueError naming the entry when one is malformed."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: expected a mapping of conversation ids")
    verdicts: dict[Key, Why] = {}
    for conversation, turns in raw.items():
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
