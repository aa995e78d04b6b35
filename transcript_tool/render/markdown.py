"""Report -> Markdown for notes or a GitHub comment.

The same content as the HTML report (:mod:`.views`): the header facts and
speakers, a table of the criteria with their scores, what went well and what
to work on, the conversation timeline as lines of blocks, a table of the
questions with what each answer left out and quotes, each criterion's
feedback with its quotes, timing, concepts, notes for the interviewer and the
transcript with questions in bold and concept mentions in italics.

Every piece of text that comes from the transcript, the rubric or a file name
goes through :func:`escape`: ``&``, ``<`` and ``>`` become entities, so no
transcript can open an HTML tag, and the Markdown punctuation that could
start emphasis, a link, an image, code, strikethrough or a table cell
(``\\ ` * _ [ ] | ~``) is backslash-escaped, as is a list, heading or
thematic-break marker at the start of a line. Output is deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..model import Report
from ..wording import agree, counted
from .cards import Card, Quote
from .control import shown
from .pieces import Piece
from .timeline import LEGEND, layout, plain_lines
from .views import CriterionView, ReportView, Run, report_view

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")
_LINE_START = re.compile(r"^(\s*)(?:([-+=#])|(\d+)([.)]))")
BAR_WIDTH = 10


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line (see the module docstring)."""
    text = " ".join(text.split())
    text = "".join(_ENTITIES.get(c, c) for c in text)
    text = _PUNCTUATION.sub(r"\\\1", text)
    return _LINE_START.sub(_line_start, text)


def code_span(text: str) -> str:
    """``text`` as an inline code span on one line: fenced by one more
    backtick than its longest run of them (padded with a space where it
    starts or ends with one), so it shows literally, as a command to copy."""
    text = " ".join(text.split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _line_start(match: re.Match[str]) -> str:
    """``-`` -> ``\\-``; ``1.`` -> ``1\\.`` (a digit cannot be escaped)."""
    space, marker, digits, dot = match.groups()
    return f"{space}\\{marker}" if marker else f"{space}{digits}\\{dot}"


def _bar(score: float | None) -> str:
    if score is None:
        return ""
    filled = round(max(0.0, min(score, 100.0)) / 100 * BAR_WIDTH)
    return "`" + "█" * filled + "░" * (BAR_WIDTH - filled) + "`"


def _wrap(text: str, mark: str) -> str:
    """``mark`` + ``text`` + ``mark``, with the whitespace at either end left
    outside the marks (emphasis may not start or end with a space)."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{mark}{core}{mark}{trail}"


def _pieces(pieces: Sequence[Piece]) -> str:
    return "".join(
        _wrap(escape_inline(p.text), "*") if p.concept else escape_inline(p.text) for p in pieces
    )


def escape_inline(text: str) -> str:
    """Like :func:`escape`, but keeps the spaces at either end (for pieces of a line)."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return f"{lead}{escape(text)}{trail}" if text.strip() else (" " if text else "")


def _runs(runs: Sequence[Run]) -> str:
    out = []
    for run in runs:
        text = _pieces(run.pieces)
        if run.question is not None:
            text = _wrap(f"\\[Q{run.number}\\] " + text.lstrip(), "**")
            if run.pieces and run.pieces[0].text[:1].isspace():
                text = " " + text
        out.append(text)
    return "".join(out).strip()


def _quote_line(quote: Quote, with_source: bool = False) -> str:
    meta = [f"turn {quote.turn}"]
    if with_source and quote.source:
        meta.append(escape(quote.source))
    if quote.note:
        meta.append(escape(quote.note))
    return f"> “{escape(quote.shown)}”  \n> — {' · '.join(meta)}"


def _cell(text: str) -> str:
    return escape(text) or " "


def _header(view: ReportView) -> list[str]:
    out = [
        "# Interview report",
        "",
        " · ".join(
            [escape(view.source), f"read as {escape(view.format)}"]
            + ([f"id {escape(view.transcript_id)}"] if view.transcript_id else [])
            + [f"rubric {escape(view.rubric)}"]
        ),
        "",
        " · ".join(f"**{escape(value)}** {escape(label)}" for value, label in view.facts),
        "",
        "**Speakers:** "
        + "; ".join(f"{escape(s.label)}: {s.role} ({escape(s.how)})" for s in view.speakers),
        "",
    ]
    if view.inferred or view.notices:
        if view.inferred:
            line = f"> **{view.inferred}**"
            if view.uncertain_turns:
                n = view.uncertain_turns
                line += (
                    f" {counted(n, 'turn')} whose speaker or boundary has a confidence below "
                    f"{view.low_confidence} {agree(n, 'is', 'are')} marked “uncertain”: check "
                    f"{agree(n, 'it', 'them')} before relying on the feedback about "
                    f"{agree(n, 'it', 'them')}."
                )
            out.append(line)
        for words, command in view.notices:
            shown = escape(words) + (f" {code_span(command)}" if command else "")
            out.extend([">", f"> - {shown}"])
        out.append("")
    return out


def _scores(view: ReportView) -> list[str]:
    out = [
        f"## Overall score: {view.overall}/100",
        "",
        "| Criterion | Score | Band | |",
        "|---|--:|---|---|",
    ]
    for c in view.criteria:
        out.append(f"| {_cell(c.title)} | {c.score_text} | {_cell(c.band)} | {_bar(c.score)} |")
    out.append("")
    if not (view.strengths or view.improvements):  # nothing scored (as the HTML shows)
        return [*out, view.no_strengths, ""]
    for title, items, empty in (
        ("What went well", view.strengths, view.no_strengths),
        ("What to work on", view.improvements, view.no_improvements),
    ):
        out.extend([f"### {title}", ""])
        out.extend(_summary(items) or [empty])
        out.append("")
    return out


def _summary(items: Iterable[CriterionView]) -> list[str]:
    return [
        f"- **{escape(c.title)}** ({escape(c.band)}, {c.score_text}): {escape(c.feedback)}"
        for c in items
    ]


def _timeline(report: Report, width: int = 78) -> list[str]:
    if not report.transcript.turns:
        return []
    lengths = [len(t.text) for t in report.transcript.turns]
    title, lines = plain_lines(layout(report.transcript), report.analysis.questions, lengths, width)
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [
        "## The conversation at a glance",
        "",
        f"{escape(title)}; {escape(LEGEND.replace('  ', ' · '))}",
        "",
        f"{fence}text",
        *lines,
        fence,
        "",
    ]


def _card_row(card: Card) -> str:
    answer = "nobody answered"
    if card.answer_turns:
        turns = ", ".join(str(t) for t in card.answer_turns[:4])
        more = f" +{len(card.answer_turns) - 4}" if len(card.answer_turns) > 4 else ""
        time = f", {card.answer_time}" if card.answer_time else ""
        answer = f"{counted(card.answer_words, 'word')}{time} (turn {turns}{more})"
    concepts = ", ".join(
        [f"✓ {escape(c)}" for c in card.concepts_mentioned]
        + [f"✗ {escape(c)}" for c in card.concepts_missing]
    )
    turn = f"{card.turn}{' ~' if card.uncertain else ''}"
    return (
        f"| Q{card.number} | {turn} | {_cell(card.text)} | {escape(card.intent)} | "
        f"{escape(card.form)} | {card.answered_label} | {answer} | {concepts or '–'} |"
    )


def _card_details(card: Card) -> list[str]:
    out: list[str] = []
    notes = []
    if card.reask:
        notes.append(escape(card.reask))
    if card.parts:
        notes.append(
            "parts: " + "; ".join(f"({i}) {escape(p)}" for i, p in enumerate(card.parts, 1))
        )
    if card.missing:
        notes.append("left out: " + "; ".join(escape(m) for m in card.missing))
    if notes:
        out.append(f"**Q{card.number}** — " + " · ".join(notes))
        out.append("")
    quotes = list(card.quotes)
    if card.opening and card.answer_turns:
        opening = Quote(card.answer_turns[0], card.opening, "how the answer began", "neutral", "")
        quotes.insert(0, opening)
    if quotes:
        if not notes:
            out.extend([f"**Q{card.number}**", ""])
        for quote in quotes:
            out.extend([_quote_line(quote, with_source=True), ""])
    return out


def _questions(view: ReportView) -> list[str]:
    out = ["## Questions and answers", ""]
    if not view.groups:
        return [*out, "No questions were found in this transcript.", ""]
    for group in view.groups:
        out.extend(
            [
                f"### {group.title} ({len(group.cards)})",
                "",
                escape(group.note),
                "",
                "| Q | Turn | Question | Intent | Form | Answered | Answer | Concepts |",
                "|--:|--:|---|---|---|---|---|---|",
            ]
        )
        out.extend(_card_row(card) for card in group.cards)
        out.append("")
        for card in group.cards:
            out.extend(_card_details(card))
    return out


def _criteria(view: ReportView) -> list[str]:
    out = ["## Feedback by criterion", ""]
    for c in view.criteria:
        out.extend(
            [
                f"### {escape(c.title)}: {c.score_text}/100 ({escape(c.band)})",
                "",
                escape(c.feedback),
                "",
            ]
        )
        if c.reason:
            out.extend([f"Not scored: {escape(c.reason)}", ""])
        for quote in (*c.quotes, *c.more_quotes):
            out.extend([_quote_line(quote), ""])
        out.extend([f"Weight {c.weight} in the overall score.", ""])
    return out


def _extras(view: ReportView) -> list[str]:
    out: list[str] = []
    if view.timing is not None:
        out.extend(
            [
                f"## {escape(view.timing.title)}",
                "",
                "| Role | Words | Speaking time | Words/min | Longest stretch |",
                "|---|--:|--:|--:|--:|",
            ]
        )
        out.extend(
            f"| {r.role} | {r.words} | {r.spoken} | {r.pace} | {r.longest} |"
            for r in view.timing.rows
        )
        out.append("")
        if view.timing.facts:
            out.extend([" ".join(view.timing.facts), ""])
    if view.concepts:
        out.extend(
            [
                "## Concepts",
                "",
                "| Concept | Mentioned | Expected but missing after |",
                "|---|---|---|",
            ]
        )
        for row in view.concepts:
            said = ", ".join(f"“{escape(m.text)}” (turn {m.turn})" for m in row.mentioned)
            said = (said or "never") + (f" and {row.more} more" if row.more else "")
            missing = ", ".join(f"the question at turn {t}" for t in row.missing_turns) or "–"
            out.append(f"| {_cell(row.label)} | {said} | {missing} |")
        out.append("")
    if view.interviewer_notes:
        out.extend(["## Notes for the interviewer", ""])
        out.extend(f"- {escape(note)}" for note in view.interviewer_notes)
        out.append("")
    return out


def _transcript(view: ReportView) -> list[str]:
    out = ["## Transcript", "", "Questions are in **bold**, concept mentions in *italics*.", ""]
    for t in view.turns:
        meta = [t.role, f"turn {t.index}"]
        if t.time:
            meta.append(t.time)
        if t.uncertain:
            meta.append(f"uncertain ({t.confidence})")
        out.extend([f"**{escape(t.speaker)}** ({' · '.join(meta)}): {_runs(t.runs)}", ""])
    return out


def render_markdown(report: Report) -> str:
    """The report as Markdown (see the module docstring)."""
    view = report_view(report)
    lines = [
        *_header(view),
        *_scores(view),
        *_timeline(report),
        *_questions(view),
        *_criteria(view),
        *_extras(view),
        *_transcript(view),
    ]
    # no control character of the input reaches a terminal the file is shown in
    return shown("\n".join(lines).rstrip("\n") + "\n")
