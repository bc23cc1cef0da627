"""Writing the analyst's version: the output contract of DESIGN.md and the analysts' exports."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from contextsafe.exports import write_csv
from contextsafe.overlap import Overlap
from contextsafe.profile.context_tables import ContextTables
from contextsafe.profile.data import ProfileData
from contextsafe.profile.exports import (
    hexagon_features,
    i2_tables,
    print_pdf,
    write_geojson,
    write_geopackage,
    write_i2,
    write_workbook,
)
from contextsafe.profile.views import Views
from contextsafe.store import Workspace

HEXAGON_PROPERTIES = ("place_id", "events", "hotspot_z", "p_value", "spot", "journey_events")


def write_analyst_files(ws: Workspace, out: Path, data: ProfileData, contexts: ContextTables, overlap: Overlap,
                        views: Views, html: str, *, pdf: bool = True) -> dict[str, Path]:
    """Every file of the analyst's version; returns short name -> path."""
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "links/person_records.csv": write_csv(out / "links" / "person_records.csv", _person_records(data)),
        "contexts/peer_groups.csv": write_csv(out / "contexts" / "peer_groups.csv", _peer_groups(views)),
        "contexts/schools.csv": write_csv(out / "contexts" / "schools.csv", contexts.schools),
        "contexts/places.csv": write_csv(out / "contexts" / "places.csv", contexts.places),
        "overlap.csv": write_csv(out / "overlap.csv", overlap.combinations),
        "overlap_totals.csv": write_csv(out / "overlap_totals.csv", overlap.totals()),
    }
    if contexts.homes is not None:
        files["contexts/homes.csv"] = write_csv(out / "contexts" / "homes.csv", contexts.homes)
    files["contexts/peer_group_summary.csv"] = write_csv(out / "contexts" / "peer_group_summary.csv",
                                                         views.tables["peer_group_summary"])
    for name in ("figure1", "trends", "trend_changes", "equality"):
        files[f"tables/{name}.csv"] = write_csv(out / "tables" / f"{name}.csv", views.tables[name])
    entities, links = i2_tables(views.tables["peer_group_members"], contexts.schools, with_names=True)
    files["i2/entities.csv"], files["i2/links.csv"] = write_i2(out / "i2", entities, links)
    files |= _gis(out, contexts.places, HEXAGON_PROPERTIES + ("lat", "lon", "place_names"))
    files["profile.xlsx"] = write_workbook(out / "profile.xlsx", views.tables)
    report = out / "profile.html"
    report.write_text(html, encoding="utf-8")
    files["profile.html"] = report
    if pdf and (printed := print_pdf(report, out / "profile.pdf")) is not None:
        files["profile.pdf"] = printed
    return files


def _gis(out: Path, places: pl.DataFrame, properties: tuple[str, ...]) -> dict[str, Path]:
    collection = hexagon_features(places, properties)
    files = {"gis/places_hexagons.geojson": write_geojson(out / "gis" / "places_hexagons.geojson", collection)}
    gpkg = write_geopackage(out / "gis" / "places.gpkg", collection)
    if gpkg is not None:
        files["gis/places.gpkg"] = gpkg
    return files


def _person_records(data: ProfileData) -> pl.DataFrame:
    """The linkage of the permitted sources (contract columns), unlinked records as their own person."""
    return data.records.select("source", "record_id", "person_id", "match_probability").sort("source", "record_id")


def _peer_groups(views: Views) -> pl.DataFrame:
    members = views.tables["peer_group_members"]
    return members.select(pl.col("group").alias("group_id"), "person_id", "role", "code", "role_basis",
                          "role_evidence")
