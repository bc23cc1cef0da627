"""Linkage model specifications: which fields are compared, how, and which pairs are generated.

``uk_children_model`` is tuned for English children's records across agencies: nicknames and
diminutives, first/last name swaps, hyphenated and changed surnames, day/month transposition in the
date of birth, postcode sector and district, school and sex, with term-frequency adjustments on
names, postcodes, addresses and schools.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import block_on

from contextsafe.link.prepare import prepare


@dataclass(frozen=True)
class ModelSpec:
    """A Splink model before training, and the feature preparation it expects."""

    name: str
    comparisons: list[Any]
    blocking_rules: list[Any]
    training_rules: list[Any]
    deterministic_rules: list[Any]
    prepare: Callable[[Any], Any] = prepare
    # SQL over two feature rows ``l`` and ``r`` (DuckDB dialect) naming pairs that must never link.
    cannot_link_sql: str | None = None
    extra_columns: list[str] = field(default_factory=list)


# Starting values for levels a small dataset may never show, so EM leaves them sensible.
_RARE = {"m_probability": 0.01, "u_probability": 0.00005}


def _first_name() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="given",
        comparison_description="first name",
        comparison_levels=[
            cll.NullLevel("given"),
            cll.ExactMatchLevel("given").configure(tf_adjustment_column="given", label_for_charts="same"),
            cll.ColumnsReversedLevel("given", "family", symmetrical=True).configure(
                label_for_charts="first and last names swapped", **_RARE),
            cll.ArrayIntersectLevel("given_groups", 1).configure(
                label_for_charts="nickname or diminutive of the same name"),
            cll.CustomLevel("given_l = other_first_r OR given_r = other_first_l",
                            label_for_charts="recorded as a middle name in the other record"),
            cll.JaroWinklerLevel("given", 0.88).configure(label_for_charts="similar spelling"),
            cll.LevenshteinLevel("given", 1).configure(label_for_charts="one letter different"),
            cll.ElseLevel().configure(label_for_charts="different"),
        ],
    )


def _surname() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="family",
        comparison_description="surname",
        comparison_levels=[
            cll.NullLevel("family"),
            cll.ExactMatchLevel("family").configure(tf_adjustment_column="family", label_for_charts="same"),
            cll.ColumnsReversedLevel("family", "given", symmetrical=True).configure(
                label_for_charts="first and last names swapped", **_RARE),
            cll.ArrayIntersectLevel("family_parts", 1).configure(
                label_for_charts="shares part of a hyphenated surname", m_probability=0.02, u_probability=0.0005),
            cll.JaroWinklerLevel("family", 0.88).configure(label_for_charts="similar spelling"),
            cll.ElseLevel().configure(label_for_charts="different (possibly changed)"),
        ],
    )


def _date_of_birth() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="dob",
        comparison_description="date of birth",
        comparison_levels=[
            cll.NullLevel("dob"),
            cll.ExactMatchLevel("dob").configure(label_for_charts="same"),
            cll.CustomLevel("dob_swapped_l = dob_r", label_for_charts="day and month transposed").configure(**_RARE),
            cll.LevenshteinLevel("dob", 1).configure(label_for_charts="one digit different"),
            cll.CustomLevel("dob_year_l = dob_year_r", label_for_charts="same year"),
            cll.ElseLevel().configure(label_for_charts="different"),
        ],
    )


def _postcode() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="postcode",
        comparison_description="postcode",
        comparison_levels=[
            cll.NullLevel("pc_district"),
            cll.ExactMatchLevel("postcode").configure(tf_adjustment_column="postcode", label_for_charts="same"),
            cll.ExactMatchLevel("pc_sector").configure(label_for_charts="same sector"),
            cll.ExactMatchLevel("pc_district").configure(label_for_charts="same district"),
            cll.ElseLevel().configure(label_for_charts="different"),
        ],
    )


def _exact(column: str, description: str, tf: bool = True) -> cl.CustomComparison:
    exact = cll.ExactMatchLevel(column).configure(label_for_charts="same")
    if tf:
        exact = exact.configure(tf_adjustment_column=column)
    return cl.CustomComparison(
        output_column_name=column,
        comparison_description=description,
        comparison_levels=[cll.NullLevel(column), exact, cll.ElseLevel().configure(label_for_charts="different")],
    )


def _address() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="address",
        comparison_description="address",
        comparison_levels=[
            cll.NullLevel("address"),
            cll.ExactMatchLevel("address").configure(tf_adjustment_column="address", label_for_charts="same"),
            cll.JaroWinklerLevel("address", 0.9).configure(label_for_charts="similar"),
            cll.ElseLevel().configure(label_for_charts="different"),
        ],
    )


def uk_children_model() -> ModelSpec:
    """The default model for young people's records held by English agencies."""
    return ModelSpec(
        name="uk_children",
        comparisons=[
            _first_name(), _surname(), _date_of_birth(), _postcode(), _address(),
            _exact("school", "school"), _exact("sex", "sex", tf=False),
        ],
        blocking_rules=[
            block_on("given_key", "family"),
            block_on("family", "dob"),
            block_on("given_key", "dob"),
            block_on("dob", "pc_district"),
            "l.given = r.family AND l.family = r.given",
            "l.dob_swapped = r.dob AND l.given_key = r.given_key",
            block_on("given_key", "postcode"),
            block_on("family", "address"),
            block_on("address", "dob_year"),
        ],
        training_rules=[block_on("dob"), block_on("given_key", "family")],
        deterministic_rules=[block_on("given", "family", "dob"), block_on("given_key", "dob", "postcode")],
    )


MODELS: dict[str, Callable[[], ModelSpec]] = {"uk_children": uk_children_model}
