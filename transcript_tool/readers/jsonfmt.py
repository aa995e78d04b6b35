"""JSON transcripts (.json, .jsonl): speech-to-text and diarization output, and
lists of turns as other tools export them.

Shapes read (``Transcript.format`` names the one detected)::

    whisper-json     {"text": ..., "segments": [{"id", "start", "end", "text"}], "language": ...}
                     OpenAI Whisper, faster-whisper; also a bare list of such segments and
                     the transcription API's {"text": ...}
    whisperx-json    {"segments": [{"start", "end", "text", "speaker": "SPEAKER_00",
                     "words": [{"word", "start", "end", "score", "speaker"}]}],
                     "word_segments": [...]}
    assemblyai-json  {"utterances": [{"speaker": "A", "start": 250, "end": 2150, "text",
                     "confidence", "words"}], "text", "audio_url", ...}   (milliseconds)
    deepgram-json    {"metadata": ..., "results": {"channels": [{"alternatives":
                     [{"transcript", "words", "paragraphs"}]}], "utterances": [...]}}
    convokit-jsonl   one {"id", "speaker", "text", "timestamp", "reply_to",
                     "conversation_id", "meta"} object per line (ConvoKit utterances.jsonl;
                     convokit-json: the older utterances.json, a list of them)
    json             [{"speaker", "text", "start", "end"}, ...], or an object holding such a
                     list under "transcript", "utterances", "turns", "segments", "messages" ...
    jsonl            such objects, one per line

In a list of turns the text may also be under ``message``, ``content``,
``utterance`` or ``transcript``, the speaker under ``name`` or ``role`` and the
start under ``start_time``, ``time`` or ``timestamp``. Times are seconds (a
number, or a string ``hh:mm:ss``, ``mm:ss``, ``hh:mm:ss.mmm``, ``hh:mm:ss,mmm``)
except AssemblyAI's, which are milliseconds; ConvoKit's ``timestamp`` is a start
only when it is a number. AssemblyAI speaker ``"A"`` becomes ``"Speaker A"``,
Deepgram speaker ``0`` becomes ``"Speaker 0"`` (``"Channel 1"`` for the
channels of a multichannel response).

WhisperX segments without a speaker take the majority speaker of their words,
else the speaker before them (a notice names the first such segment).
Deepgram's ``results.utterances`` are read when present, else each channel's
paragraphs, else its words, else its transcript. Text with no speaker anywhere
(Whisper) goes to the raw-caption segmenter, one chunk per segment.

Segments stay in file order with their times as written; one notice names
those that start before the previous one ends. Segments with empty text are
skipped. Anything else that is not as expected is an :class:`InputError`
naming the JSON path (``segments[3].start: ...``), or the line and column of
invalid JSON.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from ..errors import InputError, one_line
from ..model import Transcript
from . import Reader
from .common import (
    Chunk,
    RawTurn,
    ReadOptions,
    build_transcript,
    split_lines,
    unlabeled_transcript,
)
from .limits import (
    JsonObjects,
    TooManyObjects,
    check_json_values,
    check_segments,
    max_segments,
    segments_message,
)

TEXT_KEYS = ("text", "message", "content", "utterance", "transcript")
"""Where a turn of a generic list holds its text (the first present is read)."""
SPEAKER_KEYS = ("speaker", "name", "role")
START_KEYS = ("start", "start_time", "time", "timestamp")
END_KEYS = ("end", "end_time")
LIST_KEYS = (
    "transcript",
    "utterances",
    "turns",
    "segments",
    "messages",
    "conversation",
    "dialogue",
)
"""Keys under which an object may hold its list of turns."""

_ASSEMBLYAI_KEYS = frozenset(
    {
        "audio_url",
        "audio_duration",
        "status",
        "speaker_labels",
        "speakers_expected",
        "language_model",
        "acoustic_model",
        "webhook_url",
        "punctuate",
        "format_text",
    }
)
_CONVOKIT_KEYS = ("conversation_id", "reply_to")
_EXPECTED = (
    'expected an object with "segments", "utterances" or "results", '
    "or a list of {speaker, text} objects"
)
_CLOCK = re.compile(r"(?:(\d+):)?(\d+):(\d+)(?:[.,](\d+))?")
_NUMBER = re.compile(r"\d+(?:\.\d*)?|\.\d+")
_TOO_LONG = "not valid JSON: a number with more digits than Python reads (4300)"
_TOO_DEEP = (
    "JSON nested too deeply (no transcript nests its values this deep: is it the right file?)"
)
_OVERLAP_EXAMPLES = 3
_SHOWN = 40  # characters of a bad value quoted in a message


class _Bad(Exception):
    """The JSON is valid but not as expected at ``path`` (of the object on
    ``line``, for JSON Lines). Becomes an InputError naming the file."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.line = line


@dataclass(frozen=True)
class _Keys:
    """How one flavour names the fields of a segment."""

    text: tuple[str, ...] = TEXT_KEYS
    speaker: tuple[str, ...] = SPEAKER_KEYS
    start: tuple[str, ...] = START_KEYS
    end: tuple[str, ...] = END_KEYS
    millis: bool = False  # times are milliseconds (AssemblyAI)
    numeric_start: bool = False  # a start counts only when it is a number (ConvoKit)
    prefix: str = ""  # put before a speaker label ("A" -> "Speaker A")


_GENERIC = _Keys()
_ASSEMBLYAI = _Keys(millis=True, prefix="Speaker ")
_DEEPGRAM = _Keys(text=("transcript",), speaker=("speaker",), prefix="Speaker ")
_CONVOKIT = _Keys(speaker=("speaker", "user"), start=("timestamp",), numeric_start=True)


@dataclass
class _Item:
    """A segment as found: where it is (a JSON path, or "line N"), its text,
    its speaker when it names one, its times in seconds."""

    where: str
    text: str
    speaker: str | None
    start: float | None = None
    end: float | None = None
    line: int | None = None


@dataclass
class _Parsed:
    format: str
    items: list[_Item]
    notices: list[str] = field(default_factory=list)


# ------------------------------------------------------------------- the reader


def sniff(text: str, name: str) -> float:
    """0.95 for JSON (or JSON Lines) holding a transcript shape, or any text that
    starts with ``{``/``[`` in a ``.json``/``.jsonl`` file; 0.6 for other text in
    such a file; 0 otherwise (a ``[Name]: text`` transcript does not parse)."""
    by_name = name.lower().endswith((".json", ".jsonl"))
    body = text.lstrip("\ufeff \t\r\n")
    if not body.startswith(("{", "[")):
        return 0.6 if by_name else 0.0
    if by_name:
        return 0.95
    try:
        check_json_values(body, name)
        data: Any = json.loads(body, object_hook=JsonObjects())
    except (InputError, TooManyObjects):
        return 0.6  # JSON, it seems, and too large to parse: read() will say so
    except (ValueError, RecursionError):
        first = split_lines(body)[0]
        try:
            data = [json.loads(first)]  # the first line of JSON Lines
        except (ValueError, RecursionError):
            return 0.0
    return 0.95 if _known_shape(data) else 0.0


def read(text: str, name: str, options: ReadOptions | None = None) -> Transcript:
    """Turns from a JSON transcript; see the module docstring."""
    if not text.strip():
        raise InputError("the transcript is empty (is it the right file?)", source=name)
    data, lines = _parse(text.removeprefix("\ufeff"), name)
    try:
        parsed = _from_lines(data, lines) if lines is not None else _interpret(data)
    except _Bad as bad:
        raise InputError(str(bad), source=name, line=bad.line) from None
    return _transcript(parsed, name, options or ReadOptions())


def _known_shape(data: Any) -> bool:
    if isinstance(data, list):
        return any(isinstance(item, dict) for item in data)
    if isinstance(data, dict):
        keys = ("results", *LIST_KEYS, *TEXT_KEYS)
        return any(key in data for key in keys)
    return False


# ---------------------------------------------------------------------- parsing


def _parse(text: str, name: str) -> tuple[Any, list[int] | None]:
    """The JSON value, or for JSON Lines the values with their line numbers;
    held to the JSON limits of :mod:`.limits` (checked before and while parsing)."""
    check_json_values(text, name)
    if name.lower().endswith(".jsonl"):
        return _parse_lines(text, name)
    objects = JsonObjects()
    try:
        return json.loads(text, object_hook=objects), None
    except TooManyObjects:
        raise InputError(objects.message(), source=name) from None
    except json.JSONDecodeError as error:
        if error.msg == "Extra data" and _first_line_parses(text):
            return _parse_lines(text, name)
        raise InputError(
            f"not valid JSON: {error.msg}", source=name, line=error.lineno, column=error.colno
        ) from None
    except RecursionError:
        raise InputError(_TOO_DEEP, source=name) from None
    except ValueError:  # int() refused a number of more than 4300 digits
        raise InputError(_TOO_LONG, source=name) from None


def _first_line_parses(text: str) -> bool:
    first = next((line for line in split_lines(text) if line.strip()), "")
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return False
    return True


def _parse_lines(text: str, name: str) -> tuple[list[Any], list[int]]:
    values: list[Any] = []
    numbers: list[int] = []
    lines = split_lines(text)
    check_segments(sum(1 for line in lines if line.strip()), "lines of JSON", name)
    objects = JsonObjects()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            values.append(json.loads(line, object_hook=objects))
        except TooManyObjects:
            raise InputError(objects.message(), source=name, line=number) from None
        except json.JSONDecodeError as error:
            raise InputError(
                f"not valid JSON: {error.msg}", source=name, line=number, column=error.colno
            ) from None
        except RecursionError:
            raise InputError(_TOO_DEEP, source=name, line=number) from None
        except ValueError:
            raise InputError(_TOO_LONG, source=name, line=number) from None
        numbers.append(number)
    return values, numbers


# ----------------------------------------------------------------------- shapes


def _interpret(data: Any) -> _Parsed:
    if isinstance(data, list):
        if not data:
            raise _Bad("", "no segments (the list is empty)")
        _within_limit(data, "", "segments")
        return _from_entries([(value, f"[{i}]", None) for i, value in enumerate(data)], False)
    if not isinstance(data, dict):
        raise _Bad("", f"not a transcript: {_EXPECTED}; got {_kind(data)}")
    if "results" in data and ("metadata" in data or isinstance(data["results"], dict)):
        return _deepgram(data["results"])
    if "segments" in data:
        return _segments(data)
    if "utterances" in data:
        return _utterances(data)
    for key in LIST_KEYS:
        if key in data:
            value = data[key]
            if isinstance(value, str):  # {"transcript": "the whole text"}
                return _Parsed("json", [_Item(key, _text(value, key), None)])
            entries = _list(value, key, key)
            if not entries:
                raise _Bad("", f"no segments ({key} is an empty list)")
            return _from_entries([(v, f"{key}[{i}]", None) for i, v in enumerate(entries)], False)
    if any(key in data for key in SPEAKER_KEYS) and any(key in data for key in TEXT_KEYS):
        return _from_entries([(data, "", None)], False)  # a single turn
    if "text" in data:  # the Whisper API's {"text": ...}
        return _Parsed("whisper-json", [_Item("text", _text(data["text"], "text"), None)])
    raise _Bad("", f"not a transcript: {_EXPECTED}; got {_kind(data, keys=True)}")


def _from_lines(values: Sequence[Any], lines: Sequence[int]) -> _Parsed:
    if not values:
        raise _Bad("", "the transcript is empty (is it the right file?)")
    return _from_entries(list(zip(values, ("",) * len(values), lines, strict=True)), True)


def _from_entries(entries: Sequence[tuple[Any, str, int | None]], jsonl: bool) -> _Parsed:
    """A list of turns (generic, ConvoKit, or bare Whisper segments)."""
    if not any(isinstance(value, dict) for value, _, _ in entries):
        kinds = {_kind(value) for value, _, _ in entries}
        got = f"a list of {_plural(kinds.pop())}" if len(kinds) == 1 else "a list of non-objects"
        if jsonl:
            got = got.replace("a list of", "lines of")
        raise _Bad("", f"not a transcript: {_EXPECTED}; got {got}")
    convokit = any(
        isinstance(value, dict) and any(key in value for key in _CONVOKIT_KEYS)
        for value, _, _ in entries
    )
    keys = _CONVOKIT if convokit else _GENERIC
    items = [_item(value, path, keys, line) for value, path, line in entries]
    notices: list[str] = []
    if convokit:
        conversations = _conversations(entries)
        if len(conversations) > 1:
            shown = ", ".join(json.dumps(c, ensure_ascii=False) for c in conversations[:3])
            more = f" and {len(conversations) - 3} more" if len(conversations) > 3 else ""
            notices.append(
                f"{len(conversations)} conversations were read (conversation_id {shown}{more}), "
                "in file order, as one transcript"
            )
        return _Parsed("convokit-jsonl" if jsonl else "convokit-json", items, notices)
    if jsonl:
        return _Parsed("jsonl", items)
    whisper = all(
        item.speaker is None and item.start is not None and item.end is not None for item in items
    ) and all(isinstance(value, dict) and "text" in value for value, _, _ in entries)
    return _Parsed("whisper-json" if whisper else "json", items)


def _conversations(entries: Sequence[tuple[Any, str, int | None]]) -> list[str]:
    seen: dict[str, None] = {}
    for value, _, _ in entries:
        conversation = value.get("conversation_id") if isinstance(value, dict) else None
        if isinstance(conversation, (str, int)) and not isinstance(conversation, bool):
            seen.setdefault(str(conversation), None)
    return list(seen)


def _segments(data: dict[str, Any]) -> _Parsed:
    """Whisper, WhisperX, or a generic list under "segments"."""
    segments = _list(data["segments"], "segments", "segments")
    if not segments:
        raise _Bad("", "no segments (segments is an empty list)")
    items = [_item(value, f"segments[{i}]", _GENERIC, None) for i, value in enumerate(segments)]
    whisperx = "word_segments" in data or any(
        isinstance(segment, dict)
        and (
            segment.get("speaker") is not None
            or any(
                isinstance(word, dict) and word.get("speaker") is not None
                for word in _words_of(segment)
            )
        )
        for segment in segments
    )
    if whisperx:
        return _Parsed("whisperx-json", items)
    plain = all(item.speaker is None for item in items) and all(
        isinstance(segment, dict) and "text" in segment for segment in segments
    )
    return _Parsed("whisper-json" if plain else "json", items)


def _utterances(data: dict[str, Any]) -> _Parsed:
    """AssemblyAI, or a generic list under "utterances"."""
    value = data["utterances"]
    assemblyai = any(key in data for key in _ASSEMBLYAI_KEYS) or (
        isinstance(value, list)
        and bool(value)
        and isinstance(value[0], dict)
        and isinstance(value[0].get("words"), list)
        and "confidence" in value[0]
        and isinstance(value[0].get("start"), int)
    )
    if value is None and assemblyai and "text" in data:  # transcribed without speaker_labels
        return _Parsed("assemblyai-json", [_Item("text", _text(data["text"], "text"), None)])
    utterances = _list(value, "utterances", "utterances")
    if not utterances:
        raise _Bad("", "no utterances (utterances is an empty list)")
    keys = _ASSEMBLYAI if assemblyai else _GENERIC
    items = [_item(u, f"utterances[{i}]", keys, None) for i, u in enumerate(utterances)]
    return _Parsed("assemblyai-json" if assemblyai else "json", items)


# --------------------------------------------------------------------- Deepgram


def _deepgram(value: Any) -> _Parsed:
    results = _object(value, "results")
    notices: list[str] = []
    utterances = results.get("utterances")
    if utterances is not None and _list(utterances, "results.utterances", "utterances"):
        items = [
            _item(u, f"results.utterances[{i}]", _DEEPGRAM, None) for i, u in enumerate(utterances)
        ]
        numbers = {
            _channel(u.get("channel"), f"results.utterances[{i}].channel")
            for i, u in enumerate(utterances)
        } - {None}
        if len(numbers) > 1:
            for item, u in zip(items, utterances, strict=True):
                item.speaker = _channel_label(u.get("channel"), item.speaker)
        return _Parsed("deepgram-json", items)
    if "channels" not in results:
        raise _Bad("results", 'expected "channels" or "utterances"')
    channels = _list(results["channels"], "results.channels", "channels")
    if not channels:
        raise _Bad("", "no segments (results.channels is an empty list)")
    items = []
    for c, channel in enumerate(channels):
        found = _deepgram_channel(channel, f"results.channels[{c}]", len(channels) > 1)
        if len(channels) > 1:
            for item in found:
                item.speaker = _channel_label(c, item.speaker)
        items.extend(found)
    if len(channels) > 1:
        items.sort(key=lambda item: math.inf if item.start is None else item.start)
        notices.append(f"{len(channels)} channels: their turns are put in order of start time")
    return _Parsed("deepgram-json", items, notices)


def _channel(value: Any, path: str) -> int | str | None:
    """An utterance's channel: a number (or a name), or None."""
    if value is None or (isinstance(value, (int, str)) and not isinstance(value, bool)):
        return value
    raise _Bad(path, f"expected a channel number, got {_kind(value)}")


def _channel_label(channel: Any, speaker: str | None) -> str:
    return f"Channel {channel}" + (f" {speaker}" if speaker else "")


def _deepgram_channel(value: Any, path: str, multichannel: bool) -> list[_Item]:
    """Paragraphs with speakers (or of one channel of several), else words with
    speakers, else the paragraphs' sentences or the transcript (no speakers)."""
    channel = _object(value, path)
    alternatives = _list(channel.get("alternatives"), f"{path}.alternatives", "alternatives")
    if not alternatives:
        raise _Bad(f"{path}.alternatives", "no alternatives (an empty list)")
    path = f"{path}.alternatives[0]"
    alternative = _object(alternatives[0], path)
    paragraphs: list[tuple[_Item, list[_Item]]] = []
    holder = alternative.get("paragraphs")
    if isinstance(holder, dict) and holder.get("paragraphs") is not None:
        at = f"{path}.paragraphs.paragraphs"
        found = _list(holder["paragraphs"], at, "paragraphs")
        paragraphs = [_paragraph(p, f"{at}[{i}]") for i, p in enumerate(found)]
        if multichannel or any(paragraph.speaker is not None for paragraph, _ in paragraphs):
            return [paragraph for paragraph, _ in paragraphs]
    words = alternative.get("words")
    if isinstance(words, list) and any(
        isinstance(word, dict) and word.get("speaker") is not None for word in words
    ):
        return _word_runs(words, f"{path}.words")
    if paragraphs:  # no speakers: one chunk per sentence for the segmenter
        return [sentence for _, sentences in paragraphs for sentence in sentences]
    if "transcript" not in alternative:
        raise _Bad(path, 'no "transcript", "paragraphs" or "words"')
    text = _text(alternative["transcript"], f"{path}.transcript")
    return [_Item(f"{path}.transcript", text, None)]


def _paragraph(value: Any, path: str) -> tuple[_Item, list[_Item]]:
    """A Deepgram paragraph (its sentences joined) and its sentences."""
    paragraph = _object(value, path)
    speaker = _speaker(paragraph.get("speaker"), f"{path}.speaker", _DEEPGRAM.prefix)
    start, end = _times(paragraph, path, _DEEPGRAM)
    sentences: list[_Item] = []
    if "sentences" in paragraph:
        found = _list(paragraph["sentences"], f"{path}.sentences", "sentences")
        for i, sentence in enumerate(found):
            at = f"{path}.sentences[{i}]"
            fields = _object(sentence, at)
            if "text" not in fields:
                raise _Bad(at, 'no "text"')
            text = _text(fields["text"], f"{at}.text")
            sentences.append(_Item(at, text, speaker, *_times(fields, at, _DEEPGRAM)))
    elif "text" in paragraph:
        sentences.append(_Item(path, _text(paragraph["text"], f"{path}.text"), speaker, start, end))
    else:
        raise _Bad(path, 'no "sentences"')
    text = " ".join(sentence.text for sentence in sentences)
    return _Item(path, text, speaker, start, end), sentences


def _word_runs(words: list[Any], path: str) -> list[_Item]:
    """Consecutive words of one speaker, as one segment each."""
    _within_limit(words, path, "words")
    items: list[_Item] = []
    pieces: list[list[str]] = []  # each run's words, joined once (not appended: quadratic)
    for i, value in enumerate(words):
        at = f"{path}[{i}]"
        word = _object(value, at)
        key = "punctuated_word" if "punctuated_word" in word else "word"
        if key not in word:
            raise _Bad(at, 'no "word"')
        text = _text(word[key], f"{at}.{key}")
        speaker = _speaker(word.get("speaker"), f"{at}.speaker", _DEEPGRAM.prefix)
        start, end = _times(word, at, _DEEPGRAM)
        if items and items[-1].speaker == speaker:
            pieces[-1].append(text)
            items[-1].end = end if end is not None else items[-1].end
        else:
            items.append(_Item(at, text, speaker, start, end))
            pieces.append([text])
    for item, texts in zip(items, pieces, strict=True):
        item.text = " ".join(texts)
    return items


# --------------------------------------------------------------------- segments


def _item(value: Any, path: str, keys: _Keys, line: int | None) -> _Item:
    """One segment: its text, speaker (or its words' majority speaker) and times."""
    try:
        segment = _object(value, path)
        text_key = next((key for key in keys.text if key in segment), None)
        if text_key is None:
            others = f" (nor {_quoted(keys.text[1:])})" if len(keys.text) > 1 else ""
            raise _Bad(path, f'no "{keys.text[0]}"{others}')
        text = _text(segment[text_key], _at(path, text_key))
        speaker_key = next((k for k in keys.speaker if segment.get(k) is not None), None)
        speaker = None
        if speaker_key is not None:
            speaker = _speaker(segment[speaker_key], _at(path, speaker_key), keys.prefix)
        if speaker is None:
            speaker = _majority_speaker(segment, path, keys)
        start, end = _times(segment, path, keys)
    except _Bad as bad:
        bad.line = line
        raise
    where = path or (f"line {line}" if line is not None else "the turn")
    return _Item(where, text, speaker, start, end, line)


def _majority_speaker(segment: dict[str, Any], path: str, keys: _Keys) -> str | None:
    """The speaker most of a segment's words carry (WhisperX), if any."""
    counts: Counter[str] = Counter()
    for i, word in enumerate(_words_of(segment)):
        if isinstance(word, dict) and word.get("speaker") is not None:
            label = _speaker(word["speaker"], f"{path}.words[{i}].speaker", keys.prefix)
            if label is not None:
                counts[label] += 1
    return counts.most_common(1)[0][0] if counts else None


def _words_of(segment: dict[str, Any]) -> list[Any]:
    words = segment.get("words")
    return words if isinstance(words, list) else []


def _times(segment: dict[str, Any], path: str, keys: _Keys) -> tuple[float | None, float | None]:
    start = end = None
    start_key = next((key for key in keys.start if segment.get(key) is not None), None)
    if start_key is not None:
        value = segment[start_key]
        if not keys.numeric_start or _is_number(value):
            start = _seconds(value, _at(path, start_key), keys.millis)
    end_key = next((key for key in keys.end if segment.get(key) is not None), None)
    if end_key is not None:
        end = _seconds(segment[end_key], _at(path, end_key), keys.millis)
    if start is not None and end is not None and end < start and end_key and start_key:
        written = f"{_shown(segment[end_key])} is before the start ({_shown(segment[start_key])})"
        raise _Bad(_at(path, end_key), written)
    return start, end


def _seconds(value: Any, path: str, millis: bool) -> float | None:
    """A time in seconds from a number (milliseconds when ``millis``) or a clock string."""
    seconds: float | None = None
    try:
        if _is_number(value):
            seconds = value / 1000 if millis else float(value)
        elif isinstance(value, str):
            seconds = _clock(value.strip(), millis)
    except (OverflowError, ValueError):  # past a float's range, or int()'s 4300 digits
        seconds = None
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        unit = "milliseconds" if millis else "seconds"
        raise _Bad(path, f"expected a time in {unit} (or hh:mm:ss.mmm), got {_shown(value)}")
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


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _text(value: Any, path: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Bad(path, f"expected a string, got {_kind(value)}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _Bad(path, "the text holds an unpaired surrogate escape (\\ud800-\\udfff)") from None
    return value


def _speaker(value: Any, path: str, prefix: str) -> str | None:
    """A speaker label: a name as written (``prefix`` before it), or ``Speaker N``
    for a number; None for null or an empty name."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return f"Speaker {value}"
    if isinstance(value, float) and value.is_integer():
        return f"Speaker {int(value)}"
    if not isinstance(value, str):
        raise _Bad(path, f"expected a speaker name, got {_kind(value)}")
    label = " ".join(_text(value, path).split())
    return f"{prefix}{label}" if label else None


def _object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Bad(path, f"expected an object, got {_kind(value)}")
    return value


def _list(value: Any, path: str, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise _Bad(path, f"expected a list of {what}, got {_kind(value)}")
    return _within_limit(value, path, what)


def _within_limit(value: list[Any], path: str, what: str) -> list[Any]:
    """``value``, or _Bad when it holds more items than a transcript may (checked
    before they are read: a million segments would take many minutes)."""
    limit = max_segments()
    if len(value) > limit:
        raise _Bad(path, segments_message(len(value), what, limit))
    return value


def _at(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


# ---------------------------------------------------------------- to Transcript


def _transcript(parsed: _Parsed, name: str, options: ReadOptions) -> Transcript:
    notices = [*parsed.notices, *_overlap_notices(parsed.items)]
    spoken = [item for item in parsed.items if item.text.strip()]
    if not spoken:
        raise InputError("the transcript is empty (is it the right file?)", source=name)
    if all(item.speaker is None for item in spoken):
        chunks = [Chunk(item.text, item.line, item.start, item.end) for item in spoken]
        return unlabeled_transcript(
            chunks, format=parsed.format, source=name, options=options, notices=notices
        )
    unnamed = [item for item in spoken if item.speaker is None]
    if unnamed:
        more = f" (and {len(unnamed) - 1} more)" if len(unnamed) > 1 else ""
        notices.append(
            f"{unnamed[0].where}{more} names no speaker: given the speaker before it "
            "(the first speaker named, at the start)"
        )
    speaker = next(item.speaker for item in spoken if item.speaker is not None)
    raw_turns: list[RawTurn] = []
    for item in spoken:
        speaker = item.speaker or speaker
        raw_turns.append(RawTurn(speaker, item.text, item.line, item.start, item.end))
    return build_transcript(
        raw_turns, format=parsed.format, source=name, notices=notices, unit="segments"
    )


def _overlap_notices(items: Sequence[_Item]) -> list[str]:
    """One notice naming the first few segments that start before the previous
    timed segment ends (or, without end times, before it starts)."""
    timed = [item for item in items if item.start is not None]
    found = []
    for previous, item in pairwise(timed):
        assert previous.start is not None and item.start is not None
        stop = previous.end if previous.end is not None else previous.start
        if item.start < stop:
            verb = "ends" if previous.end is not None else "starts"
            found.append(f"{item.where} starts before {previous.where} {verb}")
    if not found:
        return []
    shown = "; ".join(found[:_OVERLAP_EXAMPLES])
    more = f"; and {len(found) - _OVERLAP_EXAMPLES} more" if len(found) > _OVERLAP_EXAMPLES else ""
    return [f"{shown}{more} (segments kept in file order, with their times as written)"]


# --------------------------------------------------------------------- messages


def _kind(value: Any, keys: bool = False) -> str:
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
    return f"an object with keys {_quoted(names[:5])}{more}"


def _plural(kind: str) -> str:
    return {"null": "nulls", "an empty list": "empty lists"}.get(kind, kind.split(" ", 1)[-1] + "s")


def _quoted(names: Sequence[str]) -> str:
    return ", ".join(one_line(json.dumps(name, ensure_ascii=False))[:_SHOWN] for name in names)


def _shown(value: Any) -> str:
    if isinstance(value, (dict, list)) or value is None:
        return _kind(value)
    try:
        shown = one_line(json.dumps(value, ensure_ascii=False))  # it keeps U+2028 as is
    except ValueError:
        shown = repr(value)
    return shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…"


EXAMPLE = """\
[
  {"speaker": "Interviewer", "start": 0.0, "end": 3.4,
   "text": "Thanks for coming in. What drew you to this role?"},
  {"speaker": "Candidate", "start": 4.1, "end": 9.8,
   "text": "I've run a café floor for two years and I want to lead a team."}
]
"""


READER = Reader(
    name="json",
    description=(
        "JSON: Whisper, WhisperX, AssemblyAI, Deepgram, ConvoKit utterances.jsonl, "
        "or a list of {speaker, text, start, end}"
    ),
    extensions=(".json", ".jsonl"),
    sniff=sniff,
    read=read,
    example=EXAMPLE,
)
