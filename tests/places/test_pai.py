"""The Prediction Accuracy Index on cases computed by hand."""

from __future__ import annotations

import pytest

from contextsafe.places import prediction_accuracy


def test_pai_hand_computed():
    # 10 cells of 0.1 km²; two flagged (20% of the area) hold 12 of the 20 later events (60%): PAI = 3
    cells = [f"c{i}" for i in range(10)]
    later = [8, 4, 1, 1, 1, 1, 1, 1, 1, 1]
    r = prediction_accuracy(cells, [0.1] * 10, ["c0", "c1"], later)
    assert (r.hits, r.events) == (12, 20)
    assert r.hit_rate == pytest.approx(0.6)
    assert r.area_share == pytest.approx(0.2)
    assert r.pai == pytest.approx(3.0)


def test_pai_uses_cell_areas_not_cell_counts():
    # the flagged cell is half the total area: 50% of events there is no better than chance
    r = prediction_accuracy(["a", "b", "c"], [2.0, 1.0, 1.0], ["a"], [5, 3, 2])
    assert r.pai == pytest.approx(1.0)


def test_pai_is_zero_when_nothing_flagged_or_nothing_happened():
    assert prediction_accuracy(["a", "b"], [1, 1], [], [3, 1]).pai == 0.0
    assert prediction_accuracy(["a", "b"], [1, 1], ["a"], [0, 0]).pai == 0.0
