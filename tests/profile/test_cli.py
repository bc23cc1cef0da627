"""``contextsafe profile``: states its purpose, names excluded sources and says where to open the report."""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from contextsafe.cli import profile


def app() -> typer.Typer:
    cli = typer.Typer()
    profile.register(cli)
    cli.command("version")(lambda: None)  # a second command keeps 'profile' a subcommand
    return cli


def test_profile_command_writes_the_reports_and_says_where(borough, tmp_path):
    out = tmp_path / "run"
    result = CliRunner().invoke(app(), ["profile", "--workspace", str(borough.root), "--purpose", "profiling",
                                        "--out", str(out), "--no-pdf"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "excluded pgi_forms" in result.output and "profile.html" in result.output
    assert (out / "profile.html").exists() and (out / "profile_redacted.html").exists()


def test_an_unknown_purpose_is_refused(borough, tmp_path):
    result = CliRunner().invoke(app(), ["profile", "--workspace", str(borough.root), "--purpose", "marketing",
                                        "--out", str(tmp_path / "x")])
    assert result.exit_code != 0 and not (tmp_path / "x").exists()
