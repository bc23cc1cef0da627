"""The demo's HSB meetings: a meeting and its review with actions of every colour, seeded once."""

from __future__ import annotations

import pytest

from contextsafe.web.accounts.demo import create_demo_accounts
from contextsafe.web.casework.models import CaseDocument
from contextsafe.web.hsb import demo, meetings
from contextsafe.web.hsb.models import MeetingAction

pytestmark = pytest.mark.django_db


def test_demo_seeds_a_meeting_its_review_and_trends_once():
    demo.seed()  # no demo accounts yet: nothing, and no error
    assert not CaseDocument.objects.filter(kind="hsb_meeting").exists()
    create_demo_accounts()
    demo.seed()
    demo.seed()
    found = CaseDocument.objects.filter(kind="hsb_meeting")
    assert found.count() == 3
    review = found.get(data__review_of__isnull=False)
    first = found.get(pk=review.data["review_of"])
    assert set(MeetingAction.objects.values_list("rag", flat=True)) == {"red", "amber", "green"}
    shift = meetings.shift(first, review)
    assert shift.continuum_change == "de-escalated" and shift.added and shift.removed and shift.rag_changes
    assert {w.context for w in meetings.warnings(first)} == {"family"}
    assert meetings.warnings(review) == []
    assert meetings.trends(found)["meetings"] == 3
