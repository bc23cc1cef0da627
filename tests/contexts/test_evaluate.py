"""Scoring against ground truth: the ARI by hand, and one small synthetic borough end to end."""

from __future__ import annotations

import pytest

from contextsafe.contexts import (
    adjusted_rand_index,
    evaluate_homes,
    evaluate_peer_groups,
    evaluate_school_concentration,
)
from contextsafe.pipeline import build_demo


def test_ari_is_one_for_the_same_partition_under_other_names():
    assert adjusted_rand_index(["a", "a", "b", "b", "c"], [2, 2, 9, 9, 4]) == 1.0


def test_ari_matches_a_hand_computed_value():
    # Contingency [[2, 1], [0, 3]]: index 1 + 0 + 3 = 4; rows 3 + 3 = 6; cols 1 + 6 = 7; pairs 15.
    # expected = 6 * 7 / 15 = 2.8; max = (6 + 7) / 2 = 6.5; ARI = (4 - 2.8) / (6.5 - 2.8) = 0.324.
    value = adjusted_rand_index([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 1])
    assert value == pytest.approx(1.2 / 3.7)


def test_ari_agrees_with_scikit_learn():
    sklearn = pytest.importorskip("sklearn.metrics")
    truth = [0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 3]
    ours = [1, 1, 1, 0, 0, 2, 3, 3, 3, 4, 4]
    assert adjusted_rand_index(truth, ours) == pytest.approx(sklearn.adjusted_rand_score(truth, ours))


def test_ari_refuses_labellings_of_different_lengths():
    with pytest.raises(ValueError, match="same items"):
        adjusted_rand_index([0, 1], [0])


@pytest.fixture(scope="module")
def small_borough(tmp_path_factory):
    """400 young people, seed 7: synthetic exports, real geography, ingest, placing and linkage (~12 s)."""
    return build_demo(tmp_path_factory.mktemp("borough") / "ws", "camden", 400, 7).workspace


@pytest.mark.slow
def test_planted_peer_groups_are_recovered_on_a_small_borough(small_borough):
    scores = evaluate_peer_groups(small_borough, small_borough.root / "synthetic" / "ground_truth", seed=7)
    assert scores["peer_group_ari"] >= 0.8
    assert scores["grouped_persons_planted_share"] >= 0.8  # few young people wrongly added to a group
    assert scores["planted_members_grouped"] >= 0.9 * scores["planted_members"]


@pytest.mark.slow
def test_school_concentration_matches_the_planted_answer_on_a_small_borough(small_borough):
    result = evaluate_school_concentration(small_borough, small_borough.root / "synthetic" / "ground_truth")
    assert result["intended_answer"].startswith("concentrated")
    assert result["school_concentration_correct"] is True


@pytest.mark.slow
def test_homes_linked_to_domestic_abuse_are_the_planted_ones_on_a_small_borough(small_borough):
    result = evaluate_homes(small_borough, small_borough.root / "synthetic" / "ground_truth")
    assert result["da_households_planted"] > 0
    assert result["da_home_precision"] >= 0.8
    assert result["da_household_recall"] >= 0.8
