"""Name lists (London-like, by cultural naming tradition) and the nickname / spelling-variant table.

Both are package data written for the project (no downloads). The nickname table is public so the
linker can use the same knowledge the generator used to make noise.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Naming tradition -> (share of young people, DfE ethnicity codes with weights). London-like, Camden-ish.
GROUPS: dict[str, tuple[float, dict[str, float]]] = {
    "white_british": (0.29, {"WBRI": 1.0}),
    "white_irish": (0.03, {"WIRI": 1.0}),
    "white_other": (0.14, {"WOTH": 0.9, "WROM": 0.1}),
    "black_african": (0.10, {"BAFR": 1.0}),
    "black_caribbean": (0.04, {"BCRB": 1.0}),
    "bangladeshi": (0.10, {"ABAN": 1.0}),
    "south_asian_other": (0.05, {"AIND": 0.55, "APKN": 0.45}),
    "chinese_se_asian": (0.04, {"CHNE": 0.6, "AOTH": 0.4}),
    "turkish_kurdish": (0.03, {"WOTH": 0.5, "OOTH": 0.5}),
    "arab": (0.04, {"OOTH": 1.0}),
    "mixed": (0.14, {"MWBC": 0.35, "MWBA": 0.25, "MWAS": 0.2, "MOTH": 0.2}),
}
# Surnames of a mixed-heritage family come from one of these traditions.
MIXED_SURNAMES = ("white_british", "black_caribbean", "black_african", "white_other", "white_irish")


@dataclass(frozen=True)
class Names:
    first: dict[tuple[str, str], tuple[str, ...]]  # (group, sex) -> given names
    family: dict[str, tuple[str, ...]]  # group -> family names
    aliases: dict[str, tuple[str, ...]]  # given name -> nicknames and spelling variants


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("contextsafe.synth").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def load_names() -> Names:
    """The packaged name lists."""
    first = {(r["group"], r["sex"]): tuple(r["names"].split()) for r in _rows("names_first.csv")}
    family = {r["group"]: tuple(r["names"].split()) for r in _rows("names_family.csv")}
    family["mixed"] = tuple(n for g in MIXED_SURNAMES for n in family[g])
    return Names(first, family, load_nicknames())


@cache
def load_nicknames() -> dict[str, tuple[str, ...]]:
    """Given name -> its nicknames and spelling variants (e.g. ``Joanne -> ('Jo',)``)."""
    table: dict[str, list[str]] = {}
    for row in _rows("nicknames.csv"):
        aliases = table.setdefault(row["name"], [])
        if row["alias"] not in aliases:
            aliases.append(row["alias"])
    return {k: tuple(v) for k, v in table.items()}


def nickname_table() -> list[tuple[str, str, str]]:
    """Rows (name, alias, kind) of the packaged table, for the linker."""
    return [(r["name"], r["alias"], r["kind"]) for r in _rows("nicknames.csv")]
