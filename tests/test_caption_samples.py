"""The caption samples in samples/ (Teams, Zoom, YouTube .vtt; labeled and
unlabeled .srt) read into the turns, speakers and times their files hold."""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

from typer.testing import CliRunner

from transcript_tool import read_transcript
from transcript_tool.cli import app

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
runner = CliRunner()


def voice_runs(path: Path) -> list[tuple[str, str, str]]:
    """(speaker, first start, last end) of each run of cues by one <v> voice."""
    text = path.read_text("utf-8")
    cues = re.findall(r"(\S+) --> (\S+)\n<v ([^>]+)>", text)
    runs: list[tuple[str, str, str]] = []
    for start, end, name in cues:
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1], end)
        else:
            runs.append((name, start, end))
    return runs


def seconds(clock: str) -> float:
    hours, minutes, rest = clock.replace(",", ".").split(":")
    return round(int(hours) * 3600 + int(minutes) * 60 + float(rest), 3)


def test_teams_sample_round_trips_through_segment_json() -> None:
    path = SAMPLES / "teams-meeting.vtt"
    result = runner.invoke(app, ["segment", str(path), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    runs = voice_runs(path)
    assert data["format"] == "vtt"
    assert [t["speaker"] for t in data["turns"]] == [name for name, _, _ in runs]
    assert [(t["start"], t["end"]) for t in data["turns"]] == [
        (seconds(start), seconds(end)) for _, start, end in runs
    ]
    roles = {s["name"] or s["id"]: s["role"] for s in data["speakers"]}
    assert roles == {"Marisol Vega": "interviewer", "Tomasz Nowak": "candidate"}
    # the story answer holds a 6-second thinking pause before "So first I called them"
    story = next(t for t in data["turns"] if "So first I called them" in t["text"])
    (pause,) = story["pauses"]
    assert story["text"][pause["offset"] :].startswith("So first I called them")
    assert round(pause["end"] - pause["start"], 2) == 6.25


def test_labeled_srt_sample_alternates_dialogue_dashes_between_the_two_speakers() -> None:
    transcript = read_transcript(SAMPLES / "labeled-interview.srt")
    said = [(t.speaker, t.role, t.text) for t in transcript.turns]
    assert said[6:8] == [
        ("Dana", "interviewer", "How did you measure that?"),
        ("Luis", "candidate", "With a goniometer, at every visit."),
    ]
    assert [t.confidence for t in transcript.turns[6:8]] == [0.6, 0.6]
    assert (
        "2 dialogue-dash lines, the first in the cue at line 34, attributed by alternating "
        "between the two speakers (each dash changes the speaker)"
    ) in transcript.notices
    assert len(transcript.turns) == 13
    assert transcript.turns[0].start == 1.0


def test_zoom_and_youtube_samples_keep_their_times() -> None:
    zoom = read_transcript(SAMPLES / "zoom-meeting.vtt")
    assert {s.role for s in zoom.speakers} == {"interviewer", "candidate"}
    assert all(t.start is not None and t.end is not None for t in zoom.turns)
    youtube = read_transcript(SAMPLES / "raw-caption-youtube.vtt")
    assert youtube.turns[0].start == 0.0
    starts = [t.start for t in youtube.turns]
    assert starts == sorted(starts)
    assert any("rolling auto-captions" in notice for notice in youtube.notices)


def test_inferred_turns_meet_inside_a_cue_instead_of_overlapping() -> None:
    # a change of speaker inside a cue used to give both turns the whole cue:
    # the answer "began" seconds before the question ended
    for name in ("raw-caption-youtube.vtt", "raw-caption.srt"):
        turns = read_transcript(SAMPLES / name).turns
        assert len(turns) > 5
        for turn, after in pairwise(turns):
            assert turn.start is not None and turn.end is not None and after.start is not None
            assert turn.start <= turn.end <= after.start, (name, turn.index)


def test_a_change_inside_a_cue_is_placed_by_word_position() -> None:
    from transcript_tool.readers.common import Chunk
    from transcript_tool.segment.unlabeled import segment_chunks

    question = "so tell me about a project you led last year"  # 10 words
    answer = "yeah so last spring i led the migration of our billing service to a database"
    chunks = [Chunk(f"{question} {answer}", line=1, start=10.0, end=35.0)]
    segmented = segment_chunks(chunks)
    turns = segmented.turns
    assert [t.text for t in turns[:2]] == [question, answer]
    # 10 of the cue's 25 words: 10 of its 25 seconds
    assert (turns[0].start, turns[0].end, turns[1].start, turns[1].end) == (10.0, 20.0, 20.0, 35.0)


def test_answer_latency_is_not_measured_where_the_speakers_were_inferred_inside_cues() -> None:
    result = runner.invoke(app, ["report", str(SAMPLES / "raw-caption-youtube.vtt"), "-f", "json"])
    assert result.exit_code == 0
    timing = json.loads(result.stdout)["timing"]
    assert timing["timed"] is True and timing["talk_ratio_by"] == "seconds"
    assert timing["response_latency"] is None  # was 0.0: every answer began inside a cue


def test_chunks_with_a_start_only_leave_a_turns_end_unknown() -> None:
    # timed lines ("00:01:02 text") give when a piece starts, not when it ends
    from transcript_tool.readers.common import Chunk
    from transcript_tool.segment.unlabeled import segment_chunks

    chunks = [
        Chunk("so tell me about a project you led last year", line=1, start=1.25),
        Chunk("yeah so last spring i led the migration of our billing service", line=2, start=9.5),
    ]
    turns = segment_chunks(chunks).turns
    assert [(t.start, t.end) for t in turns] == [(1.25, None), (9.5, None)]


def test_a_turn_takes_its_time_and_line_from_the_chunk_of_its_first_word() -> None:
    # no word the model reads ("?"), after an empty cue: the turn's times were
    # the empty cue's
    from transcript_tool.readers.common import Chunk
    from transcript_tool.segment.unlabeled import segment_chunks

    chunks = [Chunk("", line=1, start=3.0, end=4.0), Chunk("? ?", line=4, start=5.0, end=6.0)]
    turns = segment_chunks(chunks).turns
    assert [(t.text, t.line, t.start, t.end) for t in turns] == [("? ?", 4, 5.0, 6.0)]


def test_the_youtube_captions_follow_up_after_that_makes_sense_is_the_interviewers() -> None:
    turns = read_transcript(SAMPLES / "raw-caption-youtube.vtt").turns
    (asked,) = [t for t in turns if "how did the finance team react" in t.text]
    assert asked.role == "interviewer"
    assert asked.text.startswith("that makes sense and how did the finance team react")
    assert asked.text.endswith("at first")  # the answer, "they were a little disappointed", is not


def test_the_youtube_captions_answer_about_the_board_note_is_the_candidates() -> None:
    """ "and what did you tell the board about the stores that were missing |
    we put a short note ...": the answer goes to the candidate, as the
    speaker models over function words read it (the change is heard six
    words early, after "board"); one model over all words gave the answer's
    first 14 words to the interviewer, with the question."""
    turns = read_transcript(SAMPLES / "raw-caption-youtube.vtt").turns
    (answer,) = [t for t in turns if "we put a short note on the first page" in t.text]
    assert answer.role == "candidate"
    (asked,) = [t for t in turns if "what did you tell the board" in t.text]
    assert asked.role == "interviewer"
    assert asked is not answer
