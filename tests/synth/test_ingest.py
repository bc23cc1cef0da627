"""Every export of a small borough ingests through its mapping; only the planted flaws are quarantined."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from contextsafe.ingest import ingest_file
from contextsafe.sources import LoadedMapping
from contextsafe.store import Workspace
from contextsafe.synth import SynthSummary
from tests.synth.conftest import ground_truth


def test_every_export_ingests_and_only_planted_flaws_are_quarantined(
        borough: SynthSummary, mappings: dict[str, LoadedMapping], tmp_path: Path) -> None:
    flaws = ground_truth(borough, "planted_flaws")
    expected = Counter(f["source"] for f in flaws if f["expected_rule"])
    assert sum(expected.values()) >= 1
    ws = Workspace.create(tmp_path / "ws")
    for source, loaded in sorted(mappings.items()):
        report = ingest_file(ws, loaded)
        assert report.reconciles, source
        assert report.rows_in == borough.rows[borough.exports[source].name], source
        assert report.quarantined == expected[source], (source, [str(p) for p in report.problems[:5]])
        rules = {f["expected_rule"] for f in flaws if f["source"] == source and f["expected_rule"]}
        assert {p.rule_id for p in report.problems} == rules, source
    accepted = {f["record_id"] for f in flaws if not f["expected_rule"]}
    with ws.connect(read_only=True) as con:
        stored = {r[0] for r in con.execute("select record_id from records where source = 'csc_referrals'").fetchall()}
        records = con.execute("select count(distinct source || record_id) from records").fetchone()
    assert accepted <= stored
    assert records is not None and records[0] == sum(borough.records.values()) - sum(expected.values())
