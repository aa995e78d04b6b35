"""Google Speech-to-Text responses (``google-stt-json``, read by :mod:`.jsonfmt`)::

    {"results": [{"alternatives": [{"transcript", "confidence", "words": [{"startTime":
    "1.300s", "endTime", "word", "speakerTag": 1 (or "speakerLabel": "1")}]}],
    "channelTag"?, "resultEndTime"?}]}

With diarization Google repeats every word of the transcript, with its
speaker, in the last result; the results before it hold the same words
without speakers and are not read (a notice says so), unless they hold more
words than the last (results joined from several responses). Speaker N is
``Speaker N``. Without speakers each result's transcript is a chunk for the
segmenter, or, when the results name several channels, a turn of ``Channel
N``, put in order of start time. Times may be "1.300s" or {"seconds",
"nanos"} (v2's ``startOffset`` too).
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
    is_number,
    shown_value,
    text_value,
    to_seconds,
)
from .wordruns import Word, numbered, runs


def google(results_value: Any) -> Parsed:
    """Google's results: with speakers, the words of the last result that
    names them (Google repeats every word there, with its speaker) unless the
    results before it hold more words; else each result's transcript."""
    results = as_list(results_value, "results", "results")
    if not results:
        raise Bad("", "no segments (results is an empty list)")
    found: list[tuple[str, dict[str, Any], list[Any], dict[str, Any]]] = []
    for r, value in enumerate(results):
        at = f"results[{r}]"
        result = as_object(value, at)
        alternatives = as_list(result.get("alternatives", []), f"{at}.alternatives", "alternatives")
        if not alternatives:
            continue  # a stretch of silence
        alternative = as_object(alternatives[0], f"{at}.alternatives[0]")
        words = alternative.get("words", [])
        words = as_list(words, f"{at}.alternatives[0].words", "words")
        found.append((f"{at}.alternatives[0]", alternative, words, result))
    tagged = [k for k, (_, _, words, _) in enumerate(found) if any(map(_google_speaker, words))]
    notices: list[str] = []
    if tagged:
        last = tagged[-1]
        before = sum(len(words) for k, (_, _, words, _) in enumerate(found) if k != last)
        if len(found[last][2]) >= before:
            if before:
                notices.append(
                    f"{found[last][0].split('.')[0]} holds every word with its speaker, as "
                    "Google writes a diarized transcript; the results before it repeat "
                    "those words without speakers and were not read"
                )
            found = [found[last]]
        words = [
            _google_word(word, f"{path}.words[{w}]")
            for path, _, listed, _ in found
            for w, word in enumerate(listed)
        ]
        return Parsed("google-stt-json", runs(words), notices)
    items = [_google_result(*entry) for entry in found]
    if len({item.speaker for item in items}) > 1:
        items.sort(key=lambda item: float("inf") if item.start is None else item.start)
        notices.append("channels: their results are put in order of start time")
    return Parsed("google-stt-json", items, notices)


def _google_speaker(word: Any) -> bool:
    return isinstance(word, dict) and (
        word.get("speakerLabel") not in (None, "") or word.get("speakerTag") not in (None, 0)
    )


def _google_word(value: Any, path: str) -> Word:
    word = as_object(value, path)
    if "word" not in word:
        raise Bad(path, 'no "word"')
    text = text_value(word["word"], f"{path}.word")
    label = word.get("speakerLabel") or word.get("speakerTag") or None
    speaker = numbered(label, path) if label is not None else None
    start = _offset(word, path, "startTime", "startOffset")
    end = _offset(word, path, "endTime", "endOffset")
    if start is not None and end is not None and end < start:
        raise Bad(path, f"its end ({end:g} s) is before its start ({start:g} s)")
    return Word(path, text, speaker, start, end)


def _google_result(
    path: str, alternative: dict[str, Any], words: list[Any], result: dict[str, Any]
) -> Item:
    """A result without speakers: its transcript, timed by its words; of
    channel N when it names a channel."""
    text = text_value(alternative.get("transcript"), f"{path}.transcript")
    timed = [_google_word(word, f"{path}.words[{w}]") for w, word in enumerate(words)]
    start = next((word.start for word in timed if word.start is not None), None)
    end = _offset(result, path.rsplit(".", 1)[0], "resultEndTime", "resultEndOffset")
    channel = result.get("channelTag")
    speaker = f"Channel {channel}" if isinstance(channel, int) and channel > 0 else None
    return Item(path, text.strip(), speaker, start, end)


def _offset(item: dict[str, Any], path: str, *keys: str) -> float | None:
    """A time as Google writes it: "1.300s", or {"seconds": 1, "nanos": 300000000}."""
    key = next((key for key in keys if item.get(key) is not None), None)
    if key is None:
        return None
    written, at = item[key], at_key(path, key)
    value = written
    try:
        if isinstance(written, str) and written.strip().endswith("s"):
            value = written.strip()[:-1]
        elif isinstance(written, dict):
            seconds, nanos = written.get("seconds", 0), written.get("nanos", 0)
            if isinstance(seconds, str) and seconds.isdigit():
                seconds = int(seconds)
            if not (is_number(seconds) and is_number(nanos)):
                raise Bad(at, f"expected seconds and nanos, got {shown_value(written)}")
            value = seconds + nanos / 1e9
        return to_seconds(value, at, False)
    except (Bad, OverflowError):
        if isinstance(written, dict):
            raise Bad(at, f"expected seconds and nanos, got {shown_value(written)}") from None
        raise Bad(at, f'expected a time such as "1.300s", got {shown_value(written)}') from None
