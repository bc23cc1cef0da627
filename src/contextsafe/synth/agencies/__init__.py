"""One module per family of agency exports; :data:`EXPORTS` lists them all in writing order."""

from contextsafe.synth.agencies.base import Export, Table
from contextsafe.synth.agencies.care import CARE_EXPORTS
from contextsafe.synth.agencies.community import COMMUNITY_EXPORTS
from contextsafe.synth.agencies.education import EDUCATION_EXPORTS
from contextsafe.synth.agencies.police import POLICE_EXPORTS

EXPORTS: tuple[Export, ...] = (*POLICE_EXPORTS, *CARE_EXPORTS, *EDUCATION_EXPORTS, *COMMUNITY_EXPORTS)

__all__ = ["EXPORTS", "Export", "Table"]
