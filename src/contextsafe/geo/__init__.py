"""The real open geography of Camden, Hackney and Islington, and its police data as sources.

Everything here reads the shared open data folder (``../shared/data`` beside the repository, or
``$CONTEXTSAFE_OPEN_DATA``): postcode positions for geocoding agency exports, schools and bus stops as
contexts, ward and 2011 LSOA boundaries for placing events, and police.uk street crime and stop and
search as community-safety layers. Files are read once per process and cached.

Coordinates are WGS84 degrees; functions take and return ``(latitude, longitude)`` in that order,
while shapely geometries are, as always, ``(x=longitude, y=latitude)``.
"""

from contextsafe.geo.areas import Area, AreaLookup, Level, load_areas, random_points_in
from contextsafe.geo.files import BOROUGHS, open_data_dir, verify_open_data
from contextsafe.geo.geocode import Geocoder
from contextsafe.geo.sources import mapping_path, open_data_sources
from contextsafe.geo.tables import load_bus_stops, load_postcodes, load_schools

__all__ = [
    "BOROUGHS",
    "Area",
    "AreaLookup",
    "Geocoder",
    "Level",
    "load_areas",
    "load_bus_stops",
    "load_postcodes",
    "load_schools",
    "mapping_path",
    "open_data_dir",
    "open_data_sources",
    "random_points_in",
    "verify_open_data",
]
