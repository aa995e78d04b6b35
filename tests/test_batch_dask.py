"""``transcript-tool batch --engine dask``: the batch on a Dask cluster.

Contracts (README "Batch", docs/design.md "Batch (issue 7)"): the same
per-file function as ``--engine local``, so every output (results, turns,
errors, reports, summary) is byte-identical to it; a bad file goes to the
errors table and the batch goes on; ``--scheduler ADDRESS`` uses a running
cluster (and leaves it running), else a local cluster is started and closed;
without the dask extra, ``--engine dask`` says how to install it (exit 2).

One cluster (2 worker processes) is shared by the module; it is started in
the test session's working directory, while each test runs in its own, so the
workers read the files by the client's paths, as a remote cluster's would.
"""

from __future__ import annotations

import logging
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from distributed import Client, KilledWorker, LocalCluster

from transcript_tool.batch import dask_engine
from transcript_tool.batch.work import Job, Settings
from transcript_tool.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GOOD = [
    "in/labeled-interview.srt",
    "in/sub/rev-interview.txt",
    "in/truncated-screen.txt",
    "in/zoom-meeting.vtt",
]
ERRORS = (
    "file,message\n"
    "in/broken.json,in/broken.json:2:1: not valid JSON: Expecting value\n"
    "in/empty.txt,in/empty.txt: the transcript is empty (is it the right file?)"
    "\n"
)
OUTPUTS = ("r.csv", "r.errors.csv", "t.jsonl", "s.json")


def make_folder(root: Path) -> None:
    """root/in: four small samples of four formats (one in a subfolder), a
    broken JSON file and an empty one."""
    (root / "in" / "sub").mkdir(parents=True)
    for name in GOOD:
        shutil.copy(SAMPLES / Path(name).name, root / name)
    (root / "in" / "broken.json").write_text('{"segments": [\n', encoding="utf-8")
    (root / "in" / "empty.txt").write_text("", encoding="utf-8")


def batch(out_dir: str, *options: str) -> list[str]:
    """``batch in`` writing every kind of output to ``out_dir``."""
    return [
        "batch",
        "in",
        "--out",
        f"{out_dir}/r.csv",
        "--turns-out",
        f"{out_dir}/t.jsonl",
        "--summary-out",
        f"{out_dir}/s.json",
        "--reports-dir",
        f"{out_dir}/reports",
        *options,
    ]


def written(out_dir: Path) -> dict[str, bytes]:
    """Every file under ``out_dir``, by path relative to it."""
    return {
        str(path.relative_to(out_dir)): path.read_bytes()
        for path in sorted(out_dir.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    """A running cluster of 2 single-threaded worker processes."""
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as running:
        yield running


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """What ``--engine local`` writes for the folder."""
    root = tmp_path_factory.mktemp("local")
    make_folder(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        code = main(batch("out", "--quiet"))
    assert code == 1
    return written(root / "out")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    make_folder(tmp_path)
    return tmp_path


def test_a_local_cluster_writes_what_the_local_engine_writes(
    capsys: pytest.CaptureFixture[str], folder: Path, local: dict[str, bytes]
) -> None:
    code = main(batch("out", "--engine", "dask", "--workers", "2", "--quiet"))
    out, err = capsys.readouterr()
    assert (code, err) == (1, "")
    files = written(folder / "out")
    assert files == local
    assert sorted(files) == sorted(
        [*OUTPUTS, *(f"reports/{Path(name).stem}.json" for name in GOOD)]
    )
    assert files["r.errors.csv"].decode() == ERRORS
    assert out.startswith("batch: 6 files, 4 scored, 2 failed, ")
    assert [p.name for p in folder.rglob("*.tmp")] == []


def test_scheduler_runs_the_batch_on_a_running_cluster(
    capsys: pytest.CaptureFixture[str],
    folder: Path,
    cluster: LocalCluster,
    local: dict[str, bytes],
) -> None:
    argv = batch("out", "--engine", "dask", "--scheduler", cluster.scheduler_address)
    code = main(argv)
    _, err = capsys.readouterr()
    assert code == 1
    assert written(folder / "out") == local
    lines = err.splitlines()
    assert lines and all(line.startswith("scored ") for line in lines), lines
    assert lines[-1].startswith("scored 6/6 files, 2 failed (")
    with Client(cluster.scheduler_address) as client:  # still running, still 2 workers
        assert len(client.nthreads()) == 2


def test_fail_fast_on_a_cluster_writes_nothing(
    capsys: pytest.CaptureFixture[str], folder: Path, cluster: LocalCluster
) -> None:
    argv = ["batch", "in", "--out", "r.csv", "--engine", "dask", "--fail-fast", "-q"]
    code = main([*argv, "--scheduler", cluster.scheduler_address])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == (
        "transcript-tool: error: in/broken.json:2:1: not valid JSON: Expecting value "
        "(--fail-fast: stopped at the first failure; nothing written)\n"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["in"]


def test_without_the_dask_extra_the_engine_says_how_to_install_it(
    capsys: pytest.CaptureFixture[str], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    monkeypatch.delitem(sys.modules, "transcript_tool.batch.dask_engine")
    code = main(["batch", "in", "--out", "r.csv", "--engine", "dask"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == (
        "transcript-tool: error: --engine dask needs the dask extra: "
        'pip install "transcript-tool[dask]"\n'
    )
    assert sorted(p.name for p in folder.iterdir()) == ["in"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler is for --engine dask"),
        (["--engine", "spark"], "Invalid value for '--engine'"),
        (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:1"], "cannot connect: "),
    ],
)
def test_engine_usage_mistakes_exit_2(
    capsys: pytest.CaptureFixture[str],
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    options: list[str],
    message: str,
) -> None:
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 1)
    code = main(["batch", "in", "--out", "r.csv", "-q", *options])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith("transcript-tool: error: ") and message in err
    assert len(err.splitlines()) == 1
    assert sorted(p.name for p in folder.iterdir()) == ["in"]


def test_a_file_that_kills_its_workers_is_that_files_error() -> None:
    class Killed:
        def result(self) -> None:
            worker = SimpleNamespace(address="tcp://127.0.0.1:4242")
            raise KilledWorker("transcript-tool-score-x-3", worker, 3)  # type: ignore[arg-type]

    outcome = dask_engine._result(Killed(), Job(3, "in/x.txt"), Settings())  # type: ignore[arg-type]
    assert (outcome.index, outcome.file, outcome.row) == (3, "in/x.txt", None)
    assert outcome.error is not None
    assert outcome.error == (
        "internal error: KilledWorker: each worker process that scored the file died"
    )
    with pytest.raises(KilledWorker):  # --debug: raised
        dask_engine._result(Killed(), Job(3, "in/x.txt"), Settings(debug=True))  # type: ignore[arg-type]
