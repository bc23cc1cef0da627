"""Every export of a small borough ingests through its mapping with nothing quarantined."""

from __future__ import annotations

from pathlib import Path

from contextsafe.ingest import ingest_file
from contextsafe.sources import LoadedMapping
from contextsafe.store import Workspace
from contextsafe.synth import SynthSummary


def test_every_export_ingests_without_quarantine(borough: SynthSummary, mappings: dict[str, LoadedMapping],
                                                 tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws")
    for source, loaded in sorted(mappings.items()):
        report = ingest_file(ws, loaded)
        assert report.reconciles, source
        assert report.rows_in == borough.rows[borough.exports[source].name], source
        assert report.quarantined == 0, (source, [str(p) for p in report.problems[:5]])
    with ws.connect(read_only=True) as con:
        records = con.execute("select count(distinct source || record_id) from records").fetchone()
    assert records is not None and records[0] == sum(borough.records.values())
