"""Person records at linkage-benchmark scale: many noisy records of fewer true people, one file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from contextsafe.synth.geography import load_geography
from contextsafe.synth.names import load_names
from contextsafe.synth.noise import CAREFUL, HURRIED, ORDINARY, observe
from contextsafe.synth.population import build_population

COLUMNS = ("source", "record_id", "given_name", "family_name", "date_of_birth", "sex", "postcode", "person_id")
SOURCES = (("csc_referrals", CAREFUL), ("police_crime", HURRIED), ("school_exclusions", CAREFUL),
           ("missing_episodes", ORDINARY), ("asb_callouts", HURRIED), ("ae_youth_workers", ORDINARY))
RECORDS_PER_PERSON = 4.0
CHUNK = 50_000


def generate_linkage_records(n_records: int, seed: int, out: Path, *, borough: str = "camden") -> Path:
    """Write about ``n_records`` canonical person records with their true ``person_id``.

    ``out`` is a folder (the file is ``linkage_records.parquet`` in it) or a ``.parquet`` / ``.csv``
    path. Records are written in chunks; the true population is small enough to hold in memory.
    """
    out = Path(out)
    path = out if out.suffix in (".parquet", ".csv") else out / "linkage_records.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng([seed, 9])
    geo = load_geography(borough)
    names = load_names()
    pop = build_population(rng, names, geo, max(1, int(n_records / RECORDS_PER_PERSON)))
    postcodes = geo.postcodes["postcode"].to_list()
    pool = tuple(n for group in names.first.values() for n in group)
    sink = _Sink(path)
    written = 0
    rows: list[tuple[str | None, ...]] = []
    order = rng.permutation(len(pop))  # every true person gets records before anyone gets more
    drawn = 0
    try:
        while written < n_records:
            person = int(order[drawn % len(order)])
            drawn += 1
            for _ in range(min(1 + int(rng.poisson(RECORDS_PER_PERSON - 1)), n_records - written)):
                source, profile = SOURCES[int(rng.integers(len(SOURCES)))]
                ident = observe(pop, postcodes, person, rng, profile, names.aliases, pool)
                written += 1
                rows.append((source, ident.given, ident.family, ident.dob.isoformat() if ident.dob else None,
                             ident.sex, ident.postcode, pop.person_id[person]))
            if len(rows) >= CHUNK or written >= n_records:
                sink.write([rows[int(i)] for i in rng.permutation(len(rows))], written - len(rows))
                rows = []
    finally:
        sink.close()
    return path


class _Sink:
    """Parquet or CSV, written a shuffled chunk at a time (record ids follow the shuffled order)."""

    def __init__(self, path: Path):
        self.path = path
        self.schema = pa.schema([(c, pa.string()) for c in COLUMNS])
        self.parquet: pq.ParquetWriter | None = None
        self.csv = path.open("wb") if path.suffix == ".csv" else None
        self.header = True

    def write(self, rows: list[tuple[str | None, ...]], start: int) -> None:
        columns = list(zip(*rows, strict=True))
        data = {"source": columns[0], "record_id": [f"L{start + i + 1:08d}" for i in range(len(rows))]}
        data |= dict(zip(COLUMNS[2:], columns[1:], strict=True))
        table = pa.table({c: list(data[c]) for c in COLUMNS}, schema=self.schema)
        if self.csv is not None:
            pacsv.write_csv(table, self.csv, pacsv.WriteOptions(include_header=self.header))
            self.header = False
        else:
            self.parquet = self.parquet or pq.ParquetWriter(self.path, self.schema)
            self.parquet.write_table(table)

    def close(self) -> None:
        if self.parquet is not None:
            self.parquet.close()
        if self.csv is not None:
            self.csv.close()
