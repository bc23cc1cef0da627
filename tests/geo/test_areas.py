"""Boundaries and point-in-polygon look-up."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from contextsafe.errors import ContextsafeError
from contextsafe.geo import BOROUGHS, Area, AreaLookup, load_areas, random_points_in


@pytest.mark.parametrize(("borough", "wards", "lsoas"), [("camden", 18, 133), ("hackney", 21, 144),
                                                         ("islington", 16, 123)])
def test_area_counts_match_the_readme(borough: str, wards: int, lsoas: int) -> None:
    assert len(load_areas(borough, "ward")) == wards
    assert len(load_areas(borough, "lsoa")) == lsoas
    [outline] = load_areas(borough, "borough")
    assert outline.code == BOROUGHS[borough]


def test_ward_property_names_differ_by_borough_but_not_here() -> None:
    hackney = load_areas("hackney", "ward")  # wd19cd / wd19nm
    camden = load_areas("camden", "ward")  # WD13CD / WD13NM
    assert {a.code for a in hackney} == {f"E0500{n}" for n in range(9367, 9388)}
    assert all(a.code.startswith("E05") and a.name and a.name != a.code for a in hackney + camden)


def test_lsoas_are_2011_codes_with_names() -> None:
    lsoas = {a.code: a.name for a in load_areas("camden", "lsoa")}
    assert lsoas["E01000908"] == "Camden 001B"


def test_areas_are_frozen() -> None:
    area = load_areas("camden", "ward")[0]
    assert isinstance(area, Area) and area.geometry.is_valid
    with pytest.raises(AttributeError):
        area.code = "x"  # type: ignore[misc]


def test_an_unknown_level_is_refused() -> None:
    with pytest.raises(ContextsafeError, match="area level"):
        load_areas("camden", "county")  # type: ignore[arg-type]


def test_a_point_inside_a_known_lsoa() -> None:
    lookup = AreaLookup.for_boroughs(["camden"])
    # The first row of police_street_crime_burglary_camden.csv: "On or near Chester Road", Camden 001B.
    lsoa, ward = lookup.locate(np.array([51.563776]), np.array([-0.143286]))
    assert lsoa == ["E01000908"]
    assert ward == ["E05000137"]  # Highgate (2002-2022 wards)


def test_each_lsoas_representative_point_maps_back_to_it() -> None:
    areas = load_areas("islington", "lsoa")
    points = [a.geometry.representative_point() for a in areas]
    lsoa, _ = AreaLookup.for_boroughs(["islington"]).locate(np.array([p.y for p in points]),
                                                           np.array([p.x for p in points]))
    assert lsoa == [a.code for a in areas]


def test_nan_and_outside_points_give_none() -> None:
    lookup = AreaLookup.for_boroughs(["camden"])
    lat = np.array([np.nan, 51.5390, 51.5390, 53.48])  # NaN, Camden, NaN longitude, Manchester
    lon = np.array([-0.14, np.nan, -0.1426, -2.24])
    lsoa, ward = lookup.locate(lat, lon)
    assert lsoa == [None, None, "E01000863", None]
    assert ward == [None, None, "E05000130", None]
    assert lookup.locate(np.array([]), np.array([])) == ([], [])


def test_mismatched_arrays_are_refused() -> None:
    with pytest.raises(ContextsafeError, match="differ in length"):
        AreaLookup.for_boroughs(["camden"]).locate(np.zeros(2), np.zeros(3))


def test_many_points_with_gaps_keep_their_order() -> None:
    """Vectorised look-up of 100,000 points (speed is measured in benchmarks, not here)."""
    lookup = AreaLookup.for_boroughs(list(BOROUGHS))
    rng = np.random.default_rng(7)
    lat, lon = rng.uniform(51.50, 51.58, 100_000), rng.uniform(-0.22, -0.03, 100_000)
    lat[::100] = np.nan
    lsoa, ward = lookup.locate(lat, lon)
    assert len(lsoa) == len(ward) == 100_000
    assert lsoa[0] is None and ward[0] is None
    placed = sum(code is not None for code in lsoa)
    assert 40_000 < placed < 50_000  # the three boroughs cover about 45 % of this box


def test_random_points_fall_inside_and_repeat_with_the_seed() -> None:
    [camden] = load_areas("camden", "borough")
    lat, lon = random_points_in(camden.geometry, 5000, np.random.default_rng(3))
    assert lat.shape == lon.shape == (5000,)
    assert shapely.contains_xy(camden.geometry, lon, lat).all()
    again = random_points_in(camden.geometry, 5000, np.random.default_rng(3))
    assert np.array_equal(lat, again[0]) and np.array_equal(lon, again[1])
    assert random_points_in(camden.geometry, 0, np.random.default_rng(3))[0].size == 0
