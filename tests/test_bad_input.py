"""Bad input, catalogued (issue 9): one row per case, run on the command line.

Every row runs ``transcript-tool`` in a fresh folder holding the row's files
and asserts the exit code and, for bad input, the exact one line on stderr
(naming the file, and the line and column where known, and saying what to
do), that nothing went to stdout and that there is no traceback. For input
that is odd but good (one speaker, only questions, a huge label) the row
asserts exit 0 and a sane result. Every row asserts that no file was written
or changed in the folder: nothing half written, nothing executed.

The limits the rows meet are documented in ``transcript_tool/readers/limits.py``
and docs/design.md ("Bad input (issue 9)").
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pdfmake import pdf

from transcript_tool.cli import main
from transcript_tool.errors import InputError
from transcript_tool.metrics import METRICS
from transcript_tool.readers.limits import (
    DEFAULT_MAX_SEGMENTS,
    DEFAULT_MAX_WORDS,
    MAX_INPUT_ENV,
    MAX_SEGMENTS_ENV,
    MAX_WORDS_ENV,
    read_input,
)

E = "transcript-tool: error: "
GOOD = (
    "Interviewer: Thanks for coming in. Tell me about a project you led.\n"
    "Candidate: Last spring I led the migration of our billing service to a new database.\n"
    "Interviewer: What was the hardest part?\n"
    "Candidate: Keeping both systems in sync while we moved the traffic over.\n"
)
LONG_NAME = "n" * 300 + ".txt"  # file systems allow 255 bytes a name
BINARY_HINT = (
    "if it is UTF-16 text without a byte-order mark, pass --encoding utf-16-le or utf-16-be"
)
CRITERION = (
    "criteria:\n  - id: c\n    metric: conciseness\n    bands: [{band: ok, feedback: fine}]\n"
)


@dataclass(frozen=True)
class Case:
    """One row: the command, the files it runs on, what must come out.

    ``files`` maps names to contents (bytes, text, or a function that makes
    the file at the given path). ``message`` is the stderr line after
    "transcript-tool: error: "; a good input has none, exits 0 and ``check``
    gets its stdout.
    """

    argv: tuple[str, ...]
    files: dict[str, bytes | str | Callable[[Path], None]] = field(default_factory=dict)
    code: int = 2
    message: str | None = None
    env: dict[str, str] = field(default_factory=dict)
    stdin: bytes | None = None
    check: Callable[[str], None] | None = None
    denied: tuple[str, int] | None = None
    """(a path, os.R_OK or os.W_OK) the row needs to be refused: when this
    user may still (root may read and write anything) the row is skipped."""


# ------------------------------------------------------------------- building files


def directory(path: Path) -> None:
    path.mkdir()


def sparse(size: int) -> Callable[[Path], None]:
    """A file of ``size`` bytes that takes no room on disk (its size is real)."""

    def make(path: Path) -> None:
        with path.open("wb") as file:
            file.truncate(size)

    return make


def unreadable(path: Path) -> None:
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)


def read_only_folder(path: Path) -> None:
    path.mkdir()
    path.chmod(0o555)


def zip_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("interview.txt", GOOD)
    return buffer.getvalue()


def million_segments() -> str:
    return "[" + ",".join(['{"speaker":"A","text":"yes"}'] * 1_000_000) + "]"


def alias_bomb() -> str:
    """Six anchors, each ten aliases of the one before: 10**6 strings when expanded."""
    anchors = ["&a [" + ", ".join(["x"] * 10) + "]"]
    for level in range(1, 6):
        alias = "*" + chr(96 + level)
        anchors.append(f"&{chr(97 + level)} [" + ", ".join([alias] * 10) + "]")
    return ", ".join(anchors)


def rubric(body: str) -> str:
    return f"name: r\n{body}"


# ------------------------------------------------------------------- good results


def report_of(out: str) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(out)
    assert report["schema"] == "transcript-tool/report@1"
    for criterion in report["criteria"]:
        assert criterion["score"] is None or 0 <= criterion["score"] <= 100
        assert criterion["score"] is not None or criterion["reason"]
    return report


def scored(out: str) -> None:
    assert report_of(out)["transcript"]["turns"]


def long_label_kept(out: str) -> None:
    report = report_of(out)
    speakers = [s["id"] for s in report["transcript"]["speakers"]]
    assert speakers == ["A" * 10_000, "Candidate"]
    assert [t["text"] for t in report["transcript"]["turns"]] == [
        "Tell me about yourself?",
        "I build things.",
    ]


def one_long_word(out: str) -> None:
    transcript = json.loads(out)
    assert [t["text"] for t in transcript["turns"]] == ["x" * 1_048_576]


def one_speaker(out: str) -> None:
    report = report_of(out)
    assert [s["id"] for s in report["transcript"]["speakers"]] == ["Interviewer"]
    assert len(report["questions"]) == 2
    assert all(q["answered"] == "no" for q in report["questions"])


def only_questions(out: str) -> None:
    report = report_of(out)
    assert len(report["transcript"]["turns"]) == 4
    assert len(report["questions"]) >= 2


# ------------------------------------------------------------------- the catalogue


CASES = [
    pytest.param(
        Case(
            ("report", "empty.txt"),
            {"empty.txt": ""},
            2,
            "empty.txt: the transcript is empty (is it the right file?)",
        ),
        id="empty file",
    ),
    pytest.param(
        Case(
            ("report", "blank.txt"),
            {"blank.txt": "  \n\t\n   \n"},
            2,
            "blank.txt: the transcript is empty (is it the right file?)",
        ),
        id="whitespace only",
    ),
    pytest.param(
        Case(
            ("report", "adir"),
            {"adir": directory},
            2,
            "adir: is a directory, not a transcript file (to score every transcript in a "
            "folder, use: transcript-tool batch FOLDER --out results.csv)",
        ),
        id="a directory",
    ),
    pytest.param(
        Case(
            ("report", "nope.txt"),
            {},
            2,
            "nope.txt: no such file (check the name and the current folder)",
        ),
        id="missing file",
    ),
    pytest.param(
        Case(
            ("report", "locked.txt"),
            {"locked.txt": unreadable},
            2,
            "locked.txt: permission denied (check that this user may read the file)",
            denied=("locked.txt", os.R_OK),
        ),
        id="no read permission",
    ),
    pytest.param(
        Case(
            ("report", "cv.pdf"),
            {"cv.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\n"},
            2,
            "cv.pdf: not a readable PDF (PDFium: Data format error); export the transcript "
            "as text and pass that",
        ),
        id="damaged PDF",
    ),
    pytest.param(
        Case(
            ("report", "scan.pdf"),
            {"scan.pdf": pdf([[]])},
            2,
            "scan.pdf: this PDF has no text to read (a scanned image?); run it through OCR, "
            "or export the transcript as text, and pass that",
        ),
        id="PDF without text",
    ),
    pytest.param(
        Case(
            ("report", "shot.png"),
            {"shot.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
            2,
            "shot.png: this is a PNG image, not a text transcript; pass the transcript as text",
        ),
        id="binary: PNG",
    ),
    pytest.param(
        Case(
            ("report", "call.zip"),
            {"call.zip": zip_archive()},
            2,
            "call.zip: this is a ZIP archive (or a .xlsx/.pptx), not a text transcript; unzip "
            "it, or save or export its text as a .txt file and pass that",
        ),
        id="binary: zip",
    ),
    pytest.param(
        Case(
            ("report", "huge.txt"),
            {"huge.txt": sparse(200_000_000)},
            2,
            f"huge.txt: the file is 200.0 MB, over the 100 MB limit for one transcript; split "
            f"it, or raise the limit with {MAX_INPUT_ENV}=200",
        ),
        id="200 MB text file",
    ),
    pytest.param(
        Case(
            ("report", "/dev/zero"),
            {},
            2,
            f"/dev/zero: the input goes over the 1 MB limit for one transcript; split it, or "
            f"set {MAX_INPUT_ENV} to more megabytes",
            env={MAX_INPUT_ENV: "1"},
        ),
        id="endless input, read in blocks up to the limit",
    ),
    pytest.param(
        Case(
            ("segment", "-"),
            {},
            2,
            f"standard input: the input goes over the 1 MB limit for one transcript; split it, "
            f"or set {MAX_INPUT_ENV} to more megabytes",
            env={MAX_INPUT_ENV: "1"},
            stdin=GOOD.encode() * 6_000,
        ),
        id="standard input over the limit",
    ),
    pytest.param(
        Case(
            ("report", "munich.txt"),
            {
                "munich.txt": b"Interviewer: Where did you move?\nCandidate: I moved to M\xfcnchen "
                b"in 2019.\n"
            },
            2,
            "munich.txt:2:24: not valid UTF-8 (byte 0xfc); pass --encoding (for example cp1252)",
        ),
        id="invalid UTF-8 in the middle",
    ),
    pytest.param(
        Case(
            ("report", "utf16.txt"),
            {"utf16.txt": GOOD.encode("utf-16-le")},
            2,
            f"utf16.txt: looks like a binary file, not text (NUL byte at offset 1); {BINARY_HINT}",
        ),
        id="UTF-16 without BOM",
    ),
    pytest.param(
        Case(
            ("report", "nul.txt"),
            {"nul.txt": b"Interviewer: Hi\x00there.\nCandidate: Hi.\n"},
            2,
            f"nul.txt: looks like a binary file, not text (NUL byte at offset 15); {BINARY_HINT}",
        ),
        id="NUL byte in the middle",
    ),
    pytest.param(
        Case(
            ("report", "zoom.vtt"),
            {
                "zoom.vtt": "00:00:01.000 --> 00:00:04.000\nInterviewer: Tell me about you.\n\n"
                "00:00:05.000 -> 00:00:08.000\nCandidate: I build things.\n"
            },
            2,
            "zoom.vtt:4: caption text outside any cue (is the timing line above it missing?)",
        ),
        id="VTT without header, a malformed cue",
    ),
    pytest.param(
        Case(
            ("report", "zoom.vtt", "--input-format", "text"),
            {
                "zoom.vtt": "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nInterviewer: Tell me about"
                " you.\n\n00:00:05.000 --> 00:00:08.000\nCandidate: I build things.\n"
            },
            2,
            "zoom.vtt:1: this is a WebVTT caption file, not what --input-format text reads;"
            " read it with --input-format vtt, or leave the format out",
        ),
        id="captions forced as text",
    ),
    pytest.param(
        Case(
            ("report", "call.srt"),
            {
                "call.srt": "1\n00:00:01,000 --> 00:00:04,000\nInterviewer: Tell me about you.\n\n"
                "2\n00:00:05,000 --> 00:00:0x,000\nCandidate: I build things.\n"
            },
            2,
            "call.srt:6: cue 2: malformed timing line '00:00:05,000 --> 00:00:0x,000' "
            "(expected hh:mm:ss,mmm --> hh:mm:ss,mmm)",
        ),
        id="SRT with broken timestamps",
    ),
    pytest.param(
        Case(
            ("report", "hours.vtt"),
            {"hours.vtt": "WEBVTT\n\n" + "9" * 5_000 + ":00:00.000 --> 00:00:01.000\nHi.\n"},
            2,
            "hours.vtt:3: cue 1: malformed timing line '" + "9" * 60 + "'… (5,027 characters) "
            "(expected hh:mm:ss.mmm --> hh:mm:ss.mmm)",
        ),
        id="timestamp out of range (5,000-digit hours)",
    ),
    pytest.param(
        Case(
            ("report", "talk.json"),
            {"talk.json": "42\n"},
            2,
            'talk.json: not a transcript: expected an object with "segments", "utterances" '
            'or "results", or a list of {speaker, text} objects; got a number',
        ),
        id="JSON that is a number",
    ),
    pytest.param(
        Case(
            ("report", "million.json"),
            {"million.json": million_segments()},
            2,
            f"million.json: 1,000,000 segments, more than the {DEFAULT_MAX_SEGMENTS:,} one "
            f"transcript may hold; split the file, or raise the limit with "
            f"{MAX_SEGMENTS_ENV}=1000000",
        ),
        id="JSON with a million segments",
    ),
    pytest.param(
        Case(
            ("report", "lines.txt"),
            {"lines.txt": "A: b\n" * 1_000_000},
            2,
            f"lines.txt: 1,000,000 lines, more than the {4 * DEFAULT_MAX_SEGMENTS:,} one "
            f"transcript may hold; split the file, or raise the limit with "
            f"{MAX_SEGMENTS_ENV}=250000",
        ),
        id="a million short lines (refused before any line is read)",
    ),
    pytest.param(
        Case(
            ("report", "words.txt"),
            {"words.txt": "Interviewer: Go on?\nCandidate: " + "so " * 600_000 + "\n"},
            2,
            f"words.txt: 600,002 words, more than the {DEFAULT_MAX_WORDS:,} one transcript may "
            f"hold (about 55 hours of speech); split the file, or raise the limit with "
            f"{MAX_WORDS_ENV}=600002",
        ),
        id="600,000 words (refused before analysis)",
    ),
    pytest.param(
        Case(
            ("report", "deep.json"),
            {"deep.json": "[" * 100_000 + "]" * 100_000},
            2,
            "deep.json: JSON nested too deeply (no transcript nests its values this deep: is "
            "it the right file?)",
        ),
        id="deeply nested JSON",
    ),
    pytest.param(
        Case(
            ("report", "label.txt", "--format", "json"),
            {"label.txt": "A" * 10_000 + ": Tell me about yourself?\nCandidate: I build things.\n"},
            0,
            check=long_label_kept,
        ),
        id="a speaker label 10,000 characters long",
    ),
    pytest.param(
        Case(
            ("segment", "line.txt", "--format", "json"),
            {"line.txt": "x" * 1_048_576},
            0,
            check=one_long_word,
        ),
        id="a single 1 MB line with no spaces: read",
    ),
    pytest.param(
        Case(
            ("report", "line.txt", "--format", "json"),
            {"line.txt": "x" * 1_048_576},
            0,
            check=scored,
        ),
        id="a single 1 MB line with no spaces: report",
    ),
    pytest.param(
        Case(
            ("report", "solo.txt", "--format", "json"),
            {
                "solo.txt": "Interviewer: Tell me about a project you led.\nInterviewer: And "
                "what went wrong?\n"
            },
            0,
            check=one_speaker,
        ),
        id="only one speaker",
    ),
    pytest.param(
        Case(
            ("report", "asking.txt", "--format", "json"),
            {
                "asking.txt": "Interviewer: What drew you to this role?\nCandidate: Why do you "
                "ask?\nInterviewer: Can you tell me about a project?\nCandidate: Which one do "
                "you mean?\n"
            },
            0,
            check=only_questions,
        ),
        id="only questions",
    ),
    pytest.param(
        Case(
            ("report", "stamps.txt"),
            {"stamps.txt": "[00:00:01]\n[00:00:05]\n[00:00:09]\n"},
            2,
            "stamps.txt: the transcript is empty (is it the right file?)",
        ),
        id="only timestamps",
    ),
    pytest.param(
        Case(
            ("report", "table.csv"),
            {"table.csv": "speaker,text\n"},
            2,
            "table.csv: the transcript is empty (is it the right file?)",
        ),
        id="CSV header only",
    ),
    pytest.param(
        Case(
            ("report", "talk.txt", "--rubric", "evil.yaml"),
            {
                "talk.txt": GOOD,
                "evil.yaml": rubric(
                    'version: !!python/object/apply:os.system ["touch pwned"]\n' + CRITERION
                ),
            },
            2,
            "evil.yaml:2:10: [version] YAML tags are not allowed here: "
            "'!!python/object/apply:os.system'",
        ),
        id="rubric with a !!python/object tag (nothing runs: no 'pwned' file)",
    ),
    pytest.param(
        Case(
            ("report", "talk.txt", "--rubric", "typo.yaml"),
            {"talk.txt": GOOD, "typo.yaml": rubric(CRITERION.replace("conciseness", "opn_q"))},
            2,
            "typo.yaml:4:13: [criteria -> 0 -> metric] unknown metric 'opn_q'; available: "
            + ", ".join(sorted(METRICS)),
        ),
        id="rubric with an unknown metric",
    ),
    pytest.param(
        Case(
            ("report", "order.yaml", "--rubric", "order.yaml"),
            {
                "order.yaml": rubric(
                    "criteria:\n  - id: c\n    metric: conciseness\n    bands:\n"
                    "      - {band: good, min: 50, feedback: fine}\n"
                    "      - {band: great, min: 80, feedback: very fine}\n"
                    "      - {band: weak, feedback: not fine}\n"
                )
            },
            2,
            "order.yaml:7:28: [criteria -> 0 -> bands -> 1 -> min] bands are not ordered: "
            "min 80 follows min 50 (direction higher needs decreasing min)",
        ),
        id="rubric with bands out of order",
    ),
    pytest.param(
        Case(
            ("report", "talk.txt", "--rubric", "regex.yaml"),
            {
                "talk.txt": GOOD,
                "regex.yaml": rubric(
                    "extends: default\nconcepts:\n  - id: evil\n    patterns:\n"
                    '      - [{LOWER: {REGEX: "(a+)+$"}}]\n'
                ),
            },
            2,
            "regex.yaml:6:19: [concepts -> 0 -> patterns -> 0 -> 0 -> LOWER -> REGEX] unknown "
            "predicate 'REGEX'; allowed: IN, NOT_IN (regular expressions can take exponential "
            "time; list the words with IN instead)",
        ),
        id="rubric with a catastrophically backtracking regex",
    ),
    pytest.param(
        Case(
            ("report", "talk.txt", "--rubric", "star.yaml"),
            {
                "talk.txt": GOOD,
                "star.yaml": rubric(
                    "extends: default\nconcepts:\n  - id: evil\n    patterns:\n"
                    '      - [{LOWER: a}, {OP: "*"}, {LOWER: b}]\n'
                ),
            },
            2,
            "star.yaml:6:27: [concepts -> 0 -> patterns -> 0 -> 1 -> OP] unbounded quantifier "
            "'*': matching it takes time that grows with the square of a turn's length or "
            "faster; use a bounded one such as {1,5}",
        ),
        id="rubric pattern with an unbounded quantifier",
    ),
    pytest.param(
        Case(
            ("report", "talk.txt", "--rubric", "ways.yaml"),
            {
                "talk.txt": GOOD,
                "ways.yaml": rubric(
                    "extends: default\nconcepts:\n  - id: evil\n    patterns:\n"
                    '      - [{LOWER: a}, {OP: "{0,9}"}, {OP: "{0,9}"}, {LOWER: b}]\n'
                ),
            },
            2,
            "ways.yaml:6:9: [concepts -> 0 -> patterns -> 0] this pattern can match in 100 ways "
            "from each word (at most 32: the matcher tries every way on every word of every "
            "turn); use fewer optional or repeated tokens",
        ),
        id="rubric pattern that matches in too many ways",
    ),
    pytest.param(
        Case(
            ("report", "talk.txt", "--rubric", "a.yaml"),
            {
                "talk.txt": GOOD,
                "a.yaml": "name: a\nextends: b.yaml\n",
                "b.yaml": "name: b\nextends: a.yaml\n",
            },
            2,
            "b.yaml:2:10: [extends] extends cycle: a.yaml -> b.yaml -> a.yaml",
        ),
        id="rubric extends cycle",
    ),
    pytest.param(
        Case(
            ("report", "talk.txt", "--rubric", "bomb.yaml"),
            {"talk.txt": GOOD, "bomb.yaml": rubric(f"version: [{alias_bomb()}]\n" + CRITERION)},
            2,
            "2 problems: bomb.yaml:2:10: [version] expected a version (a string or number), "
            "got list; bomb.yaml:2:36: [version -> 4 -> 7 -> 8 -> 8 -> 8 -> 7] the document is "
            "too large (aliases expand too far)",
        ),
        id="rubric alias bomb (a billion laughs)",
    ),
    pytest.param(
        Case(
            ("report", "talk.txt", "--rubric", "big.yaml"),
            {"talk.txt": GOOD, "big.yaml": sparse(2_000_000)},
            2,
            "rubric 'big.yaml' is 2.0 MB; a rubric is a few kilobytes (at most 1 MB): "
            "is it the right file?",
        ),
        id="a 2 MB rubric (refused from its size)",
    ),
    pytest.param(
        Case(
            ("report", "talk.txt", "--rubric", "huge.yaml"),
            {
                "talk.txt": GOOD,
                "huge.yaml": "name: r\nnotes: [" + ", ".join(["x"] * 150_000) + "]\n",
            },
            2,
            "huge.yaml:2:299994: the document is too large (more than 100,000 values; a rubric "
            "or a --map file has a few hundred)",
        ),
        id="a rubric of 150,000 values (refused while it is read: it took minutes)",
    ),
    pytest.param(
        Case(
            ("segment", "talk.json"),
            {"talk.json": "[" + ",".join(["1"] * 200) + "]"},
            2,
            "talk.json: 199 commas: more JSON values than a transcript within the 10-word "
            f"limit holds (16 a word); split the file, or raise the limit with {MAX_WORDS_ENV}=13",
            env={MAX_WORDS_ENV: "10"},
        ),
        id="JSON with more values than the word limit needs (refused before parsing)",
    ),
    pytest.param(
        Case(
            ("segment", "talk.json"),
            {"talk.json": "[" + ",".join(["{}"] * 40) + "]"},
            2,
            "talk.json: more than 25 JSON objects: more than a transcript within the limits "
            f"holds (2 a word, 1 a segment); split the file, or raise {MAX_WORDS_ENV} (now 10)",
            env={MAX_WORDS_ENV: "10", MAX_SEGMENTS_ENV: "5"},
        ),
        id="JSON with more objects than the limits need (refused while parsing)",
    ),
    pytest.param(
        Case(
            ("segment", "talk.jsonl"),
            {"talk.jsonl": '{"speaker": "A", "text": "hi"}\n' * 4 + "[" + "{}," * 30 + "{}]\n"},
            2,
            "talk.jsonl:5: more than 25 JSON objects: more than a transcript within the limits "
            f"holds (2 a word, 1 a segment); split the file, or raise {MAX_WORDS_ENV} (now 10)",
            env={MAX_WORDS_ENV: "10", MAX_SEGMENTS_ENV: "5"},
        ),
        id="JSON Lines with more objects than the limits need (the line named)",
    ),
    pytest.param(
        Case(("report", LONG_NAME), {}, 2, f"{LONG_NAME}: cannot read: file name too long"),
        id="a file name too long for the system",
    ),
    pytest.param(
        Case(
            ("report", "talk.txt", "--output", LONG_NAME),
            {"talk.txt": GOOD},
            2,
            f"{LONG_NAME}: file name too long",
        ),
        id="--output with a file name too long for the system",
    ),
    pytest.param(
        Case(("batch", LONG_NAME, "--out", "r.csv"), {}, 2, f"{LONG_NAME}: file name too long"),
        id="batch of a path too long for the system",
    ),
    pytest.param(
        Case(
            ("report", "talk.txt", "--format", "markdown", "--output", "talk.txt"),
            {"talk.txt": GOOD},
            2,
            "--output talk.txt is the input file; it would be overwritten "
            "(choose another output file)",
        ),
        id="--output naming the input file",
    ),
    pytest.param(
        Case(
            ("report", "talk.txt", "--format", "html", "--output", "locked/report.html"),
            {"talk.txt": GOOD, "locked": read_only_folder},
            2,
            "--output locked/report.html: the folder locked is not writable "
            "(choose another --output file, or a folder this user may write to)",
            denied=("locked", os.W_OK),
        ),
        id="--output into a read-only folder",
    ),
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every path under ``root`` with its size and modification time."""
    found = {}
    for path in sorted(root.rglob("*")):
        status = path.lstat()
        found[str(path.relative_to(root))] = (status.st_size, status.st_mtime_ns)
    return found


@pytest.mark.parametrize("case", CASES)
def test_bad_input(
    case: Case,
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, content in case.files.items():
        path = folder / name
        if callable(content):
            content(path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if case.denied and os.access(folder / case.denied[0], case.denied[1]):
        pytest.skip(f"this user (root?) may still use {case.denied[0]} despite its permissions")
    for variable, value in case.env.items():
        monkeypatch.setenv(variable, value)
    if case.stdin is not None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(case.stdin)))
    before = snapshot(folder)

    code = main(list(case.argv))
    out, err = capsys.readouterr()

    assert snapshot(folder) == before, "a file was written or changed"
    assert "Traceback" not in err
    assert code == case.code, err
    if case.code == 0:
        assert err == ""
        assert case.check is not None
        case.check(out)
        return
    assert out == ""
    assert len(err.splitlines()) == 1 and err.endswith("\n"), err
    assert err == E + f"{case.message}\n"


# ------------------------------------------------------------------- beyond the table


def test_permission_denied_names_the_file(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The message for an unreadable file, whoever runs the tests (root reads
    every file, so the table's row is skipped there): open() refuses it."""
    (folder / "locked.txt").write_text(GOOD, encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("transcript_tool.readers.limits.open", refuse, raising=False)
    assert main(["segment", "locked.txt"]) == 2
    assert capsys.readouterr() == (
        "",
        E + "locked.txt: permission denied (check that this user may read the file)\n",
    )


def test_a_200_mb_file_is_refused_without_being_read(tmp_path: Path) -> None:
    """A separate process: its peak memory (VmHWM: ru_maxrss would count the
    test process it was forked from) shows the 200 MB were never read."""
    path = tmp_path / "huge.txt"
    sparse(200_000_000)(path)
    program = (
        "import re\n"
        "from transcript_tool.cli import main\n"
        f"code = main(['segment', {str(path)!r}])\n"
        "status = open('/proc/self/status').read()\n"
        "print(re.search(r'VmHWM:\\s*(\\d+) kB', status)[1], code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120
    )
    peak_kb, code = (int(x) for x in result.stdout.split())
    assert code == 2
    assert result.stderr.endswith(
        "the file is 200.0 MB, over the 100 MB limit for one transcript; split it, or raise "
        f"the limit with {MAX_INPUT_ENV}=200\n"
    )
    assert peak_kb < 100_000, f"peak RSS {peak_kb / 1000:.0f} MB"


def test_a_file_that_grows_while_it_is_read_is_read_on_within_the_limit(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file's size is read before its bytes: one that grew since (a log being
    written) is read to its end, and still refused past the limit."""
    (folder / "talk.txt").write_bytes(b"0123456789")
    real_fstat = os.fstat

    def smaller(fd: int) -> os.stat_result:
        status = list(real_fstat(fd))
        status[6] = 4  # st_size: the file had 4 bytes when its size was read
        return os.stat_result(status)

    monkeypatch.setattr("transcript_tool.readers.limits.os.fstat", smaller)
    assert read_input("talk.txt", None, "talk.txt") == b"0123456789"
    monkeypatch.setenv(MAX_INPUT_ENV, "0.000008")  # 8 bytes
    with pytest.raises(InputError, match="the input goes over the 8e-06 MB limit"):
        read_input("talk.txt", None, "talk.txt")


def test_a_limit_that_is_not_a_number_is_a_usage_error(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "talk.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv(MAX_INPUT_ENV, "lots")
    assert main(["segment", "talk.txt"]) == 2
    assert capsys.readouterr().err == (
        E + f"{MAX_INPUT_ENV} must be a number of megabytes above 0, got 'lots'\n"
    )


def test_raising_the_limit_reads_the_file(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the size message says to do works."""
    (folder / "talk.txt").write_text(GOOD * 500, encoding="utf-8")  # about 130 KB
    monkeypatch.setenv(MAX_INPUT_ENV, "0.1")
    assert main(["segment", "talk.txt"]) == 2
    assert "over the 0.1 MB limit" in capsys.readouterr().err
    monkeypatch.setenv(MAX_INPUT_ENV, "1")
    assert main(["segment", "talk.txt"]) == 0
    assert capsys.readouterr().out.count("\n") == 2_000


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    (tmp_path / "talk.json").write_text("42\n", encoding="utf-8")
    command = [sys.executable, "-m", "transcript_tool", "segment", "talk.json"]
    plain = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=120)
    debug = subprocess.run(
        [*command, "--debug"], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert plain.returncode == 2 and len(plain.stderr.splitlines()) == 1
    assert "Traceback (most recent call last)" in debug.stderr
    assert debug.stderr.rstrip().splitlines()[-1] == (
        "transcript_tool.errors.InputError: talk.json: not a transcript: expected an object "
        'with "segments", "utterances" or "results", or a list of {speaker, text} objects; '
        "got a number"
    )
    assert debug.returncode != 0


def test_a_read_only_output_folder_is_refused_before_any_work(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table's read-only row, for whoever runs the tests (root may write
    to any folder): the folder is checked before the transcript is read."""
    (folder / "talk.txt").write_text(GOOD, encoding="utf-8")
    (folder / "out").mkdir()
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        return False if Path(str(path)).name == "out" else real_access(path, mode)  # type: ignore[arg-type]

    def unread(*args: object, **kwargs: object) -> None:
        raise AssertionError("the transcript was read before the output was checked")

    monkeypatch.setattr("transcript_tool.render.output.os.access", access)
    monkeypatch.setattr("transcript_tool.api.read_transcript", unread)
    before = snapshot(folder)
    assert main(["report", "talk.txt", "--output", "out/new/report.md"]) == 2
    assert capsys.readouterr() == (
        "",
        E + "--output out/new/report.md: the folder out is not writable "
        "(choose another --output file, or a folder this user may write to)\n",
    )
    assert snapshot(folder) == before


def test_a_folder_that_refuses_the_file_at_the_end_leaves_nothing(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the early check cannot foresee (the folder made read-only while
    the report was made): one line, and no file, temporary or final."""
    (folder / "talk.txt").write_text(GOOD, encoding="utf-8")
    (folder / "out").mkdir()

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("transcript_tool.render.output.open", refuse, raising=False)
    before = snapshot(folder)
    assert main(["report", "talk.txt", "--format", "html", "--output", "out/report.html"]) == 2
    assert capsys.readouterr() == (
        "",
        E + "cannot write out/report.html: the folder out is not writable (permission denied; "
        "choose another folder, or one this user may write to)\n",
    )
    assert snapshot(folder) == before
