"""History (who changed what), print and PDF of any casework document, checked against its kind's rules."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string, select_template

from contextsafe.web.access import Action, Kind, Target, check, stated_purpose
from contextsafe.web.audit.log import record_event
from contextsafe.web.casework.documents import pdf_response, print_response
from contextsafe.web.casework.models import CaseDocument


def _document(request, pk: int, action: Action, detail: str = "") -> CaseDocument:  # noqa: ANN001
    kind = CaseDocument.objects.filter(pk=pk).values_list("kind", flat=True).first()
    if kind is None or kind not in Kind.__members__.values():
        # Refused and audited exactly like someone else's document, so guessing numbers tells nothing.
        record_event(request.user, str(action), "casework", str(pk), allowed=False, reason="no such record",
                     detail=detail, purpose=stated_purpose(request) or "")
        raise PermissionDenied("no such record")
    check(request, Target(Kind(kind), str(pk)), action, detail=detail)
    return get_object_or_404(CaseDocument.objects.select_related("organisation", "created_by", "agreement"), pk=pk)


@login_required
def history(request, pk: int):  # noqa: ANN001, ANN201
    document = _document(request, pk, Action.VIEW, detail="history")
    versions = document.versions.select_related("changed_by").order_by("-number")
    return render(request, "casework/history.html", {"document": document, "versions": versions})


def printable(document: CaseDocument) -> str:
    """The self-contained printable page (inline style, no scripts, nothing fetched)."""
    template = select_template([f"casework/print/{document.kind}.html", "casework/print/generic.html"])
    body = template.render({"document": document, "data": document.data})
    return render_to_string("casework/print/page.html", {"document": document, "body": body})


@login_required
def print_view(request, pk: int):  # noqa: ANN001, ANN201
    return print_response(printable(_document(request, pk, Action.VIEW, detail="print")))


@login_required
def pdf(request, pk: int):  # noqa: ANN001, ANN201
    document = _document(request, pk, Action.EXPORT, detail="pdf")
    return pdf_response(printable(document), f"{document.kind}-{document.pk}-v{document.version}.pdf")
