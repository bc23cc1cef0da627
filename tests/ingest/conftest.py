from __future__ import annotations

from pathlib import Path

import pytest

from contextsafe.store import Workspace


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    return Workspace.create(tmp_path / "ws")


def table(ws: Workspace, sql: str) -> list[tuple]:
    with ws.connect(read_only=True) as con:
        return con.execute(sql).fetchall()
