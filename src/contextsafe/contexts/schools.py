"""Schools as contexts, and the borough's answer to "two peer groups across five schools, or every school?".

Why: the report found harm concentrated in a few peer groups spread over a handful of schools, and
asked partnerships to plan for those schools as contexts. Per school this module counts the young
people associated with it (through ``associations.context_id``), their concerns, the peer groups that
span it, exclusions, managed moves and Fair Access Panel referrals with their peer-on-peer abuse ticks
(appendix H), and online / "sexting" reports. The concentration measure is three plain numbers — the
share of peer-group members in the top five schools, the Herfindahl index and the Gini coefficient
across all schools — and a sentence that says what they mean.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import duckdb
import polars as pl

from contextsafe.contexts._store import PERSON_SQL, permitted_sources, query
from contextsafe.contexts.groups import PeerGroups
from contextsafe.overlap.membership import memberships
from contextsafe.store import Workspace
from contextsafe.vocab import Concern, EventType, Purpose

TOP_K = 5  # the "five schools" of the profiling question
# Concentrated: the top schools hold at least this share of members, and this many times their share
# of the other young people known to services (so a few very large schools do not count as a pattern).
CONCENTRATED_SHARE = 0.5
CONCENTRATED_RATIO = 1.5
PEER_ON_PEER = (Concern.CSE, Concern.GANG_ASSOCIATION, Concern.SERIOUS_YOUTH_VIOLENCE, Concern.CCE, Concern.HSB,
                Concern.SEXUAL_BULLYING, Concern.RELATIONSHIP_ABUSE)

_ASSOCIATED_SQL = f"""
SELECT DISTINCT x.context_id AS school_id, x.source, x.record_id, {PERSON_SQL} AS person
FROM associations x LEFT JOIN person_records pr ON pr.source = x.source AND pr.record_id = x.record_id
WHERE x.context_kind = 'school' AND x.context_id IS NOT NULL AND list_contains($permitted::VARCHAR[], x.source)
"""

# Events recorded against a pupil's record that also names the school (exclusions, FAP referrals).
_SCHOOL_EVENTS_SQL = """
SELECT DISTINCT a.context_id AS school_id, e.source, e.event_id, e.event_type, e.category
FROM associations a
JOIN participants p ON p.source = a.source AND p.record_id = a.record_id
JOIN events e ON e.source = p.source AND e.event_id = p.event_id
WHERE a.context_kind = 'school' AND a.context_id IS NOT NULL AND list_contains($permitted::VARCHAR[], a.source)
  AND list_contains($types::VARCHAR[], e.event_type)
"""

_EVENT_CONCERNS_SQL = """
SELECT DISTINCT source, event_id, concern FROM concern_flags
WHERE event_id IS NOT NULL AND list_contains($permitted::VARCHAR[], source)
"""

_ONLINE_EVENTS_SQL = f"""
WITH flagged AS (
    SELECT x.source, x.record_id, f.event_id AS ref FROM concern_flags f
    JOIN participants x ON x.source = f.source AND x.event_id = f.event_id
    WHERE f.concern = 'online_exploitation' AND f.record_id IS NULL
    UNION
    SELECT f.source, f.record_id, coalesce(f.event_id, f.record_id) AS ref FROM concern_flags f
    WHERE f.concern = 'online_exploitation' AND f.record_id IS NOT NULL
)
SELECT DISTINCT {PERSON_SQL} AS person, x.source, x.ref
FROM flagged x LEFT JOIN person_records pr ON pr.source = x.source AND pr.record_id = x.record_id
WHERE list_contains($permitted::VARCHAR[], x.source)
"""


@dataclass(frozen=True)
class SchoolConcentration:
    """How peer-group members are spread across schools, in numbers and in words."""

    verdict: str  # "concentrated", "spread", or "unknown" when no member is linked to a school
    sentence: str
    top_schools: tuple[str, ...]
    top_share: float  # share of peer-group members' school links in the top schools
    baseline_share: float  # share of the other young people's links in those same schools
    hhi: float  # Herfindahl index of members' shares across all schools (1/n when even)
    gini: float  # 0 when every school holds the same share, towards 1 when one holds all
    schools: int
    members: int


def gini(values: list[float]) -> float:
    """Gini coefficient of non-negative values (0: all equal).

    >>> gini([1, 1, 1, 1]), gini([0, 0, 0, 4])
    (0.0, 0.75)
    """
    ordered = sorted(values)
    n, total = len(ordered), sum(ordered)
    if n == 0 or total == 0:
        return 0.0
    weighted = sum((i + 1) * v for i, v in enumerate(ordered))
    return (2 * weighted) / (n * total) - (n + 1) / n


def concentration(member_schools: dict[str, set[str]], other_schools: dict[str, set[str]], all_schools: list[str],
                  names: dict[str, str], groups: int, top_k: int = TOP_K) -> SchoolConcentration:
    """The concentration of members across ``all_schools``; a member linked to two schools counts half in each."""
    if not member_schools or not all_schools:
        return SchoolConcentration("unknown", f"Unknown: none of the members of {groups} peer groups is linked to a "
                                   "school in the sources this run may use, so the question cannot be answered "
                                   "from this data.", (), 0.0, 0.0, 0.0, 0.0, len(all_schools), 0)
    shares = _shares(member_schools, all_schools)
    baseline = _shares(other_schools, all_schools)
    top = tuple(sorted(all_schools, key=lambda s: (-shares[s], s))[:top_k])
    top_share = sum(shares[s] for s in top)
    base_share = sum(baseline[s] for s in top)
    hhi = sum(v * v for v in shares.values())
    concentrated = top_share >= CONCENTRATED_SHARE and top_share >= CONCENTRATED_RATIO * base_share
    verdict = "concentrated" if concentrated else "spread"
    listed = ", ".join(names.get(s, s) for s in top)
    sentence = (f"{verdict.capitalize()}: {groups} peer groups draw {top_share:.0%} of their school-linked members "
                f"({len(member_schools)} young people) from {len(top)} of {len(all_schools)} schools ({listed}); "
                f"the same schools hold {base_share:.0%} of the other young people known to services. "
                f"Spread evenly, {len(top)} schools would hold {len(top) / max(len(all_schools), 1):.0%}.")
    return SchoolConcentration(verdict, sentence, top, round(top_share, 4), round(base_share, 4), round(hhi, 4),
                               round(gini(list(shares.values())), 4), len(all_schools), len(member_schools))


def _shares(by_person: dict[str, set[str]], schools: list[str]) -> dict[str, float]:
    weights: Counter[str] = Counter({s: 0 for s in schools})
    for linked in by_person.values():
        for school in linked:
            weights[school] += 1 / len(linked)
    total = sum(weights.values()) or 1.0
    return {s: weights[s] / total for s in schools}


def school_concentration(workspace: Workspace, groups: PeerGroups,
                         purpose: Purpose = Purpose.PROFILING, top_k: int = TOP_K) -> SchoolConcentration:
    """Are the peer groups' members concentrated in a few schools, or spread across all of them?"""
    with workspace.connect(read_only=True) as con:
        permitted, _ = permitted_sources(con, purpose)
        linked = _person_schools(con, permitted)
        names = _school_names(con)
    grouped = groups.membership()
    members = {p: s for p, s in linked.items() if p in grouped}
    others = {p: s for p, s in linked.items() if p not in grouped}
    return concentration(members, others, sorted(names), names, len(groups.groups), top_k)


def _person_schools(con: duckdb.DuckDBPyConnection, permitted: list[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for school, _, _, person in query(con, _ASSOCIATED_SQL, {"permitted": permitted}).iter_rows():
        out[person].add(school)
    return out


def _school_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT context_id, name FROM contexts WHERE kind = 'school'").fetchall())


def school_contexts(workspace: Workspace, groups: PeerGroups, purpose: Purpose = Purpose.PROFILING) -> pl.DataFrame:
    """One row per school: associated young people, their concerns, peer groups spanning it, exclusions,
    managed moves, Fair Access Panel referrals (with peer-on-peer abuse ticks) and online reports."""
    with workspace.connect(read_only=True) as con:
        permitted, _ = permitted_sources(con, purpose)
        linked = _person_schools(con, permitted)
        names = _school_names(con)
        concerns = _person_labels(memberships(con, "concern", permitted))
        events = query(con, _SCHOOL_EVENTS_SQL, {"permitted": permitted, "types": [
            str(EventType.EXCLUSION), str(EventType.FAIR_ACCESS_REFERRAL)]})
        flags = query(con, _EVENT_CONCERNS_SQL, {"permitted": permitted})
        online = query(con, _ONLINE_EVENTS_SQL, {"permitted": permitted})
    pupils: dict[str, set[str]] = defaultdict(set)
    for person, schools in linked.items():
        for school in schools:
            pupils[school].add(person)
    membership = groups.membership()
    online_refs = _per_person_refs(online)
    rows = [_school_row(s, names[s], pupils[s], concerns, membership, events, flags, online_refs)
            for s in sorted(names)]
    return pl.DataFrame(rows, schema=SCHOOL_COLUMNS, orient="row")


SCHOOL_COLUMNS = {
    "school_id": pl.String, "name": pl.String, "persons": pl.Int64, "concerns": pl.String,
    "peer_groups": pl.String, "peer_group_members": pl.Int64, "exclusions": pl.Int64,
    "permanent_exclusions": pl.Int64, "managed_moves": pl.Int64, "fap_referrals": pl.Int64,
    "fap_peer_on_peer": pl.Int64, "fap_peer_on_peer_ticks": pl.String, "online_reports": pl.Int64,
}


def _person_labels(frame: pl.DataFrame) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for person, label in frame.iter_rows():
        out[person].add(label)
    return out


def _per_person_refs(frame: pl.DataFrame) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for person, source, ref in frame.iter_rows():
        out[person].add(f"{source}/{ref}")
    return out


def _school_row(school: str, name: str, pupils: set[str], concerns: dict[str, set[str]],
                membership: dict[str, str], events: pl.DataFrame, flags: pl.DataFrame,
                online: dict[str, set[str]]) -> list[object]:
    here = events.filter(pl.col("school_id") == school)
    exclusions = here.filter(pl.col("event_type") == EventType.EXCLUSION)
    fap = here.filter(pl.col("event_type") == EventType.FAIR_ACCESS_REFERRAL)
    ticks = flags.join(fap.select("source", "event_id"), on=["source", "event_id"]).filter(
        pl.col("concern").is_in([str(c) for c in PEER_ON_PEER]))
    in_groups = Counter(membership[p] for p in pupils if p in membership)
    return [
        school, name, len(pupils), _labels(Counter(c for p in pupils for c in concerns.get(p, ()))),
        _labels(in_groups), sum(in_groups.values()), exclusions.height,
        exclusions.filter(pl.col("category").str.to_uppercase().str.starts_with("PERM")).height,
        fap.filter(pl.col("category").str.to_lowercase().str.contains("managed move")).height, fap.height,
        ticks["event_id"].n_unique(), _labels(Counter(ticks["concern"].to_list())),
        len({ref for p in pupils for ref in online.get(p, ())}),
    ]


def _labels(counts: Counter[str]) -> str:
    """``label:count`` pairs, most frequent first (``cse:4;hsb:2``)."""
    return ";".join(f"{k}:{v}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
