"""Reference geography in the workspace, and placing records and events on it.

The real open data (boundaries, postcode positions, schools, bus stops) is copied into the workspace
store so every later stage — linkage on postcode district, hotspots by LSOA, schools as contexts —
joins against the same version, and so a profile can be reproduced without the shared folder.
"""

from contextsafe.reference.load import ReferenceSummary, load_reference
from contextsafe.reference.place import PlacementSummary, place_locations, resolve_schools

__all__ = ["PlacementSummary", "ReferenceSummary", "load_reference", "place_locations", "resolve_schools"]
