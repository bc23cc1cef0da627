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
    writer: pq.ParquetWriter | None = None
    buffer: dict[str, list[str | None]] = {c: [] for c in COLUMNS}
    schema = pa.schema([(c, pa.string()) for c in COLUMNS])
    csv_handle = path.open("wb") if path.suffix == ".csv" else None
    written = 0
    header = True
    try:
        while written < n_records:
            person = int(rng.integers(len(pop)))
            for _ in range(min(1 + int(rng.poisson(RECORDS_PER_PERSON - 1)), n_records - written)):
                source, profile = SOURCES[int(rng.integers(len(SOURCES)))]
                ident = observe(pop, postcodes, person, rng, profile, names.aliases, pool)
                written += 1
                row = (source, f"L{written:08d}", ident.given, ident.family,
                       ident.dob.isoformat() if ident.dob else None, ident.sex, ident.postcode, pop.person_id[person])
                for column, value in zip(COLUMNS, row, strict=True):
                    buffer[column].append(value)
            if len(buffer["source"]) >= CHUNK or written >= n_records:
                table = pa.table(buffer, schema=schema)
                if csv_handle is not None:
                    pacsv.write_csv(table, csv_handle, pacsv.WriteOptions(include_header=header))
                    header = False
                else:
                    writer = writer or pq.ParquetWriter(path, schema)
                    writer.write_table(table)
                buffer = {c: [] for c in COLUMNS}
    finally:
        if writer is not None:
            writer.close()
        if csv_handle is not None:
            csv_handle.close()
    return path
