"""Generate a synthetic borough: exports, their mappings, and the ground truth, streamed to disk."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from contextsafe.synth.agencies import EXPORTS, Export, Table
from contextsafe.synth.case_notes import write_case_notes
from contextsafe.synth.geography import load_geography
from contextsafe.synth.ground_truth import write_planted
from contextsafe.synth.names import load_names
from contextsafe.synth.population import build_population
from contextsafe.synth.world import World, plant
from contextsafe.synth.writers import CsvSink, Sink, XlsxSink

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class SynthSummary:
    """What one run wrote: rows per export file, person records per source, and where everything is."""

    borough: str
    young_people: int
    seed: int
    out: Path
    rows: dict[str, int] = field(default_factory=dict)  # export file name -> data rows
    records: dict[str, int] = field(default_factory=dict)  # source -> person records
    exports: dict[str, Path] = field(default_factory=dict)  # source -> export file
    mappings: dict[str, Path] = field(default_factory=dict)  # source -> mapping file
    ground_truth: dict[str, Path] = field(default_factory=dict)
    peer_groups: int = 0
    hotspots: int = 0
    twins: int = 0
    flaws: int = 0  # rows deliberately malformed (see ground_truth/planted_flaws.csv)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def generate_borough(borough: str = "camden", young_people: int = 2000, seed: int = 7,
                     out: Path = Path("synthetic"), *, progress: Progress | None = None) -> SynthSummary:
    """Write a synthetic borough's agency exports, mappings and ground truth under ``out``.

    Everything random comes from ``numpy.random.default_rng`` seeded with ``seed`` (one stream per
    stage, so the same seed gives byte-identical files). Rows are streamed to disk.
    """
    out = Path(out)
    for sub in ("exports", "mappings", "ground_truth"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    world = build_world(borough, young_people, seed)
    summary = SynthSummary(borough, young_people, seed, out, peer_groups=len(world.pop.groups),
                           hotspots=len(world.hotspots), twins=sum(1 for t in world.pop.twin_of if t >= 0) // 2)
    with (out / "ground_truth" / "record_person.csv").open("w", encoding="utf-8", newline="") as handle:
        truth = csv.writer(handle, lineterminator="\n")
        truth.writerow(["source", "record_id", "person_id"])
        for index, export in enumerate(EXPORTS):
            _run(export, world, np.random.default_rng([seed, 100 + index]), young_people, out, truth, summary,
                 progress)
    summary.ground_truth = {"record_person": out / "ground_truth" / "record_person.csv",
                            **write_planted(world, out / "ground_truth")}
    summary.ground_truth.update(write_case_notes(world, out, seed))  # case_notes (the notes) and their mentions
    summary.flaws = len(world.flaws)
    summary.mappings = copy_mappings(out / "mappings", [t.source for e in EXPORTS for t in e.tables])
    return summary


def build_world(borough: str, young_people: int, seed: int) -> World:
    """The true population and planted structure (no exports)."""
    geo = load_geography(borough)
    names = load_names()
    pop = build_population(np.random.default_rng([seed, 1]), names, geo, young_people)
    return plant(np.random.default_rng([seed, 2]), geo, names, pop)


def _run(export: Export, world: World, rng: np.random.Generator, young_people: int, out: Path,
         truth: Any, summary: SynthSummary, progress: Progress | None) -> None:
    sinks = {t.source: _sink(t, out / "exports" / t.file, rng) for t in export.tables}
    files = {t.source: t.file for t in export.tables}
    total = export.events(young_people)
    step = max(total // 20, 1)
    done = 0
    try:
        for done, (source, row, persons) in enumerate(export.generate(world, rng, total), start=1):
            sinks[source].write(row)
            summary.rows[files[source]] = summary.rows.get(files[source], 0) + 1
            for record_id, person in persons:
                truth.writerow([source, record_id, world.pop.person_id[person]])
            summary.records[source] = summary.records.get(source, 0) + len(persons)
            if progress is not None and done % step == 0:
                progress(export.name, min(done, total), total)
    finally:
        for sink in sinks.values():
            sink.close()
    for table in export.tables:
        summary.exports[table.source] = out / "exports" / table.file
        summary.rows.setdefault(table.file, 0)
    if progress is not None:
        progress(export.name, total, total)


def _sink(table: Table, path: Path, rng: np.random.Generator) -> Sink:
    if table.is_xlsx:
        return XlsxSink(path, table.header, sheet=table.sheet, groups=table.groups, title=table.title,
                        blank_rate=table.blank_rate, rng=rng)
    return CsvSink(path, table.header, encoding=table.encoding, title=table.title, blank_rate=table.blank_rate,
                   rng=rng)


def copy_mappings(folder: Path, sources: list[str]) -> dict[str, Path]:
    """Copy the packaged template mapping of each source into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    templates = resources.files("contextsafe.synth").joinpath("mappings")
    copied = {}
    for source in sources:
        target = folder / f"{source}.yaml"
        with resources.as_file(templates.joinpath(f"{source}.yaml")) as template:
            shutil.copyfile(template, target)
        copied[source] = target
    return copied
