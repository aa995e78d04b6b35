"""Notes for the interviewer: what the reports say of the interviewer's own
habits beside the rubric's criteria (check-ins, long setups, questions asked
again, and on a panel how the interviewers shared the asking). The
terminal, Markdown and HTML reports show the same lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..annotate.exchanges import setup_words, turn_questions
from ..model import Analysis, Speaker, count_text_words
from ..wording import counted


def interviewer_notes(analysis: Analysis) -> tuple[str, ...]:
    """What the interviewer may want to know about their own habits: on a
    panel, how the interviewers shared the asking; check-ins, long setups,
    questions asked again (on a panel, by whom)."""
    notes = []
    turns = analysis.transcript.turns
    panel = [s for s in analysis.transcript.speakers if s.role == "interviewer"]
    if len(panel) > 1:
        notes.append(_panel_note(analysis, panel))
    by = {s.id: s.label for s in panel} if len(panel) > 1 else {}
    check_ins = [q for q in analysis.check_ins if q.role == "interviewer"]
    if check_ins:
        shown = "; ".join(f"“{q.text}” (turn {q.turn})" for q in check_ins[:3])
        more = f" and {len(check_ins) - 3} more" if len(check_ins) > 3 else ""
        kept_apart = "a question" if len(check_ins) == 1 else "questions"
        notes.append(
            f"{counted(len(check_ins), 'check-in')}, not counted as {kept_apart}: {shown}{more}"
        )

    def turn(index: int) -> str:
        speaker = by.get(turns[index].speaker)
        return f"Turn {index}" + (f" ({speaker})" if speaker else "")

    asking = turn_questions(analysis.questions)
    for index in analysis.long_setups:
        text = turns[index].text
        if index in asking:
            before = setup_words(text, asking[index]) or 0
            said = f"{counted(before, 'word')} before its question"
        else:
            said = f"{counted(count_text_words(text), 'word')} without a question"
        notes.append(f"{turn(index)}: {said}")
    for question in analysis.questions:
        if question.reask_of is not None:
            original = analysis.questions[question.reask_of]
            notes.append(
                f"{turn(question.turn)} asks turn {original.turn}'s question again "
                f"({question.reask_cue}): “{question.text}”"
            )
    return tuple(notes)


def _panel_note(analysis: Analysis, panel: Sequence[Speaker]) -> str:
    """ "2 interviewers: Dr. Okafor spoke 349 words and asked 11 questions;
    Janet Wu spoke 157 words and asked 7 questions": each one's words, and
    the questions the report lists for them."""
    turns = analysis.transcript.turns
    asked = Counter(turns[q.turn].speaker for q in analysis.questions if q.role == "interviewer")
    words: Counter[str] = Counter()
    for t in turns:
        words[t.speaker] += count_text_words(t.text)
    shares = [
        f"{s.label} spoke {counted(words[s.id], 'word')} and asked "
        + counted(asked[s.id], "question")
        for s in panel
    ]
    return f"{len(panel)} interviewers: " + "; ".join(shares)
