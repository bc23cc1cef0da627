"""Organisations, users and signed-in clients for tests."""

from __future__ import annotations

import itertools

from django.test import Client

from contextsafe.web.accounts.models import Organisation, User, UserRole

PASSWORD = "correct horse battery staple"  # noqa: S105 - test only
_n = itertools.count()

ORG_SOURCES = {
    UserRole.PRACTITIONER: ["csc_referrals", "pgi_forms"],
    UserRole.INFORMATION_PROVIDER: ["school_exclusions"],
}
FIRST_PURPOSE = {UserRole.ANALYST: "profiling", UserRole.PRACTITIONER: "assessment",
                 UserRole.INFORMATION_PROVIDER: "assessment", UserRole.PANEL_CHAIR: "assessment",
                 UserRole.AUDITOR: "audit", UserRole.ADMINISTRATOR: "audit"}


def organisation(name: str | None = None, sources: list[str] | None = None, kind: str = "social_care") -> Organisation:
    return Organisation.objects.create(name=name or f"Organisation {next(_n)}", kind=kind, sources=sources or [])


def user(role: str = UserRole.PRACTITIONER, org: Organisation | None = None, username: str | None = None) -> User:
    org = org or organisation(sources=ORG_SOURCES.get(role, []))
    made = User(username=username or f"{role}-{next(_n)}", role=role, organisation=org)
    made.set_password(PASSWORD)
    made.save()
    return made


def signed_in(who: User, purpose: str | None = "default", **client_kwargs) -> Client:  # noqa: ANN003
    """A client signed in as ``who`` (password and TOTP already passed) with a stated purpose."""
    client = Client(**client_kwargs)
    client.force_login(who)
    if purpose:
        session = client.session
        session["purpose"] = FIRST_PURPOSE[who.role] if purpose == "default" else purpose
        session.save()
    return client
