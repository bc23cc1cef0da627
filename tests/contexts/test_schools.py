"""Schools as contexts and the concentration answer, on hand-made cases."""

from __future__ import annotations

import pytest

from contextsafe.contexts import find_peer_groups, school_concentration, school_contexts
from contextsafe.contexts.schools import concentration, gini

SCHOOLS = [f"school:{i}" for i in range(10)]
NAMES = {s: f"School {s[-1]}" for s in SCHOOLS}


def test_two_groups_in_two_schools_is_concentrated():
    members = {f"m{i}": {"school:0" if i < 6 else "school:1"} for i in range(12)}
    others = {f"o{i}": {SCHOOLS[i % 10]} for i in range(100)}  # the other young people are everywhere
    answer = concentration(members, others, SCHOOLS, NAMES, groups=2)
    assert answer.verdict == "concentrated"
    assert answer.top_share == 1.0
    assert answer.baseline_share == pytest.approx(0.5)  # 5 of 10 schools hold half the others
    assert answer.hhi == pytest.approx(0.5)  # two schools with half each
    assert answer.sentence.startswith("Concentrated: 2 peer groups draw 100% of their school-linked members")
    assert "School 0" in answer.sentence


def test_members_spread_like_everyone_else_is_spread():
    members = {f"m{i}": {SCHOOLS[i % 10]} for i in range(30)}
    others = {f"o{i}": {SCHOOLS[i % 10]} for i in range(100)}
    answer = concentration(members, others, SCHOOLS, NAMES, groups=3)
    assert answer.verdict == "spread"
    assert answer.top_share == pytest.approx(0.5)
    assert answer.gini == pytest.approx(0.0)
    assert answer.hhi == pytest.approx(0.1)


def test_a_few_big_schools_are_not_a_pattern_on_their_own():
    # Members sit in the 5 schools that also hold 90% of every other young person: no concentration.
    members = {f"m{i}": {SCHOOLS[i % 5]} for i in range(20)}
    others = {f"o{i}": {SCHOOLS[i % 5] if i < 90 else SCHOOLS[5 + i % 5]} for i in range(100)}
    assert concentration(members, others, SCHOOLS, NAMES, groups=2).verdict == "spread"


def test_a_pupil_linked_to_two_schools_counts_half_in_each():
    answer = concentration({"m": {"school:0", "school:1"}}, {}, SCHOOLS, NAMES, groups=1, top_k=1)
    assert answer.top_share == 0.5


def test_gini_of_equal_and_of_all_in_one():
    assert gini([2, 2, 2]) == 0.0
    assert gini([0, 0, 0, 0, 8]) == pytest.approx(0.8)


def _school_store(store):
    """Two pupils of school 1 in a peer group; one FAP managed move with a CSE tick; two exclusions."""
    store.source("police")
    store.source("education")
    store.school("1", "One Academy")
    store.school("2", "Two High")
    for k in range(2):
        store.co_suspects("police", f"c{k}", ["a", "b", "c"])
    for rid, person, urn in (("x1", "a", "1"), ("x2", "b", "1"), ("x3", "z", "2")):
        store.record("education", rid, person)
        store.attends("education", rid, urn)
        store.event("education", f"EX-{rid}", "exclusion", {rid: "subject"}, category="FIXED" if urn == "1" else "PERM")
    store.event("education", "FAP-1", "fair_access_referral", {"x1": "subject"}, category="Managed move")
    store.flag("education", "cse", record_id="x1", event_id="FAP-1")
    store.flag("education", "online_exploitation", record_id="x2", event_id="EX-x2")
    return store.close()


def test_school_rows_count_pupils_groups_exclusions_managed_moves_and_peer_on_peer_ticks(store):
    ws = _school_store(store)
    groups = find_peer_groups(ws)
    table = {r["school_id"]: r for r in school_contexts(ws, groups).iter_rows(named=True)}
    one, two = table["school:1"], table["school:2"]
    assert (one["name"], one["persons"], one["peer_groups"]) == ("One Academy", 2, "PG1:2")
    assert one["peer_group_members"] == 2
    assert (one["exclusions"], one["permanent_exclusions"], two["permanent_exclusions"]) == (2, 0, 1)
    assert (one["fap_referrals"], one["managed_moves"], one["fap_peer_on_peer"]) == (1, 1, 1)
    assert one["fap_peer_on_peer_ticks"] == "cse:1"
    assert one["online_reports"] == 1 and two["online_reports"] == 0
    assert "cse:1" in one["concerns"] and two["peer_groups"] == ""


def test_concentration_from_the_store_names_the_school(store):
    ws = _school_store(store)
    answer = school_concentration(ws, find_peer_groups(ws), top_k=1)
    assert answer.top_schools == ("school:1",)
    assert answer.members == 2


def test_no_member_linked_to_a_school_is_an_unknown_answer_not_a_spread_one():
    answer = concentration({}, {"o": {"school:0"}}, SCHOOLS, NAMES, groups=2)
    assert answer.verdict == "unknown"
    assert "cannot be answered" in answer.sentence
