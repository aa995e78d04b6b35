"""One-off labels read as the speaker they stand for: a label misspelt
once ("Interveiwee:" among "Interviewee:") or a chat's AI named once in
another way ("Assistant:" among "AI:"). :mod:`.labels` finds the speakers;
the plain-text reader (:mod:`.text`) asks here what the other labels stand for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .labels import CHAT_AGENTS, Label, is_stop, label_key

MISSPELT_LENGTH = 6
"""The shortest label a one-off label is read as a misspelling of."""
MISSPELT_AT_MOST = (100, 12)
"""No misspellings are looked for among more one-off labels or speakers than
these: a transcript with a few typos has neither, and comparing each with
each costs time (100,000 one-off labels took 1.8 s with two speakers)."""


def stand_ins(labels: Sequence[Label | None], speakers: set[str]) -> dict[str, str]:
    """One-off labels read as another speaker (lowercase keys): a misspelling
    of one (:func:`_misspellings`) or a chat's AI named another way
    (:func:`_chat_agents`)."""
    counts = Counter(label_key(label.name) for label in labels if label)
    return _misspellings(counts, speakers) | _chat_agents(counts, speakers)


def _misspellings(counts: Counter[str], speakers: set[str]) -> dict[str, str]:
    """One-off labels read as a misspelling of one speaker's (lowercase keys):
    a label on one line only, not itself a speaker, within two letters'
    edit of a speaker's label of MISSPELT_LENGTH letters or more, and nearer
    it than any other ("Inerviewee" is one from "Interviewee", two from
    "Interviewer").

    Hand-typed transcripts have them ("Interveiwee:", "Inerviewee:" and
    "Intervieweee:" among the MIT interviews' "Interviewee:"); their words
    went to the speaker before them, there the interviewer."""
    targets = sorted(key for key in speakers if len(key) >= MISSPELT_LENGTH)
    one_offs = [
        key
        for key, count in counts.items()
        if count == 1
        and key not in speakers
        and len(key) >= MISSPELT_LENGTH - 1
        and not is_stop(key)
    ]
    found: dict[str, str] = {}
    if len(one_offs) > MISSPELT_AT_MOST[0] or len(targets) > MISSPELT_AT_MOST[1]:
        return found
    for key in one_offs:
        near = sorted((_edits(key, target), target) for target in targets)
        near = [(edits, target) for edits, target in near if edits <= 2]
        if near and (len(near) == 1 or near[0][0] < near[1][0]):
            found[key] = near[0][1]
    return found


def _chat_agents(counts: Counter[str], speakers: set[str]) -> dict[str, str]:
    """A one-off label for a chat's AI read as the speaker that is one
    (lowercase keys): each Anthropic interview opens "Assistant:" once, then
    alternates "User:" and "AI:", and its opening was left out."""
    agents = [key for key in speakers if key in CHAT_AGENTS]
    if len(agents) != 1:
        return {}
    return {key: agents[0] for key, count in counts.items() if count == 1 and key in CHAT_AGENTS}


def _edits(a: str, b: str) -> int:
    """The Levenshtein distance of ``a`` and ``b`` (insertions, deletions and
    substitutions; a swap of two letters is two), or 3 for any above 2."""
    if abs(len(a) - len(b)) > 2:
        return 3
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
        if min(row) > 2:
            return 3
    return min(row[-1], 3)
