"""The JSON reader: Whisper, WhisperX, AssemblyAI, Deepgram, ConvoKit and
generic lists of turns, with the flavour named, times in seconds and errors
that name the JSON path, as a user sees them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from conftest import assert_inferred_speakers
from hypothesis import given, settings
from hypothesis import strategies as st

from transcript_tool.cli import main
from transcript_tool.errors import InputError, TranscriptToolError
from transcript_tool.model import Transcript
from transcript_tool.readers import detect_reader, read_text
from transcript_tool.readers import jsonfmt as json_reader
from transcript_tool.readers.common import Chunk, ReadOptions

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
CORPORA = REPO.parent / "shared" / "corpora"
EXPORTS = CORPORA / "export-formats"
needs_corpora = pytest.mark.skipif(
    not CORPORA.is_dir(), reason=f"the shared corpora are not at {CORPORA}"
)
NOT_A_TRANSCRIPT = (
    'not a transcript: expected an object with "segments", "utterances" or "results", '
    "or a list of {speaker, text} objects; got "
)


def read(value: Any, name: str = "talk.json") -> Transcript:
    """``value`` dumped as JSON (or taken as the file's text when a str) and read."""
    text = value if isinstance(value, str) else json.dumps(value)
    return read_text(text, name, "json")


def said(transcript: Transcript) -> list[tuple[str, str, float | None, float | None]]:
    return [(turn.speaker, turn.text, turn.start, turn.end) for turn in transcript.turns]


def words(transcript: Transcript) -> list[str]:
    return [word for turn in transcript.turns for word in turn.text.split()]


def runs(speakers: Sequence[object]) -> int:
    """How many turns consecutive runs of one speaker make."""
    return sum(1 for i, speaker in enumerate(speakers) if i == 0 or speaker != speakers[i - 1])


def error_of(text: str, name: str = "talk.json") -> str:
    with pytest.raises(InputError) as caught:
        json_reader.read(text, name, ReadOptions())
    return str(caught.value)


# ------------------------------------------------------------------------ sniffing


@pytest.mark.parametrize(
    ("text", "name", "score"),
    [
        ('{"segments": [{"start": 0, "end": 1, "text": "Hi."}]}', "x.txt", 0.95),
        ('\ufeff\n  [{"speaker": "Ana", "text": "Hi."}]', "x", 0.95),
        ('{"speaker": "Ana", "text": "Hi."}\n{"speaker": "Ben", "text": "Hello."}\n', "x", 0.95),
        ("{ not json at all", "x.json", 0.95),
        ("Interviewer: Hi.\n", "x.json", 0.6),
        ('{"id": 3, "rows": []}', "data.txt", 0.0),  # JSON, but not a transcript shape
        ("[1, 2, 3]", "x.txt", 0.0),
        ("[Interviewer]: Hi.\n[Candidate]: Hello.\n", "x.txt", 0.0),
        ("{Interviewer}: Hi.\n", "x.txt", 0.0),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi.\n", "x.vtt", 0.0),
        ("", "x.txt", 0.0),
    ],
)
def test_sniff(text: str, name: str, score: float) -> None:
    assert json_reader.sniff(text, name) == score


def test_json_files_are_detected_and_text_files_are_not_stolen() -> None:
    assert detect_reader(json_reader.EXAMPLE, "example.json").name == "json"
    assert detect_reader(json_reader.EXAMPLE, "pasted.txt").name == "json"
    assert detect_reader("[Ana]: Hi.\n[Ben]: Hello.\n[Ana]: Shall we?\n", "x.txt").name == "text"
    assert detect_reader("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAna: Hi.\n", "x").name == "vtt"


def test_the_example_reads() -> None:
    transcript = read_text(json_reader.EXAMPLE, "example.json")
    assert transcript.format == "json"
    assert [(t.speaker, t.role, t.start, t.end) for t in transcript.turns] == [
        ("Interviewer", "interviewer", 0.0, 3.4),
        ("Candidate", "candidate", 4.1, 9.8),
    ]


# ------------------------------------------------------------------------- Whisper

WHISPER = {
    "text": " So tell me about your last job. I ran the front desk at a dental office.",
    "segments": [
        {
            "id": 0,
            "seek": 0,
            "start": 0.0,
            "end": 2.5,
            "text": " So tell me about your last job.",
            "tokens": [50364, 407],
            "temperature": 0.0,
            "avg_logprob": -0.2,
            "compression_ratio": 1.3,
            "no_speech_prob": 0.01,
        },
        {"id": 1, "seek": 0, "start": 3.0, "end": 6.25, "text": " I ran the front desk"},
        {"id": 2, "seek": 0, "start": 6.25, "end": 7.5, "text": "  at a dental\noffice. "},
        {"id": 3, "seek": 0, "start": 7.5, "end": 7.9, "text": "   "},
    ],
    "language": "en",
}


def test_whisper_segments_go_to_the_segmenter_one_chunk_per_segment(
    chunks_seen: list[Chunk],
) -> None:
    transcript = read(WHISPER)
    assert transcript.format == "whisper-json"
    assert words(transcript) == WHISPER["text"].split()  # type: ignore[attr-defined]
    assert [(c.text, c.start, c.end) for c in chunks_seen] == [
        (" So tell me about your last job.", 0.0, 2.5),
        (" I ran the front desk", 3.0, 6.25),
        ("  at a dental\noffice. ", 6.25, 7.5),
    ]
    assert_inferred_speakers(transcript)


def test_faster_whisper_bare_list_of_segments() -> None:
    segments = [
        {"start": 0.0, "end": 2.0, "text": " Why do you want this job?"},
        {"start": 2.5, "end": 5.0, "text": " I like working with people."},
    ]
    transcript = read(segments)
    assert transcript.format == "whisper-json"
    assert words(transcript) == "Why do you want this job? I like working with people.".split()
    assert_inferred_speakers(transcript)


def test_whisper_api_text_only() -> None:
    transcript = read({"text": "Tell me about yourself. Sure, I am a nurse."})
    assert transcript.format == "whisper-json"
    assert words(transcript) == "Tell me about yourself. Sure, I am a nurse.".split()


# ------------------------------------------------------------------------ WhisperX


def wx_word(word: str, start: float, speaker: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"word": word, "start": start, "end": start + 0.2, "score": 0.9}
    if speaker is not None:
        found["speaker"] = speaker
    return found


def test_whisperx_speakers_merge_consecutive_segments() -> None:
    data = {
        "segments": [
            {"start": 0.5, "end": 2.0, "text": " Hi, thanks for coming.", "speaker": "SPEAKER_00"},
            {"start": 2.1, "end": 4.0, "text": " Why this role?", "speaker": "SPEAKER_00"},
            {
                "start": 4.5,
                "end": 9.0,
                "text": " I love building interfaces.",
                "speaker": "SPEAKER_01",
                "words": [wx_word("I", 4.5, "SPEAKER_01"), wx_word("love", 4.8, "SPEAKER_01")],
            },
        ],
        "word_segments": [wx_word("I", 4.5), wx_word("love", 4.8)],
    }
    transcript = read(data)
    assert transcript.format == "whisperx-json"
    assert said(transcript) == [
        ("SPEAKER_00", "Hi, thanks for coming. Why this role?", 0.5, 4.0),
        ("SPEAKER_01", "I love building interfaces.", 4.5, 9.0),
    ]
    assert [(s.id, s.role) for s in transcript.speakers] == [
        ("SPEAKER_00", "interviewer"),
        ("SPEAKER_01", "candidate"),
    ]


def test_whisperx_missing_speakers_from_words_or_the_segment_before() -> None:
    data = {
        "segments": [
            {"start": 0.0, "end": 1.0, "text": " Hello.", "speaker": "SPEAKER_00"},
            {
                "start": 1.5,
                "end": 3.0,
                "text": " Hi there, nice",
                "words": [
                    wx_word("Hi", 1.5, "SPEAKER_01"),
                    wx_word("there,", 1.8, "SPEAKER_01"),
                    wx_word("nice", 2.4, "SPEAKER_00"),
                ],
            },
            {"start": 3.0, "end": 4.0, "text": " to meet you.", "words": [wx_word("to", 3.0)]},
            {"start": 4.5, "end": 6.0, "text": " Shall we start?", "speaker": "SPEAKER_00"},
            {"start": 6.0, "end": 6.5, "text": " Sure."},
        ],
        "word_segments": [],
    }
    transcript = read(data)
    assert said(transcript) == [
        ("SPEAKER_00", "Hello.", 0.0, 1.0),
        ("SPEAKER_01", "Hi there, nice to meet you.", 1.5, 4.0),
        ("SPEAKER_00", "Shall we start? Sure.", 4.5, 6.5),
    ]
    assert (
        "segments[2] (and 1 more) names no speaker: given the speaker before it "
        "(the first speaker named, at the start)"
    ) in transcript.notices


def test_leading_segments_without_a_speaker_take_the_first_speaker() -> None:
    transcript = read([{"text": "Okay, recording."}, {"speaker": "Ana", "text": "Hi."}])
    assert said(transcript) == [("Ana", "Okay, recording. Hi.", None, None)]
    assert transcript.notices[0].startswith("[0] names no speaker")


def test_whisperx_without_diarization_is_unlabeled() -> None:
    data = {
        "segments": [{"start": 0.0, "end": 1.0, "text": " Tell me about a project you led."}],
        "word_segments": [wx_word("Tell", 0.0)],
    }
    transcript = read(data)
    assert transcript.format == "whisperx-json"
    assert_inferred_speakers(transcript)


# ---------------------------------------------------------------------- AssemblyAI

ASSEMBLYAI = {
    "id": "6rlr37h9kf-b3e7-4c0e-a2c5-2a1f5a9b3c71",
    "status": "completed",
    "audio_url": "https://example.com/call.mp3",
    "speaker_labels": True,
    "text": "How did you hear about us? A friend told me. She works here.",
    "utterances": [
        {
            "speaker": "A",
            "start": 250,
            "end": 2150,
            "confidence": 0.97,
            "text": "How did you hear about us?",
            "words": [
                {"text": "How", "start": 250, "end": 410, "confidence": 0.99, "speaker": "A"},
            ],
        },
        {
            "speaker": "B",
            "start": 2700,
            "end": 3905,
            "confidence": 0.9,
            "text": "A friend told me.",
        },
        {"speaker": "B", "start": 4200, "end": 5000, "confidence": 0.9, "text": "She works here."},
    ],
}


def test_assemblyai_milliseconds_become_seconds() -> None:
    transcript = read(ASSEMBLYAI)
    assert transcript.format == "assemblyai-json"
    assert said(transcript) == [
        ("Speaker A", "How did you hear about us?", 0.25, 2.15),
        ("Speaker B", "A friend told me. She works here.", 2.7, 5.0),
    ]
    assert [(s.id, s.role) for s in transcript.speakers] == [
        ("Speaker A", "interviewer"),
        ("Speaker B", "candidate"),
    ]


def test_assemblyai_without_speaker_labels_is_unlabeled() -> None:
    data = {**ASSEMBLYAI, "speaker_labels": False, "utterances": None}
    transcript = read(data)
    assert transcript.format == "assemblyai-json"
    assert words(transcript) == ASSEMBLYAI["text"].split()  # type: ignore[attr-defined]
    assert_inferred_speakers(transcript)


def test_assemblyai_speakers_renamed_by_the_user_are_read_as_written() -> None:
    # "Priya Shah" was read as "Speaker Priya Shah"
    said_by = [("Priya Shah", "How did you hear about us?"), ("Sam Ortiz", "A friend told me."),
               ("Jo", "She works here?"), ("C", "Yes."), ("AA", "Great.")]  # fmt: skip
    utterances = [
        {"speaker": name, "start": 1000 * i, "end": 1000 * i + 900, "text": text,
         "confidence": 0.9, "words": []}
        for i, (name, text) in enumerate(said_by)
    ]  # fmt: skip
    # no "speaker" of its own: its words' speaker
    del utterances[1]["speaker"]
    utterances[1]["words"] = [{"text": "A", "start": 1000, "end": 1200, "speaker": "Sam Ortiz"}]
    transcript = read({**ASSEMBLYAI, "utterances": utterances})
    assert transcript.format == "assemblyai-json"
    assert said(transcript) == [
        ("Priya Shah", "How did you hear about us?", 0.0, 0.9),
        ("Sam Ortiz", "A friend told me.", 1.0, 1.9),
        ("Jo", "She works here?", 2.0, 2.9),
        ("Speaker C", "Yes.", 3.0, 3.9),  # AssemblyAI's own letters, as before
        ("Speaker AA", "Great.", 4.0, 4.9),
    ]
    assert [s.role for s in transcript.speakers][:2] == ["interviewer", "candidate"]


def test_utterances_without_assemblyai_marks_are_a_generic_list_in_seconds() -> None:
    data = {"utterances": [{"speaker": "Q", "start": 250, "end": 2150, "text": "Why?"}]}
    transcript = read(data)
    assert (transcript.format, said(transcript)) == ("json", [("Q", "Why?", 250.0, 2150.0)])


# ------------------------------------------------------------------------ Deepgram


def deepgram(
    alternative: dict[str, Any], utterances: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    results: dict[str, Any] = {"channels": [{"alternatives": [alternative]}]}
    if utterances is not None:
        results["utterances"] = utterances
    return {"metadata": {"request_id": "r1", "channels": 1}, "results": results}


DG_WORDS = [
    {"word": "so", "start": 0.0, "end": 0.2, "speaker": 0, "punctuated_word": "So"},
    {"word": "why", "start": 0.2, "end": 0.5, "speaker": 0, "punctuated_word": "why"},
    {"word": "us", "start": 0.5, "end": 0.9, "speaker": 0, "punctuated_word": "us?"},
    {"word": "growth", "start": 1.4, "end": 2.0, "speaker": 1},
]
DG_PARAGRAPHS = {
    "transcript": "\nSpeaker 0: So why us?\n\nSpeaker 1: Growth. And the team.",
    "paragraphs": [
        {
            "speaker": 0,
            "start": 0.0,
            "end": 0.9,
            "sentences": [{"text": "So why us?", "start": 0.0, "end": 0.9}],
        },
        {
            "speaker": 1,
            "start": 1.4,
            "end": 3.5,
            "sentences": [
                {"text": "Growth.", "start": 1.4, "end": 2.0},
                {"text": "And the team.", "start": 2.6, "end": 3.5},
            ],
        },
    ],
}


def test_deepgram_prefers_utterances() -> None:
    utterances = [
        {"speaker": 0, "channel": 0, "start": 0.0, "end": 0.9, "transcript": "So why us?"},
        {"speaker": 1, "channel": 0, "start": 1.4, "end": 2.0, "transcript": "Growth."},
        {"speaker": 1, "channel": 0, "start": 2.6, "end": 3.5, "transcript": "And the team."},
    ]
    alternative = {"transcript": "ignored", "words": DG_WORDS, "paragraphs": DG_PARAGRAPHS}
    transcript = read(deepgram(alternative, utterances))
    assert transcript.format == "deepgram-json"
    assert said(transcript) == [
        ("Speaker 0", "So why us?", 0.0, 0.9),
        ("Speaker 1", "Growth. And the team.", 1.4, 3.5),
    ]


def test_deepgram_speaker_names_are_read_as_written_and_ids_named_speaker_n() -> None:
    # "Priya Shah" was read as "Speaker Priya Shah"
    names = {0: "Priya Shah", 1: "Sam Ortiz"}
    utterances = [
        {"speaker": "Priya Shah", "start": 0.0, "end": 0.9, "transcript": "So why us?"},
        {"speaker": "Sam Ortiz", "start": 1.4, "end": 2.0, "transcript": "Growth."},
        {"speaker": 2, "start": 2.6, "end": 3.0, "transcript": "Thanks."},
        {"speaker": "3", "start": 3.2, "end": 3.5, "transcript": "Bye."},
    ]
    assert said(read(deepgram({"transcript": "x"}, utterances))) == [
        ("Priya Shah", "So why us?", 0.0, 0.9),
        ("Sam Ortiz", "Growth.", 1.4, 2.0),
        ("Speaker 2", "Thanks.", 2.6, 3.0),
        ("Speaker 3", "Bye.", 3.2, 3.5),
    ]
    paragraphs = {
        "paragraphs": [
            {**p, "speaker": names[p["speaker"]]}
            for p in DG_PARAGRAPHS["paragraphs"]  # type: ignore[attr-defined]
        ]
    }
    named = [{**w, "speaker": names[w["speaker"]]} for w in DG_WORDS]
    by_paragraphs = read(deepgram({"transcript": "x", "paragraphs": paragraphs}))
    assert said(by_paragraphs) == [
        ("Priya Shah", "So why us?", 0.0, 0.9),
        ("Sam Ortiz", "Growth. And the team.", 1.4, 3.5),
    ]
    assert [(s.id, s.role) for s in by_paragraphs.speakers] == [
        ("Priya Shah", "interviewer"),
        ("Sam Ortiz", "candidate"),
    ]
    assert said(read(deepgram({"transcript": "x", "words": named}))) == [
        ("Priya Shah", "So why us?", 0.0, 0.9),
        ("Sam Ortiz", "growth", 1.4, 2.0),
    ]


def test_deepgram_paragraphs_then_words_then_transcript() -> None:
    expected = [
        ("Speaker 0", "So why us?", 0.0, 0.9),
        ("Speaker 1", "Growth. And the team.", 1.4, 3.5),
    ]
    both = {"transcript": "x", "words": DG_WORDS, "paragraphs": DG_PARAGRAPHS}
    assert said(read(deepgram(both))) == expected
    by_words = said(read(deepgram({"transcript": "x", "words": DG_WORDS})))
    assert by_words == [("Speaker 0", "So why us?", 0.0, 0.9), ("Speaker 1", "growth", 1.4, 2.0)]
    text_only = read(deepgram({"transcript": "So why us? Growth.", "words": []}))
    assert text_only.format == "deepgram-json"
    assert words(text_only) == "So why us? Growth.".split()
    assert_inferred_speakers(text_only)


def test_deepgram_paragraphs_without_speakers_give_sentence_chunks(
    chunks_seen: list[Chunk],
) -> None:
    paragraphs = json.loads(json.dumps(DG_PARAGRAPHS).replace('"speaker": 0, ', ""))
    paragraphs = json.loads(json.dumps(paragraphs).replace('"speaker": 1, ', ""))
    transcript = read(deepgram({"transcript": "x", "paragraphs": paragraphs}))
    assert [(c.text, c.start, c.end) for c in chunks_seen] == [
        ("So why us?", 0.0, 0.9),
        ("Growth.", 1.4, 2.0),
        ("And the team.", 2.6, 3.5),
    ]
    assert_inferred_speakers(transcript)


def test_deepgram_multichannel_labels_channels_and_orders_by_start() -> None:
    data = {
        "metadata": {"channels": 2},
        "results": {
            "channels": [
                {
                    "alternatives": [
                        {
                            "transcript": "Why us?",
                            "paragraphs": {
                                "paragraphs": [
                                    {"start": 0.0, "end": 1.0, "sentences": [{"text": "Why us?"}]},
                                    {"start": 3.0, "end": 4.0, "sentences": [{"text": "Great."}]},
                                ]
                            },
                        }
                    ]
                },
                {
                    "alternatives": [
                        {
                            "transcript": "Growth.",
                            "paragraphs": {
                                "paragraphs": [
                                    {"start": 1.5, "end": 2.5, "sentences": [{"text": "Growth."}]},
                                ]
                            },
                        }
                    ]
                },
            ]
        },
    }
    transcript = read(data)
    assert said(transcript) == [
        ("Channel 0", "Why us?", 0.0, 1.0),
        ("Channel 1", "Growth.", 1.5, 2.5),
        ("Channel 0", "Great.", 3.0, 4.0),
    ]
    assert "2 channels: their turns are put in order of start time" in transcript.notices


# ------------------------------------------------------------------------ ConvoKit

CONVOKIT = "\n".join(
    json.dumps(utterance)
    for utterance in [
        {
            "id": "u1",
            "speaker": "hr_lee",
            "text": "What brings you to us?",
            "timestamp": 12,
            "reply_to": None,
            "conversation_id": "c1",
            "meta": {},
        },
        {
            "id": "u2",
            "speaker": "cand_ola",
            "text": "Your mission.",
            "timestamp": None,
            "reply_to": "u1",
            "conversation_id": "c1",
            "meta": {"score": 3},
        },
        {
            "id": "u3",
            "speaker": "cand_ola",
            "text": "And the people.",
            "timestamp": "yesterday",
            "reply_to": "u2",
            "conversation_id": "c1",
            "meta": {},
        },
        {
            "id": "u4",
            "speaker": "hr_lee",
            "text": "Next question?",
            "timestamp": 30.5,
            "reply_to": None,
            "conversation_id": "c2",
            "meta": {},
        },
    ]
)


def test_convokit_utterances_jsonl() -> None:
    transcript = read(CONVOKIT, "utterances.jsonl")
    assert transcript.format == "convokit-jsonl"
    assert [(t.speaker, t.text, t.start, t.line) for t in transcript.turns] == [
        ("hr_lee", "What brings you to us?", 12.0, 1),
        ("cand_ola", "Your mission. And the people.", None, 2),
        ("hr_lee", "Next question?", 30.5, 4),
    ]
    assert (
        '2 conversations were read (conversation_id "c1", "c2"), in file order, as one transcript'
    ) in transcript.notices


def test_jsonl_is_recognised_whatever_the_name_and_errors_name_the_line() -> None:
    assert read(CONVOKIT, "export.json").format == "convokit-jsonl"
    assert detect_reader(CONVOKIT, "export").name == "json"
    broken = CONVOKIT.replace('"text": "Your mission."', '"text": 7')
    assert error_of(broken, "u.jsonl") == "u.jsonl:2: text: expected a string, got a number"
    bad_line = CONVOKIT + '\n{"speaker": "x", "text": }'
    assert error_of(bad_line, "u.jsonl") == "u.jsonl:5:26: not valid JSON: Expecting value"


def test_plain_jsonl_of_turns() -> None:
    text = '{"name": "Interviewer", "message": "Hi."}\n\n{"name": "Candidate", "message": "Hey."}\n'
    transcript = read(text, "chat.jsonl")
    assert transcript.format == "jsonl"
    assert [(t.speaker, t.text, t.line) for t in transcript.turns] == [
        ("Interviewer", "Hi.", 1),
        ("Candidate", "Hey.", 3),
    ]


# ------------------------------------------------------------------- generic lists


def test_generic_list_with_alternative_keys_and_clock_times() -> None:
    data = [
        {"role": "Interviewer", "content": "Tell me about yourself.", "time": "00:00:01"},
        {"name": "Candidate", "utterance": "I teach chemistry.", "timestamp": "01:02.5"},
        {"speaker": "Candidate", "message": "Eleven years.", "start": "1:00:00,250"},
        {"speaker": "Interviewer", "text": "Great.", "start_time": "12.5", "end_time": 14},
        {"speaker": 2, "text": "Thanks.", "start": 15, "end": 16},
    ]
    transcript = read(data)
    assert transcript.format == "json"
    assert said(transcript) == [
        ("Interviewer", "Tell me about yourself.", 1.0, None),
        ("Candidate", "I teach chemistry. Eleven years.", 62.5, None),
        ("Interviewer", "Great.", 12.5, 14.0),
        ("Speaker 2", "Thanks.", 15.0, 16.0),
    ]
    assert transcript.notices[0] == (
        "[3] starts before [2] starts (segments kept in file order, with their times as written)"
    )


@pytest.mark.parametrize("key", ["transcript", "utterances", "turns", "segments", "messages"])
def test_a_list_of_turns_under_a_key(key: str) -> None:
    data = {
        "title": "screen",
        key: [{"speaker": "Ana", "text": "Hi."}, {"name": "Ben", "text": "Yo."}],
    }
    transcript = read(data)
    assert [(t.speaker, t.text) for t in transcript.turns] == [("Ana", "Hi."), ("Ben", "Yo.")]


def test_overlapping_segments_are_kept_and_named_once() -> None:
    data = [
        {"speaker": "A", "start": 0, "end": 5, "text": "one"},
        {"speaker": "B", "start": 4, "end": 6, "text": "two"},
        {"speaker": "A", "start": 5.5, "end": 7, "text": "three"},
        {"speaker": "B", "start": 1, "end": 2, "text": "four"},
        {"speaker": "A", "start": 0.5, "end": 1, "text": "five"},
        {"speaker": "B", "start": 0, "end": 1, "text": "six"},
    ]
    transcript = read(data)
    assert words(transcript) == ["one", "two", "three", "four", "five", "six"]
    overlap = [n for n in transcript.notices if "starts before" in n]
    assert overlap == [
        "[1] starts before [0] ends; [2] starts before [1] ends; [3] starts before [2] ends; "
        "and 2 more (segments kept in file order, with their times as written)"
    ]


def test_empty_texts_are_skipped() -> None:
    data = [
        {"speaker": "A", "text": "Hi."},
        {"speaker": "B", "text": " \n "},
        {"speaker": "B", "text": None},
        {"speaker": "A", "text": "Still there?"},
    ]
    assert [(t.speaker, t.text) for t in read(data).turns] == [("A", "Hi. Still there?")]


# ------------------------------------------------------------------------- errors

DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            '{\n  "segments": [\n    {"start": 0, "end": 1 "text": "hi"}\n  ]\n}',
            "talk.json:3:27: not valid JSON: Expecting ',' delimiter",
            id="invalid JSON",
        ),
        pytest.param("42", "talk.json: " + NOT_A_TRANSCRIPT + "a number", id="a number"),
        pytest.param('"hi"', "talk.json: " + NOT_A_TRANSCRIPT + "a string", id="a string"),
        pytest.param("{}", "talk.json: " + NOT_A_TRANSCRIPT + "an empty object", id="{}"),
        pytest.param(
            '{"id": 1, "rows": []}',
            "talk.json: " + NOT_A_TRANSCRIPT + 'an object with keys "id", "rows"',
            id="unknown keys",
        ),
        pytest.param("[1, 2]", "talk.json: " + NOT_A_TRANSCRIPT + "a list of numbers", id="[1, 2]"),
        pytest.param("[]", "talk.json: no segments (the list is empty)", id="[]"),
        pytest.param(
            '{"segments": []}',
            "talk.json: no segments (segments is an empty list)",
            id="no segments",
        ),
        pytest.param(
            '{"segments": [{"start": "abc", "end": 1, "text": "hi"}]}',
            'talk.json: segments[0].start: expected a time in seconds (or hh:mm:ss.mmm), got "abc"',
            id="bad time",
        ),
        pytest.param(
            '{"segments": [{"start": 0, "end": 1, "text": "a"}, {"start": -2, "text": "b"}]}',
            "talk.json: segments[1].start: expected a time in seconds (or hh:mm:ss.mmm), got -2",
            id="negative time",
        ),
        pytest.param(
            '[{"speaker": "A", "text": "x", "time": "00:61"}]',
            'talk.json: [0].time: expected a time in seconds (or hh:mm:ss.mmm), got "00:61"',
            id="61 seconds",
        ),
        pytest.param(
            '{"segments": [{"start": NaN, "end": 1, "text": "hi"}]}',
            "talk.json: segments[0].start: expected a time in seconds (or hh:mm:ss.mmm), got NaN",
            id="NaN",
        ),
        pytest.param(
            '{"utterances": [{"speaker": "A", "start": -5, "text": "x"}], "audio_url": "u"}',
            "talk.json: utterances[0].start: expected a time in milliseconds (or hh:mm:ss.mmm), "
            "got -5",
            id="negative milliseconds",
        ),
        pytest.param(
            '[{"speaker": "A", "text": 12}]',
            "talk.json: [0].text: expected a string, got a number",
            id="text is a number",
        ),
        pytest.param(
            '{"segments": [{"start": 3, "end": 1.5, "text": "hi"}]}',
            "talk.json: segments[0].end: 1.5 is before the start (3)",
            id="end before start",
        ),
        pytest.param(
            DEEP,
            "talk.json: JSON nested too deeply (no transcript nests its values this deep: is it "
            "the right file?)",
            id="deeply nested",
        ),
        pytest.param(
            '{"utterances": "x"}',
            "talk.json: utterances: expected a list of utterances, got a string",
            id="utterances is a string",
        ),
        pytest.param(
            '[{"speaker": "A"}]',
            'talk.json: [0]: no "text" (nor "message", "content", "utterance", "transcript")',
            id="no text",
        ),
        pytest.param(
            '{"turns": [{"speaker": ["A"], "text": "hi"}]}',
            "talk.json: turns[0].speaker: expected a speaker name, got a list",
            id="speaker is a list",
        ),
        pytest.param(
            '{"results": {"channels": [{"alternatives": [{"transcript": 5}]}]}}',
            "talk.json: results.channels[0].alternatives[0].transcript: "
            "expected a string, got a number",
            id="deepgram transcript",
        ),
        pytest.param(
            '{"segments": [{"start": 0, "end": 1, "text": "  "}]}',
            "talk.json: the transcript is empty (is it the right file?)",
            id="no words",
        ),
        pytest.param(
            "[" + "1" * 5000 + "]",
            "talk.json: not valid JSON: a number with more digits than Python reads (4300)",
            id="a huge number",
        ),
    ],
)
def test_bad_input_is_one_line_naming_the_path(text: str, message: str) -> None:
    assert error_of(text) == message


def test_deeply_nested_json_is_not_sniffed_as_text_when_named_json() -> None:
    assert json_reader.sniff(DEEP, "deep.json") == 0.95
    assert json_reader.sniff(DEEP, "deep.txt") == 0.0


# ------------------------------------------------------------------------- samples


def sample(name: str) -> tuple[Any, Transcript]:
    """The sample's JSON as loaded, and as the tool reads it (format sniffed)."""
    text = (SAMPLES / name).read_text(encoding="utf-8")
    return json.loads(text), read_text(text, f"samples/{name}")


def test_whisper_sample_speakers_are_inferred_from_the_words() -> None:
    data, transcript = sample("whisper-screen.json")
    assert detect_reader(json.dumps(data), "whisper-screen.json").name == "json"
    assert transcript.format == "whisper-json"
    assert_inferred_speakers(transcript)
    assert len(transcript.speakers) == 2
    assert {s.role for s in transcript.speakers} == {"interviewer", "candidate"}
    assert any(turn.confidence < 1 for turn in transcript.turns)
    assert words(transcript) == [w for s in data["segments"] for w in s["text"].split()]
    assert words(transcript) == data["text"].split()
    assert transcript.turns[0].start == data["segments"][0]["start"]
    assert transcript.turns[-1].end == data["segments"][-1]["end"]


def test_whisperx_sample() -> None:
    data, transcript = sample("whisperx-interview.json")
    segments = data["segments"]
    assert transcript.format == "whisperx-json"
    assert [(s.id, s.role) for s in transcript.speakers] == [
        ("SPEAKER_00", "interviewer"),
        ("SPEAKER_01", "candidate"),
    ]
    assert len(transcript.turns) == runs([s["speaker"] for s in segments])
    assert len(transcript.turns) < len(segments)  # answers spread over segments merge
    assert (transcript.turns[0].start, transcript.turns[-1].end) == (
        segments[0]["start"],
        segments[-1]["end"],
    )
    assert words(transcript) == [w for s in segments for w in s["text"].split()]
    with_words = [s for s in segments if s.get("words")]
    assert len(with_words) >= 3
    assert all(w["speaker"] == s["speaker"] for s in with_words for w in s["words"])
    assert transcript.notices == (
        "roles inferred from how each speaker talks: SPEAKER_00 = interviewer (0.99); "
        "SPEAKER_01 = candidate (0.99)",
    )


def test_assemblyai_sample() -> None:
    data, transcript = sample("assemblyai-interview.json")
    utterances = data["utterances"]
    assert transcript.format == "assemblyai-json"
    assert [(s.id, s.role) for s in transcript.speakers] == [
        ("Speaker A", "interviewer"),
        ("Speaker B", "candidate"),
    ]
    assert len(transcript.turns) == runs([u["speaker"] for u in utterances])
    assert transcript.turns[0].start == utterances[0]["start"] / 1000
    assert transcript.turns[-1].end == utterances[-1]["end"] / 1000
    assert all(b["start"] >= a["end"] for a, b in pairwise(utterances))  # increasing times
    assert words(transcript) == data["text"].split()


def test_deepgram_sample() -> None:
    # a Deepgram response with diarize, smart_format and paragraphs: the
    # speakers are the paragraphs' numbers, read with the words as punctuated
    data, transcript = sample("deepgram-screen.json")
    (alternative,) = data["results"]["channels"][0]["alternatives"]
    paragraphs = alternative["paragraphs"]["paragraphs"]
    assert transcript.format == "deepgram-json"
    assert [(s.id, s.name, s.role) for s in transcript.speakers] == [
        ("Speaker 0", "Grace", "interviewer"),
        ("Speaker 1", "Tomás", "candidate"),
    ]
    assert len(transcript.turns) == runs([p["speaker"] for p in paragraphs]) == 28
    assert transcript.turns[6].text == "Mm-hmm."  # the backchannel is its own turn
    assert (transcript.turns[0].start, transcript.turns[-1].end) == (
        paragraphs[0]["start"],
        paragraphs[-1]["end"],
    )
    assert words(transcript) == alternative["transcript"].split()
    assert words(transcript) == [w["punctuated_word"] for w in alternative["words"]]


def test_elevenlabs_sample() -> None:
    # Scribe lists each word and each space; its speakers were dropped (the
    # whole text went to the raw-caption segmenter, read as {"text": ...})
    data, transcript = sample("elevenlabs-screen.json")
    spoken = [w for w in data["words"] if w["type"] == "word"]
    assert transcript.format == "elevenlabs-json"
    assert [(s.id, s.name, s.role) for s in transcript.speakers] == [
        ("Speaker 0", "Miriam", "interviewer"),
        ("Speaker 1", "Kofi", "candidate"),
    ]
    assert len(transcript.turns) == runs([w["speaker_id"] for w in spoken]) == 16
    assert (transcript.turns[0].start, transcript.turns[-1].end) == (
        spoken[0]["start"],
        spoken[-1]["end"],
    )
    # the laugh is an audio event, no one's words
    assert words(transcript) == [w["text"] for w in spoken]
    assert transcript.turns[10].text.startswith("That's a good outcome.")


def test_elevenlabs_words_without_speakers_go_to_the_segmenter() -> None:
    spaced = [
        {"text": "so", "type": "word", "start": 0.1, "end": 0.2},
        {"text": " ", "type": "spacing"},
        {"text": "tell", "type": "word", "start": 0.3, "end": 0.4},
        {"text": " ", "type": "spacing"},
        {"text": "me", "type": "word", "start": 0.5, "end": 0.6},
    ]
    transcript = read({"language_code": "eng", "text": "so tell me", "words": spaced})
    assert transcript.format == "elevenlabs-json" and transcript.unlabeled
    assert words(transcript) == ["so", "tell", "me"]


def test_azure_sample() -> None:
    data, transcript = sample("azure-speech-interview.json")
    phrases = data["recognizedPhrases"]
    assert transcript.format == "azure-json"
    assert [(s.id, s.name, s.role) for s in transcript.speakers] == [
        ("Speaker 1", "Martin", "interviewer"),
        ("Speaker 2", "Aisha", "candidate"),
    ]
    assert len(transcript.turns) == runs([p["speaker"] for p in phrases]) == 14
    assert transcript.turns[0].start == phrases[0]["offsetInTicks"] / 10_000_000
    last = phrases[-1]
    assert transcript.turns[-1].end == pytest.approx(
        (last["offsetInTicks"] + last["durationInTicks"]) / 10_000_000
    )
    assert words(transcript) == data["combinedRecognizedPhrases"][0]["display"].split()


def test_azure_stereo_channels_are_merged_by_time() -> None:
    # a stereo call lists each channel's phrases in turn; with no speakers,
    # each channel is a speaker
    def phrase(channel: int, seconds: float, display: str) -> dict[str, Any]:
        return {
            "recognitionStatus": "Success",
            "channel": channel,
            "offsetInTicks": seconds * 10_000_000,
            "durationInTicks": 10_000_000,
            "nBest": [{"confidence": 0.9, "lexical": display.lower(), "display": display}],
        }

    data = {
        "source": "call.wav",
        "recognizedPhrases": [
            phrase(0, 0.0, "Tell me about yourself."),
            {"recognitionStatus": "NoMatch", "channel": 0, "offsetInTicks": 3e7},
            phrase(0, 6.0, "Why this role?"),
            phrase(1, 2.0, "I build data pipelines."),
            phrase(1, 8.0, "It is close to home."),
        ],
    }
    assert said(read(data)) == [
        ("Channel 0", "Tell me about yourself.", 0.0, 1.0),
        ("Channel 1", "I build data pipelines.", 2.0, 3.0),
        ("Channel 0", "Why this role?", 6.0, 7.0),
        ("Channel 1", "It is close to home.", 8.0, 9.0),
    ]


def test_gladia_sample() -> None:
    data, transcript = sample("gladia-interview.json")
    utterances = data["result"]["transcription"]["utterances"]
    assert transcript.format == "gladia-json"
    assert [(s.id, s.name, s.role) for s in transcript.speakers] == [
        ("Speaker 0", "Priya", "interviewer"),
        ("Speaker 1", "Noah", "candidate"),
    ]
    assert len(transcript.turns) == runs([u["speaker"] for u in utterances]) == 13
    assert transcript.turns[0].text == utterances[0]["text"].strip()
    assert (transcript.turns[0].start, transcript.turns[-1].end) == (
        utterances[0]["start"],
        utterances[-1]["end"],
    )
    assert words(transcript) == data["result"]["transcription"]["full_transcript"].split()


FIREFLIES_SENTENCES = [
    {"index": 0, "text": "Hi Sam. Can you hear me?", "raw_text": "Hi Sam. Can you hear me?",
     "start_time": 0.4, "end_time": 3.1, "speaker_id": 1, "speaker_name": "Priya Shah"},
    {"index": 1, "text": "Yes, loud and clear.", "raw_text": "Yes, loud and clear.",
     "start_time": 3.6, "end_time": 5.0, "speaker_id": 2, "speaker_name": "Sam Ortiz"},
]  # fmt: skip


@pytest.mark.parametrize(
    "data",
    [
        {
            "data": {
                "transcript": {"id": "01JX", "title": "Interview", "sentences": FIREFLIES_SENTENCES}
            }
        },
        {"id": "01JX", "title": "Interview", "sentences": FIREFLIES_SENTENCES},
    ],
    ids=["graphql reply", "transcript"],
)
def test_fireflies_sentences_are_read_with_their_speakers(data: dict[str, Any]) -> None:
    # an error before ("not a transcript"): "sentences" was no list of turns,
    # and the GraphQL reply's envelope hid it
    transcript = read(data)
    assert transcript.format == "fireflies-json"
    assert said(transcript) == [
        ("Priya Shah", "Hi Sam. Can you hear me?", 0.4, 3.1),
        ("Sam Ortiz", "Yes, loud and clear.", 3.6, 5.0),
    ]


def test_assemblyai_sentences_are_in_milliseconds() -> None:
    words = [{"text": "Hi.", "start": 250, "end": 900, "confidence": 0.9, "speaker": "A"}]
    sentences = [{"text": "Hi.", "start": 250, "end": 900, "confidence": 0.9, "speaker": "A",
                  "words": words}]  # fmt: skip
    transcript = read({"sentences": sentences, "id": "x", "confidence": 0.9})
    assert transcript.format == "assemblyai-json"
    assert said(transcript) == [("Speaker A", "Hi.", 0.25, 0.9)]


def watson_response(speakers: bool) -> dict[str, Any]:
    """An IBM Watson response: two results, word timestamps, and (with
    ``speakers``) a speaker label per word."""
    said = [
        (0, [("so", 0.1, 0.3), ("tell", 0.3, 0.5), ("me", 0.5, 0.6), ("about", 0.6, 0.8)]),
        (1, [("sure", 1.8, 2.1), ("%HESITATION", 2.1, 2.4), ("i", 2.4, 2.5), ("build", 2.5, 2.9)]),
    ]
    results = [
        {
            "final": True,
            "alternatives": [
                {"transcript": " ".join(w for w, _, _ in words) + " ", "confidence": 0.9,
                 "timestamps": [list(word) for word in words]}
            ],
        }
        for _, words in said
    ]  # fmt: skip
    data: dict[str, Any] = {"result_index": 0, "results": results}
    if speakers:
        data["speaker_labels"] = [
            {"from": s, "to": e, "speaker": who, "confidence": 0.5, "final": False}
            for who, words in said
            for _, s, e in words
        ]
    return data


def test_watson_words_take_the_speaker_labels() -> None:
    # read as Google's results before: the speakers inferred, the times lost
    transcript = read(watson_response(speakers=True))
    assert transcript.format == "watson-json"
    assert said(transcript) == [
        ("Speaker 0", "so tell me about", 0.1, 0.8),
        ("Speaker 1", "sure %HESITATION i build", 1.8, 2.9),
    ]


def test_watsons_hesitation_is_a_filler_kept_as_written() -> None:
    from transcript_tool.api import analyze

    analysis = analyze(read(watson_response(speakers=True)))
    assert [(m.kind, m.text) for m in analysis.markers] == [("filler", "%HESITATION")]


def test_watson_without_speaker_labels_goes_to_the_segmenter() -> None:
    transcript = read(watson_response(speakers=False))
    assert transcript.format == "watson-json" and transcript.unlabeled
    assert words(transcript) == "so tell me about sure %HESITATION i build".split()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"results": [{"alternatives": [{"timestamps": [["hi", 0.5]]}]}], "speaker_labels": []},
            "results[0].alternatives[0].timestamps[0]: expected [word, start, end], got a list",
        ),
        (
            {"recognizedPhrases": [{"offsetInTicks": "soon", "nBest": [{"display": "Hi."}]}]},
            'recognizedPhrases[0].offsetInTicks: expected a time in ticks (100 ns), got "soon"',
        ),
        (
            {"recognizedPhrases": [{"recognitionStatus": "NoMatch"}]},
            "recognizedPhrases: no phrase was recognised (every one is empty)",
        ),
        (
            {"result": {"transcription": {"utterances": [{"speaker": 0, "start": 1}]}}},
            'result.transcription.utterances[0]: no "text"',
        ),
        (
            {"words": [{"text": "hi", "type": "word"}, {"type": "word", "start": 1}]},
            'words[1]: no "text"',
        ),
        (
            {"words": [{"text": "hi", "type": "word", "start": 2.5, "end": 1.0}]},
            "words[0].end: 1.0 is before the start (2.5)",
        ),
        (
            {"words": [{"text": "hi", "type": "word", "start": -1}]},
            "words[0].start: expected a time in seconds (or hh:mm:ss.mmm), got -1",
        ),
    ],
)
def test_speech_service_errors_name_the_json_path(data: dict[str, Any], message: str) -> None:
    assert error_of(json.dumps(data)) == f"talk.json: {message}"


def test_an_azure_time_past_a_floats_range_is_an_error_not_a_crash() -> None:
    # found by benchmarks/fuzz_readers.py: float() of such an int raised OverflowError
    text = json.dumps(
        {"recognizedPhrases": [{"offsetInTicks": 10**400, "nBest": [{"display": "Hi."}]}]}
    )
    assert error_of(text).startswith(
        "talk.json: recognizedPhrases[0].offsetInTicks: expected a time in ticks (100 ns), got "
    )


def test_segment_assemblyai_sample_on_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    code = main(["segment", "samples/assemblyai-interview.json", "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    transcript = json.loads(out)
    assert transcript["format"] == "assemblyai-json"
    assert transcript["source"] == "samples/assemblyai-interview.json"
    assert [(t["speaker"], t["start"], t["end"]) for t in transcript["turns"][:2]] == [
        ("Speaker A", 0.25, 6.12),
        ("Speaker B", 6.6, 8.15),
    ]


def test_bad_json_on_the_command_line_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "call.json"
    path.write_text('{"segments": [{"start": 0, "end": 1, "text": "hi"},]}', encoding="utf-8")
    code = main(["segment", str(path), "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == (f"transcript-tool: error: {path}:1:52: not valid JSON: Expecting value\n")


# ------------------------------------------------------------ real files (corpora)


def clock(stamp: str) -> float:
    hours, minutes, seconds = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


@needs_corpora
def test_deepgram_diarized_call() -> None:
    name = "sermon-ai_deepgram_example.json"
    text = (EXPORTS / "deepgram-json" / name).read_text(encoding="utf-8")
    data = json.loads(text)
    utterances = data["results"]["utterances"]
    transcript = read_text(text, name)
    assert transcript.format == "deepgram-json"
    assert [s.id for s in transcript.speakers] == ["Speaker 0", "Speaker 1"]
    assert len(transcript.turns) == runs([u["speaker"] for u in utterances])
    assert (transcript.turns[0].start, transcript.turns[-1].end) == (
        utterances[0]["start"],
        utterances[-1]["end"],
    )
    assert words(transcript) == [w for u in utterances for w in u["transcript"].split()]
    # two utterances start before the one before them ends: named once, nothing dropped
    assert sum("starts before" in notice for notice in transcript.notices) == 1


@needs_corpora
def test_deepgram_single_speaker_without_diarization() -> None:
    name = "deepgram-sdk_bueller_nova3_response.json"
    text = (EXPORTS / "deepgram-json" / name).read_text(encoding="utf-8")
    alternative = json.loads(text)["results"]["channels"][0]["alternatives"][0]
    transcript = read_text(text, name)
    assert transcript.format == "deepgram-json"
    assert words(transcript) == alternative["transcript"].split()
    assert [w["punctuated_word"] for w in alternative["words"]] == words(transcript)
    assert_inferred_speakers(transcript)  # no diarization: the segmenter decides
    assert transcript.turns[0].start == alternative["words"][0]["start"]


@needs_corpora
@pytest.mark.parametrize("episode", ["E01", "E02", "E03", "E04", "E05"])
def test_whisper_pyannote_chat_json(episode: str) -> None:
    """A list of {speaker, time, message} turns, time as "hh:mm:ss.mmm"."""
    name = f"{episode}.json"
    text = (EXPORTS / "whisper-pyannote-seenunseen" / name).read_text(encoding="utf-8")
    data = json.loads(text)
    transcript = read_text(text, name)
    assert transcript.format == "json"
    assert [s.id for s in transcript.speakers] == list(dict.fromkeys(d["speaker"] for d in data))
    starts = [
        clock(d["time"])
        for i, d in enumerate(data)
        if i == 0 or d["speaker"] != data[i - 1]["speaker"]
    ]
    assert len(transcript.turns) == runs([d["speaker"] for d in data]) == len(starts)
    assert [turn.start for turn in transcript.turns] == pytest.approx(starts)
    assert words(transcript) == [w for d in data for w in d["message"].split()]
    assert "Amit Varma" in {s.id for s in transcript.speakers}
    assert transcript.speaker("Amit Varma").role == "interviewer"


# ---------------------------------------------------------------------- properties

KEYS = st.sampled_from(
    [
        "segments",
        "utterances",
        "results",
        "channels",
        "alternatives",
        "paragraphs",
        "sentences",
        "words",
        "transcript",
        "turns",
        "text",
        "message",
        "speaker",
        "name",
        "start",
        "end",
        "time",
        "timestamp",
        "conversation_id",
        "word_segments",
        "audio_url",
        "metadata",
    ]
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-10, max_value=10**6)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["00:01:02", "1:02.5", "Hi there.", "SPEAKER_00", "A", ""])
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(KEYS | st.text(max_size=5), inner, max_size=5)
    ),
    max_leaves=25,
)


def strings_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings_in(item)]
    return []


def check_read(text: str, sources: list[str]) -> None:
    try:
        transcript = json_reader.read(text, "x.json", ReadOptions())
    except TranscriptToolError as error:
        assert "\n" not in str(error)
        return
    source_words = {word for source in sources for word in source.split()}
    assert transcript.turns
    assert all(word in source_words for word in words(transcript))


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES)
def test_any_json_value_reads_or_fails_with_an_input_error(value: Any) -> None:
    check_read(json.dumps(value), strings_in(value))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_reads_or_fails_with_an_input_error(text: str) -> None:
    check_read(text, [text])


def test_only_transcript_errors_escape_for_odd_values() -> None:
    for value in [[[]], [None], [{"text": {"a": 1}}], {"results": {"utterances": [None]}}]:
        with pytest.raises(TranscriptToolError):
            json_reader.read(json.dumps(value), "x.json", ReadOptions())
