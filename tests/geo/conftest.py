from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from contextsafe.geo import open_data_dir


@pytest.fixture
def open_data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the open data folder, made the active one through the environment."""
    copy = tmp_path / "data"
    shutil.copytree(open_data_dir(), copy)
    for path in copy.iterdir():
        path.chmod(0o644)
    monkeypatch.setenv("CONTEXTSAFE_OPEN_DATA", str(copy))
    return copy
