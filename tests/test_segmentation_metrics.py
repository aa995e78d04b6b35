"""Segmentation metrics on hand-made cases, and the caption corpus loaders when present."""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import caption_corpora
import pytest
from caption_corpora import CORPORA, available, held_out_split, load
from segmentation_metrics import (
    ConfidenceScore,
    Score,
    auroc,
    best_f1,
    best_mapping,
    boundary_prf,
    flag_f1,
    match_within,
    role_error,
    sentence_prf,
    states_by_evidence,
    turn_boundaries,
    unit_majority,
    wder,
    word_roles,
    wrong_words,
)

# ---------------------------------------------------------------------- confidence


def test_wrong_words_are_those_wder_counts() -> None:
    ref, hyp = [0, 0, 1, 1, 0, 0], [1, 1, 0, 1, 1, 0]
    assert wrong_words(ref, hyp) == [False, False, False, True, False, True]
    assert sum(wrong_words(ref, hyp)) / len(ref) == wder(ref, hyp)


def test_auroc_ranks_positives_above_negatives() -> None:
    assert auroc([0.9, 0.8, 0.3, 0.1], [True, True, False, False]) == 1.0
    assert auroc([0.1, 0.3, 0.8, 0.9], [True, True, False, False]) == 0.0
    assert auroc([0.5, 0.5, 0.5, 0.5], [True, False, True, False]) == 0.5
    # one positive above both negatives, one between them: 3 of 4 pairs
    assert auroc([0.9, 0.5, 0.7, 0.1], [True, True, False, False]) == 0.75
    assert auroc([0.9, 0.2], [True, True]) == 0.5


def test_confidence_score_compares_marked_and_unmarked_words() -> None:
    score = ConfidenceScore()
    # the last two words are wrong and sit in the low-confidence turn
    score.add(
        [0, 0, 0, 1, 1, 1, 0, 0], [0, 0, 0, 1, 1, 1, 1, 1], [1, 1, 1, 0.9, 0.9, 0.9, 0.4, 0.4]
    )
    share, wrong_low, wrong_high = score.marked(0.6)
    assert (share, wrong_low, wrong_high) == (0.25, 1.0, 0.0)
    assert score.auroc == 1.0
    # overall 0.8125 confident (6.5 / 8) where 6 of 8 words (0.75) are right
    assert (round(score.mean, 4), score.right) == (0.8125, 0.75)
    assert (ConfidenceScore().mean, ConfidenceScore().right) == (0.0, 0.0)


# ---------------------------------------------------------------------------- wder


def test_wder_label_swap_is_perfect() -> None:
    assert wder([0, 0, 1, 1, 0], [1, 1, 0, 0, 1]) == 0.0
    assert wder([0, 0, 1, 1], [7, 7, -3, -3]) == 0.0


def test_wder_one_flipped_word_of_ten() -> None:
    ref = [0] * 5 + [1] * 5
    hyp = [0] * 5 + [1] * 4 + [0]
    assert wder(ref, hyp) == pytest.approx(0.1)


def test_wder_extra_hypothesis_speaker_counts_as_errors() -> None:
    ref = [0, 0, 0, 0, 1, 1, 1, 1]
    hyp = [0, 0, 2, 2, 1, 1, 1, 1]  # speaker 2 has no reference partner left
    assert wder(ref, hyp) == pytest.approx(2 / 8)
    assert best_mapping(ref, hyp) == {0: 0, 1: 1}


def test_wder_fewer_hypothesis_speakers() -> None:
    ref = [0, 0, 0, 1, 1, 2]
    hyp = [5, 5, 5, 5, 5, 5]  # one speaker: best it can do is the largest reference speaker
    assert wder(ref, hyp) == pytest.approx(3 / 6)


def test_wder_mapping_is_one_to_one_not_majority() -> None:
    # Both hypothesis speakers mostly overlap reference 0; only one may take it.
    ref = [0, 0, 0, 0, 0, 0, 1, 1]
    hyp = [0, 0, 0, 0, 1, 1, 1, 1]
    assert wder(ref, hyp) == pytest.approx(2 / 8)


def test_wder_greedy_beyond_seven_labels() -> None:
    ref = list(range(10)) * 3
    hyp = [label + 100 for label in ref]
    assert wder(ref, hyp) == 0.0
    assert wder([], []) == 0.0


def test_wder_rejects_unequal_lengths() -> None:
    with pytest.raises(ValueError):
        wder([0, 1], [0])


# ---------------------------------------------------------------------------- roles


def test_role_error_skips_words_without_reference_role() -> None:
    ref = ["interviewer", "interviewer", None, "candidate"]
    hyp = ["interviewer", "candidate", "candidate", "candidate"]
    assert role_error(ref, hyp) == pytest.approx(1 / 3)
    assert role_error([None, None], ["candidate", "candidate"]) == 0.0


def test_word_roles() -> None:
    assert word_roles([0, 1, 1], ("candidate", "interviewer")) == [
        "candidate",
        "interviewer",
        "interviewer",
    ]
    assert word_roles([0, 1], None) == [None, None]


# ---------------------------------------------------------------------------- boundaries


def test_turn_boundaries_plain() -> None:
    assert turn_boundaries([0] * 5 + [1] * 5 + [0] * 5) == [5, 10]
    assert turn_boundaries([0] * 12) == []
    assert turn_boundaries([]) == []


def test_turn_boundaries_drop_short_turns_and_merge_neighbours() -> None:
    # A 2-word backchannel inside speaker 0's answer disappears and the answer is one turn.
    speakers = [0] * 6 + [1] * 2 + [0] * 6 + [1] * 7
    assert turn_boundaries(speakers) == [14]
    # Positions stay those of the original sequence; a short first turn is dropped too.
    speakers = [1] * 2 + [0] * 5 + [1] * 3 + [1] * 5 + [0] * 5
    assert turn_boundaries(speakers) == [7, 15]
    assert turn_boundaries([0, 1, 0, 1], min_turn_words=1) == [1, 2, 3]


def test_boundary_tolerance_edge() -> None:
    ref = [0] * 10 + [1] * 10
    exactly_3 = [0] * 13 + [1] * 7
    four = [0] * 14 + [1] * 6
    assert boundary_prf(ref, exactly_3, tolerance=3)[:3] == (1.0, 1.0, 1.0)
    assert boundary_prf(ref, four, tolerance=3) == (0.0, 0.0, 0.0, 0, 1, 1)
    assert boundary_prf(ref, four, tolerance=4)[3] == 1


def test_boundary_matching_is_one_to_one() -> None:
    ref = [0] * 10 + [1] * 10
    hyp = [0] * 9 + [1] * 5 + [0] * 6  # boundaries at 9 and 14 (11 would be too short)
    assert turn_boundaries(hyp) == [9, 14]
    p, r, f, tp, n_ref, n_hyp = boundary_prf(ref, hyp, tolerance=5)
    assert (tp, n_ref, n_hyp) == (1, 1, 2)
    assert (p, r) == (0.5, 1.0)
    assert f == pytest.approx(2 / 3)
    assert match_within([10, 12], [11], tolerance=3) == 1
    assert match_within([10, 14], [11, 12], tolerance=3) == 2  # 11->10 leaves 12 for 14


def test_boundary_empty_cases() -> None:
    one_speaker = [0] * 20
    two = [0] * 10 + [1] * 10
    assert boundary_prf(one_speaker, one_speaker) == (1.0, 1.0, 1.0, 0, 0, 0)
    assert boundary_prf(two, one_speaker) == (0.0, 0.0, 0.0, 0, 1, 0)
    assert boundary_prf(one_speaker, two) == (0.0, 0.0, 0.0, 0, 0, 1)


def test_unit_majority_gives_each_unit_its_commonest_speaker() -> None:
    speakers = [0, 0, 1, 1, 1, 0, 1, 1]
    assert unit_majority(speakers, [2, 5]) == [0, 0, 1, 1, 1, 1, 1, 1]
    # a tie goes to the lower label; no cut is one unit
    assert unit_majority([1, 0, 0, 1], [2]) == [0, 0, 0, 0]
    assert unit_majority(speakers, []) == [1] * 8
    assert unit_majority([], []) == []
    # cutting at every change loses nothing
    assert unit_majority(speakers, [2, 5, 6]) == speakers
    for cuts in ([0], [8], [3, 3], [5, 2]):
        with pytest.raises(ValueError, match="cuts must ascend"):
            unit_majority(speakers, cuts)


def test_sentence_prf_ignores_final_word() -> None:
    ref = [False, True, False, False, True]
    hyp = [False, True, True, False, False]
    p, r, _, tp, n_ref, n_hyp = sentence_prf(ref, hyp)
    assert (tp, n_ref, n_hyp) == (1, 1, 2)
    assert (p, r) == (0.5, 1.0)
    assert sentence_prf([False, True], [False, False]) == (1.0, 1.0, 1.0, 0, 0, 0)


def test_score_micro_averages() -> None:
    score = Score()
    score.add([0] * 10 + [1] * 10, [0] * 10 + [1] * 10)  # 20 words, perfect
    score.add([0] * 5 + [1] * 5, [0] * 4 + [1] * 6)  # 10 words, 1 error
    assert score.streams == 2
    assert score.wder == pytest.approx(1 / 30)  # not the mean of 0 and 0.1
    # The second hypothesis turn has 4 words (< 5): dropped, so its boundary is missed.
    assert (score.boundary_tp, score.boundary_ref, score.boundary_hyp) == (1, 2, 1)
    assert score.boundary == (1.0, 0.5, pytest.approx(2 / 3))
    score.add(
        [0, 0, 1],
        [0, 1, 1],
        ref_roles=["interviewer", "interviewer", "candidate"],
        hyp_roles=["interviewer", "candidate", "candidate"],
        ref_ends=[False, True, True],
        hyp_ends=[True, False, True],
    )
    assert score.role_error == pytest.approx(1 / 3)
    assert score.interviewer_share == (pytest.approx(2 / 3), pytest.approx(1 / 3))
    assert (score.talk_missed, score.role_streams) == (0, 1)
    assert score.sentence == (0.0, 0.0, 0.0)
    total = Score()
    total += score
    assert total.as_dict()["errors"] == score.errors == 2
    assert total.as_dict()["boundary_f1"] == score.boundary[2]


def test_score_counts_the_interviewers_talk_given_to_the_candidate() -> None:
    # a talkative interviewer (6 of 10 words) decoded as asking one short question
    score = Score()
    roles = ["interviewer"] * 6 + ["candidate"] * 4
    decoded = ["interviewer"] * 2 + ["candidate"] * 8
    score.add([0] * 6 + [1] * 4, [0] * 2 + [1] * 8, ref_roles=roles, hyp_roles=decoded)
    # a second interview read right; a third without roles counts in neither
    score.add([0, 1], [0, 1], ref_roles=["interviewer", "candidate"], hyp_roles=roles[5:7])
    score.add([0, 1], [0, 1])
    assert score.interviewer_share == (pytest.approx(7 / 12), pytest.approx(3 / 12))
    assert (score.talk_missed, score.role_streams) == (1, 2)
    assert Score().interviewer_share == (0.0, 0.0)


# ---------------------------------------------------------------------------- loaders

STREAM_COUNTS = {
    "mit-interview": 108,
    "changelog-interviews": 60,
    "anthropic-interviewer": 250,
    "swda": 200,
}
WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


@pytest.fixture(scope="module")
def corpora_present() -> None:
    if not available():
        pytest.skip(
            f"../shared/corpora not present: {caption_corpora.DEFAULT_ROOT} is missing or lacks "
            f"one of {', '.join(CORPORA)}"
        )


@pytest.mark.parametrize("corpus", CORPORA)
def test_loader(corpus: str, corpora_present: None) -> None:
    streams = load(corpus)
    assert len(streams) == STREAM_COUNTS[corpus]
    assert [s.id for s in streams] == sorted(s.id for s in streams)
    for s in streams:
        n = len(s.words)
        assert n > 0, s.id
        assert s.corpus == corpus
        assert n == len(s.source_words) == len(s.speakers)
        assert n == len(s.sentence_end) == len(s.question_end)
        for word in s.words:
            assert word == word.lower() and WORD.fullmatch(word), (s.id, word)
        assert s.speakers[0] == 0
        assert set(s.speakers) == set(range(max(s.speakers) + 1))
        assert s.sentence_end[-1]
        assert all(end for end, q in zip(s.sentence_end, s.question_end, strict=True) if q)
        if corpus == "swda":
            assert s.roles is None
        else:
            assert s.roles is not None and len(s.roles) == max(s.speakers) + 1
            assert set(s.roles) <= {"interviewer", "candidate"}
            assert "interviewer" in s.roles
    train, held_out = held_out_split(streams)
    assert len(train) + len(held_out) == len(streams)
    assert 0 < len(held_out) < len(streams) / 2
    assert held_out_split(streams) == (train, held_out)


def test_mit_student_not_split(corpora_present: None) -> None:
    train, held_out = held_out_split(load("mit-interview"))
    train_students = {s.id.lstrip("p") for s in train}
    assert not train_students & {s.id.lstrip("p") for s in held_out}


# ------------------------------------------------------------------ gap heads


def test_flag_f1_counts_hits_against_both_sides() -> None:
    assert flag_f1([True, True, False, False], [True, False, True, False]) == 0.5
    assert flag_f1([False, False], [False, False]) == 0.0


def test_best_f1_takes_the_best_threshold_and_ties_together() -> None:
    truth = [True, False, True, False]
    # the best cut keeps the top three scores: 2 hits of 3 taken, 2 true -> 0.8
    assert best_f1(truth, [0.9, 0.8, 0.7, 0.1]) == pytest.approx(0.8)
    # a perfect ranking scores 1.0; tied scores cannot be split apart
    assert best_f1(truth, [0.9, 0.1, 0.8, 0.2]) == 1.0
    assert best_f1(truth, [0.5, 0.5, 0.5, 0.5]) == pytest.approx(2 * 2 / (4 + 2))
    assert best_f1([False, False], [0.3, 0.4]) == 0.0


def test_score_counts_the_transcripts_whose_speakers_are_named_right() -> None:
    """A naming is right when the words decoded as the interviewer's are more
    often the interviewer's than those decoded as the candidate's, however
    wrong the split; the wrong namings the report was sure of are counted
    apart."""
    roles = ["interviewer"] * 4 + ["candidate"] * 6
    score = Score()
    # the split is right but the names are the wrong way round: shown once as
    # certain, once as unsure
    swapped = ["candidate"] * 4 + ["interviewer"] * 6
    for confidence in (1.0, 0.6):
        score.add(
            [0] * 4 + [1] * 6,
            [0] * 4 + [1] * 6,
            ref_roles=roles,
            hyp_roles=swapped,
            role_confidence=confidence,
        )
    # a poor split (the interviewer's first two words go to the candidate), named right
    poor = ["candidate"] * 2 + ["interviewer"] * 2 + ["candidate"] * 6
    score.add(
        [0] * 4 + [1] * 6,
        [1] * 2 + [0] * 2 + [1] * 6,
        ref_roles=roles,
        hyp_roles=poor,
        role_confidence=0.95,
    )
    # a talkative interviewer (8 of 10 words) decoded as asking one short question:
    # most words have the wrong role either way, but the speaker named the
    # interviewer is the interviewer
    talkative = ["interviewer"] * 8 + ["candidate"] * 2
    score.add(
        [0] * 8 + [1] * 2,
        [0] * 2 + [1] * 8,
        ref_roles=talkative,
        hyp_roles=["interviewer"] * 2 + ["candidate"] * 8,
        role_confidence=1.0,
    )
    # no roles: not counted
    score.add([0, 1], [1, 0])
    assert (score.names_right, score.wrong_names_sure, score.role_streams) == (2, 1, 4)


def test_without_roles_the_interviewers_state_goes_to_the_speaker_rated_higher() -> None:
    speakers = [5, 5, 9, 9, 9, 5]
    # speaker 9's words sound more like the interviewer's: they are state 0
    assert states_by_evidence(speakers, [-2.0, -1.0, 0.5, 1.0, -0.5, -3.0]) == [1, 1, 0, 0, 0, 1]
    # the other way round, and on a tie, the first speaker is the interviewer
    assert states_by_evidence(speakers, [2.0, 1.0, 0.0, 0.0, 0.0, 0.0]) == [0, 0, 1, 1, 1, 0]
    assert states_by_evidence(speakers, [0.0] * 6) == [0, 0, 1, 1, 1, 0]
