"""Profile at borough scale: raw agency exports to finished profile, time and peak memory, and growth.

Each scale runs in a fresh child process (so its peak RSS is its own): ``build_demo`` (generate the
synthetic borough's raw exports, ingest them with the real open data, place, link with Splink,
overlap; seconds per stage are kept) and then ``build_profile`` (contexts, places, Figure 1, trends,
equality, both reports with their exports, the leak check, the PDFs). Borough scale is 50,000 young
people (about 500,000 events with the real police layers); the growth curve runs 10%, 30% and 100%
(``--scales`` to add 3.0).

    .venv/bin/python benchmarks/profile.py [--young-people 50000] [--scales 0.1,0.3,1.0]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "profile.json"
TARGET_SECONDS, TARGET_MB = 300, 4096
def child(young_people: int, folder: Path) -> None:
    """One scale, in this process: print a JSON line with its figures."""
    from contextsafe.pipeline import build_demo
    from contextsafe.profile import build_profile

    started = time.perf_counter()
    stages: dict[str, float] = {}
    peaks: dict[str, float] = {}
    last = [started, ""]

    def step(message: str) -> None:  # seconds spent in each stage of build_demo, and the peak memory after it
        now = time.perf_counter()
        if last[1]:
            stages[last[1]] = round(now - last[0], 1)
            peaks[last[1]] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        last[:] = [now, message.split(" (")[0]]

    demo = build_demo(folder / "ws", "camden", young_people, 7, step=step, link=True)
    step("done")
    built = time.perf_counter()
    synthesis = next((v for k, v in stages.items() if k.startswith("Generating")), 0.0)
    result = build_profile(demo.workspace, "profiling", folder / "profile")
    done = time.perf_counter()
    with demo.workspace.connect(read_only=True) as con:
        events, records = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("events", "records"))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"young_people": young_people, "events": events, "records": records,
                      # The measure starts from the raw exports: writing the synthetic exports is not in it.
                      "seconds": round(done - started - synthesis, 1), "synthesis_seconds": synthesis,
                      "seconds_with_synthesis": round(done - started, 1),
                      "raw_to_store_seconds": round(built - started - synthesis, 1),
                      "profile_seconds": round(done - built, 1), "peak_rss_mb": round(max(own, kids), 1),
                      "peak_rss_mb_python": round(own, 1), "pdf": "profile.pdf" in result.files,
                      "linked": True, "stages_seconds": stages, "peak_rss_mb_after_stage": peaks}),
          flush=True)


def run_scale(young_people: int, timeout: float) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="contextsafe-profile-bench-") as tmp:
        try:
            out = subprocess.run([sys.executable, __file__, "--child", str(young_people), tmp], check=True,
                                 capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"young_people": young_people, "timed_out_after_seconds": timeout}
        except subprocess.CalledProcessError as error:
            return {"young_people": young_people, "failed": error.stderr[-2000:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--young-people", type=int, default=50_000)
    parser.add_argument("--scales", default="0.1,0.3,1.0")
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--child", nargs=2, metavar=("YOUNG_PEOPLE", "FOLDER"))
    parser.add_argument("--keep", action="store_true", help="keep the results of scales not run this time")
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), Path(args.child[1]))
        return
    scales = [float(s) for s in args.scales.split(",")]
    growth = _kept(scales) if args.keep else []
    for scale in scales:
        figures = run_scale(round(args.young_people * scale), args.timeout)
        growth.append({"scale": scale, **figures, "commit": _commit()})
        growth.sort(key=lambda g: g["scale"])
        print(json.dumps(growth[-1]), flush=True)
        _write(args, growth)


def _kept(scales: list[float]) -> list[dict[str, object]]:
    if not RESULTS.exists():
        return []
    return [g for g in json.loads(RESULTS.read_text(encoding="utf-8")).get("growth", []) if g["scale"] not in scales]


def _commit() -> str:
    out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,  # noqa: S607
                         cwd=Path(__file__).parent, check=False)
    return out.stdout.strip()


def _write(args: argparse.Namespace, growth: list[dict[str, object]]) -> None:
    full = next((g for g in growth if g["scale"] == 1.0), None) or {}
    results = {
        "seconds": full.get("seconds"), "peak_rss_mb": full.get("peak_rss_mb"),
        "young_people": args.young_people, "events": full.get("events"),
        "targets": {"seconds": TARGET_SECONDS, "peak_rss_mb": TARGET_MB},
        "growth": growth,
        "linkage": "every scale is linked with Splink (DuckDB engine, identical identities scored once)",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "command": f"python benchmarks/profile.py --young-people {args.young_people} --scales {args.scales}",
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
