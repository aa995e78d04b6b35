"""Annotation: Transcript -> Analysis.

The only stage that touches spaCy objects; it hands plain values on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Analysis, Concept, Transcript, readable
from .concepts import attach_exchanges, drop_asked, exchange_concepts, find_mentions
from .debriefs import find_debrief, with_debrief_notice
from .exchanges import find_long_setups, pair_questions
from .language import with_language_notice
from .markers import find_markers
from .questions import find_questions
from .reasks import find_reasks
from .sentences import to_sentences

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["annotate"]


def annotate(transcript: Transcript, nlp: Language, concepts: Sequence[Concept] = ()) -> Analysis:
    """Sentences, markers, questions, exchanges and concept mentions of every turn.

    spaCy reads each turn's text :func:`.readable` (one character for one):
    smart quotes and ALL CAPS change no judgement, and every offset is the
    source's. A transcript whose words are mostly not English gets a notice
    saying so (:mod:`.language`), and one with a debrief after a mock
    interview a notice saying where it begins (:mod:`.debriefs`)."""
    transcript = with_language_notice(transcript)
    debrief = find_debrief(transcript)
    transcript = with_debrief_notice(transcript, debrief)
    docs = list(nlp.pipe(readable(turn.text) for turn in transcript.turns))
    sentences, spans = to_sentences(transcript, docs)
    markers = find_markers(transcript, docs, nlp)
    questions, check_ins = find_questions(transcript, sentences, spans, nlp)
    questions = find_reasks(questions, sentences, transcript)
    exchanges, questions = pair_questions(transcript, sentences, questions, debrief)
    mentions = attach_exchanges(
        drop_asked(find_mentions(transcript, docs, nlp, concepts), exchanges, questions, sentences),
        exchanges,
    )
    return Analysis(
        transcript=transcript,
        sentences=sentences,
        questions=questions,
        exchanges=exchanges,
        markers=markers,
        check_ins=check_ins,
        long_setups=find_long_setups(transcript, questions, exchanges),
        concepts=tuple(concepts),
        mentions=mentions,
        exchange_concepts=exchange_concepts(
            exchanges, questions, sentences, mentions, concepts, nlp
        ),
        debrief_turn=None if debrief is None else debrief.turn,
    )
