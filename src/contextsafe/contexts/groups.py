"""Peer groups as contexts: members and their roles with evidence, concerns, schools, places, and change.

Why a group profile and not a list of names: the report asks practitioners to assess and plan for the
group as a context — what harms it is involved in, which schools it spans, where it spends time and
whether it is growing or receding. Each of those is a count with its source, never a score.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import duckdb
import igraph as ig
import polars as pl

from contextsafe.contexts._store import PERSON_SQL, ExcludedSource, permitted_sources, query
from contextsafe.contexts.communities import (
    DEFAULT_MIN_SIZE,
    DEFAULT_MIN_WEIGHT,
    DEFAULT_RESOLUTION,
    leiden_communities,
)
from contextsafe.contexts.graph import HOME_EVENT_TYPES, peer_graph
from contextsafe.contexts.roles import RoleEvidence, member_roles, pgi_relations, suspect_ties
from contextsafe.overlap.membership import memberships
from contextsafe.store import Workspace
from contextsafe.vocab import EventType, Purpose, Role

_EVENTS_SQL = f"""
SELECT {PERSON_SQL} AS person, x.source, x.event_id, x.role, x.relation, e.event_type, e.occurred_on,
       e.ward, e.lsoa, e.place_name
FROM participants x
JOIN events e ON e.source = x.source AND e.event_id = x.event_id
LEFT JOIN person_records pr ON pr.source = x.source AND pr.record_id = x.record_id
WHERE list_contains($permitted::VARCHAR[], x.source) AND NOT list_contains($home::VARCHAR[], e.event_type)
"""

_SCHOOLS_SQL = f"""
SELECT DISTINCT {PERSON_SQL} AS person, x.context_id AS school_id
FROM associations x LEFT JOIN person_records pr ON pr.source = x.source AND pr.record_id = x.record_id
WHERE x.context_kind = 'school' AND x.context_id IS NOT NULL AND list_contains($permitted::VARCHAR[], x.source)
"""


@dataclass(frozen=True)
class GroupMember:
    person_id: str
    role: str
    role_basis: str
    evidence: tuple[str, ...]
    suspect_ties: float


@dataclass(frozen=True)
class PeerGroup:
    """One peer group: members with roles, and the counts that describe it as a context."""

    group_id: str
    members: tuple[GroupMember, ...]
    concerns: dict[str, int]  # concern -> members with it
    schools: dict[str, int]  # school context_id -> members associated
    places: dict[str, int]  # ward (or place name) -> events of members there
    lsoas: dict[str, int]  # LSOA code -> events of members there
    first_seen: dt.date | None
    last_seen: dt.date | None
    events_per_quarter: dict[str, int]

    @property
    def person_ids(self) -> list[str]:
        return [m.person_id for m in self.members]

    @property
    def change(self) -> str:
        """Growing, receding or steady: the last two quarters against the two before."""
        counts = [self.events_per_quarter[q] for q in sorted(self.events_per_quarter)]
        if len(counts) < 4:
            return "too short to tell"
        recent, before = sum(counts[-2:]), sum(counts[-4:-2])
        if recent >= 1.5 * max(before, 1):
            return f"growing ({before} to {recent} events, last two quarters against the two before)"
        if before >= 1.5 * max(recent, 1):
            return f"receding ({before} to {recent} events, last two quarters against the two before)"
        return f"steady ({before} to {recent} events, last two quarters against the two before)"


@dataclass(frozen=True)
class PeerGroups:
    """The peer groups found in one run, and what the run left out and why."""

    purpose: Purpose
    groups: tuple[PeerGroup, ...]
    excluded_sources: tuple[ExcludedSource, ...]
    graph: ig.Graph = field(repr=False)
    seed: int = 7
    resolution: float = DEFAULT_RESOLUTION
    min_weight: float = DEFAULT_MIN_WEIGHT

    def membership(self) -> dict[str, str]:
        """person id -> group id, for every grouped person."""
        return {m.person_id: g.group_id for g in self.groups for m in g.members}


def find_peer_groups(workspace: Workspace, purpose: Purpose = Purpose.PROFILING, *, seed: int = 7,
                     resolution: float = DEFAULT_RESOLUTION, min_size: int = DEFAULT_MIN_SIZE,
                     min_weight: float = DEFAULT_MIN_WEIGHT) -> PeerGroups:
    """Peer groups by Leiden on :func:`peer_graph`, each described from the sources ``purpose`` permits.

    Groups are numbered PG1, PG2, … largest first; ``seed`` fixes the result.
    """
    graph = peer_graph(workspace, purpose)
    communities = leiden_communities(graph, seed=seed, resolution=resolution, min_size=min_size,
                                     min_weight=min_weight)
    with workspace.connect(read_only=True) as con:
        permitted, excluded = permitted_sources(con, purpose)
        facts = _Facts.load(con, permitted, {p for c in communities for p in c})
    groups = tuple(_describe(f"PG{i}", members, graph, facts) for i, members in enumerate(communities, start=1))
    return PeerGroups(purpose, groups, tuple(excluded), graph, seed, resolution, min_weight)


@dataclass
class _Facts:
    """What the store says about the grouped persons, read once."""

    events: pl.DataFrame
    concerns: dict[str, set[str]]
    schools: dict[str, set[str]]
    ward_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, permitted: list[str], persons: set[str]) -> _Facts:
        params = {"permitted": permitted, "home": [str(t) for t in HOME_EVENT_TYPES]}
        events = query(con, _EVENTS_SQL, params).filter(pl.col("person").is_in(list(persons)))
        concerns: dict[str, set[str]] = defaultdict(set)
        for person, label in memberships(con, "concern", permitted).iter_rows():
            if person in persons:
                concerns[person].add(label)
        schools: dict[str, set[str]] = defaultdict(set)
        for person, school in query(con, _SCHOOLS_SQL, {"permitted": permitted}).iter_rows():
            if person in persons:
                schools[person].add(school)
        return cls(events, concerns, schools, _ward_names(con))


def _ward_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Ward code -> name from the reference geography (empty when it has not been loaded)."""
    try:
        return dict(con.execute("SELECT code, name FROM ref_areas WHERE level = 'ward'").fetchall())
    except duckdb.CatalogException:
        return {}


def _describe(group_id: str, members: list[str], graph: ig.Graph, facts: _Facts) -> PeerGroup:
    events = facts.events.filter(pl.col("person").is_in(members))
    roles = _roles(members, graph, events)
    dates = [d.date() for d in events["occurred_on"].drop_nulls()]
    return PeerGroup(
        group_id=group_id,
        members=tuple(GroupMember(m, roles[m].role, roles[m].basis, roles[m].evidence, roles[m].suspect_ties)
                      for m in members),
        concerns=_count(facts.concerns, members),
        schools=_count(facts.schools, members),
        places=_places(events, facts.ward_names),
        lsoas=_lsoas(events),
        first_seen=min(dates) if dates else None,
        last_seen=max(dates) if dates else None,
        events_per_quarter=_quarters(events),
    )


def _roles(members: list[str], graph: ig.Graph, events: pl.DataFrame) -> dict[str, RoleEvidence]:
    pgi = pgi_relations(events.filter(pl.col("event_type") == EventType.PEER_GROUP_INFORMATION))
    leaders: dict[str, list[str]] = defaultdict(list)
    for person, source, event_id in events.filter(pl.col("role") == Role.LEADER).select(
            "person", "source", "event_id").iter_rows():
        leaders[person].append(f"{source}/{event_id}")
    return member_roles(members, pgi, leaders, suspect_ties(graph, members))


def _count(by_person: dict[str, set[str]], members: list[str]) -> dict[str, int]:
    counts = Counter(label for m in members for label in by_person.get(m, ()))
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _places(events: pl.DataFrame, ward_names: dict[str, str]) -> dict[str, int]:
    """Where the members' events happened: the ward (by name) where placed, else the agency's place name."""
    distinct = events.unique(["source", "event_id"])
    where = distinct.select(pl.coalesce("ward", "place_name").alias("where")).drop_nulls()["where"]
    counts = Counter(ward_names.get(w, w) for w in where.to_list())
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _lsoas(events: pl.DataFrame) -> dict[str, int]:
    counts = Counter(events.unique(["source", "event_id"])["lsoa"].drop_nulls().to_list())
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _quarters(events: pl.DataFrame) -> dict[str, int]:
    distinct = events.unique(["source", "event_id"]).drop_nulls("occurred_on")
    counts = Counter(f"{d.year}Q{(d.month - 1) // 3 + 1}" for d in distinct["occurred_on"])
    return dict(sorted(counts.items()))
