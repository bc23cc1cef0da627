"""Monthly series by concern and by context type, and which are new, growing or receding.

The rule, stated in the report: compare the last three months of the period with the three before.
*new*: none in the first half of the period and some in the last three months; *growing*: up by a
quarter or more and by at least ``min_change`` events; *receding*: down by a quarter or more and by at
least ``min_change``; otherwise *steady*. A short, plain rule an analyst can check by hand; not a test
of significance.
"""

from __future__ import annotations

import polars as pl

from contextsafe.profile.context_tables import ContextTables
from contextsafe.profile.data import ProfileData

RULE = ("last 3 months against the 3 before: new = none in the first half of the period and some in the last "
        "3 months; growing = up by 25% or more and by at least {m} events; receding = down by 25% or more and by at "
        "least {m}; otherwise steady")

# Context type of an event, by event type (peer group: any event with two or more members of one group).
CONTEXT_OF_EVENT = {
    "home": ("domestic_abuse_callout", "household_disturbance", "missing_episode"),
    "school": ("exclusion", "fair_access_referral", "missing_education"),
    "public space": ("crime", "asb", "bus_incident", "stop_and_search", "travel_card_withdrawn"),
}


def monthly_series(data: ProfileData, contexts: ContextTables) -> pl.DataFrame:
    """Long table: series_kind (concern/context), series, month (YYYY-MM), events."""
    months = data.months()
    dated = data.events.filter(pl.col("occurred_on").is_not_null()).with_columns(
        pl.col("occurred_on").dt.strftime("%Y-%m").alias("month"))
    involving = dated.join(data.participants.select("source", "event_id").unique(), on=["source", "event_id"],
                           how="semi")
    by_concern = involving.join(data.event_concerns, on=["source", "event_id"]).select(
        pl.lit("concern").alias("series_kind"), pl.col("concern").alias("series"), "month")
    by_context = [involving.filter(pl.col("event_type").is_in(types)).select(
        pl.lit("context").alias("series_kind"), pl.lit(kind).alias("series"), "month")
        for kind, types in CONTEXT_OF_EVENT.items()]
    by_context.append(_group_events(involving, data, contexts))
    long = pl.concat([by_concern, *by_context])
    counts = long.group_by("series_kind", "series", "month").agg(pl.len().cast(pl.Int64).alias("events"))
    grid = long.select("series_kind", "series").unique().join(pl.DataFrame({"month": months}), how="cross")
    return (grid.join(counts, on=["series_kind", "series", "month"], how="left")
            .with_columns(pl.col("events").fill_null(0)).sort("series_kind", "series", "month"))


def _group_events(involving: pl.DataFrame, data: ProfileData, contexts: ContextTables) -> pl.DataFrame:
    members = data.participants.join(contexts.peer_groups.select("group_id", "person_id"), on="person_id")
    shared = members.group_by("source", "event_id", "group_id").agg(pl.col("person_id").n_unique().alias("k"))
    ids = shared.filter(pl.col("k") >= 2).select("source", "event_id").unique()
    return involving.join(ids, on=["source", "event_id"], how="semi").select(
        pl.lit("context").alias("series_kind"), pl.lit("peer group").alias("series"), "month")


def changes(series: pl.DataFrame, min_change: int = 5) -> pl.DataFrame:
    """Per series: events in the first half, previous 3 and last 3 months, and the direction by :data:`RULE`."""
    rows = []
    for (kind, name), frame in series.group_by(["series_kind", "series"], maintain_order=True):
        values = frame.sort("month")["events"].to_list()
        first_half, before, last = sum(values[: len(values) // 2]), sum(values[-6:-3]), sum(values[-3:])
        rows.append((kind, name, sum(values), first_half, before, last, _direction(first_half, before, last,
                                                                                     min_change)))
    return pl.DataFrame(rows, schema={"series_kind": pl.String, "series": pl.String, "total": pl.Int64,
                                      "first_half": pl.Int64, "previous_3_months": pl.Int64,
                                      "last_3_months": pl.Int64, "direction": pl.String}, orient="row")


def _direction(first_half: int, before: int, last: int, min_change: int) -> str:
    if first_half == 0 and last > 0:
        return "new"
    if last - before >= min_change and last >= 1.25 * before:
        return "growing"
    if before - last >= min_change and last <= 0.75 * before:
        return "receding"
    return "steady"
