"""The delivery (timing) metrics on small hand-made transcripts, with values
counted by hand.

Word counts are spaCy tokens without punctuation ("Mm-hmm" is two words);
seconds come from each turn's start and end.
"""

from __future__ import annotations

import pytest

from transcript_tool import analyze
from transcript_tool.metrics import delivery, monologue, turn_taking
from transcript_tool.metrics.base import MetricSpec, Scope
from transcript_tool.model import (
    Analysis,
    MetricResult,
    Pause,
    Role,
    Speaker,
    Transcript,
    Turn,
)
from transcript_tool.readers import read_text

Row = tuple[Role, str, float | None, float | None]
IV: Role = "interviewer"
CA: Role = "candidate"


def timed(*rows: Row) -> Analysis:
    """An analysis of turns given as (role, text, start, end)."""
    speakers = (Speaker("I", None, IV), Speaker("C", None, CA))
    turns = tuple(
        Turn(i, "I" if role == IV else "C", role, text, start, end)
        for i, (role, text, start, end) in enumerate(rows)
    )
    return analyze(Transcript(id=None, format="test", speakers=speakers, turns=turns))


def untimed(*rows: Row) -> Analysis:
    """The same conversation read from labeled text: no timestamps."""
    text = "".join(f"{role.capitalize()}: {line}\n" for role, line, _, _ in rows)
    return analyze(read_text(text, "t.txt"))


def verbatim(analysis: Analysis, result: MetricResult) -> list[tuple[int, str]]:
    """(turn, quote) of each piece of evidence, after checking the quote is verbatim."""
    for item in result.evidence:
        assert item.quote and item.quote in analysis.transcript.turns[item.turn].text, item
    return [(item.turn, item.quote) for item in result.evidence]


# Words per turn: 4, 22, 2, 9, 9, 17, 2.
# Seconds per turn: 3, 8, 0.5, 3.5, 4, 6.5, 1 (turn 5 starts 0.5 s before turn 4 ends).
ROWS: tuple[Row, ...] = (
    (IV, "Tell me about yourself.", 0.0, 3.0),
    (
        CA,
        "I am a data analyst at a retail company and I build sales dashboards in Tableau for "
        "the regional managers every week.",
        4.0,
        12.0,
    ),
    (IV, "Mm-hmm.", 12.0, 12.5),
    (CA, "Before that I worked in finance for two years.", 12.5, 16.0),
    (IV, "How would you design a metric for store performance?", 16.0, 20.0),  # problem_solving
    (
        CA,
        "I would start with revenue per square foot and then adjust it for the local foot traffic.",
        19.5,
        26.0,
    ),
    (IV, "Great, thanks.", 26.0, 27.0),
)
TURN_1 = ROWS[1][1]

# The same, lowercase and without punctuation. Words per turn: 4, 14, 1, 9, 9, 14;
# seconds: 2, 6, 0.5, 3.5, 4, 6.
UNPUNCTUATED: tuple[Row, ...] = (
    (IV, "tell me about yourself", 0.0, 2.0),
    (CA, "i am a data analyst at a retail company and i build sales dashboards", 3.0, 9.0),
    (IV, "mm-hmm", 9.0, 9.5),
    (CA, "before that i worked in finance for two years", 9.5, 13.0),
    (IV, "how would you design a metric for store performance", 13.0, 17.0),
    (CA, "i would start with revenue per square foot and adjust it for foot traffic", 19.0, 25.0),
)
PROBLEM_SOLVING = Scope(intents=frozenset({"problem_solving"}))


# ------------------------------------------------------------------ talk_ratio


def test_talk_ratio_by_seconds() -> None:
    analysis = timed(*ROWS)
    result = delivery.TALK_RATIO(analysis)
    # candidate 8 + 3.5 + 6.5 = 18 s; interviewer 3 + 0.5 + 4 + 1 = 8.5 s
    assert result.value == round(100 * 18 / 26.5, 1) == 67.9
    assert result.details == {
        "share": 67.9,
        "by_seconds": 1,
        "words": 48,
        "total_words": 64,
        "seconds": 18.0,
        "total_seconds": 26.5,
    }
    assert result.items == (("interviewer", 32.1), ("candidate", 67.9))
    assert verbatim(analysis, result) == [(1, TURN_1), (4, ROWS[4][1])]
    assert [e.note for e in result.evidence] == [
        "the candidate's longest turn: 8 s",
        "the interviewer's longest turn: 4 s",
    ]


def test_talk_ratio_by_words_without_timestamps() -> None:
    result = delivery.TALK_RATIO(untimed(*ROWS))
    # candidate 22 + 9 + 17 = 48 of 48 + 4 + 1 + 9 + 2 = 64 words ("Mm-hmm." is one word)
    assert result.value == round(100 * 48 / 64, 1) == 75.0
    assert result.details == {"share": 75.0, "by_seconds": 0, "words": 48, "total_words": 64}
    # one turn without timestamps: words for all
    partly = timed(*ROWS[:-1], (IV, "Great, thanks.", None, None))
    assert delivery.TALK_RATIO(partly).details["by_seconds"] == 0
    assert delivery.TALK_RATIO(partly).value == 75.0


def test_talk_ratio_in_scope() -> None:
    result = delivery.TALK_RATIO(timed(*ROWS), {}, PROBLEM_SOLVING)
    # turns 4-6: candidate 6.5 s of 4 + 6.5 + 1
    assert result.value == round(100 * 6.5 / 11.5, 1) == 56.5
    closing = delivery.TALK_RATIO(timed(*ROWS), {}, Scope(intents=frozenset({"closing"})))
    assert (closing.value, closing.reason) == (None, "nobody spoke")


def test_talk_ratio_unpunctuated() -> None:
    result = delivery.TALK_RATIO(timed(*UNPUNCTUATED))
    # candidate 6 + 3.5 + 6 = 15.5 s of 15.5 + 2 + 0.5 + 4
    assert result.value == round(100 * 15.5 / 22, 1) == 70.5
    # without timestamps: 14 + 9 + 14 = 37 of 37 + 4 + 1 + 9 words
    assert delivery.TALK_RATIO(untimed(*UNPUNCTUATED)).value == round(100 * 37 / 51, 1) == 72.5


# ------------------------------------------------------------ words_per_minute


def test_words_per_minute() -> None:
    analysis = timed(*ROWS)
    result = delivery.WORDS_PER_MINUTE(analysis)
    # 48 words in 18 s
    assert result.value == 160.0
    assert result.details == {"wpm": 160.0, "minutes": 0.3, "words": 48}
    # 22 / (8 / 60), 9 / (3.5 / 60), 17 / (6.5 / 60)
    assert result.items == (("turn 1", 165.0), ("turn 3", 154.3), ("turn 5", 156.9))
    # turn 1 is the only turn of 10+ words outside 130-160
    assert verbatim(analysis, result) == [(1, TURN_1)]
    assert result.evidence[0].note == "165 words per minute (fast; 130-160 is easy to follow)"
    assert result.evidence[0].polarity == "improvement"


def test_words_per_minute_within_the_range() -> None:
    result = delivery.WORDS_PER_MINUTE(timed(*ROWS), {"fast_wpm": 170.0})
    assert [(e.turn, e.note, e.polarity) for e in result.evidence] == [
        (1, "165 words per minute, an easy pace to follow", "strength")
    ]


def test_words_per_minute_of_the_interviewer() -> None:
    result = delivery.WORDS_PER_MINUTE(timed(*ROWS), {}, Scope(role="interviewer"))
    # 4 + 1 + 9 + 2 = 16 words in 3 + 0.5 + 4 + 1 = 8.5 s
    assert result.value == round(16 / (8.5 / 60), 1) == 112.9


def test_words_per_minute_skips_untimed_turns() -> None:
    rows = list(ROWS)
    rows[3] = (CA, ROWS[3][1], None, None)
    result = delivery.WORDS_PER_MINUTE(timed(*rows))
    # turns 1 and 5: 22 + 17 = 39 words in 8 + 6.5 = 14.5 s
    assert result.value == round(39 / (14.5 / 60), 1) == 161.4
    assert result.details["words"] == 39


def test_words_per_minute_in_scope() -> None:
    result = delivery.WORDS_PER_MINUTE(timed(*ROWS), {}, PROBLEM_SOLVING)
    assert result.details == {"wpm": 156.9, "minutes": 0.11, "words": 17}  # turn 5 only


def test_words_per_minute_needs_timestamps() -> None:
    result = delivery.WORDS_PER_MINUTE(untimed(*ROWS))
    assert (result.value, result.reason) == (None, "not available (no timestamps)")
    result = delivery.WORDS_PER_MINUTE(timed((IV, "Tell me about yourself.", 0.0, 3.0)))
    assert (result.value, result.reason) == (None, "the candidate did not speak")
    only_interviewer = timed(ROWS[0], (CA, ROWS[1][1], None, None))
    result = delivery.WORDS_PER_MINUTE(only_interviewer)
    assert (result.value, result.reason) == (None, "the candidate's turns have no timestamps")


def test_words_per_minute_unpunctuated() -> None:
    result = delivery.WORDS_PER_MINUTE(timed(*UNPUNCTUATED))
    # 14 + 9 + 14 = 37 words in 6 + 3.5 + 6 = 15.5 s
    assert result.value == round(37 / (15.5 / 60), 1) == 143.2


# ----------------------------------------------------------- longest_monologue


def test_longest_monologue() -> None:
    analysis = timed(*ROWS)
    result = monologue.LONGEST_MONOLOGUE(analysis)
    # turns 1 and 3 with only "Mm-hmm." (1 word) between them: 4.0 to 16.0
    assert result.value == 12.0
    assert result.details == {
        "longest": 12.0,
        "words": 31,
        "turns": 2,
        "stretches": 2,
        "over_limit": 0,
    }
    assert result.items == (("turn 1", 12.0), ("turn 5", 6.5))
    assert verbatim(analysis, result) == [(1, TURN_1)]
    assert result.evidence[0].note == "12 s without a break (turns 1-3, 31 words)"


def test_longest_monologue_parameters() -> None:
    analysis = timed(*ROWS)
    # "Mm-hmm." is 1 word: not fewer than 1, so it interrupts
    short = monologue.LONGEST_MONOLOGUE(analysis, {"backchannel_words": 1})
    assert short.items == (("turn 1", 8.0), ("turn 3", 3.5), ("turn 5", 6.5))
    assert short.value == 8.0
    words = monologue.LONGEST_MONOLOGUE(analysis, {"unit": "words"})
    assert (words.value, words.items) == (31.0, (("turn 1", 31.0), ("turn 5", 17.0)))
    assert words.evidence[0].note == "31 words without a break (turns 1-3)"


def test_longest_monologue_a_short_question_interrupts() -> None:
    result = monologue.LONGEST_MONOLOGUE(
        timed(
            *ROWS[:2],
            (IV, "Why?", 12.0, 12.5),  # one word, but a question
            (CA, "Because the managers asked for them.", 13.0, 16.0),
        )
    )
    assert result.items == (("turn 1", 8.0), ("turn 3", 3.0))


def test_longest_monologue_of_the_interviewer() -> None:
    result = monologue.LONGEST_MONOLOGUE(timed(*ROWS), {}, Scope(role="interviewer"))
    # every candidate turn interrupts: 3, 0.5, 4 and 1 s
    assert result.details == {
        "longest": 4.0,
        "words": 9,
        "turns": 1,
        "stretches": 4,
        "over_limit": 0,
    }
    assert result.evidence[0].turn == 4


def test_longest_monologue_needs_timestamps_for_seconds() -> None:
    result = monologue.LONGEST_MONOLOGUE(untimed(*ROWS))
    assert (result.value, result.reason) == (None, "not available (no timestamps)")
    assert monologue.LONGEST_MONOLOGUE(untimed(*ROWS), {"unit": "words"}).value == 31.0


def test_longest_monologue_unpunctuated() -> None:
    result = monologue.LONGEST_MONOLOGUE(timed(*UNPUNCTUATED))
    # turns 1 and 3 across "mm-hmm": 3.0 to 13.0
    assert result.details == {
        "longest": 10.0,
        "words": 23,
        "turns": 2,
        "stretches": 2,
        "over_limit": 0,
    }


# ------------------------------------------------------------ response_latency


def latency(median: float, longest: float, answers: int) -> dict[str, float]:
    """response_latency's details without silences."""
    return {
        "median": median,
        "longest": longest,
        "answers": answers,
        "silences_before": 0,
        "silences_within": 0,
    }


def test_response_latency() -> None:
    analysis = timed(*ROWS)
    result = turn_taking.RESPONSE_LATENCY(analysis)
    # turn 1 starts 1 s after turn 0 ends; turn 5 overlaps turn 4 by 0.5 s: 0
    assert result.value == 0.5
    assert result.details == latency(0.5, 1.0, 2)
    assert result.items == (("turn 1", 1.0), ("turn 5", 0.0))
    assert verbatim(analysis, result) == [(1, TURN_1), (5, ROWS[5][1])]
    assert [e.note for e in result.evidence] == [
        "started answering 1.0 s after the interviewer finished",
        "started answering 0.5 s before the interviewer finished",
    ]


def test_response_latency_after_a_clarifying_question() -> None:
    rows: tuple[Row, ...] = (
        (IV, "How would you speed up the checkout service?", 0.0, 4.0),
        (CA, "Do you mean the database or the service itself?", 5.0, 8.0),  # clarifying
        (IV, "The service itself.", 8.5, 10.0),
        (CA, "I would profile it first and then cache the slowest calls.", 12.0, 18.0),
    )
    result = turn_taking.RESPONSE_LATENCY(timed(*rows))
    # from the end of the interviewer's reply (10.0), not of the question (4.0)
    assert result.details == latency(2.0, 2.0, 1)
    # the interviewer answered the candidate's question 0.5 s after it ended
    interviewer = turn_taking.RESPONSE_LATENCY(timed(*rows), {}, Scope(role="interviewer"))
    assert interviewer.details == latency(0.5, 0.5, 1)


def test_response_latency_in_scope() -> None:
    result = turn_taking.RESPONSE_LATENCY(timed(*ROWS), {}, PROBLEM_SOLVING)
    assert result.details == latency(0.0, 0.0, 1)


def test_response_latency_cannot_be_computed() -> None:
    result = turn_taking.RESPONSE_LATENCY(untimed(*ROWS))
    assert (result.value, result.reason) == (None, "not available (no timestamps)")
    result = turn_taking.RESPONSE_LATENCY(timed((IV, "Tell me about yourself.", 0.0, 3.0)))
    assert (result.value, result.reason) == (None, "the candidate answered no interviewer question")


def test_response_latency_unpunctuated() -> None:
    result = turn_taking.RESPONSE_LATENCY(timed(*UNPUNCTUATED))
    # 3.0 - 2.0 and 19.0 - 17.0
    assert result.details == latency(1.5, 2.0, 2)


def test_response_latency_counts_and_quotes_silences() -> None:
    answer = "I would start with revenue per square foot. Then I would adjust it for traffic."
    resume = answer.index("Then")
    speakers = (Speaker("I", None, IV), Speaker("C", None, CA))
    turns = (
        Turn(0, "I", IV, "How would you design a metric for store performance?", 0.0, 4.0),
        Turn(1, "C", CA, answer, 10.0, 24.0, pauses=(Pause(resume, 14.0, 21.0),)),
    )
    analysis = analyze(Transcript(id=None, format="test", speakers=speakers, turns=turns))
    result = turn_taking.RESPONSE_LATENCY(analysis)
    # 6 s before the answer and 7 s inside it, both at least 5 s
    assert result.details == {
        "median": 6.0,
        "longest": 6.0,
        "answers": 1,
        "silences_before": 1,
        "silences_within": 1,
    }
    assert verbatim(analysis, result)[1] == (1, "Then I would adjust it for traffic.")
    assert result.evidence[1].note == "silent for 7 s in the middle of the answer, then"
    quiet = turn_taking.RESPONSE_LATENCY(analysis, {"silence_seconds": 8})
    assert (quiet.details["silences_before"], quiet.details["silences_within"]) == (0, 0)
    assert len(quiet.evidence) == 1


def test_longest_monologue_lists_stretches_over_the_limit() -> None:
    analysis = timed(*ROWS)
    result = monologue.LONGEST_MONOLOGUE(analysis, {"max_seconds": 6})
    # the stretch of turns 1-3 (12 s) and turn 5 (6.5 s) both pass 6 s
    assert result.details["over_limit"] == 2
    assert verbatim(analysis, result) == [(1, TURN_1), (5, ROWS[5][1])]
    assert [(e.note, e.polarity) for e in result.evidence] == [
        ("12 s without a break (turns 1-3, 31 words), over the 6 s limit", "improvement"),
        ("6 s without a break (turn 5, 17 words), over the 6 s limit", "improvement"),
    ]
    words = monologue.LONGEST_MONOLOGUE(untimed(*ROWS), {"unit": "words", "max_words": 20})
    assert words.details["over_limit"] == 1
    assert words.evidence[0].note == "31 words without a break (turns 1-3), over the 20 words limit"


# ------------------------------------------------------------- interactivity


def test_interactivity() -> None:
    analysis = timed(*ROWS)
    result = turn_taking.INTERACTIVITY(analysis)
    # 7 alternating turns: 6 changes of speaker in 27 s (0.45 min); 64 words
    assert result.value == round(6 / 0.45, 2) == 13.33
    assert result.details == {
        "per_minute": 13.33,
        "switches": 6,
        "minutes": 0.45,
        "per_100_words": round(600 / 64, 2),
    }
    assert verbatim(analysis, result) == [(1, TURN_1)]
    assert result.evidence[0].note == "the longest time one speaker held the floor: 8 s"


def test_interactivity_without_timestamps_gives_the_word_based_figure() -> None:
    result = turn_taking.INTERACTIVITY(untimed(*ROWS))
    assert (result.value, result.reason) == (None, "not available (no timestamps)")
    assert result.details == {"switches": 6, "per_100_words": round(600 / 64, 2)}


def test_interactivity_unpunctuated() -> None:
    result = turn_taking.INTERACTIVITY(timed(*UNPUNCTUATED))
    # 5 changes in 25 s
    assert (result.details["switches"], result.value) == (5, 12.0)


# ------------------------------------------------------------------ all specs


@pytest.mark.parametrize(
    "spec", (*delivery.SPECS, *monologue.SPECS, *turn_taking.SPECS), ids=lambda s: s.name
)
def test_details_are_all_reported(spec: MetricSpec) -> None:
    for analysis in (timed(*ROWS), timed(*UNPUNCTUATED)):
        result = spec(analysis)
        assert result.value is not None
        assert set(spec.details) <= set(result.details)
