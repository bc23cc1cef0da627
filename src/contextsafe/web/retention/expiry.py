"""What is past its source's retention period, and deleting it. Works on a workspace alone (no Django), so
the ``contextsafe retention`` command and the data protection officer's page share it; both log what it did.

A record is due when ``recorded_on`` plus its source's ``retention_days`` is before today; an event when its
``occurred_on`` is. Rows hanging from them (participants, concern flags, associations, person links) go with
them. A derived output (profile, list, map, export under ``outputs/``) is due when it is older than the
shortest retention of any source, since it may carry any of them.

A young person's membership of a context (an association: attends a school, member of a peer group,
frequents a place, resides at a home) is there for the reason its source recorded, until that observation's
date (else its record's) plus the source's retention period: after that the membership has lapsed, is listed
as ``memberships`` and deleted, even when the record it came from is kept for longer.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from contextsafe.store import Workspace

DUE_RECORDS = """SELECT r.source, r.record_id FROM records r JOIN sources s USING (source)
                 WHERE r.recorded_on IS NOT NULL AND r.recorded_on + s.retention_days < ?::DATE"""
DUE_EVENTS = """SELECT e.source, e.event_id FROM events e JOIN sources s USING (source)
                WHERE e.occurred_on IS NOT NULL AND CAST(e.occurred_on AS DATE) + s.retention_days < ?::DATE"""
DUE_MEMBERSHIPS = """SELECT a.source, a.record_id, a.context_kind, a.context_ref, a.association_type
                     FROM associations a JOIN sources s USING (source) LEFT JOIN records r USING (source, record_id)
                     WHERE coalesce(a.observed_on, r.recorded_on) IS NULL
                        OR coalesce(a.observed_on, r.recorded_on) + s.retention_days < ?::DATE"""
MEMBERSHIP_KEY = ("source", "record_id", "context_kind", "context_ref", "association_type")
# Tables keyed on records and on events, deleted with them.
BY_RECORD = ("participants", "concern_flags", "associations", "person_records")
BY_EVENT = ("participants", "concern_flags")


@dataclass(frozen=True)
class DueItem:
    """One source's (or one output file's) rows past retention."""

    what: str  # "records", "events", "memberships" or "output"
    source: str  # a source name, or an output file's path under the workspace
    count: int
    retention_days: int


AS_OF = "CONTEXTSAFE_AS_OF"


def judged_on() -> date:
    """The day retention and reviews are judged on: today, unless ``CONTEXTSAFE_AS_OF`` (an ISO date) says
    otherwise — for a demonstration over data of past years (the synthetic borough sits on the real
    2017–18 police data), where every review would otherwise have lapsed long ago."""
    fixed = os.environ.get(AS_OF, "").strip()
    return date.fromisoformat(fixed) if fixed else datetime.now(UTC).date()


def latest_data_date(ws: Workspace) -> date | None:
    """The last day the store's events and records speak of (a demonstration's natural 'as of' date)."""
    with ws.connect(read_only=True) as con:
        row = con.execute("SELECT greatest(max(CAST(occurred_on AS DATE)), (SELECT max(recorded_on) FROM records)) "
                          "FROM events").fetchone()
    return row[0] if row else None


def due(ws: Workspace, today: date | None = None) -> list[DueItem]:
    """Everything past retention on ``today`` (default: :func:`judged_on`), per source and per output file."""
    today = today or judged_on()
    with ws.connect(read_only=True) as con:
        items = (_counted(con, "records", DUE_RECORDS, today) + _counted(con, "events", DUE_EVENTS, today)
                 + _counted(con, "memberships", DUE_MEMBERSHIPS, today))
        shortest = con.execute("SELECT min(retention_days) FROM sources").fetchone()[0]
    return items + _outputs_due(ws, today, shortest)


def _counted(con, what: str, sql: str, today: date) -> list[DueItem]:  # noqa: ANN001
    rows = con.execute(f"SELECT d.source, count(*), any_value(s.retention_days) FROM ({sql}) d "  # noqa: S608
                       "JOIN sources s USING (source) GROUP BY d.source ORDER BY d.source", [today]).fetchall()
    return [DueItem(what, source, count, days) for source, count, days in rows]


def _outputs_due(ws: Workspace, today: date, shortest: int | None) -> list[DueItem]:
    if shortest is None or not ws.outputs_dir.exists():
        return []
    items = []
    for path in sorted(p for p in ws.outputs_dir.rglob("*") if p.is_file()):
        made = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).date()
        if (today - made).days > shortest:
            items.append(DueItem("output", str(path.relative_to(ws.root)), 1, shortest))
    return items


def delete_due(ws: Workspace, today: date | None = None) -> list[DueItem]:
    """Delete everything :func:`due` lists, in one transaction for the store; returns what was deleted."""
    today = today or judged_on()
    items = due(ws, today)
    with ws.connect() as con:
        con.execute("BEGIN")
        con.execute(f"CREATE TEMP TABLE due_records AS {DUE_RECORDS}", [today])
        con.execute(f"CREATE TEMP TABLE due_events AS {DUE_EVENTS}", [today])
        con.execute(f"CREATE TEMP TABLE due_memberships AS {DUE_MEMBERSHIPS}", [today])
        same = " AND ".join(f"t.{c} = d.{c}" for c in MEMBERSHIP_KEY)
        con.execute(f"DELETE FROM associations t USING due_memberships d WHERE {same}")  # noqa: S608
        for table in BY_RECORD:
            con.execute(f"DELETE FROM {table} t USING due_records d "  # noqa: S608
                        "WHERE t.source = d.source AND t.record_id = d.record_id")
        for table in BY_EVENT:
            con.execute(f"DELETE FROM {table} t USING due_events d "  # noqa: S608
                        "WHERE t.source = d.source AND t.event_id = d.event_id")
        con.execute("DELETE FROM records t USING due_records d WHERE t.source = d.source AND t.record_id = d.record_id")
        con.execute("DELETE FROM events t USING due_events d WHERE t.source = d.source AND t.event_id = d.event_id")
        con.execute("COMMIT")
    for item in items:
        if item.what == "output":
            Path(ws.root, item.source).unlink(missing_ok=True)
    return items
