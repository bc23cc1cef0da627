"""Who may read and export the audit log."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import UserRole

RULES = {
    Kind.AUDIT_LOG: {
        Action.VIEW: {UserRole.AUDITOR},
        Action.SEARCH: {UserRole.AUDITOR},
        Action.EXPORT: {UserRole.AUDITOR},
        Action.CHANGE: {UserRole.AUDITOR},  # record that a flagged entry was reviewed (beside the log)
    },
}
