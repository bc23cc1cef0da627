"""Template context: the navigation a user's role may use."""

from __future__ import annotations

import os

from django.urls import NoReverseMatch, reverse

from contextsafe.web.access import Action, Kind, Target, role_may

NAVIGATION = [
    ("Young people", "people:search", Kind.PERSON, Action.SEARCH),
    ("Contexts", "contexts:search", Kind.CONTEXT, Action.SEARCH),
    ("Profile", "profiles:latest", Kind.PROFILE_REDACTED, Action.VIEW),
    ("Sharing", "governance:sharing", Kind.SHARING, Action.VIEW),
    ("Registers", "governance:registers", Kind.REGISTER, Action.VIEW),
    ("Audit log", "audit:log", Kind.AUDIT_LOG, Action.VIEW),
    ("Retention", "retention:due", Kind.RETENTION, Action.VIEW),
]


def _app_navigation() -> list:
    """Entries the workflow apps declare as ``NAVIGATION`` in their ``permissions.py`` (same tuple shape)."""
    import importlib

    from contextsafe.web.access import APPS_WITH_RULES

    found = []
    for app in APPS_WITH_RULES:
        found += getattr(importlib.import_module(f"contextsafe.web.{app}.permissions"), "NAVIGATION", [])
    return found


def navigation(request) -> dict:  # noqa: ANN001
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"navigation": [], "purpose": None}
    items = []
    for label, name, kind, action in NAVIGATION + _app_navigation():
        if role_may(user.role, Target(kind), action):
            try:
                items.append((label, reverse(name)))
            except NoReverseMatch:  # an app declares its entry before its page exists (tests list every page)
                continue
    return {"navigation": items, "purpose": request.session.get("purpose"),
            "as_of": os.environ.get("CONTEXTSAFE_AS_OF", "")}
