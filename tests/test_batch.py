"""``transcript-tool batch``: a folder of transcripts into one table.

Contracts (README "Batch", docs/design.md "Batch (issue 7)"): one row per
transcript in sorted path order with fixed columns; a bad file goes to
``<out stem>.errors.csv`` and exit 1, never stopping the batch (unless
``--fail-fast``, which writes nothing); outputs are written atomically and are
byte-identical whatever the number of workers; usage mistakes exit 2.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from transcript_tool.batch import (
    TURN_COLUMNS,
    BatchOptions,
    PlainProgress,
    report_names,
    run_batch,
)
from transcript_tool.batch import output as batch_output
from transcript_tool.batch import work as batch_work
from transcript_tool.batch.cohort import percentile
from transcript_tool.batch.inputs import unread_note
from transcript_tool.cli import main

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"

COLUMNS = [
    "id",
    "file",
    "format",
    "roles",
    "turns",
    "words",
    "questions",
    "answered",
    "timed",
    "talk_ratio",
    "conciseness_score",
    "conciseness_band",
    "think_aloud_score",
    "think_aloud_band",
    "answered_question_score",
    "answered_question_band",
    "overall",
]
GOOD = {  # file -> (format, roles)
    "in/behavioral-interview.txt": ("text", "labeled"),
    "in/sub/otter-export.txt": ("otter", "inferred"),
    "in/whisper-screen.json": ("whisper-json", "inferred"),
    "in/zoom-meeting.vtt": ("vtt", "inferred"),
}
BAD = {
    "in/broken.json": "in/broken.json:2:1: not valid JSON: Expecting value",
    "in/empty.txt": "in/empty.txt: the transcript is empty (is it the right file?)",
}
PROGRESS_LINE = re.compile(r"^scored \d+/\d+ files?(, \d+ failed)? \([\d,]+ words/s\)$")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def make_folder(root: Path) -> Path:
    """in/: four samples of four formats (one in a subfolder), a broken JSON
    file, an empty .txt, a hidden folder and a file no reader claims."""
    folder = root / "in"
    (folder / "sub").mkdir(parents=True)
    for name in GOOD:
        shutil.copy(SAMPLES / Path(name).name, root / name)
    (folder / "broken.json").write_text('{"segments": [\n', encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / ".hidden").mkdir()
    shutil.copy(SAMPLES / "rev-interview.txt", folder / ".hidden" / "rev-interview.txt")
    (folder / ".notes.txt").write_text("Interviewer: hidden?\nCandidate: yes.\n")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    return folder


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The mixed folder at tmp_path/in, with tmp_path as the working directory."""
    monkeypatch.chdir(tmp_path)
    return make_folder(tmp_path)


def tmp_files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


# ------------------------------------------------------------------ the table


def test_mixed_folder_gives_one_row_per_good_file_and_an_errors_table(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, out, err = run(capsys, "batch", "in", "--out", "out/results.csv", "--quiet")
    assert (code, err) == (1, "")
    frame = pd.read_csv("out/results.csv")
    assert list(frame.columns) == COLUMNS
    assert list(frame["file"]) == sorted(GOOD, key=lambda name: Path(name).parts)
    assert {f: (fmt, roles) for f, fmt, roles in frame[["file", "format", "roles"]].values} == GOOD
    assert list(frame["id"]) == [Path(name).stem for name in frame["file"]]
    assert frame["timed"].tolist() == [False, True, True, True]
    assert (frame["turns"] > 0).all() and (frame["words"] > 0).all()
    assert (frame["answered"] <= frame["questions"]).all()
    assert frame["overall"].between(0, 100).all()
    assert set(frame["conciseness_band"]) <= {"strong", "fair", "needs work"}

    errors = pd.read_csv("out/results.errors.csv")
    assert list(errors.columns) == ["file", "message"]
    assert dict(errors.values.tolist()) == BAD
    assert out.startswith("batch: 6 files, 4 scored, 2 failed, ")
    assert "errors: out/results.errors.csv" in out
    assert all(BAD[name] in out for name in BAD)
    assert all(len(line) <= 80 for line in out.splitlines())
    assert tmp_files(Path("out")) == []


def test_the_summary_says_which_files_the_default_extensions_left_unread(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    """A folder's PDFs (slides, CVs, Otter exports) are read only with --glob:
    the summary says so, rather than leaving them out in silence."""
    (folder / "sub" / "report.html").write_text("<html></html>", encoding="utf-8")
    (folder / "cv.pdf").write_bytes(b"%PDF-1.4")
    code, out, _ = run(capsys, "batch", "in", "--out", "out/results.csv", "--quiet")
    assert code == 1  # the broken files
    assert (
        "not read: 2 .pdf files, 1 .html file (score them with --glob '**/*.pdf' and so\n"
        "  on, or name them as paths)\n"
    ) in out
    assert all(len(line) <= 80 for line in out.splitlines())
    code, out, _ = run(
        capsys, "batch", "in", "--glob", "**/*.txt", "--out", "out/txt.csv", "--quiet"
    )
    assert "not read" not in out


def test_a_single_unread_file_is_named_as_one() -> None:
    assert unread_note([(".pdf", 1)]) == (
        "1 .pdf file (score it with --glob '**/*.pdf', or name it as a path)"
    )
    assert unread_note([]) == ""


def test_the_bundled_samples_all_score(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "samples.csv"
    argv = ["batch", str(SAMPLES), "--glob", "*", "--out", str(out_file), "-q"]  # and the PDF
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    frame = pd.read_csv(out_file)
    assert len(frame) == len(list(SAMPLES.iterdir()))
    assert frame["format"].nunique() >= 8  # text, vtt, srt, otter, csv, timed-text, *-json
    assert not (tmp_path / "samples.errors.csv").exists()
    assert out.startswith(f"batch: {len(frame)} files, {len(frame)} scored, 0 failed")


def test_two_workers_write_byte_identical_outputs(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    outputs = {}
    for workers in ("1", "2"):
        argv = ["batch", "in", "--out", f"w{workers}/r.csv", "--turns-out", f"w{workers}/t.jsonl"]
        code, out, _ = run(capsys, *argv, "--workers", workers, "-q")
        assert code == 1
        files = ("r.csv", "t.jsonl", "r.errors.csv")
        outputs[workers] = [Path(f"w{workers}", name).read_bytes() for name in files]
        outputs[workers].append(out.replace(f"w{workers}/", "").encode())
    assert outputs["1"] == outputs["2"]


def test_jsonl_rows_match_the_csv(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    run(capsys, "batch", "in", "--out", "r.csv", "-q")
    run(capsys, "batch", "in", "--out", "r.jsonl", "-q")
    rows = [json.loads(line) for line in Path("r.jsonl").read_text().splitlines()]
    assert [list(row) for row in rows] == [COLUMNS] * len(GOOD)
    frame = pd.read_csv("r.csv")
    assert [row["file"] for row in rows] == list(frame["file"])
    assert [row["overall"] for row in rows] == list(frame["overall"])
    assert all(isinstance(row["timed"], bool) for row in rows)


def test_parquet_output(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    if batch_output.parquet_engine() is None:
        pytest.skip("no Parquet engine installed (pyarrow or fastparquet)")
    code, _, _ = run(capsys, "batch", "in", "--out", "r.parquet", "-q")
    assert code == 1
    frame = pd.read_parquet("r.parquet")
    assert list(frame.columns) == COLUMNS
    assert list(frame["file"]) == sorted(GOOD, key=lambda name: Path(name).parts)
    assert frame["timed"].tolist() == [False, True, True, True]


def test_parquet_without_an_engine_says_how_to_install_one(
    capsys: pytest.CaptureFixture[str], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_output, "parquet_engine", lambda: None)
    code, out, err = run(capsys, "batch", "in", "--out", "r.parquet")
    assert (code, out) == (2, "")
    assert "pip install pyarrow" in err
    assert not Path("r.parquet").exists()


# ------------------------------------------------------------- other outputs


def test_glob_replaces_the_extension_filter(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, _, _ = run(capsys, "batch", "in", "--glob", "**/*.txt", "--out", "r.csv", "-q")
    assert code == 1  # empty.txt
    assert list(pd.read_csv("r.csv")["file"]) == [
        "in/behavioral-interview.txt",
        "in/sub/otter-export.txt",
    ]
    code, _, _ = run(capsys, "batch", "in", "--glob", "*.vtt", "--out", "r.csv", "-q")
    assert code == 0
    assert list(pd.read_csv("r.csv")["file"]) == ["in/zoom-meeting.vtt"]


def test_turns_table(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    run(capsys, "batch", "in", "--out", "r.csv", "--turns-out", "turns.csv", "-q")
    results = pd.read_csv("r.csv")
    turns = pd.read_csv("turns.csv")
    assert list(turns.columns) == list(TURN_COLUMNS)
    assert turns.groupby("file", sort=False).size().to_dict() == dict(
        zip(results["file"], results["turns"], strict=True)
    )
    assert turns.groupby("file", sort=False)["words"].sum().to_dict() == dict(
        zip(results["file"], results["words"], strict=True)
    )
    first = turns[turns["file"] == "in/behavioral-interview.txt"]
    assert list(first["turn"]) == list(range(len(first)))
    assert first.iloc[0][["speaker", "role", "is_question"]].tolist() == [
        "Interviewer",
        "interviewer",
        True,
    ]
    assert first["start"].isna().all()  # untimed text
    zoom = turns[turns["file"] == "in/zoom-meeting.vtt"]
    assert zoom["start"].notna().all() and (zoom["end"] >= zoom["start"]).all()
    assert set(turns["role"]) <= {"interviewer", "candidate", "other"}


def test_reports_dir_holds_each_report_as_report_prints_it(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, _, _ = run(capsys, "batch", "in", "--out", "r.csv", "--reports-dir", "reports", "-q")
    assert code == 1
    names = sorted(p.name for p in Path("reports").iterdir())
    assert names == sorted(f"{Path(name).stem}.json" for name in GOOD)
    code, expected, _ = run(capsys, "report", "in/zoom-meeting.vtt", "--format", "json")
    assert code == 0
    assert Path("reports/zoom-meeting.json").read_text(encoding="utf-8") == expected
    assert json.loads(expected)["schema"] == "transcript-tool/report@1"

    argv = ["--reports-dir", "text", "--reports-format", "terminal"]
    run(capsys, "batch", "in", "--out", "r.csv", *argv, "-q")
    text = Path("text/behavioral-interview.txt").read_text(encoding="utf-8")
    assert text.startswith("Interview report: in/behavioral-interview.txt")
    assert "\x1b[" not in text

    for format, extension in (("html", ".html"), ("markdown", ".md")):
        argv = ["--reports-dir", format, "--reports-format", format]
        run(capsys, "batch", "in", "--out", "r.csv", *argv, "-q")
        names = sorted(p.name for p in Path(format).iterdir())
        assert names == sorted(f"{Path(name).stem}{extension}" for name in GOOD)
        code, expected, _ = run(capsys, "report", "in/zoom-meeting.vtt", "--format", format)
        assert code == 0
        assert Path(format, f"zoom-meeting{extension}").read_text(encoding="utf-8") == expected


def test_report_names_are_unique() -> None:
    files = ["a/x.txt", "b/x.vtt", "b/X.json", "c/x-2.txt", "y.txt"]
    assert report_names(files, ".json") == [
        "x.json",
        "x-2.json",
        "X-3.json",
        "x-2-2.json",
        "y.json",
    ]


def test_summary_out_json_and_markdown(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    run(capsys, "batch", "in", "--out", "r.csv", "--summary-out", "summary.json", "-q")
    summary = json.loads(Path("summary.json").read_text(encoding="utf-8"))
    assert summary["schema"] == "transcript-tool/batch-summary@1"
    assert (summary["files"], summary["scored"], summary["failed"]) == (6, 4, 2)
    assert summary["errors"] == "r.errors.csv"
    assert [c["id"] for c in summary["criteria"]] == [
        "conciseness",
        "think_aloud",
        "answered_question",
    ]
    for stats in [*summary["criteria"], summary["overall"]]:
        assert stats["n"] == 4
        assert stats["p10"] <= stats["median"] <= stats["p90"]
    overall = pd.read_csv("r.csv").set_index("file")["overall"]
    assert [t["overall"] for t in summary["top"]] == sorted(overall, reverse=True)
    assert summary["bottom"][0]["file"] == overall.idxmin()
    # the summary averages the unrounded scores, the table shows them rounded
    # to 0.1: the two means agree to within the table's rounding
    assert summary["overall"]["mean"] == pytest.approx(overall.mean(), abs=0.05 + 1e-9)
    assert summary["missing_concepts"] == []  # the default rubric names no concepts
    assert summary["rubric"] == {"name": "default", "version": "1.0", "concepts": 0}
    feedback = summary["improvements"]
    assert feedback and all(f["transcripts"] >= 1 and "{" not in f["feedback"] for f in feedback)
    # the band's message as a whole: its optional parts kept, without brackets
    assert not any("[" in f["feedback"] or "]" in f["feedback"] for f in feedback)
    assert [f["transcripts"] for f in feedback] == sorted(
        (f["transcripts"] for f in feedback), reverse=True
    )

    run(capsys, "batch", "in", "--out", "r.csv", "--summary-out", "summary.md", "-q")
    markdown = Path("summary.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Batch summary\n")
    assert "| conciseness | 4 |" in markdown
    # "(none)" would read as "no answer missed a concept"
    assert "## Most common missing concepts\n\n(the rubric names no concepts)\n" in markdown
    code, out, _ = run(capsys, "batch", "in", "--out", "r.csv", "-q")
    assert code == 1  # two of the six files are broken
    assert "most common missing concepts (answers, transcripts):\n  (the rubric names no" in out


def test_a_small_cohort_is_ranked_once_and_counted_in_the_singular(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Top five and bottom five of four transcripts would list each twice; a
    transcript read but with no criterion scored has no overall score, and the
    first line says so beside "scored"."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "behavioral-interview.txt", folder)
    (folder / "hi.txt").write_text("hi\n", encoding="utf-8")  # nothing to score
    code, out, err = run(capsys, "batch", str(folder), "--out", str(tmp_path / "r.csv"))
    assert code == 0
    assert out.startswith("batch: 2 files, 2 scored (1 with no overall score), 0 failed, ")
    assert "\nthe one transcript with an overall score:\n" in out
    assert "top 5" not in out and "bottom 5" not in out
    assert out.count("behavioral-interview.txt") == 1
    assert err.splitlines()[-1].startswith("scored 2/2 files (")

    (folder / "hi.txt").unlink()
    for name in ("data-analyst-screen.txt", "sales-manager-interview.txt"):
        shutil.copy(SAMPLES / name, folder)
    code, out, err = run(
        capsys, "batch", str(folder / "behavioral-interview.txt"), "--out", str(tmp_path / "r.csv")
    )
    assert out.startswith("batch: 1 file, 1 scored, 0 failed, ")
    assert err.splitlines()[-1].startswith("scored 1/1 file (")
    for summary in (tmp_path / "summary.md", tmp_path / "summary.json"):
        argv = ("batch", str(folder), "--out", str(tmp_path / "r.csv"), "-q")
        code, out, _ = run(capsys, *argv, "--summary-out", str(summary))
    overall = pd.read_csv(tmp_path / "r.csv").sort_values(
        ["overall", "file"], ascending=[False, True]
    )
    listed = out.split("all 3 transcripts by overall score:\n", 1)[1].splitlines()
    assert [line.split("/")[-1] for line in listed] == [Path(f).name for f in overall["file"]]
    markdown = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "## All 3 transcripts by overall score\n" in markdown
    assert "Top 5" not in markdown
    # each frequent improvement is shown whole, wrapped under its count, not cut at 80
    said = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))["improvements"]
    flat = " ".join(out.split())
    assert said and all(" ".join(f["feedback"].split()) in flat for f in said)
    assert all(len(line) <= 80 for line in out.splitlines())


def test_the_summary_says_which_files_the_unlabeled_text_hints_shaped(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    """--speakers shapes the segmenter's turns only: of the folder's four
    good files, the Whisper JSON alone has no speakers (the labeled text,
    the Otter export and the Zoom captions name them); the summary says on
    how many it was used."""
    code, out, err = run(capsys, "batch", "in", "--out", "r.csv", "-q")
    assert "not used" not in out and "used on" not in out
    Path("caption.txt").write_text(
        "so tell me about yourself sure i have been a nurse for six years\n", encoding="utf-8"
    )
    argv = ("batch", "in", "caption.txt", "--out", "r.csv", "-q", "--speakers", "3")
    code, out, err = run(capsys, *argv)
    assert code == 1  # the folder's broken files
    said = "--speakers 3: used on 2 of the 5 files scored; the other 3 have speaker labels"
    assert f"\n{said}\n" in out
    labeled = ("in/behavioral-interview.txt", "in/zoom-meeting.vtt")
    code, out, err = run(capsys, "batch", *labeled, "--out", "r.csv", "-q", "--interviewer-first")
    assert "\n--interviewer-first: not used; every file scored has speaker labels\n" in out
    code, out, err = run(capsys, "batch", "caption.txt", "--out", "r.csv", "-q", "--speakers", "3")
    assert (code, err) == (0, "") and "used" not in out


def test_summary_counts_missing_concepts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sample = tmp_path / "ml.txt"
    sample.write_text(
        "Interviewer: How would you deploy the model?\n"
        "Candidate: I'd hand it over to the platform team and let them decide.\n",
        encoding="utf-8",
    )
    summary_file = tmp_path / "s.json"
    argv = ["batch", str(sample), "--out", str(tmp_path / "r.csv"), "-q"]
    code, _, _ = run(capsys, *argv, "--rubric", "ml-design", "--summary-out", str(summary_file))
    assert code == 0
    summary = json.loads(summary_file.read_text(encoding="utf-8"))
    missing = summary["missing_concepts"]
    assert [m["label"] for m in missing] == ["deployment and monitoring"]
    assert all(m["answers"] >= m["transcripts"] == 1 for m in missing)


# ------------------------------------------------------------- failures


def test_fail_fast_stops_at_the_first_failure_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    Path("old.csv").write_text("old\n")
    code, out, err = run(capsys, "batch", "in", "--out", "old.csv", "--fail-fast", "-q")
    assert (code, out) == (1, "")
    assert err == (
        "transcript-tool: error: in/broken.json:2:1: not valid JSON: Expecting value "
        "(--fail-fast: stopped at the first failure; nothing written)\n"
    )
    assert Path("old.csv").read_text() == "old\n"
    assert not Path("old.errors.csv").exists()
    assert tmp_files(Path(".")) == []


def test_internal_errors_are_recorded_without_a_traceback(
    capsys: pytest.CaptureFixture[str], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import transcript_tool.api

    real_score = transcript_tool.api.score

    def buggy(analysis: Any, rubric: Any) -> Any:
        if analysis.transcript.format == "vtt":
            raise ZeroDivisionError("division by zero")
        return real_score(analysis, rubric)

    monkeypatch.setattr(transcript_tool.api, "score", buggy)
    code, _, err = run(capsys, "batch", "in", "--out", "r.csv", "-q")
    assert (code, err) == (1, "")
    errors = dict(pd.read_csv("r.errors.csv").values.tolist())
    assert errors["in/zoom-meeting.vtt"] == "internal error: ZeroDivisionError: division by zero"
    assert len(pd.read_csv("r.csv")) == len(GOOD) - 1
    with pytest.raises(ZeroDivisionError):  # --debug: the traceback
        main(["batch", "in", "--out", "r.csv", "-q", "--debug"])


def test_a_clean_run_removes_a_stale_errors_file(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    run(capsys, "batch", "in", "--out", "r.csv", "-q")
    assert Path("r.errors.csv").exists()
    code, out, _ = run(capsys, "batch", "in/zoom-meeting.vtt", "--out", "r.csv", "-q")
    assert code == 0
    assert not Path("r.errors.csv").exists()
    assert "errors:" not in out
    assert len(pd.read_csv("r.csv")) == 1


@pytest.mark.parametrize("existing", [True, False])
def test_an_interrupted_batch_leaves_the_output_as_it_was(
    capsys: pytest.CaptureFixture[str],
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    existing: bool,
) -> None:
    if existing:
        Path("r.csv").write_text("old\n")
    calls = []
    real = batch_work.score_file

    def interrupted(job: batch_work.Job, *args: Any) -> batch_work.Outcome:
        calls.append(job.file)
        if len(calls) == 4:
            raise KeyboardInterrupt
        return real(job, *args)

    monkeypatch.setattr(batch_work, "score_file", interrupted)
    options = BatchOptions(paths=("in",), out="r.csv", turns_out="t.csv")
    with pytest.raises(KeyboardInterrupt):
        run_batch(options)
    assert len(calls) == 4
    assert (Path("r.csv").read_text() if existing else None) == ("old\n" if existing else None)
    assert Path("r.csv").exists() == existing
    assert not Path("t.csv").exists()
    assert tmp_files(Path(".")) == []


# ------------------------------------------------------------- usage errors


def test_out_may_not_be_an_input(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    before = Path("in/interview.csv")
    shutil.copy(SAMPLES / "interview.csv", before)
    content = before.read_bytes()
    code, out, err = run(capsys, "batch", "in", "--out", "in/interview.csv")
    assert (code, out) == (2, "")
    assert err == (
        "transcript-tool: error: --out in/interview.csv is one of the input files; "
        "it would be overwritten (choose another output file)\n"
    )
    assert before.read_bytes() == content
    code, _, err = run(capsys, "batch", "in", "--out", "in/results.csv")
    assert code == 2
    assert "inside the input folder in" in err
    assert not Path("in/results.csv").exists()


def test_no_transcripts_found(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "slides.pdf").write_bytes(b"%PDF")
    code, out, err = run(capsys, "batch", str(tmp_path / "empty"), "--out", "r.csv")
    assert (code, out) == (2, "")
    assert err.startswith(f"transcript-tool: error: no transcripts found under {tmp_path}/empty ")
    assert "(looked for *.txt, *.md, " in err and "*.vtt" in err and "*.srt" in err
    assert err.endswith("*.docx); 1 .pdf file is there: read them with --glob '**/*.pdf'\n")
    code, _, err = run(capsys, "batch", str(tmp_path / "nope"), "--out", "r.csv")
    assert code == 2
    assert err == f"transcript-tool: error: {tmp_path}/nope: no such file or directory\n"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--out", "r.xlsx"], "unsupported extension '.xlsx'; use one of .csv, .jsonl, .parquet"),
        (["--out", "r.csv", "--rubric", "nope"], "unknown rubric 'nope'"),
        (["--out", "r.csv", "--turns-out", "t.parquet"], "use one of .csv, .jsonl"),
        (["--out", "r.csv", "--summary-out", "s.txt"], "use .json or .md"),
        (["--out", "r.csv", "--input-format", "docx"], "unknown input format 'docx'"),
        (["--out", "r.csv", "--encoding", "klingon"], "unknown encoding 'klingon'"),
        (["--out", "r.csv", "--turns-out", "r.csv"], "--turns-out and --out name the same file"),
        (["--out", "r.csv", "--glob", "/abs/*.txt"], "--glob '/abs/*.txt': "),
    ],
)
def test_usage_mistakes_exit_2_before_any_work(
    capsys: pytest.CaptureFixture[str], folder: Path, options: list[str], message: str
) -> None:
    code, out, err = run(capsys, "batch", "in", *options)
    assert (code, out) == (2, "")
    assert err.startswith("transcript-tool: error: ") and message in err
    assert len(err.splitlines()) == 1
    assert sorted(p.name for p in Path(".").iterdir()) == ["in"]


# ------------------------------------------------------------- progress


def test_progress_lines_on_a_non_terminal_and_quiet(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, out, err = run(capsys, "batch", "in", "--out", "r.csv")
    assert code == 1
    lines = err.splitlines()
    assert lines and all(PROGRESS_LINE.match(line) for line in lines), lines
    assert lines[-1].startswith("scored 6/6 files, 2 failed (")
    assert not re.search(r"^scored ", out, re.MULTILINE)
    code, out_quiet, err = run(capsys, "batch", "in", "--out", "r.csv", "--quiet")
    assert (code, err, out_quiet) == (1, "", out)


def test_plain_progress_every_tenth_or_five_seconds() -> None:
    now = [0.0]
    stream = io.StringIO()
    progress = PlainProgress(stream, clock=lambda: now[0])
    progress.start(100)
    for done in range(1, 101):
        now[0] += 0.01 if done <= 50 else 1.0  # slower in the second half
        progress.advance(words=100, failed=done == 7)
    counts = [int(line.split()[1].split("/")[0]) for line in stream.getvalue().splitlines()]
    assert counts[:5] == [10, 20, 30, 40, 50]  # every 10 %
    assert counts[5:7] == [55, 60]  # every 5 s
    assert counts[-1] == 100
    assert all(PROGRESS_LINE.match(line) for line in stream.getvalue().splitlines())
    assert "scored 10/100 files, 1 failed (10,000 words/s)" in stream.getvalue()


def test_percentile_interpolates_like_numpy() -> None:
    import numpy as np

    values = [3.0, 1.0, 4.0, 1.5, 9.0, 2.6]
    for q in (0, 10, 50, 90, 100):
        assert percentile(sorted(values), q) == pytest.approx(np.percentile(values, q))


@pytest.mark.parametrize(
    ("requested", "files", "cpus", "expected"),
    [
        (0, 100, 8, 8),  # one per CPU
        (2, 100, 8, 2),
        (10_000, 100_000, 8, 32),  # at most 4 per CPU: each holds the pipeline
        (16, 3, 8, 3),  # no more than the files
        (0, 0, 8, 1),
        (0, 100, None, 1),  # the CPUs unknown
    ],
)
def test_worker_count(
    requested: int, files: int, cpus: int | None, expected: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("transcript_tool.batch.work.os.cpu_count", lambda: cpus)
    assert batch_work.worker_count(requested, files) == expected


def test_repeated_double_stars_in_a_glob_find_what_one_does(tmp_path: Path) -> None:
    """ "**/**/" is "**/" (pathlib walked the tree once more for each)."""
    from transcript_tool.batch.inputs import find_inputs

    for folder in ("a", "a/b", "a/b/c", "d"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "t.txt").write_text("Interviewer: Hi?\n", encoding="utf-8")
    (tmp_path / "top.txt").write_text("Interviewer: Hi?\n", encoding="utf-8")
    root = str(tmp_path)
    once = find_inputs([root], glob="**/*.txt")
    assert len(once) == 5
    assert find_inputs([root], glob="**/" * 12 + "*.txt") == once
    assert find_inputs([root], glob="a/**/**/c/**/**/*.txt") == [f"{root}/a/b/c/t.txt"]
