"""Precision and recall of each strategic document check on the hand-labelled set.

The labelled set (benchmarks/data/document_checks/labelled.yaml) was written before the rules were tuned;
items marked ``held_out`` were not looked at while tuning. Items marked ``fresh`` were written after the last
change to the rules and never tuned on; earlier fresh batches, once the rules were fixed for their failures,
became ``dev`` (the labelled file says which commit recorded their figures). Held-out and fresh figures are
reported separately from the figures over all items.
Each item says whether one rule should fire on its text (a passage, a short document, or a set of
documents); the item is run through ``contextsafe.doccheck.check`` exactly as an upload would be.

    .venv/bin/python benchmarks/document_checks.py
"""

from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path

import yaml

from contextsafe.doccheck import check, from_text, load_rules

HERE = Path(__file__).parent
LABELLED = HERE / "data" / "document_checks" / "labelled.yaml"
RESULTS = HERE / "results" / "document_checks.json"


def fires(item: dict, ruleset) -> bool:  # noqa: ANN001
    """Whether the item's rule fires when its text (or documents) is checked like an upload."""
    if "documents" in item:
        documents = [from_text(f"{d['title']}.txt", d["text"]) for d in item["documents"]]
    else:
        documents = [from_text(f"{item['id']}.txt", item["text"])]
    return bool(check(documents, ruleset).fired(item["rule"]))


def scores(outcomes: list[tuple[int, bool]]) -> dict:
    tp = sum(1 for label, fired in outcomes if label and fired)
    fp = sum(1 for label, fired in outcomes if not label and fired)
    fn = sum(1 for label, fired in outcomes if label and not fired)
    precision = round(tp / (tp + fp), 3) if tp + fp else None  # undefined: nothing flagged
    recall = round(tp / (tp + fn), 3) if tp + fn else None  # undefined: no positive items
    return {"items": len(outcomes), "tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall}


def lowest(per_rule: dict, key: str) -> float | None:
    """The lowest defined figure over rules (a rule with no items in a split has none)."""
    values = [r[key] for r in per_rule.values() if r[key] is not None]
    return min(values) if values else None


def main() -> int:
    items = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))["items"]
    ruleset = load_rules()
    started = time.perf_counter()
    outcomes = {item["id"]: fires(item, ruleset) for item in items}
    seconds = time.perf_counter() - started
    per_rule = _per_rule(items, outcomes, ruleset, ("dev", "held_out", "fresh"))
    held_out = _per_rule(items, outcomes, ruleset, ("held_out",))
    fresh = _per_rule(items, outcomes, ruleset, ("fresh",))
    missed = [{"id": i["id"], "rule": i["rule"], "label": i["label"], "split": i["split"]}
              for i in items if bool(i["label"]) != outcomes[i["id"]]]
    result = {
        "passages": len(items), "rules": len(per_rule), "seconds": round(seconds, 3),
        "min_precision": lowest(per_rule, "precision"), "min_recall": lowest(per_rule, "recall"),
        "held_out": _summary(items, "held_out", held_out), "fresh": _summary(items, "fresh", fresh),
        "per_rule": per_rule, "wrong": missed, "rules_version": ruleset.version,
        "python": platform.python_version(), "machine": platform.machine(),
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    _table(per_rule, held_out, fresh)
    print(f"\n{len(items)} items, {len(per_rule)} rules, {seconds:.2f} s; min precision {result['min_precision']}, "
          f"min recall {result['min_recall']}; held out {result['held_out']['min_precision']}, "
          f"{result['held_out']['min_recall']}; fresh {result['fresh']['min_precision']}, "
          f"{result['fresh']['min_recall']}; wrong: {[m['id'] for m in missed]}")
    return 0


def _per_rule(items: list[dict], outcomes: dict, ruleset, splits: tuple[str, ...]) -> dict:  # noqa: ANN001
    return {rule.id: scores([(i["label"], outcomes[i["id"]]) for i in items
                             if i["rule"] == rule.id and i["split"] in splits]) for rule in ruleset.rules}


def _summary(items: list[dict], split: str, per_rule: dict) -> dict:
    return {"passages": sum(1 for i in items if i["split"] == split),
            "min_precision": lowest(per_rule, "precision"), "min_recall": lowest(per_rule, "recall"),
            "per_rule": per_rule}


def _table(*columns: dict) -> None:
    print(f"{'rule':24}" + "".join(f" | {name:>8} {'prec':>5} {'recall':>6}" for name in ("all", "held-out", "fresh")))
    for rule in columns[0]:
        print(f"{rule:24}" + "".join(f" | {c[rule]['items']:>8} {_figure(c[rule]['precision']):>5} "
                                     f"{_figure(c[rule]['recall']):>6}" for c in columns))


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


if __name__ == "__main__":
    sys.exit(main())
