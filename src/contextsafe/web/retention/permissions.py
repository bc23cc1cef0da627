"""Retention is the data protection officer's."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import UserRole

RULES = {Kind.RETENTION: {Action.VIEW: {UserRole.AUDITOR}, Action.DELETE: {UserRole.AUDITOR}}}
