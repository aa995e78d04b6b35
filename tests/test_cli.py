"""The command line, end to end: exit codes, what goes to stdout and the one
line that goes to stderr.

Contracts (docs/DESIGN): exit 0 ok; 1 analysis ran but ``--fail-under`` was
not met; 2 bad input or usage, with one line on stderr naming the file (and
the line/column where known) and no traceback unless ``--debug``.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml

from transcript_tool import __version__
from transcript_tool.cli import main
from transcript_tool.errors import InputError
from transcript_tool.render.terminal import render_terminal

REPO = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p.name for p in (REPO / "samples").iterdir())
NAMED = "named-speakers.txt"
ANSI = "\x1b["

REPORT_KEYS = {"schema", "transcript", "questions", "criteria", "overall"}
TRANSCRIPT_KEYS = {"schema", "id", "format", "speakers", "turns"}
SPEAKER_KEYS = {"id", "name", "role"}
TURN_KEYS = {"index", "speaker", "role", "text", "start", "end", "confidence"}
QUESTION_KEYS = {"turn", "text", "form", "intent", "answered", "answer_turns", "missing"}
CRITERION_KEYS = {"id", "score", "band", "feedback", "evidence"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, so samples/<name> is a valid relative path."""
    monkeypatch.chdir(REPO)
    return REPO


# ------------------------------------------------------------------------ report


def test_report_prints_header_and_tables(capsys: pytest.CaptureFixture[str], in_repo: Path) -> None:
    code, out, err = run(capsys, "report", "samples/behavioral-interview.txt")
    assert (code, err) == (0, "")
    lines = [line.rstrip() for line in out.splitlines()]
    words = len(Path("samples/behavioral-interview.txt").read_text().split()) - 20  # labels
    assert lines[0] == "Interview report: samples/behavioral-interview.txt"
    assert lines[1] == f"format text · 20 turns · {words:,} words"  # 1,503
    assert lines[2] == (
        "speakers: Interviewer (Ruth) = interviewer [label]; Candidate (Jordan) = candidate [label]"
    )
    assert re.search(r"^Overall: \d{1,3}/100   rubric default 1\.0$", out, re.MULTILINE)
    for heading in (
        "Criteria",
        "Questions asked by the interviewer",
        "Questions asked by the candidate",
        "To improve",
    ):
        assert heading in lines, heading
    assert re.search(r"Criterion\s+Score\s+Band\s+Feedback", out)
    assert re.search(r"#\s+Turn\s+Question\s+Form\s+Intent\s+Answered", out)
    for title in ("Concise answers", "Thinking out loud", "Answered the question"):
        assert title in out
    assert "Have you ever managed a budget?" in out
    assert "at the end of the day" in out  # the repeated phrase, quoted


def test_report_json_has_the_contract_keys(
    capsys: pytest.CaptureFixture[str], in_repo: Path
) -> None:
    code, out, err = run(capsys, "report", "samples/truncated-screen.txt", "--format", "json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report.keys() >= REPORT_KEYS
    assert report["schema"] == "transcript-tool/report@1"
    transcript = report["transcript"]
    assert transcript.keys() >= TRANSCRIPT_KEYS
    assert transcript["schema"] == "transcript-tool/transcript@1"
    assert transcript["id"] == "5d0c7e2a-8b41-4f6e-9a3c-2b7d1e0f9a64"
    assert all(s.keys() >= SPEAKER_KEYS for s in transcript["speakers"])
    assert all(t.keys() >= TURN_KEYS for t in transcript["turns"])
    assert report["questions"]
    assert all(q.keys() >= QUESTION_KEYS for q in report["questions"])
    assert [c["id"] for c in report["criteria"]] == [
        "conciseness",
        "think_aloud",
        "answered_question",
    ]
    assert all(c.keys() >= CRITERION_KEYS for c in report["criteria"])
    assert all({"turn", "quote"} <= e.keys() for c in report["criteria"] for e in c["evidence"])
    assert 0 <= report["overall"] <= 100


def test_report_from_stdin_equals_report_from_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, in_repo: Path
) -> None:
    path = "samples/behavioral-interview.txt"
    code, from_file, _ = run(capsys, "report", path, "--format", "json")
    assert code == 0
    set_stdin(monkeypatch, Path(path).read_bytes())
    code, from_stdin, err = run(capsys, "report", "-", "--format", "json")
    assert (code, err) == (0, "")
    expected = json.loads(from_file)
    assert expected["transcript"]["source"] == path
    expected["transcript"]["source"] = "-"
    assert json.loads(from_stdin) == expected


def test_empty_stdin_is_bad_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    set_stdin(monkeypatch, b"")
    assert run(capsys, "report", "-") == (
        2,
        "",
        "transcript-tool: error: standard input: the transcript is empty (is it the right file?)\n",
    )


@pytest.mark.parametrize(
    ("output_format", "header"),
    [
        ("terminal", "Interview report: standard input\n"),
        ("markdown", "\nstandard input · read as text · "),
        ("html", "<title>Interview report: standard input</title>"),
    ],
)
def test_reports_of_stdin_name_it_standard_input(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    output_format: str,
    header: str,
) -> None:
    # "-" is what the user typed, not what to call the input in a report
    set_stdin(monkeypatch, b"Interviewer: Why this role?\n\nCandidate: Because I like it.\n")
    code, out, _ = run(capsys, "report", "-", "--format", output_format)
    assert code == 0
    assert header in out


# ----------------------------------------------------------------------- segment


def test_segment_json_is_a_transcript(capsys: pytest.CaptureFixture[str], in_repo: Path) -> None:
    code, out, err = run(capsys, "segment", "samples/ml-case-interview.txt", "--format", "json")
    assert (code, err) == (0, "")
    transcript = json.loads(out)
    assert transcript.keys() >= TRANSCRIPT_KEYS
    assert transcript["schema"] == "transcript-tool/transcript@1"
    assert transcript["format"] == "text"
    assert [(s["id"], s["role"]) for s in transcript["speakers"]] == [
        ("Interviewer", "interviewer"),
        ("Candidate", "candidate"),
    ]
    turns = transcript["turns"]
    assert all(t.keys() >= TURN_KEYS for t in turns)
    assert [t["index"] for t in turns] == list(range(24))
    # "Interviewer (00:00:04): ..." and "Candidate (00:00:18): ..."
    assert [(t["speaker"], t["start"]) for t in turns[:2]] == [
        ("Interviewer", 4.0),
        ("Candidate", 18.0),
    ]
    assert turns[0]["text"].startswith("Hi Amara, thanks for joining.")


def test_segment_text_prints_one_line_per_turn(
    capsys: pytest.CaptureFixture[str], in_repo: Path
) -> None:
    path = "samples/behavioral-interview.txt"
    code, as_json, _ = run(capsys, "segment", path, "--format", "json")
    assert code == 0
    turns = json.loads(as_json)["turns"]
    code, out, err = run(capsys, "segment", path)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"[{t['index']}] {t['speaker']} ({t['role']}): {t['text']}" for t in turns
    ]
    assert out.splitlines()[0] == (
        "[0] Interviewer (interviewer): Hi Jordan, thanks for joining. How are you doing today?"
    )


def test_segment_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    set_stdin(monkeypatch, b"Interviewer: Why this role?\n\nCandidate: Because I like it.\n")
    assert run(capsys, "segment", "-") == (
        0,
        "[0] Interviewer (interviewer): Why this role?\n"
        "[1] Candidate (candidate): Because I like it.\n",
        "",
    )


def test_interviewer_repeated_names_each_of_a_panel(
    capsys: pytest.CaptureFixture[str], in_repo: Path
) -> None:
    # given twice, the option used to keep only the last name, silently
    code, out, _ = run(
        capsys,
        "segment",
        "samples/nurse-panel-interview.txt",
        "--interviewer",
        "Dr. Okafor",
        "--interviewer",
        "janet wu",
        "--format",
        "json",
    )
    speakers = {s["id"]: (s["role"], s["role_source"]) for s in json.loads(out)["speakers"]}
    assert (code, speakers["Dr. Okafor"], speakers["Janet Wu"]) == (
        0,
        ("interviewer", "option"),
        ("interviewer", "option"),
    )
    assert speakers["Luis"][0] == "candidate"


@pytest.mark.parametrize("command", ["report", "segment"])
def test_the_speaker_options_show_what_they_take(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # as lists (repeatable), typer showed them as "<list[str]>"
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    flat = " ".join(out.split())
    assert "--interviewer NAME" in flat and "--candidate NAME" in flat
    assert "list[" not in flat


@pytest.mark.parametrize(
    "command",
    [("report",), ("segment",), ("batch",), ("calibrate",), ("rubric", "init")],
    ids=" ".join,
)
def test_every_option_says_what_it_takes(
    capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    # typer writes a value's type ("--rubric <str>", "--width <int range>"),
    # which tells a user nothing a name or a file would
    code, out, _ = run(capsys, *command, "--help")
    assert code == 0
    options = [line.split() for line in out.splitlines() if line.lstrip().startswith("-")]
    shown = {words[0] if words[0].startswith("--") else words[1]: words for words in options}
    bare = [
        name
        for name, words in shown.items()
        if any(w in ("<str>", "<int>") or w.startswith("<int") for w in words)
    ]
    assert bare == [], bare


# -------------------------------------------------------------------- bad input

BROKEN_RUBRIC = """\
name: broken
criteria:
  - id: c1
    metric: opn_q
    bands:
      - band: ok
        feedback: fine
"""

TWO_PROBLEMS_RUBRIC = BROKEN_RUBRIC.replace("    bands:", "    weight: -1\n    bands:")


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory of bad inputs (and one good sample), made the current directory."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\n\n   \n")
    (tmp_path / "latin1.txt").write_bytes(b"Interviewer: Hello.\nCandidate: caf\xe9 ok\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "adir").mkdir()
    (tmp_path / "broken.yaml").write_text(BROKEN_RUBRIC, encoding="utf-8")
    (tmp_path / "two.yaml").write_text(TWO_PROBLEMS_RUBRIC, encoding="utf-8")
    shutil.copy(REPO / "samples" / NAMED, tmp_path / NAMED)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_hints_for_unlabeled_text_warn_when_the_file_has_labels(
    capsys: pytest.CaptureFixture[str], in_repo: Path
) -> None:
    """--speakers and --interviewer-first shape only the segmenter's turns: on
    a labeled file they change nothing, and stderr says so."""
    plain = run(capsys, "segment", f"samples/{NAMED}")
    code, out, err = run(capsys, "segment", f"samples/{NAMED}", "--speakers", "3")
    assert (code, out) == (0, plain[1])
    assert err == (
        f"transcript-tool: warning: --speakers 3 not used: samples/{NAMED} has speaker "
        "labels (it is for text with none)\n"
    )
    argv = ("report", f"samples/{NAMED}", "--speakers", "4", "--interviewer-first")
    code, _, err = run(capsys, *argv)
    assert code == 0
    assert err == (
        "transcript-tool: warning: --speakers 4 and --interviewer-first not used: "
        f"samples/{NAMED} has speaker labels (they are for text with none)\n"
    )
    # on a caption they shape the turns, and nothing is said
    code, _, err = run(capsys, "segment", "samples/raw-caption.srt", "--speakers", "3")
    assert (code, err) == (0, "")


E = "transcript-tool: error: "
# (argv, the one stderr line: a str to match exactly, or a pattern for the whole line)
BAD_INPUT = [
    pytest.param(
        ["report", "nope.txt"],
        E + "nope.txt: no such file (check the name and the current folder)",
        id="missing file",
    ),
    pytest.param(
        ["segment", "nope.txt"],
        E + "nope.txt: no such file (check the name and the current folder)",
        id="segment missing",
    ),
    pytest.param(
        ["report", "adir"],
        E + "adir: is a directory, not a transcript file (to score every transcript in a "
        "folder, use: transcript-tool batch FOLDER --out results.csv)",
        id="directory",
    ),
    pytest.param(
        ["report", "empty.txt"],
        E + "empty.txt: the transcript is empty (is it the right file?)",
        id="empty file",
    ),
    pytest.param(
        ["report", "blank.txt"],
        E + "blank.txt: the transcript is empty (is it the right file?)",
        id="whitespace only",
    ),
    pytest.param(
        ["report", "latin1.txt"],
        E + "latin1.txt:2:15: not valid UTF-8 (byte 0xe9); pass --encoding (for example cp1252)",
        id="invalid utf-8",
    ),
    pytest.param(
        ["report", "image.png"],
        E + "image.png: this is a PNG image, not a text transcript; pass the transcript as text",
        id="binary file",
    ),
    pytest.param(
        ["report", NAMED, "--model", "en_no_such_pipeline"],
        E + "cannot load spaCy pipeline 'en_no_such_pipeline': it is not installed "
        "(try: python -m spacy download en_no_such_pipeline)",
        id="model not installed",
    ),
    pytest.param(
        ["report", NAMED, "--input-format", "xml"],
        re.compile(re.escape(E + "unknown input format 'xml'; available: ") + r".*\btext\b.*"),
        id="unknown input format",
    ),
    pytest.param(
        ["report", NAMED, "--encoding", "nope"],
        E + "unknown encoding 'nope'",
        id="unknown encoding",
    ),
    pytest.param(
        ["report", NAMED, "--rubric", "nosuch"],
        re.compile(
            re.escape(E + "unknown rubric 'nosuch'; built-in rubrics: ")
            + r".*\bdefault\b.* \(or give a path to a \.yaml file\)"
        ),
        id="unknown rubric",
    ),
    pytest.param(
        ["report", NAMED, "--rubric", "defualt"],
        re.compile(re.escape(E + "unknown rubric 'defualt' (did you mean 'default'?); ") + ".*"),
        id="misspelt rubric",
    ),
    pytest.param(
        ["report", NAMED, "--rubric", "nothere.yaml"],
        E + "rubric file not found: 'nothere.yaml'",
        id="missing rubric file",
    ),
    pytest.param(
        ["report", NAMED, "--rubric", "broken.yaml"],
        re.compile(
            re.escape(
                E
                + "broken.yaml:4:13: [criteria -> 0 -> metric] unknown metric 'opn_q'; available: "
            )
            + r".*\bconciseness\b.*"
        ),
        id="rubric with an error",
    ),
    pytest.param(
        ["report", NAMED, "--rubric", "two.yaml"],
        re.compile(
            re.escape(E + "2 problems: two.yaml:4:13: [criteria -> 0 -> metric] unknown metric")
            + r".*; two\.yaml:5:13: \[criteria -> 0 -> weight\] must be at least 0, got -1"
        ),
        id="rubric with two errors",
    ),
    pytest.param(
        ["report", NAMED, "--fail-under", "150"],
        E + "Invalid value for --fail-under: must be between 0 and 100 (see --help)",
        id="fail-under 150",
    ),
    pytest.param(
        ["report", NAMED, "--interviewer", "Nobody"],
        E + f"no speaker called 'Nobody' in {NAMED}; speakers: Priya, Daniel",
        id="unknown interviewer",
    ),
    pytest.param(
        ["report", NAMED, "--bogus"],
        E + "No such option: --bogus (see --help)",
        id="unknown option",
    ),
    pytest.param(
        ["report", NAMED, "--format", "xml"],
        re.compile(re.escape(E) + r".*'xml'.*"),
        id="unknown output format",
    ),
    pytest.param(
        ["report"],
        re.compile(re.escape(E) + r"Missing (argument|parameter).*"),
        id="no file",
    ),
    pytest.param(
        ["report", NAMED, "--width", "10"],
        re.compile(re.escape(E) + r".*--width.*"),
        id="width below 40",
    ),
    pytest.param(
        ["report", NAMED, "--interviewer", "Priya", "--candidate", "Priya"],
        re.compile(re.escape(E) + r".*Priya.*"),
        id="one speaker given both roles",
    ),
]


@pytest.mark.parametrize(("argv", "message"), BAD_INPUT)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    workdir: Path,
    argv: list[str],
    message: str | re.Pattern[str],
) -> None:
    code, out, err = run(capsys, *argv)
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    if isinstance(message, str):
        assert lines[0] == message
    else:
        assert message.fullmatch(lines[0]), lines[0]
    assert (code, out) == (2, "")


def test_debug_shows_the_error_itself(workdir: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        main(["report", "nope.txt", "--debug"])


def test_no_arguments_shows_usage_not_an_internal_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys)
    assert "internal error" not in err
    assert "Usage: transcript-tool" in out + err
    assert code in (0, 2)


# ------------------------------------------------------------------- fail-under


def test_fail_under(capsys: pytest.CaptureFixture[str], in_repo: Path) -> None:
    path = f"samples/{NAMED}"
    code, out, _ = run(capsys, "report", path, "--format", "json")
    assert code == 0
    overall = json.loads(out)["overall"]
    assert 0 < overall < 100

    code, out, err = run(capsys, "report", path, "--format", "json", "--fail-under", str(overall))
    assert (code, err) == (0, "")
    assert json.loads(out)["overall"] == overall

    above = round(overall + 0.1, 1)
    code, out, err = run(capsys, "report", path, "--format", "json", "--fail-under", str(above))
    assert code == 1
    assert err == f"transcript-tool: overall score {overall:g} is below --fail-under {above:g}\n"
    assert json.loads(out)["overall"] == overall  # the report is still printed

    code, out, err = run(capsys, "report", path, "--fail-under", "0")
    assert (code, err) == (0, "")


def test_fail_under_a_named_criterion(capsys: pytest.CaptureFixture[str], in_repo: Path) -> None:
    path = f"samples/{NAMED}"
    code, out, _ = run(capsys, "report", path, "--format", "json")
    scores = {c["id"]: c["score"] for c in json.loads(out)["criteria"]}
    low = min(scores, key=lambda k: scores[k])
    limit = scores[low] + 1
    code, out, err = run(
        capsys,
        "report",
        path,
        "-f",
        "json",
        "--fail-under",
        "0",
        "--fail-under",
        f"{low}={limit:g}",
    )
    assert code == 1
    assert err == (
        f"transcript-tool: criterion {low!r} score {scores[low]:g} is below "
        f"--fail-under {low}={limit:g}\n"
    )
    code, _, err = run(capsys, "report", path, "--fail-under", f"{low}={scores[low]:g}")
    assert (code, err) == (0, "")


def test_fail_under_an_unscored_score_says_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A score that could not be computed fails any threshold, and the line
    says so and why (it read "overall score not scored is below ...")."""
    path = tmp_path / "backchannels.txt"
    path.write_text("Interviewer: Okay.\nCandidate: Yeah.\n", encoding="utf-8")
    code, _, err = run(
        capsys, "report", str(path), "--fail-under", "50", "--fail-under", "conciseness=0"
    )
    assert code == 1
    assert err == (
        "transcript-tool: no overall score (no criterion could be scored), so --fail-under 50 "
        "is not met\ntranscript-tool: criterion 'conciseness' was not scored (the candidate "
        "answered no interviewer question), so --fail-under conciseness=0 is not met\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--fail-under", "concise=50"],
            "--fail-under names no criterion of the rubric: 'concise' (did you mean "
            "'conciseness'?); criteria: conciseness, think_aloud, answered_question",
        ),
        (
            ["--fail-under", "conciseness=lots"],
            "Invalid value for --fail-under: expected N or CRITERION=N with N a number from 0 "
            "to 100, got 'conciseness=lots' (see --help)",
        ),
    ],
)
def test_fail_under_mistakes(
    capsys: pytest.CaptureFixture[str], in_repo: Path, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "report", f"samples/{NAMED}", *argv)
    assert (code, out, err) == (2, "", E + message + "\n")


# ---------------------------------------------------------------------- rubric


def test_rubric_list_shows_the_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "rubric", "list")
    assert (code, err) == (0, "")
    names = [line.split()[0] for line in out.splitlines() if not line.startswith(" ")]
    assert names == ["behavioral", "default", "interviewer", "ml-design"]
    # a description longer than a line goes on under itself, not past 88 columns
    assert max(len(line) for line in out.splitlines()) <= 88
    column = out.index("For behavioral interviews")
    assert "\n" + " " * column + "situation, the task" in out


def test_a_rubric_of_one_criterion_is_counted_in_the_singular(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from transcript_tool.render.rubric import render_rubric_list
    from transcript_tool.rubric import load_rubric

    path = tmp_path / "brief.yaml"
    path.write_text(
        "name: brief\nversion: '2'\nextends: default\ndescription: Only brevity.\n"
        "criteria:\n  - id: think_aloud\n    disabled: true\n"
        "  - id: answered_question\n    disabled: true\n",
        encoding="utf-8",
    )
    assert render_rubric_list([load_rubric(str(path))]) == (
        "brief  2      1 criterion  Only brevity\n"
    )
    assert run(capsys, "rubric", "validate", str(path)) == (
        0,
        f"{path}: ok (brief 2, 1 criterion)\n",
        "",
    )


@pytest.mark.parametrize("name", ["default", "behavioral", "ml-design", "interviewer"])
def test_rubric_show_and_metrics_fit_88_columns(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Long concept lists, scopes and param descriptions are wrapped with a
    hanging indent, as the description and feedback already were."""
    for argv in (("rubric", "show", name), ("rubric", "metrics")):
        code, out, _ = run(capsys, *argv)
        assert code == 0
        assert max(len(line) for line in out.splitlines()) <= 88, argv


def test_rubric_show_merges_extends(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "rubric", "show", "behavioral")
    assert (code, err) == (0, "")
    assert "extends: default" in out
    assert "max_words=200," in out  # the override
    assert "max_seconds=120.0 (default)" in out
    assert "star_structure: STAR structure" in out
    assert "think_aloud" not in out  # disabled
    code, out, _ = run(capsys, "rubric", "show", "behavioral", "--format", "yaml")
    assert code == 0
    data = yaml.safe_load(out)
    assert "extends" not in data
    assert [c["id"] for c in data["criteria"]][:2] == ["conciseness", "star_structure"]


def test_rubric_show_yaml_round_trips(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from transcript_tool.rubric import load_rubric

    for name in ("behavioral", "ml-design", "interviewer"):
        code, out, _ = run(capsys, "rubric", "show", name, "--format", "yaml")
        assert code == 0
        path = tmp_path / f"{name}.yaml"
        path.write_text(out, encoding="utf-8")
        flat, original = load_rubric(str(path)), load_rubric(name)
        assert [(c.id, c.metric, c.params, c.weight, c.bands, c.scope) for c in flat.criteria] == [
            (c.id, c.metric, c.params, c.weight, c.bands, c.scope) for c in original.criteria
        ]
        assert flat.concepts == original.concepts


def test_rubric_init_starts_a_valid_rubric(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "rubric", "init", "--from", "behavioral", "--name", "mine")
    assert (code, err) == (0, "")
    assert out.startswith("# Started from the rubric 'behavioral'")
    path = tmp_path / "mine.yaml"
    path.write_text(out, encoding="utf-8")
    code, out, err = run(capsys, "rubric", "validate", str(path))
    assert (code, err) == (0, "")
    assert out == f"{path}: ok (mine 1.0, 4 criteria)\n"


def test_rubric_validate_lists_every_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "name: bad\ncriteria:\n  - id: c\n    metric: concisenes\n    weight: heavy\n"
        "    bands: [{band: a, feedback: b}]\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "rubric", "validate", "default", str(bad))
    assert code == 2
    assert out == "default: ok (default 1.0, 3 criteria)\n"
    lines = err.splitlines()
    assert lines[0].startswith(f"{bad}:4:13: [criteria -> 0 -> metric] unknown metric")
    assert (
        lines[1] == f"{bad}:5:13: [criteria -> 0 -> weight] expected a number, got string 'heavy'"
    )


def test_rubric_metrics_lists_every_metric(capsys: pytest.CaptureFixture[str]) -> None:
    from transcript_tool.metrics import METRICS

    code, out, err = run(capsys, "rubric", "metrics")
    assert (code, err) == (0, "")
    listed = [line.split()[0] for line in out.splitlines() if line and not line[0].isspace()]
    assert listed == sorted(METRICS)


# --------------------------------------------------------------- help and version


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"transcript-tool {__version__}\n", "")


def test_python_m_help_lists_the_commands() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "transcript_tool", "--help"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("Usage: transcript-tool ")
    commands = re.findall(r"^  (\w+)  ", result.stdout, re.MULTILINE)
    assert {"report", "segment"} <= set(commands)


def test_help_does_not_import_spacy_or_pandas() -> None:
    code = (
        "import sys; from transcript_tool.cli import main; rc = main(['--help']); "
        "print('spacy' in sys.modules, 'pandas' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False False"


# ------------------------------------------------------------------------ colour


@pytest.fixture
def colour_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize(
    ("tty", "no_color", "coloured"),
    [(False, False, False), (False, True, False), (True, True, False), (True, False, True)],
    ids=["pipe", "pipe NO_COLOR", "tty NO_COLOR", "tty"],
)
def test_terminal_colour_only_on_a_tty_without_no_color(
    capsys: pytest.CaptureFixture[str],
    colour_env: pytest.MonkeyPatch,
    in_repo: Path,
    tty: bool,
    no_color: bool,
    coloured: bool,
) -> None:
    if no_color:
        colour_env.setenv("NO_COLOR", "1")
    colour_env.setattr(sys.stdout, "isatty", lambda: tty)
    code, out, _ = run(capsys, "report", "samples/generic-speakers.md")
    assert code == 0
    assert "Overall: " in out
    assert (ANSI in out) is coloured


def test_render_terminal_colour_flag(colour_env: pytest.MonkeyPatch, sample_report: Any) -> None:
    report = sample_report("truncated-screen.txt")
    assert ANSI in render_terminal(report, color=True)
    assert ANSI not in render_terminal(report, color=False)


# ------------------------------------------------------------------- determinism


HASH_SEEDS = ("1", "2")


def _json_in_subprocess(sample: str, hash_seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "transcript_tool",
            "report",
            f"samples/{sample}",
            "--format",
            "json",
        ],
        capture_output=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


@pytest.fixture(scope="module")
def json_runs() -> dict[tuple[str, str], bytes]:
    """Every sample's JSON report from separate processes, once per hash seed."""
    runs = [(sample, seed) for sample in SAMPLES for seed in HASH_SEEDS]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        outputs = pool.map(lambda run: _json_in_subprocess(*run), runs)
        return dict(zip(runs, outputs, strict=True))


@pytest.mark.parametrize("sample", SAMPLES)
def test_json_is_byte_identical_across_processes_and_hash_seeds(
    json_runs: dict[tuple[str, str], bytes], sample: str
) -> None:
    first, second = (json_runs[sample, seed] for seed in HASH_SEEDS)
    assert json.loads(first)["transcript"]["source"] == f"samples/{sample}"
    assert first == second, f"PYTHONHASHSEED={HASH_SEEDS[0]} and {HASH_SEEDS[1]} differ"
