"""``transcript-tool segment --format labeled``: the turns as labeled plain text
that reads back into the same turns, so that a user can correct the speakers
the segmenter inferred in any editor and run ``report`` on the result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transcript_tool.api import read_transcript
from transcript_tool.cli import main
from transcript_tool.model import Speaker, Transcript, Turn
from transcript_tool.readers.common import ReadOptions, correction_hint
from transcript_tool.render.turns import labeled_text, speaker_labels

REPO = Path(__file__).resolve().parent.parent


def segment_labeled(capsys: pytest.CaptureFixture[str], path: Path | str) -> str:
    assert main(["segment", str(path), "--format", "labeled"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


@pytest.mark.parametrize(
    "sample",
    ["raw-caption.srt", "mock-interview-raw-caption.txt", "nurse-panel-interview.txt"],
)
def test_labeled_output_reads_back_into_the_same_turns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample: str
) -> None:
    source = REPO / "samples" / sample
    written = tmp_path / "turns.txt"
    written.write_text(segment_labeled(capsys, source), encoding="utf-8")
    before, after = read_transcript(str(source)), read_transcript(str(written))
    assert [t.text.split() for t in after.turns] == [t.text.split() for t in before.turns]
    assert [t.role for t in after.turns] == [t.role for t in before.turns]
    assert [t.start for t in after.turns] == [t.start for t in before.turns]


def test_a_caption_s_inferred_speakers_are_written_as_roles(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = segment_labeled(capsys, REPO / "samples" / "raw-caption.srt")
    first = out.splitlines()[0]
    assert first == (
        "Interviewer (00:00:02.000): so to start could you walk me through why you're "
        "looking to leave your current role"
    )
    assert {line.split(" (")[0] for line in out.splitlines()} == {"Interviewer", "Candidate"}
    written = tmp_path / "turns.txt"
    written.write_text(out, encoding="utf-8")
    # read back, the roles are the labels' and no longer a guess
    assert {s.role_source for s in read_transcript(str(written)).speakers} == {"label"}


def test_a_corrected_label_gives_the_turn_to_the_other_speaker(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The workflow: the segmenter gave a line to the candidate; the user
    relabels it and the report reads it as the interviewer's."""
    lines = segment_labeled(capsys, REPO / "samples" / "raw-caption.srt").splitlines()
    wrong = next(i for i, line in enumerate(lines) if line.startswith("Candidate"))
    lines[wrong] = "Interviewer" + lines[wrong].removeprefix("Candidate")
    fixed = tmp_path / "fixed.txt"
    fixed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["report", str(fixed), "--format", "json"]) == 0
    turns = json.loads(capsys.readouterr().out)["transcript"]["turns"]
    moved = lines[wrong].split(": ", 1)[1]
    # it joins the interviewer's turn before it: one speaker, one turn
    assert any(moved in t["text"] for t in turns if t["role"] == "interviewer")
    assert not any(moved in t["text"] for t in turns if t["role"] == "candidate")


def _transcript(speakers: list[Speaker], turns: list[Turn]) -> Transcript:
    return Transcript(None, "json", tuple(speakers), tuple(turns))


def test_ids_that_would_read_as_q_and_a_are_never_written() -> None:
    """AssemblyAI names its speakers "A" and "B"; as labels they would read
    back as the question and answer of a Q/A transcript."""
    transcript = _transcript(
        [Speaker("A", None, "interviewer"), Speaker("B", None, "candidate")],
        [
            Turn(0, "A", "interviewer", "Why this role?", start=1.5),
            Turn(1, "B", "candidate", "I like\nlogistics.", start=4.25),
        ],
    )
    assert labeled_text(transcript) == (
        "Interviewer (00:00:01.500): Why this role?\nCandidate (00:00:04.250): I like logistics.\n"
    )


def test_speakers_who_share_a_role_keep_names_or_get_numbers() -> None:
    speakers = (
        Speaker("SPEAKER_00", None, "interviewer"),
        Speaker("SPEAKER_01", None, "interviewer"),
        Speaker("Ana (host)", "Ana (host)", "candidate"),
        Speaker("Dr. Chen", "Dr. Chen", "other"),
    )
    # "Ana (host)" takes no second note and alone would leave her role to
    # inference, so the role stands in; a panel's interviewers are numbered
    # within their role, which reads back
    assert speaker_labels(speakers) == {
        "SPEAKER_00": "Interviewer 1",
        "SPEAKER_01": "Interviewer 2",
        "Ana (host)": "Candidate",
        "Dr. Chen": "Dr. Chen",
    }


def test_a_panel_caption_reads_back_with_both_interviewers(tmp_path: Path) -> None:
    """segment --speakers 3 -f labeled, then read back: the second
    interviewer was written as "Speaker 3" and read back as "other"."""
    caption = tmp_path / "panel.txt"
    source = (Path(__file__).parent.parent / "samples" / "nurse-panel-interview.txt").read_text(
        encoding="utf-8"
    )
    words = [line.split(": ", 1)[1] for line in source.splitlines() if ": " in line]
    caption.write_text(" ".join(words).lower() + "\n", encoding="utf-8")
    inferred = read_transcript(caption, speakers=3)
    assert sorted(s.role for s in inferred.speakers) == ["candidate", "interviewer", "interviewer"]
    fixed = tmp_path / "fixed.txt"
    fixed.write_text(labeled_text(inferred), encoding="utf-8")
    again = read_transcript(fixed)
    assert [(t.role, t.text) for t in again.turns] == [(t.role, t.text) for t in inferred.turns]
    assert {s.id for s in again.speakers} == {"Interviewer 1", "Interviewer 2", "Candidate"}


def test_a_name_taken_by_another_speaker_s_label_is_numbered() -> None:
    speakers = (
        Speaker("Speaker 2", "Speaker 2", "other"),
        Speaker("x", None, "other"),
        Speaker("y", None, "other"),
    )
    labels = speaker_labels(speakers)
    assert len(set(labels.values())) == 3
    assert labels["Speaker 2"] == "Speaker 2"


def test_turns_without_words_are_left_out() -> None:
    transcript = _transcript(
        [Speaker("I", None, "interviewer"), Speaker("C", None, "candidate")],
        [Turn(0, "I", "interviewer", "Hello."), Turn(1, "C", "candidate", "  \n ")],
    )
    assert labeled_text(transcript) == "Interviewer: Hello.\n"


def test_the_report_of_a_caption_says_how_to_correct_its_speakers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The notice names the command for this very file, and the command works."""
    caption = tmp_path / "my caption.srt"
    caption.write_bytes((REPO / "samples" / "raw-caption.srt").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["report", "my caption.srt", "--format", "json"]) == 0
    notices = json.loads(capsys.readouterr().out)["transcript"]["notices"]
    hint = (
        "to correct the speakers, change the wrong labels in the file this command writes, "
        "then report it: transcript-tool segment 'my caption.srt' --format labeled > fixed.txt"
    )
    assert hint in notices
    assert any("overall confidence 0." in n and "the model's own" in n for n in notices)
    assert segment_labeled(capsys, "my caption.srt").startswith("Interviewer (00:00:02.000): ")


def test_labeled_transcripts_get_no_correction_hint(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(REPO / "samples" / "behavioral-interview.txt"), "-f", "json"]) == 0
    notices = json.loads(capsys.readouterr().out)["transcript"]["notices"]
    assert not any("to correct the speakers" in n for n in notices)


@pytest.mark.parametrize(
    ("options", "command"),
    [
        (ReadOptions(), "transcript-tool segment FILE --format labeled"),
        (
            ReadOptions(speakers=3, first_role="candidate"),
            "transcript-tool segment FILE --speakers 3 --candidate-first --format labeled",
        ),
    ],
)
def test_the_correction_hint_repeats_the_options_that_shaped_the_turns(
    options: ReadOptions, command: str
) -> None:
    # standard input has no name to repeat
    assert correction_hint("-", options).endswith(f": {command} > fixed.txt")


def test_names_the_reader_would_not_take_as_speakers_are_not_written(tmp_path: Path) -> None:
    """A lowercase name said once would read back as words of the turn
    before; with the role beside it ("bob (Interviewer)") it reads back."""
    speakers = [Speaker("S1", "bob", "other"), Speaker("S2", "Ann Lee", "candidate")]
    turns = [
        Turn(0, "S1", "other", "Why this role?"),
        Turn(1, "S2", "candidate", "I like logistics."),
    ]
    text = labeled_text(_transcript(speakers, turns))
    assert text == "Speaker 1: Why this role?\nCandidate: I like logistics.\n"
    written = tmp_path / "turns.txt"
    written.write_text(text, encoding="utf-8")
    assert [t.text for t in read_transcript(str(written)).turns] == [
        "Why this role?",
        "I like logistics.",
    ]
    speakers[0] = Speaker("S1", "bob", "interviewer")
    turns[0] = Turn(0, "S1", "interviewer", "Why this role?")
    text = labeled_text(_transcript(speakers, turns))
    assert text == "bob (Interviewer): Why this role?\nAnn Lee (Candidate): I like logistics.\n"
    written.write_text(text, encoding="utf-8")
    again = read_transcript(str(written))
    assert [(s.name, s.role, s.role_source) for s in again.speakers] == [
        ("bob", "interviewer", "label"),
        ("Ann Lee", "candidate", "label"),
    ]


def test_named_speakers_are_written_with_their_roles_which_read_back() -> None:
    """'Dr. Okafor:' read back with its role inferred again, which a second
    interviewer who asks little may not get: the role goes beside the name,
    where a user correcting the file can change it."""
    from transcript_tool.readers import read_text

    source = (Path(__file__).parent.parent / "samples" / "nurse-panel-interview.txt").read_text(
        encoding="utf-8"
    )
    transcript = read_text(source, "nurse.txt")
    text = labeled_text(transcript)
    assert text.startswith("Dr. Okafor (Interviewer): Good morning, Luis,")
    assert "\nJanet Wu (Interviewer): I can hear you both fine." in text
    assert "\nLuis (Candidate): Good morning." in text
    again = read_text(text, "fixed.txt")
    assert [(s.name, s.role, s.role_source) for s in again.speakers] == [
        ("Dr. Okafor", "interviewer", "label"),
        ("Luis", "candidate", "label"),
        ("Janet Wu", "interviewer", "label"),
    ]
    assert [t.text for t in again.turns] == [" ".join(t.text.split()) for t in transcript.turns]
    corrected = read_text(text.replace("Janet Wu (Interviewer)", "Janet Wu (Candidate)"), "c.txt")
    assert corrected.speaker("Janet Wu (Candidate)").role == "candidate"
