"""The interviewer's own habits: how much of the interview they talk, whether
they talk at length without asking, and whether they ask one clear, open
question at a time (not the same question twice, not several at once, not
one that suggests its answer).

These are feedback for interviewers (and for mock-interview partners): a
candidate can only show what the questions let them show.

Leading-question and rephrasing cues live in ``data/interviewer.yaml``; they
are loaded and found in the interviewer's turns by
:mod:`transcript_tool.annotate.interviewer_cues`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..annotate.exchanges import SETUP_WORDS
from ..annotate.interviewer_cues import CueMatch, cue_matches, load_interviewer_cues
from ..annotate.reasks import REASK_OVERLAP
from ..model import (
    Analysis,
    Evidence,
    MetricResult,
    Question,
    Role,
    Sentence,
)
from .base import MetricSpec, Param, Params, Scope
from .common import quote
from .delivery import longest_turn, missing_timestamps, opening, speech_share, word_counts

_EVIDENCE = 3  # pieces of evidence at most
_QUOTE_WORDS = 40
# A rephrasing cue inside one question ("How did you choose it, I mean, why
# that one?") needs this many words of question on each side of it.
_WORDS_BEFORE_CUE = 3
_WORDS_AFTER_CUE = 2


# --------------------------------------------------------- turns and questions


@dataclass(frozen=True)
class _Turn:
    """One of the subject's turns in scope: its questions and sentences."""

    index: int
    text: str
    words: int
    questions: tuple[Question, ...]
    sentences: tuple[Sentence, ...]

    def cues(self) -> tuple[CueMatch, ...]:
        return cue_matches(self.text, tuple(s.start for s in self.sentences))


def _subject_turns(analysis: Analysis, scope: Scope) -> list[_Turn]:
    """The subject's turns in scope that hold any words, in order."""
    subject = scope.subject
    all_turns = analysis.transcript.turns
    counts = word_counts(analysis)
    questions: dict[int, list[Question]] = {}
    for question in analysis.questions:
        questions.setdefault(question.turn, []).append(question)
    sentences = analysis.turn_sentences
    return [
        _Turn(
            t,
            all_turns[t].text,
            counts.get(t, 0),
            tuple(questions.get(t, ())),
            sentences[t],
        )
        for t in scope.turns(analysis)
        if all_turns[t].role == subject and t in sentences
    ]


def _no_questions(turns: Sequence[_Turn], subject: Role) -> MetricResult | None:
    """The "cannot be computed" result when the subject asked nothing."""
    if not any(turn.questions for turn in turns):
        return MetricResult(None, reason=f"the {subject} asked no questions")
    return None


def _question_words(analysis: Analysis, question: Question) -> int:
    return sum(1 for w in analysis.sentences[question.sentence].words if not w.is_punct)


def _terms(question: Question) -> set[str]:
    return {term for part in question.focus for term in part}


def _span_quote(text: str, start: int, end: int) -> str:
    return quote(text, start, end, max_words=_QUOTE_WORDS)


# ----------------------------------------------------------------- talk_share


def talk_share(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """The subject's share of the talking in percent (of the words, or of the
    speaking time with ``unit: seconds``).

    An interviewer who talks for most of the interview leaves the candidate
    too little time to show what they can do; a third or less is usual.
    """
    subject = scope.subject
    turns = scope.turns(analysis)
    by_seconds = params["unit"] == "seconds"
    if by_seconds:
        reason = missing_timestamps(analysis, turns)
        if reason is not None:
            return MetricResult(None, reason=reason)
    speech = speech_share(analysis, turns)
    share = speech.share(subject, by_seconds)
    if share is None:
        return MetricResult(None, reason="nobody spoke")
    evidence = []
    longest = longest_turn(analysis, turns, subject, by_seconds)
    if longest is not None:
        amount = f"{longest[1]:.0f} {'s' if by_seconds else 'words'}"
        evidence.append(
            Evidence(
                longest[0], opening(analysis, longest[0]), f"the {subject}'s longest turn: {amount}"
            )
        )
    return MetricResult(
        value=round(share, 1),
        evidence=tuple(evidence),
        details=speech.details(subject, by_seconds),
        items=speech.items(by_seconds),
    )


# --------------------------------------------------------- context_monologues


def context_monologues(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """Turns of at least ``min_words`` words in which the subject asks nothing
    (no question and no check-in): context, stories or opinions at length.

    Long setups eat the candidate's time and bury the question that follows.
    A turn that answers the other party's question (the interviewer
    describing the team when asked) is not counted unless
    ``include_answers`` is set.
    """
    subject = scope.subject
    turns = _subject_turns(analysis, scope)
    if not turns:
        return MetricResult(None, reason=f"the {subject} did not speak")
    checking = {c.turn for c in analysis.check_ins}
    answering = {t for e in analysis.exchanges if e.asker_role != subject for t in e.answer_turns}
    silent = [
        t
        for t in turns
        if not t.questions
        and t.index not in checking
        and (params["include_answers"] or t.index not in answering)
    ]
    long = [t for t in silent if t.words >= params["min_words"]]
    ranked = sorted(long, key=lambda t: (-t.words, t.index))
    evidence = [
        Evidence(
            t.index,
            opening(analysis, t.index),
            f"{t.words} words without asking anything",
            "improvement",
        )
        for t in ranked[:_EVIDENCE]
    ]
    if not long:
        widest = min(turns, key=lambda t: (-t.words, t.index))
        asking = bool(widest.questions) or widest.index in checking
        asks = ", and it asks a question" if asking else ""
        evidence.append(
            Evidence(
                widest.index,
                opening(analysis, widest.index),
                f"the longest turn: {widest.words} words{asks}",
                "strength",
            )
        )
    return MetricResult(
        value=float(len(long)),
        evidence=tuple(evidence),
        details={
            "monologues": len(long),
            "longest_words": max((t.words for t in long), default=0),
        },
        items=tuple((f"turn {t.index}", float(t.words)) for t in long),
    )


# -------------------------------------------------------- rephrased_questions


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


def find_rephrasings(analysis: Analysis, turn: _Turn) -> list[Rephrasing]:
    """The rephrasings in one turn, in order.

    A later question rephrases an earlier one of the turn when a rephrasing
    cue ("I mean", "in other words", "let me rephrase") stands between them
    or opens it, when it carries a re-ask cue of its own (``reask_cue``), or
    when it shares at least REASK_OVERLAP (and two) of the earlier one's focus
    terms. A cue inside one question, with words of question on both sides,
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
        if cue is not None or second.reask_cue:
            how = text[cue.start : cue.end] if cue is not None else str(second.reask_cue)
            if cue is not None:
                used.add(cue)
            found.append(Rephrasing(turn.index, previous, second, previous.start, second.end, how))
            continue
        best = _closest(second, questions[:number])
        if best is not None:
            shared = ", ".join(sorted(_terms(best) & _terms(second)))
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


def _opens(cue: CueMatch, question: Question) -> bool:
    """The cue opens the question ("I mean, why that model?")."""
    return cue.at_head and question.start <= cue.start < question.end


def _closest(question: Question, earlier: Sequence[Question]) -> Question | None:
    """The earlier question whose focus terms ``question`` mostly repeats (the
    latest on a tie), as :mod:`transcript_tool.annotate.reasks` judges re-asks."""
    terms = _terms(question)
    best: tuple[float, Question] | None = None
    for candidate in earlier:
        before = _terms(candidate)
        shared = terms & before
        smaller = min(len(terms), len(before))
        overlap = len(shared) / smaller if smaller else 0.0
        if len(shared) >= 2 and overlap >= REASK_OVERLAP and (best is None or overlap >= best[0]):
            best = (overlap, candidate)
    return best[1] if best else None


def _words_around(analysis: Analysis, question: Question, cue: CueMatch) -> bool:
    words = [w for w in analysis.sentences[question.sentence].words if not w.is_punct]
    before = sum(1 for w in words if w.end <= cue.start)
    after = sum(1 for w in words if w.start >= cue.end)
    return before >= _WORDS_BEFORE_CUE and after >= _WORDS_AFTER_CUE


def _repeats_focus(question: Question, sentence: Sentence, cue: CueMatch) -> bool:
    after = {w.lemma.lower() for w in sentence.words if w.start >= cue.end and not w.is_stop}
    return bool(after & _terms(question))


def rephrased_questions(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """Turns in which the subject asks a question and then asks it again in
    other words ("How did you choose the model? I mean, why that one?").

    Rephrasing on the fly shows the question was not ready; the candidate
    has to guess which version to answer.
    """
    subject = scope.subject
    turns = _subject_turns(analysis, scope)
    unscored = _no_questions(turns, subject)
    if unscored is not None:
        return unscored
    by_turn = [(turn, find_rephrasings(analysis, turn)) for turn in turns]
    with_rephrasing = [(turn, found) for turn, found in by_turn if found]
    evidence = [
        Evidence(
            turn.index,
            _span_quote(turn.text, r.start, r.end),
            f"the same question asked twice in one turn ({r.how})",
            "improvement",
        )
        for turn, found in with_rephrasing
        for r in found
    ][:_EVIDENCE]
    if not evidence:
        clean = next(t for t in turns if t.questions)
        first = clean.questions[0]
        evidence.append(
            Evidence(
                clean.index,
                _span_quote(clean.text, first.start, first.end),
                "asked once, in one version",
                "strength",
            )
        )
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


# ---------------------------------------------------------- stacked_questions


def _asks(analysis: Analysis, turn: _Turn, count_parts: bool) -> int:
    """Distinct questions a turn asks: each question (each part of a compound
    question with ``count_parts``), less the second versions of rephrased
    questions and short declarative options ("Latency? Error rates?")."""
    short = load_interviewer_cues().short_declarative_words

    def weight(question: Question) -> int:
        if question.form == "declarative" and _question_words(analysis, question) < short:
            return 0
        return len(question.parts) if count_parts else 1

    asks = sum(weight(q) for q in turn.questions)
    for rephrasing in find_rephrasings(analysis, turn):
        if rephrasing.second is not None:
            asks -= weight(rephrasing.second)
        elif count_parts and rephrasing.first.start <= rephrasing.end <= rephrasing.first.end:
            asks -= max(0, weight(rephrasing.first) - 1)
    return max(0, asks)


def stacked_questions(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """Turns in which the subject asks at least ``min_questions`` distinct
    questions before the candidate can answer ("How did you pick the model?
    And what data did you use? Also who was on the team?").

    Stacked questions split the candidate's attention; one of them is usually
    left unanswered. Rephrasings of one question and check-ins do not count.
    """
    subject = scope.subject
    turns = _subject_turns(analysis, scope)
    unscored = _no_questions(turns, subject)
    if unscored is not None:
        return unscored
    asking = [(turn, _asks(analysis, turn, params["count_parts"])) for turn in turns]
    asking = [(turn, asks) for turn, asks in asking if asks]
    stacked = [(turn, asks) for turn, asks in asking if asks >= params["min_questions"]]
    evidence = [
        Evidence(
            turn.index,
            _span_quote(turn.text, turn.questions[0].start, turn.questions[-1].end),
            f"{asks} questions in one turn before the candidate could answer",
            "improvement",
        )
        for turn, asks in sorted(stacked, key=lambda item: (-item[1], item[0].index))[:_EVIDENCE]
    ]
    single = next((turn for turn, asks in asking if asks == 1), None)
    if not evidence and single is not None:
        first = single.questions[0]
        evidence.append(
            Evidence(
                single.index,
                _span_quote(single.text, first.start, first.end),
                "one question at a time",
                "strength",
            )
        )
    return MetricResult(
        value=float(len(stacked)),
        evidence=tuple(evidence),
        details={
            "stacked_turns": len(stacked),
            "max_in_one_turn": max((asks for _, asks in asking), default=0),
        },
        items=tuple((f"turn {turn.index}", float(asks)) for turn, asks in asking),
    )


# ---------------------------------------------------------- leading_questions


@dataclass(frozen=True)
class Leading:
    """A leading question: ``rank`` orders evidence (0: a cue, 1: a tag, 2: a
    declarative question); ``note`` says what showed it."""

    question: Question
    rank: int
    note: str


def leading_reason(
    analysis: Analysis, turn: _Turn, question: Question, declaratives: bool = True
) -> Leading | None:
    """Why ``question`` suggests its answer, or None when it does not (rules
    only for declarative questions are skipped unless ``declaratives``)."""
    cues = load_interviewer_cues()
    declarative = None
    for match in turn.cues():
        if match.key == "rephrase" or not question.start <= match.start < question.end:
            continue
        rule = cues.leading[int(match.key.split(":")[1])]
        if (rule.at == "head" and not match.at_head) or (
            rule.forms and question.form not in rule.forms
        ):
            continue
        if rule.declarative_only:
            declarative = declarative or rule
            continue
        said = turn.text[match.start : match.end]
        return Leading(question, 0, f'{rule.label}: "{said}"')
    if question.form == "tag" and question.form_cue.lower() not in cues.not_leading_tags:
        cue = question.form_cue
        return Leading(question, 1, f'a tag question asking for agreement ("{cue}")')
    if (
        declarative is not None
        and declaratives
        and _question_words(analysis, question) >= cues.short_declarative_words
    ):
        return Leading(question, 2, f"{declarative.label}, asking to have it confirmed")
    return None


def leading_questions(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """Questions that suggest their answer: "don't you think", "wouldn't you
    agree", "surely you", "I assume you", a negative question ("Isn't that
    ..."), a tag asking for agreement ("..., right?") and, with
    ``declaratives``, a statement about the candidate checked with a question
    mark ("So you'd just use a threshold?").

    A leading question tells the candidate what to say, so their answer shows
    little; open questions ("How would you ...?") let them show their own
    thinking.
    """
    subject = scope.subject
    turns = _subject_turns(analysis, scope)
    unscored = _no_questions(turns, subject)
    if unscored is not None:
        return unscored
    found: list[tuple[_Turn, Leading]] = []
    for turn in turns:
        for question in turn.questions:
            reason = leading_reason(analysis, turn, question, params["declaratives"])
            if reason is not None:
                found.append((turn, reason))
    asked = sum(len(t.questions) for t in turns)
    ranked = sorted(found, key=lambda item: (item[1].rank, item[1].question.index))
    evidence = [
        Evidence(
            turn.index,
            _span_quote(turn.text, lead.question.start, lead.question.end),
            lead.note,
            "improvement",
        )
        for turn, lead in ranked[:_EVIDENCE]
    ]
    leading_ids = {lead.question.index for _, lead in found}
    open_question = next(
        (
            (turn, q)
            for turn in turns
            for q in turn.questions
            if q.index not in leading_ids and q.form in ("wh", "imperative")
        ),
        None,
    )
    if not evidence and open_question is not None:
        turn, question = open_question
        evidence.append(
            Evidence(
                turn.index,
                _span_quote(turn.text, question.start, question.end),
                "an open question that leaves the answer to the candidate",
                "strength",
            )
        )
    per_turn: dict[int, int] = {}
    for turn, _ in found:
        per_turn[turn.index] = per_turn.get(turn.index, 0) + 1
    return MetricResult(
        value=float(len(found)),
        evidence=tuple(evidence),
        details={
            "leading": len(found),
            "questions": asked,
            "share": round(100.0 * len(found) / asked, 1),
        },
        items=tuple((f"turn {t}", float(n)) for t, n in sorted(per_turn.items())),
    )


# ------------------------------------------------------ interviewer_check_ins


def interviewer_check_ins(analysis: Analysis, params: Params, scope: Scope) -> MetricResult:
    """The subject's check-ins ("does that make sense?", "can you hear me?",
    "okay?"), and how many per question asked.

    A few are good practice; one after every question is a verbal tic that
    interrupts the candidate's thinking.
    """
    subject = scope.subject
    turns = _subject_turns(analysis, scope)
    if not turns:
        return MetricResult(None, reason=f"the {subject} did not speak")
    unscored = _no_questions(turns, subject)
    if unscored is not None:
        return unscored
    in_scope = {t.index for t in turns}
    check_ins = [c for c in analysis.check_ins if c.role == subject and c.turn in in_scope]
    asked = sum(len(t.questions) for t in turns)
    all_turns = analysis.transcript.turns
    evidence = []
    seen: set[str] = set()
    for check_in in check_ins:
        said = check_in.text.lower()
        if said in seen:
            continue
        seen.add(said)
        times = sum(1 for c in check_ins if c.text.lower() == said)
        evidence.append(
            Evidence(
                check_in.turn,
                _span_quote(all_turns[check_in.turn].text, check_in.start, check_in.end),
                f"a check-in{f', said {times} times' if times > 1 else ''}",
            )
        )
    per_turn: dict[int, int] = {}
    for check_in in check_ins:
        per_turn[check_in.turn] = per_turn.get(check_in.turn, 0) + 1
    return MetricResult(
        value=float(len(check_ins)),
        evidence=tuple(evidence[:_EVIDENCE]),
        details={
            "check_ins": len(check_ins),
            "per_question": round(len(check_ins) / asked, 2),
        },
        items=tuple((f"turn {t}", float(n)) for t, n in sorted(per_turn.items())),
    )


# ---------------------------------------------------------------- the specs

TALK_SHARE = MetricSpec(
    name="talk_share",
    function=talk_share,
    description=(
        "The speaker's share of the talking in percent, of the words (or, with unit "
        "'seconds', of the speaking time). An interviewer usually talks a third or less."
    ),
    scale="percent",
    params={
        "unit": Param(
            "string",
            "words",
            "share of the words, or of the speaking time (needs timestamps on every turn)",
            choices=("words", "seconds"),
        ),
    },
    details=("share", "words", "total_words"),
    roles=("interviewer", "candidate"),
)

CONTEXT_MONOLOGUES = MetricSpec(
    name="context_monologues",
    function=context_monologues,
    description=(
        "The interviewer's long turns that ask nothing (no question, no check-in): "
        "context or stories at length before the candidate gets to speak."
    ),
    scale="count",
    params={
        "min_words": Param(
            "integer", SETUP_WORDS, "a turn of this many words or more counts", 20, 1000
        ),
        "include_answers": Param(
            "boolean",
            False,
            "also count turns that answer the candidate's questions (describing the team "
            "when asked)",
        ),
    },
    details=("monologues", "longest_words"),
    roles=("interviewer",),
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

STACKED_QUESTIONS = MetricSpec(
    name="stacked_questions",
    function=stacked_questions,
    description=(
        "Interviewer turns that ask several distinct questions before the candidate can "
        "answer (rephrasings and check-ins excluded)."
    ),
    scale="count",
    params={
        "min_questions": Param(
            "integer", 2, "a turn asking this many distinct questions or more counts", 2, 10
        ),
        "count_parts": Param(
            "boolean",
            True,
            "count each part of a compound question ('what did you build and who used it') "
            "as a question of its own",
        ),
    },
    details=("stacked_turns", "max_in_one_turn"),
    roles=("interviewer",),
)

LEADING_QUESTIONS = MetricSpec(
    name="leading_questions",
    function=leading_questions,
    description=(
        "Interviewer questions that suggest their answer ('don't you think', 'wouldn't you "
        "agree', 'surely you', '..., right?', 'So you'd just use a threshold?')."
    ),
    scale="count",
    params={
        "declaratives": Param(
            "boolean",
            True,
            "count statements about the candidate checked with a question mark "
            "('So you'd just use a threshold?') as leading",
        ),
    },
    details=("leading", "questions", "share"),
    roles=("interviewer",),
)

INTERVIEWER_CHECK_INS = MetricSpec(
    name="interviewer_check_ins",
    function=interviewer_check_ins,
    description=(
        "The interviewer's check-ins ('does that make sense?', 'can you hear me?'), with "
        "check-ins per question asked."
    ),
    scale="count",
    params={},
    details=("check_ins", "per_question"),
    roles=("interviewer",),
)

SPECS: tuple[MetricSpec, ...] = (
    TALK_SHARE,
    CONTEXT_MONOLOGUES,
    REPHRASED_QUESTIONS,
    STACKED_QUESTIONS,
    LEADING_QUESTIONS,
    INTERVIEWER_CHECK_INS,
)
