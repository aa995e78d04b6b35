"""Regenerate the golden files that tests/test_golden.py compares against.

Run it from anywhere when a change to the report is intended:

    python tests/update_golden.py

then review the diff of tests/golden/ before committing. For each sample in
GOLDEN it writes ``<stem>.report.json`` (render_json),
``<stem>.terminal.txt`` (render_terminal, 100 columns, no colour),
``<stem>.report.md`` (render_markdown), ``<stem>.csv`` (render_csv: the row
``batch`` writes) and ``<stem>.turns.csv`` (render_turns_csv), scored with
the default rubric. The sample is read as ``samples/<name>`` from the
repository root, so the ``source`` recorded in the output is that relative path.
"""

from __future__ import annotations

import os
from pathlib import Path

from transcript_tool import analyze, load_rubric, read_transcript, score
from transcript_tool.render.json import render_json
from transcript_tool.render.markdown import render_markdown
from transcript_tool.render.table import render_csv, render_turns_csv
from transcript_tool.render.terminal import render_terminal

REPO = Path(__file__).resolve().parent.parent
GOLDEN_DIR = REPO / "tests" / "golden"
GOLDEN = ("behavioral-interview.txt", "truncated-screen.txt")


def rendered(sample: str) -> dict[str, str]:
    """Golden file name -> its expected text, for ``sample``; call from the repo root."""
    report = score(analyze(read_transcript(f"samples/{sample}")), load_rubric("default"))
    stem = Path(sample).stem
    return {
        f"{stem}.report.json": render_json(report),
        f"{stem}.terminal.txt": render_terminal(report, width=100, color=False),
        f"{stem}.report.md": render_markdown(report),
        f"{stem}.csv": render_csv(report),
        f"{stem}.turns.csv": render_turns_csv(report),
    }


def main() -> None:
    os.chdir(REPO)
    GOLDEN_DIR.mkdir(exist_ok=True)
    for sample in GOLDEN:
        for name, text in rendered(sample).items():
            path = GOLDEN_DIR / name
            with path.open("w", encoding="utf-8", newline="\n") as file:
                file.write(text)
            print(f"wrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
