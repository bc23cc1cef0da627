"""One profile of a small synthetic borough: the output contract, purpose exclusion, the partner version."""

from __future__ import annotations

import json

import polars as pl
import pytest

from contextsafe.profile import RedactionLeakError, build_profile
from tests.profile.conftest import read

CONTRACT = {
    "links/person_records.csv": {"source", "record_id", "person_id", "match_probability"},
    "contexts/peer_groups.csv": {"group_id", "person_id", "role"},
    "contexts/schools.csv": {"school_id", "name", "persons", "concerns", "peer_groups"},
    "contexts/places.csv": {"place_id", "lat", "lon", "events", "hotspot_z", "layers"},
    "overlap.csv": {"persons", "combination"},
    "i2/entities.csv": {"entity_id", "entity_type", "label"},
    "i2/links.csv": {"from_id", "to_id", "link_type", "evidence"},
}


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_files_have_their_columns(profile_run, name):
    frame = pl.read_csv(profile_run.out / name, infer_schema=False)
    assert CONTRACT[name] <= set(frame.columns)
    assert frame.height > 0


def test_reports_workbook_and_maps_are_written(profile_run):
    for name in ("profile.html", "profile_redacted.html", "profile.xlsx", "gis/places_hexagons.geojson",
                 "redacted/places_hexagons.geojson", "redacted/profile_redacted.xlsx", "profile_run.json"):
        assert (profile_run.out / name).stat().st_size > 0, name
    hexagons = json.loads(read(profile_run.out / "gis" / "places_hexagons.geojson"))
    assert hexagons["features"][0]["geometry"]["type"] == "Polygon"


def test_a_source_that_does_not_permit_the_purpose_is_excluded_and_listed(profile_run, borough):
    # peer group information forms permit assessment only: they must not feed a profile.
    assert ("pgi_forms" in dict(profile_run.excluded)) and "pgi_forms" not in profile_run.sources_used
    record = json.loads(read(profile_run.run_record))
    assert record["purpose"] == "profiling" and "pgi_forms" in {s["source"] for s in record["sources_excluded"]}
    assert "pgi_forms" in read(profile_run.report) and "pgi_forms" in read(profile_run.partner_report)
    links = pl.read_csv(profile_run.out / "links" / "person_records.csv", infer_schema=False)
    assert "pgi_forms" not in set(links["source"])


def test_the_run_is_refused_sources_for_another_purpose(borough, tmp_path):
    result = build_profile(borough, "audit", tmp_path / "audit", pdf=False)
    assert set(result.sources_used) <= {"csc_referrals", "school_exclusions", "police_stop_and_search",
                                        "police_api_street_crime", "police_street_crime_burglary"}
    assert "mase_list" in dict(result.excluded)


def test_figure1_has_every_level_with_counts_and_evidence_and_no_score(profile_run):
    fig = pl.read_csv(profile_run.out / "tables" / "figure1.csv")
    assert set(fig["level"]) == {"individuals", "families", "networks and groups", "schools", "public spaces"}
    assert set(fig["kind"]) == {"vulnerability", "resilience"}
    assert not any("score" in c for c in fig.columns)
    assert fig["evidence"].null_count() == 0


def test_equality_warnings_come_before_the_lists(profile_run):
    html = read(profile_run.report)
    assert "78% Black" in html and html.index("equality-warnings") < html.index("id=\"overlap\"")
    equality = pl.read_csv(profile_run.out / "tables" / "equality.csv")
    assert {"ethnicity", "sex", "age_band"} == set(equality["dimension"])
    assert any(name.startswith("peer group: ") for name in equality["list"])


def test_partner_version_holds_codes_not_people(profile_run):
    html = read(profile_run.partner_report)
    assert "HA01" in html and "PG1" in html
    assert "P-" not in html and "unlinked:" not in html
    for name in profile_run.partner_counts:
        table = pl.read_csv(profile_run.out / "redacted" / f"{name}.csv", infer_schema=False)
        assert "person_id" not in table.columns and "given_name" not in table.columns


@pytest.mark.parametrize("table", ["equality", "schools", "places", "trends", "overlap", "figure1"])
def test_a_small_count_planted_in_any_partner_table_is_refused(profile_run, borough, table):
    from contextsafe.profile import check_output, collect_secrets

    frame = pl.read_csv(profile_run.out / "redacted" / f"{table}.csv", infer_schema=False)
    column = profile_run.partner_counts[table][0]
    planted = frame.with_columns(pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("3")).otherwise(pl.col(column))
                                 .alias(column))
    with pytest.raises(RedactionLeakError) as caught:
        check_output(collect_secrets(borough), {}, {table: (planted, (column,))}, 5)
    assert caught.value.kind == "small count" and table in caught.value.where


def test_a_leak_refuses_the_whole_partner_version_and_writes_nothing(borough, tmp_path, monkeypatch):
    import contextsafe.profile.views as views

    real = views.partner_views
    with borough.connect(read_only=True) as con:
        family = con.execute("SELECT family_name FROM records WHERE length(family_name) > 5 LIMIT 1").fetchone()[0]

    def leaky(full, overlap, threshold):
        out = real(full, overlap, threshold)
        out.tables["peer_group_members"] = out.tables["peer_group_members"].with_columns(pl.lit(family).alias("role"))
        return out

    monkeypatch.setattr("contextsafe.profile.run.partner_views", leaky)
    with pytest.raises(RedactionLeakError) as caught:
        build_profile(borough, "profiling", tmp_path / "leaky", pdf=False)
    assert caught.value.kind == "name" and family not in str(caught.value)
    assert not (tmp_path / "leaky" / "profile_redacted.html").exists()
    assert not (tmp_path / "leaky" / "redacted").exists()
