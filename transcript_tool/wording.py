"""Small helpers for the words of messages and reports."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` with its noun in the right number: "1 turn", "31 turns",
    "2 check-ins", "8,770 words" (``plural`` for an irregular one: "1 speech",
    "2 speeches"); thousands are grouped as the reports' tables group them."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"
