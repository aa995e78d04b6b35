"""Which files a batch reads: folders walked recursively, single files as given.

Inside a folder a file is taken when its extension is one a registered reader
claims (``--glob PATTERN`` replaces that test); hidden files and folders (a
name starting with ".") are skipped. Files named on the command line are always
read. The list is sorted by path and has no file twice, so a batch reads the
same files in the same order on every run.

Outputs are checked against the inputs (:func:`check_outputs`): none may
overwrite a transcript, and none may sit in an input folder where the next run
would read it as one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path, PurePath

from ..errors import UsageError
from ..render.output import check_writable


def default_extensions() -> tuple[str, ...]:
    """Every extension a registered reader claims (".txt", ".vtt" ...), in registry
    order, and ".docx" (a Word document is read as its text, by any reader).
    Not ".pdf" or ".html", which any reader reads too: a folder of
    transcripts also holds slides, CVs and this tool's own HTML reports
    (:data:`ONLY_BY_GLOB`)."""
    from ..readers import READERS

    seen: dict[str, None] = {}
    for reader in READERS.values():
        for extension in reader.extensions:
            seen.setdefault(extension.lower(), None)
    seen.setdefault(".docx", None)
    return tuple(seen)


def find_inputs(paths: Sequence[str], *, glob: str | None = None) -> list[str]:
    """The transcript files under ``paths``, sorted, each once (as display paths).

    A path that is a folder is walked; any other path is taken as a file.
    Raises :class:`UsageError` for a path that does not exist and when
    nothing is found.
    """
    extensions = default_extensions()
    found: dict[Path, str] = {}
    for given in paths:
        root = Path(given)
        if not root.exists():
            raise UsageError(f"{given}: no such file or directory")
        if not root.is_dir():
            found.setdefault(_resolved(root), str(root))
            continue
        for relative in _walk(root, glob, extensions):
            display = root / relative
            found.setdefault(_resolved(display), str(display))
    if not found:
        looked_for = glob if glob else ", ".join(f"*{e}" for e in extensions)
        where = ", ".join(paths)
        hint = "" if glob else _glob_hint(paths)
        raise UsageError(f"no transcripts found under {where} (looked for {looked_for}){hint}")
    return sorted(found.values(), key=lambda name: PurePath(name).parts)


ONLY_BY_GLOB = (".pdf", ".html", ".htm")
"""Extensions read only when ``--glob`` asks for them."""


def unread_by_default(paths: Sequence[str]) -> tuple[tuple[str, int], ...]:
    """(extension, count) of the files under the folders of ``paths`` that
    only ``--glob`` reads (:data:`ONLY_BY_GLOB`), the most numerous first
    (then by extension)."""
    counts: dict[str, int] = {}
    for given in paths:
        if Path(given).is_dir():
            for relative in _walk(Path(given), None, ONLY_BY_GLOB):
                suffix = relative.suffix.lower()
                counts[suffix] = counts.get(suffix, 0) + 1
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def unread_note(unread: Sequence[tuple[str, int]]) -> str:
    """What a batch's summary says of the files :func:`unread_by_default`
    found ("" for none): "1 .pdf file (score it with --glob '**/*.pdf', or
    name it as a path)". A --glob reads only what it matches, so the advice
    is a batch of its own, not an option added to this one."""
    if not unread:
        return ""
    kinds = ", ".join(f"{n} {suffix} file{'s' if n > 1 else ''}" for suffix, n in unread)
    them = "them" if len(unread) > 1 or unread[0][1] > 1 else "it"
    suffix = unread[0][0]
    paths = "paths" if them == "them" else "a path"
    more = " and so on" if len(unread) > 1 else ""
    return f"{kinds} (score {them} with --glob '**/*{suffix}'{more}, or name {them} as {paths})"


def _glob_hint(paths: Sequence[str]) -> str:
    """ "; 2 .pdf files are there: read them with --glob '**/*.pdf'" when the
    folders hold files that only ``--glob`` reads."""
    unread = unread_by_default(paths)
    if not unread:
        return ""
    suffix, count = unread[0]
    are = f"{count} {suffix} files are" if count > 1 else f"1 {suffix} file is"
    return f"; {are} there: read them with --glob '**/*{suffix}'"


def _walk(root: Path, glob: str | None, extensions: Sequence[str]) -> list[PurePath]:
    """Files under ``root`` (relative to it), hidden ones left out."""
    if glob is not None:
        # "**/**/" means what "**/" does, but pathlib walks the tree again for
        # each: ten of them took minutes
        glob = re.sub(r"(?:\*\*/)+", "**/", glob)
        try:
            matches = list(root.glob(glob))
        except (ValueError, NotImplementedError) as error:  # "", "/abs/*.txt"
            raise UsageError(f"--glob {glob!r}: {error}") from None
        return [
            relative
            for path in matches
            if path.is_file() and not _hidden(relative := path.relative_to(root))
        ]
    files: list[PurePath] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = PurePath(folder).relative_to(root)
        files.extend(
            base / name
            for name in names
            if not name.startswith(".") and PurePath(name).suffix.lower() in extensions
        )
    return files


def _hidden(relative: PurePath) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:  # a symlink loop and the like: keep the name as given
        return path.absolute()


def check_outputs(
    paths: Sequence[str],
    inputs: Sequence[str],
    outputs: dict[str, Path],
    *,
    glob: str | None = None,
    reports: Sequence[Path] = (),
    reports_dir: Path | None = None,
) -> None:
    """Refuse outputs that would overwrite a transcript or be read as one.

    ``outputs`` maps an option to its file (``{"--out": path}``); ``reports``
    are the report files ``reports_dir`` will hold. An output may not be one
    of the ``inputs``, nor two outputs the same file; and without ``glob``,
    no output (file or reports folder) may sit inside a folder of ``paths``
    with an extension a reader claims, since the next run would read it as a
    transcript.
    """
    resolved_inputs = {_resolved(Path(name)) for name in inputs}
    roots = {_resolved(Path(p)): p for p in paths if Path(p).is_dir()}
    extensions = default_extensions()
    taken: dict[Path, str] = {}
    for option, path in outputs.items():
        resolved = _resolved(path)
        if path.is_dir():
            raise UsageError(f"{option} {path} is a directory; give a file name")
        if resolved in resolved_inputs:
            raise UsageError(
                f"{option} {path} is one of the input files; it would be overwritten "
                "(choose another output file)"
            )
        if resolved in taken:
            raise UsageError(f"{option} and {taken[resolved]} name the same file: {path}")
        taken[resolved] = option
        check_writable(path, option)
        if glob is None and path.suffix.lower() in extensions:
            _outside(option, path, resolved, roots)
    if reports_dir is None:
        return
    check_writable(reports_dir / "report", "--reports-dir")
    for report in reports:
        if _resolved(report) in resolved_inputs:
            raise UsageError(
                f"--reports-dir {reports_dir}: the report {report} would overwrite an "
                "input file (choose another folder)"
            )
    if glob is None:
        _outside("--reports-dir", reports_dir, _resolved(reports_dir), roots)


def _outside(option: str, path: Path, resolved: Path, roots: dict[Path, str]) -> None:
    for root, given in roots.items():
        if resolved.is_relative_to(root):
            raise UsageError(
                f"{option} {path} is inside the input folder {given}, where it would be "
                "read as a transcript; write it outside the input folders (or pass --glob)"
            )
