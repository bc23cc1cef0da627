"""Children's social care, youth offending, health, and the panel lists (MASE, MARAC, gangs, HSB)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import numpy as np

from contextsafe.synth.agencies.base import (
    LABELS,
    NHS,
    Export,
    Row,
    Table,
    code,
    d_mon_yy,
    dd_mon_yyyy,
    dmy,
    ethnicity,
    iso,
    iso_hm,
    pick,
    postcode,
    school_name,
)
from contextsafe.synth.noise import CAREFUL, ORDINARY
from contextsafe.synth.population import PERIOD_END, PERIOD_START
from contextsafe.synth.world import Event, World
from contextsafe.vocab import Concern

C = Concern


def _mixed_event(world: World, rng: np.random.Generator, group_share: float, concerns: set[Concern],
                 k: int = 1) -> Event:
    if rng.random() < group_share and world.pop.groups:
        return world.group_event(rng, 1, k + 1)
    return world.background_event(rng, k, concerns)


def _da_children(world: World, rng: np.random.Generator) -> list[int]:
    """The children of a household where there is domestic abuse."""
    da = world.da_households
    return list(da[int(rng.integers(len(da)))].members) if da else world.people(rng, 1)


# -- children's social care -------------------------------------------------------------------------
CSC_FACTORS = {C.CSE: "CSE", C.CCE: "CCE", C.GANG_ASSOCIATION: "GANG", C.SERIOUS_YOUTH_VIOLENCE: "SYV",
               C.HSB: "HSB", C.RELATIONSHIP_ABUSE: "TRA", C.MISSING_FROM_HOME: "MFH",
               C.MISSING_FROM_EDUCATION: "MFE", C.ONLINE_EXPLOITATION: "ONL", C.DOMESTIC_ABUSE_AT_HOME: "DV-HOME",
               C.SEXUAL_BULLYING: "HSB", C.EXCLUSION: "EDU"}
CSC_SOURCES = ("Police", "School", "Health", "Anonymous", "Family", "Youth Service")
CSC_OTHER = ("NEG", "MH-PARENT", "SUB-PARENT", "MH-CHILD")
CSC_HEADER = ("Referral ID", "Mosaic ID", "Forename", "Surname", "DOB", "Gender", "Ethnicity", "Postcode",
              "School", "Referral Date", "Referral Source", "Factors", "Outcome")


def _csc(world: World, rng: np.random.Generator, n: int) -> Iterator[Row]:
    k = 0
    while k < n:
        if rng.random() < 0.2:
            people, concerns = _da_children(world, rng), {C.DOMESTIC_ABUSE_AT_HOME}
            when = world.when(rng)
        else:
            event = _mixed_event(world, rng, 0.25, set())
            people, concerns, when = event.people[:1], event.concerns, event.when
        for person in people:
            k += 1
            ident = world.observe(person, rng, CAREFUL)
            factors = {CSC_FACTORS[c] for c in sorted(concerns) if rng.random() < 0.8}
            if rng.random() < 0.3:
                factors.add(pick(rng, CSC_OTHER))
            ref = f"R{201700000 + k}"
            home, source = postcode(ident, rng), pick(rng, CSC_SOURCES)
            if rng.random() < 0.003:
                home = "N/K"
                world.flaws.append(("csc_referrals", ref, "R006", "postcode written as N/K"))
            if rng.random() < 0.002:
                source = '=HYPERLINK("http://example.invalid/x","Referral")'
                world.flaws.append(("csc_referrals", ref, "", "formula text in Referral Source: accepted, "
                                    "must never be written back unescaped"))
            yield "csc_referrals", [
                ref, f"M{300000 + person * 7 % 999983}", ident.given, ident.family, dmy(ident.dob),
                code(ident.sex, "MFU"), ethnicity(world, person, rng, None), home,
                school_name(world, person, rng), dmy(when.date()), source,
                ";".join(sorted(factors)), pick(rng, ("NFA", "Early Help", "S17 Assessment", "S47 Enquiry"))
            ], [(ref, person)]


# -- youth offending service: XLSX with a merged two-row header -------------------------------------
YOS_CONCERNS = {C.CSE: "Exploitation - sexual", C.CCE: "Exploitation - criminal", C.GANG_ASSOCIATION: "Gang",
                C.SERIOUS_YOUTH_VIOLENCE: "Weapon/violence", C.HSB: "Harmful sexual behaviour",
                C.MISSING_FROM_HOME: "Missing", C.EXCLUSION: "Education - excluded",
                C.RELATIONSHIP_ABUSE: "Relationship abuse"}
YOS_GROUPS = (("Young person", 7), ("Order", 5), ("Assessment (AssetPlus)", 3))
YOS_HEADER = ("YOT No", "First Name", "Last Name", "Date of Birth", "Gender", "Ethnicity", "Postcode",
              "Case Ref", "Order Type", "Order Start", "Order End", "Index Offence",
              "Assessment Date", "Concerns", "ROSH")


def _yos(world: World, rng: np.random.Generator, n: int) -> Iterator[Row]:
    for k in range(n):
        event = _mixed_event(world, rng, 0.5, {C.SERIOUS_YOUTH_VIOLENCE})
        person = event.people[0]
        ident = world.observe(person, rng, CAREFUL)
        start = event.when.date()
        concerns = sorted({YOS_CONCERNS[c] for c in event.concerns if c in YOS_CONCERNS} |
                          ({"NEET"} if rng.random() < 0.2 else set()))
        ref = f"YOS-{k + 1:05d}"
        yield "yos_caseload", [
            f"Y{10000 + person}", ident.given, ident.family, ident.dob, code(ident.sex, "MFU"),
            ethnicity(world, person, rng, LABELS), postcode(ident, rng), ref,
            pick(rng, ("Referral Order", "Youth Rehabilitation Order", "Youth Conditional Caution", "DTO")),
            start, start + dt.timedelta(days=int(rng.integers(90, 365))),
            pick(rng, ("Robbery", "Possession of knife", "ABH", "Theft", "PWITS Class A")),
            start + dt.timedelta(days=int(rng.integers(5, 30))), " | ".join(concerns),
            pick(rng, ("Low", "Medium", "High"))], [(ref, person)]


# -- panel lists ------------------------------------------------------------------------------------
def _meetings(rng: np.random.Generator, n: int) -> list[dt.date]:
    days = (PERIOD_END - PERIOD_START).days
    first = PERIOD_START + dt.timedelta(days=int(rng.integers(3, 20)))
    return [first + dt.timedelta(days=int(d)) for d in np.linspace(0, days - 25, max(n, 1))]


MASE_HEADER = ("Meeting Date", "Ref", "Name", "D.O.B.", "Sex", "School/College", "Risk Level", "Missing",
               "Actions")


def _mase(world: World, rng: np.random.Generator, n: int) -> Iterator[Row]:
    meetings = _meetings(rng, 12)
    for k in range(n):
        event = _mixed_event(world, rng, 0.5, {C.CSE})
        person = event.people[0]
        ident = world.observe(person, rng, ORDINARY)
        ref = f"MASE/{k + 1:04d}"
        yield "mase_list", [
            d_mon_yy(meetings[k % len(meetings)]), ref, f"{ident.given} {ident.family}", dd_mon_yyyy(ident.dob),
            code(ident.sex, ("Male", "Female", "")), school_name(world, person, rng, 0.3),
            pick(rng, ("High", "Medium", "Medium", "Low")), "Y" if C.MISSING_FROM_HOME in event.concerns else "N",
            pick(rng, ("Disruption at location", "Refer to CSE service", "Peer group mapping", "Review"))
        ], [(ref, person)]


MARAC_HEADER = ("MARAC Date", "Case No", "Child Ref", "Child Forename", "Child Surname", "Child DOB", "Sex",
                "Address Postcode", "Relationship to Victim", "Case Category")


def _marac(world: World, rng: np.random.Generator, n: int) -> Iterator[Row]:
    meetings = _meetings(rng, 24)
    k, case = 0, 0
    while k < n:
        case += 1
        date = meetings[case % len(meetings)]
        teen = rng.random() < 0.2
        people = world.people(rng, 1) if teen else _da_children(world, rng)
        for line, person in enumerate(people, start=1):
            k += 1
            ident = world.observe(person, rng, ORDINARY)
            ref = f"MC{case:05d}-{line}"
            yield "marac_list", [
                dmy(date), f"MC{case:05d}", ref, ident.given, ident.family, dmy(ident.dob), code(ident.sex, "MFU"),
                postcode(ident, rng), "Self" if teen else pick(rng, ("Son", "Daughter", "Child of household"))
                if not ident.sex else ("Son" if ident.sex == "male" else "Daughter"),
                "Teenage relationship abuse" if teen else "IPV - children in household"], [(ref, person)]


GANGS_HEADER = ("Date of Panel", "Nominal Ref", "Surname", "Forename", "DOB", "Gender", "Postcode", "Cohort",
                "Lead Agency")


def _gangs(world: World, rng: np.random.Generator, n: int) -> Iterator[Row]:
    meetings = _meetings(rng, 12)
    for k in range(n):
        event = _mixed_event(world, rng, 0.6, {C.GANG_ASSOCIATION})
        person = event.people[0]
        ident = world.observe(person, rng, ORDINARY)
        if C.CCE in event.concerns:
            cohort = "At risk - CCE"
        elif C.GANG_ASSOCIATION in event.concerns or rng.random() < 0.5:
            cohort = "Gang nominal"
        else:
            cohort = "Victim of SYV"
        ref = f"GN-{k + 1:05d}"
        yield "gangs_panel", [
            iso(meetings[k % len(meetings)]), ref, ident.family, ident.given, iso(ident.dob),
            code(ident.sex, "MFX"), postcode(ident, rng), cohort,
            pick(rng, ("YOS", "Police", "Youth Service", "CSC"))], [(ref, person)]


HSB_HEADER = ("Meeting", "Case ID", "Person Ref", "Young Person", "DOB", "Gender", "School", "Role",
              "Hackett Continuum", "Sexual Bullying")


def _hsb(world: World, rng: np.random.Generator, n: int) -> Iterator[Row]:
    meetings = _meetings(rng, 10)
    k, case = 0, 0
    while k < n:
        case += 1
        event = _mixed_event(world, rng, 0.4, {C.HSB}, k=2)
        harmed = world.people(rng, 1)[0]
        people = [(event.people[0], "Displayed HSB"), (harmed, "Harmed")] if harmed != event.people[0] else \
            [(event.people[0], "Displayed HSB")]
        continuum = pick(rng, ("Inappropriate", "Problematic", "Problematic", "Abusive", "Violent"))
        bullying = "Y" if C.SEXUAL_BULLYING in event.concerns or rng.random() < 0.2 else "N"
        for line, (person, role) in enumerate(people, start=1):
            k += 1
            ident = world.observe(person, rng, CAREFUL)
            ref = f"HSB{case:04d}-{line}"
            yield "hsb_meetings", [
                d_mon_yy(meetings[case % len(meetings)]), f"HSB{case:04d}", ref, f"{ident.given} {ident.family}",
                dmy(ident.dob), code(ident.sex, ("Boy", "Girl", "")), school_name(world, person, rng), role,
                continuum, bullying], [(ref, person)]


# -- A&E youth workers ------------------------------------------------------------------------------
AE_CONCERN = {C.SERIOUS_YOUTH_VIOLENCE: "Assault - weapon", C.GANG_ASSOCIATION: "Assault",
              C.CSE: "Sexual exploitation concern", C.RELATIONSHIP_ABUSE: "Relationship abuse",
              C.HSB: "Sexual assault (peer)", C.CCE: "Assault"}
AE_HEADER = ("Attendance ID", "Arrival", "Patient Forename", "Patient Surname", "DOB", "Sex", "Ethnic Category",
             "Postcode", "Presenting Complaint", "Youth Worker Concern", "Incident Location", "Referred To")


def _ae(world: World, rng: np.random.Generator, n: int) -> Iterator[Row]:
    for k in range(n):
        event = _mixed_event(world, rng, 0.3, {C.SERIOUS_YOUTH_VIOLENCE})
        person = event.people[-1]
        ident = world.observe(person, rng, ORDINARY)
        concern = next((AE_CONCERN[c] for c in sorted(event.concerns) if c in AE_CONCERN),
                       pick(rng, ("Self-harm", "Alcohol/drugs", "Assault")))
        ref = f"AE{18000000 + k}"
        yield "ae_youth_workers", [
            ref, iso_hm(event.when), ident.given, ident.family, iso(ident.dob), code(ident.sex, "129"),
            ethnicity(world, person, rng, NHS, 0.2), postcode(ident, rng),
            pick(rng, ("Head injury", "Stab wound", "Laceration", "Overdose", "Intoxication", "Assault")),
            concern, event.place.name if rng.random() < 0.6 else None,
            pick(rng, ("St Giles Trust", "Redthread", "CSC", "None"))], [(ref, person)]


CARE_EXPORTS = (
    Export("csc_referrals", (Table("csc_referrals", "csc_referrals.csv", CSC_HEADER),), rate=0.8,
           generate=_csc),
    Export("yos_caseload", (Table("yos_caseload", "yos_caseload.xlsx", YOS_HEADER, groups=YOS_GROUPS,
                                  sheet="Caseload"),), rate=0.04, generate=_yos),
    Export("mase_list", (Table("mase_list", "mase_panel_list.xlsx", MASE_HEADER, sheet="MASE"),), rate=0.03,
           generate=_mase),
    Export("marac_list", (Table("marac_list", "marac_children.csv", MARAC_HEADER),), rate=0.05,
           generate=_marac),
    Export("gangs_panel", (Table("gangs_panel", "gangs_panel_list.xlsx", GANGS_HEADER, sheet="Cohort"),),
           rate=0.04, generate=_gangs),
    Export("hsb_meetings", (Table("hsb_meetings", "hsb_meetings.csv", HSB_HEADER),), rate=0.03,
           generate=_hsb),
    Export("ae_youth_workers", (Table("ae_youth_workers", "ae_youth_worker_referrals.csv", AE_HEADER),),
           rate=0.4, generate=_ae),
)
