"""Every role against the case review and assessment pages that name no document (200 or 403, nothing else)."""

from __future__ import annotations

import pytest

from contextsafe.web.accounts.models import UserRole
from tests.web.accounts.factories import signed_in, user

pytestmark = pytest.mark.django_db
A, P, IP, C, D, M = ("analyst", "practitioner", "information_provider", "panel_chair", "auditor", "administrator")
EXPECTED = {
    "/assessments/": {P, IP, C},
    "/assessments/new/": {P},
    "/casereviews/": {A, P, C},
    "/casereviews/new/": {A, P, C},
    "/casereviews/analysis/": {A, P, C},
    "/casereviews/analysis.csv": {A, P, C},
    "/casereviews/analysis.xlsx": {A, P, C},
}


@pytest.mark.parametrize("role", list(UserRole))
def test_role_against_the_pages(role):
    client = signed_in(user(role))
    client.raise_request_exception = False
    wrong = {path: status for path, allowed in EXPECTED.items()
             if (status := client.get(path).status_code) != (200 if role in allowed else 403)}
    assert wrong == {}
    assert client.get("/casereviews/analysis.pdf").status_code in (403, 404)
