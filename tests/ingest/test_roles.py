"""Roles are per event: one young person, complainant in one crime and suspect in another."""

from __future__ import annotations

from pathlib import Path

from contextsafe.ingest import ingest_file
from tests.ingest.conftest import table
from tests.ingest.factories import csv_text, write_export, write_mapping

HEADER = ["Crime ref", "Person ref", "Forename", "Surname", "DOB", "Role", "Offence date", "Flags", "Grading"]
ROWS = [
    ["CR1", "P1", "Jo", "Smith", "01/02/2004", "V", "03/03/2018 21:10", "CSE", "B2P"],
    ["CR1", "P2", "Kai", "Lee", "05/06/2003", "S", "03/03/2018 21:10", "", "B2P"],
    ["CR2", "P1", "Jo", "Smith", "01/02/2004", "S", "09/04/2018 16:05", "SYV", "C3C"],
    ["CR2", "P3", "Amy", "Ng", "07/08/2004", "W", "09/04/2018 16:05", "", "C3C"],
]


def _police_mapping(tmp_path: Path):
    return write_mapping(
        tmp_path, source="police_crime", agency="Metropolitan Police Service", contexts=[],
        record={"id": "Person ref", "given_name": "Forename", "family_name": "Surname", "date_of_birth": "DOB",
                "role": "Role"},
        event={"id": "Crime ref", "type": {"value": "crime"},
               "occurred_on": {"column": "Offence date", "formats": ["%d/%m/%Y %H:%M"]},
               "intelligence_assessment": "Grading"},
        concerns={"columns": ["Flags"], "codes": {"CSE": "cse", "SYV": "serious_youth_violence"}},
        values={"role": {"V": "victim", "S": "suspect", "W": "witness"},
                "intelligence_assessment": {"B2P": "B", "C3C": "C"}})


def test_a_person_is_victim_in_one_event_and_suspect_in_another(tmp_path: Path, workspace) -> None:
    report = ingest_file(workspace, _police_mapping(tmp_path), write_export(tmp_path, csv_text(ROWS, HEADER)))
    assert (report.accepted, report.quarantined) == (4, 0)
    assert table(workspace, "SELECT event_id, role FROM participants WHERE record_id = 'P1' ORDER BY 1") == [
        ("CR1", "victim"), ("CR2", "suspect")]
    assert table(workspace, "SELECT count(*) FROM records") == [(3,)]  # one record per person ref
    record_columns = [c[0] for c in table(workspace, "SELECT column_name FROM information_schema.columns "
                                                     "WHERE table_name = 'records'")]
    assert "role" not in record_columns and not any("risk" in c for c in record_columns)


def test_concern_flags_attach_to_the_event_they_were_raised_in(tmp_path: Path, workspace) -> None:
    ingest_file(workspace, _police_mapping(tmp_path), write_export(tmp_path, csv_text(ROWS, HEADER)))
    assert table(workspace, "SELECT record_id, event_id, concern FROM concern_flags ORDER BY 2") == [
        ("P1", "CR1", "cse"), ("P1", "CR2", "serious_youth_violence")]
    assert table(workspace, "SELECT event_id, intelligence_assessment, occurred_on::VARCHAR FROM events ORDER BY 1"
                 ) == [("CR1", "B", "2018-03-03 21:10:00"), ("CR2", "C", "2018-04-09 16:05:00")]
