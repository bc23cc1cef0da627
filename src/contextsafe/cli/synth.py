"""``contextsafe synth``: write a synthetic borough (exports, mappings, ground truth)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

console = Console()


def register(app: typer.Typer) -> None:
    @app.command("synth")
    def synth(
        borough: str = typer.Option("camden", help="Borough whose real geography to use (camden, hackney, islington)"),
        young_people: int = typer.Option(2000, "--young-people", min=10, help="Number of young people to create"),
        seed: int = typer.Option(7, help="Seed: the same seed writes byte-identical files"),
        out: Path = typer.Option(Path("synthetic"), help="Folder for exports/, mappings/ and ground_truth/"),
    ) -> None:
        """Write a synthetic borough: agency exports, their source mappings, and the ground truth."""
        from contextsafe.synth import generate_borough

        with Progress(TextColumn("{task.description:<28}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=console) as bar:
            tasks: dict[str, int] = {}

            def progress(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=total)
                bar.update(tasks[stage], completed=done, total=total)

            summary = generate_borough(borough, young_people, seed, out, progress=progress)
        table = Table("export", "rows", title=f"Synthetic {borough}: {young_people:,} young people, seed {seed}")
        for name, rows in summary.rows.items():
            table.add_row(name, f"{rows:,}")
        table.add_row("[bold]total", f"[bold]{summary.total_rows:,}")
        console.print(table)
        console.print(f"{summary.peer_groups} peer groups, {summary.hotspots} hotspots, {summary.twins} twin pairs "
                      f"planted. Exports and mappings in [bold]{out}[/bold]; the ground truth is in "
                      f"[bold]{out / 'ground_truth'}[/bold] (never ingest it).")
