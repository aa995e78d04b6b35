"""Speech-to-text responses that list every word: Rev.ai, Amazon Transcribe and
Speechmatics, read into turns with their speakers, times and punctuation as the
service wrote them, and errors that name the JSON path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import assert_inferred_speakers

from transcript_tool.cli import main
from transcript_tool.errors import InputError
from transcript_tool.model import Transcript
from transcript_tool.readers import detect_reader, read_text


def read(value: Any, name: str = "talk.json") -> Transcript:
    return read_text(json.dumps(value), name, "json")


def said(transcript: Transcript) -> list[tuple[str, str, float | None, float | None]]:
    return [(turn.speaker, turn.text, turn.start, turn.end) for turn in transcript.turns]


def error_of(value: Any) -> str:
    with pytest.raises(InputError) as caught:
        read(value)
    return str(caught.value)


# ----------------------------------------------------------------------- Rev.ai


def rev_text(value: str, ts: float, end_ts: float) -> dict[str, Any]:
    return {"type": "text", "value": value, "ts": ts, "end_ts": end_ts, "confidence": 0.98}


def rev_punct(value: str) -> dict[str, Any]:
    return {"type": "punct", "value": value}


def rev_elements(said: str, start: float, step: float = 0.25) -> list[dict[str, Any]]:
    """Rev.ai's elements for ``said``: a text element per word (its times
    ``step`` apart from ``start``), a space between words, a sentence's
    punctuation after its word."""
    elements: list[dict[str, Any]] = []
    for i, token in enumerate(said.split()):
        if i:
            elements.append(rev_punct(" "))
        word = token.rstrip(".?,")
        at = round(start + i * step, 2)
        elements.append(rev_text(word, at, round(at + step, 2)))
        if word != token:
            elements.append(rev_punct(token[len(word) :]))
    return elements


REVAI = {
    "monologues": [
        {
            "speaker": 0,
            "speaker_info": {"id": "s0", "display_name": "Dana Whitfield"},
            "elements": rev_elements("Thanks for coming in. Why this role?", 0.42),
        },
        {"speaker": 1, "elements": rev_elements("I've run a café floor.", 3.05)},
    ]
}


def test_revai_monologues_are_turns_with_their_names_and_times() -> None:
    transcript = read(REVAI)
    assert transcript.format == "revai-json"
    assert said(transcript) == [
        ("Dana Whitfield", "Thanks for coming in. Why this role?", 0.42, 2.17),
        ("Speaker 1", "I've run a café floor.", 3.05, 4.3),
    ]


def test_revai_json_is_recognised_in_a_txt_file() -> None:
    assert detect_reader(json.dumps(REVAI), "download.txt").name == "json"


def test_revai_bad_time_names_the_element() -> None:
    broken = json.loads(json.dumps(REVAI))
    broken["monologues"][1]["elements"][2]["ts"] = "soon"
    assert error_of(broken).startswith(
        "talk.json: monologues[1].elements[2].ts: expected a time in seconds"
    )


# ------------------------------------------------------------- Amazon Transcribe


def aws_word(content: str, start: str, end: str, speaker: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "start_time": start,
        "end_time": end,
        "alternatives": [{"confidence": "0.99", "content": content}],
        "type": "pronunciation",
    }
    if speaker is not None:
        item["speaker_label"] = speaker
    return item


def aws_punct(content: str, speaker: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "alternatives": [{"confidence": "0.0", "content": content}],
        "type": "punctuation",
    }
    if speaker is not None:
        item["speaker_label"] = speaker
    return item


def aws(items: list[dict[str, Any]], **results: Any) -> dict[str, Any]:
    text = "I've been on hold for an hour. Sorry about that."
    return {
        "jobName": "screen-0412",
        "accountId": "111122223333",
        "status": "COMPLETED",
        "results": {"transcripts": [{"transcript": text}], "items": items, **results},
    }


AWS_ITEMS = [
    aws_word("I've", "4.87", "5.02", "spk_0"),
    aws_word("been", "5.02", "5.17", "spk_0"),
    aws_word("on", "5.17", "5.29", "spk_0"),
    aws_word("hold", "5.29", "5.64", "spk_0"),
    aws_punct(".", "spk_0"),
    aws_word("Sorry", "8.49", "8.88", "spk_1"),
    aws_punct(",", "spk_1"),
    aws_word("really", "8.88", "9.05", "spk_1"),
    aws_punct("."),
]


def test_aws_items_are_turns_with_punctuation_joined_to_its_word() -> None:
    transcript = read(aws(AWS_ITEMS))
    assert transcript.format == "aws-transcribe-json"
    assert said(transcript) == [
        ("Speaker 0", "I've been on hold.", 4.87, 5.64),
        ("Speaker 1", "Sorry, really.", 8.49, 9.05),
    ]


def test_aws_older_output_takes_speakers_from_the_segments() -> None:
    items = [{k: v for k, v in item.items() if k != "speaker_label"} for item in AWS_ITEMS]
    segments = [
        {
            "start_time": "4.87",
            "end_time": "5.64",
            "speaker_label": "spk_0",
            "items": [
                {"start_time": start, "end_time": end, "speaker_label": "spk_0"}
                for start, end in [("4.87", "5.02"), ("5.02", "5.17"), ("5.17", "5.29")]
            ]
            + [{"start_time": "5.290", "end_time": "5.64", "speaker_label": "spk_0"}],
        },
        {
            "start_time": "8.49",
            "end_time": "9.05",
            "speaker_label": "spk_1",
            "items": [
                {"start_time": "8.49", "end_time": "8.88", "speaker_label": "spk_1"},
                {"start_time": "8.88", "end_time": "9.05", "speaker_label": "spk_1"},
            ],
        },
    ]
    transcript = read(aws(items, speaker_labels={"speakers": 2, "segments": segments}))
    assert [(s, t) for s, t, _, _ in said(transcript)] == [
        ("Speaker 0", "I've been on hold."),
        ("Speaker 1", "Sorry, really."),
    ]


def test_aws_channels_are_speakers_in_order_of_time() -> None:
    channels = [
        {
            "channel_label": "ch_0",
            "items": [
                aws_word("Hello", "0.5", "0.9"),
                aws_punct("."),
                aws_word("Great", "3.0", "3.4"),
                aws_punct("!"),
            ],
        },
        {"channel_label": "ch_1", "items": [aws_word("Hi", "1.5", "1.8"), aws_punct(".")]},
    ]
    items = [aws_word("Hello", "0.5", "0.9"), aws_punct(".")]
    data = aws(items, channel_labels={"channels": channels, "number_of_channels": 2})
    transcript = read(data)
    assert [(s, t) for s, t, _, _ in said(transcript)] == [
        ("Channel 0", "Hello."),
        ("Channel 1", "Hi."),
        ("Channel 0", "Great!"),
    ]


def test_aws_without_speakers_goes_to_the_segmenter_with_every_word() -> None:
    words = "thanks for coming in what drew you to this role i have run a cafe floor".split()
    items = [aws_word(w, f"{i:.2f}", f"{i + 0.5:.2f}") for i, w in enumerate(words)]
    transcript = read(aws(items))
    assert_inferred_speakers(transcript)
    assert " ".join(turn.text for turn in transcript.turns).split() == words


def test_aws_transcript_alone_is_read_when_there_are_no_items() -> None:
    transcript = read(aws([]))
    assert " ".join(t.text for t in transcript.turns) == (
        "I've been on hold for an hour. Sorry about that."
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda items: items[1].pop("alternatives"),
            "results.items[1].alternatives: expected a list of alternatives, got null",
        ),
        (
            lambda items: items[2].update(alternatives=[]),
            "results.items[2].alternatives: no alternatives (an empty list)",
        ),
        (
            lambda items: items[3].update(end_time="1.0"),
            "results.items[3].end_time: 1 is before the start (5.29)",
        ),
        (
            lambda items: items[0].update(type="word"),
            'results.items[0].type: expected "pronunciation" or "punctuation", got "word"',
        ),
    ],
)
def test_aws_errors_name_the_item(change: Any, message: str) -> None:
    items = json.loads(json.dumps(AWS_ITEMS))
    change(items)
    assert error_of(aws(items)) == f"talk.json: {message}"


# ------------------------------------------------------------------ Speechmatics


def sm(
    kind: str, content: str, start: float, end: float, speaker: str | None, **more: Any
) -> dict[str, Any]:
    alternative: dict[str, Any] = {"content": content, "confidence": 0.97, "language": "en"}
    if speaker is not None:
        alternative["speaker"] = speaker
    return {
        "type": kind,
        "start_time": start,
        "end_time": end,
        "alternatives": [alternative],
        **more,
    }


SPEECHMATICS = {
    "format": "2.9",
    "metadata": {
        "created": "2026-11-30T10:02:11.000Z",
        "type": "transcription",
        "transcription_config": {"language": "en", "diarization": "speaker"},
    },
    "results": [
        sm("word", "So", 0.3, 0.5, "S1"),
        sm("punctuation", ",", 0.5, 0.5, "S1", attaches_to="previous"),
        sm("word", "why", 0.6, 0.8, "S1"),
        sm("word", "us", 0.8, 1.0, "S1"),
        sm("punctuation", "?", 1.0, 1.0, "S1", attaches_to="previous", is_eos=True),
        sm("punctuation", "\u201c", 1.6, 1.6, "S2", attaches_to="next"),
        sm("word", "Customers", 1.6, 2.1, "S2"),
        sm("word", "first", 2.1, 2.4, "S2"),
        sm("punctuation", "\u201d", 2.4, 2.4, "S2", attaches_to="previous"),
        sm("word", "um", 2.5, 2.7, "UU"),
        sm("punctuation", ".", 2.7, 2.7, "S2", attaches_to="previous", is_eos=True),
        {"type": "speaker_change", "start_time": 2.7, "end_time": 2.7, "alternatives": []},
    ],
}


def test_speechmatics_words_with_punctuation_attached_as_it_says() -> None:
    transcript = read(SPEECHMATICS)
    assert transcript.format == "speechmatics-json"
    assert said(transcript) == [
        ("Speaker 1", "So, why us?", 0.3, 1.0),
        ("Speaker 2", "\u201cCustomers first\u201d um.", 1.6, 2.7),
    ]


def test_speechmatics_bad_content_names_the_result() -> None:
    broken = json.loads(json.dumps(SPEECHMATICS))
    broken["results"][2]["alternatives"][0]["content"] = 7
    assert error_of(broken) == (
        "talk.json: results[2].alternatives[0].content: expected a string, got a number"
    )


def test_report_reads_an_aws_file_end_to_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "asrOutput.json"
    path.write_text(json.dumps(aws(AWS_ITEMS)), encoding="utf-8")
    assert main(["report", str(path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["transcript"]["format"] == "aws-transcribe-json"
    assert [turn["text"] for turn in report["transcript"]["turns"]] == [
        "I've been on hold.",
        "Sorry, really.",
    ]


# ---------------------------------------------------------- Google Speech-to-Text


def g_word(word: str, start: str, end: str, tag: int | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"startTime": start, "endTime": end, "word": word}
    if tag is not None:
        found["speakerTag"] = tag
    return found


def g_result(words: list[dict[str, Any]], end: str, **more: Any) -> dict[str, Any]:
    text = " ".join(word["word"] for word in words)
    alternative = {"transcript": text, "confidence": 0.93, "words": words}
    return {"alternatives": [alternative], "resultEndTime": end, "languageCode": "en-us", **more}


FIRST = [g_word("Why", "0.400s", "0.700s"), g_word("Fremont?", "0.700s", "1.200s")]
SECOND = [g_word("It's", "2s", "2.300s"), g_word("close.", "2.300s", "2.800s")]


def test_google_diarized_words_come_from_the_last_result_only() -> None:
    tagged = [
        g_word("Why", "0.400s", "0.700s", 1),
        g_word("Fremont?", "0.700s", "1.200s", 1),
        g_word("It's", "2s", "2.300s", 2),
        g_word("close.", "2.300s", "2.800s", 2),
    ]
    data = {
        "results": [
            g_result(FIRST, "1.300s"),
            g_result(SECOND, "2.900s"),
            g_result(tagged, "2.900s"),
        ]
    }
    transcript = read(data)
    assert transcript.format == "google-stt-json"
    assert said(transcript) == [
        ("Speaker 1", "Why Fremont?", 0.4, 1.2),
        ("Speaker 2", "It's close.", 2.0, 2.8),
    ]
    assert any("results[2] holds every word with its speaker" in n for n in transcript.notices)


def test_google_speaker_labels_and_second_nanos_times() -> None:
    words = [
        {"word": "Hello.", "startOffset": {"seconds": 1, "nanos": 500000000}, "speakerLabel": "1"},
        {
            "word": "Hi.",
            "startOffset": {"seconds": "3"},
            "endOffset": "3.400s",
            "speakerLabel": "2",
        },
    ]
    transcript = read(
        {"results": [{"alternatives": [{"transcript": "Hello. Hi.", "words": words}]}]}
    )
    assert said(transcript) == [("Speaker 1", "Hello.", 1.5, None), ("Speaker 2", "Hi.", 3.0, 3.4)]


def test_google_without_speakers_reads_each_result_for_the_segmenter() -> None:
    transcript = read({"results": [g_result(FIRST, "1.300s"), g_result(SECOND, "2.900s")]})
    assert_inferred_speakers(transcript)
    assert " ".join(turn.text for turn in transcript.turns) == "Why Fremont? It's close."


def test_google_channels_are_turns_in_order_of_time() -> None:
    results = [g_result(SECOND, "2.900s", channelTag=2), g_result(FIRST, "1.300s", channelTag=1)]
    transcript = read({"results": results})
    assert [(s, t) for s, t, _, _ in said(transcript)] == [
        ("Channel 1", "Why Fremont?"),
        ("Channel 2", "It's close."),
    ]


def test_google_bad_times_name_the_word() -> None:
    huge = {"word": "Why", "startOffset": {"seconds": 10**400}, "speakerTag": 1}
    assert error_of({"results": [g_result([huge], "1s")]}) == (
        "talk.json: results[0].alternatives[0].words[0].startOffset: expected seconds and "
        "nanos, got an object"
    )
    words = [g_word("Why", "soon", "0.700s", 1)]
    assert error_of({"results": [g_result(words, "1s")]}) == (
        "talk.json: results[0].alternatives[0].words[0].startTime: expected a time such as "
        '"1.300s", got "soon"'
    )
