"""A turn cut into pieces for highlighting (render/pieces.py): the pieces
join to the text, and each says the first question and the first concept
covering it, exactly as testing every span for every piece would."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest

from transcript_tool.model import Mention, Question
from transcript_tool.render.pieces import Piece, cut

TEXT = "So tell me about the pipeline. We used Kafka, one hot encoding and labels."


def question(index: int, start: int, end: int) -> Question:
    return Question(
        index, 0, 0, start, end, TEXT[start:end], "interviewer", "wh", "technical", "", "", (), ()
    )


def mention(concept: str, start: int, end: int) -> Mention:
    return Mention(concept, 0, start, end, TEXT[start:end])


def reference(text: str, questions: list[Question], mentions: list[Mention]) -> tuple[Piece, ...]:
    """The plain definition: for each stretch between edges, the first span
    of each kind that covers it; equal neighbours merged."""
    length = len(text)
    spans = [(q.start, q.end, q.index, None) for q in questions]
    spans += [(m.start, m.end, None, m.concept) for m in mentions]
    edges = {0, length}
    for start, end, _, _ in spans:
        edges.update((max(0, min(start, length)), max(0, min(end, length))))
    pieces: list[Piece] = []
    for start, end in pairwise(sorted(edges)):
        found = next((i for s, e, i, _ in spans if i is not None and s <= start and end <= e), None)
        concept = next(
            (c for s, e, _, c in spans if c is not None and s <= start and end <= e), None
        )
        if pieces and (pieces[-1].question, pieces[-1].concept) == (found, concept):
            pieces[-1] = Piece(pieces[-1].text + text[start:end], found, concept)
        else:
            pieces.append(Piece(text[start:end], found, concept))
    return tuple(pieces)


def test_a_question_and_overlapping_mentions() -> None:
    pieces = cut(TEXT, [question(3, 3, 30)], [mention("kafka", 39, 44), mention("enc", 46, 62)])
    assert "".join(p.text for p in pieces) == TEXT
    assert [(p.text, p.question, p.concept) for p in pieces] == [
        ("So ", None, None),
        ("tell me about the pipeline.", 3, None),
        (" We used ", None, None),
        ("Kafka", None, "kafka"),
        (", ", None, None),
        ("one hot encoding", None, "enc"),
        (" and labels.", None, None),
    ]


@pytest.mark.parametrize("seed", range(200))
def test_cut_agrees_with_the_plain_definition(seed: int) -> None:
    rng = random.Random(seed)
    length = len(TEXT)

    def span() -> tuple[int, int]:
        start = rng.randint(-5, length + 5)
        return start, start + rng.randint(-3, 30)  # some empty, reversed or outside

    questions = [question(i, *span()) for i in range(rng.randint(0, 4))]
    mentions = [mention(rng.choice("abc"), *span()) for _ in range(rng.randint(0, 6))]
    assert cut(TEXT, questions, mentions) == reference(TEXT, questions, mentions)
