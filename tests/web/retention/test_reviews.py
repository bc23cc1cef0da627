"""Every young person on a list or in a group has a review date and the reason they are there, and comes off
when the reason lapses: store memberships (associations) and casework documents naming them."""

from __future__ import annotations

import html
import re
from datetime import date, timedelta

import pytest

from contextsafe.web import store
from contextsafe.web.audit.models import AuditEntry
from contextsafe.web.casework.models import CaseDocument
from contextsafe.web.retention.expiry import delete_due, due
from tests.conftest import rows
from tests.web.accounts.factories import organisation, signed_in, user
from tests.web.casework.factories import document

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 1)


@pytest.fixture
def on_today(monkeypatch):  # noqa: ANN001, ANN201
    monkeypatch.setattr(store, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def old_membership(analysis_store):  # noqa: ANN001, ANN201
    """Amara's social care record S1 (kept 9,125 days from 2026) also put her in peer group PG1 in 2000: that
    membership's reason lapsed in 2024 though the record itself is kept."""
    with analysis_store.connect() as con:
        con.execute("INSERT INTO associations VALUES ('csc_referrals', 'S1', 'peer_group', 'PG1', 'member', "
                    "DATE '2000-01-01', NULL)")
    return analysis_store


def _row(text: str, marker: str) -> str:
    """The table row of ``text`` holding ``marker`` (tags stripped)."""
    for row in re.findall(r"<tr class=\"govuk-table__row\"[^>]*>.*?</tr>", text, re.S):
        plain = html.unescape(re.sub(r"<[^>]+>", " ", row))
        if marker in row or marker in plain:
            return " ".join(plain.split())
    raise AssertionError(f"no row with {marker!r}")


def test_person_page_gives_each_list_and_group_its_reason_and_review_date(old_membership, on_today):
    text = signed_in(user("panel_chair"), "assessment").get("/people/P-AMARA/").content.decode()
    record = _row(text, "S1</td>")
    assert "cse (Children's social care, recorded 2026-01-10)" in record  # the record's concern flag is the reason
    assert (date(2026, 1, 10) + timedelta(days=9125)).isoformat() in record
    school = _row(text, "/contexts/school:1/")
    assert "attends (Children's social care record S1, observed 2026-01-01)" in school
    assert (date(2026, 1, 1) + timedelta(days=9125)).isoformat() in school and "Lapsed" not in school
    rows_pg1 = [r for r in re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", text, re.S) if "PG1" in r]
    assert len(rows_pg1) == 2  # from pgi_forms G1 (current) and from csc S1 in 2000 (lapsed)
    assert sum("Lapsed" in r for r in rows_pg1) == 1
    assert (date(2000, 1, 1) + timedelta(days=9125)).isoformat() in " ".join(r for r in rows_pg1 if "Lapsed" in r)


def test_group_member_list_shows_reason_review_date_and_lapsed(old_membership, on_today):
    text = signed_in(user("panel_chair"), "assessment").get("/contexts/peer_group:PG1/").content.decode()
    ben = _row(text, "Peer group information pilot record G2")
    assert "observed 2026-01-01" in ben and (date(2026, 1, 1) + timedelta(days=2190)).isoformat() in ben
    assert "Lapsed" not in ben
    assert "Lapsed" in _row(text, "Children's social care record S1")


def test_a_review_date_that_passes_tomorrow_is_lapsed_tomorrow(analysis_store, monkeypatch):
    review = date(2026, 1, 1) + timedelta(days=365)  # Ben at Hill School, from the school's E1
    monkeypatch.setattr(store, "today", lambda: review)
    chair = signed_in(user("panel_chair"), "assessment")
    assert "Lapsed" not in _row(chair.get("/contexts/school:1/").content.decode(), "Schools record E1")
    monkeypatch.setattr(store, "today", lambda: review + timedelta(days=1))
    assert "Lapsed" in _row(chair.get("/contexts/school:1/").content.decode(), "Schools record E1")


def test_retention_lists_and_deletes_lapsed_memberships_but_keeps_the_record(old_membership):
    items = {(i.what, i.source): i.count for i in due(old_membership, TODAY)}
    assert items[("memberships", "csc_referrals")] == 1
    assert ("records", "csc_referrals") not in items
    delete_due(old_membership, TODAY)
    assert rows(old_membership, "SELECT context_ref FROM associations WHERE record_id = 'S1' ORDER BY 1") == [
        ("Hill School",)]
    assert rows(old_membership, "SELECT count(*) FROM records WHERE record_id = 'S1'")[0][0] == 1
    assert rows(old_membership, "SELECT count(*) FROM associations WHERE record_id = 'G1'")[0][0] == 1
    assert not [i for i in due(old_membership, TODAY) if i.what == "memberships"]


def test_dpo_page_removes_the_lapsed_membership_and_it_drops_off_the_group(old_membership, on_today):
    dpo = signed_in(user("auditor"))
    page = dpo.get("/retention/").content.decode()
    assert 'id="due-memberships-csc_referrals"' in page
    dpo.post("/retention/delete/")
    assert AuditEntry.objects.filter(action="retention_delete", ident="csc_referrals",
                                     detail="1 memberships past 9125 days").exists()
    group = signed_in(user("panel_chair"), "assessment").get("/contexts/peer_group:PG1/").content.decode()
    assert "Children's social care record S1" not in group and "Lapsed" not in group
    assert "Peer group information pilot record G1" in group


def _listing_docs(owner):  # noqa: ANN001, ANN202
    lapsed = document(owner, title="MASE list: Amara", person_id="P-AMARA", review_on=TODAY - timedelta(days=1),
                      reason="Named at the MASE meeting for exploitation risk")
    current = document(owner, title="Peer group plan", person_id="P-AMARA", review_on=TODAY + timedelta(days=30),
                       reason="Named peer in the PG1 assessment")
    undated = document(owner, title="Undated note", context_key="peer_group:PG1")
    return lapsed, current, undated


def test_casework_naming_a_young_person_shows_its_reason_and_review_date_to_those_who_may_open_it(
        analysis_store, on_today):
    owner = user("practitioner")
    lapsed, current, _ = _listing_docs(owner)
    mine = signed_in(owner).get("/people/P-AMARA/").content.decode()
    assert "Named at the MASE meeting for exploitation risk" in _row(mine, f'id="listing-{lapsed.pk}"')
    assert "Lapsed" in _row(mine, f'id="listing-{lapsed.pk}"')
    current_row = _row(mine, f'id="listing-{current.pk}"')
    assert (TODAY + timedelta(days=30)).isoformat() in current_row and "Lapsed" not in current_row
    # A panel chair sees Amara's record but not another organisation's casework about her.
    chair = signed_in(user("panel_chair"), "assessment").get("/people/P-AMARA/").content.decode()
    assert "MASE list: Amara" not in chair and "Named at the MASE" not in chair
    # The same organisation's colleague working for another purpose does not see it either.
    colleague = user("panel_chair", org=owner.organisation)
    assert "MASE list" not in signed_in(colleague, "profiling").get("/people/P-AMARA/").content.decode()
    assert "MASE list" in signed_in(colleague, "assessment").get("/people/P-AMARA/").content.decode()


def test_context_page_shows_casework_naming_the_context(analysis_store, on_today):
    owner = user("practitioner")
    _, _, undated = _listing_docs(owner)
    text = signed_in(owner).get("/contexts/peer_group:PG1/").content.decode()
    assert "No review date" in _row(text, f'id="listing-{undated.pk}"')


def test_retention_takes_lapsed_casework_listings_off_logged_and_leaves_the_rest(analysis_store, on_today):
    owner = user("practitioner")
    lapsed, current, undated = _listing_docs(owner)
    dpo = signed_in(user("auditor"))
    page = dpo.get("/retention/").content.decode()
    assert f'id="lapsed-{lapsed.pk}"' in page and f'id="lapsed-{current.pk}"' not in page
    assert f'id="undated-{undated.pk}"' in page
    assert "Named at the MASE" not in page  # the DPO's list names no reasons
    dpo.post("/retention/delete/")
    lapsed.refresh_from_db()
    current.refresh_from_db()
    undated.refresh_from_db()
    assert (lapsed.person_id, lapsed.status) == ("", "closed")
    assert current.person_id == "P-AMARA" and undated.context_key == "peer_group:PG1"
    entry = AuditEntry.objects.get(action="retention_unlist", ident=str(lapsed.pk))
    assert "person P-AMARA taken off" in entry.detail and entry.username.startswith("auditor")
    assert f'id="listing-{lapsed.pk}"' not in signed_in(owner).get("/people/P-AMARA/").content.decode()
    assert CaseDocument.objects.filter(pk=lapsed.pk).exists()  # the owner keeps the document itself


def test_only_the_dpo_takes_listings_off(analysis_store, on_today):
    lapsed, _, _ = _listing_docs(user("practitioner"))
    assert signed_in(user("panel_chair"), "assessment").post("/retention/delete/").status_code == 403
    lapsed.refresh_from_db()
    assert lapsed.person_id == "P-AMARA"


def test_casework_listings_work_with_no_store(settings, on_today):
    settings.CONTEXTSAFE_WORKSPACE = ""
    lapsed, _, _ = _listing_docs(user("practitioner", org=organisation()))
    dpo = signed_in(user("auditor"))
    assert f'id="lapsed-{lapsed.pk}"' in dpo.get("/retention/").content.decode()
    dpo.post("/retention/delete/")
    lapsed.refresh_from_db()
    assert lapsed.person_id == ""
