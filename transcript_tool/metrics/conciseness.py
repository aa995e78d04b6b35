"""Conciseness: answer length for the kind of question, filler rate, the same
point said twice (verbatim or in other words), and words before the first
point."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence

from ..model import Analysis, Evidence, Marker, MetricResult, Sentence, Word, plain
from ..wording import counted, with_article
from .base import MetricSpec, Param, Params, Scope
from .common import (
    PLEASANTRIES,
    Answer,
    answer_markers,
    candidate_answers,
    linear_score,
    markers_by_sentence,
    median,
    quote,
    weighted,
)
from .delivery import other_party
from .interruptions import cut_in
from .repeats import repeated_phrases

LENGTH_BY_INTENT: dict[str, float] = {
    "small_talk": 0.3,
    "closing": 0.3,
    "clarification": 0.4,
    "check_in": 0.3,
    "motivation": 0.6,
    "opinion": 0.6,
    "follow_up": 0.6,
    "reverse": 0.6,
    "background": 0.8,
    "situational": 1.0,
    "technical": 1.0,
    "behavioral": 1.2,
    "problem_solving": 1.5,
}
"""An answer's word (and second) limit is ``max_words`` (``max_seconds``)
times its question's factor: a design walk-through deserves more room than
"why this company?". A group of questions takes the largest factor."""

# Words that do not make a point: an opening of these ("Yeah, sure, good
# question, so, um, let me think") delays the answer.
_PREAMBLE_WORDS = frozenset(
    """yeah yes yep sure okay ok right so well um uh uhm er like basically good great
    question questions interesting think thinking let me see hmm mm oh alright honestly
    tough tricky hard big start second sec moment minute gosh wow put one""".split()
)
_PREAMBLE_CONTENT = 1
"""A sentence with this many content words (not stop words nor _PREAMBLE_WORDS)
makes a point. Until 2026-12-06 it took two, and a short direct answer was
preamble: "Do I think I'm a leader? I believe so. And ..." was "20 words
before the first point", as were "Honestly? I'd tell you." and "I think I
need both, honestly." (7 of the 9 such notes over the samples, the segmenter
and MIT interviews)."""
_REPHRASE_OVERLAP = 0.5  # shared content lemmas (Jaccard) of a point said again
_REPHRASE_MIN = 4  # content lemmas each sentence needs to be compared
_REPHRASE_WINDOW = 200
"""Earlier sentences of the answer a sentence is compared with: the last 200
that have _REPHRASE_MIN content lemmas (an answer of 200 such sentences is
over 3,000 words). Comparing with all of them made one endless answer
quadratic."""


def conciseness(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    answers = candidate_answers(analysis, scope)
    if not answers:
        return MetricResult(None, reason="the candidate answered no interviewer question")
    turns = analysis.transcript.turns
    length_scores = [_length_score(a, params) for a in answers]
    cut = {a.exchange for a in answers if cut_in(turns, a.turns[-1])}
    # an answer the interviewer cut off shows a ramble, not getting to the point
    whole = [
        (a, s)
        for a, s in zip(answers, length_scores, strict=True)
        if s < 100 or a.exchange not in cut
    ]
    if 2 * len(whole) < len(answers):
        return MetricResult(
            None,
            reason=f"the {other_party(scope.subject)} cut off {len(cut)} of the "
            f"{len(answers)} answers before they ended",
        )
    judged = [s for _, s in whole]
    words = sum(a.word_count for a in answers)
    fillers = [m for m in answer_markers(analysis, answers) if m.kind == "filler"]
    filler_rate = 100.0 * len(fillers) / words if words else 0.0
    filler_score = linear_score(filler_rate, params["filler_rate_ok"], params["filler_rate_bad"])
    texts = [turn.text for turn in turns]
    filler_words = {(m.turn, m.start + offset) for m in fillers for offset in _word_offsets(m)}
    sentence_starts = {(s.turn, s.words[0].start) for s in analysis.sentences if s.words}
    repeats = [
        r
        for a in answers
        for r in repeated_phrases(a, params["repeat_ngram"], texts, filler_words, sentence_starts)
    ]
    sentences = _answer_sentences(analysis, answers)
    rephrased = [r for a in answers for r in _rephrasings(sentences[a.exchange])]
    extra_times = sum(times - 1 for _, _, times in repeats)
    repetition_score = max(0.0, 100.0 - 10.0 * (extra_times + len(rephrased)))
    preambles = [_preamble_words(sentences[a.exchange]) for a in answers]
    # a reply to small talk or to the closing question ("No, I think that
    # covers it. Thank you so much.") has no point to lead with
    late = [
        (a, n)
        for a, n in zip(answers, preambles, strict=True)
        if n > params["preamble_words"] and not all(q.intent in PLEASANTRIES for q in a.questions)
    ]
    preamble_score = 100.0 * (1 - len(late) / len(answers))
    # The worst answer weighs as much as all the others: one long ramble is
    # what an interviewer remembers.
    length_score = (sum(judged) / len(judged) + min(judged)) / 2
    value = weighted(
        [
            (length_score, params["length_weight"]),
            (filler_score, params["filler_weight"]),
            (repetition_score, params["repetition_weight"]),
            (preamble_score, params["preamble_weight"]),
        ]
    )
    long_answers = [a for a, s in zip(answers, length_scores, strict=True) if s < 100]
    evidence: list[Evidence] = []
    for answer in sorted(long_answers, key=lambda a: -a.word_count)[:1]:
        longest = max((turns[t] for t in answer.turns), key=lambda t: len(t.text.split()))
        evidence.append(
            Evidence(
                longest.index,
                quote(longest.text, max_words=25),
                _length_note(answer, params),
                "improvement",
            )
        )
    if fillers and filler_rate > params["filler_rate_ok"]:
        evidence.append(_filler_evidence(analysis, fillers))
    for turn, phrase, times in repeats[:1]:
        evidence.append(Evidence(turn, phrase, f"said {times} times in one answer", "improvement"))
    for turn, said, earlier in rephrased[:1]:
        note = f'the same point again in other words (first said: "{earlier}")'
        evidence.append(Evidence(turn, said, note, "improvement"))
    for answer, count in sorted(late, key=lambda item: -item[1])[:1]:
        first = turns[answer.turns[0]]
        note = f"{count} words before the first point: lead with the answer"
        evidence.append(
            Evidence(first.index, quote(first.text, max_words=count + 5), note, "improvement")
        )
    if not long_answers:
        # the median answer, of those to a question with a point (not small talk
        # nor "any questions for me?", answered with the candidate's own
        # questions) that answered it in full, that the interviewer did not
        # have to ask again and did not cut off: an answer that missed the
        # question, or a part of it, or was not let finish, is no example of
        # getting to the point
        reasked = {q.reask_of for q in analysis.questions if q.reask_of is not None}
        kept = [
            a
            for a in answers
            if reasked.isdisjoint(q.index for q in a.questions)
            and a.exchange not in cut
            and all(q.answered == "yes" for q in a.questions)
            and not all(q.intent in PLEASANTRIES for q in a.questions)
        ]
        kept = kept or answers
        tidy = sorted(kept, key=lambda a: a.word_count)[len(kept) // 2]
        first = turns[tidy.quoted_turn]
        evidence.append(
            Evidence(
                first.index,
                quote(first.text, max_words=25),
                f"answered in {counted(tidy.word_count, 'word')}",
                "strength",
            )
        )
    return MetricResult(
        value=round(value, 1),
        evidence=tuple(evidence),
        details={
            "answers": len(answers),
            "median_words": median([a.word_count for a, _ in whole]),
            "longest_words": max(a.word_count for a in answers),
            "long_answers": len(long_answers),
            "cut_off_answers": len(cut),
            "fillers": len(fillers),
            "filler_rate": round(filler_rate, 1),
            "repeated_phrases": len(repeats),
            "repeats": extra_times,
            "rephrased": len(rephrased),
            "median_words_to_point": median(preambles),
            "late_starts": len(late),
            "length_score": round(length_score, 1),
            "filler_score": round(filler_score, 1),
            "repetition_score": round(repetition_score, 1),
            "preamble_score": round(preamble_score, 1),
        },
        items=tuple(
            (f"turn {a.turns[0]}", round(s, 1)) for a, s in zip(answers, length_scores, strict=True)
        ),
    )


def _limits(answer: Answer, params: Params) -> tuple[float, float]:
    """(word limit, second limit) for this answer's questions (LENGTH_BY_INTENT)."""
    factor = 1.0
    if params["by_intent"]:
        factor = max(LENGTH_BY_INTENT.get(q.intent, 1.0) for q in answer.questions)
    return round(params["max_words"] * factor), params["max_seconds"] * factor


def _length_score(answer: Answer, params: Params) -> float:
    """100 up to the limit, falling to 0 at twice the limit (words, and
    seconds when known; the worse of the two counts)."""
    max_words, max_seconds = _limits(answer, params)
    score = linear_score(answer.word_count, max_words, 2 * max_words)
    if answer.seconds is not None:
        score = min(score, linear_score(answer.seconds, max_seconds, 2 * max_seconds))
    return score


def _length_note(answer: Answer, params: Params) -> str:
    max_words, max_seconds = _limits(answer, params)
    intents = sorted({q.intent.replace("_", " ") for q in answer.questions})
    kind = with_article("/".join(intents))
    note = f"{answer.word_count} words (limit {max_words:g} for {kind} question)"
    if answer.seconds is not None:
        note += f", {answer.seconds:.0f} s (limit {max_seconds:g} s)"
    return note


def _content(words: Sequence[Word]) -> list[str]:
    return [
        w.lemma
        for w in words
        if not w.is_punct and not w.is_stop and w.lower not in _PREAMBLE_WORDS
    ]


def _answer_sentences(analysis: Analysis, answers: Sequence[Answer]) -> dict[int, list[Sentence]]:
    """Each answer's sentences in order, keyed by its exchange."""
    by_turn = analysis.turn_sentences
    return {a.exchange: [s for t in a.turns for s in by_turn.get(t, ())] for a in answers}


def _preamble_words(sentences: Sequence[Sentence]) -> int:
    """Words of the answer's opening sentences that make no point ("Yeah, so,
    um, good question. Let me think."), up to its first sentence with at least
    _PREAMBLE_CONTENT content words, plus that sentence's own opening words
    from _PREAMBLE_WORDS ("So, um, basically, I ...")."""
    count = 0
    for sentence in sentences:
        if len(_content(sentence.words)) >= _PREAMBLE_CONTENT:
            # and the empty words that open the sentence making the point (the
            # only way to see a preamble in unpunctuated captions)
            for word in sentence.words:
                if not word.is_punct and word.lower not in _PREAMBLE_WORDS:
                    return count
                count += 0 if word.is_punct else 1
            return count
        count += sum(1 for w in sentence.words if not w.is_punct)
    return 0  # no sentence makes a point: a short answer, not a late one


def _rephrasings(sentences: Sequence[Sentence]) -> list[tuple[int, str, str]]:
    """(turn, sentence, earlier sentence) for each sentence of the answer that
    says an earlier sentence's point again in other words: most of their
    content lemmas shared, but not a word-for-word repeat; compared with the
    last _REPHRASE_WINDOW sentences before it."""
    found: list[tuple[int, str, str]] = []
    seen: deque[tuple[set[str], str]] = deque(maxlen=_REPHRASE_WINDOW)
    for sentence in sentences:
        lemmas = set(_content(sentence.words))
        if len(lemmas) < _REPHRASE_MIN:
            continue
        text = sentence.text.strip()
        for earlier, earlier_text in seen:
            shared = len(lemmas & earlier) / len(lemmas | earlier)
            if shared >= _REPHRASE_OVERLAP and plain(text) != plain(earlier_text):
                found.append((sentence.turn, text, earlier_text))
                break
        seen.append((lemmas, text))
    return found


def _filler_evidence(analysis: Analysis, fillers: Sequence[Marker]) -> Evidence:
    """The sentence holding the most fillers (the first such sentence on a tie)."""
    grouped = markers_by_sentence(analysis, fillers)
    index, found = min(grouped.items(), key=lambda item: (-len(item[1]), item[0]))
    sentence = analysis.sentences[index]
    text = analysis.transcript.turns[sentence.turn].text
    count = len(found)
    return Evidence(
        sentence.turn,
        quote(text, sentence.start, sentence.end, max_words=40),
        f"{count} {'filler' if count == 1 else 'fillers'} in one sentence: "
        + ", ".join(plain(m.text) for m in found),
        "improvement",
    )


def _word_offsets(marker: Marker) -> list[int]:
    """Start offsets, relative to the marker, of each word in it ("kind of" -> 0, 5)."""
    return [match.start() for match in re.finditer(r"\S+", marker.text)]


SPEC = MetricSpec(
    name="conciseness",
    function=conciseness,
    description=(
        "How directly the candidate answers: answer length against a limit that depends on "
        "the question's intent (words, and seconds when timestamps exist), filler words per "
        "100 words, points said twice (the same phrase, or the same point in other words), "
        "and words before the first point. 0-100, higher is more concise."
    ),
    scale="score",
    params={
        "max_words": Param(
            "integer", 220, "answers longer than this (times the intent's factor) lose credit", 10
        ),
        "max_seconds": Param(
            "number", 120.0, "answers longer than this (times the intent's factor) lose credit", 5
        ),
        "by_intent": Param(
            "boolean", True, "scale the limits by question intent (background 0.8, design 1.5 ...)"
        ),
        "preamble_words": Param(
            "integer", 15, "words before the first point that count as a late start", 0
        ),
        "filler_rate_ok": Param("number", 2.0, "fillers per 100 words with no penalty", 0),
        "filler_rate_bad": Param("number", 10.0, "fillers per 100 words scoring zero", 0.1),
        "repeat_ngram": Param("integer", 4, "length of a phrase counted as repeated", 2, 8),
        "length_weight": Param("number", 0.4, "weight of answer length", 0),
        "filler_weight": Param("number", 0.25, "weight of filler rate", 0),
        "repetition_weight": Param("number", 0.2, "weight of repeated or rephrased points", 0),
        "preamble_weight": Param("number", 0.15, "weight of getting to the point", 0),
    },
    details=(
        "answers",
        "median_words",
        "longest_words",
        "long_answers",
        "cut_off_answers",
        "fillers",
        "filler_rate",
        "repeated_phrases",
        "repeats",
        "rephrased",
        "median_words_to_point",
        "late_starts",
        "length_score",
        "filler_score",
        "repetition_score",
        "preamble_score",
    ),
)
