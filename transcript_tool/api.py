"""The library's front door: read, analyze, load a rubric, score, render.

Heavy modules (spaCy) are imported inside the functions that need them, so
importing the package (and ``transcript-tool --help``) stays fast.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from .model import Analysis, Concept, Report, Role, Transcript
    from .rubric import Rubric


def read_transcript(
    source: str | Path,
    *,
    input_format: str | None = None,
    encoding: str | None = None,
    interviewer: str | Sequence[str] | None = None,
    candidate: str | Sequence[str] | None = None,
    speakers: int = 2,
    first_role: Role | None = None,
    stdin: BinaryIO | None = None,
    name: str | None = None,
    data: bytes | str | None = None,
) -> Transcript:
    """Read a transcript file (``"-"`` = standard input) into a Transcript.

    The format is sniffed unless ``input_format`` names a reader; ``encoding``
    overrides UTF-8/BOM detection; ``interviewer``/``candidate`` name the
    speakers whose roles are fixed (a name, or a list of them: a panel's
    interviewers). For text with no speaker labels,
    ``speakers`` says how many people talk and ``first_role`` who starts.
    ``name`` is how the file is called in messages and in the transcript
    (default: ``source`` as given), for a file read under another path.
    ``data`` is the file's content already in memory (an upload, a
    database field): bytes are read as the file's bytes would be, a str as
    its decoded text; ``source`` then only names it, and its extension
    still tells a Word document or a PDF apart.
    """
    from .readers import read_text
    from .readers.common import ReadOptions
    from .readers.decode import decode
    from .readers.limits import held_input, read_input
    from .segment.roles import assign_roles

    path = str(source)
    name = path if name is None else name
    if data is None:
        raw = read_input(path, stdin, name)
    else:
        raw = held_input(data, name)
        encoding = None if isinstance(data, str) else encoding
    text = decode(raw, name, encoding)
    transcript = read_text(text, name, input_format, ReadOptions(speakers, first_role))
    if interviewer or candidate:
        transcript = assign_roles(transcript, interviewer=interviewer, candidate=candidate)
    return transcript


def analyze(
    transcript: Transcript, *, model: str | None = None, concepts: Sequence[Concept] = ()
) -> Analysis:
    """Sentences, questions, exchanges and markers of ``transcript``, and where
    ``concepts`` (a rubric's ``concepts``) were mentioned."""
    from .annotate import annotate
    from .nlp import get_nlp

    return annotate(transcript, get_nlp(model), concepts)


def load_rubric(name_or_path: str | os.PathLike[str]) -> Rubric:
    """A built-in rubric by name ("default") or a rubric YAML file by path (a
    ``Path`` is always a file)."""
    from .rubric import load_rubric as _load

    return _load(name_or_path)


def score(analysis: Analysis, rubric: Rubric) -> Report:
    """Score ``analysis`` against every criterion of ``rubric``."""
    from .scoring import score as _score

    return _score(analysis, rubric)


RENDER_FORMATS = ("terminal", "json", "markdown", "html", "csv", "turns-csv")


def render_report(
    report: Report, format: str = "terminal", *, width: int = 100, color: bool = False
) -> str:
    """``report`` as ``transcript-tool report --format FORMAT`` prints it:
    "terminal" (``width`` columns, ANSI colour if ``color``), "json" (schema
    ``transcript-tool/report@1``), "markdown", "html" (one self-contained
    file), "csv" (the batch row) or "turns-csv" (a row per turn).

    Raises ValueError for any other format. (Not called ``render``: the
    package's ``render`` is the subpackage of renderers, and importing one of
    them would put the module in the function's place.)"""
    if format == "json":
        from .render.json import render_json

        return render_json(report)
    if format == "markdown":
        from .render.markdown import render_markdown

        return render_markdown(report)
    if format == "html":
        from .render.html import render_html

        return render_html(report)
    if format == "csv":
        from .render.table import render_csv

        return render_csv(report)
    if format == "turns-csv":
        from .render.table import render_turns_csv

        return render_turns_csv(report)
    if format == "terminal":
        from .render.terminal import render_terminal

        return render_terminal(report, width=width, color=color)
    raise ValueError(
        f"unknown report format {format!r}; expected one of {', '.join(RENDER_FORMATS)}"
    )
