"""Whether a closed question offers a choice: an "or" between alternatives
("Would you score them one at a time, or in batches?"), not one that joins
"any" of a kind or now and any later time (:mod:`.forms` asks)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .question_cues import QuestionCues
    from .word_lists import RuleWords


TIMES_REACH = 5
"""Words after an "or" that one of questions.yaml ``choices.times_later``
may be in, for the "or" to join two times (:func:`_joins_times`)."""


def _joins_times(norms: Sequence[str], at: int, words: RuleWords) -> bool:
    """Whether the "or" at ``norms[at]`` joins now and any later time ("will
    you now or in the future require sponsorship"): one question of any time,
    no choice between two."""
    return (
        at > 0
        and norms[at - 1] in words.times_now
        and any(w in words.times_later for w in norms[at + 1 : at + 1 + TIMES_REACH])
    )


def offers_choice(norms: Sequence[str], cues: QuestionCues) -> bool:
    """ "Would you score them one at a time, or in batches?" offers a choice;
    "any ticketing or help desk software?" does not, but a second question
    after the "or" does ("Is there any legal prohibition, or is that just a
    choice you make?"). The words are questions.yaml ``choices``."""
    words = cues.rule_words
    at = next(
        (k for k, w in enumerate(norms) if w == "or" and not _joins_times(norms, k, words)), None
    )
    if at is None:
        return False
    before = norms[:at]
    after = norms[at + 1 :]
    if not after or after[0] in words.or_not_choices:
        return False
    if len(after) > 1 and after[0] in cues.auxiliaries and after[1] in words.second_subjects:
        return True
    return words.open_words.isdisjoint(before)
