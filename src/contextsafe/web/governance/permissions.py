"""Registers are open to every role to read; sharing decisions belong to the two organisations they concern."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import UserRole

EVERY_ROLE = set(UserRole)
SHARERS = {UserRole.PRACTITIONER, UserRole.INFORMATION_PROVIDER, UserRole.PANEL_CHAIR, UserRole.ANALYST}

RULES = {
    Kind.REGISTER: {Action.VIEW: EVERY_ROLE, Action.CHANGE: {UserRole.AUDITOR, UserRole.ADMINISTRATOR}},
    Kind.SHARING: {Action.VIEW: SHARERS | {UserRole.AUDITOR}, Action.CHANGE: SHARERS},
}

# Roles holding the consent override (also grantable per user as governance.override_consent).
CONSENT_OVERRIDE = {UserRole.PANEL_CHAIR}


def _sharing_owners(ident: str) -> set[int]:
    from contextsafe.web.governance.models import SharingDecision

    row = SharingDecision.objects.filter(pk=int(ident) if ident.isdigit() else -1).values(
        "organisation_id", "recipient_id").first()
    return {row["organisation_id"], row["recipient_id"]} if row else set()


OWNERS = {Kind.SHARING: _sharing_owners}


def may_override_consent(user) -> bool:  # noqa: ANN001
    return user.role in CONSENT_OVERRIDE or user.has_perm("governance.override_consent")
