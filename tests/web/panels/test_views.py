"""Panel coordination over the tiny store (tests/web/store_factory.py): meetings registered over its sources,
who is discussed at more than one, and the sharing terms and purposes that decide what is read."""

from __future__ import annotations

import datetime as dt

import pytest

from contextsafe.web.access import Decision
from contextsafe.web.accounts.models import UserRole
from contextsafe.web.audit.models import AuditEntry
from contextsafe.web.panels import overlap as ov
from contextsafe.web.panels.models import Meeting
from tests.web.accounts.factories import organisation, signed_in, user
from tests.web.store_factory import XSS_NAME

pytestmark = pytest.mark.django_db

BOTH = ["assessment", "profiling"]


def _meetings(owner) -> dict[str, Meeting]:  # noqa: ANN001
    made = {}
    for key, name, source, purposes in [("csc", "Children's panel", "csc_referrals", BOTH),
                                        ("police", "Youth violence panel", "police_crime", BOTH),
                                        ("pgi", "Peer group meeting", "pgi_forms", ["assessment"]),
                                        ("school", "Fair Access Panel", "school_exclusions", BOTH),
                                        ("mappa", "MAPPA", "", [])]:
        made[key] = Meeting.objects.create(organisation=owner.organisation, name=name, type="other",
                                           chair_organisation="Council", frequency="monthly", source=source,
                                           agreement="ISA", purposes=purposes, created_by=owner)
    return made


def _by_key(found: ov.Overlap, kind: str) -> dict[str, dict[str, list[dt.date]]]:
    return {s.key: {d.meeting.name: d.sorted_dates() for d in s.at} for s in found.shared.get(kind, [])}


def test_overlap_for_profiling_reads_only_lists_whose_terms_permit_it(analysis_store):
    chair = user(UserRole.PANEL_CHAIR)
    m = _meetings(chair)
    found = ov.compute(Meeting.objects.all(), "profiling", chair)
    assert {x.name for x in found.meetings} == {"Children's panel", "Youth violence panel", "Fair Access Panel"}
    assert {e.meeting.name for e in found.excluded} == {"Peer group meeting", "MAPPA"}
    assert _by_key(found, "person") == {"P-AMARA": {"Children's panel": [dt.date(2026, 1, 10)],
                                                    "Youth violence panel": [dt.date(2026, 2, 1)]}}
    assert _by_key(found, "school") == {"school:1": {"Children's panel": [dt.date(2026, 1, 10)],
                                                     "Fair Access Panel": [dt.date(2026, 1, 5)]}}
    assert found.shared.get("peer_group") is None and found.coded == 0
    assert found.shared["person"][0].name == "Amara Jones" and found.shared["person"][0].may_open
    assert found.listed[m["csc"].pk] == 2 and found.listed[m["police"].pk] == 2 and found.listed[m["school"].pk] == 1
    pair = next(p for p in found.pairs if {p["a"].name, p["b"].name} == {"Children's panel", "Youth violence panel"})
    assert (pair["person"], pair["school"]) == (1, 0)


def test_overlap_for_assessment_adds_the_peer_group_meeting(analysis_store):
    chair = user(UserRole.PANEL_CHAIR)
    _meetings(chair)
    found = ov.compute(Meeting.objects.all(), "assessment", chair)
    people = _by_key(found, "person")
    assert set(people) == {"P-AMARA", "P-BEN"}
    assert people["P-AMARA"]["Peer group meeting"] == [dt.date(2026, 3, 1)]
    assert people["P-BEN"] == {"Peer group meeting": [dt.date(2026, 3, 1)],
                               "Fair Access Panel": [dt.date(2000, 1, 5), dt.date(2026, 1, 5)]}
    assert found.shared["person"][0].key == "P-AMARA"  # three meetings first


def test_a_source_not_permitting_the_purpose_is_not_read_even_if_the_terms_say_so(analysis_store):
    chair = user(UserRole.PANEL_CHAIR)
    Meeting.objects.create(organisation=chair.organisation, name="Mislabelled", type="other", chair_organisation="x",
                           frequency="monthly", source="pgi_forms", purposes=BOTH, created_by=chair)
    ok, excluded = ov.usable(Meeting.objects.all(), "profiling")
    assert ok == [] and "pgi_forms permits assessment, not profiling" in excluded[0].reason


def test_overlap_page_names_the_young_people_the_chair_may_open(analysis_store):
    chair = user(UserRole.PANEL_CHAIR)
    _meetings(chair)
    page = signed_in(chair, "profiling").get("/panels/overlap/").content.decode()
    assert 'href="/people/P-AMARA/">Amara Jones</a> (P-AMARA)' in page and "Hill School" in page
    assert "Peer group meeting: its sharing terms permit assessment, not profiling" in page


def test_young_people_the_user_may_not_open_are_listed_by_code_only(analysis_store, monkeypatch):
    chair = user(UserRole.PANEL_CHAIR)
    _meetings(chair)
    monkeypatch.setattr(ov, "decide", lambda *a, **k: Decision(False, "not visible"))
    client = signed_in(chair, "profiling")
    page = client.get("/panels/overlap/").content.decode()
    assert "P-AMARA" in page and "Amara" not in page.replace("P-AMARA", "") and "/people/P-AMARA/" not in page
    assert "1 of the young people listed are shown by pseudonymous code only" in page
    assert "Hill School" in page  # contexts are still shown
    listed = client.get(f"/panels/{Meeting.objects.get(source='csc_referrals').pk}/").content.decode()
    assert "P-XSS" in listed and "Jones" not in listed and "2 shown by code only" in listed


def test_wrong_purpose_is_refused_a_meeting_list(analysis_store):
    chair = user(UserRole.PANEL_CHAIR)
    m = _meetings(chair)
    client = signed_in(chair, "profiling")
    assert client.get(f"/panels/{m['pgi'].pk}/").status_code == 403
    page = client.get(f"/panels/{m['csc'].pk}/").content.decode()
    assert "Amara Jones</a> (P-AMARA)" in page and "(P-XSS)" in page
    assert XSS_NAME not in page and "&lt;img src=x onerror=alert(1)&gt; O&#x27;Brien" in page
    assessing = signed_in(chair, "assessment")
    assert "P-BEN" in assessing.get(f"/panels/{m['pgi'].pk}/").content.decode()
    analyst = user(UserRole.ANALYST, org=chair.organisation)
    intelligence = signed_in(analyst, "intelligence")
    assert intelligence.get(f"/panels/{m['police'].pk}/").status_code == 403
    overlap = intelligence.get("/panels/overlap/").content.decode()
    assert "P-AMARA" not in overlap and "No meeting's list may be read for intelligence" in overlap
    refused = AuditEntry.objects.filter(outcome="refused", kind="panel")
    assert refused.count() == 2 and "not intelligence" in refused.get(username=analyst.username).reason


def test_who_may_register_and_see_meetings(analysis_store):
    chair = user(UserRole.PANEL_CHAIR)
    m = _meetings(chair)
    for role in (UserRole.PRACTITIONER, UserRole.INFORMATION_PROVIDER, UserRole.AUDITOR):
        client = signed_in(user(role, org=chair.organisation))
        assert {client.get(p).status_code for p in ("/panels/", "/panels/overlap/", f"/panels/{m['csc'].pk}/",
                                                    "/panels/new/")} == {403}
    other_chair = user(UserRole.PANEL_CHAIR, org=organisation())
    other = signed_in(other_chair, "profiling")
    assert other.get(f"/panels/{m['csc'].pk}/").status_code == 403
    assert other.get("/panels/424242/").status_code == 403
    assert other.post(f"/panels/{m['csc'].pk}/edit/", {"name": "hijacked"}).status_code == 403
    assert "P-AMARA" not in other.get("/panels/overlap/").content.decode()
    reasons = set(AuditEntry.objects.filter(username=other_chair.username, outcome="refused")
                  .values_list("reason", flat=True))
    assert reasons == {"record belongs to another organisation", "no such record"}


def test_registering_a_meeting_keeps_within_its_source_terms(analysis_store):
    analyst = user(UserRole.ANALYST)
    client = signed_in(analyst, "profiling")
    form = {"name": "Peer group meeting", "type": "hsb", "chair_organisation": "Social care", "frequency": "monthly",
            "source": "pgi_forms", "purposes": ["assessment", "profiling"]}
    response = client.post("/panels/new/", form)
    assert response.status_code == 200 and "shared for assessment only, not for profiling" in response.content.decode()
    response = client.post("/panels/new/", {**form, "purposes": ["assessment"]})
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and meeting.agreement == "ISA-PGI"  # the source's agreement by default
    assert meeting.organisation == analyst.organisation
    page = signed_in(analyst, "profiling").get(f"/panels/{meeting.pk}/")
    assert page.status_code == 403  # registered for assessment only: the analyst (profiling) may not read its list
    meeting.agreement = "ISA-NOT-REGISTERED"
    meeting.purposes = ["assessment", "profiling"]
    meeting.source = ""
    meeting.save()
    assert "not in the register" in client.get(f"/panels/{meeting.pk}/").content.decode()


def test_overlap_printed_as_pdf(analysis_store):
    chair = user(UserRole.PANEL_CHAIR)
    _meetings(chair)
    client = signed_in(chair, "profiling")
    printed = client.get("/panels/overlap/print/")
    assert "P-AMARA" in printed.content.decode() and printed["Content-Security-Policy"].startswith("default-src")
    pdf = client.get("/panels/overlap/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    exported = AuditEntry.objects.get(username=chair.username, action="export", kind="panel")
    assert exported.detail == ("overlap pdf for profiling; lists read: csc_referrals (ISA), police_crime (ISA), "
                               "school_exclusions (ISA)")


def test_demo_seed_registers_meetings_with_or_without_a_store(analysis_store):
    from contextsafe.web.accounts.demo import create_demo_accounts
    from contextsafe.web.panels import demo

    create_demo_accounts()
    demo.seed()
    demo.seed()
    names = set(Meeting.objects.values_list("name", flat=True))
    assert len(names) == Meeting.objects.count() >= 8
    assert {"MARAC", "MAPPA", "MASH"} <= {m.split(" ")[0] for m in names}


def test_a_meeting_whose_list_is_not_in_the_store_shows_its_terms_without_a_list(analysis_store):
    chair = user(UserRole.PANEL_CHAIR)
    m = _meetings(chair)
    absent = Meeting.objects.create(organisation=chair.organisation, name="MASE", type="mase", chair_organisation="x",
                                    frequency="monthly", source="mase_list", purposes=BOTH, created_by=chair)
    client = signed_in(chair, "profiling")
    for meeting, reason in [(absent, "its source mase_list is not in the store"),
                            (m["mappa"], "its list is not held in the store")]:
        response = client.get(f"/panels/{meeting.pk}/")
        assert response.status_code == 200 and reason in response.content.decode()
