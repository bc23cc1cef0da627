"""The planted structure of the borough and the helpers every export draws events from.

Peer groups (3-12 young people, one or two leaders) concentrated in a few schools, hotspot places
where events cluster, and domestic-abuse households. Events happen at a time in the reference period
(2017-07 to 2018-06, the period of the real police data) and at a place: a hotspot with a little
jitter, or a background point anywhere in the borough.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np

from contextsafe.synth.geography import Geography
from contextsafe.synth.names import Names
from contextsafe.synth.noise import Identity, NoiseProfile, observe
from contextsafe.synth.population import (
    GROUP_PROFILES,
    PERIOD_END,
    PERIOD_START,
    PROFILE_NAMES,
    Household,
    PeerGroup,
    Population,
)
from contextsafe.vocab import Concern

HOURS = np.array([1, 1, 1, 1, 1, 1, 1, 2, 4, 3, 2, 2, 3, 3, 4, 7, 8, 8, 8, 7, 6, 5, 4, 2], dtype=float)
HOURS_CUM = np.cumsum(HOURS) / HOURS.sum()
SIZES = np.arange(3, 13)
SIZE_WEIGHTS = np.array([0.2, 0.18, 0.15, 0.12, 0.1, 0.08, 0.06, 0.05, 0.035, 0.025])
CONCENTRATION_SCHOOLS = 5


@dataclass
class Hotspot:
    place_id: str
    name: str
    latitude: float
    longitude: float
    radius_m: float
    concerns: set[Concern] = field(default_factory=set)
    stop: int = -1  # index into geography.bus_stops when the place is a bus stop


@dataclass
class Place:
    """Where one event happened."""

    name: str
    latitude: float
    longitude: float
    postcode: str
    hotspot: int = -1
    stop: int = -1


@dataclass
class Event:
    """One thing that happened, before any agency records it."""

    when: dt.datetime
    place: Place
    people: list[int]
    concerns: set[Concern]
    group: int = -1


@dataclass
class World:
    """Ground truth plus sampling helpers shared by every export."""

    geo: Geography
    names: Names
    pop: Population
    hotspots: list[Hotspot]
    concentration_schools: list[int]
    postcodes: list[str]
    _cum: np.ndarray = field(default_factory=lambda: np.empty(0))
    _alias_pool: tuple[str, ...] = ()
    da_households: list[Household] = field(default_factory=list)
    # Rows deliberately written wrong, as real exports have them: (source, record_id, rule_id, what).
    flaws: list[tuple[str, str, str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        p = self.pop.propensity
        self._cum = np.cumsum(p) / p.sum()
        self._alias_pool = tuple(n for names in self.names.first.values() for n in names)
        sizes = np.array([len(g.members) for g in self.pop.groups], dtype=float)
        self._group_cum = np.cumsum(sizes) / max(sizes.sum(), 1.0)
        self.da_households = [h for h in self.pop.households if h.domestic_abuse]
        self._plat = self.geo.postcodes["latitude"].to_numpy()
        self._plon = self.geo.postcodes["longitude"].to_numpy()

    # -- who -----------------------------------------------------------------------------------
    def people(self, rng: np.random.Generator, k: int) -> list[int]:
        """``k`` distinct young people, likelier the more involved with services they are."""
        chosen: list[int] = []
        while len(chosen) < k:
            i = int(np.searchsorted(self._cum, rng.random()))
            if i not in chosen:
                chosen.append(min(i, len(self.pop) - 1))
        return chosen

    def group(self, rng: np.random.Generator) -> int:
        """A planted peer group, bigger ones likelier."""
        return min(int(np.searchsorted(self._group_cum, rng.random())), len(self.pop.groups) - 1)

    def observe(self, person: int, rng: np.random.Generator, profile: NoiseProfile) -> Identity:
        return observe(self.pop, self.postcodes, person, rng, profile, self.names.aliases, self._alias_pool)

    # -- when and where ------------------------------------------------------------------------
    def when(self, rng: np.random.Generator) -> dt.datetime:
        days = (PERIOD_END - PERIOD_START).days + 1
        day = PERIOD_START + dt.timedelta(days=int(rng.integers(days)))
        hour = min(int(np.searchsorted(HOURS_CUM, rng.random())), 23)
        return dt.datetime(day.year, day.month, day.day, hour, int(rng.integers(12)) * 5)

    def place(self, rng: np.random.Generator, hotspot: int = -1) -> Place:
        """A hotspot with jitter inside its radius, or (``hotspot=-1``) a background point."""
        if hotspot >= 0:
            h = self.hotspots[hotspot]
            r = h.radius_m * math.sqrt(rng.random())
            a = rng.random() * 2 * math.pi
            lat = h.latitude + r * math.cos(a) / 111_000
            lon = h.longitude + r * math.sin(a) / 69_000
            return Place(h.name, round(lat, 6), round(lon, 6), self._near(lat, lon), hotspot, h.stop)
        i = int(rng.integers(len(self.postcodes)))
        lat = self._plat[i] + rng.normal(0, 0.0004)
        lon = self._plon[i] + rng.normal(0, 0.0006)
        return Place(f"Near {self.postcodes[i]}", round(float(lat), 6), round(float(lon), 6), self.postcodes[i])

    def stop_place(self, rng: np.random.Generator) -> Place:
        """A background bus stop (for transport events away from hotspots)."""
        stops = self.geo.bus_stops
        i = int(rng.integers(stops.height))
        lat, lon = float(stops["latitude"][i]), float(stops["longitude"][i])
        return Place(stop_name(stops["name"][i]), lat, lon, self._near(lat, lon), -1, i)

    def hotspot_for(self, rng: np.random.Generator, concerns: set[Concern] | None = None,
                    stops_only: bool = False) -> int:
        """A hotspot, preferring those whose concerns overlap ``concerns`` (only bus stops if asked)."""
        weights = np.array([(1.0 + 4.0 * bool(concerns and h.concerns & concerns)) * (h.stop >= 0 or not stops_only)
                            for h in self.hotspots])
        return int(rng.choice(len(weights), p=weights / weights.sum()))

    def _near(self, lat: float, lon: float) -> str:
        d = (self._plat - lat) ** 2 + ((self._plon - lon) * 0.62) ** 2
        return self.postcodes[int(np.argmin(d))]

    # -- events --------------------------------------------------------------------------------
    def group_event(self, rng: np.random.Generator, low: int = 2, high: int = 4) -> Event:
        """Several members of one planted group together, usually at one of its places."""
        g = self.group(rng)
        group = self.pop.groups[g]
        k = min(len(group.members), int(rng.integers(low, high + 1)))
        members = list(rng.choice(group.members, size=k, replace=False))
        if group.leaders and group.leaders[0] not in members and rng.random() < 0.5:
            members[-1] = group.leaders[0]
        hotspot = group.hotspots[int(rng.integers(len(group.hotspots)))] if rng.random() < 0.8 else -1
        profile = GROUP_PROFILES[group.profile]
        concerns = {profile[int(i)] for i in rng.integers(len(profile), size=2)}
        return Event(self.when(rng), self.place(rng, hotspot), [int(m) for m in members], concerns, g)

    def background_event(self, rng: np.random.Generator, k: int, concerns: set[Concern],
                         hotspot_share: float = 0.3) -> Event:
        """Young people from anywhere, at a hotspot now and then, otherwise anywhere."""
        hotspot = self.hotspot_for(rng, concerns) if rng.random() < hotspot_share else -1
        return Event(self.when(rng), self.place(rng, hotspot), self.people(rng, k), concerns)


def stop_name(raw: str) -> str:
    """A TfL stop name as people write it ("TOTTENHAM COURT ROAD STATION <>" -> "Tottenham Court Road Station")."""
    return " ".join(raw.replace("<>", " ").replace("#", " ").replace("  ", " ").split()).title()


def plant(rng: np.random.Generator, geo: Geography, names: Names, pop: Population) -> World:
    """Hotspots, peer groups concentrated in a few schools, and who is most involved with services."""
    n_groups = max(4, len(pop) // 150)
    hotspots = _hotspots(rng, geo, n=int(np.clip(6 + n_groups // 4, 6, 40)))
    n_schools = geo.schools.height
    concentration = sorted(int(s) for s in rng.choice(n_schools, size=min(CONCENTRATION_SCHOOLS, n_schools),
                                                      replace=False))
    pop.group_of = np.full(len(pop), -1, dtype=np.int64)
    years = np.array([d.year for d in pop.dob])
    teen = (years <= 2005) & (years >= 2000)
    for _ in range(n_groups):
        _group(rng, pop, teen, n_schools, concentration, hotspots)
    pop.propensity = _propensity(rng, pop)
    postcodes = geo.postcodes["postcode"].to_list()
    return World(geo, names, pop, hotspots, concentration, postcodes)


def _hotspots(rng: np.random.Generator, geo: Geography, n: int) -> list[Hotspot]:
    stops = geo.bus_stops
    out: list[Hotspot] = []
    n_stops = min(stops.height, (2 * n) // 3)
    for i in sorted(int(s) for s in rng.choice(stops.height, size=n_stops, replace=False)):
        out.append(Hotspot("", f"{stop_name(stops['name'][i])} bus stop", float(stops["latitude"][i]),
                           float(stops["longitude"][i]), float(rng.choice([80, 120, 150])), stop=i))
    wards = list(geo.wards)
    for k in rng.permutation(len(wards))[: n - len(out)]:
        code, name, lat, lon = wards[int(k)]
        kind = ["estate", "open space", "high street"][int(rng.integers(3))]
        out.append(Hotspot("", f"{name} {kind}", lat, lon, float(rng.choice([150, 200, 250]))))
    for i, h in enumerate(out):
        h.place_id = f"HS{i + 1:03d}"
    return out


def _group(rng: np.random.Generator, pop: Population, teen: np.ndarray, n_schools: int,
           concentration: list[int], hotspots: list[Hotspot]) -> None:
    size = int(rng.choice(SIZES, p=SIZE_WEIGHTS))
    profile = PROFILE_NAMES[int(rng.integers(len(PROFILE_NAMES)))]
    if rng.random() < 0.8:
        school = concentration[int(rng.integers(len(concentration)))]
    else:
        school = int(rng.integers(n_schools))
    free = pop.group_of < 0
    home = np.flatnonzero(free & teen & (pop.school == school))
    other = np.flatnonzero(free & teen & np.isin(pop.school, concentration))
    anyone = np.flatnonzero(free & teen)
    members: list[int] = []
    for pool, share in ((home, 0.65), (other, 0.25), (anyone, 1.0)):
        want = size - len(members) if share == 1.0 else int(round(size * share))
        candidates = np.setdiff1d(pool, members)
        if len(candidates) and want > 0:
            members += [int(m) for m in rng.choice(candidates, size=min(want, len(candidates)), replace=False)]
    if len(members) < 3:
        return
    members.sort(key=lambda m: pop.dob[m])  # eldest first
    leaders = members[: 1 if rng.random() < 0.7 else 2]
    spots = [int(h) for h in rng.choice(len(hotspots), size=1 + int(rng.random() < 0.5), replace=False)]
    for h in spots:
        hotspots[h].concerns.update(GROUP_PROFILES[profile])
    group = PeerGroup(f"G{len(pop.groups) + 1:04d}", profile, members, leaders, school, spots)
    pop.groups.append(group)
    pop.group_of[members] = len(pop.groups) - 1


def _propensity(rng: np.random.Generator, pop: Population) -> np.ndarray:
    years = np.array([d.year for d in pop.dob])
    base = rng.lognormal(0.0, 1.0, size=len(pop))
    base *= np.where((years <= 2004) & (years >= 2000), 2.0, 1.0)
    base *= np.where(pop.group_of >= 0, 6.0, 1.0)
    leaders = [m for g in pop.groups for m in g.leaders]
    base[leaders] *= 2.0
    da = np.array([pop.households[h].domestic_abuse for h in pop.household])
    base *= np.where(da, 2.5, 1.0)
    return base
