"""Report -> text for the terminal, drawn with rich.

``render_terminal`` returns a string so it can be tested exactly: the CLI
decides width and colour (none when NO_COLOR is set or output is not a
terminal) and prints it.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..errors import shown_source
from ..model import (
    LOW_CONFIDENCE,
    Analysis,
    CriterionResult,
    Evidence,
    Question,
    Report,
    Timing,
    Transcript,
    count_text_words,
)
from ..wording import counted
from .cards import question_concepts, question_lists, quote_of
from .columns import Narrowing
from .control import visible
from .notes import interviewer_notes
from .timeline import LEGEND, Layout, block_lines, layout
from .views import concept_rows, timing_view

ANSWERED_STYLE = {"yes": "green", "partial": "yellow", "no": "red"}
ROLE_STYLE = {"interviewer": "blue", "candidate": "green", "other": "magenta"}


def render_terminal(report: Report, *, width: int = 100, color: bool = False) -> str:
    """The whole report as text ``width`` columns wide, with ANSI colour if ``color``."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    for part in report_parts(visible(report)):
        console.print(part)
    # rich pads tables and wrapped blocks to the full width with spaces
    return "\n".join(line.rstrip(" ") for line in buffer.getvalue().split("\n"))


def report_parts(report: Report) -> list[RenderableType]:
    analysis = report.analysis
    parts: list[RenderableType] = [_header(report.transcript)]
    if report.transcript.turns:
        parts.append(Timeline(report))
    parts.append(_overall(report))
    parts.append(_criteria_table(report.criteria))
    if report.timing is not None:
        parts.append(_timing(report.timing))
    uncertain = set(uncertain_turns(report.transcript))
    missing = {q: left_out for q, (_, left_out) in question_concepts(analysis).items() if left_out}
    lists = question_lists(analysis)
    parts.append(
        _questions_table(lists["asked"], "Questions asked by the interviewer", uncertain, missing)
    )
    for key, title in (
        ("clarifying", "Clarifying questions by the candidate"),
        ("own", "Questions asked by the candidate"),
        ("debrief", f"Questions in the debrief, from turn {analysis.debrief_turn} (not scored)"),
    ):
        if lists[key]:
            parts.append(_questions_table(lists[key], title, uncertain, {}))
    parts.extend(_unanswered(analysis))
    parts.extend(_interviewer_notes(analysis))
    parts.extend(_concepts_table(analysis))
    parts.extend(_evidence_section(report, "strength", "Strengths"))
    parts.extend(_evidence_section(report, "improvement", "To improve"))
    return parts


class Timeline:
    """The conversation at a glance: one line of blocks per speaker, each
    block a slice of the conversation (by time when every turn is timed,
    else by words), and a line marking where questions begin. As wide as
    the console."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.layout: Layout = layout(report.transcript)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        questions = self.report.analysis.questions
        lengths = [len(t.text) for t in self.report.transcript.turns]
        title, label_width, lines = block_lines(self.layout, questions, lengths, options.max_width)
        yield Text(title, style="bold")
        for line in lines:
            if line.role is None:
                yield Text(f"  {line.label:<{label_width}}  {line.glyphs}".rstrip(), style="yellow")
                continue
            text = Text(f"  {line.label:<{label_width}}  ")
            style = ROLE_STYLE[line.role]
            for char, unsure in zip(line.glyphs, line.uncertain, strict=True):
                text.append(char, style=f"dim {style}" if unsure else style)
            yield text
        yield Padding(Text(LEGEND, style="dim"), (0, 0, 0, 2))  # wraps under itself
        yield Text("")


def _unanswered(analysis: Analysis) -> list[RenderableType]:
    unanswered = [q for q in analysis.questions if q.role == "interviewer" and q.answered == "no"]
    if not unanswered:
        return []
    lines: list[RenderableType] = [Text("Unanswered questions", style="bold")]
    lines.extend(_hanging("- ", Text(f"turn {q.turn}: {q.text}")) for q in unanswered)
    return [Group(*lines, Text(""))]


def _interviewer_notes(analysis: Analysis) -> list[RenderableType]:
    """The notes of :func:`.views.interviewer_notes`, one line each."""
    notes = interviewer_notes(analysis)
    if not notes:
        return []
    lines = [_hanging("- ", Text(note)) for note in notes]
    return [Group(Text("Interviewer notes", style="bold"), *lines, Text(""))]


def _concepts_table(analysis: Analysis) -> list[RenderableType]:
    """The rows of :func:`.views.concept_rows` as a table."""
    if not analysis.concepts:
        return []
    table = Table(box=box.SIMPLE_HEAD, title="Concepts", title_justify="left", expand=True)
    table.add_column("Concept", ratio=2, min_width=12)
    table.add_column("Mentioned", ratio=4, min_width=24)
    table.add_column("Expected, missing", ratio=3, min_width=16)
    listed: list[RenderableType] = [Text("Concepts", style="italic")]
    for row in concept_rows(analysis):
        where = ", ".join(f"“{q.text}” (turn {q.turn})" for q in row.mentioned)
        if row.more:
            where += f" and {row.more} more"
        gaps = ", ".join(f"question at turn {t}" for t in row.missing_turns)
        table.add_row(row.label, where or "never", gaps or "-")
        said = Text(f"{row.label}: ", style="bold")
        said.append(f"mentioned {where}" if where else "never mentioned")
        if gaps:
            said.append(f"; expected but missing: {gaps}")
        listed.append(_hanging("- ", said))
    return [Narrowing(table, Group(*listed, Text("")), NARROW_TABLES)]


def _header(transcript: Transcript) -> RenderableType:
    words = sum(count_text_words(t.text) for t in transcript.turns)
    lines: list[RenderableType] = [
        Text(f"Interview report: {shown_source(transcript.source)}", style="bold"),
        Text(
            f"format {transcript.format} · {counted(len(transcript.turns), 'turn')}"
            f" · {counted(words, 'word')}" + (f" · id {transcript.id}" if transcript.id else "")
        ),
    ]
    speakers = []
    for speaker in transcript.speakers:
        label = speaker.label
        how: str = speaker.role_source
        if speaker.role_source == "inferred":
            how = f"role inferred, confidence {speaker.role_confidence:.2f}"
        speakers.append(f"{label} = {speaker.role} [{how}]")
    lines.append(_hanging("speakers: ", Text("; ".join(speakers))))
    uncertain = uncertain_turns(transcript)
    if uncertain:
        shown = ", ".join(str(i) for i in uncertain[:12])
        more = f" and {len(uncertain) - 12} more" if len(uncertain) > 12 else ""
        said = f"(speaker confidence below {LOW_CONFIDENCE:.1f}): {shown}{more}; marked ~ below"
        lines.append(_hanging("uncertain turns ", Text(said, style="yellow"), style="yellow"))
    for notice in transcript.notices:
        lines.append(_hanging("note: ", Text(notice, style="dim"), style="dim"))
    return Group(*lines, Text(""))


def _overall(report: Report) -> RenderableType:
    if report.overall is None:
        headline = "Overall: not scored (no criterion could be scored)"
    else:
        headline = f"Overall: {report.overall:.0f}/100"
    return Text(f"{headline}   rubric {report.rubric} {report.rubric_version}", style="bold")


def _timing(timing: Timing) -> RenderableType:
    """The timing table and facts of :func:`.views.timing_view`."""
    view = timing_view(timing)
    assert view is not None
    table = Table(box=box.SIMPLE_HEAD, title=view.title, title_justify="left", expand=True)
    table.add_column("Role")
    table.add_column("Words", justify="right")
    table.add_column("Speaking time", justify="right")
    table.add_column("Words/min", justify="right")
    table.add_column("Longest stretch", justify="right")
    for row in view.rows:
        table.add_row(row.role, row.words, row.spoken, row.pace, row.longest)
    listed = Group(
        Text(view.title, style="italic"),
        *(
            _hanging(
                "- ",
                Text(
                    f"{row.role}: words {row.words} · speaking time {row.spoken} · "
                    f"words/min {row.pace} · longest stretch {row.longest}"
                ),
            )
            for row in view.rows
        ),
        Text(""),
    )
    facts = Text(" ".join(view.facts), style="dim")
    return Group(Narrowing(table, listed, NARROW_TABLES), facts, Text(""))


def _criteria_table(criteria: tuple[CriterionResult, ...]) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, title="Criteria", title_justify="left", expand=True)
    table.add_column("Criterion", ratio=2, min_width=12)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Band", no_wrap=True)
    table.add_column("Feedback", ratio=6, min_width=30)
    listed: list[RenderableType] = [Text("Criteria", style="italic")]
    for result in criteria:
        points = "-" if result.score is None else f"{result.score:.0f}"
        table.add_row(result.title, points, result.band, result.feedback)
        head = Text(f"{result.title}: {points} ({result.band})", style="bold")
        listed.append(_hanging("- ", Group(head, Text(result.feedback))))
    return Narrowing(table, Group(*listed, Text("")), NARROW_TABLES)


def _questions_table(
    questions: list[Question],
    title: str,
    uncertain: set[int],
    missing_concepts: dict[int, tuple[str, ...]],
) -> RenderableType:
    if not questions:
        return Text(f"{title}: none found", style="dim")
    table = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left", expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Turn", justify="right", no_wrap=True)
    table.add_column("Question", ratio=5, min_width=28)
    table.add_column("Form", no_wrap=True)
    table.add_column("Intent", no_wrap=True)
    table.add_column("Answered", ratio=2, min_width=16)
    listed: list[RenderableType] = [Text(title, style="italic")]
    numbers = {q.index: number for number, q in enumerate(questions, start=1)}
    for number, question in enumerate(questions, start=1):
        answered = Text(question.answered, style=ANSWERED_STYLE[question.answered])
        if question.answer_turns:
            answered.append(f" (turn {_turn_list(question.answer_turns, uncertain)})")
        if question.missing:
            answered.append("; missing: " + ", ".join(question.missing))
        if question.index in missing_concepts:
            answered.append(
                "; concepts not mentioned: " + ", ".join(missing_concepts[question.index])
            )
        asked: list[RenderableType] = [Text(question.text)]
        if len(question.parts) > 1:
            asked.extend(
                _hanging(f"  part {i}: ", Text(part, style="dim"), style="dim")
                for i, part in enumerate(question.parts, 1)
            )
        if question.reask_of is not None:
            earlier = numbers.get(question.reask_of)
            said = (
                f"asks #{earlier} again ({question.reask_cue})"
                if earlier is not None
                else f"re-asks an earlier question ({question.reask_cue})"
            )
            asked.append(_hanging("  ", Text(said, style="yellow")))
        table.add_row(
            str(number),
            _turn_mark(question.turn, uncertain),
            Group(*asked),
            question.form,
            question.intent,
            answered,
        )
        about = Text(
            f"turn {_turn_mark(question.turn, uncertain)} · {question.form} · "
            f"{question.intent} · answered: ",
            style="dim",
        )
        about.append_text(answered)
        listed.append(_hanging(f"{number:>2}. ", Group(*asked, about)))
    return Narrowing(table, Group(*listed, Text("")), NARROW_QUESTIONS)


def uncertain_turns(transcript: Transcript) -> list[int]:
    """Indices of turns whose speaker attribution is less sure than LOW_CONFIDENCE."""
    return [t.index for t in transcript.turns if t.confidence < LOW_CONFIDENCE]


def _turn_mark(turn: int, uncertain: set[int]) -> str:
    return f"{turn}~" if turn in uncertain else str(turn)


def _turn_list(turns: tuple[int, ...], uncertain: set[int]) -> str:
    if len(turns) > 3:
        return f"{_turn_mark(turns[0], uncertain)}-{_turn_mark(turns[-1], uncertain)}"
    return ", ".join(_turn_mark(t, uncertain) for t in turns)


MAX_QUOTES = 3
# the label of a quote that shows the other side of a strength (or improvement),
# so that "the answer drifted away" does not read as praise under "Strengths"
OTHER_SIDE = {"strength": "to work on, ", "improvement": "went well, "}


def _evidence_section(report: Report, polarity: str, title: str) -> list[RenderableType]:
    """The strengths (or improvements), most important first, each with its
    feedback and up to MAX_QUOTES quotes (those of the same polarity first)."""
    ids = report.strengths if polarity == "strength" else report.improvements
    results = {r.id: r for r in report.criteria}
    if not ids:
        return []
    lines: list[RenderableType] = [Text(title, style="bold underline")]
    for criterion_id in ids:
        result = results[criterion_id]
        points = "" if result.score is None else f", {result.score:.0f}"
        head = Text(f"{result.title} ({result.band}{points}): ", style="bold")
        head.append(result.feedback, style="")
        lines.append(_hanging("- ", head, style="bold"))
        for item in _quotes(result, polarity):
            other = item.polarity not in (polarity, "neutral")
            line = Text(f"{OTHER_SIDE[polarity] if other else ''}turn {item.turn}: ")
            shown = quote_of(item, result.title, report.analysis.transcript.turns).shown
            line.append(f"\u201c{shown}\u201d", style="italic")
            if item.note:
                line.append(f" \u2014 {item.note}")
            lines.append(Padding(line, (0, 0, 0, 4)))
    lines.append(Text(""))
    return lines


NARROW_TABLES = 60
"""Below this many columns the criteria, timing and concepts tables are
lists even where every word would fit: their columns would be a word wide."""
NARROW_QUESTIONS = 72
"""The same for the questions tables."""


def _hanging(label: str, body: RenderableType, *, style: str = "") -> RenderableType:
    """``label`` then ``body``, whose wrapped lines start under its first
    word rather than at the margin: "- " bullets, "speakers: " and notes."""
    grid = Table.grid()
    grid.add_column(width=len(label), no_wrap=True, style=style)
    grid.add_column(overflow="fold")  # a word too long (a path) is folded, never cut
    grid.add_row(label, body)
    return grid


def _quotes(result: CriterionResult, polarity: str) -> list[Evidence]:
    ranked = sorted(result.evidence, key=lambda e: e.polarity != polarity)
    return ranked[:MAX_QUOTES]
