"""The terminal report's timeline, and its width.

Contracts (README "What the report contains"): a compact timeline, one line
of blocks per speaker, proportional to time when every turn is timed and to
words otherwise, with uncertain turns in lighter blocks and a line of ``?``
where questions begin; at ``--width 80`` no line is wider than 80 columns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len

from transcript_tool import analyze, load_rubric, read_transcript, score
from transcript_tool.cli import main
from transcript_tool.model import LOW_CONFIDENCE, Report
from transcript_tool.readers import read_text
from transcript_tool.render.markdown import render_markdown
from transcript_tool.render.terminal import render_terminal
from transcript_tool.render.timeline import block_rows, glyph, layout

REPO = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p.name for p in (REPO / "samples").iterdir())
BLOCKS = set("█▌▓░")


def timeline(text: str) -> tuple[str, dict[str, str]]:
    """The title line and lane label -> blocks of the timeline in ``text``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Conversation by "))
    lanes = {}
    for line in lines[start + 1 :]:
        if not line.startswith("  ") or line.startswith("  █ speaking"):
            break
        label, _, blocks = line[2:].partition("  ")
        lanes[label.strip()] = blocks.lstrip(" ") if label.strip() == "questions" else blocks
    return lines[start], lanes


@pytest.mark.parametrize("sample", SAMPLES)
def test_width_80_fits_80_columns(sample: str, sample_report: Callable[[str], Report]) -> None:
    text = render_terminal(sample_report(sample), width=80, color=False)
    too_wide = [line for line in text.splitlines() if cell_len(line) > 80]
    assert too_wide == []
    assert "Conversation by " in text


def test_wrapped_lines_hang_under_their_first_word(
    sample_report: Callable[[str], Report],
) -> None:
    """A feedback line or quote too long for the width goes on indented under
    itself (bullets by 2, quotes by 4), not back at the margin; and no line
    ends in the spaces rich pads tables with."""
    text = render_terminal(sample_report("behavioral-interview.txt"), width=80, color=False)
    lines = text.splitlines()
    assert all(line == line.rstrip() for line in lines)
    start = lines.index("Strengths")
    section = lines[start + 1 : lines.index("", start)]
    assert len(section) > 6  # the feedback and quotes do not fit 80 columns
    for line in section:
        assert line.startswith(("- ", "    turn ", "    to work on, turn ", "  ")), line
    quotes = [i for i, line in enumerate(section) if line.startswith("    turn ")]
    assert any(not section[i + 1].startswith(("- ", "    turn ")) for i in quotes[:-1])
    narrow = render_terminal(sample_report("zoom-meeting.vtt"), width=40, color=False)
    legend = narrow.split("  █ speaking", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(legend) == 2 and legend[1].startswith("  ") and not legend[1].startswith("   ")
    text = render_terminal(sample_report("aws-transcribe-screen.json"), width=80, color=False)
    header = text.split("\n\n", 1)[0].splitlines()
    assert header[2:] == [
        # the role's confidence: which speaker interviews, not whether every
        # word is the right speaker's (a raw caption's read 1.00 with a third wrong)
        "speakers: Speaker 0 (Renee) = interviewer [role inferred, confidence 0.93];",
        "          Speaker 1 (Marcus) = candidate [role inferred, confidence 0.93]",
        "note: roles inferred from how each speaker talks: Speaker 0 = interviewer",
        "      (0.93); Speaker 1 = candidate (0.93)",
    ]


@pytest.mark.parametrize("sample", SAMPLES)
def test_a_narrow_terminal_lists_what_the_tables_would_cut(
    sample: str, sample_report: Callable[[str], Report]
) -> None:
    """At --width 40 (the least allowed) a table of six columns cut the
    questions to "…" or dropped them: a table whose words do not fit side by
    side is a list that keeps every word."""
    report = sample_report(sample)
    text = render_terminal(report, width=40, color=False)
    assert max(cell_len(line) for line in text.splitlines()) <= 40
    flat = " ".join(text.split())
    for question in report.analysis.questions:
        assert " ".join(question.text.split()) in flat
    for result in report.criteria:
        assert f"- {result.title}: " in flat and " ".join(result.feedback.split()) in flat
    # a word longer than the line (the correction command's path) is folded, not cut
    solid = "".join(text.split())
    assert all("".join(notice.split()) in solid for notice in report.transcript.notices)
    wide = render_terminal(report, width=80, color=False)
    assert "\n  Criterion " in wide and "\n- Concise" not in wide.split("Strengths")[0]


@pytest.mark.parametrize("sample", SAMPLES)
def test_no_width_cuts_a_word_in_a_table(
    sample: str, sample_report: Callable[[str], Report]
) -> None:
    """rich shrank columns without regard to their words: at 80 columns the
    questions table's "missing:" was "missin…", at 64 the timing table's
    "interviewer" "interview…" (91 of the samples' reports at eleven widths
    from 40 to 120 columns had a cut word).
    A cut shows as a "…" that the report at 1,000 columns, where nothing is
    cut, does not have (quotes' own "…" are in both)."""
    report = sample_report(sample)
    uncut = render_terminal(report, width=1000, color=False).count("…")
    cut = {
        width: render_terminal(report, width=width, color=False).count("…") - uncut
        for width in (48, 60, 64, 72, 80, 88, 100)
    }
    assert cut == dict.fromkeys(cut, 0)


def test_cli_width_80(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    code = main(["report", "samples/mock-interview-raw-caption.txt", "--width", "80"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert max(cell_len(line) for line in out.splitlines()) <= 80


def test_blocks_follow_the_words(sample_report: Callable[[str], Report]) -> None:
    report = sample_report("behavioral-interview.txt")
    title, lanes = timeline(render_terminal(report, width=100, color=False))
    assert title.startswith("Conversation by words (one block = ")
    assert set(lanes) == {"interviewer", "candidate", "questions"}
    assert not (set(lanes["interviewer"] + lanes["candidate"]) & {"▓", "░"})  # all labeled
    words = {"interviewer": 0, "candidate": 0}
    for turn in report.transcript.turns:
        words[turn.role] += len(turn.text.split())
    share = words["candidate"] / sum(words.values())
    full = lanes["candidate"].count("█") + 0.5 * lanes["candidate"].count("▌")
    assert abs(full / len(lanes["candidate"]) - share) < 0.1
    assert lanes["questions"].count("?") >= 1


def test_blocks_follow_the_clock_and_mark_uncertain_turns(
    sample_report: Callable[[str], Report],
) -> None:
    timed = sample_report("zoom-meeting.vtt")
    title, _ = timeline(render_terminal(timed, width=100, color=False))
    assert title.startswith("Conversation by time (one block = ")
    raw = sample_report("mock-interview-raw-caption.txt")
    assert any(t.confidence < LOW_CONFIDENCE for t in raw.transcript.turns)
    _, lanes = timeline(render_terminal(raw, width=100, color=False))
    assert set(lanes["candidate"]) & {"▓", "░"}


def test_block_rows_cover_each_turn_once(sample_report: Callable[[str], Report]) -> None:
    placed = layout(sample_report("zoom-meeting.vtt").transcript)
    assert placed.unit == "seconds"
    rows = block_rows(placed, 40)
    assert len(rows) == len(placed.lanes) and all(len(row) == 40 for row in rows)
    spoken = sum(s.end - s.start for s in placed.spans)
    covered = sum(cell.share for row in rows for cell in row) * placed.total / 40
    assert covered == pytest.approx(spoken, rel=1e-6)
    assert all(glyph(cell) in BLOCKS | {" "} for row in rows for cell in row)


def test_a_short_transcript_gets_a_block_per_word_and_counts_in_the_singular() -> None:
    """A handful of words is drawn a block per word ("one block = 0.0 words"
    across the whole width before), and one turn of one word is "1 turn · 1
    word" in the terminal's header and the Markdown (and HTML) facts."""
    short = read_text(
        "Interviewer: Ready to start?\nCandidate: Yes, ready when you are.\n", "t.txt"
    )
    report = score(analyze(short), load_rubric("default"))
    text = render_terminal(report, width=100, color=False)
    assert "Conversation by words (one block = 1 word)\n" in text
    assert "  interviewer  ███\n  candidate       █████\n" in text
    single = score(analyze(read_text("Interviewer: Hello.\n", "t.txt")), load_rubric("default"))
    text = render_terminal(single, width=100, color=False)
    assert text.splitlines()[1] == "format text · 1 turn · 1 word"
    assert "\n**1** word · **1** turn · **0** questions asked" in render_markdown(single)
    assert "**8** words · **2** turns · **0** questions asked" in render_markdown(report)


def test_a_short_clip_gets_blocks_of_a_tenth_of_a_second(
    file_report: Callable[[str, str], Report],
) -> None:
    """A 2.5-second clip is 25 blocks of 0.1 s ("one block = 0.0 s" across the
    whole width before)."""
    report = file_report(
        "clip.vtt",
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nInterviewer: Ready?\n\n"
        "00:00:01.000 --> 00:00:02.500\nCandidate: Yes, I am.\n",
    )
    title, lanes = timeline(render_terminal(report, width=100, color=False))
    assert title == "Conversation by time (one block = 0.1 s)"
    assert lanes["interviewer"].strip() == "█" * 10
    assert lanes["candidate"].strip() == "█" * 15


def test_an_untimed_timeline_counts_words_as_the_header_does() -> None:
    """The words axis (and the HTML tooltips) count as the header's total
    does: a lone dash is no word."""
    transcript = read_text("Interviewer: Ready?\nCandidate: Well — yes, I'm ready.\n", "t.txt")
    placed = layout(transcript)
    assert (placed.unit, placed.total) == ("words", 5.0)
    assert [span.words for span in placed.spans] == [1, 4]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_interviewer_notes_say_what_the_markdown_report_says(
    sample_report: Callable[[str], Report],
) -> None:
    report = sample_report("system-design-interview.txt")
    terminal = _one_line(render_terminal(report, width=200))
    notes = [
        line[2:]
        for line in render_markdown(report).splitlines()
        if line.startswith("- Turn") or "not counted as" in line
    ]
    assert any("asks turn" in note and "let me pull you back" in note for note in notes)
    assert any("3 check-ins, not counted as questions" in note for note in notes)
    for note in notes:
        assert f"- {_one_line(note)}" in terminal


def test_a_panel_gets_a_note_of_how_its_interviewers_shared_the_asking(
    sample_report: Callable[[str], Report],
) -> None:
    """With two interviewers, "you spoke 20% of the words" does not say who;
    the notes give each one's words and questions, which add up to the
    timing table's and the questions table's, and name who set up at length
    or asked again."""
    from transcript_tool.render.notes import interviewer_notes
    from transcript_tool.segment.roles import assign_roles

    report = sample_report("nurse-panel-interview.txt")
    notes = interviewer_notes(report.analysis)
    assert notes[0] == (
        "2 interviewers: Dr. Okafor spoke 349 words and asked 11 questions; "
        "Janet Wu spoke 157 words and asked 7 questions"
    )
    asked = [q for q in report.analysis.questions if q.role == "interviewer"]
    assert len(asked) == 11 + 7
    assert f"- {notes[0]}" in _one_line(render_markdown(report))
    assert f"- {notes[0]}" in _one_line(render_terminal(report, width=200))
    panel = read_text(
        "Priya: Thanks for coming in. What are you working on?\n"
        "Daniel: A payments API in Go, and I run our on-call rotation.\n"
        "Marcus: "
        + "We are a small team and we ship every day, so reviews matter. "
        * 8
        + "\nDaniel: Sure, that makes sense.\n"
        "Marcus: How do you review a change?\n"
        "Daniel: I read the tests first, then the diff, and I run it locally when it is risky, "
        "which with payments is most of the time, so the review takes a while but catches a "
        "lot before it merges.\n"
        "Priya: Thanks, Daniel, that's all from us.\n",
        "panel.txt",
    )
    notes = interviewer_notes(analyze(assign_roles(panel, interviewer=["Priya", "Marcus"])))
    assert notes[0].startswith("2 interviewers: Priya spoke ")
    assert any(note.startswith("Turn 2 (Marcus): ") for note in notes)
    two = interviewer_notes(sample_report("system-design-interview.txt").analysis)
    assert two and not any(re.match(r"\d+ interviewers|Turn \d+ \(", note) for note in two)


def test_concepts_table_lists_mentions_and_the_answers_that_missed_them() -> None:
    transcript = read_transcript(REPO / "samples" / "ml-case-interview.txt")
    rubric = load_rubric(REPO / "rubrics" / "ml-design.yaml")
    report = score(analyze(transcript, concepts=rubric.concepts), rubric)
    terminal = render_terminal(report, width=400)  # one line per row
    lines = terminal.splitlines()
    table = lines[lines.index(next(x for x in lines if x.startswith("Concepts"))) :]
    rows = {line[2:24].strip(): line for line in table if line.startswith("  ") and "“" in line}
    framing = rows["problem framing"]
    assert "“baseline” (turn 5), “baseline” (turn 9)" in framing
    assert framing.rstrip().endswith(" -")  # every question asking for it was answered with it
    # four mentions shown, then how many more, as the Markdown and HTML reports do
    features = rows["features"]
    assert features.count("(turn ") == 4 and re.search(r"and \d+ more", features)
    # an answer that leaves out what its question asked for is listed
    missed = read_text(
        "Interviewer: How would you deploy the model?\n"
        "Candidate: I'd hand it over to the platform team and let them decide.\n",
        "t.txt",
    )
    text = render_terminal(score(analyze(missed, concepts=rubric.concepts), rubric), width=400)
    row = next(line for line in text.splitlines() if line.startswith("  deployment and"))
    assert row.rstrip().endswith("question at turn 0")


@pytest.mark.parametrize("sample", SAMPLES)
def test_quotes_of_the_other_side_are_labelled(
    sample: str, sample_report: Callable[[str], Report]
) -> None:
    # a strength's quote of something to work on ("the answer drifted away")
    # says so, and a quote under "To improve" of what went well says that
    report = sample_report(sample)
    lines = render_terminal(report, width=1000, color=False).splitlines()
    results = {r.id: r for r in report.criteria}
    for title, ids, other, label in (
        ("Strengths", report.strengths, "improvement", "to work on, "),
        ("To improve", report.improvements, "strength", "went well, "),
    ):
        if not ids:
            continue
        start = lines.index(title)
        section = lines[start : lines.index("", start)]
        polarities = {e.note: e.polarity for c in ids for e in results[c].evidence}
        for line in section:
            if line.startswith("    "):
                polarity = polarities[line.rpartition("” — ")[2]]
                assert line.startswith(f"    {label}turn ") == (polarity == other), line


def test_a_strength_quote_of_something_to_work_on_is_labelled(
    sample_report: Callable[[str], Report],
) -> None:
    text = render_terminal(sample_report("truncated-screen.txt"), width=1000, color=False)
    strengths = text.split("\nStrengths\n")[1].split("\n\n")[0]
    assert (
        "    to work on, turn 8: “What are your salary expectations and when could you start?”"
        " — the answer did not address: What are your salary expectations"
    ) in strengths.splitlines()


def test_a_re_ask_names_the_question_it_asks_again_by_its_number() -> None:
    transcript = read_text(
        "Interviewer: What metrics would you track for a scheduling feature?\n"
        "Candidate: I really like scheduling problems; we built a queue once.\n"
        "Interviewer: Sure, but what would you measure?\n"
        "Candidate: Weekly active clinics and the no-show rate.\n",
        "t.txt",
    )
    text = render_terminal(score(analyze(transcript), load_rubric("default")), width=120)
    assert "asks #1 again (Sure, but)" in text
