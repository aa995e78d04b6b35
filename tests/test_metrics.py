"""The metrics on small hand-made transcripts, with values counted by hand.

Word counts are spaCy tokens without punctuation ("I'm" is two words);
markers are the matches of data/markers.yaml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from transcript_tool import analyze, load_rubric, read_transcript, score
from transcript_tool.annotate.markers import load_marker_rules
from transcript_tool.metrics import METRICS
from transcript_tool.metrics.relevance_cues import tangent_cues
from transcript_tool.model import Analysis, Evidence, MetricResult, count_text_words, count_words
from transcript_tool.readers import read_text

SAMPLES = sorted(Path(__file__).parent.parent.joinpath("samples").iterdir())


def analysis_of(text: str) -> Analysis:
    return analyze(read_text(text, "t.txt"))


def measure(name: str, text: str, **params: Any) -> MetricResult:
    return METRICS[name](analysis_of(text), params)


def answer_markers(answer: str, kinds: set[str]) -> list[tuple[str, str]]:
    """(kind, text) of the markers of ``kinds`` in a candidate's answer."""
    analysis = analysis_of(f"Interviewer: Tell me about it.\nCandidate: {answer}\n")
    return [(m.kind, m.text) for m in analysis.markers if m.turn == 1 and m.kind in kinds]


def fillers(answer: str) -> list[str]:
    return [text for _, text in answer_markers(answer, {"filler"})]


# Two answers of 12 and 13 words, one filler ("Um"): 1 / 25 = 4.0 per 100 words.
TWO_ANSWERS = (
    "Interviewer: Tell me about yourself.\n"
    "Candidate: Um, I build dashboards for the sales team at a retail company.\n"
    "Interviewer: Why do you want this job?\n"
    "Candidate: I want to work on harder problems with a bigger data team here.\n"
)
NO_ANSWER = "Candidate: Hi, nice to meet you.\nInterviewer: Tell me about yourself.\n"


# ------------------------------------------------------------------ conciseness


def test_conciseness_within_the_length_limit() -> None:
    result = measure("conciseness", TWO_ANSWERS)
    # length 100, fillers 100 * (4 - 10) / (2 - 10) = 75, repetition 100, preamble 100
    assert result.value == round(0.4 * 100 + 0.25 * 75 + 0.2 * 100 + 0.15 * 100, 1) == 93.8
    assert result.details == {
        "answers": 2,
        "median_words": 12.5,
        "longest_words": 13,
        "long_answers": 0,
        "cut_off_answers": 0,
        "fillers": 1,
        "filler_rate": 4.0,
        "repeated_phrases": 0,
        "repeats": 0,
        "rephrased": 0,
        "median_words_to_point": 0.5,  # "Um" before the first point, then 0
        "late_starts": 0,
        "length_score": 100.0,
        "filler_score": 75.0,
        "repetition_score": 100.0,
        "preamble_score": 100.0,
    }
    assert [(e.turn, e.quote, e.polarity) for e in result.evidence] == [
        (1, "Um, I build dashboards for the sales team at a retail company.", "improvement"),
        (3, "I want to work on harder problems with a bigger data team here.", "strength"),
    ]
    assert result.evidence[0].note.endswith("in one sentence: um")
    assert result.evidence[1].note == "answered in 13 words"


def test_conciseness_holds_up_no_answer_the_interviewer_had_to_ask_again() -> None:
    # the median answer was the one that missed the question
    result = measure(
        "conciseness",
        "Interviewer: Tell me about yourself.\n"
        "Candidate: I build dashboards.\n"
        "Interviewer: What metrics would you track for a scheduling feature?\n"
        "Candidate: I really like scheduling problems, we built a queue once and it was fun.\n"
        "Interviewer: Sure, but what would you measure?\n"
        "Candidate: Weekly active clinics, the no-show rate, time to book, and bookings per "
        "clinic each week.\n",
    )
    assert [(e.turn, e.polarity) for e in result.evidence] == [(5, "strength")]


def test_conciseness_quotes_no_answer_to_small_talk_or_the_invitation_to_ask() -> None:
    # the candidate's own questions, the median "answer", were quoted as concise
    result = measure(
        "conciseness",
        "Interviewer: How was the drive in?\n"
        "Candidate: Fine, thanks.\n"
        "Interviewer: Tell me about yourself.\n"
        "Candidate: I've been an oncology nurse for six years, mostly on days.\n"
        "Interviewer: Do you have any questions for me?\n"
        "Candidate: Yes. What's the orientation like, and how long would I have a preceptor?\n",
    )
    assert [(e.turn, e.polarity) for e in result.evidence] == [(3, "strength")]


def test_conciseness_over_the_length_limit() -> None:
    result = measure("conciseness", TWO_ANSWERS, max_words=10, by_intent=False)
    # zero at twice the limit: 12 words: 100 * (20 - 12) / 10 = 80; 13 words: 70
    assert result.items == (("turn 1", 80.0), ("turn 3", 70.0))
    # the mean (75) and the worst answer (70) count half each
    assert result.details["length_score"] == (75 + 70) / 2 == 72.5
    assert result.details["long_answers"] == 2
    assert result.value == round(0.4 * 72.5 + 0.25 * 75 + 0.2 * 100 + 0.15 * 100, 1) == 82.8
    notes = [(e.turn, e.note) for e in result.evidence if "limit" in e.note]
    assert notes == [(3, "13 words (limit 10 for a motivation question)")]  # the longest
    assert "strength" not in [e.polarity for e in result.evidence]


def test_conciseness_limits_depend_on_the_question() -> None:
    result = measure("conciseness", TWO_ANSWERS, max_words=10)
    # "Tell me about yourself" (background): limit 0.8 * 10 = 8, 12 words score
    # 100 * (16 - 12) / 8 = 50; "Why do you want this job?" (motivation):
    # limit 6, 13 words is past twice the limit: 0
    assert result.items == (("turn 1", 50.0), ("turn 3", 0.0))
    notes = [e.note for e in result.evidence if "limit" in e.note]
    assert notes == ["13 words (limit 6 for a motivation question)"]


def test_conciseness_limit_note_says_an_opinion_question() -> None:
    result = measure(
        "conciseness",
        "Interviewer: What do you think about remote work?\n"
        "Candidate: I think it works well for focused work and less well for onboarding new"
        " people, because they learn a lot from just sitting near the team.\n",
        max_words=10,
    )
    notes = [e.note for e in result.evidence if "limit" in e.note]
    assert notes == ["26 words (limit 6 for an opinion question)"]


REPHRASED = (
    "Interviewer: Why do you want to leave your current job?\n"
    "Candidate: Yeah, so, um, that is a good question. Let me think. I want to grow into a "
    "team lead role with more ownership. Basically the main reason is that I want more "
    "ownership and to grow into leading a team. The commute is also long.\n"
)


def test_conciseness_finds_a_point_said_again_in_other_words() -> None:
    result = measure("conciseness", REPHRASED)
    # {grow, team, lead, role, ownership} and {main, reason, ownership, grow, lead,
    # team}: 4 shared of 7, 0.57 >= 0.5; one rephrasing costs 10 points
    assert (result.details["rephrased"], result.details["repetition_score"]) == (1, 90.0)
    found = [e for e in result.evidence if "other words" in e.note]
    assert [(e.turn, e.quote) for e in found] == [
        (
            1,
            "Basically the main reason is that I want more ownership and to grow into "
            "leading a team.",
        )
    ]
    assert 'first said: "I want to grow into a team lead role with more ownership."' in (
        found[0].note
    )


def test_conciseness_looks_back_200_sentences_for_a_point_said_again() -> None:
    """A point said again is found 199 sentences later, not 200 (the window
    that keeps an endless answer linear)."""
    point = "I want to grow into a team lead role with more ownership."
    again = (
        "Basically the main reason is that I want more ownership and to grow into leading a team."
    )
    between = [f"Step {i} was item{i} alpha{i} beta{i} gamma{i}." for i in range(200)]

    def rephrased(sentences_between: int) -> int:
        body = " ".join([point, *between[:sentences_between], again])
        text = f"Interviewer: Why do you want to leave your job?\nCandidate: {body}\n"
        return int(measure("conciseness", text, max_words=10_000).details["rephrased"])

    assert [rephrased(0), rephrased(199), rephrased(200)] == [1, 1, 0]


def test_conciseness_words_before_the_first_point() -> None:
    result = measure("conciseness", REPHRASED, preamble_words=5)
    # "Yeah, so, um, that is a good question." (8 words) and "Let me think." (3)
    # make no point: 11 words before "I want to grow ...", over the 5 allowed
    assert (result.details["median_words_to_point"], result.details["late_starts"]) == (11, 1)
    assert result.details["preamble_score"] == 0.0
    late = [e for e in result.evidence if "before the first point" in e.note]
    assert late[0].note == "11 words before the first point: lead with the answer"
    assert late[0].quote.startswith("Yeah, so, um, that is a good question. Let me think.")
    # the default allows 15 words
    assert measure("conciseness", REPHRASED).details["late_starts"] == 0


@pytest.mark.parametrize(
    ("question", "answer", "indirect"),
    [
        # the warehouse supervisor's "Not all night, thank God." was "a
        # confirm-or-deny question answered without a yes or no first"
        ("So you're in the freezer all night?", "Not all night, thank God. Minus ten.", 0),
        ("Have you ever taken minutes at a board meeting?",
         "Um, not board minutes specifically, but team ones every week.", 0),
        ("Have you ever taken minutes at a board meeting?",
         "Not only minutes, I ran the agenda too.", 1),
        ("So you're in the freezer all night?", "It's not that simple, the dock is cold too.", 1),
        # "And the result?" asks what about it, for content (the accountant's,
        # the ML engineer's "And retraining?")
        ("And the result?", "We got the close down to seven working days.", 0),
        ("And retraining?", "I'd retrain monthly on the latest labelled tickets.", 0),
        ("And that's per service?", "Per user journey, ideally, across services.", 1),
        # "Mm-hmm" is "mm - hmm" to the tokenizer, and was never a yes
        ("So you restarted the whole thing?", "Mm-hmm.", 0),
        ("So you restarted the whole thing?", "Mmhmm, from scratch.", 0),
        ("So you restarted the whole thing?", "Yea, from scratch.", 0),
        # the predicate said back of oneself is a yes (or a no): MIT's set questions
        ("Do you think you're a leader?", "Um I think I'm definitely a leader in my dorm.", 0),
        ("Do you consider yourself a team player?",
         "I do consider myself a team player. I like sharing credit.", 0),
        ("Are you a morning person?", "I'm not a morning person, honestly.", 0),
        # a state with its own complement: CLARITY's "Are you concerned that a
        # sagging economy ...?" - "I'm concerned about the economy because ..." dodges
        ("Are you concerned that the budget will slip?", "I'm concerned about the economy.", 1),
        ("Do you think you're a leader?", "Well I run the robotics club at school.", 1),
        # an elliptical "I do" that a new clause follows, unpunctuated (MIT's)
        ("Do you think you're a leader?", "Uhm I do I would say that people look to me.", 0),
        ("Did the launch slip?", "It was I think in March that we shipped it.", 1),
        # ... with a filler before its end, or a reason after it (MIT's)
        ("Do you think you're a leader?", "Um I do um. Well there are many kinds.", 0),
        ("Do you think you're a leader?", "I think I am uh just because I have seniority.", 0),
        ("Did you finish it?", "I did because the deadline moved.", 0),
        ("Did you ask for help?", "I have um always found that hard.", 1),
        # ... but a talker starting the same clause again ends nothing (a
        # caption's "so you can um you can meet betty")
        ("Do you want a quick walk through?", "So you can um you can meet Betty.", 1),
        ("Do you want a quick walk through?", "So you can you can meet Betty.", 1),
        ("Did you ship it?", "I did, I did. Last week.", 0),
        # ... and the predicate said back after a false start, past the first
        # twelve words (MIT's)
        ("Um do you think you're a leader?",
         "Um I think I def-- um. I'm sorry. I think that I am definitely a leader.", 0),
        ("Do you think you're a leader?",
         "Um I think I def-- um. I'm sorry. I think that I am definitely a good friend.", 1),
        # "fine", "perfect" and "please" say yes
        ("Is phone okay?", "Phone's totally fine, let me turn the laptop off.", 0),
        ("Can I give you one piece of feedback?", "Please.", 0),
        # a request for more of the answer, not a yes/no question (MIT's)
        ("Can you be a little bit more specific?",
         "Um so as house manager I organized the work week for everyone.", 0),
        # a fragment with no clause names what it asks about (the recruiter's,
        # the mechanical engineer's: "a confirm-or-deny question answered
        # without a yes or no first")
        ("Notice period?", "One month. Actually, wait, it's four weeks.", 0),
        ("After the fix?", "It worked. Within a week the rooms were down to fifty percent.", 0),
        ("From Headingley?", "Train to Bradford Interchange and then a bus, probably.", 0),
        # ... but a statement about the listener is still put to confirm
        ("You know those areas?", "Lakewood and Berea really well.", 1),
        # a wh-question inside what was heard as a statement asks for content (MIT's)
        ("So uh think of a job you'd like to get hired for why do you think we should hire you?",
         "I think one of my best qualities is learning fast.", 0),
    ],
)  # fmt: skip
def test_relevance_a_qualified_no_and_a_what_about_question(
    question: str, answer: str, indirect: int
) -> None:
    text = (
        "Interviewer: Tell me about your current job.\n"
        "Candidate: I run the night shift at a cold storage warehouse and close the books.\n"
        f"Interviewer: {question}\nCandidate: {answer}\n"
    )
    assert measure("relevance", text).details["indirect"] == indirect


@pytest.mark.parametrize(
    ("question", "answer", "late"),
    [
        # a short direct answer is the point (MIT's, the chef's and the product
        # designer's, each "N words before the first point")
        (
            "Do you think you're a leader?",
            "Do I think I'm a leader? I believe so. And this is I say so because of several "
            "reasons. One is from just from personal experience.",
            0,
        ),
        (
            "What do you do when you disagree with me?",
            "Um. Honestly? I'd tell you. But, like, not during service. And not in front of the "
            "cooks.",
            0,
        ),
        (
            "Which way of working do you prefer?",
            "Um, that's a good question. I think, um, I think I need both, honestly. Like, "
            "Basketline taught me how to ship.",
            0,
        ),
        # ... and words that only buy time are not
        (
            "Which way of working do you prefer?",
            "Oh, wow. That's a tough one. Um, where do I start. Give me a second. Let me think "
            "about it. I need both, honestly.",
            1,
        ),
    ],
)
def test_a_short_answer_is_a_point(question: str, answer: str, late: int) -> None:
    text = f"Interviewer: {question}\nCandidate: {answer}\n"
    assert measure("conciseness", text).details["late_starts"] == late


def test_a_reply_to_the_closing_question_has_no_point_to_lead_with() -> None:
    # the teacher interview's "No, I think that's, I think that covers it.
    # Thank you so much." was "17 words before the first point: lead with the
    # answer"; the same words to a real question still are
    reply = "No, I think that's, I think that's it, honestly. Thank you so much for today."

    def late(question: str) -> int:
        text = (
            "Interviewer: How would you plan the rollout?\n"
            "Candidate: I'd start with one region and watch the error rate.\n"
            f"Interviewer: {question}\nCandidate: {reply}\n"
        )
        return int(measure("conciseness", text, preamble_words=5).details["late_starts"])

    assert late("Anything else you'd like to ask us?") == 0
    assert late("What would you change about the plan?") == 1


def test_think_aloud_quotes_no_small_talk_as_reasoning_that_went_well() -> None:
    # "I'm on my laptop mic, so if it's bad just let me know." (the teacher
    # interview's small talk) was "reasoning out loud" that went well
    result = measure(
        "think_aloud",
        "Interviewer: How are you doing today?\n"
        "Candidate: Good, and I'm on my laptop mic, so if it's bad just let me know, because "
        "the headset died, so I'd rather check first.\n"
        "Interviewer: How would you find the cause of slow checkouts?\n"
        "Candidate: First I'd compare slow requests with fast ones, because that shows "
        "whether the database is the bottleneck.\n",
    )
    strengths = [e.quote for e in result.evidence if e.polarity == "strength"]
    assert strengths and all("laptop" not in q for q in strengths)
    assert all(e.turn == 3 for e in result.evidence if e.polarity == "strength")


def test_conciseness_words_before_the_first_point_unpunctuated() -> None:
    result = measure(
        "conciseness",
        "interviewer: why do you want to leave your current job\n"
        "candidate: yeah so um good question let me think i want to grow into a team lead "
        "role with more ownership\n",
        preamble_words=3,
    )
    assert result.details["late_starts"] == 1


def test_conciseness_repeated_phrase() -> None:
    result = measure(
        "conciseness",
        "Interviewer: Tell me about a project you are proud of.\n"
        "Candidate: At the end of the day we shipped it on time. "
        "At the end of the day the client was happy.\n",
    )
    assert (result.details["repeated_phrases"], result.details["repeats"]) == (1, 1)
    assert result.details["repetition_score"] == 90.0
    assert result.value == 0.5 * 100 + 0.3 * 100 + 0.2 * 90 == 98.0
    assert Evidence(1, "At the end of the day", "said 2 times in one answer", "improvement") in (
        result.evidence
    )


@pytest.mark.parametrize(
    ("answer", "repeated"),
    [
        ("I talked to the leads, and then I talked to the engineers.", 0),  # one content word
        ("It was, you know, like, great, and you know, like, great.", 0),  # fillers
        ("We cut the cloud bill in half. Honestly, we cut the cloud bill in half.", 1),
        # "gonna" is the tokens "gon" "na", and "na" stands for "to": one content
        # word (MIT's "we're gonna", "said 3 times in one answer")
        (
            "I said, Tyler, we're gonna go to the student center. We're gonna grab some "
            "food and then we're gonna get back.",
            0,
        ),
    ],
)
def test_conciseness_repeats_need_two_content_words(answer: str, repeated: int) -> None:
    result = measure("conciseness", f"Interviewer: Tell me about it.\nCandidate: {answer}\n")
    assert result.details["repeated_phrases"] == repeated


@pytest.mark.parametrize(
    ("answer", "quotes"),
    [
        # the thing the answer is about, named again, is no point said twice
        ("Reads go to the live map cache. Writes go to the live map cache too.", []),
        (
            "the key is the device id plus the timestamp and "
            "the shard is the device id plus the hour",
            [],
        ),  # the tokenizer reads the caption's "id" as "i" + "d": no subject
        # a parallel inside one sentence
        (
            "I didn't want her to sound like me, I wanted "
            "her to sound like a better version of her.",
            [],
        ),
        # a clause said again in another sentence, and a stock phrase
        (
            "I think you should hire me. I ran the team for "
            "two years. So I think you should hire me.",
            ["I think you should hire me"],
        ),
        (
            "We had a deadline and stuff like that. Then we had budget cuts and stuff like that.",
            ["and stuff like that"],
        ),
        # ... but said again further on in a run-on sentence, a habit
        (
            "so i feel like i know teamwork because i worked at a coffee shop for "
            "three years with all sorts of people so i feel like that is a good asset",
            ["so i feel like"],
        ),
        # each repeat is quoted inside one sentence, not across the full stop
        (
            "I led the migration. I think that mattered. I "
            "led the migration. I think that mattered.",
            ["I led the migration", "I think that mattered"],
        ),
    ],
)
def test_conciseness_repeats_are_points_said_again(answer: str, quotes: list[str]) -> None:
    result = measure("conciseness", f"Interviewer: Tell me about it.\nCandidate: {answer}\n")
    assert result.details["repeated_phrases"] == len(quotes)
    said = [e.quote for e in result.evidence if e.note.startswith("said ")]
    assert said == quotes[:1]  # the report quotes the first


def test_conciseness_unpunctuated_still_finds_fillers() -> None:
    result = measure(
        "conciseness",
        "interviewer: tell me about yourself\n"
        "candidate: um so basically uh i build dashboards for the sales team\n",
    )
    # 4 fillers in 11 words ("so" opens after "um"): 36.4 per 100, beyond filler_rate_bad
    assert (result.details["fillers"], result.details["filler_rate"]) == (4, 36.4)
    assert result.value == 0.4 * 100 + 0.25 * 0 + 0.2 * 100 + 0.15 * 100 == 75.0
    assert "4 fillers in one sentence: um, so, basically, uh" in [e.note for e in result.evidence]


# -------------------------------------------------------------------- fillers

FILLERS = [
    ("I like Python.", []),
    ("It looks like rain.", []),
    ("I would like to add one thing.", []),
    ("It was, like, huge.", ["like"]),
    ("it was like huge", ["like"]),
    ("We had, like, 20 users.", ["like"]),
    ("You know what I did? I called them.", []),
    ("It's, you know, hard.", ["you know"]),
    ("it was kind of slow and you know hard", ["kind of", "you know"]),
    ("I asked what kind of model they used.", []),
    ("It was a kind of tree.", []),
    ("It was kind of slow.", ["kind of"]),
    ("I mean, it was fine.", ["I mean"]),
    ("um so basically uh we shipped it", ["um", "so", "basically", "uh"]),
    ("That's not what I mean.", []),
    ("I like two of them.", []),
    # no comma around it, after a preposition or before a hedge
    ("i was pacing around my apartment for like an hour", ["like"]),
    ("we did a lot of like volunteer work", ["like"]),
    ("i wrote like really bad python scripts", ["like"]),
    # ... but comparing or giving an example is no filler
    ("It felt kind of like a lucky thing.", ["kind of"]),
    ("I actually kind of like evenings.", ["kind of"]),
    ("it was in a format like parquet", []),
    # "you know" and "I mean" with no commas, where they start no clause
    ("we got them the you know the food backpack", ["you know"]),
    ("that was you know fair and even", ["you know"]),
    ("and then you know exactly what they want", []),
    ("it was tricky because i mean we had to get fifteen people", ["i mean"]),
    ("that is not what i mean by fair", []),
    # a question's own "like" before its comma ("what's X like, ..."); after it, a filler
    ("What's the orientation like, and how long is it?", []),
    ("So what's the plan, like, for the team?", ["like"]),
    # hesitations spelled long, as the MIT transcripts write them
    (
        "Ummm, hm, I think mmm we shipped it. Uhhh ahh hmmm.",
        ["Ummm", "hm", "mmm", "Uhhh", "ahh", "hmmm"],
    ),
    # a backchannel is one word, and no hesitation: not "mm" and "hmm"
    ("Mm-hmm. Um, how much of the job is algorithm work?", ["Um"]),
    ("mm-hmm yeah uh-huh that's right", []),
]


@pytest.mark.parametrize(("answer", "expected"), FILLERS)
def test_fillers_in_context(answer: str, expected: list[str]) -> None:
    assert fillers(answer) == expected


def test_you_know_what_i_mean_is_not_a_you_know_filler() -> None:
    found = answer_markers("You know what I mean.", {"filler"})
    assert ("filler", "You know") not in found


# -------------------------------------------------------------------- markers

REASONING = {"reasoning", "signpost", "enumeration", "assumption", "check", "example"}
MARKERS = [
    (
        "Because it was cheaper, so that we could ship.",
        [("reasoning", "Because"), ("reasoning", "so that")],
    ),
    (
        "The trade-off is speed, whereas the risk is cost.",
        [("reasoning", "The trade-off"), ("reasoning", "whereas"), ("reasoning", "the risk is")],
    ),
    (
        "First, we cleaned the data. Then we trained. Finally, we shipped.",
        [("enumeration", "First"), ("enumeration", "Then"), ("enumeration", "Finally")],
    ),
    ("The first time I tried, it failed.", []),
    ("I'm assuming the data is clean.", [("assumption", "I'm assuming")]),
    (
        "Let's say ten percent are fraud.",
        [("assumption", "Let's say"), ("signpost", "Let's")],
    ),
    (
        "Does that make sense? Should I go deeper?",
        [("check", "Does that make sense"), ("check", "Should I")],
    ),
    ("For example, we used SQL.", [("example", "For example")]),
    ("I think it was fine.", [("signpost", "I think")]),
    ("The root cause was a bad index.", []),
    # ", so" before a clause's subject gives the consequence; not an opener or "so slow"
    (
        "Server data I'd keep in a query cache, so it gets its own loading states.",
        [("reasoning", "so")],
    ),
    ("Yeah, so, um, the page was slow, so slow that people left.", []),
    # ... and before other words that conclude (the WhisperX and system design
    # samples), not a degree ("slow, so slow that") or a gloss ("so a ...")
    ("I start from native elements, so buttons are real buttons.", [("reasoning", "so")]),
    ("Call it a hundred and fifty bytes, so about twelve gigabytes.", [("reasoning", "so")]),
    ("Um, so usually it's one to two. We have labs, so a rising lactate.", []),
    # a clause, "so", the next clause's subject, with no comma (the AWS sample)
    (
        "I had two people move the dock around it so the other doors kept going.",
        [("reasoning", "so")],
    ),
    ("I think so. It was so good. Umm so we left, so happy.", [("signpost", "I think")]),
    # ... and "So" opening a sentence after one of the same turn, as ", so" would
    (
        "The device retries, and we get a duplicate. So we need a way to dedupe.",
        [("reasoning", "So")],
    ),
    # not the turn's first sentence, nor after an opener alone
    ("So we shipped it on Friday.", []),
    ("Yeah. So we shipped it on Friday.", []),
    # ", since" before a clause's subject gives a reason; not a time
    (
        "Amounts I'd log-transform, since the tree model doesn't really care.",
        [("reasoning", "since")],
    ),
    ("Something with the first peas, since they're coming in now.", [("reasoning", "since")]),
    ("I've led the team since 2021, and since then it has doubled.", []),
    # a condition opening a sentence reasons from a case to what follows
    (
        "I'm not a fan. If you discount every quarter, customers learn to wait.",
        [("reasoning", "If")],
    ),
    ("I'm not sure if that helps, or what if it fails.", []),
    # ... after the sentence's opening word too (the data-analyst sample)
    ("So if two rows tie, row number still numbers them.", [("reasoning", "if")]),
    ("And, if the answer's no, you don't send it.", [("reasoning", "if")]),
    ("Is it okay if that's an hour behind?", []),
    # ... and joined on inside a sentence (the system design sample's Redis answer)
    (
        "It samples some keys, and if a lot of them were expired it keeps going.",
        [("reasoning", "if")],
    ),
    (
        "I added the trim because if someone types a space it would filter out.",
        [("reasoning", "because"), ("reasoning", "if")],
    ),
    # set phrases that open with "if" reason from no case
    ("Yes, two, if that's okay.", []),
    ("So, if I remember correctly, we shipped in March.", []),
    ("If only I had more data, but if anything, it made us careful.", []),
    # a speaker restarting the clause says one condition
    ("And if it's, if it's a chore, people won't do it.", [("reasoning", "if")]),
    ("Because, um, because the new one could be inside it.", [("reasoning", "Because")]),
    ("I think, I think it's fine.", [("signpost", "I think")]),
    # the option not taken, named (the Zoom sample's code review answer)
    (
        "I try to ask questions rather than give orders.",
        [("reasoning", "rather than")],
    ),
    ("Instead of arguing, we each wrote a proposal.", [("reasoning", "Instead of")]),
    # "that way" opening a clause says what a choice achieves; not a manner
    ("That way, the cache stays warm.", [("reasoning", "That way")]),
    ("We batch them, and that way we only look at a few.", [("reasoning", "that way")]),
    ("I'd love to join a team that already works that way.", []),
    ("I feel that way too, in that way at least.", []),
    # "the key" as what matters most; not a key of a store (the system design sample)
    ("The key thing is to ask early.", [("signpost", "The key")]),
    ("The key is to ask early.", [("signpost", "The key")]),
    ("The key is the listener, and we set a TTL on the key, refreshed on write.", []),
    # a plan's first step announced; not the verb "start"
    ("To start, I'd look at the logs.", [("signpost", "To start")]),
    ("So to begin with, we need labels.", [("signpost", "to begin")]),
    ("I was trying to start over, a good place for me to start.", []),
    # an assumption stated; not the hedge "I suppose"
    ("Suppose the cache is cold.", [("assumption", "Suppose")]),
    ("Okay, let's suppose it fails.", [("signpost", "let's"), ("assumption", "suppose")]),
    ("I suppose it's been a work in progress.", []),
    # a reason after "and since" before its subject; the order said after the step
    ("And since the reads are skewed, the hit rate is high.", [("reasoning", "since")]),
    ("It checks a cache first, then the database.", [("enumeration", "first")]),
    ("I'd set it up first and then deal with the edge cases.", [("enumeration", "first")]),
    ("She came first, and at first I put family first.", []),
]


@pytest.mark.parametrize(("answer", "expected"), MARKERS)
def test_reasoning_markers(answer: str, expected: list[tuple[str, str]]) -> None:
    assert answer_markers(answer, REASONING) == expected


# An auto-caption has no comma to show a condition joined on, and the caption
# component hears no sentence end before many that open a sentence (the
# project's held-out mock interviews, read as captions, found 109 of the
# candidates' 182 conditions before the caption form, 180 after).
CAPTION_CONDITIONS = [
    ("honestly with the minibar if it's under like twenty dollars i just take it off", ["if"]),
    ("the router is in the living room if i got the job i'd set up the office", ["if"]),
    ("so it only goes wrong if the sum gets above sixteen point seven million", ["if"]),
    # "whether": after a verb of asking, checking or knowing, or "not sure"
    ("i'm not sure if that helps but i asked him if he'd be willing to come in", []),
    ("i'd check if the totes are cold and see if the labels match the manifest", []),
    # a request, "as if", "what if", a set phrase
    ("and for the historical side is it okay if that's like an hour behind", []),
    ("it felt as if nobody had read it and what if it fails again tomorrow", []),
    ("we could do both of them if that's okay with you and the rest of the team", []),
]


@pytest.mark.parametrize(("answer", "expected"), CAPTION_CONDITIONS)
def test_caption_conditions(answer: str, expected: list[str]) -> None:
    conditions = [t for k, t in answer_markers(answer, {"reasoning"}) if t == "if"]
    assert conditions == expected


def test_a_caption_so_after_a_heard_sentence_end_gives_a_consequence() -> None:
    # the caption component hears a sentence end before "so" here; written,
    # it could be ", so the spacing" or ". So the spacing": counted either way
    caption = (
        "a single precision float has twenty four bits of mantissa"
        " so the spacing between floats near eight million is one"
    )
    assert answer_markers(caption, {"reasoning"}) == [("reasoning", "so")]


def test_caption_condition_forms_stay_out_of_punctuated_text() -> None:
    # the caption form counts a condition after its clause; punctuated text
    # keeps the narrower patterns it was written with
    caption = "so it only goes wrong if the sum gets above sixteen point seven million"
    punctuated = "So it only goes wrong if the sum gets above sixteen point seven million."
    assert answer_markers(caption, {"reasoning"}) == [("reasoning", "if")]
    assert answer_markers(punctuated, {"reasoning"}) == []


def test_markers_of_a_pipeline_without_the_caption_component() -> None:
    # annotate takes any pipeline that sets sentences; one that never
    # registered the caption component's extension reads no doc as a caption
    import spacy
    from spacy.tokens import Doc

    from transcript_tool.annotate import annotate
    from transcript_tool.nlp import CAPTION_EXTENSION

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "Interviewer: Why this job?\nCandidate: Because I like data, so I applied.\n"
    # as in a process where the tool's pipeline was never built
    registered = (
        Doc.remove_extension(CAPTION_EXTENSION) if Doc.has_extension(CAPTION_EXTENSION) else None
    )
    try:
        analysis = annotate(read_text(text, "t.txt"), nlp)
    finally:
        if registered is not None:
            Doc.set_extension(CAPTION_EXTENSION, default=registered[0])
    assert [m.text for m in analysis.markers] == ["Because", "so"]


def test_a_caption_entry_must_say_true_or_false() -> None:
    with pytest.raises(ValueError, match="`caption` must be true or false"):
        load_marker_rules("- kind: reasoning\n  label: x\n  caption: maybe\n  phrases: [x]\n")


# ---------------------------------------------------------------- think aloud

# 20 + 9 words; "First", "because", "I'm assuming" in the first answer only.
THINKING = (
    "Interviewer: How would you find the cause of slow checkouts?\n"
    "Candidate: First, I would check the logs because errors usually show up there. "
    "I'm assuming we have access to them.\n"
    # a technical question answered with no reasoning ("What tools do you
    # use?" asks a fact about the candidate: background, not judged)
    "Interviewer: How does a query planner choose an index?\n"
    "Candidate: We use Python and SQL every day at work.\n"
)


def test_words_are_counted_as_a_reader_counts_them() -> None:
    """ "I've", "e-commerce" and "that's" are one word each, as a reader and
    a word counter count them; a lone dash or ampersand is none."""
    answer = "I've run e-commerce for 5 years — that's it, R & D aside."
    analysis = analysis_of(f"Interviewer: What's your background?\nCandidate: {answer}\n")
    assert count_words(analysis.turn_words[1]) == count_text_words(answer) == 11
    assert METRICS["talk_ratio"](analysis, {}).details["words"] == 11
    assert METRICS["conciseness"](analysis, {}).details["median_words"] == 11


def test_think_aloud() -> None:
    result = measure("think_aloud", THINKING, target_rate=20, min_words=5)
    rate = 100 * 3 / 28  # 19 + 9 words ("I'm" is one)
    # density rate / 20, variety 3 of 4 kinds, half of the judged answers
    # reasoned, and no clarifying question or check-in on a problem-solving
    # question (engagement 0)
    expected = 0.55 * 100 * rate / 20 + 0.2 * 75 + 0.15 * 50 + 0.1 * 0
    assert result.value == round(expected, 1) == 52.0
    assert result.details == {
        "markers": 3,
        "marker_rate": 10.7,
        "kinds": 3,
        "answers": 2,
        "judged_answers": 2,
        "answers_without_reasoning": 1,
        "clarifying_questions": 0,
        "check_ins": 0,
        "silences": 0,
    }
    assert result.items == (("turn 1", 3.0), ("turn 3", 0.0))
    assert [(e.turn, e.quote, e.polarity) for e in result.evidence] == [
        (1, "First, I would check the logs because errors usually show up there.", "strength"),
        (
            1,
            "First, I would check the logs because errors usually show up there. "
            "I'm assuming we have access to them.",
            "improvement",
        ),
        (3, "We use Python and SQL every day at work.", "improvement"),
    ]
    assert result.evidence[0].note == "reasoning out loud: because, first"
    assert result.evidence[1].note.startswith("went straight into a problem")
    assert result.evidence[2].note.startswith("9 words with no reasoning said out loud")


def test_think_aloud_names_the_markers_its_quote_shows() -> None:
    """A sentence's quote is cut after 40 words: the behavioral sample's
    strength read "reasoning out loud: i think, so" under a quote whose "so"
    was the filler of "Um, so, okay" (the reasoning ", so I was" came after
    the cut). The sentence with both markers on show is quoted instead."""
    long = (
        "Um, so, okay, there was this one stretch, I think it was the fall before last, where, "
        "uh, we had peak season coming up, which is, you know, always kind of chaotic, and at "
        "the same time we were, like, migrating the ticketing system, and also, uh, my manager "
        "went on leave, so I was kind of covering for her too."
    )
    short = "I think the main thing was the order, because the deadline came first."
    analysis = analysis_of(
        f"Interviewer: Tell me about a time you juggled priorities.\nCandidate: {long} {short}\n"
    )
    result = METRICS["think_aloud"](analysis, {})
    strengths = [(e.quote, e.note) for e in result.evidence if e.polarity == "strength"]
    assert strengths == [(short, "reasoning out loud: because, i think, the main thing")]
    for evidence_quote, note in strengths:
        for label in note.removeprefix("reasoning out loud: ").split(", "):
            assert label in evidence_quote.lower()


# Two judged answers, each with some reasoning: the longer says it often,
# the shorter once in 45 words.
REASONED_AT_LENGTH = (
    "Candidate: I'd start with the cache, because most of the slow pages miss it, and if the "
    "hit rate is fine I'd look at the queries next, since those grew with the catalog. So "
    "first the cache, then the queries, and I'm assuming we can see both in the dashboards. "
    "That order matters because the cache is the cheaper fix, and if it works we stop there, "
    "so I'd check the hit rate first.\n"
)
REASONED_ONCE = (
    "Candidate: At my last job we had a checkout page that took six seconds to load on "
    "mobile, and the team tried a few things over the quarter, a new image format, a smaller "
    "bundle, fewer fonts, and a different host, because the numbers were bad.\n"
)


def test_think_aloud_quotes_the_answer_with_the_least_reasoning() -> None:
    """With every judged answer reasoned somewhere and the whole under the
    target rate, the note quotes the answer that says least per word, not the
    longest one (which may say plenty: "266 words with 12 reasoning markers
    (about 4 per 100 words lets the interviewer follow)")."""
    analysis = analysis_of(
        "Interviewer: What would you do if the product pages got slow?\n"
        + REASONED_AT_LENGTH
        + "Interviewer: Tell me about a time you sped up a slow page.\n"
        + REASONED_ONCE
    )
    result = METRICS["think_aloud"](analysis, {"target_rate": 10})
    (note,) = [e for e in result.evidence if e.polarity == "improvement"]
    assert note.turn == 3
    assert note.note.startswith("45 words with 1 reasoning marker (about 10 per 100 words")


def test_think_aloud_quotes_no_answer_that_meets_the_target() -> None:
    """Under the target as a whole, but the sparsest judged answer meets it:
    no answer is an example of too little reasoning."""
    analysis = analysis_of(
        "Interviewer: What would you do if the product pages got slow?\n"
        + REASONED_AT_LENGTH
        + "Interviewer: What tools do you use?\n"
        + "Candidate: Python and SQL, mostly, and a profiler now and then.\n"
    )
    # 9 markers in 73 words ("So first" is one, not "so first" and "first")
    result = METRICS["think_aloud"](analysis, {"target_rate": 12})
    assert result.value is not None and result.value < 100
    assert not [e for e in result.evidence if e.polarity == "improvement"]


def test_think_aloud_credits_a_clarifying_question() -> None:
    clarified = THINKING.replace(
        "Candidate: First,",
        "Candidate: Can I ask, is this on mobile or web?\nInterviewer: Web.\nCandidate: First,",
    )
    result = measure("think_aloud", clarified, target_rate=20, min_words=5)
    assert result.details["clarifying_questions"] == 1
    strengths = [(e.quote, e.note) for e in result.evidence if e.polarity == "strength"]
    assert (
        "Can I ask, is this on mobile or web?",
        "asked a clarifying question before diving in",
    ) in (strengths)
    assert not any("went straight into" in e.note for e in result.evidence)


def test_think_aloud_quotes_a_clarifying_question_asked_before_diving_in() -> None:
    """Not a request to hear the question again, and not one said in the
    middle of the answer; the one of a turn that asks."""
    analysis = analysis_of(
        "Interviewer: How would you design a rate limiter for our public API?\n"
        "Candidate: Sorry, could you say that again?\n"
        "Interviewer: How would you design a rate limiter for our public API?\n"
        "Candidate: Is this per customer or global?\n"
        "Interviewer: Per customer.\n"
        "Candidate: Then I'd keep a token bucket per key, because bursts are fine. "
        "But what happens when the cache goes down? I'd fail open.\n"
    )
    assert [q.text for q in analysis.questions if q.intent == "clarification"][:2] == [
        "Sorry, could you say that again?",
        "Is this per customer or global?",
    ]
    result = METRICS["think_aloud"](analysis, {})
    quoted = [e.quote for e in result.evidence if "clarifying question before" in e.note]
    assert quoted == ["Is this per customer or global?"]


@pytest.mark.parametrize(
    ("question", "intent", "expected"),
    [
        ("How would you design a rate limiter for our public API?", "problem_solving", True),
        # a situational question is answered straight away: the Whisper
        # sample's answer was "went straight into a problem without a
        # clarifying question", as were 33 of MIT's "If you were given the
        # option to change one thing about yourself, what would it be?"
        ("How would you handle a team member who keeps showing up late?", "situational", False),
        ("What are the early signs of sepsis you'd look for in a post-op patient?",
         "technical", False),
    ],
)  # fmt: skip
def test_think_aloud_wants_a_clarifying_question_only_before_an_open_problem(
    question: str, intent: str, expected: bool
) -> None:
    answer = (
        "First I would look at what is going on, because the details matter here, and then "
        "I would decide what to do next."
    )
    analysis = analysis_of(f"Interviewer: {question}\nCandidate: {answer}\n")
    assert analysis.questions[0].intent == intent
    result = METRICS["think_aloud"](analysis, {})
    assert any("went straight into" in e.note for e in result.evidence) is expected


def test_think_aloud_short_answers_are_not_judged_alone() -> None:
    result = measure("think_aloud", THINKING, target_rate=20)  # min_words 40
    # neither answer is judged, so none counts as one without reasoning: a
    # report says "0 of the 0 longer answers" (left out), not "0 of 2 answers"
    assert (result.details["judged_answers"], result.details["answers_without_reasoning"]) == (0, 0)
    expected = 0.55 * 100 * (100 * 3 / 28) / 20 + 0.2 * 75 + 0.15 * 100 + 0.1 * 0
    assert result.value == round(expected, 1)


def test_think_aloud_unpunctuated() -> None:
    result = measure(
        "think_aloud",
        "interviewer: how would you find the cause of slow checkouts\n"
        "candidate: first i would check the logs because errors usually show up there "
        "and i'm assuming we have access to them\n",
    )
    # 3 markers in 20 words ("i'm" is one): 15 per 100, above the target of 4
    assert result.details == {
        "markers": 3,
        "marker_rate": 15.0,
        "kinds": 3,
        "answers": 1,
        "judged_answers": 0,
        "answers_without_reasoning": 0,
        "clarifying_questions": 0,
        "check_ins": 0,
        "silences": 0,
    }
    # density 100, variety 75, every answer reasoned, but no clarifying question
    # or check-in on a problem-solving question: 55 + 15 + 15 + 0
    assert result.value == 0.55 * 100 + 0.2 * 75 + 0.15 * 100 + 0.1 * 0 == 85.0


# ------------------------------------------------------------------ relevance

RELEVANCE = (
    "Interviewer: What are your salary expectations and when could you start?\n"
    "Candidate: I could start in two weeks.\n"
    "Interviewer: Have you ever managed a budget?\n"
    "Candidate: Yes, I managed a small vendor budget.\n"
    "Interviewer: Do you use SQL at work?\n"
    "Candidate: The analysts write the queries.\n"
    "Interviewer: Are you interviewing anywhere else?\n"
)


def test_relevance() -> None:
    result = measure("relevance", RELEVANCE)
    # q0: 1 of 3 focus terms, in the opening and overall: (2 * 1/3 + 1/3) / 3,
    # full credit at 0.75 -> 0.444, from the floor of 0.8: 0.889; 1 of 2 parts:
    # 0.7 * 0.889 + 0.3 * 0.5 = 77.2
    # q1: a closed question answered with a yes: full credit, 100
    # q2: no intent cue, so its words count: none said (the floor, 0.8), and no
    # yes or no keeps half of that: 40
    assert result.items == (("question 0", 77.2), ("question 1", 100.0), ("question 2", 40.0))
    assert result.value == round((77.2 + 100 + 40) / 3, 1) == 72.4
    details = dict(result.details)
    del details["parts_missed"]  # see test_relevance_parts_missed_counts_only_missed_parts
    assert details == {
        "questions": 4,  # all that were asked, the unanswered last one too
        "answered": 1,
        "partial": 2,
        "unanswered": 1,
        "mean_coverage": 0.44,
        "indirect": 1,
        "drifted": 0,
        "without_example": 0,
        "reasked": 0,
        "evasive": 0,
        "off_start": 1,  # q0's opening says 1 of its 3 words (its missed part is noted instead)
    }
    assert [(e.turn, e.quote, e.polarity) for e in result.evidence] == [
        (0, "What are your salary expectations and when could you start?", "improvement"),
        (5, "The analysts write the queries.", "improvement"),
        (6, "Are you interviewing anywhere else?", "neutral"),
        (3, "Yes, I managed a small vendor budget.", "strength"),
    ]
    assert (
        result.evidence[0].note == "the answer did not address: What are your salary expectations"
    )


def test_relevance_parts_missed_counts_only_missed_parts() -> None:
    result = measure("relevance", RELEVANCE)
    # only "What are your salary expectations" was left out
    assert result.details["parts_missed"] == 1


def test_relevance_unpunctuated() -> None:
    result = measure(
        "relevance",
        "interviewer: what are your salary expectations and when could you start\n"
        "candidate: i could start in two weeks\n"
        "interviewer: have you ever managed a budget\n"
        "candidate: yes i managed a small vendor budget\n",
    )
    assert result.items == (("question 0", 77.2), ("question 1", 100.0))
    assert (result.details["partial"], result.details["indirect"]) == (1, 0)
    assert (
        result.evidence[0].note == "the answer did not address: what are your salary expectations"
    )


INDIRECT = (
    "Interviewer: What are your salary expectations and when could you start?\n"
    "Candidate: I could start in two weeks.\n"
    "Interviewer: Do you use SQL at work?\n"
    "Candidate: The analysts and I write SQL queries at work every day.\n"
)


def test_relevance_parameters() -> None:
    result = measure("relevance", INDIRECT, parts_weight=0.0, direct_weight=0.0)
    # coverage only: q0 0.8 + 0.2 * 0.333 / 0.75; q1 covered in full, though
    # without a yes or no
    assert result.items == (("question 0", 88.9), ("question 1", 100.0))
    default = measure("relevance", INDIRECT)
    # q1 says every word of the question but no yes or no: it keeps 1 - 0.5
    assert default.items == (("question 0", 77.2), ("question 1", 50.0))
    short = measure("relevance", INDIRECT, opening_words=5)
    # "The analysts and I write" holds neither "SQL" nor "work": (2 * 0 + 1) / 3
    assert short.items[1][1] == round(100 * (0.8 + 0.2 * (1 / 3) / 0.75) * 0.5, 1) == 44.4
    # with no floor, the words alone decide the base
    bare = measure("relevance", INDIRECT, parts_weight=0.0, coverage_floor=0.0)
    assert bare.items == (("question 0", 44.4), ("question 1", 50.0))


def test_relevance_either_or_question_needs_a_choice() -> None:
    chose = measure(
        "relevance",
        "Interviewer: Would you score transactions in batch or in real time?\n"
        "Candidate: Real time, because the customer is waiting at checkout.\n",
    )
    dodged = measure(
        "relevance",
        "Interviewer: Would you score transactions in batch or in real time?\n"
        "Candidate: It depends on many things that we would need to discuss with the team.\n",
    )
    assert (chose.details["indirect"], dodged.details["indirect"]) == (0, 1)
    assert chose.items[0][1] > dodged.items[0][1]
    assert any("either-or question" in e.note for e in dodged.evidence)


def test_relevance_evasion_costs_a_share_of_the_score() -> None:
    text = (
        "Interviewer: What was the biggest risk in the migration plan?\n"
        "Candidate: I don't know, the biggest risk in the migration plan was probably data.\n"
    )
    evasive = measure("relevance", text)
    plain = measure("relevance", text, evasion_penalty=0.0)
    assert evasive.details["evasive"] == 1
    assert evasive.items[0][1] == round(plain.items[0][1] * 0.6, 1)
    assert (
        Evidence(
            1,
            "I don't know",
            "said they did not know instead of reasoning toward an answer "
            '("What was the biggest risk in the migration plan?")',
            "improvement",
        )
        in evasive.evidence
    )


def test_relevance_a_no_that_declines_is_not_a_direct_answer() -> None:
    text = (
        "Interviewer: Did you approve the vendor contract?\n"
        "Candidate: No, I'm not going to comment on the vendor contract.\n"
    )
    result = measure("relevance", text)
    # the "no" refuses the question rather than answering it: not direct, so
    # half of the coverage credit (2 of 3 focus terms, (2/3) / 0.75 -> 0.889,
    # from the floor: 0.978), then the evasion penalty: 0.978 * 0.5 * 0.6 = 29.3
    assert (result.details["indirect"], result.details["evasive"]) == (1, 1)
    assert result.items == (("question 0", 29.3),)
    # one note, the evasion's, not also "answered without a yes or no"
    assert [e.note for e in result.evidence] == [
        'declined to answer ("Did you approve the vendor contract?")'
    ]
    answered = measure(
        "relevance",
        "Interviewer: Did you approve the vendor contract?\nCandidate: No, my manager did.\n",
    )
    assert answered.items == (("question 0", 100.0),)


def test_relevance_tag_question_wants_a_yes_or_no() -> None:
    result = measure(
        "relevance",
        "Interviewer: You led the data migration yourself, right?\n"
        "Candidate: Migrations are always hard, and the data migration was no exception.\n",
    )
    assert result.details["indirect"] == 1
    assert result.evidence[0].note == (
        'a tag question ("You led the data migration yourself, right?") '
        "answered without a yes or no first"
    )


def test_relevance_quotes_an_answer_that_starts_off_the_question() -> None:
    result = measure(
        "relevance",
        "Interviewer: How would you reduce the churn of new subscribers?\n"
        "Candidate: Our team is small and we ship every week, and I like that pace a lot. "
        "Over time I think churn of subscribers comes down to onboarding.\n",
    )
    # the opening (40 words) names 2 of the 4 focus terms, "churn" and "subscriber",
    # after 17 words: enough; with opening_words 10 it names none of them
    assert result.details["off_start"] == 0
    late = measure(
        "relevance",
        "Interviewer: How would you reduce the churn of new subscribers?\n"
        "Candidate: Our team is small and we ship every week, and I like that pace a lot. "
        "Over time I think churn of subscribers comes down to onboarding.\n",
        opening_words=10,
    )
    assert late.details["off_start"] == 1
    # counted, not quoted: nearly every opening in other words answers the question
    assert not late.evidence


def test_relevance_quotes_no_opening_for_answering_in_other_words() -> None:
    # "The aPTT or an anti-Xa level" says none of "monitor, patient, heparin,
    # drip" and is a full answer; it was quoted as an improvement
    result = measure(
        "relevance",
        "Interviewer: And what lab do you monitor for a patient on a heparin drip?\n"
        "Candidate: The aPTT, or an anti-Xa level, depending on the protocol.\n",
    )
    assert result.details["off_start"] == 1
    assert [e.polarity for e in result.evidence] == []


def test_relevance_does_not_ask_a_story_to_repeat_a_compound_questions_words() -> None:
    """The story a behavioral question asks for need not say "support" or
    "colleague", in a compound question as in a single one (the PDF
    sample's turn 7 was "never says: supported, colleague, changing,
    practice, came")."""
    result = measure(
        "relevance",
        "Interviewer: Tell me about a time you supported a colleague in changing their "
        "practice, and what came of it.\n"
        "Candidate: Two years ago our eighth-grade team had a real problem with the district "
        "benchmark. One teacher's sections were at thirty percent. So we co-planned every "
        "Monday, I modeled two lessons in her room, and by spring her sections were at "
        "fifty-eight percent.\n",
    )
    assert result.details["off_start"] == 0
    assert not [e for e in result.evidence if "never says" in e.note]
    # nor is a part missed, as its question card says: the question was answered
    assert (result.details["parts_missed"], result.details["answered"]) == (0, 1)


def test_relevance_open_question_of_a_known_intent_needs_no_echo() -> None:
    # "walk me through your current role" is answered by describing the role,
    # whatever its words; a question no intent cue matched is judged by them
    role = measure(
        "relevance",
        "Interviewer: Walk me through your current role.\n"
        "Candidate: I lead a team of four analysts and own the weekly revenue report.\n",
    )
    assert role.items == (("question 0", 100.0),)
    unknown = measure(
        "relevance",
        "Interviewer: How do you decide which accounts need attention first?\n"
        "Candidate: I lead a team of four analysts and own the weekly revenue report.\n",
    )
    # few of its words said: above the floor (80), as the words alone are no
    # fault to quote, and below the full credit of a known intent
    assert 80 <= unknown.items[0][1] < role.items[0][1]
    bare = measure(
        "relevance",
        "Interviewer: How do you decide which accounts need attention first?\n"
        "Candidate: I lead a team of four analysts and own the weekly revenue report.\n",
        coverage_floor=0.0,
    )
    assert bare.items[0][1] < 50


RECRUITER = (  # a recruiter's screen, every answer direct and in other words
    "Interviewer: Can you tell me the retailer, just so I don't double up?\n"
    "Candidate: It was Oldcastle Home.\n"
    "Interviewer: What are you using day to day?\n"
    "Candidate: Excel, loads. Um, SAP, but just the purchasing module.\n"
    "Interviewer: What's your approach to food cost?\n"
    "Candidate: At Linden Street I do the weekly inventory, so I see the numbers. "
    "The biggest things are portioning and waste.\n"
)


def test_relevance_answers_in_other_words_keep_the_top_band() -> None:
    # each scored 0 when the words alone decided: "Many answers did not take
    # up the question", with nothing to quote, for answers a coach would pass
    result = measure("relevance", RECRUITER)
    assert [value for _, value in result.items] == [80.0, 80.0, 80.0]
    assert result.details["off_start"] == 3
    assert result.evidence == ()
    report = score(analysis_of(RECRUITER), load_rubric("default"))
    answered = next(r for r in report.criteria if r.id == "answered_question")
    assert answered.band == "strong"


def test_relevance_evasion_unpunctuated() -> None:
    result = measure(
        "relevance",
        "interviewer: what was the biggest risk in the migration plan\n"
        "candidate: i'm not going to get into the migration plan details here\n",
    )
    assert result.details["evasive"] == 1


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # each from a segmenter interview's report, quoted as an evasion
        ("How do you approach a family whose norms are different from your own?",
         "So I, I'd start by assuming I don't know. Like, I try not to walk in thinking "
         "I understand a family's culture."),
        ("And?",
         "And, um, so for a whole school, if I'm landing somewhere around, I don't know, "
         "two fifty to three fifty square feet per ton, that feels normal."),
        ("How do you handle it when a coworker asks you about something confidential?",
         'I just don\'t act like there\'s a secret. I\'ll say, "I don\'t know anything '
         'about that," and move on.'),
        ("Why should I pick you?",
         "Um. I, I don't know if I'm, like, the most experienced. But I show up early."),
        ("Both weekend days?",
         "Both, yeah. I mean, I'd rather not do both every single weekend, but I can."),
        ("Getting there, is that doable?",
         "Train to Bradford Interchange and then a bus, probably? I'd have to check. "
         "Maybe an hour."),
        ("And if they just don't show up?",
         "Um, I'm not going to lie, I've let people go. It's not fun."),
    ],
)  # fmt: skip
def test_relevance_a_hedge_inside_an_answer_is_no_evasion(question: str, answer: str) -> None:
    result = measure("relevance", f"Interviewer: {question}\nCandidate: {answer}\n")
    assert result.details["evasive"] == 0, [e.note for e in result.evidence]


@pytest.mark.parametrize(
    "answer",
    [
        "Um. I, I don't know. I'd probably not do it.",
        "Oh, wow. Okay. Um. I mean, I don't know the other candidates.",
        "Congressman, I am not sure what that means.",  # a title said to the listener
        "Well, I'm not going to get into that here.",
    ],
)
def test_relevance_an_evasion_that_opens_the_answer_still_counts(answer: str) -> None:
    result = measure("relevance", f"Interviewer: Why should we hire you?\nCandidate: {answer}\n")
    assert result.details["evasive"] == 1


def test_relevance_reask_marks_the_first_answer() -> None:
    result = measure(
        "relevance",
        "Interviewer: How did you measure the impact of the new pricing page?\n"
        "Candidate: We launched it in March and the team liked it a lot.\n"
        "Interviewer: Let me rephrase: how did you measure the impact of the pricing page?\n"
        "Candidate: We ran an A/B test and looked at conversion.\n",
    )
    assert result.details["reasked"] == 1
    notes = [(e.turn, e.note) for e in result.evidence if "asked this again" in e.note]
    assert notes == [(0, "the interviewer asked this again later: the first answer missed it")]


def test_relevance_holds_no_re_ask_against_the_answer_when_the_interviewer_asked_badly() -> None:
    result = measure(
        "relevance",
        "Interviewer: How do you prioritize?\n"
        "Candidate: ABCs first: airway, breathing, then anything time-sensitive.\n"
        "Interviewer: Sorry, I think I asked that badly. I meant more like, how do you "
        "organise your whole shift?\n"
        "Candidate: I make a brain sheet at the start and round on everyone in the first hour.\n",
    )
    assert result.details["reasked"] == 0
    assert not [e for e in result.evidence if "asked this again" in e.note]


def test_relevance_behavioral_question_wants_a_specific_example() -> None:
    general = measure(
        "relevance",
        "Interviewer: Tell me about a time you disagreed with your manager.\n"
        "Candidate: I usually try to listen first. In general I think disagreement is "
        "healthy, and I always try to find common ground.\n",
    )
    assert general.details["without_example"] == 1
    assert any("without one specific example" in e.note for e in general.evidence)


def test_relevance_drift_by_the_end_of_a_long_answer() -> None:
    drifting = (
        "Interviewer: How would you monitor the fraud model in production?\n"
        "Candidate: To monitor the fraud model in production I would track the score "
        "distribution and the decline rate of the model every day, and alert on a sudden "
        "shift in production. Anyway, outside work I have been learning to cook Italian food, "
        "mostly fresh pasta and slow sauces, and my family loves the weekend dinners we "
        "share together with friends and neighbours from the street.\n"
    )
    result = measure("relevance", drifting)
    assert result.details["drifted"] == 1
    assert any("drifted away" in e.note for e in result.evidence)
    focused = (
        drifting.split(" Anyway,")[0]
        + " "
        + " ".join(["I would also monitor the model features in production for drift."] * 4)
        + "\n"
    )
    assert measure("relevance", focused).details["drifted"] == 0


MONITORING = (
    "Interviewer: How would you monitor the fraud model in production?\n"
    "Candidate: To monitor the fraud model in production I would track the score "
    "distribution and the decline rate of the model every day, and alert on a sudden "
    "shift. I'd also sample the declined cases each week for a manual review. "
)
"""An answer on the question, for a side topic to follow."""


def test_relevance_drift_quotes_the_side_topic() -> None:
    result = measure(
        "relevance",
        MONITORING
        + "By the way, I really liked the photos of the office on your careers page, the "
        "roof garden looked lovely and the coffee bar too, I hope I get to see it.\n",
    )
    [drift] = [e for e in result.evidence if "drifted" in e.note]
    assert drift.turn == 1
    assert drift.quote.startswith("By the way, I really liked the photos")
    assert drift.note == (
        'the answer drifted away from "How would you monitor the fraud model in production?" '
        "to a side topic"
    )


@pytest.mark.parametrize("phrase", sorted(tangent_cues().values()))
def test_relevance_every_side_topic_phrase_opens_a_drift(phrase: str) -> None:
    result = measure(
        "relevance",
        MONITORING
        + f"And {phrase}, I spent last summer learning to sail on the lake with my cousins, "
        "which was the most relaxing month I have had in years.\n",
    )
    [drift] = [e for e in result.evidence if "drifted" in e.note]
    assert drift.quote.startswith(phrase)


@pytest.mark.parametrize(
    "ending",
    [
        # an on-topic ending in new words: word overlap is no test of drift
        # (the deepgram sample's answer: "Now we test every new interaction ...")
        "Since then nothing new ships until someone has tried it without a mouse, and the "
        "support tickets about it fell to almost none within a quarter.",
        # an aside inside a sentence, not a side topic
        "The keyboard path, by the way, took longer to build than the mouse one, and we "
        "caught two regressions with it before release.",
        # a side topic that comes back to the question
        "That reminds me of one more thing: accessibility reviews now sit in our design "
        "critique, so the patterns get checked before anyone builds them, which saves "
        "everyone a rewrite late in the sprint.",
    ],
)
def test_relevance_no_drift_for_an_answer_that_stays_on_the_question(ending: str) -> None:
    result = measure(
        "relevance",
        "Interviewer: How do you approach accessibility on a drag-and-drop board?\n"
        "Candidate: For accessibility on a drag-and-drop board I start with the keyboard: "
        "every card can be picked up with space, moved with the arrow keys and dropped "
        "with space again, and the board announces each move through a live region so a "
        "screen reader user hears where the card went. We learned that the hard way when "
        f"a customer told us she couldn't use the board at all. {ending}\n",
    )
    assert result.details["drifted"] == 0
    assert not any("drifted" in e.note for e in result.evidence)


# ----------------------------------------------------------------- all metrics


@pytest.mark.parametrize("name", sorted(METRICS))
def test_no_candidate_answer_is_not_scored(name: str) -> None:
    result = measure(name, NO_ANSWER)
    expected = {
        "conciseness": "the candidate answered no interviewer question",
        "think_aloud": "the candidate answered no interviewer question",
        "relevance": "no interviewer question got an answer",
    }
    if name not in expected:
        pytest.skip(f"{name} has its own tests of what it cannot score")
    assert (result.value, result.reason) == (None, expected[name])


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_evidence_quotes_are_verbatim(sample: Path) -> None:
    analysis = analyze(read_transcript(sample))
    for name, metric in METRICS.items():
        result = metric(analysis, {})
        if result.value is None:  # it says why instead of scoring zero
            assert result.reason, name
            continue
        assert set(result.details) >= set(metric.details), name
        if metric.scale in ("score", "percent"):
            assert 0 <= result.value <= 100
        for item in result.evidence:
            assert item.quote, (name, item)
            assert item.quote in analysis.transcript.turns[item.turn].text, (name, item)


def test_relevance_quotes_what_well_answered_questions_did() -> None:
    # each kind of good answer gets a strength quote naming what it did; the
    # direct answer to a closed question comes first, before the open question's
    result = measure(
        "relevance",
        "Interviewer: How would you reduce the churn of new subscribers?\n"
        "Candidate: To reduce churn of new subscribers, I would fix onboarding first.\n"
        "Interviewer: Would you rather own one big dashboard or a handful of small ones?\n"
        "Candidate: A handful of small ones, because each has one owner.\n",
    )
    assert [(e.turn, e.note, e.polarity) for e in result.evidence] == [
        (
            3,
            'answered "Would you rather own one big dashboard or a handful of small ones?" '
            "directly, first thing",
            "strength",
        ),
        (
            1,
            'took up "How would you reduce the churn of new subscribers?" in its opening words',
            "strength",
        ),
    ]


def test_relevance_strengths_quote_the_questions_that_test_an_answer() -> None:
    """A fact or a schedule confirmed comes after the questions that test an
    answer; an interviewer's check of what they heard is no strength."""
    result = measure(
        "relevance",
        "Interviewer: Are you okay with a four on, three off schedule?\n"
        "Candidate: Yes, that works for me.\n"
        "Interviewer: So you'd start in April?\n"
        "Candidate: Yes, in April.\n"
        "Interviewer: How would you reduce the churn of new subscribers?\n"
        "Candidate: To reduce churn of new subscribers, I would fix onboarding first.\n",
    )
    assert [(e.turn, e.polarity) for e in result.evidence] == [(5, "strength"), (1, "strength")]
    assert result.evidence[1].note == (
        'answered "Are you okay with a four on, three off schedule?" directly, first thing'
    )


def test_relevance_quotes_a_specific_example_as_a_strength() -> None:
    result = measure(
        "relevance",
        "Interviewer: Tell me about a time you disagreed with your manager.\n"
        "Candidate: Last March my manager wanted to cut the onboarding survey. I pulled "
        "the churn numbers, showed him that new customers who took it stayed longer, and "
        "he kept it.\n",
    )
    assert [(e.turn, e.polarity) for e in result.evidence] == [(1, "strength")]
    assert result.evidence[0].note == (
        'answered "Tell me about a time you disagreed with your manager." with one specific example'
    )


def test_a_specific_example_strength_quotes_the_sentence_that_tells_it() -> None:
    """Not an opening that tells nothing yet: the sentence with the most
    times, names, numbers and past actions."""
    result = measure(
        "relevance",
        "Interviewer: Tell me about a time you had to juggle several urgent priorities.\n"
        "Candidate: Um, yeah, so, that's, I mean, that was basically my whole life, honestly. "
        "Last October our manager went on leave and I covered her two accounts while we "
        "migrated the ticketing system. I moved the migration to weekends and it finished "
        "in three weeks.\n",
    )
    (strength,) = result.evidence
    assert strength.quote.startswith("Last October our manager went on leave")


def test_relevance_names_no_strength_for_a_drifting_answer() -> None:
    result = measure(
        "relevance",
        "Interviewer: How would you reduce the churn of new subscribers?\n"
        "Candidate: To reduce churn of new subscribers, I would fix onboarding first, "
        "because the first week decides whether new subscribers stay, and the welcome "
        "emails, the setup checklist and the first invoice all land in that week. "
        "On a personal note, my weekends are mostly hiking with friends in the hills, and I bake "
        "bread on Sundays, sourdough mainly, which takes patience and a warm kitchen. "
        "My sister visits in summer and we cycle along the river to the old mill.\n",
    )
    assert result.details["drifted"] == 1
    assert [e.polarity for e in result.evidence] == ["improvement"]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "When would you reach for a global store instead of component state?",
            "Only when distant parts of the page need the same data, like a cart count.",
        ),
        (
            "Why did the nightly export fail?",
            "Mostly because a disk filled up on the partner's side.",
        ),
    ],
)
def test_relevance_an_answer_in_the_kind_asked_for_takes_the_question_up(
    question: str, answer: str
) -> None:
    # the WhisperX sample's "Only when ..." shares no word with its question,
    # and was quoted as an opening that "does not take up" the question
    result = measure("relevance", f"Interviewer: {question}\nCandidate: {answer}\n")
    assert result.details["off_start"] == 0
    plain = answer.split(" ", 2)[2]  # the same words without "Only when", "Mostly because"
    aside = measure("relevance", f"Interviewer: {question}\nCandidate: {plain}\n")
    assert aside.details["off_start"] == 1
    assert result.items[0][1] > aside.items[0][1]


@pytest.mark.parametrize(
    ("question", "answer", "echoes"),
    [
        # the .sbv sample's last question, flagged "never says: join, learn, thirty, day"
        ("What would you want to learn in your first thirty days?",
         "Honestly I'd want to sit in on support calls and read the top complaints.", True),
        ("How would you handle a customer who is angry about a refund?",
         "We would handle it by calling them back the same day with the numbers.", True),
        # the same verb without the modal, or another verb, is no echo
        ("What would you want to learn in your first thirty days?",
         "Honestly I want to sit in on support calls and read the top complaints.", False),
        ("What would you want to learn in your first thirty days?",
         "Honestly I'd like to sit in on support calls and read the top complaints.", False),
        # "do" stands for any verb (the Amazon Transcribe sample's "never says: month")
        ("What would you do in your first month here?",
         "Honestly, listen more than I talk. I'd work each area with the associates.", True),
        ("What would you do in your first month here?",
         "Honestly, listen more than I talk. I work each area with the associates.", False),
        # after "how" too: the data analyst sample's "never says: write"
        ("How would you write that?",
         "Okay. So, um, I'd start from customers and bring orders in on the customer ID.", True),
        ("How would you write that?",
         "Okay. So, um, I started from customers and brought orders in on the customer ID.",
         False),
    ],
)  # fmt: skip
def test_relevance_an_opening_that_echoes_you_would_takes_the_question_up(
    question: str, answer: str, echoes: bool
) -> None:
    result = measure("relevance", f"Interviewer: {question}\nCandidate: {answer}\n")
    assert result.details["off_start"] == (0 if echoes else 1)


@pytest.mark.parametrize(
    ("question", "answer", "in_kind"),
    [
        # the Rev sample's answers, quoted as "never says: finding, people" and
        # "never says: recruit, participant, user, busy, professional, staff"
        ("How do you share findings so that people actually read them?",
         "I do a thirty-minute readout with clips from the sessions.", True),
        ("How do you recruit participants when the users are busy professionals?",
         "Mostly through our customer success managers, who know the clinics.", True),
        ("How do you decide between a qualitative study and a survey?",
         "It depends on what the team already knows about the problem.", True),
        # "how did you": a deed, told in the past (the .srt sample's)
        ("How did you get the product team to prioritize it?",
         "I think it helped that I showed them the cost in agent hours.", True),
        ("How did you get the product team to prioritize it?",
         "I think it helps that I show them the cost in agent hours.", False),
        # a stance or a denial after "I" is no practice
        ("How do you share findings so that people actually read them?",
         "I think honestly the clinics were the hard part of that year.", False),
        ("How do you share findings so that people actually read them?",
         "I don't really have a set way yet at the clinics.", False),
        # asked embedded, "tell me how you ...": the physiotherapist's; and the
        # practice within twelve spoken words (the sales manager's)
        ("Tell me how you handle documentation and the admin side.",
         "Yeah, um, I'm pretty disciplined with that, actually. I write my notes after "
         "each session.", True),
        ("How do you make time to actually be in the field?",
         "That's a good question. Um, so I think honestly I, I do a lot of them in the car.",
         True),
        # "by" further in is no means named first
        ("How do you recruit participants when the users are busy professionals?",
         "The clinics are usually closed by six, so evenings are out.", False),
    ],
)  # fmt: skip
def test_relevance_an_opening_that_tells_how_takes_a_how_question_up(
    question: str, answer: str, in_kind: bool
) -> None:
    result = measure("relevance", f"Interviewer: {question}\nCandidate: {answer}\n")
    assert result.details["off_start"] == (0 if in_kind else 1)


@pytest.mark.parametrize(
    ("question", "answer", "in_kind"),
    [
        # the raw-caption sample's, quoted as "never says: finance, team, react, metric"
        ("And how did the finance team react to getting only four metrics at first?",
         "They were a little disappointed, to be honest, but I showed them a mockup.", True),
        ("And how does Redis Cluster decide which shard a key goes to?",
         "It hashes the key with CRC16, modulo sixteen thousand three hundred slots.", True),
        # a question with "you" in it is not only about a third party
        ("And how did the finance team and you agree on only four metrics at first?",
         "They were a little disappointed, to be honest, but I showed them a mockup.", False),
        # the pronoun must be the opening's first subject
        ("And how did the finance team react to getting only four metrics at first?",
         "Well, I was away that week, so they sent a long email.", False),
    ],
)  # fmt: skip
def test_relevance_an_opening_about_the_third_party_asked_about_takes_it_up(
    question: str, answer: str, in_kind: bool
) -> None:
    result = measure("relevance", f"Interviewer: {question}\nCandidate: {answer}\n")
    assert result.details["off_start"] == (0 if in_kind else 1)


@pytest.mark.parametrize(
    "question",
    [
        "So to start, can you tell me a bit about your coffee experience so far?",
        "Tell me a little about your coffee experience.",
        "Can you tell me a little bit about your coffee experience?",
    ],
)
def test_relevance_tell_me_a_bit_about_your_asks_for_background(question: str) -> None:
    # the Whisper sample's "Yeah, I've been a barista ..." was quoted as an
    # opening that "never says the words of" it: "coffee"; "tell me about
    # your" was a background cue, "tell me a bit about your" none
    result = measure(
        "relevance",
        f"Interviewer: {question}\nCandidate: Yeah, I've been a barista at Tidewater "
        "Roasters for about two and a half years.\n",
    )
    assert result.details["off_start"] == 0
    assert result.items == (("question 0", 100.0),)


@pytest.mark.parametrize(
    "question",
    [
        "To start, can you tell me what you're doing now?",
        "Looking back, what would you change?",
        "In hindsight, what would you change?",
        # when, not what: the Whisper sample's "never says: coffee, far"
        "So to start, can you tell me about your coffee experience so far?",
        "What does your close look like today?",
    ],
)
def test_a_questions_openers_are_not_what_it_asks_about(question: str) -> None:
    # the Amazon Transcribe sample's "To start, ..." was flagged "it never says: start"
    analysis = analysis_of(
        f"Interviewer: {question}\nCandidate: Sure. I lead receiving on the night dock.\n"
    )
    (asked,) = analysis.questions
    terms = {term for part in asked.focus for term in part}
    assert not {"start", "look", "back", "hindsight", "far", "today"} & terms
    assert "change" in terms or "change" not in question


def test_think_aloud_does_not_judge_the_candidates_own_questions_for_reasoning() -> None:
    # "Um, yeah, a couple. How big is the ads delivery team ...": the answer to
    # the closing question asks; it was "49 words with no reasoning said out loud"
    own_questions = (
        "Um, yeah, a couple. How big is the ads delivery team, and how is it split "
        "between the backend and the data people? And what does on-call look like in "
        "the first few months, and who would I pair with when I start on the "
        "frequency capping service next quarter?"
    )
    result = measure(
        "think_aloud",
        "Interviewer: How would you find the cause of slow checkouts?\n"
        "Candidate: First, I would check the logs because errors usually show up "
        "there, and then I'd compare the slow requests with the fast ones, so that I "
        "know whether the database or the payment provider is the bottleneck here, "
        "before I change anything at all.\n"
        "Interviewer: Do you have any questions for me?\n"
        f"Candidate: {own_questions}\n",
    )
    assert len(own_questions.split()) >= 40
    assert (result.details["judged_answers"], result.details["answers_without_reasoning"]) == (
        1,
        0,
    )


CURRENT_ROLE = (
    "Sure. So I'm a sales team lead at Greybridge Payroll. We sell payroll and HR "
    "software to small businesses, mostly restaurants and salons. I have six reps, two of "
    "them new this year, and I still carry a small book of my own accounts. My week is "
    "pipeline reviews on Monday, ride-alongs on Tuesday and my own calls the rest of it."
)
"""The sales sample's answer to "Tell me about your current role": facts, told."""


@pytest.mark.parametrize(
    ("question", "judged"),
    [
        # facts about the candidate are told, not reasoned: it was "62 words
        # with no reasoning said out loud" (the sales sample's current role)
        ("Tell me about your current role.", 0),
        ("What's your experience with payroll software?", 0),
        # how the candidate works, or why, asks for reasons
        ("How do you run your week as a team lead?", 1),
        ("Why did you move into a team lead role?", 1),
    ],
)
def test_think_aloud_judges_background_answers_only_where_reasons_are_asked_for(
    question: str, judged: int
) -> None:
    result = measure("think_aloud", f"Interviewer: {question}\nCandidate: {CURRENT_ROLE}\n")
    assert result.details["judged_answers"] == judged
    assert result.details["answers_without_reasoning"] == judged
    silent = [e for e in result.evidence if "no reasoning said out loud" in e.note]
    assert len(silent) == judged


@pytest.mark.parametrize(
    ("question", "judged"),
    [
        # the nurse panel's 110 words of why were "no reasoning said out loud"
        ("What's drawing you to cardiac step-down?", 0),
        ("Why do you want to leave med-surg?", 0),
        # a view is still held to its reasons
        ("What do you think makes a good charge nurse?", 1),
    ],
)
def test_think_aloud_does_not_judge_the_reasons_a_motivation_answer_gives(
    question: str, judged: int
) -> None:
    analysis = analysis_of(
        f"Interviewer: {question}\n"
        "Candidate: On med-surg I get a lot of patients with heart failure and new A-fib, "
        "and those are the patients I end up reading about after my shift. When one of "
        "them gets worse, we transfer them up, and I lose the story right at the "
        "interesting part. I want to be the nurse who's managing the drips, not the one "
        "giving report and saying goodbye.\n"
    )
    assert analysis.questions[0].intent == ("opinion" if judged else "motivation")
    result = METRICS["think_aloud"](analysis, {})
    assert result.details["judged_answers"] == judged
    assert result.details["answers_without_reasoning"] == judged


WENT_BACK = (
    "I did, in January. I took him for coffee and just asked what it would have taken. "
    "He was really open about it, actually. He said the other vendor had called his "
    "kitchen manager twice before we ever got in the door, and she had already said yes."
)
"""The sales sample's answer to "I'm curious whether you ever went back to the
operations manager after that.": what happened, told."""


@pytest.mark.parametrize(
    ("follow_up", "judged"),
    [
        # what happened is told: the first was "42 words with no reasoning
        # said out loud" in the sales sample
        ("I'm curious whether you ever went back to the operations manager after that.", 0),
        ("And how did that turn out?", 0),
        ("What happened there?", 0),
        ("So where did you end up?", 0),
        ("Did it go to adjudication?", 0),
        # why, and how the candidate did it, ask for reasons
        ("Why did you go back to him?", 1),
        ("How did you get the operations manager to meet you?", 1),
        ("Would you do that again?", 1),
        ("Would you end up doing that again?", 1),  # "end up", but not what happened
    ],
)
def test_think_aloud_does_not_judge_a_follow_up_asking_what_happened(
    follow_up: str, judged: int
) -> None:
    analysis = analysis_of(
        "Interviewer: Can you give me an example of a deal you lost?\n"
        "Candidate: Sure. A restaurant group, eleven locations. We lost it to a cheaper "
        "vendor because I only ever talked to the owner, never the operations manager.\n"
        f"Interviewer: {follow_up}\nCandidate: {WENT_BACK}\n"
    )
    assert [q.intent for q in analysis.questions if q.turn == 2] == ["follow_up"]
    result = METRICS["think_aloud"](analysis, {})
    assert result.details["judged_answers"] == judged
    assert result.details["answers_without_reasoning"] == judged


def test_relevance_does_not_judge_drift_from_a_question_whose_topic_came_before() -> None:
    # "How would you handle that?" names only "handle": the timestamped-lines
    # sample's answer, which moved on to who decides, "drifted away" from it
    answer = (
        "I'd handle it by asking each of them when they actually need it, because "
        "now often means by the end of the day. If both really need it this morning, "
        "I'd tell them so right away and do the shorter one first, then the other. "
        "And if it still collides, I'd ask the supervising paralegal or a more senior "
        "attorney to choose. I don't think it's my place to quietly decide that one "
        "partner waits on another partner."
    )
    result = measure(
        "relevance",
        "Interviewer: Two partners hand you urgent work at the same time.\n"
        "Candidate: Okay.\n"
        "Interviewer: How would you handle that?\n"
        f"Candidate: {answer}\n",
    )
    assert len(answer.split()) >= 60
    assert result.details["drifted"] == 0


def test_relevance_an_answer_naming_instances_of_what_is_asked_takes_it_up() -> None:
    # the Otter sample's "What numbers do you watch during a shift?": the answer
    # names the numbers, and need not say "numbers"; "watch" it must still take up
    question = "Interviewer: What numbers do you watch during a shift?\n"
    named = measure(
        "relevance",
        question + "Candidate: Units per hour and trailers still waiting; I watch both.\n",
    )
    assert named.details["off_start"] == 0
    aside = measure(
        "relevance", question + "Candidate: Units per hour and trailers still waiting.\n"
    )
    assert aside.details["off_start"] == 1  # "watch" and "shift" never said
    # the focus terms themselves are kept: they compare and split questions
    assert analysis_of(question + "Candidate: Units.\n").questions[0].focus == (
        ("number", "watch", "shift"),
    )


def test_an_unless_phrase_that_is_no_text_is_refused() -> None:
    rule = "- kind: reasoning\n  label: if/then\n  phrases: [if]\n  unless: [if only, no]\n"
    with pytest.raises(ValueError, match="entry 0: every `unless` phrase must be text"):
        load_marker_rules(rule)


def test_an_answer_is_quoted_from_a_turn_that_shows_it() -> None:
    # the interviewer's "Mm-hmm." cuts the answer after "Sure.": the note on
    # the whole answer quotes its words, not the one-word turn
    result = measure(
        "conciseness",
        "Interviewer: Tell me a little about yourself.\n"
        "Candidate: Sure.\n"
        "Interviewer: Mm-hmm.\n"
        "Candidate: I'm a product manager at a logistics company, and I own our returns"
        " product, the labels, the tracking and the refunds.\n",
    )
    strength = [e for e in result.evidence if e.note.startswith("answered in")]
    assert [(e.turn, e.quote[:24]) for e in strength] == [(3, "I'm a product manager at")]
