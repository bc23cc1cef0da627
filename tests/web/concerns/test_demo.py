"""The demo concerns: one with each outcome and one awaiting a decision, idempotent, with no store."""

from __future__ import annotations

import pytest

from contextsafe.web.accounts.demo import create_demo_accounts
from contextsafe.web.casework.models import CaseDocument
from contextsafe.web.concerns import demo as concerns_demo

pytestmark = pytest.mark.django_db


def test_demo_concerns_have_each_outcome():
    create_demo_accounts()
    concerns_demo.seed()
    concerns_demo.seed()
    outcomes = sorted((d.data.get("decision") or {}).get("outcome", "awaiting")
                      for d in CaseDocument.objects.filter(kind="child_concern"))
    assert outcomes == ["awaiting", "early_help", "manage_internally", "refer_social_care", "report_police"]
