"""Small helpers for the words of messages and reports."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

LISTING_WIDTH = 88
"""The width the listing commands wrap their text to (`rubric list`,
`rubric show`, `rubric metrics`, `formats`), whatever the terminal."""


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


def with_article(words: str) -> str:
    """``words`` after "a" or "an", as the first letter sounds in the
    report's words: "a motivation", "an opinion" (no word the reports put
    this way opens with a silent "h" or a "u" said "you")."""
    return f"{'an' if words[:1].lower() in 'aeiou' else 'a'} {words}"


def listed(items: Sequence[str], conjunction: str = "and") -> str:
    """ "a", "a and b", "a, b and c" (or another ``conjunction``: "a, b or c")."""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conjunction} {items[-1]}"


NOUN_SPEC = re.compile(r"-?[A-Za-z][A-Za-z' -]*[A-Za-z](/[A-Za-z][A-Za-z' -]*[A-Za-z])?")
"""A feedback template's noun format: ``{questions:question}`` (a plural in
"s") or ``{areas:criterion/criteria}`` (both forms); after a ``-``, the word
alone, agreeing with the number shown elsewhere: ``{mentioned:-was/were}``.
No numeric format spec is two or more letters, so the two never meet."""


def noun_forms(spec: str) -> tuple[str, str] | None:
    """The singular and plural a noun format names, or None when ``spec`` is
    not one (it is a numeric format such as ``.1f``, or empty)."""
    if not NOUN_SPEC.fullmatch(spec):
        return None
    one, _, many = spec.removeprefix("-").partition("/")
    return one, many or one + "s"


class TemplateNumber(float):
    """A number for feedback templates: ``{filler_rate}`` shows 4.5 or 12 (no
    trailing .0), ``{filler_rate:.2f}`` formats as asked, and a noun format
    counts: ``{questions:question}`` is "1 question" or "1,204 questions",
    ``{mentioned:-was/were}`` "was" or "were" (1 of 8 areas was mentioned)."""

    def __format__(self, spec: str) -> str:
        forms = noun_forms(spec)
        if forms is not None:
            word = forms[0] if float(self) == 1.0 else forms[1]
            if spec.startswith("-"):
                return word
            return f"{_count(self)} {word}"
        if spec:
            return format(float(self), spec)
        return f"{round(float(self), 1):g}"


def _count(number: float) -> str:
    """A number before its noun: "1,204" whole, else as ``{n}`` shows it."""
    return f"{number:,.0f}" if float(number).is_integer() else format(TemplateNumber(number), "")


class Spread:
    """The values a feedback placeholder took over several transcripts, shown
    as their range where a template shows one number: ``{filler_rate}`` is
    "0.4–2.1" (or "2.1" when all are the same), ``{questions:question}``
    "2–5 questions", ``{mentioned:-was/were}`` "were" (the singular only
    when every value is 1)."""

    def __init__(self, low: float, high: float) -> None:
        self.low, self.high = float(low), float(high)

    def __format__(self, spec: str) -> str:
        forms = noun_forms(spec)
        if forms is None:
            return self._between(lambda n: format(TemplateNumber(n), spec))
        word = forms[0] if self.low == self.high == 1.0 else forms[1]
        return word if spec.startswith("-") else f"{self._between(_count)} {word}"

    def _between(self, show: Callable[[float], str]) -> str:
        low, high = show(self.low), show(self.high)
        return low if low == high else f"{low}–{high}"
