"""How well the hot spots recover the places planted in a synthetic borough.

*Recall*: the share of planted hotspot places whose centre lies in a flagged hot cell or in one of its
six neighbours ("in or next to"). *Spurious share*: the share of flagged hot cells that are not near
any planted place, where near means within one cell of a cell the place's circle (centre and radius,
where its events were scattered) touches — Gi* flags a cell *with* its neighbourhood, so the ring
round a genuine hotspot is not a false alarm, but anything further is.
"""

from __future__ import annotations

from pathlib import Path

import h3
import polars as pl

from contextsafe.places.analysis import PlacesResult, analyse_places
from contextsafe.places.grid import disc_cells, near
from contextsafe.places.options import PlacesOptions
from contextsafe.store import Workspace


def evaluate_hotspots(workspace: Workspace, ground_truth_dir: str | Path, options: PlacesOptions | None = None,
                      result: PlacesResult | None = None) -> dict[str, float | int]:
    """``hotspot_recall`` and ``hotspot_spurious_share`` of a run against ``hotspots.csv`` of the ground truth,
    with the counts behind them and the run's ``pai`` (fitted early, scored on the later period).

    Pass ``result`` to score a run already made (``options`` is then ignored).
    """
    run = result or analyse_places(workspace, options)
    planted = pl.read_csv(Path(ground_truth_dir) / "hotspots.csv")
    scores = score_hotspots(run.spots.hot, planted, run.options.resolution)
    scores["pai"] = run.validation.accuracy.pai if run.validation else 0.0
    return scores


def score_hotspots(hot: list[str], planted: pl.DataFrame, resolution: int) -> dict[str, float | int]:
    """Recall and spurious share of ``hot`` cells against planted places (latitude, longitude, radius_m)."""
    centres = [h3.latlng_to_cell(lat, lon, resolution) for lat, lon in planted.select("latitude", "longitude").rows()]
    found = sum(1 for c in centres if near(c, hot))
    touched = set().union(*(disc_cells(lat, lon, r, resolution)
                            for lat, lon, r in planted.select("latitude", "longitude", "radius_m").rows()))
    spurious = sum(1 for c in hot if not near(c, touched))
    return {
        "hotspot_recall": found / len(centres) if centres else 0.0,
        "hotspot_spurious_share": spurious / len(hot) if hot else 0.0,
        "planted": len(centres), "found": found, "hot_cells": len(hot), "spurious_cells": spurious,
    }
