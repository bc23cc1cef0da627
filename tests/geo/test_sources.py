"""The shipped police mappings: valid, fitting their files, and ingesting the real files with counts that reconcile."""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl
import pytest

from contextsafe.errors import ContextsafeError
from contextsafe.geo import BOROUGHS, mapping_path, open_data_dir, open_data_sources
from contextsafe.ingest import ingest_file
from contextsafe.sources import load_mapping
from contextsafe.store import Workspace
from contextsafe.vocab import EventType, Purpose

MAPPINGS = ("police_api_street_crime", "police_street_crime_burglary", "police_stop_and_search")
# Rows per file, from the open data README (sections 1-3).
README_ROWS = {
    ("police_api_street_crime", "camden"): 48_421,
    ("police_api_street_crime", "islington"): 36_481,
    ("police_street_crime_burglary", "hackney"): 2_872,
    ("police_street_crime_burglary", "camden"): 3_131,
    ("police_street_crime_burglary", "islington"): 2_672,
    ("police_stop_and_search", "hackney"): 3_974,
    ("police_stop_and_search", "camden"): 4_203,
    ("police_stop_and_search", "islington"): 3_553,
}


@pytest.mark.parametrize("name", MAPPINGS)
def test_mappings_declare_their_governance(name: str) -> None:
    mapping = load_mapping(mapping_path(name)).mapping
    assert mapping.source == name
    assert mapping.agency == "Metropolitan Police Service via data.police.uk"
    assert "Open Government Licence v3.0" in mapping.legal_basis
    assert mapping.information_sharing_agreement == "OGL-3.0 (open data, no agreement needed)"
    assert set(mapping.permitted_purposes) == {Purpose.PROFILING, Purpose.ASSESSMENT, Purpose.AUDIT}
    assert not mapping.permits(Purpose.INTELLIGENCE)
    assert mapping.retention_days > 0 and mapping.file is None and mapping.event is not None


def test_mapping_path_accepts_the_suffix_and_refuses_unknown_names() -> None:
    assert mapping_path("police_stop_and_search.yaml") == mapping_path("police_stop_and_search")
    with pytest.raises(ContextsafeError, match="police_api_street_crime"):
        mapping_path("police_gangs_matrix")


def test_which_files_each_borough_has() -> None:
    kinds = {b: [m.stem for m, _ in open_data_sources(b)] for b in BOROUGHS}
    assert kinds["hackney"] == ["police_street_crime_burglary", "police_stop_and_search"]  # no API file
    assert kinds["camden"] == kinds["islington"] == list(MAPPINGS)
    assert all(f.is_file() for b in BOROUGHS for _, f in open_data_sources(b))


@pytest.mark.parametrize(("name", "borough"), sorted(README_ROWS))
def test_every_mapped_column_is_in_the_file_header(name: str, borough: str) -> None:
    with (open_data_dir() / f"{name}_{borough}.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert load_mapping(mapping_path(name)).mapping.columns() <= set(header)


def test_every_police_category_has_an_event_type() -> None:
    mapping = load_mapping(mapping_path("police_api_street_crime")).mapping
    seen = set()
    for borough in ("camden", "islington"):
        seen |= set(pl.read_csv(open_data_dir() / f"police_api_street_crime_{borough}.csv",
                                columns=["category"])["category"].unique())
    assert seen <= set(mapping.values["type"])
    assert mapping.values["type"]["anti-social-behaviour"] == EventType.ASB
    archive = load_mapping(mapping_path("police_street_crime_burglary")).mapping
    assert archive.values["type"]["Anti-social behaviour"] == EventType.ASB
    assert set(archive.values["type"]) == set(mapping.values["category"].values())


def _identical_repeats(path: Path) -> int:
    """Rows that repeat an earlier row in every column: the derived ids cannot tell them apart."""
    frame = pl.read_csv(path, infer_schema=False)
    return frame.height - frame.unique().height


@pytest.mark.parametrize(("name", "borough"), sorted(README_ROWS))
def test_real_police_files_ingest_and_reconcile(name: str, borough: str, tmp_path: Path) -> None:
    workspace = Workspace.create(tmp_path / "ws")
    path = open_data_dir() / f"{name}_{borough}.csv"
    report = ingest_file(workspace, load_mapping(mapping_path(name)), path)
    assert report.rows_in == README_ROWS[name, borough]
    assert report.reconciles
    # Stop-and-search rows identical in every column are separate searches (derived ids numbered);
    # burglary rows identical in every column, Crime ID included, are one crime published twice and are
    # quarantined as duplicate keys (R011): Camden 30, Hackney 48, Islington 27. The API file has ids.
    repeats = _identical_repeats(path) if name == "police_street_crime_burglary" else 0
    assert (report.accepted, report.quarantined) == (report.rows_in - repeats, repeats)
    assert {p.rule_id for p in report.problems} == ({"R011"} if repeats else set())
    with workspace.connect(read_only=True) as con:
        stored = con.execute("SELECT count(*), count(occurred_on), count(latitude) FROM events").fetchone()
    assert stored == (report.accepted, report.accepted, report.accepted)


def test_camden_api_crime_and_asb_counts(tmp_path: Path) -> None:
    workspace = Workspace.create(tmp_path / "ws")
    path = open_data_dir() / "police_api_street_crime_camden.csv"
    ingest_file(workspace, load_mapping(mapping_path("police_api_street_crime")), path)
    asb = pl.read_csv(path, columns=["category"]).filter(pl.col("category") == "anti-social-behaviour").height
    with workspace.connect(read_only=True) as con:
        rows = dict(con.execute("SELECT event_type, count(*) FROM events GROUP BY 1").fetchall())
        months = con.execute("SELECT min(occurred_on)::DATE, max(occurred_on)::DATE FROM events").fetchone()
        wards = con.execute("SELECT count(DISTINCT ward) FROM events").fetchone()[0]
    assert rows == {"asb": asb, "crime": 48_421 - asb}
    assert [str(m) for m in months] == ["2017-07-01", "2018-06-01"]
    assert wards == 18


def test_stop_and_search_keeps_young_people_as_an_age_band_only(tmp_path: Path) -> None:
    workspace = Workspace.create(tmp_path / "ws")
    report = ingest_file(workspace, load_mapping(mapping_path("police_stop_and_search")),
                         open_data_dir() / "police_stop_and_search_camden.csv")
    with workspace.connect(read_only=True) as con:
        young = con.execute("SELECT count(*) FROM events WHERE subject_age_band = '10-17'").fetchone()[0]
        sexes = {r[0] for r in con.execute("SELECT DISTINCT subject_sex FROM events").fetchall()}
        records = con.execute("SELECT count(*) FROM records").fetchone()[0]
    assert report.quarantined == 0
    assert young == 588  # README: 588 rows aged 10-17 (17 of them repeat an earlier row exactly, and are kept)
    assert sexes <= {"male", "female", "unknown", None}
    assert records == 0  # no person records: a context layer
