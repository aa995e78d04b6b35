"""Speech-to-text responses that list every word (read by :mod:`.jsonfmt`):

    revai-json         Rev.ai {"monologues": [{"speaker": 0, "speaker_info"?: {"display_name"},
                       "elements": [{"type": "text", "value", "ts", "end_ts"},
                       {"type": "punct", "value": " "}]}]}
    aws-transcribe-json
                       Amazon Transcribe {"jobName", "results": {"transcripts": [{"transcript"}],
                       "items": [{"type": "pronunciation", "start_time": "4.87", "end_time",
                       "speaker_label"?: "spk_0", "alternatives": [{"content"}]},
                       {"type": "punctuation", "alternatives": [{"content": "."}]}],
                       "speaker_labels"?: {"segments": [...]}, "channel_labels"?: {...}}}
    speechmatics-json  Speechmatics {"format": "2.9", "metadata", "results": [{"type": "word",
                       "start_time", "end_time", "alternatives": [{"content", "speaker": "S1"}]},
                       {"type": "punctuation", "attaches_to": "previous", ...}]}

A turn is a run of words of one speaker, its text the words as the service
wrote them: Rev.ai's elements joined as they are (its spaces are elements
too), the others' words with a space between them and punctuation joined to
the word it belongs to (Amazon's always to the word before it, Speechmatics'
as its ``attaches_to`` says). Speakers: Rev.ai's ``display_name`` when it
has one, else ``Speaker N``; Amazon's ``spk_N`` and Speechmatics' ``SN`` are
``Speaker N``; Amazon's and Speechmatics' channels (``ch_N``, ``channel_N``)
are ``Channel N`` when there are no speakers. Amazon's older output names the
speakers only in ``speaker_labels.segments``: each word takes the speaker of
the segment item with its start time. Speechmatics' unidentified speaker
(``UU``) takes the speaker before it. With no speaker anywhere, the words go
to the raw-caption segmenter, one chunk per sentence (Amazon's transcript
alone, when it lists no items).
"""

from __future__ import annotations

from typing import Any

from .jsonvalues import (
    Bad,
    Item,
    Parsed,
    as_list,
    as_object,
    at_key,
    shown_value,
    speaker_label,
    text_value,
    to_seconds,
)
from .wordruns import Word, merged, numbered, runs

_UNIDENTIFIED = "UU"


# ----------------------------------------------------------------------- Rev.ai


def revai(data: dict[str, Any]) -> Parsed:
    """Each monologue as one segment."""
    monologues = as_list(data["monologues"], "monologues", "monologues")
    if not monologues:
        raise Bad("", "no segments (monologues is an empty list)")
    items: list[Item] = []
    for m, value in enumerate(monologues):
        path = f"monologues[{m}]"
        monologue = as_object(value, path)
        speaker = _revai_speaker(monologue, path)
        elements = as_list(monologue.get("elements"), f"{path}.elements", "elements")
        pieces: list[str] = []
        start = end = None
        for e, element_value in enumerate(elements):
            at = f"{path}.elements[{e}]"
            element = as_object(element_value, at)
            if "value" not in element:
                raise Bad(at, 'no "value"')
            pieces.append(text_value(element["value"], f"{at}.value"))
            if element.get("ts") is not None:
                seconds = to_seconds(element["ts"], f"{at}.ts", False)
                start = seconds if start is None else start
            if element.get("end_ts") is not None:
                end = to_seconds(element["end_ts"], f"{at}.end_ts", False)
        if start is not None and end is not None and end < start:
            raise Bad(path, f"its last word ends ({end:g} s) before its first starts ({start:g} s)")
        items.append(Item(path, "".join(pieces).strip(), speaker, start, end))
    return Parsed("revai-json", items)


def _revai_speaker(monologue: dict[str, Any], path: str) -> str | None:
    info = monologue.get("speaker_info")
    if isinstance(info, dict):
        name = info.get("display_name")
        if isinstance(name, str) and name.strip():
            return speaker_label(name, f"{path}.speaker_info.display_name", "")
    return speaker_label(monologue.get("speaker"), f"{path}.speaker", "")


# ------------------------------------------------------------- Amazon Transcribe


def aws_transcribe(results_value: Any) -> Parsed:
    results = as_object(results_value, "results")
    items = results.get("items")
    if items is None or (isinstance(items, list) and not items):
        return Parsed("aws-transcribe-json", [_aws_transcript(results)])
    words = _aws_words(as_list(items, "results.items", "items"), "results.items", None)
    notices: list[str] = []
    if not any(word.speaker for word in words):
        by_start = _aws_segment_speakers(results.get("speaker_labels"))
        if by_start:
            for word in words:
                if word.start is not None and not word.joined:
                    word.speaker = by_start.get(round(word.start, 3))
        elif isinstance(results.get("channel_labels"), dict):
            words = _aws_channels(results["channel_labels"])
            notices.append("channels: their words are put in order of start time")
    return Parsed("aws-transcribe-json", runs(words), notices)


def _aws_transcript(results: dict[str, Any]) -> Item:
    transcripts = as_list(results.get("transcripts"), "results.transcripts", "transcripts")
    if not transcripts:
        raise Bad("results", 'no "items" and no "transcripts"')
    first = as_object(transcripts[0], "results.transcripts[0]")
    path = "results.transcripts[0].transcript"
    return Item(path, text_value(first.get("transcript"), path), None)


def _aws_words(items: list[Any], path: str, channel: str | None) -> list[Word]:
    words: list[Word] = []
    for i, value in enumerate(items):
        at = f"{path}[{i}]"
        item = as_object(value, at)
        text = _content(item, at)
        kind_ = item.get("type")
        if kind_ == "punctuation":
            speaker = words[-1].speaker if words else None
            words.append(Word(at, text, speaker, None, None, joined=bool(words)))
            continue
        if kind_ != "pronunciation":
            wanted = 'expected "pronunciation" or "punctuation"'
            raise Bad(at_key(at, "type"), f"{wanted}, got {shown_value(kind_)}")
        start, end = _times(item, at, "start_time", "end_time")
        label = item.get("speaker_label")
        if label is None and item.get("channel_label") is not None:
            label = item["channel_label"]
        speaker = numbered(label, at) if label is not None else channel
        words.append(Word(at, text, speaker, start, end))
    return words


def _aws_segment_speakers(value: Any) -> dict[float, str]:
    """The older output's speakers: each segment item's start time (to the
    millisecond) -> its speaker."""
    if not isinstance(value, dict):
        return {}
    found: dict[float, str] = {}
    segments = as_list(value.get("segments", []), "results.speaker_labels.segments", "segments")
    for s, segment_value in enumerate(segments):
        path = f"results.speaker_labels.segments[{s}]"
        segment = as_object(segment_value, path)
        for i, item_value in enumerate(as_list(segment.get("items", []), f"{path}.items", "items")):
            at = f"{path}.items[{i}]"
            item = as_object(item_value, at)
            label = item.get("speaker_label", segment.get("speaker_label"))
            if item.get("start_time") is None or label is None:
                continue
            start = to_seconds(item["start_time"], f"{at}.start_time", False)
            speaker = numbered(label, at)
            if speaker is not None and start is not None:
                found[round(start, 3)] = speaker
    return found


def _aws_channels(value: dict[str, Any]) -> list[Word]:
    channels = as_list(value.get("channels"), "results.channel_labels.channels", "channels")
    streams: list[list[Word]] = []
    for c, channel_value in enumerate(channels):
        path = f"results.channel_labels.channels[{c}]"
        channel = as_object(channel_value, path)
        label = numbered(channel.get("channel_label", f"ch_{c}"), f"{path}.channel_label")
        items = as_list(channel.get("items"), f"{path}.items", "items")
        streams.append(_aws_words(items, f"{path}.items", label))
    return merged(streams)


# ------------------------------------------------------------------ Speechmatics


def speechmatics(results_value: Any) -> Parsed:
    results = as_list(results_value, "results", "results")
    if not results:
        raise Bad("", "no segments (results is an empty list)")
    words: list[Word] = []
    glue_next = False
    channels = False
    for i, value in enumerate(results):
        at = f"results[{i}]"
        result = as_object(value, at)
        kind_ = result.get("type")
        if kind_ not in ("word", "punctuation"):
            continue  # "entity", "speaker_change": no words of their own
        text = _content(result, at)
        alternative = result["alternatives"][0]
        start, end = _times(result, at, "start_time", "end_time")
        label = alternative.get("speaker") if isinstance(alternative, dict) else None
        if label is None and result.get("channel") is not None:
            label, channels = result["channel"], True
        speaker = None if label == _UNIDENTIFIED else numbered(label, f"{at}.alternatives[0]")
        attaches = result.get("attaches_to", "previous") if kind_ == "punctuation" else "none"
        joined = bool(words) and (glue_next or attaches in ("previous", "both"))
        if kind_ == "punctuation" and joined:
            speaker = words[-1].speaker
        words.append(Word(at, text, speaker, start, end, joined=joined))
        glue_next = attaches in ("next", "both")
    notices = ["channels: their words are read in file order"] if channels else []
    return Parsed("speechmatics-json", runs(words), notices)


# ------------------------------------------------------------------------ shared


def _content(item: dict[str, Any], path: str) -> str:
    alternatives = as_list(item.get("alternatives"), f"{path}.alternatives", "alternatives")
    if not alternatives:
        raise Bad(f"{path}.alternatives", "no alternatives (an empty list)")
    first = as_object(alternatives[0], f"{path}.alternatives[0]")
    if "content" not in first:
        raise Bad(f"{path}.alternatives[0]", 'no "content"')
    return text_value(first["content"], f"{path}.alternatives[0].content")


def _times(
    item: dict[str, Any], path: str, start_key: str, end_key: str
) -> tuple[float | None, float | None]:
    start = end = None
    if item.get(start_key) is not None:
        start = to_seconds(item[start_key], at_key(path, start_key), False)
    if item.get(end_key) is not None:
        end = to_seconds(item[end_key], at_key(path, end_key), False)
    if start is not None and end is not None and end < start:
        raise Bad(at_key(path, end_key), f"{end:g} is before the start ({start:g})")
    return start, end
