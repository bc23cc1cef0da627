"""HSB meetings: the continuum reason is required, a factor without a planned action warns, a review shows what
shifted, trends are counts only, and other organisations, roles and purposes are refused."""

from __future__ import annotations

import datetime as dt

import pytest

from contextsafe.web.accounts.models import UserRole
from contextsafe.web.audit.models import AuditEntry
from contextsafe.web.casework.models import CaseDocument
from contextsafe.web.hsb import meetings
from contextsafe.web.hsb.factors import FACTORS
from contextsafe.web.hsb.forms import REASON_REQUIRED
from contextsafe.web.hsb.models import MeetingAction
from tests.web.accounts.factories import organisation, signed_in, user

pytestmark = pytest.mark.django_db

PEER_RISK = FACTORS["peer"]["risk"][3]  # concerns raised regarding sexualised behaviour amongst peers
SCHOOL_VULN = FACTORS["school"]["vulnerability"][4]  # absent or exclusion from education or training


def agenda(**changes) -> dict:  # noqa: ANN003
    data = {"young_person": "Jay Synthetic", "meeting_date": "2026-10-01", "chair": "Service manager",
            "attendee_names": "SW, DSL", "referral_route": "Via the MASH, HSB SPOC",
            "specific_concerns": "Images shared",
            "continuum_level": "problematic", "continuum_reason": "No overt victimisation; consent unclear"}
    data.update(changes)
    return data


@pytest.fixture
def social_worker():  # noqa: ANN201
    return user(UserRole.PRACTITIONER, organisation(kind="social_care"))


@pytest.fixture
def school():  # noqa: ANN201
    return organisation(kind="school")


def create(client, **changes) -> CaseDocument:  # noqa: ANN001, ANN003
    response = client.post("/hsb/new/", agenda(**changes))
    assert response.status_code == 302, response.content[:2000]
    return CaseDocument.objects.get(kind="hsb_meeting", pk=int(response["Location"].strip("/").split("/")[-1]))


def test_continuum_reason_is_required(social_worker):
    client = signed_in(social_worker)
    response = client.post("/hsb/new/", agenda(continuum_reason="   "))
    assert response.status_code == 200
    assert REASON_REQUIRED in response.content.decode()
    assert not CaseDocument.objects.filter(kind="hsb_meeting").exists()
    response = client.post("/hsb/new/", agenda(continuum_level="sadistic"))
    assert response.status_code == 200 and not CaseDocument.objects.exists()


def test_meeting_is_shared_with_attending_organisations_only(social_worker, school):
    client = signed_in(social_worker)
    document = create(client, attending=[school.pk])
    teacher = user(UserRole.INFORMATION_PROVIDER, school)
    assert signed_in(teacher).get(f"/hsb/{document.pk}/").status_code == 200
    assert signed_in(teacher).get("/hsb/").content.decode().count(f"/hsb/{document.pk}/") == 1
    outsider = user(UserRole.INFORMATION_PROVIDER, organisation(kind="health"))
    assert signed_in(outsider).get(f"/hsb/{document.pk}/").status_code == 403
    assert f"/hsb/{document.pk}/" not in signed_in(outsider).get("/hsb/").content.decode()
    # the attending school may read but not change the record
    assert signed_in(teacher).post(f"/hsb/{document.pk}/context/peer/", {"risk": [PEER_RISK]}).status_code == 403
    assert AuditEntry.objects.filter(username=outsider.username, outcome="refused").count() == 1


def test_only_social_care_convenes(school):
    youth_worker = user(UserRole.PRACTITIONER, organisation(kind="youth_service"))
    assert signed_in(youth_worker).post("/hsb/new/", agenda()).status_code == 403
    assert signed_in(user(UserRole.INFORMATION_PROVIDER, school)).get("/hsb/new/").status_code == 403
    assert not CaseDocument.objects.exists()


def test_wrong_purpose_and_guessed_urls_are_refused(social_worker):
    document = create(signed_in(social_worker))
    chair = user(UserRole.PANEL_CHAIR, social_worker.organisation)
    assert signed_in(chair, "assessment").get(f"/hsb/{document.pk}/").status_code == 200
    assert signed_in(chair, "profiling").get(f"/hsb/{document.pk}/").status_code == 403  # collected for assessment
    analyst = user(UserRole.ANALYST, social_worker.organisation)
    assert signed_in(analyst).get(f"/hsb/{document.pk}/").status_code == 403
    client = signed_in(social_worker)
    assert client.get(f"/hsb/{document.pk + 1000}/").status_code == 403
    assert client.get(f"/hsb/{document.pk}/context/bedroom/").status_code == 404
    other = create(client)
    action = meetings.add_action(other, social_worker, what="x", context="peer", owner="o", due_on=dt.date(2026, 11, 1))
    # an action of one meeting cannot be changed through another meeting's address
    response = client.post(f"/hsb/{document.pk}/actions/{action.pk}/rag/", {f"a{action.pk}-rag": "green"})
    assert response.status_code == 404
    action.refresh_from_db()
    assert action.rag == "red"


def test_factor_without_planned_action_in_its_context_warns(social_worker):
    client = signed_in(social_worker)
    document = create(client)
    response = client.post(f"/hsb/{document.pk}/context/peer/", {"risk": [PEER_RISK], "hsb": "Shared images"})
    assert response.status_code == 302
    client.post(f"/hsb/{document.pk}/context/school/", {"vulnerability": [SCHOOL_VULN]})
    document.refresh_from_db()
    assert [(w.context, w.factor) for w in meetings.warnings(document)] == [("peer", PEER_RISK),
                                                                             ("school", SCHOOL_VULN)]
    page = client.get(f"/hsb/{document.pk}/").content.decode()
    assert page.count('class="app-factor-warning"') == 2
    # an action in another context does not answer the peer factor; one in the peer context does
    client.post(f"/hsb/{document.pk}/actions/new/", {"what": "Bystander work with year 10", "context": "school",
                                                      "owner": "DSL", "due_on": "2026-11-01", "rag": "red"})
    assert [w.context for w in meetings.warnings(document)] == ["peer"]
    client.post(f"/hsb/{document.pk}/actions/new/", {"what": "Peer group mapping", "context": "peer",
                                                      "owner": "Youth service", "due_on": "2026-11-01", "rag": "amber"})
    assert meetings.warnings(document) == []
    assert 'class="app-factor-warning"' not in client.get(f"/hsb/{document.pk}/").content.decode()


def test_a_factor_outside_the_contexts_list_is_refused(social_worker):
    client = signed_in(social_worker)
    document = create(client)
    response = client.post(f"/hsb/{document.pk}/context/individual/", {"risk": [PEER_RISK]})
    assert response.status_code == 200  # amongst peers is not an individual risk factor in appendix 4
    document.refresh_from_db()
    assert "table" not in document.data


def test_rag_history_and_review_shows_what_shifted(social_worker):
    client = signed_in(social_worker)
    first = create(client)
    client.post(f"/hsb/{first.pk}/context/peer/", {"risk": [PEER_RISK], "planned_actions": "Mapping"})
    client.post(f"/hsb/{first.pk}/actions/new/", {"what": "Peer group mapping", "context": "peer", "owner": "YS",
                                                   "due_on": "2026-11-01", "rag": "red"})
    action = MeetingAction.objects.get(document=first)
    client.post(f"/hsb/{first.pk}/actions/{action.pk}/rag/",
                {f"a{action.pk}-rag": "amber", f"a{action.pk}-note": "begun"})
    action.refresh_from_db()
    assert action.rag == "amber" and list(action.changes.values_list("rag", flat=True)) == ["red", "amber"]

    response = client.post(f"/hsb/{first.pk}/review/", {"meeting_date": "2026-12-01"})
    review = CaseDocument.objects.get(kind="hsb_meeting", data__review_of=first.pk)
    assert response["Location"] == f"/hsb/{review.pk}/"
    carried = MeetingAction.objects.get(document=review)
    assert carried.carried_from == action and carried.rag == "amber"
    client.post(f"/hsb/{review.pk}/actions/{carried.pk}/rag/", {f"a{carried.pk}-rag": "green"})
    client.post(f"/hsb/{review.pk}/context/peer/", {"resilience": [FACTORS["peer"]["resilience"][0]],
                                                    "planned_actions": "Mapping"})
    client.post(f"/hsb/{review.pk}/agenda/", agenda(continuum_level="inappropriate", meeting_date="2026-12-01",
                                                    continuum_reason="Behaviour stopped"))
    review.refresh_from_db()
    assert review.title == "HSB meeting: Jay Synthetic (2026-12-01) (review 1)"  # kept when the agenda is saved
    first.refresh_from_db()
    found = meetings.shift(first, review)
    assert found.added == [("peer", "resilience", FACTORS["peer"]["resilience"][0])]
    assert found.removed == [("peer", "risk", PEER_RISK)]
    assert found.rag_changes == [("Peer group mapping", "amber", "green")]
    assert (found.continuum_before, found.continuum_after, found.continuum_change) == (
        "problematic", "inappropriate", "de-escalated")
    page = client.get(f"/hsb/{review.pk}/").content.decode()
    assert 'id="shift"' in page and "de-escalated" in page
    assert action.rag == "amber"  # the first meeting's record keeps the colour it had
    # an organisation invited to the review only does not see what the first meeting recorded
    newcomer = organisation(kind="school")
    review.shared_with.add(newcomer)
    page = signed_in(user(UserRole.INFORMATION_PROVIDER, newcomer)).get(f"/hsb/{review.pk}/").content.decode()
    assert 'id="shift"' not in page and PEER_RISK not in page


def test_trends_are_counts_for_panel_chairs_only(social_worker):
    client = signed_in(social_worker)
    first = create(client, young_person="Alpha Synthetic", meeting_date="2026-09-03")
    client.post(f"/hsb/{first.pk}/context/peer/", {"risk": [PEER_RISK]})
    second = create(client, young_person="Beta Synthetic", meeting_date="2026-10-05", continuum_level="abusive")
    client.post(f"/hsb/{second.pk}/context/peer/", {"risk": [PEER_RISK], "planned_actions": "Group work"})
    client.post(f"/hsb/{second.pk}/context/school/", {"vulnerability": [SCHOOL_VULN]})
    summary = meetings.trends(CaseDocument.objects.filter(kind="hsb_meeting"))
    by_context = {c: (counts, unplanned) for c, counts, unplanned in summary["by_context"]}
    assert by_context["Peer group"] == ([0, 2, 0], 1)  # vulnerability, risk, resilience; one without a plan
    assert by_context["School"] == ([1, 0, 0], 1)
    assert summary["levels"] == [("2026-09", [0, 0, 1, 0, 0]), ("2026-10", [0, 0, 0, 1, 0])]
    assert summary["contexts_by_month"] == [("2026-09", [0, 0, 1, 0, 0]), ("2026-10", [0, 0, 1, 1, 0])]
    chair = user(UserRole.PANEL_CHAIR, organisation(kind="partnership"))
    page = signed_in(chair, "profiling").get("/hsb/trends/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Synthetic" not in text and PEER_RISK in text
    assert signed_in(social_worker).get("/hsb/trends/").status_code == 403
    assert signed_in(user(UserRole.ANALYST)).get("/hsb/trends/").status_code == 403


def test_printed_meeting_lays_out_the_table_and_actions(social_worker):
    client = signed_in(social_worker)
    document = create(client)
    client.post(f"/hsb/{document.pk}/context/peer/", {"risk": [PEER_RISK], "barriers": "No group work offer"})
    client.post(f"/hsb/{document.pk}/actions/new/", {"what": "Peer group mapping", "context": "peer",
                                                      "owner": "Youth service", "due_on": "2026-11-01", "rag": "amber"})
    page = client.get(f"/casework/{document.pk}/print/").content.decode()
    assert "Challenges / barriers to intervention" in page and "No group work offer" in page and PEER_RISK in page
    assert 'class="rag-amber"' in page and "Problematic" in page
    assert signed_in(user(UserRole.PRACTITIONER)).get(f"/casework/{document.pk}/print/").status_code == 403


def test_linking_the_young_person_needs_a_record_the_user_may_see(analysis_store):
    social_worker = user(UserRole.PRACTITIONER, organisation(kind="social_care", sources=["csc_referrals"]))
    client = signed_in(social_worker)
    response = client.post("/hsb/new/", agenda(person_id="P-CAL"))  # police only: not visible to social care
    assert response.status_code == 200 and "No young person with this identifier" in response.content.decode()
    assert not CaseDocument.objects.exists()
    document = create(client, person_id="P-AMARA", review_on="2027-03-01")
    assert (document.person_id, str(document.review_on)) == ("P-AMARA", "2027-03-01")
