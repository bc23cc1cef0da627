"""The access decision on young people: organisation, purpose, peer group information, break-glass."""

from __future__ import annotations

import pytest

from contextsafe.web.access import Action, Kind, Target, decide
from contextsafe.web.audit.models import AuditEntry
from tests.web.accounts.factories import organisation, signed_in, user

pytestmark = pytest.mark.django_db


def test_practitioner_sees_people_only_through_their_organisations_sources(analysis_store):
    who = user("practitioner")  # csc_referrals and pgi_forms
    decision = decide(who, "assessment", Target(Kind.PERSON, "P-AMARA"), Action.VIEW)
    assert decision.allowed and decision.sources == ("csc_referrals", "pgi_forms")
    assert decision.agreements == ("ISA-CSC", "ISA-PGI")
    assert not decide(who, "assessment", Target(Kind.PERSON, "P-CAL"), Action.VIEW).allowed


def test_peer_group_information_never_in_an_intelligence_view(analysis_store):
    analyst = user("analyst")
    amara = decide(analyst, "intelligence", Target(Kind.PERSON, "P-AMARA"), Action.VIEW)
    assert amara.allowed and amara.sources == ("police_crime",)
    assert not decide(analyst, "intelligence", Target(Kind.CONTEXT, "peer_group:PG1"), Action.VIEW).allowed
    page = signed_in(analyst, "intelligence").get("/people/P-AMARA/")
    assert page.status_code == 200
    assert b"pgi_forms" not in page.content and b"G1" not in page.content
    assert b"EV2" not in page.content and b"named_peer" not in page.content


def test_profiling_shows_neither_peer_group_information(analysis_store):
    page = signed_in(user("analyst"), "profiling").get("/people/P-AMARA/")
    assert b"csc_referrals" in page.content and b"police_crime" in page.content
    assert b"pgi_forms" not in page.content


def test_a_purpose_the_role_may_not_state_is_refused(analysis_store):
    assert not decide(user("practitioner"), "intelligence", Target(Kind.PERSON, "P-AMARA"), Action.VIEW).allowed


def test_no_purpose_sends_the_user_to_state_one(analysis_store):
    response = signed_in(user("practitioner"), purpose=None).get("/people/P-AMARA/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/purpose/?next=")


def test_search_finds_visible_people_only(analysis_store):
    client = signed_in(user("practitioner"))
    assert b"P-AMARA" in client.get("/people/?q=jones").content
    assert b"P-CAL" not in client.get("/people/?q=smith").content  # police only: not this organisation's


def test_person_page_shows_records_timeline_concerns_and_contexts(analysis_store):
    page = signed_in(user("panel_chair"), "assessment").get("/people/P-AMARA/").content.decode()
    for expected in ("S1", "C1", "G1", "EV1", "victim", "cse", "school:1", "peer_group:PG1", "ISA-POL"):
        assert expected in page


def test_refused_view_is_audited_with_reason(analysis_store):
    who = user("practitioner")
    assert signed_in(who).get("/people/P-CAL/").status_code == 403
    entry = AuditEntry.objects.get(username=who.username, kind="person", ident="P-CAL")
    assert entry.outcome == "refused" and "not visible" in entry.reason


def test_break_glass_with_reason_opens_the_record_and_flags_it(analysis_store):
    who = user("practitioner")
    client = signed_in(who)
    refused = client.get("/people/P-CAL/")
    assert b"break-glass" in refused.content
    short = client.post("/people/P-CAL/break-glass/", {"reason": "need"})
    assert short.status_code == 200  # a reason of a few characters is not a reason
    client.post("/people/P-CAL/break-glass/", {"reason": "Named as suspect in tonight's incident; risk now."})
    page = client.get("/people/P-CAL/")
    assert page.status_code == 200 and b"break-glass" in page.content and b"C2" in page.content
    entry = AuditEntry.objects.filter(ident="P-CAL", outcome="break_glass").get()
    assert entry.flagged and "tonight" in entry.reason


def test_information_provider_may_not_break_glass(analysis_store):
    client = signed_in(user("information_provider"))
    assert client.get("/people/P-CAL/").status_code == 403
    assert client.post("/people/P-CAL/break-glass/", {"reason": "I would like to see it please"}).status_code == 403
    assert client.get("/people/P-CAL/").status_code == 403


def test_organisation_scope_is_the_users_organisation(analysis_store):
    school = organisation(sources=["school_exclusions"], kind="school")
    provider = user("information_provider", org=school)
    page = signed_in(provider).get("/people/P-BEN/")
    assert page.status_code == 200 and b"E1" in page.content and b"G2" not in page.content
