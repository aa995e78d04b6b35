"""The kinds every stage of the model names: roles, question forms and
intents, how fully a question was answered, and the schema ids."""

from __future__ import annotations

from typing import Literal, get_args

Role = Literal["interviewer", "candidate", "other"]
ROLES: tuple[Role, ...] = get_args(Role)

QuestionForm = Literal["yes_no", "wh", "choice", "imperative", "declarative", "tag"]
QUESTION_FORMS: tuple[QuestionForm, ...] = get_args(QuestionForm)
YES_NO_FORMS: frozenset[QuestionForm] = frozenset({"yes_no", "tag", "declarative"})
"""The closed forms, put to confirm or deny: a yes/no question, a tag, a
statement said as a question ("So you led it?")."""

QuestionIntent = Literal[
    "small_talk",
    "background",
    "motivation",
    "behavioral",
    "situational",
    "technical",
    "problem_solving",
    "opinion",
    "clarification",
    "check_in",
    "follow_up",
    "reverse",
    "closing",
]
QUESTION_INTENTS: tuple[QuestionIntent, ...] = get_args(QuestionIntent)

Answered = Literal["yes", "partial", "no"]

LOW_CONFIDENCE = 0.6
"""Turns whose speaker attribution (or boundary) is less sure than this are
marked as uncertain in reports."""

TRANSCRIPT_SCHEMA = "transcript-tool/transcript@1"
REPORT_SCHEMA = "transcript-tool/report@1"
