"""Hot and cold spots by Getis-Ord Gi* with permutation significance and a false discovery rate.

Gi* asks, for every cell, whether the cell *together with its neighbours* holds more (hot) or fewer
(cold) events than the borough's cells would if the same counts were shuffled at random. Including
the cell itself (``star=True``) is what makes a single busy bus stop show up, not only the ring
around it. The statistic and its z-score come from esda's ``G_Local`` (binary weights, ``star=True``);
every shuffle uses a fixed seed, so a run is reproducible.

The pseudo p-value that decides hot or cold comes from *total* randomisation: all counts are
shuffled across the cells and the cell's own Gi* sum (itself plus its neighbours) compared with the
shuffled ones, one-sided in the direction observed, ties counted against significance. esda's
permutations are *conditional* — they hold the focal cell's own count fixed and shuffle only its
neighbours — and count ties as extreme; on event counts, where most cells hold the same small number
(often zero), that makes a busy cell whose neighbours look like every other cell "significant" with
p = 1 / (permutations + 1). esda's conditional p-value is kept (``p_conditional``) for comparison.

Gi* tests a neighbourhood: one busy cell with quiet neighbours is not a cluster, however busy, since
shuffling moves its count around as well. The grid therefore has to be finer than the places it
should find (see :class:`~contextsafe.places.options.PlacesOptions`).

Because every cell is a test, the cut-off is chosen by Benjamini-Hochberg
(esda's ``fdr``) at ``alpha``, never a flat 0.05 per cell.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy import sparse

from contextsafe.places.grid import neighbours

SpotClass = Literal["hot", "cold", "not significant"]


@dataclass(frozen=True)
class Spots:
    """Gi* per cell, aligned with ``cells``."""

    cells: list[str]
    values: np.ndarray  # what was tested (counts, or a transform of them)
    z: np.ndarray  # standardised Gi* (analytical), positive = more than expected around the cell
    p: np.ndarray  # pseudo p-value from total randomisation (one-sided, direction of z)
    p_conditional: np.ndarray  # esda's conditional-permutation p_sim, for comparison only
    threshold: float  # the p-value cut-off that keeps the false discovery rate at alpha
    spot: list[SpotClass]

    @property
    def hot(self) -> list[str]:
        return [c for c, s in zip(self.cells, self.spot, strict=True) if s == "hot"]

    @property
    def cold(self) -> list[str]:
        return [c for c, s in zip(self.cells, self.spot, strict=True) if s == "cold"]


def hot_and_cold(cells: list[str], values: np.ndarray, permutations: int = 999, alpha: float = 0.05,
                 seed: int = 7) -> Spots:
    """Gi* hot and cold spots of ``values`` (one per cell of ``cells``, zero cells included).

    >>> import h3
    >>> cells = sorted(h3.grid_disk(h3.latlng_to_cell(51.54, -0.14, 9), 4))
    >>> counts = np.array([30.0 if h3.grid_distance(c, cells[0]) <= 1 else 1.0 for c in cells])
    >>> cells[0] in hot_and_cold(cells, counts, permutations=999, seed=1).hot
    True
    """
    from esda import fdr
    from esda.getisord import G_Local
    from libpysal.weights import W

    y = np.asarray(values, dtype=float)
    if len(cells) < 3 or np.ptp(y) == 0:
        ones = np.ones_like(y)
        return Spots(list(cells), y, np.zeros_like(y), ones, ones, 0.0, ["not significant"] * len(cells))
    w = W(neighbours(cells), id_order=list(cells), silence_warnings=True)
    with warnings.catch_warnings():  # esda warns its conditional test will change; we do not decide on it
        warnings.simplefilter("ignore", DeprecationWarning)
        g = G_Local(y, w, transform="B", permutations=permutations, star=True, seed=seed, n_jobs=1)
    z = np.nan_to_num(np.asarray(g.Zs, dtype=float))
    p = total_randomisation_p(w.sparse, y, z, permutations, seed)
    threshold = float(fdr(p, alpha))
    spot: list[SpotClass] = ["hot" if pi <= threshold and zi > 0 else "cold" if pi <= threshold and zi < 0
                             else "not significant" for zi, pi in zip(z, p, strict=True)]
    return Spots(list(cells), y, z, p, np.asarray(g.p_sim, dtype=float), threshold, spot)


def total_randomisation_p(adjacency: sparse.spmatrix, y: np.ndarray, z: np.ndarray, permutations: int,
                          seed: int) -> np.ndarray:
    """Pseudo p-values of each cell's Gi* sum (itself and its neighbours) when all counts are shuffled.

    The Gi* denominator (the borough total) does not change under shuffling, so comparing sums is the
    same as comparing Gi*. One-sided: the share of shuffles at least as high (hot, ``z > 0``) or at
    least as low (cold) as observed, counting the observation itself.
    """
    star = sparse.csr_matrix(adjacency) + sparse.identity(len(y), format="csr")
    observed = star @ y
    rng = np.random.default_rng(seed)
    above, below = np.zeros(len(y)), np.zeros(len(y))
    for _ in range(permutations):
        shuffled = star @ rng.permutation(y)
        above += shuffled >= observed
        below += shuffled <= observed
    return (1 + np.where(z > 0, above, below)) / (permutations + 1)
