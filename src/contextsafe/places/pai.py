"""The Prediction Accuracy Index: does a map drawn from the past point at where harm happens next?

PAI = hit rate ÷ area share = (share of later events inside the flagged cells) ÷ (share of the
borough's area those cells cover). 1 means no better than flagging cells at random; a map flagging
2% of the borough that holds 20% of next period's events has a PAI of 10. Scoring on a period the
hotspots were not fitted on is the point: a map always "predicts" the events it was drawn from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class PredictionAccuracy:
    """PAI and its two parts, with the counts behind them."""

    hits: int  # later events inside flagged cells
    events: int  # all later events inside the grid
    flagged_area_km2: float
    total_area_km2: float

    @property
    def hit_rate(self) -> float:
        return self.hits / self.events if self.events else 0.0

    @property
    def area_share(self) -> float:
        return self.flagged_area_km2 / self.total_area_km2 if self.total_area_km2 else 0.0

    @property
    def pai(self) -> float:
        """Hit rate ÷ area share (0 when nothing was flagged or nothing happened)."""
        return self.hit_rate / self.area_share if self.area_share and self.events else 0.0


def prediction_accuracy(cells: Sequence[str], areas_km2: Sequence[float], flagged: Iterable[str],
                        later_counts: Sequence[float]) -> PredictionAccuracy:
    """PAI of the ``flagged`` cells against later events counted per cell of ``cells``.

    >>> r = prediction_accuracy(["a", "b", "c", "d"], [1, 1, 1, 1], ["a"], [6, 2, 2, 0])
    >>> (r.hit_rate, r.area_share, r.pai)
    (0.6, 0.25, 2.4)
    """
    areas, counts = np.asarray(areas_km2, dtype=float), np.asarray(later_counts, dtype=float)
    chosen = np.isin(np.asarray(cells), list(set(flagged)))
    return PredictionAccuracy(int(counts[chosen].sum()), int(counts.sum()), float(areas[chosen].sum()),
                              float(areas.sum()))
