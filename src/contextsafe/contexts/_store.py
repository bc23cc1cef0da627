"""Reading the canonical store for contexts: which sources a purpose permits, and who each record is.

Every context reads through these helpers so that the purpose check and the record → person rule are
written once: a record the linker placed belongs to its person; a record without a ``person_records``
row counts as a person of its own (``unlinked:<source>/<record_id>``), as in ``contextsafe.overlap``.
"""

from __future__ import annotations

import duckdb
import polars as pl

from contextsafe.overlap import ExcludedSource
from contextsafe.overlap.membership import UNLINKED_PREFIX, split_sources
from contextsafe.vocab import Purpose

__all__ = ["PERSON_SQL", "ExcludedSource", "permitted_sources", "query"]

# SQL expression of the person of a row aliased ``x`` joined to ``person_records pr``.
PERSON_SQL = f"coalesce(pr.person_id, '{UNLINKED_PREFIX}' || x.source || '/' || x.record_id)"


def query(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object] | None = None) -> pl.DataFrame:
    """A query's result as a polars frame (``$name`` parameters)."""
    return con.sql(sql, params=params).pl() if params else con.sql(sql).pl()


def permitted_sources(con: duckdb.DuckDBPyConnection, purpose: Purpose) -> tuple[list[str], list[ExcludedSource]]:
    """Sources whose mapping permits ``purpose``, and the excluded ones with the reason (stated in outputs)."""
    return split_sources(con, purpose)
