"""A synthetic contextual assessment with a full plan (the seed's exemplar case, Figure 4), owned by the youth
offending service and shared with children's social care. Idempotent; works with or without a store."""

from __future__ import annotations

from contextsafe.web.access import Kind
from contextsafe.web.accounts.models import Organisation, User
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument, Status

TITLE = "Contextual assessment — MK (Asset Plus, YOS)"
FALLBACK_PERSON = "P-DEMO-0001"

DATA = {
    "gathering": {
        "personal": {
            "young_person": "Lives with mum and two older siblings; moved borough at 12. Described by YOS case "
                            "manager as guarded, seeks respect from older peers.",
            "family": "Child to parent violence. Historic exposure to domestic abuse (father left 2022).",
            "peer_group": "Pro-criminal peer associations. Limited association with safe and pro-social peers. "
                          "Associated to sexually exploitative young people through his partner.",
            "school": "No access to education since permanent exclusion (Year 10).",
            "neighbourhood": "Gang-affiliated estate. Exposure to crime, drug use and violence.",
        },
        "offending": {
            "young_person": "Potential attitudes related to gender, power and control. Reputational pressures.",
            "family": "Older siblings involved in offending behaviour.",
            "peer_group": "Offends alongside peers, especially one older peer (PG-A lead).",
            "school": "Exclusion from education providers creates greater risk through time on the street or "
                      "with peers.",
            "neighbourhood": "Largely street-based offending around the high street and the estate's stairwells.",
        },
        "foundations": {
            "young_person": "Wants to train as an electrician; engages with his youth worker.",
            "family": "Mum wants support and attends appointments.",
            "peer_group": "On-going involvement of peers in offending behaviour.",
            "school": "Lack of access to education; alternative provision place offered from January.",
            "neighbourhood": "On-going criminality in the local area; detached youth work team active on Fridays.",
        },
    },
    "conclusions": {
        "young_person": {"desistance": "mixed", "significant_events": "Exclusion in Year 10; first arrest weeks "
                         "later.", "likely_to_change": "likely",
                         "explanation": "Motivation to train; attitudes to partner reinforced by the peer group."},
        "family": {"desistance": "supports", "significant_events": "Father's departure ended the domestic abuse "
                   "at home but the family dynamic still reflects it.", "likely_to_change": "likely",
                   "explanation": "Mum is a protective factor when supported."},
        "peer_group": {"desistance": "hinders", "significant_events": "Joined the group after the move; the "
                       "assault on his partner happened with peers present.", "likely_to_change": "unlikely",
                       "explanation": "Harmful gender norms in the group; follows an older peer's lead."},
        "school": {"desistance": "hinders", "significant_events": "Permanent exclusion; no provision for six "
                   "months.", "likely_to_change": "likely",
                   "explanation": "Absence of education increases unsupervised time with peers."},
        "neighbourhood": {"desistance": "hinders", "significant_events": "Robbed on the estate in 2024.",
                          "likely_to_change": "unlikely",
                          "explanation": "High levels of street-based violence will not change soon; the plan "
                                         "must work around them."},
    },
    "beyond": {
        "episodes": "Offences cluster on Friday evenings with the same peer group, near the high street.",
        "adverse_outcomes": "Continued risk of violence on the street; peer group attitudes to girls remain "
                            "problematic and may undermine the 1:1 programme.",
    },
    "plan": [
        {"key_area": "Abusive behaviours in intimate relationship",
         "referral": "Therapeutic support for impact of exposure to domestic abuse",
         "target": "Develop skills to build healthy and safe relationships",
         "actions": "Attend therapeutic support sessions", "young_person_owner": "YOS case manager",
         "young_person_date": "2027-01-29",
         "family_action": "Meeting with mum to explore the impact of domestic abuse on the family dynamic and "
                          "whether she needs support", "family_owner": "Family support worker",
         "family_date": "2026-12-11",
         "peer_group_action": "Map peer group dynamics and identify whether he is the leader or a follower",
         "peer_group_owner": "Youth service (detached team)", "peer_group_date": "2026-12-18",
         "school_action": "", "school_owner": "", "school_date": "",
         "neighbourhood_action": "", "neighbourhood_owner": "", "neighbourhood_date": ""},
        {"key_area": "Street-based offending with peers",
         "referral": "Mentoring (electrical apprenticeship taster)", "target": "No offending for three months",
         "actions": "Attend mentoring weekly; agree safe routes", "young_person_owner": "YOS case manager",
         "young_person_date": "2027-02-26",
         "family_action": "", "family_owner": "", "family_date": "",
         "peer_group_action": "Refer the peer group to the context conference", "peer_group_owner":
         "Contextual safeguarding lead", "peer_group_date": "2027-01-15",
         "school_action": "Start alternative provision place; share timetable with YOS",
         "school_owner": "Fair Access Panel co-ordinator", "school_date": "2027-01-05",
         "neighbourhood_action": "Detached youth work on Friday evenings near the high street",
         "neighbourhood_owner": "Youth service (detached team)", "neighbourhood_date": "2026-12-04"},
    ],
}


def _person(organisation: Organisation) -> str:
    """The young person of the organisation's answered peer group information request (so the demo shows it
    beside the assessment), else the first person of its sources, else a synthetic identifier."""
    from contextsafe.web import store

    asked = (CaseDocument.objects.filter(kind=Kind.PGI, organisation=organisation, data__has_key="answer")
             .exclude(person_id="").order_by("pk").values_list("person_id", flat=True).first())
    if asked:
        return asked

    try:
        rows = store.query("SELECT min(person_id) AS person_id FROM person_records WHERE list_contains(?::VARCHAR[], "
                           "source)", [sorted(organisation.sources or [])])
    except Exception:  # noqa: BLE001 - a demo without a usable store still gets its example
        rows = []
    return (rows[0]["person_id"] if rows and rows[0]["person_id"] else "") or FALLBACK_PERSON


def seed() -> None:
    owner = User.objects.filter(username="practitioner_youth_offending").select_related("organisation").first()
    if owner is None or CaseDocument.objects.filter(kind=Kind.ASSESSMENT, title=TITLE).exists():
        return
    shared = Organisation.objects.filter(pk__in=User.objects.filter(
        username__in=["practitioner_social_care", "panel_chair"]).values("organisation_id"))
    made = documents.create(Kind.ASSESSMENT, owner, TITLE, {}, purpose="assessment",
                            person_id=_person(owner.organisation), shared_with=shared,
                            reason="Threatening behaviour towards partner; offending with peers on the estate")
    for section in ("gathering", "conclusions", "plan"):
        part = {section: DATA[section]} | ({"beyond": DATA["beyond"]} if section == "conclusions" else {})
        documents.save(made, owner, {**made.data, **part}, note=f"{section} saved")
    documents.save(made, owner, made.data, status=Status.SUBMITTED, note="submitted")
