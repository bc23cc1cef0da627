"""The real police data as community-safety sources, declared the way an analyst would declare them.

The mappings are ordinary YAML source mappings (see :mod:`contextsafe.sources.mapping`) shipped in
``mappings/``; the data files stay in the open data folder and are named at ingest time.
"""

from __future__ import annotations

from pathlib import Path

from contextsafe.errors import ContextsafeError
from contextsafe.geo.files import check_borough, open_data_dir

MAPPINGS_DIR = Path(__file__).resolve().parent / "mappings"

# mapping name -> file stem in the open data folder (the file is <stem>_<borough>.csv)
POLICE_SOURCES: dict[str, str] = {
    "police_api_street_crime": "police_api_street_crime",
    "police_street_crime_burglary": "police_street_crime_burglary",
    "police_stop_and_search": "police_stop_and_search",
}


def mapping_path(name: str) -> Path:
    """Path of the shipped mapping ``name`` (with or without ``.yaml``), e.g. ``"police_stop_and_search"``."""
    stem = name.removesuffix(".yaml")
    path = MAPPINGS_DIR / f"{stem}.yaml"
    if not path.is_file():
        raise ContextsafeError(f"no shipped mapping {name!r}: choose one of {', '.join(sorted(POLICE_SOURCES))}")
    return path


def open_data_sources(borough: str) -> list[tuple[Path, Path]]:
    """(mapping, data file) pairs that exist for ``borough``, ready for ``ingest_file``.

    Hackney has no API street-crime file (README §2), so it gets two pairs; Camden and Islington three.
    """
    key = check_borough(borough)
    folder = open_data_dir()
    pairs = []
    for name, stem in POLICE_SOURCES.items():
        data = folder / f"{stem}_{key}.csv"
        if data.is_file():
            pairs.append((mapping_path(name), data))
    return pairs
