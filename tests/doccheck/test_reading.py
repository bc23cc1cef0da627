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


def _bomb(megabytes: int) -> bytes:
    """A valid Word document padded with empty bookmark ends: ``megabytes`` MB unpacked, a few hundred KB packed."""
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(docx_bytes([("h1", "Strategy"), ("", "Peer groups are assessed.")])))
    xml = source.read("word/document.xml")
    end = xml.index(b"</w:body>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            body = xml[:end] + b'<w:bookmarkEnd w:id="1"/>' * (megabytes * 40_000) + xml[end:]
            archive.writestr(name, body if name == "word/document.xml" else source.read(name))
    return out.getvalue()


def test_a_word_document_unpacking_beyond_the_limit_is_refused_before_it_is_parsed(monkeypatch):
    from contextsafe.doccheck import reading

    bomb = _bomb(21)
    assert len(bomb) < 1_000_000 and reading.unpacked_size(bomb) > reading.MAX_UNPACKED_BYTES
    monkeypatch.setattr(reading, "_docx_blocks", lambda data: pytest.fail("the document was parsed"))
    with pytest.raises(DocumentError, match=r"^bomb.docx: it unpacks to 2\d\.\d MB, more than the 20 MB"):
        read("bomb.docx", bomb)
    assert reading.unpacked_size(b"Plain words.") == 0 and reading.unpacked_size(b"PK\x03\x04 damaged") == 0


@pytest.mark.parametrize("kind", ["docx", "txt", "pdf"])
def test_a_document_of_more_paragraphs_than_the_limit_is_refused(monkeypatch, kind):
    from contextsafe.doccheck import reading

    monkeypatch.setattr(reading, "MAX_PARAGRAPHS", 5)
    lines = [f"Paragraph number {n} says something." for n in range(5)]
    make = {"docx": lambda ls: docx_bytes([("", line) for line in ls]),
            "txt": lambda ls: "\n\n".join(ls).encode(), "pdf": lambda ls: pdf_bytes([ls])}[kind]
    assert len(read(f"five.{kind}", make(lines)).passages) == 5  # the control: at the limit it is read
    with pytest.raises(DocumentError, match=rf"^six.{kind}: it has more than 5 paragraphs"):
        read(f"six.{kind}", make([*lines, "One more paragraph."]))


def test_a_pdf_of_more_pages_than_the_limit_is_refused(monkeypatch):
    from contextsafe.doccheck import reading

    monkeypatch.setattr(reading, "MAX_PAGES", 2)
    assert len(read("two.pdf", pdf_bytes([["Page one text."], ["Page two text."]])).passages) == 2
    with pytest.raises(DocumentError, match=r"^three.pdf: it has more than 2 pages"):
        read("three.pdf", pdf_bytes([["Page one text."], ["Page two text."], ["Page three text."]]))


def test_docx_headings_come_from_the_paragraph_style_and_text_from_every_run():
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("the purpose of this protocol, in brief.", style="Heading 2")  # a heading by style only
    document.add_paragraph("A strategy for every context.", style="Title")
    body = document.add_paragraph("Gang members have ")
    body.add_run("made a lifestyle choice.").bold = True
    document.add_paragraph("Quoted text in a style that is no heading.", style="Quote")
    out = io.BytesIO()
    document.save(out)
    read_back = read("styled.docx", out.getvalue())
    assert [(p.text, p.is_heading) for p in read_back.passages] == [
        ("the purpose of this protocol, in brief.", True), ("A strategy for every context.", True),
        ("Gang members have made a lifestyle choice.", False), ("Quoted text in a style that is no heading.", False)]
