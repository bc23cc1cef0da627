"""Synthetic HSB meetings for the demo: one young person's meeting and its review (actions of every colour, a
factor left without a plan, what shifted), and a second young person's meeting so the trend page has content.
Every name is invented. Idempotent: a meeting already seeded is left as it is."""

from __future__ import annotations

import datetime as dt

from contextsafe.web.access import Kind
from contextsafe.web.accounts.models import Organisation, User
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument, Status
from contextsafe.web.hsb import meetings
from contextsafe.web.hsb.factors import FACTORS

KIND = str(Kind.HSB_MEETING)
ATTENDING = ("school", "youth_service", "youth_offending", "cse_service", "health", "partnership")


def _pick(context: str, kind: str, *numbers: int) -> list[str]:
    return [FACTORS[context][kind][n] for n in numbers]


FIRST = {
    "young_person": "Kai Brennan (synthetic)", "meeting_date": "2026-09-14",
    "chair": "HSB MAP chair, children's social care",
    "attendee_names": "Social worker (CSC); DSL, Hillside Academy; detached youth worker; YOS case manager; CSE "
                      "police lead; school nurse; CSE analyst",
    "referral_route": "Referred by the DSL at Hillside Academy through the MASH, as for CSE referrals; HSB SPOC: "
                      "the CSC adolescent safeguarding team (demo contact only).",
    "group_or_sole": "group",
    "current_situation": "15, Year 10, lives with mother and two younger siblings. Previously open to early help.",
    "specific_concerns": "Shared sexual images of a Year 10 girl in a group chat and, with two friends, pressured her "
                         "for more. The friends meet after school at the Gospel Oak park and on the C11 bus.",
    "factors_discussion": "Peer endorsement of the image sharing; school's response so far limited to exclusion.",
    "strengths": "Engaged in boxing at the youth centre; good relationship with his PE teacher.",
    "professional_involvement": "CSC assessment open; school pastoral lead; no work yet with the peer group.",
    "continuum_level": "abusive",
    "continuum_reason": "Coercion and repeated pressure on the victim after she said no; misuse of status in the "
                        "peer group; the images were shared without consent.",
    "decisions_young_person": "AIM3 assessment and HSB intervention with the YOS HSB worker.",
    "decisions_family": "Parenting support for mother; safety planning around domestic abuse history.",
    "decisions_contexts": "Peer group mapping; consent and bystander work with Year 10; detached youth work at the "
                          "park.",
    "contexts_summary": "The behaviour is endorsed within the peer group and travels with it between school, the bus "
                        "and the park; school is currently the strongest protective context.",
    "minutes": "Concerns summarised by the DSL. Agreement that the behaviour is peer-endorsed and that moving Kai "
               "alone would not change the group's norms. Actions agreed as below.",
    "table": {
        "individual": {"hsb": "Image sharing and pressure for images", "risk": _pick("individual", "risk", 8, 10),
                       "resilience": _pick("individual", "resilience", 0, 3), "strengths": "Boxing; PE teacher",
                       "vulnerability": _pick("individual", "vulnerability", 3),
                       "planned_actions": "AIM3 assessment; HSB intervention"},
        "family": {"current_situation": "Mother and two younger siblings", "risk": _pick("family", "risk", 0),
                   "resilience": _pick("family", "resilience", 0)},
        "peer": {"hsb": "Group pressure and image sharing", "risk": _pick("peer", "risk", 3, 4, 6),
                 "vulnerability": _pick("peer", "vulnerability", 1),
                 "professional_involvement": "None with the group as a group"},
        "school": {"risk": _pick("school", "risk", 4), "resilience": _pick("school", "resilience", 2),
                   "barriers": "School wishes to exclude rather than work with the year group"},
        "neighbourhood": {"current_situation": "Gospel Oak park after school; C11 bus",
                          "vulnerability": _pick("neighbourhood", "vulnerability", 1),
                          "resilience": _pick("neighbourhood", "resilience", 0)},
    },
}
FIRST_ACTIONS = [
    ("AIM3 assessment completed by the YOS HSB worker", "individual", "YOS HSB worker", "2026-10-12", "green"),
    ("Peer group mapping with the school and youth service", "peer", "CSC social worker and youth service",
     "2026-10-05", "amber"),
    ("Consent and bystander sessions for Year 10", "school", "DSL, Hillside Academy", "2026-10-30", "red"),
    ("Detached youth work at Gospel Oak park, Thursday evenings", "neighbourhood", "Detached youth work team",
     "2026-10-01", "amber"),
]
SECOND = {
    "young_person": "Reece Adeyemi (synthetic)", "meeting_date": "2026-10-20",
    "chair": "HSB MAP chair, children's social care", "referral_route": "Police referral after an incident on a bus",
    "group_or_sole": "sole", "current_situation": "14, Year 9, looked after, placed in the borough.",
    "specific_concerns": "Touching a younger pupil on the bus home; a single incident.",
    "continuum_level": "inappropriate",
    "continuum_reason": "A single incident, no coercion established; context (crowded bus, group dare) inappropriate.",
    "table": {"individual": {"vulnerability": _pick("individual", "vulnerability", 2, 4)},
              "peer": {"risk": _pick("peer", "risk", 4), "planned_actions": "Group work via the youth service"},
              "neighbourhood": {"risk": _pick("neighbourhood", "risk", 2)}},
}


def _users() -> dict[str, User] | None:
    found = {u.username: u for u in User.objects.filter(username__in=["practitioner_social_care", "panel_chair"])}
    return found if "practitioner_social_care" in found else None


def seed() -> None:
    users = _users()
    if users is None or CaseDocument.objects.filter(kind=KIND, title__contains="(synthetic)").exists():
        return
    social_worker = users["practitioner_social_care"]
    attending = list(Organisation.objects.filter(name__in=_organisation_names()))
    first = _meeting(social_worker, FIRST, attending)
    actions = [meetings.add_action(first, social_worker, what=w, context=c, owner=o,
                                   due_on=dt.date.fromisoformat(d), rag=r) for w, c, o, d, r in FIRST_ACTIONS]
    review = meetings.start_review(first, social_worker, dt.date(2026, 11, 9))
    _review_changes(review, social_worker, actions)
    _meeting(social_worker, SECOND, attending)


def _organisation_names() -> list[str]:
    from contextsafe.web.accounts.demo import ORGANISATIONS

    return [ORGANISATIONS[key][0] for key in ATTENDING if key in ORGANISATIONS]


def _meeting(user: User, data: dict, attending: list) -> CaseDocument:
    full = {**data, "attending": [o.name for o in attending]}
    return documents.create(KIND, user, meetings.title(data), full,
                            purpose="assessment", shared_with=attending, status=Status.SUBMITTED,
                            reason=data["specific_concerns"])


def _review_changes(review: CaseDocument, user: User, first_actions: list) -> None:
    """At review: sessions started, mapping done, challenge within the group; behaviour now problematic."""
    carried = {a.carried_from_id: a for a in review.hsb_actions.all()}
    meetings.set_rag(carried[first_actions[1].pk], user, "green", "Mapping completed; three peers identified")
    meetings.set_rag(carried[first_actions[2].pk], user, "amber", "Two of four sessions delivered")
    review.refresh_from_db()
    table = {**review.data["table"]}
    peer = dict(table["peer"])
    peer["risk"] = _pick("peer", "risk", 3, 4)
    peer["resilience"] = _pick("peer", "resilience", 0)
    peer["planned_actions"] = "Group work with the three peers identified"
    table["peer"] = peer
    data = {**review.data, "table": table, "continuum_level": "problematic",
            "continuum_reason": "No further pressure on the victim since September; images removed; behaviour "
                                "now concerning rather than coercive, still group-endorsed.",
            "minutes": "Mapping showed two friends challenged the image sharing. School sessions under way."}
    documents.save(review, user, data, status=Status.SUBMITTED, note="review meeting")
    meetings.add_action(review, user, what="Parenting support sessions for mother", context="family",
                        owner="Family support worker", due_on=dt.date(2026, 12, 14), rag="red")
