"""The latest profile run: the full report for analysts and panel chairs, the redacted one for partners.

A profile is a self-contained HTML file; it is served with its own policy (no network at all, sandboxed)."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render

from contextsafe.web import store
from contextsafe.web.access import Action, Kind, Target, check, role_may

FILES = {Kind.PROFILE: "profile.html", Kind.PROFILE_REDACTED: "profile_redacted.html"}
REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"


def latest(kind: Kind) -> Path | None:
    """The newest ``profile.html`` (or redacted) under the workspace's outputs."""
    ws = store.workspace()
    if ws is None or not ws.outputs_dir.exists():
        return None
    found = sorted(ws.outputs_dir.rglob(FILES[kind]), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


@login_required
def index(request):  # noqa: ANN001, ANN201
    full = role_may(request.user.role, Target(Kind.PROFILE), Action.VIEW)
    check(request, Target(Kind.PROFILE if full else Kind.PROFILE_REDACTED), Action.VIEW, detail="index")
    return render(request, "profiles/index.html", {
        "full": latest(Kind.PROFILE) if full else None, "redacted": latest(Kind.PROFILE_REDACTED)})


@login_required
def report(request, which: str):  # noqa: ANN001, ANN201
    kind = {"full": Kind.PROFILE, "redacted": Kind.PROFILE_REDACTED}.get(which)
    if kind is None:
        return redirect("profiles:latest")
    path = latest(kind)
    check(request, Target(kind, path.parent.name if path else ""), Action.VIEW)
    if path is None:
        raise Http404("no profile has been run")
    response = FileResponse(path.open("rb"), content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = REPORT_POLICY
    return response
