"""Settings of a public-spaces run, typed and saved beside its outputs so a run can be reproduced."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Literal

import numpy as np


@dataclass(frozen=True)
class PlacesOptions:
    """How events are gridded, tested for hot and cold spots, validated and joined to school journeys.

    ``resolution`` 10 is an H3 hexagon of about 0.015 km² (edge about 66 m, about 130 m across): a bus
    stop and its approach, a short stretch of high street, an estate's courtyard. Gi* finds *clusters of
    cells*, so the cell must be smaller than the places it should find — the places where harm recurs
    are typically 80-250 m across. At resolution 9 (0.105 km², about 350 m across) a whole bus stop
    falls in one cell with quiet neighbours, and no permutation test of a neighbourhood can tell one
    lone busy cell from chance (measured on synthetic boroughs: recall 0.11-0.78 at resolution 9
    against 1.0 at 10). A borough the size of Camden (21.8 km²) has about 1,750 cells at resolution 10.

    ``transform`` "sqrt" tests the square root of each cell's count, the variance-stabilising transform
    for counts of events: on raw counts the two or three busiest places in the borough dominate every
    shuffle, so a smaller but real hotspot elsewhere never looks unusual; on logarithms, ordinary
    residential density starts to look like hotspots. "none" tests raw counts.

    ``alpha`` is the false discovery rate (Benjamini-Hochberg over every cell's permutation p-value):
    among the flagged cells, about this share are expected to be flagged by chance. Testing 1,750
    cells at a flat 5% each would flag about 90 cells by chance alone.

    ``permutations`` must be large enough for the false discovery rate to be reachable: the smallest
    pseudo p-value is 1 / (permutations + 1), and with 1,750 tests the Benjamini-Hochberg cut-off for
    the first few cells is below 1 / 1,000.
    """

    resolution: int = 10
    permutations: int = 9999
    alpha: float = 0.05
    transform: Literal["sqrt", "none"] = "sqrt"
    seed: int = 7
    fit_months: int = 8  # PAI: fit on the first months of the timeline, score on the rest
    corridor_buffer_m: float = 300.0  # journeys: how far from the home-school line still counts
    school_travel_hours: tuple[tuple[int, int], ...] = ((7, 9), (15, 18))  # inclusive hours, weekdays

    def as_dict(self) -> dict[str, object]:
        """Plain values for writing beside the outputs."""
        return asdict(self)

    def tested_values(self, counts: np.ndarray) -> np.ndarray:
        """The values Gi* tests: counts, or their square roots (see ``transform``)."""
        return np.sqrt(counts) if self.transform == "sqrt" else np.asarray(counts, dtype=float)

    def is_travel_time(self, when: dt.datetime) -> bool:
        """True on a weekday within one of the school travel windows."""
        return when.weekday() < 5 and any(lo <= when.hour <= hi for lo, hi in self.school_travel_hours)
