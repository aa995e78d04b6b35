"""Small helpers for the words of messages and reports."""

from __future__ import annotations


def agree(count: int, one: str, many: str | None = None) -> str:
    """The form of a word that agrees with ``count``: ``one`` for 1, else
    ``many`` (``one`` + "s" by default): agree(2, "turn") is "turns",
    agree(1, "is", "are") is "is", agree(3, "it", "them") is "them"."""
    return one if count == 1 else many or one + "s"


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` with its noun in the right number: "1 turn", "31 turns",
    "2 check-ins", "8,770 words" (``plural`` for an irregular one: "1 speech",
    "2 speeches"); thousands are grouped as the reports' tables group them."""
    return f"{count:,} {agree(count, noun, plural)}"
