"""Writing the partner (redacted) version: nothing is written unless the leak check passes."""

from __future__ import annotations

import json
from pathlib import Path

from contextsafe.exports import write_csv
from contextsafe.profile.context_tables import ContextTables
from contextsafe.profile.exports import (
    hexagon_features,
    i2_tables,
    print_pdf,
    write_geojson,
    write_geopackage,
    write_i2,
    write_workbook,
)
from contextsafe.profile.leaks import Secrets, check_output, collect_secrets
from contextsafe.profile.report import Report, render
from contextsafe.profile.views import Views
from contextsafe.store import Workspace

FOLDER = "redacted"
HTML = "profile_redacted.html"


def write_partner_version(ws: Workspace, out: Path, report: Report, views: Views, contexts: ContextTables,
                          threshold: int, *, pdf: bool = True, secrets: Secrets | None = None) -> dict[str, Path]:
    """Render, check, then write ``profile_redacted.html`` and ``redacted/`` (CSV, XLSX, GeoJSON, i2).

    Raises :class:`~contextsafe.profile.leaks.RedactionLeakError` — and writes nothing — if any name,
    date of birth, postcode, record identifier, address, exact location or small count would leak.
    """
    html = render(report)
    places = views.tables["places"]
    geo = hexagon_features(places, tuple(c for c in places.columns if c not in ("lat", "lon")), precision=4)
    entities, links = i2_tables(views.tables["peer_group_members"], contexts.schools.select("school_id", "name"),
                                with_names=False)
    tables = {**views.tables, "i2_entities": entities, "i2_links": links}
    counted = {name: (frame, views.counts.get(name, ())) for name, frame in tables.items()}
    check_output(secrets or collect_secrets(ws), {HTML: html, "redacted/places_hexagons.geojson": json.dumps(geo)},
                 counted, threshold)
    return _write(out, html, views, geo, entities, links, pdf)


def _write(out: Path, html: str, views: Views, geo: dict, entities, links, pdf: bool) -> dict[str, Path]:  # noqa: ANN001
    folder = out / FOLDER
    files = {f"{FOLDER}/{name}.csv": write_csv(folder / f"{name}.csv", frame) for name, frame in views.tables.items()}
    files[f"{FOLDER}/profile_redacted.xlsx"] = write_workbook(folder / "profile_redacted.xlsx", views.tables)
    files[f"{FOLDER}/places_hexagons.geojson"] = write_geojson(folder / "places_hexagons.geojson", geo)
    gpkg = write_geopackage(folder / "places.gpkg", geo)
    if gpkg is not None:
        files[f"{FOLDER}/places.gpkg"] = gpkg
    e, lk = write_i2(folder / "i2", entities, links)
    files[f"{FOLDER}/i2/entities.csv"], files[f"{FOLDER}/i2/links.csv"] = e, lk
    report = out / HTML
    report.write_text(html, encoding="utf-8")
    files[HTML] = report
    if pdf and (printed := print_pdf(report, out / "profile_redacted.pdf")) is not None:
        files["profile_redacted.pdf"] = printed
    return files
