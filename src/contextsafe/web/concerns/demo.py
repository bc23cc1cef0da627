"""Demo child-on-child concerns recorded by the demo school: one with each outcome (with discussions and a
reason) and one awaiting a decision. Idempotent; needs no store (synthetic names, no person ids)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from contextsafe.vocab import Purpose
from contextsafe.web.access import Kind
from contextsafe.web.accounts.models import Organisation, User
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument, Status

EXAMPLES = [  # victim, alleged harmer, harm, where, what, outcome, reason
    (("Ella Hart", 13, "8"), ("Zac Munro", 13, "8"), ["bullying"], "online",
     "Ella's form tutor was shown messages from a class group chat mocking her appearance.", "manage_internally",
     "A first incident between pupils of one form; restorative work and a chat group rule are proportionate, with "
     "a check-in with Ella each week."),
    (("Priya Shah", 14, "9"), ("Callum Reid", 14, "9"), ["sexual_harassment"], "school_site",
     "Priya reported repeated sexual comments in the corridor by the same boy over several weeks.", "early_help",
     "The behaviour is repeated and Callum's family have asked for help with his behaviour at home; early help "
     "supports both families."),
    (("Lola Grant", 14, "9"), ("Dre Walsh", 16, "11"), ["image_sharing", "coerced_sexual_activity"], "online",
     "Lola disclosed that an older pupil pressured her to send images and has shared them.", "refer_social_care",
     "Coercion by an older pupil and images shared: a referral to children's social care for both children."),
    (("Sam Okoro", 15, "10"), ("Kai Daniels", 15, "10"), ["physical"], "community",
     "Sam was assaulted by a pupil outside the station after school; his jaw was injured.", "report_police",
     "An assault causing injury in a public place: reported to the police, with support for both boys in school."),
    (("Ruby Chen", 12, "7"), ("Finn Ward", 12, "7"), ["initiation"], "journey",
     "Ruby said older Year 7 pupils made her do a 'dare' on the bus home.", None, ""),
]


def seed() -> None:
    lead = User.objects.filter(username="provider_school").select_related("organisation").first()
    if lead is None or CaseDocument.objects.filter(kind=Kind.CHILD_CONCERN, created_by=lead).exists():
        return
    social_care = Organisation.objects.filter(kind="social_care").order_by("name").first()
    today = timezone.localdate()
    for n, (victim, harmer, harm, where, what, outcome, reason) in enumerate(EXAMPLES):
        happened = today - dt.timedelta(days=30 - 5 * n)
        children = [{"name": v[0], "person_id": "", "role": role, "age": v[1], "year_group": v[2]}
                    for v, role in ((victim, "victim"), (harmer, "alleged_harmer"))]
        data = {"concern": {"what": what, "happened_on": happened, "when_details": "After school", "where": where,
                            "where_details": "", "harm": harm, "reported": "disclosure", "reported_on": happened},
                "children": children}
        doc = documents.create(Kind.CHILD_CONCERN, lead, f"Child-on-child concern of {happened:%d %b %Y} (2 children)",
                               data, purpose=Purpose.ASSESSMENT, status=Status.SUBMITTED)
        discussion = {"held_on": happened + dt.timedelta(days=1), "recorded_by": lead.username,
                      "participants": "Designated safeguarding lead; head of year; each child with a parent",
                      "notes": "Heard from both children separately; agreed immediate steps to keep them apart."}
        data = {**data, "discussions": [discussion]}
        documents.save(doc, lead, data, note="discussion recorded")
        if outcome is None:
            continue
        shared = [social_care] if outcome == "refer_social_care" and social_care else []
        doc.shared_with.set(shared)
        decision = {"outcome": outcome, "reason": reason, "decided_on": happened + dt.timedelta(days=2),
                    "decided_by": "Designated safeguarding lead", "reference": "",
                    "shared_with": [o.name for o in shared]}
        documents.save(doc, lead, {**data, "decision": decision}, status=Status.CLOSED, note="decision recorded")
