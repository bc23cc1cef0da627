"""Scoring the contexts against a synthetic borough's ground truth (used by the profile-accuracy benchmark).

The pipeline never reads the ground truth; only these functions do, after the fact. Our person ids are
mapped to true person ids through ``ground_truth/record_person.csv`` (source, record_id → true person).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from math import comb
from pathlib import Path

from contextsafe.contexts._store import PERSON_SQL, query
from contextsafe.contexts.groups import find_peer_groups
from contextsafe.contexts.homes import home_contexts
from contextsafe.contexts.schools import school_concentration
from contextsafe.store import Workspace
from contextsafe.vocab import Purpose

_RECORD_PERSON_SQL = f"""
SELECT x.source, x.record_id, {PERSON_SQL} AS person
FROM records x LEFT JOIN person_records pr ON pr.source = x.source AND pr.record_id = x.record_id
"""


def adjusted_rand_index(truth: Sequence[object], predicted: Sequence[object]) -> float:
    """Hubert & Arabie's adjusted Rand index of two labellings of the same items (1.0: identical).

    >>> adjusted_rand_index([0, 0, 1, 1], [5, 5, 7, 7])
    1.0
    >>> adjusted_rand_index([0, 0, 1, 1], [0, 1, 2, 3])
    0.0
    """
    if len(truth) != len(predicted):
        raise ValueError("the two labellings must cover the same items")
    pairs = comb(len(truth), 2)
    together = sum(comb(n, 2) for n in Counter(zip(truth, predicted, strict=True)).values())
    rows = sum(comb(n, 2) for n in Counter(truth).values())
    cols = sum(comb(n, 2) for n in Counter(predicted).values())
    expected = rows * cols / pairs if pairs else 0.0
    best = (rows + cols) / 2
    return 1.0 if best == expected else (together - expected) / (best - expected)


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def true_person_labels(workspace: Workspace, ground_truth_dir: Path,
                       membership: dict[str, str]) -> dict[str, str | None]:
    """Per true person, the group we put them in: the group most of their grouped records fall in.

    A true person whose records sit in no group gets ``None``. Splitting one young person across two
    linked persons only costs us when neither half is grouped.
    """
    truth = {(r["source"], r["record_id"]): r["person_id"] for r in _csv(ground_truth_dir / "record_person.csv")}
    with workspace.connect(read_only=True) as con:
        ours = query(con, _RECORD_PERSON_SQL)
    votes: dict[str, Counter[str]] = {}
    for source, record_id, person in ours.iter_rows():
        true_id = truth.get((source, record_id))
        if true_id is None:
            continue
        counter = votes.setdefault(true_id, Counter())
        if person in membership:
            counter[membership[person]] += 1
    return {p: (c.most_common(1)[0][0] if c else None) for p, c in votes.items()}


def _majority_true_person(workspace: Workspace, ground_truth_dir: Path) -> dict[str, str]:
    """Per person id of ours, the true person most of its records belong to."""
    truth = {(r["source"], r["record_id"]): r["person_id"] for r in _csv(ground_truth_dir / "record_person.csv")}
    with workspace.connect(read_only=True) as con:
        ours = query(con, _RECORD_PERSON_SQL)
    votes: dict[str, Counter[str]] = {}
    for source, record_id, person in ours.iter_rows():
        true_id = truth.get((source, record_id))
        if true_id is not None:
            votes.setdefault(person, Counter())[true_id] += 1
    return {p: c.most_common(1)[0][0] for p, c in votes.items()}


def evaluate_peer_groups(workspace: Workspace, ground_truth_dir: str | Path, purpose: Purpose = Purpose.PROFILING,
                         seed: int = 7, **options: float) -> dict[str, object]:
    """``peer_group_ari`` over every planted group member (never seen or ungrouped: a group of one),
    with ``peer_group_ari_observed`` over the members that appear in the store, and the counts.

    ARI alone cannot see young people wrongly added to a group (they are not in the planted groups), so
    ``grouped_persons_planted_share`` reports the share of our grouped persons who are planted members.
    """
    folder = Path(ground_truth_dir)
    found = find_peer_groups(workspace, purpose, seed=seed, **options)
    labels = true_person_labels(workspace, folder, found.membership())
    planted = [(r["person_id"], r["group_id"]) for r in _csv(folder / "peer_groups.csv")]
    truth = [g for _, g in planted]
    predicted = [labels.get(p) or f"alone:{p}" for p, _ in planted]
    seen = [(g, labels.get(p) or f"alone:{p}") for p, g in planted if p in labels]
    grouped = found.membership()
    true_of = _majority_true_person(workspace, folder)
    planted_ids = {p for p, _ in planted}
    pure = sum(1 for person in grouped if true_of.get(person) in planted_ids)
    return {
        "peer_group_ari": round(adjusted_rand_index(truth, predicted), 4),
        "peer_group_ari_observed": round(adjusted_rand_index([t for t, _ in seen], [q for _, q in seen]), 4),
        "planted_groups": len(set(truth)),
        "planted_members": len(planted),
        "planted_members_in_store": len(seen),
        "planted_members_grouped": sum(1 for p, _ in planted if labels.get(p)),
        "groups_found": len(found.groups),
        "grouped_persons": len(grouped),
        "grouped_persons_planted_share": round(pure / max(len(grouped), 1), 4),
        "purpose": str(purpose),
        "seed": seed,
    }


def evaluate_school_concentration(workspace: Workspace, ground_truth_dir: str | Path,
                                  purpose: Purpose = Purpose.PROFILING, seed: int = 7) -> dict[str, object]:
    """``school_concentration_correct``: our verdict (concentrated or spread) equals the planted answer."""
    rows = _csv(Path(ground_truth_dir) / "school_concentration.csv")
    intended = rows[0]["intended_answer"] if rows else ""
    intended_verdict = intended.split(":", 1)[0].strip()
    truth_share = {f"school:{r['school_urn']}": float(r["share_of_planted_members"]) for r in rows}
    groups = find_peer_groups(workspace, purpose, seed=seed)
    ours = school_concentration(workspace, groups, purpose=purpose)
    top = set(ours.top_schools)
    return {
        "school_concentration_correct": ours.verdict == intended_verdict,
        "verdict": ours.verdict,
        "intended_answer": intended,
        "explanation": ours.sentence,
        "top_share": ours.top_share,
        "hhi": ours.hhi,
        "gini": ours.gini,
        "planted_share_in_top_schools": round(sum(truth_share.get(s, 0.0) for s in top), 4),
        "top_schools": sorted(top),
    }


def evaluate_homes(workspace: Workspace, ground_truth_dir: str | Path,
                   purpose: Purpose = Purpose.PROFILING) -> dict[str, object]:
    """Households against ``persons.csv``/``households.csv``: are our multi-person homes one true household
    (``home_single_household_share``), are homes we link to domestic abuse truly such
    (``da_home_precision``), and how many true domestic-abuse households do we find (``da_household_recall``)."""
    folder = Path(ground_truth_dir)
    true_of = _majority_true_person(workspace, folder)
    household_of = {r["person_id"]: r["household_id"] for r in _csv(folder / "persons.csv")}
    abusive = {r["household_id"] for r in _csv(folder / "households.csv") if r["domestic_abuse"] == "true"}
    homes = home_contexts(workspace, None, purpose)
    single = multi = da_right = 0
    found: set[str] = set()
    for ids, domestic in homes.select("person_ids", "domestic_abuse").iter_rows():
        households = Counter(household_of[true_of[p]] for p in ids.split(";") if p in true_of)
        top = households.most_common(1)[0][0] if households else None
        if len(ids.split(";")) > 1:
            multi, single = multi + 1, single + (len(households) == 1)
        if domestic and top is not None:
            da_right += top in abusive
            found.add(top)
    da_homes = int(homes["domestic_abuse"].sum()) if homes.height else 0
    return {
        "homes": homes.height,
        "home_single_household_share": round(single / max(multi, 1), 4),
        "da_home_precision": round(da_right / max(da_homes, 1), 4),
        "da_household_recall": round(len(found & abusive) / max(len(abusive), 1), 4),
        "da_households_planted": len(abusive),
    }
