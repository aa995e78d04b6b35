"""The Otter.ai and timestamped-line readers: speakers, start times, the
footer, unlabeled timed lines, errors that name the line, and which reader
sniffing picks."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from itertools import groupby, pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcript_tool import read_transcript
from transcript_tool.cli import main
from transcript_tool.errors import InputError, TranscriptToolError
from transcript_tool.model import Transcript
from transcript_tool.readers import detect_reader, read_text
from transcript_tool.readers import otter as otter_reader
from transcript_tool.readers import timed as timed_reader
from transcript_tool.readers.common import Chunk

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
CORPORA = REPO.parent / "shared" / "corpora"
EXPORTS = CORPORA / "export-formats"
needs_corpora = pytest.mark.skipif(
    not CORPORA.is_dir(), reason=f"the shared corpora are not at {CORPORA}"
)
OTTER_FILES = [
    "27-data-structures-and-algorithms.md",
    "29-building-a-resume.md",
    "37-advice-for-past-selves.md",
    "44-mobile-dev.md",
    "46-systems-design.md",
    "53-accessibility.md",
    "62-security.md",
]
TALKPYTHON = "transcripts_303-python-for-astronomy-with-dr-becky.txt"


def timed(text: str, name: str = "talk.txt") -> Transcript:
    """Read with sniffing, checking that the timed-text reader was picked."""
    transcript = read_text(text, name)
    assert transcript.format == "timed-text"
    return transcript


def otter(text: str, name: str = "talk.txt") -> Transcript:
    """Read with sniffing, checking that the Otter reader was picked."""
    transcript = read_text(text, name)
    assert transcript.format == "otter"
    return transcript


def said(transcript: Transcript) -> list[tuple[str, str, float | None]]:
    return [(turn.speaker, turn.text, turn.start) for turn in transcript.turns]


def words(transcript: Transcript) -> list[str]:
    return [word for turn in transcript.turns for word in turn.text.split()]


def error_of(text: str, name: str = "talk.txt", input_format: str | None = None) -> str:
    with pytest.raises(InputError) as caught:
        read_text(text, name, input_format)
    return str(caught.value)


def merged(names: Sequence[str]) -> list[str]:
    """``names`` with each run of one name counted once."""
    return [name for name, _ in groupby(names)]


def clock(stamp: str) -> float:
    seconds = 0.0
    for part in stamp.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


# -------------------------------------------------------------------- timed lines

TIMED_LAYOUTS = [
    pytest.param(
        "[00:00:01] Priya: Hi there.\n[00:00:04] Sam: Hello.",
        [("Priya", "Hi there.", 1.0), ("Sam", "Hello.", 4.0)],
        id="[hh:mm:ss] Name:",
    ),
    pytest.param(
        "00:00:01 Priya Shah: Hi.\n00:00:04 Sam Ortiz: Hello.",
        [("Priya Shah", "Hi.", 1.0), ("Sam Ortiz", "Hello.", 4.0)],
        id="hh:mm:ss Name:",
    ),
    pytest.param(
        "(00:00:01) Priya: Hi.\n(00:00:04) Sam: Hello.",
        [("Priya", "Hi.", 1.0), ("Sam", "Hello.", 4.0)],
        id="(hh:mm:ss) Name:",
    ),
    pytest.param(
        "Priya: [00:00:01] Hi.\nSam: [00:00:04] Hello.",
        [("Priya", "Hi.", 1.0), ("Sam", "Hello.", 4.0)],
        id="Rev Name: [hh:mm:ss]",
    ),
    pytest.param(
        "Speaker 1: (00:01)\nWelcome in.\n\nSpeaker 2: (00:04)\nThanks.\nGlad to be here.",
        [("Speaker 1", "Welcome in.", 1.0), ("Speaker 2", "Thanks. Glad to be here.", 4.0)],
        id="Rev Name: (mm:ss) with the text below",
    ),
    pytest.param(
        "Priya [00:00:01]: Hi.\nSam: [00:00:04] Hello.",
        [("Priya", "Hi.", 1.0), ("Sam", "Hello.", 4.0)],
        id="Name [hh:mm:ss]: among Rev lines",
    ),
    pytest.param(
        "00:01:02.500 Priya: a\n0:01:05,25 Sam: b\n[1:02:03] Priya: c\n75:30 Sam: d",
        [("Priya", "a", 62.5), ("Sam", "b", 65.25), ("Priya", "c", 3723.0), ("Sam", "d", 4530.0)],
        id="fractions, h:mm:ss and a leading field past 59",
    ),
    pytest.param(
        "00:21:14\tAndrew Knight:\tHello everyone.\n00:21:35\tRingo Starr:\tHi!",
        [("Andrew Knight", "Hello everyone.", 1274.0), ("Ringo Starr", "Hi!", 1295.0)],
        id="tabs (a Zoom chat log)",
    ),
    pytest.param(
        "00:00:01 - Priya: a\n[00:00:02] | Sam: b",
        [("Priya", "a", 1.0), ("Sam", "b", 2.0)],
        id="a dash or bar after the stamp",
    ),
    pytest.param(
        "[00:00:01] Priya: Hi.\nStill me.\n\n[00:00:04] Sam: Hello.",
        [("Priya", "Hi. Still me.", 1.0), ("Sam", "Hello.", 4.0)],
        id="a line without a stamp continues the turn",
    ),
    pytest.param(
        "[00:00:01] Priya: a\n[00:00:03] Priya: b\n[00:00:05] Sam: c\n[00:00:07] d",
        [("Priya", "a b", 1.0), ("Sam", "c d", 5.0)],
        id="runs of one speaker merge; a stamped line with no name continues",
    ),
    pytest.param(
        "[00:00:01] Priya: a\n[00:00:02] Note: b\n[00:00:03] Sam: c",
        [("Priya", "a Note: b", 1.0), ("Sam", "c", 3.0)],
        id="a note word is no speaker",
    ),
    pytest.param(
        "[00:00:01] **Priya:** a\n[00:00:02] **Sam**: b",
        [("Priya", "a", 1.0), ("Sam", "b", 2.0)],
        id="bold names",
    ),
    pytest.param(
        "[00:00:01] Priya Shah (Interviewer): a\n[00:00:02] Sam Lee (Candidate): b",
        [("Priya Shah (Interviewer)", "a", 1.0), ("Sam Lee (Candidate)", "b", 2.0)],
        id="a role in parentheses after the name",
    ),
    # the stamp between the name and the text, no colon (Trint): the names
    # and stamps were words of an unlabeled text
    pytest.param(
        "Interview\n\nPriya Shah [00:00:01] Why this team?\n\nSam Ortiz [00:00:04] The rotation.",
        [("Priya Shah", "Why this team?", 1.0), ("Sam Ortiz", "The rotation.", 4.0)],
        id="name [stamp] text",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TIMED_LAYOUTS)
def test_timed_layouts(text: str, expected: list[tuple[str, str, float]]) -> None:
    transcript = timed(text)
    assert said(transcript) == expected
    assert all(turn.end is None for turn in transcript.turns)
    assert transcript.source == "talk.txt"


def test_turn_lines_are_the_lines_of_their_stamps() -> None:
    transcript = timed("[00:00:01] Priya: Hi.\nStill me.\n\n[00:00:04] Sam: Hello.")
    assert [turn.line for turn in transcript.turns] == [1, 4]


def test_rev_name_stamp_colon_stays_with_the_text_reader() -> None:
    """``Name (00:01:02):`` was the labeled-text reader's before this reader
    existed (samples/ml-case-interview.txt): sniffing keeps it there, and this
    reader reads it too when asked."""
    text = "Interviewer (00:00:04): Hi.\nCandidate (00:00:18): Hello."
    assert detect_reader(text, "x.txt").name == "text"
    assert timed_reader.sniff(text, "x.txt") == 0.0
    forced = read_text(text, "x.txt", "timed-text")
    assert said(forced) == [("Interviewer", "Hi.", 4.0), ("Candidate", "Hello.", 18.0)]
    assert forced.format == "timed-text"


@pytest.mark.parametrize(
    ("text", "reader"),
    [
        ("[00:00:01] Priya: Hi.\n[00:00:04] Sam: Hello.", "timed-text"),
        ("00:00:00 so tell me\n00:00:04 well I studied", "timed-text"),
        ("Priya: [00:00:01] Hi.\nSam: [00:00:04] Hello.", "timed-text"),
        ("Priya (00:00:01): Hi.\nSam (00:00:04): Hello.", "text"),
        ("Priya [00:00:01]: Hi.\nSam [00:00:04]: Hello.", "text"),
        ("Priya: Hi.\nSam: At 10:30 we met.\nPriya: ok", "text"),
        ("Priya: Hi.\n10:30 we met.\nSam: Hello.\nPriya: So?\n", "text"),
        ("1\n00:00:01,000 --> 00:00:02,000\nHi.\n", "srt"),
        ("00:00:01.000 --> 00:00:02.000\nHi.\n", "srt"),
        # cues with no numbers, each opening with a capitalised line: no range headers
        (
            "00:00:01,000 --> 00:00:02,000\nHello Everyone\n\n00:00:02,000 --> 00:00:04,000\n"
            "Welcome Back\n\n00:00:04,000 --> 00:00:06,000\nso today we talk\n",
            "srt",
        ),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nHi.\n", "vtt"),
        ("Priya  0:00\nHi.\n\nSam  0:04\nHello.\n", "otter"),
        ("**Priya** 0:00\nHi.\n\n**Sam** 0:04\nHello.\n", "otter"),
    ],
)
def test_sniffing_picks_one_reader(text: str, reader: str) -> None:
    assert detect_reader(text, "x.txt").name == reader


def test_unlabeled_timed_lines_go_to_the_segmenter(chunks_seen: list[Chunk]) -> None:
    text = (
        "00:00:00 so tell me about yourself and\n"
        "\n"
        "00:00:04 Python: what got you into it\n"
        "00:00:09 well I studied physics at\n"
        "university and then\n"
        "00:00:15 I moved into data work"
    )
    transcript = timed(text)
    assert words(transcript) == re.sub(r"^\d\d:\d\d:\d\d", "", text, flags=re.MULTILINE).split()
    assert [(c.line, c.start, c.end) for c in chunks_seen] == [
        (1, 0.0, None),
        (3, 4.0, None),
        (4, 9.0, None),
        (6, 15.0, None),
    ]
    assert chunks_seen[2].text == "well I studied physics at university and then"
    assert {s.id for s in transcript.speakers} <= {"Speaker 1", "Speaker 2"}
    assert all(s.role_source == "inferred" for s in transcript.speakers)
    assert any(n.startswith("no speaker labels: ") for n in transcript.notices)
    assert transcript.turns[0].start == 0.0


WHISPER_CPP = (
    "[00:00:03.000 --> 00:00:05.000]   Hi Sam, thanks for making the time today.\n"
    "[00:00:05.000 --> 00:00:09.500]   Could you start by telling me about your role?{0}\n"
    "[00:00:10.000 --> 00:00:14.000]   Sure. I'm a backend engineer at Northwind.\n"
)


@pytest.mark.parametrize("mark", ["", " [SPEAKER_TURN]"])
def test_whisper_cpp_output_lines_are_timed_chunks(chunks_seen: list[Chunk], mark: str) -> None:
    # whisper.cpp's printed segments (and tinydiarize's "-tdrz" turn marks):
    # read as plain text, both times and the mark were words of every turn
    transcript = read_text(WHISPER_CPP.format(mark), "whisper.txt")
    assert transcript.format == "timed-text"
    assert [(c.line, c.start, c.end, c.text) for c in chunks_seen] == [
        (1, 3.0, 5.0, "Hi Sam, thanks for making the time today."),
        (2, 5.0, 9.5, "Could you start by telling me about your role?"),
        (3, 10.0, 14.0, "Sure. I'm a backend engineer at Northwind."),
    ]
    assert words(transcript) == " ".join(c.text for c in chunks_seen).split()
    assert transcript.turns[-1].end == 14.0


def test_a_whisper_cpp_range_that_ends_before_it_starts_is_an_error_naming_its_line() -> None:
    with pytest.raises(InputError, match=r"^whisper.txt:2: end time before start time$"):
        read_text(WHISPER_CPP.format("").replace("09.500", "04.500"), "whisper.txt")


def test_a_tools_own_lines_in_timed_lines_and_the_otter_layout_are_no_ones_words() -> None:
    # Sonix writes "Name: [00:00:03] text" between paragraphs about itself
    sonix = timed(
        "Interview.mp4 transcript powered by Sonix—easily convert your audio to text with Sonix."
        "\n\nPriya Shah: [00:00:03] Why this team?\n\nSam Ortiz: [00:00:12] The rotation.\n\n"
        "Try Sonix for free today.\n"
    )
    assert said(sonix) == [
        ("Priya Shah", "Why this team?", 3.0),
        ("Sam Ortiz", "The rotation.", 12.0),
    ]
    assert "2 lines the transcription tool wrote are not part of any turn" in sonix.notices[0]
    # an Otter export printed to PDF and copied: each page's number
    printed = otter(
        "Priya Shah  0:03\nWhy this team?\nPage 1 of 2\n\nSam Ortiz  0:12\nThe rotation.\n"
    )
    assert said(printed) == [
        ("Priya Shah", "Why this team?", 3.0),
        ("Sam Ortiz", "The rotation.", 12.0),
    ]
    assert "line 3 ('Page 1 of 2') is not part of any turn" in printed.notices


def test_a_broadcast_captions_new_voice_marks_split_the_chunks(chunks_seen: list[Chunk]) -> None:
    # YouTube's transcript of captions made by hand, copied: ">>" was a word
    # the segmenter read, and turns ran across it
    transcript = read_text(
        "0:03\n>> Hi Sam, could you tell me about your current role?\n"
        "0:07\n>> Sure. I'm a backend engineer. >> Great, and why leave?\n"
        "0:12\nI want a smaller team.\n",
        "youtube.txt",
    )
    assert transcript.format == "timed-text"
    assert [(c.line, c.start, c.text) for c in chunks_seen] == [
        (1, 3.0, "Hi Sam, could you tell me about your current role?"),
        (3, 7.0, "Sure. I'm a backend engineer."),
        (3, None, "Great, and why leave?"),
        (5, 12.0, "I want a smaller team."),
    ]
    assert ">>" not in " ".join(t.text for t in transcript.turns)


def test_whisper_cpp_lines_with_speaker_names_end_when_their_range_does() -> None:
    transcript = read_text(
        "[00:00:03.000 --> 00:00:05.000]  Priya: Why this role?\n"
        "[00:00:05.500 --> 00:00:09.000]  Sam: The team.\n",
        "whisper.txt",
    )
    assert [(t.speaker, t.text, t.start, t.end) for t in transcript.turns] == [
        ("Priya", "Why this role?", 3.0, 5.0),
        ("Sam", "The team.", 5.5, 9.0),
    ]


def test_times_going_backwards_are_kept_in_order_with_one_notice() -> None:
    text = "\n".join(
        [
            "[00:01:10] Ann: a",
            "[00:00:05] Bo: b",
            "[00:00:07] Ann: c",
            "[00:00:06] Bo: d",
            "[00:00:08] Ann: e",
            "[00:00:01] Bo: f",
            "[00:00:00] Ann: g",
        ]
    )
    transcript = timed(text)
    assert [turn.start for turn in transcript.turns] == [70.0, 5.0, 7.0, 6.0, 8.0, 1.0, 0.0]
    backwards = [n for n in transcript.notices if "starts before" in n]
    assert backwards == [
        "line 2 (00:00:05) starts before line 1 (00:01:10); "
        "line 4 (00:00:06) starts before line 3 (00:00:07); "
        "line 6 (00:00:01) starts before line 5 (00:00:08); and 1 more "
        "(kept in file order, with their times as written)"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[00:00:01] Priya: a\n\n[00:61:02] Sam: b",
            "talk.txt:3: bad timestamp '00:61:02': minutes and seconds must be below 60",
        ),
        (
            "Priya: [00:00:01] a\nSam: [00:01:60] b",
            "talk.txt:2: bad timestamp '00:01:60': minutes and seconds must be below 60",
        ),
        (
            "00:00:00 so tell me\n00:00:75 well",
            "talk.txt:2: bad timestamp '00:00:75': minutes and seconds must be below 60",
        ),
    ],
)
def test_bad_minutes_or_seconds_name_the_line(text: str, message: str) -> None:
    assert error_of(text) == message


def test_forcing_the_reader_on_text_without_stamps() -> None:
    assert error_of("just some words\nand more", input_format="timed-text") == (
        "talk.txt: no timestamped lines (expected lines like '[00:01:02] Name: text', "
        "'00:01:02 text' or 'Name: [00:01:02] text')"
    )


def test_text_before_the_first_stamp_is_left_out_with_a_notice() -> None:
    transcript = timed("Interview with Chloe\nMarch 3\n\n[00:00:01] Ann: a\n[00:00:03] Bo: b")
    assert said(transcript) == [("Ann", "a", 1.0), ("Bo", "b", 3.0)]
    assert "lines 1-2 before the first timestamp are not part of any turn" in transcript.notices


def test_timed_text_before_any_speaker_is_unknown() -> None:
    transcript = timed(
        "[00:00:00] (music)\n[00:00:02] Priya: Hi\n[00:00:04] Sam: Hello\n[00:00:06] Priya: Bye"
    )
    assert said(transcript)[0] == ("Unknown", "(music)", 0.0)
    assert transcript.notices[0] == (
        "timed text with no speaker name before the first speaker (line 1) "
        'is attributed to "Unknown"'
    )


# --------------------------------------------------------------------------- otter


def test_otter_bold_and_plain_names_footer_and_unknown_speaker() -> None:
    text = (
        "**Emma** 0:00  \n"
        "Hello there.\n"
        "\n"
        "**Unknown Speaker**  0:05\n"
        "Who is it?\n"
        "\n"
        "Kelly  1:02:03\n"
        "It's me.\n"
        "\n"
        "Second paragraph.\n"
        "\n"
        "Transcribed by https://otter.ai\n"
    )
    transcript = otter(text, "talk.md")
    assert said(transcript) == [
        ("Emma", "Hello there.", 0.0),
        ("Unknown Speaker", "Who is it?", 5.0),
        ("Kelly", "It's me. Second paragraph.", 3723.0),
    ]
    assert [turn.line for turn in transcript.turns] == [1, 4, 7]
    assert all(turn.end is None for turn in transcript.turns)
    assert "Transcribed" not in words(transcript)
    assert [s.id for s in transcript.speakers] == ["Emma", "Unknown Speaker", "Kelly"]


def test_otter_headers_of_one_speaker_make_one_turn_from_the_first_time() -> None:
    transcript = otter("Emma\t0:00\nHello.\nEmma\t0:02\nMore.\n\nKelly\t0:04\nHi.")
    assert said(transcript) == [("Emma", "Hello. More.", 0.0), ("Kelly", "Hi.", 4.0)]


@pytest.mark.parametrize(
    ("text", "notices"),
    [
        pytest.param("---\ntitle: Ep 1\n---\n# Episode 1\n\n", [], id="front matter and heading"),
        pytest.param(
            "Recorded live.\n\n",
            ["line 1 before the first speaker line is not part of any turn"],
            id="other text",
        ),
    ],
)
def test_otter_text_before_the_first_header(text: str, notices: list[str]) -> None:
    transcript = otter(text + "Emma  0:00\nHello.\n\nKelly  0:04\nHi.\n")
    assert said(transcript) == [("Emma", "Hello.", 0.0), ("Kelly", "Hi.", 4.0)]
    assert [n for n in transcript.notices if not n.startswith("roles ")] == notices


def test_teams_word_transcript_in_otter_layout_drops_its_event_lines() -> None:
    text = (
        "Interview with Sam-20231115_140302-Meeting Recording\n"
        "November 15, 2023, 2:03PM\n"
        "45m 12s\n\n"
        "Priya Shah started transcription\n\n"
        "Priya Shah   0:03\nThanks for joining. Tell me about a project you led.\n\n"
        "Sam Ortiz   0:09\nLast spring I led the migration.\nWe started transcription\n"
        "of our calls then too.\n\n"
        "Priya Shah   0:20\nHow did you measure it?\n\n"
        "Sam Ortiz   0:24\nDropped messages per day.\n\n"
        "Priya Shah stopped transcription\n"
    )
    assert detect_reader(text, "transcript.txt").name == "otter"
    transcript = otter(text)
    assert said(transcript) == [
        ("Priya Shah", "Thanks for joining. Tell me about a project you led.", 3.0),
        ("Sam Ortiz", "Last spring I led the migration. We started transcription "
         "of our calls then too.", 9.0),
        ("Priya Shah", "How did you measure it?", 20.0),
        ("Sam Ortiz", "Dropped messages per day.", 24.0),
    ]  # fmt: skip
    assert [n for n in transcript.notices if not n.startswith("roles ")] == [
        "lines 1-3 before the first speaker line are not part of any turn",
        "line 5 ('Priya Shah started transcription') is not part of any turn",
        "line 21 ('Priya Shah stopped transcription') is not part of any turn",
    ]


UNTIMED = (
    "Episode 12: hiring for the floor\n\n"
    "Priya Shah\nThanks for coming in. What drew you to this role?\n\n"
    "Sam Ortiz\nI've run a café floor for two years.\nI want to lead a team.\n\n"
    "Priya Shah\nGreat. Tell me about a hard day.\n\n"
    "Sam Ortiz\nSure. Last spring the espresso machine died on a Saturday.\n"
)


@pytest.mark.parametrize("blank_lines", [True, False], ids=["paragraphs", "lines"])
def test_names_alone_above_the_text_are_speakers_without_times(blank_lines: bool) -> None:
    # a web page's transcript or a text export with no times was read as
    # unlabeled text, the names becoming words of inferred turns
    text = UNTIMED if blank_lines else UNTIMED.replace("\n\n", "\n")
    assert detect_reader(text, "episode.txt").name == "otter"
    transcript = otter(text)
    assert said(transcript) == [
        ("Priya Shah", "Thanks for coming in. What drew you to this role?", None),
        ("Sam Ortiz", "I've run a café floor for two years. I want to lead a team.", None),
        ("Priya Shah", "Great. Tell me about a hard day.", None),
        ("Sam Ortiz", "Sure. Last spring the espresso machine died on a Saturday.", None),
    ]
    assert "line 1 before the first speaker line is not part of any turn" in transcript.notices


def test_names_alone_above_short_answers_are_speakers() -> None:
    # a screenplay's layout: "I build data pipelines." under CANDIDATE read as
    # a name of its own, so CANDIDATE was no header and its words ran on
    transcript = otter(
        "INTERVIEWER\nWhat do you do?\n\nCANDIDATE\nI build data pipelines.\n\n"
        "INTERVIEWER\nWhy leave?\n\nCANDIDATE\nI want to work on products.\n"
    )
    assert [(t.speaker, t.text) for t in transcript.turns] == [
        ("INTERVIEWER", "What do you do?"),
        ("CANDIDATE", "I build data pipelines."),
        ("INTERVIEWER", "Why leave?"),
        ("CANDIDATE", "I want to work on products."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a name said once, or names that never come back, are no layout
        "Priya Shah\nThanks for coming in.\n\nSam Ortiz\nHi.\n",
        # a capitalised line now and then in plain prose
        "Background\nI grew up in Leeds.\n\nso anyway that was it\n\nand then more\n\n"
        "Background\nagain here\n\nmore talk\n\nand more\n\nand more\n",
    ],
)
def test_names_alone_need_the_whole_text_laid_out_so(text: str) -> None:
    assert detect_reader(text, "notes.txt").name != "otter"


OTHER_HEADERS = [
    pytest.param("00:00:00 Speaker 1\n{0}\n\n00:00:05 Speaker 2\n{1}\n\n"
                 "00:00:12 Speaker 1\n{2}\n", ["Speaker 1", "Speaker 2"], id="time first"),
    pytest.param("Priya Shah - 00:00\n{0}\n\nSam Ortiz - 00:05\n{1}\n\n"
                 "Priya Shah - 00:12\n{2}\n", ["Priya Shah", "Sam Ortiz"], id="name - time"),
    pytest.param("Priya Shah (00:00)\n{0}\nSam Ortiz (00:05)\n{1}\nPriya Shah [00:12]\n{2}\n",
                 ["Priya Shah", "Sam Ortiz"], id="time in brackets"),
    pytest.param("Speaker 1\n00:00\n{0}\n\nSpeaker 2\n00:05\n{1}\n\nSpeaker 1\n\n00:12\n{2}\n",
                 ["Speaker 1", "Speaker 2"], id="time under the name"),
    # Otter's two spaces collapsed to one when copied from a web page
    pytest.param("Priya Shah 00:00:00\n{0}\nSam Ortiz 00:00:05\n{1}\nPriya Shah 00:00:12\n{2}\n",
                 ["Priya Shah", "Sam Ortiz"], id="name time"),
    # Trint's export: the names were read as words of an unlabeled caption
    pytest.param("[00:00:00] Priya Shah\n{0}\n\n[00:00:05] Sam Ortiz\n{1}\n\n"
                 "[00:00:12] Priya Shah\n{2}\n", ["Priya Shah", "Sam Ortiz"],
                 id="time in brackets first"),
    # milliseconds after the seconds: the whole file was read as one unlabeled turn
    pytest.param("Priya Shah  00:00:00.000\n{0}\n\nSam Ortiz  00:00:05.000\n{1}\n\n"
                 "Priya Shah  00:00:12,000\n{2}\n", ["Priya Shah", "Sam Ortiz"],
                 id="milliseconds"),
    # Fathom's copied transcript: the company after a guest's name in
    # parentheses, the text indented; the header lines were read as words
    pytest.param("0:00 - Priya Shah (Acme Corp)\n  {0}\n\n0:05 - Sam Ortiz\n  {1}\n\n"
                 "0:12 - Priya Shah (Acme Corp)\n  {2}\n", ["Priya Shah (Acme Corp)", "Sam Ortiz"],
                 id="a note after the name"),
    pytest.param("Priya Shah (she/her)\n00:00\n{0}\nSam Ortiz (he/him)\n00:05\n{1}\n"
                 "Priya Shah (she/her)\n00:12\n{2}\n",
                 ["Priya Shah (she/her)", "Sam Ortiz (he/him)"], id="pronouns after the name"),
    # a time range above the name (Premiere's timecodes, whose last field
    # counts frames; DaVinci Resolve's in brackets), under it (Riverside), or
    # before the name in brackets: the ranges were words of the turn before
    pytest.param("00:00:00:00 - 00:00:04:12\nSpeaker 1\n{0}\n\n00:00:05:00 - 00:00:11:20\n"
                 "Speaker 2\n{1}\n\n00:00:12:00 - 00:00:15:00\nSpeaker 1\n{2}\n",
                 ["Speaker 1", "Speaker 2"], id="range above the name"),
    pytest.param("[00:00:00:00 - 00:00:04:12]\nPriya Shah\n {0}\n\n[00:00:05:00 - 00:00:11:20]\n"
                 "Sam Ortiz\n {1}\n\n[00:00:12:00 - 00:00:15:00]\nPriya Shah\n {2}\n",
                 ["Priya Shah", "Sam Ortiz"], id="range in brackets above the name"),
    pytest.param("Priya Shah\n00:00:00 - 00:00:04\n{0}\n\nSam Ortiz\n00:00:05 - 00:00:11\n{1}\n\n"
                 "Priya Shah\n00:00:12 - 00:00:15\n{2}\n", ["Priya Shah", "Sam Ortiz"],
                 id="range under the name"),
    pytest.param("[00:00:00.000 --> 00:00:04.500] [Priya Shah]\n{0}\n\n"
                 "[00:00:05.000 --> 00:00:11.000] [Sam Ortiz]\n{1}\n\n"
                 "[00:00:12.000 --> 00:00:15.000] [Priya Shah]\n{2}\n", ["Priya Shah", "Sam Ortiz"],
                 id="range and name in brackets"),
]  # fmt: skip


@pytest.mark.parametrize(("layout", "names"), OTHER_HEADERS)
def test_other_tools_speaker_headers_are_read_like_otters(layout: str, names: list[str]) -> None:
    said_ = ["Thanks for joining. Tell me about a project you led.", "Last spring I led it.",
             "How did you measure it?"]  # fmt: skip
    transcript = otter(layout.format(*said_))
    first, second = names
    assert said(transcript) == [(first, said_[0], 0.0), (second, said_[1], 5.0),
                                (first, said_[2], 12.0)]  # fmt: skip


def test_a_time_range_gives_the_turn_its_end_to_the_second() -> None:
    transcript = otter(
        "00:00:00:00 - 00:00:04:12\nSpeaker 1\nWhy this role?\n\n"
        "00:00:05:00 - 00:00:11:20\nSpeaker 2\nThe team.\n"
    )
    assert [(t.start, t.end) for t in transcript.turns] == [(0.0, 4.0), (5.0, 11.0)]


def test_a_time_range_that_ends_before_it_starts_is_an_error_naming_its_line() -> None:
    with pytest.raises(InputError, match=r"^talk.txt:6: end time before start time$"):
        otter("Priya Shah\n00:00:00 - 00:00:04\nWhy?\n\nSam Ortiz\n00:00:09 - 00:00:05\nFun.\n")


@pytest.mark.parametrize(
    ("text", "reader"),
    [
        # a podcast's timed lines, one of them a short capitalised phrase
        ("00:00:01 Hello Everyone\n00:00:04 so today we talk about hiring\n"
         "00:00:09 and how to prepare for it\n", "timed-text"),
        # timed lines in brackets, some of them one capitalised word
        ("[00:00:01] so tell me about yourself\n[00:00:04] Yes\n[00:00:05] Great, thanks\n"
         "[00:00:07] Okay\n[00:00:09] i work on data\n[00:00:12] Right\n", "timed-text"),
        # YouTube's copied transcript: a capitalised caption line above a time
        ("0:00\nhi everyone\n0:03\nWelcome Back\n0:06\ntoday we do a mock interview\n"
         "0:09\nso tell me about yourself\n", "timed-text"),
    ],
)  # fmt: skip
def test_capitalised_caption_lines_are_not_headers(text: str, reader: str) -> None:
    assert detect_reader(text, "talk.txt").name == reader
    assert " ".join(t.text for t in read_text(text, "talk.txt").turns).split() == [
        word for word in text.split() if ":" not in word
    ]


def test_otter_bad_time_names_the_line() -> None:
    assert error_of("Emma  0:00\nHello.\n\nKelly  0:75\nHi.") == (
        "talk.txt:4: bad timestamp '0:75': minutes and seconds must be below 60"
    )


def test_otter_times_going_backwards_get_a_notice() -> None:
    transcript = otter("Emma  0:10\nHello.\n\nKelly  0:04\nHi.\n")
    assert transcript.notices[0] == (
        "line 4 (0:04) starts before line 1 (0:10) "
        "(kept in file order, with their times as written)"
    )


def test_forcing_otter_on_text_without_headers() -> None:
    assert error_of("Priya: Hi.\nSam: Hello.", input_format="otter") == (
        "talk.txt: no Otter speaker lines (expected a name, two spaces and a time, "
        "like 'Priya Shah  0:03', above each paragraph)"
    )


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("Priya  0:00\nHi.\n\nSam  0:04\nHello.\n", 0.95),
        ("Priya Shah  0:03\nThanks for joining.\n", 0.92),
        # one space is enough for capitalised names (a copy from a web page)
        ("Priya 0:00\nHi.\n\nSam 0:04\nHello.\n", 0.95),
        ("priya 0:00\nhi.\n\nsam 0:04\nhello.\n", 0.0),
        ("Priya  0:00\nSam  0:04\nAnn  0:09\nHello.\n", 0.0),  # headers do not alternate
        ("Priya: Hi.\nSam: Hello.\n", 0.0),
        # paragraphs wrapped over many lines (an email, a PDF's print): the
        # headers are few of the lines but open the paragraphs
        (
            "\n\n".join(
                f"{n}  0:0{i}\n" + "We ran the night shift.\n" * 6 for i, n in enumerate("ABAB")
            ),
            0.95,
        ),
        # two header-like lines among many paragraphs of prose are not the layout
        ("Week 2 4:30\nWe met.\n\n" + "Notes.\nMore notes.\n\n" * 6 + "Week 3 5:00\nAgain.\n", 0.0),
    ],
)
def test_otter_sniff(text: str, score: float) -> None:
    assert otter_reader.sniff(text, "x.txt") == score


# ------------------------------------------------------------------------- samples


def stamped_names(path: Path, pattern: str) -> tuple[list[str], list[float]]:
    """The speaker name and start of each line of ``path`` matching ``pattern``
    (groups ``name`` and ``time``), in file order."""
    found = re.finditer(pattern, path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    pairs = [(match["name"], clock(match["time"])) for match in found]
    return [name for name, _ in pairs], [time for _, time in pairs]


SAMPLE_LAYOUTS = [
    ("otter-export.txt", "otter", r"^(?P<name>\w+ \w+)  (?P<time>\d+:\d\d)$"),
    ("rev-interview.txt", "timed-text", r"^(?P<name>\w+ \w+): \[(?P<time>[\d:]{8})\] "),
    ("timestamped-lines.txt", "timed-text", r"^\[(?P<time>[\d:]{8})\] (?P<name>[^:]+): "),
]


@pytest.mark.parametrize(("sample", "input_format", "pattern"), SAMPLE_LAYOUTS)
def test_samples_read_with_their_format(sample: str, input_format: str, pattern: str) -> None:
    path = SAMPLES / sample
    transcript = read_transcript(path)
    assert transcript.format == input_format
    names, times = stamped_names(path, pattern)
    assert len(names) >= 20
    assert len(transcript.turns) == len(merged(names))
    assert [turn.speaker for turn in transcript.turns] == merged(names)
    interviewer, candidate = dict.fromkeys(names)
    assert [(s.id, s.role) for s in transcript.speakers] == [
        (interviewer, "interviewer"),
        (candidate, "candidate"),
    ]
    assert transcript.turns[0].start == times[0]
    starts = [turn.start for turn in transcript.turns]
    assert starts == sorted(starts) and None not in starts


def test_segment_otter_sample_on_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    code = main(["segment", "samples/otter-export.txt", "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    transcript = json.loads(out)
    assert transcript["format"] == "otter"
    assert [(t["speaker"], t["start"], t["end"]) for t in transcript["turns"][:3]] == [
        ("Rhea Castellanos", 2.0, None),
        ("Ben Whitaker", 11.0, None),
        ("Rhea Castellanos", 17.0, None),
    ]
    assert transcript["turns"][0]["text"].startswith("Hi Ben, thanks for coming out")
    assert not any("otter.ai" in t["text"] for t in transcript["turns"])


# ------------------------------------------------------------ real files (corpora)

OTTER_HEADER = re.compile(
    r"^(?:\*\*(?P<bold>[^*]+)\*\*|(?P<plain>\S.*?))[ \t]+(?P<time>\d+:\d\d(?::\d\d)?)[ \t]*$",
    re.MULTILINE,
)


@needs_corpora
@pytest.mark.parametrize("name", OTTER_FILES)
def test_real_otter_exports(name: str) -> None:
    text = (EXPORTS / "otter-ladybug" / name).read_text(encoding="utf-8")
    headers = [(m["bold"] or m["plain"], m["time"]) for m in OTTER_HEADER.finditer(text)]
    transcript = otter(text, name)
    names = merged([speaker for speaker, _ in headers])
    assert len(transcript.turns) == len(names)
    assert [turn.speaker for turn in transcript.turns] == names
    assert transcript.turns[0].start == clock(headers[0][1])
    assert not any(word.startswith("https://otter") for word in words(transcript))


@needs_corpora
def test_real_otter_exports_have_905_headers() -> None:
    """The count SOURCE.md gives, found by the independent pattern above."""
    folder = EXPORTS / "otter-ladybug"
    texts = [(folder / name).read_text(encoding="utf-8") for name in OTTER_FILES]
    assert sum(len(OTTER_HEADER.findall(text)) for text in texts) == 905


@needs_corpora
def test_real_talkpython_timed_lines() -> None:
    path = EXPORTS / "talkpython-unlabeled" / TALKPYTHON
    text = path.read_text(encoding="utf-8")
    transcript = timed(text, TALKPYTHON)
    assert words(transcript) == re.sub(r"^\d\d:\d\d:\d\d ", "", text, flags=re.MULTILINE).split()
    starts = [turn.start for turn in transcript.turns if turn.start is not None]
    assert len(starts) == len(transcript.turns)
    # non-decreasing: the segmenter may split one line's words between two turns
    assert all(a <= b for a, b in pairwise(starts))
    stamps = re.findall(r"^(\d\d:\d\d:\d\d) ", text, flags=re.MULTILINE)
    assert set(starts) <= {clock(stamp) for stamp in stamps}
    assert {s.id for s in transcript.speakers} == {"Speaker 1", "Speaker 2"}
    assert transcript.turns[0].start == 0.0


@needs_corpora
def test_real_zoom_chat_log_reads_as_timed_lines() -> None:
    """Not a transcript, but a timed ``hh:mm:ss<TAB>Name:<TAB>message`` log:
    each message is a turn of the named person."""
    text = (EXPORTS / "zoom" / "meeting001_chat.txt").read_text(encoding="utf-8")
    transcript = timed(text, "meeting001_chat.txt")
    assert [turn.speaker for turn in transcript.turns] == merged(
        re.findall(r"^\d\d:\d\d:\d\d\t([^:]+):", text, flags=re.MULTILINE)
    )
    assert transcript.turns[0].start == clock("00:21:14")


# ------------------------------------------------------------------------ property

PIECES = [
    "[00:00:01] Priya: Hi there.",
    "00:00:05 Sam: Hello",
    "Sam: [00:00:09] ok",
    "00:61:00 a",
    "Emma  0:03",
    "**Kelly** 1:02",
    "Transcribed by https://otter.ai",
    "plain words here",
    "---",
    "# Title",
    "",
]
TEXT = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=12).map("\n".join),
)


def check_reads_or_fails_cleanly(read: object, sniff: object, text: str) -> None:
    assert callable(read) and callable(sniff)
    assert 0.0 <= sniff(text, "x.txt") <= 1.0
    try:
        transcript = read(text, "x.txt")
    except TranscriptToolError:
        return
    assert transcript.turns
    for word in words(transcript):
        assert word in text


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_any_text_is_read_by_the_timed_reader_or_refused(text: str) -> None:
    check_reads_or_fails_cleanly(timed_reader.read, timed_reader.sniff, text)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_any_text_is_read_by_the_otter_reader_or_refused(text: str) -> None:
    check_reads_or_fails_cleanly(otter_reader.read, otter_reader.sniff, text)


def test_inferred_turns_of_lines_whose_times_go_back_span_their_lines() -> None:
    # no speaker labels: the segmenter's turns take their times from the
    # lines; one line written before the other in time made a turn that ended
    # before it began
    text = "".join(
        f"[00:00:{a:02d}.000 --> 00:00:{b:02d}.000] {words}\n"
        for a, b, words in [
            (5, 9, "so tell me a bit about yourself and your last role"),
            (40, 44, "sure i am a nurse on a cardiac step down unit and i have been there"),
            (20, 24, "for about four years mostly nights and i precept new grads"),
        ]
    )
    transcript = read_text(text, "talk.txt")
    assert transcript.turns_inferred
    assert all(t.start is not None and t.end is not None for t in transcript.turns)
    assert [(t.start, t.end) for t in transcript.turns] == [(5.0, 9.0), (20.0, 44.0)], [
        (t.start, t.end) for t in transcript.turns
    ]
