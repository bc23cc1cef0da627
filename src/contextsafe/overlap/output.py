"""Plain files of an overlap run, for Excel, i2 and the profile report."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from pathlib import Path

from contextsafe.overlap.membership import COUNTED_ROLES, PANEL_EVENT_TYPES
from contextsafe.overlap.summary import summarise
from contextsafe.overlap.table import Overlap, compute_overlap
from contextsafe.overlap.upset import upset_svg
from contextsafe.store import Workspace
from contextsafe.vocab import Purpose

# by -> (CSV, SVG) file names.
FILES = {
    "concern": ("overlap.csv", "overlap_upset.svg"),
    "panel": ("overlap_panels.csv", "overlap_panels_upset.svg"),
}
TOTALS_FILE = "overlap_totals.csv"
RUN_FILE = "overlap_run.json"


def write_overlap(
    workspace: Workspace,
    out_dir: str | Path | None = None,
    *,
    purpose: Purpose | str = Purpose.PROFILING,
    grouping: Mapping[str, str] | None = None,
    panels: Mapping[str, str] | None = None,
) -> list[Path]:
    """Write the concern and panel overlaps (CSV + UpSet SVG each), the per-list totals, and the run's
    settings, purpose and excluded sources (``overlap_run.json``). Returns the paths written.

    ``out_dir`` defaults to the workspace's outputs folder.
    """
    out = Path(out_dir) if out_dir is not None else workspace.outputs_dir
    out.mkdir(parents=True, exist_ok=True)
    runs = {
        "concern": compute_overlap(workspace, by="concern", purpose=purpose, grouping=grouping),
        "panel": compute_overlap(workspace, by="panel", purpose=purpose, grouping=grouping, panels=panels),
    }
    written: list[Path] = []
    for by, overlap in runs.items():
        written += write_one(overlap, out, *FILES[by])
    written.append(_write_totals(runs.values(), out / TOTALS_FILE))
    written.append(_write_run(runs, panels, out / RUN_FILE))
    return written


def write_one(overlap: Overlap, out_dir: Path, csv_name: str, svg_name: str) -> list[Path]:
    """Write one overlap's combination CSV and its UpSet chart."""
    csv_path, svg_path = out_dir / csv_name, out_dir / svg_name
    overlap.combinations.write_csv(csv_path)
    svg_path.write_text(upset_svg(overlap), encoding="utf-8")
    return [csv_path, svg_path]


def _write_totals(overlaps: Iterable[Overlap], path: Path) -> Path:
    lines = ["by,label,persons,only_this"]
    for overlap in overlaps:
        for label, persons, only in overlap.totals().iter_rows():
            lines.append(f"{overlap.by},{_csv_field(label)},{persons},{only}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _write_run(runs: dict[str, Overlap], panels: Mapping[str, str] | None, path: Path) -> Path:
    first = next(iter(runs.values()))
    settings = {
        "purpose": str(first.purpose),
        "excluded_sources": [asdict(e) for e in first.excluded],
        "grouping": dict(first.grouping),
        "panels": dict(panels) if panels is not None else "default",
        "panel_event_types": list(PANEL_EVENT_TYPES),
        "counted_roles": list(COUNTED_ROLES),
        "summary": {by: summarise(overlap) for by, overlap in runs.items()},
        "distinct_young_people": {by: overlap.union for by, overlap in runs.items()},
    }
    path.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    return path


def _csv_field(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n') else value
