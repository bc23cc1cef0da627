"""Ingest throughput and peak memory for one million event rows.

Writes a police-style crime export (one row per person per crime: crime reference, person ref,
names, date of birth, sex, role, offence date-time, location, coordinates, flags) with numpy, then
times ``contextsafe.ingest.ingest_file`` on it in a fresh process (so peak RSS is the ingest's own).
For scale, the same file is loaded with DuckDB's ``read_csv`` into a table with no validation at
all — the floor any validating loader is measured against (``ratio_vs_duckdb_read_csv``).

    .venv/bin/python benchmarks/ingest.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

RESULTS = Path(__file__).parent / "results" / "ingest.json"
MAPPING = """
source: bench_police_crime
agency: Metropolitan Police Service
legal_basis: "Crime and Disorder Act 1998 s.115; DPA 2018 Part 3 and Sch 1 para 18"
information_sharing_agreement: ISA-BENCH-001
permitted_purposes: [assessment, profiling]
retention: 6 years
format: {type: csv}
date_formats: ["%d/%m/%Y"]
record:
  id: Person ref
  given_name: Forename
  family_name: Surname
  date_of_birth: DOB
  sex: Sex
  postcode: Home postcode
  role: Role
event:
  id: Crime ref
  type: {value: crime}
  category: Offence
  occurred_on: {column: Offence date, formats: ["%d/%m/%Y %H:%M"]}
  latitude: Lat
  longitude: Lon
concerns:
  columns: [Flags]
  separator: ";"
  codes: {CSE: cse, GANG: gang_association, SYV: serious_youth_violence, DA: domestic_abuse_at_home}
values:
  sex: {M: male, F: female, U: unknown}
  role: {V: victim, S: suspect, W: witness, O: other}
"""
GIVEN = np.array(["Jo", "Mo", "Amira", "Kai", "Tia", "Leon", "Zoë", "Aaliyah", "Kwame", "Chloé", "Ibrahim", "Maya"])
FAMILY = np.array(["Smith", "Khan", "Adeyemi", "Lee", "O'Brien", "Nguyen", "Begum", "Jones", "Mensah", "Kowalski"])
POSTCODES = np.array(["NW1 8NN", "NW5 1TL", "N7 9QJ", "NW3 2YP", "WC1H 9AB", "NW6 1RR"])
OFFENCES = np.array(["Robbery", "Violence with injury", "Sexual offences", "Possession of weapons", "Theft"])
FLAGS = np.array(["", "", "", "CSE", "GANG", "SYV;GANG", "DA"])


def write_export(path: Path, rows: int, seed: int = 1) -> None:
    rng = np.random.default_rng(seed)
    chunk = 200_000
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("Crime ref,Person ref,Forename,Surname,DOB,Sex,Home postcode,Role,Offence,Offence date,"
                  "Lat,Lon,Flags\n")
        for start in range(0, rows, chunk):
            n = min(chunk, rows - start)
            idx = np.arange(start, start + n)
            day = rng.integers(1, 29, n)
            month = rng.integers(1, 13, n)
            year = rng.integers(2001, 2008, n)
            lines = [
                f"CR{i // 3:07d},P{rng_i:07d},{g},{f},{d:02d}/{m:02d}/{y},{s},{p},{r},{o},"
                f"{d:02d}/{m:02d}/2018 {h:02d}:{mi:02d},{la:.6f},{lo:.6f},{fl}\n"
                for i, rng_i, g, f, d, m, y, s, p, r, o, h, mi, la, lo, fl in zip(
                    idx, rng.integers(0, rows // 2, n), rng.choice(GIVEN, n), rng.choice(FAMILY, n), day, month, year,
                    rng.choice(np.array(["M", "F", "U"]), n), rng.choice(POSTCODES, n),
                    rng.choice(np.array(["V", "S", "W", "O"]), n), rng.choice(OFFENCES, n), rng.integers(0, 24, n),
                    rng.integers(0, 60, n), rng.uniform(51.52, 51.57, n), rng.uniform(-0.21, -0.11, n),
                    rng.choice(FLAGS, n), strict=True)
            ]
            out.writelines(lines)


CHILD = """
import json, resource, sys, time
from pathlib import Path
mode, folder = sys.argv[1], Path(sys.argv[2])
start = time.perf_counter()
if mode == "contextsafe":
    from contextsafe.ingest import ingest_file
    from contextsafe.sources import load_mapping
    from contextsafe.store import Workspace
    ws = Workspace.create(folder / "ws")
    report = ingest_file(ws, load_mapping(folder / "mapping.yaml"), folder / "export.csv")
    out = {"rows": report.rows_in, "accepted": report.accepted, "quarantined": report.quarantined,
           "reconciles": report.reconciles}
else:
    import duckdb
    con = duckdb.connect(str(folder / "plain.duckdb"))
    con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?, all_varchar=true)", [str(folder / "export.csv")])
    out = {"rows": con.execute("SELECT count(*) FROM t").fetchone()[0]}
out["seconds"] = time.perf_counter() - start
out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def run(mode: str, folder: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", CHILD, mode, str(folder)], capture_output=True, text=True,
                            check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "mapping.yaml").write_text(MAPPING, encoding="utf-8")
        began = time.perf_counter()
        write_export(folder / "export.csv", args.rows)
        print(f"wrote {args.rows:,} rows in {time.perf_counter() - began:.1f} s "
              f"({(folder / 'export.csv').stat().st_size / 1e6:.0f} MB)")
        ours = run("contextsafe", folder)
        floor = run("duckdb", folder)
    rows_per_s = ours["rows"] / ours["seconds"]
    figures = {
        "rows": ours["rows"], "accepted": ours["accepted"], "quarantined": ours["quarantined"],
        "reconciles": ours["reconciles"], "seconds": round(ours["seconds"], 2), "rows_per_s": round(rows_per_s),
        "peak_rss_mb": round(ours["peak_rss_mb"]),
        "duckdb_read_csv_seconds": round(floor["seconds"], 2),
        "duckdb_read_csv_rows_per_s": round(floor["rows"] / floor["seconds"]),
        "duckdb_read_csv_peak_rss_mb": round(floor["peak_rss_mb"]),
        "ratio_vs_duckdb_read_csv": round(ours["seconds"] / floor["seconds"], 2),
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores",
        "date": time.strftime("%Y-%m-%d"),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
