"""Keep the agreement register in step with the store: every source's agreement has a register entry."""

from __future__ import annotations

from contextsafe.web import store
from contextsafe.web.governance.models import Dpia, SharingAgreement

DEMO_DPIA = "DPIA-CONTEXTSAFE-001"


def sync_agreements() -> int:
    """Add a register entry (pointing at the system's DPIA) for each source agreement not yet registered."""
    dpia, _ = Dpia.objects.get_or_create(reference=DEMO_DPIA,
                                         defaults={"title": "contextsafe: multi-agency contextual safeguarding"})
    added = 0
    for source in store.sources().values():
        _, created = SharingAgreement.objects.get_or_create(
            reference=source.agreement,
            defaults={"title": source.agreement, "parties": source.agency, "lawful_basis": source.legal_basis,
                      "dpia": dpia})
        added += created
    return added
