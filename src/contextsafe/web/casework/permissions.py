"""Default rules for every casework kind: the roles that do casework may view, change and export documents
(their organisation, team and purpose are then checked per document in :mod:`contextsafe.web.access`).
A workflow app's own ``RULES`` for its kind replace these action by action (it is merged later)."""

from contextsafe.web.access import CASEWORK, Action
from contextsafe.web.accounts.models import UserRole

CASEWORKERS = {UserRole.PRACTITIONER, UserRole.INFORMATION_PROVIDER, UserRole.PANEL_CHAIR}

RULES = {kind: {Action.VIEW: CASEWORKERS, Action.CHANGE: CASEWORKERS, Action.EXPORT: CASEWORKERS}
         for kind in CASEWORK}
