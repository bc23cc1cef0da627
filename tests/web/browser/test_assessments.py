"""Browser: a social care practitioner writes a contextual assessment and plan (appendix G, Figure 4) about a linked
young person, is told what is missing, submits it and shares it; the youth offending service reads it but cannot
change it; the CSE service (not shared), a panel chair working for profiling and guessed URLs are refused."""

from __future__ import annotations

import re

import pytest

from tests.web.browser.conftest import sign_in, submit

pytestmark = pytest.mark.browser
CONTEXTS = ("young-person", "family", "peer-group", "school", "neighbourhood")


def _write_assessment(page, base: str) -> str:  # noqa: ANN001
    page.goto(f"{base}/assessments/")
    submit(page, "#start-assessment")
    page.fill("#f-title", "AJ — contextual assessment")
    page.fill("#f-person-id", "P-CAL")  # police records only: not visible to social care
    page.check("input[id^=share-youth_offending-]")
    page.check("input[id^=share-partnership-]")
    submit(page, "#create-assessment")
    assert "No young person with this identifier is visible to you" in page.inner_text("#error-summary")
    page.fill("#f-person-id", "P-AMARA")
    submit(page, "#create-assessment")
    pk = re.search(r"/assessments/(\d+)/", page.url).group(1)
    assert page.inner_text("#status").startswith("Draft")
    submit(page, "#submit-assessment")
    assert page.inner_text("#status").startswith("Draft")  # refused: nothing filled in yet
    assert "rate desistance factors for peer group" in page.inner_text("#submit-problems")

    submit(page, "#edit-gathering")
    page.fill("#f-gathering-personal-family", "Historic exposure to domestic abuse")
    page.fill("#f-gathering-offending-peer-group", "Offends alongside peers, especially one older peer")
    page.fill("#f-gathering-foundations-school", "No access to education")
    submit(page, "#save-gathering")
    submit(page, "#edit-conclusions")
    for context in CONTEXTS:
        page.select_option(f"#f-conclusions-{context}-desistance", "hinders")
    page.select_option("#f-conclusions-neighbourhood-likely-to-change", "unlikely")
    submit(page, "#save-conclusions")

    submit(page, "#edit-plan")
    page.fill("#f-plan-0-key-area", "Abusive behaviours in intimate relationship")
    page.fill("#f-plan-0-referral", "Domestic abuse project")
    page.fill("#f-plan-0-target", "Stop threatening his partner")
    page.fill("#f-plan-0-actions", "Fully participate in the programme")
    page.fill("#f-plan-0-young-person-owner", "Social worker")
    page.fill("#f-plan-0-young-person-date", "2027-01-29")
    page.fill("#f-plan-0-family-action", "Meet mum about the impact of historic domestic abuse")
    page.fill("#f-plan-0-family-date", "2026-12-11")
    submit(page, "#save-plan")
    assert "Plan row 1, family: say who owns this action" in page.inner_text("#error-summary")
    page.fill("#f-plan-0-family-owner", "Family support worker")
    submit(page, "#save-plan")
    assert "Meet mum" in page.inner_text("#plan-table") and "Family support worker" in page.inner_text("#actions-table")
    submit(page, "#submit-assessment")
    assert page.inner_text("#status").startswith("Submitted")
    submit(page, "#history-link")
    assert "submitted" in page.inner_text("#versions") and "plan" in page.inner_text("#versions")
    page.goto(f"{base}/casework/{pk}/print/")
    assert "Other controls" in page.inner_text("body") and "Hinders desistance" in page.inner_text("body")
    return pk


def test_assessment_written_shared_read_and_refused(served, browser):
    base, accounts = served
    owner = browser.new_context().new_page()
    sign_in(owner, base, accounts["practitioner_social_care"], "assessment")
    pk = _write_assessment(owner, base)
    assert owner.goto(f"{base}/assessments/999999/").status == 403  # guessed

    reader = browser.new_context().new_page()
    sign_in(reader, base, accounts["practitioner_youth_offending"], "assessment")
    reader.goto(f"{base}/assessments/")
    submit(reader, f"#assessment-{pk}")
    assert "Stop threatening his partner" in reader.inner_text("#plan-table")
    assert reader.query_selector("#edit-links") is None
    response = reader.goto(f"{base}/assessments/{pk}/plan/")
    assert response.status == 403 and "only the owning organisation" in reader.inner_text("#refusal-reason")

    stranger = browser.new_context().new_page()
    sign_in(stranger, base, accounts["practitioner_cse"], "assessment")
    assert stranger.goto(f"{base}/assessments/{pk}/").status == 403
    assert "cannot open this record, or it does not exist" in stranger.inner_text("#refusal-reason")
    stranger.goto(f"{base}/assessments/")
    assert stranger.query_selector(f"#assessment-{pk}") is None
    assert stranger.goto(f"{base}/casework/{pk}/print/").status == 403

    chair = browser.new_context().new_page()
    sign_in(chair, base, accounts["panel_chair"], "profiling")
    assert chair.goto(f"{base}/assessments/{pk}/").status == 403
    assert "not available for profiling" in chair.inner_text("#refusal-reason")
    for context in (owner, reader, stranger, chair):
        context.context.close()
