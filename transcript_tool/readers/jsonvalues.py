"""The values of a JSON transcript (:mod:`.jsonfmt`, :mod:`.deepgram`): a
segment's text, speaker and times, read from the keys its flavour uses, and the
messages that name a value that is not as expected (:class:`Bad`, which the
reader turns into an InputError naming the file and the JSON path)."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import one_line
from .limits import max_segments, segments_message

TEXT_KEYS = ("text", "message", "content", "utterance", "transcript")
"""Where a turn of a generic list holds its text (the first present is read)."""
SPEAKER_KEYS = ("speaker", "speaker_name", "name", "role")
START_KEYS = ("start", "start_time", "time", "timestamp")
END_KEYS = ("end", "end_time")
_CLOCK = re.compile(r"(?:(\d+):)?(\d+):(\d+)(?:[.,](\d+))?")
_NUMBER = re.compile(r"\d+(?:\.\d*)?|\.\d+")
# a service's own speaker id, which a prefix goes before: AssemblyAI's "A".."Z", "AA", ...
_SPEAKER_ID = re.compile(r"[A-Za-z]|[A-Z]{2}|\d+")
_SHOWN = 40  # characters of a bad value quoted in a message


class Bad(Exception):
    """The JSON is valid but not as expected at ``path`` (of the object on
    ``line``, for JSON Lines). Becomes an InputError naming the file."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.line = line


@dataclass(frozen=True)
class Keys:
    """How one flavour names the fields of a segment."""

    text: tuple[str, ...] = TEXT_KEYS
    speaker: tuple[str, ...] = SPEAKER_KEYS
    start: tuple[str, ...] = START_KEYS
    end: tuple[str, ...] = END_KEYS
    millis: bool = False  # times are milliseconds (AssemblyAI)
    numeric_start: bool = False  # a start counts only when it is a number (ConvoKit)
    prefix: str = ""  # put before a speaker id ("A" -> "Speaker A"), not before a name


@dataclass
class Item:
    """A segment as found: where it is (a JSON path, or "line N"), its text,
    its speaker when it names one, its times in seconds."""

    where: str
    text: str
    speaker: str | None
    start: float | None = None
    end: float | None = None
    line: int | None = None


@dataclass
class Parsed:
    format: str
    items: list[Item]
    notices: list[str] = field(default_factory=list)


def read_item(value: Any, path: str, keys: Keys, line: int | None) -> Item:
    """One segment: its text, speaker (or its words' majority speaker) and times."""
    try:
        segment = as_object(value, path)
        text_key = next((key for key in keys.text if key in segment), None)
        if text_key is None:
            others = f" (nor {quoted(keys.text[1:])})" if len(keys.text) > 1 else ""
            raise Bad(path, f'no "{keys.text[0]}"{others}')
        text = text_value(segment[text_key], at_key(path, text_key))
        speaker_key = next((k for k in keys.speaker if segment.get(k) is not None), None)
        speaker = None
        if speaker_key is not None:
            speaker = speaker_label(segment[speaker_key], at_key(path, speaker_key), keys.prefix)
        if speaker is None:
            speaker = _majority_speaker(segment, path, keys)
        start, end = times(segment, path, keys)
    except Bad as bad:
        bad.line = line
        raise
    where = path or (f"line {line}" if line is not None else "the turn")
    return Item(where, text, speaker, start, end, line)


def _majority_speaker(segment: dict[str, Any], path: str, keys: Keys) -> str | None:
    """The speaker most of a segment's words carry (WhisperX), if any."""
    counts: Counter[str] = Counter()
    for i, word in enumerate(words_of(segment)):
        if isinstance(word, dict) and word.get("speaker") is not None:
            label = speaker_label(word["speaker"], f"{path}.words[{i}].speaker", keys.prefix)
            if label is not None:
                counts[label] += 1
    return counts.most_common(1)[0][0] if counts else None


def words_of(segment: dict[str, Any]) -> list[Any]:
    words = segment.get("words")
    return words if isinstance(words, list) else []


def times(segment: dict[str, Any], path: str, keys: Keys) -> tuple[float | None, float | None]:
    start = end = None
    start_key = next((key for key in keys.start if segment.get(key) is not None), None)
    if start_key is not None:
        value = segment[start_key]
        if not keys.numeric_start or is_number(value):
            start = to_seconds(value, at_key(path, start_key), keys.millis)
    end_key = next((key for key in keys.end if segment.get(key) is not None), None)
    if end_key is not None:
        end = to_seconds(segment[end_key], at_key(path, end_key), keys.millis)
    if start is not None and end is not None and end < start and end_key and start_key:
        end_shown, start_shown = shown_value(segment[end_key]), shown_value(segment[start_key])
        written = f"{end_shown} is before the start ({start_shown})"
        raise Bad(at_key(path, end_key), written)
    return start, end


def to_seconds(value: Any, path: str, millis: bool) -> float | None:
    """A time in seconds from a number (milliseconds when ``millis``) or a clock string."""
    seconds: float | None = None
    try:
        if is_number(value):
            seconds = value / 1000 if millis else float(value)
        elif isinstance(value, str):
            seconds = _clock(value.strip(), millis)
    except (OverflowError, ValueError):  # past a float's range, or int()'s 4300 digits
        seconds = None
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        unit = "milliseconds" if millis else "seconds"
        raise Bad(path, f"expected a time in {unit} (or hh:mm:ss.mmm), got {shown_value(value)}")
    return seconds


def _clock(text: str, millis: bool) -> float | None:
    if _NUMBER.fullmatch(text):
        return float(text) / 1000 if millis else float(text)
    fields = _CLOCK.fullmatch(text)
    if not fields:
        return None
    hours, minutes, seconds, fraction = fields.groups()
    if int(seconds) > 59 or (hours is not None and int(minutes) > 59):
        return None
    total = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return total + (float(f"0.{fraction}") if fraction else 0.0)


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def text_value(value: Any, path: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Bad(path, f"expected a string, got {kind(value)}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise Bad(path, "the text holds an unpaired surrogate escape (\\ud800-\\udfff)") from None
    return value


def speaker_label(value: Any, path: str, prefix: str) -> str | None:
    """A speaker label: ``Speaker N`` for a number, ``prefix`` before a service's
    id (a letter, two capitals or digits: AssemblyAI's "A" -> "Speaker A"), any
    other name as written (a user's relabelling: "Priya Shah"); None for null or
    an empty name."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return f"Speaker {value}"
    if isinstance(value, float) and value.is_integer():
        return f"Speaker {int(value)}"
    if not isinstance(value, str):
        raise Bad(path, f"expected a speaker name, got {kind(value)}")
    label = " ".join(text_value(value, path).split())
    if not label:
        return None
    return f"{prefix}{label}" if _SPEAKER_ID.fullmatch(label) else label


def as_object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Bad(path, f"expected an object, got {kind(value)}")
    return value


def as_list(value: Any, path: str, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise Bad(path, f"expected a list of {what}, got {kind(value)}")
    return within_limit(value, path, what)


def within_limit(value: list[Any], path: str, what: str) -> list[Any]:
    """``value``, or Bad when it holds more items than a transcript may (checked
    before they are read: a million segments would take many minutes)."""
    limit = max_segments()
    if len(value) > limit:
        raise Bad(path, segments_message(len(value), what, limit))
    return value


def at_key(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def kind(value: Any, keys: bool = False) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if not value:
        return "an empty object"
    if not keys:
        return "an object"
    names = list(value)
    more = f" and {len(names) - 5} more" if len(names) > 5 else ""
    return f"an object with keys {quoted(names[:5])}{more}"


def quoted(names: Sequence[str]) -> str:
    return ", ".join(one_line(json.dumps(name, ensure_ascii=False))[:_SHOWN] for name in names)


def shown_value(value: Any) -> str:
    if isinstance(value, (dict, list)) or value is None:
        return kind(value)
    try:
        shown = one_line(json.dumps(value, ensure_ascii=False))  # it keeps U+2028 as is
    except ValueError:
        shown = repr(value)
    return shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…"
