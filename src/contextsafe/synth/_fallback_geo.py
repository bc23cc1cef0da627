"""Stand-in for :mod:`contextsafe.geo` while it is not installed: reads ``../shared/data`` directly.

Only the four functions the generator needs, with the same columns. Remove once ``contextsafe.geo``
is always present.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
from shapely.geometry import shape


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    geometry: Any


def _data_dir() -> Path:
    env = os.environ.get("CONTEXTSAFE_DATA")
    if env:
        return Path(env)
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
        candidate = parent.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("cannot find the shared open data folder; set CONTEXTSAFE_DATA")


def load_postcodes(borough: str) -> pl.DataFrame:
    frame = pl.read_csv(_data_dir() / f"postcodes_{borough}.csv", infer_schema_length=0)
    counts = frame.group_by("eastings", "northings").len()
    frame = frame.join(counts, on=["eastings", "northings"])
    return frame.select(
        "postcode",
        pl.col("postcode").str.replace_all(" ", "").alias("postcode_key"),
        pl.col("latitude").cast(pl.Float64), pl.col("longitude").cast(pl.Float64),
        pl.col("ward").alias("ward_2025"), (pl.col("len") > 1).alias("stacked"))


def load_schools(borough: str) -> pl.DataFrame:
    frame = pl.read_csv(_data_dir() / f"schools_ks4_{borough}.csv", infer_schema_length=0)
    return frame.select(pl.col("school_urn").alias("urn"), pl.col("school_name").alias("name"),
                        pl.col("establishment_type_group").alias("establishment_type"), "postcode",
                        pl.col("latitude").cast(pl.Float64), pl.col("longitude").cast(pl.Float64),
                        pl.col("t_allks_pupils").cast(pl.Int64, strict=False).alias("pupils"))


def load_bus_stops(borough: str) -> pl.DataFrame:
    frame = pl.read_csv(_data_dir() / f"bus_stops_{borough}.csv", infer_schema_length=0)
    return frame.select(pl.col("Stop_Code_LBSL").alias("stop_code"), pl.col("Naptan_Atco").alias("naptan_atco"),
                        pl.col("Stop_Name").alias("name"), pl.col("latitude").cast(pl.Float64),
                        pl.col("longitude").cast(pl.Float64))


def load_areas(borough: str, level: str) -> list[Area]:
    data = json.loads((_data_dir() / f"wards_{borough}.geojson").read_text(encoding="utf-8"))
    out = []
    for feature in data["features"]:
        props = {k.lower(): v for k, v in feature["properties"].items()}
        code = next(v for k, v in props.items() if k.startswith("wd") and k.endswith("cd"))
        name = next(v for k, v in props.items() if k.startswith("wd") and k.endswith("nm"))
        out.append(Area(code, name, shape(feature["geometry"])))
    return out
