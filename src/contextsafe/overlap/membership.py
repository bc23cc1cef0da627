"""Who is on which list: ``(person, label)`` memberships read from the canonical store under a purpose.

A *label* is a concern (``cse``, ``gang_association`` …) or a panel (``MASE``, ``MARAC`` …). A record
belongs to the person the linker gave it in ``person_records``; a record the linker has not (yet)
placed counts as a person of its own, so an unlinked store over-counts distinct young people rather
than hiding anyone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import duckdb
import polars as pl

from contextsafe.vocab import EventType, Purpose, Role

# Event types whose participants are "on a panel list".
PANEL_EVENT_TYPES: tuple[str, ...] = (EventType.PANEL_DISCUSSION, EventType.FAIR_ACCESS_REFERRAL)

# Roles that put a participant on a list (event-level concern flags, panel events). A witness to a
# serious violence incident, or a peer named on an information form, is not on the SYV or MASE list.
COUNTED_ROLES: tuple[str, ...] = (Role.SUBJECT, Role.VICTIM, Role.SUSPECT, Role.LEADER, Role.OTHER)

UNLINKED_PREFIX = "unlinked:"

_TABLES_WITH_SOURCE = ("records", "events", "participants", "concern_flags")


@dataclass(frozen=True)
class ExcludedSource:
    """A source left out of a run, and why (stated in every output of the run)."""

    source: str
    reason: str


def split_sources(con: duckdb.DuckDBPyConnection, purpose: Purpose) -> tuple[list[str], list[ExcludedSource]]:
    """Sources whose permitted purposes include ``purpose``, and the others with the reason.

    A source that has data in the store but no row in ``sources`` declared no purposes: it is excluded.
    """
    registered = con.execute("SELECT source, permitted_purposes FROM sources ORDER BY source").fetchall()
    permitted = [s for s, purposes in registered if str(purpose) in (purposes or [])]
    excluded = [
        ExcludedSource(s, f"does not permit purpose '{purpose}' (permits: {', '.join(p or []) or 'none'})")
        for s, p in registered
        if s not in permitted
    ]
    known = {s for s, _ in registered}
    used = sorted(_sources_with_data(con) - known)
    excluded += [ExcludedSource(s, "not registered: no permitted purposes declared") for s in used]
    return permitted, excluded


def _sources_with_data(con: duckdb.DuckDBPyConnection) -> set[str]:
    union = " UNION ".join(f"SELECT DISTINCT source FROM {t}" for t in _TABLES_WITH_SOURCE)
    return {row[0] for row in con.execute(union).fetchall()}


_CONCERN_SQL = """
WITH listed AS (
    SELECT source, record_id, concern AS label FROM concern_flags WHERE record_id IS NOT NULL
    UNION
    SELECT p.source, p.record_id, f.concern AS label
    FROM concern_flags f JOIN participants p ON p.source = f.source AND p.event_id = f.event_id
    WHERE f.record_id IS NULL AND list_contains($roles::VARCHAR[], p.role)
)
"""

_PANEL_DEFAULT_SQL = """
WITH listed AS (
    SELECT DISTINCT p.source, p.record_id, coalesce(nullif(trim(e.category), ''), e.source) AS label
    FROM events e JOIN participants p ON p.source = e.source AND p.event_id = e.event_id
    WHERE list_contains($event_types::VARCHAR[], e.event_type) AND list_contains($roles::VARCHAR[], p.role)
)
"""

# With an explicit source -> panel mapping, every event of a panel source counts; a list exported as
# records only (no events) counts each record.
_PANEL_MAPPED_SQL = """
WITH panel_map AS (
    SELECT unnest($map_sources::VARCHAR[]) AS source, unnest($map_panels::VARCHAR[]) AS panel
), listed AS (
    SELECT DISTINCT p.source, p.record_id, m.panel AS label
    FROM participants p JOIN panel_map m ON m.source = p.source
    WHERE list_contains($roles::VARCHAR[], p.role)
    UNION
    SELECT r.source, r.record_id, m.panel AS label
    FROM records r JOIN panel_map m ON m.source = r.source
    WHERE NOT EXISTS (SELECT 1 FROM participants p WHERE p.source = r.source AND p.record_id = r.record_id)
)
"""

_TO_PERSONS_SQL = f"""
SELECT DISTINCT coalesce(pr.person_id, '{UNLINKED_PREFIX}' || l.source || '/' || l.record_id) AS person,
       l.label AS label
FROM listed l LEFT JOIN person_records pr ON pr.source = l.source AND pr.record_id = l.record_id
WHERE list_contains($permitted::VARCHAR[], l.source)
"""


def memberships(
    con: duckdb.DuckDBPyConnection,
    by: str,
    permitted: list[str],
    *,
    panels: Mapping[str, str] | None = None,
    roles: tuple[str, ...] = COUNTED_ROLES,
) -> pl.DataFrame:
    """Distinct ``(person, label)`` pairs from the permitted sources, before any grouping."""
    params: dict[str, object] = {"permitted": permitted, "roles": [str(r) for r in roles]}
    if by == "concern":
        sql = _CONCERN_SQL
    elif panels is None:
        sql = _PANEL_DEFAULT_SQL
        params["event_types"] = [str(t) for t in PANEL_EVENT_TYPES]
    else:
        sql = _PANEL_MAPPED_SQL
        params["map_sources"], params["map_panels"] = list(panels), list(panels.values())
    frame = con.sql(sql + _TO_PERSONS_SQL, params=params).pl()
    return frame.cast({"person": pl.String, "label": pl.String})

