"""Profile accuracy against the synthetic borough's ground truth (camden, 2,000 young people, seed 7).

Builds the demo workspace (synthetic borough + real open data → ingest → place → link → overlap),
then scores the profile's contexts with the evaluators of the stages that own them:

- ``peer_group_ari``: adjusted Rand index of the peer groups found against the planted groups
  (``contextsafe.contexts.evaluate_peer_groups``; target ≥ 0.9);
- ``hotspot_recall`` and ``hotspot_spurious_share``: planted hot spots found, and flagged cells that
  are not planted (``contextsafe.places.evaluate_hotspots``; targets ≥ 0.9 and ≤ 0.10);
- ``school_concentration_correct``: the concentrated/spread verdict equals the planted answer
  (``contextsafe.contexts.evaluate_school_concentration``).

It then runs ``build_profile`` on the same workspace so the figures belong to a profile that was
actually produced (its partner version passed the leak check).

    .venv/bin/python benchmarks/profile_accuracy.py [--workspace DIR] [--young-people 2000] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "profile_accuracy.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", type=Path, help="reuse a demo workspace built with the same settings")
    parser.add_argument("--young-people", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="contextsafe-profile-acc-") as tmp:
        ws = _workspace(args, Path(tmp))
        results = evaluate(ws, args.seed)
        results |= {"borough": "camden", "young_people": args.young_people, "seed": args.seed}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
    print(json.dumps({k: results[k] for k in ("peer_group_ari", "hotspot_recall", "hotspot_spurious_share",
                                              "school_concentration_correct")}, indent=2))


def _workspace(args: argparse.Namespace, tmp: Path):  # noqa: ANN202 - a Workspace
    from contextsafe.pipeline import build_demo
    from contextsafe.store import Workspace

    if args.workspace is not None:
        return Workspace.open(args.workspace)
    return build_demo(tmp / "ws", "camden", args.young_people, args.seed).workspace


def evaluate(ws, seed: int) -> dict[str, object]:  # noqa: ANN001 - a Workspace
    from contextsafe.contexts import evaluate_peer_groups, evaluate_school_concentration
    from contextsafe.places import evaluate_hotspots
    from contextsafe.profile import build_profile

    truth = ws.root / "synthetic" / "ground_truth"
    groups = evaluate_peer_groups(ws, truth, seed=seed)
    hotspots = evaluate_hotspots(ws, truth)
    schools = evaluate_school_concentration(ws, truth, seed=seed)
    started = time.perf_counter()
    profile = build_profile(ws, "profiling", ws.root / "outputs" / "profile", seed=seed, pdf=False)
    return {
        "peer_group_ari": groups["peer_group_ari"],
        "hotspot_recall": hotspots["hotspot_recall"],
        "hotspot_spurious_share": hotspots["hotspot_spurious_share"],
        "school_concentration_correct": schools["school_concentration_correct"],
        "peer_groups": groups, "hotspots": hotspots, "school_concentration": schools,
        "profile_seconds": round(time.perf_counter() - started, 2),
        "profile_sources_excluded": [s for s, _ in profile.excluded],
        "profile_partner_leak_check": "passed",
    }


if __name__ == "__main__":
    main()
