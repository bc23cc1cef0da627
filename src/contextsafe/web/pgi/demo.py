"""Demo peer group information requests over the demo borough: answered with feedback, answered and then updated
(the requester has an unread update), answered "not aware", and one awaiting an answer. Idempotent; works over
the tiny test store and with no store at all (names only, no person ids)."""

from __future__ import annotations

from contextsafe.web import store
from contextsafe.web.accounts.models import User
from contextsafe.web.governance.models import SharingAgreement
from contextsafe.web.pgi import services
from contextsafe.web.pgi.forms import person_name
from contextsafe.web.pgi.models import PgiRequest

PGI_AGREEMENT = "ISA-CAM-2016-PGI (assessment only; not for intelligence)"
NAMES = ["Tayo Mensah", "Jordan Reilly", "Kacey Doyle", "Remi Alves", "Sol Bakare", "Nia Osei", "Leon Price",
         "Maya Lewis"]


def _people() -> list[tuple[str, str]]:
    """(person id, name) of young people in the store, most records first; synthetic names when there is none."""
    rows = store.query("SELECT person_id FROM person_records GROUP BY person_id ORDER BY count(*) DESC, person_id "
                       "LIMIT 8")
    found = [(r["person_id"], person_name(r["person_id"])) for r in rows]
    found = [(pid, name) for pid, name in found if name]
    return found + [("", name) for name in NAMES[len(found):]]


def _agreements() -> tuple[SharingAgreement, SharingAgreement]:
    """The assessment-only PGI agreement, and one permitting profiling use if the store has one."""
    pgi = (SharingAgreement.objects.filter(reference__icontains="PGI").order_by("reference").first()
           or SharingAgreement.objects.get_or_create(reference=PGI_AGREEMENT, defaults={"title": PGI_AGREEMENT})[0])
    wider = next((a for a in SharingAgreement.objects.order_by("reference") if services.agreement_permits_profiling(a)),
                 pgi)
    return pgi, wider


def _request(asker: User, to: User, subject: tuple[str, str], agreement: SharingAgreement, assessment: str,
             concerns: list[str]) -> PgiRequest | None:
    title = f"Peer group information: {subject[1]}"
    if PgiRequest.objects.filter(document__created_by=asker, document__title=title).exists():
        return None
    return services.create_request(asker, {
        "person_id": subject[0], "young_person_name": subject[1], "assessment_type": assessment,
        "assessment_other": "", "concerns": concerns, "provider_organisation": to.organisation,
        "provider_user": to, "provider_name": "", "agreement": agreement,
        "message": "Referred this week; the assessment is due in ten working days."}, send=True)


def _answer(peers: list[tuple[str, str]], **text: str) -> dict:
    rows = [{"name": name, "person_id": pid, "influence": influence, "relation": relation, "evidence": evidence}
            for (pid, name), (influence, relation, evidence) in zip(peers, [
                ("negative", "follows", "Seen leaving school together most days; staff have heard him repeat "
                                        "this peer's threats."),
                ("positive", "neither", "Friends since primary school; in the same form and football team."),
                ("negative", "leads", "Younger; copies the young person and has started truanting with them.")],
                strict=False)]
    return {"aware": "yes", "network": "few", "network_explanation": "A small, close group of three or four.",
            "positive_influence": "", "negative_influence": "", "follows": "", "leads": "", "other": "",
            "peers": rows, **text}


def seed() -> None:
    users = {u.username: u for u in User.objects.filter(username__in=[
        "practitioner_social_care", "practitioner_youth_offending", "practitioner_cse", "provider_school",
        "provider_youth_service"]).select_related("organisation")}
    if len(users) < 5:
        return
    people = _people()
    narrow, wider = _agreements()
    school, youth = users["provider_school"], users["provider_youth_service"]

    first = _request(users["practitioner_social_care"], school, people[0], narrow, "social_care_assessment",
                     ["peer_on_peer_cse", "serious_youth_violence"])
    if first:
        services.save_answer(school, first, _answer(
            people[1:4], positive_influence="Her oldest friend walks home with her and has told staff when worried.",
            negative_influence="Two older pupils have been seen collecting her at the gate in a car.",
            follows="She follows the older of the two and has missed lessons when he asks.",
            leads="A younger pupil copies her and has started truanting with her."), submit=True)
        services.give_feedback(users["practitioner_social_care"], first, {
            "informed": "yes", "how": "The peer influences are now part of the single assessment's analysis.",
            "actions_required": "yes",
            "actions": "Referral of the location to the context conference; the school to offer mentoring."})

    second = _request(users["practitioner_youth_offending"], youth, people[4], wider, "asset_plus",
                      ["serious_youth_violence"])
    if second:
        answer = _answer(people[5:7], positive_influence="Attends the youth club's music project with a friend.",
                         negative_influence="Spends evenings with a peer known for carrying weapons.",
                         follows="Follows this peer's lead on the estate.")
        services.save_answer(youth, second, answer, submit=True)
        services.save_answer(youth, second, {**answer, "other": "Since the last answer he has stopped coming to the "
                                                                "music project."}, submit=True)

    third = _request(users["practitioner_social_care"], youth, people[7], narrow, "social_care_assessment",
                     ["teenage_relationship_abuse"])
    if third:
        services.save_answer(youth, third, {"aware": "no", "peers": []}, submit=True)

    _request(users["practitioner_cse"], school, people[2], narrow, "cse_assessment", ["peer_on_peer_cse"])
