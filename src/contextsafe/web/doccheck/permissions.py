"""Strategic document checks are partnership work, not personal data: panel chairs, analysts and auditors
upload and read them; the rules are read by those and administrators, and changed by panel chairs and
administrators (every change kept as a version)."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import UserRole

# The rules of the checks are guarded as their own kind of record (access.Kind has no member for them yet).
RULES_KIND = Kind.DOCUMENT_CHECK_RULES

CHECKERS = {UserRole.PANEL_CHAIR, UserRole.ANALYST, UserRole.AUDITOR}
RULE_EDITORS = {UserRole.PANEL_CHAIR, UserRole.ADMINISTRATOR}

RULES = {
    Kind.DOCUMENT_CHECK: {Action.VIEW: CHECKERS, Action.CHANGE: CHECKERS, Action.EXPORT: CHECKERS},
    RULES_KIND: {Action.VIEW: CHECKERS | {UserRole.ADMINISTRATOR}, Action.CHANGE: RULE_EDITORS},
}

NAVIGATION = [
    ("Document checks", "doccheck:index", Kind.DOCUMENT_CHECK, Action.VIEW),
    ("Check rules", "doccheck:rules", RULES_KIND, Action.CHANGE),
]
