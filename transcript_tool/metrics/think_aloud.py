"""Thinking aloud: reasoning connectives, signposting, enumeration, stated
assumptions, checking in with the interviewer, clarifying questions before
diving in, and (with timestamps) long silences before and inside answers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import get_args

from ..annotate.question_cues import load_cues
from ..annotate.reasks import words_of
from ..model import Analysis, Evidence, Marker, MarkerKind, MetricResult, Question, plain
from ..wording import counted
from .base import MetricSpec, Param, Params, Scope
from .common import (
    PLEASANTRIES,
    Answer,
    answer_markers,
    candidate_answers,
    linear_score,
    markers_by_sentence,
    quote,
    quote_holding,
)
from .recited import own_reasoning

# Every marker kind but fillers shows reasoning said out loud.
REASONING_KINDS: tuple[MarkerKind, ...] = tuple(k for k in get_args(MarkerKind) if k != "filler")
# Questions that are worth clarifying before answering, and where checking in
# with the interviewer is part of working through the problem: an open problem
# (design, estimate, plan, diagnose). Not a technical question with a right
# answer ("What are the early signs of sepsis?") nor a situational one ("How
# would you handle a team member who keeps showing up late?", "If you could
# change one thing about yourself, what would it be?"), which are answered
# straight away.
OPEN_PROBLEMS = frozenset({"problem_solving"})
# A background question opening with these asks how the candidate works, or
# why: its answer is judged for reasoning, where one about facts is not.
REASON_WORDS = frozenset({"how", "why"})
# A follow-up that asks what happened is about facts too: how a story turned
# out ("And how did that turn out?", "What happened there?", "So where did
# you end up?"), or whether something was so, in the past ("Did it go to
# adjudication?", "I'm curious whether you ever went back to him."). Its
# answer tells. "Why did it fail?", "How did you decide?" and "Would you
# delegate anything?" are still judged.
_OUTCOME = re.compile(
    r"\b(?:turned out|ended up|did (?:\w+ ){1,3}(?:turn out|end up)|what happened"
    r"|what was the (?:result|outcome)|what came of|how did (?:it|that|this) go|whether you ever)\b"
)  # past only: "Where would you end up putting it?" sets a problem
_PAST_AUXILIARIES = frozenset({"did", "was", "were", "had", "has", "have"})
SILENCE_PENALTY = 5.0  # points per long silence before or inside an answer ...
SILENCE_CAP = 20.0  # ... up to this many


def think_aloud(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    answers = candidate_answers(analysis, scope)
    words = sum(a.word_count for a in answers)
    if not words:
        return MetricResult(None, reason="the candidate answered no interviewer question")
    said = [m for m in answer_markers(analysis, answers) if m.kind in REASONING_KINDS]
    markers = _one_per_phrase(own_reasoning(analysis, said, scope.subject))
    rate = 100.0 * len(markers) / words
    kinds = sorted({m.kind for m in markers})
    density = linear_score(rate, params["target_rate"], 0.0)
    variety = 100.0 * min(1.0, len(kinds) / params["kinds_for_full_credit"])
    judged = [
        a
        for a in answers
        if a.word_count >= params["min_words"] and any(_wants_reasons(q) for q in a.questions)
    ]
    marked_turns = {m.turn for m in markers}
    silent = [a for a in judged if not marked_turns & set(a.turns)]
    reasoned_share = 100.0 * (1 - len(silent) / len(judged)) if judged else 100.0
    clarifying = _clarifying_questions(analysis, scope)
    check_ins = [q for q in analysis.check_ins if q.role == scope.subject]
    problems = [a for a in answers if any(q.intent in OPEN_PROBLEMS for q in a.questions)]
    engaged = bool(clarifying or check_ins or any(m.kind == "check" for m in markers))
    engagement = 100.0 if engaged or not problems else 0.0
    pauses = _silences(analysis, answers, params["silence_seconds"])
    value = 0.55 * density + 0.2 * variety + 0.15 * reasoned_share + 0.1 * engagement
    value = max(0.0, value - min(SILENCE_CAP, SILENCE_PENALTY * len(pauses)))
    turns = analysis.transcript.turns
    # quoted as going well only from answers to the interview's questions,
    # not from small talk ("I'm on my laptop mic, so if it's bad just let me know")
    asked = {
        t
        for a in answers
        if any(q.intent not in PLEASANTRIES for q in a.questions)
        for t in a.turns
    }
    evidence = _best_sentences(analysis, [m for m in markers if m.turn in asked])
    for question in _before_diving_in(analysis, clarifying)[:1]:
        note = "asked a clarifying question before diving in"
        evidence.append(Evidence(question.turn, question.text, note, "strength"))
    if problems and not engaged:
        first = turns[problems[0].turns[0]]
        note = (
            "went straight into a problem without a clarifying question or a check-in "
            '("does that make sense so far?")'
        )
        evidence.append(Evidence(first.index, quote(first.text, max_words=20), note, "improvement"))
    for turn, gap, offset in sorted(pauses, key=lambda p: (-p[1], p[0]))[:1]:
        where = "before answering" if offset is None else "inside the answer, before these words"
        note = f"{gap:.0f} seconds of silence {where}: say what you are weighing"
        heard = quote(turns[turn].text, offset or 0, max_words=15)
        evidence.append(Evidence(turn, heard, note, "improvement"))
    for answer in sorted(silent, key=lambda a: -a.word_count)[:2]:
        first = turns[answer.quoted_turn]
        evidence.append(
            Evidence(
                first.index,
                quote(first.text, max_words=25),
                f"{counted(answer.word_count, 'word')} with no reasoning said out loud "
                "(no because, first ... then, trade-off, assumption or check-in)",
                "improvement",
            )
        )
    if density < 100 and not any(e.polarity == "improvement" for e in evidence):
        long_enough = [a for a in answers if a.word_count >= params["min_words"]]
        candidates = judged or long_enough or answers
        evidence.extend(_sparsest(analysis, candidates, markers, params["target_rate"]))
    return MetricResult(
        value=round(value, 1),
        evidence=tuple(evidence),
        details={
            "markers": len(markers),
            "marker_rate": round(rate, 1),
            "kinds": len(kinds),
            "answers": len(answers),
            "judged_answers": len(judged),
            "answers_without_reasoning": len(silent),
            "clarifying_questions": len(clarifying),
            "check_ins": len(check_ins),
            "silences": len(pauses),
        },
        items=tuple(
            (f"turn {a.turns[0]}", float(sum(1 for m in markers if m.turn in a.turns)))
            for a in answers
        ),
    )


def _sparsest(
    analysis: Analysis, answers: list[Answer], markers: list[Marker], target: float
) -> list[Evidence]:
    """Of ``answers`` (the judged ones, else those long enough to judge,
    else all), the one with the fewest reasoning markers per word, quoted
    when it is under ``target`` per 100 words (the longest first among
    equals). Until 2026-12-06 the longest answer was quoted, even where it
    met the target ("266 words with 12 reasoning markers")."""
    if not answers:
        return []
    said = {a.exchange: sum(1 for m in markers if m.turn in a.turns) for a in answers}
    sparsest = min(
        answers,
        key=lambda a: (said[a.exchange] / max(1, a.word_count), -a.word_count, a.exchange),
    )
    count = said[sparsest.exchange]
    if 100.0 * count / max(1, sparsest.word_count) >= target:
        return []
    first = analysis.transcript.turns[sparsest.quoted_turn]
    note = (
        f"{counted(sparsest.word_count, 'word')} with {counted(count, 'reasoning marker')}"
        f" (about {target:g} per "
        "100 words lets the interviewer follow)"
    )
    return [Evidence(first.index, quote(first.text, max_words=25), note, "improvement")]


def _one_per_phrase(markers: list[Marker]) -> list[Marker]:
    """``markers`` but those inside a longer one: "let's say" is one
    assumption, not an assumption and the framing "let's"; "so first" one
    framing, not framing and the first/then "first". Markers of one span
    are all kept. One pass over each turn's spans, longest first where two
    begin together (a scan of the turn's markers for each marker was
    quadratic in a long answer)."""
    spans: dict[int, set[tuple[int, int]]] = {}
    for marker in markers:
        spans.setdefault(marker.turn, set()).add((marker.start, marker.end))
    inside: set[tuple[int, int, int]] = set()
    for turn, found in spans.items():
        reach = -1  # the furthest end of the spans before, each starting no later
        for start, end in sorted(found, key=lambda span: (span[0], -span[1])):
            if end <= reach:
                inside.add((turn, start, end))
            reach = max(reach, end)
    return [m for m in markers if (m.turn, m.start, m.end) not in inside]


def _wants_reasons(question: Question) -> bool:
    """Whether an answer to ``question`` is judged for reasoning said out
    loud: not small talk or the closing question (where the candidate asks
    their own), and not a background question about facts ("Tell me about
    your current role", "What's your experience with document review?"),
    which an answer tells rather than reasons; a background question about
    how the candidate works ("How do you handle someone who's late a lot?")
    is judged. Nor a motivation question ("What's drawing you to cardiac
    step-down?", "Why leave the classroom?"): its answer is the candidate's
    reasons, told as what they want and what they are leaving ("I want to
    be in a kitchen where I'm writing dishes, not just executing them"),
    which no "because" or "so" marks."""
    if question.intent in PLEASANTRIES or question.intent == "motivation":
        return False
    if question.intent == "follow_up":
        return not _asks_what_happened(question)
    return question.intent != "background" or plain(question.form_cue) in REASON_WORDS


def _asks_what_happened(question: Question) -> bool:
    """Whether a follow-up asks how things turned out or whether something
    was so (_OUTCOME; a yes/no or choice question opening with a past
    auxiliary), not why or how the candidate did it."""
    if _OUTCOME.search(plain(question.text)):
        return not plain(question.text).startswith("why")
    cue = plain(question.form_cue).split()
    return question.form in ("yes_no", "choice") and bool(cue) and cue[0] in _PAST_AUXILIARIES


def _clarifying_questions(analysis: Analysis, scope: Scope) -> list[Question]:
    """The subject's clarifying questions in the turns in scope."""
    kept = set(scope.turns(analysis))
    return [
        q
        for q in analysis.questions
        if q.role == scope.subject and q.intent == "clarification" and q.turn in kept
    ]


def _before_diving_in(analysis: Analysis, clarifying: list[Question]) -> list[Question]:
    """The clarifying questions a note may quote as asked before diving in:
    those of a turn that mostly asks (the exchange's ``clarifying_turns``),
    else those that open their turn; never a request to hear the question
    again ("Sorry, could you say that again?": questions.yaml
    ``repeat_requests``). Until 2026-12-06 the first clarifying question was
    quoted wherever it stood: one the candidate said they ask at work ("what's
    this for and how precise does it need to be?"), a line check ("Um, how
    about now?")."""
    asking = {t for e in analysis.exchanges for t in e.clarifying_turns}
    repeat = load_cues().repeat_requests
    kept = [q for q in clarifying if repeat.isdisjoint(words_of(q.text))]
    in_asking = [q for q in kept if q.turn in asking]
    opening = [q for q in kept if analysis.turn_sentences[q.turn][0].index == q.sentence]
    return in_asking or opening


def _silences(
    analysis: Analysis, answers: Sequence[Answer], threshold: float
) -> list[tuple[int, float, int | None]]:
    """(answer turn, seconds, character offset) of each silence of at least
    ``threshold`` seconds: a gap between the end of the turn before an answer
    and the answer's start (offset None), or a pause inside a turn of the
    answer, before the words at the offset ("Okay, I'll just write it." ...
    96 s ... "Okay. Done.")."""
    turns = analysis.transcript.turns
    found: list[tuple[int, float, int | None]] = []
    for answer in answers:
        first = answer.turns[0]
        before, turn = turns[first - 1], turns[first]
        if first and before.end is not None and turn.start is not None:
            gap = turn.start - before.end
            if gap >= threshold:
                found.append((first, round(gap, 1), None))
        found.extend(
            (index, round(pause.seconds, 1), pause.offset)
            for index in answer.turns
            for pause in turns[index].pauses
            if pause.seconds >= threshold
        )
    return found


def _best_sentences(analysis: Analysis, markers: list[Marker]) -> list[Evidence]:
    """Up to two sentences with the most (and most varied) reasoning markers,
    counting those their quote shows: a long sentence's quote is cut after 40
    words, and the note names only the markers it holds."""
    quoted = []
    for index, found in markers_by_sentence(analysis, markers).items():
        sentence = analysis.sentences[index]
        text = analysis.transcript.turns[sentence.turn].text
        spans = [(m.start, m.end) for m in found]
        said, held = quote_holding(text, sentence.start, sentence.end, spans, max_words=40)
        shown = [found[i] for i in held]
        quoted.append((-len({m.kind for m in shown}), -len(shown), index, said, shown))
    evidence = []
    for _, _, index, said, shown in sorted(quoted, key=lambda item: item[:3])[:2]:
        if len(shown) < 2:
            break
        labels = sorted({plain(m.text) for m in shown})
        note = "reasoning out loud: " + ", ".join(labels)
        evidence.append(Evidence(analysis.sentences[index].turn, said, note, "strength"))
    return evidence


SPEC = MetricSpec(
    name="think_aloud",
    function=think_aloud,
    description=(
        "How much of the candidate's reasoning is said out loud: reasoning connectives, "
        "signposting, enumeration, stated assumptions, examples and check-ins per 100 "
        "words, and how many kinds of them; clarifying questions or check-ins on open "
        "problems; minus long silences before and inside answers when timestamps exist. "
        "0-100, higher is better."
    ),
    scale="score",
    params={
        "target_rate": Param("number", 4.0, "markers per 100 words for full credit", 0.1),
        "min_words": Param("integer", 40, "answers shorter than this are not judged alone", 0),
        "kinds_for_full_credit": Param("integer", 4, "distinct marker kinds for full credit", 1, 6),
        "silence_seconds": Param(
            "number",
            5.0,
            "a pause this long before an answer, or inside one, is a silence (timestamps)",
            0.5,
        ),
    },
    details=(
        "markers",
        "marker_rate",
        "kinds",
        "answers",
        "judged_answers",
        "answers_without_reasoning",
        "clarifying_questions",
        "check_ins",
        "silences",
    ),
)
