"""Journeys to and from school: where pupils are harmed on the way.

Kept deliberately simple, so a practitioner can check any one case by hand: for each young person
we take the school they are most often recorded at (a school context with a position) and their most
often recorded home position (the geocoded postcode). Their *corridor* is the straight line from
home to school, widened by a buffer (default 300 m — a street or two either side). A safeguarding
event they took part in counts as a journey event when it happened on a weekday within school
travel hours and lies inside that corridor. Straight lines rather than street routing: routing needs
a street network the project does not ship, and at a 300 m buffer the two rarely disagree on which
bus stop or high street a journey passes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import duckdb
import polars as pl

from contextsafe.places.options import PlacesOptions

_PUPILS_SQL = """
WITH person AS (
    SELECT r.source, r.record_id, coalesce(pr.person_id, r.source || ':' || r.record_id) AS person_id,
           r.latitude, r.longitude
    FROM records r LEFT JOIN person_records pr ON pr.source = r.source AND pr.record_id = r.record_id
    JOIN sources so ON so.source = r.source AND list_contains(so.permitted_purposes, $purpose)),
school AS (
    SELECT DISTINCT ON (pe.person_id) pe.person_id, c.context_id AS school_id, c.name AS school,
           c.latitude AS school_lat, c.longitude AS school_lon
    FROM associations a JOIN person pe ON pe.source = a.source AND pe.record_id = a.record_id
    JOIN contexts c ON c.context_id = a.context_id
    WHERE a.context_kind = 'school' AND c.latitude IS NOT NULL
    GROUP BY ALL ORDER BY pe.person_id, count(*) DESC, c.context_id),
home AS (
    SELECT DISTINCT ON (person_id) person_id, latitude AS home_lat, longitude AS home_lon
    FROM person WHERE latitude IS NOT NULL
    GROUP BY ALL ORDER BY person_id, count(*) DESC, latitude, longitude)
SELECT DISTINCT p.source, p.event_id, pe.person_id, s.school_id, s.school, s.school_lat, s.school_lon,
       h.home_lat, h.home_lon
FROM participants p JOIN person pe ON pe.source = p.source AND pe.record_id = p.record_id
JOIN school s ON s.person_id = pe.person_id JOIN home h ON h.person_id = pe.person_id
"""


def distance_to_segment_m(point: Sequence[float], start: Sequence[float], end: Sequence[float]) -> float:
    """Metres from ``point`` to the straight segment ``start``–``end`` (all (latitude, longitude)).

    A local flat projection around the point: exact enough within a borough.

    >>> round(distance_to_segment_m((51.5009, -0.1), (51.5, -0.11), (51.5, -0.09)))
    100
    """
    k = 111_320.0
    c = math.cos(math.radians(point[0]))
    ax, ay = (start[1] - point[1]) * k * c, (start[0] - point[0]) * k
    bx, by = (end[1] - point[1]) * k * c, (end[0] - point[0]) * k
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
    return math.hypot(ax + t * dx, ay + t * dy)


def journey_events(con: duckdb.DuckDBPyConnection, events: pl.DataFrame, options: PlacesOptions,
                   purpose: str = "profiling") -> pl.DataFrame:
    """Journey events: one row per (event, pupil) inside the pupil's home–school corridor in travel hours.

    Columns: source, event_id, person_id, school_id, school, latitude, longitude, distance_m.
    """
    pupils = pl.from_arrow(con.sql(_PUPILS_SQL, params={"purpose": str(purpose)}).to_arrow_table())
    assert isinstance(pupils, pl.DataFrame)
    travel = events.filter(pl.col("occurred_on").map_elements(options.is_travel_time, return_dtype=pl.Boolean))
    joined = travel.select("source", "event_id", "latitude", "longitude").join(pupils, on=["source", "event_id"])
    distance = [distance_to_segment_m((r[0], r[1]), (r[2], r[3]), (r[4], r[5])) for r in joined.select(
        "latitude", "longitude", "home_lat", "home_lon", "school_lat", "school_lon").iter_rows()]
    out = joined.with_columns(pl.Series("distance_m", distance, pl.Float64))
    return out.filter(pl.col("distance_m") <= options.corridor_buffer_m).select(
        "source", "event_id", "person_id", "school_id", "school", "latitude", "longitude", "distance_m")
