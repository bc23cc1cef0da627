"""Families and homes as contexts: households linked to domestic abuse and to siblings or peers of concern.

Why: the report asks whether young people harmed by peers also live with domestic abuse, and whether
brothers and sisters are drawn into the same peer groups. Agency exports rarely carry a household id,
so a household is built from evidence, each piece named in the output:

- ``same_home_event`` — listed together on one domestic abuse or household disturbance call-out, or on
  one case flagged ``domestic_abuse_at_home`` (a MARAC case lists the children of the household);
- ``postcode_surname`` — records with the same postcode and family name.

Domestic abuse is taken from domestic abuse call-outs, cases flagged ``domestic_abuse_at_home`` and
person flags — but not from household *disturbance* call-outs, whatever their flag column says: the
call type records that it was not domestic abuse (the synthetic export flags "child present" on both).

Persons joined by any piece of evidence are one household (connected components). A household is
reported when it is linked to domestic abuse or holds two or more young people one of whom is of concern.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import duckdb
import polars as pl

from contextsafe.contexts._store import PERSON_SQL, permitted_sources, query
from contextsafe.contexts.graph import HOME_EVENT_TYPES
from contextsafe.contexts.groups import PeerGroups
from contextsafe.overlap.membership import memberships
from contextsafe.store import Workspace
from contextsafe.vocab import Concern, EventType, Purpose

DA = str(Concern.DOMESTIC_ABUSE_AT_HOME)

_RECORDS_SQL = f"""
SELECT {PERSON_SQL} AS person, x.source, x.record_id,
       upper(regexp_replace(trim(x.postcode), '\\s+', ' ', 'g')) AS postcode, upper(trim(x.family_name)) AS surname
FROM records x LEFT JOIN person_records pr ON pr.source = x.source AND pr.record_id = x.record_id
WHERE list_contains($permitted::VARCHAR[], x.source)
"""

# Participants of home events and of events carrying a domestic-abuse-at-home flag.
_HOME_EVENTS_SQL = f"""
WITH flagged AS (
    SELECT DISTINCT source, event_id FROM concern_flags WHERE concern = '{DA}' AND event_id IS NOT NULL
)
SELECT {PERSON_SQL} AS person, x.source, x.event_id, e.event_type,
       e.event_type <> '{EventType.HOUSEHOLD_DISTURBANCE}'
       AND EXISTS (SELECT 1 FROM flagged f WHERE f.source = x.source AND f.event_id = x.event_id) AS da_flag
FROM participants x JOIN events e ON e.source = x.source AND e.event_id = x.event_id
LEFT JOIN person_records pr ON pr.source = x.source AND pr.record_id = x.record_id
WHERE list_contains($permitted::VARCHAR[], x.source)
  AND (list_contains($home::VARCHAR[], e.event_type)
       OR EXISTS (SELECT 1 FROM flagged f WHERE f.source = x.source AND f.event_id = x.event_id))
"""

# Persons with a domestic-abuse-at-home flag, except flags on household disturbance call-outs: there
# the call type says it was not domestic abuse, whatever the flag column (e.g. "child present") says.
_DA_PERSONS_SQL = f"""
WITH flagged AS (
    SELECT f.source, f.record_id FROM concern_flags f
    LEFT JOIN events e ON e.source = f.source AND e.event_id = f.event_id
    WHERE f.concern = '{DA}' AND f.record_id IS NOT NULL
      AND coalesce(e.event_type, '') <> '{EventType.HOUSEHOLD_DISTURBANCE}'
    UNION
    SELECT p.source, p.record_id FROM concern_flags f
    JOIN participants p ON p.source = f.source AND p.event_id = f.event_id
    JOIN events e ON e.source = f.source AND e.event_id = f.event_id
    WHERE f.concern = '{DA}' AND f.record_id IS NULL AND e.event_type <> '{EventType.HOUSEHOLD_DISTURBANCE}'
)
SELECT DISTINCT {PERSON_SQL} AS person
FROM flagged x LEFT JOIN person_records pr ON pr.source = x.source AND pr.record_id = x.record_id
WHERE list_contains($permitted::VARCHAR[], x.source)
"""


HOME_COLUMNS = {
    "home_id": pl.String, "persons": pl.Int64, "person_ids": pl.String, "postcodes": pl.String,
    "evidence": pl.String, "domestic_abuse": pl.Boolean, "domestic_abuse_sources": pl.String,
    "da_callouts": pl.Int64, "household_disturbances": pl.Int64, "da_panel_cases": pl.Int64,
    "persons_of_concern": pl.Int64, "concerns": pl.String, "peer_groups": pl.String,
}


class _Households:
    """Union-find over person ids, remembering the evidence that joined them."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.evidence: dict[str, Counter[str]] = defaultdict(Counter)

    def find(self, p: str) -> str:
        self.parent.setdefault(p, p)
        while self.parent[p] != p:
            self.parent[p] = self.parent[self.parent[p]]
            p = self.parent[p]
        return p

    def join(self, people: list[str], kind: str) -> None:
        roots = {self.find(p) for p in people}
        if len(roots) < 2:
            return
        first, *rest = sorted(roots)
        for r in rest:
            self.parent[r] = first
            self.evidence[first].update(self.evidence.pop(r, Counter()))
        self.evidence[first][kind] += 1

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for p in list(self.parent):
            out[self.find(p)].append(p)
        return out


def home_contexts(workspace: Workspace, groups: PeerGroups | None = None,
                  purpose: Purpose = Purpose.PROFILING) -> pl.DataFrame:
    """One row per household linked to domestic abuse or holding two or more young people, one of concern."""
    with workspace.connect(read_only=True) as con:
        permitted, _ = permitted_sources(con, purpose)
        records, events, concerns = _load(con, permitted)
    homes = _Households()
    for person in records["person"].unique():
        homes.find(person)
    for people in records.drop_nulls(["postcode", "surname"]).group_by("postcode", "surname").agg(
            pl.col("person").unique())["person"]:
        homes.join(list(people), "postcode_surname")
    for people in events.group_by("source", "event_id").agg(pl.col("person").unique())["person"]:
        homes.join(list(people), "same_home_event")
    membership = groups.membership() if groups else {}
    facts = _Facts(records, events, concerns, membership)
    rows = [facts.row(members, homes.evidence.get(root, Counter())) for root, members in sorted(homes.groups().items())]
    kept = sorted((r for r in rows if r is not None), key=lambda r: (-int(r[4]), -r[0], r[1]))
    return pl.DataFrame([[f"HH{i}", *r] for i, r in enumerate(kept, start=1)], schema=HOME_COLUMNS, orient="row")


def _load(con: duckdb.DuckDBPyConnection, permitted: list[str]) -> tuple[pl.DataFrame, pl.DataFrame,
                                                                            dict[str, set[str]]]:
    records = query(con, _RECORDS_SQL, {"permitted": permitted})
    events = query(con, _HOME_EVENTS_SQL, {"permitted": permitted, "home": [str(t) for t in HOME_EVENT_TYPES]})
    concerns: dict[str, set[str]] = defaultdict(set)
    for person, label in memberships(con, "concern", permitted).iter_rows():
        concerns[person].add(label)
    abused = set(query(con, _DA_PERSONS_SQL, {"permitted": permitted})["person"])
    for person in set(concerns) - abused:  # a disturbance call-out alone is not domestic abuse
        concerns[person].discard(DA)
    return records, events, concerns


class _Facts:
    """Per-person postcodes and home events, indexed once so each household row is a few lookups."""

    def __init__(self, records: pl.DataFrame, events: pl.DataFrame, concerns: dict[str, set[str]],
                 membership: dict[str, str]):
        self.concerns, self.membership = concerns, membership
        self.postcodes: dict[str, set[str]] = defaultdict(set)
        for person, postcode in records.drop_nulls("postcode").select("person", "postcode").iter_rows():
            self.postcodes[person].add(postcode)
        self.events: dict[str, set[tuple[str, str, str, bool]]] = defaultdict(set)
        for person, source, event_id, event_type, da_flag in events.iter_rows():
            self.events[person].add((source, event_id, event_type, bool(da_flag)))

    def row(self, members: list[str], evidence: Counter[str]) -> list[object] | None:
        members = sorted(members)
        of_concern = [m for m in members if self.concerns.get(m, set()) - {DA}]
        home_events = {e for m in members for e in self.events.get(m, ())}
        flagged = [e for e in home_events if e[3]]
        domestic = bool(flagged) or any(DA in self.concerns.get(m, ()) for m in members)
        if not domestic and not (len(members) >= 2 and of_concern):
            return None
        types = Counter(e[2] for e in home_events)
        labels = Counter(c for m in members for c in self.concerns.get(m, ()))
        in_groups = Counter(self.membership[m] for m in members if m in self.membership)
        postcodes = sorted({pc for m in members for pc in self.postcodes.get(m, ())})
        return [len(members), ";".join(members), ";".join(postcodes), _pairs(evidence), domestic,
                _pairs(Counter(e[0] for e in flagged)), types[EventType.DOMESTIC_ABUSE_CALLOUT],
                types[EventType.HOUSEHOLD_DISTURBANCE],
                sum(1 for e in flagged if e[2] == EventType.PANEL_DISCUSSION), len(of_concern), _pairs(labels),
                _pairs(in_groups)]


def _pairs(counts: Counter[str]) -> str:
    return ";".join(f"{k}:{v}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
