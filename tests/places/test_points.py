"""Which events count as safeguarding events, and how events without coordinates are placed."""

from __future__ import annotations

import datetime as dt

from contextsafe.places.points import layer_events, safeguarding_events
from tests.places import factories as f

WHEN = dt.datetime(2018, 3, 5, 16, 0)


def test_young_people_or_concern_flags_make_a_safeguarding_event(workspace):
    f.source(workspace, "asb")
    f.event(workspace, "asb", "child", WHEN, 51.54, -0.14)
    f.person(workspace, "asb", "r1", dt.date(2003, 1, 1), events=("child",))  # 15 on the day
    f.event(workspace, "asb", "adult", WHEN, 51.54, -0.14)
    f.person(workspace, "asb", "r2", dt.date(1990, 1, 1), events=("adult",))
    f.event(workspace, "asb", "flagged", WHEN, 51.54, -0.14)
    f.flag(workspace, "asb", "flagged", "cse")
    f.event(workspace, "asb", "turned18", WHEN, 51.54, -0.14)
    f.person(workspace, "asb", "r3", dt.date(2000, 3, 5), events=("turned18",))  # 18th birthday that day
    with workspace.connect(read_only=True) as con:
        placed = safeguarding_events(con)
    assert sorted(placed.events["event_id"].to_list()) == ["child", "flagged"]
    assert placed.events.filter(placed.events["event_id"] == "flagged")["concerns"].to_list() == [["cse"]]


def test_police_background_home_call_outs_and_unpermitted_sources_are_not_safeguarding_events(workspace):
    f.source(workspace, "police_api_street_crime")
    f.event(workspace, "police_api_street_crime", "street", WHEN, 51.54, -0.14)
    f.flag(workspace, "police_api_street_crime", "street", "serious_youth_violence")
    f.source(workspace, "da")
    f.event(workspace, "da", "home", WHEN, 51.54, -0.14, event_type="domestic_abuse_callout")
    f.flag(workspace, "da", "home", "relationship_abuse")
    f.source(workspace, "pgi", purposes=("assessment",))
    f.event(workspace, "pgi", "form", WHEN, 51.54, -0.14)
    f.flag(workspace, "pgi", "form", "cse")
    with workspace.connect(read_only=True) as con:
        assert safeguarding_events(con).events.is_empty()
        layers = sorted(layer_events(con)["layer"].to_list())
    assert layers == ["da_callouts", "police_crime"]


def test_event_without_coordinates_is_placed_by_a_name_other_agencies_used(workspace):
    f.source(workspace, "bus")
    f.event(workspace, "bus", "located", WHEN, 51.5398, -0.1412, place_name="Camden Town Station bus stop")
    f.flag(workspace, "bus", "located", "cse")
    f.source(workspace, "health")
    f.event(workspace, "health", "named", WHEN, place_name="CAMDEN TOWN STATION")
    f.flag(workspace, "health", "named", "serious_youth_violence")
    f.event(workspace, "health", "nowhere", WHEN, place_name="Somewhere Else")
    f.flag(workspace, "health", "nowhere", "serious_youth_violence")
    with workspace.connect(read_only=True) as con:
        placed = safeguarding_events(con)
    named = placed.events.filter(placed.events["event_id"] == "named").row(0, named=True)
    assert (named["latitude"], named["longitude"]) == (51.5398, -0.1412)
    assert (placed.by_name, placed.unplaced) == (1, 1)


def test_events_and_layers_are_read_only_from_sources_permitting_the_run_purpose(workspace):
    f.source(workspace, "pgi", purposes=("assessment",))
    f.event(workspace, "pgi", "form", WHEN, 51.54, -0.14)
    f.flag(workspace, "pgi", "form", "cse")
    f.source(workspace, "da", purposes=("profiling",))
    f.event(workspace, "da", "home", WHEN, 51.54, -0.14, event_type="domestic_abuse_callout")
    with workspace.connect(read_only=True) as con:
        for_assessment = safeguarding_events(con, "assessment").events["event_id"].to_list()
        for_profiling = safeguarding_events(con, "profiling").events["event_id"].to_list()
        layers_for_assessment = layer_events(con, "assessment")["layer"].to_list()
        layers_for_profiling = layer_events(con, "profiling")["layer"].to_list()
    assert (for_assessment, for_profiling) == (["form"], [])
    assert (layers_for_assessment, layers_for_profiling) == ([], ["da_callouts"])
