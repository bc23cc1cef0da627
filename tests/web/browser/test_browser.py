"""Playwright through Debian's Chromium: sign-in with TOTP, lockout, refusals by guessed URL, break-glass
with reason, audit entries, a search, a context's network view, the redacted profile for a partner.
Each test signs in a different demo account (a TOTP code is accepted once)."""

from __future__ import annotations

import pytest

from tests.web.browser.conftest import sign_in, submit

pytestmark = pytest.mark.browser


def test_sign_in_with_totp_then_search_and_open_a_young_person(served, page):
    base, accounts = served
    sign_in(page, base, accounts["practitioner_social_care"], "assessment")
    assert page.inner_text("#signed-in-as") == "practitioner_social_care"
    page.goto(f"{base}/people/")
    page.fill("#id_q", "jones")
    submit(page, "#search")
    submit(page, "#results a")
    assert page.inner_text("#person-name") == "Amara Jones"
    assert "csc_referrals" in page.inner_text("#records") and "police_crime" not in page.inner_text("#records")


def test_gov_uk_frontend_is_served_and_runs_under_the_policy(served, page):
    base, _ = served
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{base}/accounts/sign-in/")
    page.wait_for_function("document.body.classList.contains('govuk-frontend-supported')")
    assert page.evaluate("getComputedStyle(document.querySelector('.govuk-header')).backgroundColor") != ""
    assert violations == []


def test_lockout_after_repeated_wrong_passwords(served, page):
    base, accounts = served
    account = accounts["provider_health"]
    for _ in range(5):
        page.goto(f"{base}/accounts/sign-in/")
        page.fill("#id_username", account["username"])
        page.fill("#id_password", "not the password at all")
        submit(page, "#sign-in")
    assert "locked" in page.inner_text(".govuk-error-summary")
    page.fill("#id_username", account["username"])
    page.fill("#id_password", account["password"])
    submit(page, "#sign-in")
    assert "locked" in page.inner_text(".govuk-error-summary")
    assert "/accounts/sign-in/code/" not in page.url


def test_role_refused_by_guessed_urls(served, page):
    base, accounts = served
    sign_in(page, base, accounts["provider_school"], "assessment")
    for path in ("/audit/", "/retention/", "/profiles/latest/full/", "/people/P-CAL/"):
        response = page.goto(f"{base}{path}")
        assert response.status == 403 and "You cannot see this page" in page.inner_text("h1")
    assert page.query_selector("#break-glass-link") is None  # a provider may not break glass


def test_break_glass_with_reason(served, page):
    base, accounts = served
    sign_in(page, base, accounts["practitioner_youth_offending"], "assessment")
    assert page.goto(f"{base}/people/P-CAL/").status == 403
    submit(page, "#break-glass-link")
    page.fill("#id_reason", "Named as suspect in an incident tonight; risk to a child now.")
    submit(page, "#break-glass")
    assert "flagged for review" in page.inner_text("#break-glass-warning")
    assert page.inner_text("#person-name") == "Cal Smith"


def test_context_network_view(served, page):
    base, accounts = served
    sign_in(page, base, accounts["practitioner_cse"], "assessment")
    page.goto(f"{base}/contexts/")
    page.fill("#id_q", "PG1")
    submit(page, "#search")
    submit(page, "#results a")
    assert page.inner_text("#context-name") == "PG1"
    assert "P-AMARA\tP-BEN\t1" in page.inner_text("#network")
    assert page.locator("#network-drawing circle").count() == 2 and page.locator("#event-map").is_visible()


def test_redacted_profile_for_a_partner(served, page):
    base, accounts = served
    sign_in(page, base, accounts["provider_transport"], "assessment")
    page.goto(f"{base}/profiles/")
    assert page.query_selector("#full-profile") is None
    submit(page, "#redacted-profile")
    assert page.inner_text("h1") == "Redacted profile"


def test_audit_entries_for_views_searches_and_break_glass(served, page):
    base, accounts = served
    sign_in(page, base, accounts["panel_chair"], "assessment")
    page.goto(f"{base}/people/?q=okafor")
    page.goto(f"{base}/people/P-BEN/")
    page.context.clear_cookies()
    sign_in(page, base, accounts["auditor"])
    page.goto(f"{base}/audit/?username=panel_chair")
    entries = page.inner_text("#entries")
    assert "view person" in entries and "P-BEN" in entries and "search person" in entries
    assert "ISA-SCH" in entries  # under which agreement
    assert "intact" in page.inner_text("#chain-status")
    page.goto(f"{base}/audit/?flagged=on")
    flagged = page.inner_text("#entries")
    assert "practitioner_youth_offending" in flagged and "tonight" in flagged
