"""Readable explanations of a link: which fields agreed, and how much each one contributed."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import polars as pl


@dataclass(frozen=True)
class Contribution:
    """One field's part in a pair's match weight (log2 of its Bayes factor, with term frequency)."""

    field: str
    level: str
    weight: float

    def __str__(self) -> str:
        return f"{self.field}: {self.level} ({self.weight:+.1f})"


@dataclass(frozen=True)
class PairExplanation:
    """Why two records were (or were not) linked."""

    left: tuple[str, str]
    right: tuple[str, str]
    compared: bool
    match_probability: float | None = None
    match_weight: float | None = None
    prior_weight: float | None = None
    contributions: tuple[Contribution, ...] = ()
    note: str = ""  # a link made without scoring (identical records), said in words

    def __str__(self) -> str:
        head = f"{self.left[0]}/{self.left[1]} ~ {self.right[0]}/{self.right[1]}"
        if not self.compared:
            return (f"{head}: no scored link (never compared, or match probability below the review band)")
        if self.note:
            return f"{head}: match probability {self.match_probability:.4f}, {self.note}"
        lines = [f"{head}: match probability {self.match_probability:.4f} (weight {self.match_weight:+.1f})"]
        lines += [f"  {c}" for c in self.contributions]
        lines.append(f"  starting odds of a random pair ({self.prior_weight:+.1f})")
        return "\n".join(lines)


# What each comparison is called in an explanation.
FIELD_NAMES = {
    "given": "first name", "family": "surname", "dob": "date of birth", "postcode": "postcode",
    "address": "address", "school": "school", "sex": "sex",
}


def level_labels(model: dict[str, Any]) -> dict[str, tuple[str, dict[int, str]]]:
    """For each comparison output column: its description and ``{comparison vector value: label}``."""
    labels = {}
    for comparison in model["comparisons"]:
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        values = {len(levels) - 1 - i: lv.get("label_for_charts", "") for i, lv in enumerate(levels)}
        values[-1] = "not recorded in both"
        name = comparison["output_column_name"]
        labels[name] = (FIELD_NAMES.get(name, name.replace("_", " ")), values)
    return labels


def prior_weight(model: dict[str, Any]) -> float:
    p = model["probability_two_random_records_match"]
    return math.log2(p / (1 - p))


def _weight_expr(name: str, columns: list[str]) -> pl.Expr:
    weight = pl.col(f"mw_{name}").fill_null(0.0)
    if f"mw_tf_adj_{name}" in columns:
        weight = weight + pl.col(f"mw_tf_adj_{name}").fill_null(0.0)
    return weight


def add_explanations(pairs: pl.DataFrame, model: dict[str, Any]) -> pl.DataFrame:
    """Add ``explanation``: one readable line per pair, e.g. ``first name same (+6.1); ...``."""
    if pairs.is_empty():
        return pairs.with_columns(pl.lit("", dtype=pl.String).alias("explanation"))
    parts = []
    for name, (description, values) in level_labels(model).items():
        weight = _weight_expr(name, pairs.columns).round(1)
        sign = pl.when(weight >= 0).then(pl.lit("+")).otherwise(pl.lit(""))
        label = pl.col(f"gamma_{name}").replace_strict(values, default="", return_dtype=pl.String)
        parts.append(pl.concat_str([pl.lit(f"{description} "), label, pl.lit(" ("), sign,
                                    weight.cast(pl.String), pl.lit(")")]))
    return pairs.with_columns(pl.concat_str(parts, separator="; ").alias("explanation"))


def explain_from_row(row: dict[str, Any], model: dict[str, Any]) -> PairExplanation:
    """Build a :class:`PairExplanation` from one row of pairwise predictions."""
    contributions = []
    for name, (description, values) in level_labels(model).items():
        weight = (row.get(f"mw_{name}") or 0.0) + (row.get(f"mw_tf_adj_{name}") or 0.0)
        level = values.get(int(row[f"gamma_{name}"]), "")
        contributions.append(Contribution(description, level, weight))
    return PairExplanation(
        left=(row["left_source"], row["left_record_id"]),
        right=(row["right_source"], row["right_record_id"]),
        compared=True,
        match_probability=row["match_probability"],
        match_weight=row["match_weight"],
        prior_weight=prior_weight(model),
        contributions=tuple(contributions),
    )
