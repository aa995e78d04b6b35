"""The data model: plain, typed, immutable, JSON-serialisable.

Every stage of the pipeline hands the next one values of these types:

    read  -> Transcript
    analyze(Transcript) -> Analysis          (sentences, words, questions, exchanges, markers)
    score(Analysis, Rubric) -> Report        (criteria with scores, bands, feedback, evidence)

spaCy objects are converted to these types in ``annotate/`` and never travel
further. Character offsets (``start``/``end`` on :class:`Word`, :class:`Sentence`,
:class:`Question`, :class:`Marker`) are offsets into the text of the turn that
holds them, so ``turn.text[start:end]`` is always the exact span.

The types live in four modules, one per stage: :mod:`.kinds` (the literals
and schema ids), :mod:`.transcript`, :mod:`.analysis` and :mod:`.report`;
import them from here.
"""

from __future__ import annotations

from .analysis import (
    PHASES,
    SECTIONS,
    Analysis,
    Concept,
    Exchange,
    ExchangeConcepts,
    Marker,
    MarkerKind,
    Mention,
    Phase,
    Question,
    Section,
    Sentence,
    Word,
    count_text_words,
    count_words,
    plain,
    readable,
    straighten,
    words_by_turn,
)
from .kinds import (
    LOW_CONFIDENCE,
    QUESTION_FORMS,
    QUESTION_INTENTS,
    REPORT_SCHEMA,
    ROLES,
    TRANSCRIPT_SCHEMA,
    YES_NO_FORMS,
    Answered,
    QuestionForm,
    QuestionIntent,
    Role,
)
from .report import (
    NO_TIMESTAMPS,
    CriterionResult,
    Evidence,
    MetricResult,
    Report,
    RoleTiming,
    Timing,
)
from .transcript import PAUSE_SECONDS, Pause, Speaker, Transcript, Turn

__all__ = [
    "LOW_CONFIDENCE",
    "NO_TIMESTAMPS",
    "PAUSE_SECONDS",
    "PHASES",
    "QUESTION_FORMS",
    "QUESTION_INTENTS",
    "REPORT_SCHEMA",
    "ROLES",
    "SECTIONS",
    "TRANSCRIPT_SCHEMA",
    "YES_NO_FORMS",
    "Analysis",
    "Answered",
    "Concept",
    "CriterionResult",
    "Evidence",
    "Exchange",
    "ExchangeConcepts",
    "Marker",
    "MarkerKind",
    "Mention",
    "MetricResult",
    "Pause",
    "Phase",
    "Question",
    "QuestionForm",
    "QuestionIntent",
    "Report",
    "Role",
    "RoleTiming",
    "Section",
    "Sentence",
    "Speaker",
    "Timing",
    "Transcript",
    "Turn",
    "Word",
    "count_text_words",
    "count_words",
    "plain",
    "readable",
    "straighten",
    "words_by_turn",
]
