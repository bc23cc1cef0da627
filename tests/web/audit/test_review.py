"""Flagged entries (break-glass, consent override) are reviewed by the auditor; the review sits beside the log."""

from __future__ import annotations

import pytest

from contextsafe.web.audit.log import record_event, verify_chain
from contextsafe.web.audit.models import AuditEntry, ReviewFlag
from tests.web.accounts.factories import signed_in, user

pytestmark = pytest.mark.django_db


def test_auditor_marks_a_flagged_entry_reviewed_once():
    flagged = record_event(user("practitioner"), "view", "person", "P-CAL", reason="urgent", flagged=True)
    auditor = signed_in(user("auditor"))
    assert b"Mark reviewed" in auditor.get("/audit/?flagged=on").content
    auditor.post(f"/audit/{flagged.pk}/review/", {"conclusion": "Justified: immediate risk"})
    auditor.post(f"/audit/{flagged.pk}/review/", {"conclusion": "A second opinion"})
    review = ReviewFlag.objects.get()
    assert review.entry == flagged and review.conclusion == "Justified: immediate risk"
    assert b"Reviewed by" in auditor.get("/audit/?flagged=on").content
    assert AuditEntry.objects.filter(action="change", kind="audit_log", ident=str(flagged.pk)).count() == 2
    assert verify_chain().intact


def test_only_flagged_entries_and_only_auditors():
    plain = record_event(user(), "view", "person", "P-AMARA")
    assert signed_in(user("auditor")).post(f"/audit/{plain.pk}/review/", {"conclusion": "fine"}).status_code == 404
    flagged = record_event(user(), "view", "person", "P-CAL", flagged=True)
    assert signed_in(user("panel_chair")).post(f"/audit/{flagged.pk}/review/",
                                                {"conclusion": "fine"}).status_code == 403
    assert not ReviewFlag.objects.exists()
