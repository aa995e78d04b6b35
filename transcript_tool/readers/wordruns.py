"""Words with their speakers and times, as speech-to-text services list
them (:mod:`.asrwords`, :mod:`.google_stt`), made into segments: a run of
one speaker's words is one segment; with no speaker anywhere, a sentence is.
The services' speaker and channel ids are named as the other readers name
them (``Speaker N``, ``Channel N``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .jsonvalues import Item, at_key, speaker_label

_NUMBERED = re.compile(r"(?:speaker_?|spk_?|S_?)?(\d+)", re.IGNORECASE)
_CHANNEL = re.compile(r"(?:ch|channel)_?(\d+)")
_SENTENCE_END = re.compile(r"[.?!…][\"'”’)\]]*$")


@dataclass
class Word:
    where: str  # its JSON path
    text: str
    speaker: str | None
    start: float | None
    end: float | None
    joined: bool = False  # written against the word before it, with no space


def numbered(value: Any, path: str) -> str | None:
    """``spk_3``/``S3``/``speaker_3`` -> ``Speaker 3``, ``ch_1``/``channel_1`` -> ``Channel 1``,
    any other label as written."""
    if isinstance(value, str):
        found = _NUMBERED.fullmatch(value.strip())
        if found:
            return f"Speaker {int(found.group(1))}"
        found = _CHANNEL.fullmatch(value.strip())
        if found:
            return f"Channel {int(found.group(1))}"
    return speaker_label(value, at_key(path, "speaker"), "")


def merged(streams: Sequence[list[Word]]) -> list[Word]:
    """The words of several channels in order of start time, each channel's
    punctuation staying with the word it follows."""
    units: list[tuple[float, int, int, list[Word]]] = []
    for c, stream in enumerate(streams):
        for w, word in enumerate(stream):
            if word.joined and units and units[-1][1] == c:
                units[-1][3].append(word)
            else:
                start = word.start if word.start is not None else float("inf")
                units.append((start, c, w, [word]))
    units.sort(key=lambda unit: (unit[0], unit[1], unit[2]))
    merged: list[Word] = []
    for _, _, _, words in units:
        merged.extend(words)
    return merged


def runs(words: Sequence[Word]) -> list[Item]:
    """Consecutive words of one speaker as one segment each (a word with no
    speaker joins the run before it); with no speaker anywhere, one segment
    per sentence, for the segmenter."""
    speakers = any(word.speaker is not None for word in words)
    items: list[Item] = []
    pieces: list[list[str]] = []
    for word in words:
        if items and (
            word.joined
            or (speakers and word.speaker in (None, items[-1].speaker))
            or (not speakers and not _SENTENCE_END.search(pieces[-1][-1]))
        ):
            pieces[-1].append(word.text if word.joined else f" {word.text}")
            if word.end is not None:
                items[-1].end = word.end
            continue
        items.append(Item(word.where, "", word.speaker, word.start, word.end))
        pieces.append([word.text])
    for item, texts in zip(items, pieces, strict=True):
        item.text = "".join(texts)
    return items
