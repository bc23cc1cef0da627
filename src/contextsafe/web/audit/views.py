"""The auditor's view of the log: search, export (CSV) and the chain's verification."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from contextsafe.web.access import Action, Kind, Target, check
from contextsafe.web.audit.forms import AuditSearchForm, ReviewForm
from contextsafe.web.audit.log import verify_chain
from contextsafe.web.audit.models import AuditEntry, ReviewFlag

PAGE = 200
FIELDS = ["id", "at", "username", "organisation", "role", "action", "kind", "ident", "purpose", "agreements",
          "outcome", "reason", "detail", "flagged", "prev_hash", "hash"]


@login_required
def log(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.AUDIT_LOG), Action.SEARCH)
    form = AuditSearchForm(request.GET or None)
    entries = form.filter(AuditEntry.objects.select_related("review").order_by("-id"))[:PAGE]
    return render(request, "audit/log.html", {"form": form, "entries": entries, "chain": verify_chain(),
                                              "query": request.GET.urlencode()})


@require_POST
@login_required
def review(request, pk: int):  # noqa: ANN001, ANN201
    """Record that a flagged (break-glass or override) entry has been reviewed, with the conclusion."""
    check(request, Target(Kind.AUDIT_LOG, str(pk)), Action.CHANGE, detail=f"review of entry {pk}")
    entry = get_object_or_404(AuditEntry, pk=pk, flagged=True)
    form = ReviewForm(request.POST)
    if form.is_valid() and not ReviewFlag.objects.filter(entry=entry).exists():
        ReviewFlag.objects.create(entry=entry, reviewed_by=request.user.username,
                                  conclusion=form.cleaned_data["conclusion"])
        messages.info(request, f"Entry {pk} marked as reviewed.")
    else:
        messages.info(request, f"Entry {pk} was not marked: give a conclusion (an entry is reviewed once).")
    return redirect(f"{reverse('audit:log')}?flagged=on")


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
