"""Who may look up contexts (peer groups, schools, places, homes)."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import UserRole

READERS = {UserRole.ANALYST, UserRole.PRACTITIONER, UserRole.INFORMATION_PROVIDER, UserRole.PANEL_CHAIR}

RULES = {Kind.CONTEXT: {Action.VIEW: READERS, Action.SEARCH: READERS}}
