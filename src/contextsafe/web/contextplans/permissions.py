"""Who may refer a context, hold its conference and plan, assess contexts and map young people's safety.

Each document is then checked per record (owning or invited organisation, team, the purpose it was collected
for) in :mod:`contextsafe.web.access`. The pooled safety map is an aggregate without names: analysts may see it
for profiling as well."""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import UserRole

CASEWORKERS = {UserRole.PRACTITIONER, UserRole.INFORMATION_PROVIDER, UserRole.PANEL_CHAIR}
CASEWORK = {Action.VIEW: CASEWORKERS, Action.CHANGE: CASEWORKERS, Action.EXPORT: CASEWORKERS}

RULES = {
    Kind.CONTEXT_REFERRAL: CASEWORK,
    Kind.CONTEXT_ASSESSMENT: CASEWORK,
    Kind.SAFETY_MAP: {**CASEWORK, Action.SEARCH: CASEWORKERS | {UserRole.ANALYST}},
}

NAVIGATION = [
    ("Context plans", "contextplans:index", Kind.CONTEXT_REFERRAL, Action.VIEW),
    ("Pooled safety maps", "contextplans:pooled", Kind.SAFETY_MAP, Action.SEARCH),
]
