"""``contextsafe init``: create a workspace folder."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

console = Console()


def register(app: typer.Typer) -> None:
    @app.command("init")
    def init(workspace: Path = typer.Argument(..., help="Folder to hold the store, mappings, outputs")) -> None:
        """Create (or open) a workspace folder with an empty canonical store."""
        from contextsafe.store import Workspace

        ws = Workspace.create(workspace)
        console.print(f"Workspace ready at [bold]{ws.root}[/bold]")
