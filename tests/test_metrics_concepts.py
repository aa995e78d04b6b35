"""concept_coverage on small hand-made transcripts, with values counted by hand.

Which concepts a question makes expected and which an answer mentions is the
annotation's work (tests/test_concepts.py); here they are listed in comments
and the metric's arithmetic, evidence, scope and reasons are checked.
"""

from __future__ import annotations

from transcript_tool import analyze
from transcript_tool.metrics import concept_coverage
from transcript_tool.metrics.base import Scope
from transcript_tool.model import Analysis, Concept, Evidence, MetricResult
from transcript_tool.readers import read_text

COVERAGE = concept_coverage.SPEC

IMBALANCE = Concept(
    id="class_imbalance",
    label="class imbalance",
    synonyms=("class imbalance", "oversampling"),
    expected_when=("fraud",),
)
PRECISION = Concept(
    id="precision_recall",
    label="precision/recall",
    synonyms=("precision", "recall"),
    expected_when=("fraud", "metric"),
)
LEAKAGE = Concept(
    id="leakage", label="data leakage", synonyms=("leakage",), expected_when=("validate",)
)
CONCEPTS = (IMBALANCE, PRECISION, LEAKAGE)


def analysis_of(text: str, concepts: tuple[Concept, ...] = CONCEPTS) -> Analysis:
    return analyze(read_text(text, "t.txt"), concepts=concepts)


def assert_quotes_verbatim(analysis: Analysis, result: MetricResult) -> None:
    for evidence in result.evidence:
        assert evidence.quote
        assert evidence.quote in analysis.transcript.turns[evidence.turn].text


# exchange 0 ("fraud"): expects class imbalance and precision/recall; the answer
#   says "class imbalance" and "oversampling" (one concept): 1 of 2
# exchange 1 ("validate"): expects data leakage; not mentioned (precision is, but
#   it was not expected there): 0 of 1
# exchange 2 ("metric"): expects precision/recall; not mentioned: 0 of 1
FRAUD = (
    "Interviewer: How would you build a fraud model?\n"
    "Candidate: Fraud is rare, so I would deal with class imbalance by oversampling.\n"
    "Interviewer: How would you validate it?\n"
    "Candidate: I'd use a time-based split and watch precision.\n"
    "Interviewer: Which metric would you report to the business?\n"
    "Candidate: The dollar value of blocked fraud.\n"
)


def test_concept_coverage_per_exchange() -> None:
    analysis = analysis_of(FRAUD)
    result = COVERAGE(analysis, {})
    assert result.value == 25.0  # 100 * 1 / (2 + 1 + 1)
    assert result.details == {"expected": 4, "mentioned": 1, "missing": 3, "concepts": 3}
    assert result.items == (("exchange 0", 50.0), ("exchange 1", 0.0), ("exchange 2", 0.0))
    # every exchange misses one concept: the first one is quoted
    assert [(e.turn, e.quote, e.note, e.polarity) for e in result.evidence] == [
        (
            0,
            "How would you build a fraud model?",
            "expected but not mentioned: precision/recall",
            "improvement",
        ),
        (
            1,
            "Fraud is rare, so I would deal with class imbalance by oversampling.",
            "mentioned class imbalance",
            "strength",
        ),
    ]
    assert_quotes_verbatim(analysis, result)


def test_concept_coverage_over_the_transcript() -> None:
    analysis = analysis_of(FRAUD)
    result = COVERAGE(analysis, {"mode": "transcript"})
    # class imbalance (turn 1) and precision (turn 3) said, data leakage never: 2 of 3
    assert result.value == 66.7
    assert result.details == {"expected": 3, "mentioned": 2, "missing": 1, "concepts": 3}
    assert result.items == (("exchange 0", 50.0), ("exchange 1", 0.0), ("exchange 2", 0.0))
    assert [(e.turn, e.note) for e in result.evidence] == [
        (2, "expected but never mentioned: data leakage"),
        (1, "mentioned class imbalance"),
    ]
    assert_quotes_verbatim(analysis, result)


def test_the_question_missing_most_is_quoted() -> None:
    analysis = analysis_of(
        "Interviewer: How would you validate a fraud model?\n"
        "Candidate: With a holdout set.\n"
        "Interviewer: And what about class imbalance?\n"
        "Candidate: I would try oversampling.\n"
    )
    # exchange 0 expects all three and mentions none; exchange 1 expects class
    # imbalance (named in the question) and gets it
    result = COVERAGE(analysis, {})
    assert result.items == (("exchange 0", 0.0), ("exchange 1", 100.0))
    assert result.value == 25.0  # 1 of 3 + 1
    assert result.evidence[0] == Evidence(
        0,
        "How would you validate a fraud model?",
        "expected but not mentioned: class imbalance, precision/recall, data leakage",
        "improvement",
    )
    assert (result.evidence[1].turn, result.evidence[1].quote) == (3, "I would try oversampling.")


def test_concept_coverage_cannot_be_computed() -> None:
    no_concepts = analyze(read_text(FRAUD, "t.txt"))
    result = COVERAGE(no_concepts, {})
    assert (result.value, result.reason) == (None, "the rubric defines no concepts")
    assert COVERAGE(no_concepts, {"mode": "transcript"}).reason == "the rubric defines no concepts"
    unrelated = analysis_of(
        "Interviewer: Tell me about yourself.\nCandidate: I build dashboards.\n"
    )
    result = COVERAGE(unrelated, {})
    assert (result.value, result.reason) == (
        None,
        "no question in scope made a concept expected",
    )
    # an expecting question nobody answered before the end is not held against the candidate
    unanswered = analysis_of(
        "Interviewer: Tell me about yourself.\nCandidate: I build dashboards.\n"
        "Interviewer: How would you build a fraud model?\n"
    )
    assert COVERAGE(unanswered, {}).reason == (
        "no question that made a concept expected was answered"
    )
    # the transcript mode needs no expecting question
    assert COVERAGE(unrelated, {"mode": "transcript"}).value == 0.0


def test_concepts_nobody_asked_for_and_never_said_point_at_the_longest_answer() -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about yourself.\nCandidate: I build dashboards.\n"
        "Interviewer: And before that?\n"
        "Candidate: I ran the month-end close for two entities at a logistics company.\n"
    )
    result = COVERAGE(analysis, {"mode": "transcript"})
    assert result.value == 0.0
    assert result.evidence == (
        Evidence(
            3,
            "I ran the month-end close for two entities at a logistics company.",
            "never mentioned: class imbalance, precision/recall, data leakage",
            "improvement",
        ),
    )


MIXED = (
    "Interviewer: Tell me about a time you caught fraud at work.\n"
    "Candidate: Last year I found a ring of fake accounts. I checked the precision of our rules.\n"
    "Interviewer: How would you build a fraud model?\n"
    "Candidate: I would handle class imbalance first.\n"
)


def test_concept_coverage_scope() -> None:
    analysis = analysis_of(MIXED)
    assert [q.intent for q in analysis.questions] == ["behavioral", "problem_solving"]
    # both exchanges expect class imbalance and precision/recall; each answer says one
    assert COVERAGE(analysis, {}).items == (("exchange 0", 50.0), ("exchange 1", 50.0))
    behavioral = Scope(intents=frozenset({"behavioral"}))
    result = COVERAGE(analysis, {}, behavioral)
    assert (result.value, result.items) == (50.0, (("exchange 0", 50.0),))
    assert result.details == {"expected": 2, "mentioned": 1, "missing": 1, "concepts": 3}
    # over the transcript, in scope: only "precision" (turn 1) was said: 1 of 3
    anywhere = COVERAGE(analysis, {"mode": "transcript"}, behavioral)
    assert (anywhere.value, anywhere.details["mentioned"]) == (33.3, 1)
    assert anywhere.evidence[-1].quote == "I checked the precision of our rules."
    # and unscoped: precision and class imbalance, 2 of 3
    assert COVERAGE(analysis, {"mode": "transcript"}).value == 66.7
    situational = Scope(intents=frozenset({"situational"}))
    assert COVERAGE(analysis, {}, situational).reason == (
        "no question in scope made a concept expected"
    )
    assert COVERAGE(analysis, {"mode": "transcript"}, situational).reason == (
        "the candidate said nothing in situational questions"
    )


def test_only_the_subject_mentions_count_over_the_transcript() -> None:
    analysis = analysis_of(
        "Interviewer: We see a lot of class imbalance here. How would you validate a model?\n"
        "Candidate: With a holdout set, checking for leakage.\n"
    )
    result = COVERAGE(analysis, {"mode": "transcript"})
    # the interviewer's "class imbalance" is not the candidate's: leakage only, 1 of 3
    assert result.value == 33.3
    assert result.evidence[-1].quote == "With a holdout set, checking for leakage."


def test_concept_coverage_unpunctuated() -> None:
    analysis = analysis_of(
        "interviewer: how would you build a fraud model\n"
        "candidate: fraud is rare so i would deal with class imbalance by oversampling "
        "and i would check precision and recall\n"
        "interviewer: how would you validate it\n"
        "candidate: a time based split\n"
    )
    assert [q.text for q in analysis.questions] == [
        "how would you build a fraud model",
        "how would you validate it",
    ]
    result = COVERAGE(analysis, {})
    # exchange 0: 2 of 2; exchange 1: data leakage missing, 0 of 1
    assert result.items == (("exchange 0", 100.0), ("exchange 1", 0.0))
    assert result.value == 66.7
    assert [(e.turn, e.quote, e.note) for e in result.evidence] == [
        (2, "how would you validate it", "expected but not mentioned: data leakage"),
        (
            1,
            "so i would deal with class imbalance by oversampling and i would check "
            "precision and recall",
            "mentioned class imbalance",
        ),
    ]
    assert_quotes_verbatim(analysis, result)


def test_mode_param() -> None:
    mode = COVERAGE.params["mode"]
    assert (mode.default, mode.choices) == ("exchange", ("exchange", "transcript"))
    assert mode.check("transcript") is None
    assert mode.check("both") == "expected one of 'exchange', 'transcript', got 'both'"


def test_over_the_transcript_the_quoted_mention_is_one_a_question_asked_for() -> None:
    # "recall" in the small talk comes first; the answer to the fraud
    # question, which expects precision/recall, says "precision" later
    analysis = analysis_of(
        "Interviewer: Good to see you again. How was the trip?\n"
        "Candidate: Fine, as far as I recall the flight was on time.\n"
        "Interviewer: How would you build a fraud model?\n"
        "Candidate: I'd watch precision closely, and handle the class imbalance.\n"
    )
    result = COVERAGE(analysis, {"mode": "transcript"})
    strengths = [e for e in result.evidence if e.polarity == "strength"]
    assert [(e.turn, e.note) for e in strengths] == [(3, "mentioned precision/recall")]
    assert_quotes_verbatim(analysis, result)
