"""A transcript typed with smart quotes (Word, macOS, many exports: "I’m",
"don’t") or captioned in ALL CAPS is judged as the same transcript typed
plainly, and every quote still shows the words as the file has them."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcript_tool import analyze, load_rubric, read_transcript, score
from transcript_tool.model import Report, plain, readable, straighten
from transcript_tool.render.json import render_json

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _report(path: Path) -> Report:
    return score(analyze(read_transcript(path)), load_rubric("default"))


def _curly(name: str, folder: Path) -> Path:
    path = folder / name
    path.write_text((SAMPLES / name).read_text(encoding="utf-8").replace("'", "\u2019"))
    return path


def _judgements(report: Report) -> tuple[object, ...]:
    analysis = report.analysis
    return (
        report.overall,
        [(c.id, c.score, c.band) for c in report.criteria],
        [(q.turn, q.form, q.intent, q.answered) for q in analysis.questions],
        [(m.turn, m.kind, m.start) for m in analysis.markers],
        [t.role for t in analysis.transcript.turns],
    )


@pytest.mark.parametrize(
    "name",
    [
        "nurse-panel-interview.txt",  # think_aloud fell 78.9 -> 70.9 with smart quotes
        "data-analyst-screen.txt",
        "mock-interview-raw-caption.txt",  # no labels: the segmenter reads the words
    ],
)
def test_smart_quotes_change_no_judgement(name: str, tmp_path: Path) -> None:
    straight = render_json(_report(SAMPLES / name))
    curly = render_json(_report(_curly(name, tmp_path)))
    assert "\u2019" in curly
    assert curly.replace("\u2019", "'").replace(str(tmp_path / name), str(SAMPLES / name)) == (
        straight
    )


def test_quotes_keep_the_smart_quotes_of_the_file(tmp_path: Path) -> None:
    report = _report(_curly("nurse-panel-interview.txt", tmp_path))
    analysis = report.analysis
    turns = analysis.transcript.turns
    quotes = [(e.turn, e.quote) for c in report.criteria for e in c.evidence]
    quotes += [(m.turn, m.text) for m in analysis.markers]
    quotes += [(q.turn, q.text) for q in analysis.questions]
    assert any("\u2019" in quote for _, quote in quotes)
    for turn, quote in quotes:
        assert quote in turns[turn].text, quote
    # a cue read on the straightened text is shown with the file's apostrophes
    cues = [c for q in analysis.questions for c in (q.form_cue, q.intent_cue)]
    assert any("\u2019" in cue for cue in cues)
    assert not any("'" in cue for cue in cues)


def test_straighten_keeps_every_offset() -> None:
    text = "I’m sure it’s ‘fine’, isn’t it?"
    assert straighten(text) == "I'm sure it's 'fine', isn't it?"
    assert len(straighten(text)) == len(text)
    assert plain("Don’t") == "don't"


@pytest.mark.parametrize(
    "name",
    [
        "nurse-panel-interview.txt",  # think_aloud 78.9 -> 70.9 in ALL CAPS before
        "sales-manager-interview.txt",  # 16 questions found of 18, 7 read otherwise, before
        "named-speakers.txt",
    ],
)
def test_all_caps_changes_no_judgement(name: str, tmp_path: Path) -> None:
    shouted = tmp_path / name
    shouted.write_text((SAMPLES / name).read_text(encoding="utf-8").upper())
    report = _report(shouted)
    assert _judgements(report) == _judgements(_report(SAMPLES / name))
    turns = report.analysis.transcript.turns
    for criterion in report.criteria:
        for evidence in criterion.evidence:
            assert evidence.quote in turns[evidence.turn].text  # in capitals, as the file has it


def test_readable_lowers_only_text_without_lower_case() -> None:
    assert readable("I’M NOT SURE, UM, LET’S SEE.") == "i'm not sure, um, let's see."
    assert readable("I think NASA uses it.") == "I think NASA uses it."
    assert readable("OK.") == "ok."
    assert readable("42?") == "42?"
    text = "İSTANBUL"  # lowercases to more characters: kept as it is
    assert len(readable(text)) == len(text)
