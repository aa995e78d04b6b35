"""Concept mentions: rubric concepts found in the turns (tolerant of caption
spellings), which expected concepts each answer mentioned or left out, and
how rubrics declare them."""

from __future__ import annotations

import json
import textwrap

import pytest

from transcript_tool import analyze, load_rubric, score
from transcript_tool.errors import RubricError
from transcript_tool.model import Analysis, Concept
from transcript_tool.readers import read_text
from transcript_tool.render.cards import question_concepts
from transcript_tool.render.json import render_json
from transcript_tool.render.terminal import render_terminal
from transcript_tool.rubric import parse_rubric

ENCODING = Concept(
    "one_hot",
    "one-hot encoding",
    synonyms=("one-hot encoding", "dummy variables"),
    expected_when=("categorical", "encode"),
)
VECTOR = Concept("feature_vector", "feature vector", expected_when=("features",))
POSITIVES = Concept("false_positive", "false positives", expected_when=("precision",))
THRESHOLD = Concept(
    "threshold",
    "decision threshold",
    patterns=(({"LOWER": "cut"}, {"LOWER": "off"}), ({"LOWER": "cutoff"},)),
    expected_when=("precision",),
)
CONCEPTS = (ENCODING, VECTOR, POSITIVES, THRESHOLD)


def analysis_of(text: str) -> Analysis:
    return analyze(read_text(text, "t.txt"), concepts=CONCEPTS)


@pytest.mark.parametrize(
    ("said", "concept"),
    [
        ("the categories get one hot encoded", "one_hot"),
        ("I'd use one-hot encoding for the merchant type", "one_hot"),
        ("One-Hot Encoded columns", "one_hot"),
        ("we made dummy variables", "one_hot"),
        ("each user becomes one of the feature vectors", "feature_vector"),
        ("too many false positives", "false_positive"),
        ("a false positive costs a refund", "false_positive"),
        ("pick a cut off", "threshold"),
        ("pick a cutoff", "threshold"),
    ],
)
def test_caption_spellings_match_the_concept(said: str, concept: str) -> None:
    analysis = analysis_of(f"Interviewer: Go on.\nCandidate: Well, {said}.\n")
    (mention,) = [m for m in analysis.mentions if m.concept == concept]
    turn = analysis.transcript.turns[mention.turn]
    assert turn.text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "said", ["one hot", "hot encoding", "a vector of features", "positive", "false"]
)
def test_part_of_a_concept_is_not_a_mention(said: str) -> None:
    analysis = analysis_of(f"Interviewer: Go on.\nCandidate: Well, {said} was there.\n")
    assert analysis.mentions == ()


WORDS = (
    Concept("bias", "bias", synonyms=("fairness",)),
    Concept("deployment", "deployment", synonyms=("production", "deploy")),
    Concept("encoding", "encoding", synonyms=("normalize",)),
)


@pytest.mark.parametrize(
    ("said", "found"),
    [
        # another word with the same stem is no mention
        ("That's fair, the product team normally owns it.", []),
        # inflections of a synonym are
        (
            "We deployed it to production and normalized the counts.",
            ["deployed", "production", "normalized"],
        ),
        (
            "Fairness matters; deploying daily; products in production.",
            ["Fairness", "deploying", "production"],
        ),
    ],
)
def test_only_inflections_of_a_synonym_match(said: str, found: list[str]) -> None:
    transcript = read_text(f"Interviewer: Go on.\nCandidate: {said}\n", "t.txt")
    assert [m.text for m in analyze(transcript, concepts=WORDS).mentions] == found


STREAMS = (
    Concept("streaming", "streaming", synonyms=("kafka", "kinesis", "stream")),
    Concept("feature_store", "feature store", synonyms=("feature store",)),
)


@pytest.mark.parametrize(
    ("said", "found"),
    [
        ("I haven't used Kafka in production, we were on Kinesis.", ["Kinesis"]),
        ("I haven\u2019t really used Kafka, but I know Kinesis.", ["Kinesis"]),
        ("I'm not familiar with Kafka or Kinesis.", []),
        ("I've never heard of a feature store.", []),
        ("We didn't need Kafka because the volume is tiny.", ["Kafka"]),
        ("no i havent used kafka but a stream is a stream", ["stream", "stream"]),
    ],
)
def test_a_concept_said_as_never_used_or_unknown_is_no_mention(said: str, found: list[str]) -> None:
    transcript = read_text(f"Interviewer: Go on.\nCandidate: {said}\n", "t.txt")
    analysis = analyze(transcript, concepts=STREAMS)
    assert [m.text for m in analysis.mentions] == found


def test_a_filler_does_not_split_a_concept() -> None:
    transcript = read_text(
        "Interviewer: Go on.\nCandidate: We kept a feature, um, store for the aggregates.\n",
        "t.txt",
    )
    (mention,) = analyze(transcript, concepts=STREAMS).mentions
    assert (mention.concept, mention.text) == ("feature_store", "feature, um, store")


def test_each_answer_is_checked_for_the_concepts_its_question_expects() -> None:
    analysis = analysis_of(
        "Interviewer: How would you encode the categorical fields?\n"
        "Candidate: I'd one hot encode the merchant category and the country.\n"
        "Interviewer: And how would you trade off precision against recall?\n"
        "Candidate: I'd look at the cost of each mistake and tune the cutoff.\n"
    )
    by_exchange = {c.exchange: c for c in analysis.exchange_concepts}
    first, second = by_exchange[0], by_exchange[1]
    assert (first.expected, first.mentioned, first.missing) == (("one_hot",), ("one_hot",), ())
    assert second.expected == ("false_positive", "threshold")
    assert (second.mentioned, second.missing) == (("threshold",), ("false_positive",))
    # mentions know which exchange holds them
    assert {m.concept: m.exchange for m in analysis.mentions} == {"one_hot": 0, "threshold": 1}


def test_a_small_talk_question_expects_no_concept() -> None:
    # "good" is one of evaluation_metrics' triggers; "Is now still a good
    # time?" before the interview begins asks for no metric
    rubric = load_rubric("ml-design")
    transcript = read_text(
        "Interviewer: Hi, is now still a good time?\n"
        "Candidate: Yes, it's a good time, thanks.\n"
        "Interviewer: Great. So, how would you measure a fake-review model?\n"
        "Candidate: Precision at the top of the queue.\n",
        "t.txt",
    )
    analysis = analyze(transcript, concepts=rubric.concepts)
    assert analysis.exchanges[0].phase == "opening"
    assert [
        (analysis.exchanges[c.exchange].question_turn, c.expected)
        for c in analysis.exchange_concepts
    ] == [(2, ("evaluation_metrics",))]


def test_no_concepts_means_no_mentions() -> None:
    analysis = analyze(read_text("Interviewer: Why?\nCandidate: One hot encoding.\n", "t.txt"))
    assert (analysis.mentions, analysis.exchange_concepts) == ((), ())


RUBRIC = """\
name: ml
concepts:
  - id: one_hot
    label: one-hot encoding
    synonyms: [one-hot encoding, dummy variables]
    expected_when: [categorical]
  - id: threshold
    patterns:
      - [{LOWER: cutoff}]
criteria:
  - id: c
    metric: relevance
    bands:
      - band: good
        min: 50
        feedback: Well done.
      - band: weak
        feedback: Try again.
"""


def test_a_rubric_declares_concepts() -> None:
    rubric = parse_rubric(RUBRIC, "ml.yaml")
    assert [c.id for c in rubric.concepts] == ["one_hot", "threshold"]
    assert rubric.concepts[1].label == "threshold"
    assert rubric.concepts[0].expected_when == ("categorical",)


def test_report_shows_mentions_in_json_and_terminal() -> None:
    rubric = parse_rubric(RUBRIC, "ml.yaml")
    transcript = read_text(
        "Interviewer: How would you handle the categorical columns?\n"
        "Candidate: Dummy variables for the small ones, and a cutoff on rare values.\n",
        "t.txt",
    )
    report = score(analyze(transcript, concepts=rubric.concepts), rubric)
    data = json.loads(render_json(report))
    assert [(m["concept"], m["text"], m["exchange"]) for m in data["mentions"]] == [
        ("one_hot", "Dummy variables", 0),
        ("threshold", "cutoff", 0),
    ]
    assert data["exchanges"][0]["concepts"] == {
        "expected": ["one_hot"],
        "mentioned": ["one_hot"],
        "missing": [],
    }
    text = render_terminal(report, width=100)
    assert "Concepts" in text and "“Dummy variables” (turn 1)" in text


BAD_CONCEPTS = [
    pytest.param(
        "concepts:\n  - id: a\n    synonyms: [x]\n  - id: a\n    synonyms: [y]\n",
        ["bad.yaml:5:9: [concepts -> 1 -> id] duplicate concept id 'a' (first defined at line 3)"],
        id="duplicate-id",
    ),
    pytest.param(
        "concepts:\n  - id: a\n    patterns:\n      - [{POS: NOUN}]\n",
        [
            "bad.yaml:5:11: [concepts -> 0 -> patterns -> 0 -> 0 -> POS] unknown token "
            "attribute 'POS'; the pipeline sets: IS_DIGIT, IS_PUNCT, IS_SENT_START, "
            "LIKE_NUM, LOWER, NORM, OP, ORTH, TEXT (POS, DEP and the like are never set "
            "by the built-in pipeline)"
        ],
        id="attribute-not-set",
    ),
    pytest.param(
        "concepts:\n  - id: a\n    synonyms: [x, 3]\n",
        [
            "bad.yaml:4:19: [concepts -> 0 -> synonyms -> 1] expected a word or phrase "
            "(a string), got integer 3"
        ],
        id="not-a-phrase",
    ),
    pytest.param(
        "concepts:\n  - id: a\n    synonym: [x]\n",
        [
            "bad.yaml:4:5: [concepts -> 0 -> synonym] unknown key 'synonym' (did you mean "
            "'synonyms'?); expected one of: exclude, expected_when, id, label, patterns, "
            "synonyms"
        ],
        id="unknown-key",
    ),
    pytest.param(
        "concepts:\n  - id: metric\n    synonyms: [recall]\n    exclude: [on a scale of]\n",
        [
            "bad.yaml:5:15: [concepts -> 0 -> exclude -> 0] exclude phrase 'on a scale of' "
            "holds none of the concept's words (its label, synonyms or expected_when), so it "
            "can never leave a mention out"
        ],
        id="exclude-without-the-concept",
    ),
]


@pytest.mark.parametrize(("concepts", "expected"), BAD_CONCEPTS)
def test_bad_concepts_are_located(concepts: str, expected: list[str]) -> None:
    text = "name: x\n" + concepts + RUBRIC[RUBRIC.index("criteria:") :]
    with pytest.raises(RubricError) as caught:
        parse_rubric(textwrap.dedent(text), "bad.yaml")
    assert [p.format("bad.yaml") for p in caught.value.problems] == expected


def test_the_default_rubric_still_loads() -> None:
    assert load_rubric("default").concepts == ()


def test_the_disclaimers_file_is_checked() -> None:
    from transcript_tool.annotate.concept_scope import load_scope_words

    good = "disclaimers: [never used]\nadverbs: [really]\nclause_ends: [but]\nreach: 8\n"
    assert load_scope_words(good).disclaimers == (("never", "used"),)
    with pytest.raises(ValueError, match="`reach` must be a whole number"):
        load_scope_words(good.replace("reach: 8", "reach: 0"))
    with pytest.raises(ValueError, match="`adverbs` must be a list"):
        load_scope_words(good.replace("adverbs: [really]", "adverbs: really"))


def test_a_question_the_candidate_asks_about_the_job_is_no_mention() -> None:
    transcript = read_text(
        "Interviewer: How would you ingest the events?\n"
        "Candidate: I'd put them on a stream and load them every minute.\n"
        "Interviewer: Great. What questions do you have for me?\n"
        "Candidate: I ran Kinesis at my last job. Do you use Kafka here?\n",
        "t.txt",
    )
    analysis = analyze(transcript, concepts=STREAMS)
    assert [(m.turn, m.text) for m in analysis.mentions] == [(1, "stream"), (3, "Kinesis")]


EXCLUDING = (
    Concept(
        "metrics",
        "evaluation metrics",
        synonyms=("precision", "recall"),
        expected_when=("scale", "measure"),
        exclude=("can't recall", "if I recall", "scale of one to ten"),
    ),
)


def test_an_excluded_phrase_holds_no_mention_and_no_trigger() -> None:
    transcript = read_text(
        "Interviewer: On a scale of one to ten, how good is your SQL?\n"
        "Candidate: An eight, if I recall my last review.\n"
        "Interviewer: How would you measure the model?\n"
        "Candidate: Precision and recall; I can't recall the exact numbers.\n",
        "t.txt",
    )
    analysis = analyze(transcript, concepts=EXCLUDING)
    assert [(m.turn, m.text) for m in analysis.mentions] == [(3, "Precision"), (3, "recall")]
    assert [(c.exchange, c.expected) for c in analysis.exchange_concepts] == [(1, ("metrics",))]


def test_a_rubric_concept_declares_exclude() -> None:
    text = RUBRIC.replace(
        "    expected_when: [categorical]\n",
        "    expected_when: [categorical]\n    exclude: [dummy variables in the stats class]\n",
    )
    rubric = parse_rubric(text, "ml.yaml")
    assert rubric.concepts[0].exclude == ("dummy variables in the stats class",)


def test_the_concepts_table_lists_only_what_the_candidate_said() -> None:
    rubric = parse_rubric(RUBRIC, "ml.yaml")
    transcript = read_text(
        "Interviewer: Would you use dummy variables for the categorical columns?\n"
        "Candidate: I'd rather keep them as they are and put a cutoff on rare values.\n",
        "t.txt",
    )
    report = score(analyze(transcript, concepts=rubric.concepts), rubric)
    text = render_terminal(report, width=100)
    table = text[text.index("Concepts") :]
    assert "“dummy variables” (turn 0)" not in table.replace("\n", " ")
    row = next(line for line in table.splitlines() if "one-hot encoding" in line)
    assert "never" in row and "question at turn 0" in row


def test_a_missing_concept_sits_with_the_question_that_asked_for_it() -> None:
    rubric = parse_rubric(RUBRIC, "ml.yaml")
    transcript = read_text(
        "Interviewer: How would you handle the categorical columns? "
        "And what threshold would you pick?\n"
        "Candidate: I'd pick a threshold from the cost of each mistake.\n",
        "t.txt",
    )
    analysis = analyze(transcript, concepts=rubric.concepts)
    (item,) = analysis.exchange_concepts
    first, second = analysis.exchanges[0].questions
    assert dict(zip(item.expected, item.asked_by, strict=True)) == {
        "one_hot": first,
        "threshold": second,
    }
    assert question_concepts(analysis) == {
        first: ((), ("one-hot encoding",)),
        second: (("threshold",), ()),
    }
    text = render_terminal(score(analysis, rubric), width=160)
    rows = [line for line in text.splitlines() if "would you" in line]
    assert "concepts not mentioned: one-hot encoding" in rows[0]
    assert "concepts not mentioned" not in rows[1]


def test_ml_design_asks_no_problem_framing_of_building_the_labels() -> None:
    # "build" asks for the framing of the system ("How would you build a fraud
    # model?"), not of one of its parts
    rubric = load_rubric("ml-design")
    transcript = read_text(
        "Interviewer: How would you build a model that flags fraud?\n"
        "Candidate: First the business goal: block fraud without hurting good users.\n"
        "Interviewer: How would you build the labels?\n"
        "Candidate: From chargebacks, once the chargeback window has closed.\n",
        "t.txt",
    )
    analysis = analyze(transcript, concepts=rubric.concepts)
    framing = [
        analysis.exchanges[c.exchange].question_turn
        for c in analysis.exchange_concepts
        if "problem_framing" in c.expected
    ]
    assert framing == [0]
