"""A demonstration over past years' data judges reviews and retention as of a fixed date, and says so."""

from __future__ import annotations

from datetime import date

import pytest
import typer

from contextsafe.cli.web import _as_of
from contextsafe.web import store
from contextsafe.web.retention.expiry import AS_OF, due, judged_on, latest_data_date
from tests.web.accounts.factories import signed_in, user

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_membership(analysis_store):  # noqa: ANN001, ANN201
    with analysis_store.connect() as con:
        con.execute("INSERT INTO associations VALUES ('csc_referrals', 'S1', 'peer_group', 'PG1', 'member', "
                    "DATE '2000-01-01', NULL)")
    return analysis_store


def test_without_the_setting_reviews_are_judged_today(monkeypatch):
    monkeypatch.delenv(AS_OF, raising=False)
    assert judged_on() >= date(2026, 1, 1) and store.today() >= date(2026, 1, 1)


def test_as_of_moves_both_the_web_pages_and_the_retention_lists(old_membership, monkeypatch):
    monkeypatch.setenv(AS_OF, "2001-06-01")
    assert judged_on() == store.today() == date(2001, 6, 1)
    assert not [i for i in due(old_membership) if i.what == "memberships"]  # kept in 2001
    monkeypatch.setenv(AS_OF, "2030-01-01")
    assert [i for i in due(old_membership) if i.what == "memberships"]  # lapsed by 2030


def test_every_page_says_the_date_it_judges_by(analysis_store, monkeypatch):
    monkeypatch.setenv(AS_OF, "2018-06-30")
    page = signed_in(user("practitioner")).get("/").content.decode()
    assert 'id="as-of"' in page and "2018-06-30" in page
    monkeypatch.delenv(AS_OF)
    assert 'id="as-of"' not in signed_in(user("practitioner")).get("/").content.decode()


def test_serve_as_of_latest_takes_the_stores_last_data_date(analysis_store, monkeypatch):
    monkeypatch.setenv(AS_OF, "")  # recorded, so what _as_of sets is undone after the test
    latest = latest_data_date(analysis_store)
    assert latest is not None
    _as_of(analysis_store.root, "latest")
    import os

    assert os.environ[AS_OF] == latest.isoformat()
    with pytest.raises(typer.BadParameter):
        _as_of(analysis_store.root, "next tuesday")
