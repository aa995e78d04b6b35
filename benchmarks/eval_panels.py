"""Panel interviews read as raw captions: how ``--speakers N`` does with more
than two people.

    python benchmarks/eval_panels.py

Each labelled panel interview (``benchmarks/data/panel-interviews``, listed
with its speakers' roles in ``speakers.yaml`` there, and the bundled
``samples/nurse-panel-interview.txt``; all written by the project) is made a
caption (``caption_corpora``: lowercase, no punctuation, no labels) and
segmented twice: with two speakers (the default) and with as many as it has
people. For each it prints

- ``person WDER``: the share of words given to the wrong person, after the
  best one-to-one mapping of the segmenter's speakers to the people (with two
  speakers, every word of a third person is wrong);
- ``role error``: the share of words given the wrong role (interviewer or
  candidate), the figure a report's judgements rest on;

and, as a baseline, everyone the candidate. It needs no ../shared.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from caption_corpora import PANEL_FOLDER, LabeledStream, load_named  # noqa: E402
from segmentation_metrics import wder_counts  # noqa: E402

from transcript_tool.segment.diarize import diarize  # noqa: E402
from transcript_tool.segment.gaps import shipped_model  # noqa: E402

SAMPLE = ROOT / "samples" / "nurse-panel-interview.txt"
SAMPLE_ROLES = {"Dr. Okafor": "interviewer", "Janet Wu": "interviewer", "Luis": "candidate"}


def panels() -> list[LabeledStream]:
    """The panel interviews with their roles, the bundled sample last."""
    listed = yaml.safe_load((PANEL_FOLDER / "speakers.yaml").read_text(encoding="utf-8"))
    streams = [load_named(PANEL_FOLDER / name, roles) for name, roles in sorted(listed.items())]
    return [*streams, load_named(SAMPLE, SAMPLE_ROLES, corpus="sample")]


def scores(stream: LabeledStream, speakers: int) -> tuple[int, int]:
    """(words given to the wrong person, words given the wrong role) when the
    caption is segmented into ``speakers`` voices."""
    words = list(stream.words)
    decoded = diarize(words, shipped_model(), speakers=speakers)
    wrong_person, _ = wder_counts(list(stream.speakers), list(decoded.speakers))
    assert stream.roles is not None
    wrong_role = sum(
        1
        for truth, guess in zip(stream.speakers, decoded.speakers, strict=True)
        if stream.roles[truth] != decoded.roles[guess]
    )
    return wrong_person, wrong_role


def main() -> int:
    rows = []
    for stream in panels():
        assert stream.roles is not None
        people = len(stream.roles)
        asked = sum(1 for s in stream.speakers if stream.roles[s] == "interviewer")
        others = sum(1 for s in stream.speakers if stream.roles[s] != "candidate")
        # words; everyone the candidate, two speakers, N speakers: (wrong person, wrong role)
        rows.append(
            (
                stream.id,
                people,
                len(stream.words),
                (others, asked),
                scores(stream, 2),
                scores(stream, people),
            )
        )
    heading = "person / role"
    print(
        f"{'transcript':<32} {'people':>6} {'words':>6}  {'everyone the candidate':>22}"
        f"  {'2 speakers':>13}  {'N speakers':>13}"
    )
    print(f"{'':<32} {'':>6} {'':>6}  {heading:>22}  {heading:>13}  {heading:>13}")

    def line(name: str, people: str, n: int, *counts: tuple[int, int]) -> str:
        pairs = [f"{100 * p / n:5.1f} / {100 * r / n:4.1f}" for p, r in counts]
        return f"{name:<32} {people:>6} {n:>6}  {pairs[0]:>22}  {pairs[1]:>13}  {pairs[2]:>13}"

    for name, people, n, *counts in rows:
        print(line(name, str(people), n, *counts))
    summed = [(sum(row[k][0] for row in rows), sum(row[k][1] for row in rows)) for k in (3, 4, 5)]
    print(line("all (by words)", "", sum(row[2] for row in rows), *summed))
    print("(% of words: given to the wrong person / given the wrong role)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
