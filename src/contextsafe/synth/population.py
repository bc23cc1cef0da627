"""The true population of the synthetic borough: young people, households, schools, peer groups.

Everything here is ground truth. Agency exports only ever see it through :mod:`noise`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from contextsafe.synth.geography import Geography
from contextsafe.synth.names import GROUPS, Names
from contextsafe.vocab import Concern

PERIOD_START = dt.date(2017, 7, 1)
PERIOD_END = dt.date(2018, 6, 30)
AGE_ON = dt.date(2018, 1, 1)
AGES = np.arange(8, 20)
AGE_WEIGHTS = np.array([0.01, 0.02, 0.08, 0.11, 0.12, 0.12, 0.12, 0.12, 0.12, 0.11, 0.05, 0.02])
CHILDREN = np.array([1, 2, 3, 4])
CHILDREN_WEIGHTS = np.array([0.45, 0.35, 0.15, 0.05])

# What a planted peer group is about, and the concerns its members accrue.
GROUP_PROFILES: dict[str, tuple[Concern, ...]] = {
    "gang": (Concern.GANG_ASSOCIATION, Concern.SERIOUS_YOUTH_VIOLENCE, Concern.CCE),
    "cse": (Concern.CSE, Concern.MISSING_FROM_HOME, Concern.ONLINE_EXPLOITATION),
    "hsb": (Concern.HSB, Concern.SEXUAL_BULLYING, Concern.EXCLUSION),
    "mixed": (Concern.SERIOUS_YOUTH_VIOLENCE, Concern.CSE, Concern.MISSING_FROM_HOME, Concern.CCE),
}
PROFILE_NAMES = tuple(GROUP_PROFILES)


@dataclass
class Household:
    household_id: str
    postcode: int  # index into geography.postcodes
    domestic_abuse: bool
    members: list[int] = field(default_factory=list)


@dataclass
class PeerGroup:
    group_id: str
    profile: str
    members: list[int]
    leaders: list[int]
    school: int  # index into geography.schools, -1 when the group is not school-based
    hotspots: list[int]  # indices into Hotspots


@dataclass
class Population:
    """Column lists of true attributes, one entry per young person (index = person number)."""

    person_id: list[str]
    given: list[str]
    family: list[str]
    other_family: list[str | None]  # the other parent's surname, used by some agencies (surname change)
    sex: list[str]
    dob: list[dt.date]
    ethnicity: list[str]
    household: list[int]
    school: np.ndarray  # index into geography.schools or -1
    twin_of: list[int]
    previous_postcode: list[int]  # a former address (-1: none)
    households: list[Household]
    groups: list[PeerGroup] = field(default_factory=list)
    group_of: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    propensity: np.ndarray = field(default_factory=lambda: np.empty(0))

    def __len__(self) -> int:
        return len(self.person_id)

    def postcode(self, person: int) -> int:
        return self.households[self.household[person]].postcode

    def age(self, person: int, on: dt.date = AGE_ON) -> int:
        born = self.dob[person]
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def build_population(rng: np.random.Generator, names: Names, geo: Geography, young_people: int) -> Population:
    """Households of siblings (with some twins) at real postcodes, until ``young_people`` are placed."""
    groups = list(GROUPS)
    shares = np.array([GROUPS[g][0] for g in groups])
    shares /= shares.sum()
    pop = Population([], [], [], [], [], [], [], [], np.empty(0), [], [], [])
    n_postcodes = geo.postcodes.height
    while len(pop) < young_people:
        group = groups[rng.choice(len(groups), p=shares)]
        _household(rng, names, pop, group, int(rng.integers(n_postcodes)), young_people)
    for i in range(len(pop)):
        if rng.random() < 0.06:
            pop.previous_postcode[i] = int(rng.integers(n_postcodes))
    pop.school = _schools(rng, pop, geo)
    return pop


def _household(rng: np.random.Generator, names: Names, pop: Population, group: str, postcode: int,
               limit: int) -> None:
    hh = Household(f"H{len(pop.households) + 1:06d}", postcode, domestic_abuse=bool(rng.random() < 0.07))
    pop.households.append(hh)
    n = min(int(rng.choice(CHILDREN, p=CHILDREN_WEIGHTS)), limit - len(pop))
    surname = _pick(rng, names.family[group])
    other = _pick(rng, names.family[group if rng.random() < 0.6 else "white_british"])
    split_family = rng.random() < 0.18  # children carry the other parent's name in some agencies
    first_age = int(rng.choice(AGES, p=AGE_WEIGHTS))
    twins = n >= 2 and rng.random() < 0.05
    eth_codes = list(GROUPS[group][1])
    eth_weights = np.array(list(GROUPS[group][1].values()))
    ethnicity = eth_codes[rng.choice(len(eth_codes), p=eth_weights / eth_weights.sum())]
    used: set[str] = set()
    for k in range(n):
        sex = "female" if rng.random() < 0.49 else "male"
        given = _pick(rng, names.first[(group, sex)])
        while given in used:
            given = _pick(rng, names.first[(group, sex)])
        used.add(given)
        index = len(pop.person_id)
        if twins and k == 1:
            dob = pop.dob[index - 1]
            pop.twin_of.append(index - 1)
            pop.twin_of[index - 1] = index
        else:
            age = int(np.clip(first_age - 2 * k - rng.integers(0, 2) + (0 if k == 0 else 1), 8, 19))
            dob = AGE_ON - dt.timedelta(days=int(age * 365.25 + rng.integers(0, 365)))
            pop.twin_of.append(-1)
        family = surname
        if twins and k == 1:
            family = pop.family[index - 1]
        elif rng.random() < 0.04:
            family = f"{surname}-{other}"  # hyphenated true name
        pop.person_id.append(f"P{index + 1:06d}")
        pop.given.append(given)
        pop.family.append(family)
        pop.other_family.append(other if split_family or "-" in family else None)
        pop.sex.append(sex)
        pop.dob.append(dob)
        pop.ethnicity.append(ethnicity)
        pop.household.append(len(pop.households) - 1)
        pop.previous_postcode.append(-1)
        hh.members.append(index)


def _pick(rng: np.random.Generator, options: tuple[str, ...]) -> str:
    return options[int(rng.integers(len(options)))]


def _schools(rng: np.random.Generator, pop: Population, geo: Geography) -> np.ndarray:
    """Secondary-age children attend a real school, likelier the nearer and the bigger it is."""
    slat = geo.schools["latitude"].to_numpy()
    slon = geo.schools["longitude"].to_numpy()
    pupils = geo.schools["pupils"].to_numpy()
    plat = geo.postcodes["latitude"].to_numpy()
    plon = geo.postcodes["longitude"].to_numpy()
    out = np.full(len(pop), -1, dtype=np.int64)
    for i in range(len(pop)):
        age = pop.age(i, dt.date(2017, 9, 1))
        if age < 11 or age > 17 or (age >= 16 and rng.random() < 0.35) or rng.random() < 0.08:
            continue  # primary school, college, or a school outside the borough
        p = pop.postcode(i)
        km = np.hypot((slat - plat[p]) * 111.0, (slon - plon[p]) * 69.0)
        weight = pupils * np.exp(-km / 1.5)
        out[i] = int(rng.choice(len(weight), p=weight / weight.sum()))
    return out
