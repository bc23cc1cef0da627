"""A small synthetic borough (400 young people, seed 7) profiled once for the whole package."""

from __future__ import annotations

from pathlib import Path

import pytest

from contextsafe.profile import ProfileResult, build_profile
from contextsafe.store import Workspace


@pytest.fixture(scope="session")
def borough(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    from contextsafe.pipeline import build_demo

    return build_demo(tmp_path_factory.mktemp("profile") / "ws", "camden", 400, 7).workspace


@pytest.fixture(scope="session")
def profile_run(borough: Workspace, tmp_path_factory: pytest.TempPathFactory) -> ProfileResult:
    return build_profile(borough, "profiling", tmp_path_factory.mktemp("out") / "profile", pdf=False)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")
