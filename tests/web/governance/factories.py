"""Sharing decisions and agreements for tests."""

from __future__ import annotations

from contextsafe.web.governance.models import SharingAgreement, SharingDecision


def agreement(reference: str = "ISA-CSC") -> SharingAgreement:
    return SharingAgreement.objects.get_or_create(reference=reference, defaults={"title": reference})[0]


def decision(by, recipient, **fields) -> SharingDecision:  # noqa: ANN001, ANN003
    values = {"decision": "share", "what": "Peer group form for P-AMARA", "purpose": "assessment",
              "lawful_basis": "Children Act 2004 s.11", "reason": "Risk of exploitation", **fields}
    return SharingDecision.objects.create(made_by=by, organisation=by.organisation, recipient=recipient, **values)


def form(recipient, **fields) -> dict:  # noqa: ANN001, ANN003
    return {"decision": "share", "recipient": recipient.pk, "what": "Peer group form", "purpose": "assessment",
            "lawful_basis": "Children Act 2004 s.11", "reason": "Risk of exploitation", **fields}
