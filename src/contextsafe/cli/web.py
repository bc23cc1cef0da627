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
              threads: int = typer.Option(4, help="gunicorn threads per worker"),
              as_of: str = typer.Option("", help="Judge reviews and retention as of this ISO date, or 'latest' "
                                                 "(the store's last data date) — for a demonstration")) -> None:
        """Migrate, create one demo account per role (printed with TOTP secrets) and serve on loopback."""
        from contextsafe import web as webapp

        if host not in ("127.0.0.1", "localhost", "::1"):
            raise typer.BadParameter("the demo serves on loopback only", param_hint="--host")
        if server not in ("django", "gunicorn"):
            raise typer.BadParameter("django or gunicorn", param_hint="--server")
        _as_of(workspace, as_of)
        webapp.configure(workspace, database)
        typer.echo(accounts_text(webapp.prepare()))
        typer.echo(f"Serving on http://{host}:{port}/  (Ctrl+C to stop)")
        webapp.run(host, port, server=server, workers=workers, threads=threads)

    @app.command("retention")
    def retention(workspace: Path = WORKSPACE, delete: bool = typer.Option(False, help="Delete what is listed"),
                  database: str | None = DATABASE) -> None:
        """List (and with --delete, delete) what is past its source's retention, including derived outputs and
        lapsed memberships, and casework listings past their review date (taken off with --delete)."""
        from contextsafe import web as webapp

        webapp.configure(workspace, database)
        webapp.prepare(demo_accounts=False)
        from contextsafe.store import Workspace
        from contextsafe.web import store
        from contextsafe.web.retention import reviews
        from contextsafe.web.retention.expiry import due
        from contextsafe.web.retention.logged import delete_and_log, unlist_and_log

        ws = Workspace.open(workspace)
        today = store.today()
        if delete:
            items, listings = delete_and_log(ws, today=today), unlist_and_log(today)
        else:
            items = due(ws, today)
            listings = [{"pk": d.pk, "kind": d.kind, "organisation": d.organisation.name, "review_on": d.review_on,
                         "named": "; ".join(filter(None, [d.person_id, d.context_key]))}
                        for d in reviews.lapsed(today)]
        console.print(due_table(items, deleted=delete))
        console.print(listings_table(listings, deleted=delete))
        undated = reviews.undated(today).count()
        if undated:
            console.print(f"{undated} casework listing(s) name a young person or context with no review date "
                          "(not removed: their owners should set one).")


def _as_of(workspace: Path, value: str) -> None:
    """Set ``CONTEXTSAFE_AS_OF`` for the served application (workers inherit it) and say so."""
    import datetime as dt
    import os

    from contextsafe.store import Workspace
    from contextsafe.web.retention.expiry import AS_OF, latest_data_date

    if not value:
        return
    try:
        day = latest_data_date(Workspace.open(workspace)) if value == "latest" else dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter("an ISO date (YYYY-MM-DD) or 'latest'", param_hint="--as-of") from None
    if day is None:
        return
    os.environ[AS_OF] = day.isoformat()
    typer.echo(f"Reviews and retention are judged as of {day.isoformat()} (demonstration over past data).")


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


def listings_table(listings: list[dict], deleted: bool) -> Table:
    table = Table("document", "kind", "owner", "named", "review date",
                  title="Taken off (logged)" if deleted else "Casework listings past their review date")
    for d in listings:
        table.add_row(str(d["pk"]), d["kind"], d["organisation"], d["named"], d["review_on"].isoformat())
    return table
