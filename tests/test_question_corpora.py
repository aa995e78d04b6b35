"""The question-evaluation loaders (benchmarks/question_corpora.py): corpus counts agree
with each SOURCE.md when ../shared/corpora is present; the text transform and the
sample-label loader are tested on their own."""

from __future__ import annotations

import dataclasses
import itertools
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import caption_questions
import error_audits
import pytest
import question_corpora
from question_corpora import (
    Conversation,
    LabelError,
    Utterance,
    available,
    group_turns,
    load_hearings,
    load_mrda,
    load_sample_labels,
    load_swda,
    load_trec,
    unpunctuate,
)

from transcript_tool.model import Question
from transcript_tool.readers import read_text

corpora = pytest.mark.skipif(not available(), reason="../shared/corpora is not present")


@pytest.fixture(scope="module")
def swda() -> list[Conversation]:
    return load_swda()


# ---------------------------------------------------------------------------- swda


@corpora
def test_swda_tag_counts_match_source(swda: list[Conversation]) -> None:
    tags = Counter(u.tags[0] for c in swda for u in c.utterances)
    # SOURCE.md: q*-tagged utterances 1,802 (qy 866, qw 380, qy^d 247, qh 145, qo 113,
    # qrr 31, qw^d 20)
    expected = {"qy": 866, "qw": 380, "qy^d": 247, "qh": 145, "qo": 113, "qrr": 31, "qw^d": 20}
    assert {tag: tags[tag] for tag in expected} == expected
    assert sum(n for tag, n in tags.items() if tag.startswith("q")) == 1802
    assert (tags["^g"], tags["bh"]) == (24, 181)


@corpora
def test_swda_conversations_and_gold(swda: list[Conversation]) -> None:
    assert len(swda) == 200
    assert Counter(c.split for c in swda) == {"train": 160, "val": 21, "test": 19}
    utterances = [u for c in swda for u in c.utterances]
    assert len(utterances) == 40_526 - 1  # "B|.|%" has no word
    gold = Counter(u.gold for u in utterances)
    assert (gold["question"], gold["rhetorical"], gold["backchannel"]) == (1681, 145, 181)
    forms = Counter(u.form for u in utterances if u.gold == "question")
    assert forms == {"yes_no": 866, "wh": 493, "declarative": 267, "choice": 31, "tag": 24}
    assert all(u.form is None for u in utterances if u.gold != "question")
    assert not any("*" in u.text or "<" in u.text or "_" in u.text for u in utterances)


@corpora
def test_group_turns_makes_maximal_single_speaker_runs(swda: list[Conversation]) -> None:
    turns = [group_turns(c.utterances) for c in swda]
    assert sum(len(t) for t in turns) == 19_821
    for conversation, conversation_turns in zip(swda, turns, strict=True):
        assert [u for t in conversation_turns for u in t.utterances] == list(
            conversation.utterances
        )
        assert all(u.speaker == t.speaker for t in conversation_turns for u in t.utterances)
        speakers = [t.speaker for t in conversation_turns]
        assert all(a != b for a, b in itertools.pairwise(speakers))


def test_conversation_turns_place_each_utterance_in_its_turn() -> None:
    said = [("A", "Do you, uh, like it?"), ("A", "..."), ("B", "Yeah."), ("A", "Good.")]
    utterances = tuple(Utterance(s, t, ("x",), "other", None) for s, t in said)
    conversation = Conversation("swda", "1", "train", utterances)
    turns, placed = question_corpora.conversation_turns(conversation, unpunctuate)
    assert turns == [("A", "do you uh like it"), ("B", "yeah"), ("A", "good")]
    # the "..." utterance became empty and was skipped; spans index the turn text
    assert [[(u.text, s, e) for u, s, e in p] for p in placed] == [
        [("Do you, uh, like it?", 0, 17)],
        [("Yeah.", 0, 4)],
        [("Good.", 0, 4)],
    ]
    assert all(turns[i][1][s:e] for i, p in enumerate(placed) for _, s, e in p)


def test_the_question_mark_baseline_counts_turns_with_a_question_mark() -> None:
    """eval_questions.py's 'baseline: turn has "?"' row: a turn asks when its own
    text has a "?", against the turn's gold."""
    import eval_questions

    said = [
        ("A", "You went there?", "qy^d", "question"),  # marked, a question
        ("B", "Yeah.", "ny", "other"),
        ("A", "Do you like it", "qy", "question"),  # a question with no mark
        ("B", "Beg your pardon?", "br", "other"),  # marked, not a question
    ]
    utterances = tuple(Utterance(s, t, (tag,), gold, None) for s, t, tag, gold in said)
    score = eval_questions.DialogueActScore()
    eval_questions.score_conversation(
        Conversation("swda", "1", "train", utterances), lambda text: text, score
    )
    marks = score.marks
    assert (marks.tp, marks.fp, marks.fn) == (1, 1, 1)


@corpora
def test_swda_folders_are_the_documented_split(swda: list[Conversation]) -> None:
    # benchmarks/eval_questions.py reports each folder; the targets are read on test
    assert Counter(c.split for c in swda) == {"train": 160, "val": 21, "test": 19}


# ---------------------------------------------------------------------------- mrda


@corpora
def test_mrda_counts_match_source_and_label_files() -> None:
    meetings = load_mrda()
    utterances = [u for m in meetings for u in m.utterances]
    assert (len(meetings), len(utterances)) == (12, 16_702)
    assert Counter(u.tags[0] for u in utterances)["Q"] == 1231
    general = Counter(u.tags[1] for u in utterances)
    # metadata/general_label_freq.txt, test column
    expected = {"qy": 870, "qw": 310, "qrr": 75, "qh": 56, "qr": 37, "qo": 28}
    assert {tag: general[tag] for tag in expected} == expected
    gold = Counter(u.gold for u in utterances)
    assert (gold["question"], gold["rhetorical"], gold["backchannel"]) == (1295, 56, 25)
    forms = Counter(u.form for u in utterances if u.gold == "question")
    assert forms == {"yes_no": 505, "declarative": 341, "wh": 328, "choice": 112, "tag": 9}


# ------------------------------------------------------------------------ hearings


@corpora
def test_hearings_rows_and_question_types() -> None:
    rows = load_hearings()
    assert len(rows) == 1000
    assert len({r.hearing for r in rows}) == 20
    assert Counter(r.question_type for r in rows) == {
        "YN": 356,
        "WH": 263,
        "DC": 234,
        "OR": 139,
        "TG": 8,
    }
    assert Counter(r.form for r in rows)["choice"] == 139
    assert all(r.last_question in r.question and r.response.strip() for r in rows)


# ---------------------------------------------------------------------------- trec


@corpora
def test_trec_counts_match_source() -> None:
    items = load_trec()
    train = Counter(i.coarse for i in items if i.split == "train")
    test = Counter(i.coarse for i in items if i.split == "test")
    assert train == {"ABBR": 86, "DESC": 1162, "ENTY": 1250, "HUM": 1223, "LOC": 835, "NUM": 896}
    assert test == {"ABBR": 9, "DESC": 138, "ENTY": 94, "HUM": 65, "LOC": 81, "NUM": 113}
    assert len({i.label for i in items if i.split == "train"}) == 50
    atom = next(i for i in items if i.split == "test" and i.label == "DESC:def")
    assert atom.text == "What is an atom?"
    assert any("ð" in i.text for i in items)  # ISO-8859-1 byte decoded, not an error


# ------------------------------------------------------------------------ transform


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Don't you think so?", "don't you think so"),
        ("Uh-huh.  It's, uh, 'cause the students' car", "uh-huh it's uh cause the students car"),
        ("I--I went to M.I.T. / Harvard...right?", "i i went to mit harvard right"),
        ("rock ’n’ roll isn’t dead -- is it?", "rock n roll isn't dead is it"),
        ("?!", ""),
    ],
)
def test_unpunctuate_keeps_only_in_word_apostrophes_and_hyphens(text: str, expected: str) -> None:
    assert unpunctuate(text) == expected


# --------------------------------------------------------------------- sample labels

SAMPLE = """\
Interviewer: Hi, thanks for coming. Why? Tell me about yourself.
Candidate: Sure. I lead a team of four. Why? Because it grew.
Interviewer: Why did you apply? Why?
Candidate: I like the product.
"""


def write_labels(root: Path, labels: str) -> Path:
    (root / "sample.txt").write_text(SAMPLE, encoding="utf-8")
    path = root / "labels.yaml"
    path.write_text(labels, encoding="utf-8")
    return path


def test_sample_labels_resolve_nth_and_reask(tmp_path: Path) -> None:
    path = write_labels(
        tmp_path,
        """\
sample.txt:
  questions:
    - {text: "Tell me about yourself.", form: imperative, intent: background}
    - {text: "Why?", form: wh, intent: follow_up, nth: 3}
    - text: "Why did you apply?"
      form: wh
      intent: motivation
      reask_of: "Why?"
  not_questions:
    - {text: "Why?", why: rhetorical, nth: 2}
""",
    )
    (sample,) = load_sample_labels(path, tmp_path)
    turns = sample.transcript.turns
    assert sample.path == "sample.txt"
    assert [(q.text, q.turn) for q in sample.questions] == [
        ("Tell me about yourself.", 0),
        ("Why did you apply?", 2),
        ("Why?", 2),
    ]
    why = sample.questions[2]
    assert why.nth == 3 and turns[2].text[why.start : why.end] == "Why?"
    assert why.start == turns[2].text.rindex("Why?")
    assert sample.questions[1].reask_of == "Why?"
    (rhetorical,) = sample.not_questions
    assert (rhetorical.turn, rhetorical.why) == (1, "rhetorical")


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ('{text: "How old are you?", form: wh, intent: background}', "not in any turn"),
        ('{text: "Why?", form: wh, intent: follow_up, nth: 4}', "occurs 3 time(s)"),
        ('{text: "Why?", form: wh, intent: curiosity}', "unknown intent"),
        ('{text: "Why?", form: open, intent: follow_up}', "unknown form"),
        ('{text: "Why?", form: wh}', "needs"),
        ('{text: "Why?", form: wh, intent: follow_up, reask_of: "Why did you"}', "reask_of"),
    ],
)
def test_sample_labels_reject_what_does_not_fit(tmp_path: Path, label: str, message: str) -> None:
    path = write_labels(tmp_path, f"sample.txt:\n  questions:\n    - {label}\n")
    with pytest.raises(LabelError, match=re.escape(message)):
        load_sample_labels(path, tmp_path)


def test_sample_labels_reject_a_missing_sample(tmp_path: Path) -> None:
    path = write_labels(tmp_path, "missing.txt:\n  questions: []\n")
    with pytest.raises(LabelError, match="no such sample file"):
        load_sample_labels(path, tmp_path)


# ------------------------------------------------------- samples as raw captions


def test_a_sample_as_a_caption_keeps_every_word_and_where_it_came_from(tmp_path: Path) -> None:
    path = write_labels(tmp_path, "sample.txt:\n  questions: []\n")
    (sample,) = load_sample_labels(path, tmp_path)
    caption = caption_questions.caption_of(sample.transcript)
    words = caption.text.split()
    assert words[:6] == ["hi", "thanks", "for", "coming", "why", "tell"]
    assert "interviewer" not in words and "Interviewer:" not in caption.text
    labeled_words = sum(len(turn.text.split()) for turn in sample.transcript.turns)
    assert len(words) == len(caption.source) == labeled_words
    lines = caption.text.splitlines()
    assert all(len(line.split()) <= caption_questions.WORDS_PER_LINE for line in lines)
    turn, start, end = caption.source[words.index("apply")]
    assert sample.transcript.turns[turn].text[start:end] == "apply?"


def test_caption_questions_are_lined_up_with_the_labels_word_by_word(tmp_path: Path) -> None:
    path = write_labels(
        tmp_path,
        """\
sample.txt:
  questions:
    - {text: "Tell me about yourself.", form: imperative, intent: background}
    - {text: "Why did you apply?", form: wh, intent: motivation}
""",
    )
    (sample,) = load_sample_labels(path, tmp_path)
    caption = caption_questions.caption_of(sample.transcript)
    read = read_text(caption.text, "caption.txt")
    turn = read.turns[0]
    assert turn.text.startswith("hi thanks for coming why tell me about yourself")
    start = turn.text.index("tell me about yourself")
    asked = question_at(turn.index, start, start + len("tell me about yourself"))
    stray = question_at(turn.index, 0, len("hi thanks"))
    score = caption_questions.score_caption(sample, caption, read, [asked, stray])
    assert (score.tp, score.fp, score.fn) == (1, 1, 1)
    assert (score.form_right, score.intent_right) == (1, 1)
    assert score.role_right == (read.turns[0].role == "interviewer")


def test_caption_re_asks_count_when_the_question_found_is_a_re_ask(tmp_path: Path) -> None:
    path = write_labels(
        tmp_path,
        """\
sample.txt:
  questions:
    - {text: "Tell me about yourself.", form: imperative, intent: background}
    - text: "Why did you apply?"
      form: wh
      intent: motivation
      reask_of: "Tell me about yourself."
""",
    )
    (sample,) = load_sample_labels(path, tmp_path)
    caption = caption_questions.caption_of(sample.transcript)
    read = read_text(caption.text, "caption.txt")
    turn = next(t for t in read.turns if "why did you apply" in t.text)
    start = turn.text.index("why did you apply")
    asked = question_at(turn.index, start, start + len("why did you apply"))
    score = caption_questions.score_caption(sample, caption, read, [asked])
    assert (score.reasks, score.reasks_recognised) == (1, 0)
    again = dataclasses.replace(asked, reask_of=0)
    score = caption_questions.score_caption(sample, caption, read, [again])
    assert (score.reasks, score.reasks_recognised) == (1, 1)


def question_at(turn: int, start: int, end: int) -> Question:
    return Question(
        index=0,
        turn=turn,
        sentence=0,
        start=start,
        end=end,
        text="",
        role="interviewer",
        form="imperative",
        intent="background",
        form_cue="",
        intent_cue="",
        parts=("",),
        focus=((),),
    )


# ----------------------------------------------------------------- swda audit


def test_the_swda_audit_loads_and_tallies_what_the_detector_could_fix(tmp_path: Path) -> None:
    audit = error_audits.load_audit()
    assert set(audit.values()) == set(error_audits.WHYS)
    errors = [("1", 0, "fn"), ("1", 3, "fp"), ("2", 5, "fn"), ("9", 9, "fp")]
    verdicts = {("1", 0, "fn"): "tool", ("1", 3, "fp"): "taxonomy", ("2", 5, "fn"): "no_cue"}
    # 10 true positives; 2 false positives, 2 misses: one miss is the tool's, the
    # unaudited false alarm counts as fixable too
    result = error_audits.tally(errors, (10, 2, 2), verdicts)  # type: ignore[arg-type]
    assert result.by_why == {"tool": 1, "taxonomy": 1, "no_cue": 1, "unaudited": 1}
    assert result.errors == 4
    assert result.fixable_f1 == pytest.approx(2 * 11 / (2 * 11 + 1 + 1))


@pytest.mark.parametrize(
    "entry",
    [
        '"1": {0: {error: fp, why: maybe, note: x}}',
        '"1": {0: {error: fx, why: tool, note: x}}',
        '"1": {0: {error: fp, why: tool}}',
        '"1": {zero: {error: fp, why: tool, note: x}}',
        '"1": [0]',
    ],
)
def test_the_swda_audit_refuses_a_malformed_entry(tmp_path: Path, entry: str) -> None:
    path = tmp_path / "audit.yaml"
    path.write_text(entry + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"audit\.yaml: 1"):
        error_audits.load_audit(path)


def test_the_hearings_audit_estimates_the_accuracy_within_reach(tmp_path: Path) -> None:
    audit = error_audits.load_hearings_audit()
    assert len(audit) == 100 and set(audit.values()) == {"tool", "neither", "taxonomy"}
    sample: dict[str, error_audits.HearingWhy] = {
        "a": "tool",
        "b": "neither",
        "c": "taxonomy",
        "d": "taxonomy",
        "gone": "tool",
    }
    # 700 of 1000 right; of the 300 wrong, 4 were read: 2 are the detector's, but
    # only 1 of them would turn right by the taxonomy: a quarter of the 300
    reach = error_audits.estimate(["a", "b", "c", "d", *map(str, range(296))], 700, 1000, sample)
    assert reach is not None
    assert (reach.read, reach.tool, reach.neither) == (4, 1, 1)
    assert reach.accuracy == pytest.approx((700 + 75) / 1000)
    assert reach.low < reach.accuracy < reach.high
    assert error_audits.estimate(["x"], 700, 1000, sample) is None
    path = tmp_path / "audit.yaml"
    for why in ("tool", "neither", "maybe"):
        path.write_text(f"CHRG-1: {{gold: wh, detector: yes_no, why: {why}}}\n", encoding="utf-8")
        with pytest.raises(ValueError, match="CHRG-1: why must be tool or neither"):
            error_audits.load_hearings_audit(path)


@corpora
def test_every_audited_hearing_row_is_a_row_of_the_corpus() -> None:
    ids = {row.id for row in load_hearings()}
    assert set(error_audits.load_hearings_audit()) <= ids


@corpora
def test_every_audited_turn_is_a_turn_of_the_swda_test_folder(swda: list[Conversation]) -> None:
    turns = {
        c.id: len(question_corpora.conversation_turns(c, lambda t: t)[1])
        for c in swda
        if c.split == "test"
    }
    for conversation, turn, _ in error_audits.load_audit():
        assert turn < turns[conversation], (conversation, turn)
