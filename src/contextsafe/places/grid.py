"""The hexagonal grid: H3 cells covering a borough, and which cells neighbour which.

Hexagons rather than LSOAs because hotspots of harm are smaller than an LSOA and do not respect
its edges, and every hexagon has the same area and six equidistant neighbours, so a count in one
cell is comparable with a count in any other and "next to" means the same thing everywhere.
Cells that only partly overlap the borough are kept, so events on its edge are not lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import h3
import numpy as np
from shapely.geometry.base import BaseGeometry


def borough_cells(outline: BaseGeometry, resolution: int) -> list[str]:
    """Every cell at ``resolution`` that overlaps ``outline`` (shapely, x=longitude), sorted.

    Zero-count cells inside the outline are part of the grid on purpose: without them a cold spot
    (a quiet area among busy ones) could never be found.
    """
    shape = h3.geo_to_h3shape(outline.__geo_interface__)
    return sorted(h3.h3shape_to_cells_experimental(shape, resolution, contain="overlap"))


def cells_of(latitudes: Sequence[float], longitudes: Sequence[float], resolution: int) -> list[str]:
    """The cell of each point."""
    return [h3.latlng_to_cell(float(lat), float(lon), resolution) for lat, lon in zip(latitudes, longitudes,
                                                                                       strict=True)]


def neighbours(cells: Iterable[str]) -> dict[str, list[str]]:
    """Each cell's immediate neighbours (ring 1) that are themselves in ``cells``."""
    present = set(cells)
    return {c: sorted(n for n in h3.grid_ring(c, 1) if n in present) for c in present}


def near(cell: str, others: Iterable[str], ring: int = 1) -> bool:
    """True when ``cell`` is one of ``others`` or within ``ring`` steps of one of them."""
    around = set(h3.grid_disk(cell, ring))
    return any(o in around for o in others)


def cell_areas_km2(cells: Sequence[str]) -> np.ndarray:
    """Area of each cell in km² (H3 cells vary a little in area with latitude and position)."""
    return np.array([h3.cell_area(c, unit="km^2") for c in cells])


def cell_centre(cell: str) -> tuple[float, float]:
    """(latitude, longitude) of the cell's centre."""
    lat, lon = h3.cell_to_latlng(cell)
    return float(lat), float(lon)


def cell_polygon(cell: str) -> list[list[float]]:
    """The cell's boundary as a closed GeoJSON ring of [longitude, latitude] pairs."""
    ring = [[round(lon, 6), round(lat, 6)] for lat, lon in h3.cell_to_boundary(cell)]
    return [*ring, ring[0]]


def disc_cells(latitude: float, longitude: float, radius_m: float, resolution: int) -> set[str]:
    """Cells touched by a circle (centre and 16 points on its rim and half-rim): where a place's events fall."""
    out = {h3.latlng_to_cell(latitude, longitude, resolution)}
    for frac in (0.5, 1.0):
        for a in np.linspace(0, 2 * np.pi, 16, endpoint=False):
            lat = latitude + frac * radius_m * np.cos(a) / 111_320
            lon = longitude + frac * radius_m * np.sin(a) / (111_320 * np.cos(np.radians(latitude)))
            out.add(h3.latlng_to_cell(float(lat), float(lon), resolution))
    return out
