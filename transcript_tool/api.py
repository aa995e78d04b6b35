"""The library's front door: read, analyze, load a rubric, score.

Heavy modules (spaCy) are imported inside the functions that need them, so
importing the package (and ``transcript-tool --help``) stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .errors import InputError

if TYPE_CHECKING:
    from .model import Analysis, Concept, Report, Role, Transcript
    from .rubric import Rubric


def read_transcript(
    source: str | Path,
    *,
    input_format: str | None = None,
    encoding: str | None = None,
    interviewer: str | None = None,
    candidate: str | None = None,
    speakers: int = 2,
    first_role: Role | None = None,
    stdin: BinaryIO | None = None,
    name: str | None = None,
) -> Transcript:
    """Read a transcript file (``"-"`` = standard input) into a Transcript.

    The format is sniffed unless ``input_format`` names a reader; ``encoding``
    overrides UTF-8/BOM detection; ``interviewer``/``candidate`` name the
    speakers whose roles are fixed. For text with no speaker labels,
    ``speakers`` says how many people talk and ``first_role`` who starts.
    ``name`` is how the file is called in messages and in the transcript
    (default: ``source`` as given), for a file read under another path.
    """
    from .readers import read_text
    from .readers.common import ReadOptions
    from .readers.decode import decode
    from .segment.roles import assign_roles

    path = str(source)
    name = path if name is None else name
    data = _read_bytes(path, stdin, name)
    text = decode(data, name, encoding)
    transcript = read_text(text, name, input_format, ReadOptions(speakers, first_role))
    if interviewer is not None or candidate is not None:
        transcript = assign_roles(transcript, interviewer=interviewer, candidate=candidate)
    return transcript


def _read_bytes(path: str, stdin: BinaryIO | None, name: str) -> bytes:
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return stream.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=name) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a transcript file", source=name) from None
    except PermissionError:
        raise InputError("permission denied", source=name) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=name) from None


def analyze(
    transcript: Transcript, *, model: str | None = None, concepts: Sequence[Concept] = ()
) -> Analysis:
    """Sentences, questions, exchanges and markers of ``transcript``, and where
    ``concepts`` (a rubric's ``concepts``) were mentioned."""
    from .annotate import annotate
    from .nlp import get_nlp

    return annotate(transcript, get_nlp(model), concepts)


def load_rubric(name_or_path: str) -> Rubric:
    """A built-in rubric by name ("default") or a rubric YAML file by path."""
    from .rubric import load_rubric as _load

    return _load(name_or_path)


def score(analysis: Analysis, rubric: Rubric) -> Report:
    """Score ``analysis`` against every criterion of ``rubric``."""
    from .scoring import score as _score

    return _score(analysis, rubric)
