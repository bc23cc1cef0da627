"""Safety maps (one young person's, and pooled ones with their minimum), context assessments, the demo."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from contextsafe.web.accounts.models import UserRole
from contextsafe.web.casework.models import CaseDocument
from contextsafe.web.contextplans import places, workflow
from contextsafe.web.contextplans.forms import slug
from contextsafe.web.contextplans.toolkit import BEYOND_REFERRALS
from tests.web.accounts.factories import organisation, signed_in, user
from tests.web.contextplans.factories import safety_map

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()
QUARTER = workflow.quarter_of(TODAY)
LAST = workflow.previous_quarter(QUARTER)


def test_quarters():
    assert workflow.quarter_bounds("2026-Q4") == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert workflow.quarter_bounds("2024-Q1") == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert workflow.previous_quarter("2026-Q1") == "2025-Q4"


def test_the_map_form_offers_every_ward_and_saves_colours_by_place():
    wards = [p for p in places.places() if p.kind == "ward"]
    assert len(wards) == 18  # Camden's wards from the bundled boundaries
    who = user()
    client = signed_in(who)
    page = client.get("/contextplans/safety-maps/new/").content.decode()
    assert page.count('class="place"') >= 18 and f'name="{slug(wards[0].code)}"' in page
    response = client.post("/contextplans/safety-maps/new/", {
        "young_person": "AB", "mapped_on": TODAY.isoformat(), slug(wards[0].code): "red",
        slug(wards[1].code): "green", "submit": ""})
    document = CaseDocument.objects.get(kind="safety_map")
    assert response.status_code == 302 and document.status == "submitted"
    assert document.data["places"] == {wards[0].code: "red", wards[1].code: "green"}
    shown = client.get(f"/contextplans/safety-maps/{document.pk}/").content.decode()
    assert re.search(rf'data-place="{wards[0].code}" data-colour="red"', shown)


def test_an_empty_map_is_refused_with_a_message():
    response = signed_in(user()).post("/contextplans/safety-maps/new/", {"young_person": "AB",
                                                                          "mapped_on": TODAY.isoformat()})
    assert "Mark at least one place" in response.content.decode()
    assert not CaseDocument.objects.filter(kind="safety_map").exists()


def _counts(page: str, code: str) -> tuple[int, int, int]:
    row = re.search(rf'data-place="{re.escape(code)}">.*?red">(\d+)<.*?amber">(\d+)<.*?green">(\d+)<', page, re.S)
    return tuple(int(n) for n in row.groups())


def test_pooled_map_needs_three_maps_then_counts_colours_per_place_without_names():
    a, b = user(), user()
    day = TODAY.isoformat()
    safety_map(a, day, {"W1": "red", "W2": "green"})
    safety_map(b, day, {"W1": "red"})
    safety_map(a, day, {"W1": "green"}, status="draft")  # a draft does not count
    client = signed_in(user(UserRole.ANALYST), "profiling")
    page = client.get(f"/contextplans/safety-maps/pooled/?period={QUARTER}").content.decode()
    assert 'id="too-few"' in page and "pooled-places" not in page and "2 maps" in page
    safety_map(b, day, {"W1": "amber", "W2": "green"})
    page = client.get(f"/contextplans/safety-maps/pooled/?period={QUARTER}").content.decode()
    assert "3 maps" in page and 'id="too-few"' not in page
    assert _counts(page, "W1") == (2, 1, 0) and _counts(page, "W2") == (0, 0, 2)
    assert "YP-REF-7" not in page  # no young person's reference reaches the pooled page


def test_pooled_map_compares_with_the_previous_quarter_when_that_had_enough_maps():
    who = user()
    last_day = workflow.quarter_bounds(LAST)[1].isoformat()
    for _ in range(3):
        safety_map(who, last_day, {"W1": "red"})
        safety_map(who, TODAY.isoformat(), {"W1": "green"})
    page = signed_in(who).get(f"/contextplans/safety-maps/pooled/?period={QUARTER}").content.decode()
    assert f"Red since {LAST}" in page and ">-3<" in page
    earlier = signed_in(who).get(f"/contextplans/safety-maps/pooled/?period={LAST}").content.decode()
    assert _counts(earlier, "W1") == (3, 0, 0) and 'id="no-comparison"' in earlier
    over_time = re.search(r'id="over-time">(.*?)</table>', earlier, re.S).group(1)
    cells = re.findall(r'<td class="govuk-table__cell">(\d+)</td>', over_time)
    assert cells == ["3", "0"]  # W1 red in the last quarter, then none this quarter


def test_pooled_maps_are_refused_to_roles_outside_the_rules():
    assert signed_in(user(UserRole.AUDITOR), "audit").get("/contextplans/safety-maps/pooled/").status_code == 403


def test_another_organisations_safety_map_is_refused():
    mine = safety_map(user(), TODAY.isoformat(), {"W1": "red"})
    assert signed_in(user()).get(f"/contextplans/safety-maps/{mine.pk}/").status_code == 403


def test_a_beyond_referrals_assessment_cannot_be_submitted_half_rated_and_shows_its_pattern():
    who = user(UserRole.INFORMATION_PROVIDER)
    client = signed_in(who)
    client.post("/contextplans/assessments/new/", {"assessment_type": "school", "context": "Hill School",
                                                  "invited": [organisation().pk]})
    document = CaseDocument.objects.get(kind="context_assessment")
    answers = {f"{area}_{i}": "green" for area, _, s in BEYOND_REFERRALS for i in range(1, len(s) + 1)}
    answers.update({"systems_1": "red", "systems_2": "red", "systems_3": "red",
                    "prevention_1": "amber", "prevention_2": "amber", "prevention_3": "red"})
    half = {k: v for k, v in answers.items() if k != "response_4"}
    response = client.post(f"/contextplans/assessments/{document.pk}/edit/", {**half, "summary": "s", "submit": ""})
    assert "Answer every question before submitting (1 unanswered)" in response.content.decode()
    client.post(f"/contextplans/assessments/{document.pk}/edit/", {**answers, "summary": "s", "submit": ""})
    document.refresh_from_db()
    assert document.status == "submitted"
    page = client.get(f"/contextplans/assessments/{document.pk}/").content.decode()
    overall = dict(re.findall(r'id="area-(\w+)">.*?class="govuk-table__cell overall">(\w+)<', page, re.S))
    assert overall == {"systems": "red", "prevention": "amber", "identification": "green", "response": "green"}
    assert client.get(f"/contextplans/assessments/{document.pk}/edit/").status_code == 403  # submitted


def test_outcomes_framework_goals_and_measurements():
    who = user()
    client = signed_in(who)
    client.post("/contextplans/assessments/new/", {"assessment_type": "place", "context": "Hill Park"})
    document = CaseDocument.objects.get(kind="context_assessment")
    page = client.get(f"/contextplans/assessments/{document.pk}/edit/").content.decode()
    assert "Guardianship" in page and "Physical environment, resources and policy" in page
    client.post(f"/contextplans/assessments/{document.pk}/outcomes/new/", {
        "goal": "Feel safe in the park", "response": "Detached work", "measure": "Of 20 asked", "baseline": "5"})
    client.post(f"/contextplans/assessments/{document.pk}/outcomes/1/measurements/new/", {
        "outcome_id": 1, "measured_on": TODAY.isoformat(), "value": "11", "note": ""})
    assert client.get(f"/contextplans/assessments/{document.pk}/outcomes/9/measurements/new/").status_code == 403
    page = client.get(f"/contextplans/assessments/{document.pk}/").content.decode()
    assert "Change since baseline: +6" in page and 'data-chart="outcome-chart-1"' in page
    document.refresh_from_db()
    assert document.data["outcomes"][0]["measurements"][0]["value"] == 11.0
    assert document.data["outcomes"][0]["baseline"] == 5.0


def test_beyond_referrals_pattern():
    answers = {"systems_1": "green", "systems_2": "green", "systems_3": "amber", "systems_4": "green",
               "prevention_1": "green", "identification_1": "red", "identification_2": "red",
               "identification_3": "amber", "identification_4": "amber",
               "response_1": "red", "response_2": "red", "response_3": "red", "response_4": "green"}
    pattern = {p["area"]: p for p in workflow.beyond_referrals_pattern(answers)}
    assert pattern["systems"]["overall"] == "green" and pattern["systems"]["green"] == 3  # mean 1.75
    assert pattern["prevention"]["overall"] == "amber" and pattern["prevention"]["unrated"] == 3  # not all rated
    assert pattern["identification"]["overall"] == "red"  # mean 0.5
    assert pattern["response"]["overall"] == "red"  # mean 0.5: one green does not lift three reds


def test_demo_seed_fills_every_workflow_once(django_user_model):
    from contextsafe.web.accounts.demo import create_demo_accounts
    from contextsafe.web.contextplans import demo

    create_demo_accounts()
    demo.seed()
    demo.seed()
    referral = CaseDocument.objects.get(kind="context_referral")
    assert referral.data["stage"] == workflow.PLAN and len(referral.data["ratings"]) == 3
    assert referral.data["conference"]["weighting"][0]["rank"] == 1
    assert CaseDocument.objects.filter(kind="context_assessment").count() == 2
    maps = CaseDocument.objects.filter(kind="safety_map")
    assert maps.count() == demo.MAPS
    quarters = {workflow.quarter_of(dt.date.fromisoformat(m.data["mapped_on"])) for m in maps}
    assert quarters == {QUARTER, LAST}


def test_a_draft_map_is_continued_then_saved_and_not_counted_until_then():
    who = user()
    ward = places.places()[0].code
    client = signed_in(who)
    client.post("/contextplans/safety-maps/new/", {"young_person": "EF", "mapped_on": TODAY.isoformat(),
                                                   slug(ward): "amber", "draft": ""})
    document = CaseDocument.objects.get(kind="safety_map")
    assert document.status == "draft"
    page = client.get(f"/contextplans/safety-maps/{document.pk}/edit/").content.decode()
    assert re.search(rf'name="{slug(ward)}"[^>]*value="amber" checked', page)
    client.post(f"/contextplans/safety-maps/{document.pk}/edit/", {
        "young_person": "EF", "mapped_on": TODAY.isoformat(), slug(ward): "red", "submit": ""})
    document.refresh_from_db()
    assert document.status == "submitted" and document.data["places"] == {ward: "red"}
    assert client.get(f"/contextplans/safety-maps/{document.pk}/edit/").status_code == 403


def test_printed_assessment_and_map_carry_their_drawings():
    who = user()
    mine = safety_map(who, TODAY.isoformat(), {places.places()[0].code: "red"})
    client = signed_in(who)
    client.post("/contextplans/assessments/new/", {"assessment_type": "peer_group", "context": "PG1"})
    assessment = CaseDocument.objects.get(kind="context_assessment")
    printed = client.get(f"/casework/{assessment.pk}/print/").content.decode()
    assert 'data-chart="assessment-triangle"' in printed and "Group functioning and identity" in printed
    printed = client.get(f"/casework/{mine.pk}/print/").content.decode()
    assert 'data-chart="printed-map"' in printed and 'data-colour="red"' in printed
