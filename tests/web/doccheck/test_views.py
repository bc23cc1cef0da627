"""Uploading a set, reading its report, refusals (size, kind, role), and editing the rules with versions."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from contextsafe.doccheck import default_text
from contextsafe.web.accounts.models import UserRole
from contextsafe.web.audit.models import AuditEntry
from contextsafe.web.doccheck.forms import UploadForm
from contextsafe.web.doccheck.models import CheckSet, RulesVersion
from tests.doccheck.files import docx_bytes, pdf_bytes
from tests.web.accounts.factories import signed_in, user

pytestmark = pytest.mark.django_db

GANGS = (b"# Gangs Procedure\nSome young people have made a lifestyle choice.\n\n"
         b"Refer concerns to the police gangs unit.")


def files(*named: tuple[str, bytes]) -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(name, data) for name, data in named]


def upload(client, *named: tuple[str, bytes], name: str = "Northfield documents"):  # noqa: ANN001, ANN201
    return client.post("/doccheck/new/", {"name": name, "files": files(*named)})


def test_panel_chair_uploads_docx_pdf_and_text_and_reads_the_findings():
    client = signed_in(user(UserRole.PANEL_CHAIR))
    cse = docx_bytes([("h1", "Child Sexual Exploitation Strategy"), ("", "Child sexual exploitation is abuse."),
                      ("h1", "Referral"), ("", "Refer concerns to the CSE coordinator.")])
    da = pdf_bytes([["Domestic Abuse Policy", "Where the perpetrator is a 16 or 17 year old partner, police act."]])
    response = upload(client, ("cse.docx", cse), ("da.pdf", da), ("gangs.txt", GANGS))
    check_set = CheckSet.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/doccheck/{check_set.pk}/"
    assert [(d.name, d.kind) for d in check_set.documents.all()] == [("cse.docx", "docx"), ("da.pdf", "pdf"),
                                                                     ("gangs.txt", "txt")]
    page = client.get(f"/doccheck/{check_set.pk}/").content.decode()
    assert "Some young people have made a lifestyle choice." in page  # the passage quoted
    assert "the language of lifestyle choices was still present" in page  # the rule's rationale
    for rule in ("LANG-LIFESTYLE", "LANG-ADULT-PERPETRATOR", "DA-16-17-SECTION", "XREF-CSE-HSB",
                 "SET-REFERRAL-ROUTES"):
        assert rule in page
    assert 'id="silo-map"' in page and 'id="answer-1-a"' in page


def test_printable_report_is_self_contained():
    client = signed_in(user(UserRole.ANALYST))
    upload(client, ("gangs.txt", GANGS))
    response = client.get(f"/doccheck/{CheckSet.objects.get().pk}/print/")
    page = response.content.decode()
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert "<style>" in page and "<script" not in page and "/static/" not in page
    assert "LANG-LIFESTYLE" in page


def test_a_file_whose_content_is_not_docx_pdf_or_text_is_refused():
    client = signed_in(user(UserRole.PANEL_CHAIR))
    response = upload(client, ("strategy.pdf", b"\x89PNG\r\n\x1a\n\x00\x00\x00image"))
    assert response.status_code == 400 and not CheckSet.objects.exists()
    assert "strategy.pdf must be a Word document (.docx), PDF or plain text file" in response.content.decode()


def test_a_name_that_disagrees_with_the_content_is_refused():
    client = signed_in(user(UserRole.PANEL_CHAIR))
    response = upload(client, ("policy.docx", b"Plain words, not a Word document."))
    assert response.status_code == 400
    assert "policy.docx is named .docx but its content is a plain text (.txt)" in response.content.decode()


def test_an_oversized_upload_is_refused_before_it_is_read():
    client = signed_in(user(UserRole.PANEL_CHAIR))
    response = upload(client, ("big.txt", b"A long policy. " * 150_000))  # 2.1 MiB
    assert response.status_code == 413 and not CheckSet.objects.exists()


def test_the_form_refuses_files_over_two_megabytes_with_a_clear_message():
    form = UploadForm({"name": "Big"}, {"files": files(("a.txt", b"x " * 600_000), ("b.txt", b"y " * 600_000))})
    assert not form.is_valid()
    assert form.errors["files"] == ["The selected files must be smaller than 2 MB in all (they are 2.3 MB)"]


@pytest.mark.parametrize("role", [UserRole.PRACTITIONER, UserRole.INFORMATION_PROVIDER, UserRole.ADMINISTRATOR])
def test_other_roles_are_refused_and_the_refusal_is_audited(role):
    owner = signed_in(user(UserRole.PANEL_CHAIR))
    upload(owner, ("gangs.txt", GANGS))
    pk = CheckSet.objects.get().pk
    who = user(role)
    client = signed_in(who)
    for path in ("/doccheck/", "/doccheck/new/", f"/doccheck/{pk}/", f"/doccheck/{pk}/print/", f"/doccheck/{pk}/pdf/"):
        assert client.get(path).status_code == 403, path
    assert upload(client, ("gangs.txt", GANGS)).status_code == 403
    assert CheckSet.objects.count() == 1
    assert AuditEntry.objects.filter(username=who.username, outcome="refused", kind="document_check").count() == 6


def test_a_guessed_set_is_not_found():
    assert signed_in(user(UserRole.AUDITOR)).get("/doccheck/999/").status_code == 404


def test_rules_are_readable_by_checkers_and_administrators_but_editable_only_by_chairs_and_administrators():
    for role, view, edit in [(UserRole.ANALYST, 200, 403), (UserRole.AUDITOR, 200, 403),
                             (UserRole.PANEL_CHAIR, 200, 200), (UserRole.ADMINISTRATOR, 200, 200),
                             (UserRole.PRACTITIONER, 403, 403)]:
        client = signed_in(user(role))
        assert (client.get("/doccheck/rules/").status_code, client.get("/doccheck/rules/edit/").status_code) == \
            (view, edit), role


def test_editing_the_rules_validates_them_and_keeps_every_version():
    chair = user(UserRole.PANEL_CHAIR)
    client = signed_in(chair)
    broken = default_text().replace("severity: high", "severity: urgent", 1)
    response = client.post("/doccheck/rules/edit/", {"text": broken, "note": "Try a new severity"})
    assert response.status_code == 400 and "severity must be one of high, medium, low" in response.content.decode()
    assert not RulesVersion.objects.exists()
    first = "'lifestyle\\s+choices?'"
    edited = default_text().replace(first, first + "\n      - '\\broad life'", 1)
    response = client.post("/doccheck/rules/edit/", {"text": edited, "note": "Add road life"})
    assert response.status_code == 302
    [version] = RulesVersion.objects.all()
    assert (version.number, version.changed_by, version.note) == (1, chair, "Add road life")
    diff = client.get("/doccheck/rules/1/").content.decode()
    assert "+      - &#x27;\\broad life&#x27;" in diff


def test_rechecking_a_set_applies_the_edited_rules():
    client = signed_in(user(UserRole.PANEL_CHAIR))
    upload(client, ("gangs.txt", b"# Gangs Procedure\nYoung people have embraced road life."))
    check_set = CheckSet.objects.get()
    assert not [f for f in check_set.report["findings"] if f["rule"] == "LANG-LIFESTYLE"]
    first = "'lifestyle\\s+choices?'"
    edited = default_text().replace(first, first + "\n      - 'road life'", 1)
    client.post("/doccheck/rules/edit/", {"text": edited, "note": "Add road life"})
    assert client.post(f"/doccheck/{check_set.pk}/recheck/").status_code == 302
    check_set.refresh_from_db()
    assert check_set.rules_number == 1
    assert [f["rule"] for f in check_set.report["findings"] if f["rule"] == "LANG-LIFESTYLE"] == ["LANG-LIFESTYLE"]


def test_the_report_downloads_as_pdf():
    client = signed_in(user(UserRole.AUDITOR))
    upload(client, ("gangs.txt", GANGS))
    response = client.get(f"/doccheck/{CheckSet.objects.get().pk}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_demo_seeds_one_example_set_with_findings_once():
    from contextsafe.web.doccheck import demo

    user(UserRole.PANEL_CHAIR, username="panel_chair")
    demo.seed()
    demo.seed()
    [check_set] = CheckSet.objects.all()
    kinds = {d.name: d.kind for d in check_set.documents.all()}
    assert kinds["gangs_procedure.docx"] == "docx" and kinds["cse_strategy.txt"] == "txt"
    fired = {f["rule"] for f in check_set.report["findings"]}
    assert {"LANG-LIFESTYLE", "DA-16-17-SECTION", "XREF-CSE-HSB", "SET-REFERRAL-ROUTES"} <= fired


def test_uploads_and_rule_changes_are_in_the_audit_log():
    chair = user(UserRole.PANEL_CHAIR)
    client = signed_in(chair)
    upload(client, ("gangs.txt", GANGS))
    entry = AuditEntry.objects.get(username=chair.username, action="upload")
    assert entry.kind == "document_check" and entry.ident == str(CheckSet.objects.get().pk)
    assert "gangs.txt (txt, " in entry.detail and "sha256 " in entry.detail
    client.post("/doccheck/rules/edit/", {"text": default_text(), "note": "Same rules, new version"})
    saved = AuditEntry.objects.get(username=chair.username, kind="document_check_rules", ident="1")
    assert saved.detail == "rules version 1: Same rules, new version"


def test_a_pdf_without_text_is_refused_with_a_reason():
    client = signed_in(user(UserRole.ANALYST))
    response = upload(client, ("scanned.pdf", pdf_bytes([[]])))
    assert response.status_code == 400 and not CheckSet.objects.exists()
    assert "scanned.pdf: no text found (a scanned PDF needs its text recognised first)" in response.content.decode()


def test_a_document_as_read_shows_its_passages_with_the_flagged_one_marked():
    client = signed_in(user(UserRole.ANALYST))
    upload(client, ("gangs.txt", GANGS))
    check_set = CheckSet.objects.get()
    doc = check_set.documents.get()
    page = client.get(f"/doccheck/{check_set.pk}/documents/{doc.pk}/").content.decode()
    assert 'id="document-title">Gangs Procedure<' in page
    flagged = page.split('id="passage-2"')[1].split('id="passage-3"')[0]
    assert "LANG-LIFESTYLE" in flagged and "Some young people have made a lifestyle choice." in flagged
    assert "LANG-LIFESTYLE" not in page.split('id="passage-3"')[1]
    assert client.get(f"/doccheck/{check_set.pk}/documents/{doc.pk + 1}/").status_code == 404
