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
    revai-json, aws-transcribe-json, speechmatics-json
                     Rev.ai's {"monologues": ...}, Amazon Transcribe's {"results": {"items":
                     ...}}, Speechmatics' {"results": [{"type": "word", ...}]}: word by word,
                     read by :mod:`.asrwords`
    google-stt-json  Google Speech-to-Text {"results": [{"alternatives": [{"transcript",
                     "words": [{"word", "startTime": "1.3s", "speakerTag"}]}]}]}, read by
                     :mod:`.google_stt`
    elevenlabs-json, azure-json, gladia-json, watson-json
                     ElevenLabs Scribe's {"words": [{"text", "type", "speaker_id"}]}, Azure
                     AI Speech's {"recognizedPhrases": ...}, Gladia's {"result":
                     {"transcription": {"utterances": ...}}}, IBM Watson's {"results":
                     [{"alternatives": [{"timestamps"}]}], "speaker_labels"}, read by
                     :mod:`.speechservices`
    convokit-jsonl   one {"id", "speaker", "text", "timestamp", "reply_to",
                     "conversation_id", "meta"} object per line (ConvoKit utterances.jsonl;
                     convokit-json: the older utterances.json, a list of them)
    fireflies-json   Fireflies {"sentences": [{"text", "speaker_name", "start_time",
                     "end_time"}]}, bare or in its GraphQL reply {"data": {"transcript": ...}}
    json             [{"speaker", "text", "start", "end"}, ...], or an object holding such a
                     list under "transcript", "utterances", "turns", "segments", "messages" ...
    jsonl            such objects, one per line

In a list of turns the text may also be under ``message``, ``content``,
``utterance`` or ``transcript``, the speaker under ``speaker_name``, ``name`` or ``role`` and the
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

This module parses the file and makes the transcript; :mod:`.jsonshapes`
tells the shapes apart and reads them. Deepgram's responses are read by
:mod:`.deepgram`, the word lists of Rev.ai, Amazon Transcribe and
Speechmatics by :mod:`.asrwords`, Google's by :mod:`.google_stt` (both make
runs of words with :mod:`.wordruns`); a segment's values (text, speaker,
times) and the messages about them by :mod:`.jsonvalues`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from ..errors import InputError
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
from .jsonshapes import LIST_KEYS, from_lines, interpret
from .jsonvalues import (
    TEXT_KEYS,
    Bad,
    Item,
    Parsed,
)
from .limits import (
    JsonObjects,
    TooManyObjects,
    check_json_values,
    check_segments,
)

_TOO_LONG = "not valid JSON: a number with more digits than Python reads (4300)"
_TOO_DEEP = (
    "JSON nested too deeply (no transcript nests its values this deep: is it the right file?)"
)
_OVERLAP_EXAMPLES = 3


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
        parsed = from_lines(data, lines) if lines is not None else interpret(data)
    except Bad as bad:
        raise InputError(str(bad), source=name, line=bad.line) from None
    return _transcript(parsed, name, options or ReadOptions())


def _known_shape(data: Any) -> bool:
    if isinstance(data, list):
        return any(isinstance(item, dict) for item in data)
    if isinstance(data, dict):
        keys = ("results", "monologues", *LIST_KEYS, *TEXT_KEYS)
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


# ---------------------------------------------------------------- to Transcript


def _transcript(parsed: Parsed, name: str, options: ReadOptions) -> Transcript:
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


def _overlap_notices(items: Sequence[Item]) -> list[str]:
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
        "JSON: Whisper, WhisperX, AssemblyAI, Deepgram, Rev.ai, Amazon Transcribe, "
        "Speechmatics, Google Speech-to-Text, ElevenLabs Scribe, Azure AI Speech, Gladia, "
        "IBM Watson, Fireflies, ConvoKit utterances.jsonl, or a list of {speaker, text, start, "
        "end}"
    ),
    extensions=(".json", ".jsonl"),
    sniff=sniff,
    read=read,
    example=EXAMPLE,
)
