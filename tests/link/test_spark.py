import polars as pl
import pytest

from contextsafe.link import link_records


def _clusters(result) -> set[frozenset[str]]:
    keyed = result.person_records.with_columns(pl.concat_str(["source", "record_id"], separator="/").alias("k"))
    return {frozenset(g) for g in keyed.group_by("person_id").agg("k")["k"].to_list()}


@pytest.mark.slow
def test_spark_gives_the_same_persons_as_duckdb(linked):
    pytest.importorskip("pyspark")
    records, on_duckdb = linked
    # Score with the model DuckDB trained, so the engines are compared on the same parameters.
    on_spark = link_records(records.drop("person"), engine="spark", model=on_duckdb.model)
    assert _clusters(on_spark) == _clusters(on_duckdb)
    assert on_spark.person_records["person_id"].sort().equals(on_duckdb.person_records["person_id"].sort())


@pytest.mark.slow
def test_spark_trains_its_own_model_to_nearly_the_same_persons(linked):
    pytest.importorskip("pyspark")
    records, on_duckdb = linked
    on_spark = link_records(records.drop("person"), engine="spark", seed=1)
    same = len(_clusters(on_spark) & _clusters(on_duckdb)) / len(_clusters(on_duckdb))
    assert same >= 0.98
