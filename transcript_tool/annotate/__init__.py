"""Annotation: Transcript -> Analysis.

The only stage that touches spaCy objects; it hands plain values on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Analysis, Transcript
from .exchanges import pair_questions
from .markers import find_markers
from .questions import find_questions
from .sentences import to_sentences

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["annotate"]


def annotate(transcript: Transcript, nlp: Language) -> Analysis:
    """Sentences, markers, questions and exchanges of every turn."""
    docs = list(nlp.pipe(turn.text for turn in transcript.turns))
    sentences = to_sentences(transcript, docs)
    markers = find_markers(transcript, docs, nlp)
    questions = find_questions(transcript, sentences)
    exchanges, questions = pair_questions(transcript, sentences, questions)
    return Analysis(
        transcript=transcript,
        sentences=sentences,
        questions=questions,
        exchanges=exchanges,
        markers=markers,
    )
