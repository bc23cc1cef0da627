"""Plain files for analysts and for the report: places CSV, hexagon GeoJSON, named places, journeys.

GeoJSON is written as plain polygons with properties — no tiles, no styling, nothing fetched — so the
report can draw it as inline SVG and GIS users can open it in QGIS or ArcGIS. Cells carry the hexagon
only (no event coordinates), the finest position the redacted report may show.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from contextsafe.places.analysis import PlacesResult, analyse_places
from contextsafe.places.grid import cell_polygon
from contextsafe.places.options import PlacesOptions
from contextsafe.store import Workspace

GEOJSON_PROPERTIES = ("place_id", "events", "hotspot_z", "p_value", "spot", "journey_events")


def write_places(workspace: Workspace, out_dir: str | Path, options: PlacesOptions | None = None,
                 result: PlacesResult | None = None) -> list[Path]:
    """Write ``contexts/places.csv``, ``contexts/places_hexagons.geojson``, ``contexts/named_places.csv``,
    ``contexts/school_journeys.csv`` and ``contexts/places_run.json`` (options, PAI, counts) under ``out_dir``.

    Pass ``result`` to write a run already made. Returns the paths written.
    """
    run = result or analyse_places(workspace, options)
    folder = Path(out_dir) / "contexts"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / n for n in ("places.csv", "places_hexagons.geojson", "named_places.csv",
                                  "school_journeys.csv", "places_run.json")]
    run.cells.write_csv(paths[0])
    paths[1].write_text(json.dumps(hexagons_geojson(run.cells), separators=(",", ":")), encoding="utf-8")
    run.named_places.select("place_key", "name", "events", "lat", "lon", "cell", "hotspot_z", "spot").write_csv(
        paths[2])
    school_journeys(run).write_csv(paths[3])
    paths[4].write_text(json.dumps(run_summary(run), indent=2, default=str), encoding="utf-8")
    return paths


def hexagons_geojson(cells: pl.DataFrame) -> dict[str, object]:
    """A FeatureCollection of the hexagons with their counts, z-scores, classes and layers."""
    features = []
    for row in cells.iter_rows(named=True):
        props = {k: row[k] for k in GEOJSON_PROPERTIES}
        props["layers"] = json.loads(row["layers"])
        props["concerns"] = json.loads(row["concerns"])
        features.append({"type": "Feature", "id": row["place_id"], "properties": props,
                         "geometry": {"type": "Polygon", "coordinates": [cell_polygon(row["place_id"])]}})
    return {"type": "FeatureCollection", "features": features}


def school_journeys(run: PlacesResult) -> pl.DataFrame:
    """Per school and hexagon on its pupils' corridors: journey events and young people involved."""
    if run.journeys.is_empty():
        return pl.DataFrame(schema={"school_id": pl.String, "school": pl.String, "place_id": pl.String,
                                    "events": pl.UInt32, "persons": pl.UInt32})
    return run.journeys.group_by("school_id", "school", pl.col("cell").alias("place_id")).agg(
        pl.col("event_id").n_unique().alias("events"), pl.col("person_id").n_unique().alias("persons"),
    ).sort(["school_id", "events", "place_id"], descending=[False, True, False])


def run_summary(run: PlacesResult) -> dict[str, object]:
    """Options, counts and validation of a run, saved so the map can be reproduced and judged."""
    v = run.validation
    return {
        "options": run.options.as_dict(),
        "cells": run.cells.height, "hot_cells": len(run.spots.hot), "cold_cells": len(run.spots.cold),
        "fdr_p_threshold": run.spots.threshold,
        "events_placed": run.placed.events.height, "events_unplaced": run.placed.unplaced,
        "placed_by_name": run.placed.by_name, "placed_by_postcode": run.placed.by_postcode,
        "events_outside_grid": run.outside_grid, "journey_events": run.journeys["event_id"].n_unique(),
        "validation": None if v is None else {
            "split": v.split.isoformat(), "fit_events": v.fit_events, "hot_cells": v.hot_cells,
            "later_events": v.accuracy.events, "hits": v.accuracy.hits, "hit_rate": v.accuracy.hit_rate,
            "area_share": v.accuracy.area_share, "pai": v.accuracy.pai},
    }
