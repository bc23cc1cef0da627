"""One demo account per role (and per kind of practitioner and information provider) over the demo borough."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from contextsafe.web.accounts.models import Organisation, OrganisationKind, User, UserRole

K = OrganisationKind
ORGANISATIONS = {
    "partnership": ("Camden Safeguarding Children Partnership", K.PARTNERSHIP, []),
    "social_care": ("Camden Children's Social Care", K.SOCIAL_CARE,
                    ["csc_referrals", "mase_list", "hsb_meetings", "marac_list", "pgi_forms"]),
    "youth_offending": ("Camden Youth Offending Service", K.YOUTH_OFFENDING,
                        ["yos_caseload", "gangs_panel", "pgi_forms"]),
    "cse_service": ("Camden CSE Service", K.CSE_SERVICE, ["mase_list", "pgi_forms"]),
    "youth_service": ("Camden Youth Service", K.YOUTH_SERVICE, ["pgi_forms", "asb_callouts"]),
    "school": ("Camden schools (secondary)", K.SCHOOL, ["school_exclusions", "fap_referrals",
                                                        "children_missing_education"]),
    "health": ("Royal Free London NHS Foundation Trust", K.HEALTH, ["ae_youth_workers"]),
    "transport": ("Transport for London", K.TRANSPORT, ["bus_incidents", "travel_card_withdrawals"]),
}
R = UserRole
ACCOUNTS = [
    ("analyst", R.ANALYST, "partnership"),
    ("practitioner_social_care", R.PRACTITIONER, "social_care"),
    ("practitioner_youth_offending", R.PRACTITIONER, "youth_offending"),
    ("practitioner_cse", R.PRACTITIONER, "cse_service"),
    ("practitioner_youth_service", R.PRACTITIONER, "youth_service"),
    ("provider_school", R.INFORMATION_PROVIDER, "school"),
    ("provider_youth_service", R.INFORMATION_PROVIDER, "youth_service"),
    ("provider_health", R.INFORMATION_PROVIDER, "health"),
    ("provider_transport", R.INFORMATION_PROVIDER, "transport"),
    ("panel_chair", R.PANEL_CHAIR, "partnership"),
    ("auditor", R.AUDITOR, "partnership"),
    ("administrator", R.ADMINISTRATOR, "partnership"),
]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    organisation: str
    totp_secret: str


def create_demo_accounts() -> list[DemoAccount]:
    """Create (or refresh) the demo organisations and accounts; each run sets new random passwords."""
    orgs = {key: Organisation.objects.update_or_create(name=name, defaults={"kind": kind, "sources": sources})[0]
            for key, (name, kind, sources) in ORGANISATIONS.items()}
    made = []
    for username, role, org in ACCOUNTS:
        user, _ = User.objects.update_or_create(username=username, defaults={
            "role": role, "organisation": orgs[org], "is_staff": False, "locked_until": None, "failed_attempts": 0})
        password = "-".join(secrets.token_hex(3) for _ in range(4))  # 27 characters, not in any deny-list
        user.set_password(password)
        user.save()
        made.append(DemoAccount(username, password, role, orgs[org].name, user.totp_secret))
    return made
