"""CSRF: a POST without the token to every create and edit endpoint of the workflow and partnership apps is refused
(403, Django's CSRF failure) and changes nothing, even from a user who may make the change; with the token the
same client's POST reaches the view."""

from __future__ import annotations

import pytest
from django.apps import apps

from contextsafe.web.accounts.models import OrganisationKind, UserRole
from contextsafe.web.audit.models import AuditEntry
from contextsafe.web.casework.models import CaseDocument
from tests.web.accounts.factories import organisation, signed_in, user
from tests.web.casework.factories import document
from tests.web.security.test_idor import CASEWORK_APPS

pytestmark = pytest.mark.django_db
APPS = ("casework", "hsb", "fap", "localaudit", "panels", "doccheck", "pgi", "concerns", "assessments", "casereviews",
        "contextplans", "casenotes")
NEW = {"hsb": "/hsb/new/", "fap": "/fap/new/", "pgi": "/pgi/new/", "concerns": "/concerns/new/",
       "assessments": "/assessments/new/", "casereviews": "/casereviews/new/",
       "context referral": "/contextplans/referrals/new/", "context assessment": "/contextplans/assessments/new/",
       "safety map": "/contextplans/safety-maps/new/", "casenotes": "/casenotes/new/"}
FORM = {"title": "Changed", "name": "Changed", "reason": "Changed", "what": "Changed", "text": "Changed",
        "young_person": "Changed", "partnership": "Changed", "lead": "Changed", "submit": "1", "send": "1"}


def snapshot() -> dict:
    """Row counts of every model of the apps, each casework document's version and data, the audit log's length."""
    counts = {m._meta.label: m.objects.count() for label in APPS if apps.is_installed(f"contextsafe.web.{label}")
              for m in apps.get_app_config(label).get_models()}
    documents = {d.pk: (d.version, d.status, d.title, d.data) for d in CaseDocument.objects.all()}
    return {"counts": counts, "documents": documents, "audit": AuditEntry.objects.count()}


def assert_csrf_refused(client, urls: list[str]) -> None:  # noqa: ANN001
    before = snapshot()
    wrong = {}
    for url in urls:
        response = client.post(url, FORM)
        if response.status_code != 403 or b"CSRF" not in response.content:
            wrong[url] = response.status_code
    assert wrong == {}, f"POSTs without the CSRF token not refused: {wrong}"
    assert snapshot() == before


def with_token(client, url: str):  # noqa: ANN001, ANN201
    client.get(url)
    return client.post(url, {**FORM, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


@pytest.mark.parametrize("app", list(CASEWORK_APPS))
def test_casework_app_posts_without_token(analysis_store, app):
    kind, role, org_kind, urls, posts = CASEWORK_APPS[app]
    owner = user(role, organisation(kind=org_kind, sources=["csc_referrals", "pgi_forms"]))
    record = document(owner, kind=str(kind), data={"answer": "synthetic"})
    client = signed_in(owner, "assessment", enforce_csrf_checks=True)
    assert_csrf_refused(client, [NEW[app], *[u.format(pk=record.pk) for u in urls + posts]])
    assert with_token(client, NEW[app]).status_code != 403


def test_local_audit_posts_without_token():
    from contextsafe.web.localaudit import questions as q
    from contextsafe.web.localaudit.models import Audit

    org = organisation(kind=OrganisationKind.PARTNERSHIP)
    chair = user(UserRole.PANEL_CHAIR, org)
    audit = Audit.objects.create(organisation=org, created_by=chair, partnership="Synthetic", lead="Lead",
                                 period_start="2026-01-01", period_end="2026-03-31")
    pk, silo = audit.pk, audit.silos()[0][0]
    client = signed_in(chair, enforce_csrf_checks=True)
    assert_csrf_refused(client, ["/localaudit/new/", f"/localaudit/{pk}/edit/", f"/localaudit/{pk}/review/",
                                 f"/localaudit/{pk}/matrix/{silo}/{q.LEVELS[0][0]}/", f"/localaudit/{pk}/findings/",
                                 f"/localaudit/{pk}/observations/meeting/new/", f"/localaudit/{pk}/forums/new/"])
    assert with_token(client, f"/localaudit/{pk}/edit/").status_code != 403


def test_panels_and_document_checks_posts_without_token(analysis_store):
    from contextsafe.web.doccheck.models import CheckSet
    from contextsafe.web.panels.models import Meeting

    org = organisation(kind=OrganisationKind.PARTNERSHIP)
    chair = user(UserRole.PANEL_CHAIR, org)
    meeting = Meeting.objects.create(organisation=org, created_by=chair, name="MASE", type="mase", purposes=[])
    check_set = CheckSet.objects.create(name="Set", organisation=org, created_by=chair)
    client = signed_in(chair, enforce_csrf_checks=True)
    assert_csrf_refused(client, ["/panels/new/", f"/panels/{meeting.pk}/edit/", "/doccheck/new/",
                                 f"/doccheck/{check_set.pk}/recheck/", "/doccheck/rules/edit/"])
    assert with_token(client, "/panels/new/").status_code != 403


def test_state_changing_endpoints_refuse_get(analysis_store):
    """CSRF protection covers POST only, so no GET may change anything: every POST-only endpoint answers 405."""
    from contextsafe.web.doccheck.models import CheckSet

    social_care = organisation(kind=OrganisationKind.SOCIAL_CARE, sources=["csc_referrals", "pgi_forms"])
    owner = user(UserRole.PRACTITIONER, social_care)
    school = user(UserRole.INFORMATION_PROVIDER, organisation(kind=OrganisationKind.SCHOOL))
    chair = user(UserRole.PANEL_CHAIR, organisation(kind=OrganisationKind.PARTNERSHIP))
    hsb, assessment, review, referral, note = (document(owner, kind=k, data={"actions": [{"id": 1}]}) for k in (
        "hsb_meeting", "contextual_assessment", "case_review", "context_referral", "case_note"))
    fap = document(school, kind="fap_referral")
    check_set = CheckSet.objects.create(name="Set", organisation=chair.organisation, created_by=chair)
    cases = [(owner, [f"/hsb/{hsb.pk}/actions/1/rag/", f"/hsb/{hsb.pk}/review/",
                      f"/assessments/{assessment.pk}/submit/", f"/casereviews/{review.pk}/complete/",
                      f"/contextplans/referrals/{referral.pk}/actions/1/status/",
                      f"/contextplans/referrals/{referral.pk}/agree-plan/", f"/casenotes/{note.pk}/suggestions/1/"]),
             (school, [f"/fap/{fap.pk}/submit/"]), (chair, [f"/doccheck/{check_set.pk}/recheck/"])]
    before = snapshot()
    wrong = {}
    for who, urls in cases:
        client = signed_in(who)
        wrong.update({url: status for url in urls if (status := client.get(url).status_code) != 405})
    assert wrong == {}
    assert {**snapshot(), "audit": 0} == {**before, "audit": 0}
