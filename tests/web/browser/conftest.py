"""Browser tests: the application served by ``contextsafe.web`` in its own process (SQLite file, the tiny
store, the demo accounts), driven by Playwright through Debian's Chromium."""

from __future__ import annotations

import copy
import datetime
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyotp
import pytest

from tests.web.store_factory import make_store

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PREPARE = """
import json, sys
from contextsafe import web
web.configure(sys.argv[1], sys.argv[2])
print(json.dumps([a.__dict__ for a in web.prepare()]), flush=True)
"""
SERVE = """
import sys
from contextsafe import web
web.configure(sys.argv[1], sys.argv[2])
web.run("127.0.0.1", int(sys.argv[3]))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "CONTEXTSAFE_WEB_DATABASE")}


@pytest.fixture(scope="session")
def prepared(tmp_path_factory):  # noqa: ANN001, ANN201
    """The tiny store (with a profile run) and a web database migrated, with the demo accounts and every
    workflow's demo seeded — made once; each module serves its own copy (so no module sees another's changes)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/system-packages.sh (make test does)")
    root = tmp_path_factory.mktemp("prepared")
    ws = make_store(root / "ws")
    run = ws.outputs_dir / "profile-1"
    run.mkdir(parents=True)
    (run / "profile.html").write_text("<h1>Full profile</h1>")
    (run / "profile_redacted.html").write_text("<h1>Redacted profile</h1>")
    out = subprocess.run([sys.executable, "-c", PREPARE, str(ws.root), str(root / "web.sqlite3")], check=True,
                         capture_output=True, text=True, env=_environment())
    accounts = {a["username"]: a for a in json.loads(out.stdout.strip().splitlines()[-1])}
    return root, accounts


@pytest.fixture(scope="module")
def served(prepared, tmp_path_factory):  # noqa: ANN001, ANN201
    """Base URL and demo accounts of a served application over a fresh copy of the prepared store and database."""
    template, accounts = prepared
    root = tmp_path_factory.mktemp("served")
    shutil.copytree(template / "ws", root / "ws")
    for part in template.glob("web.sqlite3*"):  # the database and any write-ahead log left beside it
        shutil.copy2(part, root / part.name)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVE, str(root / "ws"), str(root / "web.sqlite3"), str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True, env=_environment())
    try:
        _wait_for(port)
        yield f"http://127.0.0.1:{port}", copy.deepcopy(accounts)
    finally:
        server.terminate()
        server.wait(timeout=20)


def _wait_for(port: int) -> None:
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the served application did not start")


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):  # noqa: ANN001, ANN201
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def signed(served, browser):  # noqa: ANN001, ANN201
    """A page per demo account, signed in once for the module (signing in is the slow step)."""
    base, accounts = served
    pages, contexts = {}, []

    def get(account: str, purpose: str = "assessment"):  # noqa: ANN202
        if account not in pages:
            contexts.append(browser.new_context())
            pages[account] = contexts[-1].new_page()
            sign_in(pages[account], base, accounts[account], purpose)
        return pages[account]

    yield get
    for context in contexts:
        context.close()


_last_step: dict[str, int] = {}


def fresh_code(account: dict, base: str = "") -> str:
    """A TOTP code this account has not used yet: the server accepts the previous, current and next 30-second
    step once each, so the same account can sign in again at once; past those, wait for the clock. The previous
    step is used only early in the current one (later, it may be two steps old by the time the server checks)."""
    totp = pyotp.TOTP(account["totp_secret"])
    key = base + account["username"] + account["totp_secret"]
    while True:
        moment = datetime.datetime.now(datetime.UTC)
        now = totp.timecode(moment)
        early = moment.timestamp() % totp.interval < 10
        for step in ((now - 1, now, now + 1) if early else (now, now + 1)):
            if step > _last_step.get(key, -1):
                _last_step[key] = step
                return totp.generate_otp(step)
        time.sleep(1)


def sign_in(page, base: str, account: dict, purpose: str | None = None) -> None:  # noqa: ANN001
    """Password, then a TOTP code the account's authenticator would accept, then (optionally) a purpose."""
    page.goto(f"{base}/accounts/sign-in/")
    page.fill("#id_username", account["username"])
    page.fill("#id_password", account["password"])
    submit(page, "#sign-in")
    page.fill("#id_code", fresh_code(account, base))
    submit(page, "#verify-code")
    if page.url.endswith("/code/"):  # the code's step passed while the machine was busy: one more, fresh code
        page.fill("#id_code", fresh_code(account, base))
        submit(page, "#verify-code")
    if purpose:
        page.select_option("#id_purpose", purpose)
        submit(page, "#state-purpose")


def submit(page, selector: str) -> None:  # noqa: ANN001
    """Click and wait until the page it leads to has loaded (so the next step never races the form post)."""
    with page.expect_navigation():
        page.click(selector)
