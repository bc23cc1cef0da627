import typer
from typer.testing import CliRunner

from contextsafe.cli.link import register
from contextsafe.link import decisions


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """test root"""

    register(app)
    return app


def test_link_run_decide_and_explain_from_the_command_line(workspace):
    runner = CliRunner()
    app = _app()
    ran = runner.invoke(app, ["link", "run", "--workspace", str(workspace.root)])
    assert ran.exit_code == 0, ran.output
    assert "persons" in ran.output
    decided = runner.invoke(app, ["link", "decide", "social_care/N1", "police/N2", "reject",
                                  "--workspace", str(workspace.root), "--by", "analyst.d", "--reason", "test"])
    assert decided.exit_code == 0, decided.output
    assert decisions(workspace)["decided_by"].to_list() == ["analyst.d"]
    explained = runner.invoke(app, ["link", "explain", "social_care/N1", "police/N2",
                                    "--workspace", str(workspace.root)])
    assert "nickname or diminutive" in explained.output
    listed = runner.invoke(app, ["link", "review", "--workspace", str(workspace.root)])
    assert listed.exit_code == 0 and "Review queue" in listed.output


def test_a_record_must_be_named_source_slash_id(workspace):
    result = CliRunner().invoke(_app(), ["link", "decide", "N1", "police/N2", "accept",
                                         "--workspace", str(workspace.root), "--by", "x"])
    assert result.exit_code != 0
