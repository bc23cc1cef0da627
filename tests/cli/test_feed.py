"""``contextsafe feed``: the demo's answered peer group information reaches the store as sources of their
agreements, reconciled, and a second feed with nothing new changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.web.store_factory import make_store

PREPARE = "import sys; from contextsafe import web; web.configure(sys.argv[1], sys.argv[2]); web.prepare()"


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "CONTEXTSAFE_WEB_DATABASE")}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=300, check=False)


def test_feed_pgi_sends_the_demo_answers_to_the_store_under_their_agreements(tmp_path: Path):
    ws = make_store(tmp_path / "ws")
    database = str(tmp_path / "web.sqlite3")
    assert _run("-c", PREPARE, str(ws.root), database).returncode == 0
    first = _run("-m", "contextsafe", "feed", "pgi", "-w", str(ws.root), "--database", database)
    assert first.returncode == 0, first.stderr
    assert "answered request(s)" in first.stdout and "ingested" in first.stdout
    with duckdb.connect(str(ws.store_path), read_only=True) as con:
        fed = con.execute("SELECT source, permitted_purposes FROM sources WHERE source LIKE 'pgi_web%'").fetchall()
        associations = con.execute("SELECT count(*) FROM associations WHERE source LIKE 'pgi_web%'").fetchone()[0]
    assert fed and associations > 0
    assert all("assessment" in purposes for _, purposes in fed)
    again = _run("-m", "contextsafe", "feed", "pgi", "-w", str(ws.root), "--database", database)
    assert again.returncode == 0 and "unchanged" in again.stdout


def test_feed_case_notes_with_nothing_confirmed_under_the_purpose_reports_it(tmp_path: Path):
    ws = make_store(tmp_path / "ws")
    database = str(tmp_path / "web.sqlite3")
    assert _run("-c", PREPARE, str(ws.root), database).returncode == 0
    done = _run("-m", "contextsafe", "feed", "case-notes", "-w", str(ws.root), "--database", database,
                "--purpose", "intelligence")
    assert done.returncode == 0, done.stderr
    assert "case_notes_intelligence" in done.stdout
