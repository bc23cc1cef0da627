"""Create, version, find and print casework documents. Views of the workflow apps call these and never write
``CaseDocument`` or ``CaseVersion`` rows themselves, so every save is a version and an audit entry."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404, HttpResponse

from contextsafe.web.audit.log import record_event
from contextsafe.web.casework.models import CaseDocument, CaseVersion, Status


def plain(data: Mapping[str, Any]) -> dict[str, Any]:
    """Form data as JSON values (dates as ISO strings, sets as sorted lists, model instances as their pk)."""
    return json.loads(json.dumps(dict(data), default=_json_default))


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value, key=str)
    if hasattr(value, "pk"):
        return value.pk
    return str(value)


def changes(before: Mapping[str, Any], after: Mapping[str, Any], prefix: str = "") -> list[dict[str, Any]]:
    """The fields whose value differs, nested dicts as dotted names: ``[{field, before, after}]``."""
    found = []
    for key in sorted(set(before) | set(after), key=str):
        old, new = before.get(key), after.get(key)
        name = f"{prefix}{key}"
        if isinstance(old, dict) and isinstance(new, dict):
            found += changes(old, new, f"{name}.")
        elif old != new:
            found.append({"field": name, "before": old, "after": new})
    return found


@transaction.atomic
def create(kind: str, user, title: str, data: Mapping[str, Any], *, purpose: str = "assessment",  # noqa: ANN001
           agreement=None, person_id: str = "", context_key: str = "", review_on: dt.date | None = None,  # noqa: ANN001
           reason: str = "", shared_with: Iterable = (), status: str = Status.DRAFT,
           organisation=None) -> CaseDocument:  # noqa: ANN001
    """A new document owned by the user's organisation (version 1), with its audit entry."""
    document = CaseDocument.objects.create(
        kind=str(kind), title=title, organisation=organisation or user.organisation, created_by=user,
        status=status, purpose=str(purpose), agreement=agreement, person_id=person_id, context_key=context_key,
        review_on=review_on, reason=reason, data={}, version=0)
    if shared_with:
        document.shared_with.set(list(shared_with))
    save(document, user, data, status=status, note="created")
    return document


@transaction.atomic
def save(document: CaseDocument, user, data: Mapping[str, Any], *, status: str | None = None,  # noqa: ANN001
         note: str = "") -> CaseVersion:
    """Store ``data`` as the next version (recording which fields changed) and write the audit entry."""
    data = plain(data)
    diff = changes(document.data or {}, data)
    document.version += 1
    document.data = data
    if status:
        document.status = status
    document.save()
    version = CaseVersion.objects.create(document=document, number=document.version, status=document.status,
                                         data=data, changes=diff, changed_by=user, note=note[:500])
    record_event(user, "change", document.kind, str(document.pk), purpose=document.purpose,
                 agreements=document.agreement.reference if document.agreement else "",
                 detail=f"version {version.number} ({document.status}): {len(diff)} field(s) changed"
                        + (f"; {note}" if note else ""))
    return version


def visible(user, kind: str, purpose: str | None) -> QuerySet[CaseDocument]:  # noqa: ANN001
    """Documents of ``kind`` the user's organisation owns or shares, collected for the stated purpose."""
    if not purpose or not getattr(user, "organisation_id", None):
        return CaseDocument.objects.none()
    org = user.organisation_id
    return (CaseDocument.objects.filter(kind=str(kind), purpose=purpose)
            .filter(Q(organisation_id=org) | Q(shared_with__id=org)).distinct()
            .select_related("organisation", "created_by", "agreement"))


def print_pdf(html: str) -> bytes | None:
    """The printable page as PDF, printed by Debian's headless Chromium (None when it is not installed)."""
    from contextsafe.profile.exports import print_pdf as chromium_pdf

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "document.html"
        page.write_text(html, encoding="utf-8")
        out = chromium_pdf(page, Path(tmp) / "document.pdf")
        return out.read_bytes() if out else None


# Printable pages are self-contained: their own inline style, no script, nothing fetched.
PRINT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def print_response(html: str) -> HttpResponse:
    """A printable page, served with the policy that lets its inline style (and nothing else) run."""
    response = HttpResponse(html)
    response["Content-Security-Policy"] = PRINT_POLICY
    return response


def pdf_response(html: str, filename: str) -> HttpResponse:
    """The printable page as a PDF download (404 with the reason when Chromium is not installed)."""
    content = print_pdf(html)
    if content is None:
        raise Http404("PDF printing needs Debian's chromium (scripts/system-packages.sh installs it)")
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
