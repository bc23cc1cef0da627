"""How an agency sees a young person: the true identity with the errors real records carry.

Typos, nicknames and spelling variants, the other parent's surname or a hyphenated one, first and
last names swapped, day and month swapped, missing fields, an old address, postcode typos. Each
agency has its own profile of how careful it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from contextsafe.synth.population import Population

LETTERS = "abcdefghijklmnopqrstuvwxyz"
UPPER = LETTERS.upper()
DIGITS = "0123456789"


@dataclass(frozen=True)
class NoiseProfile:
    """Probabilities that one record about a young person carries each kind of error."""

    typo: float = 0.05
    nickname: float = 0.10
    other_surname: float = 0.35  # when the child is known by two surnames
    swap_names: float = 0.02
    dob_swap: float = 0.03  # day and month swapped (only when both are <= 12)
    dob_off: float = 0.02  # a digit wrong: one day or one year out
    dob_missing: float = 0.04
    sex_missing: float = 0.02
    postcode_missing: float = 0.08
    postcode_typo: float = 0.03
    old_address: float = 0.5  # when the child has moved
    alias: float = 0.0  # a different given name altogether (given to police)


CAREFUL = NoiseProfile(typo=0.04, nickname=0.08, swap_names=0.01, dob_swap=0.02, dob_off=0.01,
                       dob_missing=0.02, postcode_missing=0.03)
ORDINARY = NoiseProfile(typo=0.06, nickname=0.14, dob_missing=0.06)
HURRIED = NoiseProfile(typo=0.08, nickname=0.15, swap_names=0.04, dob_swap=0.05, dob_off=0.03,
                       dob_missing=0.12, sex_missing=0.05, postcode_missing=0.25, postcode_typo=0.05,
                       alias=0.02)


@dataclass(frozen=True)
class Identity:
    """One record's view of a young person."""

    given: str
    family: str
    dob: dt.date | None
    sex: str | None  # 'male' / 'female' / None
    postcode: str | None


def observe(pop: Population, postcodes: list[str], person: int, rng: np.random.Generator,
            profile: NoiseProfile, aliases: dict[str, tuple[str, ...]], alias_pool: tuple[str, ...]) -> Identity:
    """The identity an agency records for ``person``, with errors drawn from ``profile``."""
    u = rng.random(14)
    given = pop.given[person]
    if u[0] < profile.alias:
        given = alias_pool[int(u[13] * len(alias_pool))]
    elif u[1] < profile.nickname and given in aliases:
        options = aliases[given]
        given = options[int(u[13] * len(options))]
    family = _family(pop, person, u[2], u[13], profile)
    if u[3] < profile.typo:
        if u[13] < 0.5:
            given = typo(given, rng)
        else:
            family = typo(family, rng)
    if u[4] < profile.swap_names:
        given, family = family, given
    dob: dt.date | None = pop.dob[person]
    if u[5] < profile.dob_missing:
        dob = None
    elif u[6] < profile.dob_swap and dob.day <= 12 and dob.day != dob.month:
        dob = dob.replace(month=dob.day, day=dob.month)
    elif u[7] < profile.dob_off:
        dob = dob - dt.timedelta(days=1) if u[13] < 0.5 else dob.replace(year=dob.year + 1, day=min(dob.day, 28))
    sex = None if u[8] < profile.sex_missing else pop.sex[person]
    postcode: str | None = postcodes[pop.postcode(person)]
    moved = pop.previous_postcode[person]
    if moved >= 0 and u[9] < profile.old_address:
        postcode = postcodes[moved]
    if u[10] < profile.postcode_missing:
        postcode = None
    elif u[11] < profile.postcode_typo:
        postcode = postcode_typo(postcode, rng)  # type: ignore[arg-type]
    return Identity(given, family, dob, sex, postcode)


def _family(pop: Population, person: int, u: float, v: float, profile: NoiseProfile) -> str:
    family = pop.family[person]
    other = pop.other_family[person]
    if other is None or u >= profile.other_surname:
        return family
    if "-" in family:  # hyphenated: agencies keep one half
        parts = family.split("-")
        return parts[0] if v < 0.5 else parts[-1]
    return other if v < 0.6 else f"{family}-{other}"


def typo(word: str, rng: np.random.Generator) -> str:
    """One keyboard slip: a letter dropped, doubled, swapped with the next, or replaced."""
    if len(word) < 3:
        return word
    i = int(rng.integers(1, len(word) - 1))
    kind = int(rng.integers(4))
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    if kind == 2:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + LETTERS[int(rng.integers(26))] + word[i + 1:]


def postcode_typo(postcode: str, rng: np.random.Generator) -> str:
    """A wrong character that keeps the postcode's shape (so it is valid-looking but elsewhere)."""
    positions = [i for i, c in enumerate(postcode) if c != " "]
    i = positions[int(rng.integers(1, len(positions)))]
    c = postcode[i]
    pool = DIGITS if c.isdigit() else UPPER
    new = pool[int(rng.integers(len(pool)))]
    return postcode[:i] + new + postcode[i + 1:]


def postcode_style(postcode: str | None, u: float) -> str | None:
    """How a clerk typed a correct postcode: as is, lower case, or without its space."""
    if postcode is None:
        return None
    if u < 0.08:
        return postcode.replace(" ", "")
    if u < 0.12:
        return postcode.lower()
    return postcode
