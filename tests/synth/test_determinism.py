"""The same seed writes byte-identical files, whatever the interpreter's hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from contextsafe.synth import SynthSummary
from tests.synth.conftest import SEED, SMALL


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _generate(out: Path, seed: int) -> None:
    code = ("import sys; from pathlib import Path; from contextsafe.synth import generate_borough; "
            "generate_borough('camden', int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]))")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(SMALL), str(seed), str(out)], check=True, env=env)


def test_same_seed_gives_byte_identical_outputs(borough: SynthSummary, tmp_path: Path) -> None:
    _generate(tmp_path / "again", SEED)
    first, second = _files(borough.out), _files(tmp_path / "again")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_another_seed_gives_another_borough(borough: SynthSummary, tmp_path: Path) -> None:
    _generate(tmp_path / "other", SEED + 1)
    other = _files(tmp_path / "other")
    assert other["ground_truth/persons.csv"] != _files(borough.out)["ground_truth/persons.csv"]
