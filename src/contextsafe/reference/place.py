"""Place records and events: postcode → position, position → LSOA and ward, school name → school.

Agency exports carry places in whatever form the agency holds: a postcode (social care, schools),
coordinates (police), or only a school's name as a teacher typed it. Placing them once, in the
store, means every later stage works with the same positions and areas.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import numpy as np
import polars as pl

from contextsafe.store import Workspace

SCHOOL_NAME_CUTOFF = 0.85
_NOISE = re.compile(r"\b(the|school|academy|college|secondary|high|for|and|&|of)\b")


@dataclass
class PlacementSummary:
    records_geocoded: int
    events_geocoded: int
    records_in_areas: int
    events_in_areas: int
    schools_resolved: int
    schools_unresolved: int


def place_locations(workspace: Workspace, boroughs: list[str]) -> PlacementSummary:
    """Fill missing positions from postcodes and missing LSOA/ward codes from positions.

    Positions and areas an agency supplied itself are kept; only gaps are filled. Idempotent.
    """
    from contextsafe.geo import AreaLookup

    lookup = AreaLookup.for_boroughs(boroughs)
    with workspace.connect() as con:
        con.begin()
        geocoded = [_geocode(con, table) for table in ("records", "events")]
        in_areas = [_areas(con, table, key, lookup) for table, key in (("records", "record_id"),
                                                                        ("events", "event_id"))]
        con.commit()
    resolved, unresolved = resolve_schools(workspace)
    return PlacementSummary(geocoded[0], geocoded[1], in_areas[0], in_areas[1], resolved, unresolved)


def _geocode(con, table: str) -> int:  # noqa: ANN001 - duckdb connection
    sql = (f"UPDATE {table} t SET latitude = p.latitude, longitude = p.longitude FROM "
           f"(SELECT DISTINCT ON (postcode_key) * FROM ref_postcodes) p "
           f"WHERE t.latitude IS NULL AND t.postcode IS NOT NULL AND replace(t.postcode, ' ', '') = p.postcode_key")
    return con.execute(sql).fetchone()[0]


def _areas(con, table: str, key: str, lookup) -> int:  # noqa: ANN001
    todo = con.sql(f"SELECT source, {key} AS id, latitude, longitude FROM {table} "
                   f"WHERE latitude IS NOT NULL AND (lsoa IS NULL OR ward IS NULL)").pl()
    if todo.height == 0:
        return 0
    lsoa, ward = lookup.locate(todo["latitude"].to_numpy(), todo["longitude"].to_numpy())
    placed = todo.select("source", "id").with_columns(pl.Series("lsoa_code", lsoa, dtype=pl.String),
                                                      pl.Series("ward_code", ward, dtype=pl.String))
    arrow = placed.to_arrow()  # noqa: F841 - read by DuckDB's replacement scan
    con.execute(f"UPDATE {table} t SET lsoa = coalesce(t.lsoa, a.lsoa_code), ward = coalesce(t.ward, a.ward_code) "
                f"FROM arrow a WHERE t.source = a.source AND t.{key} = a.id")
    return int(np.count_nonzero([c is not None for c in lsoa]))


def _simplify(name: str) -> str:
    return " ".join(_NOISE.sub(" ", re.sub(r"[^a-z0-9& ]", " ", name.casefold())).split())


def resolve_schools(workspace: Workspace) -> tuple[int, int]:
    """Tie school associations to the school gazetteer by URN or by (fuzzy) name.

    Teachers and case workers write "Acland Burghley", "ACLAND BURGHLEY SCH" or the URN; each is
    matched to one school context, or left unresolved (and counted) rather than guessed.
    """
    with workspace.connect() as con:
        schools = con.execute("SELECT context_id, name, ref FROM contexts WHERE kind = 'school'").fetchall()
        refs = [r[0] for r in con.execute("SELECT DISTINCT context_ref FROM associations "
                                          "WHERE context_kind = 'school'").fetchall()]
        by_urn = {ref: cid for cid, _name, ref in schools}
        by_name = {_simplify(name): cid for cid, name, _ref in schools}
        matches = {ref: _match(ref, by_urn, by_name) for ref in refs}
        found = pl.DataFrame({"ref": list(matches), "cid": list(matches.values())}, schema={"ref": pl.String,
                                                                                             "cid": pl.String})
        arrow = found.to_arrow()  # noqa: F841
        con.execute("UPDATE associations a SET context_id = m.cid FROM arrow m "
                    "WHERE a.context_kind = 'school' AND a.context_ref = m.ref")
    resolved = sum(v is not None for v in matches.values())
    return resolved, len(matches) - resolved


def _match(ref: str, by_urn: dict[str, str], by_name: dict[str, str]) -> str | None:
    if ref.strip() in by_urn:
        return by_urn[ref.strip()]
    simple = _simplify(ref)
    if simple in by_name:
        return by_name[simple]
    close = difflib.get_close_matches(simple, list(by_name), n=1, cutoff=SCHOOL_NAME_CUTOFF)
    return by_name[close[0]] if close else None
