"""Contextual assessments belong to practitioners' organisations: practitioners write them; the organisations they
are shared with (and panel chairs of an owning or sharing organisation) read and print them. Only the owning
organisation changes one (checked in the views with :func:`contextsafe.web.assessments.service.owned`)."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import UserRole

READERS = {UserRole.PRACTITIONER, UserRole.PANEL_CHAIR, UserRole.INFORMATION_PROVIDER}

RULES = {
    Kind.ASSESSMENT: {Action.VIEW: READERS, Action.SEARCH: READERS, Action.EXPORT: READERS,
                      Action.CHANGE: {UserRole.PRACTITIONER}},
}

NAVIGATION = [("Assessments", "assessments:list", Kind.ASSESSMENT, Action.VIEW)]
