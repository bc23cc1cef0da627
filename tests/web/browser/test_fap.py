"""A Fair Access Panel referral walked end to end in the browser: a school fills in the revised form (contextual
information with the school's response, the peer-on-peer abuse tick list) and submits it, after which it can no
longer change it; another organisation and guessed addresses are refused; the panel chair records the decision and
reads the data matrix of need, which counts the new referral; the analyst downloads the matrix but cannot open a
referral; the chair under another purpose cannot open it either."""

from __future__ import annotations

import csv
import io
import re

import pytest

from contextsafe.web.fap.demo import REFERRALS
from tests.web.browser.conftest import sign_in, submit

pytestmark = pytest.mark.browser

CHILD = "Casey Browsertest"
WARD = "Belsize"
SCHOOL = "Hillside Academy"
RECEIVING = "Northbank Community School"


def _pk(url: str) -> int:
    return int(re.search(r"/fap/(\d+)/", url).group(1))


def _referral_in_list(page, base: str) -> int:  # noqa: ANN001
    page.goto(f"{base}/fap/")
    return _pk(page.locator("#referrals a", has_text=CHILD).first.get_attribute("href"))


def test_school_fills_in_and_submits_a_referral(served, page, browser):
    base, accounts = served
    sign_in(page, base, accounts["provider_school"], "assessment")
    page.goto(f"{base}/fap/")
    submit(page, "#new-referral")
    page.fill("#id_name", CHILD)
    page.fill("#id_current_school", SCHOOL)
    page.fill("#id_home_ward", WARD)
    page.select_option("#id_year_group", "9")
    submit(page, "#save-section")
    assert "Reason for Referral" in page.inner_text(".govuk-error-summary")
    page.fill("#id_reason", "Sexual bullying of a Year 8 pupil; an assault on the way to school")
    submit(page, "#save-section")
    pk = _pk(page.url)
    assert CHILD in page.inner_text("#referral-title")

    submit(page, "#edit-social")
    page.check("#id_peer_on_peer_4")  # sexual bullying
    page.check("#id_peer_on_peer_1")  # gangs and serious youth violence
    submit(page, "#save-section")
    assert "Sexual bullying" in page.inner_text("#answers-social")
    submit(page, "#edit-context")
    page.fill("#id_neighbourhood_information", "Assaulted at the bus stop on the way to school")
    page.fill("#id_neighbourhood_school_response", "Safer schools officer informed; staggered finish agreed")
    submit(page, "#save-section")
    assert "staggered finish" in page.inner_text("#answers-context")

    submit(page, "#submit-referral")
    assert page.inner_text("#status") == "Submitted"
    assert page.query_selector("#edit-referral") is None
    for path in (f"/fap/{pk}/referral/", f"/fap/{pk}/decision/", "/fap/matrix/"):
        assert page.goto(f"{base}{path}").status == 403

    other = browser.new_context().new_page()
    sign_in(other, base, accounts["provider_transport"], "assessment")
    assert other.goto(f"{base}/fap/{pk}/").status == 403
    assert other.goto(f"{base}/fap/new/").status == 403  # transport is not a school
    assert other.goto(f"{base}/casework/{pk}/print/").status == 403
    other.goto(f"{base}/fap/")
    assert CHILD not in other.inner_text("#referrals")
    other.context.close()


def test_panel_chair_decides_and_reads_the_matrix(served, page):
    base, accounts = served
    sign_in(page, base, accounts["panel_chair"], "assessment")
    pk = _referral_in_list(page, base)
    page.goto(f"{base}/fap/{pk}/")
    assert page.query_selector("#edit-referral") is None
    submit(page, "#record-decision")
    page.check("#id_issues_6")  # at risk of permanent exclusion / managed move
    page.check("#id_placement_agreed_0")  # mainstream
    page.fill("#id_receiving_school", RECEIVING)
    page.fill("#id_decision_notes", "Managed move with a transition meeting and group work for the peer group")
    page.fill("#id_signed_by", "Chair of the panel")
    page.fill("#id_signed_on", "2026-11-16")
    submit(page, "#save-section")
    assert page.inner_text("#status") == "Closed" and RECEIVING in page.inner_text("#answers-decision")
    assert page.goto(f"{base}/fap/{pk}/decision/").status == 403  # decided once

    page.goto(f"{base}/fap/matrix/")
    referred = [r for r in REFERRALS if r[9] != "draft"]
    assert int(page.inner_text("#referral-count")) == len(referred) + 1
    assert int(page.inner_text("#popa-count")) == sum(1 for r in referred if r[7]) + 1
    journeys = page.inner_text("#journeys")
    assert WARD in journeys and CHILD not in page.inner_text("main")
    receiving = page.locator("#receiving tr", has_text=RECEIVING).inner_text()
    decided_there = sum(1 for r in referred if r[9] == "decided" and r[10] == RECEIVING)
    assert receiving.split()[-2] == str(decided_there + 1)

    page.goto(f"{base}/accounts/purpose/")
    page.select_option("#id_purpose", "profiling")
    submit(page, "#state-purpose")
    assert page.goto(f"{base}/fap/{pk}/").status == 403  # collected for assessment
    assert page.goto(f"{base}/fap/matrix/").status == 200


def test_analyst_downloads_the_matrix_but_opens_no_referral(served, page):
    base, accounts = served
    sign_in(page, base, accounts["analyst"], "profiling")
    page.goto(f"{base}/fap/matrix/")
    with page.expect_download() as download:
        page.click("#matrix-csv")
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))  # noqa: PTH123, SIM115
    assert rows[0] == ["table", "row", "column", "referrals", "peer_on_peer"]
    assert ["journey", WARD, SCHOOL, "1", "1"] in rows
    assert not any(CHILD in cell for row in rows for cell in row)
    for path in ("/fap/", "/fap/1/", "/fap/new/"):
        assert page.goto(f"{base}{path}").status == 403
