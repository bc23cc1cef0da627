"""What every page of the app does first: ask the access module, open the document, refuse wrong states."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from contextsafe.web.access import Action, Kind, Target, check
from contextsafe.web.audit.log import record_event
from contextsafe.web.casework.models import CaseDocument, Status


def open_document(request, kind: Kind, pk: int, action: Action, detail: str = "") -> CaseDocument:  # noqa: ANN001
    """The document, after :func:`check` allowed this user and purpose (refused: 403 and an audit entry)."""
    check(request, Target(kind, str(pk)), action, detail=detail)
    return get_object_or_404(CaseDocument.objects.select_related("organisation", "created_by", "agreement"),
                             pk=pk, kind=str(kind))


def refuse(request, document: CaseDocument, why: str) -> None:  # noqa: ANN001
    """Acting on a document in the wrong state: recorded as a refusal and answered with a 403, never ignored."""
    record_event(request.user, "change", document.kind, str(document.pk), allowed=False, reason=why,
                 purpose=document.purpose)
    raise PermissionDenied(why)


def refuse_if_closed(request, document: CaseDocument) -> None:  # noqa: ANN001
    if document.status == Status.CLOSED:
        refuse(request, document, "the document is closed")


def organisations_of(document: CaseDocument) -> list:
    from contextsafe.web.accounts.models import Organisation

    return list(Organisation.objects.filter(pk__in=document.organisation_ids()).order_by("name"))


def require_assessment(request, kind: Kind) -> str:  # noqa: ANN001
    """New context casework is collected for assessment only (never for profiling or intelligence)."""
    purpose = request.session.get("purpose") or ""
    if purpose != "assessment":
        record_event(request.user, "change", str(kind), allowed=False, purpose=purpose,
                     reason=f"context casework is collected for assessment, not {purpose or 'no purpose'}")
        raise PermissionDenied("Context referrals, assessments and safety maps are collected for assessment: "
                               "state that purpose to start one.")
    return purpose
