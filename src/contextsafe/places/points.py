"""Which events are placed, and where: safeguarding events and the layers shown beside them.

*Safeguarding events* are events from a source that permits profiling, in which a young person
(under 18 on the day) took part or that carries a concern flag — the harm the profile is about.
The real police.uk layers (street crime, ASB, stop and search) are context, not safeguarding
events, and domestic abuse and household disturbance call-outs happen at home: both are counted
per cell as *layers* but are kept out of the public-space hotspot test, so a busy high street's
general crime or a block of flats' call-outs cannot make a hotspot of harm to young people.

An event without coordinates is placed by its place name (as other agencies' located events and
the bus stop register name it) or else its postcode; the rest cannot be placed and are counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb
import polars as pl

from contextsafe.geo.sources import POLICE_SOURCES

PURPOSE = "profiling"
HOME_EVENT_TYPES = ("domestic_abuse_callout", "household_disturbance")
# layer name -> SQL condition on events e (and f: the event's concern flags, if any)
LAYERS: dict[str, str] = {
    "police_crime": "e.source = 'police_api_street_crime' AND e.event_type = 'crime'",
    "police_asb": "e.source = 'police_api_street_crime' AND e.event_type = 'asb'",
    "police_burglary": "e.source = 'police_street_crime_burglary'",
    "stop_search_10_17": "e.source = 'police_stop_and_search' AND e.subject_age_band = '10-17'",
    "da_callouts": f"e.event_type IN {HOME_EVENT_TYPES}",
    "bus_youth": "e.event_type = 'bus_incident' AND f.concerns IS NOT NULL",
}
_SPACES = re.compile(r"[^a-z0-9]+")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b", re.IGNORECASE)


@dataclass(frozen=True)
class PlacedEvents:
    """Safeguarding events with a position, and how many could not be placed."""

    events: pl.DataFrame  # source, event_id, event_type, occurred_on, place_name, latitude, longitude, concerns
    unplaced: int
    by_name: int  # placed through the place name gazetteer
    by_postcode: int


def place_key(name: str | None) -> str:
    """A place name reduced for matching ("CAMDEN TOWN STATION <>" ~ "Camden Town Station bus stop").

    >>> place_key("CAMDEN TOWN STATION <>") == place_key("Camden Town Station bus stop")
    True
    """
    key = _SPACES.sub(" ", (name or "").lower()).strip()
    return key.removesuffix(" bus stop").strip()


def is_public_name(name: str | None) -> bool:
    """A name that may be shown as a place: not empty and not carrying a full postcode (an address).

    >>> is_public_name("Kentish Town high street"), is_public_name("Near NW1 7AB")
    (True, False)
    """
    return bool(name and name.strip()) and not _POSTCODE.search(name or "")


def safeguarding_events(con: duckdb.DuckDBPyConnection, purpose: str = PURPOSE) -> PlacedEvents:
    """Safeguarding events of the store (see the module note), each with a position where one is known."""
    frame = _frame(con, _SAFEGUARDING_SQL, [str(purpose), list(POLICE_SOURCES), list(HOME_EVENT_TYPES)])
    return _place(frame, gazetteer(con, frame), postcodes(con))


def layer_events(con: duckdb.DuckDBPyConnection, purpose: str = PURPOSE) -> pl.DataFrame:
    """Located events of every layer: layer, latitude, longitude (one row per event and layer), from the
    sources that permit ``purpose``."""
    parts = [f"SELECT '{name}' AS layer, e.latitude, e.longitude FROM events e LEFT JOIN flags f "
             f"USING (source, event_id) JOIN sources s ON s.source = e.source AND list_contains("
             f"s.permitted_purposes, $purpose) WHERE e.latitude IS NOT NULL AND {cond}"
             for name, cond in LAYERS.items()]
    sql = f"WITH {_FLAGS} " + " UNION ALL ".join(parts)
    return _frame(con, sql, {"purpose": str(purpose)})


def gazetteer(con: duckdb.DuckDBPyConnection, located: pl.DataFrame) -> dict[str, tuple[float, float]]:
    """Named places: bus stops (mean of the stops sharing a name) overridden by the median position of
    located safeguarding events that agencies gave the same name."""
    stops = _frame(con, "SELECT name, latitude, longitude FROM ref_bus_stops") if _has(con, "ref_bus_stops") \
        else pl.DataFrame(schema={"name": pl.String, "latitude": pl.Float64, "longitude": pl.Float64})
    named = located.filter(pl.col("latitude").is_not_null() & pl.col("place_name").is_not_null())
    places: dict[str, tuple[float, float]] = {}
    for frame, how in ((stops.rename({"name": "place_name"}), pl.mean), (named, pl.median)):
        grouped = frame.with_columns(pl.col("place_name").map_elements(place_key, return_dtype=pl.String).alias("k"))
        for k, lat, lon in grouped.group_by("k").agg(how("latitude"), how("longitude")).iter_rows():
            if k:
                places[k] = (float(lat), float(lon))
    return places


def postcodes(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[float, float]]:
    """Postcode (no spaces, upper case) -> position, from the workspace's reference postcodes."""
    if not _has(con, "ref_postcodes"):
        return {}
    rows = con.execute("SELECT postcode_key, any_value(latitude), any_value(longitude) FROM ref_postcodes "
                       "GROUP BY postcode_key").fetchall()
    return {k: (lat, lon) for k, lat, lon in rows}


def _place(frame: pl.DataFrame, names: dict[str, tuple[float, float]],
           codes: dict[str, tuple[float, float]]) -> PlacedEvents:
    lats, lons, by_name, by_code = [], [], 0, 0
    for lat, lon, name, code in frame.select("latitude", "longitude", "place_name", "postcode").iter_rows():
        if lat is None or lon is None:
            found = names.get(place_key(name)) if name else None
            by_name += found is not None
            if found is None and code:
                found = codes.get(code.replace(" ", "").upper())
                by_code += found is not None
            lat, lon = found if found else (None, None)
        lats.append(lat)
        lons.append(lon)
    placed = frame.with_columns(pl.Series("latitude", lats, pl.Float64), pl.Series("longitude", lons, pl.Float64))
    located = placed.filter(pl.col("latitude").is_not_null())
    return PlacedEvents(located.drop("postcode"), placed.height - located.height, by_name, by_code)


def _frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | dict | None = None) -> pl.DataFrame:
    frame = pl.from_arrow(con.sql(sql, params=params or None).to_arrow_table())
    assert isinstance(frame, pl.DataFrame)
    return frame


def _has(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    sql = "SELECT count(*) FROM information_schema.tables WHERE table_name = ?"
    return bool(con.sql(sql, params=[table]).fetchall()[0][0])


_FLAGS = """flags AS (SELECT source, event_id, list(DISTINCT concern ORDER BY concern) AS concerns
                      FROM concern_flags WHERE event_id IS NOT NULL GROUP BY source, event_id)"""
_SAFEGUARDING_SQL = f"""
WITH {_FLAGS},
young AS (SELECT DISTINCT p.source, p.event_id FROM participants p
          JOIN records r ON r.source = p.source AND r.record_id = p.record_id
          JOIN events e ON e.source = p.source AND e.event_id = p.event_id
          WHERE r.date_of_birth IS NOT NULL AND e.occurred_on IS NOT NULL
            AND r.date_of_birth > CAST(e.occurred_on AS DATE) - INTERVAL 18 YEAR)
SELECT e.source, e.event_id, e.event_type, e.occurred_on, e.place_name, e.postcode, e.latitude, e.longitude,
       coalesce(f.concerns, []::VARCHAR[]) AS concerns
FROM events e
JOIN sources s ON s.source = e.source AND list_contains(s.permitted_purposes, ?)
LEFT JOIN flags f ON f.source = e.source AND f.event_id = e.event_id
LEFT JOIN young y ON y.source = e.source AND y.event_id = e.event_id
WHERE NOT list_contains(?, e.source) AND NOT list_contains(?, e.event_type)
  AND (f.concerns IS NOT NULL OR y.event_id IS NOT NULL)
ORDER BY e.source, e.event_id
"""
