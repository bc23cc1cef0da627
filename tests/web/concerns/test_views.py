"""Child-on-child concerns: validation, refusals, discussions, decisions with reasons, sharing on referral,
outcome counts per organisation (never a score), versions and the printed record."""

from __future__ import annotations

import datetime as dt

import pytest

from contextsafe.web.accounts.models import UserRole
from contextsafe.web.audit.models import AuditEntry
from contextsafe.web.casework.models import CaseDocument, CaseVersion, Status
from tests.web.accounts.factories import organisation, signed_in, user
from tests.web.concerns import factories as f

pytestmark = pytest.mark.django_db


def pk_of(response) -> int:  # noqa: ANN001
    assert response.status_code == 302, response.content.decode()[:3000]
    return int(response["Location"].rstrip("/").split("/")[-1])


@pytest.fixture
def lead(analysis_store):  # noqa: ANN001, ANN201
    return f.school_lead()


def recorded(lead, **overrides) -> int:  # noqa: ANN001
    return pk_of(signed_in(lead).post("/concerns/new/", f.concern_data(**overrides)))


def test_a_school_records_a_concern(lead):
    pk = recorded(lead)
    doc = CaseDocument.objects.get(pk=pk)
    assert doc.kind == "child_concern" and doc.status == Status.SUBMITTED and doc.purpose == "assessment"
    assert [c["role"] for c in doc.data["children"]] == ["victim", "alleged_harmer"]
    page = signed_in(lead).get(f"/concerns/{pk}/").content.decode()
    assert "Amara Jones" in page and "Child alleged to have harmed" in page and 'id="no-decision"' in page


FUTURE = (dt.date.today() + dt.timedelta(days=2)).isoformat()


@pytest.mark.parametrize(("change", "message"), [
    ({"children-1-role": "victim"}, "Name at least one child alleged to have harmed."),
    ({"children-0-role": "alleged_harmer"}, "Name at least one child harmed (victim)."),
    ({"children-1-age": "19"}, "Child-on-child abuse is between children"),
    ({"children-1-age": ""}, "Give the child&#x27;s age."),
    ({"children-1-name": "", "children-1-person_id": ""}, "Give the child&#x27;s name or their person id."),
    ({"children-1-person_id": "P-NOBODY"}, "No linked young person has this id"),
    ({"children-2-name": "Amara Jones", "children-2-role": "alleged_harmer", "children-2-age": "14"},
     "cannot be both harmed and alleged to have harmed"),
    ({"harm": []}, "This field is required."),
    ({"what": ""}, "This field is required."),
    ({"happened_on": FUTURE}, "The date must be today or in the past."),
    ({"where": "other", "where_details": ""}, "Say where it happened."),
    ({"reported_on": (dt.date.today() - dt.timedelta(days=10)).isoformat()}, "cannot have come to know before"),
])
def test_concern_validation(lead, change, message):
    response = signed_in(lead).post("/concerns/new/", f.concern_data(**change))
    assert response.status_code == 200 and message in response.content.decode()
    assert not CaseDocument.objects.exists()


@pytest.mark.parametrize("who", ["practitioner", "analyst", "school_practitioner", "health_provider"])
def test_only_a_schools_provider_records(analysis_store, who):
    someone = {"practitioner": lambda: user(UserRole.PRACTITIONER),
               "analyst": lambda: user(UserRole.ANALYST),
               "school_practitioner": lambda: user(UserRole.PRACTITIONER, organisation(kind="school")),
               "health_provider": lambda: user(UserRole.INFORMATION_PROVIDER, organisation(kind="health"))}[who]()
    purpose = "intelligence" if who == "analyst" else "default"
    assert signed_in(someone, purpose).post("/concerns/new/", f.concern_data()).status_code == 403
    assert not CaseDocument.objects.exists()


def test_discussions_and_decision_with_reason(lead):
    pk = recorded(lead)
    client = signed_in(lead)
    bad = client.post(f"/concerns/{pk}/discussions/new/", {"held_on": FUTURE, "participants": "", "notes": "x"})
    assert "The date must be today or in the past." in bad.content.decode()
    for n in (1, 2):
        assert client.post(f"/concerns/{pk}/discussions/new/", {
            "held_on": dt.date.today().isoformat(), "participants": f"DSL, head of year {n}",
            "notes": f"Meeting {n} with both families."}).status_code == 302
    short = client.post(f"/concerns/{pk}/decision/", f.decision_data(reason="Fine."))
    assert "Give the reason for the decision" in short.content.decode()
    assert client.post(f"/concerns/{pk}/decision/", f.decision_data()).status_code == 302
    doc = CaseDocument.objects.get(pk=pk)
    assert doc.status == Status.CLOSED and len(doc.data["discussions"]) == 2
    assert doc.data["decision"]["outcome"] == "manage_internally"
    notes = list(CaseVersion.objects.filter(document=doc).order_by("number").values_list("note", flat=True))
    assert notes == ["created", "discussion recorded", "discussion recorded", "decision recorded"]
    printed = client.get(f"/casework/{pk}/print/").content.decode()
    assert "Meeting 2 with both families." in printed and "Manage internally" in printed


def test_referral_shares_the_record_with_social_care_only(lead):
    pk = recorded(lead)
    social_care = organisation(kind="social_care", sources=["csc_referrals"])
    practitioner = user(UserRole.PRACTITIONER, social_care)
    other = user(UserRole.PRACTITIONER)
    assert signed_in(practitioner).get(f"/concerns/{pk}/").status_code == 403
    client = signed_in(lead)
    missing = client.post(f"/concerns/{pk}/decision/", f.decision_data("refer_social_care"))
    assert "shares the record" in missing.content.decode()
    assert client.post(f"/concerns/{pk}/decision/",
                       f.decision_data("refer_social_care", [social_care.pk], reference="CSC-123")).status_code == 302
    page = signed_in(practitioner).get(f"/concerns/{pk}/").content.decode()
    assert "Refer to children&#x27;s social care" in page and 'id="record-decision"' not in page
    assert f"concern-row-{pk}" in signed_in(practitioner).get("/concerns/").content.decode()
    assert signed_in(practitioner).post(f"/concerns/{pk}/decision/", f.decision_data()).status_code == 403
    assert signed_in(other).get(f"/concerns/{pk}/").status_code == 403
    analyst = user(UserRole.ANALYST)
    assert signed_in(analyst, "intelligence").get(f"/concerns/{pk}/").status_code == 403
    assert signed_in(analyst, "intelligence").get("/concerns/").status_code == 403
    assert AuditEntry.objects.filter(kind="child_concern", ident=str(pk), outcome="refused").count() >= 4


def test_another_school_cannot_open_or_change(lead):
    pk = recorded(lead)
    other = f.school_lead()
    for path in (f"/concerns/{pk}/", f"/concerns/{pk}/edit/", f"/concerns/{pk}/decision/",
                 f"/casework/{pk}/history/", f"/casework/{pk}/print/"):
        assert signed_in(other).get(path).status_code == 403, path


def test_a_draft_is_kept_until_recorded(lead):
    data = f.concern_data(draft="1")
    del data["record"]
    pk = recorded(lead, **{k: v for k, v in data.items()})
    assert CaseDocument.objects.get(pk=pk).status == Status.DRAFT
    assert signed_in(lead).get(f"/concerns/{pk}/decision/").status_code == 403
    assert signed_in(lead).post(f"/concerns/{pk}/edit/", f.concern_data()).status_code == 302
    assert CaseDocument.objects.get(pk=pk).status == Status.SUBMITTED


def test_outcome_counts_per_organisation(lead):
    social_care = organisation(kind="social_care")
    for outcome in ("manage_internally", "early_help", "early_help", "refer_social_care", "report_police"):
        pk = recorded(lead)
        share = [social_care.pk] if outcome == "refer_social_care" else []
        signed_in(lead).post(f"/concerns/{pk}/decision/", f.decision_data(outcome, share))
    recorded(lead)  # awaiting a decision
    recorded(f.school_lead())  # another school's: not counted here
    page = signed_in(lead).get("/concerns/")
    counts = {code: n for code, _, n in page.context["counts"]}
    assert counts == {"manage_internally": 1, "early_help": 2, "refer_social_care": 1, "report_police": 1,
                      "awaiting": 1}
    assert "score" not in page.content.decode().lower().replace("never a score", "")
