"""The seam between the linker and its SQL engines. DuckDB is built in; Spark is imported lazily.

Each engine provides two hooks: make a Splink database API, and register a polars frame with it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import polars as pl

from contextsafe.errors import ContextsafeError
from contextsafe.link.settings import Engine


class EngineMissing(ContextsafeError):
    """An optional linkage engine is not installed."""


@contextmanager
def open_engine(engine: Engine, rows: int = 0, memory_limit_mb: int = 1536) -> Iterator[Any]:
    """A Splink database API for ``engine``, closed on exit (``rows``: input size, to tune Spark).

    DuckDB is bounded to ``memory_limit_mb`` and spills to a scratch folder beyond it: by default it would
    take 80% of the machine's memory, and blocking a borough's records makes tens of millions of pairs.
    """
    if engine == "duckdb":
        import duckdb
        from splink import DuckDBAPI

        with tempfile.TemporaryDirectory(prefix="contextsafe-link-") as scratch:
            con = duckdb.connect(config={"memory_limit": f"{memory_limit_mb}MB", "temp_directory": scratch,
                                         "preserve_insertion_order": False})
            api = DuckDBAPI(con)
            try:
                yield api
            finally:
                con.close()
    elif engine == "spark":
        with _spark_api(rows) as api:
            yield api
    else:
        raise ContextsafeError(f"link: unknown engine {engine!r}; use 'duckdb' or 'spark'")


def register(api: Any, frame: pl.DataFrame, name: str) -> Any:
    """Register ``frame`` as a Splink input table called ``name``."""
    if type(api).__name__ == "SparkAPI":
        # Through parquet: exact types (lists of strings included) and no driver-side pandas copy.
        path = f"{api.contextsafe_scratch}/{name}.parquet"
        frame.write_parquet(path)
        return api.register(api.spark.read.parquet(path), table_name=name)
    return api.register(frame.to_arrow(), table_name=name)


def fetch(api: Any, table: Any, wanted: Callable[[str], bool]) -> pl.DataFrame:
    """The columns of a Splink result table for which ``wanted(name)`` holds, as polars."""
    if type(api).__name__ == "SparkAPI":
        frame = table.as_spark_dataframe()
        return pl.from_pandas(frame.select([c for c in frame.columns if wanted(c)]).toPandas())
    relation = table.as_duckdbpyrelation()
    selected = relation.select(*[c for c in relation.columns if wanted(c)])
    return pl.from_arrow(selected.to_arrow_table())  # type: ignore[return-value]


@contextmanager
def _spark_api(rows: int) -> Iterator[Any]:
    try:
        from pyspark.sql import SparkSession
        from splink import SparkAPI
        from splink.backends.spark import similarity_jar_location
    except ImportError as err:
        raise EngineMissing(
            "link: the Spark engine needs pyspark; install it with: pip install contextsafe[spark]"
        ) from err
    with tempfile.TemporaryDirectory(prefix="contextsafe-spark-") as scratch:
        spark = (
            SparkSession.builder.master("local[*]").appName("contextsafe-link")
            .config("spark.jars", similarity_jar_location())
            .config("spark.sql.shuffle.partitions", "4" if rows < 200_000 else "32")
            .config("spark.default.parallelism", "4" if rows < 200_000 else "32")
            .config("spark.driver.memory", "6g")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.local.dir", scratch)
            .getOrCreate()
        )
        spark.sparkContext.setCheckpointDir(scratch)
        spark.sparkContext.setLogLevel("ERROR")
        # Small inputs: keep intermediate tables in memory; large ones: write them to parquet.
        lineage = "persist" if rows < 200_000 else "parquet"
        api = SparkAPI(spark_session=spark, break_lineage_method=lineage)
        api.contextsafe_scratch = scratch
        try:
            yield api
        finally:
            spark.stop()
