"""IDOR: every record URL of the workflow and partnership apps (documents by number, their actions, attachments,
print pages, PDFs and exports), asked for by a user of another organisation, a user of the owning organisation who
stated another purpose than the record was collected for, and a user whose role may not see that kind of record,
is refused with 403, the refusal written to the audit log, and a POST changes nothing. Ids of a record's parts
(actions, observations, uploaded documents, suggestions) taken from another record are not found (404)."""

from __future__ import annotations

import pytest

from contextsafe.web.access import Action, Kind, rules
from contextsafe.web.accounts.models import OrganisationKind, UserRole
from contextsafe.web.audit.models import AuditEntry
from contextsafe.web.casework.models import CaseDocument
from tests.web.accounts.factories import organisation, signed_in, user
from tests.web.casework.factories import document
from tests.web.security.helpers import refusals

pytestmark = pytest.mark.django_db
PURPOSE_OF = {UserRole.ANALYST: "profiling", UserRole.PRACTITIONER: "assessment",
              UserRole.INFORMATION_PROVIDER: "assessment", UserRole.PANEL_CHAIR: "assessment",
              UserRole.AUDITOR: "audit", UserRole.ADMINISTRATOR: "audit"}


def casework(pk: int) -> list[str]:
    return [f"/casework/{pk}/history/", f"/casework/{pk}/print/", f"/casework/{pk}/pdf/"]


def wrong_role(kind: Kind) -> str:
    """A role that may not view ``kind`` at all."""
    viewers = rules()[kind][Action.VIEW]
    return next(r for r in (UserRole.ANALYST, UserRole.AUDITOR, UserRole.INFORMATION_PROVIDER, UserRole.ADMINISTRATOR,
                            UserRole.PRACTITIONER) if r not in viewers)


def assert_refused(who, urls: list[str], posts: list[str], purpose: str | None = None,  # noqa: ANN001
                   kind: str | None = None) -> None:
    """Every GET and POST is refused with 403 and adds a refused audit entry; no casework document changes."""
    client = signed_in(who, purpose or PURPOSE_OF[who.role])
    before = {d.pk: (d.version, d.status, d.title, d.data) for d in CaseDocument.objects.all()}
    wrong = {}
    for method, url in [("get", u) for u in urls] + [("post", u) for u in urls + posts]:
        count = refusals(who.username)
        status = getattr(client, method)(url, {"title": "changed", "reason": "changed"}).status_code
        if status != 403 or refusals(who.username) != count + 1:
            wrong[f"{method} {url}"] = (status, refusals(who.username) - count)
    assert wrong == {}, f"{who.role} of {who.organisation}: not refused (status, refusals written): {wrong}"
    after = {d.pk: (d.version, d.status, d.title, d.data) for d in CaseDocument.objects.all()}
    assert after == before
    if kind:
        assert not AuditEntry.objects.filter(username=who.username, kind=kind, outcome="allowed").exists()


def intruders(kind: Kind, owner_org, role: str, purpose_role: str = UserRole.PANEL_CHAIR):  # noqa: ANN001, ANN201
    """(another organisation's user in the same role, a user of the owner's organisation stating a purpose the
    record was not collected for, a user whose role may not see the kind)."""
    return [(user(role, organisation(kind=owner_org.kind, sources=owner_org.sources)), None),
            (user(purpose_role, owner_org), "profiling"),
            (user(wrong_role(kind), owner_org), None)]


CASEWORK_APPS = {  # kind, the owner's role and organisation kind, the record's URLs, POST-only URLs
    "hsb": (Kind.HSB_MEETING, UserRole.PRACTITIONER, OrganisationKind.SOCIAL_CARE,
            ["/hsb/{pk}/", "/hsb/{pk}/agenda/", "/hsb/{pk}/context/peer/", "/hsb/{pk}/actions/new/"],
            ["/hsb/{pk}/actions/1/rag/", "/hsb/{pk}/review/"]),
    "fap": (Kind.FAP_REFERRAL, UserRole.INFORMATION_PROVIDER, OrganisationKind.SCHOOL,
            ["/fap/{pk}/", "/fap/{pk}/decision/", "/fap/{pk}/social/", "/fap/{pk}/referral/"], ["/fap/{pk}/submit/"]),
    "pgi": (Kind.PGI, UserRole.PRACTITIONER, OrganisationKind.SOCIAL_CARE,
            ["/pgi/{pk}/", "/pgi/{pk}/edit/", "/pgi/{pk}/answer/", "/pgi/{pk}/feedback/"], []),
    "concerns": (Kind.CHILD_CONCERN, UserRole.INFORMATION_PROVIDER, OrganisationKind.SCHOOL,
                 ["/concerns/{pk}/", "/concerns/{pk}/edit/", "/concerns/{pk}/discussions/new/",
                  "/concerns/{pk}/decision/"], []),
    "assessments": (Kind.ASSESSMENT, UserRole.PRACTITIONER, OrganisationKind.SOCIAL_CARE,
                    ["/assessments/{pk}/", "/assessments/{pk}/details/", "/assessments/{pk}/gathering/",
                     "/assessments/{pk}/conclusions/", "/assessments/{pk}/plan/"], ["/assessments/{pk}/submit/"]),
    "casereviews": (Kind.CASE_REVIEW, UserRole.PRACTITIONER, OrganisationKind.SOCIAL_CARE,
                    ["/casereviews/{pk}/", "/casereviews/{pk}/codes/", "/casereviews/{pk}/team/",
                     "/casereviews/{pk}/stage1/", "/casereviews/{pk}/log/", "/casereviews/{pk}/environments/HA01/"],
                    ["/casereviews/{pk}/complete/"]),
    "context referral": (Kind.CONTEXT_REFERRAL, UserRole.PRACTITIONER, OrganisationKind.YOUTH_SERVICE,
                         ["/contextplans/referrals/{pk}/", "/contextplans/referrals/{pk}/edit/",
                          "/contextplans/referrals/{pk}/conference/", "/contextplans/referrals/{pk}/actions/new/",
                          "/contextplans/referrals/{pk}/ratings/new/", "/contextplans/referrals/{pk}/close/"],
                         ["/contextplans/referrals/{pk}/actions/1/status/",
                          "/contextplans/referrals/{pk}/agree-plan/"]),
    "context assessment": (Kind.CONTEXT_ASSESSMENT, UserRole.PRACTITIONER, OrganisationKind.YOUTH_SERVICE,
                           ["/contextplans/assessments/{pk}/", "/contextplans/assessments/{pk}/edit/",
                            "/contextplans/assessments/{pk}/outcomes/new/",
                            "/contextplans/assessments/{pk}/outcomes/1/measurements/new/"], []),
    "safety map": (Kind.SAFETY_MAP, UserRole.PRACTITIONER, OrganisationKind.YOUTH_SERVICE,
                   ["/contextplans/safety-maps/{pk}/", "/contextplans/safety-maps/{pk}/edit/"], []),
    "casenotes": (Kind.CASE_NOTE, UserRole.PRACTITIONER, OrganisationKind.SOCIAL_CARE,
                  ["/casenotes/{pk}/"], ["/casenotes/{pk}/suggestions/1/"]),
}


@pytest.mark.parametrize("app", list(CASEWORK_APPS))
def test_casework_records_refused_to_other_organisations_purposes_and_roles(analysis_store, app):
    kind, role, org_kind, urls, posts = CASEWORK_APPS[app]
    owner_org = organisation(kind=org_kind, sources=["csc_referrals", "pgi_forms"])
    owner = user(role, owner_org)
    shared_org = organisation(kind=OrganisationKind.PARTNERSHIP)
    record = document(owner, kind=str(kind), data={"answer": "synthetic"}, shared_with=[shared_org],
                      status="submitted")
    team_chair = user(UserRole.PANEL_CHAIR, owner_org)
    if kind == Kind.CASE_REVIEW:  # a review opens to its team only: put the purpose intruder on it
        record.team.set([owner, team_chair])
    pages = [u.format(pk=record.pk) for u in urls] + casework(record.pk)
    post_only = [u.format(pk=record.pk) for u in posts]
    for who, purpose in [(user(role, organisation(kind=org_kind, sources=owner_org.sources)), None),
                         (team_chair, "profiling"), (user(wrong_role(kind), owner_org), None)]:
        assert_refused(who, pages, post_only, purpose, kind=str(kind))
    chair_refusals = AuditEntry.objects.filter(username=team_chair.username, outcome="refused")
    if kind in rules() and UserRole.PANEL_CHAIR in rules()[kind][Action.VIEW]:
        assert chair_refusals.filter(reason__contains="not available for profiling").exists()
    other_team = user(role, owner_org)
    if kind == Kind.CASE_REVIEW:  # the owning organisation's reviewer not on the team
        assert_refused(other_team, pages, post_only, kind=str(kind))
    assert signed_in(owner, "assessment").get(f"/casework/{record.pk}/history/").status_code == 200


def test_guessed_numbers_of_missing_records_are_refused_and_audited(analysis_store):
    who = user(UserRole.PANEL_CHAIR, organisation(kind=OrganisationKind.PARTNERSHIP))
    client = signed_in(who, "assessment")
    for url in ["/hsb/99999/", "/fap/99999/", "/pgi/99999/", "/concerns/99999/", "/assessments/99999/",
                "/casereviews/99999/", "/contextplans/referrals/99999/", "/contextplans/assessments/99999/",
                "/contextplans/safety-maps/99999/", "/casenotes/99999/", "/localaudit/99999/", "/panels/99999/"]:
        for guess in (url, url.replace("99999", "9" * 30)):  # a number too big for the database: no error either
            count = refusals(who.username)
            assert client.get(guess).status_code == 403, guess
            assert refusals(who.username) == count + 1, guess


@pytest.mark.parametrize("page", ["history", "print", "pdf"])
def test_guessed_numbers_on_the_generic_casework_pages_are_refused_like_existing_ones(analysis_store, page):
    """A missing number answers like an existing one (403, audited): the pages tell nobody which numbers exist."""
    who = user(UserRole.PANEL_CHAIR, organisation(kind=OrganisationKind.PARTNERSHIP))
    existing = document(user(UserRole.PRACTITIONER), kind=str(Kind.HSB_MEETING))
    client = signed_in(who, "assessment")
    assert client.get(f"/casework/{existing.pk}/{page}/").status_code == 403
    count = refusals(who.username)
    assert client.get(f"/casework/{existing.pk + 1000}/{page}/").status_code == 403
    assert refusals(who.username) == count + 1


def test_parts_of_another_record_are_not_found_through_ones_own(analysis_store):
    import datetime as dt

    from contextsafe.web.casenotes import services
    from contextsafe.web.hsb import meetings
    from contextsafe.web.hsb.models import MeetingAction

    owner = user(UserRole.PRACTITIONER, organisation(kind=OrganisationKind.SOCIAL_CARE,
                                                    sources=["csc_referrals", "pgi_forms"]))
    client = signed_in(owner, "assessment")
    mine, theirs = (document(owner, kind=str(Kind.HSB_MEETING)) for _ in range(2))
    action = meetings.add_action(theirs, owner, what="Visit", context="peer", owner="SW", due_on=dt.date.today())
    assert client.post(f"/hsb/{mine.pk}/actions/{action.pk}/rag/", {f"a{action.pk}-rag": "green"}).status_code == 404
    assert MeetingAction.objects.get(pk=action.pk).rag == action.rag
    text = "Amara met Ben Okafor at Hill Park school near the estate."
    notes = [services.add_note(owner, "P-AMARA", f"Note {n}", text, dt.date.today(), "assessment") for n in range(2)]
    other = notes[1].casenote_suggestions.first()
    assert other is not None
    response = client.post(f"/casenotes/{notes[0].pk}/suggestions/{other.pk}/", {"decision": "confirm"})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.state == "pending"


def test_local_audit_of_another_organisation():
    from contextsafe.web.localaudit.models import Audit, Forum, Observation

    owner_org = organisation(kind=OrganisationKind.PARTNERSHIP)
    owner = user(UserRole.PANEL_CHAIR, owner_org)
    audit = Audit.objects.create(organisation=owner_org, created_by=owner, partnership="Synthetic partnership",
                                 period_start="2026-01-01", period_end="2026-03-31", lead="Lead")
    obs = Observation.objects.create(audit=audit, type=Observation.Type.MEETING, subject="x",
                                     observed_on="2026-02-01")
    forum = Forum.objects.create(audit=audit, format=Forum._meta.get_field("format").choices[0][0],
                                 held_on="2026-02-01")
    from contextsafe.web.localaudit import questions as q

    silo, level = audit.silos()[0][0], q.LEVELS[0][0]
    pk = audit.pk
    urls = [f"/localaudit/{pk}/", f"/localaudit/{pk}/edit/", f"/localaudit/{pk}/matrix/{silo}/{level}/",
            f"/localaudit/{pk}/review/", f"/localaudit/{pk}/observations/meeting/new/",
            f"/localaudit/{pk}/observations/{obs.pk}/", f"/localaudit/{pk}/forums/new/",
            f"/localaudit/{pk}/forums/{forum.pk}/", f"/localaudit/{pk}/findings/", f"/localaudit/{pk}/report/",
            f"/localaudit/{pk}/report/print/", f"/localaudit/{pk}/report/pdf/"]
    before = (audit.partnership, audit.lead)
    for who in (user(UserRole.PANEL_CHAIR, organisation(kind=OrganisationKind.PARTNERSHIP)),
                user(UserRole.ANALYST, organisation(kind=OrganisationKind.PARTNERSHIP)),
                user(UserRole.PRACTITIONER, owner_org)):
        assert_refused(who, urls, [])
    audit.refresh_from_db()
    assert (audit.partnership, audit.lead) == before
    # The owner's own audit does not open another audit's observation or forum.
    mine = Audit.objects.create(organisation=owner_org, created_by=owner, partnership="Mine",
                                period_start="2026-01-01", period_end="2026-03-31", lead="Lead")
    client = signed_in(owner, "assessment")
    assert client.get(f"/localaudit/{mine.pk}/observations/{obs.pk}/").status_code == 404
    assert client.get(f"/localaudit/{mine.pk}/forums/{forum.pk}/").status_code == 404


def test_panel_meeting_of_another_organisation_or_for_a_purpose_its_terms_refuse(analysis_store):
    from contextsafe.web.panels.models import Meeting

    owner_org = organisation(kind=OrganisationKind.PARTNERSHIP)
    owner = user(UserRole.PANEL_CHAIR, owner_org)
    first_type = Meeting._meta.get_field("type").choices[0][0]
    meeting = Meeting.objects.create(organisation=owner_org, created_by=owner, name="MASE", type=first_type,
                                     purposes=["assessment"], source="")
    urls = [f"/panels/{meeting.pk}/", f"/panels/{meeting.pk}/edit/"]
    for who in (user(UserRole.PANEL_CHAIR, organisation(kind=OrganisationKind.PARTNERSHIP)),
                user(UserRole.PRACTITIONER, owner_org)):
        assert_refused(who, urls, [])
    meeting.refresh_from_db()
    assert meeting.name == "MASE"


def test_document_check_parts_and_roles():
    from contextsafe.web.doccheck.models import CheckSet, UploadedDocument

    chair = user(UserRole.PANEL_CHAIR, organisation(kind=OrganisationKind.PARTNERSHIP))
    sets = [CheckSet.objects.create(name=f"Set {n}", organisation=chair.organisation, created_by=chair)
            for n in range(2)]
    docs = [UploadedDocument.objects.create(check_set=s, name="a.txt", kind="txt", size=1, sha256="0" * 64,
                                            passages=[]) for s in sets]
    pk = sets[0].pk
    urls = [f"/doccheck/{pk}/", f"/doccheck/{pk}/documents/{docs[0].pk}/", f"/doccheck/{pk}/print/",
            f"/doccheck/{pk}/pdf/"]
    for role in (UserRole.PRACTITIONER, UserRole.INFORMATION_PROVIDER, UserRole.ADMINISTRATOR):
        assert_refused(user(role, chair.organisation), urls, [f"/doccheck/{pk}/recheck/"])
    # A document of one set is not opened through another set's number.
    assert signed_in(chair).get(f"/doccheck/{pk}/documents/{docs[1].pk}/").status_code == 404


def test_a_case_note_suggestion_cannot_be_confirmed_as_someone_not_offered(analysis_store):
    """A tampered ``entity_id`` (a young person outside the user's sources) is refused: nothing is associated."""
    import datetime as dt

    from contextsafe.web.casenotes import services
    from contextsafe.web.casenotes.models import ConfirmedAssociation

    who = user(UserRole.PRACTITIONER, organisation(sources=["csc_referrals", "pgi_forms"]))
    note = services.add_note(who, "P-AMARA", "Visit", "Amara met Ben Okafor at Hill Park school.", dt.date.today(),
                             "assessment")
    ben = note.casenote_suggestions.get(entity_id="P-BEN")
    client = signed_in(who, "assessment")
    response = client.post(f"/casenotes/{note.pk}/suggestions/{ben.pk}/", {"decision": "confirm", "entity_id": "P-CAL"},
                           follow=True)
    assert "Choose which young person, school or place the note means." in response.content.decode()
    ben.refresh_from_db()
    assert ben.state == "pending" and ben.entity_id == "P-BEN"
    assert not ConfirmedAssociation.objects.filter(entity_id="P-CAL").exists()
    assert "P-CAL" not in str(CaseDocument.objects.get(pk=note.pk).data)


def test_panel_meeting_list_refused_for_a_purpose_its_terms_do_not_permit(analysis_store):
    """The list of a meeting held in the store (its source permits assessment and profiling) is shared on terms
    permitting assessment only: a chair of its organisation stating profiling is refused it."""
    from contextsafe.web.panels.models import Meeting

    org = organisation(kind=OrganisationKind.PARTNERSHIP)
    chair = user(UserRole.PANEL_CHAIR, org)
    meeting = Meeting.objects.create(organisation=org, created_by=chair, name="MASE", type="mase",
                                     purposes=["assessment"], source="csc_referrals")
    assert signed_in(chair, "assessment").get(f"/panels/{meeting.pk}/").status_code == 200
    count = refusals(chair.username)
    assert signed_in(chair, "profiling").get(f"/panels/{meeting.pk}/").status_code == 403
    assert refusals(chair.username) == count + 1


AGGREGATES = {  # reports and exports across records: path -> kind whose rules decide
    "/fap/matrix/": Kind.FAP_REFERRAL, "/fap/matrix.csv": Kind.FAP_REFERRAL, "/hsb/trends/": Kind.HSB_MEETING,
    "/casereviews/analysis/": Kind.CASE_REVIEW, "/casereviews/analysis.csv": Kind.CASE_REVIEW,
    "/casereviews/analysis.xlsx": Kind.CASE_REVIEW, "/contextplans/safety-maps/pooled/": Kind.SAFETY_MAP,
    "/panels/overlap/": Kind.PANEL, "/panels/overlap/print/": Kind.PANEL, "/panels/overlap/pdf/": Kind.PANEL,
    "/doccheck/rules/": Kind.DOCUMENT_CHECK_RULES, "/localaudit/": Kind.LOCAL_AUDIT,
}


def test_reports_and_exports_refused_to_roles_outside_their_rules(analysis_store):
    wrong = {}
    for path, kind in AGGREGATES.items():
        allowed = set().union(*rules()[kind].values())
        for role in [r for r in UserRole if r not in allowed][:2]:
            who = user(role)
            status = signed_in(who).get(path).status_code
            if status != 403 or refusals(who.username) != 1:
                wrong[f"{role} {path}"] = (status, refusals(who.username))
    assert wrong == {}


def _reason(response) -> str:  # noqa: ANN001
    import re

    found = re.search(r'id="refusal-reason">(.*?)</p>', response.content.decode(), re.S)
    return found.group(1).strip() if found else ""


def test_refusal_page_of_a_guessed_number_reads_like_that_of_another_organisations_record(analysis_store):
    """The refusal page says one generic sentence whether the number exists or not, and whoever's it is (the
    specific reason is written to the audit log only)."""
    from contextsafe.web.localaudit.models import Audit
    from contextsafe.web.panels.models import Meeting

    theirs = organisation(kind=OrganisationKind.PARTNERSHIP)
    chair = user(UserRole.PANEL_CHAIR, theirs)
    hsb = document(user(UserRole.PRACTITIONER, theirs), kind=str(Kind.HSB_MEETING))
    audit = Audit.objects.create(organisation=theirs, created_by=chair, partnership="P", lead="L",
                                 period_start="2026-01-01", period_end="2026-03-31")
    meeting = Meeting.objects.create(organisation=theirs, created_by=chair, name="MASE", type="mase", purposes=[])
    client = signed_in(user(UserRole.PANEL_CHAIR, organisation(kind=OrganisationKind.PARTNERSHIP)), "assessment")
    differ = {}
    for existing, guessed in [(f"/casework/{hsb.pk}/print/", "/casework/99999/print/"),
                              (f"/hsb/{hsb.pk}/", "/hsb/99999/"), (f"/localaudit/{audit.pk}/", "/localaudit/99999/"),
                              (f"/panels/{meeting.pk}/", "/panels/99999/")]:
        one, other = client.get(existing), client.get(guessed)
        assert one.status_code == other.status_code == 403
        if _reason(one) != _reason(other) or _reason(one) != GENERIC:
            differ[existing] = (_reason(one), _reason(other))
    assert differ == {}
    reasons = set(AuditEntry.objects.filter(outcome="refused").values_list("reason", flat=True))
    assert {"no such record", "record belongs to another organisation"} <= reasons  # kept in the audit log


GENERIC = "You cannot open this record, or it does not exist. Your attempt has been recorded."


def test_refusal_page_of_a_team_record_or_a_hidden_young_person_is_the_generic_one(analysis_store):
    """Within the owning organisation, a record restricted to a team reads like a guessed number; a young person
    outside the user's sources too (the break-glass offer stays); a refusal once the user may see the record keeps
    its reason (here: collected for another purpose)."""
    org = organisation(kind=OrganisationKind.SOCIAL_CARE, sources=["csc_referrals", "pgi_forms"])
    owner, colleague = user(UserRole.PRACTITIONER, org), user(UserRole.PRACTITIONER, org)
    review = document(owner, kind=str(Kind.CASE_REVIEW), data={"young_people": [], "contexts": []})
    review.team.set([owner])
    client = signed_in(colleague, "assessment")
    assert _reason(client.get(f"/casework/{review.pk}/print/")) == GENERIC
    assert _reason(client.get("/casework/99999/print/")) == GENERIC
    hidden = client.get("/people/P-CAL/")  # police only
    assert hidden.status_code == 403 and _reason(hidden) == GENERIC
    assert 'id="break-glass-link"' in hidden.content.decode()
    chair = user(UserRole.PANEL_CHAIR, org)
    review.team.add(chair)
    wrong_purpose = signed_in(chair, "profiling").get(f"/casework/{review.pk}/print/")
    assert wrong_purpose.status_code == 403 and "not available for profiling" in _reason(wrong_purpose)


def _concern_with_child(pid: str) -> tuple[str, dict, str]:
    from tests.web.concerns.factories import concern_data

    return "/concerns/new/", concern_data(**{"children-0-person_id": pid, "children-1-person_id": ""}), "child_concern"


def _pgi_answer_naming_peer(pid: str, pk: int = 0) -> tuple[str, dict, str]:
    from tests.web.pgi.factories import answer_data

    return f"/pgi/{pk}/answer/", answer_data(**{"peers-0-person_id": pid}), "pgi"


@pytest.mark.parametrize("where", ["concerns", "pgi"])
def test_a_young_person_the_user_may_not_see_is_refused_like_an_unknown_one(analysis_store, where):
    """A linked id is checked with access.decide, not for existence alone: P-CAL, known only to the police, is
    refused to a school exactly as an id that exists nowhere (so the school can neither link records to it nor
    learn which ids exist), while P-BEN, in the school's own records, is accepted."""
    from tests.web.pgi.factories import provider, requester, sent_request

    school = organisation(kind=OrganisationKind.SCHOOL, sources=["school_exclusions"])
    who = provider(school)
    pk = 0
    if where == "pgi":
        asking = requester(organisation(kind=OrganisationKind.SOCIAL_CARE,
                                        sources=["csc_referrals", "pgi_forms", "school_exclusions"]))
        pk = sent_request(asking, who).document_id
    make = _concern_with_child if where == "concerns" else (lambda pid: _pgi_answer_naming_peer(pid, pk))
    client = signed_in(who, "assessment")
    url, unknown, _ = make("P-GUESSED-404")
    refused = client.post(url, unknown)
    assert refused.status_code in (200, 400) and "No linked young person has this id" in refused.content.decode()
    url, hidden, _ = make("P-CAL")
    response = client.post(url, hidden)
    assert response.status_code in (200, 400), "a young person outside the school's sources was accepted"
    assert "P-CAL" not in str(list(CaseDocument.objects.values_list("person_id", "data")))
    assert _person_errors(response) == _person_errors(refused) != []  # one answer for both
    url, visible, _ = make("P-BEN")  # the control: in the school's own records
    assert client.post(url, visible).status_code == 302
    assert "P-BEN" in str(list(CaseDocument.objects.values_list("person_id", "data")))


def _person_errors(response) -> list[str]:  # noqa: ANN001
    import re

    return re.findall(r"No linked young person[^<]*", response.content.decode())


def _step_refused(who, url: str, data: dict | None = None, purpose: str = "assessment") -> tuple[int, int]:  # noqa: ANN001
    count = refusals(who.username)
    status = signed_in(who, purpose).post(url, data or {}).status_code
    return status, refusals(who.username) - count


def test_a_party_may_not_take_the_other_partys_step(analysis_store):
    """Within a shared record, each step is its party's: the other party (who may read the record) is refused with
    403 and an audit entry, and the record is unchanged."""
    from tests.web.pgi.factories import answer_data, provider, requester, sent_request

    school_org = organisation(kind=OrganisationKind.SCHOOL, sources=["school_exclusions"])
    school = provider(school_org)
    asking = requester(organisation(kind=OrganisationKind.SOCIAL_CARE,
                                    sources=["csc_referrals", "pgi_forms", "school_exclusions"]))
    pgi = sent_request(asking, school).document
    panel_org = organisation(kind=OrganisationKind.PARTNERSHIP)
    fap = document(school, kind="fap_referral", data={"referral": {"name": "N"}}, shared_with=[panel_org],
                   status="submitted")
    chair = user(UserRole.PANEL_CHAIR, panel_org)
    before = {d.pk: (d.version, d.status, d.data) for d in CaseDocument.objects.all()}
    steps = {
        "requester answers its own request": (asking, f"/pgi/{pgi.pk}/answer/", answer_data()),
        "provider edits the request": (school, f"/pgi/{pgi.pk}/edit/", {"person_id": "P-BEN"}),
        "provider gives the feedback": (school, f"/pgi/{pgi.pk}/feedback/", {"informed": "yes", "how": "x"}),
        "panel chair edits the school's referral": (chair, f"/fap/{fap.pk}/referral/", {"name": "Changed"}),
        "school edits a submitted referral": (school, f"/fap/{fap.pk}/referral/", {"name": "Changed"}),
        "school records the panel decision": (school, f"/fap/{fap.pk}/decision/", {}),
    }
    wrong = {name: got for name, (who, url, data) in steps.items()
             if (got := _step_refused(who, url, data)) != (403, 1)}
    assert wrong == {}
    assert {d.pk: (d.version, d.status, d.data) for d in CaseDocument.objects.all()} == before
