"""Local audit: the matrix's computed facts, the audit walked through its forms, who may see and change it."""

from __future__ import annotations

import datetime as dt

import pytest

from contextsafe.web.accounts.models import UserRole
from contextsafe.web.audit.models import AuditEntry
from contextsafe.web.localaudit import questions as q
from contextsafe.web.localaudit.models import Audit, Cell, Finding, Observation
from contextsafe.web.localaudit.report import facts
from tests.web.accounts.factories import organisation, signed_in, user

pytestmark = pytest.mark.django_db


def _audit(owner, **kw) -> Audit:  # noqa: ANN001
    return Audit.objects.create(organisation=owner.organisation, partnership="Testborough", lead="Lead",
                                period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 3, 31), created_by=owner,
                                **kw)


def _fill(audit: Audit, silo: str, exists: str = "yes", across=(), down: str = "yes", contexts=()) -> None:  # noqa: ANN001
    for level, _ in q.LEVELS:
        Cell.objects.create(audit=audit, silo=silo, level=level, exists=exists, links_across=list(across),
                            links_down=down, contexts=list(contexts))


def test_facts_from_the_matrix():
    chair = user(UserRole.PANEL_CHAIR)
    audit = _audit(chair, optional_silos=["asb"])
    _fill(audit, "cse", across=["syv"], contexts=["neighbourhoods"])
    _fill(audit, "syv", across=["cse"], contexts=["peer_groups", "schools"])
    _fill(audit, "domestic_abuse", exists="no")
    # HSB: a meeting that engages schools but links nowhere and not down; nothing else recorded.
    Cell.objects.create(audit=audit, silo="hsb", level="operational_meeting", exists="partly", links_down="no",
                        contexts=["schools"], in_practice="no")
    Cell.objects.create(audit=audit, silo="asb", level="strategy", exists="yes", links_across=["hsb"],
                        links_down="partly")
    found = facts(audit)
    assert found.cells == 5 * 8
    assert found.recorded == 8 * 3 + 2
    assert len(found.missing) == 8 and all(s == "Domestic abuse" for s, _ in found.missing)
    assert found.partly == [("Harmful sexual behaviour", "Multi-agency operational meeting")]
    assert found.not_in_practice == [("Harmful sexual behaviour", "Multi-agency operational meeting")]
    assert found.no_contexts == [("Anti-social behaviour", "Strategy and action plan")]
    assert dict(found.context_counts) == {"Peer groups": 8, "Schools": 9, "Neighbourhoods": 8}
    assert found.not_linked_across == [("Harmful sexual behaviour", "Multi-agency operational meeting")]
    assert sorted(found.not_linked_down) == [("Anti-social behaviour", "Strategy and action plan"),
                                             ("Harmful sexual behaviour", "Multi-agency operational meeting")]
    linked = {frozenset(p) for p in [("Child sexual exploitation", "Serious youth violence"),
                                     ("Harmful sexual behaviour", "Anti-social behaviour")]}
    every = {frozenset((a, b)) for i, (_, a) in enumerate(audit.silos()) for _, b in audit.silos()[i + 1:]}
    assert {frozenset(p) for p in found.unlinked_pairs} == every - linked
    assert found.isolated_silos == ["Domestic abuse"]
    assert len(found.not_recorded) == 7 + 7  # the rest of HSB and of ASB


def test_a_link_to_a_silo_not_in_the_audit_does_not_count():
    chair = user(UserRole.PANEL_CHAIR)
    audit = _audit(chair)  # no optional silos
    Cell.objects.create(audit=audit, silo="cse", level="strategy", exists="yes", links_across=["missing"],
                        links_down="yes", contexts=["schools"])
    found = facts(audit)
    assert found.not_linked_across == [("Child sexual exploitation", "Strategy and action plan")]
    assert "Child sexual exploitation" in found.isolated_silos


def test_observation_tallies_and_unobserved_meetings():
    chair = user(UserRole.PANEL_CHAIR)
    audit = _audit(chair)
    for subject, answer in [("mase", "yes"), ("marac", "no"), ("gangs_panel", "yes")]:
        Observation.objects.create(audit=audit, type="meeting", subject=subject, observed_on=dt.date(2026, 1, 5),
                                   observer="x", answers={"share_trends": {"answer": answer, "note": ""}})
    found = facts(audit)
    share = next(r for r in found.meeting_answers if r["key"] == "share_trends")
    assert (share["yes"], share["partly"], share["no"]) == (2, 0, 1)
    assert "Multi-agency risk assessment conference for domestic abuse (MARAC)" not in found.meetings_not_observed
    assert "Fair access panel" in found.meetings_not_observed
    assert len(found.trainings_not_observed) == 4


def test_chair_walks_an_audit_through_its_forms():
    chair = user(UserRole.PANEL_CHAIR)
    client = signed_in(chair)
    response = client.post("/localaudit/new/", {"partnership": "Testborough", "period_start": "2026-01-01",
                                                "period_end": "2026-03-31", "lead": "Business manager",
                                                "optional_silos": ["missing"]})
    audit = Audit.objects.get()
    assert response.status_code == 302 and audit.organisation == chair.organisation
    assert audit.optional_silos == ["missing"]
    assert client.get(f"/localaudit/{audit.pk}/").status_code == 200
    response = client.post(f"/localaudit/{audit.pk}/matrix/hsb/strategy/", {"exists": "no", "what": ""})
    assert response.status_code == 302
    client.post(f"/localaudit/{audit.pk}/matrix/cse/case_management/",
                {"exists": "yes", "what": "CP plans", "links_across": ["missing"], "contexts": ["schools"]})
    cell = Cell.objects.get(audit=audit, silo="cse", level="case_management")
    assert (cell.links_across, cell.contexts, cell.links_down) == (["missing"], ["schools"], "")
    assert client.get(f"/localaudit/{audit.pk}/matrix/asb/strategy/").status_code == 404  # not chosen
    answers = {f"{k}__answer": "partly" for k, _ in q.MEETING_QUESTIONS}
    response = client.post(f"/localaudit/{audit.pk}/observations/meeting/new/",
                           {"subject": "mase", "observed_on": "2026-02-01", "observer": "Lead", **answers})
    assert response.status_code == 302
    assert Observation.objects.get().answers["explore_contexts"]["answer"] == "partly"
    client.post(f"/localaudit/{audit.pk}/forums/new/", {"format": "focus_group", "held_on": "2026-03-01",
                                                        "attended_by": "DSLs", "case_study": "A park",
                                                        "effective": "MASE works"})
    client.post(f"/localaudit/{audit.pk}/findings/", {"peer_groups__strengths": "Groups are mapped",
                                                      "training__challenges": "No local profile"})
    assert Finding.objects.filter(audit=audit).count() == 2
    page = client.get(f"/localaudit/{audit.pk}/report/").content.decode()
    assert "Groups are mapped" in page and "No local profile" in page and "MASE works" in page
    assert "Focus group: DSLs" in page
    assert "Harmful sexual behaviour: Strategy and action plan" in page  # computed: missing


def test_observation_needs_every_question_answered():
    chair = user(UserRole.PANEL_CHAIR)
    audit = _audit(chair)
    response = signed_in(chair).post(f"/localaudit/{audit.pk}/observations/training/new/",
                                     {"subject": "cse", "observed_on": "2026-02-01", "observer": "Lead"})
    assert response.status_code == 200 and Observation.objects.count() == 0


def test_who_may_see_and_change():
    chair = user(UserRole.PANEL_CHAIR)
    audit = _audit(chair)
    analyst = user(UserRole.ANALYST, org=chair.organisation)
    assert signed_in(analyst).get(f"/localaudit/{audit.pk}/matrix/cse/strategy/").status_code == 200
    auditor = signed_in(user(UserRole.AUDITOR, org=organisation()))
    assert auditor.get(f"/localaudit/{audit.pk}/report/").status_code == 200  # auditors see every organisation's
    assert auditor.get(f"/localaudit/{audit.pk}/findings/").status_code == 403
    assert auditor.get("/localaudit/new/").status_code == 403
    practitioner = signed_in(user(UserRole.PRACTITIONER, org=chair.organisation))
    assert practitioner.get("/localaudit/").status_code == 403
    assert practitioner.get(f"/localaudit/{audit.pk}/").status_code == 403
    other_chair = user(UserRole.PANEL_CHAIR, org=organisation())
    other = signed_in(other_chair)
    assert other.get(f"/localaudit/{audit.pk}/").status_code == 403
    assert other.post(f"/localaudit/{audit.pk}/matrix/cse/strategy/", {"exists": "no"}).status_code == 403
    assert not Cell.objects.exists()
    assert audit.partnership not in other.get("/localaudit/").content.decode()
    assert other.get("/localaudit/99999/").status_code == 403
    refused = AuditEntry.objects.filter(username=other_chair.username, outcome="refused")
    assert set(refused.values_list("reason", flat=True)) == {"record belongs to another organisation",
                                                             "no such record"}


def test_report_printed_as_pdf():
    chair = user(UserRole.PANEL_CHAIR)
    audit = _audit(chair)
    Finding.objects.create(audit=audit, heading="overall", strengths="Strong MASE")
    client = signed_in(chair)
    printed = client.get(f"/localaudit/{audit.pk}/report/print/")
    assert "Strong MASE" in printed.content.decode() and "<script" not in printed.content.decode()
    assert printed["Content-Security-Policy"].startswith("default-src 'none'")
    pdf = client.get(f"/localaudit/{audit.pk}/report/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_demo_seed_is_idempotent_without_a_store():
    from contextsafe.web.accounts.demo import create_demo_accounts
    from contextsafe.web.localaudit import demo

    create_demo_accounts()
    demo.seed()
    demo.seed()
    audit = Audit.objects.get()
    assert audit.findings.count() == len(q.HEADINGS) and audit.observations.count() == 4
    assert facts(audit).missing  # the demo matrix shows gaps
