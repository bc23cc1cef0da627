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
def open_engine(engine: Engine) -> Iterator[Any]:
    """A Splink database API for ``engine``, closed on exit."""
    if engine == "duckdb":
        from splink import DuckDBAPI

        api = DuckDBAPI()
        try:
            yield api
        finally:
            api.duckdb_con.close()
    elif engine == "spark":
        with _spark_api() as api:
            yield api
    else:
        raise ContextsafeError(f"link: unknown engine {engine!r}; use 'duckdb' or 'spark'")


def register(api: Any, frame: pl.DataFrame, name: str) -> Any:
    """Register ``frame`` as a Splink input table called ``name``."""
    if type(api).__name__ == "SparkAPI":
        table = api.spark.createDataFrame(frame.to_pandas(use_pyarrow_extension_array=False))
        return api.register(table, table_name=name)
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
def _spark_api() -> Iterator[Any]:
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
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.default.parallelism", "8")
            .config("spark.driver.memory", "6g")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.local.dir", scratch)
            .getOrCreate()
        )
        spark.sparkContext.setCheckpointDir(scratch)
        spark.sparkContext.setLogLevel("ERROR")
        try:
            yield SparkAPI(spark_session=spark, break_lineage_method="parquet")
        finally:
            spark.stop()
