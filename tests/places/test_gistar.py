"""Gi* on hand-made hexagon grids whose hot and cold spots are known."""

from __future__ import annotations

import h3
import numpy as np
import pytest

from contextsafe.places import hot_and_cold

CENTRE = h3.latlng_to_cell(51.54, -0.14, 9)


def grid(rings: int = 6) -> list[str]:
    return sorted(h3.grid_disk(CENTRE, rings))


def corner_cell(cells: list[str]) -> str:
    """A cell three rings out: the 'corner' where the cluster is planted, away from the grid's edge."""
    return sorted(h3.grid_ring(CENTRE, 3))[0]


def test_dense_cluster_in_one_corner_is_hot_and_nowhere_else():
    cells = grid()
    corner = corner_cell(cells)
    rng = np.random.default_rng(3)
    counts = np.array([30.0 if h3.grid_distance(c, corner) <= 1 else float(rng.poisson(2)) for c in cells])
    spots = hot_and_cold(cells, counts, permutations=9999, seed=1, alpha=0.05)
    assert corner in spots.hot
    assert all(h3.grid_distance(c, corner) <= 2 for c in spots.hot)  # the cluster and the ring round it only
    assert spots.z[cells.index(corner)] > 3


def test_empty_region_among_busy_cells_is_cold():
    cells = grid()
    rng = np.random.default_rng(4)
    counts = np.array([0.0 if h3.grid_distance(c, CENTRE) <= 2 else float(rng.integers(5, 11)) for c in cells])
    spots = hot_and_cold(cells, counts, permutations=9999, seed=1, alpha=0.05)
    assert CENTRE in spots.cold
    assert not any(h3.grid_distance(c, CENTRE) <= 2 for c in spots.hot)
    assert all(h3.grid_distance(c, CENTRE) <= 2 for c in spots.cold)  # cold only inside the empty patch


def test_uniform_counts_flag_nothing():
    cells = grid(3)
    spots = hot_and_cold(cells, np.full(len(cells), 4.0))
    assert spots.hot == [] and spots.cold == []


def test_random_noise_is_mostly_not_significant():
    """With the false discovery rate, pure noise should flag (almost) no cell."""
    cells = grid()
    counts = np.random.default_rng(11).poisson(5, len(cells)).astype(float)
    spots = hot_and_cold(cells, counts, permutations=9999, seed=2, alpha=0.05)
    assert len(spots.hot) + len(spots.cold) <= 2


def test_same_seed_same_answer():
    cells = grid(4)
    counts = np.random.default_rng(8).poisson(3, len(cells)).astype(float)
    counts[[cells.index(c) for c in h3.grid_disk(CENTRE, 1)]] = 25.0
    a = hot_and_cold(cells, counts, permutations=999, seed=5)
    b = hot_and_cold(cells, counts, permutations=999, seed=5)
    assert np.array_equal(a.p, b.p) and a.hot == b.hot
    assert CENTRE in a.hot


def test_a_lone_busy_cell_among_quiet_ones_is_not_a_cluster():
    """Gi* tests a neighbourhood: one busy cell with quiet neighbours is not significant under
    permutation (which is why the grid must be finer than the places it should find)."""
    cells = grid(4)
    counts = np.ones(len(cells))
    counts[cells.index(CENTRE)] = 60.0
    spots = hot_and_cold(cells, counts, permutations=9999, seed=5)
    assert CENTRE not in spots.hot
    assert spots.z[cells.index(CENTRE)] > 2.5  # although its analytical z-score is large


def test_ties_do_not_make_a_cell_significant():
    """esda's conditional p-value counts ties as extreme: a busy cell whose neighbours equal every other
    cell gets p = 1/(permutations + 1). The total-randomisation p-value used for the decision does not."""
    cells = grid(4)
    counts = np.ones(len(cells))
    i = cells.index(CENTRE)
    counts[i] = 60.0
    spots = hot_and_cold(cells, counts, permutations=999, seed=5)
    assert spots.p_conditional[i] == pytest.approx(1 / 1000)
    assert spots.p[i] > 0.05
