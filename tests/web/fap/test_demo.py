"""The demo's FAP referrals give the matrix of need content, seeded once."""

from __future__ import annotations

import pytest

from contextsafe.web.accounts.demo import create_demo_accounts
from contextsafe.web.casework.models import CaseDocument
from contextsafe.web.fap import demo, matrix

pytestmark = pytest.mark.django_db


def test_demo_seeds_referrals_for_the_matrix_once():
    demo.seed()
    assert not CaseDocument.objects.filter(kind="fap_referral").exists()
    create_demo_accounts()
    demo.seed()
    demo.seed()
    found = CaseDocument.objects.filter(kind="fap_referral")
    assert found.count() == len(demo.REFERRALS)
    assert set(found.values_list("status", flat=True)) == {"closed", "draft", "submitted"}
    referred = [r for r in demo.REFERRALS if r[9] != "draft"]
    need = matrix.build(found.exclude(status="draft").values_list("data", flat=True))
    assert need.referrals == len(referred)
    assert need.peer_on_peer == sum(1 for r in referred if r[7])
    assert sum(n for n, _ in need.receiving.values()) == sum(1 for r in referred if r[9] == "decided")
