"""Fixtures every test package may use: an empty workspace, and a way to read its store."""

from __future__ import annotations

from pathlib import Path

import pytest

from contextsafe.store import Workspace


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    return Workspace.create(tmp_path / "ws")


def rows(ws: Workspace, sql: str) -> list[tuple]:
    """Rows of a query on the workspace store (read-only)."""
    with ws.connect(read_only=True) as con:
        return con.execute(sql).fetchall()
