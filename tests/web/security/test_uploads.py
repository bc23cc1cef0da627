"""Uploads: the document checks are the only form of these apps that takes files (checked below, so a new upload
field elsewhere fails here until it is tested). Oversized bodies, wrong kinds, too many files and hostile file
names are refused with a clear message, and nothing is stored."""

from __future__ import annotations

import importlib
import inspect
import io
import re
import zipfile

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from contextsafe.web.accounts.models import OrganisationKind, UserRole
from contextsafe.web.doccheck.models import CheckSet, UploadedDocument
from tests.web.accounts.factories import organisation, signed_in, user
from tests.web.security.helpers import raw_markup

pytestmark = pytest.mark.django_db
FORM_MODULES = ["hsb.forms", "fap.form", "localaudit.forms", "panels.forms", "doccheck.forms", "pgi.forms",
                "concerns.forms", "contextplans.forms", "casenotes.forms"]
TEXT = b"Contextual safeguarding strategy. Peer groups, schools and neighbourhoods are assessed together.\n"


def _zip_without_word() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.sh", "echo hello")
    return buffer.getvalue()


@pytest.fixture
def client():  # noqa: ANN201
    return signed_in(user(UserRole.PANEL_CHAIR, organisation(kind=OrganisationKind.PARTNERSHIP)), "assessment")


def upload(client, *files: tuple[str, bytes]):  # noqa: ANN001, ANN201
    return client.post("/doccheck/new/", {"name": "Synthetic documents",
                                          "files": [SimpleUploadedFile(n, d) for n, d in files]})


def test_only_the_document_checks_take_uploads():
    with_files = []
    for name in FORM_MODULES:
        try:
            module = importlib.import_module(f"contextsafe.web.{name}")
        except ModuleNotFoundError:
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                files = [f for f, field in cls.base_fields.items() if isinstance(field, forms.FileField)]
                with_files += [f"{name}.{cls.__name__}.{f}" for f in files]
    assert with_files == ["doccheck.forms.UploadForm.files"]


def test_an_oversized_upload_is_refused_before_it_is_read(client):
    response = upload(client, ("big.txt", TEXT * 25_000))  # 2.4 MB
    assert response.status_code == 413
    assert b"too large" in response.content.lower()
    assert not CheckSet.objects.exists()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("strategy.pdf", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "must be a Word document (.docx), PDF or plain text"),
    ("tool.txt", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "must be a Word document (.docx), PDF or plain text"),
    ("policy.docx", _zip_without_word(), "must be a Word document (.docx), PDF or plain text"),
    ("empty.txt", b"", "The submitted file is empty"),
    ("policy.docx", TEXT, "is named .docx but its content is a plain text"),
    ("report.pdf", TEXT, "is named .pdf but its content is a plain text"),
    ("script", TEXT, "is named .(nothing) but its content is a plain text"),
])
def test_a_file_of_the_wrong_kind_is_refused_with_a_clear_message(client, name, content, message):
    response = upload(client, (name, content))
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    assert not CheckSet.objects.exists() and not UploadedDocument.objects.exists()


def test_too_many_files_and_the_same_file_twice_are_refused(client):
    response = upload(client, *[(f"policy{n}.txt", TEXT) for n in range(13)])
    assert response.status_code == 400 and "Choose at most 12 files" in response.content.decode()
    response = upload(client, ("policy.txt", TEXT), ("policy.txt", TEXT))
    assert response.status_code == 400 and "policy.txt is chosen twice" in response.content.decode()
    assert not CheckSet.objects.exists()


def test_hostile_file_names_are_kept_to_a_base_name_and_shown_escaped(client):
    response = upload(client, ("../../../etc/passwd.txt", TEXT), ("<img src=x onerror=alert(9)>.txt", TEXT))
    assert response.status_code == 302, response.content.decode()[:2000]
    names = sorted(UploadedDocument.objects.values_list("name", flat=True))
    assert all("/" not in n and "\\" not in n and not n.startswith(".") for n in names), names
    assert "<img src=x onerror=alert(9)>.txt" in names  # kept as typed ...
    check_set = CheckSet.objects.get()
    assert "alert(9)" in client.get(f"/doccheck/{check_set.pk}/").content.decode()  # ... and shown, escaped
    for url in (f"/doccheck/{check_set.pk}/", f"/doccheck/{check_set.pk}/print/", "/doccheck/"):
        page = client.get(url).content.decode()
        assert raw_markup(page) == [], url


def _docx_unpacking_to(megabytes: int) -> bytes:
    """A valid Word document whose body carries ``megabytes`` MB of empty bookmark ends (compresses ~260:1)."""
    from tests.doccheck.files import docx_bytes

    source = zipfile.ZipFile(io.BytesIO(docx_bytes([("h1", "Strategy"), ("", "Peer groups are assessed.")])))
    xml = source.read("word/document.xml")
    end = xml.index(b"</w:body>")
    filler = b'<w:bookmarkEnd w:id="1"/>' * (megabytes * 1_000_000 // 25)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in source.namelist():
            archive.writestr(name, xml[:end] + filler + xml[end:] if name == "word/document.xml" else source.read(name))
    return out.getvalue()


def test_a_word_document_that_unpacks_far_beyond_the_upload_limit_is_refused(client):
    bomb = _docx_unpacking_to(25)
    assert len(bomb) < 200_000  # well under the 2 MB upload limit
    response = upload(client, ("strategy.docx", bomb))
    assert response.status_code == 400
    assert re.search(r"strategy.docx cannot be checked: it unpacks to 2\d\.\d MB, more than the 20 MB",
                     response.content.decode())
    assert not CheckSet.objects.exists() and not UploadedDocument.objects.exists()


def test_word_documents_that_unpack_beyond_the_limit_together_are_refused(client):
    """Each under the limit, together over it: the whole upload is what a worker would hold."""
    response = upload(client, ("one.docx", _docx_unpacking_to(12)), ("two.docx", _docx_unpacking_to(12)))
    assert response.status_code == 400
    assert re.search(r"The selected files unpack to 2\d\.\d MB in all, more than 20 MB", response.content.decode())
    assert not CheckSet.objects.exists()
    assert upload(client, ("one.docx", _docx_unpacking_to(1))).status_code == 302  # the control
