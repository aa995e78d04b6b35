"""The plain labeled-text reader: who said what, in the source's own words."""

from __future__ import annotations

import codecs
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcript_tool import read_transcript
from transcript_tool.errors import InputError
from transcript_tool.model import Transcript
from transcript_tool.readers import detect_reader, read_text
from transcript_tool.readers.common import Chunk
from transcript_tool.readers.decode import decode
from transcript_tool.readers.text import sniff

SAMPLES = Path(__file__).parent.parent / "samples"


def read(text: str) -> Transcript:
    return read_text(text, "talk.txt", "text")


def said(transcript: Transcript) -> list[tuple[str, str]]:
    return [(turn.speaker, turn.text) for turn in transcript.turns]


LABEL_STYLES = [
    pytest.param(
        "Priya: Hi, thanks for having me.\nDr. Chen: Welcome. Tell me about you.\nPriya: Sure.",
        [("Priya", "Hi, thanks for having me."), ("Dr. Chen", "Welcome. Tell me about you."),
         ("Priya", "Sure.")],
        id="names",
    ),
    pytest.param(
        "Hiring Manager: Why this role?\nSpeaker 1: Because I like it.",
        [("Hiring Manager", "Why this role?"), ("Speaker 1", "Because I like it.")],
        id="multi-word labels",
    ),
    pytest.param(
        "SPEAKER_00: So, tell me.\nSPEAKER_01: Well, I built it.\nSPEAKER_00: Nice.",
        [("SPEAKER_00", "So, tell me."), ("SPEAKER_01", "Well, I built it."),
         ("SPEAKER_00", "Nice.")],
        id="diarization ids",
    ),
    pytest.param(
        "Interviewer:\nWhat went wrong?\n\nCandidate:\nThe deploy failed.\nWe rolled back.",
        [("Interviewer", "What went wrong?"), ("Candidate", "The deploy failed. We rolled back.")],
        id="text on the line after a bare label",
    ),
    pytest.param(
        "Q: What is a hash map?\nA: A table\nof buckets.\n\nIt hashes keys.\nQ: Cost?\nA: O(1).",
        [("Q", "What is a hash map?"), ("A", "A table of buckets. It hashes keys."),
         ("Q", "Cost?"), ("A", "O(1).")],
        id="Q: and A:",
    ),
    pytest.param(
        "Q. Why Python?\nA. It reads well.",
        [("Q", "Why Python?"), ("A", "It reads well.")],
        id="Q. and A.",
    ),
    pytest.param(
        "Q1. Why Python?\nA1. It reads well.\nQ2. And Go?\nA2. It deploys simply.",
        [("Q", "Why Python?"), ("A", "It reads well."), ("Q", "And Go?"),
         ("A", "It deploys simply.")],
        id="numbered Q1. and A1.",
    ),
    pytest.param(
        "Priya Shah (Interviewer): Why Python?\nSam Lee (Candidate): It reads well.\n"
        "Priya Shah (Interviewer): And Go?",
        [("Priya Shah (Interviewer)", "Why Python?"), ("Sam Lee (Candidate)", "It reads well."),
         ("Priya Shah (Interviewer)", "And Go?")],
        id="a name with its role in parentheses",
    ),
    pytest.param(
        # Zoom and Teams display names carry pronouns: the file was read as
        # unlabeled text and its labels sent to the raw-caption segmenter
        "Priya Shah (she/her): Why Python?\nSam Lee (he/they): It reads well.\n"
        "Priya Shah (she/her): And Go?\nSam Lee (he/they): It deploys simply.",
        [("Priya Shah (she/her)", "Why Python?"), ("Sam Lee (he/they)", "It reads well."),
         ("Priya Shah (she/her)", "And Go?"), ("Sam Lee (he/they)", "It deploys simply.")],
        id="pronouns in parentheses",
    ),
    pytest.param(
        "Interviewer (Ruth): Why Python?\nCandidate (Sam): It reads well.",
        [("Interviewer (Ruth)", "Why Python?"), ("Candidate (Sam)", "It reads well.")],
        id="a role with a name in parentheses",
    ),
    pytest.param(
        "Q1: First question?\nA1: First answer.\nQ2: Second?\nA2: Second answer.",
        [("Q", "First question?"), ("A", "First answer."), ("Q", "Second?"),
         ("A", "Second answer.")],
        id="numbered Q1/A1",
    ),
    pytest.param(
        "INTERVIEWER: Hello.\ninterviewee: Hi.\nInterviewer: Ready?\nINTERVIEWEE: Yes.",
        [("INTERVIEWER", "Hello."), ("interviewee", "Hi."), ("INTERVIEWER", "Ready?"),
         ("interviewee", "Yes.")],
        id="role words in any case keep their first spelling",
    ),
    pytest.param(
        "**Priya:** Hello.\n**Dr. Chen**: Hi there.\n**Priya** : Bye.",
        [("Priya", "Hello."), ("Dr. Chen", "Hi there."), ("Priya", "Bye.")],
        id="markdown bold",
    ),
    pytest.param(
        "[Priya] Hello.\n[Sam]: Hi.\n[Priya]\nSee you.",
        [("Priya", "Hello."), ("Sam", "Hi."), ("Priya", "See you.")],
        id="brackets",
    ),
    pytest.param(
        "Speaker 1 (00:00:05):\nWelcome in.\n\nPriya (01:02): Thanks.",
        [("Speaker 1", "Welcome in."), ("Priya", "Thanks.")],
        id="rev timestamps",
    ),
    pytest.param(
        "alice: hey\nbob: hi\nalice: so\nbob: ok",
        [("alice", "hey"), ("bob", "hi"), ("alice", "so"), ("bob", "ok")],
        id="lowercase handles that recur",
    ),
    pytest.param(
        "Alex: Hi Sam.\nSam: Hello.",
        [("Alex", "Hi Sam."), ("Sam", "Hello.")],
        id="one-off names when nothing recurs",
    ),
    pytest.param(
        "Interviewer: Hi.\nPriya: Hello.\nDr. Chen: One more thing?\nPriya: Sure.\n"
        "Interviewer: Bye.\nKey Takeaway: keep it short.",
        [("Interviewer", "Hi."), ("Priya", "Hello."), ("Dr. Chen", "One more thing?"),
         ("Priya", "Sure."), ("Interviewer", "Bye. Key Takeaway: keep it short.")],
        id="one-off names with a title among recurring speakers",
    ),
    pytest.param(
        "Question: Why us?\nAnswer: The mission.\nQuestion: When can you start?\nAnswer: May.",
        [("Question", "Why us?"), ("Answer", "The mission."), ("Question", "When can you start?"),
         ("Answer", "May.")],
        id="Question/Answer as the only labels",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LABEL_STYLES)
def test_label_styles(text: str, expected: list[tuple[str, str]]) -> None:
    transcript = read(text)
    assert said(transcript) == expected
    assert [s.id for s in transcript.speakers] == list(dict.fromkeys(s for s, _ in expected))
    assert transcript.format == "text"
    assert transcript.source == "talk.txt"


COLONS_IN_TEXT = [
    pytest.param(
        "Interviewer: How would you test it?\n"
        "Priya: I'd start with the data.\n"
        "Note: the model would only see the training split.\n"
        "Interviewer: Why?\n"
        "Priya: Leakage.\n"
        "Note: that bit us before.",
        [("Interviewer", "How would you test it?"),
         ("Priya", "I'd start with the data. Note: the model would only see the training split."),
         ("Interviewer", "Why?"), ("Priya", "Leakage. Note: that bit us before.")],
        id="recurring Note stays in the turn",
    ),
    pytest.param(
        "Interviewer: Tell me about a conflict.\n"
        "Candidate: Sure.\n"
        "Situation: two teams, one deadline.\n"
        "Task: ship both.\n"
        "Action: I split the work.\n"
        "Result: we shipped.\n"
        "Lesson learned: talk early.\n"
        "Interviewer: Thanks.",
        [("Interviewer", "Tell me about a conflict."),
         ("Candidate", "Sure. Situation: two teams, one deadline. Task: ship both. "
                       "Action: I split the work. Result: we shipped. Lesson learned: talk early."),
         ("Interviewer", "Thanks.")],
        id="STAR headings stay in the answer",
    ),
    pytest.param(
        "Interviewer: Walk me through it.\n"
        "Priya: Step 1: read.\n"
        "Step 2: parse.\n"
        "**Note:** cache it.\n"
        "[laughs] that's all\n"
        "See https://example.com at 10:30 today.",
        [("Interviewer", "Walk me through it."),
         ("Priya", "Step 1: read. Step 2: parse. **Note:** cache it. [laughs] that's all "
                   "See https://example.com at 10:30 today.")],
        id="steps, bold notes, sound tags, urls and clock times",
    ),
    pytest.param(
        "Interviewer: Any questions?\n"
        "Candidate: One.\n"
        "So what I did: nothing.\n"
        "Interviewer: Fine.\n"
        "Candidate: ok",
        [("Interviewer", "Any questions?"), ("Candidate", "One. So what I did: nothing."),
         ("Interviewer", "Fine."), ("Candidate", "ok")],
        id="sentence ending in a colon",
    ),
    pytest.param(
        "Interviewer: Pick one.\n"
        "A. Smith's design\n"
        "B. the other one\n"
        "Candidate: [sighs] Hmm.\n"
        "[Crosstalk] sorry.\n"
        "[clears throat] The first.",
        [("Interviewer", "Pick one. A. Smith's design B. the other one"),
         ("Candidate", "[sighs] Hmm. [Crosstalk] sorry. [clears throat] The first.")],
        id="lettered list and sound tags",
    ),
    pytest.param(
        "Interviewer: Which languages?\n"
        "Priya: Two, mostly.\n"
        "Python: for the models.\n"
        "Go: for the services.\n"
        "Interviewer: Why Go?\n"
        "Priya: Deploys.",
        [("Interviewer", "Which languages?"),
         ("Priya", "Two, mostly. Python: for the models. Go: for the services."),
         ("Interviewer", "Why Go?"), ("Priya", "Deploys.")],
        id="names heading a list in one answer",
    ),
    pytest.param(
        "Interviewer: How did it go?\n"
        "Priya: Badly at first.\n"
        "Result: we shipped late.\n"
        "Priya: Then better.\n"
        "Interviewer: Good.",
        [("Interviewer", "How did it go?"),
         ("Priya", "Badly at first. Result: we shipped late. Then better."),
         ("Interviewer", "Good.")],
        id="a one-off heading that is no name",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("third", "who"),
    [("Marcus", "Marcus"), ("Janet Wu", "Janet Wu"), ("Sean O'Brien", "Sean O'Brien")],
)
def test_a_panelist_who_speaks_once_between_two_answers_is_a_speaker(third: str, who: str) -> None:
    # a panel's second interviewer asks one question; read as words of the
    # candidate's answer, their question would be the candidate's
    transcript = read(
        "Priya: What are you working on?\n"
        "Daniel: A payments API, in Go.\n"
        "Priya: Why Go?\n"
        "Daniel: It is simple to deploy.\n"
        f"{third}: One from me. How do you test the ledger?\n"
        "Daniel: Property-based tests on every transfer.\n"
        "Priya: Thanks, that's all from us.\n"
    )
    assert said(transcript)[4:6] == [
        (who, "One from me. How do you test the ledger?"),
        ("Daniel", "Property-based tests on every transfer."),
    ]


def test_a_panelist_who_speaks_once_at_the_end_is_a_speaker() -> None:
    # the panel's closing ran on in the candidate's last answer
    transcript = read(
        "Priya: What are you working on?\n"
        "Daniel: A payments API, in Go.\n"
        "Priya: How do you test the ledger?\n"
        "Daniel: Property-based tests on every transfer.\n"
        "Marcus: Thanks, that's all from us. We'll be in touch this week.\n"
    )
    assert said(transcript)[3:] == [
        ("Daniel", "Property-based tests on every transfer."),
        ("Marcus", "Thanks, that's all from us. We'll be in touch this week."),
    ]
    # ... but a list at the end of an answer stays in it
    listed = read(
        "Priya: Hi Daniel.\nDaniel: Hi.\nPriya: What do you use?\nDaniel: A few things.\n"
        "Python: for the models\nGo: for the API\n"
    )
    assert said(listed)[3] == ("Daniel", "A few things. Python: for the models Go: for the API")


@pytest.mark.parametrize(("text", "expected"), COLONS_IN_TEXT)
def test_colons_in_text_do_not_start_a_speaker(text: str, expected: list[tuple[str, str]]) -> None:
    assert said(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "lines", "starts"),
    [
        ("Priya: a\n\nSam: b\nc\n\nPriya: d", [1, 3, 6], [None, None, None]),
        ("Priya (00:01:02): a\nSam (01:02:03.5): b\nPriya [10:05]: c", [1, 2, 3],
         [62.0, 3723.5, 605.0]),
        ("Sam (00:00:01): a\nSam (00:00:09): b\nPriya (00:00:20): c", [1, 3], [1.0, 20.0]),
        # to the millisecond, with no float noise (96.37899999999999)
        ("Priya (01:36.379): a\nSam (00:01:36.381): b", [1, 2], [96.379, 96.381]),
    ],
)  # fmt: skip
def test_turn_lines_and_starts(text: str, lines: list[int], starts: list[float | None]) -> None:
    transcript = read(text)
    assert [turn.line for turn in transcript.turns] == lines
    assert [turn.start for turn in transcript.turns] == starts


@pytest.mark.parametrize(
    ("text", "expected_id", "expected", "notices"),
    [
        pytest.param(
            "[5d0c7e2a-8b41-4f6e-9a3c-2b7d1e0f9a64] Interview summary:\n\n"
            "Interviewer: Hi.\nCandidate: Hello.",
            "5d0c7e2a-8b41-4f6e-9a3c-2b7d1e0f9a64",
            [("Interviewer", "Hi."), ("Candidate", "Hello.")],
            [],
            id="uuid header",
        ),
        pytest.param(
            "\n# Mock interview: backend\n\nPriya: Hi.\nSam: Hello.",
            None,
            [("Priya", "Hi."), ("Sam", "Hello.")],
            ["the heading on line 2 is not part of any turn"],
            id="markdown heading",
        ),
        pytest.param(
            "Recorded on Zoom.\nAudio was poor.\n\nPriya: Hi.\nSam: Hello.",
            None,
            [("Priya", "Hi."), ("Sam", "Hello.")],
            ["lines 1-2 before the first speaker label are not part of any turn"],
            id="text before the first label",
        ),
        pytest.param(
            "[5d0c7e2a-8b41-4f6e-9a3c-2b7d1e0f9a64] Summary\n## Round 1\nAbout me.\n\nQ: Hi\nA: Yo",
            "5d0c7e2a-8b41-4f6e-9a3c-2b7d1e0f9a64",
            [("Q", "Hi"), ("A", "Yo")],
            ["the heading on line 2 is not part of any turn",
             "line 3 before the first speaker label is not part of any turn"],
            id="header, heading and preamble",
        ),
    ],
)  # fmt: skip
def test_top_of_file(
    text: str, expected_id: str | None, expected: list[tuple[str, str]], notices: list[str]
) -> None:
    transcript = read(text)
    assert transcript.id == expected_id
    assert said(transcript) == expected
    assert [n for n in transcript.notices if not n.startswith("roles ")] == notices


MEET = """Mock interview (2026-11-30 10:00 GMT) - Transcript
Attendees
Priya Shah, Sam Ortiz
Transcript
00:00:00

Priya Shah: Thanks for joining. Can you tell me about a project you led?
Sam Ortiz: Sure. Last spring I led the migration of our billing service.
00:05:00

Priya Shah: How did you measure success?
Sam Ortiz: Dropped messages per day, from forty to zero.

Meeting ended after 00:07:41 👋
"""


def test_google_meet_time_marks_are_times_not_words() -> None:
    assert detect_reader(MEET, "meet.txt").name == "text"
    transcript = read(MEET)
    assert said(transcript) == [
        ("Priya Shah", "Thanks for joining. Can you tell me about a project you led?"),
        ("Sam Ortiz", "Sure. Last spring I led the migration of our billing service."),
        ("Priya Shah", "How did you measure success?"),
        ("Sam Ortiz", "Dropped messages per day, from forty to zero."),
    ]
    assert [turn.start for turn in transcript.turns] == [0.0, None, 300.0, None]
    assert [n for n in transcript.notices if not n.startswith("roles ")] == [
        "lines 1-4 before the first speaker label are not part of any turn",
        "line 14 ('Meeting ended after 00:07:41') is not part of any turn",
    ]


TOOL_LINES = [
    # Google Meet's note under its closing line: words of the last answer
    pytest.param(
        "Priya Shah: Why this team?\nSam Ortiz: The on-call rotation is humane.\n\n"
        "This editable transcript was computer generated and might contain errors. People can "
        "also change the text after it was created.\n",
        ["line 4 ('This editable transcript was computer generated and might co'… (127 "
         "characters)) is not part of any turn"],
        id="Meet's disclaimer",
    ),
    # a Rev transcript printed to PDF, copied as text: each page's header and footer
    pytest.param(
        "Mock_Interview (Completed  03/05/25)\nTranscript by Rev.com\n\n"
        "Priya Shah (00:03):\nWhy this team?\n\nMock_Interview (Completed  03/05/25)\n"
        "Page 1 of 2\nTranscript by Rev.com\nThis transcript was exported on Mar 05, 2025 - view "
        "latest version here.\n\nSam Ortiz (00:12):\nThe on-call rotation is humane.\n",
        ["6 lines the transcription tool wrote are not part of any turn: line 1 "
         "('Mock_Interview (Completed  03/05/25)'), line 2 ('Transcript by Rev.com') and 4 more"],
        id="Rev's pages",
    ),
    # Sonix's paragraphs about itself, above and below the transcript
    pytest.param(
        "Interview.mp4 transcript powered by Sonix—easily convert your audio to text with Sonix."
        "\n\nPriya Shah: Why this team?\nSam Ortiz: The on-call rotation is humane.\n\n"
        "Automatically convert your audio files to text with Sonix. Sonix is the best online, "
        "automated transcription service.\n",
        ["2 lines the transcription tool wrote are not part of any turn: line 1 ('Interview.mp4 "
         "transcript powered by Sonix—easily convert you'… (87 characters)), line 6 "
         "('Automatically convert your audio files to text with Sonix. S'… (117 characters))"],
        id="Sonix",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "notices"), TOOL_LINES)
def test_a_transcription_tools_own_lines_are_no_ones_words(text: str, notices: list[str]) -> None:
    transcript = read(text)
    assert said(transcript) == [
        ("Priya Shah", "Why this team?"),
        ("Sam Ortiz", "The on-call rotation is humane."),
    ]
    assert [n for n in transcript.notices if not n.startswith("roles ")] == notices


def test_a_speaker_who_names_a_tool_keeps_the_words() -> None:
    text = (
        "Priya Shah: Which tools did you use?\n"
        "Sam Ortiz: We tried Sonix. Sonix is the best of the ones we tried.\nPage 2 of the spec.\n"
    )
    assert said(read(text))[-1] == (
        "Sam Ortiz",
        "We tried Sonix. Sonix is the best of the ones we tried. Page 2 of the spec.",
    )


def test_zoom_saved_captions_name_and_time_above_the_text() -> None:
    text = (
        "[Priya Shah] 10:02:33\nThanks for joining. Tell me about a project you led.\n"
        "[Sam Ortiz] 10:02:41\nSure. Last spring I led a migration.\nIt took a quarter.\n"
        "[Priya Shah] 10:03:10\nHow did you measure it?\n"
    )
    assert detect_reader(text, "meeting_saved_closed_caption.txt").name == "text"
    transcript = read(text)
    assert said(transcript) == [
        ("Priya Shah", "Thanks for joining. Tell me about a project you led."),
        ("Sam Ortiz", "Sure. Last spring I led a migration. It took a quarter."),
        ("Priya Shah", "How did you measure it?"),
    ]
    assert [turn.start for turn in transcript.turns] == [36153.0, 36161.0, 36190.0]
    assert [turn.line for turn in transcript.turns] == [1, 3, 6]


@pytest.mark.parametrize(
    ("text", "starts", "words"),
    [
        # a label's own time wins over the mark above it
        ("[00:01:00]\nPriya (00:01:05): a\nSam: b", [65.0, None], ["a", "b"]),
        # a mark inside a turn says when no label starts: it is dropped
        ("Priya: a\n(02:00)\nstill Priya\nSam: b", [None, None], ["a", "still", "Priya", "b"]),
        ("Priya: a\n\n12:30\n\nSam: b", [None, 750.0], ["a", "b"]),
    ],
)
def test_time_mark_starts_the_next_label(
    text: str, starts: list[float | None], words: list[str]
) -> None:
    transcript = read(text)
    assert [turn.start for turn in transcript.turns] == starts
    assert " ".join(turn.text for turn in transcript.turns).split() == words


def test_bad_time_mark_names_its_line() -> None:
    with pytest.raises(InputError) as caught:
        read("Priya: a\nSam: b\n00:75:00\nPriya: c")
    assert str(caught.value) == (
        "talk.txt:3: bad timestamp '00:75:00': minutes and seconds must be below 60"
    )


def test_time_marks_in_unlabeled_text_are_not_words() -> None:
    text = "00:00:00\nso tell me about yourself\n00:05:00\nwell i studied physics\n"
    transcript = read(text)
    assert " ".join(turn.text for turn in transcript.turns).split() == [
        "so", "tell", "me", "about", "yourself", "well", "i", "studied", "physics"
    ]  # fmt: skip
    assert transcript.turns[0].start == 0.0


def test_no_labels_goes_to_the_segmenter_and_keeps_every_word() -> None:
    text = "so tell me about yourself\nwell I studied physics\n\nthen I moved: to data"
    transcript = read(text)
    joined = " ".join(turn.text for turn in transcript.turns)
    assert joined.split() == text.split()
    assert {s.id for s in transcript.speakers} <= {"Speaker 1", "Speaker 2"}
    assert all(s.role_source == "inferred" for s in transcript.speakers)
    assert transcript.turns[0].line == 1
    assert any(n.startswith("no speaker labels: ") for n in transcript.notices)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "talk.txt: the transcript is empty (is it the right file?)"),
        (
            "  \n\t\n \r\n",
            "talk.txt: the transcript is empty (is it the right file?)",
        ),
        (
            "# Just a title\n\n",
            "talk.txt: the transcript is empty (is it the right file?)",
        ),
        (
            "Priya:\nSam:\n",
            "talk.txt: the transcript is empty (is it the right file?)",
        ),
    ],
)
def test_empty_input(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"Priya: Hi there.\r\nStill me.\r\n\r\nSam: Hello.\r\n", id="CRLF"),
        pytest.param(b"Priya: Hi there.\rStill me.\r\rSam: Hello.\r", id="CR"),
        pytest.param(
            codecs.BOM_UTF8 + b"Priya: Hi there.\nStill me.\n\nSam: Hello.\n", id="UTF-8 BOM"
        ),
        pytest.param(
            codecs.BOM_UTF16_LE
            + "Priya: Hi there.\r\nStill me.\r\n\r\nSam: Hello.".encode("utf-16-le"),
            id="UTF-16 LE BOM",
        ),
        pytest.param(
            codecs.BOM_UTF16_BE + "Priya: Hi there.\nStill me.\n\nSam: Hello.".encode("utf-16-be"),
            id="UTF-16 BE BOM",
        ),
    ],
)
def test_decoded_files_read_alike(data: bytes) -> None:
    transcript = read_text(decode(data, "talk.txt"), "talk.txt")
    assert said(transcript) == [("Priya", "Hi there. Still me."), ("Sam", "Hello.")]
    assert [turn.line for turn in transcript.turns] == [1, 4]


def test_crlf_text_without_decode() -> None:
    transcript = read("Priya: Hi.\r\nStill me.\r\n\r\nSam: Hello.")
    assert said(transcript) == [("Priya", "Hi. Still me."), ("Sam", "Hello.")]
    assert [turn.line for turn in transcript.turns] == [1, 4]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Interviewer: Hi.\nCandidate: Hello.\nInterviewer: Why?\nCandidate: Because.", 0.6, 0.9),
        ("Q: Hi\nA: Hello there,\nI am Priya\nand I like\ndata a lot.\nQ: Nice", 0.6, 0.9),
        ("just some words\nwith no labels at all", 0.05, 0.05),
        ("Note: one\nNote: two\nsome text", 0.05, 0.05),
        ("", 0.0, 0.0),
    ],
)
def test_sniff(text: str, low: float, high: float) -> None:
    assert low <= sniff(text, "talk.txt") <= high


# ------------------------------------------------------------------ property


NAMES = ["Priya", "Dr. Chen", "Interviewer", "SPEAKER_00", "Hiring Manager", "Sam O'Neil"]
PUNCTUATION = ".,?!'-()"
# After a label anything goes (colons too); a continuation line starts with a
# lowercase word and has no colon, so it cannot be read as a label.
WORD = st.text(string.ascii_letters + string.digits + PUNCTUATION + ":", min_size=1, max_size=8)
PLAIN_WORD = st.text(string.ascii_letters + string.digits + PUNCTUATION, min_size=1, max_size=8)
FIRST_WORD = st.text(string.ascii_lowercase, min_size=1, max_size=8)
CONTINUATION = st.tuples(FIRST_WORD, st.lists(PLAIN_WORD, max_size=6)).map(lambda t: [t[0], *t[1]])
TURN = st.tuples(
    st.sampled_from(NAMES), st.lists(WORD, max_size=6), st.lists(CONTINUATION, max_size=3)
)


@given(st.lists(TURN, min_size=1, max_size=8), st.booleans())
def test_turn_words_are_the_input_words_without_labels(
    turns: list[tuple[str, list[str], list[list[str]]]], blank_lines: bool
) -> None:
    lines: list[str] = []
    words: list[str] = []
    for name, first, continuation in turns:
        lines.append(" ".join([f"{name}:", *first]))
        words += first
        for line in continuation:
            lines += [""] * blank_lines + [" ".join(line)]
            words += line
    if not words:
        return
    # A label seen once in a conversation of two or more established speakers
    # is read as text (it may be "Key Takeaway:"), so every name also recurs.
    lines += [f"{name}:" for name in dict.fromkeys(name for name, _, _ in turns)]
    transcript = read("\n".join(lines))
    assert [w for turn in transcript.turns for w in turn.text.split()] == words


@pytest.mark.parametrize("misspelt", ["Interveiwee", "Inerviewee", "Intervieweee"])
def test_a_misspelt_label_is_read_as_the_speaker_it_stands_for(misspelt: str) -> None:
    # hand-typed transcripts (three of the MIT interviews): the misspelt
    # line's words went to the interviewer before it
    transcript = read(
        "Interviewer: How are you doing today?\n"
        f"{misspelt}: Good, how are you?\n"
        "Interviewer: Good. Tell me about yourself.\n"
        "Interviewee: I study biology and I build software for labs.\n"
        "Interviewer: Why this role?\n"
        "Interviewee: Because it joins the two.\n"
    )
    assert said(transcript)[:2] == [
        ("Interviewer", "How are you doing today?"),
        ("Interviewee", "Good, how are you?"),
    ]
    assert [s.id for s in transcript.speakers] == ["Interviewer", "Interviewee"]


def test_a_misspelling_first_does_not_name_the_speaker() -> None:
    transcript = read(
        "Interveiwee: Hello!\nInterviewer: Hi, tell me about yourself.\n"
        "Interviewee: I build things.\nInterviewer: Why?\nInterviewee: I like it.\n"
    )
    assert [turn.speaker for turn in transcript.turns] == ["Interviewee", "Interviewer"] * 2 + [
        "Interviewee"
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Intervieweer: hm.",  # as near "Interviewer" as "Interviewee"
        "Intern: the one who joined in May.",  # too far from either
        "Dan: hi.",  # too short to be read as a misspelling
    ],
)
def test_a_one_off_label_that_misspells_no_one_in_particular_stays_in_the_turn(
    line: str,
) -> None:
    transcript = read(
        "Interviewer: Who helped you?\n"
        "Interviewee: Two people.\n"
        f"{line}\n"
        "Interviewer: Thanks.\n"
        "Interviewee: Sure.\n"
    )
    assert said(transcript)[1] == ("Interviewee", f"Two people. {line}")


@pytest.mark.parametrize("sep", [" - ", " – ", " — ", "\t", " \t"])
def test_labels_set_off_by_a_dash_or_a_tab(sep: str) -> None:
    # hand-typed notes, or a two-column table pasted as text
    transcript = read(
        f"Interviewer{sep}What do you do?\n"
        f"Priya Shah{sep}I build data pipelines for a bank - mostly in Python.\n"
        f"Interviewer{sep}Why leave?\n"
        f"Priya Shah{sep}I want to work on products.\n"
    )
    assert said(transcript) == [
        ("Interviewer", "What do you do?"),
        ("Priya Shah", "I build data pipelines for a bank - mostly in Python."),
        ("Interviewer", "Why leave?"),
        ("Priya Shah", "I want to work on products."),
    ]


def test_dashes_inside_text_start_no_turn() -> None:
    # a dash list, each item once, where colon labels give two speakers
    transcript = read(
        "Interviewer: Which languages?\nPriya: Two.\nPython - for the models\n"
        "Go - for the services\nInterviewer: Why?\nPriya: Speed.\n"
    )
    assert said(transcript)[1] == ("Priya", "Two. Python - for the models Go - for the services")
    # a caption's lowercase "okay - so", twice, is no speaker: the segmenter reads it
    caption = read("okay - so we start with the data\nand then we train\nokay - so that is it\n")
    assert caption.unlabeled


def test_a_note_beside_a_label_used_without_it_is_no_new_speaker() -> None:
    # "(laughs)", "(cont'd)": the same speakers, not two more
    transcript = read(
        "Interviewer: What do you do?\nCandidate: I build data pipelines.\n"
        "Interviewer (laughs): Why leave?\nCandidate (cont'd): I want to work on products.\n"
        "Candidate: And mentor.\n"
    )
    assert said(transcript) == [
        ("Interviewer", "What do you do?"),
        ("Candidate", "I build data pipelines."),
        ("Interviewer", "Why leave?"),
        ("Candidate", "I want to work on products. And mentor."),
    ]


def test_a_chat_copied_from_its_page_has_its_two_speakers() -> None:
    # a mock interview with ChatGPT, copied: "You said:" above each message
    transcript = read(
        "You said:\nCan you run a mock interview with me?\n"
        "ChatGPT said:\nSure. Tell me about a product you launched.\n"
        "You said:\nA self-serve onboarding flow; activation rose from 31 to 44 percent.\n"
        "ChatGPT said:\nWhat trade-offs did you make?\n"
    )
    assert [(t.speaker, t.role) for t in transcript.turns] == [
        ("You", "candidate"),
        ("ChatGPT", "interviewer"),
        ("You", "candidate"),
        ("ChatGPT", "interviewer"),
    ]
    assert transcript.turns[1].text == "Sure. Tell me about a product you launched."


def test_he_said_she_said_in_a_story_starts_no_turn() -> None:
    transcript = read(
        "Priya: Tell me about a conflict.\nSam: My manager disagreed.\n"
        "He said: ship it now.\nShe said: no.\nHe said: then we slip.\nShe said: fine.\n"
        "Priya: And then?\nSam: We slipped.\n"
    )
    assert said(transcript)[1] == (
        "Sam",
        "My manager disagreed. He said: ship it now. She said: no. He said: then we slip. "
        "She said: fine.",
    )


def test_an_ai_interviewers_one_off_opening_label_is_the_ais() -> None:
    # the Anthropic interviews: "Assistant:" once, then "User:" and "AI:"
    transcript = read(
        "Assistant: Hi there! Thanks for taking the time.\n\nDoes that sound good to you?\n\n"
        "User: Sounds good.\n\nAI: Great. What do you work on?\n\n"
        "User: Protein folding.\n\nAI: How do you use AI in it?\n\nUser: For code, mostly.\n"
    )
    assert said(transcript)[0] == (
        "AI",
        "Hi there! Thanks for taking the time. Does that sound good to you?",
    )
    assert [s.id for s in transcript.speakers] == ["AI", "User"]
    assert not any("not part of any turn" in notice for notice in transcript.notices)


@pytest.mark.parametrize(
    "text",
    [
        "- Interviewer: What do you do?\n- Candidate: I build pipelines.\n"
        "- Interviewer: Why leave?\n- Candidate: Products.\n",
        "* **Interviewer:** What do you do?\n* **Candidate:** I build pipelines.\n"
        "* **Interviewer:** Why leave?\n* **Candidate:** Products.\n",
        ">> INTERVIEWER: What do you do?\n>> CANDIDATE: I build pipelines.\n"
        ">> INTERVIEWER: Why leave?\n>> CANDIDATE: Products.\n",
        "> **Interviewer:** What do you do?\n>\n> **Candidate:** I build pipelines.\n"
        ">\n> **Interviewer:** Why leave?\n>\n> **Candidate:** Products.\n",
    ],
    ids=["bullets", "bold bullets", "broadcast chevrons", "a Markdown block quote"],
)
def test_labels_after_a_bullet_or_in_a_quote(text: str) -> None:
    transcript = read(text)
    assert [t.role for t in transcript.turns] == ["interviewer", "candidate"] * 2
    assert [t.text for t in transcript.turns] == [
        "What do you do?",
        "I build pipelines.",
        "Why leave?",
        "Products.",
    ]


def test_a_chats_own_formatting_starts_no_turn() -> None:
    # ChatGPT's messages are Markdown: bold headings with colons, once each
    transcript = read(
        "You said:\nHow did I do?\n\nChatGPT said:\nQuick feedback:\n"
        "**SQL:** correct.\n- **Length:** a little long.\n\n"
        "You said:\nThanks.\n\nChatGPT said:\nGood luck!\n"
    )
    assert [s.id for s in transcript.speakers] == ["You", "ChatGPT"]
    assert transcript.turns[1].text == (
        "Quick feedback: **SQL:** correct. - **Length:** a little long."
    )


def test_a_bold_heading_after_a_bullet_is_a_list_item() -> None:
    transcript = read(
        "Interviewer: What went well?\nCandidate: Two things.\n"
        "- **Planning:** we scoped early.\nInterviewer: And?\nCandidate: That's it.\n"
    )
    assert said(transcript)[1] == ("Candidate", "Two things. - **Planning:** we scoped early.")


# ------------------------------------------- a chat exported as Markdown

CHAT_TURNS = [
    ("Can you interview me for a backend role?", "candidate"),
    ("Sure. Tell me about a time something you owned broke.", "interviewer"),
    ("A schema change stopped our consumers for forty minutes; I rolled it back.", "candidate"),
    ("What did you change afterwards? And how would you test it?", "interviewer"),
]
CLAUDE_METADATA = (
    "**User:** Sam Ortiz  \n**Created:** 3/5/2025 10:02:11  \n**Updated:** 3/5/2025 10:19:40  \n"
    "**Exported:** 3/5/2025 10:20:02  \n"
    "**Link:** [https://claude.ai/chat/7f0c](https://claude.ai/chat/7f0c)  \n"
)


def chat_export(you: str, ai: str, top: str = "", between: str = "\n") -> str:
    """The four messages of CHAT_TURNS, each under its speaker's heading."""
    return top + "".join(
        f"{you if role == 'candidate' else ai}{between}{text}\n\n" for text, role in CHAT_TURNS
    )


@pytest.mark.parametrize(
    ("text", "you", "ai", "notices"),
    [
        pytest.param(
            chat_export("#### You:", "#### ChatGPT:", "# Mock Backend Interview\n\n"),
            "You", "ChatGPT", ["the heading on line 1 is not part of any turn"],
            id="ChatGPT Exporter",
        ),
        pytest.param(
            chat_export("## User", "## Assistant", "# Backend interview practice\n\n", "\n\n"),
            "User", "Assistant", ["the heading on line 1 is not part of any turn"],
            id="User and Assistant headings",
        ),
        pytest.param(
            chat_export("## Prompt:", "## Response:", f"# Practice\n\n{CLAUDE_METADATA}\n"),
            "Prompt", "Response",
            ["the heading on line 1 is not part of any turn",
             "lines 3-7 before the first speaker label are not part of any turn"],
            id="Claude exporter with its metadata",
        ),
        pytest.param(
            chat_export(
                "## User", "## Assistant",
                "# Practice\n\n**Created:** 3/5/2025 10:02  \n**Exported:** 3/5/2025 10:20  \n\n",
                "\n\n",
            ),
            "User", "Assistant",
            ["the heading on line 1 is not part of any turn",
             "lines 3-4 before the first speaker label are not part of any turn"],
            id="User and Assistant headings under metadata",
        ),
        pytest.param(
            chat_export("## **You**", "## **ChatGPT:**", between="\n"),
            "You", "ChatGPT", [], id="bold headings, no title",
        ),
    ],
)  # fmt: skip
def test_a_chat_exported_as_markdown_is_read_by_its_speaker_headings(
    text: str, you: str, ai: str, notices: list[str]
) -> None:
    # chat exporters head each message with its speaker, alone on the line;
    # the file was read as unlabeled text ("#### You:" and all) or its
    # metadata lines became the speakers, the chat one "Exported" turn
    transcript = read(text)
    assert said(transcript) == [
        (you if role == "candidate" else ai, words) for words, role in CHAT_TURNS
    ]
    assert [turn.role for turn in transcript.turns] == [role for _, role in CHAT_TURNS]
    assert [s.id for s in transcript.speakers] == [you, ai]
    assert [n for n in transcript.notices if not n.startswith("roles ")] == notices
    assert sniff(text, "chat.md") >= 0.6
    # the roles are decided as for the same labels written "You:" / "ChatGPT:"
    colons = read("".join(f"{s}: {t}\n" for s, t in said(transcript)))
    assert [(t.speaker, t.role) for t in colons.turns] == [
        (t.speaker, t.role) for t in transcript.turns
    ]


def test_a_chat_exporters_metadata_names_no_speaker() -> None:
    text = chat_export("## Prompt:", "## Response:", CLAUDE_METADATA + "\n")
    transcript = read(text)
    assert {s.id for s in transcript.speakers} == {"Prompt", "Response"}
    words = " ".join(turn.text for turn in transcript.turns)
    assert "Sam Ortiz" not in words and "3/5/2025" not in words and "claude.ai" not in words
    assert "lines 1-5 before the first speaker label are not part of any turn" in (
        transcript.notices
    )


def test_a_chat_headings_empty_message_makes_no_turn() -> None:
    # an image or a file sent alone: its heading has no text under it
    transcript = read(
        "#### You:\nCan you interview me?\n\n#### ChatGPT:\nSure. What do you do?\n\n"
        "#### You:\n\n#### ChatGPT:\nI can't see the image. Tell me in words?\n\n"
        "#### You:\nI build data pipelines.\n"
    )
    assert said(transcript) == [
        ("You", "Can you interview me?"),
        ("ChatGPT", "Sure. What do you do? I can't see the image. Tell me in words?"),
        ("You", "I build data pipelines."),
    ]


def test_a_chat_messages_own_headings_and_labels_start_no_turn() -> None:
    # ChatGPT's replies are Markdown too: their headings, bold labels and a
    # sample exchange stay in the message
    transcript = read(
        "#### You:\nHow did I do? Situation: we had two teams.\n\n"
        "#### ChatGPT:\n### Situation\nClear.\n### Result\n**Score:** 4/5\n"
        "Interviewer: Why?\nCandidate: Because.\n\n"
        "#### You:\nThanks.\n"
    )
    assert said(transcript) == [
        ("You", "How did I do? Situation: we had two teams."),
        ("ChatGPT", "### Situation Clear. ### Result **Score:** 4/5 Interviewer: Why? "
                    "Candidate: Because."),
        ("You", "Thanks."),
    ]  # fmt: skip


def test_names_that_recur_as_headings_are_speakers() -> None:
    transcript = read(
        "# Mock interview\n\n### Priya\nWhy this team?\n\n### Sam\nThe payments work.\n\n"
        "### Priya\nWhat would you change first?\n\n### Sam\nThe on-call rotation.\n"
    )
    assert said(transcript) == [
        ("Priya", "Why this team?"),
        ("Sam", "The payments work."),
        ("Priya", "What would you change first?"),
        ("Sam", "The on-call rotation."),
    ]


def test_a_markdown_note_with_section_headings_is_no_chat() -> None:
    # "## Situation" and "## Result" head a note's sections, not speakers (a
    # guard: read so before the chat headings were, and after)
    text = (
        "# Prep notes\n\n## Situation\nTwo teams, one deadline.\n\n## Task\nShip both.\n\n"
        "## Result\nWe shipped.\n\n## Notes\nTalk early.\n"
    )
    transcript = read(text)
    assert transcript.unlabeled
    assert "Situation" not in {s.id for s in transcript.speakers}
    assert " ".join(turn.text for turn in transcript.turns) == (
        "## Situation Two teams, one deadline. ## Task Ship both. ## Result We shipped. "
        "## Notes Talk early."
    )


def test_new_voice_marks_in_pasted_captions_split_the_text(chunks_seen: list[Chunk]) -> None:
    transcript = read_text(
        ">> so tell me about your current role\n>> sure i'm a backend engineer >> and why leave\n"
        "i want a smaller team\n",
        "caption.txt",
    )
    assert [(c.line, c.text) for c in chunks_seen] == [
        (1, "so tell me about your current role"),
        (2, "sure i'm a backend engineer"),
        (2, "and why leave"),
        (3, "i want a smaller team"),
    ]
    assert ">>" not in " ".join(t.text for t in transcript.turns)


def test_the_chat_export_sample_reads_by_its_headings() -> None:
    transcript = read_transcript(SAMPLES / "chatgpt-export.md")
    assert transcript.format == "text"
    assert len(transcript.turns) == 14
    assert [(s.id, s.role) for s in transcript.speakers] == [
        ("You", "candidate"),
        ("ChatGPT", "interviewer"),
    ]
    assert transcript.turns[1].text.startswith("Sounds good. I'll play Dana")
    assert "the heading on line 1 is not part of any turn" in transcript.notices
