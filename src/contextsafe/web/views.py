"""The start page and the error pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from contextsafe.web.access import Action, Kind, Target, role_may


@login_required
def home(request):  # noqa: ANN001, ANN201
    return render(request, "home.html")


# Refusals that depend on whether a record exists, whose it is or whose team holds it (access.decide and the apps'
# own checks of a record by number): all read alike, so a refusal page tells nothing about records the user may not
# open. The specific reason stays in the audit log. Reasons given once the user may see the record (a step in the
# wrong state, "collected for assessment; not available for profiling" to its own organisation) are shown.
RECORD_REFUSALS = frozenset({"no such record", "record belongs to another organisation",
                             "record is restricted to its team", "record not visible to this user for this purpose"})
RECORD_REFUSED = "You cannot open this record, or it does not exist. Your attempt has been recorded."


def is_record_refusal(reason: str) -> bool:
    """Whether a refusal's reason would tell whether, or whose, a record is (any 'record …' reason, to be safe)."""
    return reason in RECORD_REFUSALS or reason.startswith("record ")


def forbidden(request, exception=None):  # noqa: ANN001, ANN201
    """Refused. A refusal of a record reads the same whatever the reason (:data:`RECORD_REFUSALS`). On a young
    person's record, a role that may break glass is offered the way to do so."""
    match = getattr(request, "resolver_match", None)
    glass = ""
    user = getattr(request, "user", None)
    if match and match.view_name == "people:detail" and user and user.is_authenticated and \
            role_may(user.role, Target(Kind.BREAK_GLASS), Action.CHANGE):
        glass = reverse("people:break-glass", kwargs=match.kwargs)
    reason = str(exception or "")
    refused = RECORD_REFUSED if is_record_refusal(reason) else ""
    return render(request, "403.html", {"reason": "" if refused else reason, "record_refused": refused,
                                        "break_glass_url": glass}, status=403)


def not_found(request, exception=None):  # noqa: ANN001, ANN201
    return render(request, "404.html", status=404)
