"""Contexts as records: a school and a peer group, their members, events and network."""

from __future__ import annotations

import html
import re

import pytest

from tests.web.accounts.factories import signed_in, user

pytestmark = pytest.mark.django_db


def test_peer_group_shows_members_events_and_network(analysis_store):
    page = signed_in(user("practitioner")).get("/contexts/peer_group:PG1/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "P-AMARA" in text and "P-BEN" in text and "EV2" in text
    assert '<td class="govuk-table__cell">P-AMARA</td><td class="govuk-table__cell">P-BEN</td>' in text  # an edge


def test_school_members_depend_on_visible_sources(analysis_store):
    chair = signed_in(user("panel_chair"), "assessment").get("/contexts/school:1/").content.decode()
    assert "Hill School" in chair and "P-AMARA" in chair and "P-BEN" in chair
    practitioner = signed_in(user("practitioner")).get("/contexts/school:1/").content.decode()
    assert "P-AMARA" in practitioner and "P-BEN" not in practitioner  # E1 is the school's record


def test_context_search_by_name(analysis_store):
    page = signed_in(user("panel_chair"), "assessment").get("/contexts/?q=hill")
    assert b"/contexts/school:1/" in page.content


def test_unknown_context_is_refused_not_revealed(analysis_store):
    assert signed_in(user("panel_chair"), "assessment").get("/contexts/peer_group:NOPE/").status_code == 403


def test_a_context_whose_name_holds_a_slash(analysis_store):
    with analysis_store.connect() as con:
        con.execute("INSERT INTO associations VALUES ('csc_referrals', 'S1', 'place', 'King''s Cross / York Way', "
                    "'frequents', DATE '2026-01-01', NULL)")
    client = signed_in(user("practitioner"))
    found = client.get("/contexts/?q=york").content.decode()
    link = html.unescape(re.search(r'href="(/contexts/place:[^"]+)"', found).group(1))
    assert link.endswith("York%20Way/")
    page = client.get(link)
    assert page.status_code == 200 and "P-AMARA" in page.content.decode()


def test_network_drawing_and_event_map(analysis_store):
    page = signed_in(user("practitioner")).get("/contexts/peer_group:PG1/").content.decode()
    drawing = page[page.index('<svg id="network-drawing"'):page.index("</svg>")]
    assert drawing.count("<circle") == 2 and drawing.count("<line") == 1
    assert 'href="/people/P-AMARA/"' in drawing
    event_map = page[page.index('<svg id="event-map"'):]
    assert event_map[:event_map.index("</svg>")].count("<circle") == 2  # EV2, once per member taking part
    school = signed_in(user("panel_chair"), "assessment").get("/contexts/school:1/").content.decode()
    assert 'id="no-map"' in school and 'id="network-drawing"' not in school


def test_drawing_is_the_same_every_time():
    from contextsafe.web.contexts.drawing import event_map, network

    edges = [{"a": "P1", "b": "P2", "events": 2}, {"a": "P2", "b": "P3", "events": 1}]
    assert network(edges) == network(list(reversed(edges)))
    drawn = event_map([{"latitude": 51.5, "longitude": -0.2}, {"latitude": 51.6, "longitude": -0.1}])
    assert drawn["points"] == [{"x": 20.0, "y": 340.0}, {"x": 340.0, "y": 20.0}]  # south-west low left, north up
