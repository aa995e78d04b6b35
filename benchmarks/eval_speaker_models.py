"""What the segmenter's per-transcript speaker models know when they are fitted to
the right speakers, and how the decoder scores the right split.

    python benchmarks/eval_speaker_models.py [--limit N] [--corpora DIR]

The decoder (``transcript_tool.segment.diarize``) tells two voices apart by the
change head's transitions, the role head and two unigram models per speaker (style
and content, :mod:`transcript_tool.segment.speakers`) that EM fits to the transcript.
``eval_segmentation.py --oracle`` starts EM from the labelled speakers and finds
that the decoder leaves them. This script asks why, with the gap model trained on
the other four corpora (leave one corpus out) and the decoder without its rules
(phrases, islands, greetings), for every two-speaker transcript:

1. **stretches**: each labelled turn cut into stretches of 30 words (the last one
   shorter); each stretch of at least 15 words scored by the speaker models fitted
   to the labelled speaker of every other stretch. AUROC of the log-ratio of the
   two speakers' models for the stretch being the interviewer's: style, content,
   and both at the decoder's weights. How well the models tell the speakers apart
   when they are right.
2. **decode**: one forward-backward over the decoder's units with the speaker
   models fitted to the labelled split (each unit as most of its words), the role
   head at 0, 0.1 and 0.3 (the decoder's weight), and the models counted as the
   decoder counts them (each unit's own words in the model that scores it) or
   fairly (each unit's own words left out: ``speakers.emission(own=False)``). WDER.
3. **score**: the decoder's own score of four splits (the labelled one; where EM
   settles from it without the role head; the usual decode, EM from alternation
   with the role head; EM without the role head from alternation), taken apart per
   transcript into the change head's transitions, the speaker models (fitted to
   the split, as the decoder counts them) and the role head; the mean of each over
   the transcripts, the splits' WDER, and in how many transcripts the labelled
   split scores higher than the decoder's (without the role head, than the
   role-free decode; with it, than the usual decode).

Transcripts without roles (SwDA) name as the interviewer's state the speaker whose
words the role head rates higher, as ``eval_segmentation.py --oracle`` does.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import caption_corpora  # noqa: E402
from caption_corpora import CORPORA, PROJECT, LabeledStream  # noqa: E402
from segmentation_metrics import (  # noqa: E402
    auroc,
    states_by_evidence,
    unit_majority,
    wder_counts,
)
from train_segmenter import fit  # noqa: E402

from transcript_tool.segment import states  # noqa: E402
from transcript_tool.segment.diarize import Params  # noqa: E402
from transcript_tool.segment.gaps import GapModel, GapScores  # noqa: E402
from transcript_tool.segment.hmm import forward_backward  # noqa: E402
from transcript_tool.segment.speakers import emission, word_ids  # noqa: E402
from transcript_tool.segment.unlabeled import speaker_runs  # noqa: E402

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.intp]
Units = list[tuple[int, int]]

STRETCH = 30  # words per stretch (section 1)
ROLE_WEIGHTS = (0.0, 0.1, 0.3)  # section 2
SPLITS = ("labels", "from labels", "usual decode", "role-free decode")  # section 3


@dataclass(frozen=True)
class Transcript:
    """One two-speaker stream as the decoder sees it: its units (the words between
    the gaps where the speaker may change), the change head's log-probabilities of
    staying and switching at each cut, the role head's log-odds per word, the
    speaker models' word ids, and the labelled state of every word (0 the
    interviewer's)."""

    scores: GapScores
    cuts: list[int]
    units: Units
    stay: Floats
    switch: Floats
    role: Floats
    style: Ints
    content: Ints
    labels: Ints

    @classmethod
    def read(cls, stream: LabeledStream, model: GapModel, params: Params) -> Transcript:
        words = list(stream.words)
        n = len(words)
        scores = model.predict(words)
        cuts = [g for g in range(1, n) if scores.change[g] > params.cut]
        bounds = [0, *cuts, n]
        units = [(bounds[u], bounds[u + 1]) for u in range(len(bounds) - 1)]
        stay, switch = states.transitions(scores, cuts, 2, params.change_scale, params.change_bias)
        role = states.logodds(scores.role[:n])
        style, content = word_ids(words)
        speakers = np.asarray(stream.speakers, dtype=np.intp)
        if stream.roles:
            interviewer = np.asarray([r == "interviewer" for r in stream.roles])
            labels = np.where(interviewer[speakers], 0, 1).astype(np.intp)
        else:
            labels = np.asarray(states_by_evidence(stream.speakers, role.tolist()), dtype=np.intp)
        return cls(
            scores, cuts, units, np.asarray(stay), np.asarray(switch), role, style, content, labels
        )

    def unit_split(self) -> Ints:
        """Each unit as the labelled state of most of its words."""
        return np.asarray(unit_majority(self.labels.tolist(), self.cuts), dtype=np.intp)[
            [begin for begin, _ in self.units]
        ]

    def words_of(self, split: Ints) -> list[int]:
        return np.repeat(split, [end - begin for begin, end in self.units]).tolist()

    def role_emission(self, weight: float) -> Floats:
        return states.role_emission(self.role, self.units, 2, weight)

    def speaker_emission(self, posterior: Floats, params: Params, own: bool = True) -> Floats:
        return emission(
            self.style, self.units, posterior, params.style_weight, params.lm_prior, own=own
        ) + emission(
            self.content, self.units, posterior, params.content_weight, params.lm_prior, own=own
        )

    def decode(self, scores: Floats) -> Ints:
        """Each unit's most probable state under the HMM with these emissions."""
        posterior, _ = forward_backward([0.0, 0.0], scores, self.stay, self.switch)
        return np.argmax(np.asarray(posterior), axis=1).astype(np.intp)

    def em(self, posterior: Floats, role_weight: float, params: Params) -> Ints:
        """The decoder's EM rounds from ``posterior``: the unit states it settles in."""
        role = self.role_emission(role_weight)
        for _ in range(params.iterations):
            scores = role + self.speaker_emission(posterior, params)
            fitted, _ = forward_backward([0.0, 0.0], scores, self.stay, self.switch)
            posterior = np.asarray(fitted)
        return np.argmax(posterior, axis=1).astype(np.intp)

    def score(self, split: Ints, role_weight: float, params: Params) -> tuple[float, float, float]:
        """The decoder's score of ``split`` (a state per unit), taken apart: the change
        head's transitions, the speaker models fitted to the split, the role head."""
        rows = np.arange(len(split))
        same = split[1:] == split[:-1]
        transitions = float(np.where(same, self.stay, self.switch).sum())
        models = self.speaker_emission(_one_hot(split), params)[rows, split].sum()
        role = self.role_emission(role_weight)[rows, split].sum()
        return transitions, float(models), float(role)


def _one_hot(split: Ints) -> Floats:
    return np.eye(2)[split]


def stretch_scores(
    transcript: Transcript, params: Params
) -> tuple[list[float], list[float], list[float], list[bool]]:
    """Section 1 for one transcript: per stretch of at least STRETCH // 2 words, the
    log-ratio (the interviewer's state, 0, against the candidate's) of the style
    models, the content models and the two weighted, each fitted to every other
    stretch; and whether the stretch is the interviewer's."""
    pieces: Units = []
    for begin, end in speaker_runs(transcript.labels.tolist()):
        pieces.extend((s, min(end, s + STRETCH)) for s in range(begin, end, STRETCH))
    state = transcript.labels[[begin for begin, _ in pieces]]
    held = [i for i, (begin, end) in enumerate(pieces) if end - begin >= STRETCH // 2]
    ratios = []
    for ids in (transcript.style, transcript.content):
        scores = emission(ids, pieces, _one_hot(state), 1.0, params.lm_prior, own=False)
        ratios.append(scores[held, 0] - scores[held, 1])
    both = params.style_weight * ratios[0] + params.content_weight * ratios[1]
    return ratios[0].tolist(), ratios[1].tolist(), both.tolist(), (state[held] == 0).tolist()


def _wrong(transcript: Transcript, split: Ints) -> int:
    return wder_counts(transcript.labels.tolist(), transcript.words_of(split))[0]


@dataclass
class Figures:
    """One corpus's figures, summed over its transcripts."""

    transcripts: int = 0
    words: int = 0
    style: list[float] = field(default_factory=list)  # section 1, per stretch
    content: list[float] = field(default_factory=list)
    both: list[float] = field(default_factory=list)
    first: list[bool] = field(default_factory=list)
    decoded: dict[tuple[bool, float], int] = field(default_factory=dict)  # section 2
    wrong: dict[str, int] = field(default_factory=dict)  # section 3, per split
    parts: dict[str, Floats] = field(default_factory=dict)
    changes: dict[str, int] = field(default_factory=dict)
    labels_higher: list[int] = field(default_factory=lambda: [0, 0])  # without, with role

    def add(self, t: Transcript, params: Params) -> None:
        self.transcripts += 1
        self.words += len(t.labels)
        style, content, both, first = stretch_scores(t, params)
        self.style += style
        self.content += content
        self.both += both
        self.first += first
        labelled = t.unit_split()
        for own in (True, False):
            models = t.speaker_emission(_one_hot(labelled), params, own=own)
            for weight in ROLE_WEIGHTS:
                wrong = _wrong(t, t.decode(models + t.role_emission(weight)))
                self.decoded[own, weight] = self.decoded.get((own, weight), 0) + wrong
        role = t.role_emission(params.role_weight)
        alternation = states.alternation(t.scores, t.cuts, t.units, role, params.init)
        role_free = states.alternation(t.scores, t.cuts, t.units, 0.0 * role, params.init)
        splits = {
            "labels": labelled,
            "from labels": t.em(np.asarray(states.started(t.labels, t.units)), 0.0, params),
            "usual decode": t.em(np.asarray(alternation), params.role_weight, params),
            "role-free decode": t.em(np.asarray(role_free), 0.0, params),
        }
        scored = {
            name: t.score(split, params.role_weight, params) for name, split in splits.items()
        }
        for name, split in splits.items():
            self.wrong[name] = self.wrong.get(name, 0) + _wrong(t, split)
            self.parts[name] = self.parts.get(name, np.zeros(3)) + scored[name]
            changes = int((split[1:] != split[:-1]).sum())
            self.changes[name] = self.changes.get(name, 0) + changes
        without_role = sum(scored["labels"][:2]) > sum(scored["role-free decode"][:2])
        self.labels_higher[0] += without_role
        self.labels_higher[1] += sum(scored["labels"]) > sum(scored["usual decode"])

    def report(self, corpus: str) -> None:
        a = [auroc(x, self.first) for x in (self.style, self.content, self.both)]
        print(
            f"{corpus:22} stretches {len(self.first):6,}: AUROC style {a[0]:.3f}, "
            f"content {a[1]:.3f}, both {a[2]:.3f}"
        )
        for own, name in ((True, "as counted"), (False, "fairly")):
            cells = "  ".join(
                f"role {w}: {self.decoded[own, w] / self.words:6.1%}" for w in ROLE_WEIGHTS
            )
            print(f"{corpus:22} decode, models fitted to the labels, {name:10}  {cells}")
        n = self.transcripts
        for name in SPLITS:
            transitions, models, role = self.parts[name] / n
            print(
                f"{corpus:22} score of {name:16} WDER {self.wrong[name] / self.words:6.1%}; "
                f"per transcript: transitions {transitions:8.1f}, speaker models {models:8.1f}, "
                f"role head {role:8.1f}, changes {self.changes[name] / n:6.1f}"
            )
        print(
            f"{corpus:22} the labels score higher in {self.labels_higher[0]} of {n} transcripts "
            f"without the role head (than the role-free decode), {self.labels_higher[1]} with "
            "it (than the usual decode)"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="files per corpus")
    parser.add_argument("--corpora", type=Path, default=None)
    args = parser.parse_args(argv)
    if not caption_corpora.available(args.corpora):
        print("../shared/corpora is not present; nothing to evaluate", file=sys.stderr)
        return 2
    params = Params()
    corpora = {name: caption_corpora.load(name, args.corpora) for name in (*CORPORA, PROJECT)}
    started = time.perf_counter()
    for corpus, streams in corpora.items():
        model = fit(s for name, other in corpora.items() if name != corpus for s in other)
        test = [s for s in streams if len(set(s.speakers)) == 2][: args.limit]
        figures = Figures()
        for stream in test:
            figures.add(Transcript.read(stream, model, params), params)
        figures.report(corpus)
        sys.stdout.flush()
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
