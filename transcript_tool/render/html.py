"""Report -> one self-contained HTML page.

The page (``report.html.j2``, rendered by jinja2 with autoescaping, so every
piece of transcript text, speaker label and feedback is escaped) holds: a
header with the overall score (an SVG ring) and a bar per criterion; what
went well and what to work on; the conversation timeline (inline SVG: a
segment per turn in its speaker's lane, sized by seconds or words, a marker
where each question begins, uncertain turns hatched with their boundary
marked; hovering shows the turn's words, clicking jumps to the turn; on a
phone's narrow screen the same drawing runs down the page); a card
per question (form, intent, answered, answer length, concepts, quotes);
a section per criterion with its feedback and quotes; timing; and the full
transcript with question sentences and concept mentions highlighted, which
the cards and the timeline link to.

No scripts, fonts, styles or images come from anywhere else, and a
Content-Security-Policy forbids loading any. The page is deterministic (no
clock, no random ids): the same report gives the same bytes.

The content comes from :mod:`.views` (shared with the Markdown report);
this module adds the geometry of the SVG drawings, so the template only
lays them out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, fields
from importlib import resources
from typing import Any

from .. import __version__
from ..model import LOW_CONFIDENCE, Report, Turn
from ..wording import agree, counted
from .timeline import Layout, clock, layout, question_position
from .views import excerpt, report_view, tone

TEMPLATE = "report.html.j2"
TOOLTIP_CHARS = 320
ROLE_COLORS = {"interviewer": "#5566e8", "candidate": "#0f9b78", "other": "#9b6bd6"}


@dataclass(frozen=True)
class Ring:
    """The overall score as an SVG ring: ``dash`` of ``circumference`` drawn."""

    radius: float
    circumference: str
    dash: str
    text: str
    tone: str


@dataclass(frozen=True)
class Segment:
    turn: int
    lane: int
    role: str
    x: str
    y: str
    width: str
    height: str
    uncertain: bool
    asks: bool
    tooltip: str


@dataclass(frozen=True)
class QuestionMark:
    question: int
    number: int
    x: str
    y: str
    points: str
    tooltip: str


@dataclass(frozen=True)
class Tick:
    x: str
    text: str


@dataclass(frozen=True)
class LaneView:
    label: str
    role: str
    y: str
    middle: str


@dataclass(frozen=True)
class TimelineView:
    width: int
    height: int
    plot_left: int
    plot_right: int
    lane_height: int
    axis_y: str
    unit: str
    lanes: tuple[LaneView, ...]
    segments: tuple[Segment, ...]
    marks: tuple[QuestionMark, ...]
    ticks: tuple[Tick, ...]
    roles: tuple[str, ...]
    uncertain: int


def _ring(overall: float | None) -> Ring:
    radius = 52.0
    circumference = 2 * math.pi * radius
    drawn = 0.0 if overall is None else circumference * max(0.0, min(overall, 100.0)) / 100
    return Ring(
        radius=radius,
        circumference=f"{circumference:.2f}",
        dash=f"{drawn:.2f}",
        text="–" if overall is None else f"{overall:.0f}",
        tone=tone(overall),
    )


def _nice_step(total: float, unit: str, most: int = 10) -> float:
    steps: Sequence[float]
    if unit == "seconds":
        steps = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200)
    else:
        steps = [m * 10**e for e in range(0, 7) for m in (1, 2, 5)]
    return next((s for s in steps if total / s <= most), steps[-1])


def _timeline(report: Report, placed: Layout, numbers: dict[int, int]) -> TimelineView:
    width, left, right = 1000, 118, 12
    top, lane_height, gap = 14, 30, 14
    plot = width - left - right
    scale = plot / placed.total
    turns = report.transcript.turns
    asking = {q.turn for q in report.analysis.questions}
    lanes = tuple(
        LaneView(
            lane.label,
            lane.role,
            f"{top + i * (lane_height + gap)}",
            f"{top + i * (lane_height + gap) + lane_height / 2:.1f}",
        )
        for i, lane in enumerate(placed.lanes)
    )
    segments = []
    for span in placed.spans:
        turn = turns[span.turn]
        y = top + span.lane * (lane_height + gap)
        segments.append(
            Segment(
                turn=span.turn,
                lane=span.lane,
                role=span.role,
                x=f"{left + span.start * scale:.2f}",
                y=f"{y}",
                width=f"{max(1.5, (span.end - span.start) * scale):.2f}",
                height=f"{lane_height}",
                uncertain=span.uncertain,
                asks=span.turn in asking,
                tooltip=_tooltip(turn, span.words),
            )
        )
    marks = []
    lane_of = {s.turn: s.lane for s in placed.spans}
    for question in report.analysis.questions:
        at = left + question_position(placed, question, len(turns[question.turn].text)) * scale
        tip_y = top + lane_of[question.turn] * (lane_height + gap) - 1
        marks.append(
            QuestionMark(
                question=question.index,
                number=numbers[question.index],
                x=f"{at:.2f}",
                y=f"{tip_y}",
                points=f"{at - 5:.2f},{tip_y - 9} {at + 5:.2f},{tip_y - 9} {at:.2f},{tip_y}",
                tooltip=f"Q{numbers[question.index]} ({question.role}, turn {question.turn}): "
                f"{excerpt(question.text, TOOLTIP_CHARS)}",
            )
        )
    axis_y = top + len(lanes) * (lane_height + gap) - gap + 8
    ticks = [Tick(f"{left + value * scale:.2f}", text) for value, text in _tick_values(placed)]
    roles = tuple(sorted({lane.role for lane in placed.lanes}, key=_role_order))
    return TimelineView(
        width=width,
        height=axis_y + 22,
        plot_left=left,
        plot_right=width - right,
        lane_height=lane_height,
        axis_y=f"{axis_y}",
        unit="min:sec" if placed.unit == "seconds" else "words",
        lanes=lanes,
        segments=tuple(segments),
        marks=tuple(marks),
        ticks=tuple(ticks),
        roles=roles,
        uncertain=sum(1 for s in placed.spans if s.uncertain),
    )


@dataclass(frozen=True)
class UprightLane:
    label: str
    x: str
    middle: str


@dataclass(frozen=True)
class UprightTick:
    y: str
    text: str


@dataclass(frozen=True)
class UprightView:
    """The timeline drawn downwards, for a phone's narrow screen: a column
    per lane, the conversation's start at the top. Across, the timeline
    shrank its labels and ticks to specks there, or scrolled sideways."""

    width: int
    height: int
    top: int
    bottom: int
    axis_x: int
    lane_width: str
    lanes: tuple[UprightLane, ...]
    segments: tuple[Segment, ...]
    marks: tuple[QuestionMark, ...]
    ticks: tuple[UprightTick, ...]


UPRIGHT_WIDTH, UPRIGHT_LENGTH = 360, 600
"""The upright timeline's drawing: as wide as a phone's screen in CSS pixels,
and as long as a screen and a half."""


def _upright(
    report: Report, placed: Layout, numbers: dict[int, int], across: TimelineView
) -> UprightView:
    """:func:`_timeline`'s drawing turned upright: the same turns, questions
    and ticks, placed down the page. The tooltips are the across drawing's."""
    axis_x, right, top, gap = 50, 8, 30, 10
    room = UPRIGHT_WIDTH - axis_x - 12 - right
    count = len(across.lanes)
    lane_width = min(110.0, (room - (count - 1) * gap) / count)
    scale = UPRIGHT_LENGTH / placed.total
    lefts = [axis_x + 12 + i * (lane_width + gap) for i in range(count)]
    lanes = tuple(
        UprightLane(lane.label, f"{left:.1f}", f"{left + lane_width / 2:.1f}")
        for lane, left in zip(across.lanes, lefts, strict=True)
    )
    segments = tuple(
        Segment(
            turn=span.turn,
            lane=span.lane,
            role=span.role,
            x=f"{lefts[span.lane]:.1f}",
            y=f"{top + span.start * scale:.2f}",
            width=f"{lane_width:.1f}",
            height=f"{max(1.5, (span.end - span.start) * scale):.2f}",
            uncertain=span.uncertain,
            asks=drawn.asks,
            tooltip=drawn.tooltip,
        )
        for span, drawn in zip(placed.spans, across.segments, strict=True)
    )
    turns = report.transcript.turns
    lane_of = {s.turn: s.lane for s in placed.spans}
    marks = []
    for question in report.analysis.questions:
        at = top + question_position(placed, question, len(turns[question.turn].text)) * scale
        tip = lefts[lane_of[question.turn]] - 1
        marks.append(
            QuestionMark(
                question=question.index,
                number=numbers[question.index],
                x=f"{tip:.1f}",
                y=f"{at:.2f}",
                points=f"{tip - 9:.1f},{at - 5:.2f} {tip - 9:.1f},{at + 5:.2f} {tip:.1f},{at:.2f}",
                tooltip=f"Q{numbers[question.index]} ({question.role}, turn {question.turn}): "
                f"{excerpt(question.text, TOOLTIP_CHARS)}",
            )
        )
    ticks = tuple(
        UprightTick(f"{top + value * scale:.2f}", text) for value, text in _tick_values(placed)
    )
    return UprightView(
        width=UPRIGHT_WIDTH,
        height=top + UPRIGHT_LENGTH + 12,
        top=top,
        bottom=top + UPRIGHT_LENGTH,
        axis_x=axis_x,
        lane_width=f"{lane_width:.1f}",
        lanes=lanes,
        segments=segments,
        marks=tuple(marks),
        ticks=ticks,
    )


def _tick_values(placed: Layout) -> list[tuple[float, str]]:
    """Where the axis is ticked (seconds or words) and the tick's text."""
    step = _nice_step(placed.total, placed.unit)
    ticks = []
    value = 0.0
    while value <= placed.total + 1e-9:
        ticks.append((value, clock(value) if placed.unit == "seconds" else f"{value:,.0f}"))
        value += step
    return ticks


def _role_order(role: str) -> int:
    return ("interviewer", "candidate", "other").index(role)


def _tooltip(turn: Turn, words: int) -> str:
    when = ""
    if turn.start is not None and turn.end is not None:
        when = f" · {clock(turn.start)}–{clock(turn.end)}"
    unsure = ""
    if turn.confidence < LOW_CONFIDENCE:
        unsure = f" · uncertain (confidence {turn.confidence:.2f})"
    head = (
        f"Turn {turn.index} · {turn.speaker} ({turn.role}) · {counted(words, 'word')}{when}{unsure}"
    )
    return f"{head}\n{excerpt(turn.text, TOOLTIP_CHARS)}"


def report_context(report: Report) -> dict[str, Any]:
    """Everything the template shows: the shared view's fields, the score
    ring and the timeline."""
    placed = layout(report.transcript)
    view = report_view(report, placed)
    context: dict[str, Any] = {f.name: getattr(view, f.name) for f in fields(view)}
    context.update(
        generator=f"transcript-tool {__version__}",
        ring=_ring(report.overall),
        role_colors=ROLE_COLORS,
        timeline=None,
        upright=None,
    )
    if report.transcript.turns:
        across = _timeline(report, placed, view.numbers)
        context.update(timeline=across, upright=_upright(report, placed, view.numbers, across))
    return context


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page (see the module docstring)."""
    import jinja2

    template_text = (
        resources.files(__package__ or "transcript_tool.render")
        .joinpath(TEMPLATE)
        .read_text(encoding="utf-8")
    )
    environment = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # number agreement as the other reports word it: counted("turn"), agree("is", "are")
    environment.filters["counted"] = counted
    environment.filters["agree"] = agree
    return environment.from_string(template_text).render(**report_context(report))
