"""``contextsafe web serve`` and ``contextsafe retention``: the web application and retention enforcement."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

console = Console()
WORKSPACE = typer.Option(..., "--workspace", "-w", help="The analysis workspace folder")
DATABASE = typer.Option(None, help="postgresql://user:pass@host/db, or a SQLite file (default: beside the workspace)")


def register(app: typer.Typer) -> None:
    web = typer.Typer(help="The secure multi-agency web application.", no_args_is_help=True)
    app.add_typer(web, name="web")

    @web.command("serve")
    def serve(workspace: Path = WORKSPACE, host: str = typer.Option("127.0.0.1"), port: int = typer.Option(8000),
              database: str | None = DATABASE,
              server: str = typer.Option("django", help="django (one threaded process) or gunicorn (processes)"),
              workers: int | None = typer.Option(None, help="gunicorn worker processes (default 2 x cores + 1)"),
              threads: int = typer.Option(4, help="gunicorn threads per worker")) -> None:
        """Migrate, create one demo account per role (printed with TOTP secrets) and serve on loopback."""
        from contextsafe import web as webapp

        if host not in ("127.0.0.1", "localhost", "::1"):
            raise typer.BadParameter("the demo serves on loopback only", param_hint="--host")
        if server not in ("django", "gunicorn"):
            raise typer.BadParameter("django or gunicorn", param_hint="--server")
        webapp.configure(workspace, database)
        typer.echo(accounts_text(webapp.prepare()))
        typer.echo(f"Serving on http://{host}:{port}/  (Ctrl+C to stop)")
        webapp.run(host, port, server=server, workers=workers, threads=threads)

    @app.command("retention")
    def retention(workspace: Path = WORKSPACE, delete: bool = typer.Option(False, help="Delete what is listed"),
                  database: str | None = DATABASE) -> None:
        """List (and with --delete, delete) what is past its source's retention, including derived outputs."""
        from contextsafe import web as webapp

        webapp.configure(workspace, database)
        webapp.prepare(demo_accounts=False)
        from contextsafe.store import Workspace
        from contextsafe.web.retention.expiry import due
        from contextsafe.web.retention.logged import delete_and_log

        ws = Workspace.open(workspace)
        items = delete_and_log(ws) if delete else due(ws)
        console.print(due_table(items, deleted=delete))


def accounts_text(accounts: list) -> str:
    """The demo accounts, one a line and never cut short (a truncated secret is no use)."""
    width = max(len(a.username) for a in accounts)
    lines = ["Demo accounts (add the TOTP secret to an authenticator app; passwords change at every start):",
             f"  {'username'.ljust(width)}  password                     TOTP secret                       role"]
    lines += [f"  {a.username.ljust(width)}  {a.password}  {a.totp_secret}  {a.role} ({a.organisation})"
              for a in accounts]
    return "\n".join(lines)


def due_table(items: list, deleted: bool) -> Table:
    table = Table("what", "source or file", "rows", "retention days",
                  title="Deleted (logged)" if deleted else "Past retention (run with --delete to delete)")
    for i in items:
        table.add_row(i.what, i.source, f"{i.count:,}", str(i.retention_days))
    return table
