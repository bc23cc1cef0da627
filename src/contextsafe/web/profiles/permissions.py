"""The full profile is for the partnership's analysts and panel chairs; partners get the redacted one."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import UserRole

FULL = {UserRole.ANALYST, UserRole.PANEL_CHAIR}
PARTNERS = {UserRole.PRACTITIONER, UserRole.INFORMATION_PROVIDER}

RULES = {
    Kind.PROFILE: {Action.VIEW: FULL},
    Kind.PROFILE_REDACTED: {Action.VIEW: FULL | PARTNERS},
}
