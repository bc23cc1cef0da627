"""The context tables of a profile — peer groups, schools, places — behind one thin seam.

``contextsafe.contexts`` (peer groups by Leiden, schools and their concentration) and
``contextsafe.places`` (H3 hexagons, Gi* hotspots, layers) own the methods; this module asks them for
their tables when they are installed and otherwise falls back to simple stand-ins built here, so a
profile always runs. Which route was taken is recorded in the run record (``methods``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import polars as pl

from contextsafe.profile.data import ProfileData
from contextsafe.store import Workspace

H3_RESOLUTION = 9  # ~0.1 km² cells: finer than a ward, coarse enough to hide a home
PEER_ROLES = ("suspect", "victim", "leader", "other", "subject")
SCHOOL_EVENT_TYPES = ("exclusion", "fair_access_referral", "missing_education")


@dataclass
class ContextTables:
    """Contract tables (DESIGN.md) with the method that produced each."""

    peer_groups: pl.DataFrame  # group_id, person_id, role, role_basis, role_evidence
    schools: pl.DataFrame  # school_id, name, persons, concerns, peer_groups, peer_group_members, exclusions, …
    places: pl.DataFrame  # place_id, lat, lon, events, hotspot_z, layers, spot
    concentration: dict[str, object]  # sentence, verdict, top_share, …
    methods: dict[str, str] = field(default_factory=dict)
    homes: pl.DataFrame | None = None
    peer_group_summary: pl.DataFrame | None = None
    hexagons_geojson: dict | None = None
    places_run: dict | None = None


def context_tables(data: ProfileData, workspace: Workspace, *, seed: int = 7) -> ContextTables:
    """Peer groups, schools, homes and places for the run's purpose.

    Uses ``contextsafe.contexts`` and ``contextsafe.places``; if either is not installed, the stand-ins
    of this module (simpler methods, said so in ``methods``) keep the profile running.
    """
    try:
        from contextsafe import contexts
    except ImportError:
        contexts = None
    try:
        from contextsafe import places
    except ImportError:
        places = None
    methods: dict[str, str] = {}
    if contexts is None:
        groups = _peer_groups(data, workspace, methods)
        schools, conc = _schools(data, groups, workspace, methods)
        tables = ContextTables(groups, schools, pl.DataFrame(), conc, methods)
    else:
        tables = _from_contexts(contexts, data, workspace, seed, methods)
    if places is None:
        tables.places = _places(data, workspace, methods)
    else:
        _from_places(places, workspace, tables, str(data.purpose))
    return tables


def _from_contexts(contexts, data: ProfileData, workspace: Workspace, seed: int,  # noqa: ANN001 - a module
                   methods: dict[str, str]) -> ContextTables:
    found = contexts.find_peer_groups(workspace, data.purpose, seed=seed)
    conc = contexts.school_concentration(workspace, found, data.purpose)
    methods["peer_groups"] = (f"contextsafe.contexts: Leiden communities (seed {found.seed}, resolution "
                              f"{found.resolution}, minimum edge weight {found.min_weight}) of the peer graph; roles "
                              "from recorded evidence only")
    methods["schools"] = "contextsafe.contexts: school rolls, exclusions, Fair Access Panel referrals, online reports"
    return ContextTables(
        peer_groups=contexts.peer_group_table(found), schools=contexts.school_contexts(workspace, found, data.purpose),
        places=pl.DataFrame(), concentration={"sentence": conc.sentence, "verdict": conc.verdict,
                                              "top_share": conc.top_share, "top_schools": list(conc.top_schools),
                                              "gini": conc.gini, "hhi": conc.hhi},
        methods=methods, homes=contexts.home_contexts(workspace, found, data.purpose),
        peer_group_summary=contexts.peer_group_summary(found))


def _from_places(places, workspace: Workspace, tables: ContextTables, purpose: str) -> None:  # noqa: ANN001
    from contextsafe.places.output import run_summary

    run = places.analyse_places(workspace, purpose=purpose)
    tables.places = run.cells
    tables.hexagons_geojson = places.hexagons_geojson(run.cells)
    tables.places_run = run_summary(run)
    o = run.options
    tables.methods["places"] = (f"contextsafe.places: H3 resolution {o.resolution}, Getis-Ord Gi* with "
                                f"{o.permutations} "
                                f"permutations, false discovery rate {o.alpha}; layers of police crime, ASB, stop and "
                                "search (10-17), domestic abuse call-outs and bus incidents")
    if run.validation is not None:
        a = run.validation.accuracy
        tables.methods["places_validation"] = (f"Prediction Accuracy Index on the months after "
                                               f"{run.validation.split:%Y-%m}: hit rate {a.hit_rate:.2f}, area share "
                                               f"{a.area_share:.3f}, PAI {a.pai:.1f}")


# --- peer groups -------------------------------------------------------------------------------

def _peer_groups(data: ProfileData, workspace: object, methods: dict[str, str]) -> pl.DataFrame:
    methods["peer_groups"] = "co-involvement graph (events with two or more young people), Leiden communities " \
                             "of three or more (contextsafe.profile stand-in)"
    return fallback_peer_groups(data.participants)


def co_involvement_edges(participants: pl.DataFrame) -> pl.DataFrame:
    """Pairs of persons involved in the same event, with the number of events together."""
    involved = participants.filter(pl.col("role").is_in(PEER_ROLES)).select(
        (pl.col("source") + "/" + pl.col("event_id")).alias("event"), "person_id").unique()
    sizes = involved.group_by("event").len()
    involved = involved.join(sizes.filter(pl.col("len").is_between(2, 12)), on="event").drop("len")
    pairs = involved.join(involved, on="event", suffix="_b").filter(pl.col("person_id") < pl.col("person_id_b"))
    return pairs.group_by(["person_id", "person_id_b"]).agg(pl.len().alias("weight"))


def fallback_peer_groups(participants: pl.DataFrame, *, min_weight: int = 2, min_size: int = 3,
                         seed: int = 7) -> pl.DataFrame:
    """Leiden communities of the co-involvement graph (edges seen in ``min_weight`` events or more)."""
    empty = pl.DataFrame(schema={"group_id": pl.String, "person_id": pl.String, "role": pl.String,
                                 "role_basis": pl.String, "role_evidence": pl.String})
    edges = co_involvement_edges(participants).filter(pl.col("weight") >= min_weight)
    if edges.is_empty():
        return empty
    import igraph as ig
    import leidenalg

    names = sorted(set(edges["person_id"]) | set(edges["person_id_b"]))
    index = {n: i for i, n in enumerate(names)}
    graph = ig.Graph(n=len(names), edges=[(index[a], index[b]) for a, b in
                                          zip(edges["person_id"], edges["person_id_b"], strict=True)])
    parts = leidenalg.find_partition(graph, leidenalg.ModularityVertexPartition,
                                     weights=edges["weight"].to_list(), seed=seed)
    communities = sorted((sorted(names[v] for v in c) for c in parts if len(c) >= min_size), key=lambda c: (-len(c), c))
    rows = [(f"G{i:03d}", p) for i, members in enumerate(communities, start=1) for p in members]
    if not rows:
        return empty
    groups = pl.DataFrame(rows, schema={"group_id": pl.String, "person_id": pl.String}, orient="row")
    return _with_roles(groups, participants, edges)


def _with_roles(groups: pl.DataFrame, participants: pl.DataFrame, edges: pl.DataFrame) -> pl.DataFrame:
    """Role ``leader`` only where an agency recorded the young person as leading; the count is the evidence."""
    leaders = (participants.filter(pl.col("role") == "leader").group_by("person_id")
               .agg(pl.col("event_id").n_unique().alias("leader_events")))
    a = edges.join(groups, on="person_id").join(groups, left_on="person_id_b", right_on="person_id",
                                                suffix="_b").filter(pl.col("group_id") == pl.col("group_id_b"))
    together = pl.concat([a.select("person_id", "weight"), a.select(pl.col("person_id_b").alias("person_id"),
                                                                     "weight")])
    together = together.group_by("person_id").agg(pl.col("weight").sum().cast(pl.Int64).alias("events_together"))
    return (groups.join(leaders, on="person_id", how="left").join(together, on="person_id", how="left")
            .with_columns(pl.col("leader_events").fill_null(0).cast(pl.Int64),
                          pl.col("events_together").fill_null(0))
            .with_columns(pl.when(pl.col("leader_events") > 0).then(pl.lit("leader"))
                          .otherwise(pl.lit("member")).alias("role"))
            .with_columns(pl.when(pl.col("leader_events") > 0).then(pl.lit("leader_role")).otherwise(pl.lit("none"))
                          .alias("role_basis"),
                          pl.format("recorded as leader on {} event(s); {} event(s) with this group",
                                    "leader_events", "events_together").alias("role_evidence"))
            .select("group_id", "person_id", "role", "role_basis", "role_evidence"))


# --- schools -----------------------------------------------------------------------------------

def _schools(data: ProfileData, groups: pl.DataFrame, workspace: object,
             methods: dict[str, str]) -> tuple[pl.DataFrame, dict[str, object]]:
    methods["schools"] = "school roll associations of the permitted sources (contextsafe.profile stand-in)"
    return fallback_schools(data, groups)


def fallback_schools(data: ProfileData, groups: pl.DataFrame) -> tuple[pl.DataFrame, dict[str, object]]:
    """Per school: young people associated, concerns among them, peer groups spanning it, school events."""
    attends = data.associations.filter(pl.col("context_kind") == "school").select(
        pl.col("context_ref").alias("school_id"), "person_id").unique()
    concerns = attends.join(data.person_concerns, on="person_id").group_by("school_id").agg(
        pl.col("concern").unique().sort().str.join(";").alias("concerns"))
    spanning = attends.join(groups.select("group_id", "person_id"), on="person_id").group_by("school_id").agg(
        pl.col("group_id").n_unique().alias("peer_groups"),
        pl.col("person_id").n_unique().alias("peer_group_members"))
    school_events = _school_events(data, attends)
    table = (data.schools.select(pl.col("ref").alias("school_id"), "name")
             .join(attends.group_by("school_id").agg(pl.len().alias("persons")), on="school_id", how="left")
             .join(concerns, on="school_id", how="left").join(spanning, on="school_id", how="left")
             .join(school_events, on="school_id", how="left")
             .with_columns(pl.col(c).fill_null(0) for c in ("persons", "peer_groups", "peer_group_members",
                                                            "exclusions", "fap_referrals"))
             .with_columns(pl.col("concerns").fill_null(""))
             .with_columns(pl.col("peer_groups").cast(pl.String))
             .sort(["peer_group_members", "persons"], descending=True))
    return table, concentration(table)


def _school_events(data: ProfileData, attends: pl.DataFrame) -> pl.DataFrame:
    events = data.participants.join(data.events.select("source", "event_id", "event_type"),
                                    on=["source", "event_id"]).filter(pl.col("event_type").is_in(SCHOOL_EVENT_TYPES))
    per = events.join(attends, on="person_id").group_by("school_id").agg(
        (pl.col("event_type") == "exclusion").sum().alias("exclusions"),
        (pl.col("event_type") == "fair_access_referral").sum().alias("fap_referrals"))
    return per


def concentration(schools: pl.DataFrame, top: int = 5) -> dict[str, object]:
    """How concentrated peer-group members are: the share drawn from the ``top`` schools with most members.

    Plain words: if 5 of 21 schools hold three quarters of the young people in peer groups, harm is
    concentrated and those schools are where a contextual response starts.
    """
    members = schools["peer_group_members"].to_list()
    total = sum(members)
    ordered = sorted(members, reverse=True)
    share = sum(ordered[:top]) / total if total else 0.0
    with_groups = sum(1 for m in members if m)
    schools_n = len(members)
    concentrated = share >= 0.6 and schools_n > top
    words = (f"{'concentrated' if concentrated else 'spread'}: the {top} schools with most peer-group members hold "
             f"{share:.0%} of the peer-group members at a known school; {with_groups} of {schools_n} schools "
             "have any peer-group member")
    return {"sentence": words, "verdict": "concentrated" if concentrated else "spread", "top_share": round(share, 3)}


# --- places ------------------------------------------------------------------------------------

def _places(data: ProfileData, workspace: object, methods: dict[str, str]) -> pl.DataFrame:
    methods["places"] = (f"H3 resolution {H3_RESOLUTION} cells over the borough, Getis-Ord Gi* z (analytic, "
                         "self and first ring) on events involving young people (contextsafe.profile stand-in)")
    return fallback_places(data)


def fallback_places(data: ProfileData, resolution: int = H3_RESOLUTION) -> pl.DataFrame:
    """Events per hexagon with an analytic Gi* z score (no permutation test)."""
    import h3

    with_people = data.participants.select("source", "event_id").unique()
    located = data.events.filter(pl.col("latitude").is_not_null() & pl.col("longitude").is_not_null())
    young = located.join(with_people, on=["source", "event_id"], how="semi")
    if young.is_empty():
        return pl.DataFrame(schema={"place_id": pl.String, "lat": pl.Float64, "lon": pl.Float64, "events": pl.Int64,
                                    "hotspot_z": pl.Float64, "layers": pl.String, "spot": pl.String})
    cells = young.with_columns(pl.struct("latitude", "longitude").map_elements(
        lambda r: h3.latlng_to_cell(r["latitude"], r["longitude"], resolution), return_dtype=pl.String).alias("cell"))
    layers = cells.group_by("cell").agg(pl.len().alias("events"),
                                        pl.col("event_type").unique().sort().str.join(";").alias("layers"))
    counts = dict(zip(layers["cell"], layers["events"], strict=True))
    grid = sorted(set(counts) | _borough_cells(data, resolution))
    z = gi_star(grid, counts)
    rows = [(c, *h3.cell_to_latlng(c), counts.get(c, 0), z[c]) for c in grid]
    frame = pl.DataFrame(rows, schema={"place_id": pl.String, "lat": pl.Float64, "lon": pl.Float64,
                                       "events": pl.Int64, "hotspot_z": pl.Float64}, orient="row")
    frame = frame.join(layers.select(pl.col("cell").alias("place_id"), "layers"), on="place_id", how="left")
    return frame.with_columns(pl.col("layers").fill_null(""), hotspot_class(pl.col("hotspot_z")).alias("spot"))


def hotspot_class(z: pl.Expr) -> pl.Expr:
    """hot (z ≥ 2.58, about p < 0.01), cold (z ≤ -1.96) or not significant."""
    hot, cold = pl.lit("hot"), pl.lit("cold")
    return pl.when(z >= 2.58).then(hot).when(z <= -1.96).then(cold).otherwise(pl.lit("not significant"))


def _borough_cells(data: ProfileData, resolution: int) -> set[str]:
    import h3
    from shapely import wkt as shapely_wkt

    boroughs = data.areas.filter(pl.col("level") == "borough") if not data.areas.is_empty() else data.areas
    cells: set[str] = set()
    for text in boroughs["wkt"].to_list() if not boroughs.is_empty() else []:
        shape = shapely_wkt.loads(text)
        for poly in getattr(shape, "geoms", [shape]):
            outer = [(y, x) for x, y in poly.exterior.coords]
            cells |= set(h3.polygon_to_cells(h3.LatLngPoly(outer), resolution))
    return cells


def gi_star(grid: list[str], counts: dict[str, int]) -> dict[str, float]:
    """Getis-Ord Gi* z for every cell, binary weights over the cell and its six neighbours."""
    import h3

    x = np.array([counts.get(c, 0) for c in grid], dtype=float)
    n = len(grid)
    if n < 3 or x.std() == 0:
        return dict.fromkeys(grid, 0.0)
    mean, s = x.mean(), np.sqrt((x ** 2).mean() - x.mean() ** 2)
    position = {c: i for i, c in enumerate(grid)}
    out = {}
    for c in grid:
        near = [position[k] for k in h3.grid_disk(c, 1) if k in position]
        w = len(near)
        denom = s * np.sqrt((n * w - w * w) / (n - 1))
        out[c] = float((x[near].sum() - mean * w) / denom) if denom else 0.0
    return out
