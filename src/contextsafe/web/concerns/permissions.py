"""Child-on-child concerns (Keeping Children Safe in Education): a school's designated safeguarding lead records
them (information providers of a school); organisations the school shares one with (children's social care on
a referral) and panel chairs of an organisation it is shared with may read it. Per document,
:mod:`contextsafe.web.access` checks the organisation and that the stated purpose is assessment."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import OrganisationKind, UserRole

READERS = {UserRole.INFORMATION_PROVIDER, UserRole.PRACTITIONER, UserRole.PANEL_CHAIR}

RULES = {Kind.CHILD_CONCERN: {Action.VIEW: READERS, Action.CHANGE: {UserRole.INFORMATION_PROVIDER},
                              Action.EXPORT: READERS}}
NAVIGATION = [("Child-on-child concerns", "concerns:list", Kind.CHILD_CONCERN, Action.VIEW)]


def may_record(user) -> bool:  # noqa: ANN001
    """An information provider of a school records concerns between its pupils."""
    org = getattr(user, "organisation", None)
    return user.role == UserRole.INFORMATION_PROVIDER and org is not None and org.kind == OrganisationKind.SCHOOL
