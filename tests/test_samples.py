"""What a person reading the report of each bundled sample should see.

Every expectation here was checked by reading the sample itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from transcript_tool.annotate.answered import NO_YES_OR_NO
from transcript_tool.model import Question, Report

SampleReport = Callable[[str], Report]

BEHAVIORAL = "behavioral-interview.txt"
NAMED = "named-speakers.txt"
GENERIC = "generic-speakers.md"
TRUNCATED = "truncated-screen.txt"
ML_CASE = "ml-case-interview.txt"
SAMPLES = [BEHAVIORAL, NAMED, GENERIC, TRUNCATED, ML_CASE]


def find(report: Report, text: str) -> Question:
    found = [q for q in report.analysis.questions if q.text == text]
    assert len(found) == 1, f"expected one question {text!r}; questions: " + repr(
        [q.text for q in report.analysis.questions]
    )
    return found[0]


def asked_by(report: Report, role: str) -> list[str]:
    return [q.text for q in report.analysis.questions if q.role == role]


# ----------------------------------------------------------------------- speakers

# (sample, speaker id as labelled, the person's name, role, how the role was decided)
SPEAKERS = [
    pytest.param(BEHAVIORAL, "Interviewer", "Ruth", "interviewer", "label", id="behavioral-Ruth"),
    pytest.param(
        BEHAVIORAL,
        "Candidate",
        "Jordan",
        "candidate",
        "label",
        id="behavioral-Jordan",
    ),
    pytest.param(NAMED, "Priya", "Priya", "interviewer", "inferred", id="named-Priya"),
    pytest.param(NAMED, "Daniel", "Daniel", "candidate", "inferred", id="named-Daniel"),
    pytest.param(GENERIC, "Speaker 1", "Sam", "interviewer", "inferred", id="generic-Sam"),
    pytest.param(GENERIC, "Speaker 2", "Elena", "candidate", "inferred", id="generic-Elena"),
    pytest.param(TRUNCATED, "Q", "Dana", "interviewer", "label", id="truncated-Dana"),
    pytest.param(TRUNCATED, "A", "Marcus", "candidate", "label", id="truncated-Marcus"),
    pytest.param(ML_CASE, "Interviewer", "Tomasz", "interviewer", "label", id="ml-Tomasz"),
    pytest.param(
        ML_CASE,
        "Candidate",
        "Amara",
        "candidate",
        "label",
        id="ml-Amara",
    ),
]


@pytest.mark.parametrize(("sample", "speaker_id", "name", "role", "role_source"), SPEAKERS)
def test_speaker_name_and_role(
    sample_report: SampleReport,
    sample: str,
    speaker_id: str,
    name: str,
    role: str,
    role_source: str,
) -> None:
    speaker = sample_report(sample).transcript.speaker(speaker_id)
    assert (speaker.name, speaker.role, speaker.role_source) == (name, role, role_source)


# (sample, speaker ids in order of appearance, number of turns, transcript id)
SHAPES = [
    (BEHAVIORAL, ["Interviewer", "Candidate"], 20, None),
    (NAMED, ["Priya", "Daniel"], 20, None),
    (GENERIC, ["Speaker 1", "Speaker 2"], 18, None),
    (TRUNCATED, ["Q", "A"], 15, "5d0c7e2a-8b41-4f6e-9a3c-2b7d1e0f9a64"),
    (ML_CASE, ["Interviewer", "Candidate"], 24, None),
]


@pytest.mark.parametrize(("sample", "speaker_ids", "turns", "transcript_id"), SHAPES)
def test_speakers_alternate_turn_by_turn(
    sample_report: SampleReport,
    sample: str,
    speaker_ids: list[str],
    turns: int,
    transcript_id: str | None,
) -> None:
    transcript = sample_report(sample).transcript
    assert [s.id for s in transcript.speakers] == speaker_ids
    assert transcript.id == transcript_id
    assert [t.speaker for t in transcript.turns] == [speaker_ids[i % 2] for i in range(turns)]


@pytest.mark.parametrize(
    ("sample", "turn", "line"),
    [
        (BEHAVIORAL, 7, "Note: we had already lost two weeks by then."),
        (BEHAVIORAL, 9, "Lesson learned: bring the data, but ask about the worry first."),
        (ML_CASE, 7, "Note: the model would only see transactions we actually approved,"),
    ],
)
def test_label_like_lines_stay_in_the_speakers_turn(
    sample_report: SampleReport, sample: str, turn: int, line: str
) -> None:
    """ "Note:" and "Lesson learned:" inside an answer are words, not new speakers."""
    assert line in sample_report(sample).transcript.turns[turn].text


@pytest.mark.parametrize("sample", [NAMED, GENERIC])
def test_inferred_roles_are_announced(sample_report: SampleReport, sample: str) -> None:
    notices = sample_report(sample).transcript.notices
    assert any(n.startswith("roles inferred from how each speaker talks") for n in notices)


# ---------------------------------------------------------------------- questions

INTERVIEWER_QUESTIONS = {
    BEHAVIORAL: [
        "How are you doing today?",
        "Tell me about yourself.",
        "Why do you want to work here?",
        "Tell me about a time you had to deal with a difficult stakeholder.",
        "Tell me about a time you had to juggle several urgent priorities at once.",
        "Have you ever managed a budget?",
        "Have you written SQL queries yourself?",
        "Do you have any questions for me?",
    ],
    NAMED: [
        "Did you find the office okay?",
        "Could you start by telling me what you're working on right now?",
        "Can you tell me about a time you disagreed with a teammate on a technical decision?",
        "What would you do differently if it came up again?",
        "How would you design a rate limiter?",
        "Why did you pick a token bucket over a sliding window?",
        "What happens if the shared store goes down?",
        "What questions do you have for me?",
        "Anything else you'd like to know?",
    ],
    GENERIC: [
        "To start, walk me through your current role.",
        "Tell me about a time you turned around an unhappy customer.",
        "And what was the result?",
        "How do you decide which accounts need your attention first?",
        "Have you ever lost an account you thought you could save?",
        "Why do you want to move into a team lead role?",
        "Do you have any questions for me?",
    ],
    TRUNCATED: [
        "Hi, is this Marcus?",
        "Is now still a good time?",
        "Can you start by telling me a little about your current role?",
        "What made you apply for this position?",
        "How many people do you manage directly today?",
        "What are your salary expectations and when could you start?",
        "Are you comfortable with a rotating weekend shift, roughly one weekend a month?",
        "And do you have experience with any ticketing or help desk software?",
        "Are you currently interviewing with any other companies?",
    ],
    ML_CASE: [
        "Walk me through how you'd approach this.",
        "How would you build the labels?",
        "And what worries you about them?",
        "What features would you use, and how would you encode them?",
        "Why only past data?",
        "How would you evaluate the model, given that accuracy won't tell us much here?",
        "Tell me about your experience with A/B testing and with causal inference.",
        "How would you deploy it?",
        "Would you score transactions one at a time, or in batches?",
        "What would you do?",
        "What does your team's current ML stack look like?",
    ],
}

CANDIDATE_QUESTIONS = {
    BEHAVIORAL: [
        "How about you?",
        "First, how is the product operations team split today, and who would I be working "
        "with most closely day to day?",
        "And second, what does a successful first six months look like for this role?",
    ],
    NAMED: [
        "Can I check a couple of things first?",
        "Is this for a public API, with limits per customer, and roughly how many servers are "
        "we talking about?",
        "What does on-call look like on the platform team?",
    ],
    GENERIC: [
        "How does the customer success team work with product when customers ask for new features?",
    ],
    TRUNCATED: [],
    ML_CASE: [
        "Can I ask - do we have labels for past fraud cases?",
        "And is there a time limit on the decision?",
    ],
}


@pytest.mark.parametrize("sample", SAMPLES)
def test_interviewer_questions_in_order(sample_report: SampleReport, sample: str) -> None:
    assert asked_by(sample_report(sample), "interviewer") == INTERVIEWER_QUESTIONS[sample]


@pytest.mark.parametrize("sample", SAMPLES)
def test_candidate_questions_in_order(sample_report: SampleReport, sample: str) -> None:
    assert asked_by(sample_report(sample), "candidate") == CANDIDATE_QUESTIONS[sample]


@pytest.mark.parametrize(
    ("sample", "check_in"),
    [
        (ML_CASE, "Can you see my screen?"),
        (ML_CASE, "Does that make sense?"),
        (ML_CASE, "Does that make sense so far?"),
        (NAMED, "Does that work?"),
    ],
)
def test_check_ins_are_not_questions(
    sample_report: SampleReport, sample: str, check_in: str
) -> None:
    report = sample_report(sample)
    assert any(check_in in t.text for t in report.transcript.turns)  # it is in the sample
    assert all(check_in not in q.text for q in report.analysis.questions)


@pytest.mark.parametrize("sample", SAMPLES)
def test_question_text_stands_in_its_turn(sample_report: SampleReport, sample: str) -> None:
    report = sample_report(sample)
    for question in report.analysis.questions:
        turn = report.transcript.turns[question.turn]
        assert turn.text[question.start : question.end] == question.text
        assert turn.role == question.role


# (sample, question, form, intent); None where a careful reader could argue for more than one.
FORMS_AND_INTENTS = [
    (BEHAVIORAL, "How are you doing today?", "wh", "small_talk"),
    (BEHAVIORAL, "Tell me about yourself.", "imperative", "background"),
    (BEHAVIORAL, "Why do you want to work here?", "wh", "motivation"),
    (
        BEHAVIORAL,
        "Tell me about a time you had to deal with a difficult stakeholder.",
        "imperative",
        "behavioral",
    ),
    (
        BEHAVIORAL,
        "Tell me about a time you had to juggle several urgent priorities at once.",
        "imperative",
        "behavioral",
    ),
    (BEHAVIORAL, "Have you ever managed a budget?", "yes_no", None),
    (BEHAVIORAL, "Have you written SQL queries yourself?", "yes_no", None),
    (BEHAVIORAL, "Do you have any questions for me?", "yes_no", "closing"),
    pytest.param(
        BEHAVIORAL,
        "How about you?",
        None,
        "small_talk",
        id="behavioral-How about you?",
    ),
    (
        BEHAVIORAL,
        "And second, what does a successful first six months look like for this role?",
        "wh",
        "reverse",
    ),
    (NAMED, "Did you find the office okay?", "yes_no", "small_talk"),
    (
        NAMED,
        "Could you start by telling me what you're working on right now?",
        "imperative",
        "background",
    ),
    (
        NAMED,
        "Can you tell me about a time you disagreed with a teammate on a technical decision?",
        "imperative",
        "behavioral",
    ),
    (NAMED, "What would you do differently if it came up again?", "wh", "follow_up"),
    (NAMED, "How would you design a rate limiter?", "wh", None),
    (NAMED, "Why did you pick a token bucket over a sliding window?", "wh", "follow_up"),
    (NAMED, "What questions do you have for me?", "wh", "closing"),
    (NAMED, "Anything else you'd like to know?", None, "closing"),
    (NAMED, "Can I check a couple of things first?", "yes_no", "clarification"),
    (NAMED, "What does on-call look like on the platform team?", "wh", "reverse"),
    (GENERIC, "To start, walk me through your current role.", "imperative", "background"),
    (
        GENERIC,
        "Tell me about a time you turned around an unhappy customer.",
        "imperative",
        "behavioral",
    ),
    (GENERIC, "And what was the result?", "wh", "follow_up"),
    (GENERIC, "Have you ever lost an account you thought you could save?", "yes_no", None),
    (GENERIC, "Why do you want to move into a team lead role?", "wh", "motivation"),
    (GENERIC, "Do you have any questions for me?", "yes_no", "closing"),
    (
        GENERIC,
        "How does the customer success team work with product when customers ask for new features?",
        "wh",
        "reverse",
    ),
    (TRUNCATED, "Hi, is this Marcus?", "yes_no", "small_talk"),
    (
        TRUNCATED,
        "Can you start by telling me a little about your current role?",
        "imperative",
        "background",
    ),
    (TRUNCATED, "What made you apply for this position?", "wh", "motivation"),
    (TRUNCATED, "How many people do you manage directly today?", "wh", "background"),
    (TRUNCATED, "Are you currently interviewing with any other companies?", "yes_no", None),
    (ML_CASE, "Walk me through how you'd approach this.", "imperative", "problem_solving"),
    (ML_CASE, "Why only past data?", "wh", "follow_up"),
    (ML_CASE, "Would you score transactions one at a time, or in batches?", "choice", None),
    (ML_CASE, "What would you do?", "wh", "problem_solving"),  # taxonomy tie-break 3
    (ML_CASE, "Can I ask - do we have labels for past fraud cases?", "yes_no", "clarification"),
    (ML_CASE, "And is there a time limit on the decision?", "yes_no", "clarification"),
]


@pytest.mark.parametrize(("sample", "text", "form", "intent"), FORMS_AND_INTENTS)
def test_form_and_intent(
    sample_report: SampleReport, sample: str, text: str, form: str | None, intent: str | None
) -> None:
    question = find(sample_report(sample), text)
    if form is not None:
        assert question.form == form
    if intent is not None:
        assert question.intent == intent


@pytest.mark.parametrize(
    ("sample", "text"),
    [
        pytest.param(
            BEHAVIORAL,
            "Have you written SQL queries yourself?",
            id="behavioral-SQL",
        ),
        pytest.param(
            GENERIC,
            "How do you decide which accounts need your attention first?",
            id="generic-prioritising",
        ),
        pytest.param(
            TRUNCATED,
            "Are you currently interviewing with any other companies?",
            id="truncated-other-companies",
        ),
    ],
)
def test_a_question_on_a_new_topic_is_not_a_follow_up(
    sample_report: SampleReport, sample: str, text: str
) -> None:
    assert find(sample_report(sample), text).intent != "follow_up"


# (sample, questions asked by the candidate after the interviewer invited them)
REVERSE = [
    pytest.param(
        BEHAVIORAL,
        CANDIDATE_QUESTIONS[BEHAVIORAL][1:],
        id="behavioral",
    ),
    pytest.param(NAMED, CANDIDATE_QUESTIONS[NAMED][2:], id="named"),
    pytest.param(GENERIC, CANDIDATE_QUESTIONS[GENERIC], id="generic"),
    pytest.param(TRUNCATED, [], id="truncated"),
    pytest.param(ML_CASE, [], id="ml-case"),
]


@pytest.mark.parametrize(("sample", "expected"), REVERSE)
def test_reverse_questions_are_the_candidates_questions_at_the_end(
    sample_report: SampleReport, sample: str, expected: list[str]
) -> None:
    questions = sample_report(sample).analysis.questions
    assert [q.text for q in questions if q.intent == "reverse"] == expected


# -------------------------------------------------------------------------- answers

# (sample, question, answered, answer turns, missing)
ANSWERS = [
    (BEHAVIORAL, "How are you doing today?", "yes", [1], []),
    (BEHAVIORAL, "Tell me about yourself.", "yes", [3], []),
    (BEHAVIORAL, "Why do you want to work here?", "yes", [5], []),
    (
        BEHAVIORAL,
        "Tell me about a time you had to deal with a difficult stakeholder.",
        "yes",
        [7, 9],  # the candidate goes on after "Got it."
        [],
    ),
    (
        BEHAVIORAL,
        "Tell me about a time you had to juggle several urgent priorities at once.",
        "yes",
        [11],
        [],
    ),
    (BEHAVIORAL, "Have you ever managed a budget?", "yes", [13], []),
    pytest.param(
        BEHAVIORAL,
        "Do you have any questions for me?",
        "yes",
        [17],
        [],
        id="behavioral-questions-for-me",
    ),
    (BEHAVIORAL, CANDIDATE_QUESTIONS[BEHAVIORAL][1], "yes", [18], []),
    (BEHAVIORAL, CANDIDATE_QUESTIONS[BEHAVIORAL][2], "yes", [18], []),
    (NAMED, "Did you find the office okay?", "yes", [1], []),
    pytest.param(
        NAMED,
        "What would you do differently if it came up again?",
        "yes",
        [7],
        [],
        id="named-differently",
    ),
    (NAMED, "How would you design a rate limiter?", "yes", [11], []),
    (NAMED, "Why did you pick a token bucket over a sliding window?", "yes", [13], []),
    (NAMED, "What happens if the shared store goes down?", "yes", [15], []),
    (NAMED, "Anything else you'd like to know?", "yes", [19], []),
    (
        NAMED,
        "Is this for a public API, with limits per customer, and roughly how many "
        "servers are we talking about?",
        "yes",
        [10],
        [],
    ),
    (NAMED, "What does on-call look like on the platform team?", "yes", [18], []),
    (GENERIC, "To start, walk me through your current role.", "yes", [3], []),
    (GENERIC, "And what was the result?", "yes", [7], []),
    pytest.param(
        GENERIC,
        "How do you decide which accounts need your attention first?",
        "yes",
        [9],
        [],
        id="generic-prioritising",
    ),
    (GENERIC, "Have you ever lost an account you thought you could save?", "yes", [11], []),
    (GENERIC, "Why do you want to move into a team lead role?", "yes", [13], []),
    pytest.param(
        GENERIC,
        "Do you have any questions for me?",
        "yes",
        [15],
        [],
        id="generic-questions-for-me",
    ),
    (GENERIC, CANDIDATE_QUESTIONS[GENERIC][0], "yes", [16], []),
    (TRUNCATED, "Hi, is this Marcus?", "yes", [1], []),
    (TRUNCATED, "How many people do you manage directly today?", "yes", [7], []),
    (
        TRUNCATED,
        "What are your salary expectations and when could you start?",
        "partial",
        [9],
        ["What are your salary expectations"],
    ),
    (
        TRUNCATED,
        "Are you comfortable with a rotating weekend shift, roughly one weekend a month?",
        "yes",
        [11],
        [],
    ),
    (TRUNCATED, "Are you currently interviewing with any other companies?", "no", [], []),
    (ML_CASE, "Walk me through how you'd approach this.", "yes", [5], []),
    (ML_CASE, "What features would you use, and how would you encode them?", "yes", [9], []),
    pytest.param(
        ML_CASE,
        "Why only past data?",
        "yes",
        [11],
        [],
        id="ml-past-data",
    ),
    (
        ML_CASE,
        "Tell me about your experience with A/B testing and with causal inference.",
        "partial",
        [15],
        ["with causal inference"],
    ),
    (ML_CASE, "Would you score transactions one at a time, or in batches?", "yes", [17], []),
    (ML_CASE, "What would you do?", "yes", [19], []),
    pytest.param(
        ML_CASE,
        "What does your team's current ML stack look like?",
        "yes",
        [21],
        [],
        id="ml-stack",
    ),
    (ML_CASE, "And is there a time limit on the decision?", "yes", [4], []),
]


@pytest.mark.parametrize(("sample", "text", "answered", "answer_turns", "missing"), ANSWERS)
def test_answered(
    sample_report: SampleReport,
    sample: str,
    text: str,
    answered: str,
    answer_turns: list[int],
    missing: list[str],
) -> None:
    question = find(sample_report(sample), text)
    assert (question.answered, list(question.answer_turns), list(question.missing)) == (
        answered,
        answer_turns,
        missing,
    )


@pytest.mark.parametrize(
    "sample",
    SAMPLES,
)
def test_missing_names_words_the_interviewer_said(sample_report: SampleReport, sample: str) -> None:
    """What the report lists as missing comes from the question as asked (not lemmas),
    besides the yes or no that a dodged yes/no question is missing."""
    for question in sample_report(sample).analysis.questions:
        for item in question.missing:
            if item == NO_YES_OR_NO:
                assert question.direct is False
                continue
            assert item.lower() in question.text.lower(), (question.text, question.missing)


@pytest.mark.parametrize(
    ("text", "direct"),
    [("Have you ever managed a budget?", True), ("Have you written SQL queries yourself?", False)],
)
def test_yes_no_answered_directly_or_not(
    sample_report: SampleReport, text: str, direct: bool
) -> None:
    report = sample_report(BEHAVIORAL)
    assert find(report, text).direct is direct
    relevance = next(c for c in report.criteria if c.metric == "relevance")
    flagged = [e for e in relevance.evidence if "without a yes or no" in e.note]
    assert any(text in e.note for e in flagged) is not direct


def test_a_dodged_yes_no_question_is_not_fully_answered(sample_report: SampleReport) -> None:
    question = find(sample_report(BEHAVIORAL), "Have you written SQL queries yourself?")
    assert question.answered != "yes"


def test_the_unanswered_last_question_is_reported(sample_report: SampleReport) -> None:
    report = sample_report(TRUNCATED)
    relevance = next(c for c in report.criteria if c.metric == "relevance")
    assert any(
        e.turn == 14
        and e.quote == "Are you currently interviewing with any other companies?"
        and "never answered" in e.note
        for e in relevance.evidence
    )


# ------------------------------------------------------------------------- criteria


def test_the_rambling_answer_repeats_at_the_end_of_the_day(sample_report: SampleReport) -> None:
    report = sample_report(BEHAVIORAL)
    rambling = report.transcript.turns[11]
    assert rambling.text.lower().count("at the end of the day") == 3  # as the sample says
    conciseness = next(c for c in report.criteria if c.id == "conciseness")
    repeated = [e for e in conciseness.evidence if e.quote.lower() == "at the end of the day"]
    assert [(e.turn, e.note, e.polarity) for e in repeated] == [
        (11, "said 3 times in one answer", "improvement")
    ]


def test_the_rambling_candidate_is_not_told_their_answers_get_to_the_point(
    sample_report: SampleReport,
) -> None:
    conciseness = next(c for c in sample_report(BEHAVIORAL).criteria if c.id == "conciseness")
    assert conciseness.band != "strong"


LIMIT = re.compile(r"(\d+) words \(limit (\d+)\)")


@pytest.mark.parametrize(
    "sample",
    [
        BEHAVIORAL,
        pytest.param(
            NAMED,
        ),
        pytest.param(
            ML_CASE,
        ),
    ],
)
def test_a_long_answer_is_quoted_from_a_turn_that_is_long(
    sample_report: SampleReport, sample: str
) -> None:
    report = sample_report(sample)
    conciseness = next(c for c in report.criteria if c.id == "conciseness")
    for item in conciseness.evidence:
        if match := LIMIT.match(item.note):
            words = len(report.transcript.turns[item.turn].text.split())
            assert words > int(match[2]), f"turn {item.turn} has {words} words: {item.note}"


def test_parts_missed_counts_the_missing_parts_of_compound_questions(
    sample_report: SampleReport,
) -> None:
    def parts_missed(sample: str) -> float:
        relevance = next(c for c in sample_report(sample).criteria if c.metric == "relevance")
        return relevance.details["parts_missed"]

    assert {s: parts_missed(s) for s in SAMPLES} == {
        BEHAVIORAL: 0,
        NAMED: 0,
        GENERIC: 0,
        TRUNCATED: 1,  # salary expectations
        ML_CASE: 1,  # causal inference
    }


@pytest.mark.parametrize(
    "sample",
    [
        BEHAVIORAL,
        NAMED,
        GENERIC,
        pytest.param(
            TRUNCATED,
        ),
        ML_CASE,
    ],
)
def test_relevance_counts_every_interviewer_question(
    sample_report: SampleReport, sample: str
) -> None:
    report = sample_report(sample)
    relevance = next(c for c in report.criteria if c.metric == "relevance")
    assert relevance.details["questions"] == len(INTERVIEWER_QUESTIONS[sample])


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_criterion_is_scored_with_feedback(sample_report: SampleReport, sample: str) -> None:
    report = sample_report(sample)
    assert [c.id for c in report.criteria] == ["conciseness", "think_aloud", "answered_question"]
    for criterion in report.criteria:
        assert criterion.score is not None, criterion.reason
        assert 0 <= criterion.score <= 100
        assert criterion.feedback.strip()
        assert "{" not in criterion.feedback, "a feedback template was left unfilled"
    assert report.overall is not None
    assert 0 <= report.overall <= 100


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_evidence_quote_is_verbatim(sample_report: SampleReport, sample: str) -> None:
    report = sample_report(sample)
    turns = report.transcript.turns
    for criterion in report.criteria:
        for item in criterion.evidence:
            assert item.quote.strip()
            assert item.quote in turns[item.turn].text, (criterion.id, item)
