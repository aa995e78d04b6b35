"""Turn the labelled mock interview into the raw caption an auto-captioner would produce.

The labelled reference (``mock-interview-60min.labeled.txt``) has one turn per paragraph,
each starting with ``Interviewer:`` or ``Candidate:``, with normal capitalisation and
punctuation. The caption drops the labels, lowercases everything, removes punctuation
(apostrophes and hyphens inside words survive, e.g. ``i'm``, ``mm-hmm``) and breaks the
word stream into lines of 4 to 11 words by a fixed repeating pattern that ignores turn and
sentence boundaries, the way captions break by time rather than by speaker.

Run ``python tests/data/make_caption.py`` to (re)write
``samples/mock-interview-raw-caption.txt``.
"""

from __future__ import annotations

import re
from pathlib import Path

LABELS = ("Interviewer", "Candidate")
LINE_PATTERN = (7, 9, 5, 10, 8, 6, 11, 4, 8, 7, 9, 6, 10, 5, 8)
MIN_LINE, MAX_LINE = 4, 11

HERE = Path(__file__).resolve().parent
LABELED_PATH = HERE / "mock-interview-60min.labeled.txt"
CAPTION_PATH = HERE.parent.parent / "samples" / "mock-interview-raw-caption.txt"

_TURN = re.compile(r"^(Interviewer|Candidate):\s*(.*)$", re.DOTALL)
_NOT_KEPT = re.compile(r"[^a-z0-9'\-]+")


def caption_words(text: str) -> list[str]:
    """The words of ``text`` as the caption spells them."""
    lowered = text.replace("\u2019", "'").lower()
    words = (token.strip("'-") for token in _NOT_KEPT.sub(" ", lowered).split())
    return [word for word in words if word]


def reference_turns(labeled_text: str) -> list[tuple[str, list[str]]]:
    """Each turn of the labelled text as (label, caption words of that turn)."""
    turns: list[tuple[str, list[str]]] = []
    for paragraph in re.split(r"\n\s*\n", labeled_text.strip()):
        match = _TURN.match(paragraph.strip())
        if match is None:
            raise ValueError(f"paragraph does not start with a known label: {paragraph[:60]!r}")
        label, body = match.groups()
        words = caption_words(body)
        if not words:
            raise ValueError(f"empty {label} turn")
        turns.append((label, words))
    return turns


def _break_lines(words: list[str]) -> list[list[str]]:
    lines: list[list[str]] = []
    start, step = 0, 0
    while start < len(words):
        size = LINE_PATTERN[step % len(LINE_PATTERN)]
        lines.append(words[start : start + size])
        start += size
        step += 1
    if len(lines) >= 2 and len(lines[-1]) < MIN_LINE:
        tail = lines.pop(-2) + lines.pop()
        if len(tail) <= MAX_LINE:
            lines.append(tail)
        else:
            half = (len(tail) + 1) // 2
            lines.extend([tail[:half], tail[half:]])
    return lines


def to_caption(labeled_text: str) -> str:
    """The raw caption for ``labeled_text``: lowercase words, 4 to 11 per line."""
    words = [word for _, turn_words in reference_turns(labeled_text) for word in turn_words]
    return "".join(" ".join(line) + "\n" for line in _break_lines(words))


def main() -> None:
    caption = to_caption(LABELED_PATH.read_text(encoding="utf-8"))
    CAPTION_PATH.write_text(caption, encoding="utf-8", newline="\n")
    print(f"wrote {CAPTION_PATH} ({len(caption.split())} words)")


if __name__ == "__main__":
    main()
