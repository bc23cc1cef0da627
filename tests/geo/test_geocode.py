"""Postcode geocoding: matching ignores case and spaces; unknown postcodes are NaN, never guessed."""

from __future__ import annotations

import time

import numpy as np
import polars as pl

from contextsafe.geo import Geocoder, load_postcodes


def test_case_and_spaces_do_not_matter_and_unknowns_are_nan() -> None:
    geocoder = Geocoder.for_boroughs(["hackney", "camden"])
    lat, lon = geocoder.locate_postcodes(["N16 5RP", "n165rp", " n16  5RP ", "ZZ1 1ZZ", None, "", "NW3 3AQ"])
    assert lat.dtype == np.float64 and lon.dtype == np.float64
    assert list(lat[:3]) == [51.572234] * 3 and list(lon[:3]) == [-0.073298] * 3
    assert np.isnan(lat[3:6]).all() and np.isnan(lon[3:6]).all()
    assert (lat[6], lon[6]) == (51.541735, -0.171871)


def test_a_borough_not_loaded_is_not_known() -> None:
    lat, _ = Geocoder.for_boroughs(["camden"]).locate_postcodes(["N16 5RP"])
    assert np.isnan(lat[0])


def test_no_borough_knows_nothing() -> None:
    geocoder = Geocoder.for_boroughs([])
    assert len(geocoder) == 0 and np.isnan(geocoder.locate_postcodes(["N16 5RP"])[0]).all()


def test_a_polars_series_is_accepted() -> None:
    lat, _ = Geocoder.for_boroughs(["hackney"]).locate_postcodes(pl.Series(["N16 5RP", None]))
    assert lat[0] == 51.572234 and np.isnan(lat[1])


def test_a_million_postcodes_in_order_and_fast() -> None:
    known = load_postcodes("islington")
    keys = known["postcode"].to_list()
    asked = [keys[i % len(keys)] for i in range(1_000_000)]
    asked[999_999] = "NOT A POSTCODE"
    geocoder = Geocoder.for_boroughs(["islington"])
    started = time.perf_counter()
    lat, lon = geocoder.locate_postcodes(asked)
    assert time.perf_counter() - started < 5
    assert lat[12345] == known["latitude"][12345 % len(keys)]
    assert lon[len(keys) + 7] == known["longitude"][7]
    assert int(np.isnan(lat).sum()) == 1
