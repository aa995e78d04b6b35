"""How far a report read from a raw caption is from the report of the same interview
with its speaker labels and punctuation.

    python benchmarks/eval_caption_reports.py [--rubric default,behavioral,interviewer]
        [--set project,mit] [--show CRITERION [--against caption|turns]] [--limit N]

Each labelled interview is read three ways and scored with each rubric:

- ``labelled``: the source's words, punctuation and case, one paragraph per turn
  with its ``Interviewer:``/``Candidate:`` label (what a diarized, punctuated
  export gives);
- ``turns``: the same labelled turns with caption words (lowercase, no
  punctuation: ``caption_corpora``): what losing the punctuation alone costs;
- ``caption``: the caption words as one unlabelled stream, which the tool
  segments into turns and roles itself (what a candidate's auto-caption gives).

For each criterion it prints the mean score of the labelled reading; the mean
absolute difference of the other two readings from it (points out of 100),
next to a baseline that gives every interview the labelled mean (how far the
scores are from guessing the average: a reading no closer than that carries no
information about the interview); the share of interviews whose caption score
is within 10 points of the labelled one and whose band is the same; Spearman's
rank correlation of the caption scores with the labelled ones; and how many
interviews are judged in one reading and "not measurable" in the other. A
criterion is compared on the interviews both readings judge. Then, for the
questions the labelled reading finds (the question table of the report), the
share each other reading finds (starting within 3 words of it), the share it
finds at all (sharing a word with it), and of those found the share with the
same asker, form and intent.

Sets (never trained on by the shipped segmenter):

- ``project``: the held-out split of the project's mock interviews
  (``benchmarks/data/segmenter-interviews``, 11) and the labelled 60-minute
  sample (``tests/data/mock-interview-60min.labeled.txt``);
- ``mit``: the 108 MIT job interviews in ``../shared/corpora/mit-interview``
  (skipped with a note when the folder is absent).

``--show CRITERION`` prints, per interview, the three scores of that criterion
and the evidence notes of the labelled reading and of the ``--against``
reading (``caption`` by default), largest differences first, to read what
goes wrong.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import caption_corpora  # noqa: E402
from caption_corpora import LabeledStream, held_out_split  # noqa: E402
from train_segmenter import sample_stream  # noqa: E402

from transcript_tool import analyze, load_rubric, score  # noqa: E402
from transcript_tool.calibrate.stats import spearman  # noqa: E402
from transcript_tool.model import Analysis, Report  # noqa: E402
from transcript_tool.readers import read_text  # noqa: E402
from transcript_tool.rubric import Rubric  # noqa: E402

READINGS = ("labelled", "turns", "caption")
RUBRICS = ("default", "behavioral", "interviewer")
SETS = ("project", "mit")
LABELS = {"interviewer": "Interviewer", "candidate": "Candidate"}
CLOSE = 10.0  # points: a caption score this near the labelled one reads the same


def texts(stream: LabeledStream) -> dict[str, str]:
    """The three readings of one labelled stream (see the module docstring)."""
    assert stream.roles is not None
    turns: list[tuple[str, list[int]]] = []
    for i, speaker in enumerate(stream.speakers):
        role = stream.roles[speaker]
        if turns and turns[-1][0] == role:
            turns[-1][1].append(i)
        else:
            turns.append((role, [i]))
    labelled = "\n\n".join(
        f"{LABELS[role]}: {' '.join(stream.source_words[i] for i in at)}" for role, at in turns
    )
    words_only = "\n\n".join(
        f"{LABELS[role]}: {' '.join(stream.words[i] for i in at)}" for role, at in turns
    )
    return {"labelled": labelled, "turns": words_only, "caption": " ".join(stream.words)}


def streams(which: Sequence[str], limit: int | None) -> dict[str, list[LabeledStream]]:
    """The interviews of each set asked for, in file order."""
    found: dict[str, list[LabeledStream]] = {}
    if "project" in which:
        found["project"] = [*held_out_split(caption_corpora.load_project())[1], sample_stream()]
    if "mit" in which:
        if caption_corpora.available():
            found["mit"] = caption_corpora.load("mit-interview")
        else:
            print(f"mit: skipped, {caption_corpora.DEFAULT_ROOT} is absent", file=sys.stderr)
    return {name: items[:limit] if limit else items for name, items in found.items()}


@dataclass(frozen=True)
class Asked:
    """A question as one reading found it: where it starts in the stream's
    words (and ``end``, the word after its last), who asks it, its form and
    intent."""

    word: int
    role: str
    form: str
    intent: str
    end: int


@dataclass(frozen=True)
class Scored:
    """One interview's reports and questions, by reading (and rubric)."""

    id: str
    words: int
    reports: dict[tuple[str, str], Report]
    questions: dict[str, tuple[Asked, ...]]


def asked(analysis: Analysis) -> tuple[Asked, ...]:
    """The questions of ``analysis``, placed by the stream word they start at
    (every reading keeps the stream's whitespace words, in order)."""
    turns = analysis.transcript.turns
    first = [0]
    for turn in turns:
        first.append(first[-1] + len(turn.text.split()))
    return tuple(
        Asked(
            first[q.turn] + len(turns[q.turn].text[: q.start].split()),
            q.role,
            q.form,
            q.intent,
            first[q.turn] + len(turns[q.turn].text[: q.end].split()),
        )
        for q in analysis.questions
    )


def score_all(items: Sequence[LabeledStream], rubrics: dict[str, Rubric]) -> list[Scored]:
    done = []
    for stream in items:
        reports: dict[tuple[str, str], Report] = {}
        questions: dict[str, tuple[Asked, ...]] = {}
        for reading, text in texts(stream).items():
            analysis = analyze(read_text(text, f"{stream.id}.txt"))
            questions[reading] = asked(analysis)
            for name, rubric in rubrics.items():
                reports[reading, name] = score(analysis, rubric)
        done.append(Scored(stream.id, len(stream.words), reports, questions))
    return done


NEAR = 3  # words: a question starting this near the labelled one is the same question


def question_rows(name: str, scored: Sequence[Scored]) -> list[str]:
    """Per reading and asker (as labelled), how many of the labelled reading's
    questions the reading finds (one starting within ``NEAR`` words), with
    the same asker, form and intent; how many it finds at all (one sharing a
    word with it, wherever it starts); and how many it finds that the
    labelled reading does not."""
    rows = []
    for reading in READINGS[1:]:
        for role in ("interviewer", "candidate"):
            total = found = shared = same_role = same_form = same_intent = 0
            for item in scored:
                theirs = item.questions[reading]
                for q in item.questions["labelled"]:
                    if q.role != role:
                        continue
                    total += 1
                    shared += any(x.word < q.end and q.word < x.end for x in theirs)
                    match = min(
                        (x for x in theirs if abs(x.word - q.word) <= NEAR),
                        key=lambda x: abs(x.word - q.word),
                        default=None,
                    )
                    if match is None:
                        continue
                    found += 1
                    same_role += match.role == q.role
                    same_form += match.form == q.form
                    same_intent += match.intent == q.intent
            extra = sum(
                1
                for item in scored
                for x in item.questions[reading]
                if x.role == role
                and not any(abs(x.word - q.word) <= NEAR for q in item.questions["labelled"])
            )
            shares = [found / total if total else 0.0, shared / total if total else 0.0]
            shares += [
                same / found if found else 0.0 for same in (same_role, same_form, same_intent)
            ]
            figures = " ".join(f"{share:>6.2f}" for share in shares)
            rows.append(f"{name:<8} {reading:<8} {role:<12} {total:>6} {figures} {extra:>6}")
    return rows


QUESTION_HEADER = (
    f"{'set':<8} {'reading':<8} {'asker':<12} {'asked':>6} {'found':>6} {'shared':>6} "
    f"{'asker':>6} {'form':>6} {'intent':>6} {'extra':>6}"
)
QUESTION_LEGEND = (
    "Questions: asked: the labelled reading's questions of that asker; found: the share the\n"
    "reading finds (one starting within 3 words); shared: the share some question of the\n"
    "reading shares a word with, wherever it starts (a question found with a lead-in of its\n"
    "own, or cut short); asker / form / intent: of those found, the share with the same asker,\n"
    "form and intent; extra: the reading's questions of that asker that start nowhere near a\n"
    "labelled one."
)


def _criteria(report: Report) -> dict[str, tuple[float | None, str]]:
    found = {c.id: (c.score, c.band) for c in report.criteria}
    found["overall"] = (report.overall, "")
    return found


def _mean(values: Sequence[float]) -> float:
    return statistics.fmean(values) if values else float("nan")


def table(name: str, rubric: str, scored: Sequence[Scored]) -> list[str]:
    """One row per criterion of ``rubric`` over the interviews of one set."""
    ids = list(_criteria(scored[0].reports["labelled", rubric]))
    rows = []
    for cid in ids:
        lab, turns, cap, bands = [], [], [], []
        unmatched = 0
        for item in scored:
            got = {r: _criteria(item.reports[r, rubric])[cid] for r in READINGS}
            if (got["labelled"][0] is None) != (got["caption"][0] is None):
                unmatched += 1
            if got["labelled"][0] is None or got["caption"][0] is None:
                continue
            lab.append(got["labelled"][0])
            cap.append(got["caption"][0])
            bands.append(got["labelled"][1] == got["caption"][1])
            if got["turns"][0] is not None:
                turns.append(abs(got["turns"][0] - got["labelled"][0]))
        if not lab:
            rows.append(f"{name:<8} {rubric:<12} {cid:<22} {0:>4}  (never judged in both)")
            continue
        mean = _mean(lab)
        guess = _mean([abs(x - mean) for x in lab])
        diff = _mean([abs(c - x) for c, x in zip(cap, lab, strict=True)])
        close = _mean([abs(c - x) <= CLOSE for c, x in zip(cap, lab, strict=True)])
        rho = spearman(cap, lab) if len(lab) > 2 and len(set(lab)) > 1 else float("nan")
        same_band = _mean(bands) if cid != "overall" else float("nan")
        rows.append(
            f"{name:<8} {rubric:<12} {cid:<22} {len(lab):>4} {mean:>6.1f} {_mean(turns):>6.1f} "
            f"{diff:>7.1f} {guess:>6.1f} {close:>6.2f} {same_band:>5.2f} "
            f"{rho:>6.2f} {unmatched:>4}"
        )
    return rows


HEADER = (
    f"{'set':<8} {'rubric':<12} {'criterion':<22} {'n':>4} {'mean':>6} {'turns':>6} "
    f"{'caption':>7} {'guess':>6} {'<=10':>6} {'band':>5} {'rho':>6} {'only':>4}"
)
LEGEND = """\
n: interviews judged in both the labelled and the caption reading; mean: the labelled
reading's mean score; turns / caption: mean absolute difference from the labelled score
(points) with the true turns but caption words / with the caption segmented by the tool;
guess: the same for a guess of the labelled mean for every interview; <=10: share of
caption scores within 10 points; band: share with the same band; rho: Spearman of caption
and labelled scores; only: interviews judged in one of the two readings and not the other."""


def show(cid: str, rubric: str, scored: Sequence[Scored], against: str = "caption") -> None:
    """Per interview, the three scores of ``cid`` and the notes of the
    labelled and the ``against`` reading, where they differ most first."""
    for item in sorted(
        scored,
        key=lambda s: (
            -abs(
                (_criteria(s.reports[against, rubric])[cid][0] or 0)
                - (_criteria(s.reports["labelled", rubric])[cid][0] or 0)
            )
        ),
    ):
        got = [_criteria(item.reports[r, rubric])[cid][0] for r in READINGS]
        print(f"\n{item.id} ({item.words} words): " + " / ".join(f"{g}" for g in got))
        for reading in ("labelled", against):
            for c in item.reports[reading, rubric].criteria:
                if c.id == cid:
                    print(f"  {reading}: {c.feedback}")
                    for e in c.evidence:
                        quote = " ".join(e.quote.split())[:120]
                        print(f"    {e.polarity[:4]} t{e.turn} {e.note} | {quote}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rubric", default=",".join(RUBRICS))
    parser.add_argument("--set", default=",".join(SETS))
    parser.add_argument("--show", metavar="CRITERION")
    parser.add_argument("--against", choices=READINGS[1:], default="caption")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    rubric_names = args.rubric.split(",")
    rubrics = {name: load_rubric(name) for name in rubric_names}
    started = time.perf_counter()
    sets = {
        name: score_all(items, rubrics)
        for name, items in streams(args.set.split(","), args.limit).items()
    }
    if args.show:
        for name, scored in sets.items():
            for rubric in rubric_names:
                if args.show in _criteria(scored[0].reports["labelled", rubric]):
                    print(f"== {name} / {rubric} / {args.show}")
                    show(args.show, rubric, scored, args.against)
        return 0
    print(LEGEND)
    print()
    print(HEADER)
    for rubric in rubric_names:
        for name, scored in sets.items():
            for row in table(name, rubric, scored):
                print(row)
    print()
    print(QUESTION_LEGEND)
    print()
    print(QUESTION_HEADER)
    for name, scored in sets.items():
        for row in question_rows(name, scored):
            print(row)
    words = sum(s.words for scored in sets.values() for s in scored)
    files = sum(len(scored) for scored in sets.values())
    print(
        f"\n{files} interviews, {words:,} words, read three ways and scored with "
        f"{len(rubrics)} rubrics in {time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
