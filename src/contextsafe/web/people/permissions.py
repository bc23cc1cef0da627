"""Who may look up young people (what they then see is decided by purpose and organisation in access)."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import UserRole

READERS = {UserRole.ANALYST, UserRole.PRACTITIONER, UserRole.INFORMATION_PROVIDER, UserRole.PANEL_CHAIR}

RULES = {
    Kind.PERSON: {Action.VIEW: READERS, Action.SEARCH: READERS},
    Kind.BREAK_GLASS: {Action.CHANGE: {UserRole.PRACTITIONER, UserRole.PANEL_CHAIR}},
}
