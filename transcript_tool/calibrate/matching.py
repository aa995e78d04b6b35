"""Which transcript file each rated name stands for (``transcript-tool
calibrate``): a rating names a transcript by its id, or by its file's stem,
name or path under the transcripts folder (:func:`transcript_keys`), and
:func:`match_transcripts` finds each name's file, or says which names
match none or several, by their line in the ratings file."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePath

from ..errors import InputError
from ..yamlnodes import did_you_mean
from .ratings import MAX_LISTED, Ratings


def transcript_keys(file: str, root: str, transcript_id: str | None) -> list[str]:
    """The names a rating may give a transcript file: its id, stem, name, and
    path under ``root`` with and without the extension."""
    path = PurePath(file)
    keys = [path.stem, path.name]
    try:
        relative = PurePath(file).relative_to(root)
    except ValueError:
        relative = path
    keys += [relative.as_posix(), relative.with_suffix("").as_posix()]
    if transcript_id:
        keys.insert(0, transcript_id)
    return list(dict.fromkeys(keys))


def match_transcripts(
    ratings: Ratings, keys: Mapping[str, Sequence[int]], shown: Sequence[str], where: str
) -> dict[str, int]:
    """Rating transcript name -> index of its file. ``keys`` maps every name
    a file answers to (:func:`transcript_keys`) to the files that answer to
    it; ``shown`` are the names offered for "did you mean". InputError at
    the first unknown name (listing up to three) or ambiguous one."""
    matched: dict[str, int] = {}
    unknown: dict[str, int] = {}
    for rating in ratings.ratings:
        name = rating.transcript
        if name in matched or name in unknown:
            continue
        files = keys.get(name)
        if files is None:
            unknown[name] = rating.line
            continue
        if len(set(files)) > 1:
            raise InputError(
                f"transcript {name!r} names {len(set(files))} files under {where}; "
                "give its path under the folder instead",
                source=ratings.source,
                line=rating.line,
            )
        matched[name] = files[0]
    if unknown:
        items = list(unknown.items())
        listed = [
            f"{name!r}{did_you_mean(name, list(shown))}" + ("" if i == 0 else f" (line {line})")
            for i, (name, line) in enumerate(items[:MAX_LISTED])
        ]
        more = f" and {len(items) - MAX_LISTED} more" if len(items) > MAX_LISTED else ""
        head = "unknown transcript" if len(items) == 1 else f"{len(items)} unknown transcripts:"
        raise InputError(
            f"{head} {', '.join(listed)}{more}; no transcript under {where} has "
            f"{'this' if len(items) == 1 else 'these'} id or file name",
            source=ratings.source,
            line=items[0][1],
        )
    return matched
