"""The main job, stage by stage: synthetic borough → ingest with the real open data → place →
link → overlap → profile. The CLI's ``demo`` command and the benchmarks call this; it holds the order of the
stages and nothing else."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from contextsafe.store import Workspace

Step = Callable[[str], None]


@dataclass
class DemoResult:
    workspace: Workspace
    synthetic: object = None  # SynthSummary
    reference: object = None  # ReferenceSummary
    ingests: list = field(default_factory=list)  # IngestReport per source
    placement: object = None  # PlacementSummary
    link: object = None  # LinkResult
    overlap: object = None  # Overlap
    overlap_files: list[Path] = field(default_factory=list)
    profile: object = None  # ProfileResult


def build_demo(root: Path, borough: str = "camden", young_people: int = 2000, seed: int = 7,
               step: Step | None = None, link: bool = True, profile: bool = False) -> DemoResult:
    """Build a complete workspace for ``borough`` from a synthetic borough and the real open data."""
    from contextsafe.geo import open_data_sources
    from contextsafe.ingest import ingest_file
    from contextsafe.reference import load_reference, place_locations
    from contextsafe.sources import load_mapping
    from contextsafe.synth import generate_borough

    say = step or (lambda _message: None)
    result = DemoResult(Workspace.create(root))
    ws = result.workspace
    say(f"Generating a synthetic {borough} with {young_people:,} young people (seed {seed})")
    result.synthetic = generate_borough(borough, young_people, seed, ws.root / "synthetic")
    say("Loading the real geography: boundaries, postcodes, schools, bus stops")
    result.reference = load_reference(ws, [borough])
    mappings = sorted((ws.root / "synthetic" / "mappings").glob("*.yaml"))
    pairs = [(m, None) for m in mappings] + list(open_data_sources(borough))
    for mapping, path in pairs:
        loaded = load_mapping(mapping)
        say(f"Ingesting {loaded.mapping.source}")
        result.ingests.append(ingest_file(ws, loaded, path))
    say("Placing records and events on the map (postcodes, LSOAs, wards, schools)")
    result.placement = place_locations(ws, [borough])
    if link:
        from contextsafe.link import link_workspace
        from contextsafe.overlap import GANGS_SYV_GROUPING, compute_overlap, write_overlap

        say("Linking young people across agencies (Splink)")
        result.link = link_workspace(ws, seed=seed)
        say("Counting young people across lists (overlap)")
        result.overlap = compute_overlap(ws, by="concern", grouping=GANGS_SYV_GROUPING)
        result.overlap_files = write_overlap(ws, grouping=GANGS_SYV_GROUPING)
    if link and profile:
        from contextsafe.profile import build_profile
        from contextsafe.vocab import Purpose

        say("Building the contextual problem profile (purpose: profiling) and its partner version")
        result.profile = build_profile(ws, Purpose.PROFILING, ws.outputs_dir / "profile", seed=seed)
    return result
