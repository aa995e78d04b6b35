"""The ``transcript-tool rubric`` commands: list, show, validate and start
rubrics, and list the metrics they can use."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from .cli_options import PROG, DebugOpt, handled_errors
from .errors import EXIT_BAD_INPUT, TranscriptToolError
from .wording import counted

rubric_app = typer.Typer(
    name="rubric",
    help="List, show, validate and start rubrics.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


class ShowFormat(str, Enum):
    text = "text"
    yaml = "yaml"


@rubric_app.command("list")
def rubric_list(debug: DebugOpt = False) -> None:
    """List the built-in rubrics."""
    from .render.rubric import render_rubric_list
    from .rubric import builtin_rubrics, load_rubric

    with handled_errors(debug):
        rubrics = [load_rubric(name) for name in builtin_rubrics()]
    sys.stdout.write(render_rubric_list(rubrics))


@rubric_app.command("show")
def rubric_show(
    name: Annotated[str, typer.Argument(help="A built-in rubric name or a rubric YAML file.")],
    format: Annotated[
        ShowFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: for reading; yaml: one stand-alone rubric (extends merged).",
        ),
    ] = ShowFormat.text,
    debug: DebugOpt = False,
) -> None:
    """Show a rubric as it will be applied: criteria, params with defaults, bands."""
    from .metrics import METRICS
    from .render.rubric import dump_yaml, render_rubric, rubric_to_dict
    from .rubric import load_rubric

    with handled_errors(debug):
        loaded = load_rubric(name)
    if format is ShowFormat.yaml:
        sys.stdout.write(dump_yaml(rubric_to_dict(loaded)))
    else:
        sys.stdout.write(render_rubric(loaded, METRICS))


@rubric_app.command("validate")
def rubric_validate(
    files: Annotated[list[str], typer.Argument(help="Rubric YAML files (or built-in names).")],
    debug: DebugOpt = False,
) -> None:
    """Check rubrics and list every problem with its file, line and column (exit 2 if any)."""
    from .errors import RubricError
    from .rubric import load_rubric

    failed = False
    for name in files:
        try:
            loaded = load_rubric(name)
        except RubricError as error:
            if debug:
                raise
            failed = True
            for problem in error.problems:
                typer.echo(problem.format(error.source), err=True)
            continue
        except TranscriptToolError as error:
            if debug:
                raise
            failed = True
            typer.echo(f"{PROG}: error: {error}", err=True)
            continue
        count = counted(len(loaded.criteria), "criterion", "criteria")
        typer.echo(f"{name}: ok ({loaded.name} {loaded.version}, {count})")
    if failed:
        raise typer.Exit(EXIT_BAD_INPUT)


@rubric_app.command("init")
def rubric_init(
    base: Annotated[
        str,
        typer.Option(
            "--from", metavar="NAME|FILE", help="The built-in rubric (or file) to start from."
        ),
    ] = "default",
    name: Annotated[
        str, typer.Option("--name", metavar="NAME", help="The new rubric's name.")
    ] = "my-rubric",
    debug: DebugOpt = False,
) -> None:
    """Print an annotated rubric to start from: transcript-tool rubric init > my.yaml"""
    from .rubric import rubric_text, starter_text

    with handled_errors(debug):
        _, text = rubric_text(base)
        sys.stdout.write(starter_text(text, base, name))


@rubric_app.command("metrics")
def rubric_metrics() -> None:
    """List the metrics a rubric can use, with their params and feedback placeholders."""
    from .metrics import METRICS
    from .render.rubric import render_metrics

    sys.stdout.write(render_metrics(METRICS))
