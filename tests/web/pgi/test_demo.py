"""The demo examples: every state shown, idempotent, with the tiny store and with none."""

from __future__ import annotations

import pytest

from contextsafe.web.accounts.demo import create_demo_accounts
from contextsafe.web.pgi import demo
from contextsafe.web.pgi.models import PgiNotification, PgiRequest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("with_store", [True, False])
def test_demo_requests_in_every_state(request, with_store):
    if with_store:
        request.getfixturevalue("analysis_store")
    create_demo_accounts()
    demo.seed()
    demo.seed()
    states = sorted(PgiRequest.objects.values_list("state", flat=True))
    assert states == ["answered", "answered", "feedback_given", "requested"]
    unread = PgiNotification.objects.filter(recipient__username="practitioner_youth_offending", read_at__isnull=True)
    assert unread.filter(message__contains="updated their answer").count() == 1
    linked = PgiRequest.objects.exclude(document__person_id="").count()
    assert (linked > 0) == with_store  # people of the store when there is one, synthetic names otherwise

