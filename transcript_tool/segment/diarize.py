"""Speaker turns for a stream of words with no labels: who says what.

The gap model (:mod:`.gaps`) scores every gap between two words: does a
sentence end there, does the speaker change there, and is the next word the
interviewer's. Those local scores are combined globally by a hidden Markov
model over *units* (the stretches between gaps where a change is plausible):

- the hidden state is the speaker; at each unit boundary the speaker stays or
  changes with the gap model's change probability, so a change point flips the
  speaker and two change points around a "yeah" make it a short turn of the
  listener;
- each unit is scored by the role head (does this sound like the interviewer
  or the candidate) and by speaker language models fitted to *this*
  transcript by expectation-maximisation (:mod:`.speakers`), so a long
  monologue is attributed by its speaker's own wording and not only by its
  position;
- forward-backward gives each unit's posterior; a unit goes to its most
  probable speaker, and that probability is the confidence reported;
- a few phrases the gap model cannot learn from its corpora adjust the scores
  before decoding and the speakers after it (:mod:`.phrases`, :mod:`.framing`,
  :mod:`.islands`, :mod:`.answers`, :mod:`.praise`).

After scoring, the decoder works over units (a few per sentence), with numpy
for anything per word or per unit it can do in bulk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import states
from .answers import late_answers
from .framing import announced_talk, closing_words, introduced_show
from .gaps import SENTENCE_END, GapModel, GapScores
from .hmm import forward_backward
from .islands import ISLAND_CONFIDENCE, island_flips
from .names import greeting_changes, named, not_the_named
from .panel import split_interviewers
from .phrases import (
    BACKCHANNEL_CONFIDENCE,
    GREETING_CONFIDENCE,
    INTERRUPTION_CHANGE,
    INTRODUCTION_CHANGE,
    backchannels,
    embedded_clauses,
    greeting_replies,
    interruptions,
    introduction_requests,
    invitation_stretch,
)
from .praise import praise_before_questions
from .speakers import emission as speaker_emission
from .speakers import word_ids


@dataclass(frozen=True)
class Params:
    """Decoder settings, chosen by hand against ``benchmarks/eval_segmentation.py``
    (``--param NAME=VALUE`` tries another value without editing the code)."""

    cut: float = 0.02  # gaps with a change probability below this never change speaker
    change_scale: float = 1.0  # sharpens (>1) or flattens (<1) the change log-odds
    change_bias: float = 0.0  # added to the change log-odds
    role_weight: float = 0.3  # weight of the role head's log-odds per word
    style_weight: float = 0.2  # weight of the per-transcript speaker models of function words
    content_weight: float = 0.15  # weight of the per-transcript speaker models of other words
    lm_prior: float = 20.0  # pseudo-counts of the pooled distribution in each speaker model
    iterations: int = 6  # EM rounds for the speaker language models
    sentence: float = SENTENCE_END  # a sentence ends where P(end) exceeds this
    init: float = 0.5  # change probability above which the EM start flips the speaker
    temper: float = 0.1  # scales every log-score when computing the confidence reported
    question_change: float = 0.6  # punctuated text: least change probability after a "?"
    reverse_role: float = -0.5  # multiplies the role log-odds after the invitation to ask
    islands: int = 1  # 1: a question to the listener inside the candidate's run is the
    # interviewer's own turn, the other way round after the invitation to ask
    # (islands.question_islands); 0: off
    names: int = 1  # 1: whoever greets someone by the name they introduced themselves
    # by is someone else (names.named); 0: off
    mentions: int = 1  # 1: the introduced name said anywhere else is someone else's words too
    praise: int = 1  # 1: "nice" ending one run before the other's question is the
    # asker's (praise.praise_before_questions); 0: off
    greetings: int = 1  # 1: the reply to "how are you" left in the asker's run is the
    # other speaker's (phrases.greeting_replies); 0: off
    introductions: int = 1  # 1: the speaker may change after "tell me about your
    # background" (phrases.introduction_requests); 0: off
    closings: float = 10.0  # role log-odds added to each word of an interviewer's
    # closing phrase in the last fifth ("best of luck": framing.closing_words); 0: off
    announcements: float = 10.0  # ... to each word of an interviewer's announcement of
    # their own talk ("let me tell you a bit about us": framing.announced_talk); 0: off
    announced: float = 3.0  # ... to each word of the talk the announcement opens; 0: off
    shows: int = 1  # 1: a host's introduction of the show in the first tenth ("welcome
    # back to the channel") and the talk after it read as an announcement is
    # (framing.introduced_show); 0: off


@dataclass(frozen=True)
class Diarization:
    """The segmenter's answer for n words.

    ``speakers[i]`` is word i's speaker index (0-based, in order of first
    appearance); ``confidence[i]`` the posterior probability of that speaker;
    ``sentence_end[i]``/``question_end[i]`` whether a sentence (a question)
    ends after word i; ``change_confidence[i]`` for a word that starts a new
    turn, the probability that the speaker really changes before it (1.0
    elsewhere); ``roles[k]`` the role of speaker k and ``role_confidence``
    how sure that assignment is; ``role_evidence[i]`` the role head's
    log-odds that word i is the interviewer's (empty with one speaker).
    """

    speakers: tuple[int, ...]
    confidence: tuple[float, ...]
    sentence_end: tuple[bool, ...]
    question_end: tuple[bool, ...]
    change_confidence: tuple[float, ...]
    roles: tuple[str, ...]
    role_confidence: float
    role_evidence: tuple[float, ...] = ()


def diarize(
    words: Sequence[str],
    model: GapModel,
    *,
    speakers: int = 2,
    first_role: str | None = None,
    params: Params | None = None,
    scores: GapScores | None = None,
    change_after: Sequence[bool] | None = None,
    question_after: Sequence[bool] | None = None,
    start: Sequence[int] | None = None,
) -> Diarization:
    """Attribute each of ``words`` (normalised, see :func:`.gaps.normalize`)
    to one of ``speakers`` voices; ``first_role`` ("interviewer"/"candidate")
    fixes who speaks first; ``change_after[i]`` False forbids a change of
    speaker after word i (for text whose own punctuation shows where its
    sentences end), and ``question_after[i]`` says that a question ends
    there (its "?").

    With more than two ``speakers``, two are decoded (the interviewer and
    the candidate) and the interviewer's words are then shared among
    ``speakers - 1`` interviewers (:func:`.panel.split_interviewers`).

    ``start[i]`` (two speakers only) is where EM starts for word i instead of
    alternation: 0 the interviewer, 1 the candidate; each unit starts as the
    speaker of most of its words. It serves the evaluation: started from the
    labelled speakers, does the decoder keep them
    (``benchmarks/eval_segmentation.py --oracle``)?"""
    p = params or Params()
    n = len(words)
    if start is not None:
        if len(start) != n:
            raise ValueError(f"start: {len(start)} speakers for {n} words")
        if speakers != 2:
            raise ValueError(f"start: {speakers} speakers asked for, two needed")
        if not set(start) <= {0, 1}:
            raise ValueError(f"start: states are 0 and 1, not {sorted(set(start) - {0, 1})}")
    if scores is None:
        scores = model.predict(words)
    if speakers > 2:
        # a panel: the two roles first, then the interviewer's words shared out
        two = diarize(
            words,
            model,
            first_role=first_role,
            params=p,
            scores=scores,
            change_after=change_after,
            question_after=question_after,
        )
        return split_interviewers(words, two, scores.change, speakers - 1, p)
    clauses = embedded_clauses(words)
    if clauses:
        # a complement clause goes on its sentence: no end before it either
        sentence = np.array(scores.sentence, dtype=np.float32, copy=True)
        sentence[clauses] = (1.0, 0.0, 0.0)
        scores = GapScores(sentence, scores.change, scores.role)
    sentence_end, question_end = _sentences(scores, n, p.sentence)
    # where sentences end: the text's own marks when it has them, else as heard
    text_ends = change_after if change_after is not None else sentence_end
    stretches = interruptions(words, question_end, scores.change)
    greetings = named(words, bool(p.mentions)) if p.names and speakers == 2 else []
    requests = introduction_requests(words) if p.introductions and speakers >= 2 else []
    if stretches or clauses or greetings or requests:
        change = np.array(scores.change, dtype=np.float32, copy=True)
        change[requests] = np.maximum(change[requests], INTRODUCTION_CHANGE)
        for begin, end in stretches:
            change[begin] = max(float(change[begin]), INTERRUPTION_CHANGE)
            change[begin + 1 : end] = 0.0
            if end < n:
                change[end] = max(float(change[end]), 0.5)
        change[clauses] = 0.0
        greeting_changes(change, greetings, text_ends, change_after)
        scores = GapScores(scores.sentence, change, scores.role)
    if n == 0:
        return Diarization((), (), (), (), (), states.state_roles(speakers), 0.0)
    if speakers <= 1:
        return Diarization(
            (0,) * n, (1.0,) * n, sentence_end, question_end, (1.0,) * n, ("candidate",), 1.0
        )
    cuts = [
        g
        for g in range(1, n)
        if scores.change[g] > p.cut and (change_after is None or change_after[g - 1])
    ]
    bounds = [0, *cuts, n]
    units = [(bounds[u], bounds[u + 1]) for u in range(len(bounds) - 1)]
    stay, switch = states.transitions(scores, cuts, speakers, p.change_scale, p.change_bias)
    role_logodds = states.logodds(scores.role[:n])
    invited = invitation_stretch(words)
    if invited is not None:
        # after the invitation to ask, asking sounds like the candidate and
        # answering like the interviewer: the role head's reading is reversed
        role_logodds[invited[0] : invited[1]] *= p.reverse_role
    if p.closings:
        role_logodds[closing_words(words)] += p.closings
    if p.announcements or p.announced:
        asked = question_after if question_after is not None else question_end
        opened = announced_talk(words, asked)
        if p.shows:
            opened += introduced_show(words, asked)
        for begin, talk, end in opened:
            role_logodds[begin:talk] += p.announcements
            role_logodds[talk:end] += p.announced
    role_emission = states.role_emission(role_logodds, units, speakers, p.role_weight)
    prior = states.prior(speakers, first_role)
    emission = role_emission
    if start is not None:
        posterior = states.started(start, units)
    elif p.iterations:
        posterior = states.alternation(scores, cuts, units, role_emission, p.init)
    else:
        posterior, _ = forward_backward(prior, emission, stay, switch)
    if p.iterations:
        style_ids, content_ids = word_ids(words)
    for _ in range(p.iterations):
        emission = (
            role_emission
            + speaker_emission(style_ids, units, posterior, p.style_weight, p.lm_prior)
            + speaker_emission(content_ids, units, posterior, p.content_weight, p.lm_prior)
        )
        posterior, _ = forward_backward(prior, emission, stay, switch)
    if greetings:
        emission = not_the_named(greetings, bounds, posterior, emission)
        posterior, _ = forward_backward(prior, emission, stay, switch)
    unit_speaker = [max(range(speakers), key=post.__getitem__) for post in posterior]
    state_of_word = [unit_speaker[u] for u, (b, e) in enumerate(units) for _ in range(b, e)]
    # Confidence: the same model with its scores tempered, so that the local
    # models' overconfidence (neighbouring words are not independent
    # evidence) does not turn into certainty.
    t = p.temper
    posterior, change_post = forward_backward(
        [t * x for x in prior],
        t * np.asarray(emission),
        [t * x for x in stay],
        [t * x for x in switch],
    )
    word_conf = [
        posterior[u][unit_speaker[u]] for u, (b, e) in enumerate(units) for _ in range(b, e)
    ]
    change_conf = [1.0] * n
    for u in range(1, len(units)):
        if unit_speaker[u - 1] != unit_speaker[u]:
            change_conf[units[u][0]] = change_post[u - 1]
    edits = _Edits(state_of_word, word_conf, change_conf)
    for begin, end, state in backchannels(words, state_of_word, speakers):
        edits.assign(begin, end, state, BACKCHANNEL_CONFIDENCE)
    if p.islands:
        # state 0 is the one the role head calls the interviewer (states.state_roles): a
        # question to the listener inside the candidate's talk is the
        # interviewer's, and after the invitation to ask, any question inside
        # the interviewer's talk is the candidate's
        likely_end = (1.0 - scores.sentence[1 : n + 1, 0]).tolist()
        flips = island_flips(words, state_of_word, sentence_end, invited, change_after, likely_end)
        for begin, end, state in flips:
            edits.assign(begin, end, state, ISLAND_CONFIDENCE)
        if change_after is None:
            # then where the decoder heard the change late, after the
            # answer's first words
            for begin, end, state in late_answers(words, state_of_word, sentence_end):
                edits.move_change(begin, end, state)
    if p.praise:
        asks = question_after if question_after is not None else question_end
        for begin, end, state in praise_before_questions(
            words, state_of_word, text_ends, asks, written=change_after is not None
        ):
            edits.move_change(begin, end, state)
    if p.greetings:
        for begin, end, state in greeting_replies(words, state_of_word, change_after):
            edits.assign(begin, end, state, GREETING_CONFIDENCE)
    order: dict[int, int] = {}
    for state in state_of_word:
        order.setdefault(state, len(order))
    word_speaker = [order[state] for state in state_of_word]
    state_roles = states.state_roles(speakers)
    roles = tuple(state_roles[state] for state in order)
    role_conf = states.role_confidence(role_logodds, word_speaker, len(order))
    ends = list(sentence_end)
    for i in range(n - 1):
        if word_speaker[i] != word_speaker[i + 1]:
            ends[i] = True
    # a unit's words share one confidence: round each value once
    rounded = {c: round(c, 4) for c in {*word_conf, *change_conf}}
    return Diarization(
        tuple(word_speaker),
        tuple(map(rounded.__getitem__, word_conf)),
        tuple(ends),
        question_end,
        tuple(map(rounded.__getitem__, change_conf)),
        roles,
        role_conf,
        tuple(np.round(role_logodds, 4).tolist()),
    )


@dataclass
class _Edits:
    """The decode word by word (each word's state, its confidence, and the
    confidence of a change of speaker before it) while the rules after the
    HMM edit it."""

    state: list[int]
    confidence: list[float]
    change: list[float]

    def assign(self, begin: int, end: int, state: int, confidence: float) -> None:
        """The words from ``begin`` to ``end`` become ``state``'s own turn (a
        backchannel, an island, a greeting's reply), held with ``confidence``,
        as are the changes of speaker on either side of it."""
        for i in range(begin, end):
            self.state[i] = state
            self.confidence[i] = confidence
        self.change[begin] = confidence
        if end < len(self.change):
            self.change[end] = confidence

    def move_change(self, begin: int, end: int, state: int) -> None:
        """The change of speaker at ``end`` moved back to ``begin``: the words
        between become ``state``'s, with the confidences of the words after."""
        for i in range(begin, end):
            self.state[i] = state
            self.confidence[i] = self.confidence[end]
        self.change[begin] = self.change[end]
        self.change[end] = 1.0


def _sentences(
    scores: GapScores, n: int, threshold: float
) -> tuple[tuple[bool, ...], tuple[bool, ...]]:
    if n == 0:
        return (), ()
    after = scores.sentence[1 : n + 1]
    end = (1.0 - after[:, 0]) > threshold
    end[-1] = True
    question = end & (after[:, 2] > after[:, 1])
    return tuple(bool(x) for x in end), tuple(bool(x) for x in question)
