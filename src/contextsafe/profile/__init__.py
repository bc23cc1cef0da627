"""The contextual problem profile: peer groups, schools, public spaces and families, under one purpose.

Typical use::

    result = build_profile(Workspace.open("ws"), Purpose.PROFILING, Path("ws/outputs/profile"))
    result.report             # profile.html: the analyst's version (personal data, under the purpose)
    result.partner_report     # profile_redacted.html: no names, DOBs, addresses; small counts hidden
    result.excluded           # sources whose mapping does not permit the purpose, with the reason
    result.equality_warnings  # over-represented groups, to read before acting on any list

Every count is a count or a fact with its evidence and source; no child is given a score. The partner
version is written only after :func:`check_output` finds none of the input's names, dates of birth,
postcodes, record identifiers, addresses, exact locations or small counts in it.
"""

from contextsafe.profile.leaks import RedactionLeakError, Secrets, check_output, collect_secrets, secrets_from
from contextsafe.profile.run import ProfileResult, ProfileSettings, build_profile
from contextsafe.profile.suppress import SUPPRESSED, CountTable, hidden_cells, suppress

__all__ = [
    "SUPPRESSED",
    "CountTable",
    "ProfileResult",
    "ProfileSettings",
    "RedactionLeakError",
    "Secrets",
    "build_profile",
    "check_output",
    "collect_secrets",
    "hidden_cells",
    "secrets_from",
    "suppress",
]
