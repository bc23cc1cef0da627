"""Web tests run on Django's test settings: SQLite in memory, or PostgreSQL when CONTEXTSAFE_WEB_DATABASE
holds a postgresql:// address (``make test`` runs this package a second time that way)."""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "contextsafe.web.settings.test")

import pytest  # noqa: E402

from tests.web.store_factory import make_store  # noqa: E402


def pytest_configure(config) -> None:  # noqa: ANN001
    import django

    config.addinivalue_line("markers", "browser: Playwright driving Debian's Chromium against a served app")
    django.setup()


@pytest.fixture
def analysis_store(tmp_path, settings):  # noqa: ANN001, ANN201
    """A five-person workspace whose every visible row is known (see store_factory), wired into settings."""
    ws = make_store(tmp_path / "ws")
    settings.CONTEXTSAFE_WORKSPACE = str(ws.root)
    return ws
