"""Conciseness: answer length, filler rate and repeated phrases."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Analysis, Evidence, Marker, MetricResult, Word
from .base import MetricSpec, Param, Params, Scope
from .common import (
    Answer,
    answer_markers,
    candidate_answers,
    linear_score,
    markers_by_sentence,
    median,
    quote,
    weighted,
)

# A repeated phrase must hold this many content (non-stop) words to count:
# "at the end of the day" does, "I talked to the" does not.
_MIN_CONTENT = 2


def conciseness(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    answers = candidate_answers(analysis, scope)
    if not answers:
        return MetricResult(None, reason="the candidate answered no interviewer question")
    turns = analysis.transcript.turns
    length_scores = [_length_score(a, params) for a in answers]
    words = sum(a.word_count for a in answers)
    fillers = [m for m in answer_markers(analysis, answers) if m.kind == "filler"]
    filler_rate = 100.0 * len(fillers) / words if words else 0.0
    filler_score = linear_score(filler_rate, params["filler_rate_ok"], params["filler_rate_bad"])
    texts = [turn.text for turn in turns]
    filler_words = {(m.turn, m.start + offset) for m in fillers for offset in _word_offsets(m)}
    repeats = [
        r
        for a in answers
        for r in _repeated_phrases(a, params["repeat_ngram"], texts, filler_words)
    ]
    extra_times = sum(times - 1 for _, _, times in repeats)
    repetition_score = max(0.0, 100.0 - 10.0 * extra_times)
    # The worst answer weighs as much as all the others: one long ramble is
    # what an interviewer remembers.
    length_score = (sum(length_scores) / len(length_scores) + min(length_scores)) / 2
    value = weighted(
        [
            (length_score, params["length_weight"]),
            (filler_score, params["filler_weight"]),
            (repetition_score, params["repetition_weight"]),
        ]
    )
    long_answers = [a for a, s in zip(answers, length_scores, strict=True) if s < 100]
    evidence: list[Evidence] = []
    for answer in sorted(long_answers, key=lambda a: -a.word_count)[:2]:
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
    for turn, phrase, times in repeats[:2]:
        evidence.append(Evidence(turn, phrase, f"said {times} times in one answer", "improvement"))
    if not long_answers:
        tidy = sorted(answers, key=lambda a: a.word_count)[len(answers) // 2]
        first = turns[tidy.turns[0]]
        evidence.append(
            Evidence(
                first.index,
                quote(first.text, max_words=25),
                f"answered in {tidy.word_count} words",
                "strength",
            )
        )
    return MetricResult(
        value=round(value, 1),
        evidence=tuple(evidence),
        details={
            "answers": len(answers),
            "median_words": median([a.word_count for a in answers]),
            "longest_words": max(a.word_count for a in answers),
            "long_answers": len(long_answers),
            "fillers": len(fillers),
            "filler_rate": round(filler_rate, 1),
            "repeated_phrases": len(repeats),
            "repeats": extra_times,
            "length_score": round(length_score, 1),
            "filler_score": round(filler_score, 1),
            "repetition_score": round(repetition_score, 1),
        },
        items=tuple(
            (f"turn {a.turns[0]}", round(s, 1)) for a, s in zip(answers, length_scores, strict=True)
        ),
    )


def _length_score(answer: Answer, params: Params) -> float:
    """100 up to the limit, falling to 0 at twice the limit (words, and
    seconds when known; the worse of the two counts)."""
    max_words = params["max_words"]
    score = linear_score(answer.word_count, max_words, 2 * max_words)
    if answer.seconds is not None:
        max_seconds = params["max_seconds"]
        score = min(score, linear_score(answer.seconds, max_seconds, 2 * max_seconds))
    return score


def _length_note(answer: Answer, params: Params) -> str:
    note = f"{answer.word_count} words (limit {params['max_words']})"
    if answer.seconds is not None:
        note += f", {answer.seconds:.0f} s (limit {params['max_seconds']:g} s)"
    return note


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
        + ", ".join(m.text.lower() for m in found),
        "improvement",
    )


def _word_offsets(marker: Marker) -> list[int]:
    """Start offsets, relative to the marker, of each word in it ("kind of" -> 0, 5)."""
    return [match.start() for match in re.finditer(r"\S+", marker.text)]


def _repeated_phrases(
    answer: Answer, n: int, texts: Sequence[str], filler_words: set[tuple[int, int]]
) -> list[tuple[int, str, int]]:
    """(turn, phrase as first said, times said) for each phrase of at least ``n``
    words said more than once in the answer, with at least _MIN_CONTENT words
    that are neither stop words nor fillers; overlapping repeats merge into the
    longest phrase. ``texts`` are the turns' texts; ``filler_words`` holds the
    (turn, start) of every word of a filler."""
    words: list[tuple[int, Word]] = list(answer.words)
    keys = [w.lower for _, w in words]
    first_seen: dict[tuple[str, ...], int] = {}
    repeated_at: list[int] = []
    for i in range(len(words) - n + 1):
        gram = tuple(keys[i : i + n])
        if all(words[i + k][1].is_stop for k in range(n)):
            continue
        if gram in first_seen and first_seen[gram] + n <= i:
            repeated_at.append(i)
        else:
            first_seen.setdefault(gram, i)
    results: list[tuple[int, str, int]] = []
    counted: set[tuple[str, ...]] = set()
    for run in _runs(repeated_at):
        phrase = tuple(keys[run[0] : run[-1] + n])
        origin = first_seen[tuple(keys[run[0] : run[0] + n])]
        (turn, first_word), (last_turn, last_word) = words[origin], words[origin + len(phrase) - 1]
        times = _count(keys, phrase)
        content = sum(
            1
            for t, w in words[origin : origin + len(phrase)]
            if not w.is_stop and (t, w.start) not in filler_words
        )
        if phrase in counted or times < 2 or turn != last_turn or content < _MIN_CONTENT:
            continue
        counted.add(phrase)
        results.append((turn, texts[turn][first_word.start : last_word.end], times))
    return _outermost(results)


def _outermost(found: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """One entry per repeated point: of phrases inside one another ("at the end
    of the day" in "I mean, at the end of the day") keep the most repeated,
    then the shorter; most repeated first."""
    ranked = sorted(found, key=lambda r: (-r[2], len(r[1]), r[1]))
    kept: list[tuple[int, str, int]] = []
    for item in ranked:
        phrase = item[1].lower()
        if not any(phrase in k[1].lower() or k[1].lower() in phrase for k in kept):
            kept.append(item)
    return kept


def _runs(positions: Sequence[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for position in positions:
        if runs and position == runs[-1][-1] + 1:
            runs[-1].append(position)
        else:
            runs.append([position])
    return runs


def _count(keys: Sequence[str], phrase: tuple[str, ...]) -> int:
    """Non-overlapping occurrences of ``phrase`` in ``keys``."""
    count = i = 0
    size = len(phrase)
    while i <= len(keys) - size:
        if tuple(keys[i : i + size]) == phrase:
            count += 1
            i += size
        else:
            i += 1
    return count


SPEC = MetricSpec(
    name="conciseness",
    function=conciseness,
    description=(
        "How directly the candidate answers: answer length against a limit (words, and "
        "seconds when timestamps exist), filler words per 100 words, and phrases repeated "
        "within an answer. 0-100, higher is more concise."
    ),
    scale="score",
    params={
        "max_words": Param("integer", 220, "answers longer than this lose credit", 10),
        "max_seconds": Param("number", 120.0, "answers longer than this lose credit", 5),
        "filler_rate_ok": Param("number", 2.0, "fillers per 100 words with no penalty", 0),
        "filler_rate_bad": Param("number", 10.0, "fillers per 100 words scoring zero", 0.1),
        "repeat_ngram": Param("integer", 4, "length of a phrase counted as repeated", 2, 8),
        "length_weight": Param("number", 0.5, "weight of answer length", 0),
        "filler_weight": Param("number", 0.3, "weight of filler rate", 0),
        "repetition_weight": Param("number", 0.2, "weight of repeated phrases", 0),
    },
    details=(
        "answers",
        "median_words",
        "longest_words",
        "long_answers",
        "fillers",
        "filler_rate",
        "repeated_phrases",
        "repeats",
        "length_score",
        "filler_score",
        "repetition_score",
    ),
)
