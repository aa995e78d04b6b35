"""think_aloud: which words count as reasoning said out loud."""

from __future__ import annotations

from typing import Any

from transcript_tool import analyze
from transcript_tool.metrics import METRICS
from transcript_tool.model import MetricResult
from transcript_tool.readers import read_text


def measure(text: str, **params: Any) -> MetricResult:
    return METRICS["think_aloud"](analyze(read_text(text, "t.txt")), params)


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
    assert result.details["markers"] == 0
    assert not [e for e in result.evidence if e.polarity == "strength"]


def test_a_reason_given_while_dictating_code_still_counts() -> None:
    result = measure(
        MERGE + "Candidate: Then result dot append a of i, because it's the smaller one, so the "
        "output stays sorted. Then i plus equals one.\n"
    )
    assert result.details["markers"] == 2  # "because", ", so": not the two "Then"s
