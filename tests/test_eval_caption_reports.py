"""The caption-report evaluation's three readings of one interview
(benchmarks/eval_caption_reports.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import pytest
from caption_corpora import LabeledStream
from eval_caption_reports import Asked, Scored, asked, main, question_rows, texts

from transcript_tool import analyze
from transcript_tool.readers import read_text

STREAM = LabeledStream(
    corpus="project-interviews",
    id="t",
    words=("so", "why", "this", "job", "i", "like", "data", "mm-hmm", "and", "people"),
    source_words=("So,", "why", "this", "job?", "I", "like", "data,", "mm-hmm,", "and", "people."),
    speakers=(0, 0, 0, 0, 1, 1, 1, 0, 1, 1),
    roles=("interviewer", "candidate"),
    sentence_end=(False,) * 3 + (True,) + (False,) * 5 + (True,),
    question_end=(False,) * 3 + (True,) + (False,) * 6,
)


def test_the_three_readings_keep_the_words_and_drop_what_each_loses() -> None:
    read = texts(STREAM)
    assert read["labelled"] == (
        "Interviewer: So, why this job?\n\nCandidate: I like data,\n\n"
        "Interviewer: mm-hmm,\n\nCandidate: and people."
    )
    assert read["turns"] == (
        "Interviewer: so why this job\n\nCandidate: i like data\n\n"
        "Interviewer: mm-hmm\n\nCandidate: and people"
    )
    assert read["caption"] == "so why this job i like data mm-hmm and people"


def test_the_labelled_readings_give_the_true_turns_and_the_caption_none() -> None:
    read = texts(STREAM)
    for reading in ("labelled", "turns"):
        turns = read_text(read[reading], "t.txt").turns
        assert [t.role for t in turns] == ["interviewer", "candidate", "interviewer", "candidate"]
    caption = read_text(read["caption"], "t.txt")
    assert caption.turns_inferred
    assert " ".join(t.text for t in caption.turns).split() == list(STREAM.words)


def test_the_project_set_runs_without_the_shared_corpora(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--set", "project", "--rubric", "default", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    lines = [line.split() for line in out.splitlines() if line.startswith("project ")]
    rows = [row for row in lines if row[1] == "default"]
    assert [row[2] for row in rows] == [
        "conciseness",
        "think_aloud",
        "answered_question",
        "overall",
    ]
    assert all(row[3] == "2" for row in rows)  # both interviews judged in both readings
    questions = [row[1:3] for row in lines if row[1] in ("turns", "caption")]
    assert questions == [
        ["turns", "interviewer"],
        ["turns", "candidate"],
        ["caption", "interviewer"],
        ["caption", "candidate"],
    ]


def test_questions_are_placed_by_the_stream_word_they_start_at() -> None:
    text = (
        "Interviewer: Hello there. Why this job?\n\n"
        "Candidate: I like data. Do you use Python here?\n"
    )
    found = [(q.word, q.end, q.role, q.form) for q in asked(analyze(read_text(text, "t.txt")))]
    assert found == [(2, 5, "interviewer", "wh"), (8, 13, "candidate", "yes_no")]


def test_a_question_found_with_a_lead_in_of_its_own_is_shared_not_found() -> None:
    def q(word: int, end: int) -> Asked:
        return Asked(word, "candidate", "yes_no", "clarification", end)

    # "Sorry, you cut out there, can you repeat that?" as one labelled
    # question (words 10-19); the caption words give "can you repeat that"
    # alone (15-19), five words later: not found within 3 words, but shared
    labelled = (q(10, 19), q(30, 34), q(50, 54))
    turns = (q(15, 19), q(31, 34))
    item = Scored("t", 60, {}, {"labelled": labelled, "turns": turns, "caption": ()})
    rows = [row.split() for row in question_rows("project", [item])]
    assert rows[1][:6] == ["project", "turns", "candidate", "3", "0.33", "0.67"]
    assert rows[3][:6] == ["project", "caption", "candidate", "3", "0.00", "0.00"]
