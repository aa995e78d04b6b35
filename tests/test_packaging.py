"""A real (non-editable) install ships the built-in rubrics and the lexicons.

Builds the wheel from the working tree (hatchling comes with the test extra),
installs it into a private directory and imports it from there, away from the
repository, so nothing can be found through the editable install.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def pip(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", *args, "--quiet", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    pip("wheel", ".", "--no-deps", "--no-build-isolation", "-w", str(out))
    (built,) = out.glob("transcript_tool-*.whl")
    return built


def test_wheel_contains_rubrics_and_lexicons(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    required = {
        "transcript_tool/rubrics/default.yaml",
        "transcript_tool/data/markers.yaml",
        "transcript_tool/data/questions.yaml",
    }
    required |= {f"transcript_tool/rubrics/{p.name}" for p in (REPO / "rubrics").glob("*.yaml")}
    required |= {
        f"transcript_tool/data/{p.name}" for p in (REPO / "transcript_tool/data").glob("*.yaml")
    }
    assert sorted(required - names) == []


def test_installed_wheel_loads_the_default_rubric_the_segmenter_and_the_names(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "site"
    pip("install", "--no-deps", "--target", str(target), str(wheel))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import transcript_tool, transcript_tool.rubric as r; "
        "print(transcript_tool.__file__); "
        'print(r.load_rubric("default").name); '
        "from transcript_tool.segment.gaps import shipped_model; "
        "print(shipped_model().bits); "
        "from transcript_tool.annotate.names import is_name_word; "
        'print(is_name_word("boston"))'
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "PYTHONNOUSERSITE": "1"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    module_file, rubric_name, bits, boston = result.stdout.splitlines()
    assert Path(module_file).is_relative_to(target)
    assert rubric_name == "default"
    assert bits == "19"  # the segmenter's weights shipped as package data
    assert boston == "True"  # and the words English writes capitalised
