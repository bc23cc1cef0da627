"""Serving with gunicorn: several worker processes forked from one set-up process share its settings (so a
session signed in through one worker is honoured by every other), and only loopback is served."""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pyotp
import pytest

from contextsafe.web.serve import run
from tests.web.store_factory import make_store

SERVER = """
import json, sys
from contextsafe import web
web.configure(sys.argv[1], sys.argv[2])
accounts = web.prepare()
print(json.dumps([a.__dict__ for a in accounts]), flush=True)
web.run("127.0.0.1", int(sys.argv[3]), server="gunicorn", workers=3, threads=2)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int) -> None:
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


def _signed_in(base: str, account: dict) -> urllib.request.OpenerDirector:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def post(path: str, data: dict) -> None:
        html = opener.open(base + path, timeout=30).read().decode()
        data["csrfmiddlewaretoken"] = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        opener.open(base + path, urllib.parse.urlencode(data).encode(), timeout=30).read()

    post("/accounts/sign-in/", {"username": account["username"], "password": account["password"]})
    post("/accounts/sign-in/code/", {"code": pyotp.TOTP(account["totp_secret"]).now()})
    post("/accounts/purpose/", {"purpose": "assessment"})
    return opener


def test_gunicorn_workers_share_one_signed_in_session(tmp_path):
    ws = make_store(tmp_path / "ws")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "CONTEXTSAFE_WEB_DATABASE",
                                                            "CONTEXTSAFE_SECRET_KEY")}
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(ws.root), str(tmp_path / "web.sqlite3"), str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        accounts = {a["username"]: a for a in json.loads(server.stdout.readline())}
        _wait_for(port)
        base = f"http://127.0.0.1:{port}"
        opener = _signed_in(base, accounts["panel_chair"])
        # Many requests over fresh connections land on every worker: each must honour the session.
        pages = []
        for _ in range(24):
            with opener.open(base + "/people/P-AMARA/", timeout=30) as response:
                pages.append((response.status, response.geturl().endswith("/people/P-AMARA/"),
                              b"Amara" in response.read()))
        assert set(pages) == {(200, True, True)}
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Booting worker" in server.stderr.read()  # it really was gunicorn


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.org"])  # noqa: S104
def test_only_loopback_is_served(host):
    with pytest.raises(ValueError, match="loopback only"):
        run(host, 8000, server="gunicorn")


def test_an_unknown_server_is_refused():
    with pytest.raises(ValueError, match="django or gunicorn"):
        run("127.0.0.1", 8000, server="waitress")
