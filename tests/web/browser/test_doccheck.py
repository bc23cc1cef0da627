"""Strategic document checks as their users work: a panel chair uploads a partnership's strategies (Word, PDF,
text), reads the silo map, the flagged passages with the report's rationale and the appendix P answers, opens
the printable report and downloads the PDF; an analyst is stopped before sending an oversized set and refused a
file that is not a document; an administrator edits the rules (a new version); a practitioner of another
organisation is refused everything, guessed URLs included."""

from __future__ import annotations

import pytest

from tests.doccheck.files import docx_bytes, pdf_bytes
from tests.web.browser.conftest import sign_in, submit

pytestmark = pytest.mark.browser

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _files() -> list[dict]:
    cse = docx_bytes([("h1", "Eastgate Child Sexual Exploitation Strategy"),
                      ("", "Young women who go missing to meet older males are putting themselves at risk."),
                      ("h1", "Referral"), ("", "Refer concerns to the CSE coordinator.")])
    gangs = pdf_bytes([["Eastgate Gangs Procedure", "Young people who are gang members will face enforcement.",
                        "Refer concerns to the police gangs unit."]])
    da = (b"# Eastgate Domestic Abuse Policy\n\nWhere the perpetrator is a 16 or 17 year old partner, the police "
          b"will prosecute.\n\nRefer high-risk victims to the MARAC coordinator.\n")
    return [{"name": "cse_strategy.docx", "mimeType": DOCX, "buffer": cse},
            {"name": "gangs_procedure.pdf", "mimeType": "application/pdf", "buffer": gangs},
            {"name": "da_policy.txt", "mimeType": "text/plain", "buffer": da}]


def test_panel_chair_uploads_a_set_reads_the_findings_and_the_report(served, page):
    base, accounts = served
    sign_in(page, base, accounts["panel_chair"], "profiling")
    page.goto(f"{base}/doccheck/")
    assert "Northfield adolescent safeguarding documents (example)" in page.inner_text("#check-sets")  # the demo
    submit(page, "#new-check")
    page.fill("#id_name", "Eastgate strategies, spring review")
    page.set_input_files("#id_files", _files())
    submit(page, "#upload")
    assert page.inner_text("#set-name") == "Eastgate strategies, spring review"
    assert "DOCX" in page.inner_text("#documents") and "PDF" in page.inner_text("#documents")
    silo_map = page.inner_text("#silo-map")
    assert "Eastgate Child Sexual Exploitation Strategy" in silo_map and "Main subject" in silo_map
    findings = page.inner_text("#findings")
    assert "“Young women who go missing to meet older males are putting themselves at risk.”" in findings
    assert "lifestyle choices was still present" in findings  # the rule's rationale, quoted from the report
    for rule in ("LANG-LIFESTYLE", "LANG-GANG-NO-GROOMING", "LANG-ADULT-PERPETRATOR", "DA-16-17-SECTION",
                 "XREF-CSE-HSB", "XREF-GANGS-CSE", "SET-REFERRAL-ROUTES"):
        assert rule in findings, rule
    references = page.inner_text("#cross-references")
    assert "Missing children — paragraph 2" in references  # the CSE strategy refers to going missing
    assert "never mentioned here: Child sexual exploitation; Serious youth violence and gangs" in references
    answers = page.inner_text("#answers")
    assert "Are young people who abuse their partners or peers differentiated from adults" in answers
    assert page.inner_text("#answer-3-b").lower() == "no"  # the domestic abuse policy, flagged for 'perpetrator'
    submit(page, "#document-1")  # the CSE strategy as it was read, the flagged passage marked
    assert page.inner_text("#document-title") == "Eastgate Child Sexual Exploitation Strategy"
    assert "LANG-LIFESTYLE" in page.inner_text("#passage-2") and "LANG-LIFESTYLE" not in page.inner_text("#passage-4")
    page.go_back()
    with page.expect_download() as download:
        page.click("#pdf-report")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    submit(page, "#print-report")
    assert "Strategic document check: Eastgate strategies, spring review" in page.inner_text("h1")
    assert "LANG-LIFESTYLE" in page.inner_text("body")


def test_analyst_is_stopped_before_an_oversized_set_and_refused_a_file_that_is_not_a_document(served, page):
    base, accounts = served
    sign_in(page, base, accounts["analyst"], "profiling")
    page.goto(f"{base}/doccheck/new/")
    page.fill("#id_name", "Too big")
    page.set_input_files("#id_files", [{"name": "huge.txt", "mimeType": "text/plain",
                                        "buffer": b"A long policy. " * 150_000}])
    page.click("#upload")
    assert page.is_visible("#file-error")
    assert "must be smaller than 2 MB in all (they are 2.1 MB)" in page.inner_text("#file-error")
    assert page.url == f"{base}/doccheck/new/"
    page.set_input_files("#id_files", [{"name": "strategy.txt", "mimeType": "text/plain",
                                        "buffer": b"\x89PNG\r\n\x1a\n\x00\x00\x00image bytes"}])
    assert not page.is_visible("#file-error")
    submit(page, "#upload")
    assert "strategy.txt must be a Word document (.docx), PDF or plain text file" in page.inner_text("#error-summary")


def test_administrator_edits_the_rules_and_the_version_is_kept(served, page):
    base, accounts = served
    sign_in(page, base, accounts["administrator"], "audit")
    page.goto(f"{base}/")
    submit(page, "#navigation >> text=Check rules")
    assert "LANG-CONSENT" in page.inner_text("#rules-table")
    submit(page, "#edit-rules")
    text = page.input_value("#id_text")
    page.fill("#id_text", text.replace("severity: high", "severity: urgent", 1))
    page.fill("#id_note", "Raise the severity")
    submit(page, "#save-rules")
    assert "severity must be one of high, medium, low" in page.inner_text("#error-summary")
    promiscuous = "'\\bpromiscu\\w+'"
    page.fill("#id_text", text.replace(promiscuous, promiscuous + "\n      - '\\bsexually active by choice'", 1))
    page.fill("#id_note", "Add 'sexually active by choice' to the consent rule")
    submit(page, "#save-rules")
    assert "version 1" in page.inner_text("#rules-version")
    assert "Add 'sexually active by choice'" in page.inner_text("#rules-versions")
    assert page.goto(f"{base}/doccheck/").status == 403  # administrators edit the rules, not read the sets


def test_practitioner_of_another_organisation_is_refused_including_guessed_urls(served, page):
    base, accounts = served
    sign_in(page, base, accounts["practitioner_social_care"], "assessment")
    assert page.query_selector("#navigation >> text=Document checks") is None
    for path in ("/doccheck/", "/doccheck/new/", "/doccheck/1/", "/doccheck/1/pdf/", "/doccheck/rules/",
                 "/doccheck/rules/edit/"):
        response = page.goto(f"{base}{path}")
        assert response.status == 403 and "You cannot see this page" in page.inner_text("h1"), path
