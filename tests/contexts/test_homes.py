"""Households built from evidence and linked to domestic abuse, on a hand-made store."""

from __future__ import annotations

from contextsafe.contexts import home_contexts


def test_children_on_one_call_out_are_one_household_linked_to_domestic_abuse(store):
    store.source("da")
    for person in ("s1", "s2"):
        store.record("da", f"call1-{person}", person)
        store.flag("da", "domestic_abuse_at_home", record_id=f"call1-{person}", event_id="call1")
    store.event("da", "call1", "domestic_abuse_callout", {"call1-s1": "other", "call1-s2": "other"})
    homes = home_contexts(store.close())
    assert homes.height == 1
    row = homes.row(0, named=True)
    assert (row["person_ids"], row["domestic_abuse"], row["da_callouts"]) == ("s1;s2", True, 1)
    assert row["evidence"] == "same_home_event:1"
    assert row["domestic_abuse_sources"] == "da:1"


def test_same_postcode_and_surname_join_siblings_of_concern_and_differ_otherwise(store):
    store.source("csc")
    store.record("csc", "r1", "p1", postcode="nw1  1aa", family_name="Okoro")
    store.record("csc", "r2", "p2", postcode="NW1 1AA", family_name="OKORO")
    store.record("csc", "r3", "p3", postcode="NW1 1AA", family_name="Smith")
    store.flag("csc", "cse", record_id="r1")
    homes = home_contexts(store.close())
    assert homes["person_ids"].to_list() == ["p1;p2"]  # p3 shares the postcode only: not joined
    assert homes.row(0, named=True)["evidence"] == "postcode_surname:1"
    assert homes.row(0, named=True)["domestic_abuse"] is False


def test_a_household_with_no_abuse_and_no_concern_is_not_listed(store):
    store.source("csc")
    store.record("csc", "r1", "p1", postcode="NW1 1AA", family_name="Okoro")
    store.record("csc", "r2", "p2", postcode="NW1 1AA", family_name="Okoro")
    assert home_contexts(store.close()).height == 0


def test_a_household_disturbance_is_not_domestic_abuse_even_when_flagged(store):
    store.source("da")
    for person in ("s1", "s2"):
        store.record("da", f"call1-{person}", person)
        store.flag("da", "domestic_abuse_at_home", record_id=f"call1-{person}", event_id="call1")  # "child present"
    store.event("da", "call1", "household_disturbance", {"call1-s1": "other", "call1-s2": "other"})
    store.record("da", "x1", "s1")
    store.flag("da", "cse", record_id="x1")
    homes = home_contexts(store.close())
    row = homes.row(0, named=True)
    assert (row["domestic_abuse"], row["household_disturbances"], row["da_callouts"]) == (False, 1, 0)
    assert row["concerns"] == "cse:1"
