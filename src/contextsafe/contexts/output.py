"""The plain files of the output contract for contexts (DESIGN.md): analysts take them into Excel and i2.

``<out>/contexts/peer_groups.csv`` (one row per member: group_id, person_id, role + the evidence),
``peer_group_summary.csv`` (one row per group), ``schools.csv``, ``homes.csv`` and ``run.json`` (the
purpose, the sources left out and why, the settings and the school concentration sentence), so every
file can be traced back to the run that wrote it.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from contextsafe.contexts.groups import PeerGroups
from contextsafe.contexts.homes import home_contexts
from contextsafe.contexts.schools import SchoolConcentration, school_concentration, school_contexts
from contextsafe.store import Workspace
from contextsafe.vocab import Purpose

PEER_GROUP_COLUMNS = {"group_id": pl.String, "person_id": pl.String, "role": pl.String, "role_basis": pl.String,
                      "role_evidence": pl.String, "suspect_ties": pl.Float64, "group_size": pl.Int64}


def _folder(out_dir: str | Path) -> Path:
    folder = Path(out_dir) / "contexts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def peer_group_table(groups: PeerGroups) -> pl.DataFrame:
    """One row per member with the role, its basis (pgi_form, leader_role, suspect_centrality, none)
    and the evidence in words."""
    rows = [[g.group_id, m.person_id, m.role, m.role_basis, " | ".join(m.evidence), m.suspect_ties, len(g.members)]
            for g in groups.groups for m in g.members]
    return pl.DataFrame(rows, schema=PEER_GROUP_COLUMNS, orient="row")


def peer_group_summary(groups: PeerGroups) -> pl.DataFrame:
    """One row per group: size, concerns, schools spanned, places frequented, first/last seen, change."""
    def pairs(counts: dict[str, int]) -> str:
        return ";".join(f"{k}:{v}" for k, v in counts.items())

    rows = [[g.group_id, len(g.members), sum(m.role == "leader" for m in g.members), pairs(g.concerns),
             pairs(g.schools), len(g.schools), pairs(dict(list(g.places.items())[:5])),
             pairs(dict(list(g.lsoas.items())[:5])), g.first_seen, g.last_seen,
             pairs(g.events_per_quarter), g.change] for g in groups.groups]
    schema = {"group_id": pl.String, "members": pl.Int64, "leaders_with_evidence": pl.Int64, "concerns": pl.String,
              "schools": pl.String, "schools_spanned": pl.Int64, "top_places": pl.String, "top_lsoas": pl.String,
              "first_seen": pl.Date, "last_seen": pl.Date, "events_per_quarter": pl.String, "change": pl.String}
    return pl.DataFrame(rows, schema=schema, orient="row")


def write_peer_groups(groups: PeerGroups, out_dir: str | Path) -> list[Path]:
    """``contexts/peer_groups.csv`` and ``contexts/peer_group_summary.csv`` under ``out_dir``."""
    folder = _folder(out_dir)
    members, summary = folder / "peer_groups.csv", folder / "peer_group_summary.csv"
    peer_group_table(groups).write_csv(members)
    peer_group_summary(groups).write_csv(summary)
    return [members, summary]


def write_contexts(workspace: Workspace, groups: PeerGroups, out_dir: str | Path,
                   purpose: Purpose = Purpose.PROFILING) -> list[Path]:
    """Every contexts file of a run: peer groups, schools, homes and ``run.json``."""
    folder = _folder(out_dir)
    written = write_peer_groups(groups, out_dir)
    school_contexts(workspace, groups, purpose).write_csv(folder / "schools.csv")
    home_contexts(workspace, groups, purpose).write_csv(folder / "homes.csv")
    concentration = school_concentration(workspace, groups, purpose)
    (folder / "run.json").write_text(json.dumps(_run(groups, concentration), indent=2), encoding="utf-8")
    return [*written, folder / "schools.csv", folder / "homes.csv", folder / "run.json"]


def _run(groups: PeerGroups, concentration: SchoolConcentration) -> dict[str, object]:
    return {
        "purpose": str(groups.purpose),
        "excluded_sources": [{"source": e.source, "reason": e.reason} for e in groups.excluded_sources],
        "seed": groups.seed,
        "resolution": groups.resolution,
        "min_weight": groups.min_weight,
        "peer_groups": len(groups.groups),
        "school_concentration": {"verdict": concentration.verdict, "sentence": concentration.sentence,
                                 "top_share": concentration.top_share, "baseline_share": concentration.baseline_share,
                                 "hhi": concentration.hhi, "gini": concentration.gini,
                                 "top_schools": list(concentration.top_schools)},
    }
