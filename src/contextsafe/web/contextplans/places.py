"""The places a young person colours on a safety map: the borough's wards (from the store's reference
boundaries, or the bundled open data when the store holds none) and the named places the store knows.

A place is identified by its ONS ward code or by its context key (``place:<name>``); no coordinates of a
young person are ever kept, only the colour they gave each place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings

from contextsafe.web import store

MAX_NAMED = 24  # the most frequented named places (never "Near <postcode>": that may point at a home)


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    kind: str  # "ward" or "place"
    rings: tuple[tuple[tuple[float, float], ...], ...] = field(default=())  # (lat, lon) rings of a ward
    point: tuple[float, float] | None = None  # (lat, lon) of a named place, when known


def borough() -> str:
    return getattr(settings, "CONTEXTSAFE_BOROUGH", "camden")


def places() -> list[Place]:
    """Wards (by name) then named places (by name)."""
    ws = store.workspace()
    key = (str(ws.store_path), ws.store_path.stat().st_mtime_ns) if ws else ("", 0)
    return list(_places(*key, borough()))


def names() -> dict[str, str]:
    return {p.code: p.name for p in places()}


@lru_cache(maxsize=4)
def _places(_path: str, _mtime: int, borough_name: str) -> tuple[Place, ...]:
    return tuple(sorted(_wards(borough_name), key=lambda p: p.name) + sorted(_named(), key=lambda p: p.name))


def _wards(borough_name: str) -> list[Place]:
    from shapely import wkt

    rows = _stored_wards(borough_name)
    if rows:
        return [Place(r["code"], r["name"], "ward", _rings(wkt.loads(r["wkt"]))) for r in rows]
    try:
        from contextsafe.geo import load_areas

        return [Place(a.code, a.name, "ward", _rings(a.geometry)) for a in load_areas(borough_name, "ward")]
    except Exception:  # noqa: BLE001 - no open data on this machine: named places only
        return []


def _stored_wards(borough_name: str) -> list[dict]:
    try:
        return store.query("SELECT code, name, wkt FROM ref_areas WHERE level = 'ward' AND borough = ? ORDER BY code",
                           [borough_name])
    except Exception:  # noqa: BLE001 - a store without reference tables
        return []


def _rings(shape) -> tuple:  # noqa: ANN001 - shapely geometry
    return tuple(tuple((y, x) for x, y in poly.exterior.coords) for poly in getattr(shape, "geoms", [shape]))


def _named() -> list[Place]:
    try:
        rows = store.query("""
            SELECT coalesce(a.context_id, 'place:' || a.context_ref) AS code, coalesce(min(c.name), min(a.context_ref))
                   AS name, min(c.latitude) AS lat, min(c.longitude) AS lon, count(*) AS n
            FROM associations a LEFT JOIN contexts c ON c.context_id = a.context_id
            WHERE a.context_kind = 'place' AND a.context_ref NOT ILIKE 'near %'
            GROUP BY 1 ORDER BY n DESC, code LIMIT ?""", [MAX_NAMED])
    except Exception:  # noqa: BLE001 - no store
        return []
    return [Place(r["code"], r["name"], "place", (), (r["lat"], r["lon"]) if r["lat"] is not None else None)
            for r in rows]
