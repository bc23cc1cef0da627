"""Query strings of the workflow and partnership apps: reflected XSS in every search and filter parameter is escaped,
and SQL metacharacters there are only text (200, no error, no rows they should not match, nothing changed)."""

from __future__ import annotations

import pytest

from contextsafe.web.accounts.models import OrganisationKind, UserRole
from tests.conftest import rows
from tests.web.accounts.factories import organisation, signed_in, user
from tests.web.casework.factories import document
from tests.web.security.helpers import REFLECTED, SQL, raw_markup
from tests.web.security.test_csrf import snapshot

pytestmark = pytest.mark.django_db
SOURCES = ["csc_referrals", "pgi_forms", "school_exclusions"]
# Pages and the parameters they read (search boxes, filters, preselections), and the list pages (any parameter).
PARAMETERS = {
    "/pgi/new/": ("q", "person"),
    "/casenotes/new/": ("q", "person"),
    "/contextplans/referrals/new/": ("context",),
    "/contextplans/assessments/new/": ("context", "type"),
    "/contextplans/safety-maps/pooled/": ("period",),
    "/contextplans/": ("q", "status"),
    "/pgi/": ("q", "status"),
    "/casenotes/": ("q",),
    "/assessments/": ("q", "status"),
    "/casereviews/": ("q",),
    "/casereviews/analysis/": ("q", "measure"),
}


@pytest.fixture
def practitioner():  # noqa: ANN201
    return user(UserRole.PRACTITIONER, organisation(kind=OrganisationKind.SOCIAL_CARE, sources=SOURCES))


def _pages(client, texts: list[str], extra: dict[str, tuple[str, ...]] = ()) -> dict[str, object]:  # noqa: ANN001
    answers = {}
    for path, names in {**PARAMETERS, **dict(extra)}.items():
        for text in texts:
            answers[f"{path}?{names}={text!r}"] = client.get(path, dict.fromkeys(names, text))
    return answers


def test_reflected_xss_in_every_search_and_filter_parameter(analysis_store, practitioner):
    meeting = document(practitioner, kind="hsb_meeting")
    client = signed_in(practitioner, "assessment")
    answers = _pages(client, REFLECTED, {f"/hsb/{meeting.pk}/actions/new/": ("context",)})
    wrong = {k: r.status_code for k, r in answers.items() if r.status_code != 200}
    assert wrong == {}
    raw = {k: found for k, r in answers.items() if (found := raw_markup(r.content.decode()))}
    assert raw == {}, f"query-string payload reflected raw: {raw}"
    chair = signed_in(user(UserRole.PANEL_CHAIR, organisation(kind=OrganisationKind.PARTNERSHIP)), "assessment")
    for path in ("/hsb/trends/", "/fap/", "/fap/matrix/", "/localaudit/", "/panels/", "/panels/overlap/",
                 "/doccheck/", "/doccheck/rules/", "/concerns/"):
        for text in REFLECTED:
            response = chair.get(path, {"q": text, "status": text, "period": text})
            assert response.status_code == 200, path
            assert raw_markup(response.content.decode()) == [], (path, text)


@pytest.mark.parametrize("text", SQL)
def test_sql_metacharacters_in_every_search_and_filter_parameter(analysis_store, practitioner, text):
    meeting = document(practitioner, kind="hsb_meeting")
    client = signed_in(practitioner, "assessment")
    before = snapshot()
    records = rows(analysis_store, "SELECT count(*) FROM records")[0][0]
    answers = _pages(client, [text], {f"/hsb/{meeting.pk}/actions/new/": ("context",)})
    wrong = {k: r.status_code for k, r in answers.items() if r.status_code != 200}
    assert wrong == {}
    for path in ("/pgi/new/", "/casenotes/new/"):  # the people search: matched literally, so nothing
        page = client.get(path, {"q": text}).content
        assert b'id="no-people"' in page and b'id="people-results"' not in page, path
    after = snapshot()
    assert {**after, "audit": 0} == {**before, "audit": 0}  # searches are audited; nothing else changes
    assert rows(analysis_store, "SELECT count(*) FROM records")[0][0] == records
    response = signed_in(user(UserRole.ANALYST), "profiling").get(f"/casereviews/analysis.{text}")
    assert response.status_code in (400, 403, 404)


def test_people_search_still_finds_by_name(analysis_store, practitioner):
    """The control of the test above: the same search finds a young person by a real part of a name."""
    page = signed_in(practitioner, "assessment").get("/pgi/new/", {"q": "jones"}).content
    assert b'id="people-results"' in page


def test_payloads_in_the_path_are_not_reflected_raw(practitioner):
    client = signed_in(practitioner, "assessment")
    for path in ("/hsb/<script>alert(1)</script>/", "/fap/1/<img src=x onerror=alert(1)>/",
                 "/casereviews/1/<svg onload=alert(1)>/", "/contextplans/referrals/%3Cscript%3Ealert(1)/"):
        response = client.get(path)
        assert response.status_code in (403, 404), path
        assert raw_markup(response.content.decode()) == [], path


def test_print_pages_forbid_scripts(analysis_store, practitioner):
    """Defence in depth behind the escaping: the printable pages (also printed to PDF) run no script at all."""
    from contextsafe.web.doccheck.models import CheckSet
    from contextsafe.web.localaudit.models import Audit

    record = document(practitioner, kind="hsb_meeting")
    chair = user(UserRole.PANEL_CHAIR, organisation(kind=OrganisationKind.PARTNERSHIP))
    audit = Audit.objects.create(organisation=chair.organisation, created_by=chair, partnership="P", lead="L",
                                 period_start="2026-01-01", period_end="2026-03-31")
    check_set = CheckSet.objects.create(name="Set", organisation=chair.organisation, created_by=chair)
    pages = [(signed_in(practitioner, "assessment"), f"/casework/{record.pk}/print/")]
    pages += [(signed_in(chair, "assessment"), url) for url in (f"/localaudit/{audit.pk}/report/print/",
                                                                f"/doccheck/{check_set.pk}/print/",
                                                                "/panels/overlap/print/")]
    for client, url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = response["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "script-src" not in policy, (url, policy)
        assert "<script" not in response.content.decode().lower(), url


def test_names_from_the_store_are_escaped_on_the_workflow_pages(tmp_path, settings, practitioner):
    """Agency exports are outside input too: a place named with markup, and a young person whose record name holds
    markup (store_factory.XSS_NAME), are shown escaped on the safety map, referral and people-search pages."""
    from contextsafe.web.contextplans import forms as xf
    from contextsafe.web.contextplans import places
    from tests.web.store_factory import make_store

    ws = make_store(tmp_path / "ws")
    place = "<script>alert(place)</script>"
    with ws.connect() as con:
        con.execute("INSERT INTO associations VALUES ('csc_referrals', 'S1', 'place', ?, 'visits', "
                    "DATE '2026-01-01', NULL)", [place])
    settings.CONTEXTSAFE_WORKSPACE = str(ws.root)
    known = places.places()
    marked = next(p for p in known if p.name == place)
    client = signed_in(practitioner, "assessment")
    response = client.post("/contextplans/safety-maps/new/", {"young_person": "YP1", "mapped_on": "2026-01-05",
                                                               xf.slug(marked.code): "red", "submit": "1"})
    assert response.status_code == 302, response.content.decode()[:3000]
    pk = int(response["Location"].strip("/").split("/")[-1])
    pages = {url: client.get(url) for url in ("/contextplans/safety-maps/new/", f"/contextplans/safety-maps/{pk}/",
                                              f"/casework/{pk}/print/", "/contextplans/safety-maps/pooled/",
                                              "/contextplans/referrals/new/", "/pgi/new/?q=onerror",
                                              "/casenotes/new/?q=onerror")}
    assert {u: r.status_code for u, r in pages.items() if r.status_code != 200} == {}
    assert {u: found for u, r in pages.items() if (found := raw_markup(r.content.decode()))} == {}
    assert "alert(place)" in pages[f"/contextplans/safety-maps/{pk}/"].content.decode()
    assert 'id="people-results"' in pages["/pgi/new/?q=onerror"].content.decode()  # the XSS-named record is listed
