"""Rubric loading and validation: the built-in rubric, and every problem pinned."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from transcript_tool import rubric_check
from transcript_tool.errors import RubricError, UsageError
from transcript_tool.metrics import MetricSpec, Param, Params
from transcript_tool.model import Analysis, MetricResult
from transcript_tool.rubric import Band, Criterion, builtin_rubrics, load_rubric, parse_rubric

REPO = Path(__file__).resolve().parent.parent


def _unused(analysis: Analysis, params: Params) -> MetricResult:
    raise AssertionError("validation never runs a metric")


def _spec(name: str, scale: str = "score", **params: Param) -> MetricSpec:
    details = {"conciseness": ("fillers", "filler_rate", "long_answers")}.get(name, ("answers",))
    return MetricSpec(name, _unused, "", scale, params, details)  # type: ignore[arg-type]


# A registry frozen for these tests, so that adding metrics, params or details
# elsewhere does not change the pinned messages.
TEST_METRICS = {
    "conciseness": _spec(
        "conciseness",
        max_words=Param("integer", 220, "answers longer than this lose credit", 10),
        repeat_ngram=Param("integer", 4, "length of a phrase counted as repeated", 2, 8),
        filler_rate_ok=Param("number", 2.0, "fillers per 100 words with no penalty", 0),
    ),
    "relevance": _spec("relevance"),
    "think_aloud": _spec("think_aloud"),
}


@pytest.fixture
def metrics(monkeypatch: pytest.MonkeyPatch) -> dict[str, MetricSpec]:
    registry = dict(TEST_METRICS)
    monkeypatch.setattr(rubric_check, "METRICS", registry)
    return registry


def problems(text: str) -> list[str]:
    """Every problem parse_rubric reports for ``text``, formatted as for bad.yaml."""
    with pytest.raises(RubricError) as caught:
        parse_rubric(textwrap.dedent(text), "bad.yaml")
    return [problem.format("bad.yaml") for problem in caught.value.problems]


# --------------------------------------------------------------------------- built-in


def test_builtin_default_loads_by_name() -> None:
    rubric = load_rubric("default")
    assert rubric.name == "default"
    assert rubric.version == "1.0"
    assert rubric.description
    assert [c.id for c in rubric.criteria] == ["conciseness", "think_aloud", "answered_question"]
    assert [c.metric for c in rubric.criteria] == ["conciseness", "think_aloud", "relevance"]
    for criterion in rubric.criteria:
        assert criterion.weight == 1.0
        assert criterion.direction == "higher"
        assert len(criterion.bands) == 3
        assert criterion.bands[-1].min is None
        assert all(band.feedback for band in criterion.bands)


def test_builtin_default_loads_by_path() -> None:
    by_path = load_rubric(str(REPO / "rubrics" / "default.yaml"))
    by_name = load_rubric("default")
    assert by_path.criteria == by_name.criteria
    assert by_path.source == str(REPO / "rubrics" / "default.yaml")


def test_a_path_object_is_a_rubric_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import transcript_tool

    by_path = transcript_tool.load_rubric(REPO / "rubrics" / "ml-design.yaml")
    assert by_path.criteria == load_rubric("ml-design").criteria
    # a bare Path names a file in the working folder, never a built-in rubric
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError) as caught:
        load_rubric(Path("default"))
    assert str(caught.value) == "rubric file not found: 'default'"


def test_builtin_rubrics_lists_default() -> None:
    assert "default" in builtin_rubrics()
    assert builtin_rubrics() == sorted(builtin_rubrics())


def test_unknown_builtin_name_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as caught:
        load_rubric("xyz")
    assert str(caught.value) == (
        "unknown rubric 'xyz'; built-in rubrics: behavioral, default, interviewer, ml-design "
        "(or give a path to a .yaml file)"
    )


def test_misspelt_builtin_name_suggests_the_closest() -> None:
    with pytest.raises(UsageError, match=r"unknown rubric 'defualt' \(did you mean 'default'\?\)"):
        load_rubric("defualt")


def test_missing_rubric_file_is_a_usage_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.yaml")
    with pytest.raises(UsageError, match="rubric file not found"):
        load_rubric(missing)


def test_rubric_file_by_path_reports_its_name(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("name: mine\ncriteria: []\n", encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_rubric(str(path))
    assert str(caught.value) == (
        f"{path}:2:11: [criteria] expected a list of criteria, got an empty list"
    )


# --------------------------------------------------------------------------- good rubrics

GOOD = """\
name: good
version: 1.10
criteria:
  - id: concise
    metric: conciseness
    params: {max_words: 150}
    bands:
      - {band: strong, min: 80, feedback: "{filler_rate:.1f} fillers per 100 words"}
      - {band: weak, min: 0, feedback: ""}
  - id: on-topic
    title: On topic
    metric: relevance
    direction: lower
    weight: 0
    bands:
      - {band: close, max: 20, score: 100, feedback: "{value} is low"}
      - {band: far, score: 0, feedback: "Stay on topic, {{please}}."}
"""


def test_a_good_rubric_parses_with_defaults(metrics: dict[str, MetricSpec]) -> None:
    rubric = parse_rubric(GOOD, "good.yaml")
    concise, on_topic = rubric.criteria
    assert (rubric.name, rubric.version, rubric.description, rubric.source) == (
        "good",
        "1.10",
        "",
        "good.yaml",
    )
    assert concise == Criterion(
        id="concise",
        title="concise",
        metric="conciseness",
        params={"max_words": 150},
        weight=1.0,
        direction="higher",
        bands=(
            Band("strong", "{filler_rate:.1f} fillers per 100 words", 80.0, None, None),
            Band("weak", "", 0.0, None, None),
        ),
        line=4,
    )
    assert (on_topic.title, on_topic.direction, on_topic.weight, on_topic.line) == (
        "On topic",
        "lower",
        0.0,
        10,
    )
    assert on_topic.bands[1] == Band("far", "Stay on topic, {{please}}.", None, None, 0.0)


# --------------------------------------------------------------------------- bad rubrics

HEAD = """\
name: x
criteria:
  - id: c
    metric: conciseness
"""
BANDS = """\
    bands:
      - band: good
        min: 50
        feedback: Well done.
      - band: weak
        feedback: Try again.
"""
AVAILABLE = "available: {band}, {filler_rate}, {fillers}, {long_answers}, {quote}, {score}, {value}"

BAD_RUBRICS = [
    pytest.param(
        "name: x\ncriteria:\n  - id: c\n    metric: concisenes\n" + BANDS,
        [
            "bad.yaml:4:13: [criteria -> 0 -> metric] unknown metric 'concisenes' "
            "(did you mean 'conciseness'?); available: conciseness, relevance, think_aloud"
        ],
        id="unknown-metric",
    ),
    pytest.param(
        "name: !!python/object/apply:os.system ['echo owned']\n" + HEAD[8:] + BANDS,
        ["bad.yaml:1:7: [name] YAML tags are not allowed here: '!!python/object/apply:os.system'"],
        id="python-tag",
    ),
    pytest.param(
        "name: x\ncriteria:\n  - id: c\n    metric: !!python/name:os.system\n" + BANDS,
        [
            "bad.yaml:4:13: [criteria -> 0 -> metric] YAML tags are not allowed here: "
            "'!!python/name:os.system'"
        ],
        id="python-tag-scalar",
    ),
    pytest.param(
        "name: x\nname: y\n" + HEAD[8:] + BANDS,
        ["bad.yaml:2:1: [name] duplicate key 'name' (first defined at line 1)"],
        id="duplicate-key",
    ),
    pytest.param(
        HEAD + BANDS + "  - id: c\n    metric: relevance\n" + BANDS,
        [
            "bad.yaml:11:9: [criteria -> 1 -> id] duplicate criterion id 'c' "
            "(first defined at line 3)"
        ],
        id="duplicate-id",
    ),
    pytest.param(
        HEAD.replace("id: c", "id: Concise") + BANDS,
        [
            "bad.yaml:3:9: [criteria -> 0 -> id] invalid criterion id 'Concise'; use lowercase "
            "letters, digits, '_' and '-', starting with a letter"
        ],
        id="bad-id",
    ),
    pytest.param(
        HEAD + "    weight: heavy\n" + BANDS,
        ["bad.yaml:5:13: [criteria -> 0 -> weight] expected a number, got string 'heavy'"],
        id="weight-not-a-number",
    ),
    pytest.param(
        HEAD + "    weight: -1\n" + BANDS,
        ["bad.yaml:5:13: [criteria -> 0 -> weight] must be at least 0, got -1"],
        id="weight-negative",
    ),
    pytest.param(
        HEAD + "    direction: up\n" + BANDS,
        [
            "bad.yaml:5:16: [criteria -> 0 -> direction] expected 'higher' or 'lower', "
            "got string 'up'"
        ],
        id="bad-direction",
    ),
    pytest.param(
        "name: 3\nversion: true\ndescription: [a]\n" + HEAD[8:] + BANDS,
        [
            "bad.yaml:1:7: [name] expected a rubric name (a string), got integer 3",
            "bad.yaml:2:10: [version] expected a version (a string or number), got boolean true",
            "bad.yaml:3:14: [description] expected a description (a string), got list",
        ],
        id="top-level-types",
    ),
    pytest.param(
        "name: x\ndescriptoin: y\n" + HEAD[8:] + BANDS,
        [
            "bad.yaml:2:1: [descriptoin] unknown key 'descriptoin' (did you mean 'description'?); "
            "expected one of: concepts, criteria, description, extends, name, version"
        ],
        id="unknown-top-level-key",
    ),
    pytest.param(
        HEAD + "    wieght: 2\n" + BANDS,
        [
            "bad.yaml:5:5: [criteria -> 0 -> wieght] unknown key 'wieght' (did you mean "
            "'weight'?); expected one of: applies_to, bands, direction, disabled, id, metric, "
            "params, title, weight"
        ],
        id="unknown-criterion-key",
    ),
    pytest.param(
        HEAD + BANDS.replace("min: 50", "min: 50\n        scroe: 3"),
        [
            "bad.yaml:8:9: [criteria -> 0 -> bands -> 0 -> scroe] unknown key 'scroe' (did you "
            "mean 'score'?); expected one of: band, feedback, max, min, score"
        ],
        id="unknown-band-key",
    ),
    pytest.param(
        HEAD + "    params:\n      max_word: 100\n      repeat_ngram: 20\n"
        "      filler_rate_ok: lots\n" + BANDS,
        [
            "bad.yaml:6:7: [criteria -> 0 -> params -> max_word] unknown param 'max_word' (did "
            "you mean 'max_words'?); conciseness takes: filler_rate_ok, max_words, repeat_ngram",
            "bad.yaml:7:21: [criteria -> 0 -> params -> repeat_ngram] must be at most 8, got 20",
            "bad.yaml:8:23: [criteria -> 0 -> params -> filler_rate_ok] expected number, "
            "got str 'lots'",
        ],
        id="params",
    ),
    pytest.param(
        HEAD + "    params: [max_words]\n" + BANDS,
        [
            "bad.yaml:5:13: [criteria -> 0 -> params] expected a mapping (param name: value), "
            "got list"
        ],
        id="params-not-a-mapping",
    ),
    pytest.param(
        HEAD
        + "    bands:\n      - {band: a, min: 55, feedback: x}\n"
        + "      - {band: b, min: 80, feedback: x}\n      - {band: c, feedback: x}\n",
        [
            "bad.yaml:7:24: [criteria -> 0 -> bands -> 1 -> min] bands are not ordered: min 80 "
            "follows min 55 (direction higher needs decreasing min)"
        ],
        id="bands-out-of-order",
    ),
    pytest.param(
        HEAD
        + "    direction: lower\n    bands:\n      - {band: a, max: 50, feedback: x}\n"
        + "      - {band: b, max: 20, feedback: x}\n      - {band: c, feedback: x}\n",
        [
            "bad.yaml:8:24: [criteria -> 0 -> bands -> 1 -> max] bands are not ordered: max 20 "
            "follows max 50 (direction lower needs increasing max)"
        ],
        id="bands-out-of-order-lower",
    ),
    pytest.param(
        HEAD + "    bands:\n      - {band: a, feedback: x}\n      - {band: b, feedback: x}\n",
        [
            "bad.yaml:6:9: [criteria -> 0 -> bands -> 0] missing required key 'min' (with "
            "direction higher every band but the last needs one)"
        ],
        id="band-without-min",
    ),
    pytest.param(
        HEAD + "    bands:\n      - {band: a, min: 50, feedback: x}\n"
        "      - {band: b, min: 10, feedback: x}\n",
        [
            "bad.yaml:7:24: [criteria -> 0 -> bands -> 1 -> min] values below min 10 fall in no "
            "band; leave 'min' out of the last band so that it takes every lower value"
        ],
        id="last-band-with-min",
    ),
    pytest.param(
        HEAD + "    bands:\n      - {band: a, max: 50, min: 40, feedback: x}\n"
        "      - {band: b, feedback: x}\n",
        [
            "bad.yaml:6:19: [criteria -> 0 -> bands -> 0 -> max] 'max' is for direction lower; "
            "with direction higher each band has a 'min'"
        ],
        id="max-with-direction-higher",
    ),
    pytest.param(
        HEAD + "    bands:\n      - min: 50\n        feedback: x\n"
        "      - band: ''\n        feedback: x\n",
        [
            "bad.yaml:6:9: [criteria -> 0 -> bands -> 0] missing required key 'band'",
            "bad.yaml:8:15: [criteria -> 0 -> bands -> 1 -> band] expected a band label "
            "(a string), got string ''",
        ],
        id="missing-band-label",
    ),
    pytest.param(
        HEAD + "    bands:\n      - {band: a, min: 50, score: 150, feedback: x}\n"
        "      - {band: b, feedback: no}\n",
        [
            "bad.yaml:6:35: [criteria -> 0 -> bands -> 0 -> score] must be at most 100, got 150",
            "bad.yaml:7:29: [criteria -> 0 -> bands -> 1 -> feedback] expected feedback text "
            '(a string), got boolean false (YAML reads a bare no as false; write "no" to keep '
            "the word)",
        ],
        id="band-score-and-bare-no",
    ),
    pytest.param(
        HEAD + "    bands: {band: a}\n",
        ["bad.yaml:5:12: [criteria -> 0 -> bands] expected a list of bands, got mapping"],
        id="bands-not-a-list",
    ),
    pytest.param(
        HEAD + "    bands:\n      - {band: a, min: 50, feedback: 'You used {filers} fillers'}\n"
        "      - {band: b, feedback: 'Costs {value:x} and {quote:d}'}\n",
        [
            "bad.yaml:6:38: [criteria -> 0 -> bands -> 0 -> feedback] unknown placeholder "
            f"'{{filers}}' (did you mean '{{fillers}}'?); {AVAILABLE}",
            "bad.yaml:7:29: [criteria -> 0 -> bands -> 1 -> feedback] placeholder '{value:x}' "
            "has a format that does not fit its value",
            "bad.yaml:7:29: [criteria -> 0 -> bands -> 1 -> feedback] placeholder '{quote:d}' "
            "has a format that does not fit its value",
        ],
        id="bad-placeholders",
    ),
    pytest.param(
        HEAD + "    bands:\n      - {band: a, min: 50, feedback: '{value.__class__} {}'}\n"
        "      - {band: b, feedback: 'a } b'}\n",
        [
            "bad.yaml:6:38: [criteria -> 0 -> bands -> 0 -> feedback] unknown placeholder "
            f"'{{value.__class__}}'; {AVAILABLE}",
            f"bad.yaml:6:38: [criteria -> 0 -> bands -> 0 -> feedback] unknown placeholder '{{}}'; "
            f"{AVAILABLE}",
            "bad.yaml:7:29: [criteria -> 0 -> bands -> 1 -> feedback] malformed braces in "
            "feedback: Single '}' encountered in format string (write '{{' or '}}' for a "
            "literal brace)",
        ],
        id="attribute-placeholder-and-malformed-braces",
    ),
    pytest.param(
        "name: x\ncriteria:\n  - id: c\n    metric: conciseness\n   bands: []\n",
        [
            "bad.yaml:5:4: invalid YAML: expected <block end>, but found '<block mapping start>' "
            "(while parsing a block collection at line 3)"
        ],
        id="malformed-yaml",
    ),
    pytest.param(
        "name: x\ncriteria: [a, b\n",
        [
            "bad.yaml:3:1: invalid YAML: expected ',' or ']', but got '<stream end>' (while "
            "parsing a flow sequence at line 2)"
        ],
        id="unclosed-flow-sequence",
    ),
    pytest.param(
        "name: x\n---\nname: y\n",
        [
            "bad.yaml:2:1: invalid YAML: found another document (expected a single document in "
            "the stream at line 1)"
        ],
        id="two-documents",
    ),
    pytest.param(
        "",
        [
            "bad.yaml: the rubric is empty; expected a mapping with keys: concepts, criteria, "
            "description, extends, name, version"
        ],
        id="empty-document",
    ),
    pytest.param(
        "# only a comment\n",
        [
            "bad.yaml: the rubric is empty; expected a mapping with keys: concepts, criteria, "
            "description, extends, name, version"
        ],
        id="only-comments",
    ),
    pytest.param(
        "- name: x\n",
        ["bad.yaml:1:1: expected a mapping (the rubric), got list"],
        id="top-level-list",
    ),
    pytest.param(
        "name: x\ncriteria:\n  id: c\n  metric: conciseness\n",
        ["bad.yaml:3:3: [criteria] expected a list of criteria, got mapping"],
        id="criteria-not-a-list",
    ),
    pytest.param(
        "name: x\ncriteria: []\n",
        ["bad.yaml:2:11: [criteria] expected a list of criteria, got an empty list"],
        id="criteria-empty",
    ),
    pytest.param(
        "name: x\ncriteria:\n  - conciseness\n",
        [
            "bad.yaml:3:5: [criteria -> 0] expected a mapping (a criterion), "
            "got string 'conciseness'"
        ],
        id="criterion-not-a-mapping",
    ),
    pytest.param(
        "description: y\ncriteria:\n  - title: C\n",
        [
            "bad.yaml:1:1: missing required key 'name'",
            "bad.yaml:3:5: [criteria -> 0] missing required key 'id'",
            "bad.yaml:3:5: [criteria -> 0] missing required key 'metric'",
            "bad.yaml:3:5: [criteria -> 0] missing required key 'bands'",
        ],
        id="missing-keys",
    ),
    pytest.param(
        "name: x\ncriteria: &loop [*loop]\n",
        ["bad.yaml:2:11: [criteria -> 0] a YAML alias refers to itself"],
        id="recursive-alias",
    ),
    pytest.param(
        "name: x\n<<: {description: y}\n" + HEAD[8:] + BANDS,
        ["bad.yaml:2:1: [<<] YAML merge keys ('<<') are not supported; write the keys out"],
        id="merge-key",
    ),
    pytest.param(
        HEAD + "    weight: !!int many\n" + BANDS,
        ["bad.yaml:5:13: [criteria -> 0 -> weight] cannot read 'many' as !!int"],
        id="bad-explicit-int",
    ),
    pytest.param(
        HEAD + "    weight: .nan\n" + BANDS,
        ["bad.yaml:5:13: [criteria -> 0 -> weight] expected a number, got number nan"],
        id="weight-nan",
    ),
    pytest.param(
        "name: x\x01\n",
        [
            "bad.yaml:1:8: invalid YAML: unacceptable character #x0001: special characters are "
            "not allowed"
        ],
        id="control-character",
    ),
]


@pytest.mark.parametrize(("text", "expected"), BAD_RUBRICS)
def test_bad_rubric_problems(
    metrics: dict[str, MetricSpec], text: str, expected: list[str]
) -> None:
    assert problems(text) == expected


def test_band_without_score_needs_a_score_scale_metric(
    metrics: dict[str, MetricSpec],
) -> None:
    metrics["filler_count"] = _spec("filler_count", scale="count")
    text = HEAD.replace("conciseness", "filler_count") + (
        "    direction: lower\n    bands:\n      - {band: few, max: 3, score: 100, feedback: x}\n"
        "      - {band: many, feedback: x}\n"
    )
    assert problems(text) == [
        "bad.yaml:8:9: [criteria -> 0 -> bands -> 1] band has no 'score' and metric "
        "'filler_count' is not on a 0-100 scale"
    ]


def test_python_tags_are_never_constructed(
    metrics: dict[str, MetricSpec], monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    calls: list[str] = []
    monkeypatch.setattr(os, "system", calls.append)
    problems("name: !!python/object/apply:os.system ['echo owned']\ncriteria: []\n")
    assert calls == []


def test_alias_bomb_is_a_problem_not_a_hang(metrics: dict[str, MetricSpec]) -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    found = problems("\n".join(lines) + "\n")
    assert any("the document is too large (aliases expand too far)" in p for p in found)


def test_every_problem_is_reported_in_document_order(metrics: dict[str, MetricSpec]) -> None:
    text = (
        HEAD
        + "    wieght: 1\n"
        + "    bands:\n      - {band: a, min: 50, feedback: '{nope}'}\n"
        + "      - {band: b, feedback: x}\n"
        + "  - id: c\n    metric: relevance\n"
        + BANDS
    )
    assert problems(text) == [
        "bad.yaml:5:5: [criteria -> 0 -> wieght] unknown key 'wieght' (did you mean 'weight'?); "
        "expected one of: applies_to, bands, direction, disabled, id, metric, params, "
        "title, weight",
        f"bad.yaml:7:38: [criteria -> 0 -> bands -> 0 -> feedback] unknown placeholder "
        f"'{{nope}}'; {AVAILABLE}",
        "bad.yaml:9:9: [criteria -> 1 -> id] duplicate criterion id 'c' (first defined at line 3)",
    ]


def test_rubric_error_message_counts_the_problems(metrics: dict[str, MetricSpec]) -> None:
    with pytest.raises(RubricError) as caught:
        parse_rubric("name: 1\ncriteria: []\n", "bad.yaml")
    assert str(caught.value).startswith("2 problems: bad.yaml:1:7: [name] expected")


# --------------------------------------------------------------------------- band_for


def _criterion(direction: str, bands: tuple[Band, ...]) -> Criterion:
    return Criterion("c", "c", "conciseness", {}, 1.0, direction, bands, None)  # type: ignore[arg-type]


HIGHER = _criterion(
    "higher",
    (
        Band("strong", "", 80, None, None),
        Band("fair", "", 55, None, None),
        Band("needs work", "", None, None, None),
    ),
)
LOWER = _criterion(
    "lower",
    (
        Band("few", "", None, 2, 100),
        Band("some", "", None, 5, 60),
        Band("many", "", None, None, 20),
    ),
)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (100, "strong"),
        (80, "strong"),
        (79.99, "fair"),
        (55, "fair"),
        (54.9, "needs work"),
        (0, "needs work"),
        (-5, "needs work"),
    ],
)
def test_band_for_direction_higher(value: float, label: str) -> None:
    assert HIGHER.band_for(value).band == label


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (0, "few"),
        (2, "few"),
        (2.01, "some"),
        (5, "some"),
        (5.5, "many"),
        (1000, "many"),
    ],
)
def test_band_for_direction_lower(value: float, label: str) -> None:
    assert LOWER.band_for(value).band == label


def test_band_for_with_a_last_min_at_zero_still_finds_a_band() -> None:
    bands = (Band("good", "", 50, None, None), Band("weak", "", 0, None, None))
    criterion = _criterion("higher", bands)
    assert criterion.band_for(0).band == "weak"
    assert criterion.band_for(50).band == "good"


# ----------------------------------------------------------- extends, applies_to

BASE = """\
name: base
version: "2"
description: The base.
concepts:
  - id: labels
    synonyms: [labels]
criteria:
  - id: c
    metric: conciseness
    params: {max_words: 100, repeat_ngram: 3}
    bands:
      - {band: good, min: 50, feedback: ok}
      - {band: bad, feedback: weak}
  - id: r
    metric: relevance
    bands: [{band: any, feedback: ok}]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_extends_overrides_disables_and_adds(tmp_path: Path) -> None:
    write(tmp_path, "base.yaml", BASE)
    child = write(
        tmp_path,
        "child.yaml",
        """\
        name: child
        extends: base.yaml
        concepts:
          - id: metrics
            synonyms: [precision]
        criteria:
          - id: c
            weight: 2
            params: {max_words: 150}
          - id: r
            disabled: true
          - id: t
            metric: think_aloud
            applies_to: {intents: [technical, problem_solving], phase: interview}
            bands: [{band: any, feedback: ok}]
        """,
    )
    rubric = load_rubric(str(child))
    assert (rubric.name, rubric.version, rubric.description) == ("child", "1", "The base.")
    assert rubric.extends == "base.yaml"
    assert [c.id for c in rubric.criteria] == ["c", "t"]
    c = rubric.criterion("c")
    # params merge key by key; the bands come from the base
    assert (c.weight, c.params) == (2.0, {"max_words": 150, "repeat_ngram": 3})
    assert [b.band for b in c.bands] == ["good", "bad"]
    t = rubric.criterion("t")
    assert t.scope.intents == {"technical", "problem_solving"}
    assert t.scope.phases == {"interview"}
    assert [concept.id for concept in rubric.concepts] == ["labels", "metrics"]


def test_builtin_behavioral_extends_default() -> None:
    rubric = load_rubric("behavioral")
    assert rubric.extends == "default"
    assert [c.id for c in rubric.criteria] == [
        "conciseness",
        "star_structure",
        "specificity",
        "result",
    ]
    assert rubric.criterion("conciseness").params == {"max_words": 200}
    assert rubric.criterion("conciseness").bands == load_rubric("default").criteria[0].bands


@pytest.mark.parametrize(
    ("child", "expected"),
    [
        pytest.param(
            "name: a\nextends: a.yaml\n",
            ["a.yaml:2:10: [extends] extends cycle: a.yaml -> a.yaml"],
            id="extends-itself",
        ),
        pytest.param(
            "name: a\nextends: defualt\n",
            [
                "a.yaml:2:10: [extends] unknown rubric 'defualt' (did you mean 'default'?); "
                "built-in rubrics: behavioral, default, interviewer, ml-design (or give a "
                "path to a .yaml file)"
            ],
            id="extends-unknown",
        ),
        pytest.param(
            "name: a\nextends: base.yaml\ncriteria:\n  - id: x\n    disabled: true\n",
            [
                "a.yaml:5:5: [criteria -> 0 -> disabled] the base rubric 'base' has no "
                "criterion 'x'; its criteria: c, r"
            ],
            id="disable-unknown",
        ),
        pytest.param(
            "name: a\nextends: base.yaml\ncriteria:\n  - id: c\n    metric: think_aloud\n",
            [
                "a.yaml:4:5: [criteria -> 0] changing 'metric' of criterion 'c' needs its own "
                "'bands' (those of 'base' no longer fit)"
            ],
            id="metric-changed-without-bands",
        ),
        pytest.param(
            "name: a\nextends: base.yaml\ncriteria:\n  - id: c\n    params: {max_word: 1}\n",
            [
                "a.yaml:5:14: [criteria -> 0 -> params -> max_word] unknown param 'max_word' "
                "(did you mean 'max_words'?); conciseness takes: by_intent, filler_rate_bad, "
                "filler_rate_ok, filler_weight, length_weight, max_seconds, max_words, "
                "preamble_weight, preamble_words, repeat_ngram, repetition_weight"
            ],
            id="override-checks-params",
        ),
    ],
)
def test_extends_problems(tmp_path: Path, child: str, expected: list[str]) -> None:
    write(tmp_path, "base.yaml", BASE)
    path = write(tmp_path, "a.yaml", child)
    with pytest.raises(RubricError) as caught:
        load_rubric(str(path))
    where = str(tmp_path) + "/"
    assert [p.format(str(path)).replace(where, "") for p in caught.value.problems] == expected


def test_extends_cycle_through_two_files(tmp_path: Path) -> None:
    write(tmp_path, "one.yaml", "name: one\nextends: two.yaml\n")
    write(tmp_path, "two.yaml", "name: two\nextends: one.yaml\n")
    with pytest.raises(RubricError) as caught:
        load_rubric(str(tmp_path / "one.yaml"))
    assert str(caught.value).endswith(
        "two.yaml:2:10: [extends] extends cycle: one.yaml -> two.yaml -> one.yaml"
    )


APPLIES = """\
name: a
criteria:
  - id: c
    metric: conciseness
    applies_to: {APPLIES}
    bands: [{band: any, feedback: ok}]
"""


@pytest.mark.parametrize(
    ("applies", "expected"),
    [
        pytest.param(
            "{role: interviewer}",
            "bad.yaml:5:24: [criteria -> 0 -> applies_to -> role] unknown role 'interviewer'; "
            "metric 'conciseness' can measure: candidate",
            id="role-the-metric-cannot-measure",
        ),
        pytest.param(
            "{intents: [behavioural]}",
            "bad.yaml:5:28: [criteria -> 0 -> applies_to -> intents -> 0] unknown intent "
            "'behavioural' (did you mean 'behavioral'?); expected one of: background, "
            "behavioral, check_in, clarification, closing, follow_up, motivation, opinion, "
            "problem_solving, reverse, situational, small_talk, technical",
            id="misspelt-intent",
        ),
        pytest.param(
            "{phase: middle}",
            "bad.yaml:5:25: [criteria -> 0 -> applies_to -> phase] unknown phase 'middle'; "
            "expected one of: closing, debrief, interview, opening, reverse",
            id="unknown-phase",
        ),
        pytest.param(
            "{roles: candidate}",
            "bad.yaml:5:18: [criteria -> 0 -> applies_to -> roles] unknown key 'roles' (did "
            "you mean 'role'?); expected one of: intents, phase, role",
            id="unknown-applies-key",
        ),
    ],
)
def test_applies_to_problems(applies: str, expected: str) -> None:
    assert problems(APPLIES.replace("{APPLIES}", applies)) == [expected]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        pytest.param(
            '[{LOWER: {REGEX: "(a+)+$"}}]',
            "bad.yaml:4:26: [concepts -> 0 -> patterns -> 0 -> 0 -> LOWER -> REGEX] unknown "
            "predicate 'REGEX'; allowed: IN, NOT_IN (regular expressions can take exponential "
            "time; list the words with IN instead)",
            id="regex-refused",
        ),
        pytest.param(
            "[{LOWER: cut, OP: '{1000000}'}]",
            "bad.yaml:4:34: [concepts -> 0 -> patterns -> 0 -> 0 -> OP] expected an OP of !, "
            "? or {n,m} (n <= m <= 999), got string '{1000000}'",
            id="huge-quantifier",
        ),
        pytest.param(
            "[{POS: NOUN}]",
            "bad.yaml:4:18: [concepts -> 0 -> patterns -> 0 -> 0 -> POS] unknown token "
            "attribute 'POS'",
            id="attribute-not-set",
        ),
        # YAML reads an unquoted "on" as true: the word would never match
        pytest.param(
            "[{LOWER: lights}, {LOWER: {IN: [on, off]}}]",
            "bad.yaml:4:42: [concepts -> 0 -> patterns -> 0 -> 1 -> LOWER] LOWER matches "
            "words, and boolean true is none: quote the word (YAML reads an unquoted on, off, "
            "yes or no as a boolean, 2019 as a number)",
            id="unquoted-on",
        ),
        pytest.param(
            "[{ORTH: 2019}]",
            "bad.yaml:4:24: [concepts -> 0 -> patterns -> 0 -> 0 -> ORTH] ORTH matches "
            "words, and integer 2019 is none",
            id="number-as-a-word",
        ),
    ],
)
def test_concept_pattern_problems(pattern: str, expected: str) -> None:
    found = problems(
        "name: a\nconcepts:\n  - id: x\n    patterns: ["
        + pattern
        + "]\ncriteria:\n  - id: c\n    metric: relevance\n    bands: [{band: a, feedback: b}]\n"
    )
    assert len(found) == 1
    assert found[0].startswith(expected)
