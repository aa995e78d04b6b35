"""Report and Transcript -> JSON, following the contracts in DESIGN.md.

Output is deterministic: keys in a fixed order, floats rounded, no clocks,
so the same input gives byte-identical JSON.
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..model import (
    REPORT_SCHEMA,
    TRANSCRIPT_SCHEMA,
    CriterionResult,
    Evidence,
    Exchange,
    ExchangeConcepts,
    Question,
    Report,
    Timing,
    Transcript,
)


def transcript_to_dict(transcript: Transcript) -> dict[str, Any]:
    return {
        "schema": TRANSCRIPT_SCHEMA,
        "id": transcript.id,
        "format": transcript.format,
        "source": transcript.source,
        "speakers": [
            {
                "id": s.id,
                "name": s.name,
                "role": s.role,
                "role_source": s.role_source,
                "role_confidence": s.role_confidence,
            }
            for s in transcript.speakers
        ],
        "turns": [
            {
                "index": t.index,
                "speaker": t.speaker,
                "role": t.role,
                "text": t.text,
                "start": t.start,
                "end": t.end,
                "confidence": t.confidence,
                "line": t.line,
                "pauses": [{"offset": p.offset, "start": p.start, "end": p.end} for p in t.pauses],
            }
            for t in transcript.turns
        ],
        "notices": list(transcript.notices),
    }


def question_to_dict(question: Question) -> dict[str, Any]:
    return {
        "turn": question.turn,
        "text": question.text,
        "form": question.form,
        "intent": question.intent,
        "answered": question.answered,
        "answer_turns": list(question.answer_turns),
        "missing": list(question.missing),
        "index": question.index,
        "role": question.role,
        "start": question.start,
        "end": question.end,
        "form_cue": question.form_cue,
        "intent_cue": question.intent_cue,
        "parts": list(question.parts),
        "coverage": question.coverage,
        "reask_of": question.reask_of,
        "reask_cue": question.reask_cue,
    }


def evidence_to_dict(item: Evidence) -> dict[str, Any]:
    return {"turn": item.turn, "quote": item.quote, "note": item.note, "polarity": item.polarity}


def criterion_to_dict(result: CriterionResult) -> dict[str, Any]:
    return {
        "id": result.id,
        "title": result.title,
        "metric": result.metric,
        "weight": result.weight,
        "value": result.value,
        "score": result.score,
        "band": result.band,
        "feedback": result.feedback,
        "evidence": [evidence_to_dict(e) for e in result.evidence],
        "details": dict(sorted(result.details.items())),
        "reason": result.reason,
    }


def exchange_to_dict(exchange: Exchange, concepts: ExchangeConcepts | None) -> dict[str, Any]:
    return {
        "index": exchange.index,
        "question_turn": exchange.question_turn,
        "questions": list(exchange.questions),
        "asker_role": exchange.asker_role,
        "answer_turns": list(exchange.answer_turns),
        "section": exchange.section,
        "phase": exchange.phase,
        "parent": exchange.parent,
        "clarifying_turns": list(exchange.clarifying_turns),
        "concepts": None
        if concepts is None
        else {
            "expected": list(concepts.expected),
            "mentioned": list(concepts.mentioned),
            "missing": list(concepts.missing),
        },
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    analysis = report.analysis
    concepts = {c.exchange: c for c in analysis.exchange_concepts}
    return {
        "schema": REPORT_SCHEMA,
        "generator": f"transcript-tool {__version__}",
        "rubric": {"name": report.rubric, "version": report.rubric_version},
        "transcript": transcript_to_dict(report.transcript),
        "questions": [question_to_dict(q) for q in analysis.questions],
        "exchanges": [exchange_to_dict(e, concepts.get(e.index)) for e in analysis.exchanges],
        "check_ins": [
            {"turn": q.turn, "text": q.text, "start": q.start, "end": q.end, "cue": q.form_cue}
            for q in analysis.check_ins
        ],
        "long_setups": list(analysis.long_setups),
        "concepts": [{"id": c.id, "label": c.label} for c in analysis.concepts],
        "mentions": [
            {
                "concept": m.concept,
                "turn": m.turn,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "exchange": m.exchange,
            }
            for m in analysis.mentions
        ],
        "criteria": [criterion_to_dict(c) for c in report.criteria],
        "overall": report.overall,
        "strengths": list(report.strengths),
        "improvements": list(report.improvements),
        "timing": timing_to_dict(report.timing),
    }


def timing_to_dict(timing: Timing | None) -> dict[str, Any] | None:
    if timing is None:
        return None
    return {
        "timed": timing.timed,
        "reason": timing.reason,
        "roles": [
            {
                "role": r.role,
                "words": r.words,
                "word_share": r.word_share,
                "seconds": r.seconds,
                "time_share": r.time_share,
                "words_per_minute": r.words_per_minute,
                "longest_words": r.longest_words,
                "longest_seconds": r.longest_seconds,
            }
            for r in timing.roles
        ],
        "talk_ratio": timing.talk_ratio,
        "talk_ratio_by": timing.talk_ratio_by,
        "response_latency": timing.response_latency,
        "silences": timing.silences,
        "switches": timing.switches,
        "switches_per_minute": timing.switches_per_minute,
        "switches_per_100_words": timing.switches_per_100_words,
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_json(report: Report) -> str:
    """The report as JSON text (schema transcript-tool/report@1)."""
    return dumps(report_to_dict(report))


def render_transcript_json(transcript: Transcript) -> str:
    """The transcript as JSON text (schema transcript-tool/transcript@1)."""
    return dumps(transcript_to_dict(transcript))
