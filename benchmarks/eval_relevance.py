"""Does the ``relevance`` metric ("answered the asked question") agree with human labels?

    python benchmarks/eval_relevance.py [--corpus clarity|hearings|all] [--limit N]
                                        [--corpora DIR] [--dump FILE.csv]

Data come from ``relevance_corpora`` (the corpora, the text cleaning and the label
decisions are documented there): CLARITY presidential-interview pairs with 3 annotators,
and congressional-hearing pairs with 3-7 Mechanical Turk workers. The corpora live in
``../shared/corpora`` next to the repository (``--corpora DIR`` to point elsewhere); a
corpus whose folder is absent is reported in one line and skipped (exit status 0), as on a
fresh clone.

The question of a CLARITY pair is its extracted sub-question, or, when that is a topic
without a "?" (70 rows), the journalist's own question sentence on the topic
(``relevance_corpora.resolve_clarity_question``); both scorers see the same text.

Scores (higher = "the answer addressed the question"), one pair at a time:

metric
    :func:`metric_score`: a two-turn transcript (the question as the interviewer's turn,
    the answer as the candidate's) goes through ``analyze`` and
    ``METRICS["relevance"]``; the pair's score is the mean of the metric's per-question
    items (0-100). When the metric returns no items (no question found in the question
    text, so nothing was answered), the pair scores ``result.value`` if it is not None,
    else 0.0; such pairs are counted and a few of them are shown.
baseline
    :func:`word_overlap`: the share of the question's distinct content words that occur
    in the answer. Words are runs of letters (an apostrophe joins two runs: "don't"),
    lowercased; content words are purely alphabetic words of two letters or more that are
    not in spaCy's English stop-word list (:data:`STOP_WORDS`). A question without
    content words scores 0.0.

Rows whose question or answer is empty after cleaning are skipped and counted.

Figures, per corpus and subset: n, positives, ROC AUC of the metric and of the baseline
(:func:`roc_auc`: the Mann-Whitney U statistic over n_pos x n_neg, ties counted half via
average ranks), their difference, the best F1 over all thresholds of each score with the
threshold (:func:`best_f1`: "positive when score >= t", t over the sorted distinct
scores; the lowest t wins a tie) and the F1 of calling every pair positive, for scale.

- clarity: ``agreed`` = the three annotators gave the same label; ``majority`` = at least
  two of three did (rows without a majority are left out). Positive = Explicit (primary)
  and, as a secondary figure, Explicit or Implicit (the taxonomy's "clear reply").
- hearings: ``agreed`` = ``entropy == 0`` (all gold workers gave one coarse label);
  ``all rows`` = every row with its majority target (answer or over-answer chosen by
  more than half of the workers; see ``relevance_corpora``).

Targets (printed with pass/fail): metric AUC >= 0.70 on clarity's agreed rows (Explicit)
and >= 0.65 on hearings' agreed rows, each at least 0.05 above the baseline's AUC.
Everything printed is deterministic except the timing lines (elapsed seconds and pairs per
second of the metric; the spaCy pipeline is loaded before timing). ``--limit N`` keeps the
first N rows of each corpus; ``--dump FILE.csv`` writes one row per scored pair (corpus,
row id, annotator labels, majority label, agreed, positive, clear reply, metric and
baseline scores, questions found, whether the metric gave no items).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import pandas as pd  # type: ignore[import-untyped]  # noqa: E402
from relevance_corpora import (  # noqa: E402
    DEFAULT_ROOT,
    FOLDERS,
    LOADERS,
    CorpusName,
    LabeledPair,
    available,
    corpus_dir,
)
from spacy.lang.en.stop_words import STOP_WORDS as SPACY_STOP_WORDS  # noqa: E402

from transcript_tool import analyze  # noqa: E402
from transcript_tool.metrics import METRICS  # noqa: E402
from transcript_tool.model import Speaker, Transcript, Turn  # noqa: E402

CHOICES = ("clarity", "hearings", "all")
CORPUS_TITLES: dict[CorpusName, str] = {
    "clarity": "presidential interviews",
    "hearings": "congressional hearings",
}
STOP_WORDS: frozenset[str] = frozenset(word.lower() for word in SPACY_STOP_WORDS)
"""The baseline's stop words: spaCy's English list, lowercased."""


# --------------------------------------------------------------------------- scores


@dataclass(frozen=True)
class MetricOutcome:
    """What :func:`metric_score` computed for one pair: the ``score``, the number of
    ``questions`` the tool found in the question text, and ``fallback`` = the metric gave
    no per-question items."""

    score: float
    questions: int
    fallback: bool


MetricCache = dict[tuple[str, str], MetricOutcome]
"""Outcomes by (question, answer), filled by :func:`metric_score`."""

Scorer = Callable[[str, str, MetricCache], float]
"""The signature of :func:`metric_score`, for swapping in another scorer."""


def pair_transcript(question: str, answer: str) -> Transcript:
    """The interviewer's ``question`` turn followed by the candidate's ``answer`` turn."""
    return Transcript(
        id=None,
        format="pairs",
        speakers=(Speaker("Q", None, "interviewer"), Speaker("A", None, "candidate")),
        turns=(Turn(0, "Q", "interviewer", question), Turn(1, "A", "candidate", answer)),
    )


def metric_outcome(question: str, answer: str) -> MetricOutcome:
    """The relevance metric on the two-turn transcript (see the module doc)."""
    analysis = analyze(pair_transcript(question, answer))
    result = METRICS["relevance"](analysis)
    found = sum(1 for q in analysis.questions if q.turn == 0)
    if result.items:
        values = [value for _, value in result.items]
        return MetricOutcome(sum(values) / len(values), found, fallback=False)
    value = 0.0 if result.value is None else float(result.value)
    return MetricOutcome(value, found, fallback=True)


def metric_score(question: str, answer: str, cache: MetricCache | None = None) -> float:
    """The project's relevance score of one pair, 0-100; ``cache`` keeps each outcome."""
    key = (question, answer)
    if cache is not None and key in cache:
        return cache[key].score
    outcome = metric_outcome(question, answer)
    if cache is not None:
        cache[key] = outcome
    return outcome.score


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def words(text: str) -> list[str]:
    """The lowercased words of ``text`` (letter runs, joined by in-word apostrophes)."""
    return [word.lower().replace("’", "'") for word in _WORD.findall(text)]


def content_words(text: str) -> list[str]:
    """Distinct alphabetic words of ``text`` of two letters or more that are not stop
    words, in order of first occurrence."""
    kept = (w for w in words(text) if w.isalpha() and len(w) > 1 and w not in STOP_WORDS)
    return list(dict.fromkeys(kept))


def word_overlap(question: str, answer: str) -> float:
    """Baseline: the share of the question's content words that occur in the answer."""
    asked = content_words(question)
    if not asked:
        return 0.0
    said = set(words(answer))
    return sum(1 for word in asked if word in said) / len(asked)


# --------------------------------------------------------------------------- figures


def _arrays(
    scores: Sequence[float], positives: Sequence[bool]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    if len(scores) != len(positives):
        raise ValueError(f"{len(scores)} scores but {len(positives)} labels")
    return np.asarray(scores, dtype=np.float64), np.asarray(positives, dtype=np.bool_)


def roc_auc(scores: Sequence[float], positives: Sequence[bool]) -> float:
    """Area under the ROC curve: the chance that a random positive scores above a random
    negative, ties counting one half (Mann-Whitney U with average ranks). NaN when one
    class is empty."""
    values, truth = _arrays(scores, positives)
    n_pos = int(truth.sum())
    n_neg = len(truth) - n_pos
    if n_pos == 0 or n_neg == 0:
        return math.nan
    ranks = pd.Series(values).rank(method="average").to_numpy(dtype=np.float64)
    u = float(ranks[truth].sum()) - n_pos * (n_pos + 1) / 2
    return u / (n_pos * n_neg)


def best_f1(scores: Sequence[float], positives: Sequence[bool]) -> tuple[float, float]:
    """The highest F1 of "positive when score >= t" over every distinct score t, and the
    lowest t that reaches it. (NaN, NaN) without positives."""
    values, truth = _arrays(scores, positives)
    n_pos = int(truth.sum())
    if n_pos == 0:
        return math.nan, math.nan
    thresholds = np.unique(values)
    predicted = values[np.newaxis, :] >= thresholds[:, np.newaxis]
    tp = (predicted & truth).sum(axis=1)
    fp = (predicted & ~truth).sum(axis=1)
    f1 = 2 * tp / (2 * tp + fp + (n_pos - tp))
    best = int(np.argmax(f1))
    return float(f1[best]), float(thresholds[best])


def all_positive_f1(positives: Sequence[bool]) -> float:
    """F1 of calling every pair positive (the floor a useful threshold must beat)."""
    n_pos = sum(1 for p in positives if p)
    return 2 * n_pos / (n_pos + len(positives)) if positives else math.nan


# --------------------------------------------------------------------------- evaluation


@dataclass(frozen=True)
class ScoredPair:
    """A pair with both scores; ``questions``/``fallback`` come from the scorer's cache
    entry (-1/False when a swapped-in scorer leaves the cache empty)."""

    pair: LabeledPair
    metric: float
    baseline: float
    questions: int
    fallback: bool


@dataclass(frozen=True)
class SubsetFigures:
    name: str
    n: int
    positives: int
    auc_metric: float
    auc_baseline: float
    f1_metric: tuple[float, float]
    f1_baseline: tuple[float, float]
    f1_all_positive: float

    @property
    def auc_gain(self) -> float:
        return self.auc_metric - self.auc_baseline


@dataclass
class Target:
    name: str
    goal: float
    value: float | None = None

    @property
    def result(self) -> str:
        if self.value is None or math.isnan(self.value):
            return "not evaluated"
        return "pass" if self.value >= self.goal else "FAIL"


def score_pairs(
    pairs: Sequence[LabeledPair], scorer: Scorer = metric_score
) -> tuple[list[ScoredPair], float]:
    """Every pair scored by ``scorer`` and the baseline, and the seconds ``scorer`` took."""
    cache: MetricCache = {}
    scored = []
    elapsed = 0.0
    for pair in pairs:
        started = time.perf_counter()
        metric = scorer(pair.question, pair.answer, cache)
        elapsed += time.perf_counter() - started
        outcome = cache.get((pair.question, pair.answer))
        scored.append(
            ScoredPair(
                pair=pair,
                metric=metric,
                baseline=word_overlap(pair.question, pair.answer),
                questions=-1 if outcome is None else outcome.questions,
                fallback=outcome is not None and outcome.fallback,
            )
        )
    return scored, elapsed


def subset_figures(name: str, rows: Sequence[tuple[ScoredPair, bool]]) -> SubsetFigures:
    """The figures of one subset: ``rows`` are (scored pair, positive)."""
    truth = [positive for _, positive in rows]
    metric = [s.metric for s, _ in rows]
    baseline = [s.baseline for s, _ in rows]
    return SubsetFigures(
        name=name,
        n=len(rows),
        positives=sum(truth),
        auc_metric=roc_auc(metric, truth),
        auc_baseline=roc_auc(baseline, truth),
        f1_metric=best_f1(metric, truth),
        f1_baseline=best_f1(baseline, truth),
        f1_all_positive=all_positive_f1(truth),
    )


def _answered(rows: Sequence[ScoredPair]) -> list[tuple[ScoredPair, bool]]:
    return [(s, s.pair.answered is True) for s in rows]


def _clear_reply(rows: Sequence[ScoredPair]) -> list[tuple[ScoredPair, bool]]:
    return [(s, s.pair.clear_reply is True) for s in rows]


def subsets(corpus: CorpusName, scored: Sequence[ScoredPair]) -> list[SubsetFigures]:
    """The subsets of ``corpus`` (the first one is the one the target is set on)."""
    agreed = [s for s in scored if s.pair.agreed]
    if corpus == "clarity":
        majority = [s for s in scored if s.pair.label is not None]
        return [
            subset_figures("agreed 3/3, Explicit", _answered(agreed)),
            subset_figures("majority 2/3, Explicit", _answered(majority)),
            subset_figures("agreed 3/3, Explicit+Implicit", _clear_reply(agreed)),
            subset_figures("majority 2/3, Explicit+Implicit", _clear_reply(majority)),
        ]
    return [
        subset_figures("agreed (entropy 0), answer", _answered(agreed)),
        subset_figures("all rows, majority answer", _answered(scored)),
    ]


def number(value: float, digits: int = 3) -> str:
    return "n/a" if math.isnan(value) else f"{value:.{digits}f}"


def f1_cell(f1: tuple[float, float]) -> str:
    value, threshold = f1
    return "n/a" if math.isnan(value) else f"{value:.3f} @{threshold:.3g}"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Plain-text table: first column left-aligned, the others right-aligned."""
    cells = [list(header), *[list(row) for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        rest = [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join([row[0].ljust(widths[0]), *rest]).rstrip())
    return "\n".join(lines)


FIGURE_HEADER = (
    "subset",
    "n",
    "pos",
    "AUC metric",
    "AUC base",
    "AUC diff",
    "best F1 metric",
    "best F1 base",
    "F1 all pos",
)


def figure_row(figures: SubsetFigures) -> list[str]:
    return [
        figures.name,
        str(figures.n),
        str(figures.positives),
        number(figures.auc_metric),
        number(figures.auc_baseline),
        number(figures.auc_gain),
        f1_cell(figures.f1_metric),
        f1_cell(figures.f1_baseline),
        number(figures.f1_all_positive),
    ]


def shorten(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def report(
    corpus: CorpusName, pairs: Sequence[LabeledPair], scorer: Scorer
) -> tuple[list[SubsetFigures], list[ScoredPair], float]:
    """Score and print one corpus; its subset figures, scored pairs and scoring seconds."""
    print(f"== {corpus} ({FOLDERS[corpus]}, {CORPUS_TITLES[corpus]}): {len(pairs)} rows ==")
    kept = [p for p in pairs if p.question and p.answer]
    print(f"skipped, empty question or answer text: {len(pairs) - len(kept)}")
    resolved = sum(1 for p in kept if p.question_source != "question")
    if resolved:
        print(
            f"question text taken from the journalist's own question sentence "
            f"(the sub-question was a topic): {resolved}"
        )
    scored, elapsed = score_pairs(kept, scorer)
    fallback = [s for s in scored if s.fallback]
    undetected = [s for s in scored if s.questions == 0]
    print(
        f"metric gave no per-question items for {len(fallback)} of {len(scored)} pairs "
        f"(scored {sorted({s.metric for s in fallback}) or '-'}); no question found in the "
        f"question text: {len(undetected)}"
    )
    for s in undetected[:3]:
        print(f'  e.g. row {s.pair.id}: "{shorten(s.pair.question)}"')
    figures = subsets(corpus, scored)
    print(table(FIGURE_HEADER, [figure_row(f) for f in figures]))
    rate = len(scored) / elapsed if elapsed > 0 else math.nan
    print(f"metric time: {elapsed:.1f} s, {number(rate, 1)} pairs/s")
    print()
    return figures, scored, elapsed


def dump(path: Path, scored: Sequence[ScoredPair]) -> None:
    """One CSV row per scored pair (written with pandas)."""
    frame = pd.DataFrame(
        [
            {
                "corpus": s.pair.corpus,
                "row_id": s.pair.id,
                "annotations": " | ".join(s.pair.annotations),
                "label": s.pair.label or "",
                "agreed": s.pair.agreed,
                "positive": s.pair.answered,
                "clear_reply": s.pair.clear_reply,
                "metric": round(s.metric, 4),
                "baseline": round(s.baseline, 4),
                "questions_found": s.questions,
                "metric_no_items": s.fallback,
            }
            for s in scored
        ],
        columns=[
            "corpus",
            "row_id",
            "annotations",
            "label",
            "agreed",
            "positive",
            "clear_reply",
            "metric",
            "baseline",
            "questions_found",
            "metric_no_items",
        ],
    )
    frame.to_csv(path, index=False)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", choices=CHOICES, default="all")
    parser.add_argument("--limit", type=int, default=None, help="first N rows of each corpus")
    parser.add_argument("--corpora", type=Path, default=None, help=f"default {DEFAULT_ROOT}")
    parser.add_argument("--dump", type=Path, default=None, help="write per-pair scores (CSV)")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    started = time.perf_counter()
    wanted: list[CorpusName] = ["clarity", "hearings"] if args.corpus == "all" else [args.corpus]
    targets: dict[CorpusName, tuple[Target, Target]] = {
        "clarity": (
            Target("clarity agreed rows (Explicit): metric AUC", 0.70),
            Target("clarity agreed rows (Explicit): AUC - baseline AUC", 0.05),
        ),
        "hearings": (
            Target("hearings agreed rows: metric AUC", 0.65),
            Target("hearings agreed rows: AUC - baseline AUC", 0.05),
        ),
    }
    present = [c for c in wanted if available(c, args.corpora)]
    for corpus in wanted:
        if corpus not in present:
            where = f"../shared/corpora/{FOLDERS[corpus]}"
            if args.corpora is not None:
                where = str(corpus_dir(corpus, args.corpora))
            print(f"{corpus}: {where} is not present (a fresh clone has no ../shared); skipped")
    all_scored: list[ScoredPair] = []
    scoring = 0.0
    if present:
        metric_score("Is the pipeline loaded?", "Yes, it is loaded.")  # warm-up, not timed
        print(
            "metric = mean of the relevance metric's per-question items (0-100); "
            "baseline = share of the question's content words found in the answer"
        )
        print()
    for corpus in present:
        pairs = LOADERS[corpus](args.corpora)[: args.limit]
        figures, scored, elapsed = report(corpus, pairs, metric_score)
        all_scored.extend(scored)
        scoring += elapsed
        auc, gain = targets[corpus]
        auc.value, gain.value = figures[0].auc_metric, figures[0].auc_gain
    rows = [
        [t.name, f">= {t.goal:.2f}", "n/a" if t.value is None else number(t.value), t.result]
        for corpus in wanted
        for t in targets[corpus]
    ]
    print(table(("target", "goal", "figure", "result"), rows))
    if args.dump is not None and all_scored:
        dump(args.dump, all_scored)
        print(f"wrote {len(all_scored)} rows to {args.dump}")
    total = time.perf_counter() - started
    rate = len(all_scored) / scoring if scoring > 0 else math.nan
    print(
        f"elapsed: {total:.1f} s in all; metric {scoring:.1f} s for {len(all_scored)} pairs "
        f"({number(rate, 1)} pairs/s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
