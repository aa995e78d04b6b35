"""The built-in pipeline: lemmas as spaCy's lookup lemmatizer gives them, and
sentences for text with and without punctuation."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from transcript_tool.nlp import get_nlp

TEXT = (
    "Tested the APIs, we were running experiments; she's better at it. I've seen "
    "Mice and geese. The Data was cleaned by Interns who had studied it. Don't worry! "
    "O'Neil's models were TRAINED on 3,000 examples and 25% more features."
)


@pytest.fixture(scope="module")
def spacy_lookup() -> Any:
    """spaCy's own lookup lemmatizer, the reference."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def reference_lemma(token: Any, table: Any) -> str:
    """spaCy's lookup lemma, a capitalised miss lemmatised by its lowercase
    form, lowercased: what the pipeline promises."""
    lemma, text, lower = token.lemma_, token.text, token.lower_
    if lemma == text and text != lower:
        return str(table.get(lower, lower))
    return str(lemma.lower())


def test_lemmas_are_spacys_lookup_lemmas_lowercased(spacy_lookup: Any) -> None:
    table = spacy_lookup.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    ours = get_nlp()(TEXT)
    theirs = spacy_lookup(TEXT)
    assert [t.lemma_ for t in ours] == [reference_lemma(t, table) for t in theirs]


def test_capitalised_words_get_the_lemma_of_their_lowercase_form() -> None:
    lemmas = {t.text: t.lemma_ for t in get_nlp()(TEXT)}
    assert lemmas["Tested"] == "test"
    assert lemmas["running"] == "run"
    assert lemmas["Mice"] == "mouse"
    assert lemmas["studied"] == "study"
    assert lemmas["TRAINED"] == "train"
    assert all(lemma == lemma.lower() for lemma in lemmas.values())


def test_a_noun_the_table_reads_as_another_words_form_keeps_its_lemma() -> None:
    """The table gives "number" -> "numb" and "evening" -> "even" but
    "numbers" -> "number": "why not just number the options?" and "If I just
    numbered them" shared no lemma (nlp.LEMMA_FIXES)."""
    doc = get_nlp()("number numbered Numbers evening evenings ceiling ceilings")
    assert [t.lemma_ for t in doc] == [
        "number", "number", "number", "evening", "evening", "ceiling", "ceiling"
    ]  # fmt: skip


def test_punctuated_text_keeps_its_own_sentences() -> None:
    doc = get_nlp()("So tell me about it. I led the team for two years and we shipped. Why?")
    assert [s.text for s in doc.sents] == [
        "So tell me about it.",
        "I led the team for two years and we shipped.",
        "Why?",
    ]


def test_a_caption_is_split_into_sentences_that_start_at_words() -> None:
    caption = (
        "so tell me about a project you are proud of yeah so last year i led a small "
        "team that rebuilt our billing system we moved it to a new database and cut the "
        "time to close the books from ten days to three how did you get buy in from "
        "finance honestly it took a lot of meetings"
    )
    doc = get_nlp()(caption)
    sentences = list(doc.sents)
    assert len(sentences) >= 3
    assert "".join(t.text_with_ws for s in sentences for t in s) == caption
    assert all(s[0].is_alpha for s in sentences)
    assert sentences[0].text == "so tell me about a project you are proud of"
    assert any(s[0].text == "yeah" for s in sentences)


def test_short_or_empty_docs_pass_through() -> None:
    nlp = get_nlp()
    assert len(nlp("")) == 0
    assert [t.lemma_ for t in nlp("Okay")] == ["okay"]


@pytest.mark.parametrize(
    ("caption", "last"),
    [
        # the gap model alone ends a sentence after the first "do" (0.61)
        (
            "do you work like half days or half weeks or",
            "do you work like half days or half weeks or",
        ),
        # ... and after "well have", after "didn't"
        ("well have we come up with a solution yet", "well have we come up with a solution yet"),
        ("yeah no didn't they just run an article on it", "didn't they just run an article on it"),
    ],
)
def test_a_caption_sentence_never_is_a_lone_auxiliary(caption: str, last: str) -> None:
    assert [s.text for s in get_nlp()(caption).sents][-1] == last


def test_no_caption_sentence_ends_between_a_shell_noun_and_its_copula() -> None:
    caption = "yeah to go run up a big bill and the thing is there some advantages if he got off"
    assert [s.text for s in get_nlp()(caption).sents][-1] == (
        "and the thing is there some advantages if he got off"
    )


def test_a_lone_reaction_ends_its_caption_sentence() -> None:
    caption = "do you well as far as we could not call in last week"
    assert [s.text for s in get_nlp()(caption).sents] == [
        "do you",
        "well as far as we could not call in last week",
    ]


def test_a_tag_after_a_negated_caption_sentence_stays_with_it() -> None:
    # the gap model alone ends a sentence before "do you"
    caption = "you don't think about that do you"
    assert [s.text for s in get_nlp()(caption).sents] == [caption]


def test_a_greeting_asked_back_at_the_end_of_a_caption_turn_is_its_own_sentence() -> None:
    # nothing follows "how are you", and the "well" before it is "doing
    # well"'s, no lead-in to the question
    sents = [s.text for s in get_nlp()("i'm doing pretty well how are you").sents]
    assert sents == ["i'm doing pretty well", "how are you"]


def test_a_short_caption_turn_is_still_split_before_a_question() -> None:
    # seven tokens: the caption component reads docs of three words or more
    assert [s.text for s in get_nlp()("i'm doing fine where you from").sents] == [
        "i'm doing fine",
        "where you from",
    ]


@pytest.mark.parametrize(
    ("before", "question"),
    [
        # "your" after an auxiliary
        ("i had about six patients on a normal night shift", "does your unit use a monitor tech"),
        # a request to tell how, as "tell me about"
        ("the phones were ringing nonstop", "tell me how you'd handle the tenth angry call"),
        # the "what" of "you know what i mean" owns no auxiliary after it
        ("you can't win with green you know what i mean", "do your designers talk to clients"),
        # an alternative question whose "or" asks again
        ("so it just felt like the right time", "is the position mostly nights or is it split"),
        # after the talker's "i don't know", a question of any subject
        ("oh i don't know", "is it two shifts or three"),
        ("i don't know", "does it ever page at night"),
    ],
)
def test_a_caption_question_starts_its_own_sentence(before: str, question: str) -> None:
    assert [s.text for s in get_nlp()(f"{before} {question}").sents] == [before, question]


@pytest.mark.parametrize(
    "caption",
    # not inside a wh-question, nor after a word the auxiliary goes on
    ["what time is it or is it later", "i think that is the plan or is it"],
)
def test_no_alternative_question_starts_inside_a_wh_question_or_a_clause(caption: str) -> None:
    assert [s.text for s in get_nlp()(caption).sents] == [caption]


def test_a_hedge_before_a_statement_keeps_its_caption_sentence_whole() -> None:
    caption = "i don't know it was a long time ago"
    assert [s.text for s in get_nlp()(caption).sents] == [caption]


def test_a_caption_sentence_starts_where_an_indirect_question_to_the_listener_does() -> None:
    caption = "smiley burnette i don't know if you were old enough to remember him"
    assert [s.text for s in get_nlp()(caption).sents] == [
        "smiley burnette",
        "i don't know if you were old enough to remember him",
    ]


@pytest.mark.parametrize(
    ("caption", "last"),
    [
        # a wh-clause as a preposition's object
        (
            "i just kind of read the paper i mean you know just keep an eye on what's going on",
            "i mean you know just keep an eye on what's going on",
        ),
        # ... but a question after a preposition still starts its own sentence
        (
            "yeah you're you're like a boat ride from how far is it across the lake to canada",
            "how far is it across the lake to canada",
        ),
    ],
)
def test_a_caption_sentence_keeps_a_prepositions_wh_object(caption: str, last: str) -> None:
    assert [s.text for s in get_nlp()(caption).sents][-1] == last


def test_no_caption_sentence_ends_between_wondered_and_if() -> None:
    caption = "uh-huh yeah i just wondered if you were going to tour mostly"
    assert [s.text for s in get_nlp()(caption).sents][-1] == (
        "yeah i just wondered if you were going to tour mostly"
    )


@pytest.mark.parametrize(
    ("caption", "question"),
    [
        ("yeah i'm in texas and it is hot all summer long where are you at", "where are you at"),
        (
            "you know speaking of public tv have you caught any of this series on the bible",
            "have you caught any of this series on the bible",
        ),
        (
            "that is a good idea we have been doing this for ten minutes uh do you have any "
            "other comments",
            "uh do you have any other comments",
        ),
        (
            "yeah i don't know that i read anything strictly labeled self improvement how "
            "about you",
            "how about you",
        ),
        # a request, and a wh-word before "the" or "it"
        (
            "alright let's do a couple of the behavioral ones i know everyone loves these "
            "tell me about a time you disagreed with a teammate",
            "tell me about a time you disagreed with a teammate",
        ),
        (
            "and our data science team trains models on the full history i'd like you to "
            "design the ingestion pipeline",
            "i'd like you to design the ingestion pipeline",
        ),
        (
            "they picked option two as a stopgap with option three on the roadmap for the "
            "next quarter and how did it turn out",
            "and how did it turn out",
        ),
        # a wh-word with "'s" or "'re" and a second person
        (
            "i'm theo i lead the data platform team here at brightwater how's your week going",
            "how's your week going",
        ),
        (
            "and that's how we ran the region for two years what're you hoping to change first",
            "what're you hoping to change first",
        ),
        # a wh-word a few words before its auxiliary, with no sentence end between them
        (
            "where customers tend to get stuck how many people do you manage directly today",
            "how many people do you manage directly today",
        ),
        (
            "one quick one i ask everybody what kind of team do you do your best work in",
            "what kind of team do you do your best work in",
        ),
        # "we" after a wh-word and a few words, not with "do"
        (
            "so that's the hot set and with replication how much memory are we talking about",
            "how much memory are we talking about",
        ),
        # an auxiliary that ends its clause, then the question's ("we do | do you")
        (
            "oh golly that's not the kind we do do you go camping",
            "do you go camping",
        ),
        # a wh-question after a false start "i"
        (
            "so i how do you feel that it should be applied to everyone",
            "how do you feel that it should be applied to everyone",
        ),
        (
            "we went through all of that and uh i are you old enough to remember the war",
            "are you old enough to remember the war",
        ),
        # a direct question after "wondering"
        (
            "yeah that was a long time ago i was just wondering were you in sac by any chance",
            "were you in sac by any chance",
        ),
        # "is there" with something to ask about
        (
            "we'd flag anything over the threshold good questions and is there a time limit "
            "on the decision",
            "and is there a time limit on the decision",
        ),
        # a check-in, whatever the word before it
        (
            "and the cap check gets maybe ten of that does that make sense",
            "does that make sense",
        ),
        # ... with a few words inside it
        (
            "and that goes into um into the cap store does that high-level split make sense "
            "before i go deeper",
            "does that high-level split make sense before i go deeper",
        ),
        (
            "i'm going to share a short case prompt with you can you see my screen",
            "can you see my screen",
        ),
        # a wh-word asking for the subject, before the listener
        (
            "i read about forty articles by the time i finished what made you apply for this job",
            "what made you apply for this job",
        ),
        # a lead-in that starts a clause ends the one before it
        (
            "yeah i like that and was there any friction with that senior person",
            "and was there any friction with that senior person",
        ),
        # "like" that quotes nothing goes with the question it leads into
        (
            "sure but i mean more like was there a time it actually broke on you",
            "like was there a time it actually broke on you",
        ),
        # a clause abandoned after "it's": no verb chain runs from "'s" to "do"
        (
            "yeah it's uh now do you have little kids or what",
            "uh now do you have little kids or what",
        ),
        # a one-word sentence before "and" + a question: it asks nothing, so the
        # question is no second part of it
        (
            "exactly and how fresh does the live map need to be",
            "and how fresh does the live map need to be",
        ),
        # with "do", any subject ("on-call", "redis cluster")
        (
            "i'd love to hear a bit about on-call what does on-call look like on the platform team",
            "what does on-call look like on the platform team",
        ),
        (
            "but it's never returned good and how does redis cluster decide which shard a key "
            "goes to",
            "and how does redis cluster decide which shard a key goes to",
        ),
        # "what's" and a verb in -ing before "you": the listener is its object
        (
            "i'm used to nights and honestly i like the pace good what's drawing you to this unit",
            "what's drawing you to this unit",
        ),
        # "that" as the subject of a negated auxiliary
        (
            "and we let that entry expire after say ten minutes doesn't that double count "
            "once the beacon arrives",
            "doesn't that double count once the beacon arrives",
        ),
    ],
)
def test_a_question_inside_a_caption_sentence_starts_its_own(caption: str, question: str) -> None:
    assert [s.text for s in get_nlp()(caption).sents][-1] == question


@pytest.mark.parametrize(
    ("caption", "onset"),
    [
        # an auxiliary inside the clause already going, a pseudo-cleft, quoted speech
        ("and the people that are there are the ones who run the whole thing", "are there"),
        ("and the people that uh are there are the ones who run the whole thing", "uh are"),
        # "what's" before anything but "you"/"your": a word search, a rhetorical aside
        ("so we called it um what's it called job sharing", "what's it"),
        ("what happens is they promote them into a position that they can't handle", "is they"),
        ("and he looks at the pattern and he says how do you get that from there", "how do"),
        # "like" after a verb of saying or being quotes the question
        ("and my manager was like what are you even doing with that database", "like what"),
        ("and then she's like how did you even get this job", "like how"),
        # ... and after "things", "something", "stuff": an example of what is said
        (
            "i'd have them talk me through their thinking before they do things like what are "
            "you going to assess first and why",
            "like what",
        ),
        # one question: "what kind of music ... do you like", "... or do you keep ..."
        ("hi um okay what kind of music do you like to listen to in the car", "do you"),
        # a wh-clause as a subject, before "is"
        ("we moved the whole team over last spring what happened was they cut it", "what happened"),
        # "is there" before anything but something to ask about
        ("and what i like about the team is there are no meetings on fridays", "is there"),
        ("do you use it for the drafts as well or do you keep those parts to yourself", "or do"),
        # a talker thinking aloud with "do" ("we", "i"), an infinitive after "how to"
        ("we had friends over last weekend what did i make that night i made a roast", "what did"),
        ("and they would have no idea how to even do a checkbook or manage money", "how to"),
        # "that" after a negated "be" is an intensifier, not a subject
        ("you know their prices aren't that terrific anymore since the merger", "aren't that"),
        # ... and after an auxiliary with no "n't" it is no subject either
        ("well you know a lot of people do that all the time and it works out", "do that"),
        # a wh-clause after "surprised", "wonder" is its complement, even
        # where the caption model hears an end before it
        (
            "by the way you'd be surprised how many people don't ask about on call and then "
            "regret it later",
            "surprised how",
        ),
        # ... and so is a clause after "do you think" (MIT: "now why do you
        # think | we should hire you")
        ("great thanks and now why do you think we should hire you for this role", "think we"),
    ],
)
def test_no_sentence_starts_inside_a_clause_or_a_question(caption: str, onset: str) -> None:
    at = caption.index(onset)
    starts = {s.start_char for s in get_nlp()(caption).sents}
    assert starts.isdisjoint(range(at - 4, at + len(onset) + 1))


LONG_QUESTION = (
    "what would you use to track the rate per device if the brokers are sticky per device "
    "which they are with mqtt since it's a long lived connection you can just keep a counter "
    "in memory on the broker token bucket per connection you don't need a shared store"
)


def test_a_long_caption_question_ends_where_its_likeliest_end_is() -> None:
    """The model hears no end in this run of the bundled raw caption: the
    candidate's answer ran on in the interviewer's question (its words then
    counted as the question's)."""
    sents = [s.text for s in get_nlp()(LONG_QUESTION).sents]
    assert len(sents) > 1
    first = sents[0].split()
    assert first[:3] == ["what", "would", "you"]
    assert 7 <= len(first) <= 30
    assert " ".join(sents) == LONG_QUESTION


@pytest.mark.parametrize(
    ("opening", "cut"),
    [
        # a question onset at the head (after the opener "so"): cut at the
        # likeliest end seven tokens in or more, not at the likelier one before
        ("so what would you use to track the rate per device", 10),
        # a statement is left as the model heard it, however long
        ("so we would use a counter to track the rate per device", None),
    ],
)
def test_only_a_long_question_is_cut(opening: str, cut: int | None) -> None:
    import numpy

    from transcript_tool.annotate.caption_starts import split_long_questions

    norms = [*opening.split(), *["and"] * 40]
    n = len(norms)
    after = numpy.zeros((n, 3), dtype="float32")
    after[:, 0] = 0.9  # no end heard anywhere
    after[3, 0] = 0.1  # likeliest of all, but too early for a question's end
    after[10, 0] = 0.4  # "... per device |"
    ends = numpy.zeros(n, dtype=bool)
    ends[-1] = True
    split_long_questions(norms, after, ends, numpy.ones(n, dtype=bool))
    expected = {n - 1} if cut is None else {cut, n - 1}
    assert set(numpy.flatnonzero(ends).tolist()) == expected
