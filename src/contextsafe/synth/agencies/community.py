"""Community safety and transport: ASB call-outs, domestic abuse / household disturbance call-outs,
bus incident reports at real bus stops, and travel card withdrawals linked to those incidents."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from contextsafe.synth.agencies.base import (
    Export,
    Row,
    Table,
    code,
    d_mon_yy_hm,
    dd_mon_yyyy,
    dmy,
    dmy_hm,
    iso_hm,
    pick,
    postcode,
    school_name,
)
from contextsafe.synth.noise import HURRIED, ORDINARY
from contextsafe.synth.world import Event, World
from contextsafe.vocab import Concern

C = Concern
ASB_HEADER = ("CAD Ref", "Date/Time", "ASB Type", "Location", "Lat", "Long", "Person Ref", "Person Name", "DOB",
              "Gender", "Role", "Gang Related")
ASB_TYPES = ("Youths causing annoyance", "Rowdy/nuisance behaviour", "Drug dealing", "Intimidation",
             "Street drinking", "Vehicle nuisance")


def _asb(world: World, rng: np.random.Generator, n: int) -> Iterator[Row]:
    for k in range(n):
        if rng.random() < 0.3 and world.pop.groups:
            event = world.group_event(rng, 2, 4)
        else:
            event = world.background_event(rng, int(rng.choice([1, 1, 2])), set(), hotspot_share=0.4)
        gang = "Y" if C.GANG_ASSOCIATION in event.concerns or C.CCE in event.concerns else "N"
        kind = "Drug dealing" if C.CCE in event.concerns else pick(rng, ASB_TYPES)
        ref = f"CAD{k + 1:06d}"
        for line, person in enumerate(event.people, start=1):
            ident = world.observe(person, rng, HURRIED)
            role = "Perpetrator" if event.group >= 0 or line > 1 or rng.random() < 0.6 else \
                pick(rng, ("Complainant", "Involved"))
            record = f"{ref}-{line}"
            yield "asb_callouts", [
                ref, dmy_hm(event.when), kind, event.place.name, event.place.latitude, event.place.longitude,
                record, f"{ident.given} {ident.family}", dmy(ident.dob), code(ident.sex, "MFU"), role, gang
            ], [(record, person)]


DA_HEADER = ("Call Ref", "Call Date", "Call Type", "Address Postcode", "Child Ref", "Child Name", "Child DOB",
             "Child Gender", "Child Present")


def _da(world: World, rng: np.random.Generator, n: int) -> Iterator[Row]:
    da = world.da_households
    others = world.pop.households
    k, call = 0, 0
    while k < n:
        call += 1
        domestic = bool(da) and rng.random() < 0.7
        household = da[int(rng.integers(len(da)))] if domestic else others[int(rng.integers(len(others)))]
        when = world.when(rng)
        ref = f"CAD-DA-{call:06d}"
        address = world.postcodes[household.postcode]
        for line, person in enumerate(household.members, start=1):
            k += 1
            ident = world.observe(person, rng, ORDINARY)
            name = f"{ident.given} {ident.family.upper()}"
            record = f"{ref}-{line}"
            yield "da_callouts", [
                ref, d_mon_yy_hm(when), "DOMESTIC" if domestic else "DISTURBANCE", address, record, name,
                dd_mon_yyyy(ident.dob), code(ident.sex, ("Male", "Female", "")),
                "Y" if rng.random() < 0.7 else "N"], [(record, person)]


BUS_HEADER = ("Incident No", "Incident Date/Time", "Route", "Stop Code", "Stop Name", "Lat", "Lon",
              "Incident Type", "Youth Involved", "Vulnerable Young Person", "No. of Youths", "Driver Account")
BUS_TYPES = {C.SERIOUS_YOUTH_VIOLENCE: "Assault on passenger", C.GANG_ASSOCIATION: "Fight between youths",
             C.CSE: "Concern for vulnerable child", C.SEXUAL_BULLYING: "Sexual harassment",
             C.HSB: "Sexual harassment", C.CCE: "Concern for vulnerable child"}
BUS_OTHER = ("Anti-social behaviour", "Fare evasion", "Verbal abuse of driver", "Missile thrown at bus",
             "Anti-social behaviour")
CARD_HEADER = ("Withdrawal Ref", "Incident No", "Date of Withdrawal", "Zip Card No", "Card Holder Forename",
               "Card Holder Surname", "Card Holder DOB", "Gender", "Home Postcode", "School", "Stop Name",
               "Reason")


def _bus(world: World, rng: np.random.Generator, n: int) -> Iterator[Row]:
    cards = 0
    for k in range(n):
        if rng.random() < 0.15 and world.pop.groups:
            event = world.group_event(rng, 2, 4)
            if event.place.stop < 0:
                event.place = world.stop_place(rng)
        elif rng.random() < 0.3:
            hotspot = world.hotspot_for(rng, {C.SERIOUS_YOUTH_VIOLENCE}, stops_only=True)
            event = Event(world.when(rng), world.place(rng, hotspot), [], set())
        else:
            event = Event(world.when(rng), world.stop_place(rng), [], set())
        ref = f"BUS{k + 1:07d}"
        kind = next((BUS_TYPES[c] for c in sorted(event.concerns) if c in BUS_TYPES), pick(rng, BUS_OTHER))
        youth = bool(event.people) or rng.random() < 0.6
        stop = world.geo.bus_stops.row(event.place.stop, named=True) if event.place.stop >= 0 else None
        yield "bus_incidents", [
            ref, iso_hm(event.when), pick(rng, ("24", "46", "134", "168", "214", "C2", "N5", "31", "328")),
            stop["stop_code"] if stop else None, event.place.name, event.place.latitude, event.place.longitude,
            kind, "Y" if youth else "N", "Y" if event.people and rng.random() < 0.5 else "N",
            len(event.people) or (int(rng.integers(1, 6)) if youth else 0),
            pick(rng, ("Group of school-age youths", "Driver assaulted", "Passenger intimidated", "See CCTV"))
        ], []
        for person in event.people if rng.random() < 0.8 else []:
            cards += 1
            ident = world.observe(person, rng, ORDINARY)
            record = f"ZW{cards:06d}"
            yield "travel_card_withdrawals", [
                record, ref, dmy(event.when.date()), f"ZIP{(person * 7919) % 10_000_000:08d}", ident.given,
                ident.family, dmy(ident.dob), code(ident.sex, "MFU"), postcode(ident, rng),
                school_name(world, person, rng, 0.2), event.place.name,
                "Behaviour - violence" if kind in BUS_TYPES.values() else "Behaviour - anti-social"
            ], [(record, person)]


COMMUNITY_EXPORTS = (
    Export("asb_callouts", (Table("asb_callouts", "asb_callouts.csv", ASB_HEADER,
                                  title="Community Safety ASB log", blank_rate=0.005),), rate=1.6, generate=_asb),
    Export("da_callouts", (Table("da_callouts", "domestic_callouts.csv", DA_HEADER),), rate=0.8, generate=_da),
    Export("bus_incidents", (Table("bus_incidents", "bus_incident_reports.csv", BUS_HEADER),
                             Table("travel_card_withdrawals", "travel_card_withdrawals.xlsx", CARD_HEADER,
                                   sheet="Withdrawals")), rate=1.8, generate=_bus),
)
