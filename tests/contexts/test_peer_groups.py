"""Peer graph and Leiden communities on hand-made stores whose answer is known."""

from __future__ import annotations

import datetime as dt

import igraph as ig

from contextsafe.contexts import find_peer_groups, leiden_communities, peer_graph, peer_group_table, write_peer_groups
from contextsafe.vocab import Purpose


def _edge(graph: ig.Graph, a: str, b: str) -> ig.Edge:
    return graph.es[graph.get_eid(a, b)]


def test_two_triangles_joined_by_one_edge_are_two_groups(two_triangles):
    groups = find_peer_groups(two_triangles.close(), Purpose.PROFILING, seed=7)
    assert [g.person_ids for g in groups.groups] == [["a", "b", "c"], ["d", "e", "f"]]
    assert [g.group_id for g in groups.groups] == ["PG1", "PG2"]


def test_leiden_on_a_bare_graph_drops_groups_under_the_minimum_size():
    g = ig.Graph(n=8, edges=[(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3), (6, 7)])
    g.vs["name"] = list("abcdefgh")
    g.es["weight"] = [2.0] * 8
    assert leiden_communities(g, seed=1) == [["a", "b", "c"], ["d", "e", "f"]]


def test_edges_keep_their_evidence(two_triangles):
    graph = peer_graph(two_triangles.close())
    edge = _edge(graph, "c", "d")
    assert edge["kinds"] == ["co_suspects"]
    assert edge["kind_counts"] == {"co_suspects": 2}
    assert edge["events"] == ["police/cd0", "police/cd1"]
    assert edge["sources"] == ["police"]
    assert edge["weight"] == 2.0


def test_an_unlinked_record_is_its_own_person(store):
    store.source("asb")
    store.record("asb", "r1")
    store.record("asb", "r2", "p2")
    store.event("asb", "e1", "asb", {"r1": "suspect", "r2": "suspect"})
    graph = peer_graph(store.close())
    assert sorted(graph.vs["name"]) == ["p2", "unlinked:asb/r1"]


def _pgi_store(store):
    """A PGI form (assessment only) naming peers y (negative influence) and z (positive) of subject x,
    and one crime of y and z."""
    store.source("pgi_forms", ("assessment",))
    store.source("police")
    for rid, person in (("F1-S", "x"), ("F1-P1", "y"), ("F1-P2", "z")):
        store.record("pgi_forms", rid, person)
    store.event("pgi_forms", "F1", "peer_group_information",
                {"F1-S": "subject", "F1-P1": "named_peer", "F1-P2": "named_peer"},
                relations={"F1-P1": "leads", "F1-P2": "follows"}, influences={"F1-P1": "negative", "F1-P2": "positive"})
    store.co_suspects("police", "c1", ["y", "z"])
    return store.close()


def test_peer_group_information_is_left_out_of_profiling_and_the_exclusion_is_reported(store):
    graph = peer_graph(_pgi_store(store), Purpose.PROFILING)
    assert sorted(graph.vs["name"]) == ["y", "z"]
    assert not any(k.startswith("named_peer") for kinds in graph.es["kinds"] for k in kinds)
    assert graph["excluded_sources"] == ["pgi_forms: does not permit purpose 'profiling' (permits: assessment)"]


def test_peer_group_information_is_used_for_assessment(store):
    graph = peer_graph(_pgi_store(store), Purpose.ASSESSMENT)
    assert _edge(graph, "x", "y")["kinds"] == ["named_peer_negative"]
    assert _edge(graph, "x", "z")["kinds"] == ["named_peer_positive"]  # a protective friend, weighed less
    assert _edge(graph, "x", "z")["weight"] == 0.5
    assert _edge(graph, "x", "z")["events"] == ["pgi_forms/F1"]
    assert graph["excluded_sources"] == []


def test_leader_and_follower_come_from_the_form_with_the_form_as_evidence(store):
    ws = _pgi_store(store)
    groups = find_peer_groups(ws, Purpose.ASSESSMENT, min_weight=1.0)
    members = {m.person_id: m for m in groups.groups[0].members}
    # "YP leads" on y's line: the subject x leads y. "YP follows" on z's line: z leads x.
    assert (members["y"].role, members["y"].role_basis) == ("follower", "pgi_form")
    assert (members["z"].role, members["z"].role_basis) == ("leader", "pgi_form")
    assert members["x"].role == "member"  # leads y, follows z: no single answer, so no label
    assert members["z"].evidence == ("PGI form pgi_forms/F1: leads a named peer",)


def test_recorded_leader_role_is_shown_as_evidence(two_triangles):
    two_triangles.record("police", "lead-a", "a")
    two_triangles.record("police", "lead-b", "b")
    two_triangles.event("police", "L1", "crime", {"lead-a": "leader", "lead-b": "suspect"})
    groups = find_peer_groups(two_triangles.close())
    a = next(m for m in groups.groups[0].members if m.person_id == "a")
    assert (a.role, a.role_basis) == ("leader", "leader_role")
    assert a.evidence == ("recorded as leader in police/L1",)


def test_suspect_centrality_is_a_labelled_pattern_only_when_one_member_stands_out(store):
    store.source("police")
    for k in range(4):  # hub h with each of three spokes, four times; spokes never together
        for spoke in ("s1", "s2", "s3"):
            store.co_suspects("police", f"{spoke}{k}", ["h", spoke])
    groups = find_peer_groups(store.close())
    members = {m.person_id: m for m in groups.groups[0].members}
    assert (members["h"].role, members["h"].role_basis) == ("leader", "suspect_centrality")
    assert "a pattern, not a finding" in members["h"].evidence[0]
    assert {members[s].role for s in ("s1", "s2", "s3")} == {"member"}


def test_gone_missing_together_joins_separate_episodes_of_one_occasion(store):
    store.source("missing")
    when = dt.datetime(2018, 1, 5, 22, 30)
    for k, person in enumerate(("m1", "m2", "m3")):
        store.record("missing", f"ep{k}", person)
        store.event("missing", f"ep{k}", "missing_episode", {f"ep{k}": "subject"}, when=when, place="Park")
    store.record("missing", "ep9", "m4")
    store.event("missing", "ep9", "missing_episode", {"ep9": "subject"}, when=when, place="Elsewhere")
    graph = peer_graph(store.close())
    assert sorted(graph.vs["name"]) == ["m1", "m2", "m3"]
    assert _edge(graph, "m1", "m2")["kinds"] == ["missing_together"]


def test_domestic_abuse_call_outs_join_siblings_not_peers(store):
    store.source("da")
    for k in range(3):
        for person in ("sib1", "sib2"):
            store.record("da", f"c{k}-{person}", person)
        store.event("da", f"c{k}", "domestic_abuse_callout", {f"c{k}-sib1": "other", f"c{k}-sib2": "other"})
    assert peer_graph(store.close()).vcount() == 0


def test_peer_groups_csv_has_the_contract_columns_and_evidence(two_triangles, tmp_path):
    groups = find_peer_groups(two_triangles.close())
    paths = write_peer_groups(groups, tmp_path / "out")
    assert paths[0] == tmp_path / "out" / "contexts" / "peer_groups.csv"
    table = peer_group_table(groups)
    assert table.columns[:3] == ["group_id", "person_id", "role"]
    assert {"role_basis", "role_evidence"} <= set(table.columns)
    assert table.height == 6
    assert paths[0].read_text(encoding="utf-8").splitlines()[0].startswith("group_id,person_id,role,")


def test_a_group_is_described_by_its_concerns_schools_places_and_change(store):
    store.source("police")
    store.school("100", "Hill School")
    for k, month in enumerate((1, 2, 4, 7, 8, 10, 11, 12)):  # 2 events in 2017Q1, 1 in Q2, 2 in Q3, 3 in Q4
        for p in ("a", "b", "c"):
            store.record("police", f"e{k}-{p}", p)
        store.event("police", f"e{k}", "crime", {f"e{k}-{p}": "suspect" for p in ("a", "b", "c")},
                    when=dt.datetime(2017, month, 3, 18, 0), place="Market")
    store.flag("police", "serious_youth_violence", event_id="e0")
    store.attends("police", "e0-a", "100")
    group = find_peer_groups(store.close()).groups[0]
    assert group.concerns == {"serious_youth_violence": 3}
    assert group.schools == {"school:100": 1}
    assert group.places == {"Market": 8}
    assert group.lsoas == {}  # the hand-made events were never placed
    assert (group.first_seen, group.last_seen) == (dt.date(2017, 1, 3), dt.date(2017, 12, 3))
    assert group.events_per_quarter == {"2017Q1": 2, "2017Q2": 1, "2017Q3": 2, "2017Q4": 3}
    assert group.change.startswith("growing (3 to 5 events")


def test_travel_cards_withdrawn_at_one_stop_on_one_day_but_different_incidents_are_not_together(store):
    store.source("cards")
    day = dt.datetime(2018, 3, 1)
    for rid, person, incident in (("z1", "g1", "BUS1"), ("z2", "g2", "BUS1"), ("z3", "h1", "BUS2")):
        store.record("cards", rid, person)
        store.event("cards", rid, "travel_card_withdrawn", {rid: "suspect"}, when=day, place="Stop A",
                    description=incident)
    graph = peer_graph(store.close())
    assert sorted(graph.vs["name"]) == ["g1", "g2"]
    assert _edge(graph, "g1", "g2")["kinds"] == ["bus_together"]
