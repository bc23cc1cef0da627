"""Every role against every view, including guessed URLs: allowed (200) or refused (403), nothing else.

The expected table is written out by hand from the permission declarations and the tiny store: a
practitioner's organisation provides csc_referrals and pgi_forms, an information provider's school_exclusions.
"""

from __future__ import annotations

import pytest

from contextsafe.web.accounts.models import UserRole
from contextsafe.web.audit.models import AuditEntry
from tests.web.accounts.factories import signed_in, user

A, P, IP, C, D, M = ("analyst", "practitioner", "information_provider", "panel_chair", "auditor", "administrator")
EVERY = {A, P, IP, C, D, M}
READERS = {A, P, IP, C}

EXPECTED = {  # path -> roles that get 200; every other role gets 403 (404 rows are listed in NOT_FOUND)
    "/": EVERY,
    "/people/": READERS,
    "/people/?q=jones": READERS,
    "/people/P-AMARA/": {A, P, C},  # the school holds no record of Amara
    "/people/P-BEN/": {A, P, IP, C},
    "/people/P-CAL/": {A, C},  # police only: outside the practitioner's and provider's organisations
    "/people/P-GUESSED-999/": set(),
    "/people/P-AMARA/break-glass/": {P, C},
    "/contexts/": READERS,
    "/contexts/?q=hill": READERS,
    "/contexts/school:1/": READERS,
    "/contexts/peer_group:PG1/": {P, C},  # assessment-only peer group information: no analyst
    "/contexts/home:GUESSED/": set(),
    "/profiles/": READERS,
    "/profiles/latest/full/": {A, C},
    "/profiles/latest/redacted/": READERS,
    "/governance/registers/": EVERY,
    "/governance/sharing/": {A, P, IP, C, D},
    "/governance/sharing/new/": {A, P, IP, C},
    "/audit/": {D},
    "/audit/export.csv": {D},
    "/retention/": {D},
    "/accounts/admin/": {M},
    # Practitioner workflows: lists and forms (each document is then checked by organisation, team and purpose).
    "/casework/1/history/": set(),  # a guessed document number
    "/pgi/": {P, IP, C},
    "/pgi/new/": {P},
    "/pgi/999/": set(),
    "/concerns/": {P, IP, C},
    "/concerns/new/": set(),  # schools only: the test provider's organisation is not a school
    "/assessments/": {P, IP, C},
    "/assessments/new/": {P},
    "/casereviews/": {A, P, C},
    "/casereviews/new/": {A, P, C},
    "/casereviews/analysis/": {A, P, C},
    "/hsb/": {P, IP, C},
    "/hsb/new/": {P},
    "/hsb/trends/": {C},
    "/hsb/999/": set(),
    "/fap/": {IP, C},
    "/fap/new/": set(),  # schools only
    "/fap/matrix/": {A, C},
    "/contextplans/": {P, IP, C},
    "/contextplans/referrals/new/": {P, IP, C},
    "/contextplans/assessments/new/": {P, IP, C},
    "/contextplans/safety-maps/new/": {P, IP, C},
    "/contextplans/safety-maps/pooled/": READERS,  # counts only, from three maps up
    "/casenotes/": {P, IP, C},
    "/casenotes/new/": {P, IP},
    # Partnership view.
    "/localaudit/": {A, C, D},
    "/localaudit/new/": {A, C},
    "/localaudit/999/": set(),
    "/panels/": {A, C},
    "/panels/new/": {A, C},
    "/panels/overlap/": {A, C},
    "/doccheck/": {A, C, D},
    "/doccheck/new/": {A, C, D},
    "/doccheck/rules/": {A, C, D, M},
    "/doccheck/rules/edit/": {C, M},
}
NOT_FOUND = ["/admin/", "/people/P-AMARA/edit/", "/audit/1/delete/", "/static/web/../../settings/base.py"]


@pytest.fixture
def profile_run(analysis_store):  # noqa: ANN001, ANN201
    run = analysis_store.outputs_dir / "profile-1"
    run.mkdir(parents=True)
    (run / "profile.html").write_text("full")
    (run / "profile_redacted.html").write_text("redacted")


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(UserRole))
def test_role_against_every_view(role, analysis_store, profile_run):
    who = user(role)
    client = signed_in(who)
    client.raise_request_exception = False
    wrong = {}
    for path, allowed in EXPECTED.items():
        status = client.get(path).status_code
        if status != (200 if role in allowed else 403):
            wrong[path] = status
    for path in NOT_FOUND:
        if client.get(path).status_code not in (400, 404):  # a traversal attempt is a 400
            wrong[path] = "neither 400 nor 404"
    assert wrong == {}
    refusals = sum(1 for allowed in EXPECTED.values() if role not in allowed)
    assert AuditEntry.objects.filter(username=who.username, outcome="refused").count() == refusals


@pytest.mark.django_db
def test_signed_out_visitor_is_sent_to_sign_in(analysis_store):
    from django.test import Client

    for path in EXPECTED:
        response = Client().get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/sign-in/")
