"""Retention: listing and deleting what is past its source's retention, with derived outputs, logged."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date

import pytest

from contextsafe.web.audit.models import AuditEntry
from contextsafe.web.retention.expiry import delete_due, due
from tests.conftest import rows
from tests.web.accounts.factories import signed_in, user

TODAY = date(2026, 6, 1)


def _old_output(ws, name: str = "profile.html"):  # noqa: ANN001, ANN202
    path = ws.outputs_dir / "run-2019" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("<p>old profile</p>")
    old = time.mktime((2019, 1, 1, 0, 0, 0, 0, 0, -1))
    os.utime(path, (old, old))
    return path


def test_due_lists_the_old_school_record_its_event_and_old_outputs(analysis_store):
    _old_output(analysis_store)
    (analysis_store.outputs_dir / "fresh.csv").write_text("x")
    items = {(i.what, i.source): i.count for i in due(analysis_store, TODAY)}
    assert items == {("records", "school_exclusions"): 1, ("events", "school_exclusions"): 1,
                     ("output", "outputs/run-2019/profile.html"): 1}


def test_delete_removes_rows_their_dependants_and_files(analysis_store):
    path = _old_output(analysis_store)
    delete_due(analysis_store, TODAY)
    assert rows(analysis_store, "SELECT record_id FROM records WHERE record_id = 'E0'") == []
    assert rows(analysis_store, "SELECT * FROM person_records WHERE record_id = 'E0'") == []
    assert rows(analysis_store, "SELECT * FROM participants WHERE event_id = 'EV0'") == []
    assert rows(analysis_store, "SELECT count(*) FROM records")[0][0] == 7
    assert not path.exists()
    assert due(analysis_store, TODAY) == []


@pytest.mark.django_db
def test_dpo_page_lists_and_deletes_and_logs(analysis_store):
    client = signed_in(user("auditor"))
    assert b"school_exclusions" in client.get("/retention/").content
    assert client.get("/retention/delete/").status_code == 405
    client.post("/retention/delete/")
    assert rows(analysis_store, "SELECT count(*) FROM records WHERE record_id = 'E0'")[0][0] == 0
    logged = AuditEntry.objects.filter(action="retention_delete").values_list("ident", "detail")
    assert ("school_exclusions", "1 records past 365 days") in list(logged)


@pytest.mark.django_db
def test_only_the_dpo_may_delete(analysis_store):
    assert signed_in(user("analyst")).post("/retention/delete/").status_code == 403
    assert rows(analysis_store, "SELECT count(*) FROM records WHERE record_id = 'E0'")[0][0] == 1


def test_retention_command_lists_and_deletes(analysis_store, tmp_path):
    program = ("import typer; from contextsafe.cli import web; app = typer.Typer(); "
               "web.register(app); app()")
    env = {**os.environ, "CONTEXTSAFE_WEB_DATABASE": str(tmp_path / "web.sqlite3"), "COLUMNS": "200"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    listed = subprocess.run([sys.executable, "-c", program, "retention", "--workspace", str(analysis_store.root)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert listed.returncode == 0, listed.stderr
    assert "school_exclusions" in listed.stdout
    assert rows(analysis_store, "SELECT count(*) FROM records WHERE record_id = 'E0'")[0][0] == 1
    deleted = subprocess.run([sys.executable, "-c", program, "retention", "--workspace", str(analysis_store.root),
                              "--delete"], capture_output=True, text=True, env=env, timeout=120)
    assert deleted.returncode == 0, deleted.stderr
    assert rows(analysis_store, "SELECT count(*) FROM records WHERE record_id = 'E0'")[0][0] == 0
