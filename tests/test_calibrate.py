"""``transcript-tool calibrate``: agreement between rubric scores and human ratings.

Contracts (README "Calibrate", docs/design.md "Calibration (issue 7)"): the
statistics on hand-computed cases; the command on six labeled samples with
constructed ratings (long form, wide form with --map, ordinal labels), every
bad input as one line on stderr naming file and line (exit 2); --fit with
train and held-out figures and a tuned rubric that extends the original and
validates; --report as self-contained, escaped HTML; and, when the shared
corpora are present, the MIT calibration on a small subset.
"""

from __future__ import annotations

import math
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
import yaml

from transcript_tool.calibrate import CalibrateOptions, run_calibrate
from transcript_tool.calibrate.agreement import overall_cuts, score_cuts
from transcript_tool.calibrate.fit import (
    assign,
    cross_validate_thresholds,
    fit_thresholds,
    fold_ids,
    overall_scores,
    scores_under,
    thresholds_of,
)
from transcript_tool.calibrate.ratings import load_ratings
from transcript_tool.calibrate.stats import (
    average_ranks,
    band_indices,
    bootstrap_ci,
    krippendorff_alpha,
    least_squares_mae,
    pearson,
    quadratic_kappa,
    rescale_to_scale,
    spearman,
)
from transcript_tool.cli import main
from transcript_tool.rubric import load_rubric

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
BENCHMARKS = REPO / "benchmarks"
CORPORA = REPO.parent / "shared" / "corpora"
NAMES = (
    "behavioral-interview",
    "data-analyst-screen",
    "ml-case-interview",
    "named-speakers",
    "sales-manager-interview",
    "system-design-interview",
)
# transcript -> criterion -> ratings by raters a, b, c (1-5)
RATED = {
    "behavioral-interview": {
        "think_aloud": (3, 3, 4),
        "conciseness": (3, 2, 3),
        "overall": (3, 4, 3),
    },
    "data-analyst-screen": {
        "think_aloud": (3, 4, 3),
        "conciseness": (4, 4, 5),
        "overall": (4, 3, 4),
    },
    "ml-case-interview": {"think_aloud": (5, 4, 5), "conciseness": (5, 5, 4), "overall": (5, 5, 5)},
    "named-speakers": {"think_aloud": (2, 2, 3), "conciseness": (5, 4, 5), "overall": (4, 4, 3)},
    "sales-manager-interview": {
        "think_aloud": (3, 2, 3),
        "conciseness": (4, 5, 4),
        "overall": (3, 4, 4),
    },
    "system-design-interview": {
        "think_aloud": (4, 4, 3),
        "conciseness": (4, 4, 4),
        "overall": (3, 3, 4),
    },
}
RATERS = ("a", "b", "c")
LEVELS = ("poor", "fair", "good", "very good", "excellent")
HEADER = re.compile(
    r"criterion +n  spearman \[95% CI\]     pearson \[95% CI\]      kappa    MAE  alpha$"
)


# ------------------------------------------------------------------ statistics


def test_spearman_and_pearson_on_hand_computed_cases() -> None:
    # d = (-1, 1, -1, 1, 0): rho = 1 - 6 * 4 / (5 * 24) = 0.8; no ties, so r = rho
    assert spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) == pytest.approx(0.8)
    assert pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) == pytest.approx(0.8)
    # monotone: rho 1; r = sxy / sqrt(sxx syy) = 20 / sqrt(10 * 50)
    assert spearman([1, 2, 3, 4, 5], [1, 2, 3, 4, 10]) == pytest.approx(1.0)
    assert pearson([1, 2, 3, 4, 5], [1, 2, 3, 4, 10]) == pytest.approx(20 / math.sqrt(500))
    assert list(average_ranks([3, 1, 3, 2])) == [3.5, 1.0, 3.5, 2.0]
    assert math.isnan(pearson([1, 1, 1], [1, 2, 3]))  # a constant variable
    assert math.isnan(spearman([1], [2]))
    # nan pairs are left out
    assert spearman([1, 2, np.nan, 3], [1, 2, 9, 3]) == pytest.approx(1.0)


def test_bootstrap_interval_is_seeded_and_brackets_the_estimate() -> None:
    x = list(range(20))
    y = [v + (3 if v % 3 == 0 else -2) for v in x]
    first = bootstrap_ci(spearman, x, y, seed=7)
    assert first == bootstrap_ci(spearman, x, y, seed=7)
    assert first != bootstrap_ci(spearman, x, y, seed=8)
    assert first[0] <= spearman(x, y) <= first[1] <= 1.0
    assert all(math.isnan(v) for v in bootstrap_ci(spearman, [1, 2], [1, 2], seed=0))


def test_quadratic_kappa() -> None:
    assert quadratic_kappa([0, 1, 2, 2], [0, 1, 2, 2], 3) == pytest.approx(1.0)
    # O: (0,0) (0,1) (1,1) (1,2) (2,2) (2,2); sum w*O = (1/4 + 1/4) / 6 = 1/12;
    # marginals 1/3 each and (1, 2, 3)/6: sum w*E = (1/3)(1/4)(5 + 2*2 + 3*5)/6 = 1/3
    assert quadratic_kappa([0, 0, 1, 1, 2, 2], [0, 1, 1, 2, 2, 2], 3) == pytest.approx(0.75)
    # complete reversal of a symmetric spread: -1
    assert quadratic_kappa([0, 2], [2, 0], 3) == pytest.approx(-1.0)
    assert math.isnan(quadratic_kappa([1, 1], [1, 1], 3))  # both constant: undefined
    assert quadratic_kappa([1, 1, 1], [0, 1, 2], 3) == pytest.approx(0.0)


def test_mae_after_least_squares_rescaling() -> None:
    # tool = 26 * human - 20 fits best: 6, 32, 58, 84; |residuals| 4, 2, 8, 6
    assert least_squares_mae([1, 2, 3, 4], [10, 30, 50, 90]) == pytest.approx(5.0)
    assert least_squares_mae([1, 2, 3], [20, 40, 60]) == pytest.approx(0.0)
    assert list(rescale_to_scale([1, 4, 7], 1, 7)) == [0.0, 50.0, 100.0]


def test_krippendorff_alpha_on_the_textbook_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 observers,
    # 12 units, missing values; interval alpha = 0.849
    n = np.nan
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
        [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
    ]
    assert krippendorff_alpha(data) == pytest.approx(0.849, abs=5e-4)
    assert krippendorff_alpha([[1, 2, 3], [1, 2, 3]]) == pytest.approx(1.0)
    assert math.isnan(krippendorff_alpha([[1, 2, 3], [n, n, n]]))  # no unit rated twice


# ------------------------------------------------------------------ bands and fitting


def test_bands_follow_the_rubric() -> None:
    criterion = load_rubric("default").criterion("conciseness")
    assert thresholds_of(criterion) == (80.0, 55.0)
    assert score_cuts(criterion) == (80.0, 55.0)
    assert overall_cuts(load_rubric("default")) == (80.0, 55.0)
    values = np.array([0.0, 54.9, 55.0, 79.9, 80.0, 100.0])
    names = [criterion.bands[i].band for i in assign(values, "higher", (80.0, 55.0))]
    assert names == [criterion.band_for(v).band for v in values]
    assert list(band_indices([100, 80, 79.9, 55, 10], (80, 55))) == [0, 0, 1, 1, 2]
    assert list(scores_under(criterion, (80.0, 55.0), np.array([101.0, np.nan, 42.0])))[::2] == [
        100.0,
        42.0,
    ]
    for band in load_rubric("interviewer").criteria:  # fixed band scores, direction lower
        assert list(score_cuts(band)) == sorted(score_cuts(band), reverse=True)


def test_fit_recovers_thresholds_and_prefers_the_original_on_ties() -> None:
    criterion = load_rubric("default").criterion("think_aloud")
    values = np.array([10.0, 20, 30, 38, 45, 50, 62, 68, 75, 90, 95])
    human = assign(values, "higher", (65.0, 40.0))
    fitted = fit_thresholds(values, human, criterion)
    assert fitted[0] > fitted[1]
    assert list(assign(values, "higher", fitted)) == list(human)
    # already perfect: the original thresholds stay
    perfect = assign(values, "higher", (80.0, 55.0))
    assert fit_thresholds(values, perfect, criterion) == (80.0, 55.0)
    folds = fold_ids(len(values), 3, seed=1)
    assert sorted(np.bincount(folds)) == [3, 4, 4]
    assert list(folds) == list(fold_ids(len(values), 3, seed=1))
    fit = cross_validate_thresholds(criterion, values, human, folds, 3)
    assert fit.kappa_fitted == pytest.approx(1.0)
    assert fit.kappa_original < fit.kappa_train
    assert -1.0 <= fit.kappa_heldout <= 1.0


def test_overall_scores_skip_unscored_criteria() -> None:
    scores = np.array([[80.0, 40.0], [np.nan, 40.0], [np.nan, np.nan]])
    result = overall_scores(scores, [3.0, 1.0])
    assert result[0] == pytest.approx(70.0)
    assert result[1] == pytest.approx(40.0)
    assert math.isnan(result[2])


# ------------------------------------------------------------------ the command


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def long_csv(names: dict[str, str] | None = None) -> str:
    """The ratings in long form; ``names`` renames transcripts."""
    lines = ["transcript,criterion,rating,rater"]
    for transcript, criteria in RATED.items():
        for criterion, values in criteria.items():
            for rater, value in zip(RATERS, values, strict=True):
                shown = (names or {}).get(transcript, transcript)
                lines.append(f"{shown},{criterion},{value},{rater}")
    return "\n".join(lines) + "\n"


def wide_csv(labels: bool = False) -> str:
    """The same ratings, one row per transcript and rater, one column per trait;
    with ``labels`` the overall impression as text levels."""
    lines = ["Transcript,Rater,Thinking,Brevity,Impression"]
    for transcript, criteria in RATED.items():
        for i, rater in enumerate(RATERS):
            overall = criteria["overall"][i]
            shown = LEVELS[overall - 1] if labels else str(overall)
            lines.append(
                f"{transcript}.txt,{rater},{criteria['think_aloud'][i]},"
                f"{criteria['conciseness'][i]},{shown}"
            )
    return "\n".join(lines) + "\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path (the working directory) with in/ holding six labeled samples."""
    (tmp_path / "in").mkdir()
    for name in NAMES:
        shutil.copy(SAMPLES / f"{name}.txt", tmp_path / "in" / f"{name}.txt")
    (tmp_path / "ratings.csv").write_text(long_csv(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def table(out: str) -> dict[str, list[float]]:
    """The agreement table's figures by criterion: n, rho, its interval, r, its
    interval, kappa, MAE, alpha (nan for n/a)."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if HEADER.match(line)) + 1
    rows: dict[str, list[float]] = {}
    for line in lines[start:]:
        if not line:
            break
        name, rest = line.split(maxsplit=1)
        cells = re.findall(r"-?\d+(?:\.\d+)?|n/a", rest)
        rows[name] = [math.nan if cell == "n/a" else float(cell) for cell in cells]
    return rows


KAPPA = 7


def test_long_form_table(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "calibrate", "ratings.csv", "--transcripts", "in", "-q")
    assert (code, err) == (0, "")
    assert out.startswith(
        "Calibration of rubric 'default' against ratings.csv: 6 transcripts rated and scored "
        "(of 6 under in)\n"
    )
    rows = table(out)
    assert list(rows) == ["conciseness", "think_aloud", "overall"]  # rubric order, overall last
    for figures in rows.values():
        assert len(figures) == 10  # n, rho [lo, hi], r [lo, hi], kappa, MAE, alpha
        assert figures[0] == 6
        assert all(math.isfinite(v) for v in figures)
    # think_aloud ratings follow the tool's values (68, 68, 100, 59, 64, 81) closely
    assert rows["think_aloud"][1] > 0.8
    # no --map scale: each criterion's scale is the range of its ratings
    assert "conciseness 2-5 x3; think_aloud 2-5 x3; overall 3-5\n  x3." in out
    assert max(len(line) for line in out.splitlines()) <= 100
    again = run(capsys, "calibrate", "ratings.csv", "--transcripts", "in", "-q")
    assert again == (0, out, "")


def test_wide_form_with_map_and_ordinal_labels(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, long_out, _ = run(capsys, "calibrate", "ratings.csv", "--transcripts", "in", "-q")
    (folder / "wide.csv").write_text(wide_csv(), encoding="utf-8")
    (folder / "map.yaml").write_text(
        "Thinking: think_aloud\nBrevity: conciseness\nImpression: overall\n", encoding="utf-8"
    )
    code, out, err = run(
        capsys, "calibrate", "wide.csv", "--transcripts", "in", "--map", "map.yaml", "-q"
    )
    assert (code, err) == (0, "")
    assert table(out) == table(long_out)
    assert "think_aloud <- Thinking\n  2-5 x3" in out
    (folder / "labels.csv").write_text(wide_csv(labels=True), encoding="utf-8")
    (folder / "levels.yaml").write_text(
        "Thinking: think_aloud\nBrevity: conciseness\n"
        f"Impression: {{criterion: overall, levels: [{', '.join(LEVELS)}]}}\n",
        encoding="utf-8",
    )
    code, out, err = run(
        capsys, "calibrate", "labels.csv", "--transcripts", "in", "--map", "levels.yaml", "-q"
    )
    assert (code, err) == (0, "")
    rows, long_rows = table(out), table(long_out)
    assert rows["think_aloud"] == long_rows["think_aloud"]
    # the levels give overall the scale 1-5 (the ratings span 3-5): only kappa moves
    del rows["overall"][KAPPA], long_rows["overall"][KAPPA]
    assert rows == long_rows
    assert "overall <- Impression 1-5 x3" in out


def test_ratings_are_read_with_their_scales(folder: Path) -> None:
    ids = ["conciseness", "think_aloud", "answered_question"]
    ratings = load_ratings("ratings.csv", ids, "default")
    assert ratings.form == "long"
    assert len(ratings.ratings) == 6 * 3 * 3
    assert ratings.scales == {
        "think_aloud": (2.0, 5.0),
        "conciseness": (2.0, 5.0),
        "overall": (3.0, 5.0),
    }
    first = ratings.ratings[0]
    assert (first.transcript, first.criterion, first.value, first.rater, first.line) == (
        "behavioral-interview",
        "think_aloud",
        3.0,
        "a",
        2,
    )


def form_csv() -> str:
    """The ratings as a Google Form exports them: a timestamp, the rater's
    email address, a question per trait with its scale in its name, and one
    question that rates nothing the rubric scores."""
    lines = ["Timestamp,Email Address,Transcript,Think aloud (1-5),Conciseness (1 to 5),Impression"]
    for transcript, criteria in RATED.items():
        for i, rater in enumerate(RATERS):
            lines.append(
                f"2026/11/02 10:1{i}:03 AM GMT,{rater}@coach.io,{transcript},"
                f"{criteria['think_aloud'][i]},{criteria['conciseness'][i]},good"
            )
    return "\n".join(lines) + "\n"


def test_a_form_export_is_read_by_its_column_names(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a coach's Google Form: needed a --map, and the email address was no rater
    (folder / "form.csv").write_text(form_csv(), encoding="utf-8")
    ids = ["conciseness", "think_aloud", "answered_question"]
    ratings = load_ratings("form.csv", ids, "default")
    assert ratings.form == "wide" and ratings.raters
    assert ratings.scales == {"think_aloud": (1.0, 5.0), "conciseness": (1.0, 5.0)}
    first = ratings.ratings[0]
    assert (first.transcript, first.criterion, first.rater) == (
        "behavioral-interview",
        "think_aloud",
        "a@coach.io",
    )
    assert ratings.unread == ("Timestamp", "Impression")
    code, out, err = run(capsys, "calibrate", "form.csv", "--transcripts", "in", "-q")
    assert (code, err) == (0, "")
    _, long_out, _ = run(capsys, "calibrate", "ratings.csv", "--transcripts", "in", "-q")
    rows, long_rows = table(out), table(long_out)
    # the same ratings: only kappa, whose bands the scale places, moves
    for name in ("think_aloud", "conciseness"):
        del rows[name][KAPPA], long_rows[name][KAPPA]
        assert rows[name] == long_rows[name]
    assert "think_aloud <- Think aloud (1-5) 1-5 x3" in " ".join(out.split())
    assert "not read: the columns Timestamp, Impression (a column rates" in " ".join(out.split())


BAD_INPUTS = [
    (
        "transcript,criterion,score\nbehavioral-interview,conciseness,3\n",
        "ratings.csv:1: missing column 'rating' (the columns are: transcript, criterion, "
        "score); long form needs transcript, criterion, rating[, rater]",
    ),
    (
        "transcript,conciseness_rating\nbehavioral-interview,3\n",
        "ratings.csv:1: missing column 'criterion' (the columns are: transcript, "
        "conciseness_rating); give ratings in long form (transcript, criterion, rating[, "
        "rater]), name rating columns by criterion id (answered_question, conciseness, "
        "overall, think_aloud), or map them with --map",
    ),
    (
        "transcript,criterion,rating\nml-case-interview,conciseness,4\n"
        "behavioural-interview,conciseness,3\n",
        "ratings.csv:3: unknown transcript 'behavioural-interview' (did you mean "
        "'behavioral-interview'?); no transcript under in has this id or file name",
    ),
    (
        "transcript,criterion,rating\nbehavioural-interview,conciseness,3\n"
        "sales-manager,conciseness,3\nx1,conciseness,3\nx2,overall,3\nx1,overall,3\n",
        "ratings.csv:2: 4 unknown transcripts: 'behavioural-interview' (did you mean "
        "'behavioral-interview'?), 'sales-manager' (did you mean 'sales-manager-interview'?) "
        "(line 3), 'x1' (line 4) and 1 more; no transcript under in has these id or file name",
    ),
    (
        "transcript,criterion,rating\nml-case-interview,concise,4\n",
        "ratings.csv:2: unknown criterion 'concise' (did you mean 'conciseness'?); valid ids "
        "(rubric 'default'): answered_question, conciseness, overall, think_aloud",
    ),
    (
        "transcript,criterion,rating\nml-case-interview,conciseness,4\n"
        "ml-case-interview,overall,good\n",
        "ratings.csv:3: rating 'good' in column 'rating' is not a number (for text labels, "
        "give their order in --map: levels: [worst, ..., best])",
    ),
    (
        "transcript,criterion,rating,rater\nml-case-interview,conciseness,4,a\n"
        "ml-case-interview,conciseness,5,a\n",
        "ratings.csv:3: rater 'a' rated 'conciseness' of transcript 'ml-case-interview' twice "
        "(first on line 2)",
    ),
    (
        "transcript,criterion,rating\n,conciseness,4\n",
        "ratings.csv:2: empty transcript cell",
    ),
    (
        "transcript,Conciseness (1-5)\nml-case-interview,4\nbehavioral-interview,7\n",
        "ratings.csv:3: rating '7' in column 'Conciseness (1-5)' is outside its scale [1, 5]",
    ),
]


@pytest.mark.parametrize(("text", "message"), BAD_INPUTS)
def test_bad_ratings_are_one_line_naming_file_and_line(
    folder: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    (folder / "ratings.csv").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "calibrate", "ratings.csv", "--transcripts", "in")
    assert (code, out) == (2, "")
    assert err == f"transcript-tool: error: {message}\n"


BAD_MAPS = [
    (
        "Thinking: think_aloud\nBrevity: concise\n",
        "map.yaml:2: unknown criterion 'concise' (did you mean 'conciseness'?); valid ids "
        "(rubric 'default'): answered_question, conciseness, overall, think_aloud",
    ),
    (
        "Thinking: think_aloud\nBrevity: {criterion: conciseness, scale: [5, 1]}\n",
        "map.yaml:2: 'Brevity': 'scale' must be [lowest, highest], two numbers, e.g. [1, 7]",
    ),
    (
        "Thinking: think_aloud\nWit: overall\n",
        "wide.csv:1: missing column 'Wit' named in map.yaml (the columns are: Transcript, "
        "Rater, Thinking, Brevity, Impression)",
    ),
    (
        "[think_aloud]\n",
        "map.yaml:1: expected a mapping of rating columns to criterion ids, "
        "e.g. 'Overall: overall'",
    ),
]


@pytest.mark.parametrize(("text", "message"), BAD_MAPS)
def test_bad_maps(
    folder: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    (folder / "wide.csv").write_text(wide_csv(), encoding="utf-8")
    (folder / "map.yaml").write_text(text, encoding="utf-8")
    code, out, err = run(
        capsys, "calibrate", "wide.csv", "--transcripts", "in", "--map", "map.yaml"
    )
    assert (code, out, err) == (2, "", f"transcript-tool: error: {message}\n")


def test_usage_errors(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ("calibrate", "ratings.csv", "--transcripts", "in")
    cases = {
        ("--out", "t.yaml"): "--out writes the fitted rubric: it needs --fit",
        ("--fit", "--out", "t.txt"): "--out t.txt: a rubric file must end in .yaml or .yml",
        ("--report", "r.txt"): "--report r.txt: the report file must end in .html",
        ("--fit", "--folds", "1"): "--folds must be 2 or more, got 1",
        ("--fit", "--folds", "7"): "--fit with --folds 7 needs at least 7 rated transcripts; "
        "6 were rated and scored",
    }
    for extra, message in cases.items():
        code, out, err = run(capsys, *base, *extra, "-q")
        assert (code, out, err) == (2, "", f"transcript-tool: error: {message}\n"), extra
    code, _, err = run(capsys, "calibrate", "nope.csv", "--transcripts", "in")
    assert (code, err) == (2, "transcript-tool: error: ratings file nope.csv: no such file\n")


def test_a_transcript_that_fails_is_left_out_with_a_warning(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "in" / "sales-manager-interview.txt").write_text("", encoding="utf-8")
    shutil.move(folder / "ratings.csv", folder / "in" / "ratings.csv")  # not read as a transcript
    code, out, err = run(capsys, "calibrate", "in/ratings.csv", "--transcripts", "in", "-q")
    assert code == 0
    assert err == (
        "transcript-tool: warning: in/sales-manager-interview.txt: the transcript is empty "
        "(is it the right file?) (left out)\n"
    )
    assert "5 transcripts rated and scored (of 6 under in)" in out
    assert "1 rated transcript could not be scored and is left out" in out
    assert {row[0] for row in table(out).values()} == {5}


def test_rated_transcripts_the_rubric_could_not_score_are_named_beside_n(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rated transcript with no answer to score has no conciseness score:
    n is one short of the transcripts rated, and the notes say which."""
    (folder / "in" / "sales-manager-interview.txt").write_text(
        "Interviewer: Thanks for coming in today. Let's begin.\n", encoding="utf-8"
    )
    code, out, err = run(
        capsys, "calibrate", "ratings.csv", "--transcripts", "in", "--report", "cal.html", "-q"
    )
    assert (code, err) == (0, "")
    assert "6 transcripts rated and scored (of 6 under in)" in out
    rows = table(out)
    assert (rows["conciseness"][0], rows["think_aloud"][0], rows["overall"][0]) == (5, 5, 5)
    notes = " ".join(line.strip() for line in out.split("alpha: Krippendorff", 1)[1].splitlines())
    assert (
        "n leaves out the rated transcripts the rubric could not score on the criterion "
        "(transcript-tool report on one says why): conciseness 1 (sales-manager-interview); "
        "think_aloud 1 (sales-manager-interview); overall 1 (sales-manager-interview)."
    ) in notes
    html = (folder / "cal.html").read_text(encoding="utf-8")
    assert html.count("Left out of n: 1 (sales-manager-interview), rated but not") == 3


def test_fit_writes_a_tuned_rubric_that_extends_the_original(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ("calibrate", "ratings.csv", "--transcripts", "in", "--fit", "--folds", "3")
    code, out, err = run(capsys, *argv, "--seed", "3", "--out", "tuned.yaml", "-q")
    assert (code, err) == (0, "")
    fit_header = next(
        line for line in out.splitlines() if line.startswith("criterion") and "held-out" in line
    )
    assert "train" in fit_header and "kappa: original" in fit_header
    fit_rows = out.split(fit_header + "\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [row.split()[0] for row in fit_rows] == ["conciseness", "think_aloud"]
    for row in fit_rows:
        original, train, heldout = row.split()[-3:]
        assert all(-1 <= float(v) <= 1 for v in (original, train, heldout))
    data = yaml.safe_load((folder / "tuned.yaml").read_text(encoding="utf-8"))
    assert data["extends"] == "default"
    assert data["name"] == "default-tuned"
    tuned = load_rubric("tuned.yaml")
    assert tuned.extends == "default"
    assert [c.id for c in tuned.criteria] == ["conciseness", "think_aloud", "answered_question"]
    base = load_rubric("default")
    assert tuned.criterion("answered_question") == base.criterion("answered_question")
    for item in data.get("criteria", []):
        assert set(item) <= {"id", "bands", "weight"}
        assert [b["band"] for b in item["bands"]] == ["strong", "fair", "needs work"]
    # the same seed gives the same figures and the same file
    first_yaml = (folder / "tuned.yaml").read_text(encoding="utf-8")
    again = run(capsys, *argv, "--seed", "3", "--out", "tuned.yaml", "-q")
    assert again == (0, out, "")
    assert (folder / "tuned.yaml").read_text(encoding="utf-8") == first_yaml


def test_a_fit_no_better_held_out_is_named(folder: Path) -> None:
    """Whatever the fit beat held out goes unnamed; what it did not (or
    tied) is named once, in the text and in the HTML report."""
    from dataclasses import replace

    from transcript_tool.calibrate.report import not_better_held_out, render_html

    options = CalibrateOptions("ratings.csv", "in", fit_weights=True, folds=3, seed=3)
    calibration = run_calibrate(options)
    assert calibration.weights is not None and calibration.thresholds
    better = replace(calibration.weights, rho_heldout=calibration.weights.rho_original + 0.1)
    worse = replace(calibration.weights, rho_heldout=calibration.weights.rho_original)
    unchanged = replace(worse, fitted=worse.original)
    fits = [
        replace(f, fitted=(99.0, 98.0), kappa_heldout=f.kappa_original + 0.1)
        for f in calibration.thresholds
    ]
    fits[-1] = replace(fits[-1], kappa_heldout=math.nan)
    assert not_better_held_out(replace(calibration, thresholds=fits, weights=better)) == [
        f"{fits[-1].criterion}'s thresholds"
    ]
    tied = replace(calibration, thresholds=fits[:1], weights=worse)
    assert not_better_held_out(tied) == ["the weights"]
    assert not_better_held_out(replace(tied, weights=unchanged)) == []
    text = " ".join(tied.text().split())
    assert (
        "Held out, the fit does no better than the original rubric for the weights, so the "
        "cross-validation gives no reason to adopt the fitted values there (--out writes them "
        "all the same"
    ) in text
    assert "no better than the original rubric for the weights" in render_html(tied)
    assert "no better" not in replace(tied, weights=better).text()


def test_fit_weights_and_a_rubric_file_extended_by_relative_path(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "rubrics").mkdir()
    code, text, _ = run(capsys, "rubric", "init", "--name", "mine")
    (folder / "rubrics" / "mine.yaml").write_text(text, encoding="utf-8")
    code, out, err = run(
        capsys,
        "calibrate",
        "ratings.csv",
        "--transcripts",
        "in",
        "--rubric",
        "rubrics/mine.yaml",
        "--fit-weights",
        "--folds",
        "2",
        "--out",
        "out/tuned.yaml",
        "-q",
    )
    assert (code, err) == (0, "")
    assert "rho: original" in out and "held-out" in out
    data = yaml.safe_load((folder / "out" / "tuned.yaml").read_text(encoding="utf-8"))
    assert data["extends"] == "../rubrics/mine.yaml"
    assert load_rubric("out/tuned.yaml").name == "mine-tuned"
    # never overwrite an input
    code, out, err = run(
        capsys,
        "calibrate",
        "ratings.csv",
        "--transcripts",
        "in",
        "--rubric",
        "rubrics/mine.yaml",
        "--fit",
        "--out",
        "rubrics/mine.yaml",
    )
    assert (code, out) == (2, "")
    assert err == (
        "transcript-tool: error: --out rubrics/mine.yaml is the rubric; it would be overwritten\n"
    )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


@pytest.mark.skipif(sys.platform == "win32", reason="'<' and '>' cannot be in Windows names")
def test_html_report_is_self_contained_and_escaped(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = "<script>alert(1)</script>"
    # a folder "<script>alert(1)<" holding "script>.txt": its path under in/ is the name
    inside = folder / "in" / "<script>alert(1)<"
    inside.mkdir()
    (folder / "in" / "named-speakers.txt").rename(inside / "script>.txt")
    (folder / "ratings.csv").write_text(long_csv({"named-speakers": hostile}), encoding="utf-8")
    code, out, err = run(
        capsys, "calibrate", "ratings.csv", "--transcripts", "in", "--report", "cal.html", "-q"
    )
    assert (code, err) == (0, "")
    html = (folder / "cal.html").read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(html)
    parser.close()
    rows = table(out)
    assert parser.tags.count("svg") == len(rows) == html.count("<svg")
    assert "script" not in parser.tags
    assert hostile not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not any(word in html for word in ("http://", "https://", "<link", "src=", "@import"))
    assert not list(folder.glob(".cal.html*"))  # no temporary file left


# ------------------------------------------------------------------ the real corpus

corpora = pytest.mark.skipif(
    not (CORPORA / "mit-interview").is_dir(), reason=f"the shared corpora are not at {CORPORA}"
)


@corpora
def test_mit_calibration_on_a_subset(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from eval_calibration import TRAITS, build
    finally:
        sys.path.remove(str(BENCHMARKS))
    transcripts, ratings, mapping = build(CORPORA, tmp_path, limit=12)
    result = run_calibrate(
        CalibrateOptions(
            ratings=str(ratings),
            transcripts=str(transcripts),
            map=str(mapping),
            fit=True,
            folds=3,
            out=str(tmp_path / "tuned.yaml"),
        )
    )
    assert [row.criterion for row in result.rows] == [
        "conciseness",
        "answered_question",
        "overall",
    ]
    assert set(TRAITS.values()) == {row.criterion for row in result.rows}
    for row in result.rows:
        assert row.n == 12
        assert row.raters == 9
        assert row.scale == (1.0, 7.0)
        for value in (row.spearman, row.pearson, row.mae, row.alpha, *row.spearman_ci):
            assert math.isfinite(value), row
    assert [fit.criterion for fit in result.thresholds] == ["conciseness", "answered_question"]
    assert load_rubric(str(tmp_path / "tuned.yaml")).extends == "default"
    assert "held-out" in result.text()
