"""Four more speech-to-text responses (read by :mod:`.jsonfmt`)::

    elevenlabs-json  ElevenLabs Scribe {"language_code", "text", "words": [{"text", "start",
                     "end", "type": "word" | "spacing" | "audio_event", "speaker_id":
                     "speaker_0"}]}
    azure-json       Azure AI Speech batch transcription {"source", "durationInTicks",
                     "combinedRecognizedPhrases": [...], "recognizedPhrases": [{"channel",
                     "speaker"?: 1, "offsetInTicks", "durationInTicks", "nBest": [{"display"}]}]}
    gladia-json      Gladia {"id", "status", "result": {"transcription": {"full_transcript",
                     "utterances": [{"text", "start", "end", "speaker": 0, "channel"}]}}}
    watson-json      IBM Watson Speech to Text {"results": [{"final", "alternatives":
                     [{"transcript", "timestamps": [["word", 0.1, 0.3]]}]}],
                     "speaker_labels"?: [{"from": 0.1, "to": 0.3, "speaker": 0}]}

ElevenLabs lists every word and the spaces between them: a turn is a run of
one speaker's words, written as the service wrote them (its "spacing" items
are the spaces), and an audio event ("(laughter)") is no one's words.
``speaker_0`` is ``Speaker 0``. Azure's phrases are read in order of their
offset (a stereo file lists each channel's phrases in turn), each its best
reading's ``display`` text; ``speaker`` N is ``Speaker N``, and with no
speakers the channels of a stereo file are ``Channel N``. Gladia's
utterances are read as they are, ``speaker`` 0 as ``Speaker 0``. Watson's
words are its timestamps' words (its ``%HESITATION`` as written, counted as
a filler: data/markers.yaml), each
word's speaker the speaker label that starts when it starts. With no speaker
anywhere the text goes to the raw-caption segmenter.
"""

from __future__ import annotations

import math
from typing import Any

from .jsonvalues import (
    Bad,
    Item,
    Keys,
    Parsed,
    as_list,
    as_object,
    at_key,
    is_number,
    read_item,
    shown_value,
    speaker_label,
    text_value,
    times,
    to_seconds,
)
from .wordruns import Word, numbered, runs

_TICKS_PER_SECOND = 10_000_000  # Azure's times: ticks of 100 ns


def is_elevenlabs(data: dict[str, Any]) -> bool:
    """ElevenLabs Scribe: "words" typed "word", "spacing" or "audio_event"."""
    words = data.get("words")
    return isinstance(words, list) and any(
        isinstance(w, dict) and w.get("type") in ("word", "spacing", "audio_event")
        for w in words[:5]
    )


_ELEVENLABS = Keys(start=("start",), end=("end",))


def elevenlabs(data: dict[str, Any]) -> Parsed:
    items = as_list(data["words"], "words", "words")
    words: list[Word] = []
    spaced = True  # a space (or nothing) before the next word
    for i, value in enumerate(items):
        at = f"words[{i}]"
        item = as_object(value, at)
        kind_ = item.get("type")
        if kind_ == "spacing":
            spaced = True
            continue
        if kind_ != "word":
            spaced = True  # "(laughter)": no one's words, but it parts the words around it
            continue
        if "text" not in item:
            raise Bad(at, 'no "text"')
        text = text_value(item["text"], at_key(at, "text"))
        if not text.strip():
            continue
        start, end = times(item, at, _ELEVENLABS)
        speaker = numbered(item.get("speaker_id"), at)
        joined = bool(words) and not spaced and speaker in (None, words[-1].speaker)
        words.append(Word(at, text.strip(), speaker, start, end, joined=joined))
        spaced = False
    if not words:
        if isinstance(data.get("text"), str) and data["text"].strip():
            return Parsed("elevenlabs-json", [Item("text", text_value(data["text"], "text"), None)])
        raise Bad("words", "no words (every item is a space or an audio event)")
    return Parsed("elevenlabs-json", runs(words))


def is_azure(data: dict[str, Any]) -> bool:
    """Azure AI Speech's batch transcription: "recognizedPhrases"."""
    return "recognizedPhrases" in data


def azure(data: dict[str, Any]) -> Parsed:
    phrases = as_list(data["recognizedPhrases"], "recognizedPhrases", "recognized phrases")
    read: list[tuple[float, int, Item, Any]] = []
    for i, value in enumerate(phrases):
        at = f"recognizedPhrases[{i}]"
        phrase = as_object(value, at)
        if phrase.get("recognitionStatus", "Success") != "Success":
            continue  # "NoMatch", "InitialSilenceTimeout": nothing was heard
        best = as_list(phrase.get("nBest"), at_key(at, "nBest"), "readings")
        if not best:
            continue
        first = as_object(best[0], f"{at}.nBest[0]")
        key = next((k for k in ("display", "itn", "lexical") if k in first), None)
        if key is None:
            raise Bad(f"{at}.nBest[0]", 'no "display"')
        text = text_value(first[key], f"{at}.nBest[0].{key}")
        start = _ticks(phrase, at, "offsetInTicks")
        length = _ticks(phrase, at, "durationInTicks")
        end = start + length if start is not None and length is not None else None
        speaker = speaker_label(phrase.get("speaker"), at_key(at, "speaker"), "")
        item = Item(at, text, speaker, start, end)
        read.append((start if start is not None else math.inf, i, item, _channel(phrase)))
    if not read:
        raise Bad("recognizedPhrases", "no phrase was recognised (every one is empty)")
    channels = {channel for *_, channel in read}
    if len(channels) > 1:
        read.sort(key=lambda entry: (entry[0], entry[1]))
        if all(item.speaker is None for _, _, item, _ in read):
            for _, _, item, channel in read:
                item.speaker = f"Channel {channel}" if channel is not None else None
    return Parsed("azure-json", [item for _, _, item, _ in read])


def _channel(phrase: dict[str, Any]) -> int | None:
    """A phrase's channel, None when it names none a speaker could be called by."""
    value: Any = phrase.get("channel")
    if is_number(value) and math.isfinite(value) and float(value).is_integer():
        return int(value)
    return None


def _ticks(phrase: dict[str, Any], path: str, key: str) -> float | None:
    value = phrase.get(key)
    if value is None:
        return None
    seconds = math.nan
    if is_number(value):
        try:
            seconds = float(value) / _TICKS_PER_SECOND
        except OverflowError:  # an int past a float's range
            seconds = math.inf
    if not math.isfinite(seconds) or seconds < 0:
        raise Bad(at_key(path, key), f"expected a time in ticks (100 ns), got {shown_value(value)}")
    return seconds


def is_gladia(data: dict[str, Any]) -> bool:
    """Gladia: "result" holding "transcription"."""
    result = data.get("result")
    return isinstance(result, dict) and isinstance(result.get("transcription"), dict)


_GLADIA = Keys(text=("text",))


def gladia(data: dict[str, Any]) -> Parsed:
    transcription = data["result"]["transcription"]
    path = "result.transcription"
    if transcription.get("utterances") is None and isinstance(
        transcription.get("full_transcript"), str
    ):
        text = text_value(transcription["full_transcript"], f"{path}.full_transcript")
        return Parsed("gladia-json", [Item(f"{path}.full_transcript", text, None)])
    utterances = as_list(transcription.get("utterances"), f"{path}.utterances", "utterances")
    if not utterances:
        raise Bad(f"{path}.utterances", "no utterances (an empty list)")
    items = [
        read_item(value, f"{path}.utterances[{i}]", _GLADIA, None)
        for i, value in enumerate(utterances)
    ]
    for item in items:
        item.text = item.text.strip()
    return Parsed("gladia-json", items)


def is_watson(data: dict[str, Any]) -> bool:
    """IBM Watson: results whose alternatives list "timestamps", or
    "speaker_labels" beside the results."""
    results = data.get("results")
    if not isinstance(results, list):
        return False
    if "speaker_labels" in data:
        return True
    for result in results[:5]:
        alternatives = result.get("alternatives") if isinstance(result, dict) else None
        if isinstance(alternatives, list) and alternatives and isinstance(alternatives[0], dict):
            return "timestamps" in alternatives[0]
    return False


def watson(data: dict[str, Any]) -> Parsed:
    speakers = _watson_speakers(data.get("speaker_labels"))
    results = as_list(data["results"], "results", "results")
    words: list[Word] = []
    items: list[Item] = []  # results with no timestamps: their transcripts
    for r, value in enumerate(results):
        at = f"results[{r}]"
        result = as_object(value, at)
        alternatives = as_list(result.get("alternatives", []), f"{at}.alternatives", "alternatives")
        if not alternatives:
            continue
        alternative = as_object(alternatives[0], f"{at}.alternatives[0]")
        stamps = alternative.get("timestamps")
        if stamps is None:
            if "transcript" in alternative:
                text = text_value(alternative["transcript"], f"{at}.alternatives[0].transcript")
                items.append(Item(f"{at}.alternatives[0]", text.strip(), None))
            continue
        stamps = as_list(stamps, f"{at}.alternatives[0].timestamps", "timestamps")
        for w, stamp in enumerate(stamps):
            where = f"{at}.alternatives[0].timestamps[{w}]"
            if not (isinstance(stamp, list) and len(stamp) == 3):
                raise Bad(where, f"expected [word, start, end], got {shown_value(stamp)}")
            text = text_value(stamp[0], f"{where}[0]")
            start = to_seconds(stamp[1], f"{where}[1]", False)
            end = to_seconds(stamp[2], f"{where}[2]", False)
            if start is not None and end is not None and end < start:
                raise Bad(f"{where}[2]", f"{end:g} is before the start ({start:g})")
            if text.strip():
                words.append(Word(where, text.strip(), speakers.get(start), start, end))
    if words:
        return Parsed("watson-json", runs(words))
    if items:
        return Parsed("watson-json", items)
    raise Bad("results", "no words (every result is empty)")


def _watson_speakers(value: Any) -> dict[float | None, str | None]:
    """Each speaker label's start time and its speaker (``Speaker N``)."""
    if value is None:
        return {}
    labels = as_list(value, "speaker_labels", "speaker labels")
    found: dict[float | None, str | None] = {}
    for i, label_value in enumerate(labels):
        at = f"speaker_labels[{i}]"
        label = as_object(label_value, at)
        start = to_seconds(label.get("from"), at_key(at, "from"), False)
        found[start] = speaker_label(label.get("speaker"), at_key(at, "speaker"), "")
    return found
