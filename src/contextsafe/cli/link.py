"""``contextsafe link``: link young people across agencies, and review the uncertain pairs."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

console = Console()


def _record(text: str) -> tuple[str, str]:
    source, sep, record_id = text.partition("/")
    if not sep or not source or not record_id:
        raise typer.BadParameter(f"{text!r}: give a record as SOURCE/RECORD_ID")
    return source, record_id


def _queue_table(queue, limit: int) -> Table:  # noqa: ANN001 - polars DataFrame
    table = Table(title=f"Review queue: {queue.height:,} pair(s) of persons")
    for column in ("#", "left", "right", "probability", "explanation"):
        table.add_column(column, overflow="fold")
    for i, row in enumerate(queue.head(limit).iter_rows(named=True), start=1):
        table.add_row(str(i), f"{row['left_source']}/{row['left_record_id']}",
                      f"{row['right_source']}/{row['right_record_id']}", f"{row['match_probability']:.3f}",
                      row["explanation"])
    return table


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Link young people's records across agencies into persons (Splink).",
                        no_args_is_help=True)
    app.add_typer(group, name="link")

    @group.command("run")
    def run(
        workspace: Path = typer.Option(..., "--workspace", "-w", help="Workspace folder"),
        engine: str = typer.Option("duckdb", "--engine", help="duckdb (default) or spark"),
        seed: int = typer.Option(1, "--seed", help="Seed for the random sampling of u parameters"),
        link_threshold: float = typer.Option(0.9, "--link-threshold", help="Link pairs at or above this"),
        review_from: float = typer.Option(0.5, "--review-from", help="Queue pairs from this up to the threshold"),
        reuse_model: bool = typer.Option(False, "--reuse-model", help="Score with the model saved by the last run"),
    ) -> None:
        """Link every record in the store; write person_records, the pairs, the review queue and the model."""
        from contextsafe.errors import ContextsafeError
        from contextsafe.link import LinkSettings, link_workspace
        from contextsafe.link.store import links_dir
        from contextsafe.store import Workspace

        if engine not in ("duckdb", "spark"):
            raise typer.BadParameter("must be 'duckdb' or 'spark'", param_hint="--engine")
        try:
            ws = Workspace.open(workspace)
            settings = LinkSettings(link_threshold=link_threshold, review_from=review_from)
            with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                          console=console, transient=True) as bar:
                bar.add_task(f"Training and scoring on {engine}", total=None)
                result = link_workspace(ws, engine=engine, settings=settings, seed=seed,  # type: ignore[arg-type]
                                        reuse_model=reuse_model)
        except (ContextsafeError, ValueError) as err:
            console.print(f"[red]{err}[/red]")
            raise typer.Exit(1) from err
        people = result.person_records
        console.print(f"Linked {people.height:,} records into {people['person_id'].n_unique():,} persons; "
                      f"{result.review_queue.height:,} pair(s) wait for review ('contextsafe link review').")
        console.print(f"Wrote {links_dir(ws)}")

    @group.command("review")
    def review(
        workspace: Path = typer.Option(..., "--workspace", "-w", help="Workspace folder"),
        by: str = typer.Option("", "--by", help="Who is deciding (asks for each pair when given)"),
        limit: int = typer.Option(20, "--limit", help="Pairs to show"),
    ) -> None:
        """Show the review queue; with --by, accept (a), reject (r) or skip (s) each pair in turn."""
        from contextsafe.link import record_decision, review_queue
        from contextsafe.store import Workspace

        ws = Workspace.open(workspace)
        queue = review_queue(ws)
        if not by:
            console.print(_queue_table(queue, limit))
            return
        for row in queue.head(limit).iter_rows(named=True):
            left = (row["left_source"], row["left_record_id"])
            right = (row["right_source"], row["right_record_id"])
            console.print(f"\n[bold]{left[0]}/{left[1]} ~ {right[0]}/{right[1]}[/bold] "
                          f"(probability {row['match_probability']:.3f})")
            for part in row["explanation"].split("; "):
                console.print(f"  {part}")
            answer = typer.prompt("accept (a), reject (r), skip (s), quit (q)", default="s").strip().lower()
            if answer.startswith("q"):
                break
            if answer[:1] in ("a", "r"):
                reason = typer.prompt("reason", default="")
                record_decision(ws, left, right, "accept" if answer.startswith("a") else "reject",
                                decided_by=by, reason=reason)
        console.print("Decisions are kept and applied on every later 'contextsafe link run'.")

    @group.command("decide")
    def decide(
        left: str = typer.Argument(..., help="SOURCE/RECORD_ID"),
        right: str = typer.Argument(..., help="SOURCE/RECORD_ID"),
        decision: str = typer.Argument(..., help="accept or reject"),
        workspace: Path = typer.Option(..., "--workspace", "-w", help="Workspace folder"),
        by: str = typer.Option(..., "--by", help="Who is deciding"),
        reason: str = typer.Option("", "--reason", help="Why (kept with the decision)"),
    ) -> None:
        """Accept or reject one pair without the interactive review."""
        from contextsafe.errors import ContextsafeError
        from contextsafe.link import record_decision
        from contextsafe.store import Workspace

        try:
            record_decision(Workspace.open(workspace), _record(left), _record(right), decision,  # type: ignore[arg-type]
                            decided_by=by, reason=reason)
        except ContextsafeError as err:
            console.print(f"[red]{err}[/red]")
            raise typer.Exit(1) from err
        console.print(f"Recorded: {decision} {left} ~ {right} by {by}")

    @group.command("explain")
    def explain(
        left: str = typer.Argument(..., help="SOURCE/RECORD_ID"),
        right: str = typer.Argument(..., help="SOURCE/RECORD_ID"),
        workspace: Path = typer.Option(..., "--workspace", "-w", help="Workspace folder"),
    ) -> None:
        """Why two records were linked or not, field by field, from the last run."""
        from contextsafe.link.store import pair_explanation
        from contextsafe.store import Workspace

        console.print(pair_explanation(Workspace.open(workspace), _record(left), _record(right)))
