"""An HSB multi-agency planning meeting walked end to end in the browser: social care records the meeting (the
continuum reason is required), fills in the contextual table, sees the warning for a factor with no planned action,
agrees an action and moves its traffic light, opens a review meeting and sees what shifted; an attending school
reads it but cannot change it; a health provider that did not attend and guessed addresses are refused; the panel
chair sees trend counts without names, and the meeting only under the purpose it was collected for."""

from __future__ import annotations

import re

import pytest

from contextsafe.web.hsb.factors import FACTORS
from tests.web.browser.conftest import sign_in, submit

pytestmark = pytest.mark.browser

YOUNG_PERSON = "Jordan Testcase"
PEER_RISK = FACTORS["peer"]["risk"][3]


def _meeting_pk(url: str) -> int:
    return int(re.search(r"/hsb/(\d+)/", url).group(1))


def _record_meeting(page, base: str) -> int:  # noqa: ANN001
    page.goto(f"{base}/hsb/")
    submit(page, "#new-meeting")
    page.fill("#id_young_person", YOUNG_PERSON)
    page.fill("#id_meeting_date", "2026-10-06")
    page.get_by_label("Camden schools (secondary)").check()
    page.get_by_label("Camden Safeguarding Children Partnership").check()
    page.fill("#id_specific_concerns", "Pressured a peer for images on the bus home")
    page.check("#id_continuum_level_2")  # problematic
    submit(page, "#save-agenda")
    assert "State the reason" in page.inner_text(".govuk-error-summary")
    page.fill("#id_continuum_reason", "Consent unclear; no overt victimisation established")
    submit(page, "#save-agenda")
    assert page.inner_text("#meeting-title").startswith(f"HSB meeting: {YOUNG_PERSON}")
    return _meeting_pk(page.url)


def _set_rag(page, colour: str, note: str) -> int:  # noqa: ANN001
    pk = int(page.locator("#action-table tbody tr").first.get_attribute("id").split("-")[1])
    page.select_option(f"#id_a{pk}-rag", colour)
    page.fill(f"#id_a{pk}-note", note)
    submit(page, f"#update-rag-{pk}")
    assert page.inner_text(f"#rag-{pk}") == colour
    return pk


def test_social_care_records_a_meeting_and_its_review(served, page):
    base, accounts = served
    sign_in(page, base, accounts["practitioner_social_care"], "assessment")
    pk = _record_meeting(page, base)
    assert "Problematic" in page.inner_text("#continuum")

    submit(page, "#edit-peer")
    page.check("#id_risk_3")
    page.fill("#id_hsb", "Group pressure for images")
    submit(page, "#save-context")
    assert PEER_RISK in page.inner_text("#cell-peer-risk")
    assert PEER_RISK in page.inner_text("#warnings")

    submit(page, "#add-action")
    page.fill("#id_what", "Peer group mapping with the school")
    page.select_option("#id_context", "peer")
    page.fill("#id_owner", "Social worker and DSL")
    page.fill("#id_due_on", "2026-11-01")
    submit(page, "#save-action")
    assert page.query_selector("#warnings") is None
    _set_rag(page, "amber", "Mapping started")
    assert "Mapping started" in page.inner_text("#action-table")

    page.fill("#id_meeting_date", "2026-11-10")
    submit(page, "#start-review")
    review = _meeting_pk(page.url)
    assert review != pk and "(review 1)" in page.inner_text("#meeting-title")
    _set_rag(page, "green", "Mapping completed")
    submit(page, "#edit-agenda")
    page.check("#id_continuum_level_3")  # abusive
    page.fill("#id_continuum_reason", "Mapping showed coercion of two further pupils")
    submit(page, "#save-agenda")
    assert "escalated" in page.inner_text("#shift-continuum")
    assert "amber" in page.inner_text("#shift-rag") and "green" in page.inner_text("#shift-rag")
    submit(page, "#previous-link")
    assert _meeting_pk(page.url) == pk and "review 1" in page.inner_text("#reviews")

    page.goto(f"{base}/casework/{review}/history/")
    assert page.locator("#versions tbody tr").count() >= 3


def _meeting_in_list(page, base: str) -> int:  # noqa: ANN001
    """The meeting the first test recorded, as listed for the signed-in user (not its review)."""
    page.goto(f"{base}/hsb/")
    link = page.locator("#meetings a", has_text=YOUNG_PERSON).filter(has_not_text="review").first
    return _meeting_pk(link.get_attribute("href"))


def test_attending_school_reads_others_are_refused(served, page, browser):
    base, accounts = served
    sign_in(page, base, accounts["provider_school"], "assessment")
    meeting = _meeting_in_list(page, base)
    page.goto(f"{base}/hsb/{meeting}/")
    assert YOUNG_PERSON in page.inner_text("#meeting-title")
    assert page.query_selector("#edit-agenda") is None and page.query_selector("#add-action") is None
    for path in (f"/hsb/{meeting}/agenda/", f"/hsb/{meeting}/context/peer/", "/hsb/new/", "/hsb/trends/"):
        assert page.goto(f"{base}{path}").status == 403

    other = browser.new_context().new_page()
    sign_in(other, base, accounts["provider_health"], "assessment")
    assert other.goto(f"{base}/hsb/{meeting}/").status == 403
    assert other.goto(f"{base}/hsb/{meeting + 999}/").status == 403
    other.goto(f"{base}/hsb/")
    assert YOUNG_PERSON not in other.inner_text("#meetings")
    other.context.close()


def test_panel_chair_sees_the_meeting_only_for_its_purpose_and_trends_without_names(served, page):
    base, accounts = served
    sign_in(page, base, accounts["panel_chair"], "assessment")
    meeting = _meeting_in_list(page, base)
    assert page.goto(f"{base}/hsb/{meeting}/").status == 200

    page.goto(f"{base}/accounts/purpose/")
    page.select_option("#id_purpose", "profiling")
    submit(page, "#state-purpose")
    assert page.goto(f"{base}/hsb/{meeting}/").status == 403  # collected for assessment
    page.goto(f"{base}/hsb/trends/")
    assert int(page.inner_text("#meeting-count")) >= 5  # the demo's three and this module's two
    text = page.inner_text("main")
    assert YOUNG_PERSON not in text and "synthetic" not in text
    assert PEER_RISK in page.inner_text("#top-factors")
