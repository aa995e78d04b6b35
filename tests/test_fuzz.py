"""Hostile input, fuzzed (issue 9): every reader and the raw-caption segmenter.

Each property feeds bytes through the public entry point
(:func:`transcript_tool.read_transcript` on standard input, so decoding is
part of it) with the reader forced, or detected ("auto"). An example passes
when the read either raises a :class:`TranscriptToolError` whose message is
one line, or returns a Transcript that keeps the reader contract
(``docs/design.md``):

- the words of ``turns[].text``, in order, are the input's words with labels,
  markup and timestamps taken out: each word is found in the input after the
  one before it (CSV: with the quotes that escape quotes taken out of both;
  WebVTT/SRT: in the caption text with tags removed and character references
  unescaped, as the format defines it; JSON: among the words of the file's
  strings, as a multiset, since a multichannel Deepgram file is put in time
  order);
- without speaker labels the raw-caption segmenter keeps the words exactly;
- turns are indexed in order, have text (whitespace normalised), a speaker
  listed among the speakers, a role, a confidence in [0, 1], finite times and
  pauses that sit before a word of the turn;
- no example takes :data:`SLOW_SECONDS` of CPU time or longer (a hang or a
  super-linear blow-up fails, rather than stalling the suite).

Inputs: arbitrary text and bytes; invalid UTF-8, NUL bytes, UTF-16 without a
byte-order mark; huge lines; deeply nested JSON; timestamps out of range; and
for every format a generator of near-valid files (WebVTT, SRT, the JSON of
each speech-to-text tool, CSV, Otter, timed lines, labeled text) that random
mutations then damage, so the fuzz reaches past each parser's first check;
and any of these saved as a web page, or printed as a PDF and then damaged.

The generators are plain functions of a ``random.Random``. In an ordinary
run hypothesis drives every choice they make (so a failure shrinks to a
small input); the long profile gives them a seeded ``Random`` instead, which
is several times faster per example but cannot shrink (a failure is reported
with its input, as the property notes it).

Profiles: by default each property runs :data:`CI_EXAMPLES` examples.
``pytest -m fuzz`` runs the long profile, :data:`LONG_EXAMPLES` (100,000)
examples per property; ``TRANSCRIPT_TOOL_FUZZ_EXAMPLES=N`` sets the number
(and N above :data:`CI_EXAMPLES` the long profile) for any run.
``benchmarks/fuzz_readers.py`` runs the same properties in batches and prints
examples, failures and time per target.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import string
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from pdfmake import text_pdf

from transcript_tool.api import read_transcript
from transcript_tool.errors import TranscriptToolError
from transcript_tool.model import ROLES, Transcript
from transcript_tool.readers import READERS
from transcript_tool.readers.common import Chunk, normalize_space
from transcript_tool.readers.cues import _VOICE, clean
from transcript_tool.readers.decode import decode
from transcript_tool.segment.unlabeled import segment_chunks, speaker_id

EXAMPLES_ENV = "TRANSCRIPT_TOOL_FUZZ_EXAMPLES"
CI_EXAMPLES = 60
"""Examples per property in an ordinary run (the file stays well under a minute)."""
LONG_EXAMPLES = 100_000
"""Examples per property with ``pytest -m fuzz``."""
SLOW_SECONDS = 20.0
"""No single example may take this much CPU time (the largest inputs are about
100 KB; CPU time, as a long run at low priority waits for the CPU a lot)."""

TARGETS = (*READERS, "auto")
"""The readers, each forced as with --input-format, and "auto" (detection)."""


# ------------------------------------------------------------------- building blocks

# Mostly ASCII, with characters that trouble text handling: accents, dashes,
# curly quotes, no-break and zero-width spaces, the line separators that
# str.splitlines() sees (and readers must not), a byte-order mark, controls.
ALPHABET = (
    string.ascii_letters + string.digits + string.punctuation + "    \t\n"
) * 3 + "éÉüßøñç—–’“”…\u00a0\u200b\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e\ufeff\x7f\x01日本😀\ufffd"

COMMON_WORDS = (
    "so tell me about a time you led the team what why how did it go well I think we "
    "shipped it yeah um uh mm-hmm okay right? great. thanks, and then but because"
).split()
ODD_WORDS = ["?", "...", "--", "Q:", "A:", "Note:", "[Music]", ">>", "-", "&amp;", "’s", "??"]
NAMES = [
    "Priya",
    "Sam Ortiz",
    "Interviewer",
    "Candidate",
    "INTERVIEWER",
    "Q",
    "A",
    "Dr. Ng",
    "SPEAKER_00",
    "SPEAKER_01",
    "Speaker 1",
    "Unknown Speaker",
    "Note",
    "Élodie Brun",
    "O'Neil",
    "x",
]
MARKUP = ["<i>", "</i>", "<c.colorE5E5E5>", "</c>", "<00:00:01.520>", "</v>", "{\\an8}", "<b"]
MARKUP += ["&amp;", "&lt;", "&#65;", "&nbsp;", "&am", ">>", " - ", "<v Ann>"]


def chance(rng: Random, one_in: int) -> bool:
    """True once in ``one_in`` draws (hypothesis shrinks it to False)."""
    return rng.randint(0, one_in - 1) == one_in - 1


def text(rng: Random, most: int = 12, alphabet: str = ALPHABET) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, most)))


def any_unicode(rng: Random, most: int = 12) -> str:
    """Any code point but NUL and the surrogates (a decoded file holds neither)."""
    points = (rng.randint(1, 0x10FFFF) for _ in range(rng.randint(0, most)))
    return "".join(chr(p) for p in points if not 0xD800 <= p <= 0xDFFF)


def word(rng: Random) -> str:
    pick = rng.randint(0, 5)
    if pick <= 2:
        return rng.choice(COMMON_WORDS)
    if pick == 3:
        return rng.choice(ODD_WORDS)
    return text(rng, 10) or "x"


def sentence(rng: Random, most: int = 12) -> str:
    return " ".join(word(rng) for _ in range(rng.randint(0, most)))


def name(rng: Random) -> str:
    return rng.choice(NAMES) if rng.randint(0, 3) else text(rng, 12) or "x"


def digits(rng: Random) -> str:
    """A clock field: usually two digits in range; sometimes too many digits
    for int() (over 4300), huge, damaged or empty."""
    pick = rng.randint(0, 9)
    if pick <= 5:
        return f"{rng.randint(0, 59):02d}"
    if pick == 6:
        return f"{rng.randint(60, 99)}"
    if pick == 7:
        return str(rng.randint(0, 10**12))
    if pick == 8:
        return "9" * rng.choice([5000, 4301, 400])
    return text(rng, 3, "0123456789:.,-x ")


def clock(rng: Random, fraction: str = ".") -> str:
    """An hh:mm:ss.mmm-like stamp, in range or not, sometimes damaged."""
    stamp = ":".join(digits(rng) for _ in range(rng.randint(1, 3)))
    if rng.randint(0, 1):
        stamp += rng.choice([fraction, fraction, ".", ",", ":"]) + digits(rng)
    return stamp


# ------------------------------------------------------------------- near-valid formats


def label_line(rng: Random) -> str:
    """A caption or text line that may name its speaker in any of the known ways."""
    who = name(rng)
    prefix = rng.choice(
        [
            "",
            "",
            f"{who}: ",
            f"{who}:",
            f"<v {who}>",
            f"<v.loud {who}>",
            f"[{who}]: ",
            f"[{who}] ",
            ">> ",
            f">> {who.upper()}: ",
            "- ",
            f"**{who}:** ",
            f"**{who}**: ",
            f"{who} (00:01:02): ",
            f"{who} [{clock(rng)}]: ",
        ]
    )
    words = [word(rng) for _ in range(rng.randint(0, 10))]
    for _ in range(rng.randint(0, 2)):
        words.insert(rng.randint(0, len(words)), rng.choice(MARKUP))
    return prefix + " ".join(words)


def vtt_file(rng: Random) -> str:
    header = rng.choice(["WEBVTT", "WEBVTT - Zoom", "\ufeffWEBVTT", "WEBVTT\nKind: captions", ""])
    blocks = [header]
    previous = ""
    for number in range(rng.randint(0, 8)):
        kind = rng.choice(["cue", "cue", "cue", "cue", "note", "style", "text"])
        if kind == "note":
            blocks.append("NOTE " + sentence(rng, 4))
            continue
        if kind == "style":
            blocks.append("STYLE\n::cue { color: lime }")
            continue
        lines = []
        if rng.randint(0, 1):
            who = name(rng)  # Webex names the speaker in the cue identifier
            ids = [
                str(number + 1),
                "intro",
                "1 - x",
                f'{number + 1} "{who}" ({rng.randint(0, 10**10)})',
            ]
            lines.append(rng.choice([*ids, f'"{who}"']))
        if kind == "cue":
            arrow = rng.choice(["-->", "-->", "-->", "->", "--> ", "—>"])
            cue_settings = rng.choice(["", "", " align:start position:0%", "x"])
            lines.append(f"{clock(rng)} {arrow} {clock(rng)}{cue_settings}")
        texts = [label_line(rng) for _ in range(rng.randint(0, 3))]
        if chance(rng, 3):  # a name in parentheses over each speaker's lines, "-" between
            texts = [f"({name(rng)})", *texts, "-", f"({name(rng)})", sentence(rng)]
        if previous and rng.randint(0, 1):
            texts.insert(0, previous)  # YouTube's rolling captions repeat the line before
        previous = texts[-1] if texts else previous
        blocks.append("\n".join(lines + texts))
    return "".join(block + rng.choice(["\n\n", "\n\n", "\n", "\n\n\n"]) for block in blocks)


def srt_file(rng: Random) -> str:
    blocks = []
    for number in range(rng.randint(0, 8)):
        lines = []
        if rng.randint(0, 5):
            lines.append(rng.choice([str(number + 1), str(number), "-1", "2.5", "x"]))
        if rng.randint(0, 5):
            arrow = rng.choice(["-->", "-->", "- >", "->", "-- >"])
            lines.append(f"{clock(rng, ',')} {arrow} {clock(rng, ',')}")
        lines.extend(label_line(rng) for _ in range(rng.randint(0, 3)))
        blocks.append("\n".join(lines))
    separator = rng.choice(["\n\n", "\n\n", "\n", "\n\n\n", "\n \n"])
    return separator.join(blocks) + rng.choice(["", "\n"])


def sbv_file(rng: Random) -> str:
    blocks = []
    for _ in range(rng.randint(0, 8)):
        lines = []
        if rng.randint(0, 5):
            lines.append(f"{clock(rng, '.')}{rng.choice([',', ',', ', ', ''])}{clock(rng, '.')}")
        lines.extend(label_line(rng) for _ in range(rng.randint(0, 3)))
        blocks.append("\n".join(lines))
    separator = rng.choice(["\n\n", "\n\n", "\n", "\n\n\n", "\n \n"])
    return separator.join(blocks) + rng.choice(["", "\n"])


def json_any(rng: Random, depth: int = 2) -> Any:
    """Any JSON value, small."""
    pick = rng.randint(0, 7 if depth else 4)
    if pick == 0:
        return None
    if pick == 1:
        return rng.choice([True, False])
    if pick == 2:
        return rng.choice([0, -1, 10**20, 2**63, 1.5, -0.0, 1e308])
    if pick <= 4:
        return text(rng, 8)
    if pick <= 5:
        return [json_any(rng, depth - 1) for _ in range(rng.randint(0, 3))]
    return {text(rng, 5): json_any(rng, depth - 1) for _ in range(rng.randint(0, 3))}


def time_value(rng: Random) -> Any:
    pick = rng.randint(0, 9)
    if pick <= 3:
        return round(rng.uniform(0, 3600), rng.randint(0, 3))
    if pick == 4:
        return rng.choice([math.nan, math.inf, -math.inf, -1, -0.0, 1e308, 2**64])
    if pick == 5:
        return int("9" * rng.choice([20, 400, 4299]))
    if pick == 6:
        return rng.randint(-(10**6), 10**7)
    if pick == 7:
        return clock(rng)
    return rng.choice([None, True, [], "", "1e999", " 12 "])


def speaker_value(rng: Random) -> Any:
    pick = rng.randint(0, 6)
    if pick <= 3:
        return name(rng)
    if pick == 4:
        return rng.choice([rng.randint(-3, 10), 10**400, 1e300])
    return rng.choice([None, 1.5, True, {}, "", "  ", math.inf])


def text_value(rng: Random) -> Any:
    if rng.randint(0, 6):
        return sentence(rng)
    return rng.choice([None, 7, ["a"], {"t": "x"}, "", "\ud800 lone surrogate"])


FIELD_VALUES: dict[str, Callable[[Random], Any]] = {
    **dict.fromkeys(
        ["text", "message", "content", "transcript", "word", "punctuated_word"], text_value
    ),
    **dict.fromkeys(
        ["speaker", "speaker_name", "name", "role", "user", "speaker_label", "speaker_id"],
        speaker_value,
    ),
    **dict.fromkeys(
        ["start", "end", "start_time", "end_time", "timestamp", "ts", "end_ts"], time_value
    ),
    **dict.fromkeys(["offsetInTicks", "durationInTicks"], lambda rng: time_value(rng)),
    "display": text_value,
    "channel": lambda rng: rng.randint(0, 3),
    "confidence": lambda rng: rng.uniform(0, 1),
    "conversation_id": lambda rng: rng.choice(["c1", "c2", 3]),
    "reply_to": lambda rng: None,
}


def segment(rng: Random, keys: Sequence[str]) -> dict[str, Any]:
    """An object with some of ``keys``, each usually of the expected kind."""
    return {
        key: FIELD_VALUES[key](rng) if rng.randint(0, 5) else json_any(rng)
        for key in keys
        if rng.randint(0, 4)
    }


def listed(rng: Random, make: Callable[[Random], Any], most: int = 5) -> Any:
    """Usually a list of ``make``'s values, sometimes any JSON value instead."""
    if chance(rng, 8):
        return json_any(rng)
    return [make(rng) for _ in range(rng.randint(0, most))]


def word_object(rng: Random) -> dict[str, Any]:
    return segment(rng, ["word", "punctuated_word", "speaker", "start", "end", "confidence"])


def speaker_segment(rng: Random) -> dict[str, Any]:
    found = segment(rng, ["text", "speaker", "start", "end", "confidence"])
    if rng.randint(0, 1):
        found["words"] = listed(rng, word_object, 4)
    return found


def paragraph(rng: Random) -> dict[str, Any]:
    found = segment(rng, ["speaker", "start", "end"])
    found["sentences"] = listed(rng, lambda r: segment(r, ["text", "start", "end"]), 3)
    return found


def deepgram(rng: Random) -> dict[str, Any]:
    def alternative(r: Random) -> dict[str, Any]:
        found: dict[str, Any] = {}
        if r.randint(0, 1):
            found["transcript"] = text_value(r)
        if r.randint(0, 1):
            found["words"] = listed(r, word_object)
        if r.randint(0, 1):
            found["paragraphs"] = {"paragraphs": listed(r, paragraph, 3)}
        return found

    results: dict[str, Any] = {}
    if rng.randint(0, 3):
        results["channels"] = listed(rng, lambda r: {"alternatives": listed(r, alternative, 2)}, 3)
    if rng.randint(0, 1):
        turn_keys = ["transcript", "speaker", "start", "end", "channel"]
        results["utterances"] = listed(rng, lambda r: segment(r, turn_keys), 4)
    return {"metadata": {"request_id": "x"}, "results": results}


def alternatives(rng: Random, speaker: bool) -> Any:
    keys = ["content", "confidence", *(["speaker"] if speaker else [])]
    return listed(rng, lambda r: segment(r, keys), 2)


def revai(rng: Random) -> dict[str, Any]:
    def element(r: Random) -> dict[str, Any]:
        found = segment(r, ["ts", "end_ts", "confidence"])
        found["type"] = r.choice(["text", "punct", "unknown", 3])
        found["value"] = r.choice([" ", ".", "?"]) if r.randint(0, 2) == 0 else text_value(r)
        return found

    def monologue(r: Random) -> dict[str, Any]:
        found = segment(r, ["speaker"])
        if r.randint(0, 2) == 0:
            found["speaker_info"] = r.choice([{"display_name": speaker_value(r)}, json_any(r)])
        found["elements"] = listed(r, element, 6)
        return found

    return {"monologues": listed(rng, monologue, 4)}


def aws_transcribe(rng: Random) -> dict[str, Any]:
    def item(r: Random) -> dict[str, Any]:
        found = segment(r, ["start_time", "end_time", "speaker_label"])
        found["type"] = r.choice(["pronunciation", "pronunciation", "punctuation", None])
        found["alternatives"] = alternatives(r, False)
        return found

    results: dict[str, Any] = {"transcripts": [{"transcript": text_value(rng)}]}
    if rng.randint(0, 5):
        results["items"] = listed(rng, item, 8)
    if rng.randint(0, 2) == 0:
        segments = listed(rng, lambda r: {"items": listed(r, item, 3), "speaker_label": "spk_1"})
        results["speaker_labels"] = {"speakers": 2, "segments": segments}
    if rng.randint(0, 3) == 0:
        channels = listed(rng, lambda r: {"channel_label": "ch_0", "items": listed(r, item, 3)})
        results["channel_labels"] = {"channels": channels, "number_of_channels": 2}
    return {"jobName": "x", "results": results, "status": "COMPLETED"}


def speechmatics(rng: Random) -> dict[str, Any]:
    def result(r: Random) -> dict[str, Any]:
        found = segment(r, ["start_time", "end_time", "channel"])
        found["type"] = r.choice(["word", "word", "punctuation", "entity", None])
        found["alternatives"] = alternatives(r, True)
        if r.randint(0, 2) == 0:
            found["attaches_to"] = r.choice(["previous", "next", "both", "none", 1])
        return found

    return {"format": "2.9", "metadata": {}, "results": listed(rng, result, 8)}


def google_stt(rng: Random) -> dict[str, Any]:
    def offset(r: Random) -> Any:
        pick = r.randint(0, 3)
        if pick == 0:
            return f"{time_value(r)}s"
        if pick == 1:
            return {"seconds": r.choice([1, "2", -1, None]), "nanos": r.choice([0, 5e8, "x"])}
        return time_value(r)

    def word(r: Random) -> dict[str, Any]:
        found: dict[str, Any] = {"word": text_value(r)}
        for key in r.sample(["startTime", "endTime", "startOffset", "endOffset"], 2):
            found[key] = offset(r)
        if r.randint(0, 1):
            found[r.choice(["speakerTag", "speakerLabel"])] = speaker_value(r)
        return found

    def result(r: Random) -> dict[str, Any]:
        alternative = {"transcript": text_value(r), "words": listed(r, word, 5)}
        found: dict[str, Any] = {"alternatives": listed(r, lambda _: alternative, 2)}
        if r.randint(0, 2) == 0:
            found["channelTag"] = r.choice([1, 2, 0, "1"])
        if r.randint(0, 1):
            found["resultEndTime"] = offset(r)
        return found

    return {"results": [result(rng) for _ in range(rng.randint(1, 4))]}


def elevenlabs(rng: Random) -> dict[str, Any]:
    def word(r: Random) -> dict[str, Any]:
        found = segment(r, ["text", "start", "end", "speaker_id"])
        found["type"] = r.choice(["word", "word", "spacing", "audio_event", None, 2])
        if found["type"] == "spacing" and r.randint(0, 2):
            found["text"] = " "
        return found

    return {"language_code": "eng", "text": text_value(rng), "words": listed(rng, word, 8)}


def azure(rng: Random) -> dict[str, Any]:
    def phrase(r: Random) -> dict[str, Any]:
        found = segment(r, ["channel", "speaker", "offsetInTicks", "durationInTicks"])
        found["recognitionStatus"] = r.choice(["Success", "Success", "NoMatch", 3])
        found["nBest"] = listed(r, lambda q: segment(q, ["display", "confidence"]), 2)
        return found

    return {"source": "x.wav", "recognizedPhrases": listed(rng, phrase, 6)}


def gladia(rng: Random) -> dict[str, Any]:
    transcription: dict[str, Any] = {"full_transcript": text_value(rng)}
    if rng.randint(0, 4):
        transcription["utterances"] = listed(rng, speaker_segment, 5)
    return {"id": "x", "status": "done", "result": {"transcription": transcription}}


def watson(rng: Random) -> dict[str, Any]:
    def stamp(r: Random) -> Any:
        if chance(r, 6):
            return json_any(r)
        return [text_value(r), time_value(r), time_value(r)]

    def result(r: Random) -> dict[str, Any]:
        alternative = {"transcript": text_value(r), "timestamps": listed(r, stamp, 5)}
        return {"final": True, "alternatives": listed(r, lambda _: alternative, 2)}

    def label(r: Random) -> dict[str, Any]:
        return {"from": time_value(r), "to": time_value(r), "speaker": speaker_value(r)}

    found: dict[str, Any] = {"results": [result(rng) for _ in range(rng.randint(1, 3))]}
    if rng.randint(0, 2):
        found["speaker_labels"] = listed(rng, label, 6)
    return found


GENERIC_KEYS = ["text", "message", "content", "speaker", "speaker_name", "name", "role", "start"]
GENERIC_KEYS += ["start_time"]
GENERIC_KEYS += ["end"]
CONVOKIT_KEYS = ["text", "speaker", "user", "timestamp", "conversation_id", "reply_to"]


def json_value(rng: Random) -> Any:
    """The JSON of one speech-to-text tool (or a list of turns), often damaged."""
    shape = rng.randint(0, 16)
    if shape == 16:
        return watson(rng)
    if shape == 13:
        return elevenlabs(rng)
    if shape == 14:
        return azure(rng)
    if shape == 15:
        return gladia(rng)
    if shape == 12:
        return google_stt(rng)
    if shape == 9:
        return revai(rng)
    if shape == 10:
        return aws_transcribe(rng)
    if shape == 11:
        return speechmatics(rng)
    if shape == 0:  # Whisper, faster-whisper
        return {"text": text_value(rng), "segments": listed(rng, speaker_segment), "language": "en"}
    if shape == 1:  # WhisperX
        return {"segments": listed(rng, speaker_segment), "word_segments": listed(rng, word_object)}
    if shape == 2:  # AssemblyAI
        return {"utterances": listed(rng, speaker_segment), "audio_url": "https://x"}
    if shape == 3:
        return deepgram(rng)
    if shape == 4:
        return listed(rng, lambda r: segment(r, GENERIC_KEYS), 6)
    if shape == 5:
        return listed(rng, lambda r: segment(r, CONVOKIT_KEYS), 6)
    if shape == 6:
        key = rng.choice(
            ["turns", "messages", "transcript", "dialogue", "conversation", "sentences"]
        )
        return {key: listed(rng, lambda r: segment(r, GENERIC_KEYS))}
    if shape == 7:
        return segment(rng, GENERIC_KEYS)
    return json_any(rng, 3)


def json_file(rng: Random) -> str:
    value = json_value(rng)
    ascii_only = bool(rng.randint(0, 1))
    if isinstance(value, list) and rng.randint(0, 1):  # JSON Lines
        return "\n".join(json.dumps(item, ensure_ascii=ascii_only) for item in value)
    return json.dumps(value, indent=rng.choice([None, None, 2]), ensure_ascii=ascii_only)


def deep_json(rng: Random) -> str:
    """Nesting from harmless to far past the recursion limit, inside a real shape."""
    depth = rng.choice([10, 500, 990, 1_500, 20_000, 100_000])
    opener, closer = rng.choice([("[", "]"), ('{"a":', "}"), ('{"text":[', "]}")])
    nested = opener * depth + "1" + closer * depth
    return rng.choice(
        [
            nested,
            f'{{"segments": [{{"text": {nested}}}]}}',
            f'[{{"speaker": "A", "text": "hi", "start": {nested}}}]',
            opener * depth,  # never closed
        ]
    )


CSV_HEADERS = ["speaker", "Speaker", "speaker_name", "Speaker Name", "speakerName", "name"]
CSV_HEADERS += ["role", "text", "Text", "utterance", "transcript", "content", "message"]
CSV_HEADERS += ["start", "start_time", "Start (ms)", "start_ms", "startMs", "begin", "time"]
CSV_HEADERS += ["timestamp", "start_seconds", "end", "end_time", "end_ms", "x", ""]


def csv_cell(rng: Random, separator: str) -> str:
    pick = rng.randint(0, 5)
    if pick <= 1:
        value = sentence(rng, 6)
    elif pick == 2:
        value = name(rng)
    elif pick == 3:
        value = clock(rng)
    elif pick == 4:
        value = str(rng.choice([0, 1.5, -2, 10**9, 1e300, "nan", "-0", "9" * 400, "inf"]))
    else:
        value = text(rng, 6, f'ab "{separator}\n')
    style = rng.randint(0, 3)
    if style == 2:
        return '"' + value.replace('"', '""') + '"'
    if style == 3:
        return '"' + value  # a quote never closed
    return value


def csv_file(rng: Random) -> str:
    separator = rng.choice([",", ",", "\t", ";"])
    header = [rng.choice(CSV_HEADERS) for _ in range(rng.randint(1, 5))]
    rows = [separator.join(header)]
    for _ in range(rng.randint(0, 6)):
        width = max(len(header) + rng.choice([0, 0, 0, -1, 1]), 0)
        rows.append(separator.join(csv_cell(rng, separator) for _ in range(width)))
    if rng.randint(0, 3) == 0:
        rows.insert(0, "")
    return "\n".join(rows) + rng.choice(["", "\n"])


def otter_file(rng: Random) -> str:
    lines = []
    if rng.randint(0, 2) == 0:
        lines.extend(["---", "title: x", rng.choice(["---", "..."])])
    if rng.randint(0, 2) == 0:
        lines.append("# " + sentence(rng, 3))
    for _ in range(rng.randint(0, 6)):
        who, gap = name(rng), rng.choice(["  ", "\t", " ", "   "])
        span = f"{clock(rng)}{rng.choice([' - ', ' --> ', '-'])}{clock(rng)}"
        frames = ":".join(f"{rng.randint(0, 99):02}" for _ in range(4))
        lines.extend(
            rng.choice(
                [
                    [rng.choice([f"{who}{gap}", f"**{who}** ", f"**{who}**{gap}"]) + clock(rng)],
                    [span, who],  # a range above the name (Premiere)
                    [f"[{span}]", who],  # DaVinci Resolve
                    [f"{frames} - {frames}", who],  # timecodes with frames
                    [who, span],  # a range under the name (Riverside)
                    [f"[{span}] [{who}]"],
                ]
            )
        )
        lines.extend(sentence(rng) for _ in range(rng.randint(0, 2)))
        lines.append("")
    if rng.randint(0, 1):
        lines.append("Transcribed by https://otter.ai")
    return "\n".join(lines)


TIMED_LAYOUTS = ["[{s}] {n}: {t}", "({s}) {n}: {t}", "{s} {n}: {t}", "{s} - {n}: {t}"]
TIMED_LAYOUTS += ["{s}\t{n}: {t}", "{n}: [{s}] {t}", "{n} ({s}): {t}", "{n} [{s}]: {t}"]
TIMED_LAYOUTS += ["[{s}] {t}", "{s} {t}", "[{s}] **{n}:** {t}", "{t}", "{s} --> {s}"]
TIMED_LAYOUTS += [
    "[{s} --> {s}]   {t}",
    "[{s} --> {s}]  {n}: {t}",
    "[{s} --> {s}]  {t} [SPEAKER_TURN]",
    "{s}\n>> {t} >> {t}",  # a broadcast caption's new voices, copied from YouTube
    "{n} [{s}] {t}",
]


def timed_file(rng: Random) -> str:
    layouts = [rng.choice(TIMED_LAYOUTS) for _ in range(rng.randint(0, 8))]
    return "\n".join(
        layout.format(s=clock(rng), n=name(rng), t=sentence(rng)) for layout in layouts
    )


def text_file(rng: Random) -> str:
    lines = []
    if chance(rng, 5):
        lines.append("[5d0c7e2a-8b41-4f6e-9a3c-2b7d1e0f9a64] Interview")
    if chance(rng, 5):
        lines.append("# " + sentence(rng, 3))
    chat = [
        "#### You:",
        "#### ChatGPT:",
        "## User",
        "## Assistant",
        "## **Prompt:**",
        "## Response:",
    ]
    for _ in range(rng.randint(0, 8)):
        # a chat's export heads its messages with Markdown headings
        lines.append(rng.choice(chat) if chance(rng, 4) else label_line(rng))
        if chance(rng, 4):
            lines.append(sentence(rng))
        if chance(rng, 4):
            lines.append("")
    return "\n".join(lines)


def huge(rng: Random) -> str:
    """A very long line, a flood of one character, or a long run of short turns."""
    size = rng.choice([1_000, 20_000, 100_000])
    unit = rng.choice(["a", "?", "word ", "? ", "Q: ", "\n", ":", "<", "- ", "[", "x\t", "A: b\n"])
    prefix = rng.choice(["", "WEBVTT\n\n", "speaker,text\n", "Priya: ", "[{"])
    return prefix + unit * (size // len(unit))


def generic(rng: Random) -> str:
    pick = rng.randint(0, 19)
    if pick <= 5:
        return text(rng, 60)
    if pick <= 8:
        return any_unicode(rng, 30)
    if pick <= 14:
        lines = (sentence(rng) if rng.randint(0, 2) else name(rng) + ":" for _ in range(8))
        return "\n".join(lines)
    if pick <= 16:
        return deep_json(rng)
    if pick <= 18:
        return sentence(rng, 30).replace(" ", "? ")
    return huge(rng)


SHAPED: dict[str, Callable[[Random], str]] = {
    "text": text_file,
    "vtt": vtt_file,
    "srt": srt_file,
    "sbv": sbv_file,
    "json": json_file,
    "otter": otter_file,
    "timed-text": timed_file,
    "csv": csv_file,
}

SNIPPETS = ["\n", "\n\n", "\r", "-->", ":", "[", "]", "{", "}", '"', ",", "\t", "**", "<v ", ">"]
SNIPPETS += ["&", "99:99:99.999", "\ufeff", "\u2028", "\x85", "\x0b", "\x1c", "?", "NaN"]
SNIPPETS += ["1e999", "-", "WEBVTT", "NOTE", "\x00", "Speaker 1: ", "\\ud800", "\\u0000"]


def mutate(rng: Random, found: str) -> str:
    """Damage ``found``: insert, delete, repeat or replace a stretch, swap two lines, cut it."""
    for _ in range(rng.randint(0, 4)):
        i = rng.randint(0, len(found))
        j = min(len(found), i + rng.randint(1, 20))
        snippet = rng.choice(SNIPPETS) if rng.randint(0, 2) else text(rng, 5)
        operation = rng.randint(0, 5)
        if operation == 0:
            found = found[:i] + snippet + found[i:]
        elif operation == 1:
            found = found[:i] + found[j:]
        elif operation == 2:
            found = found[:j] + found[i:j] + found[j:]
        elif operation == 3:
            found = found[:i] + snippet + found[j:]
        elif operation == 4:
            found = found[:i]
        else:
            lines = found.split("\n")
            a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
            found = "\n".join(lines)
    return found


HTML_SNIPPETS = ["<br>", "<![", "<!--", "-->", "<script>", "</script>", "<pre>", "</pre>"]
HTML_SNIPPETS += ["&amp;", "&#", "&#xD800;", "<![CDATA[", "</", "<b>", "<!ELEMENT", "<?x"]


def html_page(rng: Random, inner: str) -> str:
    """``inner`` saved as a web page, its lines paragraphs, some tags damaged."""
    lines = (
        f"<p>{line}</p>" if rng.randint(0, 3) else line + rng.choice(HTML_SNIPPETS)
        for line in inner.split("\n")
    )
    return rng.choice(["<!DOCTYPE html>", "<html>", ""]) + "<body>\n" + "\n".join(lines)


def file_text(rng: Random, target: str) -> str:
    """Mostly ``target``'s own format, near-valid and damaged; sometimes another
    format, arbitrary text, or a huge or deeply nested input; now and then
    saved as a web page."""
    pick = rng.randint(0, 11)
    if pick <= 5 and target in SHAPED:
        found = mutate(rng, SHAPED[target](rng))
    elif pick <= 9:
        make = rng.choice(list(SHAPED.values()))
        found = mutate(rng, make(rng)) if rng.randint(0, 1) else make(rng)
    else:
        found = generic(rng)
    return html_page(rng, found) if chance(rng, 10) else found


ENCODINGS = ["utf-8"] * 6 + ["utf-16-le", "utf-16-be", "utf-16", "utf-32", "utf-8-sig", "cp1252"]
BAD_BYTES = [b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\x00", b"\xfe\xff", b"\x80"]
BAD_BYTES += [b"%PDF-1.7\n", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n"]


def printed(rng: Random, text: str) -> bytes:
    """``text`` printed as a PDF (what cp1252 cannot write as "?"), its
    lines wrapped or not, sometimes damaged: bytes cut off, changed or put in."""
    data = text_pdf(
        text.encode("cp1252", "replace").decode("cp1252"),
        per_page=rng.choice([3, 48]),
        width=rng.choice([None, 40, 90]),
    )
    for _ in range(rng.choice([0, 0, 1, 3])):
        at = rng.randint(0, len(data))
        cut = rng.choice([0, 1, rng.randint(0, 40)])
        data = (
            data[:at]
            + bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 3)))
            + data[at + cut :]
        )
    return data


def file_bytes(rng: Random, target: str) -> bytes:
    """The file's bytes: usually UTF-8, sometimes another encoding (also
    without a byte-order mark), sometimes with invalid bytes put in,
    sometimes printed as a PDF, or arbitrary bytes."""
    if chance(rng, 12):
        return bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 200)))
    if chance(rng, 15):
        return printed(rng, file_text(rng, target))
    data = file_text(rng, target).encode(rng.choice(ENCODINGS), errors="replace")
    for _ in range(rng.choice([0, 0, 0, 0, 1, 2])):
        at = rng.randint(0, len(data))
        data = data[:at] + rng.choice(BAD_BYTES) + data[at:]
    return data


FILE_NAMES = ["talk.txt", "talk.vtt", "talk.srt", "talk.json", "talk.jsonl", "talk.csv"]
FILE_NAMES += ["talk.tsv", "talk.md", "talk", "-", "TALK.VTT", "talk.json.txt", "talk.html"]


def read_case(rng: Random, target: str) -> dict[str, Any]:
    """Everything ``read_transcript`` takes, for one fuzzed file."""
    return {
        "data": file_bytes(rng, target),
        "name": rng.choice(FILE_NAMES),
        "input_format": None if target == "auto" else target,
        "encoding": rng.choice([None] * 8 + ["utf-16-le", "cp1252", "latin-1"]),
        "speakers": rng.randint(1, 9),
        "first_role": rng.choice([None, None, "interviewer", "candidate"]),
        "interviewer": rng.choice([None] * 6 + ["Priya", "Speaker 1", "Q"]),
        "candidate": rng.choice([None] * 6 + ["Sam Ortiz", "Speaker 2", "A"]),
    }


# ------------------------------------------------------------------- the contract


def check_read(case: dict[str, Any]) -> Transcript | None:
    """Read one case; assert the outcome keeps the contract (module docstring)."""
    options = {key: value for key, value in case.items() if key != "data"}
    started = time.process_time()  # CPU time: a long run at low priority waits a lot
    try:
        transcript = read_transcript("-", stdin=io.BytesIO(case["data"]), **options)
    except TranscriptToolError as error:
        message = str(error)
        assert len(message.splitlines()) == 1, repr(message)
        return None
    finally:
        elapsed = time.process_time() - started
        assert elapsed < SLOW_SECONDS, f"{elapsed:.1f} s for {len(case['data'])} bytes"
    check_transcript(transcript)
    check_words(transcript, decode(case["data"], case["name"], case["encoding"]))
    return transcript


def check_transcript(transcript: Transcript) -> None:
    """The shape every reader promises."""
    assert transcript.turns, "a transcript that reads has at least one turn"
    speakers = {speaker.id for speaker in transcript.speakers}
    for index, turn in enumerate(transcript.turns):
        assert turn.index == index
        assert turn.text and turn.text == normalize_space(turn.text), repr(turn.text)
        assert turn.speaker in speakers and turn.speaker.strip(), repr(turn.speaker)
        assert turn.role in ROLES
        assert 0.0 <= turn.confidence <= 1.0
        for moment in (turn.start, turn.end):
            assert moment is None or (math.isfinite(moment) and moment >= 0), moment
        if turn.start is not None and turn.end is not None:
            assert turn.start <= turn.end, turn  # even where the times go backwards
        for pause in turn.pauses:
            assert 0 < pause.offset < len(turn.text), (pause, turn.text)
            assert turn.text[pause.offset - 1] == " ", (pause, turn.text)
    assert all(s.role in ROLES and 0.0 <= s.role_confidence <= 1.0 for s in transcript.speakers)


def words_of(transcript: Transcript) -> list[str]:
    return [w for turn in transcript.turns for w in turn.text.split()]


def check_words(transcript: Transcript, source: str) -> None:
    """The turns' words come from the input (module docstring)."""
    words = words_of(transcript)
    if transcript.format.endswith(("json", "jsonl")):
        have = Counter(w for found in json_strings(source) for w in found.split())
        missing = Counter(words) - have
        assert not missing, f"words not in the file's strings: {list(missing)[:5]}"
        return
    if transcript.format == "csv":
        words, source = [w.replace('"', "") for w in words], source.replace('"', "")
    elif transcript.format == "vtt":
        lines = source.split("\n")
        source = "\n".join(" ".join(clean(s) for s in voice_split(line)) for line in lines)
    elif transcript.format in ("srt", "sbv"):
        source = "\n".join(clean(line) for line in source.split("\n"))
    assert_in_order(words, source)


def assert_in_order(words: Sequence[str], source: str) -> None:
    """Each word is found in ``source`` after the word before it."""
    cursor = 0
    for position, found in enumerate(words):
        at = source.find(found, cursor)
        assert at >= 0, f"word {position} {found!r} is not in the input after offset {cursor}"
        cursor = at + len(found)


def voice_split(line: str) -> list[str]:
    """A WebVTT line cut at its voice tags, as the reader cuts it."""
    return _VOICE.split(line) if _VOICE.search(line) else [line]


def json_strings(source: str) -> list[str]:
    """Every string value in the JSON (or JSON Lines) document, and the
    values of each list of Rev.ai ``elements`` joined, as the reader joins
    them (its spaces are elements too, so a word may span two)."""
    body = source.removeprefix("\ufeff")
    values: list[Any] = []
    try:
        values.append(json.loads(body))
    except (ValueError, RecursionError):
        for line in body.split("\n"):
            try:
                values.append(json.loads(line))
            except (ValueError, RecursionError):
                continue
    strings: list[str] = []
    while values:
        value = values.pop()
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, list):
            values.extend(value)
        elif isinstance(value, dict):
            values.extend(value.values())
            elements = value.get("elements")
            if isinstance(elements, list):
                strings.append(
                    "".join(
                        e["value"]
                        for e in elements
                        if isinstance(e, dict) and isinstance(e.get("value"), str)
                    )
                )
    return strings


# ------------------------------------------------------------------- the segmenter


def chunk_text(rng: Random) -> str:
    pick = rng.randint(0, 7)
    if pick <= 3:
        return sentence(rng)
    if pick <= 5:
        return text(rng, 30)
    if chance(rng, 20):  # long: the segmenter works word by word, so keep these rare
        return rng.choice(["a" * 5_000, "so? " * 500, "yeah " * 300])
    return rng.choice(["", " ", "?", "... --", "? ? ?", "mm-hmm", "-- --"])


def chunk_time(rng: Random) -> float | None:
    return rng.choice([None, 0.0, rng.uniform(0, 1e4), rng.uniform(0, 1e15)])


def chunks(rng: Random) -> list[Chunk]:
    return [
        Chunk(chunk_text(rng), rng.choice([None, rng.randint(1, 10**6)]), *sorted_times(rng))
        for _ in range(rng.randint(0, 12))
    ]


def sorted_times(rng: Random) -> tuple[float | None, float | None]:
    """A chunk's start and end as readers give them (an end is never before its start)."""
    start, end = chunk_time(rng), chunk_time(rng)
    if start is not None and end is not None and end < start:
        start, end = end, start
    return start, end


def check_segment(found: list[Chunk], speakers: int, first_role: Any) -> None:
    """The segmenter's turns hold exactly the chunks' words, in order, by
    ``Speaker 1`` ... ``Speaker N``, each turn with a chunk's line, and times
    that are a chunk's own or lie inside a timed chunk (a change of speaker
    inside a chunk is placed by word position)."""
    started = time.process_time()
    try:
        result = segment_chunks(found, speakers=speakers, first_role=first_role)
    except TranscriptToolError:
        return
    finally:
        assert time.process_time() - started < SLOW_SECONDS
    said = [w for turn in result.turns for w in turn.text.split()]
    assert said == [w for chunk in found for w in chunk.text.split()]
    allowed = {speaker_id(i) for i in range(speakers)}
    lines = {chunk.line for chunk in found}
    starts = {chunk.start for chunk in found}
    ends = {chunk.end for chunk in found}
    spans = [(c.start, c.end) for c in found if c.start is not None and c.end is not None]

    def inside(time: float | None) -> bool:
        return time is not None and any(start <= time <= end for start, end in spans)

    for turn in result.turns:
        assert turn.text.strip() and turn.speaker in allowed, turn
        assert 0.0 <= turn.confidence <= 1.0
        assert turn.line in lines
        assert turn.start in starts or inside(turn.start), turn
        assert turn.end in ends or inside(turn.end), turn
        for pause in turn.pauses:
            assert 0 < pause.offset < len(turn.text) and turn.text[pause.offset - 1] == " "
    assert set(result.roles) <= {turn.speaker for turn in result.turns}
    assert all(role in ROLES and 0 <= sure <= 1 for role, sure in result.roles.values())
    assert 0.0 <= result.confidence <= 1.0


# ------------------------------------------------------------------- properties


@dataclass
class Tally:
    """What the properties ran, per target (benchmarks/fuzz_readers.py reads it)."""

    examples: Counter[str] = field(default_factory=Counter)
    slowest: dict[str, float] = field(default_factory=dict)

    def count(self, target: str, started: float) -> None:
        elapsed = time.process_time() - started
        self.examples[target] += 1
        self.slowest[target] = max(self.slowest.get(target, 0.0), elapsed)


TALLY = Tally()


def randoms(fast: bool) -> st.SearchStrategy[Random]:
    """Hypothesis-driven choices (they shrink), or a seeded Random (``fast``)."""
    return st.randoms(use_true_random=fast)


def reader_property(target: str, fast: bool = False) -> Callable[[], None]:
    """A hypothesis test of one reader (or of detection, for "auto")."""

    @given(rng=randoms(fast))
    def check(rng: Random) -> None:
        started = time.process_time()
        case = read_case(rng, target)
        note(f"input: {shown(case)}")
        check_read(case)
        TALLY.count(target, started)

    return check


def segmenter_property(fast: bool = False) -> Callable[[], None]:
    """A hypothesis test of the raw-caption segmenter."""

    @given(rng=randoms(fast))
    def check(rng: Random) -> None:
        started = time.process_time()
        speakers = rng.randint(1, 9)
        first_role = rng.choice([None, "interviewer", "candidate"])
        found = chunks(rng)
        note(f"input: {shown((found, speakers, first_role))}")
        check_segment(found, speakers, first_role)
        TALLY.count("segmenter", started)

    return check


def shown(value: object, most: int = 3_000) -> str:
    """``repr(value)``, cut to ``most`` characters."""
    text_ = repr(value)
    return text_ if len(text_) <= most else f"{text_[:most]}... ({len(text_):,} characters)"


def fuzz_property(target: str, fast: bool = False) -> Callable[[], None]:
    """The property for ``target``: a reader, "auto" or "segmenter"."""
    if target == "segmenter":
        return segmenter_property(fast)
    return reader_property(target, fast)


FUZZ_TARGETS = (*TARGETS, "segmenter")


def profile(examples: int, fast: bool = False, **overrides: Any) -> settings:
    """Hypothesis settings for ``examples`` examples per property; ``fast``
    (seeded generators) skips shrinking, which cannot simplify a seed."""
    options: dict[str, Any] = {
        "max_examples": examples,
        "deadline": None,  # a slow example fails SLOW_SECONDS, not a timer that flakes under load
        "suppress_health_check": list(HealthCheck),
        "print_blob": True,
    }
    if fast:
        options["phases"] = [Phase.explicit, Phase.reuse, Phase.generate]
    options.update(overrides)
    return settings(**options)


def examples_for(config: pytest.Config) -> int:
    """CI_EXAMPLES; LONG_EXAMPLES under ``-m fuzz``; the env var overrides both."""
    if os.environ.get(EXAMPLES_ENV):
        return int(os.environ[EXAMPLES_ENV])
    expression = str(config.getoption("markexpr", "") or "")
    selected = re.search(r"(?<!not )\bfuzz\b", expression) is not None
    return LONG_EXAMPLES if selected else CI_EXAMPLES


@pytest.mark.fuzz
@pytest.mark.parametrize("target", FUZZ_TARGETS)
def test_fuzz(target: str, request: pytest.FixtureRequest) -> None:
    examples = examples_for(request.config)
    fast = examples > CI_EXAMPLES
    profile(examples, fast)(fuzz_property(target, fast))()


# ------------------------------------------------------------------- regressions
# Inputs the fuzz (or review while writing its generators) found, each once a
# crash or a broken contract; each now reads or is refused with a located error.


def case_of(text: str, name: str, input_format: str | None = None) -> dict[str, Any]:
    """A read_case for ``text`` with the defaults of the command line."""
    return {
        "data": text.encode("utf-8"),
        "name": name,
        "input_format": input_format,
        "encoding": None,
        "speakers": 2,
        "first_role": None,
        "interviewer": None,
        "candidate": None,
    }


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param(
            "[00:00:01] so\nNote (18:46):\nhello there\n(38:28.46) Q: because okay Note: well\n",
            "so Note : hello there Q: because okay Note: well",
            id="Note (18:46): is not the word Note:",
        ),
        pytest.param(
            "[00:00:01] so\nIntro x(00:00:05): hello there\n",
            "so Intro x : hello there",
            id="x(00:00:05): is not the word x:",
        ),
    ],
)
def test_a_label_with_its_stamp_inside_keeps_its_words(text: str, words: str) -> None:
    """Fuzz (timed-text, twice): a label with the stamp inside it that names no
    speaker ("Note (18:46):") came out as the word "Note:", which the line never
    had; then, with the stamp just cut out, "x(00:00:05):" became "x:". The
    stamp is now replaced by a space."""
    transcript = check_read(case_of(text, "talk.txt", "timed-text"))
    assert transcript is not None
    assert words_of(transcript) == words.split()


@pytest.mark.parametrize(
    ("text", "name", "message"),
    [
        pytest.param(  # fuzz: int() refuses over 4300 digits (ValueError)
            "1\n" + "9" * 5_000 + ":00:00,000 --> 00:00:01,000\nhi\n",
            "talk.srt",
            "talk.srt:2: cue 1: malformed timing line '" + "9" * 60 + "'… (5,027 characters) "
            "(expected hh:mm:ss,mmm --> hh:mm:ss,mmm)",
            id="srt: 5,000-digit hours",
        ),
        pytest.param(  # fuzz: the srt library's timedelta overflowed (OverflowError)
            "1\n1000000000000:00:00,000 --> 1000000000000:00:01,000\nhi\n",
            "talk.srt",
            "talk.srt:2: cue 1: malformed timing line '1000000000000:00:00,000 --> "
            "1000000000000:00:01,000' (expected hh:mm:ss,mmm --> hh:mm:ss,mmm)",
            id="srt: hours past a timedelta",
        ),
        pytest.param(  # review: 400 digits fit int() but not a float (OverflowError)
            "WEBVTT\n\n" + "9" * 400 + ":00:00.000 --> 00:00:01.000\nhi\n",
            "talk.vtt",
            "talk.vtt:3: cue 1: malformed timing line '" + "9" * 60 + "'… (427 characters) "
            "(expected hh:mm:ss.mmm --> hh:mm:ss.mmm)",
            id="vtt: 400-digit hours",
        ),
        pytest.param(  # fuzz: the JSON clock string's fields went to int() unchecked
            json.dumps({"segments": [{"start": "9" * 5_000 + ":00", "end": 5, "text": "hi"}]}),
            "talk.json",
            'talk.json: segments[0].start: expected a time in seconds (or hh:mm:ss.mmm), got "'
            + "9" * 38
            + "…",
            id="json: 5,000-digit clock field",
        ),
        pytest.param(  # review: a 400-digit number of seconds was read as inf
            "speaker,start,text\nA," + "9" * 400 + ",hello\n",
            "talk.csv",
            'talk.csv:2: column "start": bad time \'' + "9" * 60 + "'… (400 characters) "
            "(too large to be a time)",
            id="csv: 400-digit seconds",
        ),
    ],
)
def test_timestamps_out_of_range_are_located_errors(text: str, name: str, message: str) -> None:
    with pytest.raises(TranscriptToolError) as caught:
        read_transcript("-", stdin=io.BytesIO(text.encode()), name=name)
    assert str(caught.value) == message


def test_a_channel_that_is_not_a_number_is_a_located_error() -> None:
    """Fuzz (json): a list as a Deepgram utterance's channel went into a set
    (TypeError: unhashable type)."""
    utterance = {"transcript": "hi", "speaker": 0, "channel": [False]}
    text = json.dumps({"metadata": {}, "results": {"channels": [], "utterances": [utterance]}})
    with pytest.raises(TranscriptToolError) as caught:
        read_transcript("-", stdin=io.BytesIO(text.encode()), name="talk.json")
    assert str(caught.value) == (
        "talk.json: results.utterances[0].channel: expected a channel number, got a list"
    )


def test_a_speaker_number_too_large_for_a_float_is_a_label() -> None:
    """Review: float(10**400) raised OverflowError while reading a speaker id."""
    text = json.dumps([{"speaker": 10**400, "text": "hi"}, {"speaker": 1e300, "text": "yo"}])
    transcript = check_read(case_of(text, "talk.json"))
    assert transcript is not None
    assert [turn.speaker for turn in transcript.turns] == [
        f"Speaker {10**400}",
        f"Speaker {int(1e300)}",
    ]


def test_a_message_quoting_a_line_separator_stays_one_line() -> None:
    """Fuzz (json and auto: 12 of the 13 json failures of the first long run,
    told apart by the text they quoted): json.dumps keeps U+2028 (and NEL,
    U+0085) as they are, so a message quoting a bad value or key broke in two."""
    text = json.dumps([{"speaker": "A", "text": "hi", "end": "b@\u2028w\x85"}], ensure_ascii=False)
    with pytest.raises(TranscriptToolError) as caught:
        read_transcript("-", stdin=io.BytesIO(text.encode()), name="talk.json")
    assert str(caught.value) == (
        'talk.json: [0].end: expected a time in seconds (or hh:mm:ss.mmm), got "b@\\u2028w\\x85"'
    )
    assert len(str(caught.value).splitlines()) == 1


def test_a_change_of_speaker_inside_a_zero_length_caption_keeps_its_time() -> None:
    """Fuzz (segmenter): a change of speaker inside a caption that starts and
    ends at 1.8125 s was placed at round(1.8125, 3) = 1.812 s, before the
    caption began, so a turn ended before it started. (The fuzz found it in
    "so tell so so ba so so so so"; a question and its answer make the change
    whatever weights ship.)"""
    found = [Chunk("so tell me about yourself yeah so i grew up in ohio", None, 1.8125, 1.8125)]
    check_segment(found, 2, None)
    result = segment_chunks(found, speakers=2)
    assert len(result.turns) > 1  # the case is a change inside the caption
    assert all(turn.start == turn.end == 1.8125 for turn in result.turns)


def test_a_word_may_span_two_revai_elements() -> None:
    # found by the long run: Rev.ai's elements are joined as they are, so two
    # with no space element between them make one word, which no single
    # string of the file holds
    document = {
        "monologues": [
            {
                "speaker": 0,
                "elements": [
                    {"type": "text", "value": "so it took a long"},
                    {"type": "text", "value": "ish time"},
                    {"type": "punct", "value": "."},
                ],
            }
        ]
    }
    case = case_of(json.dumps(document), "talk.json")
    transcript = check_read(case)
    assert transcript is not None
    assert [turn.text for turn in transcript.turns] == ["so it took a longish time."]


# ------------------------------------------------------------------- the long run


def test_the_long_runs_script_runs_from_anywhere(tmp_path: Path) -> None:
    # benchmarks/fuzz_readers.py loads this file as a module, outside pytest:
    # this file's own helpers (pdfmake) must import there too
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz_readers.py"
    done = subprocess.run(
        [sys.executable, str(script), "--examples", "5", "--batch", "5", "--targets", "srt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert re.search(r"^srt\s+5\s+0\s", done.stdout, re.MULTILINE), done.stdout
