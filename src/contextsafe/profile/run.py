"""``build_profile``: one run of the contextual problem profile, under one stated purpose.

The order of the stages lives here and nothing else: read the store under the purpose, ask the
contexts and places stages for their tables, count, chart, write the analyst's version, then check
and write the partner version, and log the run.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import polars as pl

from contextsafe.overlap import GANGS_SYV_GROUPING, Overlap, compute_overlap
from contextsafe.profile import charts
from contextsafe.profile.context_tables import ContextTables, context_tables
from contextsafe.profile.data import ProfileData, load_profile_data
from contextsafe.profile.equality import (
    Population,
    equality_tables,
    population_from_csv,
    population_from_persons,
    warnings,
)
from contextsafe.profile.figure1 import figure1
from contextsafe.profile.partner import write_partner_version
from contextsafe.profile.report import Report, render
from contextsafe.profile.suppress import suppress_prose
from contextsafe.profile.trends import RULE, changes, monthly_series
from contextsafe.profile.views import Views, analyst_views, partner_views
from contextsafe.profile.writing import write_analyst_files
from contextsafe.store import Workspace
from contextsafe.vocab import Purpose

Progress = Callable[[str], None]
RUN_FILE = "profile_run.json"
RUN_LOG = "profile_runs.jsonl"


@dataclass(frozen=True)
class ProfileSettings:
    """Options of a run, saved in the run record so the profile can be reproduced."""

    purpose: str
    suppression_threshold: int = 5
    over_representation_ratio: float = 1.5
    over_representation_min_count: int = 5
    trend_min_change: int = 5
    seed: int = 7
    population: str | None = None
    pdf: bool = True


@dataclass
class ProfileResult:
    """What a run wrote and what it found; ``files`` maps a short name to its path."""

    out: Path
    purpose: Purpose
    files: dict[str, Path]
    sources_used: list[str]
    excluded: list[tuple[str, str]]
    equality_warnings: list[str]
    run_record: Path
    notes: dict[str, str] = field(default_factory=dict)
    partner_counts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # redacted table -> count columns

    @property
    def report(self) -> Path:
        return self.files["profile.html"]

    @property
    def partner_report(self) -> Path:
        return self.files["profile_redacted.html"]


def build_profile(workspace: Workspace | str | Path, purpose: Purpose | str = Purpose.PROFILING,
                  out: str | Path | None = None, *, suppression_threshold: int = 5, progress: Progress | None = None,
                  population: str | Path | None = None, seed: int = 7, pdf: bool = True) -> ProfileResult:
    """Build the contextual problem profile of ``workspace`` for ``purpose`` into ``out``.

    Sources whose mapping does not permit ``purpose`` are left out and listed in the report and the
    run record (``profile_run.json``). ``population`` is a CSV of the borough's young people (ethnicity,
    sex, date_of_birth) used as the equality denominator; without it the synthetic borough's population
    is used when the workspace has one, else every young person known to the permitted sources.
    The partner version is written only if the leak check passes (else :class:`RedactionLeakError`).
    """
    ws = workspace if isinstance(workspace, Workspace) else Workspace.open(workspace)
    purpose = Purpose(purpose)
    out_dir = Path(out) if out is not None else ws.outputs_dir / "profile"
    say = progress or (lambda _message: None)
    started = dt.datetime.now(dt.UTC)
    settings = ProfileSettings(str(purpose), suppression_threshold, seed=seed, pdf=pdf,
                               population=str(population) if population else None)
    say(f"Reading the store for purpose '{purpose}'")
    data = load_profile_data(ws, purpose)
    say("Peer groups, schools, homes and public spaces")
    contexts = context_tables(data, ws, seed=seed)
    say("Overlap, Figure 1, trends and equality monitoring")
    overlap = compute_overlap(ws, by="concern", purpose=purpose, grouping=GANGS_SYV_GROUPING)
    pop = _population(ws, data, population)
    analyst, notes = _analyse(data, contexts, overlap, pop, settings)
    report = _report(data, contexts, overlap, analyst, notes, settings, "analyst", started,
                     analyst.tables["equality"])
    say("Writing the analyst's version and its exports")
    files = write_analyst_files(ws, out_dir, data, contexts, overlap, analyst, render(report), pdf=pdf)
    say("Checking the partner version for leaks, then writing it")
    partner = partner_views(analyst, overlap, suppression_threshold)
    shown = partner.tables["equality"]["count"] != "[c]"
    partner_report = _report(data, contexts, overlap, partner, notes, settings, "partner", started,
                             analyst.tables["equality"].filter(shown))
    files |= write_partner_version(ws, out_dir, partner_report, partner, contexts, suppression_threshold, pdf=pdf)
    result = ProfileResult(out_dir, purpose, files, data.permitted, [(e.source, e.reason) for e in data.excluded],
                           partner_report.warnings, out_dir / RUN_FILE, notes, partner.counts)
    _log_run(ws, result, settings, contexts, started)
    say(f"Done: open {files['profile.html']}")
    return result


def _population(ws: Workspace, data: ProfileData, population: str | Path | None) -> Population:
    path = Path(population) if population else ws.root / "synthetic" / "ground_truth" / "persons.csv"
    if path.exists():
        pop = population_from_csv(path, data.period_end)
        if not population:
            return Population(pop.people, "the synthetic borough's population (synthetic/ground_truth/persons.csv, "
                                          f"{pop.people.height:,} young people): no census file is in the workspace")
        return pop
    return population_from_persons(data.persons)


def _analyse(data: ProfileData, contexts: ContextTables, overlap: Overlap, pop: Population,
             settings: ProfileSettings) -> tuple[Views, dict[str, str]]:
    fig1 = figure1(data, contexts)
    series = monthly_series(data, contexts)
    moves = changes(series, settings.trend_min_change)
    lists = equality_lists(data, contexts)
    equality = equality_tables(lists, data.persons, pop, ratio=settings.over_representation_ratio,
                               min_count=settings.over_representation_min_count)
    notes = {
        "equality": (f"Denominator: {pop.description}. Over-represented: a share of the list at least "
                     f"{settings.over_representation_ratio} times the group's share of the young population, with at "
                     f"least {settings.over_representation_min_count} young people of the group on the list. Shares "
                     "are among those whose ethnicity, sex or age is recorded. Police ethnicity (IC codes) is an "
                     "officer's view, and agencies code ethnicity differently: mapped onto the five census groups."),
        "trends": RULE.format(m=settings.trend_min_change),
        "concentration": str(contexts.concentration.get("sentence", "")),
        **contexts.methods,
    }
    return analyst_views(data, contexts, overlap, fig1, series, moves, equality), notes


def equality_lists(data: ProfileData, contexts: ContextTables) -> dict[str, pl.DataFrame]:
    """Every list monitored: each concern, each panel, each peer group, and the profile's tables."""
    lists = {f"concern: {c}": g for (c,), g in data.person_concerns.group_by(["concern"], maintain_order=True)}
    lists |= {f"panel: {p}": g for (p,), g in data.person_panels.group_by(["panel"], maintain_order=True)}
    groups = contexts.peer_groups
    lists |= {f"peer group: {g}": m for (g,), m in groups.group_by(["group_id"], maintain_order=True)}
    lists["profile: all young people in peer groups"] = groups.select("person_id")
    lists["profile: all young people of concern"] = data.person_concerns.select("person_id")
    return dict(sorted(lists.items()))


def _report(data: ProfileData, contexts: ContextTables, overlap: Overlap, views: Views, notes: dict[str, str],
            settings: ProfileSettings, version: str, started: dt.datetime, flags: pl.DataFrame) -> Report:
    """One version of the report; ``flags`` are the equality rows whose warnings it may show."""
    months = data.months()
    period = f"{months[0]} to {months[-1]}" if months else "no dated events"
    flagged = flags.filter(pl.col("over_represented"))
    if version == "partner":
        notes = {k: suppress_prose(v, settings.suppression_threshold) for k, v in notes.items()}
    sources = data.sources.filter(pl.col("source").is_in(data.permitted)).select(
        "source", "agency", "legal_basis", "information_sharing_agreement",
        pl.col("permitted_purposes").list.join(", ").alias("permitted_purposes"))
    return Report(
        title="Contextual problem profile" + (" — partner version" if version == "partner" else ""),
        version=version, purpose=str(data.purpose), period=period, generated=f"{started:%Y-%m-%d %H:%M} UTC",
        threshold=settings.suppression_threshold, sources=sources,
        excluded=[(e.source, e.reason) for e in data.excluded], tables=views.tables,
        charts=charts.all_charts(data, contexts, overlap, views, version, settings.suppression_threshold),
        warnings=warnings(flagged), notes=notes)


def _log_run(ws: Workspace, result: ProfileResult, settings: ProfileSettings, contexts: ContextTables,
             started: dt.datetime) -> None:
    record = {
        "run": "profile", "who": getpass.getuser(), "purpose": str(result.purpose), "started": started.isoformat(),
        "finished": dt.datetime.now(dt.UTC).isoformat(), "workspace": str(ws.root), "settings": asdict(settings),
        "sources_used": result.sources_used,
        "sources_excluded": [{"source": s, "reason": r} for s, r in result.excluded],
        "methods": contexts.methods, "places_run": contexts.places_run,
        "files": {name: str(path.relative_to(result.out)) for name, path in sorted(result.files.items())},
        "redaction_check": "passed",
        "equality_warnings": len(result.equality_warnings),
        "pdf": "chromium --headless --print-to-pdf" if "profile.pdf" in result.files else "not written (no chromium)",
    }
    result.run_record.write_text(json.dumps(record, indent=2, default=str) + "\n", encoding="utf-8")
    log = ws.root / "logs" / RUN_LOG
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({k: record[k] for k in ("run", "who", "purpose", "started", "finished", "sources_used",
                                                        "sources_excluded")} | {"out": str(result.out)}) + "\n")
