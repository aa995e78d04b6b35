"""The conversation in time: the figures every report shows, whatever the rubric.

Per role: words and their share, speaking seconds and their share, words per
minute and the longest stretch without a break; for the conversation: the
candidate's talk ratio, the median response latency, silences, and changes of
speaker per minute. Each figure comes from the registered delivery metric
that rubrics use (:mod:`transcript_tool.metrics.delivery`), with its default
parameters, so a report and a rubric never disagree.

Without timestamps the figures in seconds are None and :attr:`Timing.reason`
says "not available (no timestamps)"; the word-based equivalents (word
shares, the longest stretch in words, changes per 100 words) are still given.
"""

from __future__ import annotations

from .metrics.base import Scope
from .model import NO_TIMESTAMPS, Analysis, Role, RoleTiming, Timing

ROLES_SHOWN: tuple[Role, ...] = ("interviewer", "candidate")


def summarize(analysis: Analysis) -> Timing:
    """The timing figures of ``analysis`` (see the module docstring)."""
    from .metrics import METRICS

    ratio = METRICS["talk_ratio"](analysis)
    by_seconds = bool(ratio.details.get("by_seconds"))
    interactivity = METRICS["interactivity"](analysis)
    timed = interactivity.value is not None
    roles = []
    for role in ROLES_SHOWN:
        share = METRICS["talk_ratio"](analysis, scope=Scope(role=role))
        if not share.details.get("words"):
            continue
        rate = METRICS["words_per_minute"](analysis, scope=Scope(role=role))
        in_words = METRICS["longest_monologue"](analysis, {"unit": "words"}, scope=Scope(role=role))
        in_seconds = METRICS["longest_monologue"](analysis, scope=Scope(role=role))
        roles.append(
            RoleTiming(
                role=role,
                words=int(share.details["words"]),
                word_share=_word_share(share.details),
                seconds=share.details.get("seconds") if by_seconds else None,
                time_share=share.value if by_seconds else None,
                words_per_minute=rate.value,
                longest_words=int(in_words.details.get("words", 0)),
                longest_seconds=in_seconds.value,
            )
        )
    latency = METRICS["response_latency"](analysis)
    silences = None
    if latency.value is not None:
        silences = int(latency.details["silences_before"] + latency.details["silences_within"])
    return Timing(
        roles=tuple(roles),
        talk_ratio=ratio.value,
        talk_ratio_by="seconds" if by_seconds else "words",
        response_latency=latency.value,
        silences=silences,
        switches=int(interactivity.details.get("switches", 0)),
        switches_per_minute=interactivity.value,
        switches_per_100_words=interactivity.details.get("per_100_words"),
        reason=None if timed else NO_TIMESTAMPS,
    )


def _word_share(details: dict[str, float]) -> float:
    total = details.get("total_words", 0)
    return round(100.0 * details.get("words", 0) / total, 1) if total else 0.0
