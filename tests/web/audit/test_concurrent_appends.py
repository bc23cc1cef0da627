"""Appends from several processes and threads at once to one SQLite file keep a single unbroken chain."""

from __future__ import annotations

import os
import subprocess
import sys

WRITER = """
import sys, threading
from contextsafe import web
web.configure(sys.argv[1], sys.argv[2])
from django.core.management import call_command
from django.db import connection
from contextsafe.web.audit.log import record_event

def write(thread):
    for i in range(15):
        record_event(None, "load", "test", f"{sys.argv[3]}-{thread}-{i}")
    connection.close()

threads = [threading.Thread(target=write, args=(t,)) for t in range(3)]
for t in threads: t.start()
for t in threads: t.join()
"""
MIGRATE = """
import sys
from contextsafe import web
web.configure(sys.argv[1], sys.argv[2])
web.prepare(demo_accounts=False)
"""
VERIFY = """
import sys
from contextsafe import web
web.configure(sys.argv[1], sys.argv[2])
from contextsafe.web.audit.log import verify_chain
from contextsafe.web.audit.models import AuditEntry
report = verify_chain()
print(report.intact, AuditEntry.objects.filter(action="load").count())
"""


def test_three_processes_of_three_threads_append_one_chain(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "CONTEXTSAFE_WEB_DATABASE")}
    args = [str(tmp_path), str(tmp_path / "web.sqlite3")]
    subprocess.run([sys.executable, "-c", MIGRATE, *args], check=True, env=env, timeout=120)
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, *args, str(n)], env=env) for n in range(3)]
    assert [w.wait(timeout=120) for w in writers] == [0, 0, 0]
    out = subprocess.run([sys.executable, "-c", VERIFY, *args], capture_output=True, text=True, env=env,
                         timeout=120, check=True).stdout.split()
    assert out == ["True", "135"]
    assert (tmp_path / "web.sqlite3.audit-lock").exists()
