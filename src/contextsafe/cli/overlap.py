"""``contextsafe overlap``: distinct young people per combination of concern or panel lists."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from contextsafe.overlap import Overlap

console = Console()


def register(app: typer.Typer) -> None:
    @app.command("overlap")
    def overlap(
        workspace: Path = typer.Option(..., "--workspace", "-w", help="Workspace folder"),
        by: str = typer.Option("concern", "--by", help="Lists to compare: 'concern' or 'panel'"),
        purpose: str = typer.Option("profiling", "--purpose", help="Purpose of this run; sources must permit it"),
        out: Path | None = typer.Option(None, "--out", help="Write overlap.csv, overlap_panels.csv and UpSet "
                                                              "charts to this folder"),
        combine_gangs_syv: bool = typer.Option(False, "--combine-gangs-syv",
                                               help="Count gang association and serious youth violence as "
                                                    "one silo (gangs/SYV)"),
        only: list[str] | None = typer.Option(None, "--only", help="Keep only these lists (repeatable)"),
        top: int = typer.Option(25, "--top", help="Combinations to show in the table"),
    ) -> None:
        """How many distinct young people are on each combination of lists (the 30 + 30 = 45 question)."""
        from contextsafe.errors import ContextsafeError
        from contextsafe.overlap import GANGS_SYV_GROUPING, compute_overlap, summarise, write_overlap
        from contextsafe.store import Workspace
        from contextsafe.vocab import Purpose

        if by not in ("concern", "panel"):
            raise typer.BadParameter("must be 'concern' or 'panel'", param_hint="--by")
        if purpose not in {p.value for p in Purpose}:
            raise typer.BadParameter(f"must be one of {', '.join(p.value for p in Purpose)}", param_hint="--purpose")
        grouping = GANGS_SYV_GROUPING if combine_gangs_syv else None
        try:
            ws = Workspace.open(workspace)
            result = compute_overlap(ws, by=_by(by), purpose=purpose, grouping=grouping, only=only)
            written = write_overlap(ws, out, purpose=purpose, grouping=grouping) if out else []
        except ContextsafeError as error:
            console.print(f"[red]{error}[/red]")
            raise typer.Exit(1) from error
        console.print(_table(result, top))
        console.print(summarise(result))
        for excluded in result.excluded:
            console.print(f"[yellow]excluded[/yellow] {excluded.source}: {excluded.reason}")
        for path in written:
            console.print(f"wrote {path}")


def _by(value: str) -> Literal["concern", "panel"]:
    return "panel" if value == "panel" else "concern"


def _table(result: Overlap, top: int) -> Table:
    from contextsafe.overlap import display_name

    table = Table(title=f"Distinct young people by combination of {result.by}s (purpose: {result.purpose})")
    for label in result.labels:
        table.add_column(display_name(label), justify="center")
    table.add_column("young people", justify="right", style="bold")
    for row in result.combinations.head(top).iter_rows(named=True):
        table.add_row(*["●" if row[label] else "" for label in result.labels], str(row["persons"]))
    totals = [str(result.total(label)) for label in result.labels]
    table.add_section()
    table.add_row(*totals, f"{result.union} distinct", style="italic")
    hidden = result.combinations.height - min(top, result.combinations.height)
    if hidden:
        table.caption = f"{hidden} smaller combination(s) not shown; last row: everyone on each list"
    else:
        table.caption = "last row: everyone on each list (inclusive) and distinct young people in all"
    return table
