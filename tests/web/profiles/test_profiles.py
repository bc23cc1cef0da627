"""The latest profile: full for analysts and panel chairs, redacted for partners, sandboxed when served."""

from __future__ import annotations

import pytest

from tests.web.accounts.factories import signed_in, user

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile_run(analysis_store):  # noqa: ANN001, ANN201
    run = analysis_store.outputs_dir / "profile-2026-06-01"
    run.mkdir(parents=True)
    (run / "profile.html").write_text("<h1>Full profile</h1><p>Amara Jones</p>")
    (run / "profile_redacted.html").write_text("<h1>Redacted profile</h1>")
    return run


def test_partner_gets_the_redacted_profile_only(profile_run):
    client = signed_in(user("information_provider"))
    index = client.get("/profiles/")
    assert b"redacted-profile" in index.content and b"full-profile" not in index.content
    redacted = client.get("/profiles/latest/redacted/")
    assert redacted.status_code == 200 and b"Redacted profile" in b"".join(redacted.streaming_content)
    assert "sandbox" in redacted["Content-Security-Policy"]
    assert client.get("/profiles/latest/full/").status_code == 403


def test_analyst_gets_the_full_profile(profile_run):
    response = signed_in(user("analyst")).get("/profiles/latest/full/")
    assert response.status_code == 200 and b"Amara Jones" in b"".join(response.streaming_content)


def test_no_profile_yet(analysis_store):
    assert b"no-profile" in signed_in(user("analyst")).get("/profiles/").content
    assert signed_in(user("analyst")).get("/profiles/latest/full/").status_code == 404
