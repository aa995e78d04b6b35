"""Writing rendered output to a file: atomically, and never over the input.

Every file is first written to a hidden temporary file in the target's own
folder (``.report.html.<pid>.<random>.tmp``) and moved onto the target with
:func:`os.replace` only when it is complete, so an error, a crash or Ctrl-C
never leaves a half-written file there: the target keeps its previous
content, or stays absent. ``report --output`` and every file ``batch`` and
``calibrate`` write go through :class:`AtomicFile`. A target that is a
device or a pipe (``--output /dev/null``, a FIFO) is written to directly:
moving a file onto it would replace it, and root may (it did, for a FIFO). A
target that is a symbolic link keeps its link; the file it names is replaced.

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
        self.temp: Path | None = None
        if target.is_dir():
            raise OutputError(f"cannot write {target}: it is a folder")
        if target.exists() and not target.is_file():
            # a device, a pipe or a socket (/dev/null, /dev/stdout, a FIFO): written
            # to as it is; moving a file onto it would replace it (and root may)
            self.handle = self._open(target, binary, "wb" if binary else "w")
            return
        if target.is_symlink():  # a link to a file: the file is replaced, the link kept
            target = Path(os.path.realpath(target))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(
                f"cannot write {target}: cannot create the folder {target.parent} "
                f"({_reason(error)})"
            ) from None
        self.final = target
        self.temp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        # opened by name (not mkstemp) so the file gets the usual permissions
        self.handle = self._open(self.temp, binary, "xb" if binary else "x")

    def _open(self, path: Path, binary: bool, mode: str) -> IO[Any] | None:
        try:
            if binary:
                return open(path, mode)
            return open(path, mode, encoding="utf-8", newline="")
        except OSError as error:
            if self.temp is None:
                raise OutputError(f"cannot write {self.target}: {_reason(error)}") from None
            raise OutputError(
                f"cannot write {self.target}: the folder {path.parent} is not writable "
                f"({_reason(error)}; choose another folder, or one this user may write to)"
            ) from None

    def commit(self) -> None:
        """Close the temporary file and move it onto the target (a device or
        pipe was written directly: it is closed)."""
        try:
            if self.handle is not None:
                self.handle.close()
                self.handle = None
            if self.temp is not None:
                os.replace(self.temp, self.final)
        except OSError as error:
            self.discard()
            raise OutputError(f"cannot write {self.target}: {_reason(error)}") from None

    def discard(self) -> None:
        """Close and delete the temporary file; the target is left as it was."""
        if self.handle is not None:
            self.handle.close()
            self.handle = None
        if self.temp is not None:
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
    not write to; a device or pipe (``/dev/null``), which is written to
    directly, needs only to be writable itself. :class:`AtomicFile` still
    reports whatever this cannot foresee (a full disk, a folder made
    read-only meanwhile)."""
    if target.exists() and not target.is_file():  # a device or a pipe: written directly
        if not os.access(target, os.W_OK):
            raise OutputError(f"{option} {target}: this user may not write to it")
        return
    if target.is_symlink():  # the file it links to is replaced: its folder counts
        target = Path(os.path.realpath(target))
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(
            f"{option} {target}: the folder {folder} is not writable "
            f"(choose another {option} file, or a folder this user may write to)"
        )
