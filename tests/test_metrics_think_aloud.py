"""think_aloud: which words count as reasoning said out loud."""

from __future__ import annotations

from typing import Any

from transcript_tool import analyze
from transcript_tool.metrics import METRICS
from transcript_tool.model import MetricResult
from transcript_tool.readers import read_text


def measure(text: str, **params: Any) -> MetricResult:
    return METRICS["think_aloud"](analyze(read_text(text, "t.txt")), params)


def assert_no_reasoning(result: MetricResult) -> None:
    """No marker counted, and none quoted as reasoning that went well."""
    assert result.details["markers"] == 0
    assert not [e for e in result.evidence if e.polarity == "strength"]


MERGE = (
    "Interviewer: You get two sorted lists. Write a function that returns one sorted list "
    "with the elements of both.\n"
)


def test_code_dictated_keystroke_by_keystroke_is_no_reasoning() -> None:
    # "Then i equals zero. Then j equals zero." read as first/then reasoning:
    # a candidate who narrated keystrokes scored 80, "strong"
    result = measure(
        MERGE + "Candidate: Okay so first I write def merge, open paren, a comma b, close paren, "
        "colon. Then I write result equals open bracket close bracket. Then i equals zero. Then "
        "j equals zero. Then while i is less than len of a and j is less than len of b, colon. "
        "Then if a of i is less than b of j, colon, then result dot append a of i. Then i plus "
        "equals one. Then return result.\n"
    )
    assert_no_reasoning(result)


def test_a_reason_given_while_dictating_code_still_counts() -> None:
    result = measure(
        MERGE + "Candidate: Then result dot append a of i, because it's the smaller one, so the "
        "output stays sorted. Then i plus equals one.\n"
    )
    assert result.details["markers"] == 2  # "because", ", so": not the two "Then"s


PRICES = (
    "Interviewer: You get a list of daily prices for a stock. Return the largest profit from one "
    "buy and one later sell. If no profit is possible, return zero. For example, for prices "
    "seven, one, five, three, six, four, the answer is five, because you buy at one and sell "
    "at six. How would you solve it?\n"
)


def test_the_problem_read_back_is_not_the_candidates_reasoning() -> None:
    # the interviewer's "If", "For example" and "because", read back word for
    # word, gave a candidate who reasoned little 100, "strong", and were
    # quoted as her reasoning
    result = measure(
        PRICES + "Candidate: Okay. If no profit is possible, return zero. For example, for "
        "prices seven, one, five, three, six, four, the answer is five, because you buy at one "
        "and sell at six. Okay. I would go through all the pairs and keep the biggest "
        "difference.\n"
    )
    assert_no_reasoning(result)


def test_the_questions_words_in_a_reasoned_answer_still_count() -> None:
    # a few of the question's words taken up in a sentence of the candidate's own
    result = measure(
        PRICES + "Candidate: If no profit is possible I return zero, because best starts at "
        "zero and only goes up when a later price beats the lowest one so far.\n"
    )
    assert result.details["markers"] == 2  # "If", "because"


SILENT_CODER = """WEBVTT

00:00:01.000 --> 00:00:09.000
Rachel: Return the index of the first letter that appears once. How would you solve it?

00:00:10.000 --> 00:00:12.000
Tyler: Okay, I'll just write it.

00:01:48.000 --> 00:01:50.000
Tyler: Okay. Done.

00:01:51.000 --> 00:01:54.000
Rachel: Okay. Can you walk me through it?

00:01:55.000 --> 00:02:01.000
Tyler: It counts the letters first, then returns the first one seen once.
"""


def test_a_silence_inside_an_answer_is_a_silence() -> None:
    # 96 seconds of silent coding between "Okay, I'll just write it." and
    # "Okay. Done." went unnoticed: only gaps before an answer counted
    result = METRICS["think_aloud"](analyze(read_text(SILENT_CODER, "t.vtt")), {})
    assert result.details["silences"] == 1
    silence = [e for e in result.evidence if "silence" in e.note]
    assert silence[0].quote == "Okay. Done."
    assert silence[0].note.startswith("96 seconds of silence inside the answer")


def test_one_phrase_is_one_marker() -> None:
    # "let's say" was an assumption and the framing "let's"; "so first" the
    # framing "so first" and the first/then "first": a strength read
    # "reasoning out loud: first, so first"
    result = measure(
        "Interviewer: How many piano tuners work in Lyon?\n"
        "Candidate: Let's say the metro area has two million people. So first I work out "
        "the pianos.\n"
    )
    assert result.details["markers"] == 2
    assert result.details["kinds"] == 2  # assumption, framing
