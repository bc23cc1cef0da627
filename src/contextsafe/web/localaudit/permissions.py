"""The local audit is the partnership's: its panel chairs and analysts write it, auditors read it. An audit
belongs to the organisation that started it (auditors see every organisation's), checked in the views."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import UserRole

EDITORS = {UserRole.PANEL_CHAIR, UserRole.ANALYST}
READERS = EDITORS | {UserRole.AUDITOR}

RULES = {Kind.LOCAL_AUDIT: {Action.VIEW: READERS, Action.CHANGE: EDITORS, Action.EXPORT: READERS}}

NAVIGATION = [("Local audit", "localaudit:index", Kind.LOCAL_AUDIT, Action.VIEW)]
