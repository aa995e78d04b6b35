"""The gap model: what happens between two words of an unpunctuated stream.

For every gap (between word ``i`` and word ``i + 1``) three small linear models
read the three words before and the three words after it, as lowercase words,
word pairs and word triples, and give

- ``sentence``: the probabilities that no sentence ends there, that a
  statement ends there, or that a question ends there;
- ``change``: the probability that the speaker changes there;
- ``role``: the probability that the word after the gap is the interviewer's
  (trained on interviews only; it ties the speakers the segmenter finds to
  roles). It also reads the structural features of :mod:`.structure`: how
  long ago a question to the listener began, and who is spoken of on each
  side of the gap.

The heads read the spelling variants of :data:`SPELLINGS` ("umm", "ok",
"uh-huh") as one word each ("um", "okay", "mm-hmm").

Features are hashed (CRC-32 of each word, then a multiplicative mix per
template) into one table of ``2**bits`` rows, so the model needs no
vocabulary file and every word, known or not, gets a feature. Scoring a
text is a handful of numpy gathers: hundreds of thousands of gaps per
second. The weights are trained by ``benchmarks/train_segmenter.py``
(multinomial logistic regression, AdaGrad: :mod:`.training`) and shipped as
``transcript_tool/data/segmenter.npz``; see ``docs/segmentation.md`` for the
training data, its licence and the evaluation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from ..model import plain
from . import structure as structural

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]

# Offsets of the words each template reads, relative to the gap: -1 is the
# word just before it, 0 the word just after it.
TEMPLATES: tuple[tuple[int, ...], ...] = (
    (),
    (-3,),
    (-2,),
    (-1,),
    (0,),
    (1,),
    (2,),
    (-2, -1),
    (-1, 0),
    (0, 1),
    (1, 2),
    (-3, -2, -1),
    (0, 1, 2),
)
_PAD = 3
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SALT = np.uint64(0xC2B2AE3D27D4EB4F)
_BOUNDARY_ID = {"<s>": 0x5F3759DF, "</s>": 0x1B873593}

SENTENCE_CLASSES = ("none", "statement", "question")
_NON_WORD = re.compile(r"[^\w'-]+")


SENTENCE_END = 0.5
"""A sentence ends at a gap whose probability of ending one exceeds this, for
the segmenter and the spaCy sentence component alike. 0.4 finds more of the
ends (sentence-boundary F1 on the held-out project and Changelog interviews:
0.575 and 0.513 at 0.5, 0.604 and 0.544 at 0.4) but cut compound questions in
two ("what are your salary expectations | and when could you start"). With
the spaCy component keeping those whole (nlp.py), 0.4 still costs the question
evaluations a little (SwDA unpunctuated turn F1 0.667 -> 0.665, hearings form
accuracy 0.691 -> 0.689), so the default stays. Those figures are the
three-pass weights'; with the one-pass weights of 2026-12-04 a threshold of
0.3 made the same trade (docs/segmentation-research.md, "What was tried")."""

SPELLINGS_VERSION = "1"
_SPELLING_SETS: dict[str, tuple[str, ...]] = {
    "um": ("umm", "ummm", "uhm", "uhmm", "erm"),
    "uh": ("uhh", "uhhh", "er"),
    "okay": ("ok",),
    "mm-hmm": ("mhm", "mhmm", "mmhmm", "mmhm", "mm-hm", "mmmhmm", "uh-hum", "um-hum", "uh-huh"),
    "yep": ("yup",),
}
SPELLINGS: dict[str, str] = {
    variant: word for word, variants in _SPELLING_SETS.items() for variant in variants
}
"""Spelling variants of fillers, backchannels and "okay", read by the gap
model as the word they spell. Transcribers and speech recognisers write
them differently: MIT's transcripts have "umm", "uhm", "uhh" and "ok" where
the others have "um", "uh" and "okay", SwDA's have "uh-huh" where the
project's have "mm-hmm", and a model never trained on a spelling reads it
as an unknown word. A model records the version it was trained with
(``spellings`` in its metadata); weights without it read words as spelled.
Left out of training, MIT's sentence F1 rose 0.577 -> 0.603 and SwDA's
0.645 -> 0.653 (docs/segmentation.md, "Training")."""

PUNCTUATED_EVERY = 40
"""Text with at least one sentence-final mark (. ? !) per this many words
carries its own sentence punctuation; sparser text is treated as a caption."""


def punctuated(marks: int, words: int) -> bool:
    """True when ``marks`` sentence-final marks in ``words`` words are enough for
    the text to be read by its own punctuation (see PUNCTUATED_EVERY)."""
    return marks * PUNCTUATED_EVERY >= words


def normalize(word: str) -> str:
    """A source word as the model sees it: lowercase, outer punctuation removed.

    In-word apostrophes (made straight) and hyphens stay ("i'm", "uh-huh"); "" when nothing
    is left (a word made only of punctuation).
    """
    return _NON_WORD.sub("", plain(word)).strip("'-_")


def word_ids(words: Sequence[str]) -> IntArray:
    """CRC-32 ids of the normalised words, padded with sentinel ids."""
    distinct, inverse = structural.vocabulary(words)
    return _padded(structural.crc_ids(distinct)[inverse])


def _crcs(distinct: Sequence[str], spellings: bool) -> npt.NDArray[np.uint64]:
    if spellings:
        distinct = [SPELLINGS.get(w, w) for w in distinct]
    return structural.crc_ids(distinct)


def _padded(crcs: npt.NDArray[np.uint64]) -> IntArray:
    return np.concatenate(
        [
            np.full(_PAD, _BOUNDARY_ID["<s>"], dtype=np.int64),
            crcs.astype(np.int64),
            np.full(_PAD, _BOUNDARY_ID["</s>"], dtype=np.int64),
        ]
    )


def features(
    words: Sequence[str], bits: int, structure: bool = False, spellings: bool = False
) -> IntArray:
    """Feature rows for the n + 1 gaps of n words: shape (n + 1, templates),
    and with ``structure`` the columns of :func:`.structure.columns` after them;
    with ``spellings``, each word hashed as the word :data:`SPELLINGS` reads.

    Gap ``g`` lies before word ``g``: gap 0 is the start of the text and gap
    n its end.
    """
    n = len(words)
    vocab = structural.vocabulary(words)  # each distinct word hashed once
    crcs = _crcs(vocab[0], spellings)
    ids = _padded(crcs[vocab[1]]).astype(np.uint64)
    gaps = n + 1
    mask = np.uint64((1 << bits) - 1)
    columns = []
    with np.errstate(over="ignore"):
        for number, offsets in enumerate(TEMPLATES):
            h = np.full(gaps, np.uint64(number + 1) * _SALT, dtype=np.uint64)
            for offset in offsets:
                # gap g sits between ids[g - 1 + _PAD] and ids[g + _PAD]
                start = _PAD + offset
                h = (h ^ ids[start : start + gaps]) * _MIX
                h ^= h >> np.uint64(29)
            columns.append((h & mask).astype(np.int64))
        if structure:
            for number, values in enumerate(structural.columns(words, vocab, crcs)):
                h = (values + np.uint64(len(TEMPLATES) + number + 1) * _SALT) * _MIX
                h ^= h >> np.uint64(29)
                h *= _MIX
                h ^= h >> np.uint64(31)
                columns.append((h & mask).astype(np.int64))
    return np.stack(columns, axis=1)


def head_columns(head: str, structure: bool) -> list[int]:
    """The feature columns ``head`` reads: every word template, and with
    ``structure`` the structural columns :data:`.structure.HEADS` gives it."""
    base = list(range(len(TEMPLATES)))
    if not structure:
        return base
    return base + [len(TEMPLATES) + j for j in structural.HEADS[head]]


@dataclass(frozen=True)
class GapModel:
    """Weights of the three heads over one hashed feature table."""

    bits: int
    sentence: FloatArray  # (2**bits, 3)
    change: FloatArray  # (2**bits,)
    role: FloatArray  # (2**bits,)
    meta: dict[str, str]

    @property
    def structure(self) -> bool:
        """Whether the model was trained with the structural features
        (:mod:`.structure`), as its metadata says."""
        return self._trained_with("structure", structural.VERSION, "structural features")

    @property
    def spellings(self) -> bool:
        """Whether the model was trained to read :data:`SPELLINGS`' variants
        as the words they spell, as its metadata says."""
        return self._trained_with("spellings", SPELLINGS_VERSION, "spellings")

    def _trained_with(self, key: str, version: str, what: str) -> bool:
        """Whether the metadata records ``key``; ValueError when it records
        a version other than this code's."""
        recorded = self.meta.get(key)
        if recorded is not None and recorded != version:
            raise ValueError(
                f"segmenter weights use {what} version {recorded}; "
                f"this transcript-tool has version {version}"
            )
        return recorded is not None

    def predict(self, words: Sequence[str]) -> GapScores:
        """Scores for the n + 1 gaps of ``words`` (already normalised)."""
        structure = self.structure
        rows = features(words, self.bits, structure, self.spellings)

        def read(head: str) -> IntArray:
            return rows[:, head_columns(head, structure)] if structure else rows

        logits = self.sentence[read("sentence")].sum(axis=1, dtype=np.float32)
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        return GapScores(
            sentence=probs,
            change=sigmoid(self.change[read("change")].sum(axis=1, dtype=np.float32)),
            role=sigmoid(self.role[read("role")].sum(axis=1, dtype=np.float32)),
        )

    def save(self, path: Path) -> None:
        meta = np.array([f"{k}={v}" for k, v in sorted(self.meta.items())])
        np.savez_compressed(
            path,
            bits=np.array(self.bits),
            sentence=self.sentence.astype(np.float16),
            change=self.change.astype(np.float16),
            role=self.role.astype(np.float16),
            meta=meta,
        )

    @classmethod
    def load(cls, path: Path | str) -> GapModel:
        with np.load(path, allow_pickle=False) as data:
            meta = dict(str(item).split("=", 1) for item in data["meta"])
            return cls(
                bits=int(data["bits"]),
                sentence=data["sentence"].astype(np.float32),
                change=data["change"].astype(np.float32),
                role=data["role"].astype(np.float32),
                meta=meta,
            )


@dataclass(frozen=True)
class GapScores:
    """Per gap (before word g): sentence classes (none/statement/question),
    speaker-change probability, and the probability that word g is the
    interviewer's."""

    sentence: FloatArray
    change: FloatArray
    role: FloatArray


def sigmoid(z: FloatArray) -> FloatArray:
    return (1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))).astype(np.float32)


@lru_cache(maxsize=1)
def shipped_model() -> GapModel:
    """The model that ships with the package (``data/segmenter.npz``)."""
    ref = resources.files("transcript_tool.data").joinpath("segmenter.npz")
    with resources.as_file(ref) as path:
        return GapModel.load(path)
