"""The report's charts from its tables: map, network, UpSet and trends, per version.

The partner version draws only what its tables show: hexagons (never points), peer groups of at least
the threshold, UpSet columns that are not hidden, and trend months that are not hidden (gaps).
"""

from __future__ import annotations

import polars as pl

from contextsafe.overlap import Overlap, upset_svg
from contextsafe.profile.context_tables import ContextTables, co_involvement_edges
from contextsafe.profile.data import ProfileData
from contextsafe.profile.suppress import SUPPRESSED
from contextsafe.profile.svg import Hexagon, map_svg, network_svg, trend_svg
from contextsafe.profile.views import Views

MAX_GROUPS_DRAWN = 40  # the largest groups; every group is in the tables and CSV


def all_charts(data: ProfileData, contexts: ContextTables, overlap: Overlap, views: Views, version: str,
               threshold: int) -> dict[str, str]:
    """``map``, ``network``, ``upset``, ``trends_concern`` and ``trends_context`` as SVG strings."""
    months = data.months()
    return {
        "map": _map(data, views.tables["places"]),
        "network": _network(data, views),
        "upset": _upset(overlap, views.tables["overlap"], version),
        "trends_concern": _trends(views.tables["trends"], "concern", months, "Events by concern, per month"),
        "trends_context": _trends(views.tables["trends"], "context", months, "Events by context, per month"),
    }


def _map(data: ProfileData, places: pl.DataFrame) -> str:
    import h3
    from shapely import wkt

    areas = []
    for level, name, text in data.areas.filter(pl.col("level").is_in(["ward", "lsoa", "borough"])).select(
            "level", "name", "wkt").iter_rows() if not data.areas.is_empty() else []:
        shape = wkt.loads(text)
        rings = [[(y, x) for x, y in poly.exterior.coords] for poly in getattr(shape, "geoms", [shape])]
        areas.append((level, name, rings))
    shown = places.filter(pl.col("spot").is_in(["hot", "cold"]))
    hexagons = [Hexagon(h3.cell_to_boundary(r["place_id"]), r["spot"], float(r["hotspot_z"]),
                        f"{r['spot']} spot, Gi* z {float(r['hotspot_z']):.1f}, events {r['events']}")
                for r in shown.iter_rows(named=True)]
    schools = [(n, lat, lon) for n, lat, lon in data.schools.select("name", "latitude", "longitude").drop_nulls()
               .iter_rows()]
    return map_svg(areas, hexagons, "Hot and cold spots of harm to young people (hexagons) with wards, LSOAs and "
                   "schools (squares)", points=schools)


def _network(data: ProfileData, views: Views) -> str:
    members = views.tables["peer_group_members"]
    roles = members["role"] if "role" in members.columns else pl.Series(["member"] * members.height)
    members = members.with_columns(roles.alias("role"))
    groups = [(g, list(zip(m["code"], m["role"], strict=True)))
              for (g,), m in members.group_by(["group"], maintain_order=True)][:MAX_GROUPS_DRAWN]
    code_of = views.codes
    edges = co_involvement_edges(data.participants).filter(
        pl.col("person_id").is_in(list(code_of)) & pl.col("person_id_b").is_in(list(code_of)))
    group_of = dict(zip(members["code"], members["group"], strict=True))
    lines = [(code_of[a], code_of[b], w) for a, b, w in edges.iter_rows()
             if group_of.get(code_of[a]) is not None and group_of.get(code_of[a]) == group_of.get(code_of[b])]
    more = members["group"].n_unique() - len(groups)
    note = f" ({more} smaller groups in the tables)" if more > 0 else ""
    return network_svg(groups, lines, "Peer groups: members (leaders larger), lines for events together within "
                                      f"the group{note}")


def _upset(overlap: Overlap, table: pl.DataFrame, version: str) -> str:
    if version == "analyst":
        return upset_svg(overlap)
    visible = table.filter(pl.col("persons") != SUPPRESSED).with_columns(pl.col("persons").cast(pl.Int64))
    labels = [label for label in overlap.labels if visible.filter(pl.col(label) == 1).height]
    visible = visible.filter(pl.sum_horizontal(*[pl.col(label) for label in labels]) > 0) if labels else visible
    partial = Overlap(overlap.by, overlap.purpose, tuple(labels), visible.select(*labels, "persons", "combination"),
                      overlap.excluded, overlap.grouping)
    return upset_svg(partial, title=f"Distinct young people by combination of concerns (purpose: {overlap.purpose}); "
                                    "hidden combinations left out")


def _trends(table: pl.DataFrame, kind: str, months: list[str], title: str) -> str:
    part = table.filter(pl.col("series_kind") == kind)
    series = {}
    for (name,), frame in part.group_by(["series"], maintain_order=True):
        by_month = dict(zip(frame["month"], frame["events"], strict=True))
        series[name] = [_number(by_month.get(m)) for m in months]
    return trend_svg(months, series, title)


def _number(value: object) -> int | None:
    if value is None or value == SUPPRESSED or value == "":
        return None
    return int(value)
