"""The WebVTT and SubRip readers: speakers, markup, rolling auto-captions,
overlapping cues and errors that name the line, as a user sees them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from conftest import assert_inferred_speakers
from hypothesis import given, settings
from hypothesis import strategies as st

from transcript_tool.cli import main
from transcript_tool.errors import InputError
from transcript_tool.model import Transcript
from transcript_tool.readers import detect_reader, read_text
from transcript_tool.readers import srt as srt_reader
from transcript_tool.readers import vtt as vtt_reader
from transcript_tool.readers.common import Chunk
from transcript_tool.readers.cues import clean

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
EXPORTS = CORPORA / "export-formats"
needs_corpora = pytest.mark.skipif(
    not CORPORA.is_dir(), reason=f"the shared corpora are not at {CORPORA}"
)
ROLLING_NOTICE = (
    "rolling auto-captions (each cue repeats the line before it): every caption line was read once"
)


def vtt(text: str, name: str = "talk.vtt") -> Transcript:
    return read_text(text, name, "vtt")


def srt(text: str, name: str = "talk.srt") -> Transcript:
    return read_text(text, name, "srt")


def said(transcript: Transcript) -> list[tuple[str, str]]:
    return [(turn.speaker, turn.text) for turn in transcript.turns]


def words(transcript: Transcript) -> list[str]:
    return [word for turn in transcript.turns for word in turn.text.split()]


def error_of(read: Callable[[str, str], Transcript], text: str, name: str) -> str:
    with pytest.raises(InputError) as caught:
        read(text, name)
    return str(caught.value)


# ------------------------------------------------------------------------ sniffing


@pytest.mark.parametrize(
    ("text", "name", "score"),
    [
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi.\n", "x.txt", 0.95),
        ("\ufeff\n  WEBVTT - Zoom\n", "x", 0.95),
        ("00:00:01.000 --> 00:00:02.000\nHi.\n", "x.vtt", 0.92),
        ("Ana: Hi.\n\n00:00:01.000 --> 00:00:02.000\nHi.\n", "x.vtt", 0.92),
        ("Ana: Hi.\nBen: Hello.\n", "x.vtt", 0.5),
        ("Interviewer: Hi.\n", "x.txt", 0.0),
        ("WEBVTTX\n", "x.txt", 0.0),
    ],
)
def test_vtt_sniff(text: str, name: str, score: float) -> None:
    assert vtt_reader.sniff(text, name) == score


@pytest.mark.parametrize(
    ("text", "name", "score"),
    [
        ("1\n00:00:01,000 --> 00:00:02,500\nHi.\n", "x.txt", 0.95),
        ("\n\n12\n01:02:03,456 --> 01:02:04,000\nHi.\n", "x", 0.95),
        ("00:00:01,000 --> 00:00:02,500\nHi.\n", "x", 0.8),
        ("Hello there.\n", "x.srt", 0.4),
        ("1\nHello there.\n", "x.txt", 0.0),
    ],
)
def test_srt_sniff(text: str, name: str, score: float) -> None:
    assert srt_reader.sniff(text, name) == score


def test_caption_files_are_detected_whatever_their_name() -> None:
    zoom = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nPriya: Hi.\n"
    subtitles = "1\n00:00:01,000 --> 00:00:02,000\nPriya: Hi.\n"
    assert detect_reader(zoom, "notes.txt").name == "vtt"
    assert detect_reader(subtitles, "notes.txt").name == "srt"


# -------------------------------------------------------------------- VTT speakers

ZOOM = """WEBVTT

1
00:00:01.000 --> 00:00:03.500
Priya Shah: Hi Daniel, thanks for joining.

2
00:00:04.000 --> 00:00:06.250
Daniel Kim: Thanks for having me.

3
00:00:06.500 --> 00:00:09.000
Daniel Kim: Note: I may need to leave at four.

4
00:00:10.000 --> 00:00:12.000
Priya Shah: No problem. Tell me about your last project.
"""


def test_zoom_names_become_speakers_with_times_and_lines() -> None:
    transcript = vtt(ZOOM)
    assert transcript.format == "vtt"
    assert [(t.speaker, t.text, t.start, t.end, t.line) for t in transcript.turns] == [
        ("Priya Shah", "Hi Daniel, thanks for joining.", 1.0, 3.5, 4),
        ("Daniel Kim", "Thanks for having me. Note: I may need to leave at four.", 4.0, 9.0, 8),
        ("Priya Shah", "No problem. Tell me about your last project.", 10.0, 12.0, 16),
    ]
    assert [s.id for s in transcript.speakers] == ["Priya Shah", "Daniel Kim"]
    assert transcript.speaker("Priya Shah").role == "interviewer"


def test_a_role_in_parentheses_after_a_name_decides_the_role() -> None:
    # "Priya Shah (Interviewer): ..." went to the segmenter, labels and all
    transcript = vtt(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nPriya Shah (Interviewer): Why Python?\n\n"
        "00:00:03.000 --> 00:00:06.000\nSam Lee (Candidate): It reads well.\n"
    )
    assert [(t.speaker, t.text) for t in transcript.turns] == [
        ("Priya Shah (Interviewer)", "Why Python?"),
        ("Sam Lee (Candidate)", "It reads well."),
    ]
    assert [(s.name, s.role, s.role_source) for s in transcript.speakers] == [
        ("Priya Shah", "interviewer", "label"),
        ("Sam Lee", "candidate", "label"),
    ]


def test_pronouns_after_a_name_keep_the_cues_labelled() -> None:
    # a Zoom display name with pronouns, each said once: the labels were no
    # capitalised names, and the cues went to the segmenter, labels and all
    transcript = vtt(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nPriya Shah (she/her): Why Python?\n\n"
        "00:00:03.000 --> 00:00:06.000\nSam Lee (he/him): It reads well.\n"
    )
    assert [(t.speaker, t.text) for t in transcript.turns] == [
        ("Priya Shah (she/her)", "Why Python?"),
        ("Sam Lee (he/him)", "It reads well."),
    ]


def test_a_note_beside_a_name_used_without_it_is_no_new_speaker() -> None:
    transcript = vtt(
        ZOOM + "\n5\n00:00:13.000 --> 00:00:15.000\nDaniel Kim (laughing): Fair enough.\n"
    )
    assert [s.id for s in transcript.speakers] == ["Priya Shah", "Daniel Kim"]
    assert transcript.turns[-1].text == "Fair enough."


@pytest.mark.parametrize(
    "line",
    [
        "Well, honestly: it was hard.",  # sentence punctuation before the colon
        "The one thing I would say to anyone: test it.",  # more than five words
        "so the answer is: yes",  # lowercase, once
    ],
)
def test_a_colon_inside_a_sentence_is_not_a_speaker(line: str) -> None:
    text = ZOOM + f"\n5\n00:00:13.000 --> 00:00:15.000\n{line}\n"
    assert vtt(text).turns[-1].text.endswith(line)


def test_cues_before_the_first_name_are_attributed_to_unknown() -> None:
    text = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nrecording started\n\n"
        "00:00:01.000 --> 00:00:02.000\nAna: Hello.\n\n00:00:02.000 --> 00:00:03.000\nBen: Hi.\n"
        "\n00:00:03.000 --> 00:00:04.000\nAna: Shall we?\n"
    )
    transcript = vtt(text)
    assert said(transcript)[0] == ("Unknown", "recording started")
    assert 'caption text with no speaker name on line 3 is attributed to "Unknown"' in (
        transcript.notices
    )


def test_teams_voice_tags_with_and_without_closing_tag() -> None:
    text = """WEBVTT

a1b2c3d4-0001/12-0
00:00:01.000 --> 00:00:04.000
<v Priya Shah>Thanks for joining, Daniel.</v>

a1b2c3d4-0001/13-0
00:00:04.500 --> 00:00:07.000
<v Daniel Kim>Happy to be here.

a1b2c3d4-0001/14-0
00:00:07.000 --> 00:00:09.000
<v.loud Priya Shah>Great.</v> <v Daniel Kim>Shall I start?</v>
"""
    transcript = vtt(text)
    assert [(t.speaker, t.text, t.start, t.end, t.line) for t in transcript.turns] == [
        ("Priya Shah", "Thanks for joining, Daniel.", 1.0, 4.0, 4),
        ("Daniel Kim", "Happy to be here.", 4.5, 7.0, 8),
        ("Priya Shah", "Great.", 7.0, 9.0, 12),
        ("Daniel Kim", "Shall I start?", 7.0, 9.0, 13),
    ]


WEBEX = """WEBVTT

1 "Priya Shah" (1436452864)
00:00:03.120 --> 00:00:05.000
Hi Sam, thanks for making the time today.

2 "Priya Shah" (1436452864)
00:00:05.120 --> 00:00:07.000
Could you start by telling me about your current role?

3 "Sam Ortiz" (2003118592)
00:00:07.500 --> 00:00:11.000
Sure. I'm a backend engineer at Northwind.

4 "Sam Ortiz" (2003118592)
00:00:11.120 --> 00:00:14.000
Priya Shah: And how big is the team?

5 "Sam Ortiz" (2003118592)
00:00:14.500 --> 00:00:16.000
Six engineers.

6 "Sam Ortiz" (2003118592)
00:00:16.120 --> 00:00:18.000
Python: mostly, and some Go.
"""


def test_webex_cue_identifiers_name_the_speakers_unless_the_text_does() -> None:
    # the text carried no label: read as unlabelled and sent to the segmenter
    transcript = vtt(WEBEX)
    assert [(t.speaker, t.text, t.start, t.end, t.line) for t in transcript.turns] == [
        ("Priya Shah", "Hi Sam, thanks for making the time today. "
         "Could you start by telling me about your current role?", 3.12, 7.0, 4),
        ("Sam Ortiz", "Sure. I'm a backend engineer at Northwind.", 7.5, 11.0, 12),
        ("Priya Shah", "And how big is the team?", 11.12, 14.0, 16),  # the text's label wins
        ("Sam Ortiz", "Six engineers. Python: mostly, and some Go.", 14.5, 18.0, 20),
    ]  # fmt: skip
    assert [(s.id, s.role) for s in transcript.speakers] == [
        ("Priya Shah", "interviewer"),
        ("Sam Ortiz", "candidate"),
    ]
    assert not any(notice.startswith("no speaker labels") for notice in transcript.notices)


@pytest.mark.parametrize(
    ("identifier", "speaker"),
    [
        ('2 "Dana Lee" (2003118592)', "Dana Lee"),
        ('"Dana Lee" (2003118592)', "Dana Lee"),
        ('2 "Dana Lee"', "Dana Lee"),
        ('"Dana Lee"', "Dana Lee"),
        ('2 "dana" (2003118592)', "dana"),  # a display name as the user typed it
        # not a speaker: the text goes on with the speaker before it
        ("2", "Priya Shah"),
        ("intro", "Priya Shah"),
        ("8f0c3a51-7d2e-4b8a-9c1f-2e6d5b4a3f10/12-0", "Priya Shah"),
        ("Dana Lee", "Priya Shah"),
        ('2 "dana lee"', "Priya Shah"),  # in lowercase only with Webex's numeric id
        ('2 "Music" (0)', "Priya Shah"),
        ('2 "42" (0)', "Priya Shah"),
        ('2 "Dana Lee" (id 7)', "Priya Shah"),
    ],
)
def test_only_a_quoted_name_in_a_cue_identifier_is_a_speaker(identifier: str, speaker: str) -> None:
    text = (
        'WEBVTT\n\n1 "Priya Shah" (1436452864)\n00:00:01.000 --> 00:00:03.000\nWhat do you do?\n\n'
        f"{identifier}\n00:00:03.500 --> 00:00:05.000\nI build tools.\n\n"
        '3 "Sam Ortiz" (2003118592)\n00:00:05.500 --> 00:00:06.000\nNice.\n'
    )
    assert said(vtt(text)) == [
        *([("Priya Shah", "What do you do?"), (speaker, "I build tools.")]
          if speaker != "Priya Shah" else [("Priya Shah", "What do you do? I build tools.")]),
        ("Sam Ortiz", "Nice."),
    ]  # fmt: skip


# Google Meet: the speaker's name in parentheses over their lines; inside one
# cue a line of "-" and a line of one space come before the next speaker.
MEET = "\n".join(
    [
        "WEBVTT",
        "",
        "00:00:08.000 --> 00:00:12.000",
        "(Priya Shah)",
        "I wanted to start with a little background so we know",
        "",
        "00:00:12.000 --> 00:00:16.000",
        "(Priya Shah)",
        "who we are talking to. What is your",
        "",
        "00:00:16.000 --> 00:00:20.000",
        "(Priya Shah)",
        "background?",
        "-",
        " ",
        "(Sam Ortiz)",
        "Work wise or life wise?",
        "",
        "00:00:20.000 --> 00:00:24.000",
        "(Priya Shah)",
        "Let us go with work wise.",
        "-",
        " ",
        "(Sam Ortiz)",
        "(laughs)",
        "Fair enough - I build billing tools.",
        "",
    ]
)


def test_meet_names_in_parentheses_name_the_speakers_and_dash_lines_are_markup() -> None:
    # every "(Name)" and "-" was a word of one unlabelled turn
    transcript = vtt(MEET)
    assert [(t.speaker, t.text, t.start, t.end, t.line) for t in transcript.turns] == [
        ("Priya Shah", "I wanted to start with a little background so we know "
         "who we are talking to. What is your background?", 8.0, 20.0, 3),
        ("Sam Ortiz", "Work wise or life wise?", 16.0, 20.0, 16),
        ("Priya Shah", "Let us go with work wise.", 20.0, 24.0, 19),
        ("Sam Ortiz", "(laughs) Fair enough - I build billing tools.", 20.0, 24.0, 24),
    ]  # fmt: skip
    assert [(s.id, s.role) for s in transcript.speakers] == [
        ("Priya Shah", "interviewer"),
        ("Sam Ortiz", "candidate"),
    ]
    # a name in parentheses over fewer than half the cues, and sounds, stay words
    few = "WEBVTT\n\n" + "".join(
        f"00:00:0{n}.000 --> 00:00:0{n}.900\n{first}\n{line}\n-\n\n"
        for n, (first, line) in enumerate(
            [("(Sam Ortiz)", "so tell me"), ("(Laughs)", "about it"), ("(Laughs)", "well i"),
             ("(Sam Ortiz)", "started"), ("(Music)", "in sales")]
        )
    )  # fmt: skip
    unlabelled = vtt(few)
    assert words(unlabelled) == [w for line in few.splitlines()[2:] if "-->" not in line
                                 for w in line.split()]  # fmt: skip
    assert_inferred_speakers(unlabelled)


def test_meet_captions_with_the_line_after_the_dash_left_empty_read_the_same() -> None:
    # an editor that trims lines leaves the line of one space empty: the
    # next speaker's "(Sam Ortiz)" was "caption text outside any cue"
    trimmed = MEET.replace("\n \n", "\n\n")
    assert trimmed.count("-\n\n(") == 2
    assert [(t.speaker, t.text, t.start, t.end, t.line) for t in vtt(trimmed).turns] == [
        (t.speaker, t.text, t.start, t.end, t.line) for t in vtt(MEET).turns
    ]
    # text with no timing line after anything else is still an error
    assert error_of(
        lambda t, n: read_text(t, n, "vtt"), MEET.replace("-\n \n", "\n"), "meet.vtt"
    ) == ("meet.vtt:15: caption text outside any cue (is the timing line above it missing?)")


def test_markup_is_removed_and_entities_unescaped() -> None:
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n"
        "Ana: <i>We</i> <b>shipped</b> <u>it</u> <c.yellow>at</c> <00:00:02.500>R&amp;D,\n"
        "<lang en>cost &lt; $5k</lang> &gt; target&nbsp;met <ruby>ok</ruby>\n\n"
        "00:00:05.000 --> 00:00:06.000\nBen: x < y &amp;&amp; y > z\n\n"
        "00:00:06.000 --> 00:00:07.000\nAna: Right.\n"
    )
    assert said(vtt(text)) == [
        ("Ana", "We shipped it at R&D, cost < $5k > target met ok"),
        ("Ben", "x < y && y > z"),
        ("Ana", "Right."),
    ]


def test_header_metadata_notes_and_styles_are_ignored() -> None:
    text = """WEBVTT - interview
Kind: captions
Language: en

STYLE
::cue { color: white; }

NOTE recorded on the 3rd
by the hiring team

REGION
id:left width:40%

1
00:00:01.000 --> 00:00:02.000
Ana: Hello.

NOTE a note between cues

2
00:00:02.000 --> 00:00:03.000
Ben: Hi.
"""
    assert said(vtt(text)) == [("Ana", "Hello."), ("Ben", "Hi.")]


# ------------------------------------------------------------------ VTT unlabeled

UNLABELED_VTT = """WEBVTT

00:00:00.500 --> 00:00:04.000
so thanks for coming in today tell me about a time you had a conflict at work

00:00:04.500 --> 00:00:09.000
sure so last year my team lead and i disagreed about a release date

00:00:09.000 --> 00:00:14.000
i thought we needed two more weeks of testing and she wanted to ship on friday

00:00:14.500 --> 00:00:15.000
mm-hmm

00:00:15.200 --> 00:00:21.000
so we sat down and looked at the bug list together and agreed to ship a smaller version

00:00:21.500 --> 00:00:24.000
and how did that go

00:00:24.500 --> 00:00:28.000
it went well we shipped on time and the rest followed a week later
"""


def cue_words(text: str) -> list[str]:
    """The words of the cue text lines of a simple caption file (no markup, no
    labels), less the dialogue dashes that start a line."""
    lines = text.splitlines()
    return [
        word
        for line in lines
        if line.strip() and "-->" not in line and not re.fullmatch(r"WEBVTT.*|\d+", line)
        for word in re.sub(r"^\s*-\s*(?=[^\s\d-])", "", line).split()
    ]


def test_unlabeled_vtt_goes_to_the_segmenter_one_chunk_per_cue(chunks_seen: list[Chunk]) -> None:
    transcript = vtt(UNLABELED_VTT)
    assert transcript.format == "vtt"
    assert words(transcript) == cue_words(UNLABELED_VTT)
    assert_inferred_speakers(transcript)
    assert [(c.line, c.start, c.end) for c in chunks_seen[:2]] == [(3, 0.5, 4.0), (6, 4.5, 9.0)]
    assert len(chunks_seen) == 7


# ------------------------------------------------------------ YouTube auto-captions

ROLLING = "\n".join(
    [
        "WEBVTT",
        "Kind: captions",
        "Language: en",
        "",
        "00:00:00.000 --> 00:00:02.350 align:start position:0%",
        " ",
        "tell<00:00:00.320><c> me</c><00:00:00.560><c> about</c><00:00:00.900><c> a</c>"
        "<00:00:01.100><c> time</c>",
        "",
        "00:00:02.350 --> 00:00:02.360 align:start position:0%",
        "tell me about a time",
        " ",
        "",
        "00:00:02.360 --> 00:00:05.000 align:start position:0%",
        "tell me about a time",
        "you<00:00:02.600><c> handled</c><00:00:03.000><c> a</c><00:00:03.400><c> conflict</c>",
        "",
        "00:00:05.000 --> 00:00:05.010 align:start position:0%",
        "you handled a conflict",
        " ",
        "",
    ]
)


def test_rolling_auto_captions_read_every_word_once(chunks_seen: list[Chunk]) -> None:
    transcript = vtt(ROLLING)
    assert words(transcript) == "tell me about a time you handled a conflict".split()
    assert ROLLING_NOTICE in transcript.notices
    assert [(c.text.split(), c.line, c.start, c.end) for c in chunks_seen] == [
        ("tell me about a time".split(), 5, 0.0, 2.35),
        ("you handled a conflict".split(), 13, 2.36, 5.0),
    ]


def test_rolling_captions_keep_a_line_said_again() -> None:
    text = ROLLING.replace(
        "you handled a conflict\n \n",
        "you handled a conflict\n \n\n00:00:05.010 --> 00:00:07.000 align:start position:0%\n"
        "you handled a conflict\nyou<00:00:05.300><c> handled</c><00:00:05.600><c> a</c>"
        "<00:00:06.000><c> conflict</c>\n",
    )
    expected = "tell me about a time you handled a conflict you handled a conflict"
    assert words(vtt(text)) == expected.split()


def test_repeated_cues_in_ordinary_captions_are_kept() -> None:
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nYeah.\n\n00:00:02.000 --> 00:00:03.000\nYeah.\n"
    )
    transcript = vtt(text)
    assert words(transcript) == ["Yeah.", "Yeah."]
    assert ROLLING_NOTICE not in transcript.notices


# --------------------------------------------------------------------- VTT errors


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "WEBVTT\n\n00:00:00.500 --> 00:00:07.000\nOne.\n\n"
            "00:00:07.000 --> 00:00:1d.890\nTwo.\n",
            "talk.vtt:6: cue 2: malformed timing line '00:00:07.000 --> 00:00:1d.890' "
            "(expected hh:mm:ss.mmm --> hh:mm:ss.mmm)",
            id="malformed timing line",
        ),
        pytest.param(
            "WEBVTT\n\n00:00:01.000 --> 00:00:61.000\nOne.\n",
            "talk.vtt:3: cue 1: malformed timing line '00:00:01.000 --> 00:00:61.000' "
            "(expected hh:mm:ss.mmm --> hh:mm:ss.mmm)",
            id="61 seconds",
        ),
        pytest.param(
            "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nOne.\n\n"
            "2\n00:00:02.000 --> 00:00:03.000\nTwo.\n\n"
            "3\n00:00:09.000 --> 00:00:04.000\nThree.\n",
            "talk.vtt:12: cue 3: end time before start time",
            id="end before start",
        ),
        pytest.param(
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne.\n\nTwo.\n",
            "talk.vtt:6: caption text outside any cue (is the timing line above it missing?)",
            id="text outside any cue",
        ),
        pytest.param(
            "WEBVTT\nKind: captions\n\nNOTE nothing here\n",
            "talk.vtt: no captions (no cue timing line; expected hh:mm:ss.mmm --> hh:mm:ss.mmm)",
            id="header only",
        ),
        pytest.param("", "talk.vtt: no captions (the file is empty)", id="empty"),
        pytest.param(
            "\nTell me about yourself.\nI build pipelines.\n",
            'talk.vtt:2: not a WebVTT file: the first line must be "WEBVTT", and no line is a'
            " cue timing (if it is a plain-text transcript, pass --input-format text)",
            id="no header and no cue",
        ),
        pytest.param(
            "Call with Ana\n\n00:00:01.000 --> 00:00:02.000\nAna: Hi.\n",
            "talk.vtt:1: caption text outside any cue (is the timing line above it missing?)",
            id="no header, a title above the cues",
        ),
        pytest.param(
            "00:00:01.000 --> 00:00:02.000\nAna: Hi.\n\n00:00:03.000 -> 00:00:04.000\nBo: Hi.\n",
            "talk.vtt:4: caption text outside any cue (is the timing line above it missing?)",
            id="no header, the lines numbered as in the file",
        ),
    ],
)
def test_vtt_errors_name_the_line(text: str, message: str) -> None:
    assert error_of(vtt_reader.read, text, "talk.vtt") == message


def test_a_vtt_file_without_its_header_is_read_as_webvtt(tmp_path: Path) -> None:
    # copied out of a caption file, or written by a tool that leaves it out:
    # the cues are there; "add the WEBVTT line" only made the user do it
    text = (
        "1\n00:00:01.000 --> 00:00:02.500\nAna: Hi, Bo.\n\n00:00:03.000 --> 00:00:04.000\nBo: Hi.\n"
    )
    for name, forced in (("call.vtt", None), ("call.vtt", "vtt"), ("call.vtt", "srt")):
        transcript = read_text(text, name, forced)
        assert [(t.speaker, t.text, t.start, t.end) for t in transcript.turns] == [
            ("Ana", "Hi, Bo.", 1.0, 2.5),
            ("Bo", "Hi.", 3.0, 4.0),
        ], forced


# ------------------------------------------------------------------- SRT speakers


def test_srt_names_become_speakers_and_tags_are_removed() -> None:
    text = """1
00:00:01,000 --> 00:00:03,000
Interviewer: <i>Why</i> this role?

2
00:00:03,500 --> 00:00:06,000
{\\an8}Candidate: Because I <font color="#ffff00">like</font>
building tools.

3
00:00:06,000 --> 00:00:07,000
Interviewer: Fair.
"""
    transcript = srt(text)
    assert transcript.format == "srt"
    assert [(t.speaker, t.role, t.text, t.start, t.end, t.line) for t in transcript.turns] == [
        ("Interviewer", "interviewer", "Why this role?", 1.0, 3.0, 2),
        ("Candidate", "candidate", "Because I like building tools.", 3.5, 6.0, 6),
        ("Interviewer", "interviewer", "Fair.", 6.0, 7.0, 11),
    ]


def test_srt_bracket_labels_and_named_chevrons() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\n[Ana] Hello there.\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\n[Music]\n\n"
        "3\n00:00:03,000 --> 00:00:05,000\n>> BEN: Hi Ana. >> ANA: Shall we start?\n\n"
        "4\n00:00:05,000 --> 00:00:06,000\n[Ben]: Sure.\n"
    )
    assert said(srt(text)) == [  # a name keeps its first spelling
        ("Ana", "Hello there. [Music]"),
        ("BEN", "Hi Ana."),
        ("Ana", "Shall we start?"),
        ("BEN", "Sure."),
    ]


def test_srt_names_in_parentheses_with_roles_and_sounds_kept_as_text() -> None:
    # SubRip keeps the blank line Meet's captions may have after the "-" in the cue
    text = (
        "1\n00:00:01,000 --> 00:00:04,000\n(Interviewer)\nWhy this role?\n-\n\n"
        "(Candidate)\n(Music)\nI like building tools.\n\n"
        "2\n00:00:04,500 --> 00:00:07,000\n(Candidate)\nAnd the team.\n(Inaudible)\n-\n"
        "(Interviewer)\nFair.\n"
    )
    transcript = srt(text)
    assert [(t.speaker, t.role, t.text, t.start, t.end, t.line) for t in transcript.turns] == [
        ("Interviewer", "interviewer", "Why this role?", 1.0, 4.0, 2),
        ("Candidate", "candidate", "(Music) I like building tools. And the team. (Inaudible)",
         1.0, 7.0, 7),
        ("Interviewer", "interviewer", "Fair.", 4.5, 7.0, 17),
    ]  # fmt: skip


UNLABELED_SRT = """1
00:00:01,000 --> 00:00:04,000
so what made you apply for this role

2
00:00:04,200 --> 00:00:08,000
- i've used your product for years
- mm-hmm

3
00:00:08,500 --> 00:00:12,000
and i want to work on the support tools myself

4
00:00:12,500 --> 00:00:14,000
>> how many people are on your team now >> seven

5
00:00:14,500 --> 00:00:18,000
we cover two time zones and i do the scheduling
"""


def test_srt_dashes_and_bare_chevrons_split_unlabeled_text(chunks_seen: list[Chunk]) -> None:
    transcript = srt(UNLABELED_SRT)
    spoken = [w for w in cue_words(UNLABELED_SRT) if w != ">>"]
    assert words(transcript) == spoken
    assert_inferred_speakers(transcript)
    assert [(c.text, c.line) for c in chunks_seen] == [
        ("so what made you apply for this role", 2),
        ("i've used your product for years", 6),
        ("mm-hmm", 8),
        ("and i want to work on the support tools myself", 11),
        ("how many people are on your team now", 15),
        ("seven", 16),
        ("we cover two time zones and i do the scheduling", 19),
    ]
    assert {(c.start, c.end) for c in chunks_seen[4:6]} == {(12.5, 14.0)}


def test_unlabeled_srt_keeps_every_word_in_order() -> None:
    text = (REPO / "samples" / "raw-caption.srt").read_text(encoding="utf-8")
    transcript = srt(text, "raw-caption.srt")
    assert words(transcript) == cue_words(text)
    assert_inferred_speakers(transcript)


TEAMS_WORD = """0:0:0.0 --> 0:0:4.120
Shah, Priya
Thanks for joining. Tell me about a project you led.

0:0:4.900 --> 0:0:9.500
Sam Ortiz (Guest)
Last spring I led the migration
of our billing service.

0:0:9.600 --> 0:0:11.0
and it took a quarter.

0:0:11.500 --> 0:0:13.0
Shah, Priya
How did you measure it?
"""


def test_teams_word_transcript_names_above_the_text_are_speakers() -> None:
    assert detect_reader(TEAMS_WORD, "transcript.txt").name == "srt"
    transcript = read_text(TEAMS_WORD, "transcript.txt")
    assert said(transcript) == [
        ("Shah, Priya", "Thanks for joining. Tell me about a project you led."),
        ("Sam Ortiz (Guest)", "Last spring I led the migration of our billing service. "
         "and it took a quarter."),
        ("Shah, Priya", "How did you measure it?"),
    ]  # fmt: skip
    assert [(t.line, t.start, t.end) for t in transcript.turns] == [
        (1, 0.0, 4.12), (5, 4.9, 11.0), (13, 11.5, 13.0)
    ]  # fmt: skip


def test_cues_with_no_blank_line_anywhere_are_read_one_per_timing_line() -> None:
    """A Word document's paragraphs saved as text lose the blank lines."""
    text = TEAMS_WORD.replace("\n\n", "\n")
    assert said(read_text(text, "transcript.txt")) == said(read_text(TEAMS_WORD, "transcript.txt"))


def test_two_line_captions_that_open_with_capitals_are_not_names() -> None:
    text = "".join(
        f"{n}\n00:00:{n:02d},000 --> 00:00:{n:02d},900\n{first}\n{second}\n\n"
        for n, (first, second) in enumerate(
            [("Thank You", "for coming."), ("So tell me", "about it."), ("Thank You", "again."),
             ("well I started", "in sales"), ("And then", "I moved.")],
            1,
        )
    )  # fmt: skip
    transcript = srt(text)
    assert words(transcript) == cue_words(text)
    assert_inferred_speakers(transcript)


# --------------------------------------------------------------------------- SBV


def test_sbv_names_become_speakers_with_times_and_lines() -> None:
    text = (
        "0:00:01.000,0:00:04.200\nPriya Shah: Tell me about a project you led.\n\n"
        "0:00:04.900,0:00:09.500\nSam Ortiz: Last spring I led\nthe billing migration.\n\n"
        "0:00:09.500,0:00:10.000\n\n"
        "0:00:10.000,0:00:12.000\nPriya Shah: How did you measure it?\n"
    )
    assert detect_reader(text, "captions.txt").name == "sbv"
    transcript = read_text(text, "captions.sbv")
    assert said(transcript) == [
        ("Priya Shah", "Tell me about a project you led."),
        ("Sam Ortiz", "Last spring I led the billing migration."),
        ("Priya Shah", "How did you measure it?"),
    ]
    assert [(t.line, t.start, t.end) for t in transcript.turns] == [
        (1, 1.0, 4.2), (4, 4.9, 9.5), (10, 10.0, 12.0)
    ]  # fmt: skip


def test_sbv_blocks_without_blank_lines_between_them() -> None:
    text = (
        "0:00:01.000,0:00:04.200\nPriya Shah: Tell me about a project you led.\n"
        "0:00:04.900,0:00:09.500\nSam Ortiz: Last spring I led a migration.\n"
    )
    assert said(read_text(text, "captions.sbv")) == [
        ("Priya Shah", "Tell me about a project you led."),
        ("Sam Ortiz", "Last spring I led a migration."),
    ]


def test_youtube_sbv_auto_captions_go_to_the_segmenter(chunks_seen: list[Chunk]) -> None:
    text = (
        "0:00:00.000,0:00:03.120\nhi everyone welcome back to the channel\n\n"
        "0:00:03.120,0:00:06.000\nso tell me about a project you led\n\n"
        "0:00:06.000,0:00:09.500\nsure so last spring i led the billing migration\n"
    )
    transcript = read_text(text, "captions.sbv")
    assert words(transcript) == [
        word for line in text.splitlines() if line[:1].isalpha() for word in line.split()
    ]
    assert [(c.start, c.end) for c in chunks_seen] == [(0.0, 3.12), (3.12, 6.0), (6.0, 9.5)]
    assert_inferred_speakers(transcript)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0:00:01.000,0:00:04.200\nHi.\n\n0:61:00.000,0:62:00.000\nBye.\n",
         "talk.sbv:4: cue 2: malformed timing line '0:61:00.000,0:62:00.000' "
         "(expected h:mm:ss.mmm,h:mm:ss.mmm)"),
        ("0:00:01.000,0:00:04.200\nHi.\n\nBye.\n",
         "talk.sbv:4: caption text outside any block (is the timing line above it missing?)"),
    ],
)  # fmt: skip
def test_sbv_errors_name_the_line(text: str, message: str) -> None:
    assert error_of(lambda t, n: read_text(t, n, "sbv"), text, "talk.sbv") == message


def test_overlapping_and_out_of_order_cues_are_kept_with_a_notice() -> None:
    cues = [(1, 4), (3, 5), (5, 6), (2, 3), (6, 7), (6.5, 8), (7.5, 9)]
    text = "\n".join(
        f"{n}\n00:00:{a:06.3f} --> 00:00:{b:06.3f}\n".replace(".", ",") + f"Ana: part {n}.\n"
        for n, (a, b) in enumerate(cues, 1)
    )
    transcript = srt(text)
    assert said(transcript) == [("Ana", " ".join(f"part {n}." for n in range(1, 8)))]
    assert transcript.turns[0].start == 1.0 and transcript.turns[0].end == 9.0
    assert transcript.notices[0] == (
        "cue 2 (line 6) starts before cue 1 ends; cue 4 (line 14) starts before cue 3 ends; "
        "cue 6 (line 22) starts before cue 5 ends; and 1 more "
        "(cues kept in file order, with their times as written)"
    )


def test_a_turn_of_cues_whose_times_go_back_spans_them_all() -> None:
    # one speaker's second cue written before the first in time: the turn
    # ended (3 s) before it started (10 s)
    transcript = srt(
        "1\n00:00:10,000 --> 00:00:12,000\nAna: Hello there.\n\n"
        "2\n00:00:01,000 --> 00:00:03,000\nAna: How are you?\n\n"
        "3\n00:00:13,000 --> 00:00:15,000\nBen: Fine, thanks.\n"
    )
    assert [(t.speaker, t.start, t.end) for t in transcript.turns] == [
        ("Ana", 1.0, 12.0),
        ("Ben", 13.0, 15.0),
    ]
    assert "cue 2 (line 6) starts before cue 1 ends" in transcript.notices[0]


def test_unnumbered_srt_cues_and_a_missing_blank_line_are_read() -> None:
    text = (
        "00:00:01,000 --> 00:00:02,000\nAna: One.\n"
        "2\n00:00:02,000 --> 00:00:03,000\nBen: Two.\n\n\n"
        "00:00:03,000 --> 00:00:04,000\nAna: Three.\n"
    )
    assert [(t.speaker, t.text, t.line) for t in srt(text).turns] == [
        ("Ana", "One.", 1),
        ("Ben", "Two.", 4),
        ("Ana", "Three.", 8),
    ]


# --------------------------------------------------------------------- SRT errors


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\n00:00:02,000 -> 00:00:03,000\nTwo.\n",
            "talk.srt:6: cue 2: malformed timing line '00:00:02,000 -> 00:00:03,000' "
            "(expected hh:mm:ss,mmm --> hh:mm:ss,mmm)",
            id="malformed timing line",
        ),
        pytest.param(
            "1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\n00:00:05,000 --> 00:00:04,000\nTwo.\n",
            "talk.srt:6: cue 2: end time before start time",
            id="end before start",
        ),
        pytest.param(
            "1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\nTwo.\n\n3\n00:00:03,000 --> "
            "00:00:04,000\nThree.\n",
            "talk.srt:5: cue 2: no timing line after the cue number "
            "(expected hh:mm:ss,mmm --> hh:mm:ss,mmm)",
            id="missing timing line",
        ),
        pytest.param(
            "1\n00:00:01,000 --> 00:00:02,000\nOne.\n00:00:02,000 --> 00:00:03,000\nTwo.\n\n"
            "3\n00:00:04,000 --> 00:00:05,000\nThree.\n",
            "talk.srt:4: cue 2: a timing line inside the text of cue 1 "
            "(a blank line missing before it?)",
            id="timing line inside text",
        ),
        pytest.param(
            "Subtitles by the hiring team\n\n1\n00:00:01,000 --> 00:00:02,000\nOne.\n",
            "talk.srt:1: text before the first cue "
            "(expected hh:mm:ss,mmm --> hh:mm:ss,mmm, after the cue number)",
            id="text before the first cue",
        ),
        pytest.param(
            "\n\n",
            "talk.srt: no captions (no cue timing line; expected hh:mm:ss,mmm --> hh:mm:ss,mmm)",
            id="no cues",
        ),
    ],
)
def test_srt_errors_name_the_line(text: str, message: str) -> None:
    assert error_of(srt_reader.read, text, "talk.srt") == message


# ------------------------------------------------------------- any text at all

VTT_LINES = [
    "WEBVTT",
    "",
    "",
    "NOTE a comment",
    "STYLE",
    "1",
    "00:00:01.000 --> 00:00:02.000",
    "00:01.500 --> 00:03.000 align:start position:0%",
    "00:00:05.000 --> 00:00:04.000",
    "00:00:07.000 --> 00:00:1d.890",
    "Ana: Hello there.",
    "<v Ben>Hi <i>Ana</i>.</v>",
    "- so what &amp; why",
    ">> CHRIS: yes >> no",
    "[Music]",
    "tell<00:00:01.100><c> me</c>",
    " ",
]
SRT_LINES = [
    "",
    "",
    "1",
    "2",
    "00:00:01,000 --> 00:00:02,000",
    "00:00:03,000 --> 00:00:02,000",
    "00:00:01,000 -> 00:00:02,000",
    "Ana: Hello there.",
    "- <i>so</i> what",
    ">> yes",
    "{\\an8}[Ben] hi",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VTT_LINES), max_size=14))
def test_any_vtt_text_reads_or_fails_with_a_located_error(lines: list[str]) -> None:
    try:
        transcript = vtt_reader.read("\n".join(lines), "x.vtt")
    except InputError as error:
        assert error.source == "x.vtt"
        assert error.line is not None or error.message.startswith(("no captions", "the transcript"))
    else:
        assert transcript.turns


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SRT_LINES), max_size=14))
def test_any_srt_text_reads_or_fails_with_a_located_error(lines: list[str]) -> None:
    try:
        transcript = srt_reader.read("\n".join(lines), "x.srt")
    except InputError as error:
        assert error.source == "x.srt"
        assert error.line is not None or error.message.startswith(("no captions", "the transcript"))
    else:
        assert transcript.turns


# ---------------------------------------------------------------------- samples


def test_segment_zoom_sample_on_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    code = main(["segment", "samples/zoom-meeting.vtt", "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    transcript = json.loads(out)
    assert transcript["format"] == "vtt"
    assert [(s["id"], s["role"]) for s in transcript["speakers"]] == [
        ("Hannah Okafor", "interviewer"),
        ("Diego Alvarez", "candidate"),
    ]
    assert transcript["turns"][0]["text"] == "Hi Diego, can you hear me okay?"
    assert (transcript["turns"][0]["line"], transcript["turns"][0]["start"]) == (4, 3.12)


def repeated_runs(spoken: Sequence[str], length: int = 8) -> list[str]:
    """Runs of ``length`` words said again straight after themselves."""
    bare = [re.sub(r"[^\w']", "", word.lower()) for word in spoken]
    return [
        " ".join(bare[i : i + length])
        for i in range(len(bare) - 2 * length + 1)
        if bare[i : i + length] == bare[i + length : i + 2 * length]
    ]


def test_youtube_sample_reads_each_timed_word_once() -> None:
    """In YouTube's rolling captions each cue longer than 10 ms ends with the
    line it adds (with inline word timings); every other line repeats one."""
    text = (REPO / "samples" / "raw-caption-youtube.vtt").read_text(encoding="utf-8")
    added = []
    for block in re.split(r"\n\n+", text)[1:]:
        timing, *lines = block.splitlines()
        start, end = (float(s[-6:]) + 60 * int(s[-9:-7]) for s in timing.split()[0:3:2])
        if end - start > 0.011:
            added.extend(clean(lines[-1]).split())
    transcript = vtt(text, "raw-caption-youtube.vtt")
    assert words(transcript) == added
    assert len(added) == 505
    assert ROLLING_NOTICE in transcript.notices
    assert repeated_runs(words(transcript)) == []
    assert_inferred_speakers(transcript)


# ------------------------------------------------------------ real files (corpora)


@needs_corpora
@pytest.mark.parametrize(
    "name",
    [
        "transcripts_303-python-for-astronomy-with-dr-becky.vtt",
        "youtube_transcripts_303-python-for-astronomy-with-dr.-becky.vtt",
        "youtube_transcripts_356-ml-startups.vtt",
    ],
)
def test_talkpython_captions_read_like_the_transcript(name: str) -> None:
    folder = EXPORTS / "talkpython-unlabeled"
    text = (folder / name).read_text(encoding="utf-8")
    transcript = vtt(text, name)
    spoken = words(transcript)
    assert spoken == cue_words(text)  # plain cues: nothing dropped, nothing repeated
    assert repeated_runs(spoken) == []
    assert ROLLING_NOTICE not in transcript.notices
    assert_inferred_speakers(transcript)
    if "303" in name:  # the episode's .txt transcript: "hh:mm:ss text" lines
        reference = (folder / "transcripts_303-python-for-astronomy-with-dr-becky.txt").read_text(
            encoding="utf-8"
        )
        expected = len(re.sub(r"^\d\d:\d\d:\d\d", "", reference, flags=re.MULTILINE).split())
        assert abs(len(spoken) - expected) <= 0.1 * expected


@needs_corpora
@pytest.mark.parametrize("episode", ["E01", "E02", "E03", "E04", "E05"])
def test_real_whisper_pyannote_vtt_round_trips_through_segment_json(episode: str) -> None:
    path = EXPORTS / "whisper-pyannote-seenunseen" / f"{episode}.mp3.vtt"
    cues = re.findall(
        r"^(\S+) --> (\S+)\n\[([^\]]+)\]: ", path.read_text(encoding="utf-8"), re.MULTILINE
    )
    runs: list[tuple[str, str, str]] = []  # (speaker, first start, last end)
    for start, end, speaker in cues:
        if runs and runs[-1][0] == speaker:
            runs[-1] = (speaker, runs[-1][1], end)
        else:
            runs.append((speaker, start, end))
    result = subprocess.run(
        [sys.executable, "-m", "transcript_tool", "segment", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(result.stdout)
    assert data["format"] == "vtt"
    assert [t["speaker"] for t in data["turns"]] == [speaker for speaker, _, _ in runs]
    assert [(t["start"], t["end"]) for t in data["turns"]] == [
        (clock(start), clock(end)) for _, start, end in runs
    ]


def clock(stamp: str) -> float:
    """Seconds of a WebVTT hh:mm:ss.mmm timestamp."""
    hours, minutes, seconds = stamp.split(":")
    return round(int(hours) * 3600 + int(minutes) * 60 + float(seconds), 3)


@needs_corpora
def test_real_zoom_export_names_every_participant() -> None:
    text = (EXPORTS / "zoom" / "meeting001_transcript.vtt").read_text(encoding="utf-8")
    transcript = vtt(text, "meeting001_transcript.vtt")
    assert {s.id for s in transcript.speakers} == {
        "Paul McCartney",
        "Andrew Knight",
        "John Lennon",
        "George Harrison",
        "Ringo Starr",
    }
    labels = re.findall(r"^[A-Z][a-z]+ [A-Z][a-zA-Z]+: ", text, flags=re.MULTILINE)
    assert len(labels) == 298  # of 300 cues: two continue the speaker before them
    assert len(words(transcript)) == len(cue_words(text)) - 2 * len(labels)
    assert transcript.turns[0].line == 4


@needs_corpora
def test_real_youtube_dl_excerpt_is_deduplicated() -> None:
    text = (EXPORTS / "webvtt-py-samples" / "youtube_dl.vtt").read_text(encoding="utf-8")
    transcript = vtt(text, "youtube_dl.vtt")
    assert " ".join(words(transcript)) == "yeah what this will happen is I'm telling"
    assert ROLLING_NOTICE in transcript.notices


WEBVTT_PY_READ = [
    ("captions_with_bom.vtt", "Caption text #1 Caption text #2 Caption text #3 Caption text #4"),
    ("comments.vtt", "Ta en kopp varmt te. Det är inte varmt. Har en kopp te. Det smakar som te."),
    ("cue_tags.vtt", "When the moon hits your eye Like a big-a pizza pie That's amore"),
    ("metadata_headers_multiline.vtt", "Caption text #1 Caption text #2"),
    ("missing_caption_text.vtt", "Caption text #1 Caption text #3 Caption text #4"),
    ("styles.vtt", "Hello world."),
    ("using_identifiers.vtt", "Caption text #1 Caption text #2 Caption text #3"),
    # cues with no "WEBVTT" line, which webvtt-py refuses
    ("invalid.vtt", "Caption text #1 Caption text #2 Caption text #3"),
    ("sample.srt", "Caption text #1 Caption text #2 Caption text #3 Caption text #4"),
    ("missing_caption_text.srt", "Caption text #1 Caption text #3 Caption text #4"),
    ("invalid_timeframe.srt", "Caption text #1 Caption text #2 Caption text #3"),  # 11.890
    ("two_captions.sbv", "Caption text #1 Caption text #2 (line 1) Caption text #2 (line 2)"),
]


@needs_corpora
@pytest.mark.parametrize(("name", "start"), WEBVTT_PY_READ)
def test_webvtt_py_samples_are_read(name: str, start: str) -> None:
    text = (EXPORTS / "webvtt-py-samples" / name).read_text(encoding="utf-8-sig")
    transcript = read_text(text, name)
    assert transcript.format == name.rsplit(".", 1)[1]
    assert " ".join(words(transcript)).startswith(start)


WEBVTT_PY_ERRORS = [
    ("invalid_timeframe.vtt", "vtt", "6: cue 2: malformed timing line"),
    ("missing_timeframe.vtt", "vtt", "6: caption text outside any cue"),
    ("no_captions.vtt", "vtt", " no captions"),
    ("missing_timeframe.srt", "srt", "5: cue 2: no timing line after the cue number"),
    ("invalid_format1.srt", "srt", "1: cue 1: no timing line after the cue number"),
    ("invalid_format2.srt", "srt", "1: text before the first cue"),
    ("invalid_format3.srt", "srt", "1: cue 1: no timing line after the cue number"),
    ("invalid_format4.srt", "srt", "1: text before the first cue"),
    ("invalid_format.sbv", "sbv", "1: caption text outside any block"),
    ("invalid_timeframe.sbv", "sbv", "7: cue 3: malformed timing line '0:00:13.f89,0:00:15.489'"),
    ("missing_timeframe.sbv", "sbv", "4: caption text outside any block"),
    ("missing_caption_text.sbv", "sbv", "12: cue 5: end time before start time"),
    ("sample.sbv", "sbv", "14: cue 5: end time before start time"),
]


@needs_corpora
@pytest.mark.parametrize(("name", "input_format", "where_and_what"), WEBVTT_PY_ERRORS)
def test_webvtt_py_invalid_samples_are_errors(
    name: str, input_format: str, where_and_what: str
) -> None:
    text = (EXPORTS / "webvtt-py-samples" / name).read_text(encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_text(text, name, input_format)
    assert str(caught.value).startswith(f"{name}:{where_and_what}")
