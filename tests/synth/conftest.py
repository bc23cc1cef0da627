from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from contextsafe.sources import LoadedMapping, load_mapping
from contextsafe.synth import SynthSummary, generate_borough

SMALL = 800
SEED = 11


@pytest.fixture(scope="session")
def borough(tmp_path_factory: pytest.TempPathFactory) -> SynthSummary:
    return generate_borough("camden", SMALL, SEED, tmp_path_factory.mktemp("synth") / "borough")


@pytest.fixture(scope="session")
def mappings(borough: SynthSummary) -> dict[str, LoadedMapping]:
    return {source: load_mapping(path) for source, path in borough.mappings.items()}


def read_table(loaded: LoadedMapping) -> tuple[list[str], list[dict[str, str]]]:
    """Header and data rows of a mapping's export, read independently of the ingest engine."""
    path = loaded.default_file()
    assert path is not None and path.exists(), loaded.mapping.source
    fmt = loaded.mapping.format
    if fmt.type == "xlsx":
        book = load_workbook(path, read_only=True, data_only=True)
        sheet = book[fmt.sheet] if fmt.sheet else book.worksheets[0]
        rows = [["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)]
    else:
        encoding = "utf-8" if fmt.encoding == "auto" else fmt.encoding
        rows = list(csv.reader(io.StringIO(path.read_text(encoding=encoding), newline=""), delimiter=fmt.delimiter))
    wanted = loaded.mapping.columns()
    at = fmt.header_row - 1 if isinstance(fmt.header_row, int) else \
        next(i for i, r in enumerate(rows) if wanted <= {c.strip() for c in r})
    header = [c.strip() for c in rows[at]]
    data = [dict(zip(header, r, strict=False)) for r in rows[at + 1:] if any(c.strip() for c in r)]
    return header, data


def ground_truth(borough: SynthSummary, name: str) -> list[dict[str, str]]:
    with Path(borough.ground_truth[name]).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
