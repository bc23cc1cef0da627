"""Browser: a social care practitioner leads a contextual case review (appendix C): codes the young people and
contexts at input, is refused an answer holding a name, fills the three stages and the document log, reads the
case summary computed from the tables, and builds the review team across two organisations. The panel chair (on
the team) opens it and sees it in the cross-case analysis; a colleague of a sharing organisation who is not on the
team, another organisation, a wrong purpose and guessed URLs are refused."""

from __future__ import annotations

import re

import pytest

from tests.web.browser.conftest import sign_in, submit

pytestmark = pytest.mark.browser


def _lead_review(page, base: str) -> str:  # noqa: ANN001
    page.goto(f"{base}/casereviews/")
    submit(page, "#start-review")
    page.fill("#f-title", "Review 2026/07 — assault after school")
    submit(page, "#create-review")
    pk = re.search(r"/casereviews/(\d+)/", page.url).group(1)
    page.fill("#f-yp-0-name", "Dionne Farrier")
    page.check("#f-yp-0-role-complainant")
    page.fill("#f-yp-1-name", "Reece Albury")
    page.check("#f-yp-1-role-suspect")
    page.select_option("#f-ctx-0-kind", "peer_group")
    page.fill("#f-ctx-0-description", "group of Year 11 boys")
    page.select_option("#f-ctx-1-kind", "neighbourhood")
    page.fill("#f-ctx-1-name", "Cobden Rec")
    page.fill("#f-ctx-1-description", "recreation ground")
    submit(page, "#save-codes")
    assert "HA01" in page.inner_text("#codes-table") and "Dionne" not in page.content()

    submit(page, "#edit-stage1")
    page.fill("#f-incident-escalation", "Reece followed her from the Cobden Rec")
    page.check("#f-definitions-serious-youth-violence")
    submit(page, "#save-page")
    assert "contains a name from the review's name list" in page.inner_text("#error-summary")
    page.fill("#f-incident-escalation", "HA02 followed HA01 from NB1 after messages in PG1")
    submit(page, "#save-page")

    submit(page, "#edit-environments-HA02")
    page.check("#f-environments-HA02-PG1-abusive-behaviours-identified")
    page.fill("#f-environments-HA02-PG1-abusive-behaviours-account", "\"He started it\" — group encouraged HA02")
    page.check("#f-environments-HA02-NB1-criminality-identified")
    submit(page, "#save-page")
    submit(page, "#edit-environments-HA01")
    page.check("#f-environments-HA01-NB1-protective-factors-identified")
    page.fill("#f-environments-HA01-NB1-protective-factors-account", "Park warden intervened")
    submit(page, "#save-page")

    submit(page, "#edit-response")
    page.select_option("#f-interventions-individual-0-code", "HA02")
    page.select_option("#f-interventions-individual-0-service", "youth_offending")
    page.select_option("#f-interventions-context-0-code", "NB1")
    page.select_option("#f-interventions-context-0-service", "youth_service")
    submit(page, "#save-page")

    submit(page, "#edit-log")
    page.fill("#f-log-0-title", "Police investigation summary")
    page.select_option("#f-log-0-type", "investigation")
    submit(page, "#save-page")
    assert "Document 1: say whether it was used" in page.inner_text("#error-summary")
    page.select_option("#f-log-0-used", "yes")
    submit(page, "#save-page")

    assert page.inner_text("#summary-peer_group-number") == "1 (PG1)"
    assert page.inner_text("#summary-neighbourhood-harm") == "harm in 1 (NB1); safety in 1 (NB1)"
    assert page.inner_text("#response-individuals") == "1" and page.inner_text("#response-neighbourhood") == "1"

    submit(page, "#team-link")  # share with the partnership and the youth offending service, then add the chair
    page.check("input[id^=share-partnership-]")
    page.check("input[id^=share-youth_offending-]")
    submit(page, "#save-team")
    page.check("#member-panel_chair")
    submit(page, "#save-team")
    return pk


def test_case_review_team_and_cross_case_analysis(served, browser):
    base, accounts = served
    lead = browser.new_context().new_page()
    sign_in(lead, base, accounts["practitioner_social_care"], "assessment")
    pk = _lead_review(lead, base)
    lead.goto(f"{base}/casereviews/{pk}/")
    assert "panel_chair" in lead.inner_text("#team")

    chair = browser.new_context().new_page()
    sign_in(chair, base, accounts["panel_chair"], "assessment")
    chair.goto(f"{base}/casereviews/")
    submit(chair, f"#review-{pk}")
    assert "HA02" in chair.inner_text("#codes-table")
    assert chair.goto(f"{base}/casereviews/{pk}/team/").status == 403  # only the lead manages the team
    chair.goto(f"{base}/casereviews/analysis/")
    header = chair.inner_text("#cross-case thead")
    assert "Review 2026/07" in header
    row = [int(x) for x in chair.inner_text("#measure-interventions-with-individuals").split("\t")[2:]]
    assert row[-1] == sum(row[:-1]) and len(row) >= 3  # this review plus the demo reviews the chair is on
    with chair.expect_download() as download:
        chair.click("#export-csv")
    assert "Review 2026/07" in open(download.value.path(), encoding="utf-8-sig").read()  # noqa: PTH123
    chair.goto(f"{base}/accounts/purpose/")
    chair.select_option("#id_purpose", "profiling")
    submit(chair, "#state-purpose")
    assert chair.goto(f"{base}/casereviews/{pk}/").status == 403
    assert "not available for profiling" in chair.inner_text("#refusal-reason")

    outsider = browser.new_context().new_page()  # a sharing organisation, but not on the team
    sign_in(outsider, base, accounts["practitioner_youth_offending"], "assessment")
    assert outsider.goto(f"{base}/casereviews/{pk}/").status == 403
    assert "cannot open this record, or it does not exist" in outsider.inner_text("#refusal-reason")
    assert outsider.goto(f"{base}/casereviews/{pk}/stage1/").status == 403
    outsider.goto(f"{base}/casereviews/analysis/")
    assert "Review 2026/07" not in outsider.inner_text("#cross-case")

    stranger = browser.new_context().new_page()
    sign_in(stranger, base, accounts["practitioner_cse"], "assessment")
    assert stranger.goto(f"{base}/casereviews/{pk}/").status == 403
    assert "cannot open this record, or it does not exist" in stranger.inner_text("#refusal-reason")
    assert stranger.goto(f"{base}/casework/{pk}/history/").status == 403
    assert stranger.goto(f"{base}/casereviews/{int(pk) + 1000}/codes/").status == 403  # guessed
    for page in (lead, chair, outsider, stranger):
        page.context.close()
