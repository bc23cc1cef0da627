"""Placing records and events on the real Camden geography."""

from __future__ import annotations

from pathlib import Path

import pytest

from contextsafe.geo import load_postcodes, load_schools
from contextsafe.ingest import ingest_file
from contextsafe.reference import load_reference, place_locations
from contextsafe.store import Workspace
from tests.ingest.factories import csv_text, write_export, write_mapping


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    ws = Workspace.create(tmp_path / "ws")
    load_reference(ws, ["camden"])
    return ws


def _rows(ws: Workspace, sql: str) -> list[tuple]:
    with ws.connect(read_only=True) as con:
        return con.execute(sql).fetchall()


def test_reference_tables_hold_the_borough(workspace: Workspace) -> None:
    assert _rows(workspace, "SELECT level, count(*) FROM ref_areas GROUP BY 1 ORDER BY 1") == [
        ("borough", 1), ("lsoa", 133), ("ward", 18)]
    assert _rows(workspace, "SELECT count(*) FROM contexts WHERE kind = 'school'") == [(21,)]
    load_reference(workspace, ["camden"])  # reloading replaces, never duplicates
    assert _rows(workspace, "SELECT count(*) FROM ref_postcodes") == [(load_postcodes("camden").height,)]


def test_postcode_only_records_are_placed_in_lsoa_and_ward(tmp_path: Path, workspace: Workspace) -> None:
    postcode = load_postcodes("camden").filter(~load_postcodes("camden")["stacked"]).row(0, named=True)
    school = load_schools("camden").row(0, named=True)
    rows = [["A1", "Jo", "Smith", "01/02/2004", "F", postcode["postcode"].lower().replace(" ", ""), "03/03/2018",
             "CSE", school["name"].upper()],
            ["A2", "Mo", "Khan", "12/11/2003", "M", "ZZ9 9ZZ", "04/03/2018", "", "Hogwarts"]]
    ingest_file(workspace, write_mapping(tmp_path), write_export(tmp_path, csv_text(rows)))
    summary = place_locations(workspace, ["camden"])
    placed = _rows(workspace, "SELECT record_id, latitude, longitude, lsoa, ward FROM records ORDER BY 1")
    assert placed[0][1:3] == (postcode["latitude"], postcode["longitude"])
    assert placed[0][3].startswith("E01") and placed[0][4].startswith("E05")
    assert placed[1][1:] == (None, None, None, None)  # an unknown postcode is left unplaced, not guessed
    assert (summary.records_geocoded, summary.schools_resolved, summary.schools_unresolved) == (1, 1, 1)
    assert _rows(workspace, "SELECT context_id FROM associations WHERE context_kind = 'school' ORDER BY record_id"
                 ) == [(f"school:{school['urn']}",), (None,)]
    again = place_locations(workspace, ["camden"])
    assert again.records_geocoded == 0  # idempotent: only gaps are filled
