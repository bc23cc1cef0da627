"""Peer group information requests: practitioners of the assessing services ask, schools and the youth service
answer, panel chairs may read. Per document, :mod:`contextsafe.web.access` checks the organisation (requester
owns the document, provider's organisation shares it) and that the stated purpose is assessment."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import OrganisationKind, UserRole

READERS = {UserRole.PRACTITIONER, UserRole.INFORMATION_PROVIDER, UserRole.PANEL_CHAIR}
WRITERS = {UserRole.PRACTITIONER, UserRole.INFORMATION_PROVIDER}

RULES = {Kind.PGI: {Action.VIEW: READERS, Action.CHANGE: WRITERS, Action.EXPORT: READERS}}
NAVIGATION = [("Peer group information", "pgi:list", Kind.PGI, Action.VIEW)]

# Appendix F: "participants requesting information and conducting assessment" and "participants providing
# information and receiving feedback post assessment".
REQUESTING = frozenset({OrganisationKind.SOCIAL_CARE, OrganisationKind.YOUTH_OFFENDING, OrganisationKind.CSE_SERVICE})
PROVIDING = frozenset({OrganisationKind.SCHOOL, OrganisationKind.YOUTH_SERVICE})


def may_request(user) -> bool:  # noqa: ANN001
    """A practitioner of children's social care, the youth offending service or the CSE service."""
    org = getattr(user, "organisation", None)
    return user.role == UserRole.PRACTITIONER and org is not None and org.kind in REQUESTING
