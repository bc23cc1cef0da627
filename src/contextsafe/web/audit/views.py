"""The auditor's view of the log: search, export (CSV) and the chain's verification."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from contextsafe.web.access import Action, Kind, Target, check
from contextsafe.web.audit.forms import AuditSearchForm
from contextsafe.web.audit.log import verify_chain
from contextsafe.web.audit.models import AuditEntry

PAGE = 200
FIELDS = ["id", "at", "username", "organisation", "role", "action", "kind", "ident", "purpose", "agreements",
          "outcome", "reason", "detail", "flagged", "prev_hash", "hash"]


@login_required
def log(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.AUDIT_LOG), Action.SEARCH)
    form = AuditSearchForm(request.GET or None)
    entries = form.filter(AuditEntry.objects.order_by("-id"))[:PAGE]
    return render(request, "audit/log.html", {"form": form, "entries": entries, "chain": verify_chain(),
                                              "query": request.GET.urlencode()})


@login_required
def export(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.AUDIT_LOG), Action.EXPORT)
    form = AuditSearchForm(request.GET or None)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
    writer = csv.writer(response)
    writer.writerow(FIELDS)
    for entry in form.filter(AuditEntry.objects.order_by("id")).values_list(*FIELDS).iterator():
        writer.writerow([_safe_cell(v) for v in entry])
    return response


def _safe_cell(value: object) -> object:
    """No spreadsheet formulas in an export (a cell starting = + - @ is prefixed with ')."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
