"""The debrief after a mock interview ("That's the end of the mock. How do
you feel?"): its questions and answers are not scored, and the report says
where it begins."""

from __future__ import annotations

from transcript_tool import analyze, load_rubric, render_report, score
from transcript_tool.metrics.base import Scope
from transcript_tool.model import Analysis
from transcript_tool.readers import read_text

MOCK = (
    "Interviewer: Tell me about a time you missed a deadline.\n"
    "Candidate: Last spring our data migration slipped a week, so I told the client early,"
    " split the work and we shipped the rest on the new date.\n"
    "Interviewer: What did you learn from that?\n"
    "Candidate: To raise a risk the day I see it, not the day it lands.\n"
    "Interviewer: Great. Okay, and that's the end of the mock. How do you feel?\n"
    "Candidate: Honestly, nervous, I rambled on the first one.\n"
    "Interviewer: You did ramble a bit, but the example was good. What would you change?\n"
    "Candidate: I'd lead with the result.\n"
)


def analysis_of(text: str) -> Analysis:
    return analyze(read_text(text, "t.txt"))


def test_the_questions_after_the_mock_ends_are_the_debrief() -> None:
    analysis = analysis_of(MOCK)
    phases = [(e.question_turn, e.phase) for e in analysis.exchanges]
    assert phases == [(0, "interview"), (2, "interview"), (4, "debrief"), (6, "debrief")]


def test_the_debrief_is_not_scored_and_the_report_says_so() -> None:
    report = score(analysis_of(MOCK), load_rubric("default"))
    answered = next(c for c in report.criteria if c.id == "answered_question")
    assert answered.details["questions"] == 2
    assert (
        'the talk after "that\'s the end of the mock" (turn 4) is read as the debrief after the'
        " mock interview: its questions and answers are not scored"
    ) in report.transcript.notices


def test_a_plan_to_debrief_said_at_the_start_is_no_debrief() -> None:
    text = (
        "Interviewer: Welcome! At the end we'll step out of character and I'll give feedback."
        " So, tell me about yourself.\n"
        "Candidate: I'm a backend engineer at a bank, mostly payments.\n"
        "Interviewer: Why are you leaving?\n"
        "Candidate: I want to work on larger systems with a bigger team.\n"
    )
    assert {e.phase for e in analysis_of(text).exchanges} == {"interview"}


def test_the_debrief_turns_are_out_of_every_scope_that_does_not_name_it() -> None:
    analysis = analysis_of(MOCK)
    assert analysis.debrief_turn == 4
    assert Scope().turns(analysis) == [0, 1, 2, 3, 4]
    assert Scope(phases=frozenset({"debrief"})).turns(analysis) == [4, 5, 6, 7]


def test_the_candidate_saying_the_words_ends_no_mock() -> None:
    text = (
        "Interviewer: Tell me about a time you disagreed with your manager.\n"
        "Candidate: We planned a release. It was a long story.\n"
        "Interviewer: Go on. What happened next?\n"
        "Candidate: He snapped at the team, which was out of character for him, and that was"
        " the interview I still remember best, when I asked him why.\n"
        "Interviewer: What did you learn from that?\n"
        "Candidate: To ask early.\n"
    )
    analysis = analysis_of(text)
    assert analysis.debrief_turn is None
    assert {e.phase for e in analysis.exchanges} == {"interview"}
    # said by the interviewer, the same words end the mock
    ended = text.replace(
        "Interviewer: What did you learn",
        "Interviewer: Okay, let's step out of character. What did you learn",
    )
    assert analysis_of(ended).debrief_turn == 4


def test_the_reports_list_the_debrief_questions_apart_from_the_interview() -> None:
    report = score(analysis_of(MOCK), load_rubric("default"))
    text = render_report(report, "terminal")
    asked, _, debrief = text.partition("Questions in the debrief, from turn 4 (not scored)")
    asked = asked.partition("Questions asked by the interviewer")[2]
    assert "What did you learn from that?" in asked
    assert "How do you feel?" not in asked and "What would you change?" not in asked
    assert "How do you feel?" in debrief and "What would you change?" in debrief
    markdown = render_report(report, "markdown")
    assert "### Questions in the debrief (2)" in markdown
    assert "Asked after the mock interview ended (turn 4): not scored." in markdown
    assert 'id="debrief"' in render_report(report, "html")


def test_a_debrief_longer_than_the_mock_is_found() -> None:
    # the mock ends at about 40% of the words; the coach's feedback is longer
    feedback = " ".join(["The example was good, but lead with the result next time."] * 8)
    for ending in ("Okay, and that's the end of the mock.", "Now I'm going to do the debrief."):
        analysis = analysis_of(
            MOCK.split("Interviewer: Great.")[0]
            + f"Interviewer: Great. {ending}\n"
            + "Candidate: Okay.\n"
            + f"Interviewer: {feedback}\n"
            + "Candidate: Thanks, that helps.\n"
        )
        assert analysis.debrief_turn == 4, ending
