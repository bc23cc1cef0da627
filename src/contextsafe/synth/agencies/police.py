"""Police exports: crime reports (one row per person per crime, with 3x5x2 grading) and missing episodes."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from contextsafe.synth.agencies.base import (
    POLICE_IC,
    Export,
    Row,
    Table,
    code,
    dmy,
    dmy_hm,
    ethnicity,
    pick,
    postcode,
    title,
)
from contextsafe.synth.noise import HURRIED, ORDINARY
from contextsafe.synth.world import Event, World
from contextsafe.vocab import Concern

C = Concern
CRIME_FLAGS = {C.CSE: "CSE FLAG", C.GANG_ASSOCIATION: "GANG FLAG", C.SERIOUS_YOUTH_VIOLENCE: "KNIFE",
               C.CCE: "COUNTY LINES", C.DOMESTIC_ABUSE_AT_HOME: "DV", C.RELATIONSHIP_ABUSE: "DV",
               C.ONLINE_EXPLOITATION: "ONLINE", C.HSB: "SEXUAL", C.SEXUAL_BULLYING: "SEXUAL"}
OFFENCES = {
    C.SERIOUS_YOUTH_VIOLENCE: ("Assault with Injury", "GBH with Intent", "Robbery of Personal Property",
                               "Possession of Bladed Article"),
    C.GANG_ASSOCIATION: ("Violent Disorder", "Robbery of Personal Property", "Assault with Injury"),
    C.CCE: ("Possession with Intent to Supply - Class A", "Possession of Drugs - Cannabis"),
    C.CSE: ("Sexual Activity with a Child", "Sexual Assault on a Female", "Child Abduction"),
    C.HSB: ("Sexual Assault on a Female", "Sexual Assault on a Male", "Exposure"),
    C.SEXUAL_BULLYING: ("Malicious Communications", "Sexual Assault on a Female"),
    C.ONLINE_EXPLOITATION: ("Malicious Communications", "Sharing Indecent Images of Children"),
    C.MISSING_FROM_HOME: ("Theft - Other",),
}
BACKGROUND = ("Theft from Person", "Criminal Damage", "Common Assault", "Public Order Offence",
              "Robbery of Personal Property", "Theft - Shoplifting", "Harassment")
OUTCOMES = ("Under investigation", "No further action", "Charged", "Community resolution", "Caution",
            "Unable to prosecute suspect", "")
CRIME_HEADER = ("Crime Ref", "Offence", "Flags", "Committed From", "Location", "Location Postcode", "Latitude",
                "Longitude", "Person Line Ref", "Involvement", "Name", "DOB", "Sex", "Ethnic Appearance",
                "Home Postcode", "Source Eval", "Intel Grade", "Handling", "Outcome")


def _crimes(world: World, rng: np.random.Generator, n: int) -> Iterator[Row]:
    for k in range(n):
        if rng.random() < 0.3 and world.pop.groups:
            event = world.group_event(rng, 2, 4)
            roles = ["SUSPECT"] * len(event.people)
            victim = world.people(rng, 1)[0]
            if victim not in event.people:
                event.people.append(victim)
                roles.append("VICTIM")
        else:
            concerns = {C.SERIOUS_YOUTH_VIOLENCE} if rng.random() < 0.3 else set()
            event = world.background_event(rng, int(rng.choice([1, 1, 2, 2, 3])), concerns)
            roles = ["VICTIM", "SUSPECT", "WITNESS"][: len(event.people)]
            if len(event.people) == 1 and rng.random() < 0.4:
                roles = ["SUSPECT"]
        if rng.random() < 0.05:
            roles[-1] = "INFORMANT"
        yield from _crime_rows(world, rng, event, roles, k)


def _crime_rows(world: World, rng: np.random.Generator, event: Event, roles: list[str], k: int) -> Iterator[Row]:
    ref = f"52{k:05d}/{event.when:%y}"
    concerns = sorted(event.concerns)
    offence = pick(rng, OFFENCES.get(concerns[0], BACKGROUND)) if concerns else pick(rng, BACKGROUND)
    flags = sorted({CRIME_FLAGS[c] for c in concerns if c in CRIME_FLAGS and rng.random() < 0.7})
    outcome = pick(rng, OUTCOMES)
    for line, (person, role) in enumerate(zip(event.people, roles, strict=True), start=1):
        ident = world.observe(person, rng, HURRIED if role == "SUSPECT" else ORDINARY)
        name = f"{ident.family.upper()}, {ident.given}"
        graded = role == "SUSPECT" and rng.random() < 0.35
        grade = [pick(rng, "123"), pick(rng, "ABCDE"), pick(rng, "PC")] if graded else [None, None, None]
        record = f"{ref}-{line:02d}"
        dob = dmy(ident.dob)
        if ident.dob is not None and rng.random() < 0.001:  # a slip no calendar allows
            dob = f"31/02/{ident.dob.year}"
            world.flaws.append(("police_crime", record, "R002", "date of birth 31 February"))
        yield "police_crime", [
            ref, offence, ",".join(flags), dmy_hm(event.when), event.place.name, event.place.postcode,
            event.place.latitude, event.place.longitude, record, role, name, dob,
            code(ident.sex, ("MALE", "FEMALE", "UNKNOWN")), ethnicity(world, person, rng, POLICE_IC, 0.15),
            postcode(ident, rng), *grade, outcome], [(record, person)]


MISSING_FACTORS = {C.CSE: "CSE concern", C.GANG_ASSOCIATION: "Gang", C.CCE: "County lines",
                   C.RELATIONSHIP_ABUSE: "Relationship", C.ONLINE_EXPLOITATION: "Online contact",
                   C.SERIOUS_YOUTH_VIOLENCE: "Gang", C.DOMESTIC_ABUSE_AT_HOME: "Conflict at home"}
MISSING_HEADER = ("Episode Ref", "Missing From", "Reported Missing", "Forename", "Surname", "DOB", "Sex",
                  "Home Postcode", "Found Location", "Found Postcode", "Push/Pull Factors", "Risk Grading")


def _missing(world: World, rng: np.random.Generator, n: int) -> Iterator[Row]:
    k = 0
    while k < n:
        if rng.random() < 0.35 and world.pop.groups:
            event = world.group_event(rng, 2, 3)  # gone missing together, found together
        else:
            event = world.background_event(rng, 1, {C.MISSING_FROM_HOME}, hotspot_share=0.25)
        for person in event.people:
            k += 1
            ident = world.observe(person, rng, ORDINARY)
            concerns = sorted({MISSING_FACTORS[c] for c in event.concerns if c in MISSING_FACTORS})
            if world.pop.households[world.pop.household[person]].domestic_abuse and rng.random() < 0.5:
                concerns.append("Conflict at home")
            ref = f"MPS-MIS-{k:06d}"
            yield "missing_episodes", [
                ref, "Care" if rng.random() < 0.15 else "Home", dmy_hm(event.when), ident.given, ident.family,
                dmy(ident.dob), code(ident.sex, ("Male", "Female", "Not known")), postcode(ident, rng),
                event.place.name, event.place.postcode, ";".join(sorted(set(concerns))),
                pick(rng, ("Low", "Medium", "Medium", "High"))], [(ref, person)]


POLICE_EXPORTS = (
    Export("police_crime", (Table("police_crime", "police_crime_reports.csv", CRIME_HEADER,
                                  title=title("CRIMINT/CRIS extract (Camden BCU)"), blank_rate=0.004),),
           rate=2.0, generate=_crimes),
    Export("missing_episodes", (Table("missing_episodes", "missing_episodes.csv", MISSING_HEADER),),
           rate=1.2, generate=_missing),
)
