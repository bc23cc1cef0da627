"""The data protection officer's retention page: what is past retention (records, events, lapsed memberships,
old outputs) and casework documents whose review date has passed, and removing them (logged)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from contextsafe.web import store
from contextsafe.web.access import Action, Kind, Target, check
from contextsafe.web.retention import reviews
from contextsafe.web.retention.expiry import due
from contextsafe.web.retention.logged import delete_and_log, unlist_and_log


@login_required
def due_list(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.RETENTION), Action.VIEW)
    ws = store.workspace()
    today = store.today()
    return render(request, "retention/due.html", {
        "items": due(ws, today) if ws else [], "workspace": ws, "today": today,
        "lapsed": list(reviews.lapsed(today)), "undated": list(reviews.undated(today))})


@require_POST
@login_required
def delete(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.RETENTION), Action.DELETE)
    ws = store.workspace()
    today = store.today()
    store.release()  # this request's read connection would block the write
    items = delete_and_log(ws, request.user, today) if ws else []
    unlisted = unlist_and_log(today, request.user)
    messages.info(request, f"Deleted {sum(i.count for i in items):,} rows and files past retention and took "
                           f"{len(unlisted)} lapsed casework listing(s) off; logged.")
    return redirect("retention:due")
