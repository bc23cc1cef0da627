"""Who leads and who follows in a peer group — stated only with the evidence for it.

Why so careful: a "leader" label travels. The Gangs Matrix showed what happens when a label is inferred
silently and shared. So a role is derived from three kinds of evidence, each shown beside it:

1. ``pgi_form`` — a peer group information form says the young person leads, or follows, a named peer
   (only when the form's source permits the run's purpose);
2. ``leader_role`` — an agency recorded them as the ``leader`` participant of an event;
3. ``suspect_centrality`` — among the group's co-suspect ties, they hold the most (a pattern in the
   data, flagged as such, never a finding).

With no evidence at all the role is ``member``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import igraph as ig
import polars as pl

from contextsafe.vocab import Role

LEADER, FOLLOWER, MEMBER = "leader", "follower", "member"
# Centrality counts as evidence only when the top person clearly stands out from the next.
CENTRALITY_MARGIN = 1.5


@dataclass(frozen=True)
class RoleEvidence:
    """A member's role in their group, its basis and the evidence in words (with event ids)."""

    role: str
    basis: str
    evidence: tuple[str, ...]
    suspect_ties: float


def pgi_relations(rows: pl.DataFrame) -> dict[str, list[tuple[str, str]]]:
    """Per person: ("leads"|"follows", event) from PGI forms.

    ``rows`` has columns event_id, source, person, role, relation for the participants of PGI events.
    The form's relation is the *subject's*: "YP leads" on a named peer's line means the subject leads
    that peer, so the peer follows; "YP follows" means the peer leads.
    """
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    subjects = {(s, e): p for s, e, p, r in rows.select("source", "event_id", "person", "role").iter_rows()
                if r == Role.SUBJECT}
    for source, event_id, person, role, relation in rows.select(
            "source", "event_id", "person", "role", "relation").iter_rows():
        subject = subjects.get((source, event_id))
        if role != Role.NAMED_PEER or subject is None or relation not in ("leads", "follows"):
            continue
        event = f"{source}/{event_id}"
        leader, follower = (subject, person) if relation == "leads" else (person, subject)
        out[leader].append(("leads", event))
        out[follower].append(("follows", event))
    return out


def suspect_ties(graph: ig.Graph, members: list[str]) -> dict[str, float]:
    """Per member, how many co-suspect events tie them to other members of the same group."""
    index = {name: i for i, name in enumerate(graph.vs["name"])}
    inside = set(members)
    ties: Counter[str] = Counter({m: 0 for m in members})
    for edge in graph.es.select(_between=([index[m] for m in members if m in index],) * 2):
        a, b = graph.vs[edge.source]["name"], graph.vs[edge.target]["name"]
        if a in inside and b in inside:
            ties[a] += edge["kind_counts"].get("co_suspects", 0)
            ties[b] += edge["kind_counts"].get("co_suspects", 0)
    return dict(ties)


def member_roles(members: list[str], pgi: dict[str, list[tuple[str, str]]], leader_events: dict[str, list[str]],
                 ties: dict[str, float]) -> dict[str, RoleEvidence]:
    """The role of every member, with the basis and evidence behind it."""
    central = _most_central(ties)
    out = {}
    for m in members:
        said = pgi.get(m, [])
        leads = [e for r, e in said if r == "leads"]
        follows = [e for r, e in said if r == "follows"]
        evidence = [f"PGI form {e}: leads a named peer" for e in leads]
        evidence += [f"PGI form {e}: follows a named peer" for e in follows]
        evidence += [f"recorded as leader in {e}" for e in leader_events.get(m, [])]
        if m == central:
            evidence.append(f"most co-suspect ties in the group ({ties[m]:g}); a pattern, not a finding")
        role, basis = _decide(len(leads), len(follows), bool(leader_events.get(m)), m == central)
        out[m] = RoleEvidence(role, basis, tuple(evidence), ties.get(m, 0.0))
    return out


def _decide(leads: int, follows: int, leader_role: bool, central: bool) -> tuple[str, str]:
    if leads > follows:
        return LEADER, "pgi_form"
    if leader_role:
        return LEADER, "leader_role"
    if follows > leads:
        return FOLLOWER, "pgi_form"
    if central:
        return LEADER, "suspect_centrality"
    return MEMBER, "none"


def _most_central(ties: dict[str, float]) -> str | None:
    """The member with clearly the most co-suspect ties (``CENTRALITY_MARGIN`` × the runner-up), if any."""
    ranked = sorted(ties.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] <= 0:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    return ranked[0][0] if ranked[0][1] >= CENTRALITY_MARGIN * max(runner_up, 1.0) else None
