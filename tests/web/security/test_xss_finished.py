"""Stored XSS through every free-text field of the HSB, Fair Access, local audit, panels and document check forms:
each field gets its own payload through the real form, and every page that shows the record (list, detail,
print, history, reports, the audit log) must show it escaped."""

from __future__ import annotations

import pytest

from contextsafe.web.accounts.models import OrganisationKind, UserRole
from contextsafe.web.fap import form as fap_forms
from contextsafe.web.hsb import forms as hsb_forms
from contextsafe.web.hsb.factors import CONTEXTS
from contextsafe.web.hsb.models import MeetingAction
from contextsafe.web.localaudit import forms as la_forms
from contextsafe.web.localaudit import questions as q
from contextsafe.web.localaudit.models import Audit, Observation
from contextsafe.web.panels.forms import MeetingForm
from tests.web.accounts.factories import organisation, signed_in, user
from tests.web.security.helpers import assert_escaped, elsewhere, fetch, fill, pk_from

pytestmark = pytest.mark.django_db


def test_hsb_meeting_every_text_field(analysis_store):
    social_care = organisation(kind=OrganisationKind.SOCIAL_CARE)
    client = signed_in(user(UserRole.PRACTITIONER, social_care), "assessment")
    tags: dict[str, str] = {}
    pk = pk_from(client.post("/hsb/new/", fill(hsb_forms.AgendaForm(), tags, "agenda")))
    for context, _ in CONTEXTS:
        form = hsb_forms.ContextRowForm(context)
        response = client.post(f"/hsb/{pk}/context/{context}/", fill(form, tags, f"table.{context}"))
        assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(f"/hsb/{pk}/actions/new/", fill(hsb_forms.ActionForm(), tags, "action"))
    assert response.status_code == 302
    action = MeetingAction.objects.get(document_id=pk)
    rag = fill(hsb_forms.RagForm(), tags, "rag", prefix=f"a{action.pk}-", base={f"a{action.pk}-rag": "amber"})
    assert client.post(f"/hsb/{pk}/actions/{action.pk}/rag/", rag).status_code == 302
    pages = fetch(client, ["/hsb/", f"/hsb/{pk}/", f"/hsb/{pk}/agenda/", f"/casework/{pk}/print/",
                           f"/casework/{pk}/history/", f"/hsb/{pk}/context/peer/"])
    pages.update(fetch(signed_in(user(UserRole.PANEL_CHAIR), "assessment"), ["/hsb/trends/"]))
    pages.update(fetch(signed_in(user(UserRole.AUDITOR)), ["/audit/"]))
    pages.update(elsewhere(client))
    assert_escaped(pages, tags)


def test_fap_referral_every_section_and_decision(analysis_store):
    school = organisation(kind=OrganisationKind.SCHOOL)
    panel = organisation(kind=OrganisationKind.PARTNERSHIP)
    client = signed_in(user(UserRole.INFORMATION_PROVIDER, school), "assessment")
    tags: dict[str, str] = {}
    pk = pk_from(client.post("/fap/new/", fill(fap_forms.ReferralForm(), tags, "referral")))
    for section, form_class in fap_forms.SECTION_FORMS.items():
        if section in ("referral", "decision"):
            continue
        response = client.post(f"/fap/{pk}/{section}/", fill(form_class(), tags, section))
        assert response.status_code == 302, (section, response.content.decode()[:2000])
    assert client.post(f"/fap/{pk}/submit/").status_code == 302
    chair = signed_in(user(UserRole.PANEL_CHAIR, panel), "assessment")
    response = chair.post(f"/fap/{pk}/decision/", fill(fap_forms.DecisionForm(), tags, "decision"))
    assert response.status_code == 302, response.content.decode()[:2000]
    pages = fetch(client, ["/fap/", f"/fap/{pk}/", f"/casework/{pk}/print/", f"/casework/{pk}/history/"])
    pages.update(fetch(chair, ["/fap/", f"/fap/{pk}/", "/fap/matrix/"]))
    pages.update(fetch(signed_in(user(UserRole.AUDITOR)), ["/audit/"]))
    pages.update(elsewhere(client))
    assert_escaped(pages, tags)


def test_local_audit_every_text_field():
    partnership = organisation(kind=OrganisationKind.PARTNERSHIP)
    client = signed_in(user(UserRole.PANEL_CHAIR, partnership), "assessment")
    tags: dict[str, str] = {}
    period = {"period_start": "2026-01-01", "period_end": "2026-03-31"}
    pk = pk_from(client.post("/localaudit/new/", fill(la_forms.AuditForm(), tags, "audit", base=period)))

    audit = Audit.objects.get(pk=pk)
    silos = audit.silos()
    silo = silos[0][0]
    for level in (q.LEVELS[0][0], q.LOWEST):
        form = la_forms.CellForm(silos=silos, silo=silo, lowest=level == q.LOWEST)
        response = client.post(f"/localaudit/{pk}/matrix/{silo}/{level}/", fill(form, tags, f"cell.{level}"))
        assert response.status_code == 302, response.content.decode()[:2000]
    assert client.post(f"/localaudit/{pk}/review/", fill(la_forms.ReviewForm(), tags, "review")).status_code == 302
    for kind in Observation.Type.values:
        form = la_forms.ObservationForm(type=kind)
        response = client.post(f"/localaudit/{pk}/observations/{kind}/new/", fill(form, tags, f"obs.{kind}"))
        assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(f"/localaudit/{pk}/forums/new/", fill(la_forms.ForumForm(), tags, "forum"))
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(f"/localaudit/{pk}/findings/", fill(la_forms.FindingsForm(), tags, "findings"))
    assert response.status_code == 302, response.content.decode()[:2000]
    pages = fetch(client, ["/localaudit/", f"/localaudit/{pk}/", f"/localaudit/{pk}/report/",
                           f"/localaudit/{pk}/report/print/", f"/localaudit/{pk}/edit/",
                           *[f"/localaudit/{pk}/matrix/{silo}/{level}/" for level in (q.LEVELS[0][0], q.LOWEST)]])
    pages.update(fetch(signed_in(user(UserRole.AUDITOR)), [f"/localaudit/{pk}/report/", "/audit/"]))
    pages.update(elsewhere(client))
    assert_escaped(pages, tags)


def test_panel_meeting_every_text_field(analysis_store):
    partnership = organisation(kind=OrganisationKind.PARTNERSHIP)
    client = signed_in(user(UserRole.PANEL_CHAIR, partnership), "assessment")
    tags: dict[str, str] = {}
    data = fill(MeetingForm(), tags, "meeting", base={"purposes": ["assessment"]})
    pk = pk_from(client.post("/panels/new/", data))
    pages = fetch(client, ["/panels/", f"/panels/{pk}/", f"/panels/{pk}/edit/", "/panels/overlap/",
                           "/panels/overlap/print/"])
    pages.update(elsewhere(client))
    assert_escaped(pages, tags)


def test_document_check_name_and_rules_note():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from contextsafe.web.doccheck.forms import RulesForm, UploadForm
    from contextsafe.web.doccheck.service import current_rules

    chair = user(UserRole.PANEL_CHAIR, organisation(kind=OrganisationKind.PARTNERSHIP))
    client = signed_in(chair, "assessment")
    tags: dict[str, str] = {}
    body = b"Contextual safeguarding strategy.\n\n<script>alert(doc)</script> Peer groups and schools are assessed.\n"
    data = fill(UploadForm(), tags, "upload")
    data["files"] = [SimpleUploadedFile("strategy.txt", body, "text/plain")]
    pk = pk_from(client.post("/doccheck/new/", data))
    _, text = current_rules()
    rules = fill(RulesForm(), tags, "rules", skip=["text"], base={"text": text})
    response = client.post("/doccheck/rules/edit/", rules)
    assert response.status_code == 302, response.content.decode()[:2000]
    from contextsafe.web.doccheck.models import UploadedDocument

    doc = UploadedDocument.objects.get(check_set_id=pk)
    pages = fetch(client, ["/doccheck/", f"/doccheck/{pk}/", f"/doccheck/{pk}/print/",
                           f"/doccheck/{pk}/documents/{doc.pk}/", "/doccheck/rules/", "/doccheck/rules/1/"])
    pages.update(elsewhere(client))
    assert_escaped(pages, tags)
    assert "<script>alert(doc)" not in pages[f"/doccheck/{pk}/documents/{doc.pk}/"]  # the document's own text too
