"""The shapes a JSON transcript comes in (:mod:`.jsonfmt` parses the file and
makes the transcript): Whisper's and WhisperX's segments, AssemblyAI's
utterances, ConvoKit's utterances, generic lists of turns, and the
speech-to-text services read by :mod:`.deepgram`, :mod:`.asrwords` and
:mod:`.google_stt`. :func:`interpret` tells them apart and reads each into
:class:`~.jsonvalues.Item` segments, raising :class:`~.jsonvalues.Bad` with
the JSON path of what is not as expected. ElevenLabs', Azure's, Gladia's
and IBM Watson's responses are read by :mod:`.speechservices`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from . import speechservices
from .asrwords import aws_transcribe, revai, speechmatics
from .deepgram import deepgram
from .google_stt import google
from .jsonvalues import (
    SPEAKER_KEYS,
    TEXT_KEYS,
    Bad,
    Item,
    Keys,
    Parsed,
    as_list,
    kind,
    read_item,
    text_value,
    within_limit,
    words_of,
)

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

_GENERIC = Keys()
_ASSEMBLYAI = Keys(millis=True, prefix="Speaker ")
_CONVOKIT = Keys(speaker=("speaker", "user"), start=("timestamp",), numeric_start=True)


def interpret(data: Any) -> Parsed:
    if isinstance(data, list):
        if not data:
            raise Bad("", "no segments (the list is empty)")
        within_limit(data, "", "segments")
        return _from_entries([(value, f"[{i}]", None) for i, value in enumerate(data)], False)
    if not isinstance(data, dict):
        raise Bad("", f"not a transcript: {_EXPECTED}; got {kind(data)}")
    envelope = data.get("data")
    if isinstance(envelope, dict) and isinstance(envelope.get("transcript"), dict):
        data = envelope["transcript"]  # a GraphQL reply: {"data": {"transcript": {...}}}
    results = data.get("results")
    if "monologues" in data:
        return revai(data)
    if speechservices.is_azure(data):
        return speechservices.azure(data)
    if speechservices.is_gladia(data):
        return speechservices.gladia(data)
    if speechservices.is_elevenlabs(data):
        return speechservices.elevenlabs(data)
    if speechservices.is_watson(data):
        return speechservices.watson(data)
    if isinstance(results, dict) and ("items" in results or "transcripts" in results):
        return aws_transcribe(results)
    if isinstance(results, list) and _speechmatics(results):
        return speechmatics(results)
    if isinstance(results, list) and _google(results):
        return google(results)
    if "results" in data and ("metadata" in data or isinstance(results, dict)):
        return deepgram(results)
    if "segments" in data:
        return _segments(data)
    if "utterances" in data:
        return _utterances(data)
    if "sentences" in data:
        return _sentences(data)
    for key in LIST_KEYS:
        if key in data:
            value = data[key]
            if isinstance(value, str):  # {"transcript": "the whole text"}
                return Parsed("json", [Item(key, text_value(value, key), None)])
            entries = as_list(value, key, key)
            if not entries:
                raise Bad("", f"no segments ({key} is an empty list)")
            return _from_entries([(v, f"{key}[{i}]", None) for i, v in enumerate(entries)], False)
    if any(key in data for key in SPEAKER_KEYS) and any(key in data for key in TEXT_KEYS):
        return _from_entries([(data, "", None)], False)  # a single turn
    if "text" in data:  # the Whisper API's {"text": ...}
        return Parsed("whisper-json", [Item("text", text_value(data["text"], "text"), None)])
    raise Bad("", f"not a transcript: {_EXPECTED}; got {kind(data, keys=True)}")


def _speechmatics(results: list[Any]) -> bool:
    """Speechmatics' results: typed words with alternatives."""
    first = results[0] if results else None
    return isinstance(first, dict) and "type" in first and "alternatives" in first


def _google(results: list[Any]) -> bool:
    """Google Speech-to-Text's results: alternatives, untyped."""
    return any(isinstance(result, dict) and "alternatives" in result for result in results[:5])


def from_lines(values: Sequence[Any], lines: Sequence[int]) -> Parsed:
    if not values:
        raise Bad("", "the transcript is empty (is it the right file?)")
    return _from_entries(list(zip(values, ("",) * len(values), lines, strict=True)), True)


def _from_entries(entries: Sequence[tuple[Any, str, int | None]], jsonl: bool) -> Parsed:
    """A list of turns (generic, ConvoKit, or bare Whisper segments)."""
    if not any(isinstance(value, dict) for value, _, _ in entries):
        kinds = {kind(value) for value, _, _ in entries}
        got = f"a list of {_plural(kinds.pop())}" if len(kinds) == 1 else "a list of non-objects"
        if jsonl:
            got = got.replace("a list of", "lines of")
        raise Bad("", f"not a transcript: {_EXPECTED}; got {got}")
    convokit = any(
        isinstance(value, dict) and any(key in value for key in _CONVOKIT_KEYS)
        for value, _, _ in entries
    )
    keys = _CONVOKIT if convokit else _GENERIC
    items = [read_item(value, path, keys, line) for value, path, line in entries]
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
        return Parsed("convokit-jsonl" if jsonl else "convokit-json", items, notices)
    if jsonl:
        return Parsed("jsonl", items)
    whisper = all(
        item.speaker is None and item.start is not None and item.end is not None for item in items
    ) and all(isinstance(value, dict) and "text" in value for value, _, _ in entries)
    return Parsed("whisper-json" if whisper else "json", items)


def _conversations(entries: Sequence[tuple[Any, str, int | None]]) -> list[str]:
    seen: dict[str, None] = {}
    for value, _, _ in entries:
        conversation = value.get("conversation_id") if isinstance(value, dict) else None
        if isinstance(conversation, (str, int)) and not isinstance(conversation, bool):
            seen.setdefault(str(conversation), None)
    return list(seen)


def _segments(data: dict[str, Any]) -> Parsed:
    """Whisper, WhisperX, or a generic list under "segments"."""
    segments = as_list(data["segments"], "segments", "segments")
    if not segments:
        raise Bad("", "no segments (segments is an empty list)")
    items = [read_item(value, f"segments[{i}]", _GENERIC, None) for i, value in enumerate(segments)]
    whisperx = "word_segments" in data or any(
        isinstance(segment, dict)
        and (
            segment.get("speaker") is not None
            or any(
                isinstance(word, dict) and word.get("speaker") is not None
                for word in words_of(segment)
            )
        )
        for segment in segments
    )
    if whisperx:
        return Parsed("whisperx-json", items)
    plain = all(item.speaker is None for item in items) and all(
        isinstance(segment, dict) and "text" in segment for segment in segments
    )
    return Parsed("whisper-json" if plain else "json", items)


def _utterances(data: dict[str, Any]) -> Parsed:
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
        return Parsed("assemblyai-json", [Item("text", text_value(data["text"], "text"), None)])
    utterances = as_list(value, "utterances", "utterances")
    if not utterances:
        raise Bad("", "no utterances (utterances is an empty list)")
    keys = _ASSEMBLYAI if assemblyai else _GENERIC
    items = [read_item(u, f"utterances[{i}]", keys, None) for i, u in enumerate(utterances)]
    return Parsed("assemblyai-json" if assemblyai else "json", items)


def _sentences(data: dict[str, Any]) -> Parsed:
    """Fireflies' transcript ({"sentences": [{"text", "speaker_name",
    "start_time", "end_time"}]}, seconds), AssemblyAI's sentences endpoint
    (milliseconds, as its utterances), or a generic list under "sentences"."""
    sentences = as_list(data["sentences"], "sentences", "sentences")
    if not sentences:
        raise Bad("", "no sentences (sentences is an empty list)")
    first = sentences[0] if isinstance(sentences[0], dict) else {}
    assemblyai = isinstance(first.get("words"), list) and isinstance(first.get("start"), int)
    fireflies = "speaker_name" in first or "raw_text" in first
    keys = _ASSEMBLYAI if assemblyai else _GENERIC
    items = [read_item(u, f"sentences[{i}]", keys, None) for i, u in enumerate(sentences)]
    flavour = "assemblyai-json" if assemblyai else "fireflies-json" if fireflies else "json"
    return Parsed(flavour, items)


def _plural(described: str) -> str:
    """ "a string" -> "strings": the plural of what :func:`.jsonvalues.kind` says."""
    plural = {"null": "nulls", "an empty list": "empty lists"}
    return plural.get(described, described.split(" ", 1)[-1] + "s")
