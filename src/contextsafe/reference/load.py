"""Copy the open geography of the chosen boroughs into the workspace store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from contextsafe.store import Workspace

SCHOOL_SOURCE = "dfe_ks4_2023_24"
REFERENCE_DDL = {
    "ref_areas": "borough VARCHAR, level VARCHAR, code VARCHAR, name VARCHAR, wkt VARCHAR",
    "ref_postcodes": "borough VARCHAR, postcode VARCHAR, postcode_key VARCHAR, latitude DOUBLE, longitude DOUBLE, "
                     "stacked BOOLEAN",
    "ref_bus_stops": "borough VARCHAR, stop_code VARCHAR, naptan_atco VARCHAR, name VARCHAR, latitude DOUBLE, "
                     "longitude DOUBLE",
}


@dataclass
class ReferenceSummary:
    boroughs: list[str]
    areas: int
    postcodes: int
    schools: int
    bus_stops: int


def load_reference(workspace: Workspace, boroughs: Sequence[str]) -> ReferenceSummary:
    """Write boundaries, postcodes, bus stops and schools (as school contexts) for ``boroughs``.

    Replaces whatever reference data the workspace held for the same boroughs, in one transaction.
    """
    from contextsafe.geo import load_areas, load_bus_stops, load_postcodes, load_schools

    areas = pl.DataFrame([{"borough": b, "level": level, "code": a.code, "name": a.name, "wkt": a.geometry.wkt}
                          for b in boroughs for level in ("borough", "ward", "lsoa") for a in load_areas(b, level)])
    postcodes = pl.concat([load_postcodes(b).select(pl.lit(b).alias("borough"), "postcode", "postcode_key",
                                                    "latitude", "longitude", "stacked") for b in boroughs])
    stops = pl.concat([load_bus_stops(b).select(pl.lit(b).alias("borough"), "stop_code", "naptan_atco", "name",
                                                "latitude", "longitude") for b in boroughs])
    schools = pl.concat([load_schools(b) for b in boroughs]).select(
        (pl.lit("school:") + pl.col("urn")).alias("context_id"), pl.lit("school").alias("kind"), "name",
        pl.col("urn").alias("ref"), "latitude", "longitude", pl.lit(SCHOOL_SOURCE).alias("source"))
    with workspace.connect() as con:
        con.begin()
        for table, ddl in REFERENCE_DDL.items():
            con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({ddl})")
            con.execute(f"DELETE FROM {table} WHERE borough IN (SELECT unnest(?))", [list(boroughs)])
        for table, frame in (("ref_areas", areas), ("ref_postcodes", postcodes), ("ref_bus_stops", stops)):
            arrow = frame.to_arrow()  # noqa: F841 - read by DuckDB's replacement scan
            con.execute(f"INSERT INTO {table} SELECT * FROM arrow")
        school_rows = schools.to_arrow()  # noqa: F841
        con.execute("DELETE FROM contexts WHERE context_id IN (SELECT context_id FROM school_rows)")
        con.execute("INSERT INTO contexts SELECT * FROM school_rows")
        con.commit()
    return ReferenceSummary(list(boroughs), areas.height, postcodes.height, schools.height, stops.height)
