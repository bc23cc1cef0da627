"""Panel coordination is for the partnership's panel chairs and analysts. Which young people and contexts they
then see is decided per meeting by its information sharing terms and the purpose they have stated."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import UserRole

COORDINATORS = {UserRole.PANEL_CHAIR, UserRole.ANALYST}

RULES = {Kind.PANEL: {Action.VIEW: COORDINATORS, Action.CHANGE: COORDINATORS, Action.EXPORT: COORDINATORS}}

NAVIGATION = [("Panels", "panels:index", Kind.PANEL, Action.VIEW)]
