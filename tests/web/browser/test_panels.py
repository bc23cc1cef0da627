"""Panel coordination walked in the browser over the tiny store: the panel chair registers meetings over its
sources (one refused for terms wider than its source's), sees who and which school are discussed at more than one
meeting with dates, opens a young person, prints the PDF; a list whose terms do not permit the stated purpose is
refused until the chair states a purpose it permits; an analyst working for intelligence reads no list; a
practitioner and guessed URLs are refused."""

from __future__ import annotations

import pytest

from tests.web.browser.conftest import sign_in, submit

pytestmark = pytest.mark.browser


def _register(page, base: str, name: str, kind: str, source: str, purposes: list[str]) -> None:  # noqa: ANN001
    page.goto(f"{base}/panels/new/")
    page.fill("#id_name", name)
    page.select_option("#id_type", kind)
    page.fill("#id_chair_organisation", "Camden Children's Social Care")
    page.select_option("#id_frequency", "monthly")
    page.select_option("#id_source", source)
    for purpose in purposes:
        page.check(f"input[name=purposes][value={purpose}]")
    submit(page, "#save-meeting")


def test_chair_maps_meetings_and_sees_the_overlap(served, page):  # noqa: ANN001
    base, accounts = served
    sign_in(page, base, accounts["panel_chair"], "profiling")
    submit(page, "#navigation a:text('Panels')")
    meetings = page.inner_text("#meetings")
    assert "MARAC" in meetings and "MAPPA" in meetings  # the demo's meetings: their lists are not in this store
    assert "0 of" in page.inner_text("#usable-count")
    submit(page, "#meetings a:text('MARAC')")
    assert "Metropolitan Police" in page.inner_text("#meeting-terms")
    assert "its source marac_list is not in the store" in page.inner_text("#list-not-read")
    _register(page, base, "Children's panel", "mash", "csc_referrals", ["assessment", "profiling"])
    assert page.inner_text("#meeting-name") == "Children's panel"
    assert "ISA-CSC" in page.inner_text("#meeting-terms")  # the source's agreement by default
    assert "Amara Jones (P-AMARA)" in page.inner_text("#meeting-list")  # the chair may open her: named
    _register(page, base, "Youth violence panel", "gangs", "police_crime", ["assessment", "profiling"])
    _register(page, base, "Peer group meeting", "hsb", "pgi_forms", ["assessment", "profiling"])
    assert "shared for assessment only" in page.inner_text("#group-purposes")  # wider than its source: refused
    page.uncheck("input[name=purposes][value=profiling]")
    submit(page, "#save-meeting")
    peer_meeting = page.url
    _register(page, base, "Fair Access Panel (test)", "fap", "school_exclusions", ["assessment", "profiling"])

    page.goto(f"{base}/panels/")
    submit(page, "#open-overlap")
    people = page.inner_text("#shared-person")
    assert "P-AMARA" in people and "Children's panel: 10 Jan 2026" in people and "Youth violence panel: 1 Feb 2026" \
        in people
    assert "P-BEN" not in people  # Ben's second list is the peer group meeting, not read for profiling
    schools = page.inner_text("#shared-school")
    assert "Hill School" in schools and "Fair Access Panel (test): 5 Jan 2026" in schools
    assert "Peer group meeting: its sharing terms permit assessment, not profiling" in page.inner_text(
        "#meetings-excluded")
    pdf = page.request.get(f"{base}/panels/overlap/pdf/")
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    submit(page, "#shared-person a:text('Amara Jones')")
    assert page.inner_text("#person-name") == "Amara Jones"  # the chair may open her

    response = page.goto(peer_meeting)
    assert response.status == 403  # for profiling: the peer group meeting's list is refused
    page.goto(f"{base}/accounts/purpose/")
    page.select_option("#id_purpose", "assessment")
    submit(page, "#state-purpose")
    page.goto(peer_meeting)
    assert "P-BEN" in page.inner_text("#meeting-list")
    page.goto(f"{base}/panels/overlap/")
    assert "P-BEN" in page.inner_text("#shared-person")


def test_intelligence_practitioner_and_guessed_urls(served, page, browser):  # noqa: ANN001
    base, accounts = served
    sign_in(page, base, accounts["analyst"], "intelligence")
    page.goto(f"{base}/panels/overlap/")
    assert page.query_selector("#shared-person") is None
    assert "not intelligence" in page.inner_text("#meetings-excluded")
    page.goto(f"{base}/panels/")
    submit(page, "#meetings a:text('Youth violence panel')")
    assert "You cannot see this page" in page.inner_text("h1")
    response = page.goto(f"{base}/panels/999999/")
    assert response.status == 403

    practitioner = browser.new_context().new_page()
    sign_in(practitioner, base, accounts["practitioner_youth_offending"], "assessment")
    assert practitioner.query_selector("#navigation a:text('Panels')") is None
    for path in ("/panels/", "/panels/overlap/", "/panels/new/", "/panels/1/", "/panels/overlap/pdf/"):
        response = practitioner.goto(f"{base}{path}")
        assert response.status == 403 and "You cannot see this page" in practitioner.inner_text("h1")
