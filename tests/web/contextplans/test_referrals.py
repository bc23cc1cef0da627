"""Context referral -> conference (Context Weighting) -> plan -> safety ratings, and the refusals on the way."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from contextsafe.web.accounts.models import UserRole
from contextsafe.web.audit.models import AuditEntry
from contextsafe.web.casework.models import CaseDocument
from contextsafe.web.contextplans import workflow
from tests.web.accounts.factories import organisation, signed_in, user
from tests.web.contextplans.factories import referral

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def _conference(client, pk: int, weights: list[tuple[str, str]], orgs: list[int], **extra):  # noqa: ANN001, ANN003, ANN202
    post = {"held_on": TODAY.isoformat(), "chair": "Chair", "attendees": "A, lead, Youth service",
            "organisations": orgs, "information_shared": "What each knows", "decision": "plan", **extra}
    for i, (name, weight) in enumerate(weights, start=1):
        post.update({f"context_{i}": name, f"weight_{i}": weight, f"why_{i}": ""})
    return client.post(f"/contextplans/referrals/{pk}/conference/", post)


def test_a_named_place_is_referred_and_shared_with_the_invited_organisation(analysis_store):
    who = user()
    invited = organisation("Invited partner")
    response = signed_in(who).post("/contextplans/referrals/new/", {
        "place_name": "Brecknock parade", "context_kind": "place", "concerns": ["cce", "cse"],
        "concern_summary": "Approaches", "evidence": "Four reports", "invited": [invited.pk], "submit": ""})
    document = CaseDocument.objects.get(kind="context_referral")
    assert response.status_code == 302 and response["Location"] == f"/contextplans/referrals/{document.pk}/"
    assert document.context_key == "place:Brecknock parade" and document.status == "submitted"
    assert document.data["stage"] == workflow.REFERRED and set(document.organisation_ids()) == {
        who.organisation_id, invited.pk}
    assert AuditEntry.objects.filter(kind="context_referral", ident=str(document.pk), action="change").exists()


def test_a_context_from_the_store_can_be_chosen(analysis_store):
    client = signed_in(user())
    page = client.get("/contextplans/referrals/new/").content.decode()
    assert 'value="peer_group:PG1"' in page
    client.post("/contextplans/referrals/new/", {"context": "peer_group:PG1", "context_kind": "place",
                                                 "concerns": ["hsb"], "concern_summary": "x", "evidence": "y",
                                                 "invited": [organisation().pk], "draft": ""})
    document = CaseDocument.objects.get(kind="context_referral")
    assert (document.context_key, document.data["context_kind"], document.status) == ("peer_group:PG1",
                                                                                      "peer_group", "draft")
    assert 'href="/contexts/peer_group:PG1/"' in client.get(f"/contextplans/referrals/{document.pk}/").content.decode()


def test_choosing_and_naming_a_context_at_once_is_refused_with_a_message(analysis_store):
    response = signed_in(user()).post("/contextplans/referrals/new/", {
        "context": "school:1", "place_name": "Hill Park", "context_kind": "place", "concerns": ["cce"],
        "concern_summary": "x", "evidence": "y", "invited": [organisation().pk]})
    assert response.status_code == 200 and "not both and not neither" in response.content.decode()
    assert not CaseDocument.objects.filter(kind="context_referral").exists()


def test_weighting_ranks_the_heaviest_first_and_ties_keep_their_order():
    who = user()
    document = referral(who)
    response = _conference(signed_in(who), document.pk, [("Hill Park", "3"), ("PG1", "8"), ("Hill School", "8")],
                           [who.organisation_id])
    assert response.status_code == 302
    document.refresh_from_db()
    ranked = [(r["rank"], r["context"]) for r in document.data["conference"]["weighting"]]
    assert ranked == [(1, "PG1"), (2, "Hill School"), (3, "Hill Park")]
    assert document.data["stage"] == workflow.CONFERENCE
    page = signed_in(who).get(f"/contextplans/referrals/{document.pk}/").content.decode()
    bars = re.findall(r'class="weight-bar" data-rank="(\d)"[^>]*width="([\d.]+)"', page)
    assert [rank for rank, _ in bars] == ["1", "2", "3"]
    assert float(bars[0][1]) > float(bars[2][1])


def test_conference_without_weights_or_with_a_weight_missing_says_what_to_do():
    who = user()
    document = referral(who)
    empty = _conference(signed_in(who), document.pk, [], [who.organisation_id]).content.decode()
    assert "Weigh at least one context" in empty
    half = _conference(signed_in(who), document.pk, [("PG1", "")], [who.organisation_id]).content.decode()
    assert "Give context 1 a weight from 0 to 10." in half
    twice = _conference(signed_in(who), document.pk, [("PG1", "2"), ("pg1", "3")], [who.organisation_id])
    assert "weighted twice" in twice.content.decode()
    document.refresh_from_db()
    assert "conference" not in document.data


def test_the_conference_shares_the_referral_with_the_organisations_represented():
    who, other = user(), user()
    document = referral(who)
    assert signed_in(other).get(f"/contextplans/referrals/{document.pk}/").status_code == 403
    _conference(signed_in(who), document.pk, [("Hill Park", "7")], [who.organisation_id, other.organisation_id])
    assert signed_in(other).get(f"/contextplans/referrals/{document.pk}/").status_code == 200


def test_plan_actions_follow_their_lifecycle_and_ratings_make_the_trend():
    who = user()
    document = referral(who)
    client = signed_in(who)
    _conference(client, document.pk, [("Hill Park", "7")], [who.organisation_id])
    client.post(f"/contextplans/referrals/{document.pk}/actions/new/", {
        "action": "Detached youth work in the park", "target": "Hill Park", "owner": "Lead",
        "organisation": who.organisation_id, "due": (TODAY - dt.timedelta(days=1)).isoformat(), "status": "planned"})
    page = client.get(f"/contextplans/referrals/{document.pk}/").content.decode()
    assert "Overdue" in page
    client.post(f"/contextplans/referrals/{document.pk}/actions/1/status/", {"a1-action_id": 1, "a1-status": "done"})
    backwards = client.post(f"/contextplans/referrals/{document.pk}/actions/1/status/",
                            {"a1-action_id": 1, "a1-status": "planned"}, follow=True)
    assert "cannot become planned" in backwards.content.decode()
    client.post(f"/contextplans/referrals/{document.pk}/agree-plan/")
    for days_ago, rating in ((60, 2), (10, 6)):
        client.post(f"/contextplans/referrals/{document.pk}/ratings/new/", {
            "rated_on": (TODAY - dt.timedelta(days=days_ago)).isoformat(), "rating": rating, "evidence": "seen"})
    document.refresh_from_db()
    assert document.data["actions"][0]["status"] == "done" and document.data["stage"] == workflow.PLAN
    assert [r["rating"] for r in document.data["ratings"]] == [2, 6]
    page = client.get(f"/contextplans/referrals/{document.pk}/").content.decode()
    assert page.count('class="rating"') == 2 and "Overdue" not in page
    versions = document.versions.values_list("note", flat=True)
    assert {"plan action 1 added", "plan action 1: done", "context plan agreed"} <= set(versions)


def test_a_rating_in_the_future_is_refused_with_a_message():
    who = user()
    document = referral(who, stage=workflow.PLAN)
    response = signed_in(who).post(f"/contextplans/referrals/{document.pk}/ratings/new/", {
        "rated_on": (TODAY + dt.timedelta(days=3)).isoformat(), "rating": 5, "evidence": "x"})
    assert "cannot be in the future" in response.content.decode()


def test_steps_out_of_order_are_refused_and_recorded():
    who = user()
    document = referral(who)
    client = signed_in(who)
    assert client.get(f"/contextplans/referrals/{document.pk}/actions/new/").status_code == 403
    assert client.get(f"/contextplans/referrals/{document.pk}/edit/").status_code == 403  # referred: not a draft
    assert AuditEntry.objects.filter(ident=str(document.pk), outcome="refused").count() == 2
    client.post(f"/contextplans/referrals/{document.pk}/close/", {"reason": "Context now safe"})
    assert client.get(f"/contextplans/referrals/{document.pk}/conference/").status_code == 403
    assert client.post(f"/contextplans/referrals/{document.pk}/ratings/new/", {}).status_code == 403


@pytest.mark.parametrize("role, purpose", [(UserRole.PANEL_CHAIR, "profiling"), (UserRole.ANALYST, "profiling"),
                                           (UserRole.AUDITOR, "audit")])
def test_the_wrong_purpose_or_role_is_refused_even_in_an_invited_organisation(role, purpose):
    who = user()
    outsider = user(role)
    document = referral(who, shared_with=[outsider.organisation])
    client = signed_in(outsider, purpose)
    assert client.get(f"/contextplans/referrals/{document.pk}/").status_code == 403
    assert client.get(f"/casework/{document.pk}/print/").status_code == 403
    assert client.get("/contextplans/referrals/new/").status_code == 403
    refused = AuditEntry.objects.filter(username=outsider.username, kind="context_referral", outcome="refused")
    assert refused.count() == 3  # the referral, its print, and starting one: each recorded


def test_guessed_and_other_kinds_of_document_are_refused():
    who = user()
    client = signed_in(who)
    assert client.get("/contextplans/referrals/999999/").status_code == 403
    own = referral(who)
    assert client.get(f"/contextplans/assessments/{own.pk}/").status_code == 403  # a referral is no assessment
    assert client.get(f"/contextplans/safety-maps/{own.pk}/").status_code == 403


def test_lists_show_only_what_the_organisation_holds_or_was_invited_to():
    who, other = user(), user()
    referral(who)
    page = signed_in(other).get("/contextplans/").content.decode()
    assert "Context referral: Hill Park" not in page
    assert "Context referral: Hill Park" in signed_in(who).get("/contextplans/").content.decode()


def test_print_lays_out_the_conference_weighting_and_trend():
    who = user()
    document = referral(who, stage=workflow.PLAN, conference={
        "held_on": "2026-01-02", "chair": "C", "attendees": "", "organisations": [], "information_shared": "",
        "decision": "plan", "weighting": workflow.weighted([{"context": "Hill Park", "weight": 8, "why": ""}])},
        ratings=[{"id": 1, "rated_on": "2026-01-05", "rating": 3, "evidence": "e"}])
    page = signed_in(who).get(f"/casework/{document.pk}/print/").content.decode()
    assert 'data-chart="weighting-chart"' in page and 'data-chart="safety-trend"' in page
    assert "<script" not in page


def test_a_draft_referral_is_edited_then_referred_and_then_no_longer_editable():
    who = user()
    invited = organisation()
    document = referral(who, stage=workflow.DRAFT)
    client = signed_in(who)
    assert client.get(f"/contextplans/referrals/{document.pk}/conference/").status_code == 403  # not referred yet
    form = {"place_name": "Hill Park east gate", "context_kind": "place", "concerns": ["cse"],
            "concern_summary": "Older men approach girls", "evidence": "Two reports", "invited": [invited.pk]}
    client.post(f"/contextplans/referrals/{document.pk}/edit/", {**form, "submit": ""})
    document.refresh_from_db()
    assert (document.status, document.data["stage"], document.context_key) == (
        "submitted", workflow.REFERRED, "place:Hill Park east gate")
    assert invited.pk in document.organisation_ids()
    assert [c["field"] for c in document.versions.last().changes] == [
        "concern_summary", "concerns", "context_key", "context_name", "evidence", "from_store", "stage",
        "young_people_affected"]
    assert client.get(f"/contextplans/referrals/{document.pk}/edit/").status_code == 403


def test_a_context_page_can_link_to_its_referral_form(analysis_store):
    page = signed_in(user()).get("/contextplans/referrals/new/?context=peer_group:PG1").content.decode()
    assert re.search(r'<option value="peer_group:PG1"[^>]*selected', page)
    guessed = signed_in(user()).get("/contextplans/referrals/new/?context=home:1 High St").content.decode()
    assert "selected>Choose a context" in guessed or 'value="" selected' in guessed


def test_the_start_page_lists_open_actions_the_organisation_owns_soonest_first():
    who, other = user(), user()
    mine, theirs = who.organisation.name, other.organisation.name
    actions = [{"id": 1, "action": "Later", "target": "Hill Park", "owner": "A", "organisation": mine,
                "due": "2099-01-02", "status": "planned", "updates": []},
               {"id": 2, "action": "Sooner", "target": "Hill Park", "owner": "A", "organisation": mine,
                "due": "2000-01-01", "status": "in_progress", "updates": []},
               {"id": 3, "action": "Done already", "target": "Hill Park", "owner": "A", "organisation": mine,
                "due": "2000-01-01", "status": "done", "updates": []},
               {"id": 4, "action": "Theirs", "target": "Hill Park", "owner": "B", "organisation": theirs,
                "due": "2000-01-01", "status": "planned", "updates": []}]
    referral(who, stage=workflow.PLAN, shared_with=[other.organisation], actions=actions)
    page = signed_in(who).get("/contextplans/").content.decode()
    table = re.search(r'id="our-actions">(.*?)</table>', page, re.S).group(1)
    assert re.findall(r"<td class=\"govuk-table__cell\">(Sooner|Later|Done already|Theirs)</td>", table) == [
        "Sooner", "Later"]
    assert table.count("Overdue") == 1


def test_a_referral_lists_the_assessments_of_its_context_and_offers_one():
    who = user()
    document = referral(who)
    client = signed_in(who)
    page = client.get(f"/contextplans/referrals/{document.pk}/").content.decode()
    assert "/contextplans/assessments/new/?type=place&amp;context=Hill%20Park" in page
    start = client.get("/contextplans/assessments/new/?type=place&context=Hill%20Park").content.decode()
    assert 'value="Hill Park"' in start and re.search(r'value="place"\s+checked', start)
    client.post("/contextplans/assessments/new/", {"assessment_type": "place", "context": "Hill Park"})
    page = client.get(f"/contextplans/referrals/{document.pk}/").content.decode()
    assert "Neighbourhood or place assessment: Hill Park" in page
