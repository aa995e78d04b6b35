"""Control characters from the input, made visible before a report reaches a
terminal.

A transcript may hold terminal control sequences: ``ESC [2J`` clears the
screen, ``ESC ]8;;URL`` plants a link, ``ESC ]52`` writes the clipboard,
ESC P / C1 characters reach further. Printed as they are, the terminal would
act on them. The terminal and Markdown renderers show each C0 control
character (but tab and newline), DEL and each C1 control character as a
visible stand-in instead: its Unicode Control Picture (``␛`` for ESC), or
``�`` for C1. One character replaces one character, so every offset into a
turn's text stays valid. The terminal report's strings are made visible
before layout (:func:`visible`: rich's own colour codes come after); plain
text outputs (Markdown, the batch summaries) are passed through :func:`shown`
whole. JSON, CSV and the transcript itself keep the text as it came (JSON
escapes C0 itself); error messages escape these characters
(:func:`transcript_tool.errors.one_line`).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

from ..errors import CONTROLS
from ..model import Report


def _picture(code: int) -> int:
    """A control character's visible stand-in: its Control Picture (C0, DEL),
    else U+FFFD (C1)."""
    if code < 0x20:
        return 0x2400 + code
    return 0x2421 if code == 0x7F else 0xFFFD


# the controls error messages escape, but the newline, which a report keeps
_PICTURES = {ord(c): _picture(ord(c)) for c in CONTROLS if c != "\n"}
_CONTROL = re.compile("[" + "".join(re.escape(chr(code)) for code in _PICTURES) + "]")

T = TypeVar("T")


def shown(text: str) -> str:
    """``text`` with each control character replaced by its visible stand-in."""
    return text.translate(_PICTURES) if _CONTROL.search(text) else text


def visible(report: Report) -> Report:
    """``report`` with every string in it :func:`shown`; the report itself
    when it holds no control character (the usual case: nothing is copied)."""
    seen: dict[int, Any] = {}
    if not any(_CONTROL.search(turn.text) for turn in report.transcript.turns):
        # the sentences and their words (most of a report) are cut from the turns
        seen[id(report.analysis.sentences)] = report.analysis.sentences
    changed: Report = _walk(report, seen)
    return changed


def _walk(value: T, seen: dict[int, Any]) -> T:
    """``value`` with its strings :func:`shown`, rebuilt only where one changed
    (``seen`` maps the ids of objects already walked to their result)."""
    if isinstance(value, str):
        return shown(value)  # type: ignore[return-value]
    if value is None or isinstance(value, int | float | bool):
        return value
    key = id(value)
    if key in seen:
        return seen[key]  # type: ignore[no-any-return]
    result: Any = value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for field in dataclasses.fields(value):
            old = getattr(value, field.name)
            new = _walk(old, seen)
            if new is not old:
                changes[field.name] = new
        if changes:
            result = dataclasses.replace(value, **changes)
    elif isinstance(value, tuple | list):
        items = [_walk(item, seen) for item in value]
        if any(new is not old for new, old in zip(items, value, strict=True)):
            result = type(value)(items)
    elif isinstance(value, dict):
        pairs = [(_walk(k, seen), _walk(v, seen)) for k, v in value.items()]
        if any(
            nk is not k or nv is not v
            for (nk, nv), (k, v) in zip(pairs, value.items(), strict=True)
        ):
            result = dict(pairs)
    seen[key] = result
    return result  # type: ignore[no-any-return]
