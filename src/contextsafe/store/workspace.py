"""A workspace is one folder: the store, the mappings, the outputs and the quarantine."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from contextsafe.errors import WorkspaceError
from contextsafe.store.schema import create_statements

STORE_FILE = "store.duckdb"


@dataclass(frozen=True)
class Workspace:
    """Paths of one workspace. Open the store with :meth:`connect`; one writer at a time."""

    root: Path

    @classmethod
    def create(cls, root: str | Path) -> Workspace:
        """Create the folder layout and the canonical tables (safe to call on an existing workspace)."""
        ws = cls(Path(root).resolve())
        for folder in (ws.root, ws.quarantine_dir, ws.mappings_dir, ws.outputs_dir):
            folder.mkdir(parents=True, exist_ok=True)
        with ws.connect() as con:
            for statement in create_statements():
                con.execute(statement)
        return ws

    @classmethod
    def open(cls, root: str | Path) -> Workspace:
        """Open an existing workspace, refusing a folder that is not one."""
        ws = cls(Path(root).resolve())
        if not ws.store_path.exists():
            raise WorkspaceError(f"{ws.root} is not a workspace (no {STORE_FILE}); run 'contextsafe init' first")
        return ws

    @property
    def store_path(self) -> Path:
        return self.root / STORE_FILE

    @property
    def quarantine_dir(self) -> Path:
        return self.root / "quarantine"

    @property
    def mappings_dir(self) -> Path:
        return self.root / "mappings"

    @property
    def outputs_dir(self) -> Path:
        return self.root / "outputs"

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the store, closed on exit."""
        con = duckdb.connect(str(self.store_path), read_only=read_only)
        try:
            yield con
        finally:
            con.close()
