"""Who a record is shared with decides who reads it (access._decide_casework), so only the owning organisation may
change that list: an organisation a record is shared with must not widen it to an organisation of its choosing
(nor drop the others). Each way a form of these apps sets ``shared_with`` is tried by a user of a sharing
organisation whose role may otherwise change the record; exports of free text are neutralised for spreadsheets."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest

from contextsafe.web.accounts.models import OrganisationKind, UserRole
from contextsafe.web.casework.models import CaseDocument
from tests.web.accounts.factories import organisation, signed_in, user
from tests.web.casework.factories import document
from tests.web.security.helpers import DAY, refusals

pytestmark = pytest.mark.django_db


def _hsb(owner_org, sharing_org, outsider):  # noqa: ANN001, ANN202
    owner = user(UserRole.PRACTITIONER, owner_org)
    record = document(owner, kind="hsb_meeting", shared_with=[sharing_org],
                      data={"young_person": "YP1", "meeting_date": DAY, "continuum_level": "problematic",
                            "continuum_reason": "r", "attending": [sharing_org.name]})
    form = {"young_person": "YP1", "meeting_date": DAY, "continuum_level": "problematic", "continuum_reason": "Reason",
            "attending": [outsider.pk]}
    return record, UserRole.PRACTITIONER, f"/hsb/{record.pk}/agenda/", form


def _conference(owner_org, sharing_org, outsider):  # noqa: ANN001, ANN202
    from tests.web.contextplans.factories import referral

    record = referral(user(UserRole.PRACTITIONER, owner_org), shared_with=[sharing_org])
    form = {"held_on": DAY, "chair": "Chair", "attendees": "A", "organisations": [outsider.pk],
            "information_shared": "I", "decision": "plan", "context_1": "Hill Park", "weight_1": "5"}
    return record, UserRole.PRACTITIONER, f"/contextplans/referrals/{record.pk}/conference/", form


def _referral_draft(owner_org, sharing_org, outsider):  # noqa: ANN001, ANN202
    from tests.web.contextplans.factories import referral

    record = referral(user(UserRole.PRACTITIONER, owner_org), stage="draft", shared_with=[sharing_org])
    form = {"place_name": "Hill Park", "context_kind": "place", "concerns": ["cce"], "concern_summary": "S",
            "evidence": "E", "invited": [outsider.pk]}
    return record, UserRole.PRACTITIONER, f"/contextplans/referrals/{record.pk}/edit/", form


def _concern_decision(owner_org, sharing_org, outsider):  # noqa: ANN001, ANN202
    owner_org.kind = sharing_org.kind = OrganisationKind.SCHOOL
    owner_org.save(), sharing_org.save()
    record = document(user(UserRole.INFORMATION_PROVIDER, owner_org), kind="child_concern", shared_with=[sharing_org],
                      data={"concern": {"what": "x"}, "children": []}, status="submitted")
    form = {"outcome": "refer_social_care", "reason": "A reason of more than twenty characters.", "decided_on": DAY,
            "decided_by": "DSL", "share_with": [outsider.pk]}
    return record, UserRole.INFORMATION_PROVIDER, f"/concerns/{record.pk}/decision/", form


def _assessment_details(owner_org, sharing_org, outsider):  # noqa: ANN001, ANN202
    record = document(user(UserRole.PRACTITIONER, owner_org), kind="contextual_assessment", shared_with=[sharing_org])
    return record, UserRole.PRACTITIONER, f"/assessments/{record.pk}/details/", {"title": "T",
                                                                                  "shared_with": [outsider.pk]}


CASES = [_hsb, _conference, _referral_draft, _concern_decision, _assessment_details]


@pytest.mark.parametrize("make", CASES)
def test_only_the_owning_organisation_changes_who_a_record_is_shared_with(analysis_store, make):
    owner_org, sharing_org = organisation(kind=OrganisationKind.SOCIAL_CARE), organisation(kind=OrganisationKind.SCHOOL)
    outsider = organisation(kind=OrganisationKind.POLICE, name="Outsider police")
    record, role, url, form = make(owner_org, sharing_org, outsider)
    before = set(record.shared_with.values_list("pk", flat=True))
    client_user = user(role, sharing_org)
    client = signed_in(client_user, "assessment")
    assert client.get(url).status_code in (200, 403)  # the sharing organisation may read the page or be refused
    count = refusals(client_user.username)
    response = client.post(url, form)
    after = set(CaseDocument.objects.get(pk=record.pk).shared_with.values_list("pk", flat=True))
    assert outsider.pk not in after and after == before, response.status_code
    assert response.status_code == 403 and refusals(client_user.username) == count + 1  # refused and audited
    owner = signed_in(record.created_by, "assessment")  # the control: the owner's same post is valid and shares
    response = owner.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert outsider.pk in set(CaseDocument.objects.get(pk=record.pk).shared_with.values_list("pk", flat=True))


@pytest.mark.parametrize("make", [_hsb, _conference, _referral_draft])
def test_a_sharing_organisation_still_saves_the_record_without_changing_its_sharing(analysis_store, make):
    """Where a sharing organisation may change the record, its form does not offer the sharing (or, for the
    conference, offers only the organisations already sharing it), and its save leaves the sharing as it was."""
    owner_org, sharing_org = organisation(kind=OrganisationKind.SOCIAL_CARE), organisation(kind=OrganisationKind.SCHOOL)
    outsider = organisation(kind=OrganisationKind.POLICE, name="Outsider police")
    record, role, url, form = make(owner_org, sharing_org, outsider)
    client = signed_in(user(role, sharing_org), "assessment")
    page = client.get(url).content.decode()
    assert f'value="{outsider.pk}"' not in page and "Outsider police" not in page
    field = next(f for f in ("attending", "organisations", "invited") if f in form)
    if field == "organisations":  # who was represented, among those the referral is shared with
        form = {**form, field: [owner_org.pk, sharing_org.pk]}
    else:
        assert 'id="sharing-fixed"' in page and f'name="{field}"' not in page
        form = {k: v for k, v in form.items() if k != field}
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = CaseDocument.objects.get(pk=record.pk)
    assert set(saved.shared_with.values_list("pk", flat=True)) == {sharing_org.pk}
    assert saved.version > record.version  # the rest of the post was saved


def test_the_owner_may_change_sharing(analysis_store):
    """The control of the test above: the same post from the owning organisation does change the sharing."""
    owner_org, sharing_org = organisation(kind=OrganisationKind.SOCIAL_CARE), organisation(kind=OrganisationKind.SCHOOL)
    outsider = organisation(kind=OrganisationKind.POLICE)
    record, role, url, form = _assessment_details(owner_org, sharing_org, outsider)
    owner = record.created_by
    assert signed_in(owner, "assessment").post(url, form).status_code == 302
    assert outsider.pk in set(record.shared_with.values_list("pk", flat=True))


def test_case_review_export_neutralises_formulas(analysis_store):
    who = user(UserRole.PRACTITIONER, organisation(sources=["csc_referrals", "pgi_forms"]))
    review = document(who, kind="case_review", title='=HYPERLINK("http://x.invalid","click")',
                      data={"young_people": [], "contexts": []})
    review.team.set([who])
    client = signed_in(who, "assessment")
    body = client.get("/casereviews/analysis.csv").content.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
    assert any("HYPERLINK" in c for c in cells)
    assert not [c for c in cells if c[:1] in ("=", "+", "@") or (c[:1] == "-" and not c[1:].replace(".", "").isdigit())]
    book = zipfile.ZipFile(io.BytesIO(client.get("/casereviews/analysis.xlsx").content))
    sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any(b"<f>" in book.read(n) for n in sheets)
