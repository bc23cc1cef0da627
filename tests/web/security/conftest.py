"""One tiny analysis store for the whole security folder (the tests only read it), wired into each test's settings:
building it per test (tests/web/conftest.py) cost most of the folder's time."""

from __future__ import annotations

import pytest

from tests.web.store_factory import make_store


@pytest.fixture(scope="session")
def _security_store(tmp_path_factory):  # noqa: ANN001, ANN202
    return make_store(tmp_path_factory.mktemp("security") / "ws")


@pytest.fixture
def analysis_store(_security_store, settings):  # noqa: ANN001, ANN201
    settings.CONTEXTSAFE_WORKSPACE = str(_security_store.root)
    return _security_store
