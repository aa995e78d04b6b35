"""What a report shows, as plain view objects shared by the HTML and Markdown renderers.

:func:`report_view` turns a Report into the content both documents present,
in the same order and with the same wording: the facts of the header, the
speakers and how their roles were decided, each criterion with its quotes,
the question cards (grouped as the interviewer's questions, the candidate's
clarifying questions and the candidate's own questions, numbered Q1, Q2 ...
in that order), timing, concepts, notes for the interviewer, and each turn's
text cut into runs (inside a question or not) and pieces (inside a concept
mention or not). Numbers are formatted here, so every renderer says the same.
The question cards are built in :mod:`.cards`. Nothing here escapes:
renderers escape every string they take from a view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from ..errors import shown_source
from ..model import (
    LOW_CONFIDENCE,
    Analysis,
    Report,
    Timing,
    Transcript,
    count_text_words,
)
from ..wording import agree, counted
from .cards import CardGroup, Quote, question_cards, question_groups, quote_of
from .notes import interviewer_notes
from .pieces import Piece, turn_pieces
from .timeline import Layout, clock, layout

MAX_QUOTES = 6


def tone(score: float | None) -> str:
    """A colour class for a 0-100 score: good (75+), fair (50+), low, none."""
    if score is None:
        return "none"
    return "good" if score >= 75 else "fair" if score >= 50 else "low"


def excerpt(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return f"{cut}…"


@dataclass(frozen=True)
class CriterionView:
    id: str
    title: str
    score: float | None
    score_text: str
    band: str
    tone: str
    feedback: str
    reason: str | None
    weight: str
    quotes: tuple[Quote, ...]
    more_quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class SpeakerView:
    label: str
    role: str
    how: str


@dataclass(frozen=True)
class Run:
    """Consecutive pieces of a turn inside one question (or none)."""

    question: int | None
    number: int
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class TurnView:
    index: int
    speaker: str
    role: str
    time: str | None
    words: int
    confidence: str
    uncertain: bool
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class TimingRow:
    role: str
    words: str
    spoken: str
    pace: str
    longest: str


@dataclass(frozen=True)
class TimingView:
    title: str
    rows: tuple[TimingRow, ...]
    facts: tuple[str, ...]


@dataclass(frozen=True)
class ConceptRow:
    label: str
    mentioned: tuple[Quote, ...]
    more: int
    missing_turns: tuple[int, ...]


def _speakers(transcript: Transcript) -> tuple[SpeakerView, ...]:
    views = []
    for speaker in transcript.speakers:
        label = speaker.label
        how = {
            "label": "from the label",
            "option": "as given on the command line",
            "inferred": f"role inferred, confidence {speaker.role_confidence:.2f}",
        }[speaker.role_source]
        views.append(SpeakerView(label, speaker.role, how))
    return tuple(views)


def _inferred(transcript: Transcript) -> str:
    """The heading of the notice that says what the tool worked out itself."""
    if transcript.turns_inferred:
        return "Who said what was inferred, not read from speaker labels."
    if transcript.roles_inferred:
        return "The roles were inferred: the speaker labels say who spoke, not who interviewed."
    return ""


def _criteria(report: Report) -> tuple[CriterionView, ...]:
    views = []
    turns = report.analysis.transcript.turns
    for result in report.criteria:
        ranked = sorted(result.evidence, key=lambda e: e.polarity == "neutral")
        quotes = tuple(quote_of(e, result.title, turns) for e in ranked)
        views.append(
            CriterionView(
                id=result.id,
                title=result.title,
                score=result.score,
                score_text="–" if result.score is None else f"{result.score:.0f}",
                band=result.band,
                tone=tone(result.score),
                feedback=result.feedback,
                reason=result.reason,
                weight=f"{result.weight:g}",
                quotes=quotes[:MAX_QUOTES],
                more_quotes=quotes[MAX_QUOTES:],
            )
        )
    return tuple(views)


def _turns(report: Report, numbers: dict[int, int]) -> tuple[TurnView, ...]:
    analysis = report.analysis
    pieces = turn_pieces(analysis)
    views = []
    for turn in analysis.transcript.turns:
        runs: list[Run] = []
        # consecutive pieces of one question make a run (grouped at once: a run
        # rebuilt for each piece was quadratic in a long answer's mentions)
        for asked, grouped in groupby(pieces[turn.index], key=lambda piece: piece.question):
            number = numbers.get(asked, 0) if asked is not None else 0
            runs.append(Run(asked, number, tuple(grouped)))
        time = None
        if turn.start is not None:
            time = clock(turn.start)
        views.append(
            TurnView(
                index=turn.index,
                speaker=turn.speaker,
                role=turn.role,
                time=time,
                words=count_text_words(turn.text),
                confidence=f"{turn.confidence:.2f}",
                uncertain=turn.confidence < LOW_CONFIDENCE,
                runs=tuple(runs),
            )
        )
    return tuple(views)


def timing_view(timing: Timing | None) -> TimingView | None:
    """Per role: words, speaking time, pace and longest stretch; then the
    conversation's talk ratio, latency, silences and changes of speaker, one
    sentence each (the terminal, Markdown and HTML reports all show these)."""
    if timing is None:
        return None
    rows = []
    for row in timing.roles:
        spoken = "–"
        if row.seconds is not None and row.time_share is not None:
            spoken = f"{clock(row.seconds)} ({row.time_share:.0f}%)"
        longest = counted(row.longest_words, "word")
        if row.longest_seconds is not None:
            longest += f", {clock(row.longest_seconds)}"
        rows.append(
            TimingRow(
                role=row.role,
                words=f"{row.words:,} ({row.word_share:.0f}%)",
                spoken=spoken,
                pace="–" if row.words_per_minute is None else f"{row.words_per_minute:.0f}",
                longest=longest,
            )
        )
    facts = []
    if timing.timed and any(row.seconds is None for row in timing.roles):
        # start-only formats (Otter, Rev, timed lines): the last turn's length is unknown
        facts.append("Speaking time: not available (some turns have no end time).")
    if timing.talk_ratio is not None:
        of = "the time" if timing.talk_ratio_by == "seconds" else "the words"
        facts.append(f"The candidate spoke {timing.talk_ratio:.0f}% of {of}.")
    if timing.response_latency is not None:
        facts.append(f"Answers began {timing.response_latency:.1f} s after the question (median).")
    if timing.silences is not None:
        if timing.silences == 0:
            facts.append("No silence of 5 s or more in answers.")
        else:
            facts.append(f"{counted(timing.silences, 'silence')} of 5 s or more in answers.")
    if timing.switches_per_minute is not None:
        facts.append(f"{timing.switches_per_minute:.1f} changes of speaker per minute.")
    elif timing.switches_per_100_words is not None:
        facts.append(f"{timing.switches_per_100_words:.1f} changes of speaker per 100 words.")
    title = "Timing" if timing.timed else f"Timing: {timing.reason}; figures by words"
    return TimingView(title, tuple(rows), tuple(facts))


def concept_rows(analysis: Analysis) -> tuple[ConceptRow, ...]:
    """Each rubric concept: where the candidate said it (the first four) and
    which questions' answers were expected to mention it and did not. The
    interviewer naming a concept ("how would you deal with label noise?") is
    not the candidate mentioning it, so their turns are left out."""
    turns = analysis.transcript.turns
    rows = []
    for concept in analysis.concepts:
        said = [
            m
            for m in analysis.mentions
            if m.concept == concept.id and turns[m.turn].role == "candidate"
        ]
        missing = tuple(
            analysis.exchanges[item.exchange].question_turn
            for item in analysis.exchange_concepts
            if concept.id in item.missing
        )
        rows.append(
            ConceptRow(
                label=concept.label,
                mentioned=tuple(Quote(m.turn, m.text, "", "neutral", "") for m in said[:4]),
                more=max(0, len(said) - 4),
                missing_turns=missing,
            )
        )
    return tuple(rows)


def _facts(report: Report, placed: Layout) -> tuple[tuple[str, str], ...]:
    transcript = report.transcript
    words = sum(count_text_words(t.text) for t in transcript.turns)
    asked = [q for q in report.analysis.questions if q.role != "candidate"]
    turns = len(transcript.turns)
    facts = [(f"{words:,}", agree(words, "word")), (f"{turns:,}", agree(turns, "turn"))]
    if placed.unit == "seconds":
        facts.append((clock(placed.total), "long"))
    facts.append((f"{len(asked)}", agree(len(asked), "question") + " asked"))
    answered = sum(1 for q in asked if q.answered == "yes")
    if asked:
        facts.append((f"{answered} of {len(asked)}", "fully answered"))
    timing = report.timing
    if timing is not None and timing.talk_ratio is not None:
        of = "time" if timing.talk_ratio_by == "seconds" else "words"
        facts.append((f"{timing.talk_ratio:.0f}%", f"of the {of} spoken by the candidate"))
    return tuple(facts)


def _no_summary(criteria: Sequence[CriterionView], *, strengths: bool) -> str:
    """The line under "What went well" (``strengths``) or "What to work on"
    when it lists nothing. With nothing scored, neither can be said; with a
    criterion not scored, "every criterion" would claim it too."""
    scored = [c for c in criteria if c.score is not None]
    if not scored:
        return "No criterion could be scored."
    if strengths:
        return "No criterion reached its best band this time."
    if len(scored) < len(criteria):
        return "Every criterion that could be scored is in its best band."
    return "Every criterion is in its best band."


@dataclass(frozen=True)
class ReportView:
    """Everything the HTML and Markdown reports show (see the module docstring)."""

    source: str
    format: str
    transcript_id: str | None
    rubric: str
    overall: str
    overall_tone: str
    facts: tuple[tuple[str, str], ...]
    speakers: tuple[SpeakerView, ...]
    inferred: str  # what was inferred, as the notice's heading ("" when nothing was)
    notices: tuple[tuple[str, str], ...]  # (words, the command they end with, or "")
    uncertain_turns: int
    low_confidence: str
    criteria: tuple[CriterionView, ...]
    strengths: tuple[CriterionView, ...]
    improvements: tuple[CriterionView, ...]
    no_strengths: str  # what to say under "What went well" when there is none
    no_improvements: str  # ... and under "What to work on"
    groups: tuple[CardGroup, ...]
    question_count: int
    numbers: dict[int, int]
    timing: TimingView | None
    concepts: tuple[ConceptRow, ...]
    concept_labels: dict[str, str]
    interviewer_notes: tuple[str, ...]
    turns: tuple[TurnView, ...]


COMMAND_START = ": transcript-tool "


def split_command(notice: str) -> tuple[str, str]:
    """A notice that ends with a command to run ("... then report it:
    transcript-tool segment FILE --format labeled > fixed.txt") as its words
    and the command, so that the reports can show the command as code, to be
    copied whole; (notice, "") when it has none."""
    words, found, command = notice.rpartition(COMMAND_START)
    if not found:
        return notice, ""
    return words + ":", COMMAND_START[2:] + command


def report_view(report: Report, placed: Layout | None = None) -> ReportView:
    """The content of ``report`` as view objects; ``placed`` is the report's
    timeline layout when the caller has it already."""
    analysis = report.analysis
    transcript = report.transcript
    placed = placed if placed is not None else layout(transcript)
    groups, numbers = question_groups(report)
    criteria = _criteria(report)
    by_id = {c.id: c for c in criteria}
    return ReportView(
        source=shown_source(transcript.source),
        format=transcript.format,
        transcript_id=transcript.id,
        rubric=f"{report.rubric} {report.rubric_version}",
        overall="–" if report.overall is None else f"{report.overall:.0f}",
        overall_tone=tone(report.overall),
        facts=_facts(report, placed),
        speakers=_speakers(transcript),
        inferred=_inferred(transcript),
        notices=tuple(split_command(notice) for notice in transcript.notices),
        uncertain_turns=sum(1 for t in transcript.turns if t.confidence < LOW_CONFIDENCE),
        low_confidence=f"{LOW_CONFIDENCE:.1f}",
        criteria=criteria,
        strengths=tuple(by_id[c] for c in report.strengths),
        improvements=tuple(by_id[c] for c in report.improvements),
        no_strengths=_no_summary(criteria, strengths=True),
        no_improvements=_no_summary(criteria, strengths=False),
        groups=question_cards(report, numbers, groups),
        question_count=len(analysis.questions),
        numbers=numbers,
        timing=timing_view(report.timing),
        concepts=concept_rows(analysis),
        concept_labels={c.id: c.label for c in analysis.concepts},
        interviewer_notes=interviewer_notes(analysis),
        turns=_turns(report, numbers),
    )
