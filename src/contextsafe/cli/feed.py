"""``contextsafe feed``: send what practitioners recorded in the web application into the analysis store.

Peer group information answers and confirmed case-note associations become sources of the store through
the normal ingest (mapping, quarantine, reconciliation), each permitting only the purposes it was collected
for, so a profiling run uses them only where that purpose is permitted. The store takes one writer: stop
``contextsafe web serve`` on the workspace first.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from contextsafe.vocab import Purpose

console = Console()
WORKSPACE = typer.Option(..., "--workspace", "-w", help="The analysis workspace folder")
DATABASE = typer.Option(None, help="The web application's database (default: beside the workspace)")


def register(app: typer.Typer) -> None:
    feed = typer.Typer(help="Send web-recorded peer group information and case-note contexts to the store.",
                       no_args_is_help=True)
    app.add_typer(feed, name="feed")

    @feed.command("pgi")
    def pgi(workspace: Path = WORKSPACE, database: str | None = DATABASE) -> None:
        """Answered peer group information requests: named peers become associations, one source per
        agreement (assessment only unless every source under the agreement permits profiling)."""
        _web(workspace, database)  # Django first: the feed reads the application's models
        from contextsafe.store import Workspace
        from contextsafe.web.pgi.feed import export_answers

        for line in export_answers(Workspace.open(workspace), by="contextsafe feed pgi").lines():
            console.print(line)

    @feed.command("case-notes")
    def case_notes(workspace: Path = WORKSPACE, purpose: Purpose = typer.Option(Purpose.ASSESSMENT),
                   database: str | None = DATABASE) -> None:
        """Case-note associations a practitioner confirmed under ``purpose`` (source ``case_notes_<purpose>``)."""
        _web(workspace, database)
        from contextsafe.store import Workspace
        from contextsafe.web.casenotes.services import export_confirmed

        report = export_confirmed(Workspace.open(workspace), purpose.value)
        if report is None:
            console.print(f"case_notes_{purpose.value}: unchanged since the last feed")
        else:
            console.print(f"{report.source}: {report.rows_in} row(s) in = {report.accepted} accepted + "
                          f"{report.quarantined} quarantined")


def _web(workspace: Path, database: str | None) -> None:
    from contextsafe import web as webapp

    webapp.configure(workspace, database)
    webapp.prepare(demo_accounts=False)
