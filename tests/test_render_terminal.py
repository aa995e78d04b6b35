"""The terminal report's timeline, and its width.

Contracts (README "What the report contains"): a compact timeline, one line
of blocks per speaker, proportional to time when every turn is timed and to
words otherwise, with uncertain turns in lighter blocks and a line of ``?``
where questions begin; at ``--width 80`` no line is wider than 80 columns.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len

from transcript_tool.cli import main
from transcript_tool.model import LOW_CONFIDENCE, Report
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
