"""Peer group information end to end in the browser, across two organisations: children's social care asks the
school, the school answers naming peers, the practitioner reads the answer and gives feedback, the school updates
its answer and the practitioner is notified. Another organisation's practitioner and an analyst working for
intelligence are refused, including by guessed URLs."""

from __future__ import annotations

import pytest

from tests.web.browser.conftest import submit

pytestmark = pytest.mark.browser


def _request_ben(page, base: str) -> int:  # noqa: ANN001
    page.goto(f"{base}/pgi/")
    submit(page, "#new-request")
    page.fill("#id_q", "okafor")
    submit(page, "#search-people")
    submit(page, "#choose-P-BEN")
    assert page.input_value("#id_person_id") == "P-BEN"
    page.select_option("#id_assessment_type", "social_care_assessment")
    page.check("#id_concerns_2")  # serious youth violence
    page.select_option("#id_provider_organisation", label="Camden schools (secondary)")
    page.select_option("#id_provider_user", label="provider_school")
    submit(page, "#send-request")  # no agreement chosen yet
    assert "This field is required" in page.inner_text("#group-agreement")
    assert page.query_selector(".govuk-error-summary") is not None
    page.select_option("#id_agreement", label="ISA-PGI")
    submit(page, "#send-request")
    assert page.inner_text("#pgi-state") == "Requested"
    assert page.inner_text("#pgi-title") == "Ben Okafor"
    assert "Assessment only" in page.inner_text("#pgi-profiling")
    return int(page.url.rstrip("/").split("/")[-1])


def _answer(page, base: str, pk: int, extra_peer: str = "") -> None:  # noqa: ANN001
    page.goto(f"{base}/pgi/{pk}/")
    submit(page, "#answer-request")
    page.check("#id_aware_0")
    page.check("#id_network_1")
    page.fill("#id_negative_influence", "Cal is older and meets Ben at the gate after school.")
    page.fill("#id_follows", "Ben follows Cal's lead.")
    page.fill("#id_peers-0-name", "Cal Smith")
    page.select_option("#id_peers-0-influence", "negative")
    page.select_option("#id_peers-0-relation", "follows")
    page.fill("#id_peers-0-evidence", "Seen together at the gate most days.")
    if extra_peer:
        page.fill("#id_peers-1-name", extra_peer)
        page.select_option("#id_peers-1-influence", "positive")
        page.select_option("#id_peers-1-relation", "neither")
        page.fill("#id_positive_influence", f"{extra_peer} is a steady friend.")
    submit(page, "#return-answer")


def test_request_answer_feedback_update_across_organisations(served, signed):
    base, _ = served
    practitioner, school = signed("practitioner_social_care"), signed("provider_school")
    pk = _request_ben(practitioner, base)

    school.goto(f"{base}/pgi/")
    submit(school, f"#pgi-row-{pk} a")
    submit(school, "#answer-request")
    school.check("#id_aware_0")
    school.fill("#id_peers-0-name", "Cal Smith")
    submit(school, "#return-answer")  # no network size, no influence: refused with messages
    assert "Say whether they have many peer relationships" in school.inner_text("#group-network")
    assert "Row 1" in school.inner_text("#peer-errors")
    _answer(school, base, pk)
    assert school.inner_text("#pgi-state") == "Answered"
    assert school.goto(f"{base}/pgi/{pk}/feedback/").status == 403  # only the requester gives feedback

    practitioner.goto(f"{base}/pgi/")
    assert "answered" in practitioner.inner_text("#unread-updates")
    submit(practitioner, "#notifications a")
    assert "Cal Smith" in practitioner.inner_text("#answer-peers")
    submit(practitioner, "#give-feedback")
    practitioner.check("#id_informed_0")
    practitioner.fill("#id_how", "Peer influence is now in the single assessment.")
    practitioner.check("#id_actions_required_0")
    submit(practitioner, "#record-feedback")  # actions required but none given
    assert "Say what actions follow" in practitioner.inner_text(".govuk-error-summary")
    practitioner.fill("#id_actions", "Joint safety plan with the school.")
    submit(practitioner, "#record-feedback")
    assert practitioner.inner_text("#pgi-state") == "Feedback given"
    practitioner.goto(f"{base}/pgi/")
    assert practitioner.query_selector("#unread-updates") is None or \
        "Ben Okafor" not in practitioner.inner_text("#unread-updates")

    _answer(school, base, pk, extra_peer="Dee Adeyemi")
    assert "Joint safety plan" in school.inner_text("#feedback-actions")
    practitioner.goto(f"{base}/pgi/")
    assert "updated their answer" in practitioner.inner_text("#unread-updates")
    submit(practitioner, f"#pgi-row-{pk} a")
    assert practitioner.inner_text("#pgi-state") == "Answered"
    assert "Dee Adeyemi" in practitioner.inner_text("#answer-peers")
    submit(practitioner, "#history-link")
    assert "answer updated" in practitioner.inner_text("#versions")
    practitioner.goto(f"{base}/casework/{pk}/print/")
    assert "Dee Adeyemi" in practitioner.inner_text("body")


def test_other_organisation_and_intelligence_are_refused(served, signed):
    base, _ = served
    pk = _request_ben(signed("practitioner_social_care"), base)
    second_page = signed("practitioner_cse")
    for path in (f"/pgi/{pk}/", f"/pgi/{pk}/answer/", f"/casework/{pk}/print/", f"/casework/{pk}/history/"):
        response = second_page.goto(f"{base}{path}")
        assert response.status == 403 and "You cannot see this page" in second_page.inner_text("h1")
    second_page.goto(f"{base}/pgi/")
    assert second_page.query_selector(f"#pgi-row-{pk}") is None

    analyst = signed("analyst", "intelligence")
    for path in ("/pgi/", f"/pgi/{pk}/", f"/casework/{pk}/print/", "/pgi/new/"):
        assert analyst.goto(f"{base}{path}").status == 403
    assert analyst.query_selector("#navigation a[href='/pgi/']") is None
