"""The relevance-evaluation helpers (benchmarks/relevance_corpora.py and
benchmarks/eval_relevance.py): AUC, best F1 and the word-overlap baseline on hand-made
cases; text cleaning on hand-made strings; the loaders on the real corpora (counts agree
with each SOURCE.md) when ../shared/corpora is present. The full evaluation is not run."""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import pytest
from eval_relevance import (
    MetricCache,
    all_positive_f1,
    best_f1,
    content_words,
    metric_score,
    roc_auc,
    word_overlap,
)
from relevance_corpora import (
    DEFAULT_ROOT,
    LabeledPair,
    clean_clarity_answer,
    clean_clarity_question,
    clean_hearing_text,
    load_clarity,
    load_hearings,
    majority,
    parse_tuple,
    resolve_clarity_question,
)

CLARITY = DEFAULT_ROOT / "clarity-qevasion"
HEARINGS = DEFAULT_ROOT / "congress-hearings-qa"
clarity_present = pytest.mark.skipif(
    not CLARITY.exists(),
    reason="../shared/corpora/clarity-qevasion not present (a fresh clone has no ../shared)",
)
hearings_present = pytest.mark.skipif(
    not HEARINGS.exists(),
    reason="../shared/corpora/congress-hearings-qa not present (a fresh clone has no ../shared)",
)

# ------------------------------------------------------------------------------ AUC


@pytest.mark.parametrize(
    ("scores", "positives", "expected"),
    [
        ([0.1, 0.2, 0.8, 0.9], [False, False, True, True], 1.0),  # perfect separation
        ([0.9, 0.8, 0.2, 0.1], [False, False, True, True], 0.0),  # reversed
        ([0.5, 0.5, 0.5, 0.5], [False, True, False, True], 0.5),  # all tied
        # pairs (pos, neg): (0.35, 0.1) won, (0.35, 0.4) lost, (0.8, *) both won: 3/4
        ([0.1, 0.4, 0.35, 0.8], [False, False, True, True], 0.75),
        # (2, 1) won, (2, 2) tie = 1/2, (3, 1) and (3, 2) won: 3.5/4
        ([1.0, 2.0, 2.0, 3.0], [False, True, False, True], 0.875),
        # 1 positive, 3 negatives: above 0 and 10, tied with 20 -> (1 + 1 + 0.5)/3
        ([20.0, 0.0, 20.0, 10.0], [True, False, False, False], 2.5 / 3),
    ],
)
def test_roc_auc_hand_made(scores: list[float], positives: list[bool], expected: float) -> None:
    assert roc_auc(scores, positives) == pytest.approx(expected, abs=1e-12)


def test_roc_auc_needs_both_classes_and_aligned_inputs() -> None:
    assert math.isnan(roc_auc([0.1, 0.2], [True, True]))
    assert math.isnan(roc_auc([], []))
    with pytest.raises(ValueError, match="3 scores but 2 labels"):
        roc_auc([0.1, 0.2, 0.3], [True, False])


# ------------------------------------------------------------------------------ F1


def test_best_f1_hand_made() -> None:
    # "positive when score >= t": t=0.1 -> TP 2 FP 2 (F1 4/6); t=0.35 -> TP 2 FP 1 (4/5);
    # t=0.4 -> TP 1 FP 1 FN 1 (2/4); t=0.8 -> TP 1 FN 1 (2/3)
    f1, threshold = best_f1([0.1, 0.4, 0.35, 0.8], [False, False, True, True])
    assert f1 == pytest.approx(0.8)
    assert threshold == 0.35


def test_best_f1_takes_the_lowest_threshold_on_a_tie_and_needs_positives() -> None:
    # t=1 -> TP 1 FP 1 FN 0 (2/3); t=2 -> TP 0 FP 1 FN 1 (0); t=0 -> TP 1 FP 2 (1/2)
    assert best_f1([0.0, 1.0, 2.0], [False, True, False]) == pytest.approx((2 / 3, 1.0))
    # every threshold from 0 keeps the one positive: the lowest (0) is reported
    assert best_f1([0.0, 0.0, 5.0], [True, True, True]) == (1.0, 0.0)
    assert all(math.isnan(v) for v in best_f1([0.1, 0.2], [False, False]))


def test_all_positive_f1() -> None:
    assert all_positive_f1([True, False, False, False]) == pytest.approx(2 / 5)
    assert all_positive_f1([True, True]) == 1.0


# ------------------------------------------------------------------------- baseline


def test_word_overlap_hand_made() -> None:
    # content words of the question: budget, deficit, grow ("why", "did", "the", "in" are
    # stop words; "2012" has no letters); the answer says "deficit" only ("grew" != "grow")
    question = "Why did the budget deficit grow in 2012?"
    assert content_words(question) == ["budget", "deficit", "grow"]
    assert word_overlap(question, "The deficit grew because revenue fell.") == pytest.approx(1 / 3)
    assert word_overlap(question, "BUDGET deficits grow, yes.") == pytest.approx(2 / 3)


def test_content_words_are_distinct_alphabetic_non_stop_words() -> None:
    text = "Don't you think the U.S. budget, the Budget, matters? Isn’t it 2012's?"
    assert content_words(text) == ["think", "budget", "matters"]
    assert word_overlap("Is it?", "It is.") == 0.0  # no content word in the question


# --------------------------------------------------------------------------- metric


def test_metric_score_falls_back_to_zero_without_a_question() -> None:
    cache: MetricCache = {}
    topic = "Shape of the multinational force"  # a CLARITY "question" that is a topic
    answer = "We will work with our allies on it."
    assert metric_score(topic, answer, cache) == 0.0
    assert cache[(topic, answer)].fallback and cache[(topic, answer)].questions == 0
    question, answer = "Did you speak to their CEO?", "No, I did not."
    assert 0.0 <= metric_score(question, answer, cache) <= 100.0
    assert not cache[(question, answer)].fallback and cache[(question, answer)].questions == 1


# -------------------------------------------------------------------------- cleaning


def test_clean_clarity_answer_removes_labels_brackets_and_the_next_heading() -> None:
    raw = (
        "\nThe President. Well, thank you. [Laughter] We  are working--\n"
        "President Karzai. I agree .\n"
        "Kevin [Kevin Corke, NBC News].\n"
        "International Cooperation on the Situation in North Korea "
    )
    assert clean_clarity_answer(raw) == "Well, thank you. We are working-- I agree. Kevin."
    # a last line that ends like a sentence stays
    assert clean_clarity_answer("\nPresident Bush. Thank you.\nThank you all.") == (
        "Thank you. Thank you all."
    )
    # "The border has become modernized." is a sentence, not a speaker label
    assert clean_clarity_answer("The border has become modernized. Good.") == (
        "The border has become modernized. Good."
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (" Is the goalpost moving, sir?", "Is the goalpost moving, sir?"),
        (". Has he changed?", "Has he changed?"),
        ("\\n2. Do you believe that?", "Do you believe that?"),
        (' "Do you think it\'s working?"', "Do you think it's working?"),
        (" Timeline of the meeting: Will it happen?", "Timeline of the meeting: Will it happen?"),
    ],
)
def test_clean_clarity_question(raw: str, expected: str) -> None:
    assert clean_clarity_question(raw) == expected


def test_a_topic_sub_question_becomes_the_journalists_question_sentence() -> None:
    full = (
        "\nQ. Thank you, Mr. President. On the multinational force, what shape should it "
        "take? And, Mr. Prime Minister, should it include a cease-fire?\nQ. [Inaudible] "
        "Thanks."
    )
    assert resolve_clarity_question("Shape of the multinational force", full) == (
        "On the multinational force, what shape should it take?",
        "interview question",
    )
    # "Mr." does not end a sentence; a tie goes to the earliest question
    assert resolve_clarity_question("A cease-fire", full) == (
        "And, Mr. Prime Minister, should it include a cease-fire?",
        "interview question",
    )
    assert resolve_clarity_question("Unrelated topic", full)[0].startswith("On the multi")
    # a sub-question that asks is kept; a question text without any "?" keeps its sentences
    assert resolve_clarity_question("Will it happen?", full) == ("Will it happen?", "question")
    assert resolve_clarity_question("Budget", "Q. Talk about the budget. Thanks.") == (
        "Talk about the budget.",
        "interview question",
    )


def test_clean_hearing_text() -> None:
    raw = "Okay.    [continuing] It is a, ``Hillary cover-up operation.'' `Yes.\" Right?"
    assert clean_hearing_text(raw) == ('Okay. It is a, "Hillary cover-up operation." "Yes." Right?')


def test_parse_tuple_and_majority() -> None:
    assert parse_tuple("('answer', 'shift-dodge')") == ("answer", "shift-dodge")
    assert parse_tuple("['answer']") == ("answer",)
    with pytest.raises(ValueError):
        parse_tuple("__import__('os').getcwd()")  # never evaluated
    with pytest.raises(ValueError, match="not a tuple of strings"):
        parse_tuple("(1, 2)")
    assert majority(["a", "b", "a"]) == "a"
    assert majority(["a", "a", "b", "b"]) is None
    assert majority(["a", "b", "c"]) is None


# ------------------------------------------------------------------------- corpora

_LEFTOVERS = re.compile(
    r"^(?:Q|The President|President \w+|Prime Minister \w+)\.|\[|\n|\\n|\s{2}|``"
)


def assert_clean(pairs: list[LabeledPair]) -> None:
    for pair in pairs:
        for text in (pair.question, pair.answer):
            assert text and text == text.strip(), pair.id
            assert not _LEFTOVERS.search(text), (pair.id, text[:80])
            assert not re.match(r"[.,;:)]", text), (pair.id, text[:40])  # no leftover


@pytest.fixture(scope="module")
def clarity() -> list[LabeledPair]:
    return load_clarity()


@pytest.fixture(scope="module")
def hearings() -> list[LabeledPair]:
    return load_hearings()


@clarity_present
def test_clarity_counts_match_source(clarity: list[LabeledPair]) -> None:
    assert len(clarity) == 317
    assert len({p.id for p in clarity}) == 317
    # SOURCE.md: all three agree on 131 rows; majority for 283 (84 Explicit, 59 Implicit,
    # 49 Dodging, 48 General, 17 Deflection, 11 Declining, 8 Claims ignorance,
    # 4 Clarification, 3 Partial)
    assert sum(p.agreed for p in clarity) == 131
    labels = Counter(p.label for p in clarity if p.label is not None)
    assert labels == {
        "1.1 Explicit": 84,
        "1.2 Implicit": 59,
        "2.1 Dodging": 49,
        "2.4 General": 48,
        "2.2 Deflection": 17,
        "2.6 Declining to answer": 11,
        "2.7 Claims ignorance": 8,
        "2.8 Clarification": 4,
        "2.3 Partial/half-answer": 3,
    }
    assert sum(p.answered is True for p in clarity) == 84
    assert sum(p.clear_reply is True for p in clarity) == 143
    assert sum(p.answered is None for p in clarity) == 317 - 283
    agreed = Counter(p.label for p in clarity if p.agreed)
    assert (agreed["1.1 Explicit"], agreed["1.2 Implicit"]) == (53, 19)


@clarity_present
def test_clarity_texts_are_clean(clarity: list[LabeledPair]) -> None:
    assert_clean(clarity)
    first = clarity[0]
    # the sub-question is a topic ("Inquiring about the status or information regarding
    # the redline."): the journalist's own question stands in for it
    assert (first.question, first.question_source) == (
        "What about the redline, sir?",
        "interview question",
    )
    assert sum(p.question_source == "interview question" for p in clarity) == 70
    assert first.answer.startswith("Well, the world has made it clear")
    assert first.answer.endswith("through diplomatic means. Kevin.")  # heading dropped
    assert first.annotations == ("2.1 Dodging", "2.4 General", "2.1 Dodging")
    assert first.label == "2.1 Dodging" and first.answered is False and not first.agreed
    assert "Has he changed?" in {p.question for p in clarity}


@hearings_present
def test_hearings_counts_and_labels(hearings: list[LabeledPair]) -> None:
    assert len(hearings) == 1000
    assert len({p.id for p in hearings}) == 1000
    assert len({p.id.rsplit("_", 1)[0] for p in hearings}) == 20
    agreed = Counter(p.annotations[0] for p in hearings if p.agreed)
    assert agreed == {
        "answer": 383,
        "shift-dodge": 47,
        "cant-answer-sincere": 25,
        "shift-correct": 6,
        "cant-answer-lying": 5,
    }
    assert all(p.answered is (p.annotations[0] == "answer") for p in hearings if p.agreed)
    # SOURCE.md label-set membership: answer 718, shift-dodge 392, shift-correct 199,
    # cant-answer-sincere 138, cant-answer-lying 87, overanswer-sway 85
    membership = Counter(label for p in hearings for label in set(p.annotations))
    assert membership == {
        "answer": 718,
        "shift-dodge": 392,
        "shift-correct": 199,
        "cant-answer-sincere": 138,
        "cant-answer-lying": 87,
        "answer_overans-sway": 85,
    }
    assert sum(p.answered is True for p in hearings) == 570
    assert all(3 <= len(p.annotations) <= 7 and p.clear_reply is None for p in hearings)


@hearings_present
def test_hearings_texts_are_clean(hearings: list[LabeledPair]) -> None:
    assert_clean(hearings)
    first = hearings[0]
    assert first.id == "CHRG-113hhrg86195_000"
    assert first.question.startswith("I will now recognize myself. Ms. Ingram, if I heard")
    assert first.question.endswith("Is that correct?")
    assert first.answer == (
        "The portion of the responsibilities the IRS was in charge of is going fine."
    )
    assert first.annotations == (
        "answer",
        "answer",
        "answer",
        "answer",
        "shift-dodge",
        "shift-dodge",
    )
    assert first.answered is True and first.label == "answer" and not first.agreed
