"""Linkage in a workspace: read ``records``, write ``person_records``, the pairs, the review queue,
the CSV outputs and the trained model; keep analysts' decisions and re-apply them on every run."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import duckdb
import polars as pl

from contextsafe.errors import ContextsafeError
from contextsafe.link.run import PAIR_KEYS, PERSON_COLUMNS, LinkResult, link_records
from contextsafe.link.settings import Engine, LinkSettings
from contextsafe.store import Workspace

MODEL_FILE = "model.json"
SETTINGS_FILE = "link_settings.json"
PERSON_RECORDS_CSV = "person_records.csv"
PAIRS_CSV = "pairs.csv"
REVIEW_CSV = "review_queue.csv"
RECORD_COLUMNS = ["source", "record_id", "given_name", "family_name", "other_names", "date_of_birth",
                  "sex", "postcode", "address", "school"]

LINK_TABLES = {
    "link_decisions": """
        left_source VARCHAR NOT NULL, left_record_id VARCHAR NOT NULL,
        right_source VARCHAR NOT NULL, right_record_id VARCHAR NOT NULL,
        decision VARCHAR NOT NULL CHECK (decision IN ('accept', 'reject')),
        decided_by VARCHAR NOT NULL, decided_at TIMESTAMP NOT NULL, reason VARCHAR""",
    "link_pairs": """
        left_source VARCHAR, left_record_id VARCHAR, right_source VARCHAR, right_record_id VARCHAR,
        match_weight DOUBLE, match_probability DOUBLE, status VARCHAR, joins_person BOOLEAN,
        explanation VARCHAR""",
    "link_review_queue": """
        left_source VARCHAR, left_record_id VARCHAR, right_source VARCHAR, right_record_id VARCHAR,
        match_weight DOUBLE, match_probability DOUBLE, explanation VARCHAR""",
}

Decision = Literal["accept", "reject"]


class DecisionError(ContextsafeError):
    """A review decision names records that are not in the store, or is malformed."""


def links_dir(workspace: Workspace) -> Path:
    """``<workspace>/outputs/links``: where a linkage run writes its files."""
    return workspace.outputs_dir / "links"


def ensure_link_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the linkage tables (decisions, pairs, review queue) if they are missing."""
    for name, ddl in LINK_TABLES.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({ddl})")


def _frame(con: duckdb.DuckDBPyConnection, sql: str) -> pl.DataFrame:
    return pl.from_arrow(con.sql(sql).to_arrow_table())  # type: ignore[return-value]


def decisions(workspace: Workspace) -> pl.DataFrame:
    """Every review decision ever made, oldest first (the latest per pair is the one applied)."""
    with workspace.connect() as con:
        ensure_link_tables(con)
        return _frame(con, "SELECT * FROM link_decisions ORDER BY decided_at")


def review_queue(workspace: Workspace) -> pl.DataFrame:
    """The pairs waiting for an analyst, most probable first, each with its explanation."""
    with workspace.connect() as con:
        ensure_link_tables(con)
        return _frame(con, "SELECT * FROM link_review_queue ORDER BY match_probability DESC")


def record_decision(
    workspace: Workspace,
    left: tuple[str, str],
    right: tuple[str, str],
    decision: Decision,
    *,
    decided_by: str,
    reason: str = "",
) -> None:
    """Keep an analyst's decision on a pair; it is re-applied on every later run.

    ``accept`` forces the two records into one person; ``reject`` keeps them apart, even through
    a third record. The pair leaves the review queue at once.
    """
    if decision not in ("accept", "reject"):
        raise DecisionError(f"link review: decision must be 'accept' or 'reject', not {decision!r}")
    if not decided_by.strip():
        raise DecisionError("link review: say who decided (decided_by)")
    with workspace.connect() as con:
        ensure_link_tables(con)
        for source, record_id in (left, right):
            found = con.execute("SELECT count(*) FROM records WHERE source = ? AND record_id = ?",
                                [source, record_id]).fetchone()
            if not found or not found[0]:
                raise DecisionError(f"link review: no record {record_id!r} in source {source!r}")
        con.execute("INSERT INTO link_decisions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [*left, *right, decision, decided_by, datetime.now(UTC).replace(tzinfo=None), reason])
        con.execute(
            "DELETE FROM link_review_queue WHERE (left_source = ? AND left_record_id = ? "
            "AND right_source = ? AND right_record_id = ?) OR (left_source = ? AND left_record_id = ? "
            "AND right_source = ? AND right_record_id = ?)", [*left, *right, *right, *left])


def _replace(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame, columns: list[str]) -> None:
    con.register("_incoming", frame.select(columns).to_arrow())
    try:
        con.execute(f"DELETE FROM {table}")
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM _incoming")
    finally:
        con.unregister("_incoming")


def _write_files(workspace: Workspace, result: LinkResult, seed: int, engine: Engine) -> None:
    folder = links_dir(workspace)
    folder.mkdir(parents=True, exist_ok=True)
    result.person_records.write_csv(folder / PERSON_RECORDS_CSV)
    # The links that make up each person, and every pair a person decided or must decide on; the
    # full list of scored pairs (transitively linked ones included) stays in table link_pairs.
    pair_columns = [*PAIR_KEYS, "match_probability", "status", "explanation"]
    kept = result.pairs.filter(pl.col("joins_person") | ~pl.col("status").is_in(["linked", "not linked"]))
    kept.select(pair_columns).sort("match_probability", descending=True).write_csv(folder / PAIRS_CSV)
    result.review_queue.write_csv(folder / REVIEW_CSV)
    (folder / MODEL_FILE).write_text(json.dumps(result.model, indent=2), encoding="utf-8")
    run = {"settings": result.settings.model_dump(), "seed": seed, "engine": engine}
    (folder / SETTINGS_FILE).write_text(json.dumps(run, indent=2), encoding="utf-8")


def saved_model(workspace: Workspace) -> dict[str, Any] | None:
    """The model a previous run saved in the workspace, if any."""
    path = links_dir(workspace) / MODEL_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def link_workspace(
    workspace: Workspace,
    *,
    engine: Engine = "duckdb",
    settings: LinkSettings | None = None,
    seed: int = 1,
    reuse_model: bool = False,
) -> LinkResult:
    """Link every record in the workspace store into persons and write the results.

    Writes table ``person_records`` and ``outputs/links/person_records.csv`` (source, record_id,
    person_id, match_probability), the scored pairs (all in table ``link_pairs``; in ``pairs.csv``
    the links joining each person's records and the decided or queued pairs), the review queue
    (``link_review_queue``, ``review_queue.csv``) and the trained model (``model.json``) with the
    settings used. ``reuse_model`` scores with the saved model instead of training a new one.
    """
    with workspace.connect(read_only=False) as con:
        ensure_link_tables(con)
        records = _frame(con, f"SELECT {', '.join(RECORD_COLUMNS)} FROM records ORDER BY source, record_id")
        known = _frame(con, "SELECT * FROM link_decisions ORDER BY decided_at")
    if records.is_empty():
        raise ContextsafeError(f"link: no records in {workspace.store_path}; ingest sources first")
    model = saved_model(workspace) if reuse_model else None
    result = link_records(records, engine=engine, settings=settings, decisions=known, seed=seed, model=model)
    with workspace.connect() as con:
        for derived in ("link_pairs", "link_review_queue"):  # rebuilt by every run, schema included
            con.execute(f"DROP TABLE IF EXISTS {derived}")
        ensure_link_tables(con)
        _replace(con, "person_records", result.person_records, PERSON_COLUMNS)
        _replace(con, "link_pairs", result.pairs, [*PAIR_KEYS, "match_weight", "match_probability", "status",
                                                   "joins_person", "explanation"])
        _replace(con, "link_review_queue", result.review_queue, list(result.review_queue.columns))
    _write_files(workspace, result, seed, engine)
    return result


def pair_explanation(workspace: Workspace, left: tuple[str, str], right: tuple[str, str]) -> str:
    """The explanation the last run stored for a pair, or why there is none."""
    with workspace.connect() as con:
        ensure_link_tables(con)
        row = con.execute(
            "SELECT match_probability, status, explanation FROM link_pairs WHERE (left_source = ? AND "
            "left_record_id = ? AND right_source = ? AND right_record_id = ?) OR (left_source = ? AND "
            "left_record_id = ? AND right_source = ? AND right_record_id = ?)", [*left, *right, *right, *left],
        ).fetchone()
    head = f"{left[0]}/{left[1]} ~ {right[0]}/{right[1]}"
    if row is None:
        return f"{head}: no scored link (never compared, or match probability below the review band)"
    if row[2] is None:
        return (f"{head}: {row[1]}, match probability {row[0]:.4f}\n  joined through other records; the links that "
                "join the person are explained in pairs.csv")
    parts = "\n  ".join(row[2].split("; "))
    return f"{head}: {row[1]}, match probability {row[0]:.4f}\n  {parts}"
