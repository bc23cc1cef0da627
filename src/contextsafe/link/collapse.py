"""Score each distinct identity once: records identical in every compared field share one representative.

An agency repeats a young person's details on every event it records, so a borough's records hold the same
identity many times (64,598 records were 22,993 distinct identities in a 5,000-person synthetic borough).
Scoring every copy against every other costs pairs that grow with the square of a person's records and
tells nothing new: two records identical in name, date of birth, address, postcode, school and sex would
be linked by any model. Only records with a first name, a surname and a date of birth are collapsed (two
records holding a name alone may be different children), and never a record an analyst has decided on
(a reject between identical records must be able to keep them apart).
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

KEY_EXCLUDED = ("uid", "source", "record_id")
REQUIRED = ("given", "family", "dob")


def identity_columns(features: pl.DataFrame, link_type: str) -> list[str]:
    """The columns that make two records the same identity (the source too, when linking across sources)."""
    columns = [c for c in features.columns if c not in KEY_EXCLUDED]
    return ["source", *columns] if link_type == "link_only" else columns


def collapse(features: pl.DataFrame, link_type: str = "dedupe_only",
             protected: Iterable[str] = ()) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``(representatives, members)``: the features to score (one row per distinct identity) and
    ``members`` mapping every ``uid`` to its representative ``rep`` (itself when not collapsed)."""
    protected_uids = pl.Series("uid", list(protected), dtype=pl.String)
    eligible = pl.all_horizontal([pl.col(c).is_not_null() for c in REQUIRED if c in features.columns])
    eligible = eligible & ~pl.col("uid").is_in(protected_uids.implode())
    key = identity_columns(features, link_type)
    # Grouped on the values themselves (lists included; nulls equal), never on a hash that could collide.
    tagged = features.with_columns(eligible.alias("_eligible"))
    grouped = (tagged.filter(pl.col("_eligible"))
               .group_by(key).agg(pl.col("uid").min().alias("rep"), pl.col("uid").alias("uid"))
               .explode("uid").select("uid", "rep"))
    singles = tagged.filter(~pl.col("_eligible")).select("uid", pl.col("uid").alias("rep"))
    members = pl.concat([grouped, singles]).sort("uid")
    reps = features.join(members.filter(pl.col("uid") == pl.col("rep")).select("uid"), on="uid", how="semi")
    return reps, members
