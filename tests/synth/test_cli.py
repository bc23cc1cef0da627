from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from contextsafe.cli.synth import register


def test_synth_command_writes_a_borough(tmp_path: Path) -> None:
    app = typer.Typer()
    register(app)

    @app.command("noop")
    def _noop() -> None:  # a second command keeps typer in multi-command mode
        """Nothing."""

    result = CliRunner().invoke(app, ["synth", "--young-people", "200", "--seed", "3", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ground_truth" / "record_person.csv").exists()
    assert len(list((tmp_path / "mappings").glob("*.yaml"))) == len(list((tmp_path / "exports").iterdir()))
