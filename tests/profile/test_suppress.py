"""Small-count suppression on hand-made tables whose answer was worked out by hand."""

from __future__ import annotations

import polars as pl

from contextsafe.profile import SUPPRESSED, CountTable, hidden_cells, suppress


def ethnicity_of_two_lists() -> CountTable:
    frame = pl.DataFrame({"list": ["a", "a", "a", "a", "b", "b", "b"],
                          "group": ["W", "B", "A", "O", "W", "B", "A"],
                          "count": [10, 3, 20, 0, 8, 9, 30],
                          "share": [0.3, 0.1, 0.6, 0.0, 0.17, 0.19, 0.64]})
    return CountTable("equality", frame, ("count",), partitions=[("list",)], linked={"share": "count"})


def test_a_lone_small_count_takes_the_next_smallest_of_its_group_with_it():
    # list a: 3 is hidden; with the list's total known it could be worked out, so 10 (the smallest
    # other non-zero cell) is hidden too. The zero stays; list b has nothing small.
    assert hidden_cells(ethnicity_of_two_lists(), 5) == {(0, "count"), (1, "count")}


def test_hidden_counts_show_the_mark_and_blank_what_they_reveal():
    out = suppress(ethnicity_of_two_lists(), 5)
    assert out["count"].to_list() == [SUPPRESSED, SUPPRESSED, "20", "0", "8", "9", "30"]
    assert out["share"].to_list()[:3] == ["", "", "0.60"]


def test_rows_are_groups_when_their_total_is_known():
    frame = pl.DataFrame({"month": ["2018-01"], "home": [2], "school": [40], "street": [7]})
    table = CountTable("t", frame, ("home", "school", "street"), partitions=(), along_rows=True)
    assert hidden_cells(table, 5) == {(0, "home"), (0, "street")}


def test_two_small_counts_in_a_group_protect_each_other():
    frame = pl.DataFrame({"count": [2, 3, 50]})
    assert hidden_cells(CountTable("t", frame, ("count",)), 5) == {(0, "count"), (1, "count")}
