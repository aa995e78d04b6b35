"""``report --output``: every format to a file, atomically, never over the input.

Contracts (README "Usage", docs/design.md "Report formats (issue 8)"): the
file holds exactly what standard output would (the terminal format without
colour); it is written to a temporary file beside the target and moved into
place, so an error or Ctrl-C leaves the target as it was and no temporary file
behind; the input file is refused (also through another path or a link);
``-`` is standard output; a folder that cannot be written is one line on
stderr naming the path, exit 2, nothing written.
"""

from __future__ import annotations

import io
import os
import shutil
import stat
import threading
from pathlib import Path
from typing import IO, Any

import pandas as pd
import pytest

from transcript_tool.cli import main
from transcript_tool.render import output as render_output
from transcript_tool.render.table import TURN_COLUMNS

REPO = Path(__file__).resolve().parent.parent
SAMPLE = "truncated-screen.txt"
FORMATS = ("terminal", "json", "markdown", "html", "csv", "turns-csv")
ANSI = "\x1b["


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path as the working directory, with the sample at in/<SAMPLE>."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    shutil.copy(REPO / "samples" / SAMPLE, tmp_path / "in" / SAMPLE)
    return tmp_path


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.rglob("*.tmp"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_holds_what_stdout_would(
    capsys: pytest.CaptureFixture[str], workdir: Path, fmt: str
) -> None:
    code, expected, err = run(capsys, "report", f"in/{SAMPLE}", "--format", fmt)
    assert (code, err) == (0, "")
    target = workdir / "out" / f"report.{fmt}"  # the folder is created
    code, out, err = run(capsys, "report", f"in/{SAMPLE}", "-f", fmt, "-o", str(target))
    assert (code, out, err) == (0, "", "")
    assert target.read_text(encoding="utf-8") == expected
    code, out, err = run(capsys, "report", f"in/{SAMPLE}", "-f", fmt, "--output", "-")
    assert (code, out, err) == (0, expected, "")
    assert leftovers(workdir) == []


def test_terminal_to_a_file_has_no_colour(
    capsys: pytest.CaptureFixture[str], workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("transcript_tool.cli.use_color", lambda: True)  # as on a terminal
    _, coloured, _ = run(capsys, "report", f"in/{SAMPLE}", "--width", "80")
    assert ANSI in coloured
    code, _, _ = run(capsys, "report", f"in/{SAMPLE}", "--width", "80", "-o", "r.txt")
    text = Path("r.txt").read_text(encoding="utf-8")
    assert code == 0 and ANSI not in text
    assert max(len(line) for line in text.splitlines()) <= 80


@pytest.mark.parametrize(
    "output",
    [f"in/{SAMPLE}", f"./in/../in/{SAMPLE}", "link.txt", "IN_ABSOLUTE"],
)
def test_the_input_file_is_refused(
    capsys: pytest.CaptureFixture[str], workdir: Path, output: str
) -> None:
    os.symlink(workdir / "in" / SAMPLE, workdir / "link.txt")
    if output == "IN_ABSOLUTE":
        output = str(workdir / "in" / SAMPLE)
    before = (workdir / "in" / SAMPLE).read_bytes()
    code, out, err = run(capsys, "report", f"in/{SAMPLE}", "-f", "html", "-o", output)
    assert (code, out) == (2, "")
    assert err == (
        f"transcript-tool: error: --output {output} is the input file; it would be "
        "overwritten (choose another output file)\n"
    )
    assert (workdir / "in" / SAMPLE).read_bytes() == before
    assert leftovers(workdir) == []


def test_a_folder_is_refused(capsys: pytest.CaptureFixture[str], workdir: Path) -> None:
    code, out, err = run(capsys, "report", f"in/{SAMPLE}", "-o", "in")
    assert (code, out) == (2, "")
    assert err == "transcript-tool: error: --output in is a folder; name a file in it\n"


def test_an_unwritable_place_is_one_line(capsys: pytest.CaptureFixture[str], workdir: Path) -> None:
    Path("notes").write_text("a file, not a folder\n")
    code, out, err = run(capsys, "report", f"in/{SAMPLE}", "-f", "html", "-o", "notes/r.html")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith("transcript-tool: error: cannot write notes/r.html: ")
    assert "notes" in err and "Traceback" not in err
    assert Path("notes").read_text() == "a file, not a folder\n"
    assert leftovers(workdir) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_folder_is_one_line(capsys: pytest.CaptureFixture[str], workdir: Path) -> None:
    locked = workdir / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = run(capsys, "report", f"in/{SAMPLE}", "-o", "locked/r.md", "-f", "markdown")
    finally:
        locked.chmod(0o700)
    assert code == 2
    assert err == (
        "transcript-tool: error: cannot write locked/r.md: the folder locked is not "
        "writable (permission denied)\n"
    )
    assert list(locked.iterdir()) == []


class _Failing(io.StringIO):
    """A file that takes half of what it is given, then fails with ``error``."""

    def __init__(self, real: IO[Any], error: BaseException) -> None:
        super().__init__()
        self.real = real
        self.error = error

    def write(self, text: str) -> int:
        self.real.write(text[: len(text) // 2])
        self.real.flush()
        raise self.error

    def close(self) -> None:
        self.real.close()


@pytest.mark.parametrize("existing", [True, False])
@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (KeyboardInterrupt(), 130, ""),  # Ctrl-C: exit 130, as Typer reports it
        (
            OSError(28, "No space left on device"),
            2,
            "transcript-tool: error: cannot write r.html: no space left on device\n",
        ),
    ],
)
def test_a_failed_write_leaves_the_target_as_it_was(
    capsys: pytest.CaptureFixture[str],
    workdir: Path,
    monkeypatch: pytest.MonkeyPatch,
    existing: bool,
    error: BaseException,
    code: int,
    message: str,
) -> None:
    if existing:
        Path("r.html").write_text("old\n")
    temporaries: list[Path] = []

    class Interrupted(render_output.AtomicFile):
        def __init__(self, target: Path, *, binary: bool = False) -> None:
            super().__init__(target, binary=binary)
            assert self.handle is not None
            temporaries.append(self.temp)
            self.handle = _Failing(self.handle, error)

    monkeypatch.setattr(render_output, "AtomicFile", Interrupted)
    result = run(capsys, "report", f"in/{SAMPLE}", "-f", "html", "-o", "r.html")
    assert result[:2] == (code, "")
    assert result[2] == message
    assert (Path("r.html").read_text() if existing else Path("r.html").exists()) == (
        "old\n" if existing else False
    )
    assert temporaries and not temporaries[0].exists()  # it was written to, then removed
    assert leftovers(workdir) == []


def test_csv_rows_are_the_rows_batch_writes(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    shutil.copy(REPO / "samples" / "zoom-meeting.vtt", workdir / "in" / "zoom-meeting.vtt")
    code, _, _ = run(
        capsys, "batch", "in", "--out", "results.csv", "--turns-out", "turns.csv", "-q"
    )
    assert code == 0
    results = pd.read_csv("results.csv", keep_default_na=False, dtype=str)
    turns = pd.read_csv("turns.csv", keep_default_na=False, dtype=str)
    assert list(turns.columns) == list(TURN_COLUMNS)
    rows, turn_rows = [], []
    for name in ("in/truncated-screen.txt", "in/zoom-meeting.vtt"):
        _, row, _ = run(capsys, "report", name, "--format", "csv")
        _, per_turn, _ = run(capsys, "report", name, "--format", "turns-csv")
        rows.append(pd.read_csv(io.StringIO(row), keep_default_na=False, dtype=str))
        turn_rows.append(pd.read_csv(io.StringIO(per_turn), keep_default_na=False, dtype=str))
    pd.testing.assert_frame_equal(pd.concat(rows, ignore_index=True), results)
    pd.testing.assert_frame_equal(pd.concat(turn_rows, ignore_index=True), turns)
    # and byte for byte: the header, then each file's lines
    _, row, _ = run(capsys, "report", "in/zoom-meeting.vtt", "--format", "csv")
    assert row.splitlines()[1] == Path("results.csv").read_text().splitlines()[2]


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_byte_identical_across_processes_and_hash_seeds(fmt: str) -> None:
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-m", "transcript_tool", "report", f"samples/{SAMPLE}", "-f", fmt],
            capture_output=True,
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=120,
            check=True,
        )
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] and outputs[0]


def test_a_pipe_is_written_to_not_replaced(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    """`--output` naming a FIFO (or /dev/null, /dev/stdout): the report goes
    into it, and it stays what it was (moving a file onto it replaced it)."""
    _, expected, _ = run(capsys, "report", f"in/{SAMPLE}", "-f", "markdown")
    os.mkfifo("pipe")
    received: list[str] = []
    reader = threading.Thread(
        target=lambda: received.append(Path("pipe").read_text("utf-8")), daemon=True
    )
    reader.start()
    code, out, err = run(capsys, "report", f"in/{SAMPLE}", "-f", "markdown", "-o", "pipe")
    reader.join(timeout=60)
    assert (code, out, err) == (0, "", "")
    assert received == [expected]
    assert stat.S_ISFIFO(os.lstat("pipe").st_mode)
    assert leftovers(workdir) == []


def test_dev_null_stays_a_device(capsys: pytest.CaptureFixture[str], workdir: Path) -> None:
    assert run(capsys, "report", f"in/{SAMPLE}", "-o", os.devnull) == (0, "", "")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_link_is_kept_and_its_file_replaced(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    _, expected, _ = run(capsys, "report", f"in/{SAMPLE}", "-f", "markdown")
    Path("real.md").write_text("old\n", encoding="utf-8")
    os.symlink("real.md", "link.md")
    assert run(capsys, "report", f"in/{SAMPLE}", "-f", "markdown", "-o", "link.md")[0] == 0
    assert os.readlink("link.md") == "real.md"
    assert Path("real.md").read_text(encoding="utf-8") == expected
    assert leftovers(workdir) == []
