"""Form and intent on common interview questions (``eval_questions.py --corpus common``).

``benchmarks/data/common-questions.yaml`` holds short exchanges written by the project,
each ending in one question a person would list, labelled by the taxonomy
(docs/question-taxonomy.md) from the guideline and not from the tool's output. Each item
is analysed as its own labelled transcript: the ``context`` turns, then the question as
one turn of its ``asker`` (interviewer unless given). The question counts as found when
a predicted question or check-in overlaps it; form and intent are those of the
prediction overlapping it most. Two variants: as written, and with punctuation and case
removed (``question_corpora.unpunctuate``; speakers and roles kept, as in a labelled
export of an auto-caption).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from question_corpora import LabelError, unpunctuate  # noqa: E402
from question_scoring import (  # noqa: E402
    Counts,
    best_overlap,
    confusion,
    predictions,
    table,
    timed_analyze,
    transcript_of,
)

from transcript_tool.model import (  # noqa: E402
    QUESTION_FORMS,
    QUESTION_INTENTS,
    QuestionForm,
    QuestionIntent,
    Role,
)

DEFAULT_PATH = ROOT / "benchmarks" / "data" / "common-questions.yaml"
MISSED = "missed"
ROLES: tuple[Role, ...] = ("interviewer", "candidate")


@dataclass(frozen=True)
class Item:
    """One labelled exchange: the turns before the question, then the question."""

    id: str
    context: tuple[tuple[Role, str], ...]
    asker: Role
    question: str
    form: QuestionForm
    intent: QuestionIntent


def load_items(path: Path = DEFAULT_PATH) -> list[Item]:
    """The items of ``path`` in file order; LabelError naming the item when one is
    malformed (unknown form, intent or role, a duplicate id, an empty question)."""
    return [_item(entry, where, ident) for ident, where, entry in label_entries(path)]


def label_entries(path: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(id, where, entry) of each item of the label file ``path``, in file order:
    ``where`` names the file, the item's number and its id for messages. LabelError
    when the file does not load, is not a mapping with a list of ``items``, or an item
    is not a mapping or has a missing or duplicate id."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as problem:
        raise LabelError(f"{path}: {problem}") from None
    entries = raw.get("items") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise LabelError(f"{path}: expected a mapping with a list of items")
    found: list[tuple[str, str, dict[str, Any]]] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, 1):
        where = f"{path}: item {number}"
        if not isinstance(entry, dict):
            raise LabelError(f"{where}: expected a mapping")
        ident = str(entry.get("id", ""))
        if not ident or ident in seen:
            raise LabelError(f"{where}: missing or duplicate id {ident!r}")
        seen.add(ident)
        found.append((ident, f"{where} ({ident})", entry))
    return found


def _item(entry: dict[str, Any], where: str, ident: str) -> Item:
    question = entry.get("question")
    form, intent = entry.get("form"), entry.get("intent")
    asker = entry.get("asker", "interviewer")
    if not isinstance(question, str) or not question.strip():
        raise LabelError(f"{where}: no question text")
    if form not in QUESTION_FORMS:
        raise LabelError(f"{where}: unknown form {form!r}")
    if intent not in QUESTION_INTENTS:
        raise LabelError(f"{where}: unknown intent {intent!r}")
    if asker not in ROLES:
        raise LabelError(f"{where}: unknown asker {asker!r}")
    return Item(
        ident,
        context_turns(entry, where),
        cast(Role, asker),
        question,
        cast(QuestionForm, form),
        cast(QuestionIntent, intent),
    )


def context_turns(entry: dict[str, Any], where: str) -> tuple[tuple[Role, str], ...]:
    """The ``context`` of a label entry: (role, text) turns; LabelError when one is not
    a [role, text] pair."""
    context: list[tuple[Role, str]] = []
    for turn in entry.get("context") or ():
        if not (isinstance(turn, list) and len(turn) == 2 and turn[0] in ROLES):
            raise LabelError(f"{where}: a context turn must be [role, text], got {turn!r}")
        context.append((cast(Role, turn[0]), str(turn[1])))
    return tuple(context)


@dataclass(frozen=True)
class Outcome:
    """What the tool said of one item's question (``missed`` when it found none)."""

    item: Item
    form: str
    intent: str
    cue: str


def outcome(item: Item, transform: Callable[[str], str]) -> tuple[Outcome, float]:
    """Analyse ``item`` (its text passed through ``transform``) and the seconds it took."""
    turns = [(role.title(), role, transform(text)) for role, text in item.context]
    turns.append((item.asker.title(), item.asker, transform(item.question)))
    analysis, seconds = timed_analyze(transcript_of(turns, item.id))
    last = len(turns) - 1
    found = predictions(analysis).get(last, [])
    best = best_overlap(found, last, 0, len(turns[last][2]))
    if best is None:
        return Outcome(item, MISSED, MISSED, ""), seconds
    return Outcome(item, best.form, best.intent, best.intent_cue), seconds


VARIANTS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("as written", lambda text: text),
    ("unpunctuated", unpunctuate),
)


def report(items: Sequence[Item]) -> float | None:
    """Print detection, form and intent figures for both variants; return the intent
    accuracy as written (None without items)."""
    print(f"\n== common interview questions: {len(items)} labelled exchanges")
    written: float | None = None
    for name, transform in VARIANTS:
        outcomes = []
        seconds = 0.0
        for item in items:
            result, elapsed = outcome(item, transform)
            outcomes.append(result)
            seconds += elapsed
        accuracy = _report_variant(name, outcomes, seconds)
        written = accuracy if written is None else written
    return written


def _report_variant(name: str, outcomes: Sequence[Outcome], seconds: float) -> float:
    found = [o for o in outcomes if o.form != MISSED]
    forms = Counter((o.item.form, o.form) for o in outcomes)
    intents = Counter((o.item.intent, o.intent) for o in outcomes)
    form_right = sum(o.form == o.item.form for o in found)
    intent_right = sum(o.intent == o.item.intent for o in outcomes)
    total = len(outcomes)
    print(f"\n-- {name}")
    print(
        f"found {len(found)} of {total}; form right {form_right / max(len(found), 1):.3f} "
        f"of the found; intent right {intent_right / max(total, 1):.3f} of all "
        f"({intent_right} of {total}); {seconds:.1f} s"
    )
    gold_forms = [f for f in QUESTION_FORMS if any(f == g for g, _ in forms)]
    print(confusion(forms, gold_forms, (*QUESTION_FORMS, MISSED)))
    per_intent = {i: Counts() for i in QUESTION_INTENTS if any(i in pair for pair in intents)}
    for (gold, predicted), n in intents.items():
        per_intent[gold].tp += n * (gold == predicted)
        per_intent[gold].fn += n * (gold != predicted)
        if predicted != gold and predicted in per_intent:
            per_intent[predicted].fp += n
    rows = [[i, c.tp + c.fn, c.precision, c.recall, c.f1] for i, c in per_intent.items()]
    print(table(("intent", "support", "P", "R", "F1"), rows))
    wrong = [o for o in outcomes if o.intent != o.item.intent]
    if wrong:
        print("wrong intents (id: labelled -> tool, cue):")
        for o in wrong:
            cue = o.cue or "-"
            print(f"  {o.item.id}: {o.item.intent} -> {o.intent} ({cue}) {o.item.question}")
    return intent_right / total if total else 0.0
