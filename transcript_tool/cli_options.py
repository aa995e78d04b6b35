"""What the commands of :mod:`transcript_tool.cli` share: their output
formats, option types and help texts, and the way library errors become one
line on stderr."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Annotated, Any

import typer

from .errors import TranscriptToolError, one_line
from .model import Role, Transcript
from .wording import agree

PROG = "transcript-tool"


class ReportFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"
    html = "html"
    csv = "csv"
    turns_csv = "turns-csv"


class ReportsFormat(str, Enum):
    """The formats of ``batch --reports-dir`` (one file per transcript)."""

    json = "json"
    terminal = "terminal"
    markdown = "markdown"
    html = "html"


class SegmentFormat(str, Enum):
    text = "text"
    json = "json"
    labeled = "labeled"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


FileArg = Annotated[str, typer.Argument(help="Transcript file, or - for standard input.")]


RubricOpt = Annotated[
    str,
    typer.Option(
        "--rubric",
        "-r",
        metavar="NAME|FILE",
        help="Built-in rubric name or a rubric YAML file.",
    ),
]


InputFormatOpt = Annotated[
    str | None,
    typer.Option(
        "--input-format",
        metavar="NAME",
        help="Read as this format instead of detecting it (see: transcript-tool formats).",
    ),
]


EncodingOpt = Annotated[
    str | None,
    typer.Option(
        "--encoding", metavar="NAME", help="Text encoding (default: UTF-8, or as the BOM says)."
    ),
]


InterviewerOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--interviewer",
        metavar="NAME",
        help="The speaker (label or name) who interviews; repeat it for each of a panel.",
    ),
]


CandidateOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--candidate",
        metavar="NAME",
        help="The speaker (label or name) being interviewed; repeat it for several.",
    ),
]


SpeakersOpt = Annotated[
    int,
    typer.Option(
        "--speakers",
        metavar="N",
        min=1,
        max=9,
        help=(
            "How many people speak, for text with no speaker labels; "
            "beyond two, a panel: the extra voices are interviewers."
        ),
    ),
]


FirstOpt = Annotated[
    bool | None,
    typer.Option(
        "--interviewer-first/--candidate-first",
        help="Who speaks first, for text with no speaker labels (default: inferred).",
        show_default=False,
    ),
]


DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")]


WorkersOpt = Annotated[
    int,
    typer.Option(
        "--workers",
        "-j",
        metavar="N",
        min=0,
        help="Worker processes (0: one per CPU; at most 4 per CPU and one per file).",
    ),
]


def first_role(first: bool | None) -> Role | None:
    """The role of whoever speaks first, from --interviewer-first/--candidate-first."""
    if first is None:
        return None
    return "interviewer" if first else "candidate"


def read_for_command(file: str, *, speakers: int, first: bool | None, **options: Any) -> Transcript:
    """The transcript ``report`` and ``segment`` work on (``options``: the
    other keywords of :func:`.api.read_transcript`). The hints for text with
    no speaker labels (``--speakers``, ``--interviewer-first``) do nothing to
    a file that has labels; a warning on stderr says so, rather than leave
    the user to think they were applied."""
    from .api import read_transcript
    from .readers.common import ReadOptions

    transcript = read_transcript(file, speakers=speakers, first_role=first_role(first), **options)
    unused = ReadOptions(speakers, first_role(first)).flags()
    if unused and transcript.turns and not transcript.unlabeled:
        typer.echo(
            f"{PROG}: warning: {' and '.join(unused)} not used: "
            f"{'standard input' if file == '-' else file} has speaker labels "
            f"({agree(len(unused), 'it is', 'they are')} for text with none)",
            err=True,
        )
    return transcript


@contextmanager
def handled_errors(debug: bool) -> Iterator[None]:
    """Library errors -> one line on stderr and exit 2 (re-raised with --debug)."""
    try:
        yield
    except TranscriptToolError as error:
        if debug:
            raise
        typer.echo(f"{PROG}: error: {one_line(str(error))}", err=True)
        raise typer.Exit(error.exit_code) from None


def terminal_width() -> int:
    """The terminal's width in columns; 100 when the output is not a terminal."""
    return shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100


def use_color() -> bool:
    """Colour only on a terminal, and never with NO_COLOR set."""
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ
