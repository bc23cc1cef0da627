"""The contexts files of a run, and the run record that says what was left out and why."""

from __future__ import annotations

import json

import polars as pl

from contextsafe.contexts import find_peer_groups, write_contexts
from contextsafe.vocab import Purpose


def test_a_profiling_run_writes_every_contexts_file_and_names_the_excluded_forms(two_triangles, tmp_path):
    two_triangles.source("pgi_forms", ("assessment",))
    two_triangles.school("1", "One Academy")
    ws = two_triangles.close()
    groups = find_peer_groups(ws, Purpose.PROFILING)
    paths = write_contexts(ws, groups, tmp_path / "out", Purpose.PROFILING)
    assert sorted(p.name for p in paths) == ["homes.csv", "peer_group_summary.csv", "peer_groups.csv", "run.json",
                                             "schools.csv"]
    run = json.loads((tmp_path / "out" / "contexts" / "run.json").read_text(encoding="utf-8"))
    assert run["purpose"] == "profiling"
    assert run["excluded_sources"] == [{"source": "pgi_forms",
                                        "reason": "does not permit purpose 'profiling' (permits: assessment)"}]
    assert run["school_concentration"]["verdict"] == "unknown"  # nobody here is linked to a school
    schools = pl.read_csv(tmp_path / "out" / "contexts" / "schools.csv")
    assert schools.columns[:5] == ["school_id", "name", "persons", "concerns", "peer_groups"]
    summary = pl.read_csv(tmp_path / "out" / "contexts" / "peer_group_summary.csv")
    assert summary["members"].to_list() == [3, 3]
