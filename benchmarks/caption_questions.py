"""The project's labelled samples as raw captions: are their questions still found?

``eval_questions.py --corpus captions`` reads each labelled sample of
``benchmarks/data/question-labels.yaml`` the way an auto-captioner would give it
(:func:`caption_of`: no speaker labels, lowercase, no punctuation but in-word
apostrophes and hyphens, eight words to a line, as ``tests/data/make_caption.py``
makes ``samples/mock-interview-raw-caption.txt``), lets the tool infer turns, roles
and sentences, and lines its questions up with the labels word by word. This is
the path a candidate's own caption takes, from reader to report.

A label is found when a predicted question (or check-in) shares a word with it; a
prediction sharing no word with any label is a false positive. Form, intent and the
role of the asker are compared on found labels with the prediction sharing most words,
and so is whether a labelled re-ask is read as one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from question_corpora import LabeledSample, unpunctuate

from transcript_tool.model import Question, Transcript

WORDS_PER_LINE = 8
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Caption:
    """A caption made from a labelled transcript.

    ``source[i]`` is (turn, start, end) of the labelled word that caption word ``i``
    came from (:func:`question_corpora.unpunctuate` makes the caption words, as it
    does for SwDA's unpunctuated variant); words that are only punctuation are not
    in the caption, a word that a dash joins ("end—to") gives two.
    """

    text: str
    source: tuple[tuple[int, int, int], ...]


def caption_of(transcript: Transcript) -> Caption:
    """``transcript`` as a raw caption, with where each of its words came from."""
    words: list[str] = []
    source: list[tuple[int, int, int]] = []
    for turn in transcript.turns:
        for match in _WORD.finditer(turn.text):
            for word in unpunctuate(match.group()).split():  # "end—to" is two words
                words.append(word)
                source.append((turn.index, match.start(), match.end()))
    lines = [" ".join(words[i : i + WORDS_PER_LINE]) for i in range(0, len(words), WORDS_PER_LINE)]
    return Caption("\n".join(lines) + "\n", tuple(source))


def word_index(transcript: Transcript) -> dict[int, list[tuple[int, int, int]]]:
    """Per turn of the tool's reading of a caption: (start, end, caption word number)
    of each of its words. Its turns keep the caption's words in order."""
    out: dict[int, list[tuple[int, int, int]]] = {}
    number = 0
    for turn in transcript.turns:
        spans = out.setdefault(turn.index, [])
        for match in _WORD.finditer(turn.text):
            spans.append((match.start(), match.end(), number))
            number += 1
    return out


def words_of(spans: Sequence[tuple[int, int, int]], start: int, end: int) -> frozenset[int]:
    """The word numbers among ``spans`` that overlap the characters [start, end)."""
    return frozenset(n for a, b, n in spans if a < end and b > start)


@dataclass
class CaptionScore:
    """What :func:`score_caption` counts over one or more samples."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    form_right: int = 0
    intent_right: int = 0
    role_right: int = 0
    reasks: int = 0  # labels that re-ask an earlier question
    reasks_recognised: int = 0  # ... whose best prediction is a re-ask

    def add(self, other: CaptionScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.form_right += other.form_right
        self.intent_right += other.intent_right
        self.role_right += other.role_right
        self.reasks += other.reasks
        self.reasks_recognised += other.reasks_recognised


def score_caption(
    sample: LabeledSample,
    caption: Caption,
    read: Transcript,
    predicted: Sequence[Question],
) -> CaptionScore:
    """Line the questions ``predicted`` on ``read`` (the tool's reading of ``caption``)
    up with ``sample``'s labels, word by word."""
    by_turn = word_index(read)
    where = {spot: n for n, spot in enumerate(caption.source)}
    label_words: list[frozenset[int]] = []
    for label in sample.questions:
        turn_text = sample.transcript.turns[label.turn].text
        label_words.append(
            frozenset(
                where[(label.turn, m.start(), m.end())]
                for m in _WORD.finditer(turn_text)
                if m.start() < label.end
                and m.end() > label.start
                and (label.turn, m.start(), m.end()) in where
            )
        )
    question_words = [words_of(by_turn.get(q.turn, ()), q.start, q.end) for q in predicted]
    score = CaptionScore()
    for label, words in zip(sample.questions, label_words, strict=True):
        shared = [
            (len(words & found), q) for q, found in zip(predicted, question_words, strict=True)
        ]
        best = max(shared, key=lambda pair: pair[0], default=(0, None))
        score.reasks += label.reask_of is not None
        if best[1] is None or best[0] == 0:
            score.fn += 1
            continue
        question = best[1]
        score.tp += 1
        score.form_right += question.form == label.form
        score.intent_right += question.intent == label.intent
        score.role_right += question.role == sample.transcript.turns[label.turn].role
        score.reasks_recognised += label.reask_of is not None and question.reask_of is not None
    for found in question_words:
        if not any(found & words for words in label_words):
            score.fp += 1
    return score
