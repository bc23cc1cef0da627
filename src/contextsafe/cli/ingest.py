"""``contextsafe sources check`` and ``contextsafe ingest``."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from contextsafe.errors import ContextsafeError

console = Console()


def register(app: typer.Typer) -> None:
    sources = typer.Typer(help="Source mappings: declare and check agency exports.", no_args_is_help=True)
    app.add_typer(sources, name="sources")

    @sources.command("check")
    def check(mappings: list[Path] = typer.Argument(..., help="Mapping YAML file(s)"),
              file: Path | None = typer.Option(None, help="Export to check (default: the mapping's 'file')")) -> None:
        """Validate mappings against their exports and explain every problem, loading nothing."""
        from contextsafe.ingest import check_source
        from contextsafe.sources import load_mapping

        failed = False
        for path in mappings:
            try:
                report = check_source(load_mapping(path), file)
            except ContextsafeError as exc:
                console.print(f"[red]✗[/red] {exc}")
                failed = True
                continue
            failed |= not report.ok
            print_check(report)
        raise typer.Exit(1 if failed else 0)

    @sources.command("rules")
    def rules() -> None:
        """Print the ingest validation rules as Markdown (the docs page is generated from this)."""
        from contextsafe.ingest.rules import rules_markdown

        typer.echo(rules_markdown(), nl=False)

    @app.command("ingest")
    def ingest(mappings: list[Path] = typer.Argument(..., help="Mapping YAML file(s); each names its export"),
               workspace: Path = typer.Option(..., "--workspace", "-w", help="Workspace folder"),
               file: Path | None = typer.Option(None, help="Export to load (only with one mapping)")) -> None:
        """Validate exports, quarantine bad rows, load the rest, and print the reconciliation."""
        from contextsafe.ingest import ingest_file
        from contextsafe.sources import load_mapping
        from contextsafe.store import Workspace

        ws = Workspace.create(workspace)
        reports = []
        try:
            with _progress() as bar:
                for path in mappings:
                    loaded = load_mapping(path)
                    task = bar.add_task(loaded.mapping.source, total=None)
                    reports.append(ingest_file(ws, loaded, file,
                                               progress=lambda done, _t, task=task: bar.update(task, completed=done)))
                    bar.update(task, total=reports[-1].rows_in, completed=reports[-1].rows_in)
        except ContextsafeError as exc:
            console.print(f"[red]✗[/red] {exc}")
            raise typer.Exit(1) from None
        console.print(reconciliation_table(reports))


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    TextColumn("{task.completed:,} rows"), TimeElapsedColumn(), console=console)


def reconciliation_table(reports: list) -> Table:
    """Rows in = accepted + quarantined, per source, as printed after every ingest."""
    table = Table(title="Ingest reconciliation: rows in = accepted + quarantined")
    table.add_column("source")
    for column in ("rows in", "accepted", "quarantined", "blank"):
        table.add_column(column, justify="right")
    table.add_column("ok")
    for r in reports:
        table.add_row(r.source + (" (unchanged)" if r.skipped else ""), f"{r.rows_in:,}", f"{r.accepted:,}",
                      f"{r.quarantined:,}", f"{r.blank_rows:,}", "[green]✓[/green]" if r.reconciles else "[red]✗[/red]")
    if len(reports) > 1:
        table.add_row("[bold]total[/bold]", f"{sum(r.rows_in for r in reports):,}",
                      f"{sum(r.accepted for r in reports):,}", f"{sum(r.quarantined for r in reports):,}",
                      f"{sum(r.blank_rows for r in reports):,}", "")
    quarantined = [r for r in reports if r.quarantine_file]
    if quarantined:
        table.caption = "Quarantined rows, with file, row, column and reason: " + ", ".join(
            str(Path(r.quarantine_file).relative_to(Path(r.quarantine_file).parents[2])) for r in quarantined)
    return table


def print_check(report) -> None:  # noqa: ANN001 - CheckReport
    mark = "[green]✓[/green]" if report.ok else "[yellow]![/yellow]"
    console.print(f"{mark} {report.source}: {report.file} (header on row {report.header_row}, {report.encoding}) — "
                  f"{report.rows_in:,} rows: {report.would_accept:,} would load, "
                  f"{report.would_quarantine:,} would be quarantined, {report.blank_rows:,} blank")
    for (rule, column, message), rows in report.by_rule.most_common():
        where = f"column {column!r}: " if column else ""
        console.print(f"    {rule} {where}{message} — {rows:,} row(s)")
    for (column, code), rows in report.unmapped_codes.most_common(20):
        console.print(f"    code {code!r} in column {column!r} is not mapped — {rows:,} row(s)")
    for problem in report.examples[:5]:
        console.print(f"    e.g. {problem}")
