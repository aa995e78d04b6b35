"""Writing rendered output to a file: atomically, and never over the input.

Every file is first written to a hidden temporary file in the target's own
folder (``.report.html.<pid>.<random>.tmp``) and moved onto the target with
:func:`os.replace` only when it is complete, so an error, a crash or Ctrl-C
never leaves a half-written file there: the target keeps its previous
content, or stays absent. ``report --output`` and every file ``batch`` and
``calibrate`` write go through :class:`AtomicFile`.

A folder that cannot be created or written to is an :class:`OutputError`
(one line naming the path, exit 2), not a traceback.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import IO, Any

from ..errors import UsageError

STDOUT = "-"


class OutputError(UsageError):
    """An output file that cannot be written where it was asked for."""


def _reason(error: OSError) -> str:
    return (error.strerror or type(error).__name__).lower()


class AtomicFile:
    """A temporary file beside ``target`` that :meth:`commit` moves onto it.

    Raises :class:`OutputError` when the target's folder cannot be created
    or written to, or the target is a folder.
    """

    def __init__(self, target: Path, *, binary: bool = False) -> None:
        self.target = target
        if target.is_dir():
            raise OutputError(f"cannot write {target}: it is a folder")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(
                f"cannot write {target}: cannot create the folder {target.parent} "
                f"({_reason(error)})"
            ) from None
        self.temp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        # opened by name (not mkstemp) so the file gets the usual permissions
        try:
            self.handle: IO[Any] | None = (
                open(self.temp, "xb")  # noqa: SIM115 - closed by commit() or discard()
                if binary
                else open(self.temp, "x", encoding="utf-8", newline="")  # noqa: SIM115
            )
        except OSError as error:
            raise OutputError(
                f"cannot write {target}: the folder {target.parent} is not writable "
                f"({_reason(error)}; choose another folder, or one this user may write to)"
            ) from None

    def commit(self) -> None:
        """Close the temporary file and move it onto the target."""
        try:
            if self.handle is not None:
                self.handle.close()
                self.handle = None
            os.replace(self.temp, self.target)
        except OSError as error:
            self.discard()
            raise OutputError(f"cannot write {self.target}: {_reason(error)}") from None

    def discard(self) -> None:
        """Close and delete the temporary file; the target is left as it was."""
        if self.handle is not None:
            self.handle.close()
            self.handle = None
        self.temp.unlink(missing_ok=True)


def write_text_atomic(target: Path, text: str) -> None:
    """Write ``text`` (UTF-8, line ends as given) to ``target`` through a
    temporary file (see :class:`AtomicFile`)."""
    file = AtomicFile(target)
    try:
        assert file.handle is not None
        file.handle.write(text)
    except OSError as error:  # a full disk, a quota
        file.discard()
        raise OutputError(f"cannot write {target}: {_reason(error)}") from None
    except BaseException:
        file.discard()
        raise
    file.commit()


def same_file(first: str | Path, second: str | Path) -> bool:
    """Whether two paths name one file (links and ``..`` resolved); a path
    that does not exist is compared by its resolved name."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return Path(first).resolve() == Path(second).resolve()


def check_output(output: str, inputs: list[str], option: str = "--output") -> None:
    """Refuse an ``output`` that would overwrite one of ``inputs`` or is a
    folder (UsageError, before any work). ``-`` (standard output, or
    standard input among the inputs) is never a file."""
    if output == STDOUT:
        return
    for name in inputs:
        if name != STDOUT and same_file(output, name):
            raise OutputError(
                f"{option} {output} is the input file; it would be overwritten "
                "(choose another output file)"
            )
    if Path(output).is_dir():
        raise OutputError(f"{option} {output} is a folder; name a file in it")
    check_writable(Path(output), option)


def check_writable(target: Path, option: str = "--output") -> None:
    """Refuse, before any work, a ``target`` whose folder (or the nearest
    folder of it that exists, when the rest would be created) this user may
    not write to. :class:`AtomicFile` still reports whatever this cannot
    foresee (a full disk, a folder made read-only meanwhile)."""
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(
            f"{option} {target}: the folder {folder} is not writable "
            f"(choose another {option} file, or a folder this user may write to)"
        )
