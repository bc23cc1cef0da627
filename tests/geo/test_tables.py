"""Postcodes, schools and bus stops: facts checked by hand against the open data README."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from contextsafe.errors import ContextsafeError
from contextsafe.geo import load_bus_stops, load_postcodes, load_schools, open_data_dir


def test_postcode_columns_and_a_known_position() -> None:
    postcodes = load_postcodes("hackney")
    assert postcodes.columns == ["postcode", "postcode_key", "latitude", "longitude", "ward_2025", "stacked"]
    row = postcodes.filter(pl.col("postcode") == "N16 5RP").row(0, named=True)
    assert row["postcode_key"] == "N165RP"
    assert (row["latitude"], row["longitude"]) == (51.572234, -0.073298)
    assert row["ward_2025"] == "E05009384" and row["stacked"] is False


@pytest.mark.parametrize(("borough", "rows", "stacked_rows", "stacked_points"),
                         [("hackney", 4569, 58, 2), ("camden", 8213, 1526, 4), ("islington", 6421, 1629, 5)])
def test_stacked_points_match_the_readme(borough: str, rows: int, stacked_rows: int, stacked_points: int) -> None:
    postcodes = load_postcodes(borough)
    stacked = postcodes.filter("stacked")
    assert postcodes.height == rows
    assert stacked.height == stacked_rows
    assert stacked.select("latitude", "longitude").unique().height == stacked_points


def test_camden_nw1w_postcodes_are_almost_all_stacked() -> None:
    nw1w = load_postcodes("camden").filter(pl.col("postcode").str.starts_with("NW1W "))
    assert nw1w.height == 1036 and nw1w["stacked"].sum() == 1034


def test_files_are_read_once() -> None:
    assert load_postcodes("camden") is load_postcodes("Camden ")


def test_an_unknown_borough_names_the_ones_available() -> None:
    with pytest.raises(ContextsafeError, match="camden, hackney, islington"):
        load_postcodes("westminster")


@pytest.mark.parametrize(("borough", "schools", "without_position"), [("camden", 21, 0), ("hackney", 31, 2),
                                                                       ("islington", 16, 0)])
def test_schools(borough: str, schools: int, without_position: int) -> None:
    frame = load_schools(borough)
    assert frame.columns == ["urn", "name", "establishment_type", "postcode", "latitude", "longitude", "pupils"]
    assert frame.schema["urn"] == pl.String and frame.schema["pupils"] == pl.Int64
    assert frame.height == schools
    assert frame["latitude"].null_count() == frame["longitude"].null_count() == without_position


def test_the_two_hackney_schools_without_a_postcode() -> None:
    missing = load_schools("hackney").filter(pl.col("latitude").is_null())
    assert sorted(missing["name"]) == ["Leaways School", "The Garden School"]
    assert missing["postcode"].null_count() == 2


def test_a_known_school_is_at_its_postcode() -> None:
    ucl = load_schools("camden").filter(pl.col("urn") == "137181").row(0, named=True)
    assert ucl["name"] == "The UCL Academy" and ucl["postcode"] == "NW3 3AQ" and ucl["pupils"] == 1095
    at = load_postcodes("camden").filter(pl.col("postcode") == "NW3 3AQ")
    assert (ucl["latitude"], ucl["longitude"]) == (at["latitude"][0], at["longitude"][0])


def test_publisher_suppression_codes_become_null(open_data_copy: Path) -> None:
    path = open_data_copy / "schools_ks4_camden.csv"
    frame = pl.read_csv(path, infer_schema=False)
    codes = ["z", "c", "x"] + frame["t_allks_pupils"].to_list()[3:]
    frame.with_columns(pl.Series("t_allks_pupils", codes)).write_csv(path, quote_style="always")
    pupils = load_schools("camden")["pupils"]
    assert pupils[:3].to_list() == [None, None, None]
    assert pupils.null_count() == 3


@pytest.mark.parametrize(("borough", "stops"), [("hackney", 465), ("camden", 446), ("islington", 351)])
def test_bus_stops(borough: str, stops: int) -> None:
    frame = load_bus_stops(borough)
    assert frame.columns == ["stop_code", "naptan_atco", "name", "latitude", "longitude"]
    assert frame.height == stops
    assert frame["latitude"].null_count() == 0


def test_hackney_naptan_codes_lose_their_embedded_line_breaks() -> None:
    raw = pl.read_csv(open_data_dir() / "bus_stops_hackney.csv", infer_schema=False)
    assert raw["Naptan_Atco"].str.contains("\r\n").sum() == 8
    stops = load_bus_stops("hackney")
    assert not stops["naptan_atco"].str.contains(r"\s").any()
    assert "490023084SE" in stops["naptan_atco"].to_list()
