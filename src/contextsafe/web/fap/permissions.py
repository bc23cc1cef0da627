"""Fair Access Panel referrals: a school refers (and owns the referral, shared with the panel's partnership),
the panel chair decides; the data matrix of need (counts only) is for the panel and analysts."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import OrganisationKind, UserRole

R = UserRole
RULES = {
    Kind.FAP_REFERRAL: {
        Action.VIEW: {R.INFORMATION_PROVIDER, R.PANEL_CHAIR},
        Action.CHANGE: {R.INFORMATION_PROVIDER, R.PANEL_CHAIR},
        Action.EXPORT: {R.INFORMATION_PROVIDER, R.PANEL_CHAIR, R.ANALYST},  # the matrix CSV; one referral's PDF
        Action.SEARCH: {R.PANEL_CHAIR, R.ANALYST},  # the data matrix of need: counts across referrals
    },
}
NAVIGATION = [
    ("Fair Access referrals", "fap:list", Kind.FAP_REFERRAL, Action.VIEW),
    ("Matrix of need", "fap:matrix", Kind.FAP_REFERRAL, Action.SEARCH),
]

REFERRING = {OrganisationKind.SCHOOL}  # schools and alternative education providers
PANEL = {OrganisationKind.PARTNERSHIP}  # the organisation the Fair Access Panel sits in


def may_refer(user) -> bool:  # noqa: ANN001
    return user.role == R.INFORMATION_PROVIDER and getattr(user.organisation, "kind", "") in REFERRING


def may_edit_referral(user, document) -> bool:  # noqa: ANN001 - accounts.User, casework.CaseDocument
    """The referring school fills the form in until it submits it to the panel."""
    return document.status == "draft" and user.organisation_id == document.organisation_id and may_refer(user)


def may_decide(user, document) -> bool:  # noqa: ANN001
    """Only the panel's chair records the panel decision, and only on a submitted referral."""
    return user.role == R.PANEL_CHAIR and document.status == "submitted"
