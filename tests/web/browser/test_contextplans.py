"""Playwright: a place referred by the youth service, its context conference recorded by social care (who
were invited), the context plan and the place's safety over time, across the two organisations; refusals of an
organisation not invited, of the wrong purpose and of guessed URLs; a young person's safety map and the pooled map
of the demo's maps."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.web.browser.conftest import sign_in, submit

pytestmark = pytest.mark.browser
PLACE = "Brecknock shopping parade"
TODAY = dt.date.today()


@pytest.fixture(scope="module")
def as_user(served, browser):  # noqa: ANN001, ANN201
    """A signed-in page per demo account (each signs in once for the module), closed at the end."""
    base, accounts = served
    opened = {}

    def page_for(username: str, purpose: str):  # noqa: ANN202
        if username not in opened:
            context = browser.new_context()
            page = context.new_page()
            sign_in(page, base, accounts[username], purpose)
            opened[username] = (context, page)
        return opened[username][1]

    yield page_for
    for context, _ in opened.values():
        context.close()


@pytest.fixture(scope="module")
def referral_url(served, as_user):  # noqa: ANN001, ANN201
    """The youth service refers a place, inviting social care and the partnership to the context conference."""
    base, _ = served
    page = as_user("practitioner_youth_service", "assessment")
    page.goto(f"{base}/contextplans/")
    submit(page, "#new-referral")
    page.fill("#id_place_name", PLACE)
    page.select_option("#id_context_kind", "place")
    page.get_by_label("Child criminal exploitation (including county lines)").check()
    page.fill("#id_concern_summary", "Younger pupils approached after school and asked to carry packages")
    page.fill("#id_evidence", "Detached team observations on 5 evenings; 3 police reports naming the parade")
    page.get_by_label("Camden Children's Social Care").check()
    page.get_by_label("Camden Safeguarding Children Partnership").check()
    submit(page, "#submit-referral")
    assert page.inner_text("#stage") == "Referred: conference to hold"
    return page.url


def test_referral_conference_plan_and_outcome_across_two_organisations(served, as_user, referral_url):
    base, _ = served
    social = as_user("practitioner_social_care", "assessment")
    social.goto(referral_url)
    assert PLACE in social.inner_text("#referral-title")
    assert "Camden Youth Service" in social.inner_text("#owner")
    submit(social, "#record-conference")
    assert social.input_value("#id_context_1") == PLACE  # the referred context is weighed first
    social.fill("#id_held_on", TODAY.isoformat())
    social.fill("#id_chair", "Context conference chair")
    social.fill("#id_attendees", "Detached team lead, Youth service\nSocial worker, Children's social care")
    social.get_by_label("Camden Children's Social Care").check()
    social.get_by_label("Camden Youth Service").check()
    social.fill("#id_information_shared", "Three open cases name the parade")
    social.fill("#id_weight_1", "6")
    social.fill("#id_context_2", "Peer group PG3")
    social.fill("#id_weight_2", "9")
    social.fill("#id_context_3", "Route home from school")
    social.fill("#id_weight_3", "3")
    social.check("#id_decision_0")
    submit(social, "#save-conference")
    ranks = social.locator("#weighting tbody tr td:nth-child(2)").all_inner_texts()
    assert ranks == ["Peer group PG3", PLACE, "Route home from school"]
    assert social.locator("#weighting-chart .weight-bar").count() == 3
    assert social.get_attribute("#weighting-chart .weight-bar[data-rank='1']", "fill") == "#d4351c"

    youth = as_user("practitioner_youth_service", "assessment")
    youth.goto(referral_url)
    submit(youth, "#add-action")
    youth.fill("#id_action", "Regular joint visits to the parade with TfL staff, Friday 16:00-19:00")
    youth.select_option("#id_target", PLACE)
    youth.fill("#id_owner", "Detached team lead")
    youth.select_option("#id_organisation", label="Camden Youth Service")
    youth.fill("#id_due", (TODAY + dt.timedelta(days=30)).isoformat())
    submit(youth, "#save-action")
    submit(youth, "#agree-plan")
    assert youth.inner_text("#stage") == "Plan agreed: reviewing safety"

    social.goto(referral_url)
    social.select_option("#id_a1-status", "in_progress")
    social.fill("#id_a1-note", "First visit done")
    submit(social, "#update-action-1")
    assert social.inner_text("#action-1 .action-status") == "In progress"

    for days_ago, rating in ((40, 3), (5, 6)):
        youth.goto(referral_url)
        submit(youth, "#add-rating")
        youth.fill("#id_rated_on", (TODAY - dt.timedelta(days=days_ago)).isoformat())
        youth.select_option("#id_rating", str(rating))
        youth.fill("#id_evidence", f"Approaches seen on {7 - rating} evenings")
        submit(youth, "#save-rating")
    assert youth.locator("#safety-trend .rating").count() == 2
    assert youth.locator("#ratings tbody tr td:nth-child(2)").all_inner_texts() == ["3", "6"]
    submit(youth, "#history-link")
    assert "context conference recorded" in youth.inner_text("main")
    youth.goto(referral_url)
    with youth.expect_navigation():
        youth.click("#print-link")
    assert youth.locator("svg[data-chart='weighting-chart']").count() == 1


def test_refusals_not_invited_wrong_purpose_and_guessed_urls(served, as_user, referral_url):
    base, _ = served
    cse = as_user("practitioner_cse", "assessment")  # CSE service: not invited
    response = cse.goto(referral_url)
    assert response.status == 403 and "You cannot see this page" in cse.inner_text("h1")
    assert PLACE not in cse.content()
    cse.goto(f"{base}/contextplans/")
    assert PLACE not in cse.inner_text("#referrals")
    chair = as_user("panel_chair", "profiling")  # partnership invited, but the referral is for assessment
    response = chair.goto(referral_url)
    assert response.status == 403 and "not available for profiling" in chair.inner_text("#refusal-reason")
    pk = referral_url.rstrip("/").rsplit("/", 1)[1]
    for path in (f"/contextplans/referrals/{pk}/conference/", f"/contextplans/referrals/{int(pk) + 500}/",
                 f"/casework/{pk}/print/", f"/contextplans/assessments/{pk}/"):
        assert cse.goto(f"{base}{path}").status == 403


def test_a_safety_map_without_script_and_the_pooled_map(served, as_user):
    base, _ = served
    youth = as_user("practitioner_youth_service", "assessment")
    youth.goto(f"{base}/contextplans/safety-maps/new/")
    first, second = youth.locator("#map-drawing path.place").nth(0), youth.locator("#map-drawing path.place").nth(1)
    red_code, green_code = first.get_attribute("data-place"), second.get_attribute("data-place")
    youth.fill("#id_young_person", "CD")
    youth.check(f"input[name='place_{red_code}'][value='red']")
    youth.check(f"input[name='place_{green_code}'][value='green']")
    assert first.get_attribute("data-colour") == "red"  # the optional script recolours the drawing
    submit(youth, "#save-map")
    assert youth.get_attribute(f"#safety-map path[data-place='{red_code}']", "data-colour") == "red"
    assert youth.get_attribute(f"#safety-map path[data-place='{green_code}']", "data-colour") == "green"

    chair = as_user("panel_chair", "profiling")  # the pooled map is an aggregate: profiling may see it
    chair.goto(f"{base}/contextplans/safety-maps/pooled/")
    assert chair.locator("#pooled-map path.place").count() >= 18
    counts = chair.locator("#pooled-places tbody tr").count()
    assert counts > 0 and "YP-" not in chair.content()
    chair.select_option("#id_period", "all")
    submit(chair, "#show-period")
    assert "maps in all" in chair.inner_text("#pool-size")
    assert chair.goto(f"{base}/contextplans/referrals/new/").status == 403  # casework is for assessment only


def test_the_referred_place_is_assessed_with_the_toolkit_triangle(served, as_user, referral_url):
    youth = as_user("practitioner_youth_service", "assessment")
    youth.goto(referral_url)
    submit(youth, "#assess-context")
    assert youth.input_value("#id_context") == PLACE and youth.is_checked("#id_assessment_type_0")
    submit(youth, "#start-assessment")
    youth.fill("#id_guardianship_needs", "No adult with a caring intention after the shops close")
    youth.check("#id_guardianship_rating_2")  # red: harmful
    submit(youth, "#submit-assessment")  # half-answered: refused with the reason
    assert "Answer every question before submitting" in youth.inner_text(".govuk-error-summary")
    for side, light in (("young_people", 1), ("guardianship", 2), ("environment", 0)):
        youth.check(f"#id_{side}_rating_{light}")
    youth.fill("#id_summary", "Guardians leave at 18:00; the parade is then unsupervised")
    submit(youth, "#submit-assessment")
    ratings = [youth.get_attribute(f"#assessment-triangle .side >> nth={i}", "data-rating") for i in range(3)]
    assert ratings == ["amber", "red", "green"]
    youth.goto(referral_url)
    assert "Neighbourhood or place assessment" in youth.inner_text("#context-assessments")
