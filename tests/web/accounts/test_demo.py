"""The demo accounts and the serve command's refusals."""

from __future__ import annotations

import pyotp
import pytest
import typer
from typer.testing import CliRunner

from contextsafe.cli import web
from contextsafe.web.accounts.demo import create_demo_accounts
from contextsafe.web.accounts.models import User, UserRole


@pytest.mark.django_db
def test_one_demo_account_per_role_with_working_secrets():
    accounts = create_demo_accounts()
    assert {a.role for a in accounts} == set(UserRole)
    for account in accounts:
        user = User.objects.get(username=account.username)
        assert user.check_password(account.password) and len(account.password) >= 12
        assert user.verify_code(pyotp.TOTP(account.totp_secret).now())


@pytest.mark.django_db
def test_demo_passwords_change_at_every_start():
    first = {a.username: a.password for a in create_demo_accounts()}
    second = {a.username: a.password for a in create_demo_accounts()}
    assert all(first[name] != second[name] for name in first)


def test_serve_refuses_anything_but_loopback(tmp_path):
    app = typer.Typer()
    web.register(app)
    result = CliRunner().invoke(app, ["web", "serve", "--workspace", str(tmp_path), "--host", "0.0.0.0"])
    assert result.exit_code != 0 and "loopback" in result.output
