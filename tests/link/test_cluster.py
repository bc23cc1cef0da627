import polars as pl

from contextsafe.link.cluster import cluster


def _links(rows):
    return pl.DataFrame(rows, schema=["uid_l", "uid_r", "match_probability"], orient="row")


def test_a_chain_through_a_third_record_does_not_join_a_forbidden_pair():
    links = _links([("a", "b", 0.99), ("b", "c", 0.98)])
    persons = cluster(["a", "b", "c"], links, forbidden=[("a", "c")])
    ids = dict(zip(persons["uid"], persons["person_id"], strict=True))
    assert ids["a"] == ids["b"] and ids["c"] != ids["a"]


def test_accepted_pairs_link_without_a_scored_pair_and_singletons_have_no_probability():
    persons = cluster(["a", "b", "c"], _links([]), accepted=[("a", "b")])
    ids = dict(zip(persons["uid"], persons["person_id"], strict=True))
    probability = dict(zip(persons["uid"], persons["match_probability"], strict=True))
    assert ids["a"] == ids["b"] != ids["c"]
    assert probability["a"] == 1.0 and probability["c"] is None


def test_person_ids_do_not_depend_on_input_order():
    links = _links([("a", "b", 0.99)])
    first = cluster(["a", "b", "c"], links)
    second = cluster(["c", "b", "a"], links)
    assert first.equals(second)
