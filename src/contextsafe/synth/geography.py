"""The real geography the synthetic borough is laid over: postcodes, schools, bus stops, wards.

Read through :mod:`contextsafe.geo` (the project's gazetteer). Only coordinates, names and codes of
public places are used; nothing here is about a person.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl


@dataclass(frozen=True)
class Geography:
    """Arrays of real places in one borough, ready for vectorised sampling."""

    borough: str
    postcodes: pl.DataFrame  # postcode, latitude, longitude (non-stacked only)
    schools: pl.DataFrame  # urn, name, postcode, latitude, longitude, pupils
    bus_stops: pl.DataFrame  # stop_code, naptan_atco, name, latitude, longitude
    wards: list[tuple[str, str, float, float]]  # code, name, lat, lon of a point inside the ward

    @property
    def centre(self) -> tuple[float, float]:
        return float(self.postcodes["latitude"].mean()), float(self.postcodes["longitude"].mean())  # type: ignore[arg-type]

    def nearest_postcode(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        """Index of the nearest real postcode to each point (equirectangular distance)."""
        plat = self.postcodes["latitude"].to_numpy()
        plon = self.postcodes["longitude"].to_numpy()
        out = np.empty(len(lat), dtype=np.int64)
        for start in range(0, len(lat), 512):
            dy = lat[start:start + 512, None] - plat[None, :]
            dx = (lon[start:start + 512, None] - plon[None, :]) * 0.62
            out[start:start + 512] = np.argmin(dx * dx + dy * dy, axis=1)
        return out


def load_geography(borough: str) -> Geography:
    """Postcodes (excluding stacked ones), schools, bus stops and ward points of ``borough``."""
    from contextsafe import geo

    postcodes = geo.load_postcodes(borough)
    if "stacked" in postcodes.columns:
        postcodes = postcodes.filter(~pl.col("stacked").fill_null(False))
    postcodes = postcodes.select("postcode", "latitude", "longitude").drop_nulls().sort("postcode")
    schools = geo.load_schools(borough).select("urn", "name", "postcode", "latitude", "longitude", "pupils")
    schools = schools.with_columns(pl.col("urn").cast(pl.String),
                                   pl.col("pupils").cast(pl.Float64, strict=False).fill_null(600.0))
    schools = schools.drop_nulls(["latitude", "longitude"]).sort("urn")
    stops = geo.load_bus_stops(borough).select("stop_code", "naptan_atco", "name", "latitude", "longitude")
    stops = stops.with_columns(pl.col("stop_code").cast(pl.String)).drop_nulls(["latitude", "longitude"])
    stops = stops.sort("stop_code")
    wards = []
    for area in geo.load_areas(borough, "ward"):
        point = area.geometry.representative_point()
        wards.append((area.code, area.name, float(point.y), float(point.x)))
    return Geography(borough, postcodes, schools, stops, sorted(wards))
