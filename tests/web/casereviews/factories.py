"""Case reviews with hand-made tables (so the summary and cross-case figures are known by hand)."""

from __future__ import annotations

from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument


def risk(*identified: str, protective: bool = False) -> dict:
    table = {key: {"identified": True, "account": f"{key} seen"} for key in identified}
    if protective:
        table["protective_factors"] = {"identified": True, "account": "a trusted peer"}
    return table


REVIEW_A = {  # two young people; peer group PG1 (harm and safety), school SC1 (harm), home HM1 (not featured)
    "young_people": [{"code": "HA01", "roles": ["suspect", "leader"], "person_id": ""},
                     {"code": "HA02", "roles": ["complainant"], "person_id": ""}],
    "contexts": [{"code": "PG1", "kind": "peer_group", "description": ""},
                 {"code": "SC1", "kind": "school", "description": ""},
                 {"code": "HM1", "kind": "home", "description": ""}],
    "environments": {"HA01": {"PG1": risk("abusive_behaviours", "harmful_gender_norms"), "SC1": risk("criminality"),
                              "HM1": {"criminality": {"identified": False, "account": ""}}},
                     "HA02": {"PG1": risk(protective=True)}},
    "interventions_individual": [{"code": "HA01", "service": "youth_offending", "assessment": "AIM2", "account": ""},
                                 {"code": "HA02", "service": "social_care", "assessment": "", "account": ""}],
    "interventions_context": [{"code": "PG1", "service": "youth_service", "assessment": "", "account": ""}],
}
REVIEW_B = {  # one young person; neighbourhood NB1 (harm), peer group PG1 (harm)
    "young_people": [{"code": "HA01", "roles": ["complainant"], "person_id": ""}],
    "contexts": [{"code": "NB1", "kind": "neighbourhood", "description": ""},
                 {"code": "PG1", "kind": "peer_group", "description": ""}],
    "environments": {"HA01": {"NB1": risk("lack_of_capacity"), "PG1": risk("abusive_behaviours")}},
    "interventions_individual": [{"code": "HA01", "service": "social_care", "assessment": "", "account": ""}],
    "interventions_context": [],
}


def review(lead, data: dict | None = None, title: str = "Review", team=None, purpose: str = "assessment",  # noqa: ANN001
           **meta) -> CaseDocument:  # noqa: ANN003
    made = documents.create("case_review", lead, title, data or {"young_people": [], "contexts": []},
                            purpose=purpose, **meta)
    made.team.set(team if team is not None else [lead])
    return made
