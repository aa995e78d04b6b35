"""Optional parts of feedback templates: "[...]" around a number placeholder
is left out when the number shows as 0; and noun formats, "{questions:question}",
which count in the right number (docs/rubrics.md)."""

from __future__ import annotations

import pytest

from transcript_tool.model import MetricResult
from transcript_tool.scoring import fill_feedback, optional_parts

DETAILS = {
    "partial": 0.0,
    "questions": 6.0,
    "unanswered": 2.0,
    "rate": 0.04,
    "ratio": 1.0,
    "words": 1503.0,
}


def fill(template: str) -> str:
    return fill_feedback(template, MetricResult(40.0, details=DETAILS), 40.0, "needs work")


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        # a part with a zero goes, with the space before it
        (
            "Missed.[ {partial} of {questions} partly answered.][ {unanswered} not answered.]",
            "Missed. 2 not answered.",
        ),
        ("a [b {partial}] c", "a c"),
        ("a[, b {partial}], c", "a, c"),
        # a zero anywhere in the part: "0 of 6" and "6 of 0" alike
        ("x[ {questions} of {partial}] y", "x y"),
        # kept parts lose their brackets
        ("x[ {unanswered} of {questions}] y", "x 2 of 6 y"),
        # zero as shown: 0.04 reads "0", but "0.04" with a format that shows it
        ("x[ {rate} per 100] y", "x y"),
        ("x[ {rate:.2f} per 100] y", "x 0.04 per 100 y"),
        ("x[ {ratio:.1f} per 100] y", "x 1.0 per 100 y"),
        # brackets around text or text placeholders only are text
        ("see [sic] {questions}", "see [sic] 6"),
        ("[{band}] {questions}", "[needs work] 6"),
        # no nesting: the inner part is the optional one, the outer brackets text
        ("[a [b {partial}] c]", "[a c]"),
        # the common placeholders are numbers too
        ("[score {score}][ value {value}]", "score 40 value 40"),
        # a noun format counts, in the singular for one
        ("{unanswered} of {questions:question}", "2 of 6 questions"),
        ("{ratio:question} asked", "1 question asked"),
        ("{ratio:check-in}, {questions:check-in}", "1 check-in, 6 check-ins"),
        ("{ratio:criterion/criteria}; {questions:criterion/criteria}", "1 criterion; 6 criteria"),
        ("{ratio:longer answer} had none", "1 longer answer had none"),
        ("a median of {words:word}", "a median of 1,503 words"),
        # a part whose noun count is 0 goes like any other
        ("Missed.[ Partly: {partial:question}.] Done.", "Missed. Done."),
        # after a dash, the word alone, agreeing with the number
        ("{ratio} of {questions:area} {ratio:-was/were} named", "1 of 6 areas was named"),
        ("{unanswered} {unanswered:-is/are} open", "2 are open"),
        ("{partial} {partial:-has/have} a result", "0 have a result"),
        ("the {ratio:-answer} and the {questions:-answer}", "the answer and the answers"),
        ("[ {partial} {partial:-was/were} cut.] ok", " ok"),
        # a numeric format with a sign stays one
        ("{ratio:-.1f}", "1.0"),
    ],
)
def test_optional_parts(template: str, expected: str) -> None:
    assert fill(template) == expected


def test_without_values_every_part_is_kept() -> None:
    # the batch summary counts transcripts by their band's message as a whole
    template = "Missed.[ {partial} of {questions} partly.] See [sic]."
    assert optional_parts(template) == "Missed. {partial} of {questions} partly. See [sic]."


def test_rubric_checks_accept_noun_formats_on_numbers_only() -> None:
    from transcript_tool.errors import RubricError
    from transcript_tool.rubric import parse_rubric

    def problems(feedback: str) -> str:
        text = (
            "name: t\ncriteria:\n  - id: c\n    metric: conciseness\n    bands:\n"
            f"      - band: only\n        feedback: '{feedback}'\n"
        )
        try:
            parse_rubric(text, "t.yaml")
        except RubricError as error:
            return str(error)
        return ""

    assert problems("{answers:answer}, {median_words:word}, {answers:criterion/criteria}") == ""
    assert "placeholder '{quote:word}' has a format that does not fit its value" in problems(
        "{quote:word}"
    )
    assert "placeholder '{answers:.1q}' has a format" in problems("{answers:.1q}")
    assert problems("{answers} {answers:-was/were} long") == ""
    assert "placeholder '{quote:-was/were}' has a format" in problems("{quote:-was/were}")


def test_the_batch_summary_shows_a_counted_placeholder_with_its_plural() -> None:
    from transcript_tool.batch.cohort import Cohort
    from transcript_tool.rubric import load_rubric

    cohort = Cohort(load_rubric("default"))
    shown = cohort._template("answered_question", "strong")
    assert "… of … questions fully answered" in shown


def test_the_batch_summary_shows_a_word_alone_in_the_plural() -> None:
    from transcript_tool.batch.cohort import Cohort
    from transcript_tool.rubric import load_rubric

    cohort = Cohort(load_rubric("ml-design"))
    shown = cohort._template("concepts_overall", "needs work")
    assert "… of … areas were mentioned" in shown


def _cohort_of(criterion: str, band: str, *values: dict[str, float]) -> str:
    """The summary's message for ``criterion``'s ``band``, given to one
    transcript for each of ``values`` (the numbers its feedback was filled with)."""
    from transcript_tool.batch.cohort import Cohort, Scored
    from transcript_tool.rubric import load_rubric

    cohort = Cohort(load_rubric("default"))
    for number, filled in enumerate(values):
        cohort.add(
            Scored(
                file=f"t{number}.txt",
                id=f"t{number}",
                words=100,
                scores={criterion: 50.0},
                bands={criterion: band},
                overall=50.0,
                improvements=(criterion,),
                feedback_values={criterion: filled},
            )
        )
    (said,) = cohort.summary()["improvements"]
    assert said["transcripts"] == len(values)
    return str(said["feedback"])


def test_the_batch_summary_shows_each_number_as_its_range_among_the_transcripts() -> None:
    # "…" told a coach nothing of how far the cohort was from the mark
    said = _cohort_of(
        "think_aloud",
        "fair",
        {"marker_rate": 1.54, "answers_without_reasoning": 2, "judged_answers": 1},
        {"marker_rate": 3.1, "answers_without_reasoning": 0, "judged_answers": 1},
        {"marker_rate": 2.0, "answers_without_reasoning": 1, "judged_answers": 1},
    )
    assert said.startswith(
        "Say more of your reasoning out loud: 1.5–3.1 reasoning markers per 100 words,"
        " and 0–2 of the 1 longer answer gave conclusions"
    )


def test_the_batch_summary_leaves_out_a_part_only_every_transcript_left_out() -> None:
    def fair(long_answers: float, filler_rate: float) -> dict[str, float]:
        return {"long_answers": long_answers, "answers": 8, "filler_rate": filler_rate}

    said = _cohort_of("conciseness", "fair", fair(0, 2.0), fair(0, 4.25))
    assert said == (
        "Tighten your answers. You used 2.0–4.2 fillers per 100 words. Lead with the"
        " answer, then add only the detail that supports it."
    )
    said = _cohort_of("conciseness", "fair", fair(0, 2.0), fair(3, 2.0))
    assert said.startswith("Tighten your answers. 0–3 of 8 ran over the length limit. You used 2.0")


def test_the_batch_summary_agrees_a_word_with_every_value() -> None:
    one = {"answered": 1, "questions": 1}
    assert _cohort_of("answered_question", "strong", one, one) == (
        "You answered what was asked: 1 of 1 question fully answered."
    )
    assert _cohort_of("answered_question", "strong", one, {"answered": 2, "questions": 2}) == (
        "You answered what was asked: 1–2 of 1–2 questions fully answered."
    )
