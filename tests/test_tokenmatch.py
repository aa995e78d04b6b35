"""TokenMatcher finds exactly the matches spaCy's Matcher finds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.matcher import Matcher

from transcript_tool.annotate import interviewer_cues, markers, star_cues
from transcript_tool.annotate.question_cues import load_cues
from transcript_tool.annotate.tokenmatch import TokenMatcher
from transcript_tool.api import read_transcript
from transcript_tool.nlp import get_nlp

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

TEXTS = [
    "So I think the first thing I'd do is look at the data. Then, I'd ask why.",
    "We cut costs by 25 percent, about $4 million, in 2021; that's 3 quarters early.",
    "I was wondering how you'd handle it? And I'm curious, would you use a threshold?",
    "The the the model model, it works, right? Yes! No... maybe; okay then.",
    "Tell me about a time you failed. Walk me through it, please, step by step.",
    "i am i was i would be curious if this is interesting or not",
    "",
    "   ",
    "One. Two. Three four five six seven eight nine ten eleven.",
]

PATTERNS: list[tuple[str, list[dict[str, Any]]]] = [
    ("exact", [{"LOWER": "the"}, {"LOWER": "model"}]),
    ("in", [{"NORM": {"IN": ["i", "we"]}}, {"NORM": {"IN": ["think", "was", "cut"]}}]),
    ("not in first", [{"LOWER": {"NOT_IN": ["so"]}}, {"LOWER": "i"}]),
    ("optional", [{"ORTH": ",", "OP": "?"}, {"NORM": {"IN": ["right", "okay"]}}]),
    ("star", [{"NORM": "i"}, {"NORM": {"IN": ["am", "was", "would", "be"]}, "OP": "*"}]),
    ("plus", [{"LIKE_NUM": True, "OP": "+"}]),
    ("range", [{"LOWER": "tell"}, {"OP": "{0,3}"}, {"LOWER": "time"}]),
    ("exactly n", [{"IS_ALPHA": True, "OP": "{2}"}, {"IS_PUNCT": True}]),
    ("at least n", [{"IS_DIGIT": True, "OP": "{1,}"}]),
    ("at most n", [{"LOWER": "the", "OP": "{,3}"}, {"LOWER": "model"}]),
    ("regex", [{"LOWER": {"REGEX": "^th"}}, {"IS_STOP": False}]),
    ("sentence start", [{"IS_SENT_START": True}, {"TEXT": {"IN": ["I", "We", "So"]}, "OP": "?"}]),
    ("not sentence start", [{"IS_SENT_START": False, "IS_PUNCT": True}]),
    ("wildcards", [{}, {"OP": "*"}, {"ORTH": "?"}]),
    ("in and not in", [{"NORM": {"IN": ["one", "two", "three"], "NOT_IN": ["two"]}}]),
    ("only wildcards", [{}, {"OP": "?"}]),
    ("space", [{"IS_SPACE": True}]),
    # outside the supported subset: handed to spaCy's Matcher
    ("length", [{"LENGTH": {">=": 7}}]),
    ("negation", [{"LOWER": "i"}, {"LOWER": "would", "OP": "!"}, {}]),
    ("lowercase keys", [{"lower": "tell"}, {"lower": "me", "op": "?"}]),
]


@pytest.fixture(scope="module")
def nlp() -> Any:
    return get_nlp()


def both(nlp: Any, rules: list[tuple[str, list[list[dict[str, Any]]]]]) -> tuple[Any, Any]:
    theirs, ours = Matcher(nlp.vocab), TokenMatcher(nlp.vocab)
    for key, patterns in rules:
        theirs.add(key, [list(p) for p in patterns])
        ours.add(key, patterns)
    return theirs, ours


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_each_kind_of_pattern_matches_as_spacy_does(
    nlp: Any, name: str, pattern: list[dict[str, Any]]
) -> None:
    theirs, ours = both(nlp, [(name, [pattern])])
    for doc in nlp.pipe(TEXTS):
        assert sorted(ours(doc)) == sorted(theirs(doc)), doc.text


def test_all_patterns_together(nlp: Any) -> None:
    theirs, ours = both(nlp, [(n, [p]) for n, p in PATTERNS])
    found = 0
    for doc in nlp.pipe(TEXTS):
        expected = sorted(set(theirs(doc)))
        assert sorted(ours(doc)) == expected
        found += len(expected)
    assert found > 50  # the texts exercise the patterns


def cue_sets() -> dict[str, list[tuple[str, list[list[dict[str, Any]]]]]]:
    cues = load_cues()
    questions = [(f"form:{i}", list(r.patterns)) for i, r in enumerate(cues.forms)]
    questions += [(f"not:{i}", list(r.patterns)) for i, r in enumerate(cues.vetoes)]
    questions.append(("check_in_head", list(cues.check_in_patterns)))
    questions.append(("check_in_state", list(cues.check_in_state_patterns)))
    questions += [(f"intent:{i}", list(patterns)) for i, patterns in cues.intent_patterns]
    sets = {"questions": questions}
    for module in (markers, star_cues, interviewer_cues):
        rules = module._MATCHER._rules()  # type: ignore[attr-defined]
        sets[module.__name__] = [(r.key, list(r.patterns)) for r in rules if r.patterns]
    return sets


@pytest.mark.parametrize("name", list(cue_sets()))
def test_shipped_cues_match_as_spacy_does_on_every_sample(nlp: Any, name: str) -> None:
    theirs, ours = both(nlp, cue_sets()[name])
    texts = [
        turn.text for path in sorted(SAMPLES.iterdir()) for turn in read_transcript(path).turns
    ]
    found = 0
    for doc in nlp.pipe(texts):
        expected = sorted(set(theirs(doc)))
        assert sorted(ours(doc)) == expected, doc.text
        found += len(expected)
    assert found > 0


def test_matches_come_by_start_longest_first_then_key_order(nlp: Any) -> None:
    matcher = TokenMatcher(nlp.vocab)
    matcher.add("second", [[{"LOWER": "tell"}, {"LOWER": "me"}]])
    matcher.add("first", [[{"LOWER": "tell"}, {"LOWER": "me"}], [{"LOWER": "me"}]])
    matcher.add("longer", [[{"LOWER": "tell"}, {"LOWER": "me"}, {"LOWER": "about"}]])
    doc = nlp("tell me about it")
    keys = [(nlp.vocab.strings[k], start, end) for k, start, end in matcher(doc)]
    assert keys == [("longer", 0, 3), ("second", 0, 2), ("first", 0, 2), ("first", 1, 2)]
    assert len(matcher) == 3


def test_repeated_optional_tokens_do_not_explode(nlp: Any) -> None:
    # 40 optional wildcards before a word that never comes: a search that
    # tried every path would not finish; states are visited once
    matcher = TokenMatcher(nlp.vocab)
    matcher.add("many", [[*([{"OP": "?"}] * 40), {"LOWER": "zebra"}]])
    doc = nlp(" ".join(["word"] * 400) + " zebra")
    found = matcher(doc)
    assert len(found) == 41  # a start up to 40 words back, each once
    assert {end for _, _, end in found} == {401}
