"""The local audit walked in the browser: the panel chair starts an audit, fills in matrix cells, records
observations of a meeting and a training session and a practitioner forum, writes findings and reads the report
with its computed facts and PDF; the auditor reads it but may not change it; a practitioner of another
organisation is refused, as is a guessed audit number."""

from __future__ import annotations

import pytest

from contextsafe.web.localaudit import questions as q
from tests.web.browser.conftest import sign_in, submit

pytestmark = pytest.mark.browser


def _start_audit(page, base: str) -> str:  # noqa: ANN001
    page.goto(f"{base}/")
    submit(page, "#navigation a:text('Local audit')")
    assert "Camden Safeguarding Children Partnership (demo)" in page.inner_text("#audits")  # the demo audit
    submit(page, "#start-new-audit")
    page.fill("#id_partnership", "Testborough partnership")
    page.fill("#id_period_start", "2026-01-05")
    page.fill("#id_period_end", "2026-03-27")
    page.fill("#id_lead", "Business manager")
    page.check("input[name=optional_silos][value=missing]")
    submit(page, "#start-audit")
    assert page.inner_text("#audit-title") == "Testborough partnership"
    assert "Children going missing" in page.inner_text("#matrix-table thead")
    return page.url


def _fill_cells(page, audit_url: str) -> None:  # noqa: ANN001
    submit(page, "#edit-hsb-strategy")
    page.check("input[name=exists][value=no]")
    submit(page, "#save-cell")
    assert page.url.startswith(audit_url)
    assert "No" in page.inner_text("#cell-hsb-strategy")
    submit(page, "#edit-cse-operational_meeting")
    page.check("input[name=exists][value=yes]")
    page.fill("#id_what", "Monthly MASE meeting")
    page.check("input[name=links_across][value=missing]")
    page.check("input[name=links_down][value=yes]")
    page.check("input[name=contexts][value=neighbourhoods]")
    submit(page, "#save-cell")
    cell = page.inner_text("#cell-cse-operational_meeting")
    assert "Monthly MASE meeting" in cell and "Children going missing" in cell and "Neighbourhoods" in cell
    submit(page, "#edit-syv-assessment")  # in place, but engaging no context and linked nowhere
    page.check("input[name=exists][value=partly]")
    page.fill("#id_what", "AssetPlus")
    page.check("input[name=in_practice][value=no]")
    submit(page, "#save-cell")


def _observe_and_hear(page) -> None:  # noqa: ANN001
    submit(page, "#observe-meeting")
    page.select_option("#id_subject", "marac")
    page.fill("#id_observed_on", "2026-02-10")
    page.fill("#id_observer", "Audit lead")
    for key, _ in q.MEETING_QUESTIONS:
        page.check(f"input[name={key}__answer][value=no]")
    page.fill("#id_explore_contexts__note", "Only the adult victim's home was discussed")
    submit(page, "#save-observation")
    assert "MARAC" in page.inner_text("#observation-list")
    submit(page, "#observe-training")
    page.select_option("#id_subject", "hsb")
    page.fill("#id_observed_on", "2026-02-12")
    page.fill("#id_observer", "Audit lead")
    submit(page, "#save-observation")  # nothing answered: refused with errors
    assert page.query_selector(".govuk-error-message") is not None
    for key, _ in q.TRAINING_QUESTIONS:
        page.check(f"input[name={key}__answer][value=partly]")
    submit(page, "#save-observation")
    assert "Harmful sexual behaviour" in page.inner_text("#observation-list")
    submit(page, "#add-forum")
    page.check("input[name=format][value=focus_group]")
    page.fill("#id_held_on", "2026-03-02")
    page.fill("#id_attended_by", "Social workers and school safeguarding leads")
    page.fill("#id_case_study", "A girl harmed by boys in her peer group at school and in a park")
    page.fill("#id_challenges", "Nobody holds the park")
    submit(page, "#save-forum")
    assert "Social workers" in page.inner_text("#forum-list")


def test_panel_chair_audits_and_the_auditor_reads_the_report(served, page, browser):  # noqa: ANN001
    base, accounts = served
    sign_in(page, base, accounts["panel_chair"], "profiling")
    audit_url = _start_audit(page, base)
    audit_id = audit_url.rstrip("/").rsplit("/", 1)[-1]
    _fill_cells(page, audit_url)
    _observe_and_hear(page)
    submit(page, "#write-findings")
    assert "Harmful sexual behaviour: Strategy and action plan" in page.inner_text("#fact-missing")
    page.fill("#id_peer_groups__strengths", "The gangs panel maps groups")
    page.fill("#id_overall__development", "One sub-group to own peer-on-peer abuse")
    submit(page, "#save-findings")
    assert "The gangs panel maps groups" in page.inner_text("#finding-peer_groups")
    assert "Serious youth violence: Assessment" in page.inner_text("#fact-no-contexts")
    assert "Serious youth violence: Assessment" in page.inner_text("#fact-not-across")
    assert page.inner_text("#fact-not-in-practice") == "Serious youth violence: Assessment"
    assert "Domestic abuse" in page.inner_text("#fact-isolated")
    assert page.inner_text("#fact-meeting-share_trends").split()[-4:] == ["0", "0", "1", "0"]
    assert "Nobody holds the park" in page.inner_text("#report-forum-1")
    assert "Focus group" in page.inner_text("#report-forum-1")
    assert "Only the adult victim's home was discussed" in page.inner_text("#report-observation-1")
    pdf = page.request.get(f"{base}/localaudit/{audit_id}/report/pdf/")
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")

    auditor = browser.new_context().new_page()
    sign_in(auditor, base, accounts["auditor"], "audit")
    auditor.goto(f"{base}/localaudit/")
    submit(auditor, "#audits a:text('Testborough partnership')")
    assert auditor.query_selector("#edit-hsb-strategy") is None and auditor.query_selector("#write-findings") is None
    submit(auditor, "#open-report")
    assert "One sub-group to own peer-on-peer abuse" in auditor.inner_text("#finding-overall")
    assert auditor.query_selector("#edit-findings") is None
    response = auditor.goto(f"{base}/localaudit/{audit_id}/matrix/cse/strategy/")
    assert response.status == 403
    response = auditor.goto(f"{base}/localaudit/{audit_id}/findings/")
    assert response.status == 403


def test_practitioner_and_guessed_urls_are_refused(served, page):  # noqa: ANN001
    base, accounts = served
    sign_in(page, base, accounts["practitioner_social_care"], "assessment")
    assert page.query_selector("#navigation a:text('Local audit')") is None
    for path in ("/localaudit/", "/localaudit/new/", "/localaudit/1/", "/localaudit/1/report/pdf/"):
        response = page.goto(f"{base}{path}")
        assert response.status == 403 and "You cannot see this page" in page.inner_text("h1")
    chair = page.context.browser.new_context().new_page()
    sign_in(chair, base, accounts["analyst"], "profiling")
    response = chair.goto(f"{base}/localaudit/987654/")
    assert response.status == 403
