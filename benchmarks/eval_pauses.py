"""Does the silence between two timed pieces of a transcript tell a change of speaker?

    python benchmarks/eval_pauses.py [--corpora DIR]

The raw-caption segmenter reads words only (docs/segmentation.md). Caption cues and
Whisper segments carry times, so the gap between one piece's end and the next one's
start could be a cue to a change of speaker. This script measures that cue on the
timed exports in ``../shared/corpora/export-formats`` whose pieces each have one
speaker:

zoom
    A real Zoom meeting's transcript (``zoom/meeting001_transcript.vtt``): Zoom knows
    whose microphone each cue came from, so its speakers are close to true. Zoom also
    cuts one speaker's talk into cues at pauses, so the same-speaker gaps are the pauses
    within a turn; this is the case a caption's cue boundaries would give.
deepgram words / deepgram utterances
    Deepgram's demo phone call (``deepgram-json/sermon-ai_deepgram_example.json``), word
    by word and utterance by utterance. Its speakers are Deepgram's own diarization,
    which listens to the same silences, so the figure is an upper bound, not a
    measurement of the cue.
whisper-pyannote E01-E05
    Whisper segments labelled by pyannote (``whisper-pyannote-seenunseen``): Whisper
    writes each segment to start where the previous one ended, so there is no silence
    to read.

For each, the gaps (next start minus this end, in seconds) between neighbouring pieces
of the same speaker and at a change of speaker: how many, their quartiles, the ROC AUC
of "the longer the gap, the likelier a change" and the best F1 of "a change where the
gap is at least t" against calling every gap a change. A corpus folder that is absent
is one line and skipped (exit status 0), as on a fresh clone.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import webvtt

sys.path.insert(0, str(Path(__file__).resolve().parent))

from caption_corpora import DEFAULT_ROOT
from eval_relevance import all_positive_f1, best_f1, roc_auc

Piece = tuple[str, float, float]  # (speaker, start, end) in seconds


def _seconds(stamp: webvtt.models.Timestamp) -> float:
    return stamp.hours * 3600 + stamp.minutes * 60 + stamp.seconds + stamp.milliseconds / 1000


def vtt_pieces(path: Path, separator: str) -> list[Piece]:
    """The cues of ``path`` as pieces, each cue's speaker the text before
    ``separator`` ("" when the cue has none)."""
    pieces: list[Piece] = []
    for cue in webvtt.read(str(path)).captions:
        speaker, found, _ = cue.text.partition(separator)
        pieces.append(
            (speaker.strip("[ ") if found else "", _seconds(cue.start_time), _seconds(cue.end_time))
        )
    return pieces


def deepgram_pieces(path: Path, level: str) -> list[Piece]:
    """Deepgram's ``words`` or ``utterances`` of ``path`` as pieces."""
    results = json.loads(path.read_text(encoding="utf-8"))["results"]
    items = (
        results["channels"][0]["alternatives"][0]["words"]
        if level == "words"
        else results["utterances"]
    )
    return [(str(item["speaker"]), float(item["start"]), float(item["end"])) for item in items]


def gaps(pieces: Sequence[Piece]) -> tuple[list[float], list[bool]]:
    """The gap before each piece but the first, and whether the speaker changes there."""
    values = [b[1] - a[2] for a, b in itertools.pairwise(pieces)]
    changes = [a[0] != b[0] for a, b in itertools.pairwise(pieces)]
    return values, changes


def _quartiles(values: Sequence[float]) -> str:
    if not values:
        return "-"
    q = np.percentile(np.asarray(values), [25, 50, 75])
    return " / ".join(f"{v:.2f}" for v in q)


def report(name: str, pieces: Sequence[Piece]) -> None:
    values, changes = gaps(pieces)
    same = [v for v, c in zip(values, changes, strict=True) if not c]
    change = [v for v, c in zip(values, changes, strict=True) if c]
    auc = roc_auc(values, changes)
    f1, threshold = best_f1(values, changes)
    print(
        f"{name:<26} {len(same):>5} {_quartiles(same):>20} {len(change):>5} "
        f"{_quartiles(change):>20} {auc:>6.3f} {f1:>6.3f} {threshold:>6.2f} "
        f"{all_positive_f1(changes):>6.3f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_ROOT, help="the corpora folder")
    args = parser.parse_args(argv)
    root = args.corpora / "export-formats"
    if not root.is_dir():
        print(f"{root}: absent, nothing to measure")
        return 0
    print(
        f"{'pieces':<26} {'same':>5} {'gap quartiles (s)':>20} {'change':>5} "
        f"{'gap quartiles (s)':>20} {'AUC':>6} {'F1':>6} {'at >=':>6} {'all':>6}"
    )
    zoom = root / "zoom" / "meeting001_transcript.vtt"
    if zoom.is_file():
        report("zoom cues", vtt_pieces(zoom, ":"))
    deepgram = root / "deepgram-json" / "sermon-ai_deepgram_example.json"
    if deepgram.is_file():
        report("deepgram words", deepgram_pieces(deepgram, "words"))
        report("deepgram utterances", deepgram_pieces(deepgram, "utterances"))
    for path in sorted((root / "whisper-pyannote-seenunseen").glob("E0*.mp3.vtt")):
        report(f"whisper-pyannote {path.name[:3]}", vtt_pieces(path, "]:"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
