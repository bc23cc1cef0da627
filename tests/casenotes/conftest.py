"""A small store for the case-notes tests: the web tests' tiny store plus reference geography and more people."""

from __future__ import annotations

import pytest

from contextsafe.casenotes import build_gazetteer, duckdb_query
from contextsafe.reference.load import REFERENCE_DDL
from tests.web.store_factory import make_store

MORE = [  # source, record_id, given, family, dob, person
    ("csc_referrals", "S2", "Jayden", "Campbell", "2004-05-05", "P-JAY1"),
    ("police_crime", "C3", "Jayden", "Okoro", "2003-01-01", "P-JAY2"),
    ("police_crime", "C4", "Mohammed", "Rahman", "2004-07-07", "P-MO"),
    ("csc_referrals", "S3", "Chloe", "Young", "2005-02-02", "P-CHLOE"),
]
STOPS = ["KENTISH TOWN ROAD", "CHALK FARM STATION <>", "HAVERSTOCK HILL / CHALK FARM STATION",
         "WILLIAM ELLIS SCHOOL", "HAIL & RIDE WILDWOOD RISE"]
WARDS = [("E05000136", "Haverstock"), ("E05000130", "Camden Town with Primrose Hill"), ("E05000134", "Gospel Oak")]
SCHOOLS = [("school:100049", "Haverstock School", "100049"), ("school:100051", "Regent High School", "100051"),
           ("school:100060", "William Ellis School", "100060")]


@pytest.fixture
def workspace(tmp_path):  # noqa: ANN201
    ws = make_store(tmp_path / "ws")
    with ws.connect() as con:
        for source, rid, given, family, dob, person in MORE:
            con.execute("INSERT INTO records (source, record_id, ingest_id, row_number, given_name, family_name, "
                        "date_of_birth) VALUES (?, ?, 'i', 1, ?, ?, ?)", [source, rid, given, family, dob])
            con.execute("INSERT INTO person_records VALUES (?, ?, ?, 0.99)", [source, rid, person])
        # Amara (C1) and Jayden Okoro (C3) were in the same police event: known peers.
        con.execute("INSERT INTO participants VALUES ('police_crime', 'EV1', 'C3', 'suspect', NULL, NULL)")
        for table, ddl in REFERENCE_DDL.items():
            con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({ddl})")
        for i, name in enumerate(STOPS):
            con.execute("INSERT INTO ref_bus_stops VALUES ('camden', ?, ?, ?, 51.5, -0.1)", [str(i), f"N{i}", name])
        for code, name in WARDS:
            con.execute("INSERT INTO ref_areas VALUES ('camden', 'ward', ?, ?, '')", [code, name])
        for cid, name, ref in SCHOOLS:
            con.execute("INSERT INTO contexts VALUES (?, 'school', ?, ?, 51.5, -0.1, 'dfe')", [cid, name, ref])
        con.execute("INSERT INTO associations VALUES ('police_crime', 'C3', 'school', 'Haverstock School', "
                    "'attends', DATE '2026-01-01', 'school:100049')")
    return ws


@pytest.fixture
def gazetteer(workspace):  # noqa: ANN001, ANN201
    with workspace.connect(read_only=True) as con:
        gaz = build_gazetteer(duckdb_query(con))
        peers = {p: gaz.peers(p) for p in gaz.persons}
    gaz.peers = lambda pid: peers.get(pid, [])
    return gaz
