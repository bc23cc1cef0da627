"""HSB multi-agency planning meetings: led by children's social care, shared with the organisations attending;
trend data (counts only) for the chairs of the CSE (MASE) and gangs panels."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import OrganisationKind, UserRole

R = UserRole
RULES = {
    Kind.HSB_MEETING: {
        Action.VIEW: {R.PRACTITIONER, R.INFORMATION_PROVIDER, R.PANEL_CHAIR},
        Action.CHANGE: {R.PRACTITIONER, R.PANEL_CHAIR},
        Action.EXPORT: {R.PRACTITIONER, R.INFORMATION_PROVIDER, R.PANEL_CHAIR},
        Action.SEARCH: {R.PANEL_CHAIR},  # the trend page: aggregate counts across every meeting, no names
    },
}
NAVIGATION = [
    ("HSB meetings", "hsb:list", Kind.HSB_MEETING, Action.VIEW),
    ("HSB trends", "hsb:trends", Kind.HSB_MEETING, Action.SEARCH),
]

# "HSB meetings should be led and coordinated by children and young people's services" (appendix L, section 5).
CONVENING = {OrganisationKind.SOCIAL_CARE}


def may_convene(user) -> bool:  # noqa: ANN001
    """Whether the user's organisation may open a new HSB meeting record (it then owns it)."""
    return user.role == R.PRACTITIONER and getattr(user.organisation, "kind", "") in CONVENING
