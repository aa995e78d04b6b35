"""How well the default rubric agrees with people: ``transcript-tool calibrate`` on real ratings.

Corpus (../shared/corpora/mit-interview, see its SOURCE.md): the MIT mock job
interviews (dev part, 108 interviews) with 9 Mechanical Turk ratings of each
on 1-7 Likert traits. Built here, in a temporary folder (nothing is copied
into the project):

- one labeled text transcript per interview (``Interviewer:``/``Interviewee:``
  lines, read by the tool's text reader; segments without a label continue
  the previous turn, as in eval_roles.py);
- ``ratings.csv`` in long form (``transcript, criterion, rating, rater``): the
  9 Turker rows of each interview (the ``AGGR`` row left out), one row per
  mapped trait;
- ``map.yaml``: the traits that rate what a criterion of the default rubric
  measures, each on the 1-7 scale (see TRAITS).

Then ``transcript-tool calibrate`` runs on the built-in ``default`` rubric
with ``--fit --fit-weights``, a tuned rubric is written to the temporary
folder and loaded back (validated). Prints the command's table: per
criterion the agreement figures, Krippendorff's alpha among the Turkers (the
ceiling), the fitted thresholds and weights with train and held-out figures.

    python benchmarks/eval_calibration.py [--corpora ../shared/corpora] [--limit N]
        [--folds 5] [--seed 0] [--workers 1] [--report calibration.html] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

from eval_roles import mit_interviews

from transcript_tool.cli import main as cli_main
from transcript_tool.rubric import load_rubric

DEFAULT_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
SCORES = "turker_scores_full_interview.dev.csv"
AGGREGATE = "AGGR"

TRAITS = {
    # "Structured answers" is the trait closest to answering the question
    # that was asked (the relevance metric: covering the question, a direct
    # yes/no, no drift).
    "StructuredAnswers": "answered_question",
    # "Used no fillers" is one of conciseness's four parts (filler rate).
    "NoFillers": "conciseness",
    # The Turkers' overall impression of the interview.
    "Overall": "overall",
}
"""Trait -> criterion id. No trait rates reasoning out loud, so think_aloud is
not rated (it still counts in the overall score and the weights fit)."""
SCALE = (1, 7)


def write_transcripts(root: Path, folder: Path, limit: int | None = None) -> list[str]:
    """One ``<code>.txt`` per MIT interview in ``folder`` (the first ``limit``
    in file order); returns the codes written."""
    folder.mkdir(parents=True, exist_ok=True)
    codes: list[str] = []
    for code, turns in mit_interviews(root):
        if limit is not None and len(codes) >= limit:
            break
        label = {"interviewer": "Interviewer", "candidate": "Interviewee"}
        lines = [f"{label[role]}: {' '.join(text.split())}" for role, text in turns if text.strip()]
        (folder / f"{code}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        codes.append(code)
    return codes


def write_ratings(root: Path, path: Path, codes: list[str]) -> int:
    """The Turker ratings of ``codes`` in long form; returns the number of rows."""
    wanted = set(codes)
    rows = 0
    source = root / "mit-interview" / SCORES
    with (
        source.open(encoding="utf-8", newline="") as handle,
        path.open("w", encoding="utf-8", newline="") as out,
    ):
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["transcript", "criterion", "rating", "rater"])
        for row in csv.DictReader(handle):
            if row["Worker"] == AGGREGATE or row["Participant"] not in wanted:
                continue
            for trait in TRAITS:
                writer.writerow([row["Participant"], trait, row[trait], row["Worker"]])
                rows += 1
    return rows


def write_map(path: Path) -> None:
    """The ``--map`` file: each trait to its criterion, on the 1-7 scale."""
    lines = [
        f"{trait}: {{criterion: {criterion}, scale: [{SCALE[0]}, {SCALE[1]}]}}"
        for trait, criterion in TRAITS.items()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(root: Path, folder: Path, limit: int | None = None) -> tuple[Path, Path, Path]:
    """(transcripts folder, ratings.csv, map.yaml) built under ``folder``."""
    transcripts = folder / "transcripts"
    codes = write_transcripts(root, transcripts, limit)
    ratings = folder / "ratings.csv"
    write_ratings(root, ratings, codes)
    mapping = folder / "map.yaml"
    write_map(mapping)
    return transcripts, ratings, mapping


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N interviews")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--report", type=Path, default=None, help="also write the HTML report")
    parser.add_argument("--keep", type=Path, default=None, help="build the inputs here, kept")
    args = parser.parse_args()
    if not (args.corpora / "mit-interview" / SCORES).is_file():
        print(f"MIT interview corpus not found under {args.corpora}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="eval-calibration-") as temporary:
        folder = args.keep if args.keep is not None else Path(temporary)
        transcripts, ratings, mapping = build(args.corpora, folder, args.limit)
        tuned = folder / "tuned.yaml"
        argv = [
            "calibrate",
            str(ratings),
            "--transcripts",
            str(transcripts),
            "--rubric",
            "default",
            "--map",
            str(mapping),
            "--fit",
            "--fit-weights",
            "--folds",
            str(args.folds),
            "--seed",
            str(args.seed),
            "--workers",
            str(args.workers),
            "--out",
            str(tuned),
            "--quiet",
        ]
        if args.report is not None:
            argv += ["--report", str(args.report)]
        code = cli_main(argv)
        if code != 0:
            return code
        loaded = load_rubric(str(tuned))
        print(
            f"\ntuned rubric {loaded.name!r} (extends {loaded.extends!r}) loads and validates: "
            + ", ".join(
                f"{c.id} weight {c.weight:g} bands "
                + "/".join(f"{b.min:g}" for b in c.bands if b.min is not None)
                for c in loaded.criteria
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
