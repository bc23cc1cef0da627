"""The start page and the error pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from contextsafe.web.access import Action, Kind, Target, role_may


@login_required
def home(request):  # noqa: ANN001, ANN201
    return render(request, "home.html")


def forbidden(request, exception=None):  # noqa: ANN001, ANN201
    """Refused. On a young person's record, a role that may break glass is offered the way to do so."""
    match = getattr(request, "resolver_match", None)
    glass = ""
    user = getattr(request, "user", None)
    if match and match.view_name == "people:detail" and user and user.is_authenticated and \
            role_may(user.role, Target(Kind.BREAK_GLASS), Action.CHANGE):
        glass = reverse("people:break-glass", kwargs=match.kwargs)
    return render(request, "403.html", {"reason": str(exception or ""), "break_glass_url": glass}, status=403)


def not_found(request, exception=None):  # noqa: ANN001, ANN201
    return render(request, "404.html", status=404)
