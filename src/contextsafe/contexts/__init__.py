"""Contexts: peer groups, schools and homes as first-class records of the contextual problem profile.

Every function reads the canonical store under a stated purpose: sources that do not permit it are left
out and named (peer group information forms permit assessment only, so a profiling run excludes them).
Roles in a group are shown with the evidence behind them; nothing here scores a child.

Typical use::

    ws = Workspace.open("ws")
    groups = find_peer_groups(ws, Purpose.PROFILING, seed=7)
    groups.groups[0].members           # members with role, basis and evidence
    groups.excluded_sources            # e.g. peer group information forms (assessment only)
    school_concentration(ws, groups).sentence   # "two peer groups across five schools, or all?"
    write_contexts(ws, groups, out_dir)         # contexts/peer_groups.csv, schools.csv, homes.csv, run.json
    evaluate_peer_groups(ws, ws.root / "synthetic" / "ground_truth")  # ARI against a synthetic borough
"""

from contextsafe.contexts.communities import leiden_communities
from contextsafe.contexts.evaluate import (
    adjusted_rand_index,
    evaluate_homes,
    evaluate_peer_groups,
    evaluate_school_concentration,
)
from contextsafe.contexts.graph import EDGE_WEIGHTS, peer_graph
from contextsafe.contexts.groups import GroupMember, PeerGroup, PeerGroups, find_peer_groups
from contextsafe.contexts.homes import home_contexts
from contextsafe.contexts.output import peer_group_summary, peer_group_table, write_contexts, write_peer_groups
from contextsafe.contexts.schools import SchoolConcentration, school_concentration, school_contexts

__all__ = [
    "EDGE_WEIGHTS",
    "GroupMember",
    "PeerGroup",
    "PeerGroups",
    "SchoolConcentration",
    "adjusted_rand_index",
    "evaluate_homes",
    "evaluate_peer_groups",
    "evaluate_school_concentration",
    "find_peer_groups",
    "home_contexts",
    "leiden_communities",
    "peer_graph",
    "peer_group_summary",
    "peer_group_table",
    "school_concentration",
    "school_contexts",
    "write_contexts",
    "write_peer_groups",
]
