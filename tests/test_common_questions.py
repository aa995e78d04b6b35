"""The common-interview-question evaluation (benchmarks/common_questions.py): its label
file loads, malformed items are refused by name, and an item is analysed in its context."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import answer_asides
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


# ------------------------------------------------------- questions inside long turns

ASIDE = """items:
  - id: "rhetorical-1"
    context:
      - ["interviewer", "Tell me about a time you turned around an unhappy customer."]
    speaker: "candidate"
    text: "Sure. A client was furious about a late delivery. So what did I do? I drove the order over myself. Does that answer your question?"
    questions:
      - {text: "Does that answer your question?", form: "yes_no", intent: "check_in"}
    not_questions:
      - {text: "So what did I do?", why: "rhetorical"}
"""  # noqa: E501


def test_the_shipped_asides_file_loads_with_questions_and_every_kind_of_aside() -> None:
    items = answer_asides.load_items()
    assert len(items) >= 100
    assert {n.kind for i in items for n in i.not_questions} == set(answer_asides.WHY)
    assert {i.speaker for i in items} == {"interviewer", "candidate"}


def test_an_aside_item_places_its_labels_in_its_text(tmp_path: Path) -> None:
    path = tmp_path / "asides.yaml"
    path.write_text(ASIDE, encoding="utf-8")
    (item,) = answer_asides.load_items(path)
    (question,) = item.questions
    (aside,) = item.not_questions
    assert item.text[question.start : question.end] == "Does that answer your question?"
    assert (aside.kind, item.text[aside.start : aside.end]) == ("rhetorical", "So what did I do?")
    plain = answer_asides.unpunctuated(item)
    assert plain.text[plain.questions[0].start : plain.questions[0].end] == (
        "does that answer your question"
    )
    assert plain.text[plain.not_questions[0].start : plain.not_questions[0].end] == (
        "so what did i do"
    )


def test_the_rhetorical_question_is_no_false_alarm_and_the_check_in_is_found(
    tmp_path: Path,
) -> None:
    path = tmp_path / "asides.yaml"
    path.write_text(ASIDE, encoding="utf-8")
    result, errors = answer_asides.score(answer_asides.load_items(path), lambda item: item)
    assert (result.detection["all"].tp, result.detection["all"].fp) == (1, 0)
    assert result.intents[True] == 1
    assert errors == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('"So what did I do?"', '"So what did we do?"'), "not exactly once in the text"),
        (('why: "rhetorical"', 'why: "aside"'), "unknown why"),
        (('intent: "check_in"', 'intent: "checking"'), "unknown form or intent"),
        (('speaker: "candidate"', 'speaker: "guest"'), "unknown speaker"),
    ],
)
def test_a_malformed_aside_item_is_refused(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    path = tmp_path / "asides.yaml"
    path.write_text(ASIDE.replace(*change), encoding="utf-8")
    with pytest.raises(LabelError, match=r"asides\.yaml: item 1 \(rhetorical-1\)") as raised:
        answer_asides.load_items(path)
    assert message in str(raised.value)
