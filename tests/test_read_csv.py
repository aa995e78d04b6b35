"""The CSV/TSV reader: columns found by name, times in seconds, milliseconds
or clock strings, quoting, and errors that name the line and the column."""

from __future__ import annotations

import csv
from itertools import groupby
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcript_tool import read_transcript
from transcript_tool.errors import InputError, TranscriptToolError
from transcript_tool.model import Transcript
from transcript_tool.readers import detect_reader, read_text
from transcript_tool.readers import table as table_reader
from transcript_tool.readers.decode import decode

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
EXPORTS = CORPORA / "export-formats"
needs_corpora = pytest.mark.skipif(
    not CORPORA.is_dir(), reason=f"the shared corpora are not at {CORPORA}"
)


def table(text: str, name: str = "talk.csv") -> Transcript:
    """Read with sniffing, checking that the CSV reader was picked."""
    transcript = read_text(text, name)
    assert transcript.format == "csv"
    return transcript


def said(transcript: Transcript) -> list[tuple[str, str]]:
    return [(turn.speaker, turn.text) for turn in transcript.turns]


def times(transcript: Transcript) -> list[tuple[float | None, float | None]]:
    return [(turn.start, turn.end) for turn in transcript.turns]


def error_of(text: str, name: str = "talk.csv") -> str:
    with pytest.raises(InputError) as caught:
        read_text(text, name, "csv")
    return str(caught.value)


# ------------------------------------------------------------------------ columns


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("speaker,text", "{speaker},{text}"),
        ("Speaker,Text", "{speaker},{text}"),
        ("name,utterance", "{speaker},{text}"),
        ("speaker_name,transcript", "{speaker},{text}"),
        ("Speaker Name,Content", "{speaker},{text}"),
        ("speakerName,message", "{speaker},{text}"),
        ("ROLE,TEXT", "{speaker},{text}"),
        ("text,speaker", "{text},{speaker}"),
        ("id,speaker,start,text,notes", "7,{speaker},,{text},ok"),
    ],
)
def test_columns_are_found_by_alias(header: str, row: str) -> None:
    rows = [row.format(speaker=p, text=t) for p, t in [("Priya", "Hi there."), ("Sam", "Hello.")]]
    transcript = table("\n".join([header, *rows]) + "\n")
    assert said(transcript) == [("Priya", "Hi there."), ("Sam", "Hello.")]
    assert [turn.line for turn in transcript.turns] == [2, 3]
    assert transcript.source == "talk.csv"


def test_the_first_alias_present_wins() -> None:
    transcript = table("role,speaker,text\ninterviewer,Priya,Hi.\ncandidate,Sam,Hello.\n")
    assert said(transcript) == [("Priya", "Hi."), ("Sam", "Hello.")]


def test_a_role_column_gives_the_roles() -> None:
    transcript = table("role,text\nInterviewer,Why us?\nCandidate,The mission.\n")
    assert [(s.id, s.role, s.role_source) for s in transcript.speakers] == [
        ("Interviewer", "interviewer", "label"),
        ("Candidate", "candidate", "label"),
    ]


# -------------------------------------------------------------------------- times


@pytest.mark.parametrize(
    ("header", "cells", "expected"),
    [
        ("start,end", ["0,4.5", "5.25,9"], [(0.0, 4.5), (5.25, 9.0)]),
        ("start_time,end_time", ["00:00:01.500,00:00:04", "1:02:03,1:02:04.250"],
         [(1.5, 4.0), (3723.0, 3724.25)]),
        ("begin,end", ["01:02,01:05.5", "02:00,"], [(62.0, 65.5), (120.0, None)]),
        ("start_ms,end_ms", ["1500,4000", "5000,9250"], [(1.5, 4.0), (5.0, 9.25)]),
        ("Start (ms),End (ms)", ["1500,4000", "5000,"], [(1.5, 4.0), (5.0, None)]),
        ("startMs,endMs", ["00:00:01,4000", "5000,9000"], [(1.0, 4.0), (5.0, 9.0)]),
        ("timestamp,end_seconds", ["3,4", "7,8"], [(3.0, 4.0), (7.0, 8.0)]),
        ("time,notes", ["00:00:03,x", ",y"], [(3.0, None), (None, None)]),
    ],
)  # fmt: skip
def test_times(header: str, cells: list[str], expected: list[tuple[float, float | None]]) -> None:
    first, second = cells
    text = f"speaker,{header},text\nPriya,{first},Hi.\nSam,{second},Hello.\n"
    assert times(table(text)) == expected


# ---------------------------------------------------------------- quoting and TSV


def test_quoted_commas_quotes_and_line_breaks() -> None:
    text = (
        "speaker,start,end,text\n"
        'Priya,0,4,"Well, first: tell me, briefly, about you."\n'
        'Sam,5,9,"I said ""yes"", then\n'
        'I moved, and stayed."\n'
        "\n"
        'Priya, 10, 12, "Okay, thanks."\n'
    )
    transcript = table(text)
    assert said(transcript) == [
        ("Priya", "Well, first: tell me, briefly, about you."),
        ("Sam", 'I said "yes", then I moved, and stayed.'),
        ("Priya", "Okay, thanks."),
    ]
    assert [turn.line for turn in transcript.turns] == [2, 3, 6]
    assert times(transcript) == [(0.0, 4.0), (5.0, 9.0), (10.0, 12.0)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("speaker\tstart\ttext\nPriya\t1\tHi, there.\nSam\t2\tHello.\n", "talk.tsv"),
        ("speaker\tstart\ttext\nPriya\t1\tHi, there.\nSam\t2\tHello.\n", "talk.txt"),
        ('speaker,start,text\nPriya,1,"Hi, there."\nSam,2,Hello.\n', "talk.txt"),
    ],
)
def test_tsv_by_name_or_by_the_header(text: str, name: str) -> None:
    transcript = table(text, name)
    assert said(transcript) == [("Priya", "Hi, there."), ("Sam", "Hello.")]
    assert times(transcript) == [(1.0, None), (2.0, None)]


# ------------------------------------------------------------------ rows and cells


def test_empty_text_is_skipped_and_an_empty_speaker_continues() -> None:
    text = (
        "speaker,start,text\n"
        "Priya,1,Tell me about you.\n"
        "Sam,3,\n"
        ",4,Still Priya.\n"
        "Sam,6,I build things.\n"
        ",8,And fix them.\n"
        "Priya,9,Thanks.\n"
    )
    transcript = table(text)
    assert said(transcript) == [
        ("Priya", "Tell me about you. Still Priya."),
        ("Sam", "I build things. And fix them."),
        ("Priya", "Thanks."),
    ]
    assert [turn.line for turn in transcript.turns] == [2, 5, 7]


def test_text_before_any_speaker_is_unknown() -> None:
    transcript = table("speaker,text\n,Welcome.\n,Hi.\nPriya,Hello.\nSam,Hi.\n")
    assert said(transcript) == [("Unknown", "Welcome. Hi."), ("Priya", "Hello."), ("Sam", "Hi.")]
    assert transcript.notices[0] == (
        "rows with text but no speaker before the first named speaker, "
        'on line 2 (and 1 more), are attributed to "Unknown"'
    )


def test_no_speaker_anywhere_goes_to_the_segmenter() -> None:
    text = "speaker,start,end,text\n,0,2,so tell me about yourself\n,3,6,well I studied physics\n"
    transcript = table(text)
    assert " ".join(turn.text for turn in transcript.turns).split() == (
        "so tell me about yourself well I studied physics".split()
    )
    assert {s.id for s in transcript.speakers} <= {"Speaker 1", "Speaker 2"}
    assert any(n.startswith("no speaker labels: ") for n in transcript.notices)
    assert transcript.turns[0].start == 0.0


WHISPER_TSV = (
    "start\tend\ttext\n"
    "0\t3200\tThanks for joining. Tell me about a project you led.\n"
    '3400\t9050\t"Sure," I said, "the billing migration."\n'
    "9500\t11000\tHow did you measure it?\n"
)


@pytest.mark.parametrize("name", ["screen.tsv", "screen.txt"])
def test_whisper_tsv_times_are_milliseconds_and_quotes_are_words(name: str) -> None:
    transcript = table(WHISPER_TSV, name)
    assert (
        " ".join(turn.text for turn in transcript.turns).split()
        == (
            'Thanks for joining. Tell me about a project you led. "Sure," I said, '
            '"the billing migration." How did you measure it?'
        ).split()
    )
    assert transcript.turns[0].start == 0.0
    assert transcript.turns[-1].end == 11.0
    assert transcript.notices[0] == "times read as milliseconds, as Whisper's TSV writes them"
    assert any(n.startswith("no speaker labels: ") for n in transcript.notices)


@pytest.mark.parametrize(
    "text",
    [
        # whole seconds: rows of a few seconds, not of a tenth of one
        "start\tend\ttext\n0\t3\tso tell me about yourself\n4\t9\twell I studied physics\n",
        # a fraction is no Whisper time
        "start\tend\ttext\n0\t300.5\tso tell me about yourself\n400\t900\twell I did\n",
        # Whisper's TSV has tabs: a comma table of whole numbers is seconds
        "start,end,text\n0,300,so tell me about yourself\n400,900,well I did\n",
    ],
)
def test_a_start_end_text_table_of_seconds_stays_seconds(text: str) -> None:
    transcript = table(text, "talk.tsv" if "\t" in text else "talk.csv")
    assert transcript.turns[-1].end in (9.0, 900.0)
    assert not any("milliseconds" in n for n in transcript.notices)


def test_timed_rows_without_a_speaker_column_go_to_the_segmenter() -> None:
    transcript = table("start,text\n0,so tell me about yourself\n3,well I studied physics\n")
    assert " ".join(turn.text for turn in transcript.turns).split() == (
        "so tell me about yourself well I studied physics".split()
    )
    assert any(n.startswith("no speaker labels: ") for n in transcript.notices)


def test_start_times_going_backwards_get_a_notice() -> None:
    transcript = table("speaker,start,text\nPriya,10,a\nSam,4,b\nPriya,12,c\n")
    assert times(transcript) == [(10.0, None), (4.0, None), (12.0, None)]
    assert transcript.notices[0] == (
        "line 3 (4) starts before line 2 (10) (kept in file order, with their times as written)"
    )


# ------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "who,said\nPriya,Hi.\n",
            'talk.csv:1: no "speaker" and "text" columns (found: who, said)',
            id="no speaker and text columns",
        ),
        pytest.param(
            "speaker,notes\nPriya,Hi.\n",
            'talk.csv:1: no "speaker" and "text" columns (found: speaker, notes)',
            id="a speaker column alone",
        ),
        pytest.param(
            "id,text\n1,Hi.\n",
            'talk.csv:1: no "speaker" column, and no "start" column to read the rows as '
            "timed segments (found: id, text)",
            id="a text column alone",
        ),
        pytest.param(
            f"start\tend\ttext\n{'9' * 5000}\t3\tHi.\n",
            'talk.csv:2: column "start": bad time \'' + "9" * 60 + "'… (5,000 characters) "
            "(too large to be a time)",
            id="a Whisper time of 5,000 digits",
        ),
        pytest.param(
            "speaker,start,text\nPriya,1,Hi.\nSam,soon,Hello.\n",
            "talk.csv:3: column \"start\": bad time 'soon' (expected seconds or h:mm:ss)",
            id="a bad time",
        ),
        pytest.param(
            "speaker,End (ms),text\nPriya,1.5s,Hi.\n",
            "talk.csv:2: column \"End (ms)\": bad time '1.5s' (expected milliseconds or h:mm:ss)",
            id="bad milliseconds",
        ),
        pytest.param(
            "speaker,start,text\nPriya,00:61:00,Hi.\n",
            "talk.csv:2: column \"start\": bad time '00:61:00' "
            "(minutes and seconds must be below 60)",
            id="bad minutes",
        ),
        pytest.param(
            'speaker,begin,end,text\nPriya,01:02,"1,5",Hi.\n',
            "talk.csv:2: column \"end\": bad time '1,5' (expected seconds or h:mm:ss)",
            id="a decimal comma",
        ),
        pytest.param(
            "speaker,start,text\nPriya,-3,Hi.\n",
            "talk.csv:2: column \"start\": bad time '-3' (a time cannot be negative)",
            id="a negative time",
        ),
        pytest.param(
            "speaker,start,end,text\nPriya,5,4.5,Hi.\n",
            "talk.csv:2: the end '4.5' is before the start '5'",
            id="end before start",
        ),
        pytest.param(
            'speaker,text\nPriya,"Hi,\nthere"\nSam,Hello, again\n',
            "talk.csv:4: expected 2 fields, saw 3 (quote a cell that holds the separator)",
            id="an unquoted separator",
        ),
        pytest.param(
            'speaker,text\n\nPriya,Hi.\nSam,"Hello\n',
            "talk.csv:4: a quoted cell is never closed (a '\"' without its closing '\"')",
            id="an unclosed quote",
        ),
        pytest.param(
            'speaker,start,end,text\nSam,5,6,"open\nSam,5,6,"open',
            "talk.csv:2: malformed CSV: ',' expected after '\"'",
            id="text after a closing quote",
        ),
        pytest.param(
            "speaker,text\n",
            "talk.csv: the transcript is empty (is it the right file?)",
            id="a header alone",
        ),
        pytest.param(
            "speaker,text\nPriya,\nSam,  \n",
            "talk.csv: the transcript is empty (is it the right file?)",
            id="no text",
        ),
    ],
)
def test_errors(text: str, message: str) -> None:
    assert error_of(text) == message


@needs_corpora
def test_real_zoom_participants_csv_is_refused_with_the_columns_it_has() -> None:
    path = EXPORTS / "zoom" / "meeting001_participants.csv"
    name = "meeting001_participants.csv"
    text = decode(path.read_bytes(), name)
    assert detect_reader(text, name).name == "csv"
    with pytest.raises(InputError) as caught:
        read_text(text, name)
    assert str(caught.value) == (
        'meeting001_participants.csv:1: no "speaker" and "text" columns (found: Meeting ID, '
        "Topic, Start Time, End Time, User Email, Duration (Minutes), Participants)"
    )


# ----------------------------------------------------------------------- sniffing


@pytest.mark.parametrize(
    ("text", "name", "score"),
    [
        ("speaker,text\nPriya,Hi.\n", "talk.txt", 0.97),
        ("\n\nSpeaker Name\tStart\tUtterance\n", "talk", 0.97),
        ("who,said\nPriya,Hi.\n", "talk.csv", 0.92),
        ("who\tsaid\n", "talk.TSV", 0.92),
        ("who,said\nPriya,Hi.\n", "talk.txt", 0.0),
        ("Priya: Hi, text\nSam: Hello.\n", "talk.txt", 0.0),
        ("speaker text\n", "talk.txt", 0.0),
    ],
)
def test_sniff(text: str, name: str, score: float) -> None:
    assert table_reader.sniff(text, name) == score


def test_a_labeled_text_file_is_not_taken_for_a_table() -> None:
    assert detect_reader("Interviewer: Hi, welcome.\nCandidate: Thanks.\n", "x.txt").name == "text"


# ------------------------------------------------------------------------- sample


def test_sample_csv() -> None:
    path = REPO / "samples" / "interview.csv"
    transcript = read_transcript(path)
    assert transcript.format == "csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    speakers = [name for name, _ in groupby(row["speaker"] for row in rows)]
    assert len(rows) >= 20
    assert [turn.speaker for turn in transcript.turns] == speakers
    interviewer, candidate = dict.fromkeys(row["speaker"] for row in rows)
    assert [(s.id, s.role) for s in transcript.speakers] == [
        (interviewer, "interviewer"),
        (candidate, "candidate"),
    ]
    assert times(transcript)[0] == (float(rows[0]["start"]), float(rows[0]["end"]))
    assert any("," in row["text"] for row in rows)
    assert transcript.turns[0].text == rows[0]["text"]
    # a run of one speaker's rows is one turn, from the first start to the last end
    run = next(i for i in range(1, len(rows)) if rows[i]["speaker"] == rows[i - 1]["speaker"])
    turn = next(t for t in transcript.turns if t.line == run + 1)
    assert (turn.start, turn.end) == (float(rows[run - 1]["start"]), float(rows[run]["end"]))
    assert turn.text == f"{rows[run - 1]['text']} {rows[run]['text']}"


# ------------------------------------------------------------------------ property

PIECES = [
    "speaker,start,end,text",
    "speaker\ttext",
    "Priya,1,2,Hi there.",
    ',3,4,"so, yes"',
    "Sam,x,5,no",
    'Sam,5,6,"open',
    "a,b,c,d,e",
    "",
]
TEXT = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=10).map("\n".join),
)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_any_text_is_read_by_the_csv_reader_or_refused(text: str) -> None:
    assert 0.0 <= table_reader.sniff(text, "x.csv") <= 1.0
    try:
        transcript = table_reader.read(text, "x.csv")
    except TranscriptToolError:
        return
    assert transcript.turns
    for turn in transcript.turns:
        for word in turn.text.split():
            assert word in text
