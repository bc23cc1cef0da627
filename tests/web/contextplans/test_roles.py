"""Every role against the app's pages: allowed (200) or refused (403), never an error; signed out: sign in."""

from __future__ import annotations

import pytest
from django.test import Client

from contextsafe.web.accounts.models import UserRole
from tests.web.accounts.factories import signed_in, user

pytestmark = pytest.mark.django_db
A, P, IP, C, D, M = ("analyst", "practitioner", "information_provider", "panel_chair", "auditor", "administrator")
EXPECTED = {
    "/contextplans/": {P, IP, C},
    "/contextplans/referrals/new/": {P, IP, C},
    "/contextplans/assessments/new/": {P, IP, C},
    "/contextplans/safety-maps/new/": {P, IP, C},
    "/contextplans/safety-maps/pooled/": {A, P, IP, C},
    "/contextplans/referrals/1/": set(),  # guessed: no such document
    "/contextplans/assessments/1/edit/": set(),
    "/contextplans/safety-maps/1/": set(),
}


@pytest.mark.parametrize("role", list(UserRole))
def test_role_against_every_page(role, analysis_store):
    client = signed_in(user(role))
    client.raise_request_exception = False
    got = {path: client.get(path).status_code for path in EXPECTED}
    assert got == {path: 200 if role in allowed else 403 for path, allowed in EXPECTED.items()}


def test_signed_out_visitors_are_sent_to_sign_in():
    for path in EXPECTED:
        response = Client().get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/sign-in/")
