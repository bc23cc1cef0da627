"""The audit log: append-only in the model, the manager and the database; the chain detects tampering."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from contextsafe.web.audit.log import record_event, verify_chain
from contextsafe.web.audit.models import AppendOnlyError, AuditEntry
from contextsafe.web.audit.triggers import install
from tests.web.accounts.factories import signed_in, user

pytestmark = pytest.mark.django_db


def _entries(n: int = 3) -> list[AuditEntry]:
    who = user()
    return [record_event(who, "view", "person", f"P{i}") for i in range(n)]


def test_entries_chain_and_verify():
    entries = _entries()
    assert entries[1].prev_hash == entries[0].hash and entries[2].prev_hash == entries[1].hash
    report = verify_chain()
    assert report.intact and report.entries == 3


def test_the_application_cannot_change_or_delete_entries():
    entry = _entries(1)[0]
    entry.reason = "edited"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="edited")


def test_the_database_refuses_update_and_delete():
    entry = _entries(1)[0]
    table = AuditEntry._meta.db_table
    for sql in (f"UPDATE {table} SET reason = 'x' WHERE id = %s", f"DELETE FROM {table} WHERE id = %s"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).reason == ""


def _drop_triggers() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP TRIGGER audit_no_change ON {AuditEntry._meta.db_table}")
        else:
            cursor.execute("DROP TRIGGER audit_no_update")
            cursor.execute("DROP TRIGGER audit_no_delete")


def _restore_triggers() -> None:
    class Editor:
        connection = connection

        @staticmethod
        def execute(sql: str) -> None:
            with connection.cursor() as cursor:
                cursor.execute(sql)

    install(None, Editor)


def test_a_tampered_row_is_detected():
    entries = _entries(4)
    _drop_triggers()  # what a database administrator with raw access could do
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {AuditEntry._meta.db_table} SET ident = 'someone else' WHERE id = %s",
                           [entries[2].pk])
        report = verify_chain()
        assert not report.intact and report.broken_at == entries[2].pk and "edited" in report.problem
    finally:
        _restore_triggers()


def test_a_removed_row_is_detected():
    entries = _entries(4)
    _drop_triggers()
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {AuditEntry._meta.db_table} WHERE id = %s", [entries[1].pk])
        report = verify_chain()
        assert report.broken_at == entries[2].pk and "removed" in report.problem
    finally:
        _restore_triggers()


def test_auditor_searches_and_exports(analysis_store):
    practitioner = user("practitioner")
    signed_in(practitioner).get("/people/P-AMARA/")
    auditor = signed_in(user("auditor"))
    page = auditor.get(f"/audit/?username={practitioner.username}")
    assert page.status_code == 200 and b"P-AMARA" in page.content and b"intact" in page.content
    csv = auditor.get(f"/audit/export.csv?username={practitioner.username}")
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode().splitlines()
    assert lines[0].startswith("id,at,username") and any("P-AMARA" in line and "ISA-CSC" in line for line in lines)
    assert AuditEntry.objects.filter(kind="audit_log", action="export").exists()  # exporting is audited too


def test_a_search_is_audited_without_its_words(analysis_store):
    who = user("practitioner")
    signed_in(who).get("/people/?q=Jones")
    entry = AuditEntry.objects.get(username=who.username, action="search")
    assert entry.detail.startswith("search sha256:") and "Jones" not in entry.detail
