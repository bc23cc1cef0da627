"""Synthetic Fair Access Panel referrals for the demo: a school's referrals on the revised form (several involving
peer-on-peer abuse), most submitted, some decided by the panel chair, one still a draft, so the data matrix of need
has content. Every name is invented. Idempotent."""

from __future__ import annotations

from contextsafe.web.access import Kind
from contextsafe.web.accounts.models import Organisation, User
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument, Status
from contextsafe.web.fap.permissions import PANEL

KIND = str(Kind.FAP_REFERRAL)

# name, sex, year, ethnicity, school, ward, postcode, peer-on-peer items, neighbourhood information, state, receiving
REFERRALS = [
    ("Leon Marsh (synthetic)", "male", "10", "White British", "Hillside Academy", "Gospel Oak", "NW5 4QT",
     ["hsb", "sexual_bullying"], "Hangs around Gospel Oak park with older boys after school.", "decided",
     "Northbank Community School"),
    ("Aaliyah Osei (synthetic)", "female", "9", "Black African", "Hillside Academy", "Kentish Town", "NW5 2LS",
     ["cse", "missing_home"], "Seen getting into cars near Kentish Town station.", "decided", "Camden Park PRU"),
    ("Jayden Clarke (synthetic)", "male", "11", "Mixed White and Black Caribbean", "Northbank Community School",
     "Kilburn", "NW6 3PL", ["gangs"], "Assaulted on the 31 bus travelling to school in September.", "decided",
     "Parkview School"),
    ("Mia Kowalski (synthetic)", "female", "8", "White Other", "St Aldric's RC High", "Camden Town", "NW1 7JE",
     ["relationship_abuse", "sexual_bullying"], "Older boyfriend waits for her outside school.", "submitted", ""),
    ("Tomas Silva (synthetic)", "male", "10", "White Other", "Parkview School", "Kilburn", "NW6 7UB", [],
     "No concerns outside school known.", "submitted", ""),
    ("Ryan Doyle (synthetic)", "male", "9", "White Irish", "Northbank Community School", "Gospel Oak", "NW3 2QG",
     ["gangs", "missing_education"], "Robbed of his phone near the estate; now avoids the route to school.",
     "submitted", ""),
    ("Zara Hussain (synthetic)", "female", "10", "Bangladeshi", "St Aldric's RC High", "Camden Town", "NW1 0PL",
     ["sexual_bullying"], "", "draft", ""),
]


def seed() -> None:
    users = {u.username: u for u in User.objects.filter(username__in=["provider_school", "panel_chair"])}
    if "provider_school" not in users or CaseDocument.objects.filter(kind=KIND, title__contains="(synthetic)").exists():
        return
    panel = list(Organisation.objects.filter(kind__in=PANEL))
    for row in REFERRALS:
        _referral(users["provider_school"], users.get("panel_chair"), panel, *row)


def _referral(school: User, chair: User | None, panel: list, name: str, sex: str, year: str, ethnicity: str,  # noqa: PLR0913
              current: str, ward: str, postcode: str, popa: list, neighbourhood: str, state: str,
              receiving: str) -> CaseDocument:
    data = {
        "referral": {"name": name, "sex": sex, "year_group": year, "ethnicity": ethnicity, "current_school": current,
                     "home_ward": ward, "home_postcode": postcode, "preferred_school": "Mainstream",
                     "reason": "Repeated incidents culminating in a fixed-term exclusion; a fresh start requested.",
                     "provision_requested": ["mainstream"], "lead_professional": "Head of Year",
                     "carer1_name": "Parent (synthetic)", "carer1_relationship": "Mother", "carer1_primary": True},
        "context": {"peer_information": "Part of a friendship group involved in the incidents." if popa else "",
                    "peer_school_response": "Peer mentoring offered; group work requested from the youth service."
                    if popa else "",
                    "school_information": "Linked to two other incidents in the same year group." if popa else "",
                    "neighbourhood_information": neighbourhood,
                    "neighbourhood_school_response": "Shared with the safer schools officer." if neighbourhood else ""},
        "social": {"open_to_social_care": "yes" if popa else "no", "peer_on_peer": popa,
                   "agency_police": "current" if "gangs" in popa else "", "early_help": "yes"},
        "education": {"attendance": "82.5", "authorised_absence": "6.0", "unauthorised_absence": "11.5",
                      "five_days": "yes", "support_peer_mentoring": "yes"},
        "office": {"referred_by": "DSL (synthetic)", "date_completed": "2026-10-01",
                   "checklist": ["Completed referral form", "SIMS attendance record", "Behaviour log"]},
    }
    status = Status.DRAFT if state == "draft" else Status.SUBMITTED
    document = documents.create(KIND, school, f"FAP referral: {name} ({current})", data, purpose="assessment",
                                shared_with=[] if state == "draft" else panel, status=status,
                                reason=data["referral"]["reason"])
    if state == "decided" and chair is not None:
        decision = {"issues": ["At risk of Permanent Exclusion/Managed Move"], "receiving_school": receiving,
                    "placement_agreed": ["respite_pru" if "PRU" in receiving else "mainstream"],
                    "decision_notes": "Placement agreed with a transition meeting and peer group support.",
                    "signed_by": "Chair of the Fair Access Panel", "signed_on": "2026-10-15"}
        documents.save(document, chair, {**data, "decision": decision}, status=Status.CLOSED, note="panel decision")
    return document
