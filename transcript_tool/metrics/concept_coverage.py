"""Concept coverage: did the answers mention the concepts the rubric expects?

A rubric may list concepts a good answer mentions ("class imbalance",
"precision/recall"), each with the question words that make it expected
(``expected_when``). A technical interviewer listens for exactly these: an
answer to "how would you build a fraud model?" that never says "class
imbalance" misses the point, however fluent it is. The annotation stage has
already found where each concept was said (:attr:`Analysis.mentions`) and,
per interviewer exchange, which expected concepts its answer mentioned
(:attr:`Analysis.exchange_concepts`); this metric scores them.

Two modes (param ``mode``):

- ``"exchange"`` (default): 100 × concepts mentioned / concepts expected,
  summed over the exchanges in scope whose questions made a concept expected;
- ``"transcript"``: 100 × the share of the rubric's concepts the subject
  mentioned anywhere in the turns in scope, asked for or not.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Analysis, Evidence, ExchangeConcepts, Mention, MetricResult
from .base import MetricSpec, Param, Params, Scope
from .common import quote


def concept_coverage(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """The share of expected concepts mentioned (see the module's docstring for
    the two modes). An exchange the subject never answered (the transcript
    ended first) is left out: the candidate had no chance to mention anything.
    Items give each answered exchange that expected a concept its percent."""
    if not analysis.concepts:
        return MetricResult(None, reason="the rubric defines no concepts")
    labels = {c.id: c.label for c in analysis.concepts}
    kept = {e.index for e in scope.exchanges(analysis)}
    asked = [c for c in analysis.exchange_concepts if c.exchange in kept and c.expected]
    expecting = [c for c in asked if _answered(analysis, c.exchange, scope)]
    items = tuple(
        (f"exchange {c.exchange}", round(100.0 * len(c.mentioned) / len(c.expected), 1))
        for c in expecting
    )
    if params["mode"] == "transcript":
        return _transcript(analysis, scope, expecting, items, labels)
    if not asked:
        return MetricResult(None, reason="no question in scope made a concept expected")
    if not expecting:
        return MetricResult(None, reason="no question that made a concept expected was answered")
    expected = sum(len(c.expected) for c in expecting)
    mentioned = sum(len(c.mentioned) for c in expecting)
    evidence = []
    worst = _missing_most(expecting)
    if worst is not None:
        evidence.append(_missing_evidence(analysis, worst, worst.missing, labels))
    hits = {(c.exchange, concept) for c in expecting for concept in c.mentioned}
    said = [m for m in _subject_mentions(analysis, scope) if (m.exchange, m.concept) in hits]
    if said:
        evidence.append(_mention_evidence(analysis, said[0], labels))
    return MetricResult(
        value=round(100.0 * mentioned / expected, 1),
        evidence=tuple(evidence),
        details={
            "expected": expected,
            "mentioned": mentioned,
            "missing": expected - mentioned,
            "concepts": len(analysis.concepts),
        },
        items=items,
    )


def _transcript(
    analysis: Analysis,
    scope: Scope,
    expecting: Sequence[ExchangeConcepts],
    items: tuple[tuple[str, float], ...],
    labels: dict[str, str],
) -> MetricResult:
    """The share of the rubric's concepts the subject said in the turns in scope."""
    turns = analysis.transcript.turns
    if not any(turns[t].role == scope.subject for t in scope.turns(analysis)):
        return MetricResult(None, reason=f"the {scope.subject} said nothing in {scope.describe()}")
    mentions = _subject_mentions(analysis, scope)
    said = {m.concept for m in mentions}
    concepts = [c.id for c in analysis.concepts]
    never = [c for c in concepts if c not in said]
    evidence = []
    # the question that expected the most of the concepts never said
    worst = _missing_most(
        [
            ExchangeConcepts(
                c.exchange, c.expected, c.mentioned, tuple(m for m in c.missing if m in never)
            )
            for c in expecting
        ]
    )
    if worst is not None:
        evidence.append(_missing_evidence(analysis, worst, worst.missing, labels, anywhere=True))
    elif never:
        # no question asked for the concepts never said: point at the longest stretch of talk
        longest = max(
            (t for t in scope.turns(analysis) if turns[t].role == scope.subject),
            key=lambda t: (len(turns[t].text.split()), -t),
        )
        note = "never mentioned: " + ", ".join(labels[c] for c in never)
        evidence.append(Evidence(longest, quote(turns[longest].text), note, "improvement"))
    if mentions:
        evidence.append(
            _mention_evidence(analysis, _telling(analysis, mentions, expecting), labels)
        )
    mentioned = len(concepts) - len(never)
    return MetricResult(
        value=round(100.0 * mentioned / len(concepts), 1),
        evidence=tuple(evidence),
        details={
            "expected": len(concepts),
            "mentioned": mentioned,
            "missing": len(never),
            "concepts": len(concepts),
        },
        items=items,
    )


def _telling(
    analysis: Analysis, mentions: Sequence[Mention], expecting: Sequence[ExchangeConcepts]
) -> Mention:
    """The mention to quote for the whole transcript: the first in an answer
    whose question expected its concept, else the first in the interview
    proper, else the first. Small talk's words are the likeliest to mean
    something else ("a few segments of your podcast")."""
    hits = {(c.exchange, concept) for c in expecting for concept in c.mentioned}
    asked = [m for m in mentions if (m.exchange, m.concept) in hits]
    proper = [
        m
        for m in mentions
        if m.exchange is not None and analysis.exchanges[m.exchange].phase == "interview"
    ]
    return (asked or proper or list(mentions))[0]


def _answered(analysis: Analysis, exchange: int, scope: Scope) -> bool:
    """Whether the subject answered the exchange at all (an exchange nobody
    answered before the transcript ended is not held against them)."""
    turns = analysis.transcript.turns
    return any(turns[t].role == scope.subject for t in analysis.exchanges[exchange].answer_turns)


def _subject_mentions(analysis: Analysis, scope: Scope) -> list[Mention]:
    """Mentions said by the subject in the turns in scope, in turn and text order."""
    turns = analysis.transcript.turns
    kept = set(scope.turns(analysis))
    return [m for m in analysis.mentions if m.turn in kept and turns[m.turn].role == scope.subject]


def _missing_most(expecting: Sequence[ExchangeConcepts]) -> ExchangeConcepts | None:
    """The exchange that left out the most concepts (the first on a tie), None
    when none left one out."""
    missing = [c for c in expecting if c.missing]
    if not missing:
        return None
    return min(missing, key=lambda c: (-len(c.missing), c.exchange))


def _missing_evidence(
    analysis: Analysis,
    concepts: ExchangeConcepts,
    missing: Sequence[str],
    labels: dict[str, str],
    anywhere: bool = False,
) -> Evidence:
    """The question that asked for the first concept left out, with the
    concepts left out."""
    exchange = analysis.exchanges[concepts.exchange]
    asked_by = dict(zip(concepts.expected, concepts.asked_by, strict=False))
    question = analysis.questions[asked_by.get(missing[0], exchange.questions[0])]
    lead = "expected but never mentioned" if anywhere else "expected but not mentioned"
    note = f"{lead}: " + ", ".join(labels[c] for c in missing)
    return Evidence(question.turn, question.text, note, "improvement")


def _mention_evidence(analysis: Analysis, mention: Mention, labels: dict[str, str]) -> Evidence:
    """The sentence holding the mention (from the mention on when a long
    sentence's quote would cut it off)."""
    text = analysis.transcript.turns[mention.turn].text
    said = mention.text
    sentence = analysis.sentence_at(mention.turn, mention.start)
    if sentence is not None:
        whole = quote(text, sentence.start, sentence.end)
        if mention.end <= text.index(whole, sentence.start) + len(whole):
            said = whole
        else:
            said = quote(text, mention.start, sentence.end)
    return Evidence(mention.turn, said, f"mentioned {labels[mention.concept]}", "strength")


SPEC = MetricSpec(
    name="concept_coverage",
    function=concept_coverage,
    description=(
        "How many of the concepts the rubric expects the answers mention: per question "
        "whose words make a concept expected, the share of those concepts its answer said "
        '(mode "exchange"), or the share of all the rubric\'s concepts said anywhere in '
        'scope (mode "transcript"). 0-100, higher is better.'
    ),
    scale="score",
    params={
        "mode": Param(
            "string",
            "exchange",
            '"exchange": concepts each question made expected, mentioned in its answer; '
            '"transcript": the rubric\'s concepts mentioned anywhere',
            choices=("exchange", "transcript"),
        ),
    },
    details=("expected", "mentioned", "missing", "concepts"),
)
