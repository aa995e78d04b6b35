"""Scores for a speaker-turn segmenter: pure functions over per-word labels.

- :func:`wder`: word diarization error rate, the share of words whose hypothesis speaker,
  after the best one-to-one mapping of hypothesis to reference speaker labels, is not the
  reference speaker (as in DiarizationLM, with the words already aligned 1:1).
- :func:`role_error`: share of words whose role (interviewer/candidate) is wrong.
- :func:`boundary_prf`: precision/recall/F1 of turn starts, within a tolerance in words,
  after short turns (backchannels) are dropped from both sides.
- :func:`sentence_prf`: precision/recall/F1 of sentence ends at exact word positions.
- :func:`unit_majority`: the best any decoding can do that changes speaker only at
  given points.
- :class:`Score`: sums the counts behind all of these, so that a corpus figure is
  micro-averaged over words and boundaries rather than a mean of per-stream ratios.

No corpus access here; see ``caption_corpora.py`` for the data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field, fields
from itertools import pairwise, permutations

PRF = tuple[float, float, float, int, int, int]

BRUTE_FORCE_MAX_LABELS = 7

SURE_NAMES = 0.9
"""A role confidence at which the report's naming of the speakers reads as certain."""


def _check_lengths(ref: Sequence[object], hyp: Sequence[object]) -> None:
    if len(ref) != len(hyp):
        raise ValueError(f"reference has {len(ref)} words, hypothesis {len(hyp)}")


def best_mapping(ref: Sequence[Hashable], hyp: Sequence[Hashable]) -> dict[Hashable, Hashable]:
    """One-to-one map from hypothesis labels to reference labels that maximises the number
    of words on which they agree. Exhaustive when both sides have at most
    ``BRUTE_FORCE_MAX_LABELS`` labels, otherwise greedy (largest overlap first). Labels
    whose best partner overlaps on no word may stay unmapped."""
    _check_lengths(ref, hyp)
    overlap = Counter(zip(hyp, ref, strict=True))
    hyp_labels = sorted(set(hyp), key=repr)
    ref_labels = sorted(set(ref), key=repr)
    if len(hyp_labels) <= BRUTE_FORCE_MAX_LABELS and len(ref_labels) <= BRUTE_FORCE_MAX_LABELS:
        best: dict[Hashable, Hashable] = {}
        best_hits = -1
        if len(hyp_labels) <= len(ref_labels):
            candidates = (
                dict(zip(hyp_labels, chosen, strict=True))
                for chosen in permutations(ref_labels, len(hyp_labels))
            )
        else:
            candidates = (
                dict(zip(chosen, ref_labels, strict=True))
                for chosen in permutations(hyp_labels, len(ref_labels))
            )
        for candidate in candidates:
            hits = sum(overlap[(h, r)] for h, r in candidate.items())
            if hits > best_hits:
                best, best_hits = candidate, hits
        return best
    mapping: dict[Hashable, Hashable] = {}
    used: set[Hashable] = set()
    for (h, r), count in sorted(overlap.items(), key=lambda item: (-item[1], repr(item[0]))):
        if count > 0 and h not in mapping and r not in used:
            mapping[h] = r
            used.add(r)
    return mapping


def wder_counts(ref: Sequence[int], hyp: Sequence[int]) -> tuple[int, int]:
    """(wrongly attributed words, words) under the best one-to-one label mapping."""
    mapping = best_mapping(ref, hyp)
    errors = sum(1 for r, h in zip(ref, hyp, strict=True) if h not in mapping or mapping[h] != r)
    return errors, len(ref)


def wrong_words(ref: Sequence[int], hyp: Sequence[int]) -> list[bool]:
    """Per word: whether it is attributed to the wrong speaker under the best one-to-one
    label mapping (the words :func:`wder_counts` counts)."""
    _check_lengths(ref, hyp)
    mapping = best_mapping(ref, hyp)
    return [h not in mapping or mapping[h] != r for r, h in zip(ref, hyp, strict=True)]


def auroc(scores: Sequence[float], positive: Sequence[bool]) -> float:
    """Area under the ROC curve: the probability that a random positive item scores higher
    than a random negative one, ties counting half (Mann-Whitney U over the count of
    items); 0.5 when either class is empty."""
    _check_lengths(scores, positive)
    n_pos = sum(positive)
    n_neg = len(positive) - n_pos
    if not n_pos or not n_neg:
        return 0.5
    counts: dict[float, list[int]] = {}
    for score, is_positive in zip(scores, positive, strict=True):
        counts.setdefault(score, [0, 0])[0 if is_positive else 1] += 1
    below = 0  # negatives scoring below the current score
    wins = 0.0
    for score in sorted(counts):
        pos, neg = counts[score]
        wins += pos * (below + neg / 2)
        below += neg
    return wins / (n_pos * n_neg)


def wder(ref: Sequence[int], hyp: Sequence[int]) -> float:
    """Word diarization error rate; 0.0 for an empty sequence. Hypothesis speakers left
    without a reference partner (more hypothesis speakers than reference ones) count as
    errors on all their words."""
    errors, words = wder_counts(ref, hyp)
    return errors / words if words else 0.0


def word_roles(speakers: Sequence[int], roles: Sequence[str] | None) -> list[str | None]:
    """Role per word from a speaker index per word and a role per speaker index (None per
    word when ``roles`` is None)."""
    if roles is None:
        return [None] * len(speakers)
    return [roles[s] for s in speakers]


def role_error_counts(ref_roles: Sequence[str | None], hyp_roles: Sequence[str]) -> tuple[int, int]:
    """(words with a wrong role, words whose reference role is not None)."""
    _check_lengths(ref_roles, hyp_roles)
    scored = [(r, h) for r, h in zip(ref_roles, hyp_roles, strict=True) if r is not None]
    return sum(1 for r, h in scored if r != h), len(scored)


def interviewer_counts(
    ref_roles: Sequence[str | None], hyp_roles: Sequence[str]
) -> tuple[int, int]:
    """(words labelled the interviewer's, words decoded as the interviewer's), both
    over the words whose reference role is not None."""
    _check_lengths(ref_roles, hyp_roles)
    scored = [(r, h) for r, h in zip(ref_roles, hyp_roles, strict=True) if r is not None]
    return (
        sum(1 for r, _ in scored if r == "interviewer"),
        sum(1 for _, h in scored if h == "interviewer"),
    )


def role_error(ref_roles: Sequence[str | None], hyp_roles: Sequence[str]) -> float:
    """Share of words whose hypothesis role differs from the reference, over the words whose
    reference role is not None; 0.0 when there are no such words."""
    errors, words = role_error_counts(ref_roles, hyp_roles)
    return errors / words if words else 0.0


def states_by_evidence(speakers: Sequence[int], evidence: Sequence[float]) -> list[int]:
    """Two labelled speakers with no roles (SwDA) as the decoder's states: 0, the
    interviewer's, for the speaker whose words ``evidence`` (the role head's log-odds
    per word) rates higher on average, the first speaker on a tie; 1 for the other."""
    _check_lengths(speakers, evidence)
    first = [e for e, s in zip(evidence, speakers, strict=True) if s == speakers[0]]
    other = [e for e, s in zip(evidence, speakers, strict=True) if s != speakers[0]]
    interviewer_first = sum(first) / len(first) >= sum(other) / len(other)
    return [int((s == speakers[0]) != interviewer_first) for s in speakers]


def unit_majority(speakers: Sequence[int], cuts: Sequence[int]) -> list[int]:
    """Each word given the speaker of most of the words of its unit, the units being the
    runs between ``cuts`` (word indices where a unit begins, ascending; ties go to the
    lowest label): the fewest errors any decoding that changes speaker only at ``cuts``
    can make."""
    if not speakers and not cuts:
        return []
    bounds = [0, *cuts, len(speakers)]
    out: list[int] = []
    for begin, end in pairwise(bounds):
        if end <= begin:
            raise ValueError(f"cuts must ascend within 1..{len(speakers) - 1}: {list(cuts)}")
        counts = Counter(speakers[begin:end])
        top = max(counts.values())
        out.extend([min(k for k, c in counts.items() if c == top)] * (end - begin))
    return out


def turn_boundaries(speakers: Sequence[int], min_turn_words: int = 5) -> list[int]:
    """Word indices (in the original sequence) where turns begin, the first turn excluded.

    Turns are maximal runs of one speaker. Runs shorter than ``min_turn_words`` are dropped
    first (backchannels such as "mm-hmm"), then neighbouring runs of the same speaker are
    merged, so an answer interrupted by "okay" has no boundary inside it.
    """
    runs: list[tuple[int, int, int]] = []  # (speaker, start, length)
    for i, speaker in enumerate(speakers):
        if runs and runs[-1][0] == speaker:
            runs[-1] = (speaker, runs[-1][1], runs[-1][2] + 1)
        else:
            runs.append((speaker, i, 1))
    starts: list[int] = []
    previous: int | None = None
    for speaker, start, length in runs:
        if length < min_turn_words:
            continue
        if previous is not None and speaker != previous:
            starts.append(start)
        previous = speaker
    return starts


def prf(tp: int, n_ref: int, n_hyp: int) -> tuple[float, float, float]:
    """Precision, recall, F1 from counts: all 1.0 when both sides are empty, all 0.0 when
    exactly one is."""
    if n_ref == 0 and n_hyp == 0:
        return 1.0, 1.0, 1.0
    if n_ref == 0 or n_hyp == 0:
        return 0.0, 0.0, 0.0
    precision = tp / n_hyp
    recall = tp / n_ref
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def match_within(ref: Sequence[int], hyp: Sequence[int], tolerance: int) -> int:
    """Size of the largest one-to-one matching of positions with ``|r - h| <= tolerance``.

    Two pointers over the sorted positions: a hypothesis position left of every remaining
    reference window can match nothing later, and a reference whose window ends before the
    current hypothesis can match nothing later either; otherwise pair them. With windows of
    equal width this greedy matching is maximum.
    """
    r_sorted = sorted(ref)
    h_sorted = sorted(hyp)
    i = j = tp = 0
    while i < len(r_sorted) and j < len(h_sorted):
        if abs(r_sorted[i] - h_sorted[j]) <= tolerance:
            tp += 1
            i += 1
            j += 1
        elif h_sorted[j] < r_sorted[i]:
            j += 1
        else:
            i += 1
    return tp


def boundary_prf(
    ref_speakers: Sequence[int],
    hyp_speakers: Sequence[int],
    tolerance: int = 3,
    min_turn_words: int = 5,
) -> PRF:
    """(precision, recall, f1, true positives, n_ref, n_hyp) of turn boundaries: each
    hypothesis boundary may match one reference boundary at most ``tolerance`` words away."""
    _check_lengths(ref_speakers, hyp_speakers)
    ref = turn_boundaries(ref_speakers, min_turn_words)
    hyp = turn_boundaries(hyp_speakers, min_turn_words)
    tp = match_within(ref, hyp, tolerance)
    return (*prf(tp, len(ref), len(hyp)), tp, len(ref), len(hyp))


def sentence_prf(ref_ends: Sequence[bool], hyp_ends: Sequence[bool]) -> PRF:
    """(precision, recall, f1, true positives, n_ref, n_hyp) of sentence ends at exactly the
    same word, not counting the final word (the text always ends there)."""
    _check_lengths(ref_ends, hyp_ends)
    last = len(ref_ends) - 1
    ref = {i for i, end in enumerate(ref_ends) if end and i != last}
    hyp = {i for i, end in enumerate(hyp_ends) if end and i != last}
    tp = len(ref & hyp)
    return (*prf(tp, len(ref), len(hyp)), tp, len(ref), len(hyp))


def _named_right(ref_roles: Sequence[str | None], hyp_roles: Sequence[str]) -> bool:
    """Whether the words decoded as the interviewer's are the interviewer's by the
    labels at least as often as the words decoded as the candidate's (True when
    either role was not decoded); words without a labelled role do not count."""
    pairs = zip(ref_roles, hyp_roles, strict=True)
    counts = Counter((h, r == "interviewer") for r, h in pairs if r is not None)
    shares = []
    for role in ("interviewer", "candidate"):
        words = counts[role, True] + counts[role, False]
        if not words:
            return True
        shares.append(counts[role, True] / words)
    return shares[0] >= shares[1]


@dataclass
class Score:
    """Counts summed over streams; the rates are micro-averages.

    ``add`` scores one stream; give roles and sentence ends only when you have them (the
    matching counts stay zero otherwise, and their rates report the empty case).
    """

    streams: int = 0
    words: int = 0
    errors: int = 0
    role_words: int = 0
    role_errors: int = 0
    boundary_tp: int = 0
    boundary_ref: int = 0
    boundary_hyp: int = 0
    sentence_tp: int = 0
    sentence_ref: int = 0
    sentence_hyp: int = 0
    interviewer_ref: int = 0  # of the role_words, the interviewer's by the labels
    interviewer_hyp: int = 0  # ... and as decoded
    role_streams: int = 0
    talk_missed: int = 0  # streams given less than half the interviewer's labelled share
    names_right: int = 0  # streams whose roles are named right for the split as decoded
    wrong_names_sure: int = 0  # ... named wrong at a role confidence of SURE_NAMES or more

    def add(
        self,
        ref_speakers: Sequence[int],
        hyp_speakers: Sequence[int],
        *,
        ref_roles: Sequence[str | None] | None = None,
        hyp_roles: Sequence[str] | None = None,
        ref_ends: Sequence[bool] | None = None,
        hyp_ends: Sequence[bool] | None = None,
        tolerance: int = 3,
        min_turn_words: int = 5,
        role_confidence: float | None = None,
    ) -> None:
        """Add one stream. Roles are per word (see :func:`word_roles`).

        With roles, the stream's roles are *named right* when the words decoded as
        the interviewer's are more often the interviewer's by the labels than the
        words decoded as the candidate's are (or one role was not decoded at all):
        whether the tool told which of its speakers is the interviewer, however
        wrong its split of who said what. ``role_confidence`` (the report's)
        counts the wrong namings it was sure of."""
        errors, words = wder_counts(ref_speakers, hyp_speakers)
        self.streams += 1
        self.words += words
        self.errors += errors
        if ref_roles is not None and hyp_roles is not None:
            role_errors, role_words = role_error_counts(ref_roles, hyp_roles)
            self.role_errors += role_errors
            self.role_words += role_words
            labelled, decoded = interviewer_counts(ref_roles, hyp_roles)
            self.interviewer_ref += labelled
            self.interviewer_hyp += decoded
            if role_words:
                self.role_streams += 1
                self.talk_missed += decoded < labelled / 2
                right = _named_right(ref_roles, hyp_roles)
                self.names_right += right
                sure = role_confidence is not None and role_confidence >= SURE_NAMES
                self.wrong_names_sure += not right and sure
        *_, tp, n_ref, n_hyp = boundary_prf(ref_speakers, hyp_speakers, tolerance, min_turn_words)
        self.boundary_tp += tp
        self.boundary_ref += n_ref
        self.boundary_hyp += n_hyp
        if ref_ends is not None and hyp_ends is not None:
            *_, tp, n_ref, n_hyp = sentence_prf(ref_ends, hyp_ends)
            self.sentence_tp += tp
            self.sentence_ref += n_ref
            self.sentence_hyp += n_hyp

    def __iadd__(self, other: Score) -> Score:
        for counted in fields(self):
            name = counted.name
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    @property
    def wder(self) -> float:
        return self.errors / self.words if self.words else 0.0

    @property
    def role_error(self) -> float:
        return self.role_errors / self.role_words if self.role_words else 0.0

    @property
    def interviewer_share(self) -> tuple[float, float]:
        """(labelled, decoded) share of the role-labelled words that are the
        interviewer's."""
        if not self.role_words:
            return 0.0, 0.0
        return self.interviewer_ref / self.role_words, self.interviewer_hyp / self.role_words

    @property
    def boundary(self) -> tuple[float, float, float]:
        """(precision, recall, f1) of turn boundaries over all added streams."""
        return prf(self.boundary_tp, self.boundary_ref, self.boundary_hyp)

    @property
    def sentence(self) -> tuple[float, float, float]:
        """(precision, recall, f1) of sentence ends over all added streams."""
        return prf(self.sentence_tp, self.sentence_ref, self.sentence_hyp)

    def as_dict(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {f.name: getattr(self, f.name) for f in fields(self)}
        out["wder"] = self.wder
        out["role_error"] = self.role_error
        for prefix, values in (("boundary", self.boundary), ("sentence", self.sentence)):
            for name, value in zip(("precision", "recall", "f1"), values, strict=True):
                out[f"{prefix}_{name}"] = value
        return out


@dataclass
class ConfidenceScore:
    """Whether the confidence of inferred turns singles out the wrong words: per word,
    the confidence of the turn it falls in and whether its speaker is right, over all
    added streams."""

    confidence: list[float] = field(default_factory=list)
    correct: list[bool] = field(default_factory=list)

    def add(
        self, ref_speakers: Sequence[int], hyp_speakers: Sequence[int], confidence: Sequence[float]
    ) -> None:
        _check_lengths(hyp_speakers, confidence)
        self.confidence.extend(confidence)
        self.correct.extend(not wrong for wrong in wrong_words(ref_speakers, hyp_speakers))

    def marked(self, threshold: float) -> tuple[float, float, float]:
        """(share of words in turns below ``threshold``, share of those words that are
        wrong, share of the other words that are wrong); 0.0 for an empty group."""
        low = [c for conf, c in zip(self.confidence, self.correct, strict=True) if conf < threshold]
        high = [
            c for conf, c in zip(self.confidence, self.correct, strict=True) if conf >= threshold
        ]

        def wrong(group: list[bool]) -> float:
            return (len(group) - sum(group)) / len(group) if group else 0.0

        share = len(low) / len(self.correct) if self.correct else 0.0
        return share, wrong(low), wrong(high)

    @property
    def auroc(self) -> float:
        """How well confidence ranks right words above wrong ones (0.5: not at all)."""
        return auroc(self.confidence, self.correct)

    @property
    def mean(self) -> float:
        """The words' mean confidence: over one transcript, the overall confidence the
        report shows (0.0 with no words)."""
        return sum(self.confidence) / len(self.confidence) if self.confidence else 0.0

    @property
    def right(self) -> float:
        """The share of words whose speaker is right (0.0 with no words): what a
        calibrated overall confidence would be."""
        return sum(self.correct) / len(self.correct) if self.correct else 0.0


def flag_f1(truth: Sequence[bool], guess: Sequence[bool]) -> float:
    """F1 of per-item yes/no guesses against the truth (0.0 when both say no everywhere)."""
    _check_lengths(truth, guess)
    both = sum(1 for t, g in zip(truth, guess, strict=True) if t and g)
    total = sum(truth) + sum(guess)
    return 2 * both / total if total else 0.0


def best_f1(truth: Sequence[bool], scores: Sequence[float]) -> float:
    """The highest :func:`flag_f1` of ``score > threshold`` over every threshold: how
    well ``scores`` rank the true items first. Items with equal scores are taken
    together; 0.0 when nothing is true."""
    _check_lengths(truth, scores)
    positives = sum(truth)
    if not positives:
        return 0.0
    best, hits = 0.0, 0
    ranked = sorted(zip(scores, truth, strict=True), key=lambda pair: -pair[0])
    for taken, (score, is_true) in enumerate(ranked, 1):
        hits += is_true
        if taken == len(ranked) or ranked[taken][0] != score:
            best = max(best, 2 * hits / (taken + positives))
    return best
