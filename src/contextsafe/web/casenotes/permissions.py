"""Case notes: practitioners and information providers write them and decide what they suggest; panel chairs may
read. Per note, :mod:`contextsafe.web.access` checks the organisation (owner or sharing), the team and that the
stated purpose is the one the note was recorded under."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import UserRole

READERS = {UserRole.PRACTITIONER, UserRole.INFORMATION_PROVIDER, UserRole.PANEL_CHAIR}
WRITERS = {UserRole.PRACTITIONER, UserRole.INFORMATION_PROVIDER}

RULES = {Kind.CASE_NOTE: {Action.VIEW: READERS, Action.CHANGE: WRITERS, Action.EXPORT: READERS}}
NAVIGATION = [("Case notes", "casenotes:list", Kind.CASE_NOTE, Action.VIEW)]
