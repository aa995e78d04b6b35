"""interruptions: turns that begin where the other party's turn ended cut off,
on small hand-made transcripts, and the interviewer rubric's criterion."""

from __future__ import annotations

import pytest

from transcript_tool import analyze, load_rubric, score
from transcript_tool.metrics import get_metric
from transcript_tool.metrics.base import Scope
from transcript_tool.metrics.interruptions import cut_off
from transcript_tool.model import Analysis
from transcript_tool.readers import read_text

INTERRUPTIONS = get_metric("interruptions")

# An interviewer who cuts in twice (turns 2 and 4 begin where the candidate's
# turns 1 and 3 end cut off); turn 6 lets the answer end.
CUTTING_IN = (
    "Interviewer: Tell me about the scheduling tool you built.\n"
    "Candidate: So the dispatchers spent an hour every evening on the next day's jobs, "
    "and so what I--\n"
    "Interviewer: How many dispatchers?\n"
    "Candidate: Four. And the number I actually cared about was—\n"
    "Interviewer: Okay, and did it work?\n"
    "Candidate: It cut the evening work to ten minutes, and nobody went back.\n"
    "Interviewer: Great. What would you do differently?\n"
    "Candidate: Talk to the drivers sooner.\n"
)


def analysis_of(text: str) -> Analysis:
    return analyze(read_text(text, "t.txt"))


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("and so what I--", True),
        ("and so what I --", True),
        ("the number I cared about was—", True),
        ("we never – ", True),
        ("it was gonna-", True),
        ('he said "wait--"', True),
        ("It was a well-known problem.", False),
        ("A - B testing, mostly.", False),
        ("Yes.", False),
    ],
)
def test_cut_off(text: str, cut: bool) -> None:
    assert cut_off(text) is cut


def test_interruptions_counts_turns_begun_where_the_other_was_cut_off() -> None:
    analysis = analysis_of(CUTTING_IN)
    result = INTERRUPTIONS(analysis)
    assert result.value == 2
    assert result.details == {"interruptions": 2, "handovers": 3}
    assert result.items == (("turn 2", 1.0), ("turn 4", 1.0))
    turns = analysis.transcript.turns
    assert [(e.turn, e.note) for e in result.evidence] == [
        (1, "the candidate's turn, cut off: turn 2 begins"),
        (3, "the candidate's turn, cut off: turn 4 begins"),
    ]
    for item in result.evidence:  # the last words of the cut-off turn, verbatim
        assert turns[item.turn].text.endswith(item.quote)
    assert result.evidence[0].quote == "hour every evening on the next day's jobs, and so what I--"


def test_interruptions_of_the_candidate() -> None:
    # the candidate's turns that begin where the interviewer was cut off
    analysis = analysis_of(
        "Interviewer: So the role is mostly--\n"
        "Candidate: Sorry, is it remote?\n"
        "Interviewer: Hybrid. Tell me about your last job.\n"
        "Candidate: I ran the support queue.\n"
    )
    candidate = INTERRUPTIONS(analysis, scope=Scope(role="candidate"))
    assert (candidate.value, candidate.items) == (1, (("turn 1", 1.0),))
    assert INTERRUPTIONS(analysis).value == 0


def test_interruptions_without_the_subject() -> None:
    result = INTERRUPTIONS(analysis_of("Candidate: Hello?\n"))
    assert (result.value, result.reason) == (None, "the interviewer did not speak")


def test_the_interviewer_rubric_names_the_cut_off_answers() -> None:
    rubric = load_rubric("interviewer")
    criterion = next(
        r for r in score(analysis_of(CUTTING_IN), rubric).criteria if r.id == "lets_finish"
    )
    assert (criterion.band, criterion.score) == ("fair", 60)
    assert criterion.feedback == (
        "The candidate's turn ended cut off where you spoke 2 times "
        "(hour every evening on the next day's jobs, and so what I--). Let them finish, then ask."
    )
    # answers allowed to end: the best band, and no claim beyond the marks
    calm = CUTTING_IN.replace("what I--", "what I built.").replace("was—", "was the error rate.")
    criterion = next(r for r in score(analysis_of(calm), rubric).criteria if r.id == "lets_finish")
    assert (criterion.band, criterion.feedback) == (
        "strong",
        "None of the candidate's turns ends cut off where you speak.",
    )


def test_conciseness_judges_the_answers_let_finish() -> None:
    conciseness = get_metric("conciseness")
    # two of the four answers cut off short: their length says nothing of
    # getting to the point, and neither is quoted as the example of it
    result = conciseness(analysis_of(CUTTING_IN))
    assert result.details["cut_off_answers"] == 2
    assert result.details["median_words"] == 8.5  # of the two answers let finish (12 and 5)
    (strength,) = [e for e in result.evidence if e.polarity == "strength"]
    assert strength.turn in (5, 7)
    # three of four cut off: not measurable
    most = CUTTING_IN.replace("nobody went back.", "nobody went--")
    result = conciseness(analysis_of(most))
    assert (result.value, result.reason) == (
        None,
        "the interviewer cut off 3 of the 4 answers before they ended",
    )


def test_a_backchannel_the_candidate_talks_through_is_no_interruption() -> None:
    # As the MIT transcribers mark it: the candidate's speech breaks with a
    # dash where the interviewer's "Mm-hm." falls, and goes on after it.
    analysis = analysis_of(
        "Interviewer: Tell me about a time you worked on a team.\n"
        "Candidate: She was older than me but we were partners on the project--\n"
        "Interviewer: Mm-hm.\n"
        "Candidate: --but our levels of technical skill were really different. And so-\n"
        "Interviewer: [laughs]\n"
        "Candidate: So I taught her the lab work first--\n"
        "Interviewer: Okay, and did it work?\n"
        "Candidate: It did.\n"
    )
    result = INTERRUPTIONS(analysis)
    # turns 2 and 4 only backchannel; turn 6 asks, and takes the turn
    assert (result.value, result.items) == (1, (("turn 6", 1.0),))
    assert result.details == {"interruptions": 1, "handovers": 3}
    # a backchannel the candidate does not talk through still cuts in
    ended = analysis_of(
        "Interviewer: Tell me about a time you worked on a team.\n"
        "Candidate: She was older than me but we were partners on the project--\n"
        "Interviewer: Mm-hm.\n"
        "Interviewer: Let's move on to the next one.\n"
        "Candidate: Sure.\n"
    )
    assert INTERRUPTIONS(ended).value == 1
