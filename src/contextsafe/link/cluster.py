"""Records to persons: greedy clustering of links, strongest first, that never joins a forbidden pair.

Plain connected components would let a third record chain two twins (or a pair an analyst rejected)
into one person. Here each link is taken in order of decreasing match probability and skipped if it
would put two records that must not link into the same cluster; accepted pairs are taken first.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import jellyfish
import polars as pl

# A record's first-name evidence: given name, family name, the formal names it may stand for, and
# its first middle name.
NameKey = tuple[str | None, str | None, tuple[str, ...], str | None]


def dates_compatible(a: str, b: str) -> bool:
    """Two ISO dates of birth that one slip could turn into each other: equal, one character wrong,
    two neighbouring characters swapped, or day and month transposed."""
    if a == b:
        return True
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 1:
        return True
    if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
        return True
    return len(a) == 10 and a[:5] == b[:5] and a[5:7] == b[8:10] and a[8:10] == b[5:7]


@lru_cache(maxsize=200_000)
def _similar(a: str, b: str) -> bool:
    return a == b or jellyfish.levenshtein_distance(a, b) <= 1 or jellyfish.jaro_winkler_similarity(a, b) >= 0.8


def names_compatible(a: NameKey, b: NameKey) -> bool:
    """Two records that could name the same child: first names alike (spelling slip, nickname,
    middle name used) or first and last names swapped. A missing first name never conflicts."""
    ga, fa, groups_a, other_a = a
    gb, fb, groups_b, other_b = b
    if not ga or not gb or _similar(ga, gb) or set(groups_a) & set(groups_b):
        return True
    if ga == other_b or gb == other_a:
        return True
    return bool(fa and fb and _similar(ga, fb) and _similar(fa, gb))


class _Clusters:
    def __init__(self, uids: Iterable[str], dobs: dict[str, str] | None = None):
        self.parent = {u: u for u in uids}
        self.members: dict[str, list[str]] = {u: [u] for u in self.parent}
        self.forbidden: dict[str, set[str]] = {}
        self.probability: dict[str, float] = {}
        self.joins: list[tuple[str, str]] = []  # the links that joined two clusters (a spanning forest)
        # Dates of birth recorded in each cluster; two clusters whose dates all conflict never merge.
        self.dobs: dict[str, set[str]] = {u: {d} for u, d in (dobs or {}).items() if d}
        # How often each first name is recorded in each cluster. Two clusters whose usual names are
        # not compatible never merge (the twin guard: twins share a surname, a date of birth and an
        # address, never a name) — the usual name, so one ambiguous "Jo" cannot join Jordan and Josephine.
        self.names: dict[str, Counter[NameKey]] = {}

    def _usual_name(self, root: str) -> NameKey | None:
        counts = self.names.get(root)
        if not counts:
            return None
        return min(counts.items(), key=lambda item: (-item[1], repr(item[0])))[0]

    def _names_conflict(self, ra: str, rb: str) -> bool:
        na, nb = self._usual_name(ra), self._usual_name(rb)
        return na is not None and nb is not None and not names_compatible(na, nb)

    def _dates_conflict(self, ra: str, rb: str) -> bool:
        da, db = self.dobs.get(ra), self.dobs.get(rb)
        if not da or not db:
            return False
        return not any(dates_compatible(x, y) for x in da for y in db)

    def find(self, uid: str) -> str:
        root = uid
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[uid] != root:
            self.parent[uid], uid = root, self.parent[uid]
        return root

    def forbid(self, a: str, b: str) -> None:
        self.forbidden.setdefault(a, set()).add(b)
        self.forbidden.setdefault(b, set()).add(a)

    def _conflict(self, ra: str, rb: str) -> bool:
        fa, fb = self.forbidden.get(ra), self.forbidden.get(rb)
        if not fa and not fb:
            return False
        if fa and len(self.members[rb]) <= len(fa):
            return any(m in fa for m in self.members[rb])
        if fb and len(self.members[ra]) <= len(fb):
            return any(m in fb for m in self.members[ra])
        return bool((fa or set()) & set(self.members[rb]))

    def link(self, a: str, b: str, p: float) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self._conflict(ra, rb) or self._dates_conflict(ra, rb) or self._names_conflict(ra, rb):
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        merged = self.forbidden.pop(rb, set()) | self.forbidden.get(ra, set())
        if merged:
            self.forbidden[ra] = merged
        dates = self.dobs.pop(rb, set()) | self.dobs.get(ra, set())
        if dates:
            self.dobs[ra] = dates
        names = self.names.pop(rb, None)
        if names:
            self.names.setdefault(ra, Counter()).update(names)
        for uid in (a, b):
            self.probability[uid] = max(self.probability.get(uid, 0.0), p)
        self.joins.append((a, b))
        return True


def person_id(first_uid: str) -> str:
    """A stable person identifier derived from the smallest record key in the cluster."""
    return "P-" + hashlib.sha256(first_uid.encode()).hexdigest()[:12]


def cluster(
    uids: list[str],
    links: pl.DataFrame,
    *,
    accepted: Iterable[tuple[str, str]] = (),
    forbidden: Iterable[tuple[str, str]] = (),
    dates_of_birth: dict[str, str] | None = None,
    names: dict[str, NameKey] | None = None,
    joins: list[tuple[str, str]] | None = None,
) -> pl.DataFrame:
    """Assign every uid a ``person_id``; ``links`` has ``uid_l``, ``uid_r``, ``match_probability``.

    Returns ``uid``, ``person_id`` and ``match_probability`` (the strongest link that joined the
    record to its person; null for a record linked to no other).
    """
    state = _Clusters(uids)
    for a, b in forbidden:
        if a in state.parent and b in state.parent:
            state.forbid(a, b)
    for a, b in accepted:
        if a in state.parent and b in state.parent:
            state.link(a, b, 1.0)
    for uid, dob in (dates_of_birth or {}).items():
        if dob:
            state.dobs.setdefault(state.find(uid), set()).add(dob)
    for uid, key in (names or {}).items():
        if key[0]:
            state.names.setdefault(state.find(uid), Counter())[key] += 1
    ordered = links.sort(["match_probability", "uid_l", "uid_r"], descending=[True, False, False])
    for a, b, p in ordered.select("uid_l", "uid_r", "match_probability").iter_rows():
        state.link(a, b, float(p))
    if joins is not None:
        joins.extend(state.joins)
    rows = []
    for members in state.members.values():
        pid = person_id(min(members))
        rows.extend((m, pid, state.probability.get(m)) for m in members)
    return pl.DataFrame(
        rows, schema={"uid": pl.String, "person_id": pl.String, "match_probability": pl.Float64}, orient="row"
    ).sort("uid")
