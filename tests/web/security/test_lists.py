"""List and report pages leak no record of another organisation, of another purpose or of a team the user is not
on: a record's title is shown on its owner's list (the control) and on nobody else's."""

from __future__ import annotations

import pytest

from contextsafe.web.accounts.models import OrganisationKind, UserRole
from tests.web.accounts.factories import organisation, signed_in, user
from tests.web.casework.factories import document

pytestmark = pytest.mark.django_db
LISTS = {  # kind -> (owner role, owner organisation kind, pages listing it)
    "hsb_meeting": (UserRole.PRACTITIONER, OrganisationKind.SOCIAL_CARE, ["/hsb/"]),
    "fap_referral": (UserRole.INFORMATION_PROVIDER, OrganisationKind.SCHOOL, ["/fap/"]),
    "child_concern": (UserRole.INFORMATION_PROVIDER, OrganisationKind.SCHOOL, ["/concerns/"]),
    "contextual_assessment": (UserRole.PRACTITIONER, OrganisationKind.SOCIAL_CARE, ["/assessments/"]),
    "case_review": (UserRole.PRACTITIONER, OrganisationKind.SOCIAL_CARE, ["/casereviews/", "/casereviews/analysis/"]),
    "context_referral": (UserRole.PRACTITIONER, OrganisationKind.YOUTH_SERVICE, ["/contextplans/"]),
    "context_assessment": (UserRole.PRACTITIONER, OrganisationKind.YOUTH_SERVICE, ["/contextplans/"]),
    "safety_map": (UserRole.PRACTITIONER, OrganisationKind.YOUTH_SERVICE, ["/contextplans/"]),
    "case_note": (UserRole.PRACTITIONER, OrganisationKind.SOCIAL_CARE, ["/casenotes/"]),
}


def _shows(who, purpose: str, pages: list[str], marker: str) -> list[str]:  # noqa: ANN001
    client = signed_in(who, purpose)
    return [p for p in pages if marker in client.get(p).content.decode()]


@pytest.mark.parametrize("kind", list(LISTS))
def test_lists_show_a_record_to_its_owner_only(analysis_store, kind):
    role, org_kind, pages = LISTS[kind]
    owner_org = organisation(kind=org_kind, sources=["csc_referrals", "pgi_forms"])
    owner = user(role, owner_org)
    marker = f"Marker{kind.title().replace('_', '')}"
    record = document(owner, kind=kind, title=f"{marker} record", status="submitted",
                      data={"young_person": marker, "context_name": marker, "assessment_type": "place",
                            "context": marker, "stage": "referred", "actions": [], "ratings": []})
    chair = user(UserRole.PANEL_CHAIR, owner_org)
    if kind == "case_review":
        record.team.set([owner, chair])
    assert _shows(owner, "assessment", pages, marker) == pages  # the control
    others = [(user(role, organisation(kind=org_kind, sources=owner_org.sources)), "assessment"),
              (chair, "profiling")]
    if kind == "case_review":
        others.append((user(role, owner_org), "assessment"))  # the owning organisation, not on the team
    leaks = {f"{who.role} of {who.organisation} for {purpose}": shown for who, purpose in others
             if (shown := _shows(who, purpose, pages, marker))}
    assert leaks == {}


def test_pgi_lists_show_a_request_to_its_two_parties_only(analysis_store):
    from tests.web.pgi.factories import provider, requester, sent_request

    school = organisation(kind=OrganisationKind.SCHOOL, sources=["school_exclusions"])
    asking = requester(organisation(kind=OrganisationKind.SOCIAL_CARE,
                                    sources=["csc_referrals", "pgi_forms", "school_exclusions"]))
    answering = provider(school)
    sent_request(asking, answering)
    marker = "Ben Okafor"
    assert _shows(asking, "assessment", ["/pgi/"], marker) and _shows(answering, "assessment", ["/pgi/"], marker)
    other_requester = requester(organisation(kind=OrganisationKind.SOCIAL_CARE, sources=asking.organisation.sources))
    for who, purpose in [(other_requester, "assessment"), (provider(), "assessment"),
                         (user(UserRole.PANEL_CHAIR, school), "profiling")]:
        assert _shows(who, purpose, ["/pgi/"], marker) == [], who


def test_names_typed_on_a_case_review_are_stored_nowhere(analysis_store):
    """The codes page keeps names only as fingerprints: the name is in no row of any table afterwards."""
    from django.apps import apps

    who = user(UserRole.PRACTITIONER, organisation(sources=["csc_referrals", "pgi_forms"]))
    client = signed_in(who, "assessment")
    response = client.post("/casereviews/new/", {"title": "Review R-7"})
    pk = int(response["Location"].strip("/").split("/")[-2])
    name, place = "Zenobia Quartermaine", "Quartermaine Crew"
    response = client.post(f"/casereviews/{pk}/codes/", {"title": "Review R-7", "yp.0.name": name,
                                                         "yp.0.role.complainant": "on", "ctx.0.kind": "peer_group",
                                                         "ctx.0.name": place, "ctx.0.description": "Older boys"})
    assert response.status_code == 302, response.content.decode()[:2000]
    found = []
    for model in apps.get_models():
        for row in model.objects.all().values():
            text = str(row)
            found += [f"{model._meta.label}: {n}" for n in ("Zenobia", "Quartermaine") if n in text]
    assert found == []


def test_a_providers_unreturned_draft_answer_reaches_no_page_of_the_requester(analysis_store):
    from tests.web.pgi.factories import answer_data, provider, requester, sent_request

    answering = provider(organisation(kind=OrganisationKind.SCHOOL, sources=["school_exclusions"]))
    asking = requester(organisation(kind=OrganisationKind.SOCIAL_CARE,
                                    sources=["csc_referrals", "pgi_forms", "school_exclusions"]))
    pk = sent_request(asking, answering).document_id
    draft = {k: v for k, v in answer_data(other="DraftMarkerZed").items() if k != "submit"}
    mine = signed_in(answering, "assessment")
    assert mine.post(f"/pgi/{pk}/answer/", draft).status_code == 302
    assert "DraftMarkerZed" in mine.get(f"/pgi/{pk}/").content.decode()  # the control: the provider sees it
    pages = ["/pgi/", f"/pgi/{pk}/", f"/casework/{pk}/print/", f"/casework/{pk}/history/", "/assessments/"]
    assert _shows(asking, "assessment", pages, "DraftMarkerZed") == []
    assert _shows(asking, "assessment", pages, "Cal Smith") == []  # the peers named in the draft


def test_a_follow_up_hsb_meeting_is_listed_only_to_those_who_may_open_it(analysis_store):
    import datetime as dt

    from contextsafe.web.hsb import meetings

    social_care = organisation(kind=OrganisationKind.SOCIAL_CARE)
    yos = organisation(kind=OrganisationKind.YOUTH_OFFENDING)
    owner = user(UserRole.PRACTITIONER, social_care)
    first = document(owner, kind="hsb_meeting", shared_with=[yos],
                     data={"young_person": "YP9", "meeting_date": "2026-09-01", "continuum_level": "problematic"})
    follow_up = meetings.start_review(first, owner, dt.date(2026, 10, 1))
    follow_up.shared_with.set([])  # the youth offending service is not invited to the review
    assert follow_up.title in signed_in(owner, "assessment").get(f"/hsb/{first.pk}/").content.decode()  # control
    youth_worker = signed_in(user(UserRole.PRACTITIONER, yos), "assessment")
    page = youth_worker.get(f"/hsb/{first.pk}/").content.decode()
    assert f"/hsb/{follow_up.pk}/" not in page and follow_up.title not in page
    follow_up.shared_with.set([yos])  # invited again: listed again
    assert f"/hsb/{follow_up.pk}/" in youth_worker.get(f"/hsb/{first.pk}/").content.decode()
