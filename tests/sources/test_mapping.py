"""Every feature of a source mapping, and every way a mapping can be wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from contextsafe.errors import MappingError
from contextsafe.ingest import ingest_file
from contextsafe.sources import load_mapping
from contextsafe.store import Workspace
from contextsafe.vocab import Purpose
from tests.conftest import rows as _rows
from tests.ingest.factories import csv_text, mapping_dict, write_export, write_mapping


def test_governance_fields_are_declared_and_parsed(tmp_path: Path) -> None:
    loaded = write_mapping(tmp_path, retention="18 months")
    assert loaded.mapping.retention_days == 18 * 31
    assert loaded.mapping.permits(Purpose.PROFILING) and not loaded.mapping.permits(Purpose.INTELLIGENCE)
    assert len(loaded.sha256) == 64


def test_every_problem_is_reported_together(tmp_path: Path) -> None:
    data = mapping_dict(retention="forever", permitted_purposes=["gossip"], source="Bad Name")
    del data["legal_basis"]
    data["record"]["favourite_colour"] = "Colour"
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(MappingError) as caught:
        load_mapping(path)
    text = "\n".join(caught.value.problems)
    for fragment in ("legal_basis", "retention", "permitted_purposes", "source", "favourite_colour"):
        assert fragment in text
    assert len(caught.value.problems) >= 5


def test_a_mapping_that_is_not_yaml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("source: [unclosed")
    with pytest.raises(MappingError, match="cannot be read as YAML"):
        load_mapping(path)


def test_a_field_takes_exactly_one_of_column_value_derive(tmp_path: Path) -> None:
    with pytest.raises(MappingError, match="exactly one"):
        write_mapping(tmp_path, record={"id": {"column": "Ref", "value": "x"}})


def test_full_name_cells_are_split(tmp_path: Path, workspace: Workspace) -> None:
    header = ["Ref", "Name", "DOB"]
    rows = [["P1", "SMITH, Jo Ann", "01/02/2004"], ["P2", "Mohammed Ali Khan", "02/03/2004"]]
    loaded = write_mapping(tmp_path, record={"id": "Ref", "full_name": "Name", "date_of_birth": "DOB"},
                           event=None, concerns=None, contexts=[])
    ingest_file(workspace, loaded, write_export(tmp_path, csv_text(rows, header)))
    assert _rows(workspace, "SELECT record_id, given_name, other_names, family_name FROM records ORDER BY 1") == [
        ("P1", "Jo", "Ann", "SMITH"), ("P2", "Mohammed", "Ali", "Khan")]


def test_two_record_blocks_roles_influence_and_grading(tmp_path: Path, workspace: Workspace) -> None:
    """A peer group information form: the subject and a named peer on one row."""
    header = ["Form", "Date", "YP first", "YP last", "Peer first", "Peer last", "Influence", "Leads/follows",
              "Grade"]
    rows = [["PGI-1", "2018-03-01", "Jo", "Smith", "Kai", "Lee", "Neg", "F", "B2C"],
            ["PGI-1", "2018-03-01", "Jo", "Smith", "Amy", "Ng", "Pos", "", "B2C"]]
    loaded = write_mapping(
        tmp_path, date_formats=["%Y-%m-%d"], concerns=None, contexts=[], permitted_purposes=["assessment"],
        event={"id": "Form", "type": {"value": "peer_group_information"}, "occurred_on": "Date",
               "intelligence_assessment": {"value": "B"}, "source_evaluation": {"value": "2"},
               "handling_code": {"value": "C"}},
        records=[{"id": {"derive": ["Form", "YP first", "YP last"]}, "given_name": "YP first",
                  "family_name": "YP last", "role": {"value": "subject"}},
                 {"id": {"derive": ["Form", "Peer first", "Peer last"]}, "given_name": "Peer first",
                  "family_name": "Peer last", "role": {"value": "named_peer"}, "influence": "Influence",
                  "relation": "Leads/follows"}],
        record=None,
        values={"influence": {"Pos": "positive", "Neg": "negative"},
                "relation": {"F": "follows", "L": "leads", "": None}})
    data = loaded.mapping
    assert len(data.records) == 2
    report = ingest_file(workspace, loaded, write_export(tmp_path, csv_text(rows, header)))
    assert report.accepted == 2 and report.quarantined == 0
    assert _rows(workspace, "SELECT r.given_name, p.role, p.influence, p.relation FROM participants p JOIN records r "
                            "USING (source, record_id) ORDER BY 1") == [
        ("Amy", "named_peer", "positive", None), ("Jo", "subject", None, None), ("Kai", "named_peer", "negative",
                                                                                  "follows")]
    assert _rows(workspace, "SELECT source_evaluation, intelligence_assessment, handling_code FROM events") == [
        ("2", "B", "C")]


def test_unknown_event_type_constant_is_quarantined(tmp_path: Path, workspace: Workspace) -> None:
    loaded = write_mapping(tmp_path, event={"id": "Ref", "type": {"value": "picnic"}})
    report = ingest_file(workspace, loaded, write_export(tmp_path))
    assert report.accepted == 0 and {p.rule_id for p in report.problems} == {"R005"}


def test_codes_mapped_to_null_are_deliberately_ignored(tmp_path: Path, workspace: Workspace) -> None:
    rows = [["A1", "Jo", "Smith", "01/02/2004", "F", "NW1 8NN", "03/03/2018", "NFA; cse", ""]]
    report = ingest_file(workspace, write_mapping(tmp_path), write_export(tmp_path, csv_text(rows)))
    assert report.accepted == 1
    assert _rows(workspace, "SELECT concern, source_code FROM concern_flags") == [("cse", "cse")]


def test_mapping_file_names_its_export(tmp_path: Path, workspace: Workspace) -> None:
    write_export(tmp_path, name="referrals.csv")
    loaded = write_mapping(tmp_path, file="referrals.csv")
    assert ingest_file(workspace, loaded).accepted == 3


def test_derived_ids_are_stable_and_keep_identical_rows_apart(tmp_path: Path, workspace: Workspace,
                                                              monkeypatch) -> None:
    """Two identical stop-and-search rows are two searches; re-ingest gives the same ids."""
    monkeypatch.setattr("contextsafe.ingest.reading.CHUNK_ROWS", 2)  # repeats straddle chunks
    header = ["Date", "Age range", "Lat", "Lon"]
    rows = [["2018-03-01 10:00:00", "10-17", "51.55", "-0.15"]] * 3 + [["2018-03-02 11:00:00", "18-24", "51.54",
                                                                         "-0.14"]]
    loaded = write_mapping(tmp_path, record=None, concerns=None, contexts=[], date_formats=["%Y-%m-%d %H:%M:%S"],
                           event={"id": {"derive": header, "repeats": "numbered"}, "type": {"value": "stop_and_search"},
                                  "occurred_on": "Date", "subject_age_band": "Age range", "latitude": "Lat",
                                  "longitude": "Lon"})
    report = ingest_file(workspace, loaded, write_export(tmp_path, csv_text(rows, header)))
    assert (report.accepted, report.quarantined) == (4, 0)
    ids = [r[0] for r in _rows(workspace, "SELECT event_id FROM events ORDER BY row_number")]
    assert ids[1] == ids[0] + "~2" and ids[2] == ids[0] + "~3" and "~" not in ids[3]
    other = Workspace.create(tmp_path / "ws2")
    ingest_file(other, loaded, write_export(tmp_path, csv_text(rows, header), name="again.csv"))
    assert [r[0] for r in _rows(other, "SELECT event_id FROM events ORDER BY row_number")] == ids


def test_delimiter_header_row_and_encoding_can_be_declared(tmp_path: Path, workspace: Workspace) -> None:
    text = "Ref;Forename\r\nA1;Zoë\r\n"
    title = "Ref;Forename\r\n"  # a decoy line that also looks like a header: header_row picks the real one
    loaded = write_mapping(tmp_path, record={"id": "Ref", "given_name": "Forename"}, event=None, concerns=None,
                           contexts=[], format={"type": "csv", "delimiter": ";", "header_row": 2,
                                                "encoding": "cp1252"})
    path = tmp_path / "semi.csv"
    path.write_bytes((title + text).encode("cp1252"))
    report = ingest_file(workspace, loaded, path)
    assert (report.header_row, report.accepted, report.encoding) == (2, 1, "cp1252")
    assert ("Zoë",) in _rows(workspace, "SELECT given_name FROM records")


def test_declared_encoding_that_does_not_fit_is_explained(tmp_path: Path, workspace: Workspace) -> None:
    from contextsafe.errors import InputFileError

    loaded = write_mapping(tmp_path, format={"type": "csv", "encoding": "utf-8"})
    path = write_export(tmp_path, encoding="cp1252")
    with pytest.raises(InputFileError, match="cannot be decoded as utf-8"):
        ingest_file(workspace, loaded, path)


def test_concern_flags_can_depend_on_another_column(tmp_path: Path, workspace: Workspace) -> None:
    header = ["Call", "Type", "Child", "Child present"]
    rows = [["C1", "DOMESTIC", "K1", "Y"], ["C2", "DISTURBANCE", "K2", "Y"], ["C3", "DOMESTIC", "K3", "N"]]
    loaded = write_mapping(tmp_path, contexts=[], record={"id": "Child"},
                           event={"id": "Call", "type": "Type"},
                           values={"type": {"DOMESTIC": "domestic_abuse_callout",
                                            "DISTURBANCE": "household_disturbance"}},
                           concerns={"columns": ["Child present"], "codes": {"Y": "domestic_abuse_at_home", "N": None},
                                     "when": {"Type": ["DOMESTIC"]}})
    ingest_file(workspace, loaded, write_export(tmp_path, csv_text(rows, header)))
    assert _rows(workspace, "SELECT record_id, concern FROM concern_flags") == [("K1", "domestic_abuse_at_home")]
