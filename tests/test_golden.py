"""The full report of two samples, compared exactly with tests/golden/: JSON,
terminal text, Markdown, the CSV row and the turns CSV.

If a change to the output is intended, regenerate the files with
``python tests/update_golden.py`` and review the diff.
"""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent


def _load_updater() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_golden", Path(__file__).with_name("update_golden.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


updater = _load_updater()


@pytest.mark.parametrize("sample", updater.GOLDEN)
def test_report_matches_golden(monkeypatch: pytest.MonkeyPatch, sample: str) -> None:
    monkeypatch.chdir(REPO)  # the JSON records the source path as given: samples/<name>
    for name, actual in updater.rendered(sample).items():
        path = updater.GOLDEN_DIR / name
        assert path.is_file(), f"{path} is missing; run `python tests/update_golden.py`"
        expected = path.read_text(encoding="utf-8")
        if actual != expected:
            diff = difflib.unified_diff(
                expected.splitlines(),
                actual.splitlines(),
                f"tests/golden/{name}",
                "current output",
                lineterm="",
            )
            shown = "\n".join(list(diff)[:80])
            pytest.fail(
                f"tests/golden/{name} differs from the current output. If the change is "
                f"intended, run `python tests/update_golden.py` and review the diff.\n{shown}",
                pytrace=False,
            )
