"""Distinct young people across panel lists (MASE, MARAC, gangs panel, HSB meetings, Fair Access Panel)."""

from __future__ import annotations

import pytest

from contextsafe.overlap import compute_overlap, summarise


@pytest.fixture
def panel_store(store):
    """MASE (category) and MARAC (category) from one source, a gangs panel without category, a Fair Access
    Panel; p1 is on MASE and the gangs panel (records linked), p2 on MASE twice, p3 on MARAC and FAP."""
    store.source("panels")
    store.source("gangs_panel")
    store.source("fap")
    store.source("police")
    for source, record_id, person in [("panels", "a", "p1"), ("panels", "b", "p2"), ("panels", "c", "p3"),
                                      ("gangs_panel", "x", "p1"), ("fap", "f", "p3"), ("police", "z", "p4")]:
        store.record(source, record_id, person)
    store.event("panels", "m1", "panel_discussion", "MASE", {"a": "subject", "b": "subject"})
    store.event("panels", "m2", "panel_discussion", "MASE", {"b": "subject"})
    store.event("panels", "k1", "panel_discussion", "MARAC", {"c": "subject"})
    store.event("gangs_panel", "g1", "panel_discussion", None, {"x": "subject"})
    store.event("fap", "r1", "fair_access_referral", "", {"f": "subject"})
    store.event("police", "e1", "crime", "MASE", {"z": "victim"})  # not a panel event
    return store


def test_panel_overlap_defaults_to_panel_events_named_by_category(panel_store):
    overlap = compute_overlap(panel_store.close(), by="panel")

    assert overlap.totals().rows() == [("MASE", 2, 1), ("MARAC", 1, 0), ("fap", 1, 0), ("gangs_panel", 1, 0)]
    combinations = {row["combination"]: row["persons"] for row in overlap.combinations.to_dicts()}
    assert combinations == {"MASE": 1, "MASE & gangs_panel": 1, "MARAC & fap": 1}
    assert overlap.union == 3
    assert "but only 3 distinct young people: 2 appear on more than one list" in summarise(overlap)


def test_explicit_panel_mapping_names_panels_and_counts_bare_lists(panel_store):
    panel_store.record("fap", "f2", None)  # on the FAP list export with no event at all
    ws = panel_store.close()

    overlap = compute_overlap(ws, by="panel", panels={"gangs_panel": "Gangs panel", "fap": "Fair Access Panel"})

    assert overlap.totals().rows() == [("Fair Access Panel", 2, 2), ("Gangs panel", 1, 1)]


def test_panel_source_not_permitting_profiling_is_excluded(store):
    store.source("mase", purposes=("assessment",))
    store.record("mase", "a", "p1")
    store.event("mase", "m1", "panel_discussion", "MASE", {"a": "subject"})

    overlap = compute_overlap(store.close(), by="panel")

    assert overlap.union == 0
    assert [e.source for e in overlap.excluded] == ["mase"]
    assert summarise(overlap).startswith("No young people are on any panel list")
