"""Exports as agencies really produce them: encodings, title rows, blank rows, merged Excel headers,
and files that are broken in the ways real files break."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter

from contextsafe.errors import InputFileError
from contextsafe.ingest import check_source, ingest_file
from tests.ingest.conftest import table
from tests.ingest.factories import HEADER, ROWS, csv_text, write_export, write_mapping


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_encodings_are_detected_and_accents_survive(tmp_path: Path, workspace, encoding: str) -> None:
    loaded = write_mapping(tmp_path)
    report = ingest_file(workspace, loaded, write_export(tmp_path, encoding=encoding))
    assert report.accepted == 3
    assert report.encoding == encoding
    assert table(workspace, "SELECT given_name FROM records WHERE record_id = 'A3'") == [("Zoë",)]


def test_title_rows_and_blank_rows_are_skipped_and_counted(tmp_path: Path, workspace) -> None:
    title = "Social care referrals\r\nExport generated 03/07/2018 09:00,,,\r\n\r\n"
    text = title + csv_text(ROWS[:1] + [[""] * 9] + ROWS[1:])
    report = ingest_file(workspace, write_mapping(tmp_path), write_export(tmp_path, text))
    assert (report.header_row, report.accepted, report.blank_rows, report.quarantined) == (4, 3, 1, 0)
    assert table(workspace, "SELECT row_number FROM records ORDER BY row_number") == [(5,), (7,), (8,)]


def test_header_matches_without_case_or_spacing(tmp_path: Path, workspace) -> None:
    header = [" ref", "FORENAME", "Surname ", "dob", "Gender", "Postcode", "Referral  date", "Reason", "School"]
    report = ingest_file(workspace, write_mapping(tmp_path), write_export(tmp_path, csv_text(header=header)))
    assert report.accepted == 3


def test_wrong_delimiter_is_explained(tmp_path: Path) -> None:
    text = csv_text().replace(",", ";")
    with pytest.raises(InputFileError, match=r"uses ';': set format.delimiter"):
        check_source(write_mapping(tmp_path), write_export(tmp_path, text))


def test_missing_column_names_the_closest_header(tmp_path: Path) -> None:
    header = [h if h != "Surname" else "Family name" for h in HEADER]
    with pytest.raises(InputFileError, match=r"missing: 'Surname'"):
        check_source(write_mapping(tmp_path), write_export(tmp_path, csv_text(header=header)))


def test_binary_garbage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputFileError, match="not text"):
        check_source(write_mapping(tmp_path), path)


def test_xlsx_passed_as_csv_gets_a_hint(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "export.csv", merged=False)
    with pytest.raises(InputFileError, match="set format.type: xlsx"):
        check_source(write_mapping(tmp_path), path)


def test_truncated_csv_quarantines_the_cut_row_and_keeps_the_rest(tmp_path: Path, workspace) -> None:
    text = csv_text()
    cut = text[: text.rindex(",N7 9QJ")]  # the last row stops in the middle
    report = ingest_file(workspace, write_mapping(tmp_path), write_export(tmp_path, cut))
    assert (report.rows_in, report.accepted, report.quarantined) == (3, 2, 1)
    assert report.problems[-1].rule_id == "R009" and report.problems[-1].row_number == 4


def test_huge_field_is_quarantined_not_crashing(tmp_path: Path, workspace) -> None:
    rows = [list(ROWS[0]), ROWS[1]]
    rows[0][8] = "y" * 2_000_000
    report = ingest_file(workspace, write_mapping(tmp_path), write_export(tmp_path, csv_text(rows)))
    assert (report.accepted, report.quarantined) == (1, 1)
    assert any(p.rule_id == "R008" and p.column == "School" for p in report.problems)


def _xlsx(path: Path, merged: bool = True) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Caseload")
    start = 0
    if merged:
        sheet.merge_range(0, 0, 0, 3, "Young person")
        sheet.merge_range(0, 4, 0, 8, "Referral")
        start = 1
    sheet.write_row(start, 0, HEADER)
    for offset, row in enumerate(ROWS, start=start + 1):
        sheet.write_row(offset, 0, row)
    book.close()
    return path


def test_xlsx_with_merged_group_header(tmp_path: Path, workspace) -> None:
    loaded = write_mapping(tmp_path, format={"type": "xlsx", "sheet": "Caseload"})
    report = ingest_file(workspace, loaded, _xlsx(tmp_path / "caseload.xlsx"))
    assert (report.header_row, report.accepted, report.quarantined) == (2, 3, 0)
    assert table(workspace, "SELECT count(*) FROM concern_flags") == [(3,)]


def test_xlsx_missing_sheet_lists_the_sheets(tmp_path: Path) -> None:
    loaded = write_mapping(tmp_path, format={"type": "xlsx", "sheet": "Nope"})
    with pytest.raises(InputFileError, match="sheets: Caseload"):
        check_source(loaded, _xlsx(tmp_path / "caseload.xlsx"))


def test_utf8_whose_bytes_are_undefined_in_cp1252_is_read_as_utf8(tmp_path: Path, workspace) -> None:
    """"ANAÏS" is C3 8F in UTF-8, and 0x8F has no meaning in Windows-1252."""
    rows = [["A1", "ANAÏS", "Smith", "01/02/2004", "F", "NW1 8NN", "03/03/2018", "CSE", ""]]
    report = ingest_file(workspace, write_mapping(tmp_path), write_export(tmp_path, csv_text(rows)))
    assert (report.encoding, report.accepted) == ("utf-8", 1)
    assert table(workspace, "SELECT given_name FROM records") == [("ANAÏS",)]
