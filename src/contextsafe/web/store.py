"""Read the analysis workspace (the canonical DuckDB store) for the web application.

Every function that returns personal data takes the ``sources`` an access :class:`~contextsafe.web.access.Decision`
made visible and reads nothing else; it never decides who may see what. Contexts are the store's
``contexts`` rows (schools) plus every context an association names (peer groups, places, homes), each
identified as ``context_id`` or ``kind:ref``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import duckdb
from django.conf import settings

from contextsafe.store import Workspace

SEARCH_LIMIT = 50
CONTEXT_KEY = "coalesce(a.context_id, a.context_kind || ':' || a.context_ref)"
# Why a young person is in a context, and until when: the association's date (else its record's) plus its
# source's retention period. Past that date the reason has lapsed and retention removes the membership.
MEMBERSHIP_REVIEW = "coalesce(a.observed_on, r.recorded_on) + s.retention_days"
# Why a young person is on a source's list (a record held about them), and until when.
RECORD_REVIEW = "r.recorded_on + s.retention_days"


@dataclass(frozen=True)
class Source:
    source: str
    agency: str
    legal_basis: str
    agreement: str
    purposes: tuple[str, ...]
    retention: str
    retention_days: int


def workspace() -> Workspace | None:
    root = settings.CONTEXTSAFE_WORKSPACE
    if not root or not (Path(root) / "store.duckdb").exists():
        return None
    return Workspace(Path(root).resolve())


_request = threading.local()
_shared: dict = {"path": None, "con": None}
_shared_lock = threading.Lock()


@contextmanager
def request_connection() -> Iterator[None]:
    """Give each request its own cursor on one process-wide read-only connection to the store (opened on first
    use). Opening the file per request costs ~13 ms and races when many requests start together."""
    _request.con = None
    _request.active = True
    try:
        yield
    finally:
        if _request.con is not None:
            _request.con.close()
        _request.con = None
        _request.active = False


def release() -> None:
    """Close the process's store connection (before writing to the store in this process, e.g. retention).
    While the application holds it, the store is read-only to other processes."""
    with _shared_lock:
        if getattr(_request, "con", None) is not None:
            _request.con.close()
            _request.con = None
        if _shared["con"] is not None:
            _shared["con"].close()
        _shared.update(path=None, con=None)


def _cursor(ws: Workspace) -> duckdb.DuckDBPyConnection:
    with _shared_lock:
        if _shared["path"] != ws.store_path:
            if _shared["con"] is not None:
                _shared["con"].close()
            con = duckdb.connect(str(ws.store_path), read_only=True)
            # Requests run side by side (threads and worker processes): one query is one thread, rather than
            # every query spreading over every core and contending with the others.
            con.execute("SET threads = 1")
            _shared.update(path=ws.store_path, con=con)
        return _shared["con"].cursor()


def query(sql: str, params: list | None = None) -> list[dict]:
    """Rows of a parameterised query on the store, as dicts (no store: no rows)."""
    ws = workspace()
    if ws is None:
        return []
    if getattr(_request, "active", False):
        if _request.con is None:
            _request.con = _cursor(ws)
        return _rows(_request.con.execute(sql, params or []))
    with ws.connect(read_only=True) as con:
        return _rows(con.execute(sql, params or []))


def _rows(cursor) -> list[dict]:  # noqa: ANN001
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _like(text: str) -> str:
    """A contains-pattern matching ``text`` literally: % and _ typed by the user are not wildcards."""
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def sources() -> dict[str, Source]:
    ws = workspace()
    return _sources(str(ws.store_path), ws.store_path.stat().st_mtime_ns) if ws else {}


@lru_cache(maxsize=4)
def _sources(path: str, _mtime: int) -> dict[str, Source]:
    rows = query("SELECT source, agency, legal_basis, information_sharing_agreement AS agreement, "
                 "permitted_purposes AS purposes, retention, retention_days FROM sources ORDER BY source")
    return {r["source"]: Source(**{**r, "purposes": tuple(r["purposes"])}) for r in rows}


def sources_permitting(purpose: str) -> set[str]:
    return {name for name, s in sources().items() if purpose in s.purposes}


def agreements(names: Iterable[str]) -> tuple[str, ...]:
    known = sources()
    return tuple(sorted({known[n].agreement for n in names if n in known}))


def sources_of(kind: str, ident: str) -> set[str]:
    """The sources holding a person or a context (empty when there is no such record)."""
    if kind == "person":
        rows = query("SELECT DISTINCT source FROM person_records WHERE person_id = ?", [ident])
    else:
        rows = query(f"SELECT DISTINCT a.source FROM associations a WHERE {CONTEXT_KEY} = ?", [ident])  # noqa: S608
    return {r["source"] for r in rows}


def search_people(text: str, visible: Iterable[str], limit: int = SEARCH_LIMIT) -> list[dict]:
    """Linked young people whose name or record id contains ``text``, through visible sources only."""
    like = _like(text)
    return query("""
        SELECT p.person_id, min(r.given_name) AS given_name, min(r.family_name) AS family_name,
               min(r.date_of_birth) AS date_of_birth, count(*) AS records, list(DISTINCT r.source) AS sources
        FROM person_records p JOIN records r USING (source, record_id)
        WHERE list_contains(?::VARCHAR[], r.source)
          AND (r.given_name ILIKE ? ESCAPE '\\' OR r.family_name ILIKE ? ESCAPE '\\'
               OR r.record_id ILIKE ? ESCAPE '\\' OR p.person_id ILIKE ? ESCAPE '\\'
               OR (r.given_name || ' ' || r.family_name) ILIKE ? ESCAPE '\\')
        GROUP BY p.person_id ORDER BY family_name, given_name, p.person_id LIMIT ?""",
                 [sorted(visible), like, like, like, like, like, limit])


def person(ident: str, visible: Iterable[str]) -> dict:
    """One linked young person: source records, timeline of events (with role), concerns and contexts."""
    params = [ident, sorted(visible)]
    records = query(f"""SELECT r.source, r.record_id, r.given_name, r.family_name, r.date_of_birth, r.sex,
                               r.school, r.postcode, r.recorded_on, p.match_probability, s.agency,
                               {RECORD_REVIEW} AS review_on
                        FROM person_records p JOIN records r USING (source, record_id)
                        JOIN sources s ON s.source = r.source
                        WHERE p.person_id = ? AND list_contains(?::VARCHAR[], r.source)
                        ORDER BY r.source, r.record_id""", params)  # noqa: S608
    timeline = query("""SELECT e.source, e.event_id, e.event_type, e.category, e.occurred_on, e.place_name,
                               pa.role, e.description
                        FROM person_records p JOIN participants pa USING (source, record_id)
                        JOIN events e ON e.source = pa.source AND e.event_id = pa.event_id
                        WHERE p.person_id = ? AND list_contains(?::VARCHAR[], e.source)
                        ORDER BY e.occurred_on NULLS LAST, e.event_id""", params)
    flags = query("""SELECT DISTINCT f.concern, f.source, f.record_id FROM person_records p
                     JOIN concern_flags f ON f.source = p.source AND f.record_id = p.record_id
                     WHERE p.person_id = ? AND list_contains(?::VARCHAR[], f.source)
                     ORDER BY f.concern, f.source, f.record_id""", params)
    concerns = [{"concern": c, "source": s} for c, s in dict.fromkeys((f["concern"], f["source"]) for f in flags)]
    flagged: dict[tuple[str, str], list[str]] = {}
    for f in flags:
        flagged.setdefault((f["source"], f["record_id"]), []).append(f["concern"])
    contexts = query(f"""SELECT DISTINCT {CONTEXT_KEY} AS context, a.context_kind, a.context_ref,
                                a.association_type, a.source, a.record_id, a.observed_on, s.agency,
                                {MEMBERSHIP_REVIEW} AS review_on
                         FROM person_records p JOIN associations a USING (source, record_id)
                         LEFT JOIN records r USING (source, record_id) JOIN sources s ON s.source = a.source
                         WHERE p.person_id = ? AND list_contains(?::VARCHAR[], a.source)
                         ORDER BY a.context_kind, context, a.source, a.record_id""", params)  # noqa: S608
    on = today()
    for r in records:
        reason = ", ".join(flagged.get((r["source"], r["record_id"]), [])) or "record held"
        r.update(reason=f"{reason} ({r['agency']}, recorded {_day(r['recorded_on'])})",
                 lapsed=_lapsed(r["review_on"], on))
    for c in contexts:
        _explain_membership(c, on)
    return {"person_id": ident, "records": records, "timeline": timeline, "concerns": concerns,
            "contexts": contexts}


def today() -> date:
    """The day reviews are judged on: the local date, or ``CONTEXTSAFE_AS_OF`` for a demonstration over past
    years' data (see :func:`contextsafe.web.retention.expiry.judged_on`; tests may replace it)."""
    import os

    from django.utils import timezone

    fixed = os.environ.get("CONTEXTSAFE_AS_OF", "").strip()
    return date.fromisoformat(fixed) if fixed else timezone.localdate()


def _day(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else "date unknown"


def _lapsed(review_on: date | None, on: date) -> bool:
    """A reason with no date to review it from has lapsed: nobody can say it still holds."""
    return review_on is None or review_on < on


def _explain_membership(row: dict, on: date) -> None:
    """Add ``reason`` (what put the young person there: association, source, record, date) and ``lapsed``."""
    row["reason"] = (f"{row['association_type']} ({row['agency']} record {row['record_id']}, "
                     f"observed {_day(row['observed_on'])})")
    row["lapsed"] = _lapsed(row["review_on"], on)


def search_contexts(text: str, visible: Iterable[str], limit: int = SEARCH_LIMIT) -> list[dict]:
    """Contexts (peer groups, schools, places, homes) whose name or reference contains ``text``."""
    like = _like(text)
    return query(f"""
        SELECT {CONTEXT_KEY} AS context, a.context_kind AS kind, coalesce(min(c.name), min(a.context_ref)) AS name,
               count(DISTINCT p.person_id) AS members, list(DISTINCT a.source) AS sources
        FROM associations a LEFT JOIN contexts c ON c.context_id = a.context_id
        LEFT JOIN person_records p ON p.source = a.source AND p.record_id = a.record_id
        WHERE list_contains(?::VARCHAR[], a.source)
          AND (a.context_ref ILIKE ? ESCAPE '\\' OR c.name ILIKE ? ESCAPE '\\' OR {CONTEXT_KEY} ILIKE ? ESCAPE '\\')
        GROUP BY ALL ORDER BY members DESC, context LIMIT ?""",  # noqa: S608
                 [sorted(visible), like, like, like, limit])


def context(ident: str, visible: Iterable[str]) -> dict:
    """One context: what it is, its members (with how they are associated) and their events."""
    params = [ident, sorted(visible)]
    about = query("SELECT context_id, kind, name, ref, latitude, longitude FROM contexts WHERE context_id = ?",
                  [ident])
    members = query(f"""SELECT p.person_id, a.source, a.record_id, a.association_type, a.observed_on,
                               r.given_name, r.family_name, s.agency, {MEMBERSHIP_REVIEW} AS review_on
                        FROM associations a JOIN person_records p USING (source, record_id)
                        JOIN records r USING (source, record_id) JOIN sources s ON s.source = a.source
                        WHERE {CONTEXT_KEY} = ? AND list_contains(?::VARCHAR[], a.source)
                        ORDER BY p.person_id, a.source, a.record_id""", params)  # noqa: S608
    on = today()
    for m in members:
        _explain_membership(m, on)
    events = query(f"""SELECT DISTINCT e.source, e.event_id, e.event_type, e.occurred_on, e.place_name, pa.role,
                              p.person_id, e.latitude, e.longitude
                       FROM associations a JOIN person_records p USING (source, record_id)
                       JOIN participants pa ON pa.source = a.source AND pa.record_id = a.record_id
                       JOIN events e ON e.source = pa.source AND e.event_id = pa.event_id
                       WHERE {CONTEXT_KEY} = ? AND list_contains(?::VARCHAR[], a.source)
                       ORDER BY e.occurred_on NULLS LAST, e.event_id LIMIT 500""", params)  # noqa: S608
    kind, _, ref = ident.partition(":")
    head = about[0] if about else {"context_id": ident, "kind": kind, "name": ref, "ref": ref}
    return {**head, "members": members, "events": events, "network": network(members, events)}


def network(members: list[dict], events: list[dict]) -> list[dict]:
    """Edges between members who took part in the same event: the context's network view, as a table."""
    by_event: dict[tuple, set[str]] = {}
    for e in events:
        by_event.setdefault((e["source"], e["event_id"]), set()).add(e["person_id"])
    edges: dict[tuple[str, str], int] = {}
    for people in by_event.values():
        ordered = sorted(people)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                edges[(a, b)] = edges.get((a, b), 0) + 1
    return [{"a": a, "b": b, "events": n} for (a, b), n in sorted(edges.items())]
