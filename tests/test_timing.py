"""Timing as a user sees it: silences kept inside merged turns, and the Timing
section of every report (terminal and JSON), with and without timestamps."""

from __future__ import annotations

import json
from collections.abc import Callable

from transcript_tool import analyze, load_rubric, score
from transcript_tool.model import Pause, Report
from transcript_tool.readers import read_text
from transcript_tool.readers.common import Chunk, ReadOptions, unlabeled_transcript
from transcript_tool.render.json import render_json
from transcript_tool.render.terminal import render_terminal
from transcript_tool.timing import summarize

ZOOM = """WEBVTT

1
00:00:00.000 --> 00:00:04.000
Ann Lee: Tell me about the outage you handled.

2
00:00:05.000 --> 00:00:11.000
Bo Chen: Sure. It was a Friday and the payments database stopped taking writes.

3
00:00:18.500 --> 00:00:24.000
Bo Chen: Then I failed it over to the replica and we were back in four minutes.

4
00:00:24.200 --> 00:00:26.000
Bo Chen: It took a while to find the cause.

5
00:00:26.500 --> 00:00:29.000
Ann Lee: What did you change afterwards?

6
00:00:30.000 --> 00:00:36.000
Bo Chen: We added an alert on replication lag and a runbook for the failover.
"""


def test_a_silence_between_cues_of_one_speaker_is_kept_as_a_pause() -> None:
    transcript = read_text(ZOOM, "call.vtt")
    answer = transcript.turns[1]
    # cues 2-4 merge; 7.5 s between cues 2 and 3, 0.2 s between 3 and 4 (too short)
    assert (answer.start, answer.end) == (5.0, 26.0)
    offset = answer.text.index("Then I failed")
    assert answer.pauses == (Pause(offset, 11.0, 18.5),)
    assert answer.pauses[0].seconds == 7.5
    assert transcript.turns[0].pauses == ()


def test_pauses_are_in_the_transcript_json() -> None:
    data = json.loads(
        render_json(score(analyze(read_text(ZOOM, "call.vtt")), load_rubric("default")))
    )
    turn = data["transcript"]["turns"][1]
    assert turn["pauses"] == [{"offset": turn["text"].index("Then"), "start": 11.0, "end": 18.5}]


def test_pauses_inside_an_inferred_turn() -> None:
    chunks = [
        Chunk("so the first thing i did was check the logs", line=1, start=0.0, end=3.0),
        Chunk("and the disk was full", line=2, start=3.2, end=5.0),
        Chunk("then we cleared it", line=3, start=9.0, end=10.5),
    ]
    transcript = unlabeled_transcript(
        chunks, format="test", source="t.txt", options=ReadOptions(speakers=1)
    )
    (turn,) = transcript.turns
    assert turn.pauses == (Pause(turn.text.index("then we"), 5.0, 9.0),)


def test_timing_summary_of_a_timed_interview() -> None:
    timing = summarize(analyze(read_text(ZOOM, "call.vtt")))
    assert timing.timed and timing.reason is None
    interviewer, candidate = timing.roles
    assert (interviewer.role, candidate.role) == ("interviewer", "candidate")
    # Ann: 4 + 2.5 s; Bo: 21 + 6 s
    assert (interviewer.seconds, candidate.seconds) == (6.5, 27.0)
    assert candidate.time_share == timing.talk_ratio == round(100 * 27 / 33.5, 1)
    assert timing.talk_ratio_by == "seconds"
    # answers begin 1.0 and 1.0 s after the questions; one 7.5 s pause inside an answer
    assert (timing.response_latency, timing.silences) == (1.0, 1)
    # 3 changes of speaker in 36 s
    assert (timing.switches, timing.switches_per_minute) == (3, 5.0)


def test_timing_without_timestamps_says_so_and_keeps_word_figures() -> None:
    text = (
        "Interviewer: Tell me about the outage you handled.\n"
        "Candidate: It was a Friday and the payments database stopped taking writes.\n"
    )
    report = score(analyze(read_text(text, "call.txt")), load_rubric("default"))
    timing = report.timing
    assert timing is not None and not timing.timed
    assert timing.reason == "not available (no timestamps)"
    assert [(r.role, r.seconds, r.words_per_minute) for r in timing.roles] == [
        ("interviewer", None, None),
        ("candidate", None, None),
    ]
    assert timing.talk_ratio_by == "words"
    assert (timing.response_latency, timing.switches_per_minute) == (None, None)
    assert timing.switches_per_100_words == round(100 / 18, 2)  # 1 change, 7 + 11 words
    terminal = " ".join(render_terminal(report, width=80).split())
    assert "Timing: not available (no timestamps); figures by words" in terminal
    assert "5.6 changes of speaker per 100 words" in terminal
    data = json.loads(render_json(report))
    assert data["timing"]["timed"] is False
    assert data["timing"]["reason"] == "not available (no timestamps)"
    assert data["timing"]["switches_per_minute"] is None


def test_timing_section_in_the_terminal_report() -> None:
    report = score(analyze(read_text(ZOOM, "call.vtt")), load_rubric("default"))
    terminal = " ".join(render_terminal(report).split())
    assert "Timing" in terminal and "not available" not in terminal
    assert "candidate 48 (80%) 0:27 (81%) 107 35 words, 0:21" in terminal
    assert "The candidate spoke 81% of the time" in terminal
    assert "1 silence of 5 s or more in answers" in terminal
    assert "5.0 changes of speaker per minute" in terminal


def test_timing_says_no_silence_rather_than_counting_none(
    sample_report: Callable[[str], Report],
) -> None:
    terminal = " ".join(render_terminal(sample_report("zoom-meeting.vtt"), width=100).split())
    assert "No silence of 5 s or more in answers." in terminal
    assert "0 silences" not in terminal
    # and the interviewer's one check-in is one, not "1 check-in(s)"
    assert "- 1 check-in, not counted as a question: “Hi Diego, can you hear me okay?”" in terminal


def test_timing_says_why_speaking_time_is_missing(
    sample_report: Callable[[str], Report],
) -> None:
    # Otter stamps when each turn starts: the last turn's length is unknown,
    # so speaking time is "–", and the report says why
    otter = " ".join(render_terminal(sample_report("otter-export.txt"), width=100).split())
    assert "Speaking time: not available (some turns have no end time)." in otter
    zoom = " ".join(render_terminal(sample_report("zoom-meeting.vtt"), width=100).split())
    assert "Speaking time: not available" not in zoom
