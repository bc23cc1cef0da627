"""``contextsafe profile``: the contextual problem profile of a workspace, under a stated purpose."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

console = Console()


def register(app: typer.Typer) -> None:
    @app.command("profile")
    def profile(
        workspace: Path = typer.Option(..., "--workspace", "-w", help="Workspace folder"),
        purpose: str = typer.Option("profiling", "--purpose", help="Purpose of this run; sources must permit it"),
        out: Path | None = typer.Option(None, "--out", help="Output folder (default: <workspace>/outputs/profile)"),
        threshold: int = typer.Option(5, "--suppression-threshold", min=2,
                                      help="Counts under this are hidden in the partner version"),
        population: Path | None = typer.Option(None, "--population", help="CSV of the borough's young people "
                                                                             "(ethnicity, sex, date_of_birth) for "
                                                                             "equality monitoring"),
        pdf: bool = typer.Option(True, "--pdf/--no-pdf", help="Print both reports to PDF with headless chromium"),
    ) -> None:
        """Peer groups, schools, public spaces and families: profile.html, a partner version and plain files."""
        from contextsafe.errors import ContextsafeError
        from contextsafe.profile import build_profile
        from contextsafe.vocab import Purpose

        if purpose not in {p.value for p in Purpose}:
            raise typer.BadParameter(f"must be one of {', '.join(p.value for p in Purpose)}", param_hint="--purpose")
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                      console=console, transient=False) as bar:
            task = bar.add_task("Starting", total=None)
            try:
                result = build_profile(workspace, purpose, out, suppression_threshold=threshold, population=population,
                                       pdf=pdf, progress=lambda message: bar.update(task, description=message))
            except ContextsafeError as error:
                console.print(f"[red]{error}[/red]")
                raise typer.Exit(1) from error
        for source, reason in result.excluded:
            console.print(f"[yellow]excluded[/yellow] {source}: {reason}")
        if result.equality_warnings:
            console.print(f"[red]{len(result.equality_warnings)} equality warning(s)[/red]: read them in the report "
                          "before acting on any list")
        console.print(f"Analyst's version: [bold]{result.report}[/bold]")
        console.print(f"Partner version (redacted, leak-checked): [bold]{result.partner_report}[/bold]")
        console.print(f"Run record: {result.run_record}")
        console.print(f"Open in a browser: {result.report.resolve().as_uri()}")
