"""The common-interview-question evaluation (benchmarks/common_questions.py): its label
file loads, malformed items are refused by name, and an item is analysed in its context."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import common_questions
import pytest
from common_questions import Item, load_items, outcome
from question_corpora import LabelError, unpunctuate

from transcript_tool.model import QUESTION_FORMS, QUESTION_INTENTS


def test_the_shipped_label_file_loads_with_every_intent_and_form() -> None:
    items = load_items()
    assert len(items) >= 150
    assert {i.intent for i in items} == set(QUESTION_INTENTS)
    assert {i.form for i in items} == set(QUESTION_FORMS)
    assert len({i.id for i in items}) == len(items)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('- {id: "a", question: "Why?", form: "wh", intent: "curiosity"}', "unknown intent"),
        ('- {id: "a", question: "Why?", form: "open", intent: "follow_up"}', "unknown form"),
        ('- {id: "a", question: "", form: "wh", intent: "follow_up"}', "no question text"),
        ('- {id: "a", question: "Why?", form: "wh", intent: "follow_up", asker: "host"}', "asker"),
        ('- {id: "a", question: "Why?", form: "wh", intent: "wh", context: [["x"]]}', "intent"),
        ('- {id: "a", question: "Why?", form: "wh", intent: "reverse", context: [["x"]]}', "[role"),
        (
            '- {id: "a", question: "Why?", form: "wh", intent: "follow_up"}\n'
            '- {id: "a", question: "How?", form: "wh", intent: "follow_up"}',
            "duplicate id",
        ),
    ],
)
def test_a_malformed_item_is_refused_by_number(tmp_path: Path, entry: str, message: str) -> None:
    path = tmp_path / "labels.yaml"
    path.write_text("items:\n" + entry + "\n", encoding="utf-8")
    with pytest.raises(LabelError, match=r"labels\.yaml: item \d") as raised:
        load_items(path)
    assert message in str(raised.value)


def test_an_item_is_analysed_after_its_context_and_read_from_the_question_turn() -> None:
    item = Item(
        "followup-1",
        (
            ("interviewer", "Tell me about a time a project slipped."),
            ("candidate", "Our vendor missed a delivery, so I rebuilt the schedule."),
        ),
        "interviewer",
        "What did you learn from that?",
        "wh",
        "follow_up",
    )
    result, _ = outcome(item, lambda text: text)
    assert (result.form, result.intent) == ("wh", "follow_up")
    plain, _ = outcome(item, unpunctuate)
    assert plain.form == "wh"


def test_a_question_the_tool_does_not_find_is_missed() -> None:
    item = Item("none", (), "interviewer", "Okay, great.", "wh", "follow_up")
    result, _ = outcome(item, lambda text: text)
    assert (result.form, result.intent) == (common_questions.MISSED, common_questions.MISSED)
