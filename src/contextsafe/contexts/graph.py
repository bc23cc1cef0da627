"""The peer graph: young people joined by what they were seen doing together, with the evidence kept.

Why a graph of *evidence*: a peer group in a contextual profile must be traceable back to the events
that suggest it (the report's peer mapping). Every edge therefore carries the events, sources and kinds
of co-involvement behind it, and its weight is only the sum of documented per-kind weights.

Kinds of edge:

- within one event — ``co_suspects`` (suspects, perpetrators or leaders together),
  ``complainant_suspect``, ``panel_discussion`` (discussed in one case at a panel), ``witness`` and
  ``co_involved`` (any other pairing);
- across events of one source recorded as separate rows of one occasion (same type, time, place and
  description, which carries the incident reference where an export has one):
  ``missing_together`` (gone missing and found together) and ``bus_together`` (travel cards withdrawn
  at one incident);
- ``named_peer`` — a subject and the peers named on a peer group information form (appendix F), as
  ``named_peer_negative``, ``named_peer_positive`` (a protective friend: Figure 1 resilience) or
  ``named_peer`` when the influence is not known. Those forms are gathered for assessment, not
  intelligence: the edge exists only when the form's source permits the run's purpose, and the
  exclusion is reported on the graph (``graph["excluded_sources"]``).

Events about a home (domestic abuse and household disturbance call-outs) join siblings, not peers: they
belong to the homes context and are left out here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import duckdb
import igraph as ig
import polars as pl

from contextsafe.contexts._store import PERSON_SQL, permitted_sources, query
from contextsafe.store import Workspace
from contextsafe.vocab import EventType, Influence, Purpose, Role

# Weight each kind of evidence adds to an edge. Acting together (suspects, missing, travel) counts most;
# a victim and a suspect may be strangers, a witness usually is.
EDGE_WEIGHTS: dict[str, float] = {
    "co_suspects": 1.0,
    "missing_together": 1.0,
    "bus_together": 1.0,
    "panel_discussion": 0.8,
    "named_peer": 1.0,
    "named_peer_negative": 1.0,
    "named_peer_positive": 0.5,  # a protective friend is often outside the group of concern
    "complainant_suspect": 0.2,
    "co_involved": 0.3,
    "witness": 0.1,
}

HOME_EVENT_TYPES: tuple[str, ...] = (EventType.DOMESTIC_ABUSE_CALLOUT, EventType.HOUSEHOLD_DISTURBANCE)
# Event types exported one row per young person, where a shared time and place means "together".
OCCASION_KINDS: dict[str, str] = {
    EventType.MISSING_EPISODE: "missing_together",
    EventType.TRAVEL_CARD_WITHDRAWN: "bus_together",
}
ACTING: frozenset[str] = frozenset({Role.SUSPECT, Role.LEADER})

_PARTICIPANTS_SQL = f"""
SELECT x.source, x.event_id, x.role, x.relation, x.influence, e.event_type, e.occurred_on, e.place_name,
       coalesce(e.description, '') AS description,
       {PERSON_SQL} AS person
FROM participants x
JOIN events e ON e.source = x.source AND e.event_id = x.event_id
LEFT JOIN person_records pr ON pr.source = x.source AND pr.record_id = x.record_id
WHERE list_contains($permitted::VARCHAR[], x.source)
  AND NOT list_contains($home::VARCHAR[], e.event_type)
"""


@dataclass
class _Edges:
    """Evidence gathered per unordered person pair before the graph is built."""

    kinds: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    events: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, a: str, b: str, kind: str, event: str) -> None:
        if a == b:
            return
        key = (a, b) if a < b else (b, a)
        self.kinds[key].append(kind)
        self.events[key].append(event)


def pair_kind(event_type: str, role_a: str, role_b: str, influence: str | None = None) -> str | None:
    """The kind of edge two participants of one event get (None: no peer evidence).

    ``influence`` is the named peer's, on a peer group information form.
    """
    roles = {role_a, role_b}
    if event_type == EventType.PEER_GROUP_INFORMATION:
        if roles != {Role.SUBJECT, Role.NAMED_PEER}:
            return None
        return f"named_peer_{influence}" if influence in (Influence.POSITIVE, Influence.NEGATIVE) else "named_peer"
    if Role.WITNESS in roles:
        return "witness"
    if roles <= ACTING:
        return "co_suspects"
    if Role.VICTIM in roles and roles & ACTING:
        return "complainant_suspect"
    if event_type == EventType.PANEL_DISCUSSION and roles & (ACTING | {Role.SUBJECT}):
        return "panel_discussion"
    return "co_involved"


def peer_graph(workspace: Workspace, purpose: Purpose = Purpose.PROFILING) -> ig.Graph:
    """Persons joined by weighted, typed edges of co-involvement, from the sources ``purpose`` permits.

    Vertices: ``name`` (person id). Edges: ``weight``, ``kinds``, ``kind_counts`` (kind -> pieces of
    evidence), ``events`` (``source/event_id``) and ``sources``. Graph attributes: ``purpose`` and
    ``excluded_sources`` (``source: reason``), so a profiling run says that peer group information forms
    were left out.
    """
    with workspace.connect(read_only=True) as con:
        permitted, excluded = permitted_sources(con, purpose)
        rows = _participants(con, permitted)
    edges = _Edges()
    _same_event(rows, edges)
    _same_occasion(rows, edges)
    graph = build_graph(edges.kinds, edges.events)
    graph["purpose"] = str(purpose)
    graph["excluded_sources"] = [f"{e.source}: {e.reason}" for e in excluded]
    return graph


def _participants(con: duckdb.DuckDBPyConnection, permitted: list[str]) -> pl.DataFrame:
    params = {"permitted": permitted, "home": [str(t) for t in HOME_EVENT_TYPES]}
    return query(con, _PARTICIPANTS_SQL, params)


def _same_event(rows: pl.DataFrame, edges: _Edges) -> None:
    """Pairs of participants of one event (one row per event: source, id, type, [(person, role)])."""
    grouped = (rows.group_by("source", "event_id", "event_type")
               .agg(pl.col("person"), pl.col("role"), pl.col("influence"))
               .filter(pl.col("person").list.len() > 1))
    for source, event_id, event_type, persons, roles, influence in grouped.iter_rows():
        for i in range(len(persons)):
            for j in range(i + 1, len(persons)):
                kind = pair_kind(event_type, roles[i], roles[j], influence[j] or influence[i])
                if kind is not None:
                    edges.add(persons[i], persons[j], kind, f"{source}/{event_id}")


def _same_occasion(rows: pl.DataFrame, edges: _Edges) -> None:
    """Young people recorded in separate rows of one occasion: same source, type, time, place and
    description. The description matters where an export carries an incident reference there (travel
    card withdrawals name the bus incident): two groups at one stop on one day are two occasions."""
    one_each = rows.filter(pl.col("event_type").is_in(list(OCCASION_KINDS)) & pl.col("occurred_on").is_not_null()
                           & pl.col("place_name").is_not_null())
    grouped = (one_each.group_by("source", "event_type", "occurred_on", "place_name", "description")
               .agg(pl.col("person"), pl.col("event_id")).filter(pl.col("person").list.len() > 1))
    for source, event_type, _, _, _, persons, event_ids in grouped.iter_rows():
        for i in range(len(persons)):
            for j in range(i + 1, len(persons)):
                evidence = f"{source}/{event_ids[i]}+{event_ids[j]}"
                edges.add(persons[i], persons[j], OCCASION_KINDS[event_type], evidence)


def build_graph(kinds: dict[tuple[str, str], list[str]], events: dict[tuple[str, str], list[str]]) -> ig.Graph:
    """An undirected graph from per-pair evidence; the weight is the sum of :data:`EDGE_WEIGHTS`."""
    names = sorted({p for pair in kinds for p in pair})
    index = {name: i for i, name in enumerate(names)}
    pairs = sorted(kinds)
    graph = ig.Graph(n=len(names), edges=[(index[a], index[b]) for a, b in pairs])
    graph.vs["name"] = names
    graph.es["weight"] = [sum(EDGE_WEIGHTS[k] for k in kinds[p]) for p in pairs]
    graph.es["kinds"] = [sorted(set(kinds[p])) for p in pairs]
    graph.es["kind_counts"] = [dict(sorted(Counter(kinds[p]).items())) for p in pairs]
    graph.es["events"] = [sorted(set(events[p])) for p in pairs]
    graph.es["sources"] = [sorted({e.split("/", 1)[0] for e in events[p]}) for p in pairs]
    return graph
