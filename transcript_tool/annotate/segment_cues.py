"""questions.yaml's phrase lists that only the segmenter reads, as caption
words: a speaker cutting in, the invitation to ask and its wrap-up, the
interviewer's closing, announced talk and introduction of the show, the listener's backchannels and
praise, and the names speakers introduce themselves by
(:mod:`transcript_tool.segment.phrases`, :mod:`~transcript_tool.segment.framing`,
:mod:`~transcript_tool.segment.praise`, :mod:`~transcript_tool.segment.names`).
The YAML file's comments say what each list means."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Phrases = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class SegmentPhrases:
    """Phrases as tuples of caption words; single words as sets."""

    interruptions: Phrases
    interruption_lead_ins: frozenset[str]
    invitations: Phrases
    wrap_ups: Phrases
    closings: Phrases
    announcements_of_talk: Phrases
    announcement_not_before: frozenset[str]
    host_introductions: Phrases
    backchannel_words: frozenset[str]
    praise_words: frozenset[str]
    praise_not_after: frozenset[str]
    praise_not_first: frozenset[str]
    introductions: Phrases
    addressed_by: Phrases
    not_names: frozenset[str]


def _phrases(items: list[str]) -> Phrases:
    return tuple(tuple(phrase.split()) for phrase in items)


def segment_phrases_from(raw: dict[str, Any]) -> SegmentPhrases:
    """The lists from the whole of questions.yaml as read by ``load_data``;
    KeyError for a list every questions.yaml has."""
    return SegmentPhrases(
        interruptions=_phrases(raw["interruptions"]),
        interruption_lead_ins=frozenset(raw["interruption_lead_ins"]),
        invitations=_phrases(raw["invitations"]),
        wrap_ups=_phrases(raw["wrap_ups"]),
        closings=_phrases(raw.get("closings", [])),
        announcements_of_talk=_phrases(raw.get("announcements_of_talk", [])),
        announcement_not_before=frozenset(raw.get("announcement_not_before", ())),
        host_introductions=_phrases(raw.get("host_introductions", [])),
        backchannel_words=frozenset(raw["backchannel_words"]),
        praise_words=frozenset(raw["praise_words"]),
        praise_not_after=frozenset(raw.get("praise_not_after", ())),
        praise_not_first=frozenset(raw.get("praise_not_first", ())),
        introductions=_phrases(raw["introductions"]),
        addressed_by=_phrases(raw["addressed_by"]),
        not_names=frozenset(raw["not_names"]),
    )
