"""A filled-in example audit of the demo borough's response (synthetic: no real partnership's findings)."""

from __future__ import annotations

import datetime as dt

from contextsafe.web.accounts.models import User
from contextsafe.web.localaudit.models import Audit, Cell, Finding, Forum, Observation

PARTNERSHIP = "Camden Safeguarding Children Partnership (demo)"

# silo -> level -> (exists, what, links across, links down, contexts)
MATRIX: dict[str, dict[str, tuple]] = {
    "cse": {
        "strategy": ("yes", "CSE strategy and action plan 2016–18", ["syv", "missing"], "yes", ["neighbourhoods"]),
        "strategic_group": ("yes", "CSE sub-group of the partnership", ["missing"], "yes", []),
        "guidance": ("yes", "CSE practice guidance (2014)", [], "partly", ["schools"]),
        "protocol": ("yes", "Missing and CSE protocol", ["missing"], "yes", []),
        "operational_meeting": ("yes", "Monthly MASE meeting", ["missing"], "yes", ["neighbourhoods", "peer_groups"]),
        "assessment": ("yes", "CSE risk assessment tool", [], "yes", []),
        "interventions": ("partly", "CSE specialist service; little for boys and young men", [], "partly", []),
        "case_management": ("yes", "Child in need and child protection plans", ["domestic_abuse"], "", []),
    },
    "domestic_abuse": {
        "strategy": ("yes", "Domestic Violence and Abuse Strategy 2015–18", [], "partly", []),
        "strategic_group": ("yes", "VAWG strategic group", [], "yes", []),
        "guidance": ("partly", "LSCB domestic abuse policy (draft)", [], "partly", []),
        "protocol": ("no", "", [], "", []),
        "operational_meeting": ("yes", "MARAC (adult-focused; few under-18s referred)", [], "yes", []),
        "assessment": ("yes", "DASH risk checklist (adult)", [], "yes", []),
        "interventions": ("partly", "Young person's domestic violence advocate", ["cse"], "partly", ["schools"]),
        "case_management": ("yes", "Social care case management", [], "", []),
    },
    "syv": {
        "strategy": ("yes", "Serious youth violence and gangs strategy", ["cse"], "yes", ["neighbourhoods"]),
        "strategic_group": ("yes", "Gangs and serious youth violence strategic group", [], "yes", ["neighbourhoods"]),
        "guidance": ("yes", "LSCB procedure: children affected by gang activity", [], "yes", ["peer_groups"]),
        "protocol": ("partly", "Gang exit protocol", [], "partly", []),
        "operational_meeting": ("yes", "Fortnightly gangs panel", [], "yes", ["peer_groups", "neighbourhoods"]),
        "assessment": ("yes", "AssetPlus", [], "yes", []),
        "interventions": ("yes", "Detached youth work, gang exit workers", [], "yes", ["neighbourhoods"]),
        "case_management": ("yes", "Youth offending case management", [], "", []),
    },
    "hsb": {
        "strategy": ("no", "", [], "", []),
        "strategic_group": ("no", "", [], "", []),
        "guidance": ("yes", "LSCB procedure: children who exhibit problematic / harmful sexual behaviour", [], "partly",
                     []),
        "protocol": ("partly", "HSB referral pathway", [], "partly", []),
        "operational_meeting": ("yes", "HSB multi-agency meetings", ["cse"], "yes", ["schools"]),
        "assessment": ("yes", "AIM assessment", [], "yes", []),
        "interventions": ("partly", "Specialist HSB service (waiting list)", [], "partly", []),
        "case_management": ("yes", "Social care case management", [], "", []),
    },
}

# What the observations and forums showed of the written response (Figure 2: "both on paper and in practice").
IN_PRACTICE = {("cse", "guidance"): "partly", ("cse", "operational_meeting"): "yes",
               ("syv", "operational_meeting"): "yes", ("domestic_abuse", "strategy"): "no",
               ("hsb", "protocol"): "partly", ("syv", "protocol"): "no",
               ("domestic_abuse", "operational_meeting"): "partly"}

FINDINGS = {
    "individuals": ("Every silo has an assessment tool for individual young people.",
                    "Tools differ (CSE tool, DASH, AssetPlus, AIM): risk is not assessed in comparable ways.",
                    "Agree shared risk language for peer-on-peer abuse across the four assessments."),
    "homes": ("Case management in every silo works with families.",
              "Parents are rarely supported when the harm is outside the home.",
              "Offer parents of young people harmed by peers a contextual family plan."),
    "peer_groups": ("The gangs panel and MASE discuss groups, not only individuals.",
                    "Peer groups discussed at MASE and the gangs panel are not linked.",
                    "Pilot the peer group information capture form (appendix F)."),
    "schools": ("The young person's domestic violence advocate works in two schools.",
                "Schools are absent from MARAC and the gangs panel.",
                "Bring the Fair Access Panel into the response (appendix H)."),
    "neighbourhoods": ("Detached youth work is tasked to places named at the gangs panel.",
                       "Places named at MASE are not shared with community safety.",
                       "Map the places discussed at more than one panel."),
    "leadership": ("Each area has a strategic group.", "No strategic group owns harmful sexual behaviour.",
                   "Give one board sub-group the oversight of peer-on-peer abuse."),
    "multi_agency": ("Operational meetings meet regularly and are well attended.",
                     "The same young people are discussed at several meetings without cross-reference.",
                     "Share cohorts across panels each quarter (panel coordination)."),
    "strategy": ("CSE and SYV strategies recognise neighbourhoods.",
                 "No HSB strategy; DA documents treat young people only as children exposed to abuse.",
                 "Coordinate strategic documents (appendix P)."),
    "training": ("CSE training draws on research.", "Training does not use the local problem profile.",
                 "Build the local profile into all four training programmes."),
    "overall": ("Strong operational meetings in CSE and SYV.",
                "The response is siloed and mostly individual-focused.",
                "Three to five development actions agreed with the steering group."),
}


def seed() -> None:
    """One audit owned by the partnership, written by the panel chair (idempotent; needs no store)."""
    chair = User.objects.filter(username="panel_chair").select_related("organisation").first()
    if chair is None or chair.organisation is None or Audit.objects.filter(partnership=PARTNERSHIP).exists():
        return
    audit = Audit.objects.create(
        organisation=chair.organisation, partnership=PARTNERSHIP, period_start=dt.date(2016, 1, 4),
        period_end=dt.date(2016, 3, 31), lead="Partnership business manager", optional_silos=["missing"],
        created_by=chair, review={
            "implications": "Five documents touch peer-on-peer abuse; none names it.",
            "environments": "CSE and SYV strategies engage neighbourhoods; schools appear only in guidance.",
            "governance": "Four strategic groups report separately to the partnership board.",
            "consistent": "Young people who harm are 'perpetrators' in DA documents and 'children' in HSB ones.",
            "practice_differs": "Meetings discuss places and groups more than the strategies suggest.",
            "engage_contexts": "Partly: at operational meetings, rarely in assessment.",
            "sufficiently_linked": "No: CSE, DA, SYV and HSB are linked only through individual cases."})
    for silo, levels in MATRIX.items():
        for level, (exists, what, across, down, contexts) in levels.items():
            Cell.objects.create(audit=audit, silo=silo, level=level, exists=exists, what=what, links_across=across,
                                links_down=down, contexts=contexts, in_practice=IN_PRACTICE.get((silo, level), ""))
    Cell.objects.create(audit=audit, silo="missing", level="operational_meeting", exists="yes",
                        what="Missing children panel", links_across=["cse"], links_down="yes",
                        contexts=["neighbourhoods"])
    for type_, subject, day, answers in [
        ("meeting", "mase", 14, ["yes", "partly", "partly", "no", "no"]),
        ("meeting", "marac", 21, ["no", "no", "partly", "no", "partly"]),
        ("meeting", "gangs_panel", 28, ["yes", "yes", "partly", "partly", "partly"]),
        ("training", "cse", 10, ["partly", "no", "yes", "no"]),
    ]:
        keys = (["explore_contexts", "share_trends", "consistent_language", "comparable_risk",
                 "appropriate_interventions"] if type_ == "meeting" else
                ["shared_definitions", "shared_pathways", "research_evidence", "local_profile"])
        Observation.objects.create(audit=audit, type=type_, subject=subject, observed_on=dt.date(2016, 1, day),
                                   observer="Audit lead", answers={k: {"answer": a, "note": ""}
                                                                   for k, a in zip(keys, answers, strict=True)})
    Forum.objects.create(audit=audit, held_on=dt.date(2016, 3, 2), attended_by="Social workers, YOS, school DSLs",
                         case_study="A 15-year-old girl harmed by boys in her peer group, at school and in a park.",
                         answers={"respond_now": "Separately: a CSE referral for her, YOS for the boys.",
                                  "effective": "The MASE meeting and the detached youth team.",
                                  "challenges": "Nobody holds the peer group or the park."})
    for heading, (strengths, challenges, development) in FINDINGS.items():
        Finding.objects.create(audit=audit, heading=heading, strengths=strengths, challenges=challenges,
                               development=development)
