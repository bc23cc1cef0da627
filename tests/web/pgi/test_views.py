"""Peer group information pages: validation, refusals across organisations, roles and purposes, drafts,
notifications on update, versions and the printed form."""

from __future__ import annotations

import pytest

from contextsafe.web.accounts.models import UserRole
from contextsafe.web.audit.models import AuditEntry
from contextsafe.web.casework.models import CaseVersion
from contextsafe.web.pgi.models import PgiNotification, PgiRequest, State
from tests.web.accounts.factories import organisation, signed_in, user
from tests.web.pgi import factories as f

pytestmark = pytest.mark.django_db

FEEDBACK = {"informed": "yes", "how": "Peer influence added to the assessment.", "actions_required": "yes",
            "actions": "Joint plan with the school for Ben and Cal."}


def pk_of(response) -> int:  # noqa: ANN001
    assert response.status_code == 302, response.content.decode()[:2000]
    return int(response["Location"].rstrip("/").split("/")[-1])


@pytest.fixture
def parties(analysis_store):  # noqa: ANN001, ANN201
    return f.requester(), f.provider()


def test_a_practitioner_sends_a_request_the_provider_sees(parties):
    asker, school = parties
    pk = pk_of(signed_in(asker).post("/pgi/new/", f.request_data(school.organisation, send="1")))
    pgi = PgiRequest.objects.get(document_id=pk)
    assert pgi.state == State.REQUESTED and pgi.document.purpose == "assessment"
    assert pgi.document.data["request"]["young_person_name"] == "Ben Okafor"  # filled from the store
    assert pgi.document.organisation_ids() == {asker.organisation_id, school.organisation_id}
    listing = signed_in(school).get("/pgi/").content.decode()
    assert f'id="pgi-row-{pk}"' in listing and 'id="received"' in listing


def test_person_search_lists_only_people_the_organisation_holds(parties):
    asker, _ = parties
    page = signed_in(asker).get("/pgi/new/?q=smith").content.decode()
    assert 'id="no-people"' in page  # Cal is known to the police only
    page = signed_in(asker).get("/pgi/new/?q=okafor").content.decode()
    assert 'id="choose-P-BEN"' in page


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"person_id": "P-CAL"}, "person_id", "No young person with this id is visible to you"),
    ({"person_id": ""}, "person_id", "This field is required"),
    ({"assessment_type": "other"}, "assessment_other", "Say which assessment"),
    ({"agreement": ""}, "agreement", "This field is required"),
    ({"concerns": []}, "concerns", "This field is required"),
])
def test_request_validation(parties, change, field, message):
    asker, school = parties
    response = signed_in(asker).post("/pgi/new/", f.request_data(school.organisation, send="1", **change))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not PgiRequest.objects.exists()


def test_named_provider_must_work_for_the_agency(parties):
    asker, school = parties
    elsewhere = f.provider()
    response = signed_in(asker).post("/pgi/new/", f.request_data(school.organisation, provider_user=elsewhere.pk,
                                                                 send="1"))
    assert "does not work for" in " ".join(response.context["form"].errors["provider_user"])


def test_a_draft_request_stays_with_the_requester_until_sent(parties):
    asker, school = parties
    pk = pk_of(signed_in(asker).post("/pgi/new/", f.request_data(school.organisation, draft="1")))
    assert PgiRequest.objects.get(document_id=pk).state == State.DRAFT
    assert signed_in(school).get(f"/pgi/{pk}/").status_code == 403
    edited = signed_in(asker).post(f"/pgi/{pk}/edit/", f.request_data(school.organisation, message="Thank you",
                                                                       send="1"))
    assert edited.status_code == 302
    assert signed_in(school).get(f"/pgi/{pk}/").status_code == 200
    assert signed_in(asker).get(f"/pgi/{pk}/edit/").status_code == 403  # sent: no longer a draft


@pytest.mark.parametrize("who", ["provider", "analyst", "other_practitioner", "school_practitioner"])
def test_who_may_not_request(analysis_store, who):
    makers = {"provider": lambda: f.provider(), "analyst": lambda: user(UserRole.ANALYST),
              "other_practitioner": lambda: user(UserRole.PRACTITIONER, organisation(kind="health")),
              "school_practitioner": lambda: user(UserRole.PRACTITIONER, organisation(kind="school"))}
    someone = makers[who]()
    purpose = "intelligence" if who == "analyst" else "default"
    assert signed_in(someone, purpose).get("/pgi/new/").status_code == 403


def test_refusals_across_organisations_roles_and_purposes(parties):
    asker, school = parties
    pgi = f.sent_request(asker, school)
    pk = pgi.document_id
    other_practitioner = f.requester()
    other_school = f.provider()
    analyst = user(UserRole.ANALYST)
    for client in (signed_in(other_practitioner), signed_in(other_school), signed_in(analyst, "intelligence"),
                   signed_in(analyst, "profiling")):
        for path in (f"/pgi/{pk}/", f"/pgi/{pk}/answer/", f"/casework/{pk}/print/", f"/casework/{pk}/history/"):
            assert client.get(path).status_code == 403, path
    assert signed_in(analyst, "intelligence").get("/pgi/").status_code == 403
    listing = signed_in(other_practitioner).get("/pgi/").content.decode()
    assert f"pgi-row-{pk}" not in listing
    refused = AuditEntry.objects.filter(kind="pgi", ident=str(pk), outcome="refused")
    assert refused.filter(username=analyst.username).count() == 8


def test_each_side_does_only_its_own_part(parties):
    asker, school = parties
    pk = f.sent_request(asker, school).document_id
    assert signed_in(asker).post(f"/pgi/{pk}/answer/", f.answer_data()).status_code == 403
    assert signed_in(asker).get(f"/pgi/{pk}/feedback/").status_code == 403  # not answered yet
    assert AuditEntry.objects.filter(kind="pgi", ident=str(pk), outcome="refused",
                                     reason__contains="only the provider").exists()
    signed_in(school).post(f"/pgi/{pk}/answer/", f.answer_data())
    assert signed_in(school).post(f"/pgi/{pk}/feedback/", FEEDBACK).status_code == 403


@pytest.mark.parametrize(("change", "message"), [
    ({"network": ""}, "many peer relationships, a small number"),
    ({"positive_influence": ""}, "You named a positive or protective influence: please explain"),
    ({"follows": ""}, "You named someone the young person follows: please explain"),
    ({"aware": "no"}, "You answered No, but named peers"),
    ({"peers-0-name": "", "peers-0-person_id": ""}, "name or their person id"),
    ({"peers-1-person_id": "P-NOBODY"}, "No linked young person has this id"),
    ({"peers-1-relation": ""}, "Say whether the young person follows or leads"),
])
def test_answer_validation(parties, change, message):
    asker, school = parties
    pk = f.sent_request(asker, school).document_id
    response = signed_in(school).post(f"/pgi/{pk}/answer/", f.answer_data(**change))
    assert response.status_code == 200 and message in response.content.decode()
    assert PgiRequest.objects.get(document_id=pk).state == State.REQUESTED


def test_not_aware_is_a_complete_answer(parties):
    asker, school = parties
    pk = f.sent_request(asker, school).document_id
    data = {k: v for k, v in f.answer_data(aware="no").items() if not k.startswith("peers-") or "FORMS" in k}
    assert signed_in(school).post(f"/pgi/{pk}/answer/", data).status_code == 302
    assert PgiRequest.objects.get(document_id=pk).document.data["answer"]["aware"] == "no"


def test_a_draft_answer_is_not_shown_to_the_requester(parties):
    asker, school = parties
    pk = f.sent_request(asker, school).document_id
    draft = f.answer_data(draft="1", **{"peers-0-evidence": "Draft note only the school sees"})
    del draft["submit"]
    assert signed_in(school).post(f"/pgi/{pk}/answer/", draft).status_code == 302
    assert PgiRequest.objects.get(document_id=pk).state == State.REQUESTED
    assert "Draft note only the school sees" in signed_in(school).get(f"/pgi/{pk}/").content.decode()
    for path in (f"/pgi/{pk}/", f"/casework/{pk}/print/"):
        assert "Draft note only the school sees" not in signed_in(asker).get(path).content.decode()
    assert not PgiNotification.objects.exists()


def test_answer_feedback_update_notify_and_version(parties):
    asker, school = parties
    pk = f.sent_request(asker, school).document_id
    requester = signed_in(asker)
    assert signed_in(school).post(f"/pgi/{pk}/answer/", f.answer_data()).status_code == 302
    listing = requester.get("/pgi/").content.decode()
    assert 'id="unread-updates"' in listing and "answered: Peer group information: Ben Okafor" in listing
    page = requester.get(f"/pgi/{pk}/").content.decode()
    assert "Cal Smith" in page and "Seen together after school most days." in page
    assert 'id="unread-updates"' not in requester.get("/pgi/").content.decode()  # read on opening

    bad = requester.post(f"/pgi/{pk}/feedback/", {**FEEDBACK, "actions": ""})
    assert "Say what actions follow" in bad.content.decode()
    assert requester.post(f"/pgi/{pk}/feedback/", FEEDBACK).status_code == 302
    assert PgiRequest.objects.get(document_id=pk).state == State.FEEDBACK_GIVEN
    assert PgiNotification.objects.filter(recipient=school, read_at__isnull=True).count() == 1

    update = f.answer_data(**{"peers-2-name": "Eli Brown", "peers-2-influence": "negative",
                              "peers-2-relation": "follows", "peers-2-evidence": "New this term."})
    assert signed_in(school).post(f"/pgi/{pk}/answer/", update).status_code == 302
    pgi = PgiRequest.objects.get(document_id=pk)
    assert pgi.state == State.ANSWERED  # the requester reconsiders the assessment
    listing = requester.get("/pgi/").content.decode()
    assert "updated their answer" in listing
    versions = list(CaseVersion.objects.filter(document_id=pk).order_by("number"))
    assert [v.note for v in versions] == ["created", f"sent to {school.organisation.name}", "answer returned",
                                          "feedback given", "answer updated"]
    assert "answer.peers" in [c["field"] for c in versions[-1].changes]
    history = requester.get(f"/casework/{pk}/history/").content.decode()
    assert "answer updated" in history
    printed = requester.get(f"/casework/{pk}/print/").content.decode()
    assert "Eli Brown" in printed and "Are you (the information provider) aware" in printed
    assert [p["name"] for p in pgi.document.data["answer"]["peers"]] == ["Cal Smith", "Dee Adeyemi", "Eli Brown"]
    assert AuditEntry.objects.filter(kind="pgi", ident=str(pk), action="change", outcome="allowed").count() >= 5


def test_every_problem_is_listed_at_once(parties):
    asker, school = parties
    pk = f.sent_request(asker, school).document_id
    response = signed_in(school).post(f"/pgi/{pk}/answer/", f.answer_data(network="", **{"peers-1-relation": ""}))
    page = response.content.decode()
    assert "Say whether they have many peer relationships" in page and "Row 2: Say whether the young person" in page
