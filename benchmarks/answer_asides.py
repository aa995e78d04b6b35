"""Questions and question-like asides inside long turns (``eval_questions.py --corpus asides``).

``benchmarks/data/answer-asides.yaml`` holds short exchanges written by the project whose
last turn is a long one (mostly the candidate's answer), labelled by the taxonomy
(docs/question-taxonomy.md) from the guideline and not from the tool's output: the
sentences of that turn a person would list as questions (check-ins included), and the
sentences that only look like questions (rhetorical, "you know?", quoted, backchannel,
embedded statements). Each item is analysed as its own labelled transcript.

A labelled question is found when a predicted question or check-in in the last turn
overlaps it; its form and intent are those of the prediction overlapping it most. A
prediction overlapping no labelled question is a false alarm, and is also counted
against the kind of each ``not_questions`` sentence it overlaps. Two variants: as
written, and unpunctuated (``question_corpora.unpunctuate`` applied to each labelled
sentence and to the text between them, so the labels keep their place; speakers and
roles kept).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from common_questions import ROLES, context_turns, label_entries  # noqa: E402
from question_corpora import LabelError, unpunctuate  # noqa: E402
from question_scoring import (  # noqa: E402
    PRF_HEADER,
    Counts,
    best_overlap,
    overlap,
    predictions,
    prf_row,
    table,
    timed_analyze,
    transcript_of,
)

from transcript_tool.model import QUESTION_FORMS, QUESTION_INTENTS, Role  # noqa: E402

DEFAULT_PATH = ROOT / "benchmarks" / "data" / "answer-asides.yaml"
WHY = ("rhetorical", "you_know", "quoted", "backchannel", "embedded_statement")


@dataclass(frozen=True)
class Span:
    """One labelled sentence of the last turn: ``text[start:end]``."""

    start: int
    end: int
    kind: str  # a question's intent, or a not-question's why
    form: str = ""


@dataclass(frozen=True)
class Item:
    id: str
    context: tuple[tuple[Role, str], ...]
    speaker: Role
    text: str
    questions: tuple[Span, ...]
    not_questions: tuple[Span, ...]


def load_items(path: Path = DEFAULT_PATH) -> list[Item]:
    """The items of ``path`` in file order; LabelError naming the item when one is
    malformed (a label that is not exactly once in the text, an unknown form, intent,
    why or role, a duplicate id)."""
    return [_item(entry, where, ident) for ident, where, entry in label_entries(path)]


def _item(entry: dict[str, Any], where: str, ident: str) -> Item:
    text, speaker = entry.get("text"), entry.get("speaker")
    if not isinstance(text, str) or not text.strip():
        raise LabelError(f"{where}: no text")
    if speaker not in ROLES:
        raise LabelError(f"{where}: unknown speaker {speaker!r}")
    questions = []
    for label in entry.get("questions") or ():
        form, intent = label.get("form"), label.get("intent")
        if form not in QUESTION_FORMS or intent not in QUESTION_INTENTS:
            raise LabelError(f"{where}: unknown form or intent {form!r} / {intent!r}")
        questions.append(_span(text, label, where, intent, form))
    not_questions = []
    for label in entry.get("not_questions") or ():
        if label.get("why") not in WHY:
            raise LabelError(f"{where}: unknown why {label.get('why')!r}")
        not_questions.append(_span(text, label, where, label["why"]))
    return Item(
        ident,
        context_turns(entry, where),
        cast(Role, speaker),
        text,
        tuple(questions),
        tuple(not_questions),
    )


def _span(text: str, label: dict[str, Any], where: str, kind: str, form: str = "") -> Span:
    quoted = label.get("text")
    if not isinstance(quoted, str) or not quoted or text.count(quoted) != 1:
        raise LabelError(f"{where}: {quoted!r} is not exactly once in the text")
    start = text.index(quoted)
    return Span(start, start + len(quoted), kind, form)


def unpunctuated(item: Item) -> Item:
    """``item`` with its text unpunctuated piece by piece, so that each label still
    covers the same words."""
    spans = sorted((*item.questions, *item.not_questions), key=lambda s: s.start)
    pieces: list[str] = []
    placed: dict[tuple[int, int], tuple[int, int]] = {}
    at = 0
    length = 0

    def add(piece: str) -> tuple[int, int]:
        nonlocal length
        plain = unpunctuate(piece)
        if not plain:
            return length, length
        if pieces:
            length += 1
        pieces.append(plain)
        start = length
        length += len(plain)
        return start, length

    for span in spans:
        add(item.text[at : span.start])
        placed[span.start, span.end] = add(item.text[span.start : span.end])
        at = span.end
    add(item.text[at:])

    def moved(span: Span) -> Span:
        start, end = placed[span.start, span.end]
        return Span(start, end, span.kind, span.form)

    return Item(
        item.id,
        tuple((role, unpunctuate(text)) for role, text in item.context),
        item.speaker,
        " ".join(pieces),
        tuple(moved(s) for s in item.questions),
        tuple(moved(s) for s in item.not_questions),
    )


@dataclass
class Score:
    """What one variant found, over all items."""

    detection: dict[str, Counts]  # by the last turn's speaker, and "all"
    flagged: Counter[str]  # not-question kinds a prediction overlapped
    forms: Counter[bool]
    intents: Counter[bool]
    seconds: float = 0.0


def score(items: Sequence[Item], transform: Callable[[Item], Item]) -> tuple[Score, list[str]]:
    """Analyse every item (passed through ``transform``); the figures and one line per
    error (a missed question, a false alarm, a found question of another intent)."""
    result = Score({"all": Counts()}, Counter(), Counter(), Counter())
    errors: list[str] = []
    for original in items:
        item = transform(original)
        turns = [(role.title(), role, text) for role, text in item.context]
        turns.append((item.speaker.title(), item.speaker, item.text))
        analysis, seconds = timed_analyze(transcript_of(turns, item.id))
        result.seconds += seconds
        last = len(turns) - 1
        found = predictions(analysis).get(last, [])
        counts = result.detection.setdefault(item.speaker, Counts())
        for label in item.questions:
            best = best_overlap(found, last, label.start, label.end)
            for c in (counts, result.detection["all"]):
                c.add(True, best is not None)
            if best is None:
                errors.append(f"  {item.id}: missed {item.text[label.start : label.end]!r}")
                continue
            result.forms[best.form == label.form] += 1
            result.intents[best.intent == label.kind] += 1
            if best.intent != label.kind:
                errors.append(
                    f"  {item.id}: intent {label.kind} -> {best.intent} ({best.intent_cue}) "
                    f"{item.text[label.start : label.end]!r}"
                )
        for question in found:
            if any(overlap(question, last, q.start, q.end) for q in item.questions):
                continue
            for c in (counts, result.detection["all"]):
                c.fp += 1
            kinds = [n.kind for n in item.not_questions if overlap(question, last, n.start, n.end)]
            result.flagged.update(kinds or ["unlabelled"])
            errors.append(f"  {item.id}: false alarm {question.text!r} ({', '.join(kinds) or '-'})")
    return result, errors


VARIANTS: tuple[tuple[str, Callable[[Item], Item]], ...] = (
    ("as written", lambda item: item),
    ("unpunctuated", unpunctuated),
)


def report(items: Sequence[Item]) -> float | None:
    """Print the figures of both variants; return the detection F1 as written."""
    labelled = Counter(n.kind for item in items for n in item.not_questions)
    print(
        f"\n== questions and asides in long turns: {len(items)} items, "
        f"{sum(len(i.questions) for i in items)} questions, "
        f"{sum(labelled.values())} question-like sentences that are none"
    )
    written: float | None = None
    for name, transform in VARIANTS:
        result, errors = score(items, transform)
        print(f"\n-- {name} ({result.seconds:.1f} s)")
        rows = [prf_row(f"last turn: {who}", c) for who, c in result.detection.items()]
        print(table(PRF_HEADER, rows))
        found = result.forms[True] + result.forms[False]
        if found:
            print(
                f"on the {found} found: form right {result.forms[True] / found:.3f}, "
                f"intent right {result.intents[True] / found:.3f}"
            )
        kinds = [(k, labelled[k], result.flagged[k]) for k in (*WHY, "unlabelled")]
        print(table(("not a question", "labelled", "taken as a question"), kinds))
        if errors:
            print("errors:")
            print("\n".join(errors))
        written = result.detection["all"].f1 if written is None else written
    return written
