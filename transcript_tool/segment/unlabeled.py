"""From unlabeled text to speaker turns: the seam between readers and the
raw-caption segmenter (:mod:`.diarize`).

The source's own words are kept exactly: the text is split on whitespace, the
model reads each word normalised (lowercase, outer punctuation removed) and
every source word, punctuation-only ones included, lands in exactly one turn,
in order. Joined, the turns' words are the input's words.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..model import LOW_CONFIDENCE, Pause, Role
from ..model.transcript import UNLABELED_NOTICE
from ..readers.common import Chunk, RawTurn, pause_between
from ..wording import agree, counted
from .diarize import Diarization, Params, diarize
from .gaps import GapModel, normalize, punctuated, shipped_model

SPEAKER_IDS = ("Speaker 1", "Speaker 2")
_TERMINAL = re.compile(r"[.?!][\"')\]]*$")
_QUESTION = re.compile(r"\?[\"')\]]*$")


@dataclass(frozen=True)
class Segmented:
    """Turns found in unlabeled text, the role of each speaker and a notice
    that says how sure the segmenter is."""

    turns: list[RawTurn]
    roles: dict[str, tuple[Role, float]]
    confidence: float
    notice: str


def speaker_id(index: int) -> str:
    return f"Speaker {index + 1}"


def segment_chunks(
    chunks: Sequence[Chunk],
    *,
    speakers: int = 2,
    first_role: Role | None = None,
    params: Params | None = None,
) -> Segmented:
    """Segment the words of ``chunks`` into turns of ``speakers`` voices.

    Punctuation-only tokens ("--", "...") stay in the text, attached to the
    word before them (to the first word when they open the text).
    """
    tokens: list[tuple[str, int]] = []  # (source word, chunk index)
    for c, chunk in enumerate(chunks):
        tokens.extend((word, c) for word in chunk.text.split())
    model_words: list[str] = []
    owner: list[int] = []  # for each token, the index of the model word it belongs to
    for token, _ in tokens:
        norm = normalize(token)
        if norm:
            model_words.append(norm)
        owner.append(max(len(model_words) - 1, 0))
    source: list[str] | None = None
    if _punctuated(tokens):
        # the source has its own sentence punctuation: change speaker only where a sentence ends
        source = [""] * len(model_words)
        for (token, _), m in zip(tokens, owner, strict=True):
            if model_words:
                source[m] = f"{source[m]} {token}".strip()

    def decode(first: Role | None) -> Diarization:
        if source is not None:
            return diarize_punctuated(
                model_words, source, shipped_model(), params, speakers=speakers, first_role=first
            )
        return diarize(
            model_words, shipped_model(), speakers=speakers, first_role=first, params=params
        )

    result = decode(first_role)
    unhinted = _unhinted_first(decode, first_role) if speakers >= 2 and model_words else None
    word_confidences = turn_confidences(result)
    turns = _turns(tokens, owner, chunks, result, word_confidences)
    confidence = _overall(word_confidences)
    low = sum(1 for t in turns if t.confidence < LOW_CONFIDENCE)
    roles: dict[str, tuple[Role, float]] = {}
    for index, role in enumerate(result.roles):
        roles[speaker_id(index)] = (role, result.role_confidence)  # type: ignore[assignment]
    used = {t.speaker for t in turns}
    roles = {sid: value for sid, value in roles.items() if sid in used}
    notice = (
        f"{UNLABELED_NOTICE}{counted(len(used), 'speaker')} and {counted(len(turns), 'turn')} "
        f"inferred from the words alone, overall confidence {confidence:.2f} (the model's "
        "own: on a conversational interview it can be high where many words are wrong)"
        + (
            f"; {counted(low, 'turn')} below {LOW_CONFIDENCE:.1f} {agree(low, 'is', 'are')} marked"
            if low
            else ""
        )
        + (
            f"; --{first_role}-first was followed, though the words read as if the "
            f"{unhinted} spoke first"
            if unhinted
            else ""
        )
    )
    return Segmented(turns, roles, confidence, notice)


def _unhinted_first(decode: Callable[[Role | None], Diarization], hint: Role | None) -> str | None:
    """The role the segmenter gives the first words when not told who
    speaks first, where ``hint`` (``--interviewer-first`` /
    ``--candidate-first``) says otherwise; None without a hint or when the
    two agree. A hint the words contradict is followed, but said: it may be
    a slip (the decode then opens with a short turn of the hinted role at
    low confidence)."""
    if hint is None:
        return None
    free = decode(None)
    first = free.roles[free.speakers[0]]
    return first if first != hint else None


def diarize_punctuated(
    words: Sequence[str],
    source: Sequence[str],
    model: GapModel,
    params: Params | None = None,
    *,
    speakers: int = 2,
    first_role: Role | None = None,
) -> Diarization:
    """:func:`.diarize.diarize` for text with its own punctuation: ``source[i]``
    is model word i as written. The speaker may change only after a word that
    ends a sentence."""
    ends = [bool(_TERMINAL.search(token)) for token in source]
    p = params or Params()
    scores = model.predict(words)
    if p.question_change > 0:
        change = scores.change.copy()
        for i, token in enumerate(source[:-1]):
            if _QUESTION.search(token):
                change[i + 1] = max(float(change[i + 1]), p.question_change)
        scores = dataclasses.replace(scores, change=change)
    return diarize(
        words,
        model,
        speakers=speakers,
        first_role=first_role,
        params=p,
        scores=scores,
        change_after=ends,
        question_after=[bool(_QUESTION.search(token)) for token in source],
    )


def _punctuated(tokens: Sequence[tuple[str, int]]) -> bool:
    """True when the text carries its own sentence punctuation (a Whisper
    transcript) rather than none (an auto-caption)."""
    ends = sum(1 for word, _ in tokens if _TERMINAL.search(word))
    return len(tokens) >= 20 and punctuated(ends, len(tokens))


ROLE_AGREEMENT_SCALE = 2.0
"""How steeply a turn's confidence falls when its words sound like the other
role: the role head's mean log-odds over the turn, signed for the role the
turn was given, times this, through a logistic."""


def speaker_runs(speakers: Sequence[int]) -> list[tuple[int, int]]:
    """(start, end) of each maximal run of one speaker in ``speakers``."""
    if not len(speakers):
        return []
    labels = np.asarray(speakers)
    bounds = [0, *(np.flatnonzero(labels[1:] != labels[:-1]) + 1).tolist(), len(labels)]
    return list(itertools.pairwise(bounds))


def turn_confidences(result: Diarization) -> list[float]:
    """For each word of ``result``, the confidence of the turn it falls in (a
    run of one speaker), rounded to two places: the geometric mean of

    - the mean posterior of the turn's speaker over its words (the tempered
      forward-backward of :func:`.diarize.diarize`), and
    - how much the turn's own words sound like the role it was given: the
      logistic of ``ROLE_AGREEMENT_SCALE`` times the role head's mean log-odds
      over the turn, signed for that role ("candidate" turns that read like
      the interviewer score low).

    With one speaker (no role evidence), only the first counts.
    The posterior that the speaker changes where the turn begins is not used:
    it does not tell right turns from wrong ones (``eval_segmentation.py``
    prints how well this confidence does: AUROC)."""
    out: list[float] = []
    evidence = result.role_evidence
    for start, end in speaker_runs(result.speakers):
        confidence = sum(result.confidence[start:end]) / (end - start)
        role = result.roles[result.speakers[start]]
        if evidence:
            sign = 1.0 if role == "interviewer" else -1.0
            agreement = sign * sum(evidence[start:end]) / (end - start)
            sounds_like = 1.0 / (1.0 + math.exp(-ROLE_AGREEMENT_SCALE * agreement))
            confidence = math.sqrt(confidence * sounds_like)
        out.extend([round(confidence, 2)] * (end - start))
    return out


def _turns(
    tokens: Sequence[tuple[str, int]],
    owner: Sequence[int],
    chunks: Sequence[Chunk],
    result: Diarization,
    confidences: Sequence[float],
) -> list[RawTurn]:
    """The turns of ``result``; ``confidences`` are :func:`turn_confidences`.

    A turn that begins or ends inside a timed chunk (a caption cue two people
    speak in) has its time there placed by word position, as if the cue's
    words were evenly spaced: the two turns meet at one instant instead of
    both spanning the whole cue."""
    turns: list[RawTurn] = []
    current: list[str] = []
    current_speaker = -1
    first_chunk = last_chunk = 0
    first_token = last_token = 0
    pauses: list[Pause] = []
    confidence = 1.0
    chunk_first: dict[int, int] = {}
    chunk_size: dict[int, int] = {}
    for t, (_, c) in enumerate(tokens):
        chunk_first.setdefault(c, t)
        chunk_size[c] = chunk_size.get(c, 0) + 1

    def at(c: int, before_token: int, otherwise: float | None) -> float | None:
        """The time in chunk ``c`` before its token ``before_token``: its start
        before the first token, its end after the last, by word position in
        between (rounded to the millisecond, never outside the chunk's times);
        ``otherwise`` when the chunk has no start or no end."""
        start, end = chunks[c].start, chunks[c].end
        if start is None or end is None:
            return otherwise
        share = (before_token - chunk_first[c]) / chunk_size[c]
        if share <= 0.0:
            return start
        if share >= 1.0:
            return end
        return min(max(round(start + share * (end - start), 3), start), end)

    def close() -> None:
        if not current:
            return
        start = at(first_chunk, first_token, chunks[first_chunk].start)
        end = at(last_chunk, last_token + 1, chunks[last_chunk].end)
        if start is not None and end is not None and end < start:
            # times that go backwards (kept in file order): the span of the
            # turn's chunks, as build_transcript gives a merged turn
            spanned = chunks[first_chunk : last_chunk + 1]
            start = min((k.start for k in spanned if k.start is not None), default=start)
            end = max((k.end for k in spanned if k.end is not None), default=end)
        turns.append(
            RawTurn(
                speaker=speaker_id(current_speaker),
                text=" ".join(current),
                line=chunks[first_chunk].line,
                start=start,
                end=end,
                confidence=confidence,
                pauses=list(pauses),
            )
        )

    seen_model_word = -1
    length = 0  # of " ".join(current) + " ": where the next word starts
    for t, ((token, c), m) in enumerate(zip(tokens, owner, strict=True)):
        speaker = result.speakers[m] if result.speakers else 0
        new_word = m != seen_model_word and bool(result.speakers)
        if speaker != current_speaker and new_word:
            close()
            current, pauses, length = [], [], 0
            current_speaker = speaker
            confidence = confidences[m]
        elif c != last_chunk and current:
            gap = pause_between(length, chunks[last_chunk].end, chunks[c].start)
            pauses.extend([gap] if gap else [])
        if not current:  # with no word the model reads ("? ?"), no change starts a turn
            first_chunk, first_token = c, t
        current.append(token)
        length += len(token) + 1
        last_chunk, last_token = c, t
        if new_word:
            seen_model_word = m
    if current_speaker < 0:
        current_speaker = 0
    close()
    return turns


def _overall(confidences: Sequence[float]) -> float:
    """The words' mean turn confidence (``confidences`` from :func:`turn_confidences`)."""
    if not confidences:
        return 1.0
    return round(sum(confidences) / len(confidences), 2)
