"""While other apps of the shared tree are being built, a navigation entry may name a URL that does not exist yet;
keep only entries that resolve so these tests exercise this app alone."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def resolvable_navigation(monkeypatch):  # noqa: ANN001, ANN201
    from django.urls import NoReverseMatch, reverse

    from contextsafe.web import context

    found = context._app_navigation

    def resolvable() -> list:
        kept = []
        for entry in found():
            try:
                reverse(entry[1])
            except NoReverseMatch:
                continue
            kept.append(entry)
        return kept

    monkeypatch.setattr(context, "_app_navigation", resolvable)
