"""Contextual assessment views: start about a visible young person, the three tables, plan validation, submit,
owner-only changes, sharing, the peer group information shown, and the printed tables."""

from __future__ import annotations

import pytest

from contextsafe.web.accounts.models import UserRole
from contextsafe.web.casework.models import CaseDocument
from tests.web.accounts.factories import organisation, signed_in, user
from tests.web.casework.factories import document

pytestmark = pytest.mark.django_db
SOURCES = ["csc_referrals", "pgi_forms"]


@pytest.fixture
def owner_org():  # noqa: ANN201
    return organisation("Owner social care", SOURCES)


@pytest.fixture
def practitioner(owner_org):  # noqa: ANN001, ANN201
    return user(UserRole.PRACTITIONER, owner_org)


def _start(client, person="P-AMARA", **extra):  # noqa: ANN001, ANN003, ANN202
    return client.post("/assessments/new/", {"title": "AJ contextual assessment", "person_id": person, **extra})


FULL_PLAN = {
    "plan.0.key_area": "Abusive behaviours in intimate relationship",
    "plan.0.referral": "Therapeutic support for impact of exposure to domestic abuse",
    "plan.0.target": "Develop skills to build healthy and safe relationships",
    "plan.0.actions": "Attend therapeutic support sessions",
    "plan.0.young_person_owner": "YOS case manager", "plan.0.young_person_date": "2027-01-15",
    "plan.0.family_action": "Meeting with mum to explore the impact of domestic abuse on family dynamic",
    "plan.0.family_owner": "Family worker", "plan.0.family_date": "2026-12-10",
    "plan.0.peer_group_action": "Map peer group dynamics: leader or follower?",
    "plan.0.peer_group_owner": "Youth worker", "plan.0.peer_group_date": "2026-12-20",
}


def _complete(client, pk):  # noqa: ANN001, ANN202
    client.post(f"/assessments/{pk}/gathering/", {"gathering.personal.family": "Historic exposure to domestic abuse",
                                                  "gathering.offending.peer_group": "Offends alongside peers",
                                                  "gathering.foundations.school": "Lack of access to education"})
    contexts = ("young_person", "family", "peer_group", "school", "neighbourhood")
    client.post(f"/assessments/{pk}/conclusions/", {f"conclusions.{c}.desistance": "hinders" for c in contexts})
    return client.post(f"/assessments/{pk}/plan/", FULL_PLAN)


def test_start_needs_a_young_person_the_user_may_see(analysis_store, practitioner):
    client = signed_in(practitioner)
    response = _start(client, person="P-CAL")  # police records only: not visible to social care
    assert response.status_code == 200
    assert "No young person with this identifier is visible to you" in response.content.decode()
    assert not CaseDocument.objects.filter(kind="contextual_assessment").exists()
    response = _start(client)
    made = CaseDocument.objects.get(kind="contextual_assessment")
    assert response.status_code == 302 and made.person_id == "P-AMARA" and made.status == "draft"
    assert made.organisation == practitioner.organisation


def test_the_three_tables_are_saved_as_versions_and_shown(analysis_store, practitioner):
    client = signed_in(practitioner)
    _start(client)
    pk = CaseDocument.objects.get().pk
    assert _complete(client, pk).status_code == 302
    made = CaseDocument.objects.get()
    assert made.data["gathering"]["personal"]["family"] == "Historic exposure to domestic abuse"
    assert made.data["conclusions"]["school"]["desistance"] == "hinders"
    assert made.data["plan"][0]["peer_group_owner"] == "Youth worker"
    assert made.versions.count() == 4
    page = client.get(f"/assessments/{pk}/").content.decode()
    assert "Map peer group dynamics" in page and f"/casework/{pk}/history/" in page
    # actions listed soonest first: the family meeting (10 Dec) before the peer mapping (20 Dec)
    assert page.index("Meeting with mum") < page.index("Map peer group dynamics: leader")


@pytest.mark.parametrize(("change", "message"), [
    ({"plan.0.family_owner": ""}, "Plan row 1, family: say who owns this action"),
    ({"plan.0.peer_group_date": ""}, "Plan row 1, peer group: give the date the action is due by"),
    ({"plan.0.young_person_date": "2027-02-30"}, "Plan row 1, young person: the date must be a real date"),
    ({"plan.0.key_area": ""}, "Plan row 1: name the key area of intervention"),
    ({"plan.0.school_owner": "Head of year"}, "Plan row 1, school: describe the action this owner and date are for"),
])
def test_plan_validation_says_what_is_missing(analysis_store, practitioner, change, message):
    client = signed_in(practitioner)
    _start(client)
    pk = CaseDocument.objects.get().pk
    response = client.post(f"/assessments/{pk}/plan/", {**FULL_PLAN, **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "plan" not in CaseDocument.objects.get().data


def test_a_key_area_without_any_action_is_refused(analysis_store, practitioner):
    client = signed_in(practitioner)
    _start(client)
    pk = CaseDocument.objects.get().pk
    response = client.post(f"/assessments/{pk}/plan/", {"plan.0.key_area": "Carrying a knife"})
    assert "Plan row 1: add at least one action" in response.content.decode()


def test_submit_is_refused_until_complete_then_recorded(analysis_store, practitioner):
    client = signed_in(practitioner)
    _start(client)
    pk = CaseDocument.objects.get().pk
    client.post(f"/assessments/{pk}/submit/")
    assert CaseDocument.objects.get().status == "draft"
    _complete(client, pk)
    client.post(f"/assessments/{pk}/submit/")
    made = CaseDocument.objects.get()
    assert made.status == "submitted" and made.versions.last().note == "submitted"


def test_shared_organisation_reads_but_does_not_change(analysis_store, practitioner):
    other_org = organisation("Youth offending", SOURCES)
    reader = user(UserRole.PRACTITIONER, other_org)
    stranger = user(UserRole.PRACTITIONER, organisation("CSE service", SOURCES))
    client = signed_in(practitioner)
    _start(client, shared_with=[str(other_org.pk)])
    pk = CaseDocument.objects.get().pk
    assert signed_in(reader).get(f"/assessments/{pk}/").status_code == 200
    assert signed_in(reader).post(f"/assessments/{pk}/plan/", FULL_PLAN).status_code == 403
    assert signed_in(stranger).get(f"/assessments/{pk}/").status_code == 403
    assert signed_in(stranger).get("/assessments/").content.decode().count(f"/assessments/{pk}/") == 0
    assert signed_in(practitioner, "profiling").get(f"/assessments/{pk}/").status_code == 403


def test_information_provider_may_read_a_shared_one_but_not_start_one(analysis_store, practitioner):
    school = organisation("School", ["school_exclusions"])
    provider = user(UserRole.INFORMATION_PROVIDER, school)
    signed_in(practitioner).post("/assessments/new/", {"title": "BO", "person_id": "P-AMARA",
                                                       "shared_with": [str(school.pk)]})
    pk = CaseDocument.objects.get().pk
    client = signed_in(provider)
    assert client.get(f"/assessments/{pk}/").status_code == 200
    assert client.get("/assessments/new/").status_code == 403


def test_answered_peer_group_information_for_the_same_person_is_shown(analysis_store, practitioner):
    client = signed_in(practitioner)
    _start(client)
    pk = CaseDocument.objects.get(kind="contextual_assessment").pk
    answer = {"aware": "yes", "negative_influence": "Older peer collects her at the gate",
              "peers": [{"name": "Peer One", "person_id": "", "influence": "negative", "relation": "leads",
                         "evidence": "Seen together daily"}]}
    document(practitioner, "pgi", {"request": "sent", "answer": answer}, person_id="P-AMARA", title="PGI answered")
    document(practitioner, "pgi", {"request": "sent", "answer_draft": {"aware": "Draft words"}},
             person_id="P-AMARA", title="PGI awaiting answer")
    document(practitioner, "pgi", {"answer": {"aware": "yes"}}, person_id="P-BEN", title="PGI other person")
    elsewhere = user(UserRole.PRACTITIONER, organisation("Elsewhere", SOURCES))
    document(elsewhere, "pgi", {"answer": {"aware": "yes"}}, person_id="P-AMARA", title="PGI not shared")
    page = client.get(f"/assessments/{pk}/").content.decode()
    assert "PGI answered" in page and "Older peer collects her at the gate" in page and "Seen together daily" in page
    for hidden in ("PGI awaiting answer", "Draft words", "PGI other person", "PGI not shared"):
        assert hidden not in page


def test_printed_page_lays_out_the_tables(analysis_store, practitioner):
    client = signed_in(practitioner)
    _start(client)
    pk = CaseDocument.objects.get().pk
    _complete(client, pk)
    page = client.get(f"/casework/{pk}/print/").content.decode()
    assert "Foundations for change" in page and "Other controls" in page
    assert "Hinders desistance" in page and "Youth worker, by 2026-12-20" in page


def test_demo_assessment_is_idempotent_with_a_full_plan(analysis_store):
    from contextsafe.web.accounts.demo import create_demo_accounts
    from contextsafe.web.accounts.models import User
    from contextsafe.web.assessments import demo, service

    create_demo_accounts()
    demo.seed()
    demo.seed()
    made = CaseDocument.objects.get(kind="contextual_assessment")
    assert made.status == "submitted" and service.submit_problems(made.data) == []
    assert service.plan_errors(made.data["plan"]) == {} and len(service.actions(made.data)) == 7  # 3 + 4 cells filled
    reader = User.objects.get(username="practitioner_social_care")
    assert signed_in(reader).get(f"/assessments/{made.pk}/").status_code == 200


def test_owner_stops_sharing_and_the_other_organisation_loses_access(analysis_store, practitioner):
    other_org = organisation("Youth offending", SOURCES)
    reader = user(UserRole.PRACTITIONER, other_org)
    client = signed_in(practitioner)
    _start(client, shared_with=[str(other_org.pk)])
    pk = CaseDocument.objects.get().pk
    assert signed_in(reader).get(f"/assessments/{pk}/").status_code == 200
    assert signed_in(reader).post(f"/assessments/{pk}/details/", {"title": "Taken over"}).status_code == 403
    response = client.post(f"/assessments/{pk}/details/", {"title": "AJ assessment (renamed)"})
    assert response.status_code == 302
    made = CaseDocument.objects.get()
    assert made.title == "AJ assessment (renamed)" and not made.shared_with.exists()
    assert "shared with nobody" in made.versions.last().note
    assert signed_in(reader).get(f"/assessments/{pk}/").status_code == 403
