"""Casework documents: every save a version with what changed; access by organisation, team and purpose."""

from __future__ import annotations

import datetime as dt

import pytest

from contextsafe.web.audit.models import AuditEntry
from contextsafe.web.casework import documents
from contextsafe.web.casework.documents import changes
from tests.web.accounts.factories import signed_in, user
from tests.web.casework.factories import document

pytestmark = pytest.mark.django_db


def test_changes_name_nested_fields_that_differ():
    before = {"a": 1, "peers": {"leads": "X", "follows": ""}, "gone": True}
    after = {"a": 1, "peers": {"leads": "Y", "follows": ""}, "new": [1]}
    assert changes(before, after) == [
        {"field": "gone", "before": True, "after": None},
        {"field": "new", "before": None, "after": [1]},
        {"field": "peers.leads", "before": "X", "after": "Y"},
    ]


def test_every_save_is_a_version_with_who_and_what_changed_and_an_audit_entry():
    author = user("practitioner")
    doc = document(author, data={"answer": "first", "due": dt.date(2026, 12, 1)})
    assert doc.data["due"] == "2026-12-01"
    documents.save(doc, author, {"answer": "second", "due": dt.date(2026, 12, 1)}, status="submitted")
    versions = list(doc.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2] and versions[1].status == "submitted"
    assert versions[1].changes == [{"field": "answer", "before": "first", "after": "second"}]
    assert AuditEntry.objects.filter(kind="pgi", ident=str(doc.pk), action="change").count() == 2


def test_history_and_print_are_open_to_the_owner_and_refused_to_another_organisation():
    author = user("practitioner")
    doc = document(author)
    assert signed_in(author).get(f"/casework/{doc.pk}/history/").status_code == 200
    printed = signed_in(author).get(f"/casework/{doc.pk}/print/")
    assert printed.status_code == 200 and b"A pgi document" in printed.content and b"<script" not in printed.content
    assert "unsafe-inline" in printed["Content-Security-Policy"] and "script" not in printed["Content-Security-Policy"]
    assert signed_in(user("practitioner")).get(f"/casework/{doc.pk}/history/").status_code == 403
    refused = AuditEntry.objects.filter(ident=str(doc.pk), outcome="refused")
    assert refused.count() == 1


def test_a_shared_organisation_sees_it_but_only_for_the_purpose_it_was_collected_for():
    author, provider = user("practitioner"), user("information_provider")
    doc = document(author, shared_with=[provider.organisation])
    assert signed_in(provider).get(f"/casework/{doc.pk}/history/").status_code == 200
    analyst = user("analyst", org=author.organisation)
    assert signed_in(analyst, "intelligence").get(f"/casework/{doc.pk}/history/").status_code == 403
    chair = user("panel_chair", org=author.organisation)
    assert signed_in(chair, "profiling").get(f"/casework/{doc.pk}/history/").status_code == 403
    assert AuditEntry.objects.filter(ident=str(doc.pk), reason="collected for assessment; not available for "
                                                               "profiling").exists()
    assert signed_in(chair, "assessment").get(f"/casework/{doc.pk}/history/").status_code == 200


def test_a_team_restricts_the_document_within_its_organisation():
    author = user("practitioner")
    colleague = user("practitioner", org=author.organisation)
    doc = document(author)
    assert signed_in(colleague).get(f"/casework/{doc.pk}/history/").status_code == 200
    doc.team.set([author])
    assert signed_in(colleague).get(f"/casework/{doc.pk}/history/").status_code == 403
    assert signed_in(author).get(f"/casework/{doc.pk}/history/").status_code == 200


def test_visible_lists_only_documents_of_the_users_organisation_and_purpose():
    author = user("practitioner")
    mine = document(author)
    document(user("practitioner"))
    document(author, purpose="profiling")
    assert list(documents.visible(author, "pgi", "assessment")) == [mine]
    assert not documents.visible(author, "pgi", None).exists()


def test_the_generic_print_layout_shows_every_field_readably():
    from contextsafe.web.casework.templatetags.casework import as_text, field_label

    assert field_label("named_peers") == "Named peers"
    assert as_text(["a", "b"]) == "a; b" and as_text(True) == "Yes" and as_text("") == "—"
    assert as_text({"leads": "X"}) == "Leads: X"
