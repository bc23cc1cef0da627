"""Child-on-child concerns end to end in the browser: the school records a concern between two pupils, is
refused an adult as alleged harmer, records a discussion and a decision to refer to children's social care,
which then reads the record (without being able to change it). Another organisation's practitioner and an
analyst working for intelligence are refused, including by guessed URLs."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.web.browser.conftest import submit

pytestmark = pytest.mark.browser


def _count(page, code: str) -> int:  # noqa: ANN001
    return int(page.inner_text(f"#count-{code}"))


def test_record_discuss_decide_refer_and_refuse(served, signed):
    base, _ = served
    school = signed("provider_school")
    school.goto(f"{base}/concerns/")
    referred_before = _count(school, "refer_social_care")
    submit(school, "#new-concern")
    day = (dt.date.today() - dt.timedelta(days=2)).isoformat()
    school.fill("#id_children-0-name", "Mia Costa")
    school.select_option("#id_children-0-role", "victim")
    school.fill("#id_children-0-age", "13")
    school.fill("#id_children-1-name", "Josh Penn")
    school.select_option("#id_children-1-role", "alleged_harmer")
    school.fill("#id_children-1-age", "18")
    school.fill("#id_what", "Mia said Josh shared a photo of her without her consent.")
    school.fill("#id_happened_on", day)
    school.check("#id_where_2")  # online
    school.check("#id_harm_6")  # sharing nude and semi-nude images
    school.check("#id_reported_0")
    school.fill("#id_reported_on", day)
    submit(school, "#record-concern")
    assert "between children" in school.inner_text("#children-errors")
    school.fill("#id_children-1-age", "15")
    submit(school, "#record-concern")
    assert school.inner_text("#concern-status") == "Awaiting decision"
    pk = int(school.url.rstrip("/").split("/")[-1])
    assert "Child alleged to have harmed" in school.inner_text("#children")

    submit(school, "#add-discussion")
    school.fill("#id_participants", "Designated safeguarding lead; Mia and her mother")
    school.fill("#id_notes", "Mia wants the image removed; Josh's parents informed.")
    submit(school, "#save-discussion")
    assert "Mia wants the image removed" in school.inner_text("#discussions")

    submit(school, "#record-decision")
    school.check("#id_outcome_2")  # refer to children's social care
    school.fill("#id_reason", "An image shared without consent between pupils of 13 and 15: refer both children.")
    submit(school, "#save-decision")  # no organisation to share with
    assert "shares the record" in school.inner_text(".govuk-error-summary")
    school.get_by_label("Camden Children's Social Care").check()
    submit(school, "#save-decision")
    assert school.inner_text("#decision-outcome") == "Refer to children's social care"
    school.goto(f"{base}/concerns/")
    assert _count(school, "refer_social_care") == referred_before + 1

    social_care = signed("practitioner_social_care")
    social_care.goto(f"{base}/concerns/")
    submit(social_care, f"#concern-row-{pk} a")
    assert "Mia Costa" in social_care.inner_text("#children")
    assert social_care.query_selector("#record-decision") is None
    assert social_care.goto(f"{base}/concerns/{pk}/decision/").status == 403
    assert social_care.goto(f"{base}/concerns/new/").status == 403

    cse = signed("practitioner_cse")
    for path in (f"/concerns/{pk}/", f"/casework/{pk}/print/", f"/concerns/{pk}/edit/"):
        response = cse.goto(f"{base}{path}")
        assert response.status == 403 and "You cannot see this page" in cse.inner_text("h1")
    analyst = signed("analyst", "intelligence")
    for path in ("/concerns/", f"/concerns/{pk}/", f"/casework/{pk}/history/"):
        assert analyst.goto(f"{base}{path}").status == 403
