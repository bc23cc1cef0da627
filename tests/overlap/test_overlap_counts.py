"""Distinct young people per combination of concerns, on hand-made stores whose answer is known."""

from __future__ import annotations

from collections import Counter

import pytest

from contextsafe.errors import ContextsafeError
from contextsafe.overlap import GANGS_SYV_GROUPING, compute_overlap, overlap_table, summarise


def test_thirty_thirty_fifteen_is_forty_five(thirty_thirty_fifteen):
    overlap = compute_overlap(thirty_thirty_fifteen, by="concern")

    assert overlap.labels == ("cse", "gang_association")
    assert overlap.combinations.to_dicts() == [
        {"cse": 1, "gang_association": 0, "persons": 15, "combination": "cse"},
        {"cse": 0, "gang_association": 1, "persons": 15, "combination": "gang_association"},
        {"cse": 1, "gang_association": 1, "persons": 15, "combination": "cse & gang_association"},
    ]
    assert overlap.totals().rows() == [("cse", 30, 15), ("gang_association", 30, 15)]
    assert overlap.total("cse", "gang_association") == 15
    assert overlap.union == 45
    assert overlap.on_several == 15
    assert overlap.excluded == ()


def test_summary_in_plain_words(thirty_thirty_fifteen):
    text = summarise(compute_overlap(thirty_thirty_fifteen))

    assert text == ("The CSE and gangs lists hold 60 young people between them (30 CSE, 30 gangs), "
                    "but only 45 distinct young people: 15 appear on both.")


def test_overlap_table_accepts_a_connection(thirty_thirty_fifteen):
    with thirty_thirty_fifteen.connect(read_only=True) as con:
        table = overlap_table(con, by="concern")

    assert table["persons"].sum() == 45
    assert table.columns == ["cse", "gang_association", "persons", "combination"]


def test_one_person_in_two_sources_of_the_same_concern_is_counted_once(store):
    store.source("police")
    store.source("social_care")
    store.record("police", "a", "p1", "cse")
    store.record("social_care", "b", "p1", "cse")
    store.record("social_care", "c", "p2", "cse")

    overlap = compute_overlap(store.close())

    assert overlap.totals().rows() == [("cse", 2, 2)]
    assert overlap.union == 2


def test_unlinked_records_each_count_as_their_own_person(store):
    store.source("police")
    store.source("social_care")
    store.record("police", "a", None, "cse")
    store.record("social_care", "a", None, "gang_association")  # same record id, other source: not linked

    overlap = compute_overlap(store.close())

    assert overlap.union == 2
    assert overlap.on_several == 0
    assert "all different: nobody appears on more than one" in summarise(overlap)


def test_source_not_permitting_the_purpose_is_excluded_and_named(store):
    store.source("cse_service")
    store.source("police_intel", purposes=("intelligence",))
    store.record("cse_service", "c1", "p1", "cse")
    store.record("police_intel", "i1", "p1", "gang_association")
    store.record("police_intel", "i2", "p2", "gang_association")
    store.record("unregistered", "u1", "p3", "hsb")  # data with no sources row: no declared purposes

    overlap = compute_overlap(store.close(), purpose="profiling")

    assert overlap.labels == ("cse",)
    assert overlap.union == 1
    assert [(e.source, e.reason.split(":")[0]) for e in overlap.excluded] == [
        ("police_intel", "does not permit purpose 'profiling' (permits"),
        ("unregistered", "not registered"),
    ]
    assert summarise(overlap).endswith("Not counted, because they do not permit profiling: police_intel, "
                                       "unregistered.")


def test_intelligence_purpose_sees_only_sources_that_permit_it(store):
    store.source("cse_service")
    store.source("police_intel", purposes=("intelligence",))
    store.record("cse_service", "c1", "p1", "cse")
    store.record("police_intel", "i1", "p1", "gang_association")

    overlap = compute_overlap(store.close(), purpose="intelligence")

    assert overlap.labels == ("gang_association",)
    assert [e.source for e in overlap.excluded] == ["cse_service"]


def test_gangs_and_syv_grouped_into_one_silo(store):
    store.source("yot")
    store.record("yot", "a", "p1", "gang_association", "serious_youth_violence")
    store.record("yot", "b", "p2", "serious_youth_violence", "cse")
    store.record("yot", "c", "p3", "gang_association")

    ws = store.close()
    separate = compute_overlap(ws)
    grouped = compute_overlap(ws, grouping=GANGS_SYV_GROUPING)

    assert separate.union == grouped.union == 3
    assert len(separate.labels) == 3
    assert grouped.totals().rows() == [("gangs_syv", 3, 2), ("cse", 1, 0)]
    assert "gangs/SYV" in summarise(grouped)


def test_event_level_flags_reach_counted_participants_but_not_witnesses(store):
    store.source("police")
    store.event("police", "e1", "crime", participants={"v": "victim", "s": "suspect", "w": "witness"})
    store.flag("police", "serious_youth_violence", event_id="e1")
    for record_id in ("v", "s", "w"):
        store.record("police", record_id, f"p_{record_id}")

    overlap = compute_overlap(store.close())

    assert overlap.totals().rows() == [("serious_youth_violence", 2, 2)]


def test_only_keeps_the_chosen_lists(store):
    store.source("sc")
    store.record("sc", "a", "p1", "cse", "hsb")
    store.record("sc", "b", "p2", "hsb")

    overlap = compute_overlap(store.close(), only=["cse"])

    assert overlap.combinations.to_dicts() == [{"cse": 1, "persons": 1, "combination": "cse"}]


def test_largest_pairs_named_when_more_than_two_lists(store):
    store.source("sc")
    store.record("sc", "a", "p1", "cse", "hsb", "missing_from_home")
    store.record("sc", "b", "p2", "cse", "missing_from_home")
    store.record("sc", "c", "p3", "hsb")

    text = summarise(compute_overlap(store.close()))

    assert "but only 3 distinct young people: 2 appear on more than one list" in text
    assert "Largest overlaps: 2 on both CSE and missing from home or care; 1 on both" in text


def test_empty_store_gives_an_empty_table_and_a_sentence(store):
    overlap = compute_overlap(store.close())

    assert overlap.combinations.height == 0
    assert overlap.union == 0
    assert summarise(overlap).startswith("No young people are on any concern list")


def test_unknown_view_is_refused(thirty_thirty_fifteen):
    with pytest.raises(ContextsafeError, match="'by' must be"):
        compute_overlap(thirty_thirty_fifteen, by="school")  # type: ignore[arg-type]


def test_exact_combinations_match_a_brute_force_count(store):
    store.source("sc")
    concerns = ["cse", "hsb", "exclusion", "missing_from_home"]

    def concerns_of(n: int) -> set[str]:
        return {c for k, c in enumerate(concerns) if (n >> k) & 1}

    for i in range(40):
        store.record("sc", f"r{i}", f"p{i % 20}", *sorted(concerns_of(i)))  # two records per person

    overlap = compute_overlap(store.close())
    expected = Counter(frozenset(concerns_of(i) | concerns_of(i + 20)) for i in range(20))
    expected.pop(frozenset(), None)
    observed = {frozenset(row["combination"].split(" & ")): row["persons"]
                for row in overlap.combinations.to_dicts()}

    assert observed == dict(expected)
    assert overlap.union == sum(expected.values())
    assert overlap.combinations["persons"].to_list() == sorted(expected.values(), reverse=True)
