"""Deepgram responses (``deepgram-json``, read by :mod:`.jsonfmt`): the
utterances when present, else each channel's paragraphs, else its words, else
its transcript."""

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
    kind,
    read_item,
    speaker_label,
    text_value,
    times,
    within_limit,
)

_DEEPGRAM = Keys(text=("transcript",), speaker=("speaker",), prefix="Speaker ")


def deepgram(value: Any) -> Parsed:
    results = as_object(value, "results")
    notices: list[str] = []
    utterances = results.get("utterances")
    if utterances is not None and as_list(utterances, "results.utterances", "utterances"):
        items = [
            read_item(u, f"results.utterances[{i}]", _DEEPGRAM, None)
            for i, u in enumerate(utterances)
        ]
        numbers = {
            _channel(u.get("channel"), f"results.utterances[{i}].channel")
            for i, u in enumerate(utterances)
        } - {None}
        if len(numbers) > 1:
            for item, u in zip(items, utterances, strict=True):
                item.speaker = _channel_label(u.get("channel"), item.speaker)
        return Parsed("deepgram-json", items)
    if "channels" not in results:
        raise Bad("results", 'expected "channels" or "utterances"')
    channels = as_list(results["channels"], "results.channels", "channels")
    if not channels:
        raise Bad("", "no segments (results.channels is an empty list)")
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
    return Parsed("deepgram-json", items, notices)


def _channel(value: Any, path: str) -> int | str | None:
    """An utterance's channel: a number (or a name), or None."""
    if value is None or (isinstance(value, (int, str)) and not isinstance(value, bool)):
        return value
    raise Bad(path, f"expected a channel number, got {kind(value)}")


def _channel_label(channel: Any, speaker: str | None) -> str:
    return f"Channel {channel}" + (f" {speaker}" if speaker else "")


def _deepgram_channel(value: Any, path: str, multichannel: bool) -> list[Item]:
    """Paragraphs with speakers (or of one channel of several), else words with
    speakers, else the paragraphs' sentences or the transcript (no speakers)."""
    channel = as_object(value, path)
    alternatives = as_list(channel.get("alternatives"), f"{path}.alternatives", "alternatives")
    if not alternatives:
        raise Bad(f"{path}.alternatives", "no alternatives (an empty list)")
    path = f"{path}.alternatives[0]"
    alternative = as_object(alternatives[0], path)
    paragraphs: list[tuple[Item, list[Item]]] = []
    holder = alternative.get("paragraphs")
    if isinstance(holder, dict) and holder.get("paragraphs") is not None:
        at = f"{path}.paragraphs.paragraphs"
        found = as_list(holder["paragraphs"], at, "paragraphs")
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
        raise Bad(path, 'no "transcript", "paragraphs" or "words"')
    text = text_value(alternative["transcript"], f"{path}.transcript")
    return [Item(f"{path}.transcript", text, None)]


def _paragraph(value: Any, path: str) -> tuple[Item, list[Item]]:
    """A Deepgram paragraph (its sentences joined) and its sentences."""
    paragraph = as_object(value, path)
    speaker = speaker_label(paragraph.get("speaker"), f"{path}.speaker", _DEEPGRAM.prefix)
    start, end = times(paragraph, path, _DEEPGRAM)
    sentences: list[Item] = []
    if "sentences" in paragraph:
        found = as_list(paragraph["sentences"], f"{path}.sentences", "sentences")
        for i, sentence in enumerate(found):
            at = f"{path}.sentences[{i}]"
            fields = as_object(sentence, at)
            if "text" not in fields:
                raise Bad(at, 'no "text"')
            text = text_value(fields["text"], f"{at}.text")
            sentences.append(Item(at, text, speaker, *times(fields, at, _DEEPGRAM)))
    elif "text" in paragraph:
        text = text_value(paragraph["text"], f"{path}.text")
        sentences.append(Item(path, text, speaker, start, end))
    else:
        raise Bad(path, 'no "sentences"')
    text = " ".join(sentence.text for sentence in sentences)
    return Item(path, text, speaker, start, end), sentences


def _word_runs(words: list[Any], path: str) -> list[Item]:
    """Consecutive words of one speaker, as one segment each."""
    within_limit(words, path, "words")
    items: list[Item] = []
    pieces: list[list[str]] = []  # each run's words, joined once (not appended: quadratic)
    for i, value in enumerate(words):
        at = f"{path}[{i}]"
        word = as_object(value, at)
        key = "punctuated_word" if "punctuated_word" in word else "word"
        if key not in word:
            raise Bad(at, 'no "word"')
        text = text_value(word[key], f"{at}.{key}")
        speaker = speaker_label(word.get("speaker"), f"{at}.speaker", _DEEPGRAM.prefix)
        start, end = times(word, at, _DEEPGRAM)
        if items and items[-1].speaker == speaker:
            pieces[-1].append(text)
            items[-1].end = end if end is not None else items[-1].end
        else:
            items.append(Item(at, text, speaker, start, end))
            pieces.append([text])
    for item, texts in zip(items, pieces, strict=True):
        item.text = " ".join(texts)
    return items
