"""The sharing ledger: every decision recorded and audited; consent refusal and its override."""

from __future__ import annotations

import pytest

from contextsafe.web.audit.models import AuditEntry
from contextsafe.web.governance.models import SharingAgreement, SharingDecision
from contextsafe.web.governance.registers import sync_agreements
from tests.web.accounts.factories import organisation, signed_in, user
from tests.web.governance.factories import agreement, decision, form

pytestmark = pytest.mark.django_db


def test_a_decision_not_to_share_is_recorded_with_reasons():
    who, to = user("practitioner"), organisation()
    response = signed_in(who).post("/governance/sharing/new/", form(to, decision="not_share",
                                                                    reason="Not proportionate"))
    made = SharingDecision.objects.get()
    assert response.status_code == 302 and made.decision == "not_share" and made.organisation == who.organisation
    entry = AuditEntry.objects.get(action="share_decision")
    assert entry.ident == str(made.pk) and entry.reason == "Not proportionate" and entry.purpose == "assessment"


def test_agreement_is_named_in_the_audit_entry():
    isa = agreement("ISA-PGI")
    signed_in(user("practitioner")).post("/governance/sharing/new/", form(organisation(), agreement=isa.pk))
    assert AuditEntry.objects.get(action="share_decision").agreements == "ISA-PGI"


def test_consent_required_refuses_without_override_permission():
    who = user("practitioner")
    response = signed_in(who).post("/governance/sharing/new/", form(organisation(), consent_required="on"))
    assert response.status_code == 200 and b"Consent is required" in response.content
    assert not SharingDecision.objects.exists()
    assert AuditEntry.objects.filter(action="share_decision", outcome="refused").exists()


def test_override_needs_the_permission_and_a_reason():
    chair = user("panel_chair")
    client = signed_in(chair, "assessment")
    no_reason = client.post("/governance/sharing/new/", form(organisation(), consent_required="on"))
    assert no_reason.status_code == 200 and not SharingDecision.objects.exists()
    client.post("/governance/sharing/new/", form(organisation(), consent_required="on",
                                                 consent_override_reason="Immediate risk of serious harm"))
    made = SharingDecision.objects.get()
    assert made.consent_override_reason == "Immediate risk of serious harm"
    assert AuditEntry.objects.get(action="share_decision").flagged


def test_sharing_decisions_of_other_organisations_are_not_listed_or_opened():
    mine, theirs = user("practitioner"), user("practitioner")
    outsider_decision = decision(theirs, organisation())
    client = signed_in(mine)
    assert f"/governance/sharing/{outsider_decision.pk}/".encode() not in client.get("/governance/sharing/").content
    assert client.get(f"/governance/sharing/{outsider_decision.pk}/").status_code == 403
    recipient = user("information_provider", org=outsider_decision.recipient)
    assert signed_in(recipient).get(f"/governance/sharing/{outsider_decision.pk}/").status_code == 200
    assert signed_in(user("auditor")).get(f"/governance/sharing/{outsider_decision.pk}/").status_code == 200


def test_registers_hold_every_source_agreement(analysis_store):
    assert sync_agreements() == 4
    assert set(SharingAgreement.objects.values_list("reference", flat=True)) == {
        "ISA-CSC", "ISA-POL", "ISA-PGI", "ISA-SCH"}
    assert all(a.dpia_id for a in SharingAgreement.objects.all())
    page = signed_in(user("analyst")).get("/governance/registers/")
    assert b"not in register" not in page.content and b"ISA-POL" in page.content
