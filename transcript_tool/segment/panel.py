"""More than two voices: the interviewer's side of a two-speaker decode split
into several interviewers (a panel).

With ``--speakers N`` above 2, :func:`.diarize.diarize` first decodes two
speakers, the interviewer and the candidate, with every rule the two-speaker
decoder has; then :func:`split_interviewers` shares the interviewer's words
among ``N - 1`` voices, each of role "interviewer". The roles are those of
the two-speaker decode: an N-state decoder, with no role evidence and no
alternation to start its extra states from, got more of a panel's words'
roles wrong than the two-speaker one (docs/segmentation.md, "More than two
speakers").

The split is expectation-maximisation over the interviewer's stretches with
the per-transcript speaker models of :mod:`.speakers`, as the two-speaker
decoder fits its speakers: who says which of a panel's questions is told by
how each of them talks, which short questions show little of (on the
project's panels, 60 % of the interviewer's words go to the right person,
little better than giving them all to one). Its posterior becomes the words'
confidence, so an uncertain split is marked in the output.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from .hmm import forward_backward
from .speakers import emission as speaker_emission
from .speakers import word_ids

if TYPE_CHECKING:
    from .diarize import Diarization, Params

SPLIT_TEMPER = 0.05
"""Every log-score of the split is multiplied by this before the posterior
that becomes the words' confidence (the two-speaker decoder uses
``Params.temper``, 0.1). On the five panels of ``benchmarks/eval_panels.py``
the split gives 60 % of the interviewer's words to the right interviewer,
and at 0.05 the mean posterior of the voice it chose is 0.60 as well (0.69
at 0.1). It is right on average only: the transcripts' posteriors do not
follow their accuracy."""

SAME_ASKER = 0.5
"""Probability that the interviewer after a candidate's turn is the one who
spoke before it: a panel may take questions in turns or in blocks, so the
order says nothing either way."""


def split_interviewers(
    words: Sequence[str],
    two: Diarization,
    change: npt.NDArray[np.float32],
    voices: int,
    params: Params,
) -> Diarization:
    """``two`` (a two-speaker decode of ``words``) with the interviewer's
    words shared among ``voices`` interviewers. ``change[g]`` is the gap
    model's probability that the speaker changes before word g: inside one
    stretch of the interviewer's talk, the voice may change where it is
    above ``params.init``. Speakers are renumbered in order of first
    appearance."""
    n = len(words)
    asker = [k for k, role in enumerate(two.roles) if role == "interviewer"]
    if voices < 2 or not asker or n == 0:
        return two
    units = _stretches(two.speakers, asker[0], change, params.init)
    stay, switch = _transitions(units, change, voices)
    picked = np.concatenate([np.arange(b, e) for b, e in units])
    style, content = (_renumbered(ids[picked]) for ids in word_ids(words))
    offsets = np.concatenate([[0], np.cumsum([e - b for b, e in units])])
    local = list(zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True))
    posterior = _farthest_start(style, content, local, voices)
    prior = [0.0] * voices
    emission = np.zeros((len(units), voices))
    for _ in range(max(params.iterations, 1)):
        emission = speaker_emission(
            style, local, posterior, params.style_weight, params.lm_prior
        ) + speaker_emission(content, local, posterior, params.content_weight, params.lm_prior)
        posterior, _ = forward_backward(prior, emission, stay, switch)
    voice = [max(range(voices), key=row.__getitem__) for row in posterior]
    t = SPLIT_TEMPER
    tempered, _ = forward_backward(
        [t * x for x in prior], t * emission, [t * x for x in stay], [t * x for x in switch]
    )
    # state: 0..voices-1 the interviewers, voices the candidate
    state = [voices] * n
    confidence = list(two.confidence)
    for u, (begin, end) in enumerate(units):
        sure = tempered[u][voice[u]]
        for i in range(begin, end):
            state[i] = voice[u]
            confidence[i] = round(confidence[i] * sure, 4)
    order: dict[int, int] = {}
    for s in state:
        order.setdefault(s, len(order))
    speakers = tuple(order[s] for s in state)
    roles = tuple(
        "candidate" if s == voices else "interviewer" for s in sorted(order, key=order.__getitem__)
    )
    ends = list(two.sentence_end)
    change_confidence = list(two.change_confidence)
    for i in range(1, n):
        if speakers[i] != speakers[i - 1]:
            ends[i - 1] = True
            if two.speakers[i] == two.speakers[i - 1]:
                change_confidence[i] = confidence[i]
    return dataclasses.replace(
        two,
        speakers=speakers,
        confidence=tuple(confidence),
        sentence_end=tuple(ends),
        change_confidence=tuple(change_confidence),
        roles=roles,
    )


def _stretches(
    speakers: Sequence[int], asker: int, change: npt.NDArray[np.float32], threshold: float
) -> list[tuple[int, int]]:
    """The interviewer's runs of words, each cut again where a change of
    speaker is likely."""
    units: list[tuple[int, int]] = []
    begin = None
    for i, s in enumerate(speakers):
        if s != asker:
            if begin is not None:
                units.append((begin, i))
                begin = None
        elif begin is None:
            begin = i
        elif change[i] > threshold:
            units.append((begin, i))
            begin = i
    if begin is not None:
        units.append((begin, len(speakers)))
    return units


def _transitions(
    units: Sequence[tuple[int, int]], change: npt.NDArray[np.float32], voices: int
) -> tuple[list[float], list[float]]:
    """Log-probabilities of the same interviewer going on, and of each other
    one taking over, between consecutive stretches: the change head's where
    they touch, :data:`SAME_ASKER` where the candidate spoke between them."""
    stay, switch = [], []
    for (_, end), (begin, _) in itertools.pairwise(units):
        q = float(np.clip(change[begin], 1e-6, 1 - 1e-6)) if begin == end else 1 - SAME_ASKER
        stay.append(float(np.log(1 - q)))
        switch.append(float(np.log(q / (voices - 1))))
    return stay, switch


def _renumbered(ids: npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
    """``ids`` numbered from 0 without gaps."""
    return np.unique(ids, return_inverse=True)[1].reshape(-1)


def _farthest_start(
    style: npt.NDArray[np.intp],
    content: npt.NDArray[np.intp],
    units: Sequence[tuple[int, int]],
    voices: int,
) -> list[list[float]]:
    """Where EM starts: the longest stretch seeds the first voice, and each
    further voice is seeded by the stretch least like any seed so far (cosine
    of the two models' word counts); every stretch starts as its nearest
    seed. Deterministic, and two interviewers who word things differently
    start apart (alternation, tried first, started them mixed)."""
    counts = np.zeros((len(units), int(style.max()) + int(content.max()) + 2))
    offset = int(style.max()) + 1
    for u, (begin, end) in enumerate(units):
        np.add.at(counts[u], style[begin:end], 1.0)
        np.add.at(counts[u], offset + content[begin:end], 1.0)
    counts /= np.linalg.norm(counts, axis=1, keepdims=True)
    similar = counts @ counts.T
    seeds = [int(np.argmax([end - begin for begin, end in units]))]
    while len(seeds) < min(voices, len(units)):
        seeds.append(int(np.argmin(similar[:, seeds].max(axis=1))))
    nearest = np.argmax(similar[:, seeds], axis=1)
    return [
        [0.9 if k == nearest[u] else 0.1 / (voices - 1) for k in range(voices)]
        for u in range(len(units))
    ]
