"""The web tests run on the engine they were asked for (make test runs them on SQLite and PostgreSQL)."""

from __future__ import annotations

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_database_engine_is_the_one_requested():
    wanted = "postgresql" if os.environ.get("CONTEXTSAFE_WEB_DATABASE", "").startswith("postgres") else "sqlite"
    assert connection.vendor == wanted
