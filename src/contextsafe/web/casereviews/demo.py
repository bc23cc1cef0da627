"""Two synthetic contextual case reviews (so the cross-case analysis has content): an HSB case led by children's
social care, and a serious youth violence case led by the partnership's panel chair. Idempotent; needs no store."""

from __future__ import annotations

from contextsafe.web.access import Kind
from contextsafe.web.accounts.models import User
from contextsafe.web.casereviews import names
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument, Status


def _t(*identified: str, accounts: dict[str, str] | None = None, protective: str = "") -> dict:
    accounts = accounts or {}
    table = {k: {"identified": True, "account": accounts.get(k, "")} for k in identified}
    if protective:
        table["protective_factors"] = {"identified": True, "account": protective}
    return table


HSB = {
    "young_people": [{"code": "HA01", "roles": ["suspect"], "person_id": ""},
                     {"code": "HA02", "roles": ["suspect", "leader"], "person_id": ""},
                     {"code": "HA03", "roles": ["complainant"], "person_id": ""}],
    "contexts": [{"code": "PG1", "kind": "peer_group", "description": "group of four Year 10 boys"},
                 {"code": "SC1", "kind": "school", "description": "mixed secondary academy"},
                 {"code": "HM1", "kind": "home", "description": "HA01's family home"},
                 {"code": "NB1", "kind": "neighbourhood", "description": "park and bus stop near SC1"}],
    "overview": {"incident_summary": "HA03 was sexually assaulted by HA01 and HA02 in NB1 after school; images were "
                                     "shared in PG1 and at SC1 the next day.",
                 "year_of_incident": "2025", "year_of_response": "2025"},
    "agencies": [{"prior": "School", "prior_code": "SC1", "post": "Police", "post_code": ""},
                 {"prior": "", "prior_code": "", "post": "Children's social care", "post_code": ""}],
    "definitions": {"cse": False, "domestic_abuse": False, "serious_youth_violence": False,
                    "gang_associated_violence": False, "hsb": True},
    "behaviours": {"physical": {"prior": False, "during": True, "following": False},
                   "sexual": {"prior": True, "during": True, "following": True},
                   "emotional": {"prior": True, "during": False, "following": True},
                   "financial": {"prior": False, "during": False, "following": False},
                   "coercive_control": {"prior": False, "during": False, "following": False}},
    "incident": {"behaviour_description": "Sexualised name-calling in SC1 for weeks before; \"sket\" shouted after.",
                 "weapons": "None", "technology": "Phone camera; group chat of PG1", "locations": "NB1",
                 "escalation": "Harassment in SC1 corridors escalated to the assault in NB1."},
    "environments": {
        "HA01": {"PG1": _t("abusive_behaviours", "harmful_gender_norms", accounts={
                     "abusive_behaviours": "HA01 'punched' by HA02 a month prior to the incident",
                     "harmful_gender_norms": "Group calls girls 'slags' in the chat"},
                     protective="HA01 can identify one peer he talks to"),
                 "HM1": _t("lack_of_capacity", accounts={"lack_of_capacity": "Parent works nights; unaware of PG1"}),
                 "SC1": _t("abusive_behaviours", accounts={"abusive_behaviours": "Sexual bullying unchallenged"})},
        "HA02": {"PG1": _t("abusive_behaviours", "harmful_gender_norms", "criminality",
                           accounts={"criminality": "Cautioned for robbery with HA01"}),
                 "NB1": _t("criminality", accounts={"criminality": "Robberies reported near the bus stop"})},
        "HA03": {"SC1": _t("lack_of_capacity", accounts={"lack_of_capacity": "Moved classes rather than tackle "
                                                                             "the harassment"},
                           protective="Trusted pastoral lead"),
                 "NB1": _t("lack_of_capacity", accounts={"lack_of_capacity": "No guardianship after school"})},
    },
    "interventions_individual": [
        {"code": "HA01", "service": "youth_offending", "assessment": "AIM2", "account": "HSB programme"},
        {"code": "HA02", "service": "youth_offending", "assessment": "AIM2", "account": "HSB programme"},
        {"code": "HA03", "service": "social_care", "assessment": "Child and family assessment",
         "account": "Therapeutic support; managed move considered"}],
    "interventions_context": [
        {"code": "SC1", "service": "schools", "assessment": "", "account": "Whole-school work on sexual bullying"}],
    "log": [{"title": "CSC chronology HA03", "type": "chronology", "date": "2025-11-02", "used": "yes", "notes": ""},
            {"title": "Strategy meeting minutes", "type": "minutes", "date": "2025-06-20", "used": "yes",
             "notes": ""},
            {"title": "Ofsted report SC1", "type": "ofsted", "date": "2024-03-01", "used": "no",
             "notes": "Predates the incident"}],
}

SYV = {
    "young_people": [{"code": "HA01", "roles": ["complainant"], "person_id": ""},
                     {"code": "HA02", "roles": ["suspect"], "person_id": ""}],
    "contexts": [{"code": "PG1", "kind": "peer_group", "description": "estate-based group"},
                 {"code": "NB1", "kind": "neighbourhood", "description": "high street"},
                 {"code": "NB2", "kind": "neighbourhood", "description": "estate stairwells"},
                 {"code": "SC1", "kind": "school", "description": "pupil referral unit"}],
    "overview": {"incident_summary": "HA01 was stabbed in NB1 by HA02 after a dispute carried over from PG1.",
                 "year_of_incident": "2024", "year_of_response": "2024"},
    "definitions": {"serious_youth_violence": True, "gang_associated_violence": True},
    "environments": {
        "HA01": {"NB1": _t("criminality", "abusive_behaviours"), "SC1": _t(protective="Attends PRU daily")},
        "HA02": {"PG1": _t("criminality", "abusive_behaviours", "harmful_gender_norms"),
                 "NB2": _t("criminality", "lack_of_capacity")},
    },
    "interventions_individual": [
        {"code": "HA01", "service": "health", "assessment": "", "account": "A&E youth worker"},
        {"code": "HA02", "service": "youth_offending", "assessment": "Asset Plus", "account": "Referral order"},
        {"code": "HA01", "service": "social_care", "assessment": "", "account": "Relocation of the family"}],
    "interventions_context": [],
    "log": [{"title": "Police investigation summary", "type": "investigation", "date": "2024-09-12", "used": "yes",
             "notes": ""},
            {"title": "Crime data NB1 2024", "type": "crime_data", "date": "2024-12-31", "used": "yes", "notes": ""}],
}

REVIEWS = [  # title, lead, team, data, names to refuse (synthetic)
    ("Case review 2025/04 — HSB after school", "practitioner_social_care",
     ["practitioner_social_care", "practitioner_cse", "panel_chair"], HSB,
     ["Jaden Mercer", "Kofi Bright", "Ellie Ashcombe"], ["Larkfield Academy", "Rowan Park"]),
    ("Case review 2024/09 — stabbing on the high street", "panel_chair",
     ["panel_chair", "practitioner_social_care"], SYV, ["Marcus Dale", "Tyrell Quinn"], ["Fenwick Estate"]),
]


def seed() -> None:
    users = {u.username: u for u in User.objects.select_related("organisation")}
    for title, lead, team, data, people, places in REVIEWS:
        if lead not in users or CaseDocument.objects.filter(kind=Kind.CASE_REVIEW, title=title).exists():
            continue
        members = [users[u] for u in team if u in users]
        shared = {m.organisation for m in members if m.organisation_id != users[lead].organisation_id}
        review = documents.create(Kind.CASE_REVIEW, users[lead], title, {"young_people": [], "contexts": []},
                                  purpose="assessment", shared_with=shared)
        review.team.set(members)
        names.add_names(review, people, places)
        documents.save(review, users[lead], data, note="codes and stages")
        documents.save(review, users[lead], data, status=Status.SUBMITTED, note="review completed")
