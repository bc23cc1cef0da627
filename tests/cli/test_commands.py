"""The command line calls the library and reports: reconciliation, problems, exit codes."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from contextsafe.cli import app
from tests.ingest.factories import ROWS, csv_text, write_export, write_mapping

runner = CliRunner()


def test_ingest_prints_the_reconciliation(tmp_path: Path) -> None:
    loaded = write_mapping(tmp_path, file="export.csv")
    write_export(tmp_path, csv_text([ROWS[0], [*ROWS[1][:3], "bad date", *ROWS[1][4:]]]))
    result = runner.invoke(app, ["ingest", "-w", str(tmp_path / "ws"), str(loaded.path)])
    assert result.exit_code == 0, result.output
    assert "rows in = accepted + quarantined" in result.output
    assert "csc_referrals" in result.output and "quarantine/csc_referrals/" in result.output
    again = runner.invoke(app, ["ingest", "-w", str(tmp_path / "ws"), str(loaded.path)])
    assert "(unchanged)" in again.output


def test_sources_check_explains_problems_and_fails(tmp_path: Path) -> None:
    loaded = write_mapping(tmp_path, file="export.csv")
    write_export(tmp_path, csv_text([[*ROWS[0][:4], "Q", *ROWS[0][5:]]]))
    result = runner.invoke(app, ["sources", "check", str(loaded.path)])
    assert result.exit_code == 1
    assert "R005" in result.output and "code 'Q' in column 'Gender' is not mapped" in result.output


def test_sources_check_passes_a_clean_export(tmp_path: Path) -> None:
    loaded = write_mapping(tmp_path, file="export.csv")
    write_export(tmp_path)
    result = runner.invoke(app, ["sources", "check", str(loaded.path)])
    assert result.exit_code == 0 and "3 would load" in result.output.replace("\n", " ")


def test_a_broken_file_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    loaded = write_mapping(tmp_path, file="export.csv")
    (tmp_path / "export.csv").write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(app, ["ingest", "-w", str(tmp_path / "ws"), str(loaded.path)])
    assert result.exit_code == 1
    assert "not text" in result.output and "Traceback" not in result.output
