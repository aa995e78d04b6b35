"""Pairing questions with the turns that answer them, and judging how much
of each question the answer addressed."""

from __future__ import annotations

import pytest

from transcript_tool import analyze
from transcript_tool.model import Analysis, Question
from transcript_tool.readers import read_text


def analysis_of(text: str) -> Analysis:
    return analyze(read_text(text, "t.txt"))


def answered(question: str, answer: str) -> Question:
    """The interviewer's question after the candidate's answer to it."""
    analysis = analysis_of(f"Interviewer: {question}\nCandidate: {answer}\n")
    (first, *_) = analysis.questions
    return first


def exchanges(analysis: Analysis) -> list[tuple[int, tuple[int, ...], str, tuple[int, ...]]]:
    return [
        (e.question_turn, e.questions, e.asker_role, e.answer_turns) for e in analysis.exchanges
    ]


def test_each_question_is_answered_by_the_next_candidate_turn() -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about yourself.\n"
        "Candidate: I'm a data analyst at a bank.\n"
        "Interviewer: Why do you want to work here?\n"
        "Candidate: I love the product.\n"
    )
    assert exchanges(analysis) == [
        (0, (0,), "interviewer", (1,)),
        (2, (1,), "interviewer", (3,)),
    ]
    assert [(q.answer_turns, q.answered) for q in analysis.questions] == [
        ((1,), "yes"),
        ((3,), "yes"),
    ]


def test_backchannel_does_not_split_an_answer() -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about a time you handled a difficult stakeholder.\n"
        "Candidate: Last year our sales director opposed a new returns portal.\n"
        "Interviewer: Got it.\n"
        "Candidate: So I ran a pilot with two of his accounts, and he came round.\n"
        "Interviewer: Why do you want to work here?\n"
        "Candidate: I love the product.\n"
    )
    assert exchanges(analysis) == [
        (0, (0,), "interviewer", (1, 3)),
        (4, (1,), "interviewer", (5,)),
    ]


def test_clarifying_question_mid_answer_opens_its_own_exchange() -> None:
    analysis = analysis_of(
        "Interviewer: How would you design a rate limiter?\n"
        "Candidate: I'd start with a token bucket per key. Should I assume it is a public API?\n"
        "Interviewer: Yes, a public API behind twenty servers.\n"
        "Candidate: Then the rate limiter keeps each bucket in a shared store.\n"
    )
    assert exchanges(analysis) == [
        (0, (0,), "interviewer", (3,)),
        (1, (1,), "candidate", (2,)),
    ]
    # the turn that mostly asks is marked, and kept out of the answer
    assert analysis.exchanges[0].clarifying_turns == (1,)
    assert [e.section for e in analysis.exchanges] == ["interview", "clarification"]
    design, clarification = analysis.questions
    assert (clarification.intent, clarification.intent_cue) == ("clarification", "should i assume")
    # the interviewer is not judged on answering yes or no
    assert (clarification.answered, clarification.direct) == ("yes", None)
    assert (design.answered, design.answer_turns) == ("yes", (3,))


def test_last_question_with_no_answer_is_not_answered() -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about yourself.\n"
        "Candidate: I'm a data analyst at a bank.\n"
        "Interviewer: Are you interviewing with other companies?\n"
    )
    last = analysis.questions[-1]
    assert analysis.exchanges[-1].answer_turns == ()
    assert (last.answered, last.answer_turns, last.coverage, last.direct) == ("no", (), None, None)


def test_compound_question_with_one_part_answered_is_partial() -> None:
    question = answered(
        "What are your salary expectations and when could you start?",
        "I could start in two weeks.",
    )
    assert question.answered == "partial"
    assert question.missing == ("What are your salary expectations",)
    assert question.part_coverage == (0.0, 1.0)
    assert question.coverage == 0.333


@pytest.mark.parametrize(
    "duration",
    [
        "four weeks",
        "six months",
        pytest.param(
            "three years",
        ),
    ],
)
def test_how_long_part_is_addressed_by_a_duration(duration: str) -> None:
    question = answered(
        "What did you study and how long did it take?", f"I studied physics, for {duration}."
    )
    assert question.parts == ("What did you study", "how long did it take?")
    assert (question.answered, question.missing) == ("yes", ())


def test_when_part_is_addressed_by_a_time_without_repeating_its_words() -> None:
    question = answered(
        "What are your salary expectations and when could you start?",
        "My salary expectation is ninety thousand, and I'm free in two weeks.",
    )
    assert question.part_coverage == (1.0, 0.5)
    assert question.answered == "yes"


def test_a_missing_start_date_is_still_a_missing_part() -> None:
    """A part with one focus term is checked when it asks for a time."""
    question = answered(
        "What are your salary expectations and when could you start?",
        "My salary expectation is around ninety thousand.",
    )
    assert (question.answered, question.missing) == ("partial", ("when could you start",))


def test_an_opening_phrase_is_no_part_of_what_the_question_asks() -> None:
    # "kick" was a focus term the career story never said: "missing: To kick
    # things off, could you walk me through your background"
    question = answered(
        "To kick things off, could you walk me through your background and what brings you "
        "to this role?",
        "I started in support at a logistics startup, moved into product after two years, "
        "and this role brings me closer to clinics.",
    )
    assert question.focus[0] == ("background",)
    assert (question.answered, question.missing) == ("yes", ())


def test_a_story_answers_a_behavioral_compound_without_repeating_its_words() -> None:
    """The story part of "tell me about a time ..." and a one-word part ("how
    you handled it") are not judged by word overlap: the answer below tells
    the story in its own words, as the bundled 60-minute sample's does."""
    question = answered(
        "Tell me about a time you disagreed with a teammate on a technical decision, "
        "and how you handled it.",
        "Last year the risk team wanted direct read access to our production replica. "
        "My first reaction was no, because a big query had once lagged replication. "
        "So I asked for a meeting to understand what fresh meant for them, and we "
        "built them a fifteen minute feed instead.",
    )
    assert question.parts[1] == "how you handled it."
    assert (question.answered, question.missing) == ("yes", ())


def test_compound_question_with_every_part_answered_is_answered() -> None:
    question = answered(
        "What are your salary expectations and when could you start?",
        "I expect a salary around ninety thousand, and I could start in June.",
    )
    assert (question.answered, question.missing, question.part_coverage) == ("yes", (), (1.0, 1.0))


@pytest.mark.parametrize(
    ("answer", "direct"),
    [
        ("Yes, I managed a small vendor budget.", True),
        ("No, never.", True),
        ("Not really, the finance team owns it.", True),
        ("I don't think so, the finance team owns it.", True),
        # fillers take none of the opening's four words (the think-aloud
        # audit's "Um, I don't think so?" was "missing: a clear yes or no")
        ("Um, I don't think so, the finance team owns it.", True),
        ("Um, uh, I don't think so.", True),
        ("I have, for our vendors.", True),
        ("We sure do.", True),
        ("I haven't.", True),
        ("I have always said budgets matter to every team.", False),
        ("The finance team owns the budget, and I review it.", False),
        ("i have yeah for our vendors", True),
        # a qualified yes
        ("Sort of, the finance team signs off on it.", True),
        # a subject and an auxiliary where the opening's twelve words end are
        # no elliptical reply: the clause goes on after them
        ("Every quarter the finance team sends the budget over and i do review it closely", False),
    ],
)
def test_yes_no_question_answered_directly_or_not(answer: str, direct: bool) -> None:
    question = answered("Do you manage a budget?", answer)
    assert question.form == "yes_no"
    assert question.direct is direct


@pytest.mark.parametrize(
    "answer",
    ["Sounds good.", "That works for me.", "Happy to. Mornings suit me.", "I'd love that."],
)
def test_an_acceptance_answers_a_yes_no_question(answer: str) -> None:
    question = answered("Would a call at nine on Monday be okay?", answer)
    assert (question.form, question.direct) == ("yes_no", True)


@pytest.mark.parametrize(
    ("question", "answer", "direct"),
    [
        # each from a segmenter interview, "answered without a yes or no first"
        ("Have you ever managed more?", "At my last job, yes. I supported three VPs.", True),
        ("Those are the speckled ones?", "The speckled blue ones, yeah.", True),
        ("Is the model broken?", "Um, probably not. It's more likely an incident.", True),
        ("Did you tell the day shift that?", "I, uh, I didn't have to. Everyone knew.", True),
        ("Are you talking to any other agencies?", "One. Um, Pennine Recruitment.", True),
        ("Are you talking to any other agencies?", "2, both in Leeds.", True),
        # a correction says no
        ("You're in Overland Park?", "Lenexa, actually.", True),
        ("So you're in, is it Brook Park?", "Parma, actually. Parma Heights.", True),
        # a number is no yes or no to a question that asks for no count
        ("Are you talking to other agencies?", "One. Um, Pennine Recruitment.", False),
        # a yes inside a clause that goes on is no reply
        ("Have you ever managed more?", "At my last job, yes we had three VPs.", False),
    ],
)
def test_a_reply_in_other_words_still_says_yes_or_no(
    question: str, answer: str, direct: bool
) -> None:
    assert answered(question, answer).direct is direct


@pytest.mark.parametrize(
    "question", ["And you're looking because...?", "And your notice period is\u2026?"]
)
def test_a_statement_left_open_asks_for_the_rest_not_a_yes_or_no(question: str) -> None:
    asked = answered(question, "Um, mainly progression, honestly.")
    assert (asked.form, asked.direct, asked.missing) == ("declarative", None, ())


def test_direct_is_only_judged_for_closed_questions() -> None:
    question = answered("Why do you want to work here?", "Yes, because I love the product.")
    assert question.direct is None


@pytest.mark.parametrize(
    ("question", "answer", "direct"),
    [
        # the yes or no among the first four words, the marks between not counted
        ("Have you worked on anything in ad tech before?", "Not ad tech, no. Payments.", True),
        # "right" confirms a tag, but opens no answer to a yes/no question
        ("And that's before replication, right?", "Right, with one replica it's double.", True),
        ("Have you written SQL queries yourself?", "Right, so the analysts own the models.", False),
        # "any" thing: answered by the thing when the question opens with it ...
        ("Anything you'd do differently, looking back?", "I'd slow down at the start.", None),
        # ... but "was there any" still asks for its yes or no
        ("And was there any friction with him?", "He came in with his mind made up.", False),
        ("And was there any friction with him?", "A little, at the start.", True),
        ("Have you managed people?", "A little background first: I led a guild.", False),
        # how often, for a yes ("Once, at my previous job"), but not "once" opening a clause
        ("Have you been through a system migration?", "Once, at my previous job.", True),
        ("Have you been through a system migration?", "Twice, both to NetSuite.", True),
        ("Have you been through a system migration?", "Once the data moved we cut over.", False),
        # a short statement said back word for word is confirmed
        ("It's in Lenexa?", "It's in Lenexa, right off the highway.", True),
        # whether there is anything or anyone: a yes or no first is credited, but
        # what the reply names answers it too (the accountant's, the
        # statistician's: "answered without a yes or no first")
        ("Would you do anything differently?", "I'd have put the P&L effect first.", None),
        ("Would you do anything differently?", "No, not really, it went well.", True),
        ("Was anyone held accountable?", "It was an assistant who'd been quite new.", None),
        # ... not "any" before a noun: hearing witnesses dodge "Do you have any
        # reason ...?" in other words
        ("Do you have any reason to doubt it?", "My understanding of the process is clear.", False),
        # a fragment with no clause names what it asks about: no yes or no is due
        ("In April?", "In April. Welcome to Colorado.", None),
        ("In April?", "March, actually, the week of the storm.", None),
        ("So you'd use a threshold?", "Well, thresholds can drift.", False),
        # a condition put as a statement is answered by its consequence
        ("And if the VP says no?", "Then I'd send it with the caveat.", True),
        ("So you'd retry if it fails?", "Then it goes to the dead letter queue.", False),
        # the first of two alternatives, the second opening with "or", is no
        # yes/no question of its own
        ("Does the raw data stay raw? Or do you transform it?", "I'd keep two layers.", None),
        # small talk and the closing question are not judged for a yes or no
        ("Can I get you a coffee before we start?", "I'm okay, thank you.", None),
        ("Do you have any questions for me?", "What would the first ninety days look like?", None),
    ],
)
def test_which_closed_questions_need_a_yes_or_no(
    question: str, answer: str, direct: bool | None
) -> None:
    asked = answered(question, answer)
    assert asked.direct is direct
    assert (asked.answered == "partial") == (direct is False)


@pytest.mark.parametrize(
    ("question", "answer", "form", "direct"),
    [
        ("You led that migration yourself, right?", "I did, with one other engineer.", "tag", True),
        ("You led that migration yourself, right?", "Migrations are always hard.", "tag", False),
        ("So you'd use a threshold?", "Exactly, a tuned threshold.", "declarative", True),
        ("So you'd use a threshold?", "Well, thresholds can drift.", "declarative", False),
    ],
)
def test_tag_and_declarative_questions_are_judged_for_a_direct_answer(
    question: str, answer: str, form: str, direct: bool
) -> None:
    asked = answered(question, answer)
    assert (asked.form, asked.direct) == (form, direct)


@pytest.mark.parametrize(
    ("question_text", "answer", "verdict"),
    [
        # relaxed intents: a story, a motive, a background need not repeat a word
        (
            "Tell me about a time you dealt with a difficult stakeholder.",
            "Our sales director opposed the new portal, so I ran a pilot with him.",
            "yes",
        ),
        ("Why do you want to work here?", "I love the product.", "yes"),
        ("Tell me about yourself.", "I'm a data analyst at a bank.", "yes"),
        # nor any single question: a token bucket is a rate limiter's design,
        # and a single question has no other part to show what a part left out
        # looks like
        ("How would you design a rate limiter?", "I would use a token bucket.", "yes"),
        (
            "What happens if one of the Redis primaries dies in the middle of the evening peak?",
            "So the replica gets promoted, that's a few seconds usually.",
            "yes",
        ),
        # ... unless it asks for a number and gets none
        (
            "How many engineers did you manage?",
            "I led the platform team through the reorg.",
            "partial",
        ),
        ("How many engineers did you manage?", "Twelve, in two squads.", "yes"),
        ("How big is the ads delivery team?", "We're nine engineers.", "yes"),
        # asked for the wh, not for a yes: no "clear yes or no" is missing
        ("Do you know what our retention rate is?", "About eighty percent.", "yes"),
        # "when" is as often a subordinator: no time is asked for
        ("And what happens when the consumer crashes?", "It restarts from the last offset.", "yes"),
    ],
)
def test_a_single_question_is_judged_by_a_number_it_asks_for_not_by_its_words(
    question_text: str, answer: str, verdict: str
) -> None:
    question = answered(question_text, answer)
    assert question.answered == verdict
    assert bool(question.missing) == (verdict == "partial")


def test_plural_and_inflected_words_count_as_addressed() -> None:
    question = answered(
        "How would you design a rate limiter?",
        "I'd design rate limiting with token buckets.",
    )
    # "limiting" shares its first five letters with "limiter"
    assert (question.coverage, question.answered) == (1.0, "yes")


def test_sections_and_follow_up_threads() -> None:
    analysis = analysis_of(
        "Interviewer: Hi, how are you?\n"
        "Candidate: Good, thanks.\n"
        "Interviewer: Tell me about a time you missed a deadline.\n"
        "Candidate: Our data migration slipped by two weeks.\n"
        "Interviewer: What was the result?\n"
        "Candidate: We added a buffer to every plan after that.\n"
        "Interviewer: Why did you do it that way?\n"
        "Candidate: It was the cheapest fix.\n"
        "Interviewer: Do you have any questions for me?\n"
        "Candidate: Yes. What does the team look like?\n"
        "Interviewer: Six engineers and a designer.\n"
    )
    assert [(e.section, e.parent) for e in analysis.exchanges] == [
        ("small_talk", None),
        ("interview", None),
        ("interview", 1),  # the follow-ups belong to the behavioural question's thread
        ("interview", 1),
        ("interview", None),
        ("reverse", None),
    ]


def test_an_unanswered_question_has_no_answer_turns() -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about yourself.\nCandidate: I build payment systems.\n"
        "Interviewer: And what are your salary expectations?\n"
    )
    last = analysis.questions[-1]
    assert (last.answered, last.answer_turns) == ("no", ())


def test_a_long_setup_without_a_question_is_flagged() -> None:
    setup = " ".join(["Our checkout service handles card payments for small merchants."] * 9)
    analysis = analysis_of(
        f"Interviewer: {setup}\n"
        "Candidate: Okay.\n"
        "Interviewer: How would you find the slow requests?\n"
        "Candidate: Tracing first.\n"
        "Interviewer: Good. Thanks.\n"
    )
    assert analysis.long_setups == (0,)


def test_a_task_set_out_after_small_talk_ends_the_small_talks_answer() -> None:
    analysis = analysis_of(
        "Interviewer: Hi, is that Marcus? Can you hear me okay?\n"
        "Candidate: Yeah, hi, I can hear you fine.\n"
        "Interviewer: Great. So today is a debugging exercise. I'm going to describe a "
        "problem we actually had, and I want you to talk me through how you'd chase it "
        "down. The scale reports a weight drift of two kilos overnight.\n"
        "Candidate: Okay, so first I'd check whether the drift follows temperature.\n"
        "Interviewer: Why temperature first?\n"
        "Candidate: Because load cells are sensitive to it.\n"
    )
    greeting, why = analysis.questions
    assert (greeting.intent, greeting.answer_turns) == ("small_talk", (1,))
    assert why.answer_turns == (5,)
    # after a question, the interviewer's statement keeps the question open
    analysis = analysis_of(
        "Interviewer: Tell me about a time you disagreed with your manager.\n"
        "Candidate: We argued about a release date.\n"
        "Interviewer: I've been there. At my last job the release date was set by sales, "
        "and engineering found out from the press release, which was about as much fun "
        "as you would think.\n"
        "Candidate: Right, and in the end we split the release in two.\n"
    )
    assert analysis.questions[0].answer_turns == (1, 3)


PANEL = (  # the police dispatcher panel, in short
    "Interviewer: Do you have any questions before we begin?\n"
    "Candidate: No, I'm ready.\n"
    "Interviewer: Describe a time you received criticism from a supervisor. "
    "How did you respond?\n"
    "Candidate: Sorry, could you, could you read that one again?\n"
    "Interviewer: Describe a time you received criticism from a supervisor. "
    "How did you respond?\n"
    "Candidate: Last March my supervisor scored one of my calls low, and I asked her "
    "to walk me through it.\n"
    "Interviewer: Is there anything else you would like the board to know about you?\n"
    "Candidate: Only that I really want this.\n"
)


def test_a_question_read_again_on_request_is_answered_not_re_asked() -> None:
    """'Do you have any questions before we begin?' closed the interview: every later
    question of the candidate's was a question for the interviewer, and the
    request to hear a question again its answer ('a behavioral question
    answered in general terms'). Then, read again on request, the question
    was a re-ask ('the first answer missed it')."""
    analysis = analysis_of(PANEL)
    # a check whether the candidate is ready, as "Ready?" is
    assert [q.turn for q in analysis.check_ins] == [0]
    intents = [(q.turn, q.role, q.intent) for q in analysis.questions]
    assert (3, "candidate", "clarification") in intents
    assert intents[-1] == (6, "interviewer", "closing")
    criticism = [q for q in analysis.questions if q.text.startswith("Describe")]
    assert [q.reask_of for q in criticism] == [None, None]
    # the first reading takes the answer to the second: nothing was left unanswered
    assert [(q.answered, q.answer_turns) for q in criticism] == [("yes", (5,)), ("yes", (5,))]
    assert not [q for q in analysis.questions if q.answered == "no"]
    # ... and the answer is counted once, in the second reading's exchange
    assert sum(5 in e.answer_turns for e in analysis.exchanges) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Any questions about that before we jump in?",
        "Okay, any questions before we get started?",
        "Do you have any questions before we start?",
    ],
)
def test_any_questions_before_we_begin_is_a_check_in_not_the_closing(sentence: str) -> None:
    analysis = analysis_of(
        f"Interviewer: {sentence}\nCandidate: No.\n"
        "Interviewer: Do you have any questions for me?\nCandidate: Yes, two.\n"
    )
    assert [q.text for q in analysis.check_ins] == [sentence]
    assert [(q.text, q.intent) for q in analysis.questions] == [
        ("Do you have any questions for me?", "closing")
    ]


def test_a_question_asked_again_without_a_request_is_still_a_re_ask() -> None:
    analysis = analysis_of(
        PANEL.replace(
            "Sorry, could you, could you read that one again?", "I'd rather talk about my training."
        )
    )
    criticism = [q for q in analysis.questions if q.text.startswith("Describe")]
    assert criticism[1].reask_of == criticism[0].index


@pytest.mark.parametrize("answer", ["About sixty.", "Twenty-five, maybe thirty.", "A dozen."])
def test_a_count_in_words_answers_how_many(answer: str) -> None:
    # the executive assistant's "How many people at the retreat?" "About
    # sixty." "did not address: people; retreat": "sixty" was no number
    question = answered("How many people at the retreat?", answer)
    assert (question.answered, question.missing) == ("yes", ())
