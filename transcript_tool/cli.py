"""The command line: a thin shell over the library.

Each command parses options, calls library functions that return data, and
prints a rendering. Errors from the library become one line on stderr and
exit code 2 (no traceback unless ``--debug``). spaCy is imported only when a
command needs it, so ``transcript-tool --help`` stays fast.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Sequence
from typing import Annotated

import typer

from . import __version__
from .cli_batch import batch, calibrate
from .cli_options import (
    PROG,
    CandidateOpt,
    DebugOpt,
    EncodingOpt,
    FileArg,
    FirstOpt,
    InputFormatOpt,
    InterviewerOpt,
    ReportFormat,
    RubricOpt,
    SegmentFormat,
    SpeakersOpt,
    handled_errors,
    read_for_command,
    terminal_width,
    use_color,
)
from .cli_rubric import rubric_app
from .errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_THRESHOLD, one_line
from .model import Report
from .wording import LISTING_WIDTH

EXIT_INTERNAL = 70

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


app.add_typer(rubric_app)


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
    rubric: RubricOpt = "default",
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.terminal,
    fail_under: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-under",
            metavar="[CRITERION=]N",
            help="Exit 1 when the overall score (or, as ID=N, that criterion's score) is "
            "below N (0-100). Repeatable.",
        ),
    ] = None,
    input_format: InputFormatOpt = None,
    encoding: EncodingOpt = None,
    interviewer: InterviewerOpt = None,
    candidate: CandidateOpt = None,
    speakers: SpeakersOpt = 2,
    first: FirstOpt = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            metavar="NAME",
            help="An installed spaCy pipeline to use (e.g. en_core_web_sm).",
        ),
    ] = None,
    width: Annotated[
        int | None,
        typer.Option(
            "--width", metavar="COLUMNS", help="Terminal output width in columns.", min=40
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to FILE (atomically; never the input) instead of standard "
            "output; - for standard output.",
        ),
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Score a transcript against a rubric and print the feedback report.

    Formats: terminal (the default), json, markdown, html (one self-contained
    page), csv (one row, as batch writes it), turns-csv (one row per turn).
    """
    from .api import analyze, load_rubric, score

    with handled_errors(debug):
        if output is not None:
            from .render.output import check_output

            check_output(output, [file])
        thresholds = [_threshold(item) for item in fail_under or ()]
        loaded_rubric = load_rubric(rubric)
        _check_criteria(thresholds, [c.id for c in loaded_rubric.criteria])
        transcript = read_for_command(
            file,
            input_format=input_format,
            encoding=encoding,
            interviewer=interviewer,
            candidate=candidate,
            speakers=speakers,
            first=first,
        )
        analysis = analyze(transcript, model=model, concepts=loaded_rubric.concepts)
        result = score(analysis, loaded_rubric)
        if output is not None and output != "-":
            from pathlib import Path

            from .render.output import write_text_atomic

            # a file gets no colour and, unless --width says otherwise, 100 columns
            text = _render(result, format, width=width or 100, color=False)
            write_text_atomic(Path(output), text)
            text = ""
        else:
            text = _render(result, format, width=width or terminal_width(), color=use_color())
    sys.stdout.write(text)
    failures = _below(result, thresholds)
    for failure in failures:
        typer.echo(f"{PROG}: {failure}", err=True)
    if failures:
        raise typer.Exit(EXIT_THRESHOLD)


def _render(result: Report, format: ReportFormat, *, width: int, color: bool) -> str:
    """The report in ``format``; ``width`` and ``color`` are for the terminal format."""
    from .api import render_report

    return render_report(result, format.value, width=width, color=color)


def _threshold(text: str) -> tuple[str | None, float]:
    """``"70"`` -> (None, 70.0); ``"conciseness=60"`` -> ("conciseness", 60.0)."""
    name, _, number = text.rpartition("=")
    try:
        value = float(number)
    except ValueError:
        raise typer.BadParameter(
            f"expected N or CRITERION=N with N a number from 0 to 100, got {text!r}",
            param_hint="--fail-under",
        ) from None
    if not 0 <= value <= 100:
        raise typer.BadParameter("must be between 0 and 100", param_hint="--fail-under")
    return (name.strip() or None) if "=" in text else None, value


def _check_criteria(thresholds: list[tuple[str | None, float]], ids: list[str]) -> None:
    from .errors import UsageError
    from .yamlnodes import did_you_mean

    for name, _ in thresholds:
        if name is not None and name not in ids:
            raise UsageError(
                f"--fail-under names no criterion of the rubric: {name!r}"
                f"{did_you_mean(name, ids)}; criteria: {', '.join(ids)}"
            )


def _below(result: Report, thresholds: list[tuple[str | None, float]]) -> list[str]:
    """One message per threshold not met. An unscored score never meets one,
    and the message says why it was not scored: "criterion 'conciseness' was
    not scored (the candidate answered no interviewer question), so
    --fail-under conciseness=50 is not met"."""
    by_id = {c.id: c for c in result.criteria}
    failures = []
    for name, limit in thresholds:
        criterion = None if name is None else by_id[name]
        score = result.overall if criterion is None else criterion.score
        option = f"{limit:g}" if name is None else f"{name}={limit:g}"
        if score is None:
            why: str | None = "no criterion could be scored"
            what = "no overall score"
            if criterion is not None:
                what, why = f"criterion {name!r} was not scored", criterion.reason
            because = f" ({why})" if why else ""
            failures.append(f"{what}{because}, so --fail-under {option} is not met")
        elif score < limit:
            what = "overall score" if criterion is None else f"criterion {name!r} score"
            failures.append(f"{what} {score:g} is below --fail-under {option}")
    return failures


@app.command()
def segment(
    file: FileArg,
    format: Annotated[
        SegmentFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output format: text (numbered turns), json (Transcript JSON) or labeled "
            "('Interviewer: ...' lines that read back into the same turns: correct the "
            "labels, then run report on the file).",
        ),
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
    with handled_errors(debug):
        transcript = read_for_command(
            file,
            input_format=input_format,
            encoding=encoding,
            interviewer=interviewer,
            candidate=candidate,
            speakers=speakers,
            first=first,
        )
    if format is SegmentFormat.json:
        from .render.json import render_transcript_json

        sys.stdout.write(render_transcript_json(transcript))
    elif format is SegmentFormat.labeled:
        from .render.turns import labeled_text

        sys.stdout.write(labeled_text(transcript))
    else:
        from .render.turns import turn_list

        sys.stdout.write(turn_list(transcript))


app.command()(batch)
app.command()(calibrate)


@app.command()
def formats(
    name: Annotated[
        str | None, typer.Argument(help="Show only this format.", show_default=False)
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """List the transcript formats this tool reads, each with an example."""
    from .readers import READERS, get_reader

    with handled_errors(debug):
        readers = [get_reader(name)] if name else list(READERS.values())
    for reader in readers:
        extensions = " ".join(reader.extensions)
        said = textwrap.wrap(
            f"{reader.name}: {reader.description}",
            LISTING_WIDTH,
            subsequent_indent="    ",
            break_on_hyphens=False,
            break_long_words=False,
        )
        sys.stdout.write("\n".join(said) + f"\n  files: {extensions}\n")
        for line in reader.example.rstrip("\n").split("\n"):
            sys.stdout.write(f"  | {line}".rstrip() + "\n")
        sys.stdout.write("\n")
    if not name:
        sys.stdout.write(
            "A Word document (.docx: Teams' transcript download, or any of these saved as\n"
            "Word) is read as its text, a line per paragraph, in whichever layout it holds;\n"
            "so is a PDF (Otter's or Rev's, or any of these printed), a line per line of\n"
            "print, without page numbers and running headers and footers; and a web page\n"
            "saved as .html (batch looks for .pdf and .html files only with --glob).\n"
        )


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
        typer.echo(f"{PROG}: error: {one_line(message)}{hint}", err=True)
        return EXIT_BAD_INPUT
    except typer.Abort:
        typer.echo(f"{PROG}: aborted", err=True)
        return 130
    except Exception as error:  # a bug: one line, the traceback only when asked
        if debug:
            raise
        if isinstance(error, OSError) and error.filename is not None:
            # the system refused a path the user gave (a name too long for it, a
            # loop of links ...) where no check foresaw it: name the path
            reason = (error.strerror or type(error).__name__).lower()
            typer.echo(f"{PROG}: error: {one_line(str(error.filename))}: {reason}", err=True)
            return EXIT_BAD_INPUT
        typer.echo(
            f"{PROG}: internal error: {type(error).__name__}: {one_line(str(error))} "
            "(please report it; --debug shows the traceback)",
            err=True,
        )
        return EXIT_INTERNAL
    return result if isinstance(result, int) else EXIT_OK
