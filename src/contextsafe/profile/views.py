"""The tables of one profile, in the analyst's version and in the partner (redacted) version.

Young people in peer groups get pseudonymous codes in the style of the case review template (HA01,
HA02 …) and peer groups PG1, PG2 …, in both versions; only the analyst's version carries the person
identifiers and names beside them. The partner version has no names, dates of birth, postcodes or
record identifiers, places only as hexagons, and every count under the threshold hidden (with
secondary suppression, :mod:`contextsafe.profile.suppress`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import polars as pl

from contextsafe.overlap import Overlap
from contextsafe.profile.context_tables import ContextTables
from contextsafe.profile.data import ProfileData
from contextsafe.profile.suppress import CountTable, suppress, suppress_prose

_PG = re.compile(r"^PG\d+$")


@dataclass
class Views:
    """Named tables (for the report, CSV and XLSX) and the count columns of each."""

    tables: dict[str, pl.DataFrame]
    counts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)  # person_id -> HA code
    group_codes: dict[str, str] = field(default_factory=dict)  # group_id -> PG code


def pseudonyms(groups: pl.DataFrame) -> tuple[dict[str, str], dict[str, str]]:
    """HA codes for young people in peer groups, PG codes for the groups (largest group first).

    Groups already numbered PG1, PG2 … (as ``contextsafe.contexts`` numbers them) keep their codes.
    """
    sizes = groups.group_by("group_id").len().sort(["len", "group_id"], descending=[True, False])
    ids = sizes["group_id"].to_list()
    group_codes = {g: g if all(_PG.match(i) for i in ids) else f"PG{i}" for i, g in enumerate(ids, start=1)}
    order = groups.with_columns(_recode("group_id", group_codes).alias("pg"))
    people = order.sort(_pg_number("pg"), "person_id")["person_id"].unique(maintain_order=True)
    width = max(2, len(str(len(people))))
    return {p: f"HA{i:0{width}d}" for i, p in enumerate(people.to_list(), start=1)}, group_codes


def _recode(column: str, mapping: dict[str, str]) -> pl.Expr:
    return pl.col(column).replace_strict(mapping, default=None, return_dtype=pl.String)


def _pg_number(column: str) -> pl.Expr:
    return pl.col(column).str.slice(2).cast(pl.Int64, strict=False)


def _integer_columns(frame: pl.DataFrame, *, skip: tuple[str, ...] = ()) -> tuple[str, ...]:
    return tuple(c for c, t in frame.schema.items() if t.is_integer() and c not in skip)


def analyst_views(data: ProfileData, contexts: ContextTables, overlap: Overlap, fig1: pl.DataFrame,
                  series: pl.DataFrame, changes: pl.DataFrame, equality: pl.DataFrame) -> Views:
    """Every table at full detail (for the analyst, under the run's purpose)."""
    codes, group_codes = pseudonyms(contexts.peer_groups)
    members = _members(data, contexts, codes, group_codes)
    summary = _group_summary(data, contexts, members, group_codes)
    places = contexts.places.drop("layers", "concerns", strict=False).sort("hotspot_z", descending=True)
    tables = {
        "figure1": fig1, "overlap": overlap.combinations, "overlap_totals": overlap.totals(),
        "peer_group_summary": summary, "peer_group_members": members, "schools": contexts.schools,
        "places": places, "trends": series, "trend_changes": changes, "equality": equality,
    }
    counts = {"figure1": ("count",), "overlap": ("persons",), "overlap_totals": ("persons", "only_this"),
              "peer_group_summary": _integer_columns(summary), "schools": _integer_columns(contexts.schools),
              "places": _integer_columns(places), "trends": ("events",), "trend_changes": _integer_columns(changes),
              "equality": ("count",)}
    return Views(tables, counts, codes, group_codes)


def _members(data: ProfileData, contexts: ContextTables, codes: dict[str, str],
             group_codes: dict[str, str]) -> pl.DataFrame:
    people = data.persons.select("person_id", "given_name", "family_name", "age_band", "sex", "ethnicity", "school")
    frame = contexts.peer_groups.join(people, on="person_id", how="left").with_columns(
        _recode("group_id", group_codes).alias("group"), _recode("person_id", codes).alias("code"))
    return frame.select("group", "code", "role", "role_basis", "role_evidence", "age_band", "sex", "ethnicity",
                        "school", "person_id", "given_name", "family_name").sort(_pg_number("group"), "code")


def _group_summary(data: ProfileData, contexts: ContextTables, members: pl.DataFrame,
                   group_codes: dict[str, str]) -> pl.DataFrame:
    if contexts.peer_group_summary is not None:
        return contexts.peer_group_summary.with_columns(_recode("group_id", group_codes)).rename({"group_id": "group"})
    concerns = members.join(data.person_concerns, on="person_id").group_by("group").agg(
        pl.col("concern").unique().sort().str.join(";").alias("concerns"))
    summary = members.group_by("group").agg(
        pl.len().cast(pl.Int64).alias("members"),
        (pl.col("role") == "leader").sum().cast(pl.Int64).alias("leaders_with_evidence"),
        pl.col("school").drop_nulls().n_unique().cast(pl.Int64).alias("schools_spanned"))
    return (summary.join(concerns, on="group", how="left").with_columns(pl.col("concerns").fill_null(""))
            .sort(_pg_number("group")))


def partner_views(full: Views, overlap: Overlap, threshold: int) -> Views:
    """The partner version: identifiers dropped, exact places dropped, small counts hidden."""
    t = full.tables
    summary = t["peer_group_summary"].select(
        "group", "members", *[c for c in ("leaders_with_evidence", "schools_spanned") if c in
                              t["peer_group_summary"].columns],
        pl.col("concerns").str.replace_all(r":\d+", "").alias("concerns"),
        *[c for c in ("change",) if c in t["peer_group_summary"].columns])
    big = summary.filter(pl.col("members") >= threshold)["group"].to_list()
    # Codes only: a role or age band per member would let a reader count a hidden number of leaders.
    members = t["peer_group_members"].filter(pl.col("group").is_in(big)).select("group", "code")
    schools = t["schools"].select("school_id", "name", *full.counts["schools"])
    places = t["places"].select("place_id", pl.col("lat").round(4), pl.col("lon").round(4), "spot",
                                pl.col("hotspot_z").round(1), *full.counts["places"])
    specs = [
        CountTable("figure1", t["figure1"], ("count",), partitions=()),
        CountTable("overlap", t["overlap"], ("persons",), partitions=[(), *[(label,) for label in overlap.labels]]),
        # "only this list" repeats a cell of the overlap table, which may be hidden there: left out.
        CountTable("overlap_totals", t["overlap_totals"].select("label", "persons"), ("persons",), partitions=()),
        CountTable("peer_group_summary", summary, _integer_columns(summary), partitions=((),)),
        CountTable("schools", schools, full.counts["schools"], partitions=((),)),
        CountTable("places", places, full.counts["places"], partitions=((),)),
        CountTable("trends", _with_segments(t["trends"]), ("events",), partitions=[
            ("series_kind", "series"), ("series_kind", "series", "in_first_half"),
            ("series_kind", "series", "in_previous_3"), ("series_kind", "series", "in_last_3")]),
        CountTable("trend_changes", t["trend_changes"], full.counts["trend_changes"], partitions=()),
        CountTable("equality", t["equality"], ("count",), partitions=[("list", "dimension")],
                   linked={"share": "count", "ratio": "count"}),
    ]
    tables = {spec.name: _prose_safe(suppress(spec, threshold), spec.counts, threshold) for spec in specs}
    tables["peer_group_members"] = members
    counts = {spec.name: tuple(spec.counts) for spec in specs}
    return Views(tables, counts, full.codes, full.group_codes)


def _prose_safe(frame: pl.DataFrame, counts: tuple[str, ...] | list[str], threshold: int) -> pl.DataFrame:
    """Text cells with small counts written in words ("3 to 2 events") hidden the same way."""
    text = [c for c, t in frame.schema.items() if t == pl.String and c not in counts]
    return frame.with_columns(pl.col(c).map_elements(lambda v: suppress_prose(v, threshold), return_dtype=pl.String,
                                                     skip_nulls=True) for c in text)


def _with_segments(trends: pl.DataFrame) -> pl.DataFrame:
    """Flags for the month ranges whose sums the trend table publishes (first half, previous 3, last 3)."""
    n = trends["month"].n_unique()
    ranked = trends.with_columns(pl.col("month").rank("dense").over("series_kind", "series").alias("_i"))
    return ranked.with_columns((pl.col("_i") <= n // 2).alias("in_first_half"),
                               pl.col("_i").is_between(n - 5, n - 3).alias("in_previous_3"),
                               (pl.col("_i") > n - 3).alias("in_last_3")).drop("_i")
