"""Collapsing identical identities: only complete records, never a decided one, nothing lost."""

from __future__ import annotations

import polars as pl

from contextsafe.link.collapse import collapse


def _features(rows: list[tuple]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=["uid", "source", "record_id", "given", "family", "dob", "postcode"],
                        orient="row")


ROWS = [
    ("a|1", "a", "1", "amara", "jones", "2010-01-02", "NW1 1AA"),
    ("a|2", "a", "2", "amara", "jones", "2010-01-02", "NW1 1AA"),
    ("b|1", "b", "1", "amara", "jones", "2010-01-02", "NW1 1AA"),
    ("b|2", "b", "2", "amara", "jones", "2010-01-02", "NW5 2BB"),
    ("c|1", "c", "1", "sam", "okoro", None, None),
    ("c|2", "c", "2", "sam", "okoro", None, None),
]


def test_identical_complete_records_share_one_representative_and_every_record_is_kept():
    reps, members = collapse(_features(ROWS))
    assert members.height == len(ROWS)
    rep_of = dict(members.iter_rows())
    assert rep_of["a|1"] == rep_of["a|2"] == rep_of["b|1"] == "a|1"
    assert rep_of["b|2"] == "b|2"  # a different postcode is a different identity
    assert sorted(reps["uid"]) == ["a|1", "b|2", "c|1", "c|2"]


def test_records_without_a_date_of_birth_are_never_collapsed():
    _, members = collapse(_features(ROWS))
    rep_of = dict(members.iter_rows())
    assert rep_of["c|1"] == "c|1" and rep_of["c|2"] == "c|2"


def test_across_sources_identities_stay_apart_when_linking_only_across_sources():
    _, members = collapse(_features(ROWS), link_type="link_only")
    rep_of = dict(members.iter_rows())
    assert rep_of["a|2"] == "a|1" and rep_of["b|1"] == "b|1"


def test_a_record_an_analyst_decided_on_is_scored_on_its_own():
    reps, members = collapse(_features(ROWS), protected={"a|2"})
    assert dict(members.iter_rows())["a|2"] == "a|2" and "a|2" in reps["uid"].to_list()
