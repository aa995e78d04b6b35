"""The number agreement of the reports' and messages' words (transcript_tool.wording)."""

from __future__ import annotations

import pytest

from transcript_tool.wording import agree, counted


@pytest.mark.parametrize(
    ("count", "one", "many", "expected"),
    [
        (1, "turn", None, "turn"),
        (0, "turn", None, "turns"),
        (2, "is", "are", "are"),
        (1, "it", "them", "it"),
        (3, "it", "them", "them"),
    ],
)
def test_agree(count: int, one: str, many: str | None, expected: str) -> None:
    assert agree(count, one, many) == expected


def test_counted_groups_thousands_and_takes_an_irregular_plural() -> None:
    assert counted(1, "word") == "1 word"
    assert counted(8770, "word") == "8,770 words"
    assert counted(2, "speech", "speeches") == "2 speeches"


def test_listed_joins_with_commas_and_one_conjunction() -> None:
    from transcript_tool.wording import listed

    assert listed(["the weights"]) == "the weights"
    assert listed(["a", "b"]) == "a and b"
    assert listed(["situation", "task", "result"], "or") == "situation, task or result"
