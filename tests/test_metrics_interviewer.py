"""The interviewer-habit metrics on small hand-made transcripts, with values
counted by hand.

Word counts are spaCy tokens without punctuation ("Don't" is two words, "I'm"
is two); questions and check-ins are what the pipeline detects (checked in
comments where it matters).
"""

from __future__ import annotations

import re

import pytest

from transcript_tool import analyze
from transcript_tool.annotate.interviewer_cues import load_interviewer_cues
from transcript_tool.metrics import interviewer
from transcript_tool.metrics.base import MetricSpec, Scope
from transcript_tool.model import Analysis, MetricResult, Role, Speaker, Transcript, Turn
from transcript_tool.readers import read_text
from transcript_tool.render.notes import interviewer_notes


def analysis_of(text: str) -> Analysis:
    return analyze(read_text(text, "t.txt"))


def timed(*rows: tuple[Role, str, float | None, float | None]) -> Analysis:
    """An analysis of turns given as (role, text, start, end)."""
    speakers = (Speaker("I", None, "interviewer"), Speaker("C", None, "candidate"))
    turns = tuple(
        Turn(i, "I" if role == "interviewer" else "C", role, text, start, end)
        for i, (role, text, start, end) in enumerate(rows)
    )
    return analyze(Transcript(id=None, format="test", speakers=speakers, turns=turns))


def verbatim(analysis: Analysis, result: MetricResult) -> list[tuple[int, str]]:
    """(turn, quote) of each piece of evidence, after checking the quote is verbatim."""
    for item in result.evidence:
        assert item.quote and item.quote in analysis.transcript.turns[item.turn].text, item
    return [(item.turn, item.quote) for item in result.evidence]


def test_shipped_cues_load() -> None:
    cues = load_interviewer_cues()
    assert {rule.label for rule in cues.leading} >= {"asks for agreement", "negative question"}
    assert "i mean" in cues.rephrase_cues


@pytest.mark.parametrize(
    ("entry", "error"),
    [
        ("{label: x, patterns: [[{POS: VERB}]]}", "['POS'] are not set by the pipeline"),
        ("{label: x, at: end, patterns: [[{NORM: so}]]}", "'at' must be head or any"),
        ("{label: x, forms: [question], patterns: [[{NORM: so}]]}", "unknown form(s) ['question']"),
        ("{label: x}", "a rule needs patterns or phrases"),
    ],
)
def test_bad_cue_data_is_rejected(entry: str, error: str) -> None:
    text = (
        f"leading: [{entry}]\nnot_leading_tags: []\nshort_declarative_words: 3\nrephrase_cues: []\n"
    )
    with pytest.raises(ValueError, match=re.escape("interviewer.yaml leading/0")) as raised:
        load_interviewer_cues(text)
    assert error in str(raised.value)


# ------------------------------------------------------------------ talk_share

# Interviewer 6 + 3 = 9 words, candidate 13 + 7 = 20 words.
SHORT = (
    "Interviewer: Tell me about your last project.\n"
    "Candidate: I built a churn model for the sales team at a retail company.\n"
    "Interviewer: Why that model?\n"
    "Candidate: It was fast and easy to explain.\n"
)


def test_talk_share_of_words() -> None:
    analysis = analysis_of(SHORT)
    result = interviewer.TALK_SHARE(analysis)
    assert result.value == round(100 * 9 / 29, 1) == 31.0
    assert result.details == {"share": 31.0, "words": 9, "total_words": 29}
    assert result.items == (("interviewer", 31.0), ("candidate", 69.0))
    assert verbatim(analysis, result) == [(0, "Tell me about your last project.")]
    assert result.evidence[0].note == "the interviewer's longest turn: 6 words"


def test_talk_share_of_a_phase_says_its_longest_turn_is_the_phase_s() -> None:
    """The interviewer rubric judges the interview phase: a longer set-up
    before it is quoted elsewhere, so the note says where this one is the
    longest, and one word is "1 word"."""
    analysis = analysis_of(
        "Interviewer: Hi, thanks for coming, let me tell you a lot about the role and the "
        "team first so you know what we do here every day.\n"
        "Candidate: Thanks.\n"
        "Interviewer: Tell me about your last project.\n"
        "Candidate: I built a churn model for the sales team at a retail company.\n"
        "Interviewer: Why?\n"
        "Candidate: It was fast and easy to explain.\n"
    )
    phase = Scope(role="interviewer", phases=frozenset({"interview"}))
    result = interviewer.TALK_SHARE(analysis, {}, phase)
    assert [(e.turn, e.note) for e in result.evidence] == [
        (2, "the interviewer's longest turn in the interview phase: 6 words")
    ]
    whole = interviewer.TALK_SHARE(analysis)
    assert whole.evidence[0].note.startswith("the interviewer's longest turn: 2")
    one = analysis_of("Interviewer: Why?\nCandidate: It was fast and easy to explain.\n")
    assert interviewer.TALK_SHARE(one).evidence[0].note == "the interviewer's longest turn: 1 word"


def test_talk_share_of_the_candidate() -> None:
    analysis = analysis_of(SHORT)
    result = interviewer.TALK_SHARE(analysis, {}, Scope(role="candidate"))
    assert result.value == 69.0
    assert verbatim(analysis, result)[0][0] == 1  # the candidate's 13-word turn


def test_talk_share_of_seconds() -> None:
    analysis = timed(
        ("interviewer", "Tell me about your last project.", 0.0, 4.0),
        ("candidate", "I built a churn model for the sales team.", 5.0, 20.0),
        ("interviewer", "Why that model?", 20.0, 21.0),
        ("candidate", "It was fast.", 22.0, 27.0),
    )
    words = interviewer.TALK_SHARE(analysis, {"unit": "words"})
    assert words.value == round(100 * 9 / 21, 1) == 42.9  # 9 of 9 + 12 words
    seconds = interviewer.TALK_SHARE(analysis, {"unit": "seconds"})
    # interviewer 4 + 1 = 5 s of 5 + 15 + 5 = 25 s
    assert seconds.value == 20.0
    assert (seconds.details["seconds"], seconds.details["total_seconds"]) == (5.0, 25.0)
    assert seconds.evidence[0].note == "the interviewer's longest turn: 4 s"


def test_talk_share_in_seconds_needs_timestamps() -> None:
    result = interviewer.TALK_SHARE(analysis_of(SHORT), {"unit": "seconds"})
    assert (result.value, result.reason) == (None, "not available (no timestamps)")
    partly = timed(
        ("interviewer", "Tell me about your last project.", 0.0, 4.0),
        ("candidate", "I built a churn model.", None, None),
    )
    result = interviewer.TALK_SHARE(partly, {"unit": "seconds"})
    assert (result.value, result.reason) == (None, "some turns have no timestamps")


def test_talk_share_unpunctuated() -> None:
    analysis = analysis_of(
        "interviewer: so tell me about the project what did you build and who used it\n"
        "candidate: we built a churn model for the sales team and the account managers "
        "used it every week\n"
    )
    result = interviewer.TALK_SHARE(analysis)
    assert result.value == round(100 * 14 / (14 + 17), 1) == 45.2
    assert verbatim(analysis, result)[0][0] == 0


SCOPED = (
    "Interviewer: Tell me about yourself.\n"  # background
    "Candidate: I am a data analyst at a retail company.\n"
    "Interviewer: What is the difference between a left join and an inner join?\n"  # technical
    "Candidate: A left join keeps every row of the left table.\n"
)


def test_talk_share_in_scope() -> None:
    analysis = analysis_of(SCOPED)
    technical = Scope(intents=frozenset({"technical"}))
    # only turns 2 and 3: 12 interviewer words of 12 + 10
    result = interviewer.TALK_SHARE(analysis, {}, technical)
    assert result.value == round(100 * 12 / 22, 1) == 54.5
    closing = interviewer.TALK_SHARE(analysis, {}, Scope(intents=frozenset({"closing"})))
    assert (closing.value, closing.reason) == (None, "nobody spoke")


# ----------------------------------------------------------- context_monologues

# Turn 0: a setup of 6 + 16 + 23 + 22 + 18 = 85 words that asks nothing.
# Turn 6: 31 words answering the candidate's own question (turn 5).
SETUP = (
    "Interviewer: Thanks for making the time today. Before we start I want to give you some "
    "context about the team and the role. We are a group of six data scientists and two "
    "engineers, and we own the pricing models for every store in the region. Most of our "
    "work is forecasting demand, testing new prices in a few stores first, and then rolling "
    "the winners out everywhere. We ship a new model about once a month, and we review every "
    "launch together as a team.\n"
    "Candidate: Sounds good.\n"
    "Interviewer: How would you test a new price before rolling it out?\n"
    "Candidate: I would run it in a few stores and compare sales with similar stores.\n"
    "Interviewer: What questions do you have for me?\n"
    "Candidate: How do you decide which stores get a test?\n"
    "Interviewer: We pick stores that look alike in size and traffic, and we keep a matching "
    "group of stores on the old price so that we can compare the two groups fairly.\n"
)


def test_context_monologues() -> None:
    analysis = analysis_of(SETUP)
    result = interviewer.CONTEXT_MONOLOGUES(analysis)
    assert result.value == 1  # turn 0; turn 6 is under 80 words
    assert result.details == {"monologues": 1, "longest_words": 85}
    assert result.items == (("turn 0", 85.0),)
    assert verbatim(analysis, result) == [
        (
            0,
            "Thanks for making the time today. Before we start I want to give you some context "
            "about the team and the role. We are a",
        )
    ]  # the first 25 words: 6 + 16 + 3
    assert (result.evidence[0].note, result.evidence[0].polarity) == (
        "85 words without asking anything",
        "improvement",
    )


def test_context_monologues_answers_to_the_candidate() -> None:
    analysis = analysis_of(SETUP)
    result = interviewer.CONTEXT_MONOLOGUES(analysis, {"min_words": 25})
    assert result.items == (("turn 0", 85.0),)  # turn 6 answers the candidate's question
    result = interviewer.CONTEXT_MONOLOGUES(analysis, {"min_words": 25, "include_answers": True})
    assert result.items == (("turn 0", 85.0), ("turn 6", 31.0))
    assert [e.turn for e in result.evidence] == [0, 6]  # longest first


def test_context_monologues_none() -> None:
    analysis = analysis_of(SETUP)
    result = interviewer.CONTEXT_MONOLOGUES(analysis, {"min_words": 90})
    assert result.details == {"monologues": 0, "longest_words": 0}
    assert [(e.turn, e.note, e.polarity) for e in result.evidence] == [
        (0, "the longest turn: 85 words", "strength")
    ]


def test_context_monologues_strength_quotes_a_judged_turn() -> None:
    # Turn 2 (5 + 7 + 6 + 5 + 13 = 36 words) answers the candidate's
    # question; the set-up the feedback praises is turn 0 (3 + 13 + 5 = 21
    # words, asking).
    analysis = analysis_of(
        "Interviewer: Thanks for joining. I lead the data team here, and today is mostly about "
        "your projects. What have you built recently?\n"
        "Candidate: A churn model for a subscription app. How big is your team?\n"
        "Interviewer: There are six of us. Two analysts, three data scientists, and me. We sit "
        "with the product managers, we plan every quarter together, and we review every "
        "launch as a group on Fridays with the engineers.\n"
        "Candidate: That sounds great.\n"
    )
    asked = [e for e in analysis.exchanges if e.asker_role == "candidate"]
    assert [(e.question_turn, e.answer_turns) for e in asked] == [(1, (2,))]
    result = interviewer.CONTEXT_MONOLOGUES(analysis, {"min_words": 80})
    assert [(e.turn, e.note, e.polarity) for e in result.evidence] == [
        (0, "the longest turn: 21 words, and it asks a question", "strength")
    ]
    # with answers counted, the answer is the longest turn judged
    result = interviewer.CONTEXT_MONOLOGUES(analysis, {"min_words": 80, "include_answers": True})
    assert [(e.turn, e.note) for e in result.evidence] == [(2, "the longest turn: 36 words")]


def test_context_monologues_only_answers() -> None:
    analysis = analysis_of(
        "Candidate: Before we start, how big is the team?\n"
        "Interviewer: Six people, and we all sit together in the same room.\n"
    )
    result = interviewer.CONTEXT_MONOLOGUES(analysis)
    assert [(e.turn, e.note) for e in result.evidence] == [
        (1, "the longest turn: 11 words, answering the candidate's question")
    ]


def test_context_monologues_a_check_in_asks() -> None:
    # 17 words, then (with a check-in between) 12 more: the check-in asks
    # something after 17 words, under the 20 counted
    talk = "The first round is about your past projects and the second round is a pricing case."
    more = "After that you meet the team for lunch and we finish by four."
    ask = "Interviewer: Tell me about your last project.\nCandidate: I built a churn model.\n"
    without = analysis_of(f"Interviewer: {talk} {more}\nCandidate: Okay.\n{ask}")
    assert interviewer.CONTEXT_MONOLOGUES(without, {"min_words": 20}).value == 1
    checked = analysis_of(
        f"Interviewer: {talk} Does that make sense? {more}\nCandidate: Yes.\n{ask}"
    )
    assert [c.turn for c in checked.check_ins] == [0]
    assert interviewer.CONTEXT_MONOLOGUES(checked, {"min_words": 20}).value == 0
    # nor does a question after the talk
    asked = analysis_of(
        f"Interviewer: {talk} {more} How do you usually prepare for a case?\n"
        "Candidate: I read up.\n"
    )
    result = interviewer.CONTEXT_MONOLOGUES(asked, {"min_words": 20})
    assert result.items == (("turn 0", 29.0),)
    assert result.evidence[0].note == "29 words before asking"


def test_context_monologues_the_goodbye_after_the_last_question() -> None:
    # The interviewer's last turn thanks the candidate and sets out the next
    # steps at length (7 + 6 * 13 + 5 = 90 words): no question waits on it,
    # so it is no set-up, as Analysis.long_setups already holds.
    steps = " ".join(["The next round is a panel with the team lead and two engineers."] * 6)
    analysis = analysis_of(
        "Interviewer: How would you test a new price before rolling it out?\n"
        "Candidate: I would run it in a few stores and compare sales with similar stores.\n"
        f"Interviewer: Great, thank you for your time today. {steps} We will be in touch.\n"
        "Candidate: Thank you, bye.\n"
    )
    assert analysis.long_setups == ()
    result = interviewer.CONTEXT_MONOLOGUES(analysis)
    assert result.value == 0
    # before a later question the same talk (3 + 78 + 5 = 86 words) is a
    # long set-up
    asked = analysis_of(
        "Interviewer: How would you test a new price before rolling it out?\n"
        "Candidate: I would run it in a few stores and compare sales with similar stores.\n"
        f"Interviewer: Great, thank you. {steps} We will be in touch.\n"
        "Candidate: Okay.\n"
        "Interviewer: Any questions for me?\n"
        "Candidate: No, thanks.\n"
    )
    assert asked.long_setups == (2,)
    assert interviewer.CONTEXT_MONOLOGUES(asked).value == 1


def test_context_monologues_a_long_set_up_before_the_question() -> None:
    # an audit's engineering manager: 100 words about the company, then the
    # question; the turn "asked" something, so it was never a long set-up
    context = " ".join(["We moved the billing platform to event sourcing last year."] * 10)
    analysis = analysis_of(
        "Interviewer: Thanks for coming in. How was the trip?\n"
        "Candidate: Easy, thanks.\n"
        f"Interviewer: So, some background. {context} So tell me about a time you "
        "disagreed with your manager.\n"
        "Candidate: Last spring my manager wanted to skip the load tests.\n"
        f"Interviewer: Why did you push back? {context}\n"
        "Candidate: Because the last release fell over.\n"
    )
    result = interviewer.CONTEXT_MONOLOGUES(analysis)
    # 3 + 100 words before the question of turn 2; turn 4 asks first, then explains
    assert result.items == (("turn 2", 103.0),)
    assert [(e.turn, e.note, e.polarity) for e in result.evidence] == [
        (2, "103 words before asking", "improvement")
    ]
    assert result.details == {"monologues": 1, "longest_words": 103}
    assert analysis.long_setups == (2,)
    assert interviewer_notes(analysis)[0] == "Turn 2: 103 words before its question"


def test_context_monologues_a_case_set_up_is_the_question() -> None:
    # a design exercise's or a scenario's set-up is what the question asks about
    context = " ".join(["Advertisers cap how often a listener hears the same ad."] * 10)
    for opening, question in [
        ("Okay.", "How would you design that?"),
        ("Okay.", "What would you do if the cap broke?"),
        # announced as a case, its question read as background
        ("So here's the case.", "What are you thinking?"),
    ]:
        analysis = analysis_of(
            f"Interviewer: {opening} {context} {question}\n"
            "Candidate: I would start with a counter per listener.\n"
        )
        assert interviewer.CONTEXT_MONOLOGUES(analysis).value == 0, question
        assert analysis.long_setups == ()
    # the same words about the company, then a question of another kind
    analysis = analysis_of(
        f"Interviewer: Okay. {context} What are you thinking?\n"
        "Candidate: I would start with a counter per listener.\n"
    )
    assert analysis.questions[0].intent == "background"
    assert interviewer.CONTEXT_MONOLOGUES(analysis).value == 1


def test_context_monologues_unpunctuated() -> None:
    analysis = analysis_of(
        "interviewer: thanks for making the time today before we start i want to give you some "
        "context about the team we are six data scientists and we own the pricing models for "
        "every store\n"
        "candidate: sounds good to me\n"
        "interviewer: how would you test a new price before rolling it out\n"
        "candidate: i would run it in a few stores first\n"
    )
    # turn 0: 33 words, no question heard; turn 2 asks
    result = interviewer.CONTEXT_MONOLOGUES(analysis, {"min_words": 30})
    assert result.details == {"monologues": 1, "longest_words": 33}
    assert verbatim(analysis, result)[0][0] == 0


def test_context_monologues_without_the_interviewer() -> None:
    result = interviewer.CONTEXT_MONOLOGUES(analysis_of("Candidate: Hello, can you hear me?\n"))
    assert (result.value, result.reason) == (None, "the interviewer did not speak")


# ---------------------------------------------------------- rephrased_questions

REPHRASED = (
    # a cue ("I mean") between two versions
    "Interviewer: How did you choose the model? I mean, why that model and not another one?\n"
    "Candidate: It was fast.\n"
    # no cue, but the second version repeats both focus terms of the first,
    # "model" and "train" ("first" is a frame word, never a focus term)
    "Interviewer: Which model did you train first? What was the first model you trained?\n"
    "Candidate: A logistic regression.\n"
    # two different questions
    "Interviewer: What did you build? Who used it?\n"
    "Candidate: A dashboard for the sales team.\n"
    # a cue inside one question
    "Interviewer: How big was the team, or rather, how many engineers were on it?\n"
    "Candidate: Five.\n"
)


def test_rephrased_questions() -> None:
    analysis = analysis_of(REPHRASED)
    result = interviewer.REPHRASED_QUESTIONS(analysis)
    assert result.value == 3  # turns 0, 2 and 6
    # 2 + 2 + 2 + 1 questions asked
    assert result.details == {"turns_with_rephrasing": 3, "questions": 7, "rephrasings": 3}
    assert result.items == (("turn 0", 1.0), ("turn 2", 1.0), ("turn 6", 1.0))
    # both versions quoted together
    assert verbatim(analysis, result) == [
        (0, "How did you choose the model? I mean, why that model and not another one?"),
        (2, "Which model did you train first? What was the first model you trained?"),
        (6, "How big was the team, or rather, how many engineers were on it?"),
    ]
    notes = [e.note for e in result.evidence]
    assert notes[0] == "the same question asked twice in one turn (I mean)"
    assert notes[1] == "the same question asked twice in one turn (asks again: model, train)"


def test_rephrased_questions_none() -> None:
    analysis = analysis_of(SHORT)
    result = interviewer.REPHRASED_QUESTIONS(analysis)
    assert result.details == {"turns_with_rephrasing": 0, "questions": 2, "rephrasings": 0}
    assert [(e.turn, e.polarity) for e in result.evidence] == [(0, "strength")]


def test_rephrased_questions_i_mean_is_not_always_a_rephrasing() -> None:
    analysis = analysis_of(
        "Interviewer: I mean, how did you choose the model?\n"  # nothing asked before the cue
        "Candidate: It was fast.\n"
        # a statement after the question, though it repeats "launch"
        "Interviewer: How was the launch? I mean, we have all had bad launches.\n"
        "Candidate: It went fine.\n"
        # inside one question, a statement going on after the cue (the
        # customer-support interviewer's, "the same question asked twice")
        "Interviewer: When you asked if the house number was hard to see, I mean, "
        "I jumped on you for that, right?\n"
        "Candidate: A little.\n"
    )
    assert interviewer.REPHRASED_QUESTIONS(analysis).value == 0
    # ... and one asking again after it still is
    again = analysis_of(
        "Interviewer: How did you pick the vendor, I mean, did you run a bake-off?\n"
        "Candidate: We did.\n"
    )
    assert interviewer.REPHRASED_QUESTIONS(again).value == 1


@pytest.mark.parametrize(
    ("turn", "rephrased"),
    [
        # the case the question asks about, spelled out: no second version
        ("How would you measure impact outside of experiments? Like, when you can't "
         "randomise?", 0),
        ("How do you handle a tough review? Like, if a senior engineer blocks your PR?", 0),
        # the question asked again, with or without a condition first
        ("What kind of team do you do your best work in? Like, what does a good week "
         "look like for you?", 1),
        ("How do you handle an angry customer? Like, when someone's upset on the phone, "
         "what do you do?", 1),
    ],
)  # fmt: skip
def test_rephrased_questions_a_condition_spelled_out_is_no_second_version(
    turn: str, rephrased: int
) -> None:
    # the interviewer-habits audit's panel: "Decide on the question before you
    # ask it" for "... outside of experiments? Like, when you can't randomise?"
    analysis = analysis_of(f"Interviewer: {turn}\nCandidate: With a diff-in-diff.\n")
    assert interviewer.REPHRASED_QUESTIONS(analysis).value == rephrased
    # nor is the case spelled out a second question stacked on the first
    assert interviewer.STACKED_QUESTIONS(analysis).value == 0


def test_rephrased_questions_unpunctuated() -> None:
    analysis = analysis_of(
        "interviewer: how did you choose the model i mean why that model and not another one\n"
        "candidate: it was fast enough for the nightly batch job we ran\n"
    )
    # the pipeline splits before "i mean" and hears only the first sentence as a
    # question; the second repeats its focus term "model"
    assert [q.text for q in analysis.questions] == ["how did you choose the model"]
    result = interviewer.REPHRASED_QUESTIONS(analysis)
    assert result.details == {"turns_with_rephrasing": 1, "questions": 1, "rephrasings": 1}
    assert verbatim(analysis, result) == [
        (0, "how did you choose the model i mean why that model and not another one")
    ]


def test_a_re_ask_of_an_earlier_turn_is_no_rephrasing_in_its_own_turn() -> None:
    analysis = analysis_of(
        "Interviewer: How would you detect fraudulent transactions in real time?\n"
        "Candidate: Fraud is a big problem for every payments company.\n"
        "Interviewer: What's your favourite database? And how would you detect fraudulent"
        " transactions as they happen?\n"
        "Candidate: Postgres. And a model scoring each transaction.\n"
    )
    # the turn's second question asks the first turn's again ...
    assert [q.reask_of for q in analysis.questions] == [None, None, 0]
    # ... which does not make it a second version of the database question
    assert interviewer.REPHRASED_QUESTIONS(analysis).details["rephrasings"] == 0


def test_a_rephrase_cue_after_a_question_of_the_same_turn_rephrases_that_one() -> None:
    analysis = analysis_of(
        "Interviewer: How did you pick the vendor?\n"
        "Candidate: We had a shortlist of three.\n"
        "Interviewer: What was the budget? Let me rephrase: how much could you spend?\n"
        "Candidate: About forty thousand.\n"
    )
    # not a re-ask of the vendor question in the turn before
    assert [q.reask_of for q in analysis.questions] == [None, None, None]
    result = interviewer.REPHRASED_QUESTIONS(analysis)
    assert verbatim(analysis, result) == [
        (2, "What was the budget? Let me rephrase: how much could you spend?")
    ]


def test_rephrased_questions_without_questions() -> None:
    analysis = analysis_of("Interviewer: Hello, nice to meet you.\nCandidate: Hi, you too.\n")
    result = interviewer.REPHRASED_QUESTIONS(analysis)
    assert (result.value, result.reason) == (None, "the interviewer asked no questions")


# ----------------------------------------------------------- stacked_questions

STACKED = (
    # three questions
    "Interviewer: How did you pick the model? And what data did you use? Also who was on the "
    "team?\n"
    "Candidate: We used XGBoost on click data, and a team of four.\n"
    # one compound question of two parts
    "Interviewer: What are your salary expectations and when could you start?\n"
    "Candidate: I could start in two weeks.\n"
    # one question, its rephrasing and a check-in
    "Interviewer: How did you choose the model? I mean, why that model and not another one? "
    "Does that make sense?\n"
    "Candidate: It was fast.\n"
    # one question and two options ("Latency?" is a one-word declarative question)
    "Interviewer: What would you look at first? Latency? Error rates?\n"
    "Candidate: Latency.\n"
)


def test_stacked_questions() -> None:
    analysis = analysis_of(STACKED)
    result = interviewer.STACKED_QUESTIONS(analysis)
    assert result.value == 2  # turns 0 and 2
    assert result.details == {"stacked_turns": 2, "max_in_one_turn": 3}
    assert result.items == (("turn 0", 3.0), ("turn 2", 2.0), ("turn 4", 1.0), ("turn 6", 1.0))
    assert verbatim(analysis, result) == [
        (0, "How did you pick the model? And what data did you use? Also who was on the team?"),
        (2, "What are your salary expectations and when could you start?"),
    ]
    assert result.evidence[0].note == "3 questions in one turn before the candidate could answer"


def test_stacked_questions_a_verb_going_on_after_and_asks_nothing_new() -> None:
    # "and have AI help" goes on with "wave a magic wand": one question; "and
    # do you ..." asks a second
    analysis = analysis_of(
        "Interviewer: If you could wave a magic wand and have AI help with one part of "
        "your work, what would that be?\n"
        "Candidate: Writing the grant reports.\n"
        "Interviewer: How long do the reports take, and do you write them alone?\n"
        "Candidate: Two weeks, and yes.\n"
    )
    result = interviewer.STACKED_QUESTIONS(analysis)
    assert result.items == (("turn 0", 1.0), ("turn 2", 2.0))


def test_stacked_questions_parameters() -> None:
    analysis = analysis_of(STACKED)
    whole = interviewer.STACKED_QUESTIONS(analysis, {"count_parts": False})
    assert whole.items[1] == ("turn 2", 1.0)  # the compound question counts once
    assert whole.details == {"stacked_turns": 1, "max_in_one_turn": 3}
    three = interviewer.STACKED_QUESTIONS(analysis, {"min_questions": 3})
    assert three.details == {"stacked_turns": 1, "max_in_one_turn": 3}


def test_stacked_questions_one_at_a_time() -> None:
    analysis = analysis_of(SHORT)
    result = interviewer.STACKED_QUESTIONS(analysis)
    assert result.details == {"stacked_turns": 0, "max_in_one_turn": 1}
    assert [(e.turn, e.quote, e.polarity) for e in result.evidence] == [
        (0, "Tell me about your last project.", "strength")
    ]


@pytest.mark.parametrize(
    "turn",
    [
        # the segmenter interviews' small talk and fragments, each "2 questions
        # in one turn before the candidate could answer"
        "How are you doing? Did you make it through midterms?",
        "How was the drive? Find parking okay?",
        "And would you do anything after the discharge? Once it's sorted?",
        "Can I give you a tip, though? Since you brought it up?",
    ],
)
def test_small_talk_and_a_clause_going_on_are_not_stacked(turn: str) -> None:
    analysis = analysis_of(f"Interviewer: {turn}\nCandidate: Sure.\n")
    assert interviewer.STACKED_QUESTIONS(analysis).value == 0


@pytest.mark.parametrize(
    "turn",
    [
        # leave to ask the question, then the question (the nurse panel)
        "Can I follow up on that? For the A-fib patient, who would you call first?",
        # two alternatives of one choice
        "Does the raw data stay raw? Or do you transform it on the way in?",
    ],
)
def test_a_question_leading_on_to_the_next_is_not_stacked(turn: str) -> None:
    analysis = analysis_of(
        "Interviewer: Walk me through the night shift.\n"
        "Candidate: I took report at seven and had four patients.\n"
        f"Interviewer: {turn}\n"
        "Candidate: The cardiology fellow, and we keep it raw.\n"
    )
    assert len([q for q in analysis.questions if q.turn == 2]) == 2
    result = interviewer.STACKED_QUESTIONS(analysis)
    assert result.details == {"stacked_turns": 0, "max_in_one_turn": 1}


@pytest.mark.parametrize(
    "turn",
    [
        # MIT's set questions, each "2 questions in one turn before the
        # candidate could answer": a story and how it went, a closed question
        # and its reasons
        "Tell me about a time you were working on a team and faced a challenge. "
        "How did you solve that problem?",
        "Describe a time you made a mistake at work. How did you handle it?",
        "Do you think you're a leader? Tell me why.",
        # a gloss of the question: options, an example, the other alternative
        # (the segmenter interviews and the WhisperX sample)
        "How did you measure that? Lab numbers or real users?",
        "You ever done any electrical work? Even just at home, helping someone?",
        "What's something in your thesis you think is wrong? "
        "Or that you'd do differently if you started over?",
        "Why Calloway? Why us and not, say, the state or a private agency?",
        # a question said again in other words ("Like, ...") is a rephrasing
        "How many times does the detector fire when nothing's actually happening? "
        "Like, what's your false alarm story?",
    ],
)
def test_a_question_about_what_was_just_asked_is_not_stacked(turn: str) -> None:
    analysis = analysis_of(f"Interviewer: {turn}\nCandidate: Sure.\n")
    assert len(analysis.questions) == 2
    assert interviewer.STACKED_QUESTIONS(analysis).value == 0


@pytest.mark.parametrize(
    "turn",
    [
        "What features would you use, and how would you encode them?",
        "Why are you looking to leave Harmon? And why us?",
        "How would you build the labels? And what worries you about them?",
        # a request after a suggestion to begin is a question of its own
        "Do you have a minute? Tell me a little bit about yourself.",
        # "what about" a new thing
        "How was the first year? And the second?",
    ],
)
def test_distinct_questions_in_one_turn_are_still_stacked(turn: str) -> None:
    analysis = analysis_of(f"Interviewer: {turn}\nCandidate: Sure.\n")
    assert interviewer.STACKED_QUESTIONS(analysis).value == 1


def test_a_question_restated_with_like_is_a_rephrasing() -> None:
    """The question stage reads "Like, ..." after a question as that question
    again (``restatements``); the interviewer's note says so, and it is not
    stacking."""
    analysis = analysis_of(
        "Interviewer: And which of those do you actually watch? "
        "Like, at two in the morning, what are you looking at?\n"
        "Candidate: Mostly the dock.\n"
    )
    result = interviewer.REPHRASED_QUESTIONS(analysis)
    assert [e.note for e in result.evidence] == ["the same question asked twice in one turn (like)"]


def test_stacked_questions_unpunctuated() -> None:
    analysis = analysis_of(
        "interviewer: how did you pick the model and what data did you use and who was on the "
        "team\n"
        "candidate: we used xgboost on click data with a team of four\n"
    )
    # one caption sentence, split into three parts
    assert [len(q.parts) for q in analysis.questions] == [3]
    result = interviewer.STACKED_QUESTIONS(analysis)
    assert result.details == {"stacked_turns": 1, "max_in_one_turn": 3}
    assert verbatim(analysis, result)[0][0] == 0


@pytest.mark.parametrize(
    ("request_", "asks"),
    [
        # the later part is what the request asks about: one story
        ("Tell me about a time you disagreed with a teammate, and how you handled it.", 1),
        ("Tell me about a time you supported a colleague, and what came of it.", 1),
        ("Tell me about your experience with A/B testing and with causal inference.", 1),
        # the later part asks on its own
        ("Tell me about your last role, and why did you leave?", 2),
        ("Walk me through the migration, and what would you change next time?", 2),
        ("Tell me about the team, and how many people were on it?", 2),
        # the later part asks about something new, pointing back at nothing
        # (a recruiter's, answered only in its last part in the interviewer-habits audit)
        ("Tell me about your current role, and what you're hoping to find next.", 2),
        ("Tell me about your last project and what you learned from it.", 1),
    ],
)
def test_stacked_questions_parts_of_a_request(request_: str, asks: int) -> None:
    analysis = analysis_of(f"Interviewer: {request_}\nCandidate: Sure.\n")
    assert [(q.form, len(q.parts)) for q in analysis.questions] == [("imperative", 2)]
    result = interviewer.STACKED_QUESTIONS(analysis)
    assert result.items == (("turn 0", float(asks)),)


def test_stacked_questions_in_scope() -> None:
    analysis = analysis_of(
        "Interviewer: What's your notice period? And what salary are you after?\n"
        "Candidate: Four weeks, and sixty thousand.\n"
        "Interviewer: Tell me about a time you failed.\n"
        "Candidate: I shipped a bug once.\n"
    )
    assert interviewer.STACKED_QUESTIONS(analysis).value == 1
    stories = Scope(intents=frozenset({"behavioral"}))
    assert interviewer.STACKED_QUESTIONS(analysis, {}, stories).value == 0


def test_stacked_questions_without_questions() -> None:
    result = interviewer.STACKED_QUESTIONS(analysis_of("Interviewer: Welcome.\nCandidate: Hi.\n"))
    assert (result.value, result.reason) == (None, "the interviewer asked no questions")


# ----------------------------------------------------------- leading_questions

LEADING = (
    "Interviewer: Don't you think a neural net would be better? Surely you measured the lift?\n"
    "Candidate: Maybe.\n"
    # "okay?" asks for leave, not agreement; "So you used ...?" states the
    # candidate's answer; ", right?" asks for agreement ("We will start with
    # SQL, okay?", a plan put for assent, is a check-in: no question at all)
    "Interviewer: Our stack is mostly SQL, okay? So you used a fixed threshold? "
    "You tested it before launch, right?\n"
    "Candidate: Sure.\n"
    "Interviewer: How would you design the feature store?\n"
    "Candidate: I would start from the features the models read most.\n"
)


def test_leading_questions() -> None:
    analysis = analysis_of(LEADING)
    result = interviewer.LEADING_QUESTIONS(analysis)
    assert result.value == 4  # of 2 + 3 + 1 = 6 questions
    assert result.details == {"leading": 4, "questions": 6, "share": round(400 / 6, 1)}
    assert result.items == (("turn 0", 2.0), ("turn 2", 2.0))
    # cues first, then tags, then declaratives; three at most
    assert verbatim(analysis, result) == [
        (0, "Don't you think a neural net would be better?"),
        (0, "Surely you measured the lift?"),
        (2, "You tested it before launch, right?"),
    ]
    assert [e.note for e in result.evidence] == [
        'asks for agreement: "Don\'t you think"',
        'presumes the answer: "Surely"',
        'a tag question asking for agreement ("right")',
    ]


def test_leading_questions_without_declaratives() -> None:
    result = interviewer.LEADING_QUESTIONS(analysis_of(LEADING), {"declaratives": False})
    # "So you used a fixed threshold?" no longer counts
    assert result.details == {"leading": 3, "questions": 6, "share": 50.0}


@pytest.mark.parametrize(
    ("question", "leading"),
    [
        ("Wouldn't you agree that tests matter?", True),
        ("Isn't it true that the data was small?", True),
        ("I assume you used Python for that?", True),
        ("So you'd just use a threshold?", True),
        ("Didn't you lead that project?", True),  # a negative question
        ("You worked on the backend?", True),
        ("Do you think tests matter?", False),
        ("Why didn't the model work?", False),  # negative, but not at the head
        ("Anything else you'd like to know?", False),  # elliptical, not about the candidate
        ("So the key is the user id?", False),  # checks the interviewer's understanding
        ("Python?", False),  # an echo
        # what the question asks for, named alone: "states the candidate's answer"
        ("And your target range?", False),
        ("Your notice period, then?", False),
        ("So your team uses Jira for everything?", True),
        # "huh?" reacts to what was said, asking no agreement
        ("Frozen, huh?", False),
        ("You're famous, huh?", False),
        ("It's a lot of responsibility, isn't it?", True),
    ],
)
def test_leading_cues(question: str, leading: bool) -> None:
    analysis = analysis_of(f"Interviewer: {question}\nCandidate: Yes.\n")
    assert len(analysis.questions) == 1
    assert interviewer.LEADING_QUESTIONS(analysis).value == (1 if leading else 0)


@pytest.mark.parametrize(
    ("answer", "leading"),
    [
        # the candidate's own words put back to them: listening, not leading
        ("I spent two winters in the freezer on nights, picking.", False),
        ("Mostly nights in the freezer, yes.", False),
        # words the candidate did not say, put in their mouth
        ("I ran the day shift on the loading dock.", True),
    ],
)
def test_a_statement_reflecting_the_answer_is_no_leading_question(
    answer: str, leading: bool
) -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about your last job.\n"
        f"Candidate: {answer}\n"
        "Interviewer: So you're in the freezer all night?\n"
        "Candidate: Yes.\n"
    )
    assert interviewer.LEADING_QUESTIONS(analysis).value == (1 if leading else 0)


@pytest.mark.parametrize(
    "greeting",
    [
        # the segmenter interviews' openings, each "a tag question asking for
        # agreement" or a statement "asking to have it confirmed"
        "So, Ren\u00e9e, right?",
        "Morning, Joelle, is it?",
        "And you're Hannah?",
        "You want a coffee?",
        "So, uh, you find the place all right?",
        # the school panel's opening, and the same name check put other ways
        "It's Hannah, isn't it?",
        "You're Marcus, aren't you?",
        "It's Marcus, right?",
    ],
)
def test_small_talk_suggests_no_answer(greeting: str) -> None:
    analysis = analysis_of(
        f"Interviewer: {greeting}\nCandidate: Yes.\n"
        "Interviewer: So you'd just use a threshold?\nCandidate: Yes.\n"
    )
    assert analysis.questions[0].intent == "small_talk"
    result = interviewer.LEADING_QUESTIONS(analysis)
    assert [e.quote for e in result.evidence] == ["So you'd just use a threshold?"]


def test_a_caption_asking_a_name_is_small_talk_too() -> None:
    # a caption has no capital to show the name: "hannah" is a word English
    # writes capitalised, "ready" is not
    def leading(greeting: str) -> list[str]:
        analysis = analysis_of(
            f"interviewer: {greeting}\ncandidate: yes\n"
            "interviewer: so you'd just use a threshold\ncandidate: yes\n"
        )
        return [e.quote for e in interviewer.LEADING_QUESTIONS(analysis).evidence]

    assert leading("and you're hannah") == ["so you'd just use a threshold"]
    assert leading("and you're ready") == ["so you'd just use a threshold", "and you're ready"]


def test_you_see_what_i_mean_is_a_check_in() -> None:
    analysis = analysis_of(
        "Interviewer: It's about the story. You see what I mean?\nCandidate: Yes.\n"
    )
    assert [q.text for q in analysis.check_ins] == ["You see what I mean?"]
    assert analysis.questions == ()


def test_leading_questions_open_questions_are_a_strength() -> None:
    analysis = analysis_of(SHORT)
    result = interviewer.LEADING_QUESTIONS(analysis)
    assert result.details == {"leading": 0, "questions": 2, "share": 0.0}
    assert [(e.turn, e.quote, e.polarity) for e in result.evidence] == [
        (0, "Tell me about your last project.", "strength")
    ]


def test_leading_questions_unpunctuated() -> None:
    analysis = analysis_of(
        "interviewer: dont you think a neural net would be better for this kind of data\n"
        "candidate: maybe but it would be slower\n"
        "interviewer: so you would just use a threshold then right\n"
        "candidate: yes\n"
        "interviewer: how would you design the feature store for the team\n"
        "candidate: i would start from the features the models read most\n"
    )
    assert len(analysis.questions) == 3
    result = interviewer.LEADING_QUESTIONS(analysis)
    assert result.details == {"leading": 2, "questions": 3, "share": 66.7}
    assert verbatim(analysis, result) == [
        (0, "dont you think a neural net would be better for this kind of data"),
        (2, "so you would just use a threshold then right"),
    ]
    assert result.evidence[1].note == 'presumes the answer: "you would just"'


def test_leading_questions_in_scope() -> None:
    analysis = analysis_of(
        "Interviewer: Surely you have used SQL before?\n"  # background
        "Candidate: Yes.\n"
        "Interviewer: What is the difference between a left join and an inner join?\n"
        "Candidate: A left join keeps every row of the left table.\n"
    )
    assert interviewer.LEADING_QUESTIONS(analysis).value == 1
    technical = Scope(intents=frozenset({"technical"}))
    result = interviewer.LEADING_QUESTIONS(analysis, {}, technical)
    assert result.details == {"leading": 0, "questions": 1, "share": 0.0}


def test_leading_questions_without_questions() -> None:
    result = interviewer.LEADING_QUESTIONS(analysis_of("Interviewer: Welcome.\nCandidate: Hi.\n"))
    assert (result.value, result.reason) == (None, "the interviewer asked no questions")


# ------------------------------------------------------- interviewer_check_ins

CHECK_INS = (
    "Interviewer: Can you hear me okay? Great. Tell me about your last project.\n"
    "Candidate: I built a churn model. Does that make sense?\n"  # the candidate's: not counted
    "Interviewer: How did you test it? Does that make sense?\n"
    "Candidate: We held out the last month.\n"
    "Interviewer: Why that model? Does that make sense?\n"
    "Candidate: It was fast.\n"
)


def test_interviewer_check_ins() -> None:
    analysis = analysis_of(CHECK_INS)
    result = interviewer.INTERVIEWER_CHECK_INS(analysis)
    # "Can you hear me okay?" checks the line, not whether the candidate follows
    said = [c.text for c in analysis.check_ins if c.role == "interviewer"]
    assert said == ["Can you hear me okay?", "Does that make sense?", "Does that make sense?"]
    assert result.value == 2  # 2 check-ins for 3 questions
    assert result.details == {"check_ins": 2, "per_question": 0.67}
    assert result.items == (("turn 2", 1.0), ("turn 4", 1.0))
    assert verbatim(analysis, result) == [(2, "Does that make sense?")]
    assert [e.note for e in result.evidence] == ["a check-in, said 2 times"]


def test_interviewer_check_ins_leave_out_checks_of_the_line_and_the_screen() -> None:
    # the nurse panel sample: two "can you hear ...?" at the start were "2
    # check-ins ("does that make sense?")" and cost the interviewer a band
    analysis = analysis_of(
        "Interviewer: Janet, can you hear us all right? Luis, can you hear me okay? "
        "Can you see my screen? Shall we get started?\n"
        "Candidate: Yes, all good.\n"
        # after moving the microphone (seven times in the segmenter interviews,
        # each a question asked, and one of "2 questions in one turn" with
        # "Let me, how about now?")
        "Interviewer: Hang on. Is that better?\n"
        "Candidate: Much better.\n"
        "Interviewer: Tell me about a patient who got worse on your shift.\n"
        "Candidate: Last winter a man two days after surgery became confused.\n"
    )
    assert len([c for c in analysis.check_ins if c.role == "interviewer"]) == 5
    assert [q.text for q in analysis.questions] == [
        "Tell me about a patient who got worse on your shift."
    ]
    result = interviewer.INTERVIEWER_CHECK_INS(analysis)
    assert result.details == {"check_ins": 0, "per_question": 0.0}
    assert result.evidence == ()


def test_interviewer_check_ins_none() -> None:
    result = interviewer.INTERVIEWER_CHECK_INS(analysis_of(SHORT))
    assert result.details == {"check_ins": 0, "per_question": 0.0}
    assert result.evidence == ()


def test_interviewer_check_ins_in_scope() -> None:
    analysis = analysis_of(CHECK_INS)
    background = Scope(intents=frozenset({"background"}))
    # turns 0-1 only: "Tell me about your last project." is the one background
    # question; the candidate's check-in in turn 1 is not the interviewer's
    assert [q.turn for q in analysis.questions if q.intent == "background"] == [0]
    assert [c.turn for c in analysis.check_ins if c.role == "interviewer"] == [0, 2, 4]
    result = interviewer.INTERVIEWER_CHECK_INS(analysis, {}, background)
    # its one check-in, "Can you hear me okay?", checks the line
    assert result.details == {"check_ins": 0, "per_question": 0.0}
    assert result.evidence == ()
    follow_ups = Scope(intents=frozenset({"follow_up"}))
    result = interviewer.INTERVIEWER_CHECK_INS(analysis, {}, follow_ups)
    assert result.details == {"check_ins": 2, "per_question": 1.0}


def test_interviewer_check_ins_unpunctuated() -> None:
    analysis = analysis_of(
        "interviewer: how did you test the model before the launch does that make sense\n"
        "candidate: we held out the last month of data and compared the errors\n"
    )
    assert [q.text for q in analysis.check_ins] == ["does that make sense"]
    result = interviewer.INTERVIEWER_CHECK_INS(analysis)
    assert result.details == {"check_ins": 1, "per_question": 1.0}
    assert verbatim(analysis, result) == [(0, "does that make sense")]


def test_interviewer_check_ins_cannot_be_computed() -> None:
    result = interviewer.INTERVIEWER_CHECK_INS(analysis_of("Candidate: Hi.\n"))
    assert (result.value, result.reason) == (None, "the interviewer did not speak")
    result = interviewer.INTERVIEWER_CHECK_INS(
        analysis_of("Interviewer: Can you hear me okay?\nCandidate: Yes.\n")
    )
    assert (result.value, result.reason) == (None, "the interviewer asked no questions")


# ------------------------------------------------------------------ all specs


@pytest.mark.parametrize("spec", interviewer.SPECS, ids=lambda s: s.name)
def test_details_are_all_reported(spec: MetricSpec) -> None:
    for text in (SHORT, LEADING, STACKED, SETUP):
        result = spec(analysis_of(text))
        assert result.value is not None
        assert set(spec.details) <= set(result.details)


# ------------------------------------------------------ questions asked well

GREETED = (
    "Interviewer: Hi, thanks for coming in. How was the drive over?\n"
    "Candidate: Easy, no traffic at all.\n"
    "Interviewer: Great. Tell me about your last project.\n"
    "Candidate: I built a churn model for a subscription app.\n"
    "Interviewer: How did you pick the features?\n"
    "Candidate: From the support tickets.\n"
)


@pytest.mark.parametrize(
    "metric",
    [
        interviewer.STACKED_QUESTIONS,
        interviewer.REPHRASED_QUESTIONS,
        interviewer.LEADING_QUESTIONS,
    ],
)
def test_questions_asked_well_are_quoted_from_the_interview_proper(metric: MetricSpec) -> None:
    # The small talk before the first real question ("How was the drive over?",
    # open and asked once) is no example of asking well.
    analysis = analysis_of(GREETED)
    phases = [e.phase for e in analysis.exchanges]
    assert phases[:2] == ["opening", "interview"]
    result = metric(analysis)
    assert [(e.turn, e.quote, e.polarity) for e in result.evidence] == [
        (2, "Tell me about your last project.", "strength")
    ]


def test_questions_asked_well_small_talk_when_nothing_else() -> None:
    analysis = analysis_of("Interviewer: Did you find the office okay?\nCandidate: Yes.\n")
    result = interviewer.STACKED_QUESTIONS(analysis)
    assert [(e.turn, e.quote) for e in result.evidence] == [(0, "Did you find the office okay?")]


def test_context_monologues_an_intro_to_the_viewers_is_no_set_up() -> None:
    # a recorded mock's opening to its audience: the candidate is not kept waiting
    about = " ".join(["Today Nadia is here, a backend engineer interviewing for real."] * 9)
    intro = f"Hey everyone, welcome back to the channel. If you're new here, hi. {about}"
    ask = "Interviewer: Tell me about your last project.\nCandidate: I built a pipeline.\n"
    analysis = analysis_of(f"Interviewer: {intro}\nCandidate: Hi!\n{ask}")
    assert interviewer.CONTEXT_MONOLOGUES(analysis).value == 0
    assert analysis.long_setups == ()
    # the same talk to the candidate is a long set-up
    told = analysis_of(f"Interviewer: Hi Nadia. {about}\nCandidate: Hi!\n{ask}")
    assert interviewer.CONTEXT_MONOLOGUES(told).value == 1
    assert told.long_setups == (0,)
