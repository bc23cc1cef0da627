"""Two-factor sign-in, lockout, session fixation, password rules, session and cookie settings."""

from __future__ import annotations

import importlib

import pyotp
import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from contextsafe.web.audit.models import AuditEntry
from tests.web.accounts.factories import PASSWORD, user

pytestmark = pytest.mark.django_db


def _password(client: Client, who, password: str = PASSWORD):  # noqa: ANN001, ANN202
    return client.post("/accounts/sign-in/", {"username": who.username, "password": password})


def _code(client: Client, code: str):  # noqa: ANN202
    return client.post("/accounts/sign-in/code/", {"code": code})


def test_password_then_code_signs_in_and_is_audited():
    who = user()
    client = Client()
    assert _password(client, who)["Location"] == "/accounts/sign-in/code/"
    assert "_auth_user_id" not in client.session  # not signed in on the password alone
    response = _code(client, pyotp.TOTP(who.totp_secret).now())
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(who.pk)
    assert AuditEntry.objects.filter(username=who.username, action="sign_in", outcome="allowed").exists()


def test_wrong_code_refused_and_a_used_code_cannot_be_replayed():
    who = user()
    client = Client()
    _password(client, who)
    assert _code(client, "000000" if pyotp.TOTP(who.totp_secret).now() != "000000" else "111111").status_code == 200
    code = pyotp.TOTP(who.totp_secret).now()
    assert _code(client, code).status_code == 302
    again = Client()
    _password(again, who)
    response = _code(again, code)
    assert response.status_code == 200 and "_auth_user_id" not in again.session


def test_lockout_after_repeated_failures_refuses_even_the_right_password():
    who = user()
    client = Client()
    for _ in range(settings.LOCKOUT_THRESHOLD):
        _password(client, who, "wrong password 123")
    who.refresh_from_db()
    assert who.is_locked()
    response = _password(client, who)
    assert response.status_code == 200
    assert b"locked" in response.content
    assert "pending_user" not in client.session


def test_lockout_also_counts_wrong_codes():
    who = user()
    client = Client()
    _password(client, who)
    for _ in range(settings.LOCKOUT_THRESHOLD):
        _code(client, "999999" if pyotp.TOTP(who.totp_secret).now() != "999999" else "888888")
    who.refresh_from_db()
    assert who.is_locked()
    assert _code(client, pyotp.TOTP(who.totp_secret).now()).status_code == 200
    assert "_auth_user_id" not in client.session


def test_unknown_username_gets_the_same_message():
    response = Client().post("/accounts/sign-in/", {"username": "nobody", "password": "whatever at all"})
    assert b"Enter a correct username and password" in response.content


def test_session_fixation_key_changes_at_sign_in():
    who = user()
    client = Client()
    client.get("/accounts/sign-in/")
    session = client.session
    session["planted"] = "by attacker"
    session.save()
    planted = session.session_key
    _password(client, who)
    _code(client, pyotp.TOTP(who.totp_secret).now())
    assert client.session.session_key != planted
    attacker = Client()
    attacker.cookies[settings.SESSION_COOKIE_NAME] = planted
    assert attacker.get("/people/").status_code == 302  # the planted key is not signed in


def test_sign_out_requires_post_and_ends_session():
    who = user()
    client = Client()
    client.force_login(who)
    assert client.get("/accounts/sign-out/").status_code == 405
    client.post("/accounts/sign-out/")
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("password", ["short pass", "qwerty123456", "qwertyqwerty"])
def test_password_rules_refuse_short_and_common(password):
    with pytest.raises(ValidationError):
        validate_password(password)


@pytest.mark.parametrize("password", ["lowercase only passphrase", "tractor-river-lamp"])
def test_password_rules_have_no_composition_rules(password):
    validate_password(password)  # long enough, not common: accepted without digits or symbols


def test_an_expired_session_is_signed_out():
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    client = Client()
    client.force_login(user())
    assert client.get("/").status_code == 200
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/sign-in/")


def test_session_expires_after_inactivity_and_cookies_are_guarded():
    assert settings.SESSION_COOKIE_AGE <= 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_HTTPONLY and settings.SESSION_COOKIE_SAMESITE == "Strict"


def test_production_settings_require_secrets_and_secure_cookies(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.delenv("CONTEXTSAFE_SECRET_KEY", raising=False)
    with pytest.raises(ImproperlyConfigured):
        importlib.reload(importlib.import_module("contextsafe.web.settings.production"))
    monkeypatch.setenv("CONTEXTSAFE_SECRET_KEY", "x" * 50)
    monkeypatch.setenv("CONTEXTSAFE_ALLOWED_HOSTS", "contextsafe.example")
    production = importlib.reload(importlib.import_module("contextsafe.web.settings.production"))
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE and production.SECURE_SSL_REDIRECT


def test_strict_content_security_policy_on_every_page():
    response = Client().get("/accounts/sign-in/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert b"<script>" not in response.content  # no inline script the policy would have to allow


def test_purpose_can_only_be_one_the_role_may_state():
    who = user(role="auditor")
    client = Client()
    client.force_login(who)
    assert client.post("/accounts/purpose/", {"purpose": "intelligence"}).status_code == 200
    assert "purpose" not in client.session
    client.post("/accounts/purpose/", {"purpose": "audit"})
    assert client.session["purpose"] == "audit"
