"""Turn canonical records into the normalised features the linkage model compares.

Everything here is engine-independent (polars), so DuckDB and Spark compare exactly the same values.
"""

from __future__ import annotations

import polars as pl

from contextsafe.errors import ContextsafeError
from contextsafe.link.nicknames import name_groups

RECORD_COLUMNS = (
    "source", "record_id", "given_name", "family_name", "other_names", "date_of_birth",
    "sex", "postcode", "address", "school",
)
UID_SEPARATOR = "|"

_ADDRESS_WORDS = {
    r"\brd\b": "road", r"\bst\b": "street", r"\bave?\b": "avenue", r"\bln\b": "lane",
    r"\bct\b": "court", r"\bho\b": "house", r"\bgdns\b": "gardens", r"\bsq\b": "square",
    r"\best\b": "estate", r"\bcl\b": "close", r"\bpl\b": "place", r"\bter+\b": "terrace",
}


def to_polars(records: object) -> pl.DataFrame:
    """Accept a pandas or polars frame of canonical records and check the columns linkage needs."""
    frame = records if isinstance(records, pl.DataFrame) else pl.from_pandas(records)  # type: ignore[arg-type]
    missing = [c for c in ("source", "record_id") if c not in frame.columns]
    if missing:
        raise ContextsafeError(f"link: records lack column(s) {missing}; pass rows of the 'records' table")
    for column in RECORD_COLUMNS:
        if column not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(column))
    return frame


def _clean(expr: pl.Expr) -> pl.Expr:
    """Lower case, letters, digits, hyphens and single spaces only; empty becomes null."""
    text = (
        expr.cast(pl.String).str.to_lowercase()
        .str.replace_all(r"['’`.]", "")
        .str.replace_all(r"[^a-z0-9\- ]", " ")
        .str.replace_all(r"\s*-\s*", "-")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars(" -")
    )
    return pl.when(text == "").then(None).otherwise(text)


def _dob(expr: pl.Expr) -> pl.Expr:
    return expr.cast(pl.String).str.slice(0, 10).str.replace_all("/", "-")


def _postcode_parts(frame: pl.DataFrame) -> pl.DataFrame:
    compact = pl.col("postcode").cast(pl.String).str.to_uppercase().str.replace_all(r"[^A-Z0-9]", "")
    frame = frame.with_columns(compact.alias("_pc"))
    full = pl.col("_pc").str.len_chars().is_between(5, 7)
    outward = pl.when(full).then(pl.col("_pc").str.slice(0, pl.col("_pc").str.len_chars() - 3))
    outward = outward.when(pl.col("_pc").str.len_chars().is_between(2, 4)).then(pl.col("_pc"))
    inward = pl.when(full).then(pl.col("_pc").str.slice(-3))
    return frame.with_columns(
        pl.when(full).then(outward + " " + inward).alias("postcode"),
        (outward + " " + inward.str.slice(0, 1)).alias("pc_sector"),
        outward.alias("pc_district"),
    ).drop("_pc")


def _address(expr: pl.Expr) -> pl.Expr:
    text = _clean(expr)
    for pattern, word in _ADDRESS_WORDS.items():
        text = text.str.replace_all(pattern, word)
    return text


def _given_groups(frame: pl.DataFrame) -> pl.DataFrame:
    groups = name_groups()
    names = frame.get_column("given").drop_nulls().unique().to_list()
    lookup = pl.DataFrame(
        {"given": names, "given_groups": [list(groups.get(n, (n,))) for n in names]},
        schema={"given": pl.String, "given_groups": pl.List(pl.String)},
    )
    frame = frame.join(lookup, on="given", how="left")
    # The blocking key: the formal name when a diminutive has only one, else the name itself.
    key = pl.when(pl.col("given_groups").list.len() == 1).then(pl.col("given_groups").list.first())
    return frame.with_columns(key.otherwise(pl.col("given")).alias("given_key"))


def prepare(records: object) -> pl.DataFrame:
    """Features for linkage, one row per record, keyed by ``uid`` (``source|record_id``)."""
    frame = to_polars(records).select(list(RECORD_COLUMNS))
    given_full = _clean(pl.col("given_name"))
    other = pl.concat_str(
        [given_full.str.split(" ").list.slice(1).list.join(" "), _clean(pl.col("other_names"))],
        separator=" ", ignore_nulls=True,
    ).str.strip_chars()
    dob = _dob(pl.col("date_of_birth"))
    day, month = dob.str.slice(8, 2), dob.str.slice(5, 2)
    swapped = pl.when((day != month) & (day.cast(pl.Int32, strict=False) <= 12)).then(
        dob.str.slice(0, 5) + day + "-" + month
    )
    sex = pl.col("sex").cast(pl.String).str.to_lowercase().str.slice(0, 1)
    frame = frame.with_columns(
        (pl.col("source").cast(pl.String) + UID_SEPARATOR + pl.col("record_id").cast(pl.String)).alias("uid"),
        given_full.str.split(" ").list.first().alias("given"),
        pl.when(other == "").then(None).otherwise(other).alias("other_names"),
        _clean(pl.col("family_name")).alias("family"),
        dob.alias("dob"),
        swapped.alias("dob_swapped"),
        dob.str.slice(0, 4).alias("dob_year"),
        pl.when(sex.is_in(["m", "f"])).then(sex).alias("sex"),
        _address(pl.col("address")).alias("address"),
        _clean(pl.col("school")).str.replace_all(r"\b(the|school)\b", "").str.strip_chars().alias("school"),
    )
    frame = frame.with_columns(
        pl.col("other_names").str.split(" ").list.first().alias("other_first"),
        pl.col("family").str.split("-").alias("family_parts"),
        pl.when(pl.col("school") == "").then(None).otherwise(pl.col("school")).alias("school"),
    )
    frame = _given_groups(_postcode_parts(frame))
    return frame.select(
        "uid", "source", "record_id", "given", "given_key", "given_groups", "other_names", "other_first",
        "family", "family_parts", "dob", "dob_swapped", "dob_year", "sex", "postcode", "pc_sector",
        "pc_district", "address", "school",
    )
