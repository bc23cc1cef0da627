"""``contextsafe demo``: the main job on the embedded default, end to end."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

console = Console()


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo(workspace: Path = typer.Option(Path("demo-workspace"), "--workspace", "-w"),
             borough: str = typer.Option("camden", help="camden, hackney or islington"),
             young_people: int = typer.Option(2000, help="Size of the synthetic borough"),
             seed: int = typer.Option(7, help="Seed of the synthetic borough"),
             link: bool = typer.Option(True, help="Link people and count overlap after ingest"),
             profile: bool = typer.Option(True, help="Build the contextual problem profile after linkage")) -> None:
        """Synthetic borough over real geography → ingest with real open data → link → overlap → profile."""
        from contextsafe.cli.ingest import reconciliation_table
        from contextsafe.pipeline import build_demo

        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                      console=console, transient=False) as bar:
            task = bar.add_task("Starting", total=None)

            def step(message: str) -> None:
                bar.update(task, description=message)
                console.log(message)

            result = build_demo(workspace, borough, young_people, seed, step=step, link=link, profile=profile)
            bar.update(task, description="Done")
        console.print(reconciliation_table(result.ingests))
        _placement(result)
        if result.link is not None:
            _linkage(result)
        if result.overlap is not None:
            from contextsafe.cli.overlap import _table
            from contextsafe.overlap import summarise

            console.print(_table(result.overlap, 15))
            console.print(summarise(result.overlap))
            for path in result.overlap_files:
                console.print(f"  wrote {path}")
        if result.profile is not None:
            console.print(f"\nProfile: open [bold]{result.profile.report}[/bold]")
            console.print(f"Partner (redacted) version: [bold]{result.profile.partner_report}[/bold]")
        console.print(f"\nWorkspace: [bold]{result.workspace.root}[/bold]")


def _placement(result) -> None:  # noqa: ANN001 - DemoResult
    p = result.placement
    console.print(f"Placed: {p.records_geocoded:,} records and {p.events_geocoded:,} events by postcode; "
                  f"{p.records_in_areas:,} records and {p.events_in_areas:,} events in LSOAs/wards; "
                  f"school names resolved {p.schools_resolved:,}, unresolved {p.schools_unresolved:,}")


def _linkage(result) -> None:  # noqa: ANN001
    people = result.link.person_records
    records = people.height
    persons = people["person_id"].n_unique()
    queue = result.link.review_queue.height
    console.print(f"Linked {records:,} records into {persons:,} young people; {queue:,} pairs wait for review "
                  f"('contextsafe link review').")
