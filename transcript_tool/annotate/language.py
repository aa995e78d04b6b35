"""Whether a transcript is in English, which every rule of the tool reads.

English talk is in good part its function words ("the", "and", "you", "I",
"to" ...): of the words of the 466 transcripts of 40 words or more in the
samples and ../shared/corpora (Changelog, Anthropic, MIT, the export
formats), 47 % or more are among spaCy's English stop words (a corpus's
SOURCE.md, a bulleted list, 38 %). The same interview in Spanish, French,
German or Portuguese has 0-7 %. Under :data:`LEAST_SHARE` a transcript
gets a notice (:data:`~transcript_tool.model.transcript.NOT_ENGLISH_NOTICE`)
that its questions and scores may not apply; shorter texts than
:data:`FEWEST_WORDS` are not judged. It is judged when the transcript is
analysed (:func:`~transcript_tool.annotate.annotate`), where spaCy is loaded
anyway: reading a transcript (``segment``) does not import it.
"""

from __future__ import annotations

import dataclasses
import re

from ..model import Transcript
from ..model.transcript import NOT_ENGLISH_NOTICE

LEAST_SHARE = 0.2
FEWEST_WORDS = 40
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def english_share(transcript: Transcript) -> tuple[float, int]:
    """The share of the transcript's words that are English function words,
    and how many words it has."""
    from spacy.lang.en.stop_words import STOP_WORDS

    found = total = 0
    for turn in transcript.turns:
        for word in _WORD.findall(turn.text.lower()):
            total += 1
            found += word.replace("’", "'") in STOP_WORDS
    return (found / total if total else 0.0), total


def with_language_notice(transcript: Transcript) -> Transcript:
    """``transcript``, with a notice when its words are mostly not English."""
    share, words = english_share(transcript)
    if words < FEWEST_WORDS or share >= LEAST_SHARE:
        return transcript
    notice = (
        f'{NOT_ENGLISH_NOTICE}: {share:.0%} of them are English words such as "the", '
        '"and" or "you" (in English talk, 40% or more); the rules that find questions, '
        "answers and reasoning read English, so the questions and scores here may not apply"
    )
    return dataclasses.replace(transcript, notices=(*transcript.notices, notice))
