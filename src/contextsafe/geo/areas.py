"""Boundaries: borough outline, electoral wards and 2011 LSOAs, and point-in-polygon look-up.

police.uk used 2011 LSOA codes in 2017-18 and the wards in force then were the 2002/2014–2022 wards,
so those are the areas contextsafe places events in. The three ward files come from two carriers
with different property names; that difference is absorbed here and nowhere else.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from contextsafe.errors import ContextsafeError
from contextsafe.geo.files import borough_file

Level = Literal["borough", "ward", "lsoa"]

_FILES: dict[str, str] = {"borough": "borough", "ward": "wards", "lsoa": "lsoa"}
# (code, name) property pairs, tried in order: Hackney wards use ONS Dec 2019 lower-case names,
# Camden and Islington wards the Dec 2013 upper-case ones.
_PROPERTIES: dict[str, list[tuple[str, str]]] = {
    "borough": [("LAD22CD", "LAD22NM")],
    "ward": [("wd19cd", "wd19nm"), ("WD13CD", "WD13NM")],
    "lsoa": [("LSOA11CD", "LSOA11NM")],
}


@dataclass(frozen=True)
class Area:
    """One boundary polygon: an ONS code, its name and a WGS84 (longitude, latitude) shapely geometry."""

    code: str
    name: str
    geometry: BaseGeometry


def load_areas(borough: str, level: Level) -> list[Area]:
    """The areas of ``borough`` at ``level``: ``"borough"`` (1), ``"ward"`` or ``"lsoa"`` (2011 LSOAs).

    >>> len(load_areas("camden", "ward"))
    18
    """
    if level not in _FILES:
        raise ContextsafeError(f"unknown area level {level!r}: choose 'borough', 'ward' or 'lsoa'")
    return list(_read_areas(borough_file(borough, _FILES[level], "geojson"), level))


@lru_cache(maxsize=32)
def _read_areas(path: Path, level: str) -> tuple[Area, ...]:
    collection = json.loads(path.read_text(encoding="utf-8"))
    areas = []
    for number, feature in enumerate(collection["features"]):
        code, name = _code_and_name(feature.get("properties") or {}, level)
        if code is None:
            raise ContextsafeError(f"{path.name}: feature {number} has none of the properties "
                                   f"{_PROPERTIES[level]} — is this the right boundary file?")
        geometry = shapely.make_valid(shape(feature["geometry"]))
        areas.append(Area(code=code, name=name or code, geometry=geometry))
    return tuple(sorted(areas, key=lambda area: area.code))


def _code_and_name(properties: dict[str, object], level: str) -> tuple[str | None, str | None]:
    for code_key, name_key in _PROPERTIES[level]:
        if code_key in properties:
            name = properties.get(name_key)
            return str(properties[code_key]), None if name is None else str(name)
    return None, None


class AreaLookup:
    """Place many points in their 2011 LSOA and ward at once (shapely 2 STRtree, no Python loop per point).

    >>> lookup = AreaLookup.for_boroughs(["camden"])
    >>> lookup.locate(np.array([51.5390, float("nan")]), np.array([-0.1426, 0.0]))[1][1] is None
    True
    """

    def __init__(self, lsoas: Sequence[Area], wards: Sequence[Area]):
        self._lsoas = _Index(lsoas)
        self._wards = _Index(wards)

    @classmethod
    def for_boroughs(cls, boroughs: Iterable[str]) -> AreaLookup:
        """A look-up over the LSOAs and wards of every borough named."""
        names = list(boroughs)
        lsoas = [area for b in names for area in load_areas(b, "lsoa")]
        wards = [area for b in names for area in load_areas(b, "ward")]
        return cls(lsoas, wards)

    def locate(self, latitudes: np.ndarray, longitudes: np.ndarray) -> tuple[list[str | None], list[str | None]]:
        """(LSOA code, ward code) of each point; ``None`` outside every area or for NaN coordinates."""
        lat = np.asarray(latitudes, dtype=np.float64)
        lon = np.asarray(longitudes, dtype=np.float64)
        if lat.shape != lon.shape:
            raise ContextsafeError(f"latitudes ({lat.shape}) and longitudes ({lon.shape}) differ in length")
        usable = np.flatnonzero(np.isfinite(lat) & np.isfinite(lon))
        points = shapely.points(lon[usable], lat[usable])  # built once, shared by both indexes
        return (self._lsoas.codes_at(points, usable, lat.shape[0]),
                self._wards.codes_at(points, usable, lat.shape[0]))


class _Index:
    """An STRtree over areas, answering 'which area holds this point' for arrays of points."""

    def __init__(self, areas: Sequence[Area]):
        self._geometries = np.array([area.geometry for area in areas], dtype=object)
        self._codes = np.array([area.code for area in areas] + [None], dtype=object)  # last: no area
        self._tree = shapely.STRtree(self._geometries)

    def positions(self, points: np.ndarray, usable: np.ndarray, size: int) -> np.ndarray:
        """Index of the area holding each point, ``-1`` for none (first area wins on a shared edge).

        ``points`` are the shapely points of the input positions ``usable`` (the others are NaN).
        """
        found = np.full(size, -1, dtype=np.int64)
        if usable.size == 0 or len(self._geometries) == 0:
            return found
        point_at, area_at = self._tree.query(points, predicate="intersects")
        order = np.lexsort((area_at, point_at))  # by point, then area: a point on a shared edge
        point_at, area_at = point_at[order], area_at[order]
        first = np.unique(point_at, return_index=True)[1]  # keeps its lowest-numbered area
        found[usable[point_at[first]]] = area_at[first]
        return found

    def codes_at(self, points: np.ndarray, usable: np.ndarray, size: int) -> list[str | None]:
        return self._codes[self.positions(points, usable, size)].tolist()


def random_points_in(geometry: BaseGeometry, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points drawn uniformly (in degrees) inside ``geometry``, as ``(latitudes, longitudes)``.

    Rejection sampling over the bounding box, vectorised; the caller's ``rng`` makes it reproducible.
    """
    if n <= 0:
        return np.empty(0), np.empty(0)
    if geometry.is_empty or geometry.area == 0:
        raise ContextsafeError("cannot draw points inside an empty or zero-area geometry")
    min_x, min_y, max_x, max_y = geometry.bounds
    shapely.prepare(geometry)
    keep_lon: list[np.ndarray] = []
    keep_lat: list[np.ndarray] = []
    have = 0
    box_share = geometry.area / ((max_x - min_x) * (max_y - min_y))
    while have < n:
        batch = int((n - have) / box_share * 1.2) + 16
        lon = rng.uniform(min_x, max_x, batch)
        lat = rng.uniform(min_y, max_y, batch)
        inside = shapely.contains_xy(geometry, lon, lat)
        keep_lon.append(lon[inside])
        keep_lat.append(lat[inside])
        have += int(inside.sum())
    return np.concatenate(keep_lat)[:n], np.concatenate(keep_lon)[:n]
