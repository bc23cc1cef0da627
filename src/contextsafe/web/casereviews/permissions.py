"""Case reviews are carried out by practitioners, panel chairs and analysts (the seed's analysts applied the
template themselves); a review opens only to its team (``CaseDocument.team``, checked in
:mod:`contextsafe.web.access`), which the review lead manages."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import UserRole

REVIEWERS = {UserRole.PRACTITIONER, UserRole.PANEL_CHAIR, UserRole.ANALYST}

RULES = {Kind.CASE_REVIEW: {action: REVIEWERS for action in (Action.VIEW, Action.SEARCH, Action.CHANGE,
                                                              Action.EXPORT)}}

NAVIGATION = [("Case reviews", "casereviews:list", Kind.CASE_REVIEW, Action.VIEW)]
