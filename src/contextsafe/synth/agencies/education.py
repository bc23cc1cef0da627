"""Education exports: exclusions, children missing education, Fair Access Panel referrals (appendix H)
and peer group information forms (appendix F)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import numpy as np

from contextsafe.synth.agencies.base import (
    LABELS,
    Export,
    Row,
    Table,
    code,
    d_mon_yy,
    dmy,
    ethnicity,
    iso,
    pick,
    postcode,
    school_name,
    school_urn,
    title,
)
from contextsafe.synth.agencies.care import _mixed_event
from contextsafe.synth.noise import CAREFUL, ORDINARY
from contextsafe.synth.world import World
from contextsafe.vocab import Concern

C = Concern
EXCLUSION_HEADER = ("Exclusion ID", "UPN", "Legal Surname", "Forename", "DOB", "Gender", "Ethnicity", "School",
                    "School URN", "Exclusion Type", "Start Date", "Sessions", "Reason", "Postcode")
REASONS = {C.SERIOUS_YOUTH_VIOLENCE: "PA", C.GANG_ASSOCIATION: "PA", C.HSB: "SM", C.SEXUAL_BULLYING: "SM",
           C.CCE: "DA", C.CSE: "OT"}
OTHER_REASONS = ("DB", "VP", "VA", "BU", "DM", "TH", "PP", "RA", "OT")


def _school_people(world: World, rng: np.random.Generator, share: float, concerns: set[Concern]):
    """An event about a pupil of a borough school (group members over-represented)."""
    while True:
        event = _mixed_event(world, rng, share, concerns)
        pupils = [p for p in event.people if world.pop.school[p] >= 0]
        if pupils:
            return event, pupils[0]


def _exclusions(world: World, rng: np.random.Generator, n: int) -> Iterator[Row]:
    for k in range(n):
        event, person = _school_people(world, rng, 0.3, {C.EXCLUSION})
        ident = world.observe(person, rng, CAREFUL)
        reason = next((REASONS[c] for c in sorted(event.concerns) if c in REASONS), pick(rng, OTHER_REASONS))
        permanent = rng.random() < 0.04
        ref = f"EX{k + 1:06d}"
        yield "school_exclusions", [
            ref, f"H{202000000000 + person * 13 % 99999999989:012d}", ident.family, ident.given,
            dmy(ident.dob), code(ident.sex, "MFU"), ethnicity(world, person, rng, None, 0.03),
            school_name(world, person, rng, 0.0), school_urn(world, person), "PERM" if permanent else "FIXED",
            dmy(event.when.date()), int(rng.integers(1, 11)) if not permanent else None, reason,
            postcode(ident, rng)], [(ref, person)]


CME_HEADER = ("CME Ref", "First Name", "Last Name", "Date of Birth", "Sex", "Last School", "Date Reported",
              "Reason", "Postcode", "Status")
CME_REASONS = ("Whereabouts unknown", "Not on roll", "Removed from roll - no destination",
               "Persistent absence - not located", "Left UK")


def _cme(world: World, rng: np.random.Generator, n: int) -> Iterator[Row]:
    for k in range(n):
        event, person = _school_people(world, rng, 0.3, {C.MISSING_FROM_EDUCATION})
        ident = world.observe(person, rng, ORDINARY)
        ref = f"CME-{k + 1:05d}"
        yield "children_missing_education", [
            ref, ident.given, ident.family, iso(ident.dob), code(ident.sex, ("Male", "Female", "")),
            school_name(world, person, rng, 0.05), iso(event.when.date()), pick(rng, CME_REASONS),
            postcode(ident, rng), pick(rng, ("Open", "Open", "Closed - located", "Closed - on roll"))
        ], [(ref, person)]


# -- Fair Access Panel (appendix H) -----------------------------------------------------------------
FAP_TICKS = {C.CSE: "Child Sexual Exploitation", C.GANG_ASSOCIATION: "Affected by Gangs and or serious youth "
             "violence", C.SERIOUS_YOUTH_VIOLENCE: "Affected by Gangs and or serious youth violence",
             C.CCE: "Affected by Gangs and or serious youth violence",
             C.RELATIONSHIP_ABUSE: "Relationship Abuse/Domestic Abuse in own relationships",
             C.HSB: "Displays Harmful Sexual Behaviour", C.SEXUAL_BULLYING: "Sexual bullying",
             C.MISSING_FROM_EDUCATION: "Missing from Education", C.MISSING_FROM_HOME: "Missing from Home"}
FAP_HEADER = ("Referral Number", "Date Form Completed", "Name", "Other Names", "Sex", "Ethnicity", "UPN",
              "Date of Birth", "Year Group", "Current Provision/School", "Preferred School/type of School",
              "Postcode", "Reason for Referral", "Home environment - Information",
              "Home environment - School response", "Peer Group - Information", "Peer Group - School response",
              "School - Information", "School - School response", "Neighbourhood - Information",
              "Neighbourhood - School response", "Peer-on-peer abuse (tick all that applies)",
              "Open to social care", "Type of provision")
HOME = ("Parent engages with school; no concerns raised.", "Mother reports he goes missing overnight at weekends.",
        "Police called to the home after an argument; siblings present.", "Carer struggles to set boundaries.")
PEERS = ("Spends time with an older group outside school; has become withdrawn from former friends.",
         "Named by other pupils as part of a group involved in incidents at {place}.",
         "Isolated; lacks a friendship group.", "Bullied by a group of peers in Year {year}.")
SCHOOL = ("Linked to incidents involving the same group of pupils.", "Persistent disruption in lessons.",
          "Seen leaving site at lunchtime with peers from other schools.")
NEIGHBOURHOOD = ("Reports feeling unsafe travelling past {place}.", "Robbed on the way home from school.",
                 "Associates with young people known to the gangs panel.", "No concerns known.")
RESPONSES = ("Referred to school nurse", "Mentoring in place", "Safeguarding lead informed; CSC referral made",
             "Managed move considered", "None yet", "Pastoral support plan")


def _fap(world: World, rng: np.random.Generator, n: int) -> Iterator[Row]:
    for k in range(n):
        event, person = _school_people(world, rng, 0.5, {C.EXCLUSION})
        ident = world.observe(person, rng, CAREFUL)
        place = event.place.name
        age = world.pop.age(person, dt.date(2017, 9, 1))
        ticks = sorted({FAP_TICKS[c] for c in event.concerns if c in FAP_TICKS})
        ref = f"FAP/{k + 1:04d}"
        yield "fap_referrals", [
            ref, dmy(event.when.date()), f"{ident.given} {ident.family}",
            world.pop.other_family[person] if rng.random() < 0.3 else None,
            code(ident.sex, ("Male", "Female", "")), ethnicity(world, person, rng, LABELS, 0.05),
            f"H{202000000000 + person * 13 % 99999999989:012d}", dmy(ident.dob), f"Year {max(7, age - 4)}",
            school_name(world, person, rng, 0.0), pick(rng, ("Mainstream", "Alternative provision", "PRU")),
            postcode(ident, rng), pick(rng, ("At risk of permanent exclusion", "Managed move", "Permanent exclusion",
                                            "Out of education for more than one term")),
            pick(rng, HOME), pick(rng, RESPONSES), pick(rng, PEERS).format(place=place, year=max(7, age - 5)),
            pick(rng, RESPONSES), pick(rng, SCHOOL), pick(rng, RESPONSES),
            pick(rng, NEIGHBOURHOOD).format(place=place), pick(rng, RESPONSES), "; ".join(ticks),
            pick(rng, ("Yes", "No")), pick(rng, ("Placement at mainstream school", "Respite place in PRU",
                                                 "Alternative Provision"))], [(ref, person)]


# -- peer group information forms (appendix F) ------------------------------------------------------
PGI_HEADER = ("Form Ref", "Date Returned", "Requested By", "Information Provider", "Type of Assessment",
              "Subject Ref", "Subject Forename", "Subject Surname", "Subject DOB",
              "Aware of Peer Relationships", "Size of Peer Network", "Peer Ref", "Peer Name",
              "Influence", "Leads/Follows", "Explanation")
EXPLAIN = {"Positive": ("Long-standing friend; encourages attendance.", "Sibling-like support at school."),
           "Negative": ("Seen together at incidents after school.", "Introduced subject to older males.",
                        "Encourages missing school."),
           "Not known": ("Mentioned by subject; not known to staff.",)}


def _pgi(world: World, rng: np.random.Generator, n: int) -> Iterator[Row]:
    groups = world.pop.groups
    for k in range(n):
        if groups and rng.random() < 0.8:
            group = groups[world.group(rng)]
            subject = int(group.members[int(rng.integers(len(group.members)))])
            peers = [m for m in group.members if m != subject]
            peers = [int(p) for p in rng.choice(peers, size=min(len(peers), int(rng.integers(2, 6))), replace=False)]
        else:
            subject, group, peers = world.people(rng, 1)[0], None, []
        friends = [p for p in world.people(rng, int(rng.integers(0, 3))) if p != subject and p not in peers]
        if not peers and not friends:
            continue
        ref = f"PGI-{k + 1:04d}"
        ident = world.observe(subject, rng, ORDINARY)
        when = world.when(rng).date()
        provider = school_name(world, subject, rng, 0.0) or "Youth Service"
        head = [ref, d_mon_yy(when), pick(rng, ("YOS", "CSC", "CSE Service")), provider,
                pick(rng, ("AssetPlus", "Child and family assessment", "CSE risk assessment")),
                f"{ref}-S", ident.given, ident.family, dmy(ident.dob), "Yes",
                pick(rng, ("Many", "Small number", "Isolated"))]
        for line, peer in enumerate(peers + friends, start=1):
            seen = world.observe(peer, rng, ORDINARY)
            in_group = group is not None and peer in group.members
            influence = ("Negative" if rng.random() < 0.75 else "Not known") if in_group else "Positive"
            if group is not None and peer in group.leaders and subject not in group.leaders:
                relation = "YP follows"
            elif group is not None and subject in group.leaders and in_group:
                relation = "YP leads"
            else:
                relation = "Neither"
            records = [(f"{ref}-S", subject)] if line == 1 else []
            records.append((f"{ref}-P{line}", peer))
            yield "pgi_forms", [*head, f"{ref}-P{line}", f"{seen.given} {seen.family}", influence, relation,
                                pick(rng, EXPLAIN[influence])], records


EDUCATION_EXPORTS = (
    Export("school_exclusions", (Table("school_exclusions", "school_exclusions.csv", EXCLUSION_HEADER,
                                       encoding="cp1252", title=title("SIMS Exclusions report"),
                                       blank_rate=0.01),), rate=0.8, generate=_exclusions),
    Export("children_missing_education", (Table("children_missing_education", "children_missing_education.csv",
                                                 CME_HEADER, encoding="utf-8-sig"),), rate=0.08, generate=_cme),
    Export("fap_referrals", (Table("fap_referrals", "fair_access_panel_referrals.xlsx", FAP_HEADER,
                                   sheet="Referrals"),), rate=0.03, generate=_fap),
    Export("pgi_forms", (Table("pgi_forms", "peer_group_information_forms.xlsx", PGI_HEADER,
                               sheet="PGI returns"),), rate=0.04, generate=_pgi),
)
