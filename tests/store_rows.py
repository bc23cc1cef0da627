"""A tiny writer of canonical rows for hand-made test stores (shared by the test packages).

Every insert fills the NOT NULL bookkeeping columns, so a test states only the rows whose answer it knows.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from contextsafe.store import Workspace


class StoreWriter:
    """Opens the workspace store for writing; subclasses add the row builders their tests need."""

    def __init__(self, ws: Workspace):
        self.ws = ws
        self.con = duckdb.connect(str(ws.store_path))
        self._row = 0

    def source(self, source: str, purposes: tuple[str, ...] = ("profiling", "assessment")) -> None:
        self.con.execute(
            "INSERT INTO sources (source, agency, legal_basis, information_sharing_agreement, permitted_purposes,"
            " retention, retention_days, mapping_sha256, mapping_yaml, registered_at)"
            " VALUES (?, 'agency', 'basis', 'ISA-1', ?, 'P6Y', 2190, 'x', 'x', ?)",
            [source, list(purposes), dt.datetime(2026, 1, 1)])

    def flag(self, source: str, concern: str, *, record_id: str | None = None, event_id: str | None = None) -> None:
        self.con.execute("INSERT INTO concern_flags VALUES (?, ?, ?, ?, 'CODE')",
                         [source, record_id, event_id, concern])

    def close(self) -> Workspace:
        self.con.close()
        return self.ws
