"""What an export is: its files, its rate of events, and a generator of rows with their true persons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from contextsafe.synth.noise import Identity, postcode_style
from contextsafe.synth.world import World
from contextsafe.synth.writers import FIXED_TIME, Cell

# A row for one table of the export, and the (record_id, person index) of each person record it starts.
Row = tuple[str, list[Cell], list[tuple[str, int]]]
Generate = Callable[[World, np.random.Generator, int], Iterator[Row]]


@dataclass(frozen=True)
class Table:
    """One file of an export."""

    source: str  # the mapping's source name (also the ground truth's)
    file: str
    header: tuple[str, ...]
    encoding: str = "utf-8"
    title: str | None = None  # a stray row above the header
    blank_rate: float = 0.0
    groups: tuple[tuple[str, int], ...] | None = None  # merged group row above an XLSX header
    sheet: str = "Sheet1"

    @property
    def is_xlsx(self) -> bool:
        return self.file.endswith(".xlsx")


@dataclass(frozen=True)
class Export:
    """A generator of events recorded by one agency, written to one or more tables."""

    name: str
    tables: tuple[Table, ...]
    rate: float  # events per young person in the borough
    generate: Generate
    minimum: int = 20

    def events(self, young_people: int) -> int:
        return max(self.minimum, round(self.rate * young_people))


def title(system: str) -> str:
    return f"Export generated {FIXED_TIME:%d/%m/%Y %H:%M} by {system}"


def dmy(d: dt.date | None) -> str | None:
    return None if d is None else f"{d:%d/%m/%Y}"


def dmy_hm(d: dt.datetime) -> str:
    return f"{d:%d/%m/%Y %H:%M}"


def iso(d: dt.date | None) -> str | None:
    return None if d is None else d.isoformat()


def iso_hm(d: dt.datetime) -> str:
    return f"{d:%Y-%m-%d %H:%M}"


def d_mon_yy(d: dt.date) -> str:
    return f"{d.day}-{d:%b-%y}"


def d_mon_yy_hm(d: dt.datetime) -> str:
    return f"{d.day}-{d:%b-%y %H:%M}"


def dd_mon_yyyy(d: dt.date | None) -> str | None:
    return None if d is None else f"{d:%d %b %Y}"


def code(sex: str | None, codes: Sequence[str]) -> str:
    """Agency sex code from (male, female, unknown) codes."""
    return codes[0] if sex == "male" else codes[1] if sex == "female" else codes[2]


def postcode(ident: Identity, rng: np.random.Generator) -> str | None:
    return postcode_style(ident.postcode, rng.random())


def pick(rng: np.random.Generator, options: Sequence[str]) -> str:
    return options[int(rng.integers(len(options)))]


def school_name(world: World, person: int, rng: np.random.Generator, blank: float = 0.1) -> str | None:
    """The school as a clerk writes it: usually its name, sometimes shortened, sometimes blank."""
    s = int(world.pop.school[person])
    if s < 0 or rng.random() < blank:
        return None
    name = str(world.geo.schools["name"][s])
    if rng.random() < 0.15:
        name = name.replace("School", "").replace("The ", "").replace("  ", " ").strip()
    return name


def school_urn(world: World, person: int) -> str | None:
    s = int(world.pop.school[person])
    return None if s < 0 else str(world.geo.schools["urn"][s])


# Agency ethnicity codes from the DfE codes held in the ground truth.
POLICE_IC = {"WBRI": "IC1", "WIRI": "IC1", "WOTH": "IC2", "WROM": "IC2", "BAFR": "IC3", "BCRB": "IC3",
             "ABAN": "IC4", "AIND": "IC4", "APKN": "IC4", "CHNE": "IC5", "AOTH": "IC5", "OOTH": "IC6",
             "MWBC": "IC3", "MWBA": "IC3", "MWAS": "IC4", "MOTH": "IC1"}
NHS = {"WBRI": "A", "WIRI": "B", "WOTH": "C", "WROM": "C", "MWBC": "D", "MWBA": "E", "MWAS": "F", "MOTH": "G",
       "AIND": "H", "APKN": "J", "ABAN": "K", "AOTH": "L", "BCRB": "M", "BAFR": "N", "CHNE": "R", "OOTH": "S"}
LABELS = {"WBRI": "White British", "WIRI": "White Irish", "WOTH": "White Other", "WROM": "Gypsy/Roma",
          "BAFR": "Black African", "BCRB": "Black Caribbean", "ABAN": "Bangladeshi", "AIND": "Indian",
          "APKN": "Pakistani", "CHNE": "Chinese", "AOTH": "Other Asian", "OOTH": "Any other ethnic group",
          "MWBC": "White and Black Caribbean", "MWBA": "White and Black African", "MWAS": "White and Asian",
          "MOTH": "Other Mixed"}


def ethnicity(world: World, person: int, rng: np.random.Generator, table: dict[str, str] | None,
              missing: float = 0.1) -> str | None:
    if rng.random() < missing:
        return None
    dfe = world.pop.ethnicity[person]
    return dfe if table is None else table[dfe]
