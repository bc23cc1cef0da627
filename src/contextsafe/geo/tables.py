"""Point layers of the open data: postcode positions, schools and bus stops, as polars tables.

Each loader reads its file once per process (the synthetic generator, the geocoder and the report all
ask for the same borough many times) and returns the same cleaned frame; polars frames are immutable
so sharing the cached object is safe.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import polars as pl

from contextsafe.geo.files import borough_file

STACK_THRESHOLD = 20
"""A position shared by this many postcodes or more is a Royal Mail office, not a street (README §7)."""


def load_postcodes(borough: str) -> pl.DataFrame:
    """Live postcodes of ``borough`` with their OS Code-Point Open position.

    Columns: ``postcode`` (as published, ``'N16 5RP'``), ``postcode_key`` (upper case, no spaces, for
    joins), ``latitude``, ``longitude``, ``ward_2025`` (the ward code of the October 2025 release: for
    Camden and Islington these are the May 2022 wards, *not* those of ``wards_*.geojson``) and
    ``stacked`` (the position is shared by 20+ postcodes: PO boxes and large users; drop these before
    using postcode counts as a density).
    """
    return _postcodes(borough_file(borough, "postcodes"))


@lru_cache(maxsize=16)
def _postcodes(path: Path) -> pl.DataFrame:
    frame = pl.read_csv(path, schema_overrides={"postcode": pl.String, "ward": pl.String,
                                                "latitude": pl.Float64, "longitude": pl.Float64})
    shared = pl.len().over("latitude", "longitude")
    return frame.select(
        pl.col("postcode"),
        postcode_key=postcode_key(pl.col("postcode")),
        latitude=pl.col("latitude"),
        longitude=pl.col("longitude"),
        ward_2025=pl.col("ward"),
        stacked=shared >= STACK_THRESHOLD,
    )


def postcode_key(expr: pl.Expr) -> pl.Expr:
    """Upper case with every space removed: how postcodes are matched (``'n16 5rp'`` → ``'N165RP'``)."""
    return expr.str.to_uppercase().str.replace_all(r"\s+", "")


def load_schools(borough: str) -> pl.DataFrame:
    """Schools with a key stage 4 cohort (DfE 2023/24), placed at their postcode's position.

    Columns: ``urn`` (string), ``name``, ``establishment_type``, ``postcode``, ``latitude``,
    ``longitude`` (null where the address has no postcode: two Hackney schools) and ``pupils`` (all
    pupils on roll, ``t_allks_pupils``; null where the publisher wrote a suppression code such as
    ``z``, ``c`` or ``x``). Not a GIAS extract: no primary schools.
    """
    return _schools(borough_file(borough, "schools_ks4"))


@lru_cache(maxsize=16)
def _schools(path: Path) -> pl.DataFrame:
    frame = pl.read_csv(path, infer_schema=False)  # every column as text: codes such as 'z' stay visible
    return frame.select(
        urn=pl.col("school_urn").str.strip_chars(),
        name=pl.col("school_name").str.strip_chars(),
        establishment_type=pl.col("establishment_type_group"),
        postcode=_blank_to_null(pl.col("postcode")),
        latitude=_blank_to_null(pl.col("latitude")).cast(pl.Float64),
        longitude=_blank_to_null(pl.col("longitude")).cast(pl.Float64),
        pupils=pl.col("t_allks_pupils").str.strip_chars().cast(pl.Int64, strict=False),
    )


def load_bus_stops(borough: str) -> pl.DataFrame:
    """TfL bus stops inside ``borough`` (list of about 2021).

    Columns: ``stop_code`` (LBSL stop code), ``naptan_atco`` (whitespace stripped: some Hackney values
    carry a CR LF inside the quotes), ``name``, ``latitude``, ``longitude``.
    """
    return _bus_stops(borough_file(borough, "bus_stops"))


@lru_cache(maxsize=16)
def _bus_stops(path: Path) -> pl.DataFrame:
    frame = pl.read_csv(path, infer_schema=False)
    return frame.select(
        stop_code=pl.col("Stop_Code_LBSL").str.strip_chars(),
        naptan_atco=_blank_to_null(pl.col("Naptan_Atco")),
        name=pl.col("Stop_Name").str.strip_chars(),
        latitude=pl.col("latitude").cast(pl.Float64),
        longitude=pl.col("longitude").cast(pl.Float64),
    )


def _blank_to_null(expr: pl.Expr) -> pl.Expr:
    stripped = expr.str.strip_chars()
    return pl.when(stripped == "").then(None).otherwise(stripped)
