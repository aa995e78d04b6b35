"""rephrased_questions: interviewer turns that ask a question and then ask
it again in other words ("How did you choose the model? I mean, why that
model?"). The rephrasing cues live in ``data/interviewer.yaml``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..annotate.intent_links import RESTATES
from ..annotate.interviewer_cues import CueMatch
from ..annotate.question_cues import QuestionCues, load_cues
from ..annotate.reasks import REASK_OVERLAP
from ..model import Analysis, Evidence, MetricResult, Question, Sentence
from .base import MetricSpec, Params, Scope
from .interviewer_turns import (
    EVIDENCE,
    SubjectTurn,
    asked_well,
    no_questions,
    praised,
    question_terms,
    span_quote,
    spoken_words,
    subject_turns,
)

# A rephrasing cue inside one question ("How did you choose it, I mean, why
# that one?") needs this many words of question on each side of it.
_WORDS_BEFORE_CUE = 3
_WORDS_AFTER_CUE = 2


@dataclass(frozen=True)
class Rephrasing:
    """A question asked again in other words within one turn.

    ``first`` is the version asked first; ``second`` the later version when it
    is a question of its own (None when the second version is inside the same
    question, or a caption sentence the pipeline did not hear as a
    question). ``start``/``end`` span both versions in the turn's text;
    ``how`` says what showed it (the cue, or the shared focus terms).
    """

    turn: int
    first: Question
    second: Question | None
    start: int
    end: int
    how: str


def find_rephrasings(analysis: Analysis, turn: SubjectTurn) -> list[Rephrasing]:
    """The rephrasings in one turn, in order.

    A later question rephrases an earlier one of the turn when a rephrasing
    cue ("I mean", "in other words", "let me rephrase") stands between them
    or opens it, when it carries a re-ask cue of its own (``reask_cue``),
    when the question stage read it as restating the one right before it
    ("Like, what's your false alarm story?": questions.yaml
    ``restatements``), or when it shares at least REASK_OVERLAP (and two) of
    the earlier one's focus terms. A cue inside one question, with words of
    question on both sides and a wh-word or an auxiliary right after it,
    rephrases that question. In unpunctuated text, where the second version
    may not be heard as a question, a cue in a later sentence without final
    punctuation rephrases the question before it when the sentence repeats
    one of its focus terms.
    """
    text = turn.text
    rephrase = [m for m in turn.cues() if m.key == "rephrase"]
    used: set[CueMatch] = set()
    found: list[Rephrasing] = []
    questions = turn.questions
    for number, second in enumerate(questions[1:], start=1):
        previous = questions[number - 1]
        cue = next(
            (
                m
                for m in rephrase
                if previous.end <= m.start and (m.start < second.start or _opens(m, second))
            ),
            None,
        )
        # a re-ask of an earlier turn's question (reask_of) is no rephrasing of
        # the question before it in this turn
        reask = bool(second.reask_cue) and second.reask_of is None
        # "Like, what's your false alarm story?": the question stage read it as
        # the one before it said again (intent_links.restated_intent)
        restated = second.intent_cue.startswith(RESTATES) and not sets_a_condition(analysis, second)
        if cue is not None or reask or restated:
            if cue is not None:
                how = text[cue.start : cue.end]
            elif reask:
                how = str(second.reask_cue)
            else:
                how = second.intent_cue.removeprefix(RESTATES).strip(" ()")
            if cue is not None:
                used.add(cue)
            found.append(Rephrasing(turn.index, previous, second, previous.start, second.end, how))
            continue
        best = _closest(second, questions[:number])
        if best is not None:
            shared = ", ".join(sorted(question_terms(best) & question_terms(second)))
            found.append(
                Rephrasing(
                    turn.index, best, second, best.start, second.end, f"asks again: {shared}"
                )
            )
    for cue in rephrase:
        if cue in used:
            continue
        inside = next((q for q in questions if q.start <= cue.start < q.end), None)
        if inside is not None:
            if _words_around(analysis, inside, cue) and not any(r.second is inside for r in found):
                found.append(
                    Rephrasing(
                        turn.index,
                        inside,
                        None,
                        inside.start,
                        inside.end,
                        text[cue.start : cue.end],
                    )
                )
            continue
        before = [q for q in questions if q.end <= cue.start]
        sentence = next((s for s in turn.sentences if s.start <= cue.start < s.end), None)
        if (
            before
            and sentence is not None
            and not sentence.words[-1].is_punct  # a caption sentence, not a statement
            and _repeats_focus(before[-1], sentence, cue)
        ):
            first = before[-1]
            found.append(
                Rephrasing(
                    turn.index, first, None, first.start, sentence.end, text[cue.start : cue.end]
                )
            )
    return sorted(found, key=lambda r: (r.start, r.end))


_CONDITIONS = frozenset({"when", "whenever", "if", "where", "say", "even", "especially"})
"""Words that open a restatement which only sets the case the question asks
about ("... outside of experiments? Like, when you can't randomise?")."""


def sets_a_condition(analysis: Analysis, question: Question) -> bool:
    """Whether a restating ``question`` ("Like, when ...?", "I mean, if ...?")
    goes on, past its restatement phrase, with a condition or an example of
    the question before it (_CONDITIONS), not with the question again ("Like,
    what's your false alarm story?", "Like, when someone's upset, what do you
    do?")."""
    cues = load_cues()
    words = spoken_words(analysis, question)
    for phrase in cues.restatements:
        if tuple(words[: len(phrase)]) == phrase:
            rest = words[len(phrase) :]
            # "Like, when someone's upset, what do you do?" asks it again
            return bool(rest) and rest[0] in _CONDITIONS and cues.wh_words.isdisjoint(rest[1:])
    return False


def _opens(cue: CueMatch, question: Question) -> bool:
    """The cue opens the question ("I mean, why that model?")."""
    return cue.at_head and question.start <= cue.start < question.end


def _closest(question: Question, earlier: Sequence[Question]) -> Question | None:
    """The earlier question whose focus terms ``question`` mostly repeats (the
    latest on a tie), as :mod:`transcript_tool.annotate.reasks` judges re-asks."""
    terms = question_terms(question)
    best: tuple[float, Question] | None = None
    for candidate in earlier:
        before = question_terms(candidate)
        shared = terms & before
        smaller = min(len(terms), len(before))
        overlap = len(shared) / smaller if smaller else 0.0
        if len(shared) >= 2 and overlap >= REASK_OVERLAP and (best is None or overlap >= best[0]):
            best = (overlap, candidate)
    return best[1] if best else None


def _words_around(analysis: Analysis, question: Question, cue: CueMatch) -> bool:
    words = [w for w in analysis.sentences[question.sentence].words if not w.is_punct]
    before = sum(1 for w in words if w.end <= cue.start)
    after = [w.lower for w in words if w.start >= cue.end]
    return (
        before >= _WORDS_BEFORE_CUE
        and len(after) >= _WORDS_AFTER_CUE
        and _asks_anew(after, load_cues())
    )


def _asks_anew(after: Sequence[str], cues: QuestionCues) -> bool:
    """The words after a cue inside a question ask again, opening with a
    wh-word or an auxiliary ("How did you choose it, I mean, why that one?"),
    not a statement going on ("When you asked if the house number was hard
    to see, I mean, I jumped on you for that, right?")."""
    said = [w for w in after if w not in cues.fillers]
    return bool(said) and (said[0] in cues.wh_words or said[0] in cues.auxiliaries)


def _repeats_focus(question: Question, sentence: Sentence, cue: CueMatch) -> bool:
    after = {w.lemma.lower() for w in sentence.words if w.start >= cue.end and not w.is_stop}
    return bool(after & question_terms(question))


def rephrased_questions(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """Turns in which the subject asks a question and then asks it again in
    other words ("How did you choose the model? I mean, why that one?").

    Rephrasing on the fly shows the question was not ready; the candidate
    has to guess which version to answer.
    """
    subject = scope.subject
    turns = subject_turns(analysis, scope)
    unscored = no_questions(turns, subject)
    if unscored is not None:
        return unscored
    by_turn = [(turn, find_rephrasings(analysis, turn)) for turn in turns]
    with_rephrasing = [(turn, found) for turn, found in by_turn if found]
    evidence = [
        Evidence(
            turn.index,
            span_quote(turn.text, r.start, r.end),
            f"the same question asked twice in one turn ({r.how})",
            "improvement",
        )
        for turn, found in with_rephrasing
        for r in found
    ][:EVIDENCE]
    if not evidence:
        clean = praised(analysis, ((t, q) for t in turns for q in t.questions))
        assert clean is not None  # no_questions returned above otherwise
        evidence.append(asked_well(*clean, "asked once, in one version"))
    return MetricResult(
        value=float(len(with_rephrasing)),
        evidence=tuple(evidence),
        details={
            "turns_with_rephrasing": len(with_rephrasing),
            "questions": sum(len(t.questions) for t in turns),
            "rephrasings": sum(len(found) for _, found in with_rephrasing),
        },
        items=tuple((f"turn {turn.index}", float(len(found))) for turn, found in with_rephrasing),
    )


REPHRASED_QUESTIONS = MetricSpec(
    name="rephrased_questions",
    function=rephrased_questions,
    description=(
        "Interviewer turns that ask a question and then ask it again in other words "
        "('I mean ...', 'in other words ...', or mostly the same words)."
    ),
    scale="count",
    params={},
    details=("turns_with_rephrasing", "questions", "rephrasings"),
    roles=("interviewer",),
)
