"""What a profile run reads from the store, under its purpose.

Only sources whose mapping permits the run's purpose are read; the others are named with the reason
(:func:`contextsafe.overlap.membership.split_sources`, shared with the overlap stage). A record the
linker has not placed counts as a person of its own (``unlinked:<source>/<record_id>``), as in overlap.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
import polars as pl

from contextsafe.overlap.membership import UNLINKED_PREFIX, ExcludedSource, memberships, split_sources
from contextsafe.profile.groups import age_band, broad_ethnicity, sex_label
from contextsafe.store import Workspace
from contextsafe.vocab import Purpose

_PERSON = f"coalesce(pr.person_id, '{UNLINKED_PREFIX}' || r.source || '/' || r.record_id)"

_RECORDS_SQL = f"""
SELECT r.source, r.record_id, {_PERSON} AS person_id, pr.match_probability,
       r.given_name, r.family_name, r.other_names, r.date_of_birth, r.age_band, r.sex, r.ethnicity,
       r.postcode, r.address, r.school, r.latitude, r.longitude, r.lsoa, r.ward, r.recorded_on
FROM records r LEFT JOIN person_records pr ON pr.source = r.source AND pr.record_id = r.record_id
WHERE list_contains($permitted::VARCHAR[], r.source)
"""

_EVENTS_SQL = """
SELECT e.source, e.event_id, e.event_type, e.category, e.occurred_on, e.place_name, e.postcode,
       e.latitude, e.longitude, e.lsoa, e.ward
FROM events e WHERE list_contains($permitted::VARCHAR[], e.source)
"""

_PARTICIPANTS_SQL = f"""
SELECT p.source, p.event_id, p.record_id, {_PERSON} AS person_id, p.role, p.influence
FROM participants p JOIN records r ON r.source = p.source AND r.record_id = p.record_id
LEFT JOIN person_records pr ON pr.source = p.source AND pr.record_id = p.record_id
WHERE list_contains($permitted::VARCHAR[], p.source)
"""

_EVENT_CONCERNS_SQL = """
SELECT DISTINCT f.source, f.event_id, f.concern FROM concern_flags f
WHERE f.event_id IS NOT NULL AND list_contains($permitted::VARCHAR[], f.source)
UNION
SELECT DISTINCT p.source, p.event_id, f.concern FROM concern_flags f
JOIN participants p ON p.source = f.source AND p.record_id = f.record_id
WHERE f.record_id IS NOT NULL AND f.event_id IS NULL AND list_contains($permitted::VARCHAR[], f.source)
"""

_ASSOCIATIONS_SQL = f"""
SELECT a.source, a.record_id, {_PERSON} AS person_id, a.context_kind, a.context_ref, a.association_type,
       a.observed_on, a.context_id
FROM associations a JOIN records r ON r.source = a.source AND r.record_id = a.record_id
LEFT JOIN person_records pr ON pr.source = a.source AND pr.record_id = a.record_id
WHERE list_contains($permitted::VARCHAR[], a.source)
"""


@dataclass
class ProfileData:
    """Every table of the store a profile reads, limited to the permitted sources."""

    purpose: Purpose
    permitted: list[str]
    excluded: list[ExcludedSource]
    sources: pl.DataFrame  # source, agency, legal_basis, information_sharing_agreement, permitted_purposes
    records: pl.DataFrame
    persons: pl.DataFrame  # person_id, sex, ethnicity, date_of_birth, age_band, ward, lsoa, school
    events: pl.DataFrame
    participants: pl.DataFrame
    event_concerns: pl.DataFrame  # source, event_id, concern
    person_concerns: pl.DataFrame  # person_id, concern
    person_panels: pl.DataFrame  # person_id, panel
    associations: pl.DataFrame
    schools: pl.DataFrame  # context_id, name, ref, latitude, longitude
    areas: pl.DataFrame  # level, code, name, wkt
    bus_stops: pl.DataFrame
    period_end: dt.date
    extra: dict[str, object] = field(default_factory=dict)

    def months(self) -> list[str]:
        """Every month of the profile period, ``YYYY-MM``, oldest first."""
        dated = self.events.filter(pl.col("occurred_on").is_not_null())
        if dated.is_empty():
            return []
        first, last = dated["occurred_on"].min(), dated["occurred_on"].max()
        out, (y, m) = [], (first.year, first.month)
        while (y, m) <= (last.year, last.month):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


def load_profile_data(workspace: Workspace, purpose: Purpose) -> ProfileData:
    """Read the store for one profile run (read-only connection)."""
    with workspace.connect(read_only=True) as con:
        permitted, excluded = split_sources(con, purpose)
        params = {"permitted": permitted}
        records = _frame(con, _RECORDS_SQL, params)
        events = _frame(con, _EVENTS_SQL, params)
        data = ProfileData(
            purpose=purpose, permitted=permitted, excluded=excluded,
            sources=_frame(con, "SELECT source, agency, legal_basis, information_sharing_agreement, "
                                "permitted_purposes, retention FROM sources ORDER BY source", {}),
            records=records, persons=pl.DataFrame(), events=events,
            participants=_frame(con, _PARTICIPANTS_SQL, params),
            event_concerns=_frame(con, _EVENT_CONCERNS_SQL, params),
            person_concerns=memberships(con, "concern", permitted).rename({"person": "person_id",
                                                                           "label": "concern"}),
            person_panels=memberships(con, "panel", permitted).rename({"person": "person_id", "label": "panel"}),
            associations=_frame(con, _ASSOCIATIONS_SQL, params),
            schools=_frame(con, "SELECT context_id, name, ref, latitude, longitude FROM contexts "
                                "WHERE kind = 'school' ORDER BY name", {}),
            areas=_optional(con, "SELECT level, code, name, wkt FROM ref_areas ORDER BY level, code"),
            bus_stops=_optional(con, "SELECT stop_code, name, latitude, longitude FROM ref_bus_stops"),
            period_end=_period_end(events),
        )
    data.persons = person_table(data.records, data.associations, data.period_end)
    return data


def person_table(records: pl.DataFrame, associations: pl.DataFrame, period_end: dt.date) -> pl.DataFrame:
    """One row per person: the most often recorded sex, ethnicity, date of birth, home area and school."""
    if records.is_empty():
        return pl.DataFrame(schema={"person_id": pl.String, "sex": pl.String, "ethnicity": pl.String,
                                    "date_of_birth": pl.Date, "age_band": pl.String, "ward": pl.String,
                                    "lsoa": pl.String, "school": pl.String, "given_name": pl.String,
                                    "family_name": pl.String})
    recs = records.with_columns(_mapped("ethnicity", records, broad_ethnicity), _mapped("sex", records, sex_label))
    known = {"sex": "Unknown", "ethnicity": "Unknown"}
    cols = ["sex", "ethnicity", "date_of_birth", "ward", "lsoa", "given_name", "family_name"]
    persons = recs.group_by("person_id").agg([_mode(c, known.get(c)) for c in cols])
    schools = (associations.filter(pl.col("context_kind") == "school").group_by("person_id")
               .agg(pl.col("context_ref").mode().sort().first().alias("school")))
    persons = persons.join(schools, on="person_id", how="left").with_columns(
        pl.col("sex").fill_null("Unknown"), pl.col("ethnicity").fill_null("Unknown"),
        _mapped("date_of_birth", persons, lambda d: age_band(d, period_end)).alias("age_band"))
    return persons.sort("person_id")


def _mapped(column: str, frame: pl.DataFrame, function) -> pl.Expr:  # noqa: ANN001 - value -> label
    """``function`` applied once per distinct value of ``column`` (agencies use few codes; people share birthdays)."""
    values = frame[column].unique().to_list()
    mapping = {v: function(v) for v in values if v is not None}
    return pl.col(column).replace_strict(mapping, default=function(None), return_dtype=pl.String).alias(column)


def _mode(column: str, unknown: str | None) -> pl.Expr:
    values = pl.col(column).drop_nulls()
    if unknown is not None:
        values = values.filter(values != unknown)
    return values.mode().sort().first().alias(column)


def _period_end(events: pl.DataFrame) -> dt.date:
    dated = events["occurred_on"].drop_nulls() if not events.is_empty() else None
    if dated is None or dated.is_empty():
        return dt.datetime.now(dt.UTC).date()
    return dated.max().date()


def _frame(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> pl.DataFrame:
    return con.sql(sql, params=params).pl() if params else con.sql(sql).pl()


def _optional(con: duckdb.DuckDBPyConnection, sql: str) -> pl.DataFrame:
    try:
        return con.sql(sql).pl()
    except duckdb.CatalogException:
        return pl.DataFrame()
