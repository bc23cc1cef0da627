"""Journeys to and from school on a pupil whose home, school and incidents are placed by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from contextsafe.places.journeys import distance_to_segment_m, journey_events
from contextsafe.places.options import PlacesOptions
from contextsafe.places.points import safeguarding_events
from tests.places import factories as f

HOME = (51.5400, -0.1500)
SCHOOL = (51.5400, -0.1300)  # about 1.4 km due east of home
MONDAY = dt.date(2018, 3, 5)


def at(hour: int, day: dt.date = MONDAY) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, 15)


def test_distance_to_segment_is_perpendicular_inside_and_to_the_end_beyond():
    assert distance_to_segment_m((51.5409, -0.14), HOME, SCHOOL) == pytest.approx(100, rel=0.01)
    beyond = distance_to_segment_m((51.5400, -0.1286), HOME, SCHOOL)  # east of the school, on the line
    assert beyond == pytest.approx(0.0014 * 111_320 * 0.6225, rel=0.02)


def test_only_events_in_the_corridor_in_school_travel_hours_are_journey_events(workspace):
    f.source(workspace, "police")
    f.school(workspace, "school:1", *SCHOOL)
    events = {
        "on_way_morning": (at(8), 51.5410, -0.1400),  # about 110 m north of the line, 08:15 Monday
        "on_way_evening": (at(16), 51.5395, -0.1350),
        "late_night": (at(23), 51.5410, -0.1400),  # on the line, but not travel time
        "saturday": (at(8, dt.date(2018, 3, 10)), 51.5410, -0.1400),
        "far_away": (at(8), 51.5500, -0.1400),  # about 1.1 km north
    }
    for event_id, (when, lat, lon) in events.items():
        f.event(workspace, "police", event_id, when, lat, lon)
    f.person(workspace, "police", "pupil", dt.date(2004, 5, 1), home=HOME, events=tuple(events), school="school:1")
    with workspace.connect(read_only=True) as con:
        found = journey_events(con, safeguarding_events(con).events, PlacesOptions())
    assert sorted(found["event_id"].to_list()) == ["on_way_evening", "on_way_morning"]
    assert set(found["school_id"]) == {"school:1"}
