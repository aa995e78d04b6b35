"""Question detection: which sentences ask, in what form, with what intent,
in how many parts and about which content words."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from transcript_tool import analyze, read_transcript
from transcript_tool.annotate.intents import NO_INTENT_CUE
from transcript_tool.annotate.question_cues import load_cues
from transcript_tool.model import QUESTION_INTENTS, Analysis, Question, Speaker, Transcript, Turn
from transcript_tool.readers import read_text

SAMPLES = sorted(Path(__file__).parent.parent.joinpath("samples").iterdir())


def analysis_of(text: str) -> Analysis:
    return analyze(read_text(text, "t.txt"))


def asked(sentence: str) -> tuple[Question, ...]:
    """The questions found in ``sentence`` when an interviewer opens with it."""
    analysis = analysis_of(f"Interviewer: {sentence}\nCandidate: Okay.\n")
    return tuple(q for q in analysis.questions if q.turn == 0)


def only_question(sentence: str) -> Question:
    found = asked(sentence)
    assert len(found) == 1, f"expected one question in {sentence!r}, got {found}"
    return found[0]


# ------------------------------------------------------------------------- form

FORMS = [
    # inverted auxiliary, with and without "?"
    ("Have you ever led a team?", "yes_no", "Have you"),
    ("have you ever led a team", "yes_no", "have you"),
    ("do you have any questions for me", "yes_no", "do you"),
    ("Is there a budget for this?", "yes_no", "Is there"),
    # a false start before the question is skipped
    ("Did, did you go to college?", "yes_no", "did you"),
    ("so are are you going to go for your doctorate", "yes_no", "are you"),
    ("have um have you ever been to the science place", "yes_no", "have you"),
    ("is uh do you know who he is", "wh", "do you know who"),
    ("do are you on a regular exercise program right now", "yes_no", "are you"),
    # two or three words said again
    ("what day, what day was that on.", "wh", "what"),
    ("what day what day was that on", "wh", "what"),
    # ... with "well" between the two sayings
    ("what well what kind of music do you not like", "wh", "what"),
    # the auxiliary dropped, as people say it: "(have) you ever ..."
    ("you ever worked with kafka in production", "yes_no", "you ever"),
    # "any X or Y" is a yes/no question, not a choice
    ("Do you have experience with any ticketing or help desk software?", "yes_no", "Do you"),
    # ... nor is an "or" that joins two times: "now or in the future" asks yes or no
    ("Will you now or in the future require sponsorship?", "yes_no", "Will you"),
    ("will you now or in the future require visa sponsorship", "yes_no", "will you"),
    ("Do you now or will you in the future need a visa?", "yes_no", "Do you"),
    ("Would you rather start now or in the spring?", "choice", "Would you"),
    # "why don't you" + a request is a suggestion to tell, not a "why" (the
    # .sbv sample's opener was judged as asking for reasons)
    (
        "why don't you start by telling me a bit about yourself",
        "imperative",
        "why don't you start by",
    ),
    ("Why don't you walk me through the design?", "imperative", "Why don't you walk me through"),
    # ... and "why don't we start with" (the podcast mock's "tell me a bit about
    # yourself" was a background question asking why, judged for reasoning)
    (
        "Why don't we start with, uh, tell me a bit about yourself.",
        "imperative",
        "Why don't we start with",
    ),
    ("Why don't you use Postgres?", "wh", "Why"),
    ("Why don't we use Postgres here?", "wh", "Why"),
    ("Why didn't you tell your manager?", "wh", "Why"),
    # "so" opening a question, not an agreement: the clause goes on
    ("So do we need a visa for the onsite?", "yes_no", "do we"),
    ("Have you used any SQL or Python?", "yes_no", "Have you"),
    ("Would you score them one at a time, or in batches?", "choice", "Would you"),
    ("Is it a classification or a regression problem?", "choice", "Is it"),
    ("did the deploy go out on time", "yes_no", "did the"),
    ("Isn't that funny?", "yes_no", "Isn't"),
    ("What was so hard about it?", "wh", "What"),
    ("What bothers you about it?", "wh", "What"),
    # ... but not the listener's words put back to them, nor the speaker's own ask
    ("So you said, the team is five people?", "declarative", "?"),
    ("So let me ask you, how is the team doing?", "wh", "how"),
    # a comma clause that opens with a fronted one: its main clause asks
    ("So moving on, given your track record how can the public trust you?", "wh", "how"),
    # "any X or Y" asks one thing, but a second question after the "or" offers a choice
    ("Is there any legal prohibition, or is that just a choice you make?", "choice", "Is there"),
    # alternatives with no verb; "yes" before "or" is an alternative, not an opener
    ("Remote or hybrid?", "choice", "Remote or hybrid"),
    ("Yes or no?", "yes_no", "Yes or no"),
    # wh-questions
    ("What is your biggest strength?", "wh", "What"),
    ("what did you build last year", "wh", "what"),
    ("How many people do you manage?", "wh", "How"),
    ("what kind of model would you use", "wh", "what"),
    ("For how long?", "wh", "For how"),
    # requests
    ("Tell me about your last project.", "imperative", "Tell me"),
    ("tell me about your last project", "imperative", "tell me"),
    ("Walk me through your resume.", "imperative", "Walk me through"),
    ("Can you walk me through your resume?", "imperative", "Can you walk me through"),
    # "when" and a subject open a fronted clause: the question after its comma is asked
    ("When you joined, did you have a mentor?", "yes_no", "did you"),
    ("And when you get paged, is it the pipeline itself, or upstream stuff?", "choice", "is it"),
    ("When you say scale, what do you mean?", "wh", "what"),
    ("And when you moved teams?", "wh", "when"),
    # a wh-word left in place at the end
    ("So you've been on that team how long?", "wh", "how long"),
    ("And you reported to who?", "wh", "who"),
    # a verb that also names an action asks for an account only with its particle
    ("Could you take me through the design?", "imperative", "Could you take me through"),
    ("Can you start by telling me about yourself?", "imperative", "Can you start by"),
    ("Can you start in two weeks?", "yes_no", "Can you"),
    ("Could you take that money and hire two more people?", "yes_no", "Could you"),
    ("Can you talk to the team lead first?", "yes_no", "Can you"),
    ("could you describe your role", "imperative", "could you describe"),
    # discourse openers before the question proper
    ("Okay, so tell me about yourself", "imperative", "tell me"),
    ("To start, walk me through your current role.", "imperative", "walk me through"),
    ("To kick off, tell me about yourself.", "imperative", "tell me"),
    ("Moving on, what is your biggest strength?", "wh", "what"),
    # an opener of several words whose first word is an opener alone: "next"
    # must not leave "question" as the head (a chat's "Next question: tell
    # me about a time ..." went unasked)
    ("Next question: tell me about a time you found a bug.", "imperative", "tell me"),
    ("My next question: tell me about a conflict.", "imperative", "tell me"),
    ("First of all, walk me through your resume.", "imperative", "walk me through"),
    ("Okay, the next one: tell me about a deadline you missed.", "imperative", "tell me"),
    # a numbered question
    ("Question two: tell me about a time you failed.", "imperative", "tell me"),
    ("Round 3 - walk me through the schema.", "imperative", "walk me through"),
    ("what do you think is the hardest part", "wh", "what"),
    ("what would you say is your biggest strength", "wh", "what"),
    ("What happens when the consumer dies?", "wh", "What"),
    # statements that ask by their "?"
    ("So you'd use a threshold?", "declarative", "?"),
    ("That's the plan, right?", "tag", "right"),
    ("You've used Spark before, no?", "tag", "no"),
    # elliptical yes/no questions: "(Is there) anything else ...?"
    ("Anything else you'd like to know?", "yes_no", "Anything"),
    ("Any other questions?", "yes_no", "Any"),
    # ... which a caption gives without its "?"
    ("okay anything else", "yes_no", "anything"),
    ("anything you'd want to monitor", "yes_no", "anything"),
    ("any other questions for me", "yes_no", "any"),
    ("okay so anything else you want to ask us about the proposal", "yes_no", "anything"),
    # ... but not a fragment after a comma
    ("I hear they landed a hundred soldiers, or something, the other day?", "declarative", "?"),
    # a negated auxiliary before a name asks when the sentence ends in "?"
    ("Didn't Tom say that?", "yes_no", "Didn't"),
    # an "or" clause offers the other alternative
    ("Or do you transform it on the way in?", "choice", "Or"),
    ("We need to know if the law stops you, or is that a choice you made?", "choice", "or"),
    # ... as a caption gives it: an inverted auxiliary before a noun, and a
    # second question after "or"
    (
        "okay and is frequency capping something the team's working on or was it just a puzzle",
        "choice",
        "is",
    ),
    # a caption compound whose second part asks the listener
    (
        "so what actually broke with the job and what did you personally do once you found out",
        "wh",
        "what",
    ),
    # a caption sentence's main clause after a fronted one asks
    ("before we jump in have you worked on anything in ad tech before", "yes_no", "have you"),
    ("um before i start drawing boxes can i ask a few questions", "yes_no", "can i"),
    ("if you had to cut the cost in half where would you look first", "wh", "where"),
    ("before we move on how did you know the new pipeline was right", "wh", "how"),
    # "what if", "what happens" ask without a "?"
    ("okay but then what if the ack gets lost", "wh", "what"),
    ("and what happens when the consumer crashes halfway through a batch", "wh", "what"),
    # ... and at the end of a caption sentence that sets up a case
    (
        "say a bug makes fifty thousand devices send a message every fifty milliseconds what "
        "happens",
        "wh",
        "what happens",
    ),
    ("so the primary dies and then what", "wh", "then what"),
    # ... and "And then what?" said alone is no "What?" asking to hear it again
    ("And then what?", "wh", "what"),
    # a statement with "is that correct?" asks to confirm it: a tag (not a yes/no question)
    ("And you have not complied with it, is that correct?", "tag", "is that correct"),
    ("You knew about the emails in March; isn't that true?", "tag", "isn't that true"),
    # a negated tag asks without a "?"
    ("He's a bull, isn't he.", "tag", "isn't he"),
    ("uh there's really a lot of them in the city isn't there", "tag", "isn't there"),
    # ... and so does a plain tag after a negated statement with the same subject
    ("you never think about that do you", "tag", "do you"),
    ("yeah he wasn't always funny in that show was he", "tag", "was he"),
    ("It didn't work, did it.", "tag", "did it"),
    # ... and after a comma, with no "?"
    (
        "Smiley Burnette, I don't know if you were old enough to remember him.",
        "yes_no",
        "I don't know if you were",
    ),
    # an indirect question to the listener inside a caption sentence
    (
        "yeah we just got one i don't know if you have a satellite dish or not",
        "yes_no",
        "i don't know if you have",
    ),
    # an elliptical wh-question in a caption
    ("which basketball", "wh", "which"),
    ("yeah where at", "wh", "where"),
    ("what kind", "wh", "what"),
    ("Talk to me about your experience with Kubernetes.", "imperative", "Talk to me about"),
    ("Run me through your thought process.", "imperative", "Run me through"),
    ("Say more about that.", "imperative", "Say more"),
    ("Go ahead and introduce yourself.", "imperative", "introduce yourself"),
    # a "can you" request with an adverb before its verb
    (
        "Can you just walk me through your last project?",
        "imperative",
        "Can you just walk me through",
    ),
    ("Could you briefly describe your role?", "imperative", "Could you briefly describe"),
    # a wh-word at the end of a caption sentence, after a preposition
    ("we had to give a thirty day notice for what", "wh", "what"),
    ("she painted the insides dark blue and then the trim what color", "wh", "what"),
    # an auxiliary dropped in a caption: "where you from"
    ("yeah where you at", "wh", "where you"),
    ("where you going to school", "wh", "where you"),
    # a caption statement about the listener that ends on "right"
    ("so you're tracking events already right", "tag", "right"),
    ("you said a few thousand a minute at peak right", "tag", "right"),
    # an unmarked invitation to ask
    ("anything you want to ask me", "yes_no", "anything"),
    # why one thing and not another, in a caption
    ("why gradient boosting and not something simpler", "wh", "why"),
    ("why a sorted set over a plain counter with a ttl", "wh", "why"),
    # ... or why twice
    ("and why sales leadership and why now", "wh", "why"),
    # ... or why a thing, with no verb
    ("why the left join", "wh", "why"),
    # a wh-word that is its verb's subject, in a caption
    ("what fires", "wh", "what"),
    ("so what kills private label growth", "wh", "what"),
    ("who approved the change", "wh", "who"),
    ("like what changed after", "wh", "what"),
    ("okay what goes in it", "wh", "what"),
    # a wh-word after a preposition at a caption sentence's end
    ("and from whom", "wh", "whom"),
    # an invitation to add something, unmarked
    ("any any last thing you want to add", "yes_no", "any"),
    # a greeting asked back at the end of a caption reply
    ("i'm doing pretty well how are you", "wh", "how"),
    # a hyphen inside a word is no punctuation: still a caption sentence
    ("and what if the alerts are noisy like you roll out the approval-rate thing", "wh", "what"),
    # ... but a dash between words, spaces or not, parts clauses
    ("But you--who determines the budget of the CFPB?", "wh", "who"),
    # an apology before the question opens it, as "okay" does
    ("sorry do you mean a refund for the whole stay or for that night", "choice", "do you"),
    # openers before the ask: "in your opinion", "looking back", "just to check"
    ("in your opinion how important is it", "wh", "how"),
    # "just" is an opener of its own, "to clarify" one more
    (
        "um just to clarify is this a patient who's alert or someone who's confused",
        "choice",
        "is this",
    ),
]


FORMS += [
    # ... but a tag after "there is" is one, with or without its comma
    ("There's a lot going on, isn't there?", "tag", "isn't there"),
    ("there's a lot going on isn't there", "tag", "isn't there"),
]


@pytest.mark.parametrize(("sentence", "form", "cue"), FORMS)
def test_form_and_cue(sentence: str, form: str, cue: str) -> None:
    question = only_question(sentence)
    assert (question.form, question.form_cue) == (form, cue)


NOT_QUESTIONS = [
    "What I did was simple.",
    # an announcement: "the next one" is the subject of "is", no opener
    "The next one is a behavioral question.",
    "The next one is the classic.",
    # agreeing: "so" or "neither", an auxiliary and a subject, and nothing after
    "yeah yeah so do we",
    "Well, so am I.",
    "oh so was i",
    # a wh-word then a comma: the clause goes on past the aside
    "When, you know, it's swimming weather, we go down to the lake.",
    "I don't know what happened.",
    # the talker's own reasons, why twice
    "why we did it and why it worked is a long story",
    # a negated imperative, and a statement with its subject dropped
    "Don't ask them just because you read somewhere that you're supposed to.",
    "Doesn't matter.",
    # "do"/"have" before a subject they do not agree with: no inversion
    "do it himself",
    "have everything ready by monday",
    "Curly hair and so do I, so hey",
    "but yeah i was interested when i saw the twenty four on there.",
    "what worked best is the hand labeled data.",
    "so what transcriber does is it computes another thing to display.",
    # speech quoted after a comma, no quotation marks: the "?" is the quote's
    "And then he said, is it ready?",
    "And I asked him, uh, what are you doing with that?",
    "And now if we go through her cabinets she's like, Well, what are you digging for?",
    # ... or asked of oneself, and a quotation that closes after the "?",
    # opened in a sentence before
    "They're asking themselves, can I trust this person?",
    "So I asked myself, what would the customer want?",
    'Which way is it going?"',
    "What bothers me is that they really don't mean anything.",
    # no tag: the auxiliary goes on the clause ("couldn't do it"), or the
    # subjects differ
    "and i tried it twice and i couldn't do it",
    "i don't care what your friends do if you do it then that was it",
    # the auxiliary after "they really" is theirs: no "were they ...?"
    "oh yeah they really were they just uh kept going",
    # a free relative after a preposition
    "and that facility will not generate air pollutants from what i've heard",
    "i just can't remember offhand what time",
    # no elliptical wh-question: a wh-word alone, or a set phrase
    "who knows",
    "i mean why not",
    "okay where to start",
    "I can't say more about that.",
    # a reaction to the other's news, then the talker's own words
    "did you that would have been something",
    # a talker thinking aloud with "we"
    "you sit there writing up budgets and you wonder okay how much money do we need",
    # a wh-word that opens a clause with its own subject, verb and object
    "but when you do that",
    "When the committee did it, so much was lost in the translation.",
    # commas but no sentence mark: what the caption model hears as asking
    # is read as a caption's is, and a trailing "you know" asks nothing
    "it was a little gang of them stealing cars, you know,",
    # a generic "you" with a modal, after a comma too
    "Well, I tried it once, I don't know if you can ever do enough.",
    # "where you at" taken in by "know"
    "we really don't know where you at right now with all that",
    # exclaiming, without a "?"
    "Isn't that funny.",
    # what comes of it, known or to be seen, is no question
    "so we'll just have to wait and see what happens",
    "and the page says a device went quiet and nobody knows what happens",
    "wasn't that fabulous and driving miss daisy",
    # pseudo-clefts
    "And what goes on is that every time somebody attacks, it escalates.",
    "what changed after that was the team",
    # a free relative with a subject of its own, a rhetorical "who cares",
    # "why the hell not"
    "what projects we did",
    "who cares",
    "why the hell not",
    # a relative clause carried on after a backchannel, in a caption
    "uh-huh which seems so awful",
    "But what was so fun though is that I had to take my son to the doctor.",
    # "did"/"had" before "a": a statement whose subject speech dropped
    "yeah uh did a lot of growing up",
    "had a real raspy voice",
    # agreeing, not asking "(does that) sound good?"
    "sounds good",
    # a caption's list that only opens like "anything else?"
    "anything else dropping a column renaming a type changing a primary key it stops",
    "How we split the work matters.",
    # pseudo-clefts: a wh-clause as the subject of "is"
    "What happens is the consumer retries.",
    "what happens is the consumer retries",
    "what happened was the consumer retried",
    # agreeing, or "right" as a noun or after a copula, in a caption
    "you're absolutely right",
    "oh i see you're not saying it's right",
    # the talker's own reason, not "why X and not Y?"
    "why we picked kafka over rabbitmq was the cost",
    # a fronted clause with no question after it, nor an inversion in a verb chain
    "when i joined we did a lot of code review",
    "because i knew that i would have it covered",
    "because i knew that i'd have it covered in that respect",
    "if you wanted to go abroad many students did they'd go to iowa",
    "and now if we go through her cabinets she's like well what are you digging for",
    "What you need is a queue in front of it.",
    "what you don't forget is the growing up",
    "So what broke was my new query.",
    "i told them what i did and what you did",
    "what struck me was how calm she was",
    "Got it.",
    "That's a great answer.",
    # a numbered question's words are no opener without a mark after the number
    "Question one is about your last project.",
    "The next one is harder.",
    # check-ins keep the conversation going; they are never questions
    "Does that make sense?",
    "does that make sense",
    "Can you see my screen?",
    "Can you hear me?",
    "Is that better?",
    # "isn't there" of a place, not a tag (the barista interview: "a tag
    # question asking for agreement")
    "Basically you're the person in charge when I'm not there, or when my assistant manager "
    "isn't there.",
]


@pytest.mark.parametrize("sentence", NOT_QUESTIONS)
def test_not_a_question(sentence: str) -> None:
    assert asked(sentence) == ()


def test_a_chats_opening_prompt_asks_the_interviewer_nothing() -> None:
    analysis = analysis_of(
        "Candidate: Be the hiring manager and interview me. Give me feedback at the end.\n"
        "Interviewer: Sure. Can you walk me through your background?\n"
        "Candidate: I studied psychology. Could you tell me how the team is measured?\n"
        "Interviewer: By the decisions research changes.\n"
    )
    assert [(q.role, q.text) for q in analysis.questions] == [
        ("interviewer", "Can you walk me through your background?"),
        ("candidate", "Could you tell me how the team is measured?"),
    ]


def test_the_interviewers_terms_put_to_the_candidate_are_a_question() -> None:
    # a check-in before: the "Yes, that works" went to the next question
    analysis = analysis_of(
        "Interviewer: The role is twelve-hour shifts and every third weekend. "
        "Does that work for you?\n"
        "Candidate: Yes, that works. I do three twelves now.\n"
        "Interviewer: Great. We have half an hour, then time for your questions. Does that work?\n"
        "Candidate: Sure. I'd check the chart first and then call. Does that work for you?\n"
    )
    (terms,) = analysis.questions
    assert (terms.text, terms.form, terms.intent, terms.answer_turns[0]) == (
        "Does that work for you?",
        "yes_no",
        "background",
        1,
    )
    assert [(c.turn, c.text) for c in analysis.check_ins] == [
        (2, "Does that work?"),
        (3, "Does that work for you?"),
    ]


@pytest.mark.parametrize(
    "check_in",
    [
        "Does that make sense?",
        "Can you see my screen?",
        # the talker asking whether they go on well
        "Am I going into too much detail here?",
        "Am I making sense?",
        "Am I on the right track?",
        # ... or whether the channel works
        "Am I still on mute?",
        "Is my screen coming through?",
        "Should I keep going?",
        "Want me to go deeper on that?",
        "Is that the kind of answer you were looking for?",
        "Sorry, am I rambling a bit?",
        "Does that cover what you were asking?",
        "Is that the kind of example you were looking for?",
        "Should I go into the model itself, or is that enough?",
        "Was that what you were looking for?",
    ],
)
def test_check_in_is_not_a_question_from_the_candidate_either(check_in: str) -> None:
    analysis = analysis_of(
        "Interviewer: How would you design a rate limiter?\n"
        f"Candidate: I would use a token bucket per API key. {check_in}\n"
    )
    assert [q.text for q in analysis.questions] == ["How would you design a rate limiter?"]


@pytest.mark.parametrize(
    ("question", "reply", "asks"),
    [
        # an answer offered with a rising "?" (the recruiter intake call and the
        # electrician apprentice: each question "never answered before the
        # transcript ends")
        ("What's your absolute minimum?", "Um. Thirty-five?", False),
        ("When was that?", "Ten days ago?", False),
        (
            "You shut off the breaker, what stops somebody from flipping it back on?",
            "The, um, the lock?",
            False,
        ),
        # ... but a check of the question's words, or of "you" or "we", asks
        ("How big was the team?", "The whole team?", True),
        ("What's the budget for it?", "You mean per quarter?", True),
        ("Why do you think we should hire you?", "Umm we being?", True),
        # ... or a request to hear it again, or its scope (hearing witnesses)
        ("Who authorized granting her immunity?", "I'm sorry, sir?", True),
        (
            "How long would it take to find all the emails that included her address?",
            "Just Lois Lerner's alone?",
            True,
        ),
        # ... and a closed question's reply is no wh-answer
        ("Are you okay with nights?", "Every night?", True),
        # ... but one opening with a yes or a no answers it (a coding round's
        # "Um, I don't think so?" was a clarifying question "asked before
        # diving in", and the question went unanswered)
        ("Does the order of those two lines matter?", "Um, no, I don't think so?", False),
        ("Does the order of those two lines matter?", "I don't think so?", False),
        ("Can two meetings share a room?", "Yeah, I think so?", False),
    ],
)
def test_an_answer_offered_as_a_question_answers(question: str, reply: str, asks: bool) -> None:
    analysis = analysis_of(f"Interviewer: {question}\nCandidate: {reply}\n")
    assert [q.role for q in analysis.questions][1:] == (["candidate"] if asks else [])
    assert analysis.questions[0].answered == ("no" if asks else "yes")


@pytest.mark.parametrize(
    ("opening", "intent"),
    [
        # who is on the line, the greeting a sentence of its own (the barista
        # interview's "Hey! Is this Kayla?" was a background question
        # "answered without a yes or no first")
        ("Hey! Is this Kayla?", "small_talk"),
        ("Hi, is that Marcus?", "small_talk"),
        # ... not "is it" before a word that is no name
        ("Is it Python?", "background"),
    ],
)
def test_a_name_asked_first_is_small_talk(opening: str, intent: str) -> None:
    analysis = analysis_of(f"Interviewer: {opening}\nCandidate: Yes, that's me.\n")
    assert [q.intent for q in analysis.questions] == [intent]


def test_rhetorical_questions_inside_an_answer_are_not_questions() -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about a time you handled an angry customer.\n"
        "Candidate: Sure. A client was furious about a late delivery. So what did I do? "
        "I called them the same day. Then I sent a refund. It worked out, right? "
        "They renewed.\n"
    )
    assert [q.role for q in analysis.questions] == ["interviewer"]


def test_a_self_answered_question_after_i_mean_is_rhetorical() -> None:
    analysis = analysis_of(
        "Interviewer: Why did you leave retail?\n"
        "Candidate: I mean, what were we doing? We were discounting every week. "
        "So I moved to analytics.\n"
    )
    assert [q.role for q in analysis.questions] == ["interviewer"]


def test_a_question_of_the_listeners_view_inside_a_turn_is_asked() -> None:
    """In the middle of a turn "do you think ..." asks the listener, not the
    talker (SwDA: "That's right. Well, do you think we should continue to
    support it at that level? Well, I thought ..."); "so what did I do?"
    there is still the talker's own."""
    analysis = analysis_of(
        "Interviewer: What do you make of the space program?\n"
        "Candidate: That's right. Well, do you think we should keep funding it at that "
        "level? Well, I thought they were spying. So what did I do? I wrote to my "
        "congressman about it.\n"
    )
    asked = [q.text for q in analysis.questions if q.turn == 1]
    assert asked == ["Well, do you think we should keep funding it at that level?"]


def test_a_tag_about_the_listener_inside_a_turn_asks_the_listener() -> None:
    """A tag question in the middle of a turn is rhetorical when its
    statement is the speaker's ("at the end of the day you can only do so
    many things at once, right?"), not when it is about the listener."""
    analysis = analysis_of(
        "Interviewer: Any questions for me?\n"
        "Candidate: Oh, cool. And you're on Snowflake, right? I think I saw that in the "
        "job post. At the end of the day you can only do so many things at once, right? "
        "Anyway.\n"
    )
    asked = [q.text for q in analysis.questions if q.turn == 1]
    assert asked == ["And you're on Snowflake, right?"]


def test_question_text_is_the_exact_span_of_the_turn() -> None:
    analysis = analysis_of(
        "Interviewer: Great, thanks.   So, what did you build last year?  Any tests?\n"
        "Candidate: A billing service.\n"
    )
    texts = [q.text for q in analysis.questions]
    assert texts == ["So, what did you build last year?", "Any tests?"]
    for q in analysis.questions:
        assert analysis.transcript.turns[q.turn].text[q.start : q.end] == q.text


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_question_spans_and_parts_are_verbatim_in_samples(sample: Path) -> None:
    analysis = analyze(read_transcript(sample))
    assert analysis.questions
    for q in analysis.questions:
        turn_text = analysis.transcript.turns[q.turn].text
        assert turn_text[q.start : q.end] == q.text
        assert all(part in q.text for part in q.parts)
        assert len(q.parts) == len(q.focus)


# ------------------------------------------------------------------ parts, focus

PARTS = [
    (
        "What are your salary expectations and when could you start?",
        ("What are your salary expectations", "when could you start?"),
        (("salary", "expectation"), ("start",)),
    ),
    (
        "Tell me about your experience with A/B testing and with causal inference.",
        ("Tell me about your experience with A/B testing", "with causal inference."),
        (("test",), ("causal", "inference")),
    ),
    (
        "How did you test it and how did you deploy it?",
        ("How did you test it", "how did you deploy it?"),
        (("test",), ("deploy",)),
    ),
    # one thing asked about, even with an "and" or "or" in it
    ("What are the pros and cons?", ("What are the pros and cons?",), (("pro", "con"),)),
    (
        "Would you score them one at a time, or in batches?",
        ("Would you score them one at a time, or in batches?",),
        (("score", "batch"),),
    ),
    # ... nor a wh-question's "or" that offers another choice of its answer
    (
        "How is the team measured, on renewals or on expansion?",
        ("How is the team measured, on renewals or on expansion?",),
        (("team", "measure", "renewal", "expansion"),),
    ),
    (
        "Where would you store it, or how would you cache it?",
        ("Where would you store it", "how would you cache it?"),
        (("store",), ("cache",)),
    ),
    # designing or building is the task, what is asked about is the thing:
    # "Yeah, that works. So I'd use a token bucket per API key" takes it up
    (
        "How would you design a rate limiter?",
        ("How would you design a rate limiter?",),
        (("rate", "limiter"),),
    ),
    # frame words whose lemma is another word ("bit" -> "bite", "yeah" -> "yes")
    # are no focus terms either: an answer never had to say "bite"
    (
        "So can you tell me a bit about your coffee experience?",
        ("So can you tell me a bit about your coffee experience?",),
        (("coffee",),),
    ),
    (
        "yeah so which one would you pick",
        ("yeah so which one would you pick",),
        (("pick",),),
    ),
    # hedges and politeness are no focus terms: the answer need not be "curious"
    (
        "I'm curious how you'd handle a rep who actually misses quota.",
        ("I'm curious how you'd handle a rep who actually misses quota.",),
        (("handle", "rep", "miss", "quota"),),
    ),
    # "what does X look like" asks to describe X: "look" is no focus term, so
    # "what does on call look like on your team" re-asks nothing about "look"
    (
        "What does a good week look like for you?",
        ("What does a good week look like for you?",),
        (("good", "week"),),
    ),
    # "see" frames what is asked about: the answer need not say "see"
    (
        "What would you do if you saw one of your associates skip a step?",
        ("What would you do if you saw one of your associates skip a step?",),
        (("associate", "skip", "step"),),
    ),
    # nor how often: "usually" asks for the habit, not the word
    (
        "How do you usually approach code reviews, both giving and getting them?",
        ("How do you usually approach code reviews, both giving and getting them?",),
        (("code", "review"),),
    ),
    # nor how at ease: "how comfortable are you with X" asks about X
    (
        "How comfortable are you with ERP systems?",
        ("How comfortable are you with ERP systems?",),
        (("erp", "system"),),
    ),
    (
        "Where do you see yourself in five years?",
        ("Where do you see yourself in five years?",),
        (("year",),),
    ),
    # a re-ask's cue is shown apart, and the answer need not "pull" anything
    (
        "But let me pull you back: where would the impression records actually live, "
        "and what makes them go away after a day?",
        (
            "where would the impression records actually live",
            "what makes them go away after a day?",
        ),
        (("impression", "record", "live"), ("away", "day")),
    ),
    (
        "Okay, in other words, how would you scale the queue?",
        ("how would you scale the queue?",),
        (("scale", "queue"),),
    ),
    # a closed question splits only before a question of its own, not before a
    # phrase it goes on with (the CTO's "one question at a time" note: "2
    # questions in one turn")
    (
        "So I'll sync with Theo and with Nadia, who you're meeting tomorrow?",
        ("So I'll sync with Theo and with Nadia, who you're meeting tomorrow?",),
        (("sync", "theo", "nadia", "meet", "tomorrow"),),
    ),
    (
        "Do you consider yourself a team player, and can you name a conflict you resolved?",
        ("Do you consider yourself a team player", "can you name a conflict you resolved?"),
        (("consider", "team", "player"), ("conflict", "resolve")),
    ),
    # "have" and "do" after "and" go on with the verb before them, unless
    # their subject follows (the interviewer rubric's "2 questions in one
    # turn" on the research interviews' magic-wand question)
    (
        "If you could wave a magic wand and have AI help with one part of your work, "
        "what would that be?",
        (
            "If you could wave a magic wand and have AI help with one part of your work, "
            "what would that be?",
        ),
        (("wave", "magic", "wand", "have", "work"),),
    ),
    (
        "Why not skip all of this and have a language model pick the queue?",
        ("Why not skip all of this and have a language model pick the queue?",),
        (("skip", "language", "model", "pick", "queue"),),
    ),
    (
        "How much GPU does my model use, and do I need more replicas of it?",
        ("How much GPU does my model use", "do I need more replicas of it?"),
        (("gpu", "model"), ("need", "replica")),
    ),
    # an acknowledgement of the answer before the question is no part of it
    # (the interviewer-habits audit: "2 questions in one turn")
    (
        "Sure, totally, and what's your current base?",
        ("Sure, totally, and what's your current base?",),
        (("current", "base"),),
    ),
    (
        "Love that, and why hourly and not streaming?",
        ("Love that, and why hourly and not streaming?",),
        (("hourly", "stream"),),
    ),
    (
        "That's fair, and how big is the team?",
        ("That's fair, and how big is the team?",),
        (("big", "team"),),
    ),
]


@pytest.mark.parametrize(("sentence", "parts", "focus"), PARTS)
def test_parts_and_focus(
    sentence: str, parts: tuple[str, ...], focus: tuple[tuple[str, ...], ...]
) -> None:
    question = only_question(sentence)
    assert question.parts == parts
    assert question.focus == focus


# ----------------------------------------------------------------------- intent

INTENTS = [
    ("Tell me about a time you disagreed with your manager.", "behavioral", "about a time"),
    ("Have you ever had to let someone go?", "behavioral", "ever had to"),
    (
        "Have you ever lost an account you thought you could save?",
        "behavioral",
        "have you ever lost",
    ),
    # a fact about the candidate, not an episode (question-taxonomy tie-break 4)
    ("Have you ever led a team?", "background", "have you ever"),
    ("Have you ever managed a budget?", "background", "have you ever"),
    ("Why do you want to work here?", "motivation", "why do you want"),
    ("what made you apply for this role", "motivation", "made you apply"),
    ("How would you design a rate limiter?", "problem_solving", "how would you design"),
    # how they go about a kind of work, as a rule, is usual practice (tie-break 15)
    (
        "How do you approach accessibility in a component library?",
        "background",
        "how do you approach",
    ),
    ("How would you approach redoing our routes?", "problem_solving", "how would you approach"),
    # a case put to the candidate, in the words case interviewers use
    (
        "Profits are down a quarter. How would you like to approach this?",
        "problem_solving",
        "how would you like to approach",
    ),
    (
        "so how do you want to structure this problem",
        "problem_solving",
        "how do you want to structure",
    ),
    ("how would you design a rate limiter", "problem_solving", "how would you design"),
    ("What would you do if a deadline slipped?", "situational", "what would you do if"),
    ("What's the difference between a list and a tuple?", "technical", "what's the difference"),
    ("What do you think about remote work?", "opinion", "what do you think"),
    ("Do you have any questions for me?", "closing", "questions for me"),
    ("do you have any questions for me", "closing", "questions for me"),
    ("How are you doing today?", "small_talk", "how are you"),
    ("Did you find the office okay?", "small_talk", "did you find the office"),
    ("How did you find out?", "background", "no intent cue matched"),  # not small talk
    ("Did you find the visitor entrance okay?", "small_talk", "entrance okay"),
    ("Tell me about a service that went badly.", "behavioral", "that went badly"),
    (  # the episode named before what the candidate thinks of it
        "Could you walk me through a recent frontend project you're proud of?",
        "behavioral",
        "a recent frontend project you",
    ),
    ("Tell me about yourself.", "background", "about yourself"),
    ("What are the pros and cons?", "technical", "pros and cons"),
    ("What are the next steps?", "background", "no intent cue matched"),
    # a query to write has one right answer (taxonomy tie-break 2)
    ("How would you write that query?", "technical", "how would you write"),
    # who is on the line; any other "is this" is no small talk
    ("Hi, is this Marcus?", "small_talk", "hi, is this"),
    ("Hi, is that Marcus?", "small_talk", "hi, is that"),
    ("Coffee?", "small_talk", "coffee?"),
    ("And how big is this thing, like in terms of volume?", "background", "no intent cue matched"),
    # the classic screening questions (taxonomy tie-break 15); a cue inside a
    # longer cue of another intent gives way to it
    ("How do you handle stress?", "background", "how do you handle stress"),
    ("How do you deal with conflict on a team?", "background", "how do you deal with conflict"),
    ("How do you handle null values in a join?", "technical", "how do you handle"),
    (
        "How do you handle someone who's a good worker but is late a lot?",
        "background",
        "how do you handle someone",
    ),
    (
        "How do you handle a full caseload when someone calls in sick?",
        "background",
        "how do you handle a full caseload",
    ),
    ("What would your last manager say about you?", "opinion", "what would your last manager"),
    ("What would your schema look like?", "problem_solving", "what would your"),
    ("What are your greatest strengths?", "opinion", "greatest strengths"),
    ("What makes you unique?", "opinion", "makes you unique"),
    ("What do you know about our company?", "motivation", "do you know about our"),
    ("Do you know what a foreign key is?", "technical", "do you know"),
    ("What are your career goals?", "motivation", "career goals"),
    ("What are you passionate about?", "motivation", "passionate about"),
    ("What is your ideal work environment?", "motivation", "your ideal work"),
    ("What do you like to do outside of work?", "small_talk", "do you like to do outside"),
    ("Do you like working with customers?", "opinion", "do you like"),
    ("What did you learn from that experience?", "follow_up", "what did you learn from that"),
    ("What did you learn in your first year?", "behavioral", "what did you learn"),
    ("How did you hear about this position?", "background", "how did you hear about"),
    ("Can you explain what you mean by that?", "clarification", "what you mean"),
    ("What is your biggest accomplishment?", "behavioral", "biggest accomplishment"),
    # ability to work, not whether the channel works
    ("Are you able to work weekends and holidays?", "background", "no intent cue matched"),
    ("Write me a query that returns the top three earners.", "technical", "write me a query"),
    # a hypothetical asks for no past episode, whatever "a patient who" says
    (
        "How would you handle a patient who refuses their meds?",
        "situational",
        "how would you handle",
    ),
    ("Tell me about a patient who refused their meds.", "behavioral", "a patient who"),
    ("What's an area you're still working on?", "opinion", "what's an area"),
    ("Would you say you're more of a big-picture person?", "opinion", "would you say you're"),
    (
        "If I called your supervisor, what would she tell me about you?",
        "opinion",
        "would she tell me about you",
    ),
    (
        "What do you think is the biggest challenge facing restaurants?",
        "opinion",
        "what do you think",
    ),
    ("What's another time you had to do that?", "behavioral", "another time you"),
    (
        "Walk me through what you'd do if your drawer came up short.",
        "situational",
        "what you'd do if",
    ),
    ("I'm curious how you'd structure the database.", "problem_solving", "how you'd structure"),
    ("How would you dig into that?", "problem_solving", "how would you dig into"),
    ("Where are you calling in from today?", "small_talk", "where are you calling"),
    ("Tell me why you want to teach middle school.", "motivation", "why you want"),
    # "why" inside a clause already going is embedded, not the ask
    (
        "Walk me through how you'd figure out why sales dropped last quarter.",
        "problem_solving",
        "walk me through how you'd",
    ),
    ("So why sales?", "motivation", "why sales"),
    ("Why consulting?", "motivation", "why consulting"),
    # the bare infinitive asks the same as "why are you leaving"
    ("Why leave the classroom?", "motivation", "why leave"),
    # an opener is part of the question: its cue counts
    ("looking back would you do anything differently", "follow_up", "looking back"),
    # not read as questions at all: a request opening "Let's start with you
    # telling me", a role-play set at once; small talk taken for background
    ("Let's start with you telling me a bit about yourself.", "background", "about yourself"),
    ("Sell me this pen.", "situational", "sell me"),
    ("How's your Friday?", "small_talk", "how's your friday"),
    ("Was the drive okay?", "small_talk", "was the drive"),
    # how the candidate goes about a kind of moment, as a rule: the "it" points
    # ahead (it was a follow-up of the answer before), the person no system
    (
        "How do you handle it when you don't know the answer?",
        "background",
        "how do you handle it when",
    ),
    (
        "How do you handle a family member who's angry at you?",
        "background",
        "how do you handle a family member",
    ),
    # the candidate's tools and measures as they are or were, not a task set
    ("What tools are you most comfortable with?", "background", "tools are you most comfortable"),
    ("What metrics were you measured on?", "background", "what metrics were you"),
    ("What metrics would you track?", "problem_solving", "what metrics"),
    # an example of what the answer just said
    ("Sorry, can you give me a specific example of that?", "follow_up", "example of that"),
    # one episode named with a word or two before its noun
    ("Tell me about a product decision you made.", "behavioral", "a product decision you"),
    ("Describe a risky launch that went badly.", "behavioral", "a risky launch that"),
    ("Tell me about a lot of change that you've seen.", "background", NO_INTENT_CUE),
    # ... or told by how it ended
    ("Tell me about a product you launched that failed.", "behavioral", "that failed"),
    ("tell me about a feature that didn't work", "behavioral", "that didn't work"),
]


@pytest.mark.parametrize(("sentence", "intent", "cue"), INTENTS)
def test_intent_and_cue(sentence: str, intent: str, cue: str) -> None:
    question = only_question(sentence)
    assert (question.intent, question.intent_cue) == (intent, cue)


def test_an_it_that_points_ahead_at_a_when_clause_is_no_follow_up() -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about your current role.\n"
        "Candidate: I run the front desk at a clinic.\n"
        "Interviewer: How did you handle it when the client pushed back?\n"
        "Candidate: I stayed calm and offered the next slot.\n"
    )
    assert [(q.intent, q.intent_cue) for q in analysis.questions][-1] == (
        "behavioral",
        "how did you handle",
    )


@pytest.mark.parametrize(
    ("exchanges", "intents"),
    [
        # "product" came up in the answer: the new story was read as a follow-up
        ("Interviewer: What brings you to this role?\n"
         "Candidate: I've been a product manager for three years at an invoicing startup.\n"
         "Interviewer: Tell me about a product decision you made that turned out to be wrong.\n"
         "Candidate: Last year I pushed for a bank verification step.\n",
         ["motivation", "behavioral"]),
        # "current job" was asked about before: read as asking it again, the
        # reason for leaving took the background intent of the first question
        ("Interviewer: Can you tell me about your current job?\n"
         "Candidate: I'm a backend engineer at a logistics startup.\n"
         "Interviewer: Why are you leaving your current job?\n"
         "Candidate: The company is shrinking.\n",
         ["background", "motivation"]),
    ],
)  # fmt: skip
def test_a_new_ask_on_words_said_before_keeps_its_own_intent(
    exchanges: str, intents: list[str]
) -> None:
    assert [q.intent for q in analysis_of(exchanges).questions] == intents


def test_a_question_that_repeats_the_answers_own_words_follows_it_up() -> None:
    # "customer" came up before the answer, so no term of the question was
    # the answer's own: the question was background
    analysis = analysis_of(
        "Interviewer: Where did you start?\n"
        "Candidate: In support, working out why customers struggled.\n"
        "Interviewer: Tell me about a product decision you made that turned out to be wrong.\n"
        "Candidate: Completion dropped, so I pulled the funnel and called eight customers who "
        "dropped off.\n"
        "Interviewer: How did you decide to call eight customers and not, say, run a survey?\n"
        "Candidate: Speed. A survey takes two weeks.\n"
    )
    last = analysis.questions[-1]
    assert (last.intent, last.intent_cue) == (
        "follow_up",
        "picks up 'call eight customers' from the answer just given",
    )


def test_a_question_picking_up_the_answer_in_a_design_exercise_is_part_of_it() -> None:
    analysis = analysis_of(
        "Interviewer: How would you store the impression events?\n"
        "Candidate: We'd keep the raw data in Kafka for a week and aggregate it hourly.\n"
        "Interviewer: Does the raw data stay raw?\n"
        "Candidate: Yes, we never rewrite it.\n"
    )
    first, second = analysis.questions
    assert (first.intent, second.intent) == ("problem_solving", "problem_solving")
    assert second.intent_cue == (
        "part of the problem being worked through (picks up 'raw' from the answer just given)"
    )


def test_short_question_right_after_an_answer_is_a_follow_up() -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about your last project.\n"
        "Candidate: I rebuilt our billing service in Go.\n"
        "Interviewer: Why Go?\n"
        "Candidate: Speed.\n"
    )
    follow_up = analysis.questions[1]
    assert (follow_up.text, follow_up.intent) == ("Why Go?", "follow_up")
    assert follow_up.intent_cue == "short question right after an answer, referring back (why)"


def test_short_question_on_a_new_topic_is_not_a_follow_up() -> None:
    """It takes its intent from its own words instead."""
    analysis = analysis_of(
        "Interviewer: Tell me about your last project.\n"
        "Candidate: I rebuilt our billing service in Go.\n"
        "Interviewer: Are you interviewing with other companies?\n"
        "Candidate: Not right now.\n"
    )
    question = analysis.questions[1]
    assert (question.intent, question.intent_cue) == ("background", "are you interviewing")


@pytest.mark.parametrize(
    "question",
    [
        "So to start, can you tell me what you do today?",
        "Okay, moving on, why did you leave your last job?",
        "And switching gears, what do you do on weekends?",
    ],
)
def test_a_question_that_opens_a_new_topic_points_back_at_nothing(question: str) -> None:
    # "so" and "why" read as pointing back at the small talk before them: a
    # phone screen's first real question was a follow-up
    analysis = analysis_of(
        "Interviewer: Do you still have twenty minutes?\n"
        "Candidate: Yes, I blocked out the half hour.\n"
        f"Interviewer: {question}\n"
        "Candidate: I manage forty accounts at a scheduling company.\n"
    )
    assert analysis.questions[1].intent != "follow_up"
    assert "referring back" not in analysis.questions[1].intent_cue


def test_a_question_naming_what_the_answer_brought_up_is_a_follow_up() -> None:
    """ "Role-play" is first said in the answer, so the question about it could
    not be asked without that answer; "manager" was the interviewer's own word
    before the answer repeated it, so asking about managers is not a follow-up."""
    analysis = analysis_of(
        "Interviewer: Tell me about a time you coached someone.\n"
        "Candidate: A new rep kept losing calls, so we did role-play every morning.\n"
        "Interviewer: What made role-play a better fit than having her shadow your calls?\n"
        "Candidate: She needed to practise out loud.\n"
        "Interviewer: What does a good manager do for a new hire?\n"
        "Candidate: A good manager makes time for them, like my first manager did.\n"
        "Interviewer: How often do managers here meet with their reports?\n"
        "Candidate: Weekly, I'd hope.\n"
    )
    assert [(q.intent, q.intent_cue) for q in analysis.questions[1:]] == [
        ("follow_up", "picks up 'role' from the answer just given"),
        ("background", "no intent cue matched"),
        ("background", "no intent cue matched"),
    ]


def test_usual_practice_is_background_even_after_the_answer_names_it() -> None:
    """ "How do you decide ...?" asks what the candidate does as a rule (the
    taxonomy's tie-break 4), though the story just said "decided"; "so that"
    joins a clause and points back at nothing."""
    analysis = analysis_of(
        "Interviewer: Tell me about a time your findings were not acted on.\n"
        "Candidate: The team decided to ship the old design anyway, and a survey later showed "
        "the same confusion.\n"
        "Interviewer: How do you decide between a qualitative study and a survey?\n"
        "Candidate: It depends on the question.\n"
        "Interviewer: How do you share findings so that people read them?\n"
        "Candidate: A one-page summary with a short video clip.\n"
        "Interviewer: What goes in the clip, mainly?\n"
        "Candidate: The deadline.\n"
    )
    assert [(q.intent, q.intent_cue) for q in analysis.questions[1:]] == [
        ("background", "no intent cue matched"),
        ("background", "no intent cue matched"),
        ("follow_up", "picks up 'clip' from the answer just given"),
    ]


def test_a_tag_question_confirming_what_the_answer_said_is_no_follow_up() -> None:
    """It checks a fact ("nights"), as a confirmation does, and does not dig
    into the answer."""
    analysis = analysis_of(
        "Interviewer: Tell me about your last unit.\n"
        "Candidate: I worked nights on a step-down unit at Mercy for two years.\n"
        "Interviewer: And you'd be open to nights here as well, correct?\n"
        "Candidate: Yes.\n"
    )
    question = analysis.questions[1]
    assert (question.form, question.intent) == ("tag", "background")


CANDIDATE_QUESTIONS = [
    pytest.param(
        "How would you design a rate limiter?",
        "Is this for a public API?",
        "clarification",
        "is this for",
        id="while answering, with a cue",
    ),
    pytest.param(
        "How would you design a rate limiter?",
        "Would a million requests a day be typical?",
        "clarification",
        "asked while answering a problem_solving question",
        id="while answering",
    ),
    pytest.param(
        "What would you change about yourself?",
        "Would a million requests a day be typical?",
        "clarification",
        "asked while answering an opinion question",
        id="while answering an opinion question",
    ),
    pytest.param(
        "How would you design a rate limiter?",
        "Can I assume the traffic is steady?",
        "clarification",
        "can i assume",
        id="clarification cue",
    ),
    pytest.param(
        "Do you have any questions for me?",
        "Yes. What does the team look like?",
        "reverse",
        "asked after the interviewer invited questions",
        id="about the role at the end",
    ),
    pytest.param(
        "Hi, how are you?",
        "Good, thanks. How about you?",
        "small_talk",
        "asked back during small talk",
        id="after small talk",
    ),
]


@pytest.mark.parametrize(("asked_first", "reply", "intent", "cue"), CANDIDATE_QUESTIONS)
def test_candidate_question_is_reverse_or_clarification(
    asked_first: str, reply: str, intent: str, cue: str
) -> None:
    analysis = analysis_of(f"Interviewer: {asked_first}\nCandidate: {reply}\n")
    (question,) = [q for q in analysis.questions if q.role == "candidate"]
    assert (question.intent, question.intent_cue) == (intent, cue)


def test_after_the_invitation_to_ask_the_candidate_asks_reverse_questions() -> None:
    """Even when the interviewer answers with a question of their own, and
    their "Anything else?" invites more of them."""
    analysis = analysis_of(
        "Interviewer: Do you have any questions for me?\n"
        "Candidate: What does on-call look like?\n"
        "Interviewer: Pretty calm. Have you done on-call before?\n"
        "Candidate: Yes, at my last job. What do you use for paging?\n"
        "Interviewer: PagerDuty. Anything else?\n"
        "Candidate: No, that's all.\n"
    )
    assert [(q.turn, q.intent, q.intent_cue) for q in analysis.questions] == [
        (0, "closing", "questions for me"),
        (1, "reverse", "asked after the interviewer invited questions"),
        (2, "background", "no intent cue matched"),
        (3, "reverse", "asked after the interviewer invited questions"),
        (4, "closing", "anything else (after inviting questions)"),
    ]


def test_the_invitation_to_ask_ends_the_exercise_being_worked_through() -> None:
    # a chatbot's "Would you like to try another round ...?" after the
    # candidate's questions was "part of the problem being worked through"
    analysis = analysis_of(
        "Interviewer: How would you find the customers who ordered in January but not in"
        " February?\n"
        "Candidate: A left join from January's orders to February's, keeping the nulls.\n"
        "Interviewer: Good. Do you have any questions for me?\n"
        "Candidate: How big is the analytics team?\n"
        "Interviewer: Six people. Would you like to try another round of practice?\n"
        "Candidate: Sure.\n"
    )
    assert [(q.turn, q.intent) for q in analysis.questions] == [
        (0, "problem_solving"),
        (2, "closing"),
        (3, "reverse"),
        (4, "background"),
    ]


def test_anything_else_before_the_invitation_is_no_closing() -> None:
    analysis = analysis_of(
        "Interviewer: What tools do you use for monitoring?\n"
        "Candidate: Grafana and Prometheus.\n"
        "Interviewer: Anything else?\n"
        "Candidate: Sentry for errors.\n"
    )
    assert analysis.questions[1].intent != "closing"


def test_new_conditions_inside_a_design_question_are_part_of_the_problem() -> None:
    analysis = analysis_of(
        "Interviewer: How would you design a rate limiter?\n"
        "Candidate: A token bucket per customer, kept in Redis.\n"
        "Interviewer: But then what if Redis goes down?\n"
        "Candidate: Fail open for a minute.\n"
        "Interviewer: Why a token bucket?\n"
        "Candidate: It allows bursts.\n"
        "Interviewer: So you'd keep the buckets in Redis?\n"
        "Candidate: Yes.\n"
        "Interviewer: If you had to cut the cost in half, where would you look first?\n"
        "Candidate: The replicas.\n"
    )
    assert [(q.intent, q.intent_cue) for q in analysis.questions] == [
        ("problem_solving", "how would you design"),
        ("problem_solving", "part of the problem being worked through (what if)"),
        ("follow_up", "short question right after an answer, referring back (why)"),
        ("clarification", "a statement put to the listener to confirm"),
        ("problem_solving", "part of the problem being worked through (if you had to)"),
    ]


def test_a_technical_cue_about_the_candidates_own_system_is_a_follow_up() -> None:
    """ "How does it ...?" right after the answer asks about what the candidate
    built; "How does Redis ...?" asks what they know; "How would you write
    that?" sets a task."""
    analysis = analysis_of(
        "Interviewer: Tell me about the pipeline you built.\n"
        "Candidate: A service that applies schema changes when they are safe.\n"
        "Interviewer: How does it decide what's safe?\n"
        "Candidate: Adding a nullable column is safe.\n"
        "Interviewer: How does Redis expire keys with a TTL?\n"
        "Candidate: Lazily, and with a sampling sweep.\n"
        "Interviewer: Here is a table of orders. How would you write that query?\n"
        "Candidate: With a window function.\n"
    )
    assert [(q.intent, q.intent_cue) for q in analysis.questions[1:]] == [
        ("follow_up", "how does ... it (about the answer just given)"),
        ("technical", "how does"),
        ("technical", "how would you write"),
    ]


def test_a_new_condition_outside_a_problem_keeps_its_own_intent() -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about your current role.\n"
        "Candidate: I run the data platform team.\n"
        "Interviewer: And what if your manager left?\n"
        "Candidate: I'd step up.\n"
    )
    assert analysis.questions[1].intent != "problem_solving"


def test_a_question_restated_with_like_keeps_the_intent_of_the_first() -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about a time you disagreed with your manager. "
        "Like, what was the disagreement actually about?\n"
        "Candidate: Release dates.\n"
    )
    first, restated = analysis.questions
    assert first.intent == restated.intent == "behavioral"
    assert restated.intent_cue == "restates the question before it (like)"


def test_a_candidate_turn_of_several_questions_asks_each_of_them() -> None:
    analysis = analysis_of(
        "Interviewer: I'd like you to design the ingestion pipeline.\n"
        "Candidate: So how do the devices send data? Like, are they talking HTTP to us, "
        "or MQTT? And are they always connected? Because trucks go through tunnels.\n"
        "Interviewer: MQTT, and no.\n"
    )
    assert [q.text for q in analysis.questions if q.role == "candidate"] == [
        "So how do the devices send data?",
        "Like, are they talking HTTP to us, or MQTT?",
        "And are they always connected?",
    ]


def _turns(*turns: tuple[str, str, str], confidence: float) -> Transcript:
    return Transcript(
        id=None,
        format="text",
        speakers=(Speaker("A", None, "interviewer"), Speaker("B", None, "candidate")),
        turns=tuple(
            Turn(i, speaker, role, text, confidence=confidence)  # type: ignore[arg-type]
            for i, (speaker, role, text) in enumerate(turns)
        ),
    )


@pytest.mark.parametrize(("confidence", "kept"), [(1.0, False), (0.8, True)])
def test_where_the_turns_were_inferred_a_question_inside_one_is_kept(
    confidence: float, kept: bool
) -> None:
    """Inside a turn the segmenter found, a question put to the listener is as
    likely the other speaker's, merged in, as rhetorical; one that asks the
    speaker themselves is still dropped."""
    transcript = _turns(
        ("A", "interviewer", "Tell me about the migration."),
        (
            "B",
            "candidate",
            "We moved it over a weekend. So what did I do first? I froze the schema. "
            "And how did it turn out for the team? It went well. The client was happy.",
        ),
        confidence=confidence,
    )
    asked = [q.text for q in analyze(transcript).questions if q.role == "candidate"]
    assert asked == (["And how did it turn out for the team?"] if kept else [])


def test_a_rhetorical_question_after_a_statement_is_still_dropped() -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about a hard bug.\n"
        "Candidate: The job ran for six hours. So what did I do? I killed it and reran "
        "the old query. Then I added an index.\n"
    )
    assert [q.role for q in analysis.questions] == ["interviewer"]


# ------------------------------------------------------------------- cue files


def _load_data(name: str) -> Any:
    return yaml.safe_load(resources.files("transcript_tool.data").joinpath(name).read_text("utf-8"))


def _non_strings(node: Any, path: str = "") -> list[str]:
    """Paths of every scalar below ``node`` that is not a string."""
    if isinstance(node, dict):
        return [p for key, value in node.items() for p in _non_strings(value, f"{path}/{key}")]
    if isinstance(node, list):
        return [p for i, value in enumerate(node) for p in _non_strings(value, f"{path}/{i}")]
    return [] if isinstance(node, str) else [f"{path} = {node!r}"]


def test_every_question_cue_is_a_string() -> None:
    """YAML 1.1 reads bare no/on/off/yes/true as booleans: every word a cue
    matches must still be a string."""
    cues = _load_data("questions.yaml")
    settings = re.compile(
        r"/(cue/\d+|marked|unmarked|clauses|yields|caption|check_in_slack|wh_window|wh_gap"
        r"|longest|longest_question|alternative_window|pleasantry_words|IS_PUNCT|IS_SENT_START"
        r"|unmarked_clauses)$"
    )
    assert [p for p in _non_strings(cues) if not settings.search(p.split(" = ")[0])] == []
    assert set(cues["intents"]) | set(cues["intent_patterns"]) <= set(QUESTION_INTENTS)


def test_the_shipped_cues_load() -> None:
    cues = load_cues()
    assert cues.forms and cues.vetoes and cues.check_ins


def test_a_pattern_on_an_attribute_the_pipeline_does_not_set_is_refused() -> None:
    text = resources.files("transcript_tool.data").joinpath("questions.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    raw["forms"][0]["patterns"].append([{"POS": "VERB"}])
    with pytest.raises(ValueError, match=r"forms/0/patterns/\d+: attribute\(s\) \['POS'\]"):
        load_cues(yaml.safe_dump(raw))


@pytest.mark.parametrize(
    ("section", "value", "message"),
    [
        (
            "relaxed_intents",
            ["behavioural"],
            r"relaxed_intents: unknown intent\(s\) \['behavioural'\]",
        ),
        ("answer_types", {"when": "date"}, r"answer_types: \['date'\] is not time or number"),
    ],
)
def test_a_misspelt_answer_check_setting_is_refused(
    section: str, value: object, message: str
) -> None:
    text = resources.files("transcript_tool.data").joinpath("questions.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    raw[section] = value
    with pytest.raises(ValueError, match=message):
        load_cues(yaml.safe_dump(raw))


@pytest.mark.parametrize(
    ("patterns", "message"),
    [
        ({"situationnal": []}, r"intent_patterns: unknown intent\(s\) \['situationnal'\]"),
        (
            {"situational": [[{"NORM": "say"}, {"POS": "PRON"}]]},
            r"intent_patterns/situational/0: attribute\(s\) \['POS'\]",
        ),
    ],
)
def test_a_wrong_intent_pattern_is_refused(patterns: object, message: str) -> None:
    text = resources.files("transcript_tool.data").joinpath("questions.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    raw["intent_patterns"] = patterns
    with pytest.raises(ValueError, match=message):
        load_cues(yaml.safe_dump(raw))


_BOOLEAN_ATTRS = {"IS_PUNCT", "IS_SENT_START", "LIKE_NUM", "IS_DIGIT"}


def _marker_non_strings(entry: dict[str, Any], number: int) -> list[str]:
    where = f"entry {number}"
    found = _non_strings(
        {
            "kind": entry["kind"],
            "label": entry["label"],
            "phrases": entry.get("phrases", []),
            "unless": entry.get("unless", []),
        },
        where,
    )
    for i, item in enumerate(entry.get("patterns", [])):
        for j, token in enumerate(item["pattern"]):
            for attr, value in token.items():
                if attr.upper() in _BOOLEAN_ATTRS:
                    if not isinstance(value, bool):
                        found.append(f"{where}/patterns/{i}/{j}/{attr} = {value!r}")
                else:
                    found += _non_strings(value, f"{where}/patterns/{i}/{j}/{attr}")
    return found


def test_every_marker_phrase_and_token_value_is_a_string() -> None:
    entries = _load_data("markers.yaml")
    problems = [
        p for number, entry in enumerate(entries) for p in _marker_non_strings(entry, number)
    ]
    assert problems == []


def test_intent_cues_name_only_intents_of_the_taxonomy() -> None:
    raw = yaml.safe_load(
        resources.files("transcript_tool.data").joinpath("questions.yaml").read_text("utf-8")
    )
    assert set(raw["intents"]) <= set(QUESTION_INTENTS)


# --------------------------------------------- embedded, quoted, backchannels

MORE_FORMS = [
    ("I'm curious if there's anything you'd change.", "yes_no", "I'm curious if"),
    ("I was wondering how you chose the threshold.", "wh", "I was wondering how"),
    ("I just wondered if you were going to tour mostly.", "yes_no", "I just wondered if"),
    ("I'm interested in how you chose the threshold.", "wh", "I'm interested in how"),
    ("I'd love to hear about your last launch.", "imperative", "I'd love to hear about"),
    ("Before we jump in, have you worked in ad tech?", "yes_no", "have you"),
    ("Out of curiosity, what's pulling you toward ad tech?", "wh", "what"),
    ("I'd like you to design the ingestion pipeline.", "imperative", "I'd like you to design"),
    ("And that's before replication, isn't it?", "tag", "isn't it"),
    ("Give me an example of a tradeoff you made.", "imperative", "Give me an example"),
    # an indirect question to the listener
    ("I don't know if you've seen the new dashboard.", "yes_no", "I don't know if you've"),
    ("Give me some background on the team.", "imperative", "Give me some background"),
    # asked for the wh: a "yes" alone answers nothing
    ("Do you know what 6103 indicates?", "wh", "Do you know what"),
    ("Do you remember how long the migration took?", "wh", "Do you remember how"),
    ("Do you know if the team uses Kafka?", "yes_no", "Do you"),
    ("Do you have any idea when the review will be done?", "wh", "Do you have any idea when"),
    ("Any idea how long the migration took?", "wh", "Any idea how"),
]


@pytest.mark.parametrize(("sentence", "form", "cue"), MORE_FORMS)
def test_embedded_and_lead_in_questions(sentence: str, form: str, cue: str) -> None:
    question = only_question(sentence)
    assert (question.form, question.form_cue) == (form, cue)


MORE_NOT_QUESTIONS = [
    # what was said or asked, quoted after "was" / "is"
    "Okay, first question I'd ask is, is it real?",
    # the talker's habit of asking or thinking, named (the data analyst sample)
    "Um, so for me the first question is always, who's actually opening it on a Monday morning?",
    "So the first thing I'd think is, what's the cost of being wrong here?",
    # a story told in the present quotes after any subject
    "It's just the first thing a prospect asks, like, what happened to the last guy?",
    "Then the product manager comes to you and says, can we show order status in real time?",
    'She asked me, "why now?"',
    "Really?",
    "Oh, is that right?",
    # asking to hear it again is a signal of not having heard, not a question
    "Pardon me?",
    "Sorry, come again?",
    "What?",
    "Oh, what?",
    "I beg your pardon?",
    "What did you say?",
    "Do what now?",
    "Oh, wouldn't it, wouldn't it though.",
    "The what?",
    "Um?",
    "Are you serious?",
    "Oh, do you really?",
    "Oh, yeah?",
    # time to think, not a request for an account
    "Give me a second to think about that.",
    "Give me a minute.",
    "I don't know if that's right.",
    "I don't know if you can ever test enough.",
    "What I'd change is the rollout.",
    "I'm not sure what happened.",
    "Have a great rest of your day.",
    "Which is, you know, a handful of shards.",
    "Which tells you how many bad ones were going up before.",
    # "See? That felt better.": the coach's, no question
    "See?",
    "Which shows you how far behind we were.",
]


@pytest.mark.parametrize(
    ("sentence", "form", "cue"),
    [
        ("Tobias, any last thoughts for your classmates?", "yes_no", "any"),
        ("Farah, anything you want to ask me, now that it's over?", "yes_no", "anything"),
        (
            "Mr. Reyes, tell me about a recent opinion you think was wrongly decided.",
            "imperative",
            "tell me",
        ),
        ("Chicago, right?", "tag", "right"),
    ],
)
def test_a_name_said_to_the_listener_before_the_question(
    sentence: str, form: str, cue: str
) -> None:
    (question,) = asked(sentence)
    assert (question.form, question.form_cue) == (form, cue)


def test_a_relative_clause_after_a_comma_is_no_wh_question() -> None:
    (said,) = asked(
        "I'll sync with Theo and with Nadia, who you're meeting, uh, tomorrow, I think?"
    )
    assert said.form == "declarative"  # what it asks is whether that is so
    (said,) = asked("I'll sync with Nadia. Actually, who are you meeting tomorrow?")
    assert (said.form, said.form_cue) == ("wh", "who")


def test_a_quotation_closed_after_the_question_mark_is_quoted_speech() -> None:
    said = asked(
        'Somebody asks, "hey, is that case coming up? Which way is it going?" What do you say?'
    )
    assert [q.text for q in said] == ["What do you say?"]
    assert len(asked('Did you read "Dune"?')) == 1  # the quotation closes before the "?"


def test_which_with_a_question_mark_or_a_noun_still_asks() -> None:
    assert len(asked("Which tells you what, exactly?")) == 1
    assert len(asked("Which one would you pick.")) == 1


@pytest.mark.parametrize("sentence", MORE_NOT_QUESTIONS)
def test_quoted_speech_backchannels_and_statements_are_not_questions(sentence: str) -> None:
    assert asked(sentence) == ()


def test_a_question_named_and_put_is_still_asked() -> None:
    assert len(asked("My question is, how would you scale it?")) == 1


def test_you_know_ending_an_answer_is_not_a_question() -> None:
    analysis = analysis_of(
        "Interviewer: Why did the launch slip?\n"
        "Candidate: The vendor was late. It was just a hard quarter, you know?\n"
    )
    assert [q.role for q in analysis.questions] == ["interviewer"]


@pytest.mark.parametrize(
    "check_in",
    [
        "Does that make sense?",
        "Does that high-level split make sense before I go deeper?",
        "Can you see my screen?",
        "Okay?",
        "Does that answer your question?",
        "Sound okay?",
        "Does that sound about right to you?",
        "Is the setup clear?",
        "Are you able to see the diagram?",
        # a plan put up for approval
        "Does that split seem reasonable?",
        "Does this approach sound okay?",
        "Does that sound like a reasonable plan?",
        # said short, after a description of the role, in the segmenter
        # interviews: small talk and a clarification
        "Sound okay so far?",
        "That make sense so far?",
        "That sound good?",
        # whether the question came across (an audit's nervous interviewer)
        "Sorry, was my question clear?",
        "Was that clear?",
    ],
)
def test_check_ins_are_kept_apart_with_their_cue(check_in: str) -> None:
    analysis = analysis_of(
        f"Interviewer: How would you design a rate limiter? {check_in}\n"
        "Candidate: With a token bucket.\n"
    )
    assert [q.text for q in analysis.questions] == ["How would you design a rate limiter?"]
    (found,) = analysis.check_ins
    assert (found.text, found.intent, found.turn) == (check_in, "check_in", 0)


@pytest.mark.parametrize(
    "leave",
    ["Can I follow up on that?", "Could I jump in?", "Do you mind if I follow up?"],
)
def test_asking_leave_to_ask_does_not_hold_the_answer_to_a_yes_or_no(leave: str) -> None:
    # the nurse panel's "Can I follow up on that? For the A-fib patient, ..." was
    # "partly answered: missing a clear yes or no"; it is a question of what it
    # announces (taxonomy tie-break 12), answered with the question it leads to
    analysis = analysis_of(
        "Interviewer: How would you triage them?\n"
        "Candidate: The A-fib patient first, then the post-cath check.\n"
        f"Interviewer: {leave} Who would you call first, the fellow or the hospitalist?\n"
        "Candidate: The cardiology fellow, since cardiology is the primary team.\n"
    )
    leave_question, called = analysis.questions[1:]
    assert (leave_question.text, leave_question.form_cue) == (leave, leave.rstrip("?"))
    assert (leave_question.answered, leave_question.missing) == ("yes", ())
    assert called.answered == "yes"
    assert analysis.check_ins == ()


def test_the_question_after_asking_leave_to_follow_up_is_a_follow_up() -> None:
    # the nurse panel's "For the A-fib patient, if he's stable, who would you
    # call first, ...?" had no intent cue and was background; the leave asked
    # before it says what it is (taxonomy tie-break 12)
    analysis = analysis_of(
        "Interviewer: Walk me through how you'd triage the four of them.\n"
        "Candidate: The post-cath check first, then the new admission.\n"
        "Interviewer: Can I follow up on that? For the A-fib patient, if he's stable, who "
        "would you call first, the cardiology fellow or the hospitalist?\n"
        "Candidate: The cardiology fellow, since cardiology is the primary team.\n"
        "Interviewer: Could I jump in? Why do you want nights?\n"
        "Candidate: I sleep better in the day.\n"
    )
    assert [(q.intent, q.intent_cue) for q in analysis.questions[1:]] == [
        ("follow_up", "follow up on that"),
        ("follow_up", 'announced by "Can I follow up on that"'),
        ("background", "no intent cue matched"),  # "Could I jump in?" announces no intent
        ("motivation", "why do you want"),  # its own cue stands
    ]


def test_a_topic_announced_before_the_question_is_no_question_of_its_own() -> None:
    # the WhisperX sample: "Let's talk about state." was a question whose
    # answer "did not take up" the word "state"
    analysis = analysis_of(
        "Interviewer: Good. Let's talk about state. When would you reach for a global "
        "store instead of component state?\n"
        "Candidate: Only when distant parts of the page need the same data.\n"
        "Interviewer: Let's talk about testing.\n"
        "Candidate: I write the tests first for anything with money in it.\n"
    )
    assert [(q.index, q.text) for q in analysis.questions] == [
        (0, "When would you reach for a global store instead of component state?"),
        (1, "Let's talk about testing."),  # the turn's only ask: a request
    ]
    assert [q.answer_turns for q in analysis.questions] == [(1,), (3,)]


def test_an_agenda_before_the_first_question_is_no_question_of_its_own() -> None:
    # the Rev sample: the agenda was "partly answered", its parts "missed"
    analysis = analysis_of(
        "Interviewer: I'd like to hear about how you plan studies, how you work with "
        "designers, and how you get findings used. To start, can you tell me about the "
        "study you're proudest of?\n"
        "Candidate: Last year I ran field visits at six clinics.\n"
    )
    assert [q.text for q in analysis.questions] == [
        "To start, can you tell me about the study you're proudest of?"
    ]


def test_asking_leave_that_ends_the_turn_is_a_follow_up_question() -> None:
    # the listener's "sure" answers it; the question comes in the next turn
    analysis = analysis_of(
        "Interviewer: Tell me about a time you led a team through a busy season.\n"
        "Candidate: Last December I ran the holiday floor crew and we hit every cutoff.\n"
        "Interviewer: Can I follow up on that real quick?\n"
        "Candidate: Sure.\n"
    )
    assert [(q.text, q.intent) for q in analysis.questions][1:] == [
        ("Can I follow up on that real quick?", "follow_up")
    ]
    assert analysis.check_ins == ()


def test_questions_without_punctuation_are_found_by_their_form() -> None:
    analysis = analysis_of(
        "Interviewer: okay great so tell me about a time you disagreed with your manager\n"
        "Candidate: yeah so last year we had a launch that slipped and i pushed back on the "
        "date because the tests were not ready\n"
        "Interviewer: and how did that go\n"
        "Candidate: it went fine in the end we moved the date by a week\n"
    )
    assert [(q.turn, q.form, q.intent) for q in analysis.questions] == [
        (0, "imperative", "behavioral"),
        (2, "wh", "follow_up"),
    ]


# ---------------------------------------------------------------------- re-asks


@pytest.mark.parametrize(
    ("turns", "cue"),
    [
        (
            "Interviewer: Where would you store the impression counts?\n"
            "Candidate: I'd start with the API: a POST endpoint per impression.\n"
            "Interviewer: Let me pull you back: where do the counts actually live?\n"
            "Candidate: In Redis, keyed by listener and ad.\n",
            "let me pull you back",
        ),
        # saying what the question meant, after an answer that took it otherwise
        # (the 60-minute sample: the two questions share no focus term)
        (
            "Interviewer: Like, what actually went wrong with it in production?\n"
            "Candidate: We monitored consumer lag and had a runbook for restarts.\n"
            "Interviewer: Sure, but I mean more like, was there a time it actually broke on you?\n"
            "Candidate: Oh, yes. The replication slot filled the disk.\n",
            "i mean more",
        ),
    ],
)
def test_a_re_ask_in_other_words_points_at_the_first_question(turns: str, cue: str) -> None:
    first, again = analysis_of(turns).questions
    assert (again.reask_of, again.reask_cue) == (first.index, cue)


def test_a_re_ask_phrase_heard_as_a_sentence_of_its_own_leads_into_the_question() -> None:
    """The system design sample as a caption: the gap model heard "but let me
    pull you back" as a question of its own, which took the re-ask from the
    question it leads into."""
    analysis = analysis_of(
        "interviewer: how would you store the events and how would you expire them\n"
        "candidate: right so the api in front of it would be a load balancer\n"
        "interviewer: but let me pull you back where would the impression records actually"
        " live and what makes them go away after a day\n"
        "candidate: yeah sorry i went sideways there\n"
    )
    first, again = analysis.questions
    assert again.text.startswith("where would the impression records")
    assert (again.reask_of, again.reask_cue) == (first.index, "let me pull you back")


@pytest.mark.parametrize(
    "lead_in",
    [
        "Let me rephrase.",
        "Sorry, let me jump in for a sec, because we've got limited time.",
    ],
)
def test_a_re_ask_said_in_a_sentence_before_the_question_counts(lead_in: str) -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about a time something you built failed in production.\n"
        "Candidate: So the team was four people and we were moving hosting providers.\n"
        f"Interviewer: {lead_in} What did you personally do once you found out?\n"
        "Candidate: I killed the job and reran the old query.\n"
    )
    first, again = analysis.questions
    assert again.reask_of == first.index
    assert again.reask_cue is not None and again.reask_cue in lead_in.lower()
    # a re-ask keeps the intent of the question it asks again (taxonomy tie-break 10)
    assert (first.intent, again.intent) == ("behavioral", "behavioral")
    assert again.intent_cue == f"asks question 1 again ({again.reask_cue})"


PUSHED_BACK = (
    "Interviewer: What metrics would you track for a scheduling feature for clinics?\n"
    "Candidate: Well, I really like scheduling problems. At Fernway the calendar "
    "integration was a mess, and we ended up building a queue.\n"
    "Interviewer: {0}\n"
    "Candidate: Right, sorry. Weekly active clinics and the no-show rate.\n"
)


@pytest.mark.parametrize(
    ("again", "cue"),
    [
        ("Sure, but what would you measure?", "Sure, but"),
        ("That's fair, but which numbers would you look at?", "That's fair, but"),
        ("Okay, sure, but how would you know it worked?", "Okay, sure, but"),
        ("Do you have a number in mind, though, or a range?", "though"),
        ("Sure. Which numbers would you look at, though?", "though"),
    ],
)
def test_an_answer_pushed_back_on_at_once_is_asked_again(again: str, cue: str) -> None:
    # the two questions share no focus term and say no re-ask phrase: the
    # rambling answer counted as answering the first
    first, second = analysis_of(PUSHED_BACK.format(again)).questions
    assert (second.reask_of, second.reask_cue) == (first.index, cue)
    assert second.intent == first.intent


@pytest.mark.parametrize(
    "again",
    [
        "Sure. And what would you measure for the doctors?",  # no "but"
        "But what would you measure for the doctors?",  # no acknowledgement
        "Sure, but, um.",  # nothing asked
        "I like queues too. Sure, but what would you measure?",  # not where the turn opens
    ],
)
def test_no_pushback_without_an_acknowledgement_and_but_opening_the_turn(again: str) -> None:
    questions = analysis_of(PUSHED_BACK.format(again)).questions
    assert [q.reask_of for q in questions] == [None] * len(questions)


def test_a_pushback_re_asks_only_the_question_the_answer_just_gave_an_answer_to() -> None:
    # the interviewer's last question was two exchanges back: "though" probes
    # what the candidate just said, it asks nothing again
    analysis = analysis_of(
        "Interviewer: How would you monitor the payment service?\n"
        "Candidate: I'd define SLIs for the authorization path first.\n"
        "Interviewer: Mm-hmm.\n"
        "Candidate: And alert when the approval rate drops sharply in five minutes.\n"
        "Interviewer: How would you set the threshold on that, though?\n"
        "Candidate: Against a baseline for the same hour last week.\n"
    )
    assert [q.reask_of for q in analysis.questions] == [None, None]


def test_a_pushback_by_the_candidate_or_after_another_interviewer_is_no_re_ask() -> None:
    analysis = analysis_of(
        "Interviewer 1: What metrics would you track for a scheduling feature?\n"
        "Candidate: Okay, but how many clinics are we talking about?\n"
        "Interviewer 2: About two hundred, mostly dental.\n"
        "Interviewer 1: Okay, but how would you prioritise among them?\n"
        "Candidate: Bookings first.\n"
    )
    assert [(q.role, q.turn, q.reask_of) for q in analysis.questions] == [
        ("interviewer", 0, None),
        ("candidate", 1, None),
        ("interviewer", 3, None),
    ]


def test_a_re_ask_cue_does_not_carry_into_the_next_turn() -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about a time something you built failed in production.\n"
        "Candidate: So the team was four people and we were moving hosting providers.\n"
        "Interviewer: Let me rephrase.\n"
        "Candidate: Sure.\n"
        "Interviewer: What is your favourite database?\n"
        "Candidate: Postgres.\n"
    )
    assert [q.reask_of for q in analysis.questions] == [None, None]


def test_a_re_ask_by_repeating_the_question_is_recognised() -> None:
    analysis = analysis_of(
        "Interviewer: How would you detect fraudulent transactions in real time?\n"
        "Candidate: Fraud is a big problem for every payments company.\n"
        "Interviewer: Sure, but how would you detect fraudulent transactions as they happen?\n"
        "Candidate: A model scoring each transaction before approval.\n"
    )
    first, again = analysis.questions
    assert again.reask_of == first.index
    assert again.reask_cue == "asks again about detect, fraudulent, transaction"


def test_a_re_ask_of_one_part_of_a_compound_question_is_recognised() -> None:
    """The 60-minute sample: the answer told what broke, and the interviewer
    asks the other half again, in fewer words."""
    analysis = analysis_of(
        "Interviewer: So what actually broke with the job, and what did you personally do"
        " once you found out?\n"
        "Candidate: The nightly export ran out of memory and the dashboards went stale.\n"
        "Interviewer: Okay. And what did you do?\n"
        "Candidate: I split the export into batches and reran it.\n"
    )
    first, again = analysis.questions
    assert len(first.parts) == 2
    assert again.reask_of == first.index
    assert again.reask_cue == 'repeats "what did you personally do once you found out"'
    assert again.intent == first.intent


def test_a_compound_of_two_questions_of_their_own_splits_though_one_has_no_focus_term() -> None:
    # "What did you do" names nothing an answer must repeat: the question was
    # one part, so its second half asked again was no re-ask
    analysis = analysis_of(
        "Interviewer: What did you do, and what would you do differently?\n"
        "Candidate: I let him finish, apologized, and refunded the second charge that day.\n"
        "Interviewer: Good. And what would you do differently?\n"
        "Candidate: I'd give him a direct callback number.\n"
    )
    first, again = analysis.questions
    assert first.parts == ("What did you do", "what would you do differently?")
    assert (again.reask_of, again.reask_cue) == (
        first.index,
        'repeats "what would you do differently"',
    )


@pytest.mark.parametrize(
    "turns",
    [
        # a short question after a story, where nothing compound was asked
        "Interviewer: Tell me about a time a release went wrong.\n"
        "Candidate: Our payment job double-charged forty customers one night.\n"
        "Interviewer: And what did you do?\n"
        "Candidate: I refunded them and added an idempotency key.\n",
        # too short to say which part it repeats
        "Interviewer: What broke, and what did you do about it?\n"
        "Candidate: The export ran out of memory.\n"
        "Interviewer: And why?\n"
        "Candidate: The table had doubled.\n",
    ],
)
def test_a_short_question_is_no_re_ask_of_a_part(turns: str) -> None:
    assert [q.reask_of for q in analysis_of(turns).questions] == [None, None]


def test_a_question_on_terms_the_answer_just_used_is_not_a_re_ask() -> None:
    """The 60-minute sample: "Does the raw data stay raw?" picks up the
    candidate's "raw data", not the earlier question about raw data."""
    analysis = analysis_of(
        "Interviewer: So you're okay with duplicates sitting in the raw data for a while?\n"
        "Candidate: Yes, as long as the counts read from a deduped copy.\n"
        "Interviewer: How would you handle late readings?\n"
        "Candidate: We keep the raw data in Kafka for seven days, so a correction is a backfill.\n"
        "Interviewer: Okay. Does the raw data stay raw?\n"
        "Candidate: Yes, there's a raw layer and a cleaned layer.\n"
    )
    assert [q.reask_of for q in analysis.questions] == [None, None, None]


@pytest.mark.parametrize(
    ("first", "later"),
    [
        # each a re-ask in a segmenter interview's report ("the interviewer
        # asked this again later: the first answer missed it")
        ("You said Ashworth Calloway?", "Why Ashworth Calloway?"),
        ("So first, you're currently at Mercer Voss, is that right?",
         "Um, what's your notice period at Mercer Voss?"),
        ("And what's one-hot encoding?", "Would you one-hot encode the show ID in your ranker?"),
    ],
)  # fmt: skip
def test_a_closed_and_an_open_question_on_the_same_words_are_no_re_ask(
    first: str, later: str
) -> None:
    analysis = analysis_of(
        f"Interviewer: {first}\nCandidate: Yes, that's right.\n"
        "Interviewer: Tell me about your last project.\nCandidate: It was a pricing tool.\n"
        f"Interviewer: {later}\nCandidate: A few reasons.\n"
    )
    assert [q.reask_of for q in analysis.questions] == [None, None, None]
    # the same words asked the same way still re-ask
    again = analysis_of(
        f"Interviewer: {later}\nCandidate: Yes, that's right.\n"
        "Interviewer: Tell me about your last project.\nCandidate: It was a pricing tool.\n"
        f"Interviewer: {later}\nCandidate: A few reasons.\n"
    )
    assert [q.reask_of for q in again.questions] == [None, None, 0]


@pytest.mark.parametrize(
    ("first", "later"),
    [
        # a coach's reading of a customer-support screen: "asks question 1
        # again (asks again about current, job)", and the intent went with it
        ("Can you tell me about your current job?", "Why are you leaving your current job?"),
        ("What metrics were you measured on at your current job?",
         "So what made you start looking outside your current job?"),
        ("Tell me about the migration to Postgres.",
         "Can you tell me why you migrated to Postgres?"),
    ],
)  # fmt: skip
def test_asking_why_is_no_re_ask_of_asking_what(first: str, later: str) -> None:
    analysis = analysis_of(
        f"Interviewer: {first}\nCandidate: I run the support queue for a payments startup.\n"
        f"Interviewer: {later}\nCandidate: I want a bigger team.\n"
    )
    assert [q.reask_of for q in analysis.questions] == [None, None]
    # asked for the reason both times, it is asked again
    again = analysis_of(
        f"Interviewer: {later}\nCandidate: I run the support queue for a payments startup.\n"
        f"Interviewer: Sorry. {later}\nCandidate: I want a bigger team.\n"
    )
    assert [q.reask_of for q in again.questions] == [None, 0]


def test_a_new_question_on_a_new_topic_is_not_a_re_ask() -> None:
    analysis = analysis_of(
        "Interviewer: How would you detect fraud?\n"
        "Candidate: With a model.\n"
        "Interviewer: Why do you want to work here?\n"
        "Candidate: The mission.\n"
    )
    assert [q.reask_of for q in analysis.questions] == [None, None]


def test_a_re_ask_is_looked_for_among_the_last_200_questions() -> None:
    """The window that keeps a transcript of thousands of questions linear:
    a re-ask 199 questions later is found, 200 later it is not."""

    def reask_of_first(questions_between: int) -> int | None:
        lines = [
            "Interviewer: How would you detect fraudulent transactions in real time?",
            "Candidate: With a model.",
        ]
        for i in range(questions_between):
            lines += [f"Interviewer: What did you name version {i}?", f"Candidate: V{i}."]
        # (no "Sure, but": that pushes back on the question just answered)
        lines.append("Interviewer: So how would you detect fraudulent transactions?")
        questions = analysis_of("\n".join(lines) + "\n").questions
        assert len(questions) == questions_between + 2
        return questions[-1].reask_of

    assert reask_of_first(199) == 0
    assert reask_of_first(200) is None


@pytest.mark.parametrize(
    ("said", "questions"),
    [
        # a statement, then a request to confirm it: a yes/no question about the statement
        ("You led the migration yourself. Is that right?", [("Is that right?", "yes_no")]),
        ("So Lerner no longer reported to you. Is that correct?", [("Is that correct?", "yes_no")]),
        ("You moved teams in May. So is that right?", [("So is that right?", "yes_no")]),
        # said on its own (to the other party's news) it is a backchannel, not a question
        ("Is that right?", []),
        # ... and after a word that states nothing ("Uh-huh.", "Oh.", "Yes.")
        ("Uh-huh. Is that right?", []),
        ("Oh. Is that right?", []),
        # lowercase and unpunctuated: the caption model ends the statement
        # and hears "is that right" as asking
        ("you led the migration yourself is that right", [("is that right", "yes_no")]),
    ],
)
def test_is_that_right_after_a_statement_asks_for_confirmation(
    said: str, questions: list[tuple[str, str]]
) -> None:
    analysis = analysis_of(f"Interviewer: {said}\nCandidate: Yes, that's correct.\n")
    assert [(q.text, q.form) for q in analysis.questions] == questions
    for question in analysis.questions:
        assert (question.answered, question.direct) == ("yes", True)


# ------------------------------------------------------------------ misreadings


def test_one_is_a_is_a_statement() -> None:
    # "one", "next" ... followed by an auxiliary are the subject, not an opener
    assert asked("One is a hash map. Next is a queue.") == ()


def test_enumerating_opener_still_skipped_before_a_question() -> None:
    question = only_question("First, is there a budget?")
    assert (question.form, question.form_cue) == ("yes_no", "is there")


@pytest.mark.parametrize(
    ("text", "form", "cue"),
    [
        # hesitations as the MIT transcripts spell them: each was a statement
        # put to confirm, answered "without a yes or no"
        ("So uhh now why should we hire you?", "wh", "why"),
        ("So umm tell me a time when you demonstrated leadership?", "imperative", "tell me"),
        ("Mmhmm...Well why do you think you should get the job?", "wh", "why"),
        ("Hmmm, ummm, what would you change about yourself?", "wh", "what"),
    ],
)
def test_a_hesitation_however_spelled_is_skipped_before_a_question(
    text: str, form: str, cue: str
) -> None:
    question = only_question(text)
    assert (question.form, question.form_cue) == (form, cue)


def test_inverted_auxiliary_before_any_word_when_marked() -> None:
    question = only_question("Is cold calling dead?")
    assert (question.form, question.form_cue) == ("yes_no", "Is cold")


def test_right_after_own_statement_is_a_tag_question() -> None:
    analysis = analysis_of("Interviewer: You led the migration. Right?\nCandidate: Yes.\n")
    assert [(q.text, q.form, q.form_cue) for q in analysis.questions] == [
        ("Right?", "tag", "Right")
    ]
    assert analysis.check_ins == ()


def test_a_check_in_inside_a_caption_sentence_starts_its_own() -> None:
    analysis = analysis_of(
        "interviewer: how would you handle the cap store going down\n"
        "candidate: so for those you'd fail closed and pick a different ad am i going into"
        " too much detail here\n"
        "interviewer: no that's the right level keep going\n"
    )
    # (the gap model may end the sentence after "much")
    (check_in,) = analysis.check_ins
    assert check_in.text.startswith("am i going into too much")
    assert analysis.transcript.turns[check_in.turn].text.startswith("so for those")
    assert [q.text for q in analysis.questions] == ["how would you handle the cap store going down"]
    # a question of the candidate's own about where they stand is no check-in
    analysis = analysis_of(
        "Interviewer: Any questions for me?\nCandidate: Am I on the shortlist for the next round?\n"
    )
    assert [q.text for q in analysis.questions][-1] == "Am I on the shortlist for the next round?"


@pytest.mark.parametrize(
    "asked",
    [
        "How does that work?",
        "So how does that work?",
        "so how does that work",
        "okay and how does that work",
    ],
)
def test_how_does_that_work_asks_how_and_is_no_check_in(asked: str) -> None:
    """ "Does that work?" checks a plan with the listener; "How does that
    work?" asks for an explanation. The wh-word right before the check-in's
    words makes it a question (and a caption keeps it one sentence)."""
    analysis = analysis_of(
        "Interviewer: Tell me about the billing system.\n"
        "Candidate: We batch the charges every night and retry the failures at noon.\n"
        f"Interviewer: {asked}\n"
        "Candidate: A cron job reads the failed charges and replays them.\n"
    )
    assert [(q.text, q.form) for q in analysis.questions][-1] == (asked, "wh")
    assert analysis.check_ins == ()
    analysis = analysis_of(
        "Interviewer: We'd start you on Monday at eight. Does that work?\nCandidate: Yes.\n"
    )
    assert [q.text for q in analysis.check_ins] == ["Does that work?"]


@pytest.mark.parametrize(
    ("asked", "check_in"),
    [
        ("Are you ready to relocate?", False),
        ("Does that work with your notice period?", False),
        ("Are you ready to get started?", True),
        ("Are you ready for the next one?", True),
        ("Does that work for you?", True),
        ("Sorry, am I rambling a bit?", True),
        # a longer check-in goes on as it likes
        ("Is that the kind of example you were looking for?", True),
        # "can you hear the ..." checks the line only when a screen or a
        # document follows
        ("Can you hear the difference between a good and a bad pitch?", False),
        ("Can you see the screen okay?", True),
        # the listener's state, or a question about something else
        ("Is that okay with you?", True),
        ("Is that okay with your current employer?", False),
        # a bare check-in and its trailers
        ("Ready to go?", True),
    ],
)
def test_a_short_check_in_followed_by_other_words_asks_about_them(
    asked: str, check_in: bool
) -> None:
    """ "Are you ready" checks that the listener is; "Are you ready to
    relocate?" asks whether they would move."""
    analysis = analysis_of(
        f"Candidate: I've been in Denver for six years.\nInterviewer: {asked}\nCandidate: Yes.\n"
    )
    assert [q.text for q in analysis.check_ins] == ([asked] if check_in else [])
    assert [q.text for q in analysis.questions] == ([] if check_in else [asked])


@pytest.mark.parametrize(
    "task",
    [
        "Design a meeting room booking system for our office.",
        "Estimate the number of piano tuners in Chicago.",
        "Implement a function that merges two sorted lists.",
    ],
)
def test_a_task_set_without_a_question_mark_is_asked(task: str) -> None:
    # the raw-caption audit: the candidate's clarifying questions about the
    # task were "reverse" questions about the company, as nothing was asked
    analysis = analysis_of(
        f"Interviewer: {task}\n"
        "Candidate: Sure. How many do you expect, roughly?\n"
        "Interviewer: Use your own estimate.\n"
        "Candidate: Okay. I'd start from the population.\n"
    )
    assert [(q.turn, q.form, q.intent) for q in analysis.questions] == [
        (0, "imperative", analysis.questions[0].intent),
        (1, "wh", "clarification"),
    ]
    assert analysis.questions[0].intent in ("problem_solving", "technical")
    # told as a story, the same verb asks nothing
    told = analysis_of(
        "Interviewer: What did you do last?\n"
        "Candidate: My manager said, design a new booking flow, so I did.\n"
    )
    assert [q.turn for q in told.questions] == [0]


@pytest.mark.parametrize(
    ("said", "check_in"),
    [
        # the interviewer's plan for the call, put for assent (an audit's agenda
        # turn was "one question at a time", praised)
        ("We'll do about forty minutes, and then you'll meet Carl, okay?", True),
        ("So I'll ask a few questions and then leave time for yours, alright?", True),
        ("Let's start with your background, sound good?", True),
        # a statement about the candidate, or no plan: still a question
        ("You worked on the backend, okay?", False),
        ("Our stack is mostly SQL, okay?", False),
        ("We'll need you on site three days a week?", False),
    ],
)
def test_a_plan_put_with_an_assent_tag_is_a_check_in(said: str, check_in: bool) -> None:
    analysis = analysis_of(f"Interviewer: {said}\nCandidate: Sounds good.\n")
    assert [q.text for q in analysis.check_ins] == ([said] if check_in else [])
    assert [q.text for q in analysis.questions] == ([] if check_in else [said])


def test_the_plan_for_the_call_ends_the_small_talk() -> None:
    analysis = analysis_of(
        "Interviewer: Did you find parking all right?\nCandidate: Yes, easily.\n"
        "Interviewer: Good. We'll do about forty minutes, and then you'll meet Carl, okay?\n"
        "Candidate: Sure.\n"
        "Interviewer: You've been at Ledgerly three years. You'd agree discovery matters most,"
        " right?\n"
        "Candidate: Yes.\n"
    )
    assert [(q.turn, q.intent) for q in analysis.questions] == [
        (0, "small_talk"),
        (4, "background"),
    ]


def test_right_alone_is_still_a_check_in() -> None:
    analysis = analysis_of("Interviewer: Right?\nCandidate: Yes.\n")
    assert analysis.questions == ()
    assert [q.text for q in analysis.check_ins] == ["Right?"]


APPEAL = "so how long does the whole appeal process take in your state"
LAUNCH = "so how did the launch go in the end"


@pytest.mark.parametrize(
    ("asked", "reply"),
    [
        # opening the turn: it acknowledges the other speaker
        (
            APPEAL,
            "right the first appeal is automatic so that delays it for a few years right off "
            "the bat",
        ),
        (APPEAL, "all right well i've enjoyed talking to you about the budget and the taxes"),
        # later in the turn: an acknowledgement or a filler
        (LAUNCH, "uh-huh right it turned out to be a much bigger event than any of us expected"),
        (
            LAUNCH,
            "yeah it went well right so we shipped on time and the team was really happy about it",
        ),
    ],
)
def test_right_in_a_caption_turn_that_goes_on_asks_nothing(asked: str, reply: str) -> None:
    # the caption model hears "right" (and "all right") as asking, but its speaker
    # goes on without waiting for an answer: no check-in, no question
    analysis = analysis_of(f"Interviewer: {asked}\nCandidate: {reply}\n")
    assert analysis.check_ins == ()
    assert [q for q in analysis.questions if q.turn == 1] == []


def test_sound_good_in_a_caption_turn_that_goes_on_is_still_a_check_in() -> None:
    # "sound good" never acknowledges ("sounds good" does): the interviewer
    # asks, and goes on when the candidate's answer is merged into the turn
    analysis = analysis_of(
        "Interviewer: and then we'll leave time for your questions sound good okay so tell me"
        " a bit about what you're doing right now\n"
        "Candidate: sure so i'm a data analyst on the claims team\n"
    )
    assert [q.text for q in analysis.check_ins] == ["sound good"]


def test_a_caption_sentence_trailing_off_with_you_know_asks_nothing() -> None:
    # heard as asking, but "you know" only trails off; with a "?" the
    # not_questions "you know" rule decides
    analysis = analysis_of(
        "Interviewer: so how did the launch go in the end\n"
        "Candidate: and i thought i don't understand this you know\n"
    )
    assert [q.text for q in analysis.questions] == ["so how did the launch go in the end"]


def test_a_caption_sentence_cut_off_mid_clause_asks_nothing() -> None:
    # in the bundled 60-minute caption the model hears "oh that's" and "thank
    # you that's" as asking; cut off before the rest of their clause, they ask nothing
    transcript = read_transcript(SAMPLES[0].parent / "mock-interview-raw-caption.txt")
    asked = [q.text for q in analyze(transcript).questions]
    assert "where are you based by the way i can see a lot of plants behind you" in asked
    assert not [text for text in asked if text.endswith("that's")]


def test_a_veto_for_unmarked_sentences_holds_where_only_the_caption_model_heard_asking() -> None:
    """An `unmarked: true` veto (here "when" and a pronoun: a wh-clause as
    subject) gives way to a "?" in the text, not to the caption model's
    hearing a question."""
    analysis = analysis_of(
        "Interviewer: we went camping a lot\n"
        "Candidate: and when i when i want to be you know\n"
        "Interviewer: oh nice\n"
    )
    assert [q for q in analysis.questions if q.turn == 1] == []


def test_a_fragment_the_caption_model_heard_as_asking_is_no_question() -> None:
    """The 60-minute caption's "and on the data platform team" ends where the
    model heard a question, before the question it fronts: with no clause it
    asks nothing of its own."""
    analysis = analysis_of(
        "Interviewer: got it that makes sense and on the data platform team what's your role "
        "exactly like are you the one designing things or more implementing\n"
        "Candidate: um both i'd say we're five engineers\n"
    )
    assert [q.text for q in analysis.questions] == [
        "what's your role exactly",
        "like are you the one designing things or more implementing",
    ]


def test_a_lone_filler_the_caption_model_heard_as_asking_is_no_question() -> None:
    """The caption model ends a sentence after this turn's first word and hears
    "now" as asking."""
    asking = "now how do you decide which accounts need your attention first"
    analysis = analysis_of(f"Interviewer: {asking}\nCandidate: i look at usage first\n")
    assert [q.text for q in analysis.questions] == [asking.removeprefix("now ")]


def test_an_answer_the_caption_model_heard_as_asking_is_no_question() -> None:
    """On the bundled raw caption the caption model hears "yeah you sound good"
    (the reply to the candidate's "can you hear me okay") as asking; a
    sentence that opens with an answer's "yeah"/"yes"/"no" and has no
    question form of its own answers, it does not ask."""
    caption = Path(__file__).parent.parent / "samples" / "mock-interview-raw-caption.txt"
    questions = analyze(read_transcript(caption)).questions
    assert "yeah you sound good" not in [q.text for q in questions]
    # as the labelled sample asks it ("Okay, so, tell me about yourself."):
    # the interviewer's pitch before it and "okay" are the interviewer's
    assert any(q.text == "okay so tell me about yourself" for q in questions)


CHECKED = "so you're okay with duplicates sitting in the raw data for a while"


@pytest.mark.parametrize(
    "reply", ["yeah as long as the counts read a deduped copy", "um not really", "sort of"]
)
def test_a_caption_statement_the_candidate_confirms_or_denies_is_a_declarative_question(
    reply: str,
) -> None:
    """A caption gives "So you're okay with duplicates ...?" no "?"; the reply
    that opens with a yes, a no or a qualified yes shows it asked."""
    analysis = analysis_of(f"Interviewer: okay that makes sense {CHECKED}\nCandidate: {reply}\n")
    assert [(q.text, q.form, q.intent) for q in analysis.questions] == [
        (CHECKED, "declarative", "clarification")
    ]
    assert analysis.questions[0].form_cue.startswith('(answered "')
    assert analysis.questions[0].answered != "no"


@pytest.mark.parametrize(
    ("turns", "why"),
    [
        (
            f"Interviewer: {CHECKED}\nCandidate: we keep seven days in kafka anyway\n",
            "the reply neither confirms nor denies",
        ),
        (
            "Interviewer: So you're okay with duplicates in the raw data for a while.\n"
            "Candidate: Yeah, as long as the counts read a deduped copy.\n",
            "punctuated text would have shown the question with a question mark",
        ),
        (
            f"Candidate: {CHECKED}\nInterviewer: yeah that's fine\n",
            "only the interviewer checks the candidate's answer this way",
        ),
        (
            "Interviewer: you know it gets messy when the clocks drift\nCandidate: yeah\n",
            "'you know' is a filler, not a statement about the listener",
        ),
        (
            f"Interviewer: {CHECKED} and then we can move on to the next part of the design "
            "whenever you are ready\nCandidate: yeah\n",
            "a long statement is not checked with a yes",
        ),
    ],
)
def test_a_statement_is_not_made_a_question_by_any_reply(turns: str, why: str) -> None:
    assert analysis_of(turns).questions == (), why


FOLLOW_UP = (
    "Interviewer: so what share of the new customers came back within thirty days\n"
    "Candidate: about forty two of them came back\n"
)


@pytest.mark.parametrize(
    "fragment", ["and the percentage", "okay and the null regions", "and if it is"]
)
def test_an_interviewer_caption_turn_of_and_and_a_fragment_asks(fragment: str) -> None:
    """Written, "And the percentage?" shows its "?"; a caption turn that is
    only "and" and a fragment asks for more all the same."""
    analysis = analysis_of(
        f"{FOLLOW_UP}Interviewer: {fragment}\nCandidate: um about twenty percent\n"
    )
    asked = [q for q in analysis.questions if q.turn == 2]
    assert [(q.text, q.form) for q in asked] == [(fragment, "declarative")]


def test_no_fragment_question_without_and_or_in_a_statement_or_written_down() -> None:
    for turn in ("the percentage", "and the rest is history", "And the percentage."):
        analysis = analysis_of(f"{FOLLOW_UP}Interviewer: {turn}\nCandidate: sure\n")
        assert [q.text for q in analysis.questions if q.turn == 2] == [], turn


def test_a_fragment_after_okay_and_asks_for_content_not_a_yes_or_no() -> None:
    # "this" would make it a clause were the "and" not read past the "okay"
    analysis = analysis_of(
        f"{FOLLOW_UP}Interviewer: Okay, and to stop this class of bug getting in at all?\n"
        "Candidate: Compiler warnings, mostly.\n"
    )
    asked = [q for q in analysis.questions if q.turn == 2]
    assert [q.direct for q in asked] == [None]


# ------------------------------------------- candidate questions inside long turns


def test_after_the_invitation_every_question_of_the_candidate_is_asked() -> None:
    analysis = analysis_of(
        "Interviewer: That's all I had. What questions do you have for me?\n"
        "Candidate: Yeah, a few, if that's okay. Um, first, how does on-call work for this "
        "team? Like, how often? I've been on teams where it was basically a second job. "
        "And who would I report to? And what are the next steps?\n"
    )
    assert [(q.text, q.intent) for q in analysis.questions if q.turn == 1] == [
        ("Um, first, how does on-call work for this team?", "reverse"),
        ("Like, how often?", "reverse"),
        ("And who would I report to?", "reverse"),
        ("And what are the next steps?", "reverse"),
    ]


def test_before_the_invitation_a_question_in_the_middle_of_an_answer_is_rhetorical() -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about a time you missed a deadline.\n"
        "Candidate: Sure. Our vendor slipped by two weeks. So what did I do? I rebuilt the "
        "schedule. Who would I call first? The client, always. We shipped a week late.\n"
    )
    assert [q.turn for q in analysis.questions] == [0]


def test_a_statement_in_the_second_half_inviting_questions_opens_the_reverse_section() -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about your last role.\n"
        "Candidate: I ran the front desk at a hotel for three years.\n"
        "Interviewer: Why are you looking to move?\n"
        "Candidate: I want to work somewhere bigger. I like busy places.\n"
        "Interviewer: Great. We've got some time left for your questions.\n"
        "Candidate: Thanks. I read you just moved to a new booking system. How's that going? "
        "I went through one at my last job and it was a lot.\n"
    )
    (question,) = [q for q in analysis.questions if q.turn == 5]
    assert (question.text, question.intent) == ("How's that going?", "reverse")


def test_leaving_time_for_questions_at_the_start_invites_nothing_yet() -> None:
    analysis = analysis_of(
        "Interviewer: I'll ask about your background and then leave time for your questions.\n"
        "Candidate: Sounds good.\n"
        "Interviewer: Tell me about a time a project went wrong.\n"
        "Candidate: Sure. Our vendor slipped. So what did I do? I rebuilt the schedule. "
        "It worked.\n"
        "Interviewer: What did you learn from that?\n"
        "Candidate: To plan for slips.\n"
    )
    assert [q.role for q in analysis.questions] == ["interviewer", "interviewer"]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # about the role, team or company: a reverse question (taxonomy tie-break 7)
        ("Is it a big team here on nights?", "reverse"),
        ("How does code review work on your team?", "reverse"),
        ("Your unit has a central monitor tech, right?", "reverse"),
        ("Do you guys do mostly residential?", "reverse"),
        # about the question or task: a clarification
        ("Is this for a public API?", "clarification"),
        ("Is your question about the data?", "clarification"),
        ("Quick question first, do you want both, or just three rows per region?", "clarification"),
    ],
)
def test_a_candidate_question_while_answering_is_reverse_when_about_the_company(
    question: str, intent: str
) -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about your experience.\n"
        f"Candidate: {question} I've done about three years of it.\n"
    )
    (found,) = [q for q in analysis.questions if q.turn == 1]
    assert found.intent == intent


def test_a_check_in_ending_a_caption_answer_starts_its_own_sentence() -> None:
    analysis = analysis_of(
        "interviewer: tell me about a patient who was hard to read\n"
        "candidate: so i sat with him for a bit and explained that telling us is part of his "
        "recovery and then i paged the resident is that the kind of example you wanted\n"
    )
    assert [q.text for q in analysis.check_ins] == ["is that the kind of example you wanted"]
    assert [q.turn for q in analysis.questions] == [0]


@pytest.mark.parametrize(
    "plan",
    [
        "Interviewer: We'd start you Monday at eight. How does that sound?\n",
        "interviewer: so we'd start you monday at eight how does that sound\n",
        "interviewer: so we'd start you monday at eight how's that sound\n",
    ],
)
def test_how_does_that_sound_after_a_plan_is_a_check_in(plan: str) -> None:
    """It asks the listener to agree, as "Does that work?" does, and a
    caption keeps "how" with it (the model hears "how" alone as a
    question)."""
    analysis = analysis_of(plan + "Candidate: That works for me.\n")
    assert analysis.questions == ()
    (check_in,) = analysis.check_ins
    assert check_in.text.lower().startswith("how")


def test_a_question_with_no_cue_after_a_setup_asks_about_the_case_set_up() -> None:
    analysis = analysis_of(
        "Interviewer: Okay, next one. Suppose a student keeps disrupting your class. "
        "What's your first move?\n"
        "Candidate: I'd talk to them one on one after class.\n"
    )
    (question,) = analysis.questions
    assert (question.text, question.intent) == ("What's your first move?", "situational")
    assert question.intent_cue == "suppose (in the setup before it)"


def test_a_setup_that_goes_on_for_a_sentence_still_sets_up_the_question() -> None:
    analysis = analysis_of(
        "Interviewer: Okay. Suppose you're in chambers, and you and your co-clerk disagree "
        "about how a case should come out. You're writing the bench memo. What do you do?\n"
        "Candidate: I'd write the memo as I see it and flag the disagreement.\n"
        "Interviewer: Suppose the judge asks for your view. That's a fair thing to ask. "
        "Why do you want to clerk? What do you do first?\n"
        "Candidate: I'd say so.\n"
    )
    cues = [(q.text, q.intent, q.intent_cue) for q in analysis.questions]
    assert cues[0] == ("What do you do?", "situational", "suppose (in the setup before it)")
    # a question between: the setup is spent on it
    assert cues[2][:2] == ("What do you do first?", "background")


CANDIDATE_ASKS_LATE = (
    "Interviewer: Tell me about your last role.\n"
    "Candidate: I ran the billing team at a small fintech for two years.\n"
    "Interviewer: Why are you leaving?\n"
    "Candidate: I want a smaller company again.\n"
    "Interviewer: That makes sense.\n"
    "Candidate: Can I ask, how do raises work here?\n"
)


def test_anything_else_after_answering_the_candidates_question_invites_more() -> None:
    analysis = analysis_of(
        CANDIDATE_ASKS_LATE + "Interviewer: Once a year, in March. Anything else?\n"
        "Candidate: Yes. What does on-call look like?\n"
        "Interviewer: One week in six.\n"
    )
    said = [(q.text, q.intent) for q in analysis.questions]
    assert ("Anything else?", "closing") in said
    assert said[-1] == ("What does on-call look like?", "reverse")


def test_an_interviewer_answering_the_candidate_asks_themselves_rhetorically() -> None:
    analysis = analysis_of(
        CANDIDATE_ASKS_LATE + "Interviewer: Ooh. Honestly? Once a year. It's not great. "
        "We're fixing it. You'd want quarterly?\n"
        "Candidate: Quarterly would be nice.\n"
    )
    said = [q.text for q in analysis.questions if q.role == "interviewer"]
    assert "Honestly?" not in said
    assert said[-1] == "You'd want quarterly?"  # the turn's last question is put to the listener


def test_a_bare_name_first_is_small_talk_and_a_bare_and_asks_to_go_on() -> None:
    analysis = analysis_of(
        "Interviewer: There she is. Denise? Can you hear me?\n"
        "Candidate: Hi, yes, I can hear you.\n"
        "Interviewer: Where would you commute from? Bradford?\n"
        "Candidate: Yes, Bradford. It's forty minutes by train.\n"
        "Interviewer: And?\n"
        "Candidate: And I don't drive, so it has to be near a station.\n"
    )
    said = [(q.text, q.intent) for q in analysis.questions]
    assert said[0] == ("Denise?", "small_talk")
    assert ("Bradford?", "clarification") in said  # a name later is put to confirm
    assert said[-1] == ("And?", "follow_up")


def test_you_know_what_i_mean_is_a_filler_not_a_check_in() -> None:
    # taxonomy: "you know?", "you know what I mean?" end a point; they ask nothing
    analysis = analysis_of(
        "Interviewer: Describe your classroom management style.\n"
        "Candidate: I walk around rather than calling kids out. Nobody learns anything when "
        "they're embarrassed. You know what I mean? I'd rather have a quiet word at the door.\n"
    )
    assert (analysis.check_ins, [q.turn for q in analysis.questions]) == ((), [0])


def test_i_was_wondering_in_the_middle_of_a_turn_asks_the_listener() -> None:
    analysis = analysis_of(
        "Interviewer: Tell me about your last team.\n"
        "Candidate: Sure. We were a central team of four. Um, so I was wondering how the data "
        "team is set up here, like, are analysts embedded in product teams? I've done both and "
        "they're really different. Anyway, that was my last team.\n"
    )
    assert [q.text for q in analysis.questions if q.turn == 1] == [
        "Um, so I was wondering how the data team is set up here, like, are analysts embedded "
        "in product teams?"
    ]
    # musing about people in general, or a past wondering, is no question
    analysis = analysis_of(
        "Interviewer: Tell me about your last team.\n"
        "Candidate: Sure. I wondered why the numbers jumped, because volume was flat? "
        "It was a tagging bug. We fixed it.\n"
    )
    assert [q.turn for q in analysis.questions] == [0]


def test_a_background_cue_after_a_setup_asks_about_the_case() -> None:
    analysis = analysis_of(
        "Interviewer: Say a customer asks you something about a product and you don't know "
        "the answer. What do you do?\n"
        "Candidate: I'd say I'll find out, and then I'd ask my manager.\n"
    )
    (question,) = analysis.questions
    assert (question.intent, question.intent_cue) == (
        "situational",
        "say a customer (in the setup before it)",
    )


@pytest.mark.parametrize(
    ("setup", "cue"),
    [
        ("Say it's four p.m. and you notice last week's data looks off.", "say it's"),
        ("Okay, say one Monday the errors queue triples.", "okay, say one monday"),
        ("Say an architect wants a fifty-foot run of glass on the south wall.", "say an architect"),
        ("Say the nurse on nights calls in sick.", "say the nurse"),
    ],
)
def test_a_sentence_opening_with_say_sets_up_a_case(setup: str, cue: str) -> None:
    """The imperative "say" and the case it supposes set up the question after
    it, as "suppose" does ("What do you do?" alone asks about a job)."""
    analysis = analysis_of(
        f"Interviewer: Thanks. A situational one now. {setup} What do you do?\n"
        "Candidate: I'd flag it right away and check the load first.\n"
    )
    (question,) = analysis.questions
    assert (question.intent, question.intent_cue) == (
        "situational",
        f"{cue} (in the setup before it)",
    )


@pytest.mark.parametrize(
    "said",
    [
        "Say that again, the part about the queue.",
        "Say more about the queue.",
        "Say a few words about your team.",
        "Say it louder for the people in the back.",
        "I'd say it's the hardest part.",
    ],
)
def test_say_that_supposes_nothing_sets_up_no_case(said: str) -> None:
    analysis = analysis_of(
        f"Interviewer: Okay. {said} What do you do?\nCandidate: I'm a data analyst.\n"
    )
    question = analysis.questions[-1]  # "Say more about the queue." is a request
    assert (question.text, question.intent) == ("What do you do?", "background")


def test_say_it_in_a_question_is_no_case_set_up() -> None:
    """A phrase "say it's" would have made this a situational question."""
    analysis = analysis_of(
        "Interviewer: Would you say it's fair to call you a perfectionist?\n"
        "Candidate: A little, yes.\n"
    )
    (question,) = analysis.questions
    assert question.intent != "situational"


def test_how_do_you_handle_that_after_a_setup_asks_about_the_case_not_the_answer() -> None:
    """The "that" points at the case just set up, not at the candidate's last answer."""
    analysis = analysis_of(
        "Interviewer: What got you into clinical pharmacy?\n"
        "Candidate: My grandmother's medications, honestly, she was on eleven of them.\n"
        "Interviewer: Okay. Say you go to the doctor, and the doctor says the dose is fine "
        "and refuses to change it. How do you handle that?\n"
        "Candidate: I'd document my concern and escalate to the pharmacy lead.\n"
    )
    question = analysis.questions[-1]
    assert (question.intent, question.intent_cue) == (
        "situational",
        "say you go (in the setup before it)",
    )
    # a follow-up cue of its own still decides
    analysis = analysis_of(
        "Interviewer: What got you into clinical pharmacy?\n"
        "Candidate: My grandmother's medications, honestly, she was on eleven of them.\n"
        "Interviewer: Say you go to the doctor about it. Can you say more?\n"
        "Candidate: Sure.\n"
    )
    assert analysis.questions[-1].intent == "follow_up"


OPENING = (
    "Interviewer: Hi, is this Dev?\n"
    "Candidate: Yes, hi!\n"
    "Interviewer: How's your week going?\n"
    "Candidate: Good, busy. How about yours?\n"
)


@pytest.mark.parametrize(
    ("asked", "intent"),
    [
        # opening logistics and rapport go on (taxonomy: small_talk)
        ("Good. And you're out in Denver, right?", "small_talk"),
        ("Good. Do you have about fifteen minutes for a quick phone screen?", "small_talk"),
        # a fact about the candidate's work, by its cue
        ("Good. So first, you're currently at Mercer Voss, is that right?", "background"),
        ("Good. Before we jump in, have you worked on anything in ad tech?", "background"),
    ],
)
def test_a_yes_or_no_with_no_cue_during_small_talk_is_small_talk(asked: str, intent: str) -> None:
    analysis = analysis_of(f"{OPENING}Interviewer: {asked}\nCandidate: Yes.\n")
    last = [q for q in analysis.questions if q.role == "interviewer"][-1]
    assert (last.text, last.intent) == (asked.removeprefix("Good. "), intent)


def test_a_yes_or_no_after_the_interview_began_is_not_small_talk() -> None:
    analysis = analysis_of(
        f"{OPENING}Interviewer: Good. Tell me about your current role.\n"
        "Candidate: I run the analytics for the retail team.\n"
        "Interviewer: Are you comfortable with a rotating weekend shift?\n"
        "Candidate: Yes, that's fine.\n"
    )
    assert analysis.questions[-1].intent == "background"


def test_a_case_set_up_inside_a_problem_belongs_to_the_problem() -> None:
    analysis = analysis_of(
        "Interviewer: Let's design a model that routes support tickets to queues. "
        "How would you approach it?\n"
        "Candidate: I'd start from the labels we already have in the ticket history.\n"
        "Interviewer: Okay. Say one Monday the payroll queue gets three times its volume. "
        "Is the model broken?\n"
        "Candidate: Not necessarily, it could be a real spike after a payroll bug.\n"
    )
    question = analysis.questions[-1]
    assert question.intent == "problem_solving"
    assert question.intent_cue == (
        "part of the problem being worked through (say one monday, in the setup before it)"
    )


@pytest.mark.parametrize(
    ("statement", "confirmation", "intent", "cue"),
    [
        (
            "So the position you applied for is registered nurse, nights.",
            "Is that correct?",
            "background",
            "you applied for (in the statement it confirms)",
        ),
        (
            "And your current role is shift supervisor.",
            "Correct?",
            "background",
            "your current role (in the statement it confirms)",
        ),
        (
            "So for the join you'd use a left join there.",
            "Is that right?",
            "clarification",
            "confirms the statement before it",
        ),
    ],
)
def test_a_bare_confirmation_asks_what_the_statement_before_it_says(
    statement: str, confirmation: str, intent: str, cue: str
) -> None:
    """Taxonomy tie-breaks 4 and 11: confirming the facts of the candidate's
    record is background; confirming anything else put to them is a check of
    what the interviewer heard. Neither is a follow-up of the answer before
    it, nor small talk."""
    analysis = analysis_of(
        "Interviewer: Hi, is this Jolene? Is this still a good time?\n"
        "Candidate: Yes, it's fine.\n"
        f"Interviewer: Great. {statement} {confirmation}\n"
        "Candidate: Yes, that's right.\n"
    )
    asked = [q for q in analysis.questions if q.text == confirmation]
    assert [(q.intent, q.intent_cue) for q in asked] == [(intent, cue)]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Is cold calling dead?", "opinion"),
        ("Are whiteboard interviews overrated?", "opinion"),
        ("Isn't cold calling dead now?", "opinion"),
        ("Is an MBA still worth it?", "opinion"),
        ("Is AI the future?", "opinion"),
        # the option at hand, not the field
        ("Is it worth it?", "follow_up"),
        ("Is the team a good fit?", "background"),
    ],
)
def test_whether_a_practice_is_dead_or_the_future_asks_an_opinion(
    question: str, intent: str
) -> None:
    """The taxonomy's own example: "Is cold calling dead?" judges the field."""
    analysis = analysis_of(
        f"Interviewer: Thanks for coming in.\nCandidate: Sure.\nInterviewer: {question}\n"
        "Candidate: Not really, no.\n"
    )
    assert [q.intent for q in analysis.questions] == [intent]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # the warehouse supervisor's, background with no cue: its 287-word story
        # was "over the limit for a background question" (176 words)
        ("Tell me about a safety incident you dealt with.", "behavioral"),
        ("Tell me about an incident on your last shift.", "behavioral"),
        ("Tell me about a customer you turned around.", "behavioral"),
        ("Can you describe a disagreement with your manager?", "behavioral"),
        # the construction manager's, read as a follow-up by its "that"
        ("Tell me about a job that went over.", "behavioral"),
        ("Tell me about a tool you like.", "background"),
    ],
)
def test_an_event_the_candidate_went_through_is_an_episode_to_recount(
    question: str, intent: str
) -> None:
    assert only_question(question).intent == intent


@pytest.mark.parametrize(
    "question",
    [
        # MIT's and the interval coding mock's: yes/no questions of no intent
        # (or a follow-up by "that"), and their answers "without a yes or no"
        "Can you be a little bit more specific?",
        "Could you be more specific about that?",
        "Can you convince me of that?",
        "Can you try it again?",
        "Can you justify that?",
    ],
)
def test_asking_for_more_of_the_answer_is_a_follow_up_request(question: str) -> None:
    analysis = analysis_of(
        "Interviewer: How do you keep a house of forty students running?\n"
        "Candidate: I organise things and keep everyone on track.\n"
        f"Interviewer: {question}\nCandidate: Sure, so every Sunday we meet.\n"
    )
    asked = analysis.questions[1]
    assert (asked.form, asked.intent) == ("imperative", "follow_up")


@pytest.mark.parametrize(
    ("question", "form"),
    [
        # the career coach's and the pair programmer's invitations to do it now,
        # answered by doing it, not "without a yes or no"
        ("Want to try it?", "imperative"),
        ("Want to write a little hook for that?", "imperative"),
        ("Do you want to walk me through it?", "imperative"),
        ("Want to take a crack at it?", "imperative"),
        # asked to say it again: the answer is the saying
        ("Say that again?", "imperative"),
        ("Could you repeat the question?", "imperative"),
        # what the candidate wants is still asked yes or no
        ("Do you want to work here?", "yes_no"),
        ("Do you want to go into management?", "yes_no"),
    ],
)
def test_an_invitation_to_do_it_now_is_a_request(question: str, form: str) -> None:
    assert only_question(question).form == form


def test_are_we_on_checks_the_channel() -> None:
    # the warehouse supervisor's first words: "I can hear you." was "a yes/no
    # question answered without a yes or no first"
    analysis = analysis_of(
        "Interviewer: Alright, are we, are we on?\n"
        "Candidate: I can hear you. You're a little echoey, though.\n"
        "Interviewer: Are we on the same page about the shift?\n"
        "Candidate: Yes, nights.\n"
    )
    assert [q.text for q in analysis.check_ins] == ["Alright, are we, are we on?"]
    assert [q.text for q in analysis.questions] == ["Are we on the same page about the shift?"]


@pytest.mark.parametrize(
    "question", ["Find us all right?", "So, uh, you find the place all right?"]
)
def test_finding_the_place_without_did_is_small_talk(question: str) -> None:
    # the construction manager's and the electrician's: statements put to
    # confirm, and the reply was "answered without a yes or no"
    assert only_question(question).intent == "small_talk"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # MIT's: "that" before "you" was read as pointing back at the answer
        ("Tell me about a time that you demonstrated leadership.", "behavioral"),
        # "that" after a noun of the cue opens a relative clause too: a coding
        # task and a behavioral question set after an answer, read as follow-ups
        ("Write a function that returns the number of rooms needed.", "technical"),
        ("Describe a time your team made a mistake that upset a client.", "behavioral"),
        # ... but after "a time" it may point back at what was just said
        ("Can you give me an example of a time that happened?", "follow_up"),
        # MIT's first questions, read as the follow-up "tell me more"
        ("So please tell me more about your background.", "background"),
        ("Tell me more about the part where you led it.", "follow_up"),
        # a self-assessment (taxonomy tie-break 15), as "would you describe yourself"
        ("Do you consider yourself a team player?", "opinion"),
        # why this job or this change, not why of the answer (the electrician's,
        # the staff accountant's: follow-ups by their "why")
        ("Why should I pick you?", "motivation"),
        ("So, why, why move?", "motivation"),
        ("Why that team?", "follow_up"),
    ],
)
def test_set_questions_after_an_answer_keep_their_own_intent(question: str, intent: str) -> None:
    analysis = analysis_of(
        "Interviewer: Do you think you're a leader?\n"
        "Candidate: I think so. I led my robotics team through two competitions.\n"
        f"Interviewer: {question}\nCandidate: Sure.\n"
    )
    assert analysis.questions[1].intent == intent


def test_what_did_you_do_asks_about_the_story_just_told() -> None:
    # the intern interview's "What did you do?" after a story of a failure,
    # and "How did you respond?" after "Tell me about a time you got critical
    # feedback.": background, with no cue, so the story's actions were judged
    # apart from it
    analysis = analysis_of(
        "Interviewer: Tell me about a time you failed.\n"
        "Candidate: I shipped a time zone bug that shifted a month of data by an hour.\n"
        "Interviewer: What did you do?\n"
        "Candidate: I told my advisor that afternoon and rewrote the conversion.\n"
        "Interviewer: Tell me about a time you got critical feedback. How did you respond?\n"
        "Candidate: A reviewer left forty comments on my first pull request.\n"
        "Interviewer: Let's switch gears. A patient is on amiodarone and the team wants "
        "to start simvastatin. What would you flag?\n"
        "Candidate: The dose: simvastatin is capped at twenty milligrams with amiodarone.\n"
    )
    intents = {q.text: q.intent for q in analysis.questions}
    assert intents["What did you do?"] == "follow_up"
    assert intents["How did you respond?"] == "behavioral"
    assert intents["What would you flag?"] != "follow_up"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Describe the most challenging technical problem you've worked on.", "behavioral"),
        ("Tell me about the hardest bug you ever fixed.", "behavioral"),
        ("What's the most difficult customer you've dealt with?", "behavioral"),
        ("What's the most challenging part of your job?", "background"),
    ],
)
def test_the_hardest_thing_you_worked_on_is_an_episode(question: str, intent: str) -> None:
    assert only_question(question).intent == intent


def test_a_greeting_by_name_is_small_talk_and_a_setup_ends_the_small_talk() -> None:
    # "Hey, Kwame?" was a statement put to confirm (clarification), and its
    # reply answered it "without a yes or no"; once the interviewer has set out
    # the task, the candidate's questions clarify it, not small talk
    setup = (
        "So, this is the system design round. We get about three thousand support "
        "tickets a day, and six people triage them into eight queues by hand. We want a "
        "model that routes tickets automatically, so the team only handles the unsure ones."
    )
    analysis = analysis_of(
        "Interviewer: Hey, Kwame?\n"
        "Candidate: Hi, Ingrid, right?\n"
        f"Interviewer: {setup}\n"
        "Candidate: Okay. Is it one queue per ticket?\n"
        "Interviewer: One queue. And does that sound alright?\n"
        "Candidate: Yes. Is it all English?\n"
    )
    asked = [(q.role, q.intent) for q in analysis.questions]
    assert asked == [
        ("interviewer", "small_talk"),
        ("candidate", "small_talk"),
        ("candidate", "clarification"),
        ("candidate", "clarification"),
    ]
    assert [q.text for q in analysis.check_ins] == ["And does that sound alright?"]


def test_a_task_set_as_a_wish_is_an_open_problem_and_the_candidates_questions_clarify_it() -> None:
    # the civil engineer's whiteboard interview: "I'd like you to size the main
    # beams." was no question, so the whole exercise and the candidate's
    # questions on it ("Are the beams simply supported?") came under the small
    # talk before it, and a 481-word answer was "over the limit for a small
    # talk question"
    analysis = analysis_of(
        "Interviewer: Did you find us all right?\n"
        "Candidate: Yes, fine, thanks.\n"
        "Interviewer: So here's the job. A council wants a footbridge with a clear span of "
        "twelve metres. I'd like you to size the main beams.\n"
        "Candidate: Okay. Are the beams simply supported?\n"
        "Interviewer: Yes, simply supported.\n"
    )
    task, clarifying = analysis.questions[1:]
    assert (task.text, task.form, task.intent) == (
        "I'd like you to size the main beams.",
        "imperative",
        "problem_solving",
    )
    assert (clarifying.role, clarifying.intent) == ("candidate", "clarification")
    assert only_question("I'd like you to write the query.").intent != "problem_solving"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # MIT's set question (33 of 108 interviews) was situational, by "if you were"
        ("If you were given the option to change one thing about yourself, what would it be?",
         "opinion"),
        ("What would you change about yourself?", "opinion"),
        ("Is there anything you would change about yourself?", "opinion"),
        # a hypothetical about the work stays what it was
        ("If you were given the option to change one thing about the team, what would it be?",
         "situational"),
        ("What would you change about the schema?", "problem_solving"),
    ],
)  # fmt: skip
def test_what_you_would_change_about_yourself_is_a_self_assessment(
    question: str, intent: str
) -> None:
    analysis = analysis_of(
        f"Interviewer: Thanks for coming in.\nCandidate: Sure.\nInterviewer: {question}\n"
        "Candidate: Probably my patience, honestly.\n"
    )
    assert [q.intent for q in analysis.questions] == [intent]


@pytest.mark.parametrize(
    ("turn", "intents"),
    [
        # MIT's set questions: "that problem" and "why" point at the question
        # just asked, not at the answer before the turn (they were follow-ups)
        (
            "Tell me about a time you were working on a team and faced a challenge. "
            "How did you solve that problem?",
            ["behavioral", "behavioral"],
        ),
        ("Do you think you're a leader? Tell me why.", ["opinion", "opinion"]),
        (
            "Okay. Question seven. Describe a time you made a mistake at work. "
            "How did you handle it?",
            ["behavioral", "behavioral"],
        ),
        # the ML case: "them" are the labels of the question before
        (
            "Good. How would you build the labels? And what worries you about them?",
            ["problem_solving", "problem_solving"],
        ),
    ],
)
def test_a_question_pointing_back_at_the_one_just_asked_goes_on_with_it(
    turn: str, intents: list[str]
) -> None:
    analysis = analysis_of(
        "Interviewer: Thanks. What are you studying?\n"
        "Candidate: Mechanical engineering, and I'm a junior this year.\n"
        f"Interviewer: {turn}\n"
        "Candidate: Our rover team missed a deadline, so I split the work by strengths.\n"
    )
    asked = [q for q in analysis.questions if q.turn == 2]
    assert [q.intent for q in asked] == intents
    assert "answer" not in asked[1].intent_cue  # was "right after an answer, referring back"


def test_a_word_picked_up_from_the_answer_still_makes_a_follow_up_after_another_question() -> None:
    analysis = analysis_of(
        "Interviewer: What did you do outside class?\n"
        "Candidate: I ran the investment club, and I gave a stock pitch every month.\n"
        "Interviewer: Tell me more about the investment club. What was your best pitch?\n"
        "Candidate: A regional bank, in March.\n"
    )
    assert [(q.intent, q.intent_cue) for q in analysis.questions if q.turn == 2][1] == (
        "follow_up",
        "picks up 'pitch' from the answer just given",
    )


def test_a_topic_announced_first_leaves_the_question_right_after_the_answer() -> None:
    # "Let's talk about scale." is no question before "How big did it get?"
    analysis = analysis_of(
        "Interviewer: What did you build last?\n"
        "Candidate: A store for the checkout page, with a retry queue.\n"
        "Interviewer: Let's talk about scale. How big did it get?\n"
        "Candidate: About a million events a day.\n"
    )
    assert [(q.text, q.intent, q.intent_cue) for q in analysis.questions][1:] == [
        (
            "How big did it get?",
            "follow_up",
            "short question right after an answer, referring back (it)",
        )
    ]


@pytest.mark.parametrize(
    ("answer", "answered", "missing"),
    [
        # the yes answers the second part in its own words ("move", not "relocating")
        ("Four weeks. And yes, I'd happily move for the right team.", "yes", ()),
        ("Four weeks, and sure, I could move.", "yes", ()),
        # no yes or no, and none of its words: the part was left out
        ("Four weeks, it's in my contract.", "partial", ("are you open to relocating",)),
    ],
)
def test_a_yes_no_part_of_a_compound_question_is_answered_by_a_yes_or_no(
    answer: str, answered: str, missing: tuple[str, ...]
) -> None:
    analysis = analysis_of(
        "Interviewer: How many weeks of notice do you need, and are you open to relocating?\n"
        f"Candidate: {answer}\n"
    )
    (question,) = analysis.questions
    assert len(question.parts) == 2
    assert (question.answered, question.missing) == (answered, missing)
