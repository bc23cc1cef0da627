"""Files for the tools analysts already use: i2 Analyst's Notebook, QGIS/ArcGIS, Excel, and a PDF.

* i2: two CSVs (``i2/entities.csv``, ``i2/links.csv``) for the Analyst's Notebook tabular import —
  one row per entity (young person, peer group, school) with an identity, type and label, and one row
  per link (member of, attends) with both ends, a type and the evidence.
* GIS: hexagons as GeoJSON (WGS84) and, as a GeoPackage layer, through pyogrio.
* Excel: one workbook, one sheet per table, every text cell made safe against formula injection.
* PDF: the HTML report printed by Debian's ``chromium --headless --print-to-pdf`` when it is installed
  (``scripts/system-packages.sh``); without it no PDF is written and the run record says so.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

import polars as pl

from contextsafe.exports import safe_cell, write_csv

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-pdf-header-footer")


def i2_tables(members: pl.DataFrame, schools: pl.DataFrame, *, with_names: bool) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Entities and links for an i2 link chart: young people (by HA code), peer groups, schools."""
    age = pl.col("age_band") if "age_band" in members.columns else pl.lit(None, pl.String).alias("age_band")
    people = members.select(pl.col("code").alias("entity_id"), pl.lit("Young person").alias("entity_type"),
                            _label(members, with_names), age).unique("entity_id", maintain_order=True)
    groups = members.select(pl.col("group").alias("entity_id"), pl.lit("Peer group").alias("entity_type"),
                            pl.col("group").alias("label"), pl.lit(None, pl.String).alias("age_band")).unique(
        "entity_id", maintain_order=True)
    school_ids = members["school"].drop_nulls().unique().to_list() if "school" in members.columns else []
    names = dict(zip(schools["school_id"], schools["name"], strict=True)) if "name" in schools.columns else {}
    school_rows = pl.DataFrame({"entity_id": school_ids, "entity_type": ["School"] * len(school_ids),
                                "label": [names.get(s, names.get(f"school:{s}", s)) for s in school_ids],
                                "age_band": [None] * len(school_ids)},
                               schema={"entity_id": pl.String, "entity_type": pl.String, "label": pl.String,
                                       "age_band": pl.String})
    entities = pl.concat([people, groups, school_rows])
    member_links = members.select(pl.col("code").alias("from_id"), pl.col("group").alias("to_id"),
                                  pl.lit("member of").alias("link_type"),
                                  (pl.col("role") if "role" in members.columns else pl.lit("")).alias("role"),
                                  (pl.col("role_evidence").fill_null("") if "role_evidence" in members.columns
                                   else pl.lit("")).alias("evidence"))
    if "school" not in members.columns:
        return entities, member_links
    attends = members.filter(pl.col("school").is_not_null()).select(
        pl.col("code").alias("from_id"), pl.col("school").alias("to_id"), pl.lit("attends").alias("link_type"),
        pl.lit("").alias("role"), pl.lit("school roll").alias("evidence")).unique()
    return entities, pl.concat([member_links, attends])


def _label(members: pl.DataFrame, with_names: bool) -> pl.Expr:
    if with_names and {"given_name", "family_name"} <= set(members.columns):
        return pl.concat_str([pl.col("code"), pl.lit(" "), pl.col("given_name").fill_null(""), pl.lit(" "),
                              pl.col("family_name").fill_null("")]).str.strip_chars().alias("label")
    return pl.col("code").alias("label")


def write_i2(folder: Path, entities: pl.DataFrame, links: pl.DataFrame) -> list[Path]:
    """``entities.csv`` and ``links.csv`` under ``folder``."""
    return [write_csv(folder / "entities.csv", entities), write_csv(folder / "links.csv", links)]


def write_workbook(path: Path, tables: Mapping[str, pl.DataFrame]) -> Path:
    """One XLSX with a sheet per table; strings are never formulas or links."""
    import xlsxwriter

    path.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    try:
        for name, frame in tables.items():
            sheet = book.add_worksheet(name[:31])
            for col, column in enumerate(frame.columns):
                sheet.write_string(0, col, column)
            for r, row in enumerate(frame.iter_rows(), start=1):
                for col, value in enumerate(row):
                    _write_cell(sheet, r, col, value)
    finally:
        book.close()
    return path


def _write_cell(sheet, r: int, col: int, value: object) -> None:  # noqa: ANN001 - an xlsxwriter worksheet
    if value is None:
        return
    if isinstance(value, bool | int | float):
        sheet.write_number(r, col, float(value))
    else:
        sheet.write_string(r, col, str(safe_cell(str(value))))


def hexagon_features(places: pl.DataFrame, properties: tuple[str, ...], precision: int = 6) -> dict[str, object]:
    """A GeoJSON FeatureCollection of the hexagons (boundaries from H3) with ``properties``.

    The partner version uses ``precision=4`` (about 10 m): hexagon corners, never a point of the input.
    """
    import h3

    features = []
    for row in places.iter_rows(named=True):
        ring = [[round(lon, precision), round(lat, precision)] for lat, lon in h3.cell_to_boundary(row["place_id"])]
        features.append({"type": "Feature", "id": row["place_id"],
                         "properties": {k: row[k] for k in properties if k in row},
                         "geometry": {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}})
    return {"type": "FeatureCollection", "features": features}


def write_geojson(path: Path, collection: dict[str, object]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    return path


def write_geopackage(path: Path, collection: dict, layer: str = "hexagons") -> Path | None:
    """The same features as a GeoPackage layer (pyogrio); None if pyogrio is not installed."""
    try:
        import numpy as np
        import pyogrio.raw
        from shapely.geometry import shape
    except ImportError:
        return None
    features = collection.get("features", [])
    if not features:
        return None
    keys = list(features[0]["properties"])
    geometry = np.array([shape(f["geometry"]).wkb for f in features], dtype=object)
    fields = [np.array([_field(f["properties"].get(k)) for f in features], dtype=object) for k in keys]
    path.unlink(missing_ok=True)
    pyogrio.raw.write(str(path), geometry, fields, keys, driver="GPKG", layer=layer, geometry_type="Polygon",
                      crs="EPSG:4326", encoding="UTF-8")
    return path


def _field(value: object) -> object:
    return json.dumps(value) if isinstance(value, dict | list) else ("" if value is None else str(value))


def chromium() -> str | None:
    """Path of Debian's chromium, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def print_pdf(html: Path, pdf: Path, timeout: float = 120) -> Path | None:
    """Print ``html`` to ``pdf`` with headless chromium (network off); None when chromium is missing."""
    browser = chromium()
    if browser is None:
        return None
    with tempfile.TemporaryDirectory(prefix="contextsafe-pdf-") as profile:
        command = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
                   html.resolve().as_uri()]
        subprocess.run(command, check=True, capture_output=True, timeout=timeout)  # noqa: S603 - fixed argv
    return pdf if pdf.exists() else None
