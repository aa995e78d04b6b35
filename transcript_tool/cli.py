"""The command line: a thin shell over the library.

Each command parses options, calls library functions that return data, and
prints a rendering. Errors from the library become one line on stderr and
exit code 2 (no traceback unless ``--debug``). spaCy is imported only when a
command needs it, so ``transcript-tool --help`` stays fast.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import Annotated

import typer

from . import __version__
from .errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_THRESHOLD, TranscriptToolError
from .model import LOW_CONFIDENCE, Role

EXIT_INTERNAL = 70
PROG = "transcript-tool"

# Typer raises the exceptions of the click it runs on (its own vendored copy in
# recent versions, the click package in older ones); find them through the
# classes Typer exports instead of importing click.
_CLICK_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)
_USAGE_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError"
)

app = typer.Typer(
    name=PROG,
    help="Analyse job-interview transcripts: turns, questions and answers, rubric scores, "
    "and feedback that quotes the words behind every judgement.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ReportFormat(str, Enum):
    terminal = "terminal"
    json = "json"


class SegmentFormat(str, Enum):
    text = "text"
    json = "json"


FileArg = Annotated[str, typer.Argument(help="Transcript file, or - for standard input.")]
InputFormatOpt = Annotated[
    str | None,
    typer.Option("--input-format", help="Read as this format instead of detecting it (text)."),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", help="Text encoding (default: UTF-8, or as the BOM says)."),
]
InterviewerOpt = Annotated[
    str | None, typer.Option("--interviewer", help="The speaker (label or name) who interviews.")
]
CandidateOpt = Annotated[
    str | None, typer.Option("--candidate", help="The speaker (label or name) being interviewed.")
]
SpeakersOpt = Annotated[
    int,
    typer.Option(
        "--speakers",
        min=1,
        max=9,
        help="How many people speak, for text with no speaker labels.",
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


def _first_role(first: bool | None) -> Role | None:
    if first is None:
        return None
    return "interviewer" if first else "candidate"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Analyse job-interview transcripts."""


@app.command()
def report(
    file: FileArg,
    rubric: Annotated[
        str, typer.Option("--rubric", "-r", help="Built-in rubric name or a rubric YAML file.")
    ] = "default",
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.terminal,
    fail_under: Annotated[
        float | None,
        typer.Option("--fail-under", help="Exit 1 when the overall score is below this (0-100)."),
    ] = None,
    input_format: InputFormatOpt = None,
    encoding: EncodingOpt = None,
    interviewer: InterviewerOpt = None,
    candidate: CandidateOpt = None,
    speakers: SpeakersOpt = 2,
    first: FirstOpt = None,
    model: Annotated[
        str | None,
        typer.Option("--model", help="An installed spaCy pipeline to use (e.g. en_core_web_sm)."),
    ] = None,
    width: Annotated[
        int | None, typer.Option("--width", help="Terminal output width in columns.", min=40)
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Score a transcript against a rubric and print the feedback report."""
    from .api import analyze, load_rubric, read_transcript, score

    with _errors(debug):
        if fail_under is not None and not 0 <= fail_under <= 100:
            raise typer.BadParameter("must be between 0 and 100", param_hint="--fail-under")
        loaded_rubric = load_rubric(rubric)
        transcript = read_transcript(
            file,
            input_format=input_format,
            encoding=encoding,
            interviewer=interviewer,
            candidate=candidate,
            speakers=speakers,
            first_role=_first_role(first),
        )
        analysis = analyze(transcript, model=model, concepts=loaded_rubric.concepts)
        result = score(analysis, loaded_rubric)
        if format is ReportFormat.json:
            from .render.json import render_json

            text = render_json(result)
        else:
            from .render.terminal import render_terminal

            text = render_terminal(result, width=width or _width(), color=_color())
    sys.stdout.write(text)
    if fail_under is not None and (result.overall is None or result.overall < fail_under):
        overall = "not scored" if result.overall is None else f"{result.overall:g}"
        typer.echo(
            f"{PROG}: overall score {overall} is below --fail-under {fail_under:g}", err=True
        )
        raise typer.Exit(EXIT_THRESHOLD)


@app.command()
def segment(
    file: FileArg,
    format: Annotated[
        SegmentFormat, typer.Option("--format", "-f", help="Output format.")
    ] = SegmentFormat.text,
    input_format: InputFormatOpt = None,
    encoding: EncodingOpt = None,
    interviewer: InterviewerOpt = None,
    candidate: CandidateOpt = None,
    speakers: SpeakersOpt = 2,
    first: FirstOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Print the speaker turns (with roles) that the transcript was read into."""
    from .api import read_transcript

    with _errors(debug):
        transcript = read_transcript(
            file,
            input_format=input_format,
            encoding=encoding,
            interviewer=interviewer,
            candidate=candidate,
            speakers=speakers,
            first_role=_first_role(first),
        )
    if format is SegmentFormat.json:
        from .render.json import render_transcript_json

        sys.stdout.write(render_transcript_json(transcript))
        return
    for turn in transcript.turns:
        sure = "" if turn.confidence >= 1.0 else f", confidence {turn.confidence:.2f}"
        mark = "~" if turn.confidence < LOW_CONFIDENCE else ""
        sys.stdout.write(f"[{turn.index}]{mark} {turn.speaker} ({turn.role}{sure}): {turn.text}\n")


@contextmanager
def _errors(debug: bool) -> Iterator[None]:
    """Library errors -> one line on stderr and exit 2 (re-raised with --debug)."""
    try:
        yield
    except TranscriptToolError as error:
        if debug:
            raise
        typer.echo(f"{PROG}: error: {error}", err=True)
        raise typer.Exit(error.exit_code) from None


def _width() -> int:
    return shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100


def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``transcript-tool`` command; returns the exit code."""
    command = typer.main.get_command(app)
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    try:
        result = command.main(args=argv, prog_name=PROG, standalone_mode=False)
    except _CLICK_ERROR as error:
        message = error.format_message()  # type: ignore[attr-defined]
        if type(error).__name__ == "NoArgsIsHelpError":  # no command given: show the help
            typer.echo(message)
            message = "no command given"
        hint = " (see --help)" if isinstance(error, _USAGE_ERROR) else ""
        typer.echo(f"{PROG}: error: {message}{hint}", err=True)
        return EXIT_BAD_INPUT
    except typer.Abort:
        typer.echo(f"{PROG}: aborted", err=True)
        return 130
    except Exception as error:  # a bug: one line, the traceback only when asked
        if debug:
            raise
        typer.echo(
            f"{PROG}: internal error: {type(error).__name__}: {error} "
            "(please report it; --debug shows the traceback)",
            err=True,
        )
        return EXIT_INTERNAL
    return result if isinstance(result, int) else EXIT_OK
