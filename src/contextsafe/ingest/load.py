"""Load an export into the workspace: all of it or none of it, and never the same file twice.

The whole ingest is one DuckDB transaction. Rows go to staging tables chunk by chunk; at the end,
rows of earlier ingests with the same natural keys are replaced (a monthly export that repeats last
month's rows updates them, it does not duplicate them) and the transaction commits. An ingest
interrupted anywhere before the commit leaves the store as it was, and its quarantine file, written
to a temporary name, is removed.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from contextsafe.checksums import file_sha256
from contextsafe.exports.safe import safe_frame
from contextsafe.ingest.reading import open_export
from contextsafe.ingest.transform import ROW, Problem, Transformer
from contextsafe.sources import LoadedMapping
from contextsafe.store import INGESTED, Workspace, columns, natural_key

Progress = Callable[[int, int], None]  # (rows done, bytes total or 0)


@dataclass
class IngestReport:
    """What one ingest did. ``rows_in == accepted + quarantined`` always holds."""

    source: str
    file: str
    ingest_id: str
    rows_in: int = 0
    accepted: int = 0
    quarantined: int = 0
    blank_rows: int = 0
    skipped: bool = False  # the same file was already ingested with the same mapping
    quarantine_file: str | None = None
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    encoding: str = ""
    header_row: int = 0

    @property
    def reconciles(self) -> bool:
        return self.rows_in == self.accepted + self.quarantined


def ingest_file(workspace: Workspace, loaded: LoadedMapping, path: str | Path | None = None, *,
                progress: Progress | None = None, today: dt.date | None = None) -> IngestReport:
    """Validate an export against its mapping and load its good rows into the workspace store.

    Bad rows go to ``quarantine/<source>/<ingest id>.csv`` with the rule and reason for each.
    Re-ingesting a file already loaded with the same mapping changes nothing and says so.
    """
    started = time.perf_counter()
    source_path = Path(path) if path is not None else loaded.default_file()
    if source_path is None:
        from contextsafe.errors import InputFileError

        raise InputFileError(str(loaded.path), "no file given and the mapping names none (set 'file:')")
    mapping = loaded.mapping
    digest = file_sha256(source_path)
    with workspace.connect() as con:
        previous = _previous(con, mapping.source, digest, loaded.sha256)
        if previous is not None:
            return _skipped(previous, source_path, started, workspace.quarantine_dir / mapping.source)
        ingest_id = f"{mapping.source}-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
        report = IngestReport(mapping.source, str(source_path), ingest_id)
        opened = open_export(source_path, mapping.format, mapping.columns())
        report.encoding, report.header_row = opened.encoding, opened.header_row
        transformer = Transformer(loaded, opened.header, ingest_id, mapping.format.type == "xlsx", today)
        pending = workspace.quarantine_dir / mapping.source / f".{ingest_id}.csv.partial"
        final = pending.with_name(f"{ingest_id}.csv")
        con.begin()
        try:
            _stage_tables(con)
            _register_source(con, loaded)
            quarantined: list[pl.DataFrame] = []
            for chunk in opened.chunks:
                result = transformer.apply(chunk)
                for name, frame in result.tables.items():
                    _append(con, name, frame)
                report.accepted += result.accepted
                report.quarantined += result.quarantine.height
                report.blank_rows += result.blank_rows
                report.problems += result.problems[: max(0, 500 - len(report.problems))]
                if result.quarantine.height:
                    quarantined.append(result.quarantine)
                if progress:
                    progress(report.accepted + report.quarantined, 0)
            report.rows_in = report.accepted + report.quarantined
            if quarantined:
                _write_quarantine(pending, quarantined, source_path)
                report.quarantine_file = str(final)
            _merge(con)
            _record_ingest(con, report, digest, loaded.sha256, started)
            con.commit()
        except BaseException:
            con.rollback()
            pending.unlink(missing_ok=True)
            raise
    if report.quarantine_file:
        pending.rename(final)
    report.seconds = time.perf_counter() - started
    return report


def _previous(con: duckdb.DuckDBPyConnection, source: str, digest: str, mapping_sha: str) -> tuple | None:
    return con.execute(
        "SELECT ingest_id, rows_in, accepted, quarantined, blank_rows, quarantine_file FROM ingests "
        "WHERE source = ? AND file_sha256 = ? AND mapping_sha256 = ? ORDER BY finished_at DESC LIMIT 1",
        [source, digest, mapping_sha]).fetchone()


def _skipped(previous: tuple, path: Path, started: float, quarantine: Path) -> IngestReport:
    ingest_id, rows_in, accepted, quarantined, blank, qfile = previous
    return IngestReport(quarantine.name, str(path), ingest_id, rows_in, accepted, quarantined, blank, True,
                        str(quarantine / qfile) if qfile else None, seconds=time.perf_counter() - started)


def _stage_tables(con: duckdb.DuckDBPyConnection) -> None:
    for name in INGESTED:
        con.execute(f"CREATE OR REPLACE TEMP TABLE stage_{name} AS SELECT * FROM {name} LIMIT 0")


def _append(con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame) -> None:
    if frame.height == 0:
        return
    arrow = frame.select(columns(name)).to_arrow()  # noqa: F841 - read by DuckDB's replacement scan
    con.execute(f"INSERT INTO stage_{name} SELECT * FROM arrow")


def _merge(con: duckdb.DuckDBPyConnection) -> None:
    """Replace rows with the same natural keys, then insert the staged rows (one per key)."""
    for name in INGESTED:
        key = natural_key(name)
        match = " AND ".join(f"t.{k} IS NOT DISTINCT FROM s.{k}" for k in key)
        con.execute(f"DELETE FROM {name} t USING (SELECT DISTINCT {', '.join(key)} FROM stage_{name}) s "
                    f"WHERE {match}")
        if name in ("records", "events"):
            order = "row_number DESC"
            con.execute(f"INSERT INTO {name} SELECT * FROM stage_{name} "
                        f"QUALIFY row_number() OVER (PARTITION BY {', '.join(key)} ORDER BY {order}) = 1")
        else:
            con.execute(f"INSERT INTO {name} SELECT DISTINCT * FROM stage_{name}")
        con.execute(f"DROP TABLE stage_{name}")


def _register_source(con: duckdb.DuckDBPyConnection, loaded: LoadedMapping) -> None:
    m = loaded.mapping
    con.execute("DELETE FROM sources WHERE source = ?", [m.source])
    con.execute("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        m.source, m.agency, m.description, m.legal_basis, m.information_sharing_agreement,
        [p.value for p in m.permitted_purposes], m.retention, m.retention_days, loaded.sha256, loaded.text,
        dt.datetime.now(dt.UTC).replace(tzinfo=None)])


def _record_ingest(con: duckdb.DuckDBPyConnection, report: IngestReport, digest: str, mapping_sha: str,
                   started: float) -> None:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    began = now - dt.timedelta(seconds=time.perf_counter() - started)
    con.execute("INSERT INTO ingests VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        report.ingest_id, report.source, Path(report.file).name, digest, mapping_sha, report.rows_in,
        report.accepted, report.quarantined, report.blank_rows, report.quarantine_file and
        str(Path(report.quarantine_file).name), began, now])


def _write_quarantine(path: Path, parts: list[pl.DataFrame], source_path: Path) -> None:
    frame = pl.concat(parts, how="diagonal_relaxed").rename({ROW: "row"})
    frame = frame.with_columns(pl.lit(source_path.name).alias("file")).select(
        ["file", "row", *[c for c in frame.columns if c not in ("file", "row")]])
    path.parent.mkdir(parents=True, exist_ok=True)
    safe_frame(frame.with_columns(pl.col("row").cast(pl.String))).write_csv(path, include_bom=True)
