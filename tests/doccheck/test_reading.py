"""Reading DOCX, PDF and plain text into passages (kind decided by content, not by the file name)."""

from __future__ import annotations

import pytest

from contextsafe.doccheck import DocumentError, check, read, sniff
from tests.doccheck.files import docx_bytes, pdf_bytes


def test_docx_paragraphs_keep_their_headings_and_numbers():
    data = docx_bytes([("h1", "Gangs Procedure"), ("", "Gang members have made a lifestyle choice."),
                       ("h1", "Referral"), ("", "Refer concerns to the police gangs unit.")])
    document = read("upload.bin", data)  # the name says nothing; the content says DOCX
    assert document.kind == "docx" and document.title == "Gangs Procedure"
    body = [p for p in document.passages if not p.is_heading]
    assert [(p.number, p.heading) for p in body] == [(2, "Gangs Procedure"), (4, "Referral")]
    [finding] = check([document]).fired("LANG-LIFESTYLE")
    assert finding.quotes[0].where == "paragraph 2" and finding.quotes[0].heading == "Gangs Procedure"


def test_pdf_passages_know_their_page():
    data = pdf_bytes([["1. Purpose", "Where the perpetrator is a 16 or 17 year old partner, police prosecute."],
                      ["2. Referral", "All referrals go to the MARAC coordinator."]])
    document = read("policy.pdf", data)
    assert document.kind == "pdf"
    assert [(p.page, p.is_heading) for p in document.passages] == [(1, True), (1, False), (2, True), (2, False)]
    [finding] = check([document]).fired("LANG-ADULT-PERPETRATOR")
    assert finding.quotes[0].where == "page 1, paragraph 2"


def test_plain_text_blank_lines_and_hash_headings():
    document = read("notes.txt", b"# CSE Strategy\n\nFirst paragraph\ncontinues here.\n\nSecond paragraph.\n")
    assert [p.text for p in document.passages] == ["CSE Strategy", "First paragraph continues here.",
                                                    "Second paragraph."]


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00binary", b"PK\x03\x04not really a zip", b""])
def test_other_files_are_refused(data):
    assert sniff(data) is None
    with pytest.raises(DocumentError, match="not a Word document"):
        read("image.docx", data)


def test_a_damaged_pdf_is_refused_with_its_name():
    with pytest.raises(DocumentError, match="broken.pdf: the PDF file could not be read"):
        read("broken.pdf", b"%PDF-1.4\nthis is not a pdf body")
