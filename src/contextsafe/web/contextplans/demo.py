"""Synthetic examples of every workflow of the app, owned by the demo accounts (idempotent).

* A place referred by the youth service, with its context conference (attended by social care, the school,
  transport and the partnership), Context Weighting, a context plan and three safety ratings over time.
* A school's Beyond Referrals self-assessment and a neighbourhood assessment, each with outcomes measured.
* Ten young people's safety maps over two quarters, so the pooled map shows and can be compared.
Dates are relative to today so the demo always looks current. No real person appears.
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from contextsafe.web.access import Kind
from contextsafe.web.accounts.models import Organisation, User
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument, Status
from contextsafe.web.contextplans import places, workflow
from contextsafe.web.contextplans.toolkit import BEYOND_REFERRALS

PLACE = "Camden Lock towpath and the Hawley Road footbridge"
MAPS = 10
SEED = 7


def seed() -> None:
    users = {u.username: u for u in User.objects.filter(username__in=[
        "practitioner_youth_service", "practitioner_social_care", "practitioner_cse", "provider_school"])}
    if len(users) < 4:
        return
    orgs = {o.kind: o for o in Organisation.objects.all()}
    today = timezone.localdate()
    if not CaseDocument.objects.filter(kind=Kind.CONTEXT_REFERRAL, title=f"Context referral: {PLACE}").exists():
        _referral(users, orgs, today)
    if not CaseDocument.objects.filter(kind=Kind.CONTEXT_ASSESSMENT).exists():
        _school_assessment(users["provider_school"], orgs, today)
        _place_assessment(users["practitioner_youth_service"], orgs, today)
    if not CaseDocument.objects.filter(kind=Kind.SAFETY_MAP).exists():
        _maps([users["practitioner_youth_service"], users["practitioner_social_care"], users["practitioner_cse"]],
              today)


def _day(today: dt.date, days_ago: int) -> str:
    return (today - dt.timedelta(days=days_ago)).isoformat()


def _referral(users: dict, orgs: dict, today: dt.date) -> None:
    youth, social = users["practitioner_youth_service"], users["practitioner_social_care"]
    invited = [orgs[k] for k in ("social_care", "school", "transport", "partnership") if k in orgs]
    data = {
        "stage": workflow.REFERRED, "context_name": PLACE, "context_kind": "place", "context_key": f"place:{PLACE}",
        "concerns": ["cce", "serious_youth_violence", "cse"],
        "concern_summary": "Young people aged 13-16 are being approached on the towpath after school and asked to "
                           "carry packages; two robberies of younger pupils at the footbridge; girls report being "
                           "followed and pressured to go to a flat nearby.",
        "evidence": "Youth service detached team observations (6 evenings, Sept-Oct); 4 police reports naming the "
                    "footbridge; 3 peer group information forms naming the towpath; the school's incident log "
                    "(routes home).",
        "strengths": "Lock-keeper's cottage staffed until 18:00; two market stall holders who know the young people.",
        "young_people_affected": 11}
    doc = documents.create(Kind.CONTEXT_REFERRAL, youth, f"Context referral: {PLACE}", data,
                           context_key=f"place:{PLACE}", reason=data["concern_summary"], shared_with=invited,
                           status=Status.SUBMITTED)
    weighting = [
        {"context": PLACE, "weight": 9, "why": "Where the approaches and robberies happen; no guardians after 18:00"},
        {"context": "Peer group PG3 (older young people)", "weight": 7, "why": "Recruits younger pupils on the route"},
        {"context": "Route home from the secondary school", "weight": 5, "why": "Pupils walk the towpath alone"},
        {"context": "Flat on the nearby estate", "weight": 4, "why": "Girls pressured to go there"},
    ]
    conference = {"held_on": _day(today, 200), "chair": "Context conference chair (partnership)",
                  "attendees": "Youth service detached team lead, Youth service\nSocial worker, Children's social "
                               "care\nDeputy head (safeguarding), school\nArea manager, Transport for London",
                  "organisations": [o.name for o in invited], "organisation_ids": [o.pk for o in invited],
                  "information_shared": "Youth service: observations and times of approaches. Social care: three "
                                        "open cases name the towpath. School: incident log of the route home. "
                                        "TfL: bus stop incidents at Camden Town.",
                  "decision": "plan", "next_review": _day(today, -30), "weighting_entered": weighting,
                  "weighting": workflow.weighted(weighting)}
    documents.save(doc, social, {**doc.data, "conference": conference, "stage": workflow.CONFERENCE},
                   note="context conference recorded")
    actions = [
        ("Detached youth work on the towpath, Tuesday and Thursday 16:00-19:00", PLACE, "Detached team lead",
         "youth_service", 190, "done"),
        ("Joint visits with Transport for London staff to the footbridge and Camden Town bus stops", PLACE,
         "Area manager", "transport", -21, "in_progress"),
        ("Ask the canal trust to improve lighting and cut back cover at the footbridge", PLACE,
         "Community safety lead", "partnership", -45, "planned"),
        ("Staff on the school gate and a walking group along the route at 15:15", "Route home from the secondary "
         "school", "Deputy head (safeguarding)", "school", 120, "done"),
    ]
    plan = [{"id": i, "action": text, "target": target, "owner": owner, "organisation": orgs[org].name,
             "due": _day(today, due), "status": status, "updates": []}
            for i, (text, target, owner, org, due, status) in enumerate(actions, start=1) if org in orgs]
    documents.save(doc, youth, {**doc.data, "actions": plan, "stage": workflow.PLAN,
                                "plan_agreed_on": _day(today, 199)}, note="context plan agreed")
    ratings = [(185, 2, "Approaches seen on 5 of 6 evenings; robberies reported"),
               (95, 5, "Approaches seen on 2 of 8 evenings; no robbery since the joint visits began"),
               (20, 7, "Young people say they use the towpath again; no approach seen in October")]
    documents.save(doc, youth, {**doc.data, "ratings": [
        {"id": i, "rated_on": _day(today, ago), "rating": r, "evidence": e, "by": youth.username}
        for i, (ago, r, e) in enumerate(ratings, start=1)]}, note="safety ratings recorded")


def _school_assessment(school_user: User, orgs: dict, today: dt.date) -> None:
    lights = {"systems": ["green", "green", "amber", "green"], "prevention": ["amber", "red", "amber", "green"],
              "identification": ["red", "red", "amber", "amber"], "response": ["green", "amber", "red", "amber"]}
    answers = {f"{area}_{i}": light for area, row in lights.items() for i, light in enumerate(row, start=1)}
    answers.update({f"{area}_evidence": "" for area, _, _ in BEYOND_REFERRALS})
    answers["identification_evidence"] = "Pupil survey: 41% of girls in Year 10 have been sent unwanted images."
    answers["summary"] = ("Policies exist but incidents are logged case by case, so patterns in the corridors and on "
                          "the route home are missed; responses rarely change the places involved.")
    shared = [orgs[k] for k in ("social_care",) if k in orgs]
    doc = documents.create(Kind.CONTEXT_ASSESSMENT, school_user, "School: Beyond Referrals self-assessment: "
                           "Camden secondary school (synthetic)", {"assessment_type": "school", "context":
                           "Camden secondary school (synthetic)", "answers": answers, "outcomes": []},
                           context_key="school:Camden secondary school (synthetic)", shared_with=shared,
                           status=Status.SUBMITTED)
    outcomes = [{"id": 1, "goal": "Pupils report sexual harassment in the corridors when it happens",
                 "response": "Anonymous reporting QR code; staff on the science corridor at changeovers",
                 "measure": "Reports of sexual harassment per half-term", "baseline": 2.0,
                 "measurements": [{"measured_on": _day(today, 120), "value": 5.0, "note": ""},
                                  {"measured_on": _day(today, 30), "value": 9.0, "note": "Most from Year 9"}]}]
    documents.save(doc, school_user, {**doc.data, "outcomes": outcomes}, note="outcomes added")


def _place_assessment(user: User, orgs: dict, today: dt.date) -> None:
    answers = {
        "young_people_strengths": "Young people use the skate area and look out for younger ones.",
        "young_people_needs": "Nowhere warm to go after 18:00; some owe money to older young people.",
        "young_people_rating": "amber",
        "guardianship_strengths": "Lock-keeper and two stall holders know young people by name.",
        "guardianship_needs": "No adult with a caring intention on the towpath after dark.",
        "guardianship_rating": "red",
        "environment_strengths": "Market busy until 18:00.",
        "environment_needs": "Unlit footbridge, hidden space under the bridge, no CCTV on the towpath.",
        "environment_rating": "red",
        "summary": "Harm happens when the market closes and guardians leave; the environment hides it.",
    }
    doc = documents.create(Kind.CONTEXT_ASSESSMENT, user, f"Neighbourhood or place assessment: {PLACE}",
                           {"assessment_type": "place", "context": PLACE, "answers": answers, "outcomes": []},
                           context_key=f"place:{PLACE}", shared_with=[orgs[k] for k in ("social_care",) if k in orgs],
                           status=Status.SUBMITTED)
    documents.save(doc, user, {**doc.data, "outcomes": [{
        "id": 1, "goal": "Young people feel safe walking the towpath after school",
        "response": "Detached youth work and joint visits; lighting at the footbridge",
        "measure": "Young people (of 20 asked) who say they feel safe there", "baseline": 6.0,
        "measurements": [{"measured_on": _day(today, 40), "value": 12.0, "note": "Asked at the youth club"}]}]},
        note="outcome added")


def _maps(users: list[User], today: dt.date) -> None:
    known = places.places()
    if not known:
        return
    rng = random.Random(SEED)
    hot = {p.code for p in known[:: max(1, len(known) // 4)]}
    this_start, _ = workflow.quarter_bounds(workflow.quarter_of(today))
    last_start, last_end = workflow.quarter_bounds(workflow.previous_quarter(workflow.quarter_of(today)))
    dates = [last_start + (last_end - last_start) * k / (MAPS // 2) for k in range(MAPS // 2)]
    dates += [this_start + (today - this_start) * k / (MAPS // 2) for k in range(MAPS // 2)]
    for n, day in enumerate(dates, start=1):
        later = day >= this_start
        colours = {}
        for place in rng.sample(known, k=min(len(known), 6)):
            red = 0.7 if place.code in hot and not later else 0.4 if place.code in hot else 0.1
            colours[place.code] = rng.choices(["red", "amber", "green"], [red, 0.3, 1 - red])[0]
        for code in sorted(hot)[:1]:
            colours[code] = "red"  # one place every young person names: the towpath ward
        data = {"young_person": f"YP-{n:02d}", "mapped_on": day.isoformat(), "places": colours,
                "place_names": {p.code: p.name for p in known if p.code in colours},
                "why_red": "Older boys wait there after school.", "why_amber": "", "why_green": "Busy, adults around."}
        documents.create(Kind.SAFETY_MAP, users[n % len(users)], f"Safety map: YP-{n:02d} ({day:%d %b %Y})", data,
                         status=Status.SUBMITTED)
