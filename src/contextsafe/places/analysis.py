"""One public-spaces run: events on the grid, Gi* hot and cold spots, layers, PAI and journeys.

Reads the store once (read-only) and returns plain frames; :mod:`contextsafe.places.output` writes
them. Nothing here fetches anything from the network: the grid is computed from the borough outline
already in the workspace.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass

import numpy as np
import polars as pl
from shapely import wkt
from shapely.ops import unary_union

from contextsafe.errors import WorkspaceError
from contextsafe.places.gistar import Spots, hot_and_cold
from contextsafe.places.grid import borough_cells, cell_areas_km2, cell_centre, cells_of
from contextsafe.places.journeys import journey_events
from contextsafe.places.options import PlacesOptions
from contextsafe.places.pai import PredictionAccuracy, prediction_accuracy
from contextsafe.places.points import (
    LAYERS,
    PlacedEvents,
    is_public_name,
    layer_events,
    place_key,
    safeguarding_events,
)
from contextsafe.store import Workspace


@dataclass(frozen=True)
class Validation:
    """Hotspots fitted on the events before ``split`` and scored (PAI) on the events from it."""

    split: dt.datetime
    fit_events: int
    hot_cells: int
    accuracy: PredictionAccuracy


@dataclass(frozen=True)
class PlacesResult:
    """Everything a public-spaces run found. ``cells`` has one row per hexagon of the borough."""

    options: PlacesOptions
    cells: pl.DataFrame
    spots: Spots
    named_places: pl.DataFrame
    journeys: pl.DataFrame
    validation: Validation | None
    placed: PlacedEvents
    outside_grid: int


def analyse_places(workspace: Workspace, options: PlacesOptions | None = None,
                   purpose: str = "profiling") -> PlacesResult:
    """Place safeguarding events on the borough's hexagons and find hot and cold spots, with layers,
    PAI validation on a later period and journeys to and from school — reading only the sources whose
    mapping permits ``purpose``."""
    opts = options or PlacesOptions()
    with workspace.connect(read_only=True) as con:
        outline = _outline(con)
        placed = safeguarding_events(con, purpose)
        layers = layer_events(con, purpose)
        journeys = journey_events(con, placed.events, opts, purpose)
    cells = borough_cells(outline, opts.resolution)
    events = placed.events.with_columns(pl.Series("cell", cells_of(
        placed.events["latitude"], placed.events["longitude"], opts.resolution), pl.String))
    inside = events.filter(pl.col("cell").is_in(cells))
    counts = _counts(cells, inside)
    spots = hot_and_cold(cells, opts.tested_values(counts), opts.permutations, opts.alpha, opts.seed)
    journeys = journeys.join(inside.select("source", "event_id", "cell"), on=["source", "event_id"])
    table = _cell_table(spots, counts, inside, _layers(cells, layers, opts.resolution), journeys)
    return PlacesResult(opts, table, spots, named_places(inside, spots), journeys, validate(cells, inside, opts),
                        placed, events.height - inside.height)


def validate(cells: list[str], events: pl.DataFrame, options: PlacesOptions) -> Validation | None:
    """Fit hot spots on the first ``fit_months`` of the timeline and score PAI on the rest."""
    if events.is_empty():
        return None
    start = events["occurred_on"].min()
    assert isinstance(start, dt.datetime)
    month = start.month - 1 + options.fit_months
    split = dt.datetime(start.year + month // 12, month % 12 + 1, 1)
    early, late = events.filter(pl.col("occurred_on") < split), events.filter(pl.col("occurred_on") >= split)
    spots = hot_and_cold(cells, options.tested_values(_counts(cells, early)), options.permutations, options.alpha,
                         options.seed)
    accuracy = prediction_accuracy(cells, cell_areas_km2(cells), spots.hot, _counts(cells, late))
    return Validation(split, early.height, len(spots.hot), accuracy)


def named_places(events: pl.DataFrame, spots: Spots) -> pl.DataFrame:
    """Safeguarding events per named place (bus stop, street, estate as agencies name them), with
    the Gi* class of the hexagon where most of its events fall. Names holding a full postcode are
    addresses, not places, and are left out."""
    klass = dict(zip(spots.cells, spots.spot, strict=True))
    zed = dict(zip(spots.cells, spots.z, strict=True))
    public = events["place_name"].map_elements(is_public_name, return_dtype=pl.Boolean)
    named = events.filter(public.fill_null(False)).with_columns(
        pl.col("place_name").map_elements(place_key, return_dtype=pl.String).alias("place_key"))
    grouped = named.group_by("place_key").agg(
        pl.col("place_name").mode().sort().first().alias("name"), pl.len().alias("events"),
        pl.col("cell").mode().sort().first().alias("cell"),
        pl.col("latitude").median().round(6).alias("lat"), pl.col("longitude").median().round(6).alias("lon"))
    return grouped.with_columns(
        pl.col("cell").replace_strict(zed, default=None, return_dtype=pl.Float64).round(4).alias("hotspot_z"),
        pl.col("cell").replace_strict(klass, default=None, return_dtype=pl.String).alias("spot"),
    ).sort(["events", "place_key"], descending=[True, False])


def _outline(con):  # noqa: ANN001, ANN202 - duckdb connection -> shapely geometry
    rows = con.sql("SELECT wkt FROM ref_areas WHERE level = 'borough'").fetchall() if con.sql(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'ref_areas'").fetchall()[0][0] else []
    if not rows:
        raise WorkspaceError("the workspace has no borough outline (ref_areas); run the reference load first")
    return unary_union([wkt.loads(r[0]) for r in rows])


def _counts(cells: list[str], events: pl.DataFrame) -> np.ndarray:
    tally = Counter(events["cell"].to_list())
    return np.array([tally.get(c, 0) for c in cells], dtype=float)


def _layers(cells: list[str], layers: pl.DataFrame, resolution: int) -> dict[str, Counter[str]]:
    at = layers.with_columns(pl.Series("cell", cells_of(layers["latitude"], layers["longitude"], resolution),
                                       pl.String))
    return {name: Counter(at.filter(pl.col("layer") == name)["cell"].to_list()) for name in LAYERS}


def _cell_table(spots: Spots, counts: np.ndarray, events: pl.DataFrame, layers: dict[str, Counter[str]],
                journeys: pl.DataFrame) -> pl.DataFrame:
    concerns = {c: Counter(x for lst in g["concerns"].to_list() for x in lst) for (c,), g in events.group_by("cell")}
    names = {c: Counter(n for n in g["place_name"].drop_nulls().to_list() if is_public_name(n))
             for (c,), g in events.group_by("cell")}
    trips = {c: g for (c,), g in journeys.group_by("cell")}
    rows = []
    for cell, n, z, p, spot in zip(spots.cells, counts, spots.z, spots.p, spots.spot, strict=True):
        lat, lon = cell_centre(cell)
        lay = {name: layers[name].get(cell, 0) for name in LAYERS}
        trip = trips.get(cell)
        rows.append({
            "place_id": cell, "lat": round(lat, 6), "lon": round(lon, 6), "events": int(n),
            "hotspot_z": round(float(z), 4), "p_value": round(float(p), 4), "spot": spot,
            "layers": json.dumps(lay, separators=(",", ":")), **lay,
            "concerns": json.dumps(dict(sorted(concerns.get(cell, Counter()).items())), separators=(",", ":")),
            "place_names": "; ".join(n for n, _ in sorted(names.get(cell, Counter()).items(),
                                                          key=lambda kv: (-kv[1], kv[0]))[:3]),
            "journey_events": 0 if trip is None else trip["event_id"].n_unique(),
            "journey_schools": "" if trip is None else "; ".join(sorted(trip["school"].unique().to_list())),
        })
    return pl.DataFrame(rows)
