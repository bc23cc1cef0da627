"""Nicknames and diminutives of English given names ("Bill" is "William", "Sam" is Samuel or Samantha).

The table is a two-column CSV (``name,nickname``). The synthetic-borough generator ships its own
(``contextsafe/synth/data/nicknames.csv``, columns name, alias[, kind]); when it is present it is
merged with ours, so a diminutive the generator uses is always one the linker knows.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path

_OWN_TABLE = "nicknames.csv"
_SYNTH_PACKAGE = "contextsafe.synth"


def _read_pairs(path: Path) -> list[tuple[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    pairs = [(r[0].strip().lower(), r[1].strip().lower()) for r in rows[1:] if len(r) >= 2]
    return [(a, b) for a, b in pairs if a and b and a != b]


def _tables() -> list[Path]:
    paths = [Path(str(resources.files("contextsafe.link").joinpath(_OWN_TABLE)))]
    try:
        synth = resources.files(_SYNTH_PACKAGE)
    except ModuleNotFoundError:
        return paths
    for folder in (synth, synth.joinpath("data")):
        if folder.is_dir():
            paths += [Path(str(p)) for p in folder.iterdir() if "nickname" in p.name and p.name.endswith(".csv")]
    return paths


@lru_cache(maxsize=1)
def name_groups() -> dict[str, tuple[str, ...]]:
    """Map each known name or diminutive to the formal names it may stand for, sorted.

    >>> name_groups()["bill"]
    ('william',)
    >>> name_groups()["sam"]
    ('samantha', 'samuel')
    """
    groups: dict[str, set[str]] = defaultdict(set)
    for path in _tables():
        for name, nickname in _read_pairs(path):
            groups[nickname].add(name)
            groups[name].add(name)
    return {name: tuple(sorted(formal)) for name, formal in groups.items()}
