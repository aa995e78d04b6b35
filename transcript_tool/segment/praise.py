"""The asker's acknowledgement of an answer before their next question
("... the pastry delivery | nice | have you ever been responsible for other
people on a shift"), which the decoder leaves at the end of the answer: the
words are questions.yaml's ``praise_words``, as caption words."""

from __future__ import annotations

from collections.abc import Sequence

from .answers import listener_question_at

_PRAISE_LONGEST = 3  # words of an acknowledgement
_ASKED_WITHIN = 4  # words into the next run its question may start


def praise_before_questions(
    words: Sequence[str],
    state_of_word: Sequence[int],
    ends: Sequence[bool],
    asks: Sequence[bool],
    *,
    written: bool = False,
) -> list[tuple[int, int, int]]:
    """(begin, end, asker) of each acknowledgement of at most three
    ``praise_words`` ("nice", "great okay") that ends a speaker's run right
    before the other speaker's question. ``ends[i]``/``asks[i]``: a sentence
    (a question) ends after word i, as heard or, when ``written``, as the
    text marks it.

    - A sentence of its own: before a question that ends a sentence, or one
      to the listener that starts within the next run's first four words.
    - In a caption (not ``written``), also the praise words that end the run
      with no sentence end heard between ("... a leadership position in my
      sorority | great | okay can you tell me about a time": MIT, left out
      of training), before a question to the listener that starts within the
      next run's first four words (the sentence head seldom hears a request
      as a question); not after one of ``praise_not_after``, which takes
      them into the clause ("it was | great", "that would be really |
      awesome"), and not from one of ``praise_not_first`` (a lone "that" of
      "things like that")."""
    from ..annotate.question_cues import load_cues
    from .unlabeled import speaker_runs

    cues = load_cues().segment
    praise = cues.praise_words
    n = len(words)
    asks_listener = listener_question_at(words)

    def asked_after(end: int) -> bool:
        """A question to the listener starts within the run from ``end``'s
        first words."""
        return any(asks_listener(k) for k in range(end, min(n, end + _ASKED_WITHIN)))

    found: list[tuple[int, int, int]] = []
    for begin, end in speaker_runs(state_of_word)[:-1]:
        start = next((m + 1 for m in range(end - 2, begin - 1, -1) if ends[m]), begin)
        if (
            begin < start
            and ends[end - 1]
            and end - start <= _PRAISE_LONGEST
            and all(words[m] in praise for m in range(start, end))
        ):
            question_end = next((m for m in range(end, n) if ends[m]), n - 1)
            if asks[question_end] or asked_after(end):
                found.append((start, end, state_of_word[end]))
            continue
        if written:
            continue
        start = end
        while start > begin and words[start - 1] in praise:
            start -= 1
        if start == begin or end - start > _PRAISE_LONGEST:
            continue
        if words[start - 1] in cues.praise_not_after:
            continue
        while start < end and words[start] in cues.praise_not_first:
            start += 1
        if start < end and asked_after(end):
            found.append((start, end, state_of_word[end]))
    return found
